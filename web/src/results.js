// The results: the report the engine sent last, shown in every view (the
// summary, the problems, the findings, the records, the response, the S3
// preview and the event), and kept with its documents for the exports; the
// record chosen, a finding picked, the empty state, and whether what is
// shown is the previous input's while a run is going.
import { $ } from "./dom.js";
import { PAGE_SIZE } from "./state.js";
import { renderSummary, renderProblems } from "./render/summary.js";
import { renderFindings } from "./render/findings.js";
import { findingMarks } from "./render/finding.js";
import { renderRecords } from "./render/records.js";
import { renderRecord } from "./render/record.js";
import { renderBodyHead, renderMapping } from "./render/response.js";
import { renderS3, renderEvent } from "./render/s3.js";
import { failureOf, renderError } from "./render/error.js";
import { isEmptyState } from "./render/empty.js";
import { seedLimit } from "./render/hints.js";
import { hasDocument } from "./documents.js";

/** @typedef {import("./report").Report} Report */
/** @typedef {import("./report").DocFetch} DocFetch */
/** @typedef {import("./report").Finding} Finding */
/** @typedef {import("./workspace.js").BodyView} BodyView */

/**
 * createResults shows reports.
 *   workspace   the editors (workspace.js)
 *   own         the user's own function (ownfn.js)
 *   status      the status line (status.js)
 *   version()   the engine's version
 *   runSoon(ms) run again (another page of records is asked for)
 *   accept()    whether a report that arrived is the one asked for (runner.js)
 *   onPreset(name)  choose another transform (a hint's button)
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, workspace: ReturnType<typeof import("./workspace.js").createWorkspace>,
 *   own: ReturnType<typeof import("./ownfn.js").createOwnFunction>, status: ReturnType<typeof import("./status.js").createStatus>,
 *   version: () => string, runSoon: (ms: number) => void, accept: () => boolean, onPreset: (name: string) => void}} deps
 */
