// The Node.js runtime's worker (a classic worker, built to
// runtime-nodejs.js): QuickJS compiled to WebAssembly runs the user's
// function, emulating Lambda's nodejs22.x runtime for what transforms use
// (nodeprelude.js). It speaks the protocol of manager.js. QuickJS's wasm is
// loaded from this page's origin, next to this file; then the worker's own
// ways out are removed before any user code runs, and each invocation gets
// a fresh QuickJS runtime with the function's memory size as its limit and
// an interrupt handler that stops it at the deadline.
import { newQuickJSWASMModuleFromVariant, newVariant } from "quickjs-emscripten-core";
import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import { gunzipSync, gzipSync, inflateSync, deflateSync, unzlibSync, zlibSync, decompressSync } from "fflate";
import { base64ByteLength, base64Decode, base64Encode, utf8Decode, utf8Encode } from "./nodebuffer.js";
import { PRELUDE } from "./nodeprelude.js";
import { toCommonJS } from "./nodemodule.js";

/** @typedef {import("quickjs-emscripten-core").QuickJSContext} QuickJSContext */
/** @typedef {import("quickjs-emscripten-core").QuickJSHandle} QuickJSHandle */

const QUICKJS_VERSION = "QuickJS 2024-01-13 (quickjs-emscripten 0.32.0)";
const post = self.postMessage.bind(self);

/**
 * lockdown removes what could reach out of the worker or persist, and the
 * bare postMessage (the worker keeps its own reference): user code runs in
 * QuickJS and cannot see the worker's globals, and this makes sure nothing
 * there would help if it could.
 */
function lockdown() {
  const names = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches",
    "BroadcastChannel", "Worker", "SharedWorker", "WebTransport", "postMessage", "Request", "open"];
  for (const name of names) {
    for (let o = /** @type {any} */ (self); o; o = Object.getPrototypeOf(o)) {
      try { delete o[name]; } catch { /* not configurable */ }
    }
    try { Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false }); } catch { /* already gone */ }
  }
  if (self.navigator) {
    try { Object.defineProperty(self.navigator, "sendBeacon", { value: undefined }); } catch { /* absent */ }
  }
}

/** @type {import("quickjs-emscripten-core").QuickJSWASMModule | null} */
let QuickJS = null;
let aborted = ""; // what QuickJS's module printed when it aborted

async function load() {
  const started = performance.now();
  const variant = newVariant(releaseSync, {
    wasmLocation: new URL("runtime-nodejs.wasm", self.location.href).href,
    // QuickJS's own assertions print here. One (gc_obj_list not empty when a
    // runtime is freed) fires after some large async invocations: the answer
    // given is right, but the module is not to be trusted after it, so the
    // worker asks to be replaced (see retire).
    emscriptenModule: /** @type {any} */ ({ printErr: (/** @type {unknown} */ text) => { if (/Aborted|Assertion failed/.test(String(text))) aborted = String(text); } }),
  });
  QuickJS = await newQuickJSWASMModuleFromVariant(variant);
  lockdown();
  post({ type: "ready", runtime: QUICKJS_VERSION, emulates: "nodejs22.x", loadMs: performance.now() - started });
}

// zlib's formats: gzip, zlib (inflate/deflate), raw deflate, and unzip (either).
const fflate = {
  gunzip: gunzipSync, gzip: gzipSync, inflate: unzlibSync, deflate: zlibSync,
  inflateRaw: inflateSync, deflateRaw: deflateSync, unzip: decompressSync,
};

/**
 * handlerParts splits "index.handler" (or "handler") into the module and the exported name.
 * @param {unknown} handler
 */
function handlerParts(handler) {
  const h = String(handler || "index.handler");
  const dot = h.lastIndexOf(".");
  return dot < 0 ? { module: "index", name: h } : { module: h.slice(0, dot) || "index", name: h.slice(dot + 1) };
}

/**
 * @param {unknown} stack
 * @param {string} file
 */
function lineOf(stack, file) {
  const re = new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ":(\\d+)");
  const m = re.exec(String(stack || ""));
  return m ? Number(m[1]) : null;
}

// traceOf is the trace Lambda's Node.js runtime reports: the error, then
// its stack (without the frames of this runtime's own prelude).
/**
 * @param {string} name
 * @param {string} message
 * @param {unknown} stack
 */
function traceOf(name, message, stack) {
  return [`${name}: ${message}`, ...String(stack || "").split("\n").filter((l) => l.trim() !== "" && !l.includes("prelude.js"))];
}

