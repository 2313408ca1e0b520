// The error panel: shown when the engine itself failed (it panicked, could
// not read the page's request or encode its report, its worker crashed or
// got stuck, or it could not be loaded), as opposed to the input having
// problems, which are findings. It says what happened, shows the message as
// text, offers the details to copy, and says the page keeps working. The
// next successful run hides it.
import { h, replace } from "../dom.js";
import { copyButton } from "./common.js";
import { failureOf as codeFailure } from "../catalog.js";

/** @typedef {import("../report").Report} Report */
/** @typedef {{kind: string, code: string, message: string}} Failure what failed: a kind of WHAT, the finding's code, the message */

const WHAT = {
  panic: {
    title: "The engine failed on this input",
    words: "The engine hit a bug (a Go panic) while running on this input, and stopped that run.",
  },
  encode: {
    title: "The engine could not write its report",
    words: "The engine ran, but its report could not be encoded.",
  },
  request: {
    title: "The engine could not read the page's request",
    words: "The page sent the engine a request it could not read.",
  },
  crash: {
    title: "The engine's worker stopped",
    words: "The worker that runs the engine failed during this run (it may have run out of memory or of stack).",
  },
  timeout: {
    title: "The run took too long",
    words: "The engine did not answer in time, so its worker was stopped.",
  },
  load: {
    title: "The engine could not be loaded",
    words: "The page could not load or start the engine (firehose.wasm).",
  },
};

/**
 * failureOf returns what a report says about the engine failing, as
 * {kind, code, message}, or null when the engine worked (whatever the
 * input's problems).
 * @param {Report} report
 */
export function failureOf(report) {
  for (const f of report.findings) {
    const kind = codeFailure(f.code); // the catalog marks the codes that say the engine failed
    if (kind) return { kind, code: f.code, message: String(f.message || "") };
  }
  return null;
}

/**
 * renderError shows failure ({kind, code, message}) in el, or hides el
 * when failure is null. version is the engine's version, for the details.
 * @param {HTMLElement} el
 * @param {Failure | null} failure
 * @param {{version?: string}} [about]
 */
export function renderError(el, failure, { version = "" } = {}) {
  if (!failure) {
    el.hidden = true;
    delete el.dataset.kind;
    replace(el);
    return;
  }
  const what = WHAT[/** @type {keyof typeof WHAT} */ (failure.kind)] || WHAT.crash;
  const next = failure.kind === "load"
    ? "Run again to try loading it again; if it keeps failing, reload the page."
    : "The page keeps working: the next run uses a fresh engine. Your input is still here.";
  const details = [
    `Firehose Playground${version ? `, engine ${version}` : ""}`,
    `${what.title}${failure.code ? ` (${failure.code})` : ""}`,
    "",
    failure.message,
  ].join("\n");
  el.hidden = false;
  el.dataset.kind = failure.kind;
  replace(el,
    h("h3", null, what.title),
    h("p", null, what.words, " ", next),
    h("pre", { class: "code error-message", tabindex: 0 }, failure.message),
    h("p", { class: "actions" },
      copyButton(() => details, "Copy details"),
      h("button", { type: "button", class: "dismiss", onclick: () => { el.hidden = true; } }, "Close"),
    ),
  );
}