export function createResults({ store, workspace, own, status, version, runSoon, accept, onPreset }) {
  /** @type {Report | null} */
  let report = null; // the last report shown
  /** @type {DocFetch | null} */
  let reportDoc = null; // doc(name) of the report shown: its documents (see engine.js)
  const results = $("results");
  const errorPanel = $("engine-error");
  const staleNote = $("stale-note");
  const emptyBox = $("empty-state");
  const views = {
    summary: $("summary"), problems: $("problems"), findings: $("findings"), findingsCount: $("findings-count"),
    records: $("records"), recordsCount: $("records-count"), record: $("record"), bodyHead: $("body-head"),
    mapping: $("mapping"), s3: $("s3"), eventPanel: $("event-panel"), event: $("event"),
  };
  const handlers = { where: workspace.where, onPick: pickFinding, onShow: workspace.showRange };
  /** @type {WeakSet<import("./report").InputRecord>} */
  const fetching = new WeakSet(); // records whose details are on their way

  /**
   * markStale says whether the results shown are the previous input's.
   * @param {boolean} stale
   */
  function markStale(stale) {
    staleNote.hidden = !stale;
    staleNote.textContent = stale ? "Running on the new input: the results below are the previous input's." : "";
    if (stale) results.dataset.stale = "true";
    else delete results.dataset.stale;
  }

  function countRun() {
    document.documentElement.dataset.runs = String(Number(document.documentElement.dataset.runs || 0) + 1);
  }

  /**
   * show shows a result of the engine (engine.js's onResult).
   * @param {{report: Report, body: Promise<BodyView>, elapsed: number, doc: DocFetch}} result
   */
  function show({ report: rep, body, elapsed, doc }) {
    if (!accept()) return;
    report = rep;
    // The results are the new input's from here on, while the body may
    // still be laid out (the run is busy until it is).
    markStale(false);
    reportDoc = doc;
    if (showEmpty(isEmptyState(store.get()))) {
      countRun();
      return;
    }
    if (!own.active(store.get())) own.hideLogs();
    document.documentElement.dataset.version = version();
    $("version").textContent = version() ? `— engine ${version()}` : "";
    const s = store.get();
    const win = rep.window;
    if (win.total > 0 && win.count === 0) {
      // The input shrank below the page shown: show the first page instead.
      store.set({ selected: 0, page: 0 });
      runSoon(0);
    } else if (s.selected >= win.total && win.total > 0) {
      store.set({ selected: win.from });
    }
    const failure = failureOf(rep);
    renderError(errorPanel, failure, { version: version() });
    if (failure) status.set("The engine failed on this run: see the error panel.", "bad");
    else if (status.is("bad") || status.is("cancelled")) status.set("");

    renderSummary(views.summary, rep, elapsed, own.active(s) ? `the response of your ${s.preset === "python" ? "Python" : "Node.js"} function` : undefined);
    renderProblems(views.problems, rep);
    const limit = seedLimit(rep, { onPreset, onResponse: workspace.goToResponse });
    if (limit) views.problems.prepend(limit);
    const marks = findingMarks(rep.findings, workspace.where);
    workspace.showMarks(marks);
    renderFindings(views.findings, views.findingsCount, rep.findings, handlers);
    drawRecords();
    renderBodyHead(views.bodyHead, rep, workspace.pasted(), doc);
    // No body (the function raised, or nothing ran): no empty editor either.
    $("body-editor").hidden = !hasDocument(rep, "body");
    renderMapping(views.mapping, rep, { onShow: workspace.showRange, onSelect: selectRecord });
    renderS3(views.s3, rep);
    renderEvent(views.eventPanel, views.event, rep, doc);
    countRun();

    body.then((view) => {
      if (report === rep) workspace.showBody(view, marks);
    });
  }

  function drawRecords() {
    if (!report) return;
    const s = store.get();
    renderRecords(views.records, views.recordsCount, report, {
      selected: s.selected, pageSize: PAGE_SIZE, onSelect: selectRecord,
      onPage: (/** @type {number} */ p) => { store.set({ page: p, selected: p * PAGE_SIZE }); runSoon(0); },
    });
    renderRecord(views.record, report, s.selected, handlers);
    fetchDetails(report, s.selected);
  }

  /**
   * fetchDetails asks the worker for the details it holds of record i of
   * rep (its decoded text and rows, its outputs' decoded data: see
   * worker.js), fills them in, and shows the record again if it is still
   * the one shown.
   * @param {Report} rep
   * @param {number} i
   */
  function fetchDetails(rep, i) {
    const rec = rep.records.find((r) => r.index === i);
    const doc = reportDoc;
    if (!rec || !rec.held || rec.gone || !doc || fetching.has(rec)) return;
    fetching.add(rec);
    doc(`record/${i}`).then((text) => {
      fetching.delete(rec);
      if (!rec.held) return;
      if (text === null) {
        rec.gone = true;
        if (report === rep && store.get().selected === i) renderRecord(views.record, rep, i, handlers);
        return;
      }
      /** @type {import("./report").RecordDetails} */
      const details = JSON.parse(text);
      rec.decoded = details.decoded;
      rec.rows = details.rows;
      rec.held = false;
      if (rep.response) {
        for (const o of rep.response.records) {
          if (o.held && o.index in details.outputs) {
            o.decoded = details.outputs[o.index];
            o.held = false;
          }
        }
      }
      if (report === rep && store.get().selected === i) renderRecord(views.record, rep, i, handlers);
    });
  }

  /**
   * selectRecord shows record i; the engine is asked for its page when it is not in the report.
   * @param {number} i
   */
  function selectRecord(i) {
    const win = report && report.window;
    const hadFocus = views.records.contains(document.activeElement);
    store.set({ selected: i });
    if (win && (i < win.from || i >= win.from + win.count)) {
      store.set({ page: Math.floor(i / PAGE_SIZE) });
      runSoon(0);
    }
    drawRecords();
    const btn = /** @type {HTMLElement | null} */ (views.records.querySelector(`button[data-index="${i}"]`));
    if (btn && hadFocus) btn.focus();
  }

  /** @param {import("./render/finding.js").Span & {record: number}} f */
  function pickFinding(f) {
    if (f.record >= 0) selectRecord(f.record);
    workspace.showRange(f.doc, f.start, f.end);
  }

  /**
   * showEmpty shows the empty state instead of the results when empty is
   * true (nothing is judged, so nothing is marked in the editors); it
   * returns empty.
   * @param {boolean} empty
   */
  function showEmpty(empty) {
    emptyBox.hidden = !empty;
    if (empty) {
      results.dataset.empty = "true";
      workspace.showMarks(null);
      renderError(errorPanel, null, { version: version() });
    } else {
      delete results.dataset.empty;
    }
    return empty;
  }

  return {
    show,
    /**
     * error shows that the engine failed on a run (engine.js's onError).
     * @param {{kind?: string, message?: string}} e
     */
    error(e) {
      status.set("The engine failed on this run: see the error panel.", "bad");
      renderError(errorPanel, { kind: e.kind || "crash", code: "", message: e.message || String(e) }, { version: version() });
    },
    /**
     * busy says a run is going or not; newRun, that it is of another state
     * than the one shown (the results shown are then the previous input's,
     * and look it; not when only another page of records was asked for).
     * @param {boolean} busy
     * @param {boolean} newRun
     */
    busy(busy, newRun) {
      results.setAttribute("aria-busy", busy ? "true" : "false");
      markStale(busy && !!report && results.dataset.empty !== "true" && newRun);
      if (busy) {
        status.set("Running…", "busy");
      } else if (status.is("busy")) {
        status.set("");
      }
    },
    /** report is the report shown, or null. */
    report: () => report,
    /** doc is doc(name) of the report shown. */
    doc: () => reportDoc,
    /** isEvent says whether the input is read as an event (as far as the report shown says). */
    isEvent: () => !report || report.inputKind === "event",
  };
}
