// The records list: one page (the report's window) of the input's records
// with their outcome; the engine is asked for other pages on demand, so a
// hundred thousand records never reach the DOM at once.
import { h, replace } from "../dom.js";
import { bytes, n } from "../format.js";
import { code, confidence, lostBadge, outcome, pager } from "./common.js";
import { shortId } from "./ids.js";
import { outputLinks, outputsByIndex, verdictsByIndex } from "./links.js";

/** @typedef {import("../report").Report} Report */

/**
 * renderRecords lists the window's records in el.
 *   selected     the index of the record shown in detail
 *   pageSize     records per page
 *   onSelect(i)  the user chose record i (it may be outside the window)
 *   onPage(p)    the user asked for page p
 * @param {HTMLElement} el
 * @param {HTMLElement} countEl
 * @param {Report} report
 * @param {{selected: number, pageSize: number, onSelect: (i: number) => void, onPage: (p: number) => void}} how
 */
export function renderRecords(el, countEl, report, { selected, pageSize, onSelect, onPage }) {
  const win = report.window;
  countEl.textContent = `(${n(win.total)})`;
  if (!win.total) {
    replace(el, h("p", { class: "empty" }, "No records in the input yet."));
    return;
  }
  const verdicts = verdictsByIndex(report);

  const links = outputLinks(report);
  const outs = outputsByIndex(report);
  const list = h("ol", { class: "record-list", start: win.from + 1, "aria-label": "Records" });
  for (const r of report.records) {
    const v = verdicts.get(r.index);
    const rows = r.held ? r.rowCount || 0 : r.rows.length;
    list.append(h("li", null,
      h("button", {
        type: "button", class: "record-item", "data-index": r.index,
        "aria-current": r.index === selected ? "true" : false,
        onclick: () => onSelect(r.index),
      },
      h("span", { class: "rec-index" }, `#${r.index}`),
      shortId(r.recordId, "rec-id"),
      h("span", { class: "rec-badges" },
        v ? outcome(v.outcome, v) : null,
        v ? lostBadge(v) : null,
        v ? confidence(v.confidence) : null,
      ),
      h("span", { class: "rec-meta" }, `${r.payload}, ${bytes(r.size)}${r.detail && rows ? `, ${rows} row${rows === 1 ? "" : "s"}` : ""}`,
        outputsText(links.get(r.index) || [], outs, report.response),
        v && v.errorCode ? [" ", code(v.errorCode, "rec-code", v.confidence)] : null),
      ),
    ));
  }
  list.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const items = [...list.querySelectorAll("button.record-item")].map((b) => /** @type {HTMLButtonElement} */ (b));
    const i = items.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (i < 0) return;
    const next = items[i + (ev.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  });

  const go = h("form", { class: "goto", onsubmit: (/** @type {SubmitEvent} */ ev) => {
    ev.preventDefault();
    const i = Number(input.value);
    if (Number.isInteger(i) && i >= 0 && i < win.total) onSelect(i);
  } });
  const input = h("input", { type: "number", min: 0, max: win.total - 1, step: 1, id: "goto-record", inputmode: "numeric" });
  go.append(h("label", { for: "goto-record" }, "Record #"), input, h("button", { type: "submit" }, "Show"));

  replace(el,
    pager({ page: Math.floor(win.from / pageSize), size: pageSize, total: win.total, label: "Record pages", onPage }),
    list,
    win.total > pageSize ? go : null,
  );
}

// outputsText says how many outputs a record has, and how many of them
// Firehose ignores or sees twice.
/**
 * @param {number[]} tied
 * @param {Map<number, import("../report").OutRecord>} outs
 * @param {import("../report").Response | null} response
 */
function outputsText(tied, outs, response) {
  if (!response) return "";
  let ignored = 0, dup = 0;
  for (const i of tied) {
    const st = (outs.get(i) || {}).status;
    if (st === "ignored") ignored++;
    else if (st === "duplicate") dup++;
  }
  const parts = [` → ${tied.length} output${tied.length === 1 ? "" : "s"}`];
  if (ignored) parts.push(`${ignored} ignored`);
  if (dup) parts.push(`${dup} duplicate`);
  return parts.join(", ");
}
