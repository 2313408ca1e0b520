// One record in detail: its id and verdict, the findings the engine ties to
// it, the decoded payload, the rows the transform flattened it into, and the
// output records made of it. What is wrong with the record is what the
// engine says (its verdict, its findings), never counted here.
import { h, replace } from "../dom.js";
import { bytes, n, plural, timestamp } from "../format.js";
import { confidenceText } from "../catalog.js";
import { clip, confidence, errorBlock, lostBadge, outcome, pre, status, CLIP } from "./common.js";
import { findingsByRecord, outputLinks, outputsByIndex, verdictsByIndex } from "./links.js";
import { findingItem, verdictFinding } from "./finding.js";

/** @typedef {import("../report").Report} Report */
/** @typedef {import("../report").InputRecord} InputRecord */
/** @typedef {import("../report").RecordVerdict} RecordVerdict */
/** @typedef {import("../report").OutRecord} OutRecord */
/** @typedef {import("./finding.js").Where} Where */
/** @typedef {import("./finding.js").Pick} Pick */
/** @typedef {(doc: import("../report").Doc, start: number, end: number) => void} Show */

const MAX_ROWS = 200; // table rows shown; the rest is counted

/**
 * renderRecord shows record index of the report in el.
 *   onShow(doc, start, end)  the user wants to see a range in its editor
 *   where, onPick            place and show the record's findings (see render/finding.js)
 * @param {HTMLElement} el
 * @param {Report} report
 * @param {number} index
 * @param {{onShow: Show, where: Where, onPick: Pick}} handlers
 */
export function renderRecord(el, report, index, { onShow, where, onPick }) {
  const rec = report.records.find((r) => r.index === index);
  if (!rec) {
    replace(el, h("p", { class: "empty" }, report.window.total ? "Loading this record…" : ""));
    return;
  }
  const v = verdictsByIndex(report).get(index);
  const outs = outputsByIndex(report);

  replace(el,
    h("h4", null, `Record #${rec.index}`),
    h("dl", { class: "facts" },
      h("dt", null, "recordId"), h("dd", null, h("code", { class: "record-id" }, clip(rec.recordId))),
      rec.approximateArrivalTimestamp ? [h("dt", null, "arrived"), h("dd", null, timestamp(rec.approximateArrivalTimestamp))] : null,
      h("dt", null, "data"), h("dd", null, `${rec.payload}, ${bytes(rec.size)}${rec.gzip ? " after gunzip" : ""}`),
    ),
    h("p", { class: "actions" },
      h("button", { type: "button", onclick: () => onShow("input", rec.start, rec.end) }, "Show in the input"),
    ),
    verdictPart(report, v),
    findingsPart(report, rec, v, where, onPick),
    h("h5", null, "Decoded payload"),
    rec.gone ? h("p", { class: "hint" }, "The engine's worker that held this record's details was replaced (a run was cancelled, or the engine failed): run again to see them.") :
      rec.held ? h("p", { class: "hint loading" }, "Loading…") :
        rec.detail ? pre(rec.decoded, rec.truncated, "decoded") :
          h("p", { class: "hint" }, "Left out to keep the report small; this record's details are not available."),
    rowsPart(report, rec),
    outputsPart(report, rec, outs, onShow),
  );
}

/**
 * verdictPart says what Firehose does with the record: the engine's verdict.
 * @param {Report} report
 * @param {RecordVerdict | undefined} v
 */
function verdictPart(report, v) {
  const be = report.verdict.batchError;
  if (!v) {
    if (be || report.lambda.error) {
      return h("div", { class: "verdict" }, h("h5", null, "Firehose's verdict"),
        h("p", null, outcome("failed"), " The whole batch fails: see above."));
    }
    return h("div", { class: "verdict" }, h("h5", null, "Firehose's verdict"), h("p", { class: "hint" }, "No verdict for this record."));
  }
  return h("div", { class: "verdict", "data-outcome": v.outcome },
    h("h5", null, "Firehose's verdict"),
    h("p", null, outcome(v.outcome, v), " ", lostBadge(v), v.output >= 0 ? ` decided by output #${v.output}` : "",
      v.errorCode ? null : [" ", confidence(v.confidence)]),
    v.lostOutputs ? h("p", { class: "bad-text lost-note" },
      `${plural(v.lostOutputs, "other output")} made of this record ${v.lostOutputs === 1 ? "carries" : "carry"} a recordId Firehose never sent: `,
      v.lostRows ? `${plural(v.lostRows, "row")} of it ${v.lostRows === 1 ? "is" : "are"} lost without any error.` : "they held no rows.") : null,
    v.errorCode ? errorBlock(v) : null,
    !v.errorCode && v.confidence && v.confidence !== "confirmed" ? h("p", { class: "explain confidence-note" }, confidenceText(v.confidence)) : null,
  );
}

/**
 * rowsPart shows the rows the transform made of the record.
 * @param {Report} report
 * @param {InputRecord} rec
 */
