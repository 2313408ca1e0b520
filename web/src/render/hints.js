// Hints about the built-in transforms' own limits, shown next to what they
// caused: the blog's seed Lambda reads only records whose data is a JSON
// list, so an ordinary event fails it in a way that says nothing of the
// user's own function.
import { h } from "../dom.js";

/** @typedef {import("../report").Report} Report */

// Errors Python raises when the seed iterates a payload that is not a list
// of objects: a JSON object ('str' object has no attribute 'items'), a
// number ('int' object is not iterable), a string.
const NOT_A_LIST = /has no attribute 'items'|object is not iterable|string indices must be integers/;

/**
 * seedLimit is a banner saying that the seed Lambda failed because a
 * payload is not a JSON list, and what to do instead; null when the report
 * is not that case.
 *   onPreset(name)  choose another transform
 *   onResponse()    go to the response editor
 * @param {Report} report
 * @param {{onPreset: (name: string) => void, onResponse: () => void}} ways
 */
export function seedLimit(report, { onPreset, onResponse }) {
  const err = report.lambda.error;
  if (!err || !/^seed/.test(report.preset) || err.record < 0) return null;
  if (!NOT_A_LIST.test(err.errorMessage)) return null;
  const which = `record ${err.record}`;
  return h("div", { class: "banner hint-banner", "data-kind": "seed-limit" },
    h("p", null, h("strong", null, `This is the ${report.preset} Lambda's limit, not your event's. `),
      `The blog's Lambda only reads records whose data is a JSON list of objects (its producer batched events that way); ${which} holds something else, so its loop raised. `,
      "To see what Firehose does with your records, choose ndjson (one output per record, the correct shape), or check your own function's answer: paste its response."),
    h("p", { class: "ways" },
      h("button", { type: "button", "data-way": "ndjson", onclick: () => onPreset("ndjson") }, "Use ndjson"),
      h("button", { type: "button", "data-way": "response", onclick: onResponse }, "Paste your function's response"),
    ),
  );
}
