// The runtime manager: runs the user's function in a worker of its own, one
// per language, started only when that language is chosen. It keeps a spare
// worker, already loaded, for when the one in use must be ended (a timeout:
// Pyodide cannot be interrupted), checks every message a worker sends
// against the protocol (anything else is dropped), and builds the context
// object Lambda would pass. See README.md, "Your own function", for the
// protocol.

/** The largest body (characters) a runtime may return; the engine reads no more anyway. */
export const MAX_BODY = 32 * 1024 * 1024;
/** How much of what a function prints the page keeps, per invocation (characters). */
export const MAX_LOG = 256 * 1024;
/** How long a runtime may take to load before the page gives up on it. */
const LOAD_LIMIT_MS = 120_000;
/**
 * How long past its timeout the page waits for a runtime that can stop
 * itself (QuickJS's interrupt handler) before it ends the worker.
 */
/** @type {Record<string, number>} */
const GRACE_MS = { nodejs: 500, python: 0 };

/** @typedef {{runtime: string, emulates: string, loadMs: number}} Info a loaded runtime: its name, what it stands in for, how long it took */
/** @typedef {{errorType?: string, errorMessage?: string, requestId?: string, trace?: string[], stackTrace?: string[]}} FnError */
/** @typedef {ReturnType<typeof makeContext>} Context */
/**
 * What an invocation gives.
 * @typedef {{ok: boolean, body: string, durationMs: number, memoryMB: number | null, error?: FnError,
 *   line: number | null, timedOut: boolean, logs: string[], logsCut: boolean, context: Context, runtime: Info | null}} Invocation
 */
/**
 * What invoke is given.
 * @typedef {{code: string, handler: string, timeoutMs: number, memoryMB: number, event: string, lambdaArn: string}} Params
 */
/**
 * A language's workers: the one in use, the spare, whose turn it is.
 * @typedef {{active: any, spare: any, turn: Promise<unknown>, seq: number, info: Info | null}} Pool
 */

/** A runtime that could not be loaded; message says why. */
export class RuntimeLoadError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "RuntimeLoadError";
  }
}

/** An invocation that a later one replaced before it started. */
export class Superseded extends Error {
  constructor() {
    super("replaced by a later invocation");
    this.name = "Superseded";
  }
}

const isObj = (/** @type {any} */ v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isCount = (/** @type {unknown} */ v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isText = (/** @type {unknown} */ v, /** @type {number} */ max) => typeof v === "string" && v.length <= max;

/**
 * validReady, validLog and validDone say whether a worker's message is one
 * of the protocol's, with fields of the right types and sizes.
 * @param {any} msg what a worker sent
 * @param {string} emulates
 */
export function validReady(msg, emulates) {
  return isObj(msg) && msg.type === "ready" && isText(msg.runtime, 200) && msg.runtime !== "" &&
    msg.emulates === emulates && isCount(msg.loadMs);
}

/**
 * @param {any} msg
 * @param {string} id
 */
export function validLog(msg, id) {
  return isObj(msg) && msg.type === "log" && msg.id === id && isText(msg.text, MAX_LOG);
}

/**
 * @param {any} msg
 * @param {string} id
 */
export function validDone(msg, id) {
  if (!isObj(msg) || msg.type !== "done" || msg.id !== id || typeof msg.ok !== "boolean") return false;
  if (!isText(msg.body, MAX_BODY) || !isCount(msg.durationMs)) return false;
  if (msg.memoryMB !== null && msg.memoryMB !== undefined && !isCount(msg.memoryMB)) return false;
  if (msg.ok) return true;
  if (!isObj(msg.error)) return false;
  if (msg.line !== null && msg.line !== undefined && !(Number.isInteger(msg.line) && msg.line >= 1)) return false;
  return true;
}

/**
 * errorOf keeps the known fields of a runtime's error object, as text of bounded size.
 * @param {any} e
 * @returns {FnError}
 */
function errorOf(e) {
  /** @type {FnError} */
  const out = {};
  for (const k of /** @type {const} */ (["errorType", "errorMessage", "requestId"])) {
    if (typeof e[k] === "string") out[k] = e[k].slice(0, 64 * 1024);
  }
  for (const k of /** @type {const} */ (["trace", "stackTrace"])) {
    if (Array.isArray(e[k])) out[k] = e[k].slice(0, 200).map((/** @type {unknown} */ x) => String(x).slice(0, 4096));
  }
  return out;
}

/**
 * functionIdentity is the name and ARN the context carries: from the
 * delivery stream's Lambda ARN when it is set, else a placeholder in the
 * event's region (from its deliveryStreamArn).
 * @param {string} lambdaArn
 */
export function functionIdentity(lambdaArn, eventText = "") {
  const m = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,140})(?::[A-Za-z0-9$_-]+)?$/.exec(lambdaArn || "");
  if (m) return { functionName: m[1], invokedFunctionArn: lambdaArn };
  const r = /"deliveryStreamArn"\s*:\s*"arn:aws[a-z-]*:firehose:([a-z0-9-]+):(\d{12}):/.exec(eventText.slice(0, 4096));
  const functionName = "firehose-transform";
  return { functionName, invokedFunctionArn: `arn:aws:lambda:${r ? r[1] : "us-east-1"}:${r ? r[2] : "123456789012"}:function:${functionName}` };
}

