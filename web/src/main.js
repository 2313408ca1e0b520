// Wiring: the state, the editors, the engine and the views. The page only
// renders what the engine reports.
import { $ } from "./dom.js";
import { createStore, defaultState, sameRun, toRequest, isOwn, PAGE_SIZE } from "./state.js";
import { setCatalog, termsOf, whenCatalog } from "./catalog.js";
import { LANGUAGES } from "./runtimes/languages.js";
import { createEngine } from "./engine.js";
import { createEditor } from "./editors.js";
import { mapOffset } from "./pretty.js";
import { renderSummary, renderProblems } from "./render/summary.js";
import { renderFindings } from "./render/findings.js";
import { findingMarks } from "./render/finding.js";
import { renderRecords } from "./render/records.js";
import { renderRecord } from "./render/record.js";
import { renderBodyHead, renderMapping } from "./render/response.js";
import { renderS3, renderEvent } from "./render/s3.js";
import { failureOf, renderError } from "./render/error.js";
import { isEmptyState, renderEmpty } from "./render/empty.js";
import { seedLimit } from "./render/hints.js";
import { examples, exampleState, loadExample, renderGallery, markCurrent } from "./gallery.js";
import { bindStream } from "./stream.js";
import { bindSharing } from "./sharebar.js";
import { createSession } from "./session.js";
import { createExportPanel } from "./exportpanel.js";
import { hasDocument } from "./documents.js";
import { decodeFragment, isShareFragment, shareable } from "./share.js";
import { createOwnFunction } from "./ownfn.js";
import defaultExample from "../examples/02-seed-loses-rows.json";

const DEFAULT_EXAMPLE = "02-seed-loses-rows.json";
// The gallery entry of the default example (the gallery's list loads when it is opened).
const defaultEntry = { file: DEFAULT_EXAMPLE, title: defaultExample.title, description: defaultExample.description };
const session = createSession({
  onDropped: (chars) => {
    $("session-status").textContent =
      `Your input is too large to keep in this browser (${chars.toLocaleString("en-US")} characters): your next visit restores the settings only.`;
  },
});

// Where the first state comes from: a link's fragment wins over the saved
// session, which wins over the default example. The first two are decoded
// asynchronously: the page starts empty and shows them when they are read.
const pending = isShareFragment(location.hash) ? "link" : session.hasSaved() && session.remember() ? "session" : "";
const store = createStore(pending ? defaultState("") : withExample(exampleState(defaultExample), defaultEntry));
let report = null; // the last report shown
let bodyView = null; // the pretty body shown, with its offset map
let shownBody = null; // the pretty body text shown
let reportDoc = null; // doc(name) of the report shown: its documents (see engine.js)

// ---- controls ------------------------------------------------------------

const presetSel = $("preset");
const kindSel = $("input-kind");
// fillChoices offers the presets and input kinds the engine describes, and
// the languages the page runs the user's own function in.
function fillChoices() {
  presetSel.replaceChildren(...termsOf("presets").map((p) => new Option(p.label, p.name)),
    ...Object.entries(LANGUAGES).map(([name, l]) => new Option(`Your ${l.label} function`, name)));
  kindSel.replaceChildren(...termsOf("inputKinds").map((k) => new Option(k.label, k.name)));
  syncControls(store.get());
}
const opt = {
  separator: $("opt-separator"), maxDepth: $("opt-depth"), arrays: $("opt-arrays"), values: $("opt-values"),
};
const syncStream = bindStream({
  onChange: (patch, ms) => { store.set({ firehose: patch }); syncStream(store.get().firehose); runSoon(ms); },
});

function syncControls(s) {
  presetSel.value = s.preset;
  kindSel.value = s.inputKind;
  opt.separator.value = s.options.separator;
  opt.maxDepth.value = String(s.options.maxDepth);
  opt.arrays.value = s.options.arrays;
  opt.values.value = s.options.values;
  $("ndjson-options").hidden = s.preset !== "ndjson";
  syncStream(s.firehose);
  own.sync(s);
}
const own = createOwnFunction({
  store, presetSel, onRun: (ms) => runSoon(ms), onEdit: () => userEdit(),
  engineRun: (req) => engine.run(req), session,
});
syncControls(store.get());

