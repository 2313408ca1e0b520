// The summary bar: the figures of a run, and what went wrong with the
// whole batch, announced to screen readers (the container is aria-live).
import { h, replace } from "../dom.js";
import { n, bytes, ms, plural } from "../format.js";
import { clip, code, errorBlock, confidence } from "./common.js";
import { failureOf } from "./error.js";
import { nounOf } from "../catalog.js";

/** @typedef {import("../report").Report} Report */

// stat is a figure of the summary; data-value holds it as a plain number.
/**
 * @param {string} name
 * @param {string} label
 * @param {number} value
 * @param {string | null} [extra]
 */
function stat(name, label, value, extra, cls = "", attrs = {}) {
  return h("div", { class: `stat ${cls}`, "data-stat": name, "data-value": value || 0, ...attrs },
    h("span", { class: "n" }, n(value)),
    h("span", { class: "label" }, label),
    extra ? h("span", { class: "extra" }, extra) : null,
  );
}

/**
 * renderSummary fills the summary bar from a report; elapsed is how long
 * the run took as the page saw it (milliseconds); checked says whose
 * response was checked when no transform ran (default: the pasted one).
 * @param {HTMLElement} el
 * @param {Report} report
 * @param {number} elapsed
 * @param {string} [checked]
 */
export function renderSummary(el, report, elapsed, checked = "the pasted response") {
  const s = report.stats;
  const limit = s.responseLimit;
  const size = s.responseBytes;
  const over = size > limit;
  const lost = s.ignored;
  const skipped = s.skippedRecords;
  const refused = report.findings.some((f) => f.code === "input.size");
  const read = failureOf(report) ? "The engine failed on this run: see the error panel." :
    refused ? "The input was not read: it is larger than the playground reads (see the findings)." : [
    `Read ${report.inputKind ? nounOf("inputKinds", report.inputKind) : "nothing"}`,
    report.detected ? " (detected)" : "",
    report.source ? `, source ${nounOf("sources", report.source)}` : "",
    report.preset ? `; transform ${report.preset}` : `; checking ${checked}`,
    ".",
  ].join("");
  replace(el,
    h("p", { class: "summary-line" }, read),
    h("div", { class: "stats" },
      stat("records", "records in", s.records,
        skipped ? `the first ${n(s.records)} read; ${n(skipped)} more skipped` : null, skipped ? "warn" : "",
        { "data-skipped": skipped }),
      stat("outputs", "output records", s.outputs),
      stat("delivered", "delivered", s.delivered, null, s.delivered ? "good" : ""),
      stat("dropped", "dropped", s.dropped),
      stat("failed", "failed", s.failed, null, s.failed ? "bad" : ""),
      stat("lost", "lost", lost, lost ? `${plural(s.lostRows, "row")} gone without an error` : null, lost ? "bad" : "",
        { "data-rows": s.lostRows }),
      h("div", { class: `stat size ${over ? "bad" : ""}`, "data-stat": "response-size" },
        h("span", { class: "n" }, bytes(size)),
        h("span", { class: "label" }, `response; limit ${n(limit)} bytes (Lambda's "6 MB")`),
        h("meter", { min: 0, max: limit, value: Math.min(size, limit), low: limit * 0.66, high: limit * 0.9, optimum: 0,
          "aria-label": `response size: ${bytes(size)} of ${n(limit)} bytes` }),
      ),
      h("div", { class: "stat time", "data-stat": "time" },
        h("span", { class: "n" }, ms(s.micros)),
        h("span", { class: "label" }, "engine time"),
        elapsed ? h("span", { class: "extra" }, `${ms(elapsed * 1000)} with the page`) : null),
    ),
  );
}

/**
 * renderProblems shows what fails the whole batch: the function's error,
 * Firehose's batch error, and the readings of unconfirmed behaviours.
 * @param {HTMLElement} el
 * @param {Report} report
 */
export function renderProblems(el, report) {
  const parts = [];
  const size = report.findings.find((f) => f.code === "input.size");
  if (size) {
    parts.push(h("div", { class: "banner bad", "data-kind": "input-size" },
      h("p", null, h("strong", null, "The input was not read. "), size.message)));
  }
  const lerr = report.lambda.error;
  if (lerr) {
    parts.push(h("div", { class: "banner bad", "data-kind": "lambda-error" },
      h("p", null, h("strong", null, "The function raised "), h("code", null, clip(lerr.errorType)), ": ", clip(lerr.errorMessage)),
      lerr.record >= 0 ? h("p", { class: "hint" }, `while processing record ${lerr.record}.`) : null,
    ));
  }
  const be = report.verdict.batchError;
  if (be) {
    parts.push(h("div", { class: "banner bad", "data-kind": "batch-error" },
      h("p", null, h("strong", null, "The whole batch fails.")),
      errorBlock(be),
      be.note ? h("p", { class: "hint batch-note" }, be.note) : null,
    ));
  }
  const alts = report.verdict.alternatives;
  if (alts.length) {
    parts.push(h("div", { class: "banner warn", "data-kind": "alternatives" },
      h("p", null, h("strong", null, "Not confirmed: "), "Firehose's behaviour here is not documented, so each reading is shown."),
      alts.map((a) => h("div", { class: "alternative" },
        h("p", null, code(a.code), " ", confidence("unconfirmed"), " ", a.message),
        h("ul", null, a.readings.map((r) => h("li", null,
          h("strong", null, r.label), ": ",
          r.batchError ? `the whole batch fails with ${r.batchError.errorCode}` :
            (r.failedCount ? `${plural(r.failedCount, "record")} ${r.failedCount === 1 ? "fails" : "fail"}` : "nothing fails"),
        ))),
      )),
    ));
  }
  replace(el, ...parts);
}
