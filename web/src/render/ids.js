// Record ids as lists show them. Ids of one batch often share a long
// beginning and differ only in their last characters (a Kinesis sequence
// number and its 000000 suffix), so a long id is cut in the middle: the
// start says what kind of id it is, the end tells the records apart.
import { h } from "../dom.js";
import { clip, CLIP_SHORT } from "./common.js";

/** ID_HEAD and ID_TAIL are the characters kept before and after the ellipsis. */
export const ID_HEAD = 8;
export const ID_TAIL = 14;

/**
 * midEllipsis is id with its middle replaced by "…" when it is longer
 * than head + tail + 1 characters (never half a surrogate pair).
 * @param {unknown} id
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

/** @param {number} c */
function isHigh(c) { return c >= 0xd800 && c < 0xdc00; }
/** @param {number} c */
function isLow(c) { return c >= 0xdc00 && c < 0xe000; }

/**
 * shortId shows an id in a list: its middle cut when long (drawn, hidden
 * from screen readers), and the id itself, up to CLIP_SHORT characters,
 * as text for screen readers and in the title (hover).
 * @param {unknown} id
 */
export function shortId(id, cls = "") {
  const s = String(id);
  const short = midEllipsis(s);
  const klass = `${cls} short-id`.trim();
  if (short === s) return h("span", { class: klass }, h("span", { class: "id-drawn" }, s));
  return h("span", { class: klass, title: s.length > CLIP_SHORT ? `${s.slice(0, CLIP_SHORT)}…` : s },
    h("span", { class: "id-drawn", "aria-hidden": "true" }, short),
    h("span", { class: "visually-hidden" }, clip(s, CLIP_SHORT)));
}