presetSel.addEventListener("change", () => {
  if (presetSel.value === own.PASTED) return;
  if (store.get().response.trim() !== "") {
    // Choosing a transform sets the pasted response aside (Ctrl/Cmd+Z in its editor brings it back).
    responseEd.replaceText("");
    store.set({ response: "" });
  }
  own.choose(presetSel.value);
  syncControls(store.get());
  runSoon(0);
});
kindSel.addEventListener("change", () => { store.set({ inputKind: kindSel.value }); runSoon(0); });
for (const [key, el] of Object.entries(opt)) {
  el.addEventListener(el.tagName === "SELECT" ? "change" : "input", () => {
    const v = key === "maxDepth" ? Math.max(0, Math.floor(Number(el.value) || 0)) : el.value;
    store.set({ options: { [key]: v } });
    runSoon(el.tagName === "SELECT" ? 0 : 250);
  });
}
$("controls").addEventListener("submit", (ev) => { ev.preventDefault(); runNow(); });

const uaData = /** @type {any} */ (navigator).userAgentData; // not in every browser, nor in TypeScript's DOM
const isMac = /Mac|iPhone|iPad/.test((uaData && uaData.platform) || navigator.platform || "");
$("run-shortcut").textContent = isMac ? "⌘+Enter" : "Ctrl+Enter";
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) {
    ev.preventDefault();
    runNow();
  }
});

// ---- editors -------------------------------------------------------------

// edits counts the user's changes to the editors; requested is the count
// the last run was made with. A report on text the user has changed since is
// stale: its ranges no longer fit, and a newer run is already scheduled.
let edits = 0;
let requested = 0;


const inputEd = createEditor({
  parent: $("input-editor"), label: "Firehose input", doc: store.get().input,
  docs: "event", docsWhen: () => !report || report.inputKind === "event",
  placeholder: "Paste a Firehose event, base64 records (one a line) or JSON payloads",
  onChange: ({ paste, whole }) => { userEdit({ whole }); runSoon(paste ? 0 : debounceFor(inputEd.view.state.doc.length)); },
  onRun: () => runNow(),
});
const responseEd = createEditor({
  parent: $("response-editor"), label: "Lambda response", doc: store.get().response, docs: "response",
  placeholder: 'Paste your function\'s response: {"records": [{"recordId": "…", "result": "Ok", "data": "…"}]}',
  onChange: ({ paste }) => { userEdit(); syncSource(); runSoon(paste ? 0 : debounceFor(responseEd.view.state.doc.length)); },
  onRun: () => runSoon(0),
});
const bodyEd = createEditor({ parent: $("body-editor"), label: "Lambda response body (read-only)", readOnly: true, docs: "response", onRun: () => runSoon(0) });
if (store.get().response) $("response-box").open = true;
$("response-clear").addEventListener("click", () => { userEdit(); responseEd.setText(""); runSoon(0); });

/** syncSource shows at once, in the select, whether a pasted response is what the page checks. */
function syncSource() {
  const d = responseEd.view.state.doc;
  const pasted = /\S/.test(d.sliceString(0, Math.min(d.length, 4096))) || (d.length > 4096 && responseEd.getText().trim() !== "");
  if (pasted !== (store.get().response.trim() !== "")) {
    store.set({ response: pasted ? responseEd.getText() : "" });
    own.sync(store.get());
  }
}

function debounceFor(length) {
  return length > 1_000_000 ? 600 : length > 100_000 ? 400 : 250;
}

// ---- running ---------------------------------------------------------------

const status = $("status");
const results = $("results");
const errorPanel = $("engine-error");
const cancelBtn = $("cancel");
const staleNote = $("stale-note");

