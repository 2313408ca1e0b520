// The engine's worker (a classic worker, built to worker.js). It loads Go's
// wasm_exec.js, instantiates the compiled engine it is given, and answers
// runs. Whatever goes wrong is caught and sent back as an error message, so
// the page always hears back.
//
// Messages in:  {type: "init", module: WebAssembly.Module}
//               {type: "run", id, request}
//               {type: "export", id, request}  a request with "export" set
// Messages out: {type: "ready", version, catalog}  catalog: firehose.describe(), parsed
//               {type: "failed", error}
//               {type: "report", id, report, hasBody, memory}  the engine's report, parsed, and
//                                                the bytes of WebAssembly memory the engine holds
//               {type: "body", id, view}         the Lambda body, pretty, with its offset map
//               {type: "exported", id, text}     the report's export (a string), or null
//                                                when this engine does not export
//               {type: "error", id, error}       the run failed; the worker should be replaced
import { pretty } from "./pretty.js";

let dead = ""; // why the engine can no longer run, once it cannot
let memory = null; // the engine's WebAssembly memory

function errorText(e) {
  return e && e.message ? e.message : String(e);
}

async function init(module) {
  importScripts("wasm_exec.js");
  const go = new self.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  memory = instance.exports.mem || null;
  go.run(instance).then(() => { dead = "the engine stopped"; });
  if (!self.firehose || typeof self.firehose.run !== "function") {
    throw new Error("the engine did not register firehose.run");
  }
  return { version: String(self.firehose.version), catalog: JSON.parse(self.firehose.describe()) };
}

function run(id, request) {
  if (dead) throw new Error(dead);
  const text = self.firehose.run(JSON.stringify(request));
  const report = JSON.parse(text);
  const body = report && report.lambda && report.lambda.body;
  const hasBody = typeof body === "string";
  self.postMessage({ type: "report", id, report, hasBody, memory: memory ? memory.buffer.byteLength : 0 });
  if (hasBody) {
    // Pretty-printing a big body takes a moment: the page already has the
    // report and shows the summary meanwhile.
    const view = pretty(body);
    self.postMessage({ type: "body", id, view }, [view.from.buffer, view.to.buffer]);
  }
}

function runExport(id, request) {
  if (dead) throw new Error(dead);
  const report = JSON.parse(self.firehose.run(JSON.stringify(request)));
  const text = report && typeof report.export === "string" ? report.export : null;
  self.postMessage({ type: "exported", id, text });
}

self.onmessage = async (ev) => {
  const msg = ev.data || {};
  if (msg.type === "init") {
    try {
      const { version, catalog } = await init(msg.module);
      self.postMessage({ type: "ready", version, catalog });
    } catch (e) {
      dead = errorText(e);
      self.postMessage({ type: "failed", error: dead });
    }
  } else if (msg.type === "run" || msg.type === "export") {
    try {
      if (msg.type === "run") run(msg.id, msg.request);
      else runExport(msg.id, msg.request);
    } catch (e) {
      dead = dead || errorText(e);
      self.postMessage({ type: "error", id: msg.id, error: errorText(e) });
    }
  }
};
