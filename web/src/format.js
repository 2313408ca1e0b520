// Numbers and sizes for people.

const nf = new Intl.NumberFormat("en");

/**
 * n formats an integer with thousands separators.
 * @param {number | undefined} x
 */
export function n(x) {
  return nf.format(x || 0);
}

/**
 * bytes formats a size: 512 B, 12.3 KiB, 7.3 MiB. Binary units, one
 * decimal, as the engine writes sizes in its findings, so a figure reads
 * the same on a card and in a message.
 * @param {number | undefined} x
 */
export function bytes(x) {
  x = x || 0;
  if (x < 1024) return `${x} B`;
  if (x < 1024 * 1024) return `${(x / 1024).toFixed(1)} KiB`;
  return `${(x / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * ms formats microseconds as milliseconds.
 * @param {number | undefined} micros
 */
export function ms(micros) {
  const v = (micros || 0) / 1000;
  return v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`;
}

/**
 * plural: plural(3, "record") → "3 records".
 * @param {number} x
 * @param {string} word
 */
export function plural(x, word, many = word + "s") {
  return `${n(x)} ${x === 1 ? word : many}`;
}

/**
 * timestamp formats epoch milliseconds as ISO 8601 (UTC), or "" when absent.
 * @param {number} msEpoch
 */
export function timestamp(msEpoch) {
  if (!msEpoch) return "";
  const d = new Date(msEpoch);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}
