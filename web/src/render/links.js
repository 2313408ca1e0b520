// Which output records belong to which input record, as the engine reports
// it: an input record's own outputs (those carrying its recordId), the
// outputs the function wrote while processing it (output.from: the seed
// writes R1 and R2 while processing R), and those a finding ties to it.

/** @typedef {import("../report").Report} Report */

const cache = new WeakMap();

/**
 * outputLinks returns, for a report, a Map from input record index to the
 * sorted indexes of the output records tied to it.
 * @param {Report} report
 */
export function outputLinks(report) {
  let m = cache.get(report);
  if (m) return m;
  m = new Map();
  const add = (rec, out) => {
    if (rec < 0 || out < 0) return;
    let s = m.get(rec);
    if (!s) m.set(rec, (s = new Set()));
    s.add(out);
  };
  for (const r of report.records || []) for (const o of r.outputs || []) add(r.index, o);
  for (const o of (report.response && report.response.records) || []) {
    if (typeof o.from === "number") add(o.from, o.index);
  }
  for (const f of report.findings || []) {
    if (typeof f.record === "number" && typeof f.output === "number") add(f.record, f.output);
  }
  const sorted = new Map();
  for (const [k, s] of m) sorted.set(k, [...s].sort((a, b) => a - b));
  cache.set(report, sorted);
  return sorted;
}

/**
 * outputsByIndex maps a response record's index to it.
 * @param {Report} report
 */
export function outputsByIndex(report) {
  let m = byIndex.get(report);
  if (m) return m;
  m = new Map();
  for (const o of (report.response && report.response.records) || []) m.set(o.index, o);
  byIndex.set(report, m);
  return m;
}

const byIndex = new WeakMap();

/**
 * windowOf is the range of records the report describes in full; a report
 * without a window describes all its records.
 * @param {Report} report
 */
export function windowOf(report) {
  const w = report.window;
  if (w && typeof w.total === "number") return w;
  const n = (report.records || []).length;
  return { from: 0, count: n, total: (report.stats && report.stats.records) || n };
}

const verdicts = new WeakMap();

/**
 * verdictsByIndex maps an input record's index to its verdict.
 * @param {Report} report
 */
export function verdictsByIndex(report) {
  let m = verdicts.get(report);
  if (m) return m;
  m = new Map();
  const from = windowOf(report).from;
  ((report.verdict && report.verdict.records) || []).forEach((v, k) => {
    m.set(typeof v.index === "number" ? v.index : from + k, v);
  });
  verdicts.set(report, m);
  return m;
}
