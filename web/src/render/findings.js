// The findings list: every problem the engine found, in order; choosing one
// moves the cursor to its range (onPick).
import { h, replace } from "../dom.js";
import { plural } from "../format.js";
import { code, codeDoc, confidence } from "./common.js";

/** @typedef {import("../report").Finding} Finding */

const STEP = 100; // findings shown at once; more on request
/** MAX_RELATED is how many of a finding's other places are listed (and marked). */
export const MAX_RELATED = 5;

/**
 * renderFindings lists findings in el.
 *   where(f)   says where a finding is ("input, line 3"), or ""
 *   onPick(f)  the user chose a finding
 * @param {HTMLElement} el
 * @param {HTMLElement} countEl
 * @param {Finding[]} findings
 * @param {{where: (f: Finding) => string, onPick: (f: Finding) => void}} handlers
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
  const rank = { error: 0, warning: 1 };
  findings = findings.slice().sort((a, b) => (rank[a.severity] ?? 2) - (rank[b.severity] ?? 2)); // a stable sort
  const list = h("ol", { class: "findings" });
  let shown = 0;
  const more = h("button", { type: "button", class: "more" });
  const showMore = () => {
    const next = findings.slice(shown, shown + STEP);
    for (const f of next) list.append(item(f, where, onPick));
    shown += next.length;
    more.hidden = shown >= findings.length;
    more.textContent = `Show ${Math.min(STEP, findings.length - shown)} more of ${findings.length - shown}`;
  };
  more.addEventListener("click", showMore);
  showMore();
  replace(el, list, more);
}

function item(f, where, onPick) {
  const loc = where(f);
  return h("li", { class: `finding sev-${f.severity}`, "data-code": f.code },
    h("button", { type: "button", class: "finding-go", onclick: () => onPick(f) },
      h("span", { class: "sev" }, f.severity),
      code(f.code, "finding-code", f.confidence),
      loc ? h("span", { class: "finding-where" }, loc) : null,
    ),
    h("p", { class: "finding-message" }, f.message, " ", confidence(f.confidence)),
    related(f, where, onPick),
    codeDoc(f.code, f.confidence),
  );
}

/** related lists a finding's other places, each one click away. */
function related(f, where, onPick) {
  const rel = (f.related || []).slice(0, MAX_RELATED);
  if (!rel.length) return null;
  return h("p", { class: "finding-related" }, "Also: ",
    rel.map((r, i) => [i ? ", " : "",
      h("button", { type: "button", class: "link related-go", "data-doc": r.doc,
        onclick: () => onPick({ record: f.record, doc: r.doc, start: r.start, end: r.end }) },
      `${r.message || "here"} (${where(r)})`)]),
    f.related.length > rel.length ? ` and ${f.related.length - rel.length} more` : "",
  );
}
