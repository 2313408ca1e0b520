// One record in detail: its id and verdict, the decoded payload, the rows
// the transform flattened it into, and the output records carrying its id.
import { h, replace } from "../dom.js";
import { bytes, n, plural, timestamp } from "../format.js";
import { confidenceText, explain } from "../catalog.js";
import { clip, confidence, errorBlock, lostBadge, outcome, pre, status, CLIP } from "./common.js";
import { outputLinks, outputsByIndex, verdictsByIndex, windowOf } from "./links.js";

/** @typedef {import("../report").Report} Report */

const MAX_ROWS = 200; // table rows shown; the rest is counted

/**
 * renderRecord shows record index of the report in el.
 *   onShow(doc, start, end)  the user wants to see a range in its editor
 * @param {Report} report
 */
export function renderRecord(el, report, index, { onShow }) {
  const rec = (report.records || []).find((r) => r.index === index);
  if (!rec) {
    replace(el, h("p", { class: "empty" }, windowOf(report).total ? "Loading this record…" : ""));
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
    h("h5", null, "Decoded payload"),
    rec.detail ? pre(rec.decoded, rec.truncated, "decoded") :
      h("p", { class: "hint" }, "Left out to keep the report small; this record's details are not available."),
    rowsPart(report, rec),
    outputsPart(report, rec, outs, onShow),
  );
}

/** @param {Report} report */
function verdictPart(report, v) {
  const be = report.verdict && report.verdict.batchError;
  if (!v) {
    if (be || (report.lambda && report.lambda.error)) {
      return h("div", { class: "verdict" }, h("h5", null, "Firehose's verdict"),
        h("p", null, outcome("failed"), " The whole batch fails: see above."));
    }
    return h("div", { class: "verdict" }, h("h5", null, "Firehose's verdict"), h("p", { class: "hint" }, "No verdict for this record."));
  }
  return h("div", { class: "verdict", "data-outcome": v.outcome },
    h("h5", null, "Firehose's verdict"),
    h("p", null, outcome(v.outcome, v), " ", lostBadge(v), v.output >= 0 ? ` decided by output #${v.output}` : "",
      v.errorCode ? null : [" ", confidence(v.confidence)]),
    v.lostOutputs > 0 ? h("p", { class: "bad-text lost-note" },
      `${plural(v.lostOutputs, "other output")} made of this record ${v.lostOutputs === 1 ? "carries" : "carry"} a recordId Firehose never sent: `,
      v.lostRows ? `${plural(v.lostRows, "row")} of it ${v.lostRows === 1 ? "is" : "are"} lost without any error.` : "they held no rows.") : null,
    v.errorCode ? errorBlock(v) : null,
    !v.errorCode && v.confidence && v.confidence !== "confirmed" ? h("p", { class: "explain confidence-note" }, confidenceText(v.confidence)) : null,
  );
}

/** @param {Report} report */
function rowsPart(report, rec) {
  const rows = rec.rows || [];
  if (!rec.detail) return null;
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

/** @param {Report} report */
function outputsPart(report, rec, outs, onShow) {
  const head = h("h5", null, "Output records and their recordIds");
  if (!report.response) {
    return h("div", null, head, h("p", { class: "hint" },
      report.lambda && report.lambda.error ? "The function raised an error: it returned no records." : "No response to read yet."));
  }
  const be = report.verdict && report.verdict.batchError;
  if (be && !(report.response.records || []).length) {
    return h("div", null, head, h("p", { class: "hint" },
      `The whole batch fails (${be.errorCode}), so Firehose reads no record of this response.`));
  }
  const own = rec.outputs || [];
  const tied = outputLinks(report).get(rec.index) || [];
  const all = [...new Set([...own, ...tied])].sort((a, b) => a - b);
  const notes = [];
  if (!own.length) {
    notes.push(h("p", { class: "bad-text" }, "No output record carries this recordId, so Firehose reports it missing (Lambda.MissingRecordId). ",
      h("span", { class: "explain" }, explain("Lambda.MissingRecordId"))));
  } else if (own.length > 1) {
    notes.push(h("p", { class: "bad-text" }, `${own.length} outputs carry this recordId. `, h("span", { class: "explain" }, explain("Lambda.DuplicatedRecordId"))));
  }
  const ignored = all.filter((i) => (outs.get(i) || {}).status === "ignored");
  if (ignored.length) {
    notes.push(h("p", { class: "bad-text" }, `${ignored.length} output${ignored.length === 1 ? "" : "s"} made of this record carry ids Firehose never sent: `,
      h("span", { class: "explain" }, explain("response.ignoredRecordId"))));
  }
  return h("div", { class: "outputs" }, head,
    h("table", { class: "idmap", "aria-label": "recordId mapping of this record" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "output"), h("th", { scope: "col" }, "recordId"), h("th", { scope: "col" }, "status"))),
      h("tbody", null,
        h("tr", { class: "input-row" }, h("td", null, "input"), h("td", null, h("code", { class: "record-id" }, clip(rec.recordId))), h("td", null, "sent by Firehose")),
        all.map((i) => {
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
    notes,
    h("ul", { class: "output-list" }, all.map((i) => {
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
 * idDiff shows an output's recordId next to the input's: the part they
 * share is plain, what differs is marked (R → R1).
 */
function idDiff(input, output) {
  if (output === input || output.length > CLIP) return h("code", { class: "record-id" }, clip(output));
  let k = 0;
  while (k < input.length && k < output.length && input[k] === output[k]) k++;
  if (k < 8) return h("code", { class: "record-id differs" }, output);
  return h("code", { class: "record-id" }, output.slice(0, k), h("mark", { class: "id-diff" }, output.slice(k) || "(shorter)"));
}