/** @param {number} n */
function hex(n) {
  const b = new Uint8Array(n / 2);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/**
 * makeContext is the context object the protocol's invoke carries.
 * @param {{lambdaArn: string, eventText: string, memoryMB: number, timeoutMs: number, now?: number}} about
 */
export function makeContext({ lambdaArn, eventText, memoryMB, timeoutMs, now = Date.now() }) {
  const { functionName, invokedFunctionArn } = functionIdentity(lambdaArn, eventText);
  const d = new Date(now);
  const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}`;
  return {
    awsRequestId: crypto.randomUUID(),
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn,
    memoryLimitInMB: String(memoryMB),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${hex(32)}`,
    deadlineMs: now + timeoutMs,
  };
}

/**
 * timeoutBody is the error body Lambda returns for an invocation that ran out of time.
 * @param {string} requestId
 * @param {number} timeoutMs
 */
export function timeoutBody(requestId, timeoutMs, at = new Date()) {
  return JSON.stringify({ errorMessage: `${at.toISOString()} ${requestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds` });
}

/**
 * createRuntimes returns
 *   invoke(language, {code, handler, timeoutMs, memoryMB, event, lambdaArn})
 *       → Promise of {ok, body, error, line, durationMs, memoryMB, logs, context,
 *         timedOut, runtime}; rejects with RuntimeLoadError when the runtime cannot
 *         load, and with Superseded when a later invoke came before it started.
 *       One invocation runs at a time per language; the latest waiting one runs next.
 *   info(language) → {runtime, emulates, loadMs} once loaded, else null.
 *   cancel(language) → ends the invocation going, if any (its worker is replaced).
 * languages describes each language (see languages.js: label, worker, emulates).
 * onState(language, state, detail): "loading", "ready", "failed" (detail: why), and
 * "spare" when a spare worker is loaded too.
 * @param {{languages: Record<string, {label: string, worker: string, emulates: string}>, base?: string,
 *   onState?: (language: string, state: string, detail?: any) => void}} options
 */
