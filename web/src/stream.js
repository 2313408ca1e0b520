// The "Delivery stream" panel: the stream's settings that change the
// verdict and the S3 preview (prefixes, names, NumberOfRetries, the layout
// of processing-failed lines, AppendDelimiterToRecord). They are part of
// the state and go to the engine as request.firehose.
import { $ } from "./dom.js";
import { DEFAULT_FIREHOSE } from "./state.js";

/** @typedef {import("./state.js").Firehose} Firehose */

const texts = { prefix: "fh-prefix", errorPrefix: "fh-error-prefix", streamName: "fh-stream", lambdaArn: "fh-lambda" };

/**
 * bindStream wires the panel. onChange(patch, ms) is called with a patch
 * of state.firehose and how long to wait before running (typing waits).
 * Returns sync(firehose), which shows the settings of a state.
 * @param {{onChange: (patch: Partial<Firehose>, ms: number) => void}} handlers
 */
export function bindStream({ onChange }) {
  const box = $("stream-box");
  const summary = $("stream-summary");
  const els = Object.fromEntries(Object.entries(texts).map(([k, id]) => [k, $(id)]));
  const retries = $("fh-retries");
  const layout = $("fh-layout");
  const delimiter = $("append-delimiter");

  for (const [k, el] of Object.entries(els)) {
    el.addEventListener("input", () => onChange({ [k]: el.value }, 250));
  }
  retries.addEventListener("input", () => {
    const v = retries.value.trim();
    const n = Number(v);
    if (v === "") onChange({ retries: null }, 250);
    else if (Number.isInteger(n) && n >= 0 && n <= 300) onChange({ retries: n }, 250);
  });
  layout.addEventListener("change", () => onChange({ errorLayout: layout.value }, 0));
  delimiter.addEventListener("change", () => onChange({ appendDelimiter: delimiter.checked }, 0));

  /**
   * @param {Firehose} f
   * @param {{open?: boolean}} [how]
   */
  return function sync(f, { open = false } = {}) {
    for (const [k, el] of Object.entries(els)) {
      const v = f[/** @type {keyof typeof texts} */ (k)];
      if (el.value !== v) el.value = v;
    }
    const r = f.retries == null ? "" : String(f.retries);
    if (retries.value !== r && !(document.activeElement === retries && Number(retries.value) === f.retries)) retries.value = r;
    layout.value = f.errorLayout;
    delimiter.checked = !!f.appendDelimiter;
    const changed = describe(f);
    summary.textContent = changed.length ? changed.join(", ") : "Firehose's defaults";
    if (open && changed.length) box.open = true;
  };
}

/**
 * describe names the settings that differ from Firehose's defaults.
 * @param {Firehose} f
 */
function describe(f) {
  const out = [];
  if (f.prefix) out.push(`prefix ${f.prefix}`);
  if (f.errorPrefix) out.push(`error prefix ${f.errorPrefix}`);
  if (f.streamName) out.push(`stream ${f.streamName}`);
  if (f.lambdaArn) out.push("Lambda ARN set");
  if (f.retries != null) out.push(`${f.retries} retries`);
  if (f.errorLayout !== DEFAULT_FIREHOSE.errorLayout) out.push(`${f.errorLayout} layout`);
  if (f.appendDelimiter) out.push("AppendDelimiterToRecord");
  return out;
}
