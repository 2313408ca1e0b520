// The engine's description of itself (firehose.describe(), transform.Describe):
// every finding code with what Firehose does and how sure the playground is,
// the presets, input kinds and option values the engine takes, and its
// limits. The page holds no copy of its own: the engine's worker hands the
// description over once, when it is ready, and every view reads it here.

/**
 * A code of the engine's catalog (transform.Describe's codes).
 * @typedef {{code: string, firehose?: boolean, message?: string, confidence?: string, doubt?: string,
 *   words: string, next?: string, row?: number, failure?: string, status?: string}} CodeEntry
 */
/**
 * A value of presets, inputKinds, sources, confidences or outcomes: its name and words.
 * @typedef {{name: string, label: string, words: string, noun?: string}} Term
 */
/** @typedef {"presets" | "inputKinds" | "sources"} TermField */
/**
 * The engine's description of itself.
 * @typedef {{version: string, codes: CodeEntry[], presets: Term[], inputKinds: Term[], sources: Term[],
 *   options: {arrays: string[], values: string[]}, errorLayouts: string[], confidences: Term[], outcomes: Term[],
 *   limits: Record<string, number>}} Description
 */

/** @type {Description | null} */
let desc = null;
/** @type {(d: Description | null) => void} */
let settle = () => {};
/** @type {Promise<Description | null>} */
const ready = new Promise((resolve) => { settle = resolve; });
/** @type {Map<string, CodeEntry>} */
let codes = new Map();
/** @type {{confidences: Map<string, Term>, outcomes: Map<string, Term>}} */
let terms = { confidences: new Map(), outcomes: new Map() };

/**
 * setCatalog takes the engine's description (parsed JSON), or null when
 * the engine could not be loaded; the first call wins.
 * @param {Description | null} d
 */
export function setCatalog(d) {
  if (desc) return;
  if (d && typeof d === "object") {
    desc = d;
    codes = new Map((d.codes || []).map((c) => [c.code, c]));
    terms = {
      confidences: new Map((d.confidences || []).map((t) => [t.name, t])),
      outcomes: new Map((d.outcomes || []).map((t) => [t.name, t])),
    };
  }
  settle(desc);
}

/** whenCatalog resolves with the description once the engine gave it (null if it could not). */
export function whenCatalog() {
  return ready;
}

/** catalog returns the description, or null before the engine is ready. */
export function catalog() {
  return desc;
}

/**
 * names lists the names a field may take ("presets", "inputKinds",
 * "errorLayouts", "arrays", "values"), or null before the engine is ready.
 * @param {TermField | "errorLayouts" | "arrays" | "values"} field
 * @returns {string[] | null}
 */
export function names(field) {
  if (!desc) return null;
  if (field === "arrays" || field === "values") return desc.options[field].slice();
  /** @type {(string | Term)[]} */
  const list = desc[field] || [];
  return list.map((t) => (typeof t === "string" ? t : t.name));
}

/**
 * termsOf lists {name, label, words, noun} of "presets", "inputKinds" or
 * "sources" ([] before the engine is ready).
 * @param {TermField} field
 * @returns {Term[]}
 */
export function termsOf(field) {
  return desc ? desc[field].slice() : [];
}

/**
 * termOf is the term of one value of "presets", "inputKinds" or "sources", or null.
 * @param {TermField} field
 * @param {string} name
 */
export function termOf(field, name) {
  return (desc && desc[field].find((t) => t.name === name)) || null;
}

/**
 * nounOf names a value of "presets", "inputKinds" or "sources" in running
 * text ("a printed event"): its noun, else its label, else the name itself.
 * @param {TermField} field
 * @param {string} name
 */
export function nounOf(field, name) {
  const t = termOf(field, name);
  return t ? t.noun || t.label : name;
}

/**
 * codeEntry is the catalog's entry for a code, or null.
 * @param {string} code
 */
export function codeEntry(code) {
  return codes.get(code) || null;
}

/**
 * failureOf says what failed for a code that says the engine itself
 * failed, not the input ("panic", "encode", "request"), or "".
 * @param {string} code
 */
export function failureOf(code) {
  const c = codes.get(code);
  return (c && c.failure) || "";
}

/**
 * statusCode is the code whose words explain a response record's status ("ignored", "duplicate"), or "".
 * @param {string} status
 */
export function statusCode(status) {
  for (const c of codes.values()) if (c.status === status) return c.code;
  return "";
}

/**
 * explain returns what a code means and what Firehose does next, in plain words, or "".
 * @param {string} code
 */
export function explain(code) {
  const c = codes.get(code);
  if (!c) return "";
  return c.next ? `${c.words} ${c.next}` : c.words;
}

/**
 * codeInfo says what Firehose does for one of its codes and how sure the
 * playground is: {words, confidence, why}, or null for codes that are not
 * Firehose's. A verdict's own confidence (the engine's, for this case),
 * when given, wins over the code's usual one: Lambda.FunctionError is
 * confirmed for a function that raised, but only likely for a response
 * over 6 MB.
 * @param {string} code
 * @param {string} [verdictConfidence]
 */
export function codeInfo(code, verdictConfidence) {
  const c = codes.get(code);
  if (!c || !c.firehose) return null;
  const words = explain(code);
  const usual = c.confidence || "unconfirmed";
  if (verdictConfidence && verdictConfidence !== usual) {
    return { words, confidence: verdictConfidence, why: `${confidenceText(verdictConfidence)} (This verdict; the code is usually ${usual}.)` };
  }
  return { words, confidence: usual, why: c.doubt || confidenceText(usual) };
}

/**
 * codeTitle is the hover text of a code: what Firehose does and how sure
 * we are, of this verdict when its confidence is given ("" for other codes).
 * @param {string} code
 * @param {string} [verdictConfidence]
 */
export function codeTitle(code, verdictConfidence) {
  const info = codeInfo(code, verdictConfidence);
  if (!info) return "";
  return `${code}: ${info.words}\nConfidence: ${info.confidence}. ${info.why}`;
}

/**
 * confidenceText explains a confidence level ("likely", "unconfirmed", …).
 * @param {string} c
 */
export function confidenceText(c) {
  const t = terms.confidences.get(c);
  return t ? t.words : "";
}

/**
 * outcomeText says what an outcome means.
 * @param {string} o
 */
export function outcomeText(o) {
  const t = terms.outcomes.get(o);
  return t ? t.words : o;
}
