// The S3 preview: the objects Firehose would write, delivered and
// processing-failed, with their keys and bodies.
import { documentText } from "../documents.js";
import { append, h, replace } from "../dom.js";
import { bytes, plural } from "../format.js";
import { clip, copyButton, pre } from "./common.js";
import { termOf } from "../catalog.js";

/** @typedef {import("../report").Report} Report */

const MAX_OBJECTS = 50;

/**
 * renderS3 shows the report's S3 preview in el.
 * @param {HTMLElement} el
 * @param {Report} report
 */
export function renderS3(el, report) {
  const objs = report.s3 ? report.s3.objects : [];
  if (!objs.length) {
    replace(el, h("p", { class: "hint" }, report.s3 ? "Nothing is written to S3." : "No S3 preview for this run."));
    return;
  }
  replace(el,
    h("ul", { class: "s3-objects" }, objs.slice(0, MAX_OBJECTS).map((o, i) => h("li", null,
      h("details", { class: `s3-object kind-${o.kind}`, open: i < 2 },
        h("summary", null,
          h("span", { class: `badge kind-${o.kind}` }, o.kind), " ",
          h("code", { class: "s3-key" }, clip(o.key)), " ",
          h("span", { class: "hint" }, `${bytes(o.size)}, ${plural(o.records.length, "record")}`)),
        h("p", { class: "actions" }, copyButton(() => o.body, "Copy the body")),
        pre(o.body, o.truncated, "s3-body"),
      ),
    ))),
    objs.length > MAX_OBJECTS ? h("p", { class: "hint" }, `Showing ${MAX_OBJECTS} objects of ${objs.length}.`) : null,
  );
}

/**
 * kindLabel names an input kind as the "Input is" select does.
 * @param {string} name
 */
function kindLabel(name) {
  const k = termOf("inputKinds", name);
  return k ? k.label : name;
}

/**
 * renderEvent shows the event the playground built from what was pasted (base64 lines, JSON payloads, a printed event…).
 * @param {HTMLElement} panel
 * @param {HTMLElement} el
 * @param {Report} report
 * @param {import("../report").DocFetch} doc
 */
export function renderEvent(panel, el, report, doc) {
  panel.hidden = !report.generated;
  if (!report.generated) return;
  const head = h("p", { class: "hint" }, "Your input was read as ", kindLabel(report.inputKind),
    "; this is the Firehose event made of it. ", copyButton(() => documentText(report, "event", doc), "Copy the event"));
  replace(el, head);
  documentText(report, "event", doc).then((text) => {
    if (typeof text !== "string" || !el.contains(head)) return; // gone, or a later report is shown
    const cut = text.length > 100_000;
    append(el, pre(cut ? text.slice(0, 100_000) : text, cut));
  });
}
