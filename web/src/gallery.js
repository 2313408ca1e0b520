// The example gallery: each example of web/examples, with its title and
// what it shows, loadable with one click. The list (index.json) is a chunk
// of the page loaded when the gallery is first opened (the first load does
// not need it); an example's file is fetched from the page's own origin
// only when it is chosen (one is 3 MB).
import { h, replace } from "./dom.js";
import { fromShared } from "./share.js";

/** @typedef {{file: string, title: string, description: string}} Entry an example of the gallery's list */

/** @type {Promise<Entry[]> | null} */
let index = null;

/**
 * examples is a Promise of the gallery's list: [{file, title, description}].
 * @returns {Promise<Entry[]>}
 */
export function examples() {
  if (!index) {
    index = import("../examples/index.json").then((m) => m.default, (e) => {
      index = null; // the next opening tries again
      throw e;
    });
  }
  return index;
}

/**
 * exampleState turns an example file into a state: an input or response
 * given as an object goes into its editor as pretty JSON. The result is
 * checked like a shared state.
 * @param {Record<string, any>} ex an example file, parsed
 */
export function exampleState(ex) {
  const text = (/** @type {unknown} */ v) => (typeof v === "string" ? v : v == null ? "" : JSON.stringify(v, null, 2));
  /** @type {Record<string, unknown>} */
  const shared = { input: text(ex.input), response: text(ex.response) };
  // fn: the example's own function (its language and code), which runs when
  // the example is chosen: it is the project's code, not a link's.
  for (const k of ["inputKind", "preset", "options", "firehose", "fn"]) {
    if (ex[k] != null) shared[k] = ex[k];
  }
  return fromShared(shared);
}

/**
 * loadExample fetches an example of the index by its file name.
 * @param {string} file
 */
export async function loadExample(file) {
  const entry = (await examples()).find((e) => e.file === file);
  if (!entry) throw new Error(`there is no example ${file}`);
  const res = await fetch(`examples/${encodeURIComponent(entry.file)}`);
  if (!res.ok) throw new Error(`examples/${entry.file}: HTTP ${res.status}`);
  const ex = await res.json();
  return { entry, state: exampleState(ex) };
}

/**
 * renderGallery lists the examples in el; onPick(file) is called when one
 * is chosen. current is the file of the example shown, if any.
 * @param {HTMLElement} el
 * @param {Entry[]} examples
 * @param {{current: string | null, onPick: (file: string) => void}} how
 */
export function renderGallery(el, examples, { current, onPick }) {
  replace(el, h("ol", { class: "gallery-list" }, examples.map((e) => h("li", { class: "gallery-item" },
    h("button", {
      type: "button", class: "gallery-load", "data-example": e.file,
      "aria-current": e.file === current ? "true" : false,
      "aria-describedby": `gallery-desc-${e.file.replace(/\W/g, "-")}`,
      onclick: () => onPick(e.file),
    }, e.title),
    h("p", { class: "gallery-desc", id: `gallery-desc-${e.file.replace(/\W/g, "-")}` }, e.description),
  ))));
}

/**
 * markCurrent marks the example shown (or none) in a rendered gallery.
 * @param {HTMLElement} el
 * @param {string | null} file
 */
export function markCurrent(el, file) {
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (el.querySelectorAll("button.gallery-load"))) {
    if (b.dataset.example === file) b.setAttribute("aria-current", "true");
    else b.removeAttribute("aria-current");
  }
}
