// The only module that talks to the engine. It compiles firehose.wasm once,
// runs it in a Web Worker, and replaces that worker whenever it must: when
// a new run arrives while one is still going (the old one is abandoned),
// when the user cancels a run, when the worker crashes, when a run takes
// too long, and when the engine reports a panic (its state is suspect). A
// fresh worker is started at once, so the next run finds one ready. A
// worker whose engine grew past MAX_WORKER_MEMORY is replaced too, once its
// run is done. The page stays responsive whatever the input.
//
// <html data-engine> says where the engine is: "loading", "ready", or
// "failed" (data-engine-error then says why); data-engine-workers counts
// the engine workers started so far.

import { failureOf } from "./catalog.js";

/** @typedef {import("./report").Report} Report */
/** @typedef {import("./report").DocFetch} DocFetch */
/** @typedef {import("./pretty.js").PrettyMap | null} BodyView the pretty Lambda body, or null */
/** @typedef {{report: Report, body: Promise<BodyView>, elapsed: number, doc: DocFetch}} Result what a run gives */
/**
 * A run going in a worker.
 * @typedef {{id: number, resolve: (r: Result) => void, reject: (e: Error) => void, body: Promise<BodyView>,
 *   bodyResolve: (v: BodyView) => void, timeout: number, started: number}} Job
 */
/**
 * An engine worker: its ready promise (of the engine's version), its run, the
 * documents asked of it, the body it laid out last.
 * @typedef {{w: Worker, job: Job | null, ready: Promise<string>, readyResolve: (version: string) => void,
 *   readyReject: (e: Error) => void, oversized?: boolean, dead?: boolean, view?: BodyView,
 *   documents?: Map<number, (text: string | null) => void>}} Entry
 */
/** @typedef {{cancel: (e: Error) => void, timeout: number}} ExportJob an export going */

/** A run that a later run replaced; callers ignore it. */
export class StaleRun extends Error {
  constructor() {
    super("replaced by a later run");
    this.name = "StaleRun";
  }
}

/** A run the user cancelled. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/**
 * EngineError is a run that failed for a reason of the engine's, not of the
 * input's. kind says which: "load" (the engine could not be loaded or
 * started), "crash" (its worker failed), "timeout" (the run took too long).
 */
export class EngineError extends Error {
  /**
   * @param {"load" | "crash" | "timeout"} kind
   * @param {string} message
   */
  constructor(kind, message) {
    super(message);
    this.name = "EngineError";
    this.kind = kind;
  }
}

const TIME_LIMIT_MS = 60_000; // a run longer than this is stopped

// A Go WebAssembly heap never shrinks: a worker whose engine grew past this
// is replaced once its run is done, so the memory goes back to the system.
// (A 6 MB event takes the engine to about 110 MiB; a 30 MB input to 500.)
const MAX_WORKER_MEMORY = 256 << 20;

// A report whose findings say the engine hit a bug (the catalog's failure
// "panic" or "encode"; not "request", a request it could not read): the
// engine's state is suspect, and its worker is replaced.
/** @param {Report} report */
function enginePanicked(report) {
  return report.findings.some((f) => {
    const failure = failureOf(f.code);
    return failure === "panic" || failure === "encode";
  });
}

/**
 * @param {"loading" | "ready" | "failed"} state
 * @param {string} [error]
 */
function setEngineState(state, error) {
  const root = document.documentElement;
  root.dataset.engine = state;
  if (error) root.dataset.engineError = error;
  else delete root.dataset.engineError;
}

function countWorker() {
  const root = document.documentElement;
  root.dataset.engineWorkers = String(Number(root.dataset.engineWorkers || 0) + 1);
}

