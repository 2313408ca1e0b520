// The page's state: one plain, serializable object (share links, the
// examples gallery and session restore carry it whole), and a tiny store
// that tells subscribers what changed.

/**
 * @typedef {{language: string, code: string, handler: string, timeout: number, memory: number}} Fn
 * @typedef {{prefix: string, errorPrefix: string, streamName: string, lambdaArn: string,
 *   retries: number | null, errorLayout: string, appendDelimiter: boolean}} Firehose
 * @typedef {{separator: string, maxDepth: number | string, arrays: string, values: string}} NdjsonOptions
 * @typedef {{file: string, title: string, description: string, edited: boolean}} Example
 * @typedef {{input: string, inputKind: string, response: string, preset: string,
 *   options: NdjsonOptions, firehose: Firehose, fn: Fn, page: number, selected: number,
 *   example: Example | null}} State
 * @typedef {{[K in keyof State]?: K extends "options" | "firehose" | "fn" ? Partial<State[K]> : State[K]}} Patch
 *   a change to a state: options, firehose and fn are merged one level deep
 */

/**
 * isOwn says whether a preset runs the user's own function (python, nodejs: see runtimes/languages.js).
 * @param {string} preset
 */
export function isOwn(preset) {
  return preset === "python" || preset === "nodejs";
}

/**
 * The user's function: its code and language, the handler the runtime
 * calls ("" for the language's default), and Lambda's timeout (seconds)
 * and memory size (MB). code "" is the language's starter.
 */
export const DEFAULT_FN = Object.freeze(/** @type {Fn} */ ({ language: "", code: "", handler: "", timeout: 3, memory: 128 }));

/** How many records one report describes in full (a page of the list). */
export const PAGE_SIZE = 100;

/**
 * The delivery stream's settings; empty strings and null mean Firehose's
 * defaults (see transform.FirehoseOptions).
 */
export const DEFAULT_FIREHOSE = Object.freeze(/** @type {Firehose} */ ({
  prefix: "",
  errorPrefix: "",
  streamName: "",
  lambdaArn: "",
  retries: null, // NumberOfRetries; null: Firehose's default, 3
  errorLayout: "2025", // the layout of processing-failed lines: "2025" or "2019"
  appendDelimiter: false, // the AppendDelimiterToRecord processor
}));

/**
 * defaultState is the state of a fresh page with the given input.
 * @returns {State}
 */
export function defaultState(input = "") {
  return {
    input,
    inputKind: "auto",
    response: "",
    preset: "seed",
    options: { separator: ".", maxDepth: 0, arrays: "json", values: "json" },
    firehose: { ...DEFAULT_FIREHOSE },
    fn: { ...DEFAULT_FN },
    page: 0, // which PAGE_SIZE records the report describes
    selected: 0, // the record shown in detail (index in the input)
    // The gallery example the text comes from: {file, title, description,
    // edited}, or null once the user replaced the whole input.
    example: null,
  };
}

/**
 * sameRun tells whether two states ask the engine for the same run, whatever
 * page of records each shows: the page opened does not make the results
 * shown the previous input's.
 * @param {State | null} a
 * @param {State | null} b
 */
export function sameRun(a, b) {
  if (!a || !b || a.input !== b.input || a.response !== b.response) return false;
  const rest = (/** @type {State} */ s) => JSON.stringify({ ...toRequest(s), input: "", response: "", detail: null, fn: s.fn });
  return rest(a) === rest(b);
}

/**
 * An engine request (transform.Request), as the page makes it.
 * @typedef {{input: string, inputKind: string, preset: string, firehose: Record<string, string | number | boolean>,
 *   detail: {from: number, count: number}, options?: {separator: string, maxDepth: number, arrays: string, values: string},
 *   response?: string, export?: string}} Request
 */

/**
 * toRequest makes the engine request (see transform.Request) for a state.
 * @param {State} s
 * @returns {Request}
 */
export function toRequest(s) {
  /** @type {Request} */
  const req = {
    input: s.input,
    inputKind: s.inputKind,
    // The user's function is judged like a pasted response: the page adds
    // its body as req.response (the engine then runs no preset).
    preset: isOwn(s.preset) ? "identity" : s.preset,
    firehose: firehoseRequest(s.firehose),
    detail: { from: s.page * PAGE_SIZE, count: PAGE_SIZE },
  };
  if (s.preset === "ndjson") {
    req.options = {
      separator: s.options.separator,
      maxDepth: Number(s.options.maxDepth) || 0,
      arrays: s.options.arrays,
      values: s.options.values,
    };
  }
  if (s.response.trim() !== "") req.response = s.response;
  return req;
}

/**
 * toExportRequest is the request for an export (see transform.Request's
 * Export): "event", "decoded", "s3" or "redrive". It describes one record only: the
 * export holds everything.
 * @param {State} s
 * @param {string} kind
 * @returns {Request}
 */
export function toExportRequest(s, kind) {
  return { ...toRequest(s), detail: { from: 0, count: 1 }, export: kind };
}

/**
 * firehoseRequest keeps the settings that differ from Firehose's defaults.
 * @param {Firehose} f
 */
function firehoseRequest(f) {
  /** @type {Record<string, string | number | boolean>} */
  const out = { appendDelimiter: !!f.appendDelimiter };
  for (const k of /** @type {const} */ (["prefix", "errorPrefix", "streamName", "lambdaArn"])) {
    if (typeof f[k] === "string" && f[k] !== "") out[k] = f[k];
  }
  if (typeof f.retries === "number" && Number.isInteger(f.retries)) out.retries = f.retries;
  if (f.errorLayout && f.errorLayout !== DEFAULT_FIREHOSE.errorLayout) out.errorLayout = f.errorLayout;
  return out;
}

/**
 * createStore holds a state. set(patch) merges a patch (one level deep for
 * options and firehose) and calls every subscriber with (state, changedKeys).
 * @param {State} initial
 */
export function createStore(initial) {
  let state = initial;
  /** @type {((s: State, changed: string[]) => void)[]} */
  const subs = [];
  return {
    get: () => state,
    /** @param {Patch} patch */
    set(patch) {
      /** @type {string[]} */
      const changed = [];
      /** @type {Record<string, any>} */
      const next = { ...state };
      /** @type {Record<string, any>} */
      const was = state;
      for (const [k, v] of Object.entries(patch)) {
        const isObject = v && typeof v === "object" && !Array.isArray(v);
        const merged = isObject ? { ...was[k], ...v } : v;
        const same = isObject ? JSON.stringify(merged) === JSON.stringify(was[k]) : merged === was[k];
        if (!same) {
          next[k] = merged;
          changed.push(k);
        }
      }
      if (changed.length === 0) return;
      state = /** @type {State} */ (next);
      for (const f of subs) f(state, changed);
    },
    /** @param {(s: State, changed: string[]) => void} f */
    subscribe(f) {
      subs.push(f);
    },
  };
}