// markStale says whether the results shown are the previous input's.
function markStale(stale) {
  staleNote.hidden = !stale;
  staleNote.textContent = stale ? "Running on the new input: the results below are the previous input's." : "";
  if (stale) results.dataset.stale = "true";
  else delete results.dataset.stale;
}

function setStatus(text, cls = "") {
  status.textContent = text;
  status.className = `status ${cls}`.trim();
}

const engine = createEngine({
  onCatalog: (d) => { setCatalog(d); if (d) fillChoices(); },
  onResult: show,
  onError: (e) => {
    setStatus("The engine failed on this run: see the error panel.", "bad");
    renderError(errorPanel, { kind: e.kind || "crash", code: "", message: e.message || String(e) }, { version: engine.version() });
  },
  onBusy: (busy) => {
    results.setAttribute("aria-busy", busy ? "true" : "false");
    // A run can be stopped as soon as it starts; the results shown until
    // it ends are the previous input's, and look it (not when only another
    // page of records was asked for).
    cancelBtn.hidden = !busy;
    markStale(busy && !!report && results.dataset.empty !== "true" && !sameRun(requestedState, shownState));
    if (busy) {
      setStatus("Running…", "busy");
    } else if (status.classList.contains("busy")) {
      setStatus("");
    }
  },
});

/** cancel stops the run going, if any; the engine keeps a fresh worker ready. */
function cancel() {
  const fn = own.cancel();
  if (!engine.cancel() && !fn) return false;
  // The controls go back to what the results shown were made with.
  if (shownState) {
    store.set({ preset: shownState.preset, inputKind: shownState.inputKind, options: shownState.options, firehose: shownState.firehose });
    syncControls(store.get());
  }
  setStatus("Cancelled: the results shown are from the run before. The engine is ready for the next run.", "cancelled");
  return true;
}
cancelBtn.addEventListener("click", () => {
  const hadFocus = document.activeElement === cancelBtn;
  cancel();
  if (hadFocus) $("run").focus(); // the button hides: keep the keyboard near it
});
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && !ev.defaultPrevented && cancel()) {
    ev.preventDefault();
  }
});

/**
 * runSoon runs the engine on the current state after ms of quiet; with the
 * user's function as the transform, the function runs first.
 */
function runSoon(ms) {
  engine.schedule(() => {
    requested = edits;
    store.set({ input: inputEd.getText(), response: responseEd.getText() });
    requestedState = store.get();
    own.sync(requestedState);
    return own.active(requestedState) ? own.request(requestedState, toRequest) : toRequest(requestedState);
  }, ms);
}
let requestedState = null; // the state of the last run asked for
let shownState = null; // the state of the report shown

/** runNow is Run: code that came from elsewhere may run from now on. */
function runNow() {
  own.arm();
  runSoon(0);
}

// ---- results ---------------------------------------------------------------

const views = {
  summary: $("summary"), problems: $("problems"), findings: $("findings"), findingsCount: $("findings-count"),
  records: $("records"), recordsCount: $("records-count"), record: $("record"), bodyHead: $("body-head"),
  mapping: $("mapping"), s3: $("s3"), eventPanel: $("event-panel"), event: $("event"),
};

function pasted() {
  return store.get().response.trim() !== "";
}

