// The Python runtime's worker (a classic worker, built to runtime-python.js):
// CPython 3.14 compiled to WebAssembly (Pyodide), served from the page's own
// origin under dist/pyodide/, standing in for Lambda's python3.13 runtime.
// It loads Pyodide, locks the worker and the interpreter down, says "ready",
// then runs one invocation per "invoke" message, as the Lambda Python
// runtime does (python-runtime.py).
//
// Messages in:  {type: "invoke", id, code, handler, timeoutMs, memoryMB, event, context}
// Messages out: {type: "ready", runtime, emulates, loadMs}
//               {type: "log", id, text}           a line the function printed or logged
//               {type: "done", id, ok: true, body, durationMs, memoryMB}
//               {type: "done", id, ok: false, error, body, line, durationMs, memoryMB}
//               {type: "failed", error}           Python could not load, or can no
//                                                 longer run: replace this worker
//
// Which Lambda runtime: python3.13. Pyodide's CPython is 3.14, but the Lambda
// runtime whose behaviour is published and tested in awslambdaric is
// python3.13's: its marshaller writes the response with simplejson,
// ensure_ascii=False, bytes as UTF-8 text and Decimal as a number, and the
// language differences between 3.13 and 3.14 rarely matter to a transform.
//
// Under the page's Content-Security-Policy (script-src 'self'
// 'wasm-unsafe-eval': no eval, no blob: or data: scripts) Pyodide loads as
// follows. Its loader refuses classic workers by probing
// importScripts("data:…"), which the policy turns into a violation report:
// importScripts is removed first, so the probe fails quietly and the loader
// takes this for a module worker. It then loads pyodide.asm.mjs with import(),
// which classic workers may do, from the same origin. The lock file is given
// in place (Pyodide's "info", no packages): nothing is fetched for it, and no
// package can be loaded. Nothing on the way evaluates code from a string.
import runtimeSource from "./python-runtime.py";

/* global PYODIDE_LOCK_INFO, PYODIDE_PACKAGE_VERSION */

// Emulated is the Lambda runtime this worker stands in for.
const emulated = "python3.13";

// maxLogBytes caps what one invocation may send as log lines; past it one
// last line says the rest was dropped.
const maxLogBytes = 1 << 20;

// post is the worker's postMessage, kept here: user code cannot reach it.
const post = self.postMessage.bind(self);

/** @type {{id: string | number, logBytes: number} | null} */
let current = null; // the invocation running
/** @type {(request: string, code: string, event: string) => string} */
let invoke = () => { throw new Error("Python is not loaded"); }; // python-runtime.py's invoke(request_text, code, event_text)
/** @type {() => string} */
let takeBody = () => ""; // and its take_body()
/** @type {() => number | null} */
let memoryBytes = () => null; // the size of Pyodide's WebAssembly memory
let dead = ""; // why Python can no longer run

/** @param {any} e */
function errorText(e) {
  return e && e.message ? String(e.message) : String(e);
}

/** @param {string} text */
function log(text) {
  if (!current) return;
  if (current.logBytes > maxLogBytes) return;
  current.logBytes += text.length;
  if (current.logBytes > maxLogBytes) {
    post({ type: "log", id: current.id, text: `(more than ${maxLogBytes} characters of log: the rest is not shown)` });
    return;
  }
  post({ type: "log", id: current.id, text });
}

// lockdown removes from the worker everything that could reach out or
// persist, from the global object and its prototypes.
function lockdown() {
  const names = ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "importScripts",
    "indexedDB", "IDBFactory", "caches", "CacheStorage", "BroadcastChannel", "Worker", "SharedWorker",
    "WebTransport", "FontFace", "fonts", "postMessage", "webkitRequestFileSystem", "webkitRequestFileSystemSync",
    "webkitResolveLocalFileSystemURL", "webkitResolveLocalFileSystemSyncURL", "storage", "cookieStore"];
  for (let o = /** @type {any} */ (self); o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
      if (!delete o[name]) Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false });
    }
  }
  const nav = /** @type {any} */ (self.navigator);
  for (let o = nav; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of ["sendBeacon", "serviceWorker", "storage", "locks", "usb", "hid", "serial", "bluetooth"]) {
      if (Object.prototype.hasOwnProperty.call(o, name)) delete o[name];
    }
  }
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "importScripts", "postMessage", "Worker", "EventSource"]) {
    if (/** @type {any} */ (self)[name] !== undefined) throw new Error(`could not remove ${name}`);
  }
}

