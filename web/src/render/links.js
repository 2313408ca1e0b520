// Which output records belong to which input record, as the engine reports
// it: an input record's own outputs (record.outputs: those carrying its
// recordId) and the outputs made of it (output.from: the seed writes R1 and
// R2 while processing R; in a pasted response, an output whose recordId is
// a record's with a number appended). Also the findings the engine ties to
// each record, and the report's records and verdicts by index.

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
  const add = (/** @type {number} */ rec, /** @type {number} */ out) => {
    if (rec < 0 || out < 0) return;
    let s = m.get(rec);
    if (!s) m.set(rec, (s = new Set()));
    s.add(out);
  };
  for (const r of report.records) for (const o of r.outputs) add(r.index, o);
  for (const o of report.response ? report.response.records : []) add(o.from, o.index);
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
  for (const o of report.response ? report.response.records : []) m.set(o.index, o);
  byIndex.set(report, m);
  return m;
}

const byIndex = new WeakMap();

const verdicts = new WeakMap();

/**
 * verdictsByIndex maps an input record's index to its verdict.
 * @param {Report} report
 */
export function verdictsByIndex(report) {
  let m = verdicts.get(report);
  if (m) return m;
  m = new Map();
  for (const v of report.verdict.records) m.set(v.index, v);
  verdicts.set(report, m);
  return m;
}

const byRecord = new WeakMap();

/**
 * findingsByRecord maps an input record's index to the findings the engine
 * ties to it (finding.record), in the report's order.
 * @param {Report} report
 * @returns {Map<number, import("../report").Finding[]>}
 */
export function findingsByRecord(report) {
  let m = byRecord.get(report);
  if (m) return m;
  m = new Map();
  for (const f of report.findings) {
    if (f.record < 0) continue;
    const list = m.get(f.record);
    if (list) list.push(f);
    else m.set(f.record, [f]);
  }
  byRecord.set(report, m);
  return m;
}