/** @param {any} msg an invoke message of the protocol (see manager.js), its types checked by onmessage */
function invoke(msg) {
  const { id, code, handler, timeoutMs, memoryMB, event, context } = msg;
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  const { module: modName, name } = handlerParts(handler);
  const { source, module: isModule } = toCommonJS(String(code));
  const file = `/var/task/${modName}.${isModule ? "mjs" : "js"}`;
  const rt = /** @type {NonNullable<typeof QuickJS>} */ (QuickJS).newRuntime(); // loaded: invocations wait for ready
  rt.setMemoryLimit(Math.max(16, memoryMB) * 1024 * 1024);
  rt.setMaxStackSize(1024 * 1024);
  let interrupted = false;
  // The memory used: QuickJS's count of the bytes its runtime holds
  // (memory_used_size; ArrayBuffers' bytes are not in it), sampled while the
  // function runs (from the interrupt handler) and at its end; the report
  // gives the most. A sample walks the whole heap: the next waits at least
  // 20 ms and five times as long as this one took, so sampling costs the
  // function a sixth of its time at most.
  let peak = 0;
  let nextSample = 0;
  const sample = () => {
    const t0 = performance.now();
    try {
      const m = /\nmemory used\s+\d+\s+(\d+)/.exec(rt.dumpMemoryUsage());
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch { /* no figure this time */ }
    const t1 = performance.now();
    nextSample = t1 + Math.max(20, 5 * (t1 - t0));
  };
  rt.setInterruptHandler(() => {
    if (Date.now() > deadline) interrupted = true;
    else if (performance.now() >= nextSample) sample();
    return interrupted;
  });
  const vm = rt.newContext();
  const usedMB = () => {
    sample();
    return peak > 0 ? Math.max(1, Math.ceil(peak / (1 << 20))) : null;
  };
  const done = (/** @type {object} */ fields) => post({ type: "done", id, durationMs: performance.now() - started, memoryMB: usedMB(), line: null, ...fields });
  /** @type {(error: object, line?: number | null) => void} */
  const fail = (error, line = null) => done({ ok: false, error, body: JSON.stringify(error), line });
  const log = (/** @type {string} */ level, /** @type {unknown} */ text) => {
    for (const l of String(text).split("\n")) post({ type: "log", id, text: `${new Date().toISOString()}\t${context.awsRequestId}\t${level}\t${l}` });
  };
  try {
    installHost(vm, { log, file, modName });
    const pre = vm.evalCode(PRELUDE, "prelude.js");
    if (pre.error) throw new Error(`the runtime's prelude failed: ${JSON.stringify(vm.dump(pre.error))}`);
    pre.value.dispose();

    // A thrown value (or a rejection) as Lambda's Node.js runtime reports it.
    const userError = (/** @type {QuickJSHandle} */ h, syntax = false) => {
      const e = vm.dump(h);
      h.dispose();
      if (interrupted) return timedOut();
      if (e && typeof e === "object" && typeof e.message === "string") {
        const ename = e.name || "Error";
        if (/out of memory/i.test(e.message)) {
          // As Lambda reports a function it stopped: its memory used is the memory size.
          const error = { errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${context.awsRequestId} Error: Runtime exited with error: out of memory (the function used more than its ${memoryMB} MB)` };
          return done({ ok: false, error, body: JSON.stringify(error), memoryMB });
        }
        if (syntax && ename === "SyntaxError") {
          const m = `SyntaxError: ${e.message}`;
          return fail({ errorType: "Runtime.UserCodeSyntaxError", errorMessage: m, trace: [`Runtime.UserCodeSyntaxError: ${m}`, ...traceOf(ename, e.message, e.stack).slice(1)] }, lineOf(e.stack, file));
        }
        if (e.code === "MODULE_NOT_FOUND") {
          const m = `Error: ${e.message}`;
          return fail({ errorType: "Runtime.ImportModuleError", errorMessage: m, trace: [`Runtime.ImportModuleError: ${m}`, ...traceOf(ename, e.message, e.stack).slice(1)] }, lineOf(e.stack, file));
        }
        return fail({ errorType: ename, errorMessage: e.message, trace: traceOf(ename, e.message, e.stack) }, lineOf(e.stack, file));
      }
      return fail({ errorType: e === null ? "object" : typeof e, errorMessage: String(e), trace: [] });
    };
    const timedOut = () => {
      const errorMessage = `${new Date().toISOString()} ${context.awsRequestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
      post({ type: "done", id, ok: false, error: { errorType: "Sandbox.Timedout", errorMessage }, body: JSON.stringify({ errorMessage }), line: null, durationMs: performance.now() - started, memoryMB: null });
    };

    const compiled = vm.evalCode(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, file);
    if (compiled.error) return userError(compiled.error, true);
    const loadFn = vm.getProp(vm.global, "__load");
    const loaded = vm.callFunction(loadFn, vm.undefined, compiled.value);
    loadFn.dispose();
    compiled.value.dispose();
    if (loaded.error) return userError(loaded.error);
    const fn = vm.getProp(loaded.value, name);
    loaded.value.dispose();
    if (vm.typeof(fn) !== "function") {
      fn.dispose();
      const errorMessage = `${modName}.${name} is undefined or not exported`;
      return fail({ errorType: "Runtime.HandlerNotFound", errorMessage, trace: [`Runtime.HandlerNotFound: ${errorMessage}`] });
    }
    const invokeFn = vm.getProp(vm.global, "__invoke");
    const ev = vm.newString(event);
    const ctx = vm.newString(JSON.stringify(context));
    const called = vm.callFunction(invokeFn, vm.undefined, fn, ev, ctx);
    invokeFn.dispose();
    ev.dispose();
    ctx.dispose();
    fn.dispose();
    if (called.error) return userError(called.error);
    called.value.dispose();
    for (;;) {
      const jobs = rt.executePendingJobs(-1);
      if (jobs.error) return userError(jobs.error);
      const n = jobs.value;
      if (n === 0) break;
    }
    if (interrupted) return timedOut();
    const outcome = vm.getProp(vm.global, "__outcome");
    const stateH = vm.getProp(outcome, "state");
    const state = vm.getString(stateH);
    stateH.dispose();
    if (state === "ok") {
      const bodyH = vm.getProp(outcome, "body");
      const body = vm.getString(bodyH);
      bodyH.dispose();
      outcome.dispose();
      return done({ ok: true, body });
    }
    if (state === "error") {
      const errH = vm.getProp(outcome, "error");
      outcome.dispose();
      const e = vm.dump(errH);
      if (e && e.marshal) {
        errH.dispose();
        const errorMessage = `Unable to stringify response body: ${e.name}: ${e.message}`;
        return fail({ errorType: "Runtime.MarshalError", errorMessage, trace: [`Runtime.MarshalError: ${errorMessage}`] });
      }
      return userError(errH);
    }
    outcome.dispose();
    // Nothing left to run and no answer: the runtime returns null.
    return done({ ok: true, body: "null" });
  } catch (e) {
    if (interrupted) return timedOut2();
    const errorMessage = `RequestId: ${context.awsRequestId} Error: Runtime exited with error: ${e && e.message ? e.message : e}`;
    return fail({ errorType: "Runtime.ExitError", errorMessage });
  } finally {
    try { vm.dispose(); rt.dispose(); } catch { /* a runtime that ran out of memory may not dispose cleanly */ }
  }

  function timedOut2() {
    const errorMessage = `${new Date().toISOString()} ${context.awsRequestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
    post({ type: "done", id, ok: false, error: { errorType: "Sandbox.Timedout", errorMessage }, body: JSON.stringify({ errorMessage }), line: null, durationMs: performance.now() - started, memoryMB: null });
  }
}

// installHost gives QuickJS the host functions the prelude uses (as
// globalThis.__host, which the prelude deletes once it has them).
/**
 * @param {QuickJSContext} vm
 * @param {{log: (level: string, text: string) => void, file: string, modName: string}} how
 */
function installHost(vm, { log, file, modName }) {
  const host = vm.newObject();
  const bytesOf = (/** @type {QuickJSHandle} */ h) => {
    const life = vm.getArrayBuffer(h);
    const copy = life.value.slice();
    life.dispose();
    return copy;
  };
  const ab = (/** @type {Uint8Array} */ u8) => vm.newArrayBuffer(u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer);
  /** @type {Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | {error: QuickJSHandle}>} */
  const fns = {
    utf8Encode: (s) => ab(utf8Encode(vm.getString(s))),
    utf8Length: (s) => vm.newNumber(utf8Encode(vm.getString(s)).length),
    utf8Decode: (b) => vm.newString(utf8Decode(bytesOf(b))),
    base64Decode: (s) => ab(base64Decode(vm.getString(s))),
    base64ByteLength: (s) => vm.newNumber(base64ByteLength(vm.getString(s))),
    base64Encode: (b, url) => vm.newString(base64Encode(bytesOf(b), vm.dump(url) === true)),
    log: (level, text) => { log(vm.getString(level), vm.getString(text)); return vm.undefined; },
  };
  for (const [k, f] of Object.entries(fflate)) {
    fns[k] = (b) => {
      try {
        return ab(f(bytesOf(b)));
      } catch (e) {
        return { error: vm.newError({ name: "Error", message: `zlib: ${e.message || e}` }) };
      }
    };
  }
  for (const [k, f] of Object.entries(fns)) {
    const h = vm.newFunction(k, (...args) => f(...args));
    vm.setProp(host, k, h);
    h.dispose();
  }
  const env = vm.newObject();
  for (const [k, v] of Object.entries({ AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x", AWS_LAMBDA_FUNCTION_VERSION: "$LATEST", LAMBDA_TASK_ROOT: "/var/task", _HANDLER: `${modName}` })) {
    const s = vm.newString(v);
    vm.setProp(env, k, s);
    s.dispose();
  }
  vm.setProp(host, "env", env);
  env.dispose();
  const f = vm.newString(file);
  vm.setProp(host, "filename", f);
  f.dispose();
  vm.setProp(vm.global, "__host", host);
  host.dispose();
}

const ready = load().catch((e) => {
  post({ type: "failed", error: `QuickJS could not be loaded: ${e && e.message ? e.message : e}` });
  throw e;
});

self.onmessage = async (ev) => {
  const msg = ev.data;
  if (!msg || msg.type !== "invoke" || typeof msg.code !== "string" || typeof msg.event !== "string") return;
  try {
    await ready;
  } catch {
    return;
  }
  invoke(msg);
  if (aborted) retire();
};

// retire tells the page this worker can no longer run code: the page ends
// it and its spare takes over (the protocol's "failed", after "ready").
function retire() {
  post({ type: "failed", error: `QuickJS stopped: ${aborted.slice(0, 500)}` });
  self.onmessage = null;
}
