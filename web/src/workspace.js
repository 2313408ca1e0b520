// The three editors: the input, the pasted response, and the read-only body
// of the function's response (shown pretty, with the offset map pretty.js
// made). Here a document's range is shown in the editor that holds it, and
// a place is said in words ("input, line 3").
import { $, whenNear } from "./dom.js";
import { createEditor } from "./editors.js";
import { mapOffset } from "./pretty.js";

/** @typedef {import("./report").Doc} Doc */
/** @typedef {import("./report").Span} Span */
/** @typedef {import("./render/finding.js").Mark} Mark */
/** @typedef {{text: string, from: Int32Array, to: Int32Array} | null} BodyView the pretty body and its offset map (pretty.js), or null */

/**
 * debounceFor is how long to wait after a change to a text of length characters.
 * @param {number} length
 */
function debounceFor(length) {
  return length > 1_000_000 ? 600 : length > 100_000 ? 400 : 250;
}

/**
 * createWorkspace makes the editors.
 *   isEvent()       whether the input is read as an event (its keys then have docs)
 *   onEdit({whole}) the user changed an editor (whole: replaced all of the input)
 *   runSoon(ms), runNow()
 *   onPastedChange() whether a response is pasted changed
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, isEvent: () => boolean,
 *   onEdit: (how?: {whole?: boolean}) => void, runSoon: (ms: number) => void, runNow: () => void,
 *   onPastedChange: () => void}} deps
 */
export function createWorkspace({ store, isEvent, onEdit, runSoon, runNow, onPastedChange }) {
  const inputEd = createEditor({
    parent: $("input-editor"), label: "Firehose input", doc: store.get().input,
    docs: "event", docsWhen: isEvent,
    placeholder: "Paste a Firehose event, base64 records (one a line) or JSON payloads",
    onChange: ({ paste, whole }) => { onEdit({ whole }); runSoon(paste ? 0 : debounceFor(inputEd.view.state.doc.length)); },
    onRun: runNow,
  });
  const responseEd = createEditor({
    parent: $("response-editor"), label: "Lambda response", doc: store.get().response, docs: "response",
    placeholder: 'Paste your function\'s response: {"records": [{"recordId": "…", "result": "Ok", "data": "…"}]}',
    onChange: ({ paste }) => { onEdit(); syncSource(); runSoon(paste ? 0 : debounceFor(responseEd.view.state.doc.length)); },
    onRun: () => runSoon(0),
  });
  const bodyEd = createEditor({ parent: $("body-editor"), label: "Lambda response body (read-only)", readOnly: true, docs: "response", onRun: () => runSoon(0) });
  const responseBox = /** @type {HTMLDetailsElement} */ ($("response-box"));
  if (store.get().response) responseBox.open = true;
  $("response-clear").addEventListener("click", () => { onEdit(); responseEd.setText(""); runSoon(0); });

  /** @type {BodyView} */
  let bodyView = null; // the pretty body shown, with its offset map
  /** @type {string | null} */
  let shownBody = null; // the pretty body text shown
  /** @type {{view: BodyView, marks: Mark[]} | null} */
  let pendingBody = null; // a body to show once its editor comes near the screen

  // The body is laid out only when its editor comes near the screen (or a
  // range of it is asked for): a 6 MB event's body is 10 MB or more, and
  // laying it out costs the main thread tens of milliseconds that a user
  // who never scrolls to it should not wait through.

  /** drawBody lays out the pending body, if any. */
  function drawBody() {
    if (!pendingBody) return;
    const { view, marks } = pendingBody;
    pendingBody = null;
    const text = view ? view.text : null;
    if (text !== shownBody) {
      shownBody = text;
      bodyView = view;
      bodyEd.setText(view ? view.text : "");
    }
    const shown = bodyView;
    bodyEd.setFindings(shown ? marks.filter((m) => m.doc === "response") : [], (o) => (shown ? mapOffset(shown, o) : o));
  }

  /** syncSource shows at once, in the select, whether a pasted response is what the page checks. */
  function syncSource() {
    const d = responseEd.view.state.doc;
    const pasted = /\S/.test(d.sliceString(0, Math.min(d.length, 4096))) || (d.length > 4096 && responseEd.getText().trim() !== "");
    if (pasted !== (store.get().response.trim() !== "")) {
      store.set({ response: pasted ? responseEd.getText() : "" });
      onPastedChange();
    }
  }

  const pasted = () => store.get().response.trim() !== "";

  /** @param {Doc} doc @param {number} start @param {number} end */
  function showRange(doc, start, end) {
    if (doc !== "response") {
      inputEd.select(start, end);
    } else if (pasted()) {
      responseBox.open = true;
      responseEd.select(start, end);
    } else {
      drawBody();
      if (bodyView) bodyEd.select(mapOffset(bodyView, start), mapOffset(bodyView, end));
    }
  }

  /** @param {Span} f */
  function where(f) {
    if (f.doc === "response") {
      if (!pasted()) return "response body";
      const d = responseEd.view.state.doc;
      return `response, line ${d.lineAt(Math.min(Math.max(0, f.start), d.length)).number}`;
    }
    const d = inputEd.view.state.doc;
    return `input, line ${d.lineAt(Math.min(Math.max(0, f.start), d.length)).number}`;
  }

  return {
    input: inputEd,
    response: responseEd,
    /** texts is the editors' text now. */
    texts: () => ({ input: inputEd.getText(), response: responseEd.getText() }),
    /** pasted says whether a response is pasted (the page checks it). */
    pasted,
    /** showRange selects a range of a document in the editor that shows it. */
    showRange,
    /** where says in words where a place is. */
    where,
    /**
     * showMarks underlines marks in the input and, when one is pasted, the
     * response; null clears both.
     * @param {Mark[] | null} marks
     */
    showMarks(marks) {
      inputEd.setFindings(marks ? marks.filter((m) => m.doc !== "response") : []);
      responseEd.setFindings(marks && pasted() ? marks.filter((m) => m.doc === "response") : []);
    },
    /**
     * showBody shows the pretty body (unless it is shown already) and the
     * marks in it, once the body's editor is near the screen.
     * @param {BodyView} view
     * @param {Mark[]} marks
     */
    showBody(view, marks) {
      pendingBody = { view, marks };
      whenNear(bodyEd.view.dom, drawBody);
    },
    /**
     * setTexts replaces both texts the way an edit does (Ctrl/Cmd+Z brings
     * the old text back); a response opens its editor.
     * @param {string} input
     * @param {string} response
     */
    setTexts(input, response) {
      inputEd.replaceText(input);
      responseEd.replaceText(response);
      if (response.trim() !== "") responseBox.open = true;
    },
    /** clearResponse empties the response editor (Ctrl/Cmd+Z brings it back). */
    clearResponse: () => responseEd.replaceText(""),
    /**
     * editorOf is the editor whose DOM holds el ("input" or "response"), or "".
     * @param {Node} el
     */
    editorOf: (el) => (responseEd.view.dom.contains(el) ? "response" : inputEd.view.dom.contains(el) ? "input" : ""),
    /** focusInput puts the cursor in the input. */
    focusInput() {
      inputEd.view.focus();
      inputEd.view.dom.scrollIntoView({ block: "center" });
    },
    /** goToResponse opens the response editor and puts the cursor in it. */
    goToResponse() {
      responseBox.open = true;
      responseEd.view.dom.scrollIntoView({ block: "center" });
      responseEd.view.focus();
    },
  };
}
