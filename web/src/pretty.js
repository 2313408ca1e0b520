// Re-indents JSON text for reading, without reparsing it: values (strings,
// numbers as written, big integers) stay byte for byte, only whitespace
// between tokens changes. It also returns where every original offset went,
// so ranges the engine reports in the original text can be shown in the
// pretty one. Text that is not JSON comes out re-indented as best it can.

const OPEN_OBJ = 123, CLOSE_OBJ = 125, OPEN_ARR = 91, CLOSE_ARR = 93;
const COMMA = 44, COLON = 58, QUOTE = 34, BACKSLASH = 92;
// Indentation stops growing past this many levels: text nested 100,000
// levels deep would otherwise become gigabytes of spaces.
const MAX_INDENT = 16;

/** @typedef {{text: string, from: Int32Array, to: Int32Array}} PrettyMap the pretty text and where the original's offsets went */

/** @param {number} c */
function isSpace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * pretty re-indents s with two spaces per level (up to MAX_INDENT levels).
 * Returns { text, from, to }: from and to are Int32Arrays of breakpoints;
 * an offset o of s with from[k] <= o < from[k+1] is at o + to[k] - from[k]
 * in text (see mapOffset).
 * @param {string} s
 * @returns {PrettyMap}
 */
export function pretty(s) {
  if (!/^\s*[[{]/.test(s.slice(0, 64))) {
    return { text: s, from: Int32Array.of(0), to: Int32Array.of(0) };
  }
  /** @type {string[]} */
  const out = [];
  let outLen = 0;
  const from = [0], to = [0];
  let shift = 0;
  let depth = 0;
  let run = 0; // start of the original run not yet copied
  const n = s.length;

  const emit = (/** @type {string} */ str) => { out.push(str); outLen += str.length; };
  const flush = (/** @type {number} */ i) => { if (i > run) { emit(s.slice(run, i)); } run = i; };
  // mark notes that the original character at i lands at outLen.
  const mark = (/** @type {number} */ i) => {
    const d = outLen - i;
    if (d !== shift) { from.push(i); to.push(outLen); shift = d; }
  };
  const indents = Array.from({ length: MAX_INDENT + 1 }, (_, d) => "\n" + "  ".repeat(d));
  const newline = () => emit(indents[Math.min(depth, MAX_INDENT)]);

  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      // Copy the string as it is; it joins the current run.
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) { i++; break; }
        else i++;
      }
      continue;
    }
    if (isSpace(c)) {
      flush(i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      run = i;
      if (i < n) mark(i);
      continue;
    }
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      let j = i + 1;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const close = c === OPEN_OBJ ? CLOSE_OBJ : CLOSE_ARR;
      if (j < n && s.charCodeAt(j) === close) {
        // An empty container stays "{}" / "[]".
        flush(i + 1);
        run = j;
        mark(j);
        i = j + 1;
        continue;
      }
      flush(i + 1);
      depth++;
      newline();
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      run = i;
      if (i < n) mark(i);
      continue;
    }
    if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      flush(i);
      depth = Math.max(0, depth - 1);
      newline();
      mark(i);
      i++;
      continue;
    }
    if (c === COMMA || c === COLON) {
      flush(i + 1);
      if (c === COMMA) newline(); else emit(" ");
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      run = i;
      if (i < n) mark(i);
      continue;
    }
    i++;
  }
  flush(n);
  // The end of the text maps to the end of the pretty text.
  mark(n);
  return { text: out.join(""), from: Int32Array.from(from), to: Int32Array.from(to) };
}

/**
 * mapOffset turns an offset of the original text into one of the pretty text.
 * @param {PrettyMap} map
 * @param {number} o
 */
export function mapOffset(map, o) {
  const { from, to } = map;
  let lo = 0, hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (from[mid] <= o) lo = mid; else hi = mid - 1;
  }
  return o + to[lo] - from[lo];
}
