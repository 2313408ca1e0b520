// A report's documents: the large texts the engine keeps aside for the run
// (the Lambda body, the event it built, an export) instead of escaping them
// inside the report. A report made from the plain contract (firehose.run
// with a JSON string) holds them inline; the page's reports list them in
// report.documents, and engine.js's doc(name) fetches one when a view shows
// it or an export asks for it.

/** @typedef {import("./report").Report} Report */
/** @typedef {import("./report").EngineDocument} DocumentName */
/** @typedef {import("./report").DocFetch} DocFetch */

/**
 * hasDocument tells whether the report has the named document, inline or aside.
 * @param {Report | null} report
 * @param {DocumentName} name
 */
export function hasDocument(report, name) {
  if (!report) return false;
  const inline = name === "body" ? report.lambda.body : report[name];
  if (typeof inline === "string" && (name === "body" || inline !== "")) return true;
  const d = report.documents;
  return !!d && Object.prototype.hasOwnProperty.call(d.sizes, name);
}

/**
 * documentSize is the named document's size in bytes, or -1 when it is inline or absent.
 * @param {Report | null} report
 * @param {DocumentName} name
 */
export function documentSize(report, name) {
  const d = report && report.documents;
  const size = d && Object.prototype.hasOwnProperty.call(d.sizes, name) ? d.sizes[name] : undefined;
  return size === undefined ? -1 : size;
}

/**
 * documentText is a Promise of the named document's text: inline, or
 * fetched with doc (engine.js's doc(name)); null when it is gone.
 * @param {Report | null} report
 * @param {DocumentName} name
 * @param {DocFetch} [doc]
 * @returns {Promise<string | null>}
 */
export function documentText(report, name, doc) {
  const inline = !report ? null : name === "body" ? report.lambda.body : report[name];
  if (typeof inline === "string" && inline !== "") return Promise.resolve(inline);
  if (name === "body" && typeof inline === "string") return Promise.resolve(inline);
  return doc ? doc(name) : Promise.resolve(null);
}
