// The "Copy or download" panel. The Lambda response comes from the report
// shown; the event, the decoded payloads and the S3 objects are asked of
// the engine in export runs of their own (they can be large, and the report
// shown keeps only what the page displays).
import { h, replace } from "./dom.js";
import { documentText, hasDocument } from "./documents.js";
import { bytes } from "./format.js";
import { toExportRequest } from "./state.js";
import { copyText, download, processingFailedLines } from "./exports.js";

/** @typedef {import("./report").Report} Report */
/** @typedef {import("./report").DocFetch} DocFetch */
/** @typedef {import("./state.js").State} State */
/**
 * An export: what it is, its file, and how to get its text.
 * @typedef {{name: string, label: string, file: string, type: string, hint: string, kind?: string, empty?: string,
 *   fromReport?: (rep: Report | null, doc: DocFetch | undefined) => Promise<string | null> | string | null,
 *   make?: (text: string) => string}} Export
 */

// Each export: what it is, its file, and how to get its text from the
// report shown (report) or from an engine export (kind, then make).
/** @type {Export[]} */
const EXPORTS = [
  {
    name: "response", label: "The Lambda response", file: "lambda-response.json", type: "application/json",
    hint: "the exact body the function returns",
    fromReport: (rep, doc) => {
      const err = rep && rep.lambda.error;
      if (hasDocument(rep, "body")) return documentText(rep, "body", doc);
      if (err) return JSON.stringify({ errorType: err.errorType, errorMessage: err.errorMessage }, null, 2) + "\n";
      return null;
    },
  },
  {
    name: "event", label: "The event", file: "event.json", type: "application/json", kind: "event",
    hint: "for sam local invoke -e event.json",
  },
  {
    name: "decoded", label: "The decoded payloads", file: "decoded.ndjson", type: "application/x-ndjson", kind: "decoded",
    hint: "NDJSON, one line per record",
  },
  {
    name: "s3", label: "The S3 objects", file: "s3-objects.json", type: "application/json", kind: "s3",
    hint: "every object in full: key, kind and body",
  },
  {
    name: "failed", label: "The processing-failed lines", file: "processing-failed.ndjson", type: "application/x-ndjson", kind: "s3",
    hint: "one JSON line per failed record",
    empty: "no record fails, so Firehose writes none",
    make: (text) => processingFailedLines(JSON.parse(text)),
  },
  {
    name: "redrive", label: "The re-drive", file: "put-record-batch.json", type: "application/json", kind: "redrive",
    hint: "aws firehose put-record-batch input that puts every record back, 500 records / 4 MiB a call",
  },
];

/**
 * createExportPanel fills el with the export buttons.
 *   getReport()  the report shown (for the Lambda response)
 *   getDoc()     the doc(name) of the report shown (engine.js): its documents
 *   getState()   the state shown, synced with the editors
 *   exportRun(request) → Promise of the export text (engine.exportRun)
 * @param {HTMLElement} el
 * @param {{getReport: () => Report | null, getDoc?: () => DocFetch | null, getState: () => State,
 *   exportRun: (request: import("./state.js").Request) => Promise<string | null>}} sources
 */
export function createExportPanel(el, { getReport, getDoc, getState, exportRun }) {
  const status = h("p", { class: "hint export-status", role: "status" });
  /** @type {{state: State, kind: string | undefined, text: string} | null} */
  let cache = null; // the last engine export

  /** @param {Export} x */
  async function textOf(x) {
    if (x.fromReport) {
      const t = await x.fromReport(getReport(), (getDoc && getDoc()) || undefined);
      if (t == null) throw new Error("there is no response yet, or a newer run replaced it");
      return t;
    }
    const state = getState();
    let text;
    if (cache && cache.state === state && cache.kind === x.kind) {
      text = cache.text;
    } else {
      status.textContent = `Preparing ${x.label.toLowerCase()}…`;
      text = await exportRun(toExportRequest(state, x.kind || ""));
      if (typeof text !== "string") throw new Error("this version of the engine cannot export it");
      cache = { state, kind: x.kind, text };
    }
    return x.make ? x.make(text) : text;
  }

  /**
   * @param {Export} x
   * @param {"copy" | "download"} action
   */
  async function act(x, action) {
    let text;
    try {
      text = await textOf(x);
    } catch (e) {
      if (e && e.name === "StaleRun") return; // a newer export replaced it
      status.textContent = `${x.label} could not be exported: ${e.message || e}.`;
      return;
    }
    if (text === "") {
      status.textContent = `Nothing to export: ${x.empty || "there is nothing yet"}.`;
      return;
    }
    const size = bytes(new TextEncoder().encode(text).length);
    if (action === "download") {
      download(x.file, text, x.type);
      status.textContent = `Downloaded ${x.file} (${size}).`;
    } else if (await copyText(text)) {
      status.textContent = `Copied ${x.label.toLowerCase()} (${size}).`;
    } else {
      status.textContent = `The browser did not allow copying; download ${x.file} instead.`;
    }
  }

  replace(el,
    h("ul", { class: "exports" }, EXPORTS.map((x) => h("li", { class: "export", "data-export": x.name },
      h("span", { class: "export-label" }, h("strong", null, x.label), " ", h("span", { class: "hint" }, x.hint)),
      h("span", { class: "export-actions" },
        h("button", { type: "button", "data-action": "copy", onclick: () => act(x, "copy") }, "Copy"),
        h("button", { type: "button", "data-action": "download", onclick: () => act(x, "download") }, `Download ${x.file}`),
      ),
    ))),
    status,
  );
}