function show({ report: rep, body, elapsed, doc }) {
  if (requested !== edits) return; // stale: see edits
  report = rep;
  // The results are the new input's from here on, while the body may
  // still be laid out (the run is busy until it is).
  markStale(false);
  reportDoc = doc;
  shownState = requestedState;
  if (showEmpty(isEmptyState(store.get()))) {
    document.documentElement.dataset.runs = String(Number(document.documentElement.dataset.runs || 0) + 1);
    return;
  }
  if (!own.active(store.get())) own.hideLogs();
  document.documentElement.dataset.version = engine.version();
  $("version").textContent = engine.version() ? `— engine ${engine.version()}` : "";
  const s = store.get();
  const win = rep.window;
  if (win.total > 0 && win.count === 0) {
    // The input shrank below the page shown: show the first page instead.
    store.set({ selected: 0, page: 0 });
    runSoon(0);
  } else if (s.selected >= win.total && win.total > 0) {
    store.set({ selected: win.from });
  }
  const findings = rep.findings;
  const failure = failureOf(rep);
  renderError(errorPanel, failure, { version: engine.version() });
  if (failure) setStatus("The engine failed on this run: see the error panel.", "bad");
  else if (status.classList.contains("bad") || status.classList.contains("cancelled")) setStatus("");

  renderSummary(views.summary, rep, elapsed, own.active(s) ? `the response of your ${s.preset === "python" ? "Python" : "Node.js"} function` : undefined);
  renderProblems(views.problems, rep);
  const limit = seedLimit(rep, { onPreset: choosePreset, onResponse: goToResponse });
  if (limit) views.problems.prepend(limit);
  const marks = findingMarks(findings, where);
  inputEd.setFindings(marks.filter((f) => f.doc !== "response"));
  responseEd.setFindings(pasted() ? marks.filter((f) => f.doc === "response") : []);
  renderFindings(views.findings, views.findingsCount, findings, { where, onPick: pickFinding });
  drawRecords();
  renderBodyHead(views.bodyHead, rep, pasted(), doc);
  // No body (the function raised, or nothing ran): no empty editor either.
  $("body-editor").hidden = !hasDocument(rep, "body");
  renderMapping(views.mapping, rep, { onShow: showRange, onSelect: selectRecord });
  renderS3(views.s3, rep);
  renderEvent(views.eventPanel, views.event, rep, doc);
  document.documentElement.dataset.runs = String(Number(document.documentElement.dataset.runs || 0) + 1);

  body.then((view) => {
    if (report !== rep) return;
    const text = view ? view.text : null;
    if (text !== shownBody) {
      shownBody = text;
      bodyView = view;
      bodyEd.setText(view ? view.text : "");
    }
    bodyEd.setFindings(bodyView ? marks.filter((f) => f.doc === "response") : [], (o) => mapOffset(bodyView, o));
  });
}

function drawRecords() {
  const s = store.get();
  renderRecords(views.records, views.recordsCount, report, {
    selected: s.selected, pageSize: PAGE_SIZE, onSelect: selectRecord,
    onPage: (p) => { store.set({ page: p, selected: p * PAGE_SIZE }); runSoon(0); },
  });
  renderRecord(views.record, report, s.selected, { onShow: showRange, where, onPick: pickFinding });
}

/** selectRecord shows record i; the engine is asked for its page when it is not in the report. */
function selectRecord(i) {
  const win = report && report.window;
  const hadFocus = views.records.contains(document.activeElement);
  store.set({ selected: i });
  if (win && (i < win.from || i >= win.from + win.count)) {
    store.set({ page: Math.floor(i / PAGE_SIZE) });
    runSoon(0);
  }
  drawRecords();
  const btn = views.records.querySelector(`button[data-index="${i}"]`);
  if (btn && hadFocus) btn.focus();
}

/** showRange selects a range of a document in the editor that shows it. */
function showRange(doc, start, end) {
  if (doc !== "response") {
    inputEd.select(start, end);
  } else if (pasted()) {
    $("response-box").open = true;
    responseEd.select(start, end);
  } else {
    if (bodyView) bodyEd.select(mapOffset(bodyView, start), mapOffset(bodyView, end));
  }
}

function pickFinding(f) {
  if (f.record >= 0) selectRecord(f.record);
  showRange(f.doc, f.start, f.end);
}

/** where says in words where a finding is. */
function where(f) {
  if (f.doc === "response") {
    if (!pasted()) return "response body";
    const d = responseEd.view.state.doc;
    return `response, line ${d.lineAt(Math.min(Math.max(0, f.start), d.length)).number}`;
  }
  const d = inputEd.view.state.doc;
  return `input, line ${d.lineAt(Math.min(Math.max(0, f.start), d.length)).number}`;
}

