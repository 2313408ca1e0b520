// How a finding is shown, in one place: as an item of a list (the findings
// list, a record's own findings), as the marks the editors underline (its
// range and each of its other places) and as the hover card of a mark.
import { h } from "../dom.js";
import { code, codeDoc, confidence } from "./common.js";

/** @typedef {import("../report").Finding} Finding */
/** @typedef {import("../report").Severity} Severity */
/** @typedef {import("../report").Span} Span */
/** @typedef {import("../report").RecordVerdict} RecordVerdict */
/** @typedef {import("../report").InputRecord} InputRecord */

/** where(place) says in words where a place is ("input, line 3"), or "". */
/** @typedef {(place: Span) => string} Where */
/** onPick(place) shows a place: a finding's range, or one of its other places. */
/** @typedef {(place: Span & {record: number}) => void} Pick */

/**
 * A Mark is what an editor underlines: a range of a document, its
 * severity, the text a screen reader hears (message) and what its hover
 * card says (card.message, and card.place: what the place is, "" for the
 * finding's own range, where the card says its line and column).
 * @typedef {Span & {severity: Severity, code: string, message: string, card: {message: string, place: string}}} Mark
 */

/** MAX_RELATED is how many of a finding's other places are listed (and marked). */
export const MAX_RELATED = 5;

/**
 * findingItem is a finding as a list shows it: its severity, code and
 * place (a button that shows it), its message, its other places and what
 * Firehose does with its code.
 * @param {Finding} f
 * @param {Where} where
 * @param {Pick} onPick
 */
export function findingItem(f, where, onPick) {
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

/**
 * related lists a finding's other places, each one click away.
 * @param {Finding} f
 * @param {Where} where
 * @param {Pick} onPick
 */
function related(f, where, onPick) {
  const all = f.related || []; // left out when the finding has none
  const rel = all.slice(0, MAX_RELATED);
  if (!rel.length) return null;
  return h("p", { class: "finding-related" }, "Also: ",
    rel.map((r, i) => [i ? ", " : "",
      h("button", { type: "button", class: "link related-go", "data-doc": r.doc,
        onclick: () => onPick({ record: f.record, doc: r.doc, start: r.start, end: r.end }) },
      `${r.message || "here"} (${where(r)})`)]),
    all.length > rel.length ? ` and ${all.length - rel.length} more` : "",
  );
}

/**
 * verdictFinding is a record's verdict said as a finding (its code and
 * Firehose's message, at the record), for a record the engine's findings
 * do not reach: they stop at a hundred per code.
 * @param {RecordVerdict} v
 * @param {InputRecord} rec
 * @returns {Finding}
 */
export function verdictFinding(v, rec) {
  return { code: v.errorCode, severity: "error", message: v.errorMessage, confidence: v.confidence,
    record: v.index, output: v.output, doc: "input", start: rec.start, end: rec.end };
}

/**
 * findingMarks are the marks of findings: each finding's range, and a mark
 * for each of its other places (the input record a wrong output concerns,
 * the other key of a collision, the first output with a repeated id), so
 * both ends are underlined.
 * @param {Finding[]} findings
 * @param {Where} where
 * @returns {Mark[]}
 */
export function findingMarks(findings, where) {
  /** @type {Mark[]} */
  const marks = findings.map(ownMark);
  for (const f of findings) {
    for (const r of (f.related || []).slice(0, MAX_RELATED)) {
      marks.push({ doc: r.doc, start: r.start, end: r.end, severity: "info", code: f.code,
        message: `${r.message ? `This is ${r.message}: ` : ""}see ${f.code}: ${f.message}`,
        // The hover card: the finding's own message, and what this place is and where the finding is.
        card: { message: f.message, place: `${r.message ? `${r.message[0].toUpperCase()}${r.message.slice(1)} · ` : ""}the finding is at the ${where(f)}` } });
    }
  }
  return marks;
}

/**
 * ownMark is the mark of a finding's own range; a confidence other than
 * confirmed is said after its message.
 * @param {Finding} f
 * @returns {Mark}
 */
function ownMark(f) {
  const message = f.message + (f.confidence && f.confidence !== "confirmed" ? ` (confidence: ${f.confidence})` : "");
  return { doc: f.doc, start: f.start, end: f.end, severity: f.severity, code: f.code, message, card: { message, place: "" } };
}

/**
 * findingCard is what a mark's hover card says (a diagnostic's
 * renderMessage): its code, its message cut to a few lines by the
 * editor's style (the list of findings holds it whole) and where it is:
 * its line and column in view, from position from, or what the card
 * says the place is. more, when given, follows (the doc of the key under
 * the pointer, one click away).
 * @param {import("@codemirror/view").EditorView} view
 * @param {number} from
 * @param {Mark} mark
 * @param {HTMLElement | null} [more]
 */
export function findingCard(view, from, mark, more = null) {
  const line = view.state.doc.lineAt(Math.min(from, view.state.doc.length));
  return h("div", { class: "finding-card" },
    h("p", { class: "finding-card-title" }, mark.code ? h("code", null, mark.code) : null, mark.code ? " " : null, mark.card.message),
    h("p", { class: "finding-card-place" }, mark.card.place || `Line ${line.number}, column ${from - line.from + 1}`),
    more,
  );
}
