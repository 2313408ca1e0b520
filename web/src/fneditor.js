// The code editor of the user's function (Python or JavaScript). This module
// and the language modes are loaded only when a function is chosen: esbuild
// splits them out of app.js, so the page's first load does not carry them.
import { Compartment, EditorState, Prec, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightActiveLine,
  drawSelection, highlightSpecialChars, dropCursor,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentOnInput, bracketMatching, syntaxHighlighting, defaultHighlightStyle, foldGutter, foldKeymap, indentUnit } from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";

// Both modes travel in this module's chunk: one chunk fewer for the page's
// first load to share code with (each costs it a request and compresses apart).
const modes = {
  python: async () => python(),
  nodejs: async () => javascript(),
};

const theme = EditorView.theme({
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
  ".cm-error-line": { backgroundColor: "var(--bad-bg)" },
});

// The line the last error was raised on, shaded.
const setErrorLine = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        deco = e.value == null ? Decoration.none
          : Decoration.set([Decoration.line({ class: "cm-error-line" }).range(tr.state.doc.line(e.value).from)]);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");

/**
 * createCodeEditor puts a code editor in parent.
 *   language   "python" or "nodejs"
 *   doc        initial text
 *   onChange() the user changed the text
 *   onRun()    Ctrl/Cmd+Enter
 * Returns {view, getText, replaceText(text), setLanguage(lang), markError(line, message)}:
 * markError(null) clears the mark.
 */
export async function createCodeEditor({ parent, language, doc = "", onChange, onRun }) {
  const lang = new Compartment();
  const dark = new Compartment();
  const unit = new Compartment();
  let quiet = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        indentOnInput(),
        unit.of(indentUnit.of(language === "python" ? "    " : "  ")),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lang.of(await modes[language]()),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        lintGutter(),
        errorLine,
        theme,
        dark.of(EditorView.darkTheme.of(darkQuery.matches)),
        EditorView.contentAttributes.of({ "aria-label": "Function code" }),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun && onRun(); return true; } }])),
        keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !quiet && onChange) onChange();
        }),
      ],
    }),
  });
  darkQuery.addEventListener("change", () => {
    view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(darkQuery.matches)) });
  });

  return {
    view,
    getText: () => view.state.doc.toString(),
    /** replaceText replaces the text as an edit would (Ctrl/Cmd+Z brings it back), without onChange. */
    replaceText(text) {
      if (text === view.state.doc.toString()) return;
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      } finally {
        quiet = false;
      }
    },
    async setLanguage(language) {
      const ext = await modes[language]();
      view.dispatch({ effects: [lang.reconfigure(ext), unit.reconfigure(indentUnit.of(language === "python" ? "    " : "  "))] });
    },
    /** markError shades line (1-based) with a lint marker saying message; null clears it. */
    markError(line, message) {
      const n = view.state.doc.lines;
      if (!Number.isInteger(line) || line < 1 || line > n) {
        view.dispatch(setDiagnostics(view.state, []));
        view.dispatch({ effects: setErrorLine.of(null) });
        return;
      }
      const l = view.state.doc.line(line);
      view.dispatch(setDiagnostics(view.state, [{ from: l.from, to: Math.max(l.from, l.to), severity: "error", source: "your function", message }]));
      view.dispatch({ effects: setErrorLine.of(line) });
    },
  };
}
