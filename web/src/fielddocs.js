// Field docs: hovering a key of the event or of a Lambda response shows
// what it is, its type and units, and the common mistake about it
// (docs/firehose-contract.md). The key and its path (records[].
// kinesisRecordMetadata.subsequenceNumber → "records.kinesisRecordMetadata.
// subsequenceNumber") are read from the editor's syntax tree; only known
// paths of the document's own shape get a doc, so the keys of a user's
// payloads never do. The words themselves (fielddocs-text.js) are loaded
// with the first hover over a key.
//
// Where a finding is marked, the hover card is the finding's alone (see
// render/finding.js): its code and message, cut short, and where it is; the
// key's doc is one click away in it (keyDoc), never a second card stacked
// on the first.
import { EditorView, hoverTooltip } from "@codemirror/view";
import { syntaxTree } from "@codemirror/language";
import { forEachDiagnostic } from "@codemirror/lint";
import { h } from "./dom.js";

/** @typedef {import("./fielddocs-text.js").FieldDoc} FieldDoc */

/** @type {Promise<typeof import("./fielddocs-text.js")> | null} */
let texts = null; // fielddocs-text.js, once loaded

/**
 * fieldDoc is a Promise of the doc of a key path in a document ("event" or "response"), or null.
 * @param {string} docKind
 * @param {string} path
 * @returns {Promise<FieldDoc | null>}
 */
export function fieldDoc(docKind, path) {
  if (!texts) texts = import("./fielddocs-text.js");
  return texts.then((m) => m.fieldDoc(docKind, path));
}

/**
 * keyAt finds the JSON key under position pos of an editor state: returns
 * {from, to, path} (path: the keys from the top, array levels left out),
 * or null when pos is not on a key.
 * @param {import("@codemirror/state").EditorState} state
 * @param {number} pos
 * @param {-1 | 0 | 1} [side]
 */
export function keyAt(state, pos, side = 1) {
  /** @type {import("@lezer/common").SyntaxNode | null} */
  let node = syntaxTree(state).resolveInner(pos, side);
  while (node && node.name !== "PropertyName") {
    if (node.name === "Property" || node.name === "Object" || node.name === "Array" || node.name === "JsonText") return null;
    node = node.parent;
  }
  if (!node) return null;
  const keys = [];
  for (let n = /** @type {import("@lezer/common").SyntaxNode | null} */ (node); n; n = n.parent) {
    if (n.name !== "Property") continue;
    const name = n.getChild("PropertyName");
    if (!name) return null;
    const k = keyText(state.sliceDoc(name.from, name.to));
    if (k === null) return null;
    keys.unshift(k);
  }
  return { from: node.from, to: node.to, path: keys.join(".") };
}

/** @param {string} raw */
function keyText(raw) {
  if (raw.length > 200) return null;
  try {
    const k = JSON.parse(raw);
    return typeof k === "string" ? k : null;
  } catch {
    return null;
  }
}

/**
 * fieldDocs is the hover tooltip of an editor whose text is docKind
 * ("event" or "response"); when(), if given, says whether the text is that
 * document now (an input read as JSON payloads is not an event).
 * @param {string} docKind
 * @param {() => boolean} [when]
 */
export function fieldDocs(docKind, when = () => true) {
  return [pointer, hoverTooltip((view, pos, side) => {
    if (!when()) return null;
    const key = keyAt(view.state, pos, side);
    if (!key) return null;
    if (findingAt(view.state, pos, side)) return null; // the finding's card offers the doc
    return fieldDoc(docKind, key.path).then((doc) => (doc ? {
      pos: key.from,
      end: key.to,
      above: true,
      create: () => ({ dom: render(key.path, doc) }),
    } : null));
  })];
}

// The pointer's last place over each editor: a finding's card offers the
// doc of the key under it.
const pointers = new WeakMap();
const pointer = EditorView.domEventHandlers({
  mousemove(e, view) { pointers.set(view, { doc: view.state.doc, pos: view.posAtCoords({ x: e.clientX, y: e.clientY }) }); },
});

// findingAt tells whether a finding is marked at pos, as the lint card
// finds it (the same test as @codemirror/lint's hover).
/**
 * @param {import("@codemirror/state").EditorState} state
 * @param {number} pos
 * @param {number} side
 */
function findingAt(state, pos, side) {
  let found = false;
  forEachDiagnostic(state, (d, from, to) => {
    if (pos >= from && pos <= to && (from === to || ((pos > from || side > 0) && (pos < to || side < 0)))) found = true;
  });
  return found;
}

/**
 * keyDoc is what a finding's hover card offers of the key under the
 * pointer (see render/finding.js, findingCard): a closed "What is …?"
 * holding the key's doc, hidden until the doc is there (and for good when
 * the key has none, or the pointer is on no key).
 * @param {EditorView} view
 * @param {"" | "event" | "response"} docKind
 * @param {() => boolean} [when]
 */
export function keyDoc(view, docKind, when = () => true) {
  const more = h("details", { class: "finding-card-doc", hidden: true });
  const at = pointers.get(view);
  const pos = docKind && at && at.doc === view.state.doc && when() ? at.pos : null;
  const key = pos === null ? null : keyAt(view.state, pos, 1);
  if (key) {
    fieldDoc(docKind, key.path).then((doc) => {
      if (!doc) return;
      more.append(h("summary", null, "What is ", h("code", null, key.path), "?"), render(key.path, doc));
      more.hidden = false;
    });
  }
  return more;
}

/**
 * @param {string} path
 * @param {FieldDoc} doc
 */
function render(path, doc) {
  return h("div", { class: "field-doc", "data-path": path },
    h("p", { class: "field-doc-name" }, h("code", null, path)),
    h("p", null, doc.what),
    h("p", { class: "field-doc-type" }, h("strong", null, "Type: "), doc.type),
    doc.mistake ? h("p", { class: "field-doc-mistake" }, h("strong", null, "Common mistake: "), doc.mistake) : null,
  );
}