async function load() {
  // Pyodide's classic-worker probe (see above); importScripts goes for good
  // in lockdown anyway.
  const scope = /** @type {any} */ (self);
  delete scope.importScripts;
  if (typeof scope.importScripts === "function") scope.importScripts = undefined;

  const { loadPyodide } = await import("pyodide");
  const indexURL = new URL("pyodide/", self.location.href).href;
  const py = await loadPyodide({
    indexURL,
    lockFileContents: { info: PYODIDE_LOCK_INFO, packages: {} },
    packageBaseUrl: indexURL,
    packages: [],
    checkAPIVersion: true,
    jsglobals: Object.create(null), // the "js" module, were it reached: nothing
    env: { HOME: "/tmp" },
    stdout: log,
    stderr: log,
  });
  py.setStdout({ batched: log });
  py.setStderr({ batched: log });
  const mod = /** @type {any} */ (py)._module; // Pyodide's Emscripten module: not in its types
  const heap = mod && mod.HEAP8;
  if (heap) memoryBytes = () => mod.HEAP8.buffer.byteLength;

  const ns = py.globals.get("dict")();
  py.runPython(runtimeSource, { globals: ns, filename: "/var/runtime/bootstrap.py" });
  const version = py.runPython("import sys; sys.version.split()[0]");
  invoke = ns.get("invoke");
  takeBody = ns.get("take_body");
  ns.get("start")();
  lockdown();
  return `CPython ${version} (Pyodide ${py.version || PYODIDE_PACKAGE_VERSION})`;
}

/** @param {any} m what the page sent */
function validInvoke(m) {
  const c = m.context;
  return typeof m.id === "string" || typeof m.id === "number"
    ? typeof m.code === "string" && typeof m.handler === "string" && typeof m.event === "string" &&
      Number.isFinite(m.memoryMB) && c !== null && typeof c === "object" &&
      ["awsRequestId", "functionName", "functionVersion", "invokedFunctionArn", "logGroupName", "logStreamName"].every((k) => typeof c[k] === "string") &&
      // The page's manager sends memoryLimitInMB as Lambda's context holds it (a string of digits).
      (Number.isFinite(c.memoryLimitInMB) || (typeof c.memoryLimitInMB === "string" && /^\d{1,6}$/.test(c.memoryLimitInMB))) &&
      Number.isFinite(c.deadlineMs)
    : false;
}

/**
 * @param {string | number} id
 * @param {string} errorType
 * @param {string} errorMessage
 * @param {string} [requestId]
 */
function fail(id, errorType, errorMessage, requestId) {
  const error = { errorMessage, errorType, requestId: requestId || "", stackTrace: [] };
  post({ type: "done", id, ok: false, error, body: JSON.stringify(error), line: null, durationMs: 0, memoryMB: memoryMB() });
}

function memoryMB() {
  const b = memoryBytes();
  return b == null ? null : Math.ceil(b / (1 << 20));
}

/** @param {any} m an invoke message, checked by validInvoke */
function run(m) {
  if (!validInvoke(m)) {
    fail(m.id, "Runtime.InvalidRequest", "the invoke message is malformed");
    return;
  }
  if (dead) {
    fail(m.id, "Runtime.ExitError", dead, m.context.awsRequestId);
    return;
  }
  const c = m.context;
  const request = JSON.stringify({
    handler: m.handler, memoryMB: m.memoryMB,
    context: {
      awsRequestId: c.awsRequestId, functionName: c.functionName, functionVersion: c.functionVersion,
      invokedFunctionArn: c.invokedFunctionArn, memoryLimitInMB: c.memoryLimitInMB, logGroupName: c.logGroupName,
      logStreamName: c.logStreamName, deadlineMs: c.deadlineMs,
    },
  });
  current = { id: m.id, logBytes: 0 };
  const before = memoryBytes();
  let out;
  try {
    out = JSON.parse(invoke(request, m.code, m.event));
    out.body = takeBody();
  } catch (e) {
    // Pyodide itself failed (the WebAssembly stack overflowed, say): the
    // interpreter is not safe to use again.
    dead = `RequestId: ${c.awsRequestId} Error: Runtime exited with error: ${errorText(e).split("\n")[0]}`;
    current = null;
    fail(m.id, "Runtime.ExitError", dead, c.awsRequestId);
    post({ type: "failed", error: dead });
    return;
  }
  current = null;
  const after = memoryBytes();
  if (before != null && after != null && after > before && after > m.memoryMB * (1 << 20)) {
    // The function grew Python's memory past the memory size: Lambda would
    // have killed it. (WebAssembly memory never shrinks, so only growth
    // during this invocation counts.)
    const error = { errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${c.awsRequestId} Error: Runtime exited with error: signal: killed` };
    post({ type: "done", id: m.id, ok: false, error, body: JSON.stringify(error), line: null, durationMs: out.durationMs, memoryMB: memoryMB() });
    return;
  }
  if (out.ok) {
    post({ type: "done", id: m.id, ok: true, body: out.body, durationMs: out.durationMs, memoryMB: memoryMB() });
  } else {
    post({ type: "done", id: m.id, ok: false, error: out.error, body: out.body, line: out.line, durationMs: out.durationMs, memoryMB: memoryMB() });
  }
}

const ready = load().then(
  (runtime) => {
    post({ type: "ready", runtime, emulates: emulated, loadMs: Math.round(performance.now()) });
    return true;
  },
  (e) => {
    dead = `Python could not load: ${errorText(e)}`;
    post({ type: "failed", error: dead });
    return false;
  },
);

self.addEventListener("message", (/** @type {MessageEvent} */ e) => {
  const m = e.data;
  if (!m || m.type !== "invoke") return;
  ready.then(() => run(m));
});