export function createRuntimes({ languages: LANGUAGES, base = "", onState } = /** @type {any} */ ({})) {
  /** @type {Record<string, Pool>} */
  const pools = {};

  /** @param {string} language */
  function pool(language) {
    if (!pools[language]) pools[language] = { active: null, spare: null, turn: Promise.resolve(), seq: 0, info: null };
    return pools[language];
  }

  /** @param {string} language */
  function spawn(language) {
    const p = pool(language);
    /** @type {any} */
    const entry = { language, job: null, dead: false, started: performance.now() };
    entry.ready = new Promise((resolve, reject) => { entry.resolveReady = resolve; entry.rejectReady = reject; });
    entry.ready.catch(() => {});
    const fail = (/** @type {string} */ why) => {
      if (entry.dead) return;
      entry.dead = true;
      clearTimeout(entry.loadTimer);
      entry.w.terminate();
      entry.rejectReady(new RuntimeLoadError(why));
      if (p.active === entry) p.active = null;
      if (p.spare === entry) p.spare = null;
      if (entry.job) entry.job.crashed(why);
    };
    try {
      entry.w = new Worker(base + LANGUAGES[language].worker, { name: `runtime-${language}` });
    } catch (e) {
      entry.w = { terminate() {}, postMessage() {} };
      fail(`the ${LANGUAGES[language].label} runtime could not be started: ${e.message || e}`);
      return entry;
    }
    entry.loadTimer = setTimeout(() => fail(`the ${LANGUAGES[language].label} runtime did not load within ${LOAD_LIMIT_MS / 1000} s`), LOAD_LIMIT_MS);
    entry.w.onmessage = (/** @type {MessageEvent} */ ev) => {
      const msg = ev.data;
      if (entry.dead) return;
      if (!entry.ready.settled) {
        if (validReady(msg, LANGUAGES[language].emulates)) {
          entry.ready.settled = true;
          clearTimeout(entry.loadTimer);
          p.info = { runtime: msg.runtime, emulates: msg.emulates, loadMs: msg.loadMs };
          entry.resolveReady(p.info);
          if (p.active === entry) onState && onState(language, "ready", p.info);
        } else if (isObj(msg) && msg.type === "failed" && typeof msg.error === "string") {
          fail(`the ${LANGUAGES[language].label} runtime could not load: ${msg.error.slice(0, 2000)}`);
        }
        return;
      }
      if (entry.job) entry.job.receive(msg);
      // A runtime that can no longer run code (after answering): the spare takes over.
      if (isObj(msg) && msg.type === "failed" && !entry.job) retire(p, entry);
    };
    entry.w.onerror = (/** @type {ErrorEvent} */ ev) => {
      if (ev.preventDefault) ev.preventDefault();
      fail(entry.ready.settled ? `the runtime's worker failed: ${ev.message || "unknown error"}`
        : `the ${LANGUAGES[language].label} runtime could not load (${LANGUAGES[language].worker}: ${ev.message || "not found or not a script"})`);
    };
    entry.w.onmessageerror = () => {};
    return entry;
  }

  // retire ends a worker that is not running anything, and lets the spare take over.
  /**
   * @param {Pool} p
   * @param {any} entry
   */
  function retire(p, entry) {
    entry.dead = true;
    clearTimeout(entry.loadTimer);
    entry.w.terminate();
    if (p.active === entry) promote(p, entry.language);
    else if (p.spare === entry) p.spare = null;
  }

  // promote makes the spare the worker in use, and starts a new spare.
  /**
   * @param {Pool} p
   * @param {string} language
   */
  function promote(p, language) {
    p.active = p.spare || spawn(language);
    p.spare = null;
    p.active.ready.then(() => { if (!p.spare) spawnSpare(p, language); }, () => {});
  }

  // spawnSpare starts the spare worker; onState says "spare" once it is loaded.
  /**
   * @param {Pool} p
   * @param {string} language
   */
  function spawnSpare(p, language) {
    const spare = spawn(language);
    p.spare = spare;
    spare.ready.then(() => { if (p.spare === spare) onState && onState(language, "spare"); }, () => {});
  }

  /**
   * @param {string} language
   * @param {Params} params
   * @returns {Promise<Invocation>}
   */
  async function invoke(language, params) {
    if (!LANGUAGES[language]) throw new RuntimeLoadError(`there is no runtime for ${language}`);
    const p = pool(language);
    const mine = ++p.seq;
    /** @type {(value?: any) => void} */
    let release = () => {};
    const prev = p.turn;
    p.turn = new Promise((r) => { release = r; });
    await prev;
    try {
      if (mine !== p.seq) throw new Superseded();
      if (!p.active) {
        onState && onState(language, "loading");
        p.active = spawn(language);
      }
      const entry = p.active;
      try {
        await entry.ready;
      } catch (e) {
        onState && onState(language, "failed", e.message);
        throw e;
      }
      if (!p.spare) spawnSpare(p, language); // loads while this one runs
      return await run(p, entry, params);
    } finally {
      release();
    }
  }

  /**
   * @param {Pool} p
   * @param {any} entry
   * @param {Params} params
   * @returns {Promise<Invocation>}
   */
  function run(p, entry, { code, handler, timeoutMs, memoryMB, event, lambdaArn }) {
    const context = makeContext({ lambdaArn, eventText: event, memoryMB, timeoutMs });
    const id = context.awsRequestId;
    /** @type {string[]} */
    const logs = [];
    let logChars = 0;
    let cut = false;
    return new Promise((resolve) => {
      const started = performance.now();
      const finish = (/** @type {Pick<Invocation, "ok" | "body" | "durationMs"> & Partial<Invocation>} */ result) => {
        clearTimeout(timer);
        entry.job = null;
        resolve({ logs, logsCut: cut, context, runtime: p.info, memoryMB: null, line: null, timedOut: false, ...result });
      };
      const job = {
        /** @param {any} msg */
        receive(msg) {
          if (validLog(msg, id)) {
            if (logChars + msg.text.length > MAX_LOG) cut = true;
            else {
              logs.push(msg.text);
              logChars += msg.text.length;
            }
          } else if (validDone(msg, id)) {
            /** @type {Pick<Invocation, "ok" | "body" | "durationMs" | "memoryMB"> & Partial<Invocation>} */
            const r = { ok: msg.ok, body: msg.body, durationMs: msg.durationMs, memoryMB: msg.memoryMB ?? null };
            if (!msg.ok) {
              const error = errorOf(msg.error);
              r.error = error;
              r.line = msg.line ?? null;
              r.timedOut = error.errorType === "Sandbox.Timedout";
            }
            finish(r);
          }
        },
        /** @param {string} why */
        crashed(why) {
          const error = { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${id} Error: Runtime exited: ${why}` };
          finish({ ok: false, error, body: JSON.stringify(error), durationMs: performance.now() - started });
        },
      };
      entry.job = job;
      // Past the timeout the worker is ended, and the spare takes over.
      const timer = setTimeout(() => {
        if (entry.job !== job) return;
        entry.dead = true;
        entry.w.terminate();
        if (p.active === entry) promote(p, entry.language);
        const body = timeoutBody(id, timeoutMs);
        finish({ ok: false, error: JSON.parse(body), body, durationMs: performance.now() - started, timedOut: true });
      }, timeoutMs + GRACE_MS[entry.language]);
      entry.w.postMessage({ type: "invoke", id, code, handler, timeoutMs, memoryMB, event, context });
    });
  }

  /** @param {string} language */
  function cancel(language) {
    const p = pools[language];
    if (!p || !p.active || !p.active.job) return false;
    const entry = p.active;
    const job = entry.job;
    entry.dead = true;
    entry.w.terminate();
    promote(p, language);
    job.crashed("the invocation was cancelled");
    return true;
  }

  return { invoke, cancel, info: (/** @type {string} */ language) => (pools[language] && pools[language].info) || null };
}
