// Share links and repro files. The shareable part of the state (what the
// user pasted and chose) travels in a URL fragment, which browsers never
// send to a server:
//
//	#v1.<base64url(deflate-raw(UTF-8 JSON of the shareable state))>
//
// or in a repro file, {"firehosePlayground": 1, "state": {...}}, for states
// too large for a link. Both are decoded strictly: a link can come from
// anyone, so its size is capped while it is inflated, and every known key
// is checked for its type and size (unknown keys are ignored). Pure
// functions, no DOM: the page decides what to show. The names a field may
// take (presets, input kinds, option values) are the engine's (catalog.js):
// decode once the engine is ready (whenCatalog); without an engine, any
// short name passes, and the engine reports a name it does not know. The
// user's own function (python, nodejs) is the page's, not the engine's.
import { defaultState, isOwn, PAGE_SIZE } from "./state.js";
import { names } from "./catalog.js";

/** Above this many characters a link may be cut by chat apps. */
export const LINK_NOTE_AT = 2_000;
/**
 * Above this many characters the page offers a repro file instead of a
 * link: common tools (chat apps, mail, issue trackers, URL shorteners) cut
 * links longer than that, and browsers differ in what they accept.
 */
export const LINK_MAX = 32_000;
/** The largest state a link or a repro file may hold (UTF-8 JSON bytes). */
export const MAX_STATE_BYTES = 40 * 1024 * 1024;
/** The longest fragment the page tries to read (base64 of MAX_STATE_BYTES of deflate, roughly). */
const MAX_FRAGMENT = 64 * 1024 * 1024;

/** The format marker of repro files. */
export const REPRO_FORMAT = 1;

/** A link or a repro file that cannot be opened; message says why, in plain words. */
export class ShareError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "ShareError";
  }
}

/**
 * shareable is the part of a state a link carries.
 * @param {import("./state.js").State} s
 */
export function shareable(s) {
  /** @type {Partial<import("./state.js").State>} */
  const out = {
    input: s.input,
    inputKind: s.inputKind,
    response: s.response,
    preset: s.preset,
    options: { ...s.options },
    firehose: { ...s.firehose },
    selected: s.selected,
    ...(s.example ? { example: { ...s.example } } : {}),
  };
  // The user's function travels only when it is the transform chosen.
  if (isOwn(s.preset) && s.fn) out.fn = { ...s.fn };
  return out;
}

/**
 * isShareFragment says whether a location.hash looks like a share link ("#v…").
 * @param {string} hash
 */
export function isShareFragment(hash) {
  return /^#?v\d+\./.test(hash || "");
}

// ---- fragments ---------------------------------------------------------------

/**
 * encodeFragment makes the fragment (without "#") of a link to state s.
 * Throws ShareError when the state is too large for any link.
 * @param {import("./state.js").State} s
 */
export async function encodeFragment(s) {
  // A string takes at least one UTF-8 byte per UTF-16 unit: a text longer
  // than the cap is refused before it is encoded (a 50 MB paste would
  // otherwise cost the main thread seconds each time the session is saved).
  const units = String(s.input || "").length + String(s.response || "").length;
  if (units > MAX_STATE_BYTES) {
    throw new ShareError(`This state is over ${mb(units)} of text: more than the ${mb(MAX_STATE_BYTES)} a link or a repro file may hold.`);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(shareable(s)));
  if (bytes.length > MAX_STATE_BYTES) {
    throw new ShareError(`This state is ${mb(bytes.length)} of text: more than the ${mb(MAX_STATE_BYTES)} a link or a repro file may hold.`);
  }
  return "v1." + toBase64url(await deflate(bytes));
}

/**
 * decodeFragment reads a fragment (with or without "#") and returns the
 * state it holds, complete with defaults. Throws ShareError, saying why,
 * for anything but a well-formed link of a known version.
 * @param {string} fragment
 */
