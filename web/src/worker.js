// The engine's worker (a classic worker, built to worker.js). It loads Go's
// wasm_exec.js, instantiates the compiled engine it is given, and answers
// runs. Whatever goes wrong is caught and sent back as an error message, so
// the page always hears back.
//
// Messages in:  {type: "init", module: WebAssembly.Module, warm}  warm: warm the engine up
//                                                after its first run (see warmUp)
//               {type: "run", id, request}
//               {type: "export", id, request}  a request with "export" set
//               {type: "document", id, run, name}  a document of a run (see below)
// Messages out: {type: "ready", version, catalog}  catalog: firehose.describe(), parsed
//               {type: "failed", error}
//               {type: "report", id, report, hasBody, memory}  the engine's report, parsed, and
//                                                the bytes of WebAssembly memory the engine holds
//               {type: "body", id, view}         the Lambda body, pretty, with its offset map;
//                                                null when it is too large to be shown
//               {type: "body", id, same: true}   the body is the previous report's (the
//                                                same run: another page of its records)
//               {type: "exported", id, text}     the report's export (a string), or null
//                                                when this engine does not export
//               {type: "document", id, bytes}    the document asked for (a Uint8Array of UTF-8,
//                                                transferred), or null when a later run replaced it
//               {type: "error", id, error}       the run failed; the worker should be replaced
//
// The request's input and response cross into the engine as bytes, and the
// report comes back without its large documents (the Lambda body, the
// event built from base64 lines or JSON payloads, an export): the engine
// keeps them for the run, and this worker or the page fetch one only when
// it is shown or copied (see wasm/documents.go). A 6 MB event's report is
// then small, and reaches the page before the body is laid out. This worker
// also holds the details of the window's records (their decoded text and
// rows, and their outputs' decoded data: nine tenths of a report of
// records of 10 KB) until the page shows a record and asks for its
// document record/INDEX (see holdDetails): only the summary and the list
// cross to the page's thread with every run.
import { pretty } from "./pretty.js";


/** @typedef {import("./report").Report} Report */
let dead = ""; // why the engine can no longer run, once it cannot
/** @type {WebAssembly.Memory | null} */
let memory = null; // the engine's WebAssembly memory
/** @type {string[]} */
let presets = []; // the names of the engine's presets (its description's)

/** @param {unknown} e */
function errorText(e) {
  return e instanceof Error && e.message ? e.message : String(e);
}

/** @param {WebAssembly.Module} module */
async function init(module) {
  importScripts("wasm_exec.js");
  const go = new self.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  memory = /** @type {WebAssembly.Memory | undefined} */ (instance.exports.mem) || null;
  go.run(instance).then(() => { dead = "the engine stopped"; });
  if (!self.firehose || typeof self.firehose.run !== "function") {
    throw new Error("the engine did not register firehose.run");
  }
  const catalog = JSON.parse(self.firehose.describe());
  presets = catalog.presets.map((/** @type {{name: string}} */ p) => p.name);
  return { version: String(self.firehose.version), catalog };
}

// The buffer the input and the response are encoded into, reused from run
// to run (the engine copies what it is given).
let scratch = new Uint8Array(1 << 16);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * encode writes text as UTF-8 at scratch[at:] and returns where it ends.
 * @param {string} text
 * @param {number} at
 */
function encode(text, at) {
  const need = at + text.length * 3;
  if (need > scratch.length) {
    const grown = new Uint8Array(Math.max(need, scratch.length * 2));
    grown.set(scratch.subarray(0, at));
    scratch = grown;
  }
  return at + encoder.encodeInto(text, scratch.subarray(at)).written;
}

// wellFormed tells whether text can cross as UTF-8: a lone surrogate
// cannot (TextEncoder would make it U+FFFD, and the engine could no longer
// say the text holds one), so such text stays inside the request's JSON.
/** @param {string} text */
function wellFormed(text) {
  const t = /** @type {string & {isWellFormed?: () => boolean}} */ (text); // ES2024: not in every browser the page runs in
  return typeof t.isWellFormed !== "function" || t.isWellFormed();
}

// engineRun runs a request, its input and response as bytes, and returns
// the report (without its documents).
/**
 * @param {{input?: string, response?: string} & Record<string, unknown>} request
 * @returns {Report}
 */
function engineRun(request) {
  if (dead) throw new Error(dead);
  const { input = "", response, ...rest } = request;
  /** @type {{request: string, input?: Uint8Array, response?: Uint8Array}} */
  const req = { request: "" };
  let end = 0;
  if (wellFormed(input)) {
    end = encode(input, 0);
    req.input = scratch.subarray(0, end);
  } else {
    rest.input = input;
  }
  if (typeof response === "string" && wellFormed(response)) {
    const from = end;
    end = encode(response, from);
    req.response = scratch.subarray(from, end);
  } else if (typeof response === "string") {
    rest.response = response;
  }
  req.request = JSON.stringify(rest);
  return JSON.parse(self.firehose.run(req));
}

/**
 * documentText is a document of the latest run as text, or null.
 * @param {Report} report
 * @param {import("./report").DocumentName} name
 */
function documentText(report, name) {
  const d = report && report.documents;
  if (!d || !(name in d.sizes)) return null;
  const bytes = self.firehose.document(d.run, name);
  return bytes ? decoder.decode(bytes) : null;
}

// Bodies larger than this are not laid out for the body editor: the page
// offers to copy or download them instead.
const MAX_SHOWN_BODY = 32 << 20;

// laidOut is the run whose body was last laid out: another report of the
// same run (another page of its records) has the same body.
let laidOut = -1;

/**
 * @param {number} id
 * @param {Record<string, unknown>} request
 */
