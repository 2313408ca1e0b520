// The only module that talks to the engine. It compiles firehose.wasm once,
// runs it in a Web Worker, and replaces that worker whenever it must: when
// a new run arrives while one is still going (the old one is abandoned),
// when the worker crashes, and when a run takes too long. The page stays
// responsive whatever the input.
//
// <html data-engine> says where the engine is: "loading", "ready", or
// "failed" (data-engine-error then says why).

/** A run that a later run replaced; callers ignore it. */
export class StaleRun extends Error {
  constructor() {
    super("replaced by a later run");
    this.name = "StaleRun";
  }
}

const TIME_LIMIT_MS = 60_000; // a run longer than this is stopped

function setEngineState(state, error) {
  const root = document.documentElement;
  root.dataset.engine = state;
  if (error) root.dataset.engineError = error;
  else delete root.dataset.engineError;
}

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

/**
 * createEngine starts loading the engine and returns
 *   run(request)              → Promise<{report, body, elapsed}>; body is a Promise of
 *                               the pretty Lambda body ({text, from, to}) or null;
 *                               elapsed is the milliseconds from request to report.
 *                               Rejects with StaleRun when a later run replaced it.
 *   schedule(makeRequest, ms) → runs makeRequest() after ms of quiet (debounce);
 *                               results go to the listeners.
 *   exportRun(request)        → Promise of the report's export (a string, or null when
 *                               the engine does not export). Exports run in a worker of
 *                               their own, so they never replace the run the page shows;
 *                               a new export replaces one still going (StaleRun).
 *   version()                 → the engine's version, once ready.
 * listeners: onResult({report, body, elapsed}), onError(message), onBusy(bool).
 */
export function createEngine({ wasmURL = "firehose.wasm", workerURL = "worker.js", onResult, onError, onBusy } = {}) {
  setEngineState("loading");
  const module = compile(wasmURL);
  let worker = null; // {w, ready: Promise<version>, job}
  let seq = 0;
  let timer = 0;
  let version = "";
  let everReady = false;

  function spawn() {
    const w = new Worker(workerURL, { name: "firehose-engine" });
    const entry = { w, job: null };
    entry.ready = new Promise((resolve, reject) => {
      entry.readyResolve = resolve;
      entry.readyReject = reject;
    });
    // Nobody may be waiting yet; the rejection is seen by run().
    entry.ready.catch(() => {});
    w.onmessage = (ev) => receive(entry, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      fail(entry, `the engine's worker failed: ${ev.message || "unknown error"}`);
    };
    w.onmessageerror = () => fail(entry, "the engine's answer could not be read");
    module.then(
      (m) => w.postMessage({ type: "init", module: m }),
      (e) => fail(entry, `firehose.wasm could not be loaded: ${e.message || e}`),
    );
    return entry;
  }

  function receive(entry, msg) {
    if (entry !== worker) return;
    switch (msg.type) {
      case "ready":
        version = msg.version;
        if (!everReady) {
          everReady = true;
          setEngineState("ready");
        }
        entry.readyResolve(msg.version);
        break;
      case "failed":
        fail(entry, `the engine could not start: ${msg.error}`);
        break;
      case "report": {
        const job = entry.job;
        if (!job || job.id !== msg.id) return;
        job.resolve({ report: msg.report, body: msg.hasBody ? job.body : Promise.resolve(null), elapsed: performance.now() - job.started });
        if (!msg.hasBody) finish(entry, job);
        break;
      }
      case "body": {
        const job = entry.job;
        if (!job || job.id !== msg.id) return;
        job.bodyResolve(msg.view);
        finish(entry, job);
        break;
      }
      case "error": {
        const job = entry.job;
        if (job && job.id === msg.id) fail(entry, `the engine failed on this input: ${msg.error}`);
        break;
      }
    }
  }

  function finish(entry, job) {
    clearTimeout(job.timeout);
    if (entry.job === job) entry.job = null;
    onBusy && onBusy(false);
  }

  // fail drops a worker that cannot go on; the next run starts a fresh one.
  function fail(entry, message) {
    entry.w.terminate();
    entry.readyReject(new Error(message));
    const job = entry.job;
    if (job) {
      clearTimeout(job.timeout);
      job.reject(new Error(message));
      job.bodyResolve(null);
      onBusy && onBusy(false);
    }
    if (worker === entry) worker = null;
    if (!everReady) setEngineState("failed", message);
  }

  // abandon stops the worker of a run that a newer run replaces.
  function abandon(entry) {
    const job = entry.job;
    entry.w.terminate();
    if (worker === entry) worker = null;
    if (job) {
      clearTimeout(job.timeout);
      job.reject(new StaleRun());
      job.bodyResolve(null);
    }
  }

  async function run(request) {
    const id = ++seq;
    if (worker && worker.job) abandon(worker);
    if (!worker) worker = spawn();
    const entry = worker;
    onBusy && onBusy(true);
    try {
      await entry.ready;
    } catch (e) {
      if (id === seq) onBusy && onBusy(false);
      throw e;
    }
    if (id !== seq) throw new StaleRun();
    if (entry !== worker) return run(request); // it was replaced meanwhile
    return new Promise((resolve, reject) => {
      const job = { id, resolve, reject };
      job.body = new Promise((r) => { job.bodyResolve = r; });
      job.timeout = setTimeout(() => fail(entry, `the run took longer than ${TIME_LIMIT_MS / 1000} s and was stopped`), TIME_LIMIT_MS);
      entry.job = job;
      job.started = performance.now();
      entry.w.postMessage({ type: "run", id, request });
    });
  }

  function schedule(makeRequest, ms) {
    clearTimeout(timer);
    const fire = () => {
      run(makeRequest()).then(
        (result) => onResult && onResult(result),
        (e) => { if (!(e instanceof StaleRun)) onError && onError(e.message || String(e)); },
      );
    };
    if (ms > 0) timer = setTimeout(fire, ms);
    else fire();
  }

  let exporting = null; // the export job still going

  function exportRun(request) {
    if (exporting) exporting.cancel(new StaleRun());
    return new Promise((resolve, reject) => {
      const w = new Worker(workerURL, { name: "firehose-export" });
      const job = {};
      const done = (settle, value) => {
        if (exporting !== job) return;
        exporting = null;
        clearTimeout(job.timeout);
        w.terminate();
        settle(value);
      };
      job.cancel = (e) => done(reject, e);
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
  return { run, schedule, exportRun, version: () => version };
}
