// Small pieces shared by the result views.
import { h, whenNear } from "../dom.js";
import { explain, codeInfo, codeTitle, confidenceText, outcomeText, statusCode } from "../catalog.js";
import { n, plural } from "../format.js";

/** @typedef {import("../report").Outcome} Outcome */
/** @typedef {import("../report").RecordVerdict} RecordVerdict */
/** @typedef {import("../report").BatchError} BatchError */
/** @typedef {import("../report").Confidence} Confidence */

/** How much of a user's text a view shows: in lists, and elsewhere. */
export const CLIP_SHORT = 200;
export const CLIP = 10_000;

/**
 * clip is at most max characters of a user's text (a recordId, a key, a
 * value), then how many more there are: a 10 MB value in a table cell
 * takes the browser seconds to lay out. The editors and the exports hold
 * the whole text.
 * @param {unknown} text
 */
export function clip(text, max = CLIP) {
  const s = String(text);
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c < 0xdc00) end--; // not half a character
  return [s.slice(0, end), h("span", { class: "clipped", "data-more": s.length - end }, `… (${n(s.length - end)} more characters)`)];
}

/**
 * outcome is a badge for delivered / dropped / failed. Given the record's
 * verdict, a record delivered while outputs made of it were ignored (the
 * engine's lostOutputs) is not drawn as a plain delivered.
 * @param {Outcome | ""} o
 * @param {RecordVerdict | null} [verdict]
 */
export function outcome(o, verdict = null) {
  const partial = o === "delivered" && verdict && (verdict.lostOutputs || 0) > 0;
  return h("span", { class: `badge outcome-${o || "none"}${partial ? " outcome-partial" : ""}`, "data-outcome": o || "none", title: outcomeText(o) }, o || "no verdict");
}

/**
 * lostBadge says how much of a record Firehose lost silently, as the
 * engine counts it (the verdict's lostOutputs and lostRows), or null.
 * @param {RecordVerdict | undefined} v
 */
export function lostBadge(v) {
  const lost = (v && v.lostOutputs) || 0;
  if (!v || !(lost > 0)) return null;
  const rows = v.lostRows || 0;
  const text = rows ? `${plural(rows, "row")} lost` : `${plural(lost, "output")} ignored`;
  return h("span", { class: "badge lost", "data-lost-outputs": lost, "data-lost-rows": rows,
    title: `${plural(lost, "output")} made of this record carry a recordId Firehose ignores: ${rows ? `${plural(rows, "row")} of data lost without any error` : "they held no rows"}.` }, text);
}

/**
 * code shows an error code; hovering it says what Firehose does and how
 * sure the playground is (the title), for Firehose's own codes: sure of
 * this verdict, when its confidence is given.
 * @param {string} c
 * @param {Confidence | ""} [verdictConfidence]
 */
export function code(c, cls = "", verdictConfidence = "") {
  const title = codeTitle(c, verdictConfidence);
  return h("code", { class: `${cls}${title ? " has-doc" : ""}`.trim() || null, title: title || null, "data-code": c }, c);
}

/**
 * codeDoc is a small disclosure under a Firehose code saying what Firehose
 * does and how sure we are, for keyboard and touch users (null for other codes).
 * @param {string} c
 * @param {Confidence | ""} [verdictConfidence]
 */
export function codeDoc(c, verdictConfidence = "") {
  const info = codeInfo(c, verdictConfidence);
  if (!info) return null;
  return h("details", { class: "code-doc" },
    h("summary", null, `What Firehose does with ${c}`),
    h("p", null, info.words),
    h("p", { class: "hint" }, `Confidence: ${info.confidence}. ${info.why}`),
  );
}

/**
 * confidence is a badge shown next to every verdict that is not confirmed.
 * @param {Confidence | undefined} c
 */
export function confidence(c) {
  if (!c || c === "confirmed") return null;
  return h("span", { class: `badge confidence confidence-${c}`, title: confidenceText(c) }, `confidence: ${c}`);
}

/**
 * status is a badge for a response record's status (matched, duplicate, ignored).
 * @param {import("../report").OutRecord["status"]} s
 */
export function status(s) {
  const label = s === "ignored" ? "ignored — data lost" : s;
  return h("span", { class: `badge status-${s}`, title: explain(statusCode(s)) || "" }, label);
}

/**
 * errorBlock shows a Firehose error: its code, its real message, what it
 * means in plain words, and the confidence when it is not confirmed.
 * @param {Pick<BatchError, "errorCode" | "errorMessage" | "confidence"> & {attemptsMade?: number}} error
 */
export function errorBlock({ errorCode, errorMessage, confidence: c, attemptsMade }) {
  const words = explain(errorCode);
  return h("div", { class: "error-block" },
    h("p", { class: "error-code" }, code(errorCode, "", c), " ", confidence(c),
      attemptsMade ? h("span", { class: "attempts" }, ` after ${attemptsMade} attempt${attemptsMade === 1 ? "" : "s"}`) : null),
    errorMessage ? h("p", { class: "error-message" }, h("q", null, clip(errorMessage))) : null,
    words ? h("p", { class: "explain" }, words) : null,
    c && c !== "confirmed" ? h("p", { class: "explain confidence-note" }, confidenceText(c)) : null,
  );
}

/**
 * pre shows text as it is, with a note when the engine cut it short.
 * @param {string} text
 * @param {boolean | undefined} truncated
 */
export function pre(text, truncated, cls = "") {
  let shown = text;
  if (text.length > LAZY_OVER) {
    const cut = LAZY_OVER - (/[\uD800-\uDBFF]/.test(text[LAZY_OVER - 1]) ? 1 : 0); // not inside a surrogate pair
    shown = text.slice(0, cut);
  }
  const el = h("pre", { class: `code ${cls}`, tabindex: 0 }, shown);
  if (text.length > LAZY_OVER) whenNear(el, () => { el.textContent = text; });
  return [
    el,
    truncated ? h("p", { class: "hint" }, "Cut short: the full text is too long to show here.") : null,
  ];
}

// LAZY_OVER is how many characters of a text pre shows at once: more than
// its box holds. The rest is laid out when the box comes near the screen (a
// 6 MB event's S3 objects hold 256 KB each, which would cost a results page
// tens of milliseconds of layout wherever they are).
const LAZY_OVER = 16_000;

/**
 * pager shows "from–to of total" with previous / next buttons.
 * onPage(page) is called with the new page number.
 * @param {{page: number, size: number, total: number, label: string, onPage: (page: number) => void}} pager
 */
export function pager({ page, size, total, label, onPage }) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  const first = page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return h("nav", { class: "pager", "aria-label": label },
    h("button", { type: "button", disabled: page <= 0, onclick: () => onPage(page - 1) }, "← Previous"),
    h("span", { class: "pager-pos" }, `${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`),
    h("button", { type: "button", disabled: page >= pages - 1, onclick: () => onPage(page + 1) }, "Next →"),
  );
}

/**
 * copyButton copies text to the clipboard and says so.
 * @param {() => string | null | Promise<string | null>} getText
 */
export function copyButton(getText, label = "Copy") {
  const btn = h("button", { type: "button", class: "copy" }, label);
  btn.addEventListener("click", async () => {
    try {
      const text = await getText(); // a string, or a Promise of one (a document fetched)
      if (typeof text !== "string") throw new Error("gone");
      await navigator.clipboard.writeText(text);
      btn.textContent = "Copied";
    } catch {
      btn.textContent = "Copy failed: select the text and copy it";
    }
    setTimeout(() => { btn.textContent = label; }, 1500);
  });
  return btn;
}
