// CodeMirror 6 editors: JSON mode, folding, search, line numbers, and the
// engine's findings shown as lint diagnostics at their exact ranges.
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, placeholder as placeholderText, showPanel } from "@codemirror/view";
import { foldGutter, indentOnInput, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { json } from "@codemirror/lang-json";
import { linter } from "@codemirror/lint";
import { tags as t } from "@lezer/highlight";
import { editorSetup, followDarkMode, setMarkers } from "./cmsetup.js";
import { fieldDocs, keyDoc } from "./fielddocs.js";
import { findingCard } from "./render/finding.js";
import { h } from "./dom.js";

// Colours come from style.css, so light and dark follow the system.
const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: "var(--syn-key)" },
  { tag: t.string, color: "var(--syn-string)" },
  { tag: t.number, color: "var(--syn-number)" },
  { tag: [t.bool, t.null], color: "var(--syn-keyword)" },
  { tag: [t.brace, t.squareBracket, t.separator, t.punctuation], color: "var(--syn-punct)" },
  { tag: t.invalid, color: "var(--bad)" },
]);

// The JSON editors' own styles, beside those every editor has (cmsetup.js).
const theme = EditorView.theme({
  // Each finding in a hover card is cut to a few lines: the list of
  // findings holds it whole.
  ".finding-card p": { margin: "0 0 0.2em" },
  ".finding-card-title": { display: "-webkit-box", WebkitBoxOrient: "vertical", WebkitLineClamp: "3", overflow: "hidden" },
  ".finding-card-title code": { fontWeight: "700" },
  ".finding-card-place": { color: "var(--muted)", fontSize: "12px" },
  ".finding-card-doc > summary": { cursor: "pointer", fontSize: "12px", whiteSpace: "normal" },
  ".finding-card-doc .field-doc": { padding: "2px 0 0" },
  ".cm-tooltip-hover": { maxWidth: "min(32rem, 90vw)" },
  ".field-doc": { padding: "4px 8px", fontFamily: "var(--sans)", fontSize: "13px", lineHeight: "1.4" },
  ".field-doc p": { margin: "0.2em 0" },
  ".field-doc-name code": { fontWeight: "700", color: "var(--syn-key)" },
  ".field-doc-mistake": { color: "var(--warn)" },
  ".cm-diagnosticSource": { fontFamily: "var(--mono)", opacity: "0.8" },
  ".cm-plain-note": { padding: "2px 8px", fontFamily: "var(--sans)", fontSize: "12px", color: "var(--warn)" },
  ".cm-panel input, .cm-panel button, .cm-panel label": { fontSize: "13px" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--panel)", color: "var(--muted)", border: "1px solid var(--line)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
  ".cm-lintRange-error": { backgroundColor: "var(--bad-bg)" },
  ".cm-lintRange-warning": { backgroundColor: "var(--warn-bg)" },
});

/**
 * Above this many characters an editor shows plain text: no colours,
 * folding or field docs. CodeMirror parses JSON in slices it can pause,
 * except inside one token, and a 14 MB base64 string is one token: the
 * page would freeze for a second or more each time it is parsed. Below
 * that, a 6 MB event still cost a task of 50–95 ms after every paste (a
 * parse slice and the view's update after it).
 */
export const PLAIN_OVER = 2_000_000;

const plainFor = (/** @type {number} */ length) => length > PLAIN_OVER;

// plainNote says, above the text, why it is plain.
const plainNote = showPanel.of(() => ({
  dom: h("div", { class: "cm-plain-note", role: "note" },
    `Over ${PLAIN_OVER / 1_000_000} MB of text: shown plain (no colours, folding or field docs) so the page stays responsive. Findings are still underlined.`),
  top: true,
}));

/**
 * createEditor puts a JSON editor in parent.
 *   label      aria-label of its content element
 *   doc        initial text
 *   readOnly   the text cannot be edited (it can be selected, searched, copied)
 *   placeholder  text shown while the editor is empty
 *   docs       "event" or "response": hovering a key of that document shows its doc
 *   docsWhen() whether the text is that document now (default: always)
 *   onChange({paste, whole})  the user changed the text (paste: it was a paste or
 *              drop; whole: it replaced all of a text that was not empty)
 *   onRun()    Ctrl/Cmd+Enter
 * A text over PLAIN_OVER characters is shown plain, and says so.
 * @param {{parent: HTMLElement, label: string, doc?: string, readOnly?: boolean, placeholder?: string,
 *   docs?: "" | "event" | "response", docsWhen?: () => boolean,
 *   onChange?: (change: {paste: boolean, whole: boolean}) => void, onRun?: () => void}} options
 */
