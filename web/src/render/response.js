// The Lambda response: the body as the function returns it (shown pretty in
// a read-only editor by main.js; here its header with the copy button), and
// the recordId mapping: which output carries which id, with duplicates and
// ids Firehose ignores standing out.
import { h, replace } from "../dom.js";
import { bytes, n, plural } from "../format.js";
import { explain } from "../catalog.js";
import { clip, copyButton, pager, status, CLIP_SHORT } from "./common.js";
import { documentSize, documentText, hasDocument } from "../documents.js";

/** @typedef {import("../report").Report} Report */

const PAGE = 100;

/**
 * renderBodyHead says what the body is and offers to copy it.
 * @param {HTMLElement} el
 * @param {Report} report
 * @param {boolean} pasted
 * @param {import("../report").DocFetch} doc
 */
export function renderBodyHead(el, report, pasted, doc) {
  if (!hasDocument(report, "body")) {
    const err = report.lambda.error;
    replace(el, h("p", { class: "hint" }, err
      ? "The function raised an error instead of returning a body; the Lambda runtime answers with this error object:"
      : "No body yet."),
    err ? h("pre", { class: "code" }, clip(JSON.stringify({ errorType: err.errorType, errorMessage: err.errorMessage }, null, 2))) : null);
    return;
  }
  replace(el, h("p", { class: "body-meta" },
    pasted ? "The response you pasted" : `What ${report.preset || "the function"} returns`,
    `: ${bytes(bodySize(report))}, shown indented. `,
    copyButton(() => documentText(report, "body", doc), "Copy the exact body"),
  ));
}

/**
 * bodySize is the body's size in bytes: the engine's figure, or counted.
 * @param {Report} report
 */
function bodySize(report) {
  const n = (report.response && report.response.size) || report.stats.responseBytes;
  if (n) return n;
  const aside = documentSize(report, "body");
  if (aside >= 0) return aside;
  const body = report.lambda.body || "";
  let size = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c >= 0xd800 && c < 0xdc00) { size += 4; i++; }
    else size += 3;
  }
  return size;
}

/**
 * renderMapping lists the response records with the input record their id
 * matches. onShow(doc, start, end) shows a range; onSelect(i) picks input record i.
 * @param {HTMLElement} el
 * @param {Report} report
 * @param {{onShow: (doc: import("../report").Doc, start: number, end: number) => void, onSelect: (i: number) => void}} handlers
 */
export function renderMapping(el, report, { onShow, onSelect }) {
  const ignored = report.verdict.ignored;
  if (!report.response) {
    replace(el, h("p", { class: "hint" }, "No response records to map."));
    return;
  }
  const outs = report.response.records;
  const be = report.verdict.batchError;
  if (!outs.length) {
    replace(el, h("p", { class: "hint" }, be
      ? `No output records: the whole batch fails (${be.errorCode}) before Firehose reads them.`
      : "The response holds no output records."));
    return;
  }
  const counts = { matched: 0, duplicate: 0, ignored: 0 };
  for (const o of outs) counts[o.status] = (counts[o.status] || 0) + 1;
  // A large response is listed in part: the outputs of the records the
  // report describes, and the first of the others.
  const total = report.response.total;
  const w = report.window;
  const tally = [
    `${n(counts.matched)} matched, `,
    h("span", { class: counts.duplicate ? "warn-text" : "" }, `${n(counts.duplicate)} duplicate`), ", ",
    h("span", { class: counts.ignored ? "bad-text" : "" }, `${n(counts.ignored)} ignored`), ".",
  ];
  const intro = outs.length < total
    ? h("p", null, `${plural(total, "output record")}, ${n(report.stats.ignored)} of them ignored. Listed here: the ${n(outs.length)} that concern records #${w.from}–#${w.from + w.count - 1} and the first others: `, ...tally)
    : h("p", null, `${plural(total, "output record")}: `, ...tally);
  const notes = [];
  if (counts.ignored) notes.push(h("p", { class: "explain bad-text" }, explain("response.ignoredRecordId")));
  if (counts.duplicate) notes.push(h("p", { class: "explain warn-text" }, explain("Lambda.DuplicatedRecordId")));
  if (ignored.length && !counts.ignored) notes.push(h("p", { class: "explain bad-text" }, `${plural(ignored.length, "output")} ignored. ${explain("response.ignoredRecordId")}`));

  const filter = h("select", { id: "mapping-filter" },
    h("option", { value: "all" }, "all outputs"),
    h("option", { value: "problems" }, "duplicates and ignored only"),
  );
  const tableBox = h("div", null);
  let page = 0;
  const draw = () => {
    const list = filter.value === "problems" ? outs.filter((o) => o.status !== "matched") : outs;
    const pages = Math.max(1, Math.ceil(list.length / PAGE));
    page = Math.min(page, pages - 1);
    const shown = list.slice(page * PAGE, (page + 1) * PAGE);
    replace(tableBox,
      pager({ page, size: PAGE, total: list.length, label: "Output pages", onPage: (/** @type {number} */ p) => { page = p; draw(); } }),
      h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "recordId mapping" },
        h("table", { class: "mapping" },
          h("thead", null, h("tr", null,
            h("th", { scope: "col" }, "output"), h("th", { scope: "col" }, "recordId"), h("th", { scope: "col" }, "result"),
            h("th", { scope: "col" }, "status"), h("th", { scope: "col" }, "input record"), h("th", { scope: "col" }, "rows"))),
          h("tbody", null, shown.map((o) => h("tr", { class: `status-${o.status}` },
            h("td", null, h("button", { type: "button", class: "link", onclick: () => onShow("response", o.start, o.end) }, `#${o.index}`)),
            h("td", null, h("code", { class: "record-id" }, clip(o.recordId, CLIP_SHORT))),
            h("td", null, clip(o.result, CLIP_SHORT)),
            h("td", null, status(o.status)),
            h("td", null, o.input >= 0
              ? h("button", { type: "button", class: "link", onclick: () => onSelect(o.input) }, `#${o.input}`)
              : h("span", { class: "bad-text" }, "none")),
            h("td", null, n(o.rows)),
          ))),
        ),
      ),
    );
  };
  filter.addEventListener("change", () => { page = 0; draw(); });
  if (counts.duplicate + counts.ignored > 0 && outs.length > PAGE) filter.value = "problems";
  draw();
  replace(el, intro, ...notes,
    h("p", { class: "field" }, h("label", { for: "mapping-filter" }, "Show "), filter),
    tableBox);
}