/** @param {string} url */
async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch (e) {
    // A host that serves .wasm with another Content-Type: compile the bytes.
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

// The engine's download and compilation start as soon as this module is
// evaluated, before the page builds its editors (index.html preloads the
// file too); createEngine takes this compilation over.
const EARLY_URL = "firehose.wasm";
let early = typeof window !== "undefined" ? compile(EARLY_URL) : null;
if (early) early.catch(() => {});

/**
 * createEngine starts loading the engine and returns
 *   run(request)              → Promise<{report, body, elapsed, doc}>; body is a Promise of
 *                               the pretty Lambda body ({text, from, to}) or null;
 *                               elapsed is the milliseconds from request to report;
 *                               doc(name) is a Promise of one of the run's documents as
 *                               text ("body", "event": see report.documents), or null
 *                               once a later run or a new worker replaced them.
 *                               Rejects with StaleRun when a later run replaced it.
 *                               Rejects with EngineError when the engine failed, and
 *                               with Cancelled when the user cancelled it.
 *   schedule(makeRequest, ms) → runs makeRequest() after ms of quiet (debounce);
 *                               results go to the listeners.
 *   cancel()                  → stops the run going (its worker is replaced by a fresh
 *                               one) and any run scheduled meanwhile; false when no run
 *                               was going (then it does nothing).
 *   exportRun(request)        → Promise of the report's export (a string, or null when
 *                               the engine does not export). Exports run in a worker of
 *                               their own, so they never replace the run the page shows;
 *                               a new export replaces one still going (StaleRun).
 *   version()                 → the engine's version, once ready.
 * listeners: onResult({report, body, elapsed}), onError(error) (an EngineError, for
 * scheduled runs; cancelled and replaced runs are not errors), onBusy(bool),
 * onCatalog(description) once: the engine's firehose.describe(), or null when
 * the engine could not be loaded.
 *
 * When firehose.wasm cannot be loaded, the next run (or export) loads it again.
 *
 * @param {{wasmURL?: string, workerURL?: string,
 *   onResult?: (result: Result) => void,
 *   onError?: (error: Error & {kind?: string}) => void, onBusy?: (busy: boolean) => void,
 *   onCatalog?: (description: import("./catalog.js").Description | null) => void}} [listeners]
 */
export function createEngine({ wasmURL = "firehose.wasm", workerURL = "worker.js", onResult, onError, onBusy, onCatalog } = {}) {
  setEngineState("loading");
  let moduleFailed = false;
  /** @type {Promise<WebAssembly.Module>} */
  let module = compiling(); // the compiled engine
  /** @type {Entry | null} */
  let worker = null;
  let seq = 0;
  let docSeq = 0;
  let timer = 0;
  let version = "";
  let everReady = false;
  let busy = false;

  /** @param {boolean} b */
  function setBusy(b) {
    busy = b;
    onBusy && onBusy(b);
  }

  // compiling starts compiling the engine (or takes the early compilation over).
  function compiling() {
    const m = early && wasmURL === EARLY_URL ? early : compile(wasmURL);
    early = null;
    m.catch(() => { moduleFailed = true; });
    return m;
  }

  // load compiles the engine again when an earlier attempt failed.
  function load() {
    if (!moduleFailed) return;
    setEngineState("loading");
    moduleFailed = false;
    module = compiling();
  }

  function spawn() {
    const w = new Worker(workerURL, { name: "firehose-engine" });
    countWorker();
    /** @type {(version: string) => void} */
    let readyResolve = () => {};
    /** @type {(e: Error) => void} */
    let readyReject = () => {};
    /** @type {Promise<string>} */
    const ready = new Promise((resolve, reject) => {
      readyResolve = resolve;
      readyReject = reject;
    });
    /** @type {Entry} */
    const entry = { w, job: null, ready, readyResolve, readyReject };
    // Nobody may be waiting yet; the rejection is seen by run().
    entry.ready.catch(() => {});
    w.onmessage = (ev) => receive(entry, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      fail(entry, "crash", `the engine's worker failed: ${ev.message || "unknown error"}`);
    };
    w.onmessageerror = () => fail(entry, "crash", "the engine's answer could not be read");
    module.then(
      (m) => w.postMessage({ type: "init", module: m, warm: true }),
      (e) => fail(entry, "load", `firehose.wasm could not be loaded: ${e.message || e}`),
    );
    return entry;
  }

  /**
   * @param {Entry} entry
   * @param {any} msg a message of worker.js
   */
  function receive(entry, msg) {
    if (entry !== worker) return;
    switch (msg.type) {
      case "ready":
        version = msg.version;
        if (!everReady) {
          everReady = true;
          onCatalog && onCatalog(msg.catalog || null);
          setEngineState("ready");
        }
        entry.readyResolve(msg.version);
        break;
      case "failed":
        fail(entry, "load", `the engine could not start: ${msg.error}`);
        break;
      case "report": {
        const job = entry.job;
        if (!job || job.id !== msg.id) return;
        job.resolve({ report: msg.report, body: msg.hasBody ? job.body : Promise.resolve(null),
          elapsed: performance.now() - job.started, doc: documents(entry, msg.report) });
        entry.oversized = msg.memory > MAX_WORKER_MEMORY;
        if (enginePanicked(msg.report)) {
          // An engine that panicked may hold broken state: the next run gets a fresh one.
          job.bodyResolve(null);
          finish(entry, job);
          replace(entry);
        } else if (!msg.hasBody) {
          finish(entry, job);
          if (entry.oversized) replace(entry);
        }
        break;
      }
      case "body": {
        const job = entry.job;
        if (!job || job.id !== msg.id) return;
        if (!msg.same) entry.view = msg.view;
        job.bodyResolve(entry.view || null);
        finish(entry, job);
        if (entry.oversized) replace(entry);
        break;
      }
      case "document": {
        const waiting = entry.documents;
        const want = waiting && waiting.get(msg.id);
        if (!waiting || !want) return;
        waiting.delete(msg.id);
        want(msg.bytes instanceof Uint8Array ? new TextDecoder().decode(msg.bytes) : null);
        break;
      }
      case "error": {
        const job = entry.job;
        if (job && job.id === msg.id) fail(entry, "crash", `the engine failed on this input: ${msg.error}`);
        break;
      }
    }
  }

  // documents returns doc(name) for a report of entry's: a Promise of that
  // document's text, or of null when it is gone (see worker.js).
  /**
   * @param {Entry} entry
   * @param {Report} report
   * @returns {DocFetch}
   */
  function documents(entry, report) {
    const d = report.documents; // absent from the adapter's failure reports
    return (name) => {
      if (!d || !(name in d.sizes) || entry.dead || worker !== entry) return Promise.resolve(null);
      const waiting = entry.documents || (entry.documents = new Map());
      const id = ++docSeq;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        entry.w.postMessage({ type: "document", id, run: d.run, name });
      });
    };
  }

  /**
   * @param {Entry} entry
   * @param {Job} job
   */
  function finish(entry, job) {
    clearTimeout(job.timeout);
    if (entry.job === job) {
      entry.job = null;
      setBusy(false);
    }
  }

  // stop terminates a worker and settles its run with err.
  /**
   * @param {Entry} entry
   * @param {Error} err
   */
  function stop(entry, err) {
    entry.w.terminate();
    if (entry.documents) {
      for (const gone of entry.documents.values()) gone(null);
      entry.documents.clear();
    }
    if (worker === entry) worker = null;
    const job = entry.job;
    entry.job = null;
    if (job) {
      clearTimeout(job.timeout);
      job.reject(err);
      job.bodyResolve(null);
    }
    return job;
  }

  // replace stops a worker and starts a fresh one for the next run.
  /**
   * @param {Entry} entry
   * @param {Error} [err]
   */
  function replace(entry, err = new StaleRun()) {
    const current = worker === entry;
    stop(entry, err);
    if (current) worker = spawn();
  }

  // fail drops a worker that cannot go on. When it failed on a run, a fresh
  // one is started at once; when it failed to start, the next run tries again.
  /**
   * @param {Entry} entry
   * @param {"load" | "crash" | "timeout"} kind
   * @param {string} message
   */
  function fail(entry, kind, message) {
    if (entry.dead) return;
    entry.dead = true;
    const err = new EngineError(kind, message);
    entry.readyReject(err);
    const current = worker === entry;
    const job = stop(entry, err);
    if (job) setBusy(false);
    if (!everReady) {
      onCatalog && onCatalog(null);
      setEngineState("failed", message);
    }
    if (job && current && everReady) worker = spawn();
  }

  /**
   * @param {object} request
   * @returns {Promise<Result>}
   */
  async function run(request) {
    const id = ++seq;
    if (worker && worker.job) stop(worker, new StaleRun());
    if (!worker) {
      load();
      worker = spawn();
    }
    const entry = worker;
    setBusy(true);
    try {
      await entry.ready;
    } catch (e) {
      if (id === seq) setBusy(false);
      throw e;
    }
    if (id !== seq) throw new StaleRun();
    if (entry !== worker) return run(request); // it was replaced meanwhile
    return new Promise((resolve, reject) => {
      /** @type {(v: BodyView) => void} */
      let bodyResolve = () => {};
      /** @type {Promise<BodyView>} */
      const body = new Promise((r) => { bodyResolve = r; });
      const timeout = setTimeout(() => fail(entry, "timeout", `the run took longer than ${TIME_LIMIT_MS / 1000} s and was stopped`), TIME_LIMIT_MS);
      /** @type {Job} */
      const job = { id, resolve, reject, body, bodyResolve, timeout, started: performance.now() };
      entry.job = job;
      entry.w.postMessage({ type: "run", id, request });
    });
  }

  let scheduled = 0; // the latest scheduled run; an earlier one still making its request is dropped

  /**
   * @param {() => object | null | Promise<object | null>} makeRequest
   * @param {number} ms
   */
  function schedule(makeRequest, ms) {
    clearTimeout(timer);
    const fire = () => {
      const mine = ++scheduled;
      // makeRequest may return a Promise (the user's function runs first),
      // or null: nothing to run now.
      const go = (/** @type {object | null} */ req) => (mine !== scheduled || req == null ? null : run(req));
      const req = makeRequest();
      (req instanceof Promise ? req.then(go) : go(req) || Promise.resolve(null)).then(
        (/** @type {Result | null} */ result) => result && onResult && onResult(result),
        (/** @type {Error} */ e) => { if (!(e instanceof StaleRun) && !(e instanceof Cancelled)) onError && onError(e); },
      );
    };
    if (ms > 0) timer = setTimeout(fire, ms);
    else fire();
  }

  function cancel() {
    if (!busy) return false;
    clearTimeout(timer); // and a run scheduled meanwhile
    scheduled++;
    seq++; // a run still waiting for the engine to start is dropped
    if (worker && worker.job) replace(worker, new Cancelled());
    setBusy(false);
    return true;
  }

  /** @type {ExportJob | null} */
  let exporting = null; // the export job still going

  /**
   * @param {object} request
   * @returns {Promise<string | null>}
   */
  function exportRun(request) {
    if (exporting) exporting.cancel(new StaleRun());
    load();
    return new Promise((resolve, reject) => {
      const w = new Worker(workerURL, { name: "firehose-export" });
      /** @type {ExportJob} */
      const job = { cancel: (e) => done(reject, e), timeout: 0 };
      /**
       * @template T
       * @param {(value: T) => void} settle
       * @param {T} value
       */
      const done = (settle, value) => {
        if (exporting !== job) return;
        exporting = null;
        clearTimeout(job.timeout);
        w.terminate();
        settle(value);
      };
      exporting = job;
      job.timeout = setTimeout(() => done(reject, new Error(`the export took longer than ${TIME_LIMIT_MS / 1000} s and was stopped`)), TIME_LIMIT_MS);
      w.onmessage = (ev) => {
        const msg = ev.data || {};
        if (msg.type === "ready") w.postMessage({ type: "export", id: 1, request });
        else if (msg.type === "exported") done(resolve, msg.text);
        else if (msg.type === "failed" || msg.type === "error") done(reject, new Error(`the engine failed on this export: ${msg.error}`));
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        done(reject, new Error(`the engine's worker failed: ${ev.message || "unknown error"}`));
      };
      w.onmessageerror = () => done(reject, new Error("the engine's answer could not be read"));
      module.then(
        (m) => w.postMessage({ type: "init", module: m }),
        (e) => done(reject, new Error(`firehose.wasm could not be loaded: ${e.message || e}`)),
      );
    });
  }

  worker = spawn();
  return { run, schedule, cancel, exportRun, version: () => version };
}
