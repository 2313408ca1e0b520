// What every CodeMirror editor of the page shares: the JSON editors
// (editors.js) and the function's code editor (fneditor.js, loaded only
// when a function is chosen). Only CodeMirror's core lives here: each
// editor brings its own language, so the function editor's modes stay out
// of the page's first load.
import { Compartment, Prec } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightActiveLine,
  drawSelection, highlightSpecialChars, dropCursor,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { foldKeymap, bracketMatching } from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";

/** @typedef {import("@codemirror/state").Extension} Extension */
/** @typedef {import("@codemirror/view").KeyBinding} KeyBinding */

// Colours come from style.css, so light and dark follow the system.
const baseTheme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%", fontSize: "13px" },
  ".cm-content": { caretColor: "var(--fg)", fontFamily: "var(--mono)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.45" },
  ".cm-gutters": { backgroundColor: "var(--panel)", color: "var(--muted)", borderRight: "1px solid var(--line)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--selection)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--line)" },
  ".cm-tooltip-lint": { maxWidth: "min(40rem, 90vw)", whiteSpace: "pre-wrap" },
  ".cm-diagnostic": { padding: "4px 8px" },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--fg)" },
  ".cm-textfield": { backgroundColor: "var(--bg)", color: "var(--fg)", border: "1px solid var(--line)" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--button)", color: "var(--fg)", border: "1px solid var(--line)" },
});

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const dark = new Compartment();

/**
 * editorSetup is the extensions every editor has: line numbers, history,
 * search, bracket matching, the lint gutter, the page's theme in light and
 * dark, its label, Ctrl/Cmd+Enter and the usual keys.
 *   label     aria-label of the content element
 *   language  the editor's own extensions (its mode, colours, folding),
 *             placed so the fold gutter sits between the line numbers and
 *             the lint gutter
 *   extra     more extensions (a theme of its own, listeners), after the page's theme
 *   keys      more key bindings
 *   onRun()   Ctrl/Cmd+Enter
 * Pass the view to followDarkMode once it is made.
 * @param {{label: string, language?: Extension, extra?: Extension, keys?: KeyBinding[], onRun?: () => void}} options
 * @returns {Extension}
 */
export function editorSetup({ label, language = [], extra = [], keys = [], onRun }) {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    language,
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    lintGutter(),
    baseTheme,
    extra,
    dark.of(EditorView.darkTheme.of(darkQuery.matches)),
    EditorView.contentAttributes.of({ "aria-label": label }),
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun && onRun(); return true; } }])),
    keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...searchKeymap, ...lintKeymap, ...keys]),
  ];
}

/**
 * followDarkMode switches a view's theme when the system's colour scheme changes.
 * @param {EditorView} view
 */
export function followDarkMode(view) {
  darkQuery.addEventListener("change", () => {
    view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(darkQuery.matches)) });
  });
}

/**
 * setMarkers shows lint markers: diagnostics {from, to, severity, source,
 * message}, in the gutter, under the text and in the hover card.
 * @param {EditorView} view
 * @param {import("@codemirror/lint").Diagnostic[]} diagnostics
 */
export function setMarkers(view, diagnostics) {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
