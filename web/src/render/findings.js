// The findings list: every problem the engine found, in order, each shown
// as render/finding.js shows a finding; choosing one moves the cursor to its
// range (onPick).
import { h, replace } from "../dom.js";
import { plural } from "../format.js";
import { findingItem } from "./finding.js";

/** @typedef {import("../report").Finding} Finding */

const STEP = 100; // findings shown at once; more on request

/**
 * renderFindings lists findings in el.
 *   where(f)   says where a finding is ("input, line 3"), or ""
 *   onPick(f)  the user chose a finding
 * @param {HTMLElement} el
 * @param {HTMLElement} countEl
 * @param {Finding[]} findings
 * @param {{where: import("./finding.js").Where, onPick: import("./finding.js").Pick}} handlers
 */
export function renderFindings(el, countEl, findings, { where, onPick }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
  countEl.textContent = findings.length
    ? `(${[counts.error && plural(counts.error, "error"), counts.warning && plural(counts.warning, "warning"), counts.info && `${counts.info} info`].filter(Boolean).join(", ")})`
    : "";
  if (!findings.length) {
    replace(el, h("p", { class: "empty" }, "No findings."));
    return;
  }
  // Errors first, then warnings, then the rest; the engine's order within each.
  /** @type {Partial<Record<import("../report").Severity, number>>} */
  const rank = { error: 0, warning: 1 };
  findings = findings.slice().sort((a, b) => (rank[a.severity] ?? 2) - (rank[b.severity] ?? 2)); // a stable sort
  const list = h("ol", { class: "findings" });
  let shown = 0;
  const more = h("button", { type: "button", class: "more" });
  const showMore = () => {
    const next = findings.slice(shown, shown + STEP);
    for (const f of next) list.append(findingItem(f, where, onPick));
    shown += next.length;
    more.hidden = shown >= findings.length;
    more.textContent = `Show ${Math.min(STEP, findings.length - shown)} more of ${findings.length - shown}`;
  };
  more.addEventListener("click", showMore);
  showMore();
  replace(el, list, more);
}
