// The code editor of the user's function (Python or JavaScript). This module
// and the language modes are loaded only when a function is chosen: esbuild
// splits them out of app.js, so the page's first load does not carry them.
import { Compartment, EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentOnInput, syntaxHighlighting, defaultHighlightStyle, foldGutter, indentUnit } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { editorSetup, followDarkMode, setMarkers } from "./cmsetup.js";

// Both modes travel in this module's chunk: one chunk fewer for the page's
// first load to share code with (each costs it a request and compresses apart).
const modes = {
  python: async () => python(),
  nodejs: async () => javascript(),
};

// The function editor's own style, beside those every editor has (cmsetup.js).
const theme = EditorView.theme({
  ".cm-error-line": { backgroundColor: "var(--bad-bg)" },
});

// The line the last error was raised on, shaded.
/** @type {import("@codemirror/state").StateEffectType<number | null>} */
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

/**
 * createCodeEditor puts a code editor in parent.
 *   language   "python" or "nodejs"
 *   doc        initial text
 *   onChange() the user changed the text
 *   onRun()    Ctrl/Cmd+Enter
 * Returns {view, getText, replaceText(text), setLanguage(lang), markError(line, message)}:
 * markError(null) clears the mark.
 * @param {{parent: HTMLElement, language: keyof typeof modes, doc?: string, onChange?: () => void, onRun?: () => void}} options
 */
export async function createCodeEditor({ parent, language, doc = "", onChange, onRun }) {
  const lang = new Compartment();
  const unit = new Compartment();
  let quiet = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        editorSetup({
          label: "Function code", onRun,
          language: [
            foldGutter(),
            indentOnInput(),
            unit.of(indentUnit.of(language === "python" ? "    " : "  ")),
            syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
            lang.of(await modes[language]()),
          ],
          extra: [errorLine, theme],
          keys: [indentWithTab],
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !quiet && onChange) onChange();
        }),
      ],
    }),
  });
  followDarkMode(view);

  return {
    view,
    getText: () => view.state.doc.toString(),
    /** replaceText replaces the text as an edit would (Ctrl/Cmd+Z brings it back), without onChange. */
    /** @param {string} text */
    replaceText(text) {
      if (text === view.state.doc.toString()) return;
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      } finally {
        quiet = false;
      }
    },
    /** @param {keyof typeof modes} language */
    async setLanguage(language) {
      const ext = await modes[language]();
      view.dispatch({ effects: [lang.reconfigure(ext), unit.reconfigure(indentUnit.of(language === "python" ? "    " : "  "))] });
    },
    /** markError shades line (1-based) with a lint marker saying message; null clears it. */
    /**
     * @param {number | null} line
     * @param {string} [message]
     */
    markError(line, message = "") {
      const n = view.state.doc.lines;
      if (line === null || !Number.isInteger(line) || line < 1 || line > n) {
        setMarkers(view, []);
        view.dispatch({ effects: setErrorLine.of(null) });
        return;
      }
      const l = view.state.doc.line(line);
      setMarkers(view, [{ from: l.from, to: Math.max(l.from, l.to), severity: "error", source: "your function", message }]);
      view.dispatch({ effects: setErrorLine.of(line) });
    },
  };
}
