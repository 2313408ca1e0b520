// Field docs: hovering a key of the event or of a Lambda response shows
// what it is, its type and units, and the common mistake about it
// (docs/firehose-contract.md). The key and its path (records[].
// kinesisRecordMetadata.subsequenceNumber → "records.kinesisRecordMetadata.
// subsequenceNumber") are read from the editor's syntax tree; only known
// paths of the document's own shape get a doc, so the keys of a user's
// payloads never do. The words themselves (fielddocs-text.js) are loaded
// with the first hover over a key.
import { hoverTooltip } from "@codemirror/view";
import { syntaxTree } from "@codemirror/language";
import { h } from "./dom.js";

let texts = null; // fielddocs-text.js, once loaded

/** fieldDoc is a Promise of the doc of a key path in a document ("event" or "response"), or null. */
export function fieldDoc(docKind, path) {
  if (!texts) texts = import("./fielddocs-text.js");
  return texts.then((m) => m.fieldDoc(docKind, path));
}

/**
 * keyAt finds the JSON key under position pos of an editor state: returns
 * {from, to, path} (path: the keys from the top, array levels left out),
 * or null when pos is not on a key.
 */
export function keyAt(state, pos, side = 1) {
  let node = syntaxTree(state).resolveInner(pos, side);
  while (node && node.name !== "PropertyName") {
    if (node.name === "Property" || node.name === "Object" || node.name === "Array" || node.name === "JsonText") return null;
    node = node.parent;
  }
  if (!node) return null;
  const keys = [];
  for (let n = node; n; n = n.parent) {
    if (n.name !== "Property") continue;
    const name = n.getChild("PropertyName");
    if (!name) return null;
    const k = keyText(state.sliceDoc(name.from, name.to));
    if (k === null) return null;
    keys.unshift(k);
  }
  return { from: node.from, to: node.to, path: keys.join(".") };
}

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
 */
export function fieldDocs(docKind, when = () => true) {
  return hoverTooltip((view, pos, side) => {
    if (!when()) return null;
    const key = keyAt(view.state, pos, side);
    if (!key) return null;
    return fieldDoc(docKind, key.path).then((doc) => (doc ? {
      pos: key.from,
      end: key.to,
      above: true,
      create: () => ({ dom: render(key.path, doc) }),
    } : null));
  });
}

function render(path, doc) {
  return h("div", { class: "field-doc", "data-path": path },
    h("p", { class: "field-doc-name" }, h("code", null, path)),
    h("p", null, doc.what),
    h("p", { class: "field-doc-type" }, h("strong", null, "Type: "), doc.type),
    doc.mistake ? h("p", { class: "field-doc-mistake" }, h("strong", null, "Common mistake: "), doc.mistake) : null,
  );
}
