// What the results say before anything is pasted (or after a link was
// refused): what to paste, and the ways in. Nothing is judged yet, so no
// error, no verdict and no marker in the editor.
import { h, replace } from "../dom.js";

/**
 * isEmptyState says whether a state holds nothing to check: no input and
 * no response (blank space is nothing too). Texts over 64 KiB are not
 * scanned: they are not blank in practice.
 * @param {{input: unknown, response: unknown}} s
 */
export function isEmptyState(s) {
  const blank = (/** @type {unknown} */ t) => typeof t !== "string" || (t.length < 65_536 && t.trim() === "");
  return blank(s.input) && blank(s.response);
}

/**
 * renderEmpty fills el with the empty state.
 *   onExample()   open the examples
 *   onEvent()     go to the input editor
 *   onResponse()  go to the response editor
 * @param {HTMLElement} el
 * @param {{onExample: () => void, onEvent: () => void, onResponse: () => void}} ways
 */
export function renderEmpty(el, { onExample, onEvent, onResponse }) {
  replace(el,
    h("h3", { id: "empty-title" }, "Nothing to check yet"),
    h("p", null, "Paste into the input what Firehose sends your transformation Lambda: the invocation event ",
      h("code", null, '{"records": [{"recordId": …, "data": "<base64>"}]}'),
      ", or base64 records one per line, or JSON payloads one per line. The playground decodes every record, runs a transform and shows what Firehose does with the answer."),
    h("ul", { class: "ways" },
      h("li", null, h("button", { type: "button", "data-way": "example", onclick: onExample }, "Open an example")),
      h("li", null, h("button", { type: "button", "data-way": "event", onclick: onEvent }, "Paste your event")),
      h("li", null, h("button", { type: "button", "data-way": "response", onclick: onResponse }, "Check your function's response")),
    ),
    h("p", { class: "hint" }, "Your function's response goes in the second editor, under the input: the page then checks it instead of running a transform."),
  );
}
