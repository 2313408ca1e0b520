// Record ids as lists show them. Ids of one batch often share a long
// beginning and differ only in their last characters (a Kinesis sequence
// number and its 000000 suffix), so a long id is cut in the middle: the
// start says what kind of id it is, the end tells the records apart.
import { h } from "../dom.js";

/** ID_HEAD and ID_TAIL are the characters kept before and after the ellipsis. */
export const ID_HEAD = 8;
export const ID_TAIL = 14;

/**
 * midEllipsis is id with its middle replaced by "…" when it is longer
 * than head + tail + 1 characters (never half a surrogate pair).
 */
export function midEllipsis(id, head = ID_HEAD, tail = ID_TAIL) {
  const s = String(id);
  if (s.length <= head + tail + 1) return s;
  let a = head;
  let b = s.length - tail;
  if (isHigh(s.charCodeAt(a - 1))) a--;
  if (isLow(s.charCodeAt(b))) b++;
  return `${s.slice(0, a)}…${s.slice(b)}`;
}

function isHigh(c) { return c >= 0xd800 && c < 0xdc00; }
function isLow(c) { return c >= 0xdc00 && c < 0xe000; }

/**
 * shortId shows an id in a list: its middle cut when long, the whole id
 * in the title (hover) and kept for screen readers.
 */
export function shortId(id, cls = "") {
  const s = String(id);
  const short = midEllipsis(s);
  if (short === s) return h("span", { class: `${cls} short-id`.trim() }, s);
  return h("span", { class: `${cls} short-id`.trim(), title: s.length > 10_000 ? `${s.slice(0, 10_000)}…` : s, "aria-label": s.length > 200 ? `${s.slice(0, 200)}…` : s }, short);
}