function run(id, request) {
  const report = engineRun(request);
  holdDetails(report);
  // The adapter's failure reports (a request it could not read, a panic) hold no documents.
  const d = report.documents;
  const hasBody = !!d && "body" in d.sizes;
  self.postMessage({ type: "report", id, report, hasBody, memory: memory ? memory.buffer.byteLength : 0 });
  if (!d || !hasBody) return;
  if (d.run === laidOut) {
    self.postMessage({ type: "body", id, same: true });
    return;
  }
  laidOut = d.run;
  // Laying out a big body takes a moment: the page already has the
  // report and shows the summary meanwhile.
  if ((d.sizes.body || 0) > MAX_SHOWN_BODY) {
    self.postMessage({ type: "body", id, view: null });
    return;
  }
  const text = documentText(report, "body");
  const view = text === null ? null : pretty(text);
  self.postMessage({ type: "body", id, view }, view ? [view.from.buffer, view.to.buffer] : []);
}

/**
 * @param {number} id
 * @param {Record<string, unknown>} request
 */
function runExport(id, request) {
  const report = engineRun(request);
  self.postMessage({ type: "exported", id, text: documentText(report, "export") });
}

/**
 * held are the details of the latest report's records (see holdDetails).
 * @type {{run: number, records: Map<number, import("./report").RecordDetails>} | null}
 */
let held = null;

/**
 * holdDetails keeps the details of the report's records here: each
 * record's decoded text and rows and its outputs' decoded data. The report
 * sent to the page has them empty, with held set, rowCount the number of
 * rows and the document record/INDEX in its documents; the page asks for
 * it when it shows the record. A report of the adapter's failures (no
 * documents) keeps its details.
 * @param {Report} report
 */
function holdDetails(report) {
  const d = report.documents;
  held = null;
  if (!d) return;
  /** @type {Map<number, import("./report").OutRecord>} */
  const outs = new Map();
  if (report.response) for (const o of report.response.records) outs.set(o.index, o);
  held = { run: d.run, records: new Map() };
  for (const r of report.records) {
    if (!r.detail) continue;
    /** @type {{[index: number]: string}} */
    const outputs = {};
    let size = r.decoded.length;
    for (const i of r.outputs) {
      const o = outs.get(i);
      if (!o || !o.decoded) continue;
      outputs[i] = o.decoded;
      size += o.decoded.length;
      o.decoded = "";
      o.held = true;
    }
    held.records.set(r.index, { decoded: r.decoded, rows: r.rows, outputs });
    r.rowCount = r.rows.length;
    r.decoded = "";
    r.rows = [];
    r.held = true;
    d.sizes[`record/${r.index}`] = size;
  }
}

/**
 * @param {number} id
 * @param {unknown} run
 * @param {unknown} name
 */
function sendDocument(id, run, name) {
  if (held && run === held.run && typeof name === "string" && name.startsWith("record/")) {
    const details = held.records.get(Number(name.slice("record/".length)));
    const bytes = details ? encoder.encode(JSON.stringify(details)) : null;
    self.postMessage({ type: "document", id, bytes }, bytes ? [bytes.buffer] : []);
    return;
  }
  const bytes = dead || typeof run !== "number" || typeof name !== "string" ? null : self.firehose.document(run, name);
  self.postMessage({ type: "document", id, bytes }, bytes ? [bytes.buffer] : []);
}

// warm is true until the engine of a worker that should be warmed up (the
// one whose runs the page shows) has been: after its first run, which
// the page is waiting for, it runs warmUp.
let warm = false;

// warmUp runs each of the engine's presets once on a small event (273 KB),
// so that the user's first big run finds more of the engine's hot code
// optimized by WebAssembly's compiler and its heap already grown. It runs once, after
// the first run, whose results the page is already showing.
function warmUp() {
  warm = false;
  const records = [];
  for (let i = 0; i < 200; i++) {
    const rows = [];
    for (let j = 0; j < 10; j++) rows.push({ id: i * 10 + j, name: `row ${j} 행`, tags: ["a", "b"], nested: { x: j / 3, ok: true, none: null } });
    const data = btoa(String.fromCharCode(...encoder.encode(JSON.stringify(rows))));
    records.push({ recordId: `r-${i}`, approximateArrivalTimestamp: 1767225600000, data });
  }
  const input = JSON.stringify({ invocationId: "warm-up", deliveryStreamArn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/warm-up", region: "us-east-1", records });
  // The plain string form: it leaves the documents of the page's run alone.
  for (const preset of presets) self.firehose.run(JSON.stringify({ input, preset, detail: { from: 0, count: 100 } }));
}

// collectSoon frees, once this message is handled, the memory the engine's
// latest run no longer holds (firehose.collect): off the run's path, so
// the next run reuses it rather than growing the engine's memory.
function collectSoon() {
  setTimeout(() => {
    if (!dead && typeof self.firehose.collect === "function") self.firehose.collect();
  }, 0);
}

self.onmessage = async (ev) => {
  const msg = ev.data || {};
  if (msg.type === "init") {
    try {
      const { version, catalog } = await init(msg.module);
      self.postMessage({ type: "ready", version, catalog });
      warm = !!msg.warm;
    } catch (e) {
      dead = errorText(e);
      self.postMessage({ type: "failed", error: dead });
    }
  } else if (msg.type === "document") {
    sendDocument(msg.id, msg.run, msg.name);
  } else if (msg.type === "run" || msg.type === "export") {
    try {
      if (msg.type === "run") run(msg.id, msg.request);
      else runExport(msg.id, msg.request);
      if (warm) {
        try {
          warmUp();
        } catch {
          // a failed warm-up only means the first big run is slower
        }
      }
      collectSoon();
    } catch (e) {
      dead = dead || errorText(e);
      self.postMessage({ type: "error", id: msg.id, error: errorText(e) });
    }
  }
};