export async function decodeFragment(fragment) {
  const text = String(fragment || "").replace(/^#/, "");
  const m = /^v(\d{1,6})\./.exec(text);
  if (!m) {
    throw new ShareError("The link's fragment is not a playground state (it should start with #v1.).");
  }
  const body = text.slice(m[0].length);
  switch (m[1]) {
    case "1":
      return fromShared(parseJSON(await inflateText(fromBase64url(body))));
    // A v2 format gets its own case here; v1 links keep opening.
    default:
      throw new ShareError(`This link uses format v${m[1]}, which this version of the playground does not know (it reads v1). It may come from a newer version of the page.`);
  }
}

// ---- repro files -------------------------------------------------------------

/**
 * reproFile is the text of a repro file holding state s.
 * @param {import("./state.js").State} s
 */
export function reproFile(s) {
  return JSON.stringify({ firehosePlayground: REPRO_FORMAT, state: shareable(s) }, null, 2) + "\n";
}

/**
 * readRepro reads the text of a repro file and returns the state it holds; throws ShareError.
 * @param {unknown} text
 */
export function readRepro(text) {
  if (typeof text !== "string") throw new ShareError("The file could not be read as text.");
  if (text.length > MAX_STATE_BYTES + 1024) {
    throw new ShareError(`The file is larger than the ${mb(MAX_STATE_BYTES)} a repro file may hold.`);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ShareError("The file is not a playground repro file: it is not JSON.");
  }
  if (!isObject(doc) || !("firehosePlayground" in doc)) {
    throw new ShareError("The file is not a playground repro file: it has no \"firehosePlayground\" key.");
  }
  if (doc.firehosePlayground !== REPRO_FORMAT) {
    throw new ShareError(`The repro file has format ${JSON.stringify(doc.firehosePlayground).slice(0, 20)}, which this version of the playground does not know (it reads ${REPRO_FORMAT}).`);
  }
  return fromShared(doc.state);
}

// ---- validation ------------------------------------------------------------

const NAME_MAX = 64; // a name's length when the engine's names are not known
const LIMITS = {
  code: 1_000_000, handler: 256, timeout: 900, memory: 10_240,
  separator: 8, maxDepth: 64, prefix: 1024, streamName: 64, lambdaArn: 2048, retries: 300, selected: 100_000_000,
  exampleFile: 200, exampleTitle: 200, exampleDescription: 2000,
};

/**
 * fromShared checks a decoded shareable state and returns a complete state.
 * Unknown keys are ignored, missing keys take their defaults, and a known
 * key of the wrong type or size refuses the whole state (ShareError).
 * @param {any} x what a link or file holds, parsed: anything until checked here
 */
export function fromShared(x) {
  if (!isObject(x)) throw invalid("it is not an object");
  const s = defaultState("");
  if (has(x, "input")) s.input = str(x.input, "input", MAX_STATE_BYTES);
  if (has(x, "inputKind")) s.inputKind = oneOf(x.inputKind, "inputKind", names("inputKinds"));
  if (has(x, "response")) s.response = str(x.response, "response", MAX_STATE_BYTES);
  if (has(x, "preset")) {
    const engine = names("presets");
    s.preset = oneOf(x.preset, "preset", engine && [...engine, "python", "nodejs"]);
  }
  if (has(x, "options")) {
    const o = x.options;
    if (!isObject(o)) throw invalid("options must be an object");
    if (has(o, "separator")) s.options.separator = str(o.separator, "options.separator", LIMITS.separator);
    if (has(o, "maxDepth")) s.options.maxDepth = int(o.maxDepth, "options.maxDepth", 0, LIMITS.maxDepth);
    if (has(o, "arrays")) s.options.arrays = oneOf(o.arrays, "options.arrays", names("arrays"));
    if (has(o, "values")) s.options.values = oneOf(o.values, "options.values", names("values"));
  }
  if (has(x, "firehose")) {
    const f = x.firehose;
    if (!isObject(f)) throw invalid("firehose must be an object");
    for (const k of /** @type {const} */ (["prefix", "errorPrefix"])) {
      if (has(f, k)) s.firehose[k] = str(f[k], `firehose.${k}`, LIMITS.prefix);
    }
    if (has(f, "streamName")) s.firehose.streamName = str(f.streamName, "firehose.streamName", LIMITS.streamName);
    if (has(f, "lambdaArn")) s.firehose.lambdaArn = str(f.lambdaArn, "firehose.lambdaArn", LIMITS.lambdaArn);
    if (has(f, "retries") && f.retries !== null) s.firehose.retries = int(f.retries, "firehose.retries", 0, LIMITS.retries);
    if (has(f, "errorLayout")) s.firehose.errorLayout = oneOf(f.errorLayout, "firehose.errorLayout", names("errorLayouts"));
    if (has(f, "appendDelimiter")) {
      if (typeof f.appendDelimiter !== "boolean") throw invalid("firehose.appendDelimiter must be true or false");
      s.firehose.appendDelimiter = f.appendDelimiter;
    }
  }
  if (has(x, "fn")) {
    const f = x.fn;
    if (!isObject(f)) throw invalid("fn must be an object");
    if (has(f, "language")) s.fn.language = oneOf(f.language, "fn.language", ["", "python", "nodejs"]);
    if (has(f, "code")) s.fn.code = str(f.code, "fn.code", LIMITS.code);
    if (has(f, "handler")) s.fn.handler = str(f.handler, "fn.handler", LIMITS.handler);
    if (has(f, "timeout")) s.fn.timeout = int(f.timeout, "fn.timeout", 1, LIMITS.timeout);
    if (has(f, "memory")) s.fn.memory = int(f.memory, "fn.memory", 128, LIMITS.memory);
  }
  if (has(x, "selected")) s.selected = int(x.selected, "selected", 0, LIMITS.selected);
  if (has(x, "example") && x.example !== null) {
    const e = x.example;
    if (!isObject(e)) throw invalid("example must be an object or null");
    s.example = {
      file: str(e.file, "example.file", LIMITS.exampleFile),
      title: str(e.title, "example.title", LIMITS.exampleTitle),
      description: str(e.description, "example.description", LIMITS.exampleDescription),
      edited: false,
    };
    if (has(e, "edited")) {
      if (typeof e.edited !== "boolean") throw invalid("example.edited must be true or false");
      s.example.edited = e.edited;
    }
  }
  s.page = Math.floor(s.selected / PAGE_SIZE);
  return s;
}

/** @param {string} why */
function invalid(why) {
  return new ShareError(`The shared state is not valid: ${why}.`);
}

/**
 * @param {object} o
 * @param {string} k
 */
function has(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** @param {unknown} v */
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * @param {unknown} v
 * @param {string} name
 * @param {number} max
 */
function str(v, name, max) {
  if (typeof v !== "string") throw invalid(`${name} must be a string`);
  if (v.length > max) throw invalid(`${name} is longer than ${max.toLocaleString("en")} characters`);
  return v;
}

/**
 * @param {unknown} v
 * @param {string} name
 * @param {number} lo
 * @param {number} hi
 * @returns {number}
 */
function int(v, name, lo, hi) {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) throw invalid(`${name} must be a whole number from ${lo} to ${hi.toLocaleString("en")}`);
  return v;
}

// oneOf checks a name against the names allowed (null: the engine's names
// are not known, so any short name passes).
/**
 * @param {unknown} v
 * @param {string} name
 * @param {string[] | null} allowed
 */
function oneOf(v, name, allowed) {
  if (!allowed) return str(v, name, NAME_MAX);
  if (typeof v !== "string" || !allowed.includes(v)) {
    throw invalid(`${name} must be one of ${allowed.join(", ")}`);
  }
  return v;
}

/** @param {string} text */
function parseJSON(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new ShareError("The link is damaged: what it holds is not JSON.");
  }
}