export function createEditor({ parent, label, doc = "", readOnly = false, placeholder = "", docs = "", docsWhen, onChange, onRun }) {
  const lang = new Compartment(); // the JSON language and what needs it, or nothing for plain text
  const language = (/** @type {boolean} */ plain) => (plain ? [plainNote] : [
    foldGutter(),
    indentOnInput(),
    syntaxHighlighting(highlight),
    json(),
    docs ? fieldDocs(docs, docsWhen) : [],
  ]);
  // A change that takes the text over PLAIN_OVER (or back) switches the
  // language in the same transaction, before anything parses the new text.
  const switchLanguage = EditorState.transactionExtender.of((tr) => {
    if (!tr.docChanged) return null;
    const plain = plainFor(tr.newDoc.length);
    if (plain === plainFor(tr.startState.doc.length)) return null;
    return { effects: lang.reconfigure(language(plain)) };
  });
  let quiet = false; // replaceText is changing the text: not the user
  const extensions = (/** @type {number} */ length) => [
    editorSetup({
      label, onRun,
      language: lang.of(language(plainFor(length))),
      extra: theme,
    }),
    switchLanguage,
    // The hover card shows one finding, the one closest to the pointer (the
    // narrowest range, errors first), cut to a few lines: stacked whole
    // findings would cover the editor. The list of findings holds them all.
    linter(null, { tooltipFilter: oneFinding }),
    readOnly ? EditorState.readOnly.of(true) : [],
    placeholder ? placeholderText(placeholder) : [],
    onChange ? EditorView.updateListener.of((u) => {
      if (!u.docChanged || quiet) return;
      const paste = u.transactions.some((tr) => tr.isUserEvent("input.paste") || tr.isUserEvent("input.drop"));
      // whole: the change replaced all of a text that was not empty (a
      // paste over everything, or clearing it): a new input, not an edit.
      let whole = false;
      for (const tr of u.transactions) {
        const len = tr.startState.doc.length;
        tr.changes.iterChangedRanges((from, to) => { if (len > 0 && from === 0 && to === len) whole = true; });
      }
      onChange({ paste, whole });
    }) : [],
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions: extensions(doc.length) }) });
  followDarkMode(view);

  // The text of the last document asked for: documents never change, and a
  // large one takes a moment to join into a string.
  /** @type {import("@codemirror/state").Text | null} */
  let textOf = null;
  let joined = "";
  return {
    view,
    getText: () => {
      if (view.state.doc !== textOf) {
        const d = view.state.doc;
        textOf = d;
        joined = d.toString();
      }
      return joined;
    },
    /**
     * setText replaces the text with a fresh state: no undo history, no
     * diagnostics, scrolled to the top. (A change replacing the whole text
     * of an editor out of view would make CodeMirror draw every line.)
     * @param {string} text
     */
    setText(text) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(text.length) }));
    },
    /**
     * replaceText replaces the text the way an edit does, so Ctrl/Cmd+Z
     * brings the old text back; texts over a megabyte get a fresh state
     * (see setText). It does not call onChange.
     * @param {string} text
     */
    replaceText(text) {
      if (text.length > 1_000_000 || view.state.doc.length > 1_000_000) {
        this.setText(text);
        return;
      }
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
      } finally {
        quiet = false;
      }
    },
    /**
     * setFindings shows the marks of findings (render/finding.js) as
     * diagnostics; map turns an engine offset into a position of this
     * editor's text (identity by default).
     * @param {import("./render/finding.js").Mark[]} marks
     * @param {(offset: number) => number} [map]
     */
    setFindings(marks, map = (o) => o) {
      const len = view.state.doc.length;
      const diags = [];
      for (const m of marks) {
        let from = clamp(map(m.start), 0, len);
        let to = clamp(map(m.end), from, len);
        if (to === from) {
          if (to < len) to++;
          else if (from > 0) from--;
        }
        diags.push({
          from, to,
          severity: m.severity,
          message: m.message,
          // One card: the finding's code, message and place, the key's doc one click away in it.
          renderMessage: (/** @type {EditorView} */ v) => findingCard(v, from, m, keyDoc(v, docs, docsWhen)),
        });
      }
      setMarkers(view, diags);
    },
    /**
     * select moves the cursor to a range, scrolls it into view and focuses the editor.
     * @param {number} start
     * @param {number} [end]
     */
    select(start, end = start) {
      const len = view.state.doc.length;
      const anchor = clamp(start, 0, len);
      const head = clamp(end, 0, len);
      view.dispatch({
        selection: { anchor, head },
        effects: EditorView.scrollIntoView(anchor, { y: "center" }),
      });
      view.focus();
    },
  };
}

/** @type {Record<import("@codemirror/lint").Diagnostic["severity"], number>} */
const severityRank = { error: 0, warning: 1, info: 2, hint: 3 };

/** @param {import("@codemirror/lint").Diagnostic[]} diagnostics */
function oneFinding(diagnostics) {
  if (diagnostics.length <= 1) return diagnostics;
  let best = diagnostics[0];
  for (const d of diagnostics) {
    const rank = severityRank[d.severity] - severityRank[best.severity];
    if (rank < 0 || (rank === 0 && d.to - d.from < best.to - best.from)) best = d;
  }
  return [best];
}

/**
 * @param {number} x
 * @param {number} lo
 * @param {number} hi
 */
function clamp(x, lo, hi) {
  x = Number.isFinite(x) ? x : lo;
  return Math.min(Math.max(x, lo), hi);
}