// ---- states from elsewhere: examples, links, repro files, the session --------

const galleryBox = $("gallery-box");
const gallery = $("gallery");
let picking = 0; // the latest example asked for; earlier ones arriving late are dropped

let galleryShown = null; // a Promise once the list is asked for

/** showGallery loads the gallery's list and lists it (once); a Promise. */
function showGallery() {
  if (!galleryShown) {
    galleryShown = examples().then((list) => {
      const ex = store.get().example;
      renderGallery(gallery, list, { current: ex && !ex.edited ? ex.file : null, onPick: pickExample });
    }, (e) => {
      galleryShown = null;
      sharing.notice(`The examples could not be loaded: ${e.message || e}.`);
    });
  }
  return galleryShown;
}
galleryBox.addEventListener("toggle", () => { if (galleryBox.open) showGallery(); });

async function pickExample(file) {
  const mine = ++picking;
  setStatus("Loading the example…", "busy");
  let loaded;
  try {
    loaded = await loadExample(file);
  } catch (e) {
    if (mine === picking) sharing.notice(`The example could not be loaded: ${e.message || e}.`);
    return;
  } finally {
    if (mine === picking && status.textContent === "Loading the example…") setStatus("");
  }
  if (mine !== picking) return;
  galleryBox.open = false; // out of the way of what it loaded
  applyState(loaded.state, { example: loaded.entry });
}

/** withExample is state s marked as coming from a gallery entry (unedited). */
function withExample(s, entry) {
  return { ...s, example: entry ? { file: entry.file, title: entry.title, description: entry.description, edited: false } : null };
}

/**
 * showExample shows which example the page holds and what it teaches, or
 * that it was changed from it; or hides the note.
 */
function showExample(ex) {
  const note = $("example-note");
  note.hidden = !ex;
  if (ex) {
    note.dataset.example = ex.file;
    if (ex.edited) note.dataset.edited = "true";
    else delete note.dataset.edited;
    note.querySelector(".example-title .hint").textContent = ex.edited ? "Changed from the example: " : "Example: ";
    $("example-title").textContent = ex.title;
    $("example-desc").textContent = ex.description;
  } else {
    delete note.dataset.example;
    delete note.dataset.edited;
  }
  markCurrent(gallery, ex && !ex.edited ? ex.file : null);
}

/**
 * userEdit counts a change the user made to an editor; the example the page
 * held is then only where the text came from, and once the whole input is
 * replaced, not even that: its note goes, and the records list starts over.
 */
function userEdit({ whole = false } = {}) {
  edits++;
  if (whole) store.set({ page: 0, selected: 0 });
  const ex = store.get().example;
  if (!ex || (ex.edited && !whole)) return;
  store.set({ example: whole ? null : { ...ex, edited: true } });
  showExample(store.get().example);
}

/**
 * applyState shows a whole state: the controls, both editors (Ctrl/Cmd+Z
 * brings the old text back), and runs it. example is the gallery entry it
 * comes from, if any.
 * @param {import("./state.js").State} s
 * @param {{example?: {file: string, title: string, description: string} | null, source?: string}} [how]
 */
function applyState(s, { example = null, source = "" } = {}) {
  picking++;
  edits++;
  if (example) s = withExample(s, example);
  if (source === "link") sharing.linked(s); // before the change, which would drop the fragment
  store.set({ ...s });
  const now = store.get();
  // Code from a link, a repro file or a saved session waits for Run.
  if (isOwn(now.preset) && ["link", "repro", "session"].includes(source)) own.disarm(source, now);
  else if (isOwn(now.preset) && example) own.fromExample();
  else own.arm();
  syncControls(now);
  syncStream(now.firehose, { open: true });
  inputEd.replaceText(now.input);
  responseEd.replaceText(now.response);
  if (now.response.trim() !== "") $("response-box").open = true;
  showExample(now.example);
  sharing.restored(source);
  runSoon(0);
}