/** @param {number} n */
function mb(n) {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

// ---- bytes -----------------------------------------------------------------

/**
 * toBase64url encodes bytes as base64url without padding.
 * @param {Uint8Array} bytes
 */
export function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * fromBase64url decodes base64url (padding optional); throws ShareError on anything else.
 * @param {string} text
 */
export function fromBase64url(text) {
  if (text.length > MAX_FRAGMENT) {
    throw new ShareError(`This link is longer than ${mb(MAX_FRAGMENT)}; it was refused.`);
  }
  const t = text.replace(/=+$/, "");
  if (t === "" || !/^[A-Za-z0-9_-]*$/.test(t)) {
    throw new ShareError("The link is damaged: its data is not base64url text.");
  }
  if (t.length % 4 === 1) throw new ShareError(CUT);
  let bin;
  try {
    bin = atob(t.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((t.length + 3) % 4));
  } catch {
    throw new ShareError("The link is damaged: its data is not base64url text.");
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const CUT = "The link is damaged or cut short: its data does not decompress. Chat apps and mail sometimes cut long links; ask for a repro file instead.";

/** @param {Uint8Array<ArrayBuffer>} bytes */
async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * inflateText inflates deflate-raw bytes into UTF-8 text, and stops reading
 * as soon as the text would pass MAX_STATE_BYTES (a decompression bomb
 * never gets to use the memory it asks for).
 * @param {Uint8Array<ArrayBuffer>} bytes
 */
export async function inflateText(bytes, max = MAX_STATE_BYTES) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        reader.cancel().catch(() => {});
        throw new ShareError(`This link holds more than ${mb(max)} once decompressed; it was refused.`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ShareError) throw e;
    throw new ShareError(CUT);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(all);
  } catch {
    throw new ShareError("The link is damaged: what it holds is not UTF-8 text.");
  }
}