function rowsPart(report, rec) {
  const rows = rec.rows;
  if (!rec.detail || rec.held) return null;
  if (!rows.length) {
    return h("div", null, h("h5", null, "Flattened rows"), h("p", { class: "hint" }, report.preset === "identity"
      ? "identity does not flatten: it returns the record's data unchanged, in one output."
      : report.preset
        ? "The transform made no rows of this record."
        : "No transform ran: the page checks the response you pasted."));
  }
  const cols = [];
  const seen = new Map();
  for (const row of rows) {
    for (const [k] of row) if (!seen.has(k)) { seen.set(k, cols.length); cols.push(k); }
  }
  const shown = rows.slice(0, MAX_ROWS);
  return h("div", null,
    h("h5", null, `Flattened rows (${n(rows.length)})`),
    h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "Flattened rows" },
      h("table", { class: "rows" },
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "#"), cols.map((c) => h("th", { scope: "col" }, clip(c))))),
        h("tbody", null, shown.map((row, i) => {
          const cells = new Array(cols.length).fill(null);
          for (const [k, val] of row) cells[seen.get(k)] = val;
          return h("tr", null, h("th", { scope: "row" }, i), cells.map((c) => h("td", { class: c == null ? "missing" : "" }, c == null ? "" : clip(c))));
        })),
      ),
    ),
    rows.length > MAX_ROWS ? h("p", { class: "hint" }, `Showing the first ${MAX_ROWS} rows of ${n(rows.length)}.`) : null,
  );
}

/**
 * outputsPart shows the output records made of the record (see links.js),
 * with the status the engine gave each.
 * @param {Report} report
 * @param {InputRecord} rec
 * @param {Map<number, OutRecord>} outs
 * @param {Show} onShow
 */
function outputsPart(report, rec, outs, onShow) {
  const head = h("h5", null, "Output records and their recordIds");
  if (!report.response) {
    return h("div", null, head, h("p", { class: "hint" },
      report.lambda.error ? "The function raised an error: it returned no records." : "No response to read yet."));
  }
  const be = report.verdict.batchError;
  if (be && !report.response.records.length) {
    return h("div", null, head, h("p", { class: "hint" },
      `The whole batch fails (${be.errorCode}), so Firehose reads no record of this response.`));
  }
  const all = outputLinks(report).get(rec.index) || [];
  return h("div", { class: "outputs" }, head,
    h("table", { class: "idmap", "aria-label": "recordId mapping of this record" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "output"), h("th", { scope: "col" }, "recordId"), h("th", { scope: "col" }, "status"))),
      h("tbody", null,
        h("tr", { class: "input-row" }, h("td", null, "input"), h("td", null, h("code", { class: "record-id" }, clip(rec.recordId))), h("td", null, "sent by Firehose")),
        all.map((/** @type {number} */ i) => {
          const o = outs.get(i);
          if (!o) return h("tr", null, h("td", null, `#${i}`), h("td", null, ""), h("td", null, ""));
          return h("tr", { class: `status-${o.status}` },
            h("td", null, h("button", { type: "button", class: "link", onclick: () => onShow("response", o.start, o.end) }, `#${o.index}`)),
            h("td", null, idDiff(rec.recordId, o.recordId)),
            h("td", null, status(o.status)));
        }),
      ),
    ),
    all.length ? null : h("p", { class: "hint" }, "The function returned no output for this record."),
    h("ul", { class: "output-list" }, all.map((/** @type {number} */ i) => {
      const o = outs.get(i);
      if (!o) return null;
      return h("li", { class: `output status-${o.status}` },
        h("p", null, h("strong", null, `Output #${o.index}`), " ", status(o.status), " ",
          h("span", { class: "result" }, `result ${JSON.stringify(o.result)}`), ", ", bytes(o.size),
          o.rows ? `, ${n(o.rows)} row${o.rows === 1 ? "" : "s"}` : "", " ",
          h("button", { type: "button", onclick: () => onShow("response", o.start, o.end) }, "Show in the response")),
        o.partitionKeys && o.partitionKeys.length ? h("p", { class: "hint" }, "partition keys: ",
          o.partitionKeys.map(([k, val], j) => [j ? ", " : "", h("code", null, clip(k)), " = ", h("code", null, clip(val))])) : null,
        o.decoded ? pre(o.decoded, o.truncated, "decoded") : null,
      );
    })),
  );
}

/**
 * findingsPart lists the findings the engine ties to the record. The
 * engine keeps a hundred findings of a code: a record it failed for a code
 * whose findings stop before it gets its verdict's code and message
 * instead. (Under a whole-batch error every verdict carries the batch's
 * code: that is said above, not as this record's.)
 * @param {Report} report
 * @param {InputRecord} rec
 * @param {RecordVerdict | undefined} v
 * @param {Where} where
 * @param {Pick} onPick
 */
function findingsPart(report, rec, v, where, onPick) {
  const list = (findingsByRecord(report).get(rec.index) || []).slice();
  if (v && v.errorCode && !report.verdict.batchError && !list.some((f) => f.code === v.errorCode)) {
    list.unshift(verdictFinding(v, rec));
  }
  if (!list.length) return null;
  return h("div", { class: "record-findings" },
    h("h5", null, `Findings about this record (${n(list.length)})`),
    h("ol", { class: "findings" }, list.map((f) => findingItem(f, where, onPick))),
  );
}

/**
 * idDiff shows an output's recordId next to the input's: the part they
 * share is plain, what differs is marked (R → R1).
 * @param {string} input
 * @param {string} output
 */
function idDiff(input, output) {
  if (output === input || output.length > CLIP) return h("code", { class: "record-id" }, clip(output));
  let k = 0;
  while (k < input.length && k < output.length && input[k] === output[k]) k++;
  if (k < 8) return h("code", { class: "record-id differs" }, output);
  return h("code", { class: "record-id" }, output.slice(0, k), h("mark", { class: "id-diff" }, output.slice(k) || "(shorter)"));
}