/** dropText puts the text of a file dropped on an editor into that editor. */
function dropText(el, text) {
  const ed = responseEd.view.dom.contains(el) ? responseEd : inputEd.view.dom.contains(el) ? inputEd : null;
  if (!ed) return;
  userEdit({ whole: ed === inputEd });
  ed.replaceText(text);
  runSoon(0);
}

/** currentState is the state with the editors' text as it is now (a run may not have taken it yet). */
function currentState() {
  store.set({ input: inputEd.getText(), response: responseEd.getText() });
  const code = own.text();
  if (code !== null && isOwn(store.get().preset)) store.set({ fn: { code } });
  return store.get();
}

const sharing = bindSharing({ getState: currentState, applyState, dropText, session });

createExportPanel($("exports"), {
  getReport: () => report,
  getDoc: () => reportDoc,
  getState: currentState,
  // With the user's function, exports judge the body it returned last.
  exportRun: (req) => engine.exportRun(own.active(store.get()) && own.lastBody() !== null ? { ...req, response: own.lastBody() } : req),
});

// After a refused link the page is empty: that emptiness is not saved over
// the session until the user makes something of it.
let holdSession = false;
const emptyShared = JSON.stringify(shareable(defaultState("")));

store.subscribe((s) => {
  sharing.changed(s);
  if (holdSession) {
    if (JSON.stringify(shareable(s)) === emptyShared) return;
    holdSession = false;
  }
  session.saveSoon(() => store.get());
});

/** openLink shows the state a fragment holds, or says why it cannot. */
async function openLink(hash) {
  let s;
  try {
    await whenCatalog();
    s = await decodeFragment(hash);
  } catch (e) {
    holdSession = true;
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
    applyState(defaultState(""), { source: "refused" });
    sharing.notice(`This link could not be opened. ${e.message || e} The playground starts empty.`);
    return;
  }
  applyState(s, { source: "link" });
}

window.addEventListener("hashchange", () => {
  if (isShareFragment(location.hash)) openLink(location.hash);
});

if (pending === "link") {
  openLink(location.hash);
} else if (pending === "session") {
  whenCatalog().then(() => session.load()).then((s) => {
    if (s) applyState(s, { source: "session" });
    else applyState(exampleState(defaultExample), { example: defaultEntry });
  });
} else {
  showExample(store.get().example);
  runSoon(0);
}

// ---- the empty state and the ways in ------------------------------------------

const emptyBox = $("empty-state");
renderEmpty(emptyBox, {
  onExample: () => {
    galleryBox.open = true;
    galleryBox.scrollIntoView({ block: "start" });
    showGallery().then(() => {
      const first = gallery.querySelector("button.gallery-load");
      if (first) first.focus();
    });
  },
  onEvent: () => { inputEd.view.focus(); inputEd.view.dom.scrollIntoView({ block: "center" }); },
  onResponse: goToResponse,
});

/**
 * showEmpty shows the empty state instead of the results when empty is
 * true (nothing is judged, so nothing is marked in the editors); it
 * returns empty.
 */
function showEmpty(empty) {
  emptyBox.hidden = !empty;
  if (empty) {
    results.dataset.empty = "true";
    inputEd.setFindings([]);
    responseEd.setFindings([]);
    renderError(errorPanel, null, { version: engine.version() });
  } else {
    delete results.dataset.empty;
  }
  return empty;
}

/** goToResponse opens the response editor and puts the cursor in it. */
function goToResponse() {
  $("response-box").open = true;
  responseEd.view.dom.scrollIntoView({ block: "center" });
  responseEd.view.focus();
}

/** choosePreset switches the transform, as the select does. */
function choosePreset(name) {
  store.set({ preset: name });
  syncControls(store.get());
  runSoon(0);
}
