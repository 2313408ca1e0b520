// Wiring: the page's modules, created here and connected to each other; the
// page only renders what the engine reports. The store holds the state
// (state.js); the controls (controls.js) and the editors (workspace.js)
// change it; the runner (runner.js) runs the engine (engine.js) on it; the
// results (results.js) show each report; states from elsewhere, examples,
// links, repro files and the saved session, arrive through incoming.js.
import { $ } from "./dom.js";
import { createStore } from "./state.js";
import { setCatalog } from "./catalog.js";
import { createEngine } from "./engine.js";
import { createStatus } from "./status.js";
import { bindControls } from "./controls.js";
import { createWorkspace } from "./workspace.js";
import { createRunner } from "./runner.js";
import { createResults } from "./results.js";
import { createIncoming, firstState, openSession } from "./incoming.js";
import { createOwnFunction } from "./ownfn.js";
import { createExportPanel } from "./exportpanel.js";
import { renderEmpty } from "./render/empty.js";

const session = openSession();
const { pending, state } = firstState(session);
const store = createStore(state);
const status = createStatus($("status"));

const own = createOwnFunction({
  store, presetSel: $("preset"), onRun: (/** @type {number} */ ms) => runner.runSoon(ms), onEdit: () => incoming.userEdit(),
  engineRun: (/** @type {object} */ req) => engine.run(req), session,
});
const controls = bindControls({
  store, own, runSoon: (ms) => runner.runSoon(ms), runNow: () => runner.runNow(), clearResponse: () => workspace.clearResponse(),
});
controls.sync(store.get());

const workspace = createWorkspace({
  store, isEvent: () => results.isEvent(), onEdit: (how) => incoming.userEdit(how),
  runSoon: (ms) => runner.runSoon(ms), runNow: () => runner.runNow(), onPastedChange: () => own.sync(store.get()),
});
const runner = createRunner({ store, engine: () => engine, own, texts: workspace.texts, status, restore: controls.sync });
const results = createResults({
  store, workspace, own, status, version: () => engine.version(), runSoon: runner.runSoon, accept: runner.accept, onPreset: controls.choose,
});
const engine = createEngine({
  onCatalog: (d) => { setCatalog(d); if (d) controls.fill(); },
  onResult: results.show,
  onError: results.error,
  onBusy: (busy) => { runner.busy(busy); results.busy(busy, runner.newRun()); },
});
const incoming = createIncoming({ store, session, own, controls, workspace, runner, status });

createExportPanel($("exports"), {
  getReport: results.report, getDoc: results.doc, getState: incoming.currentState, exportRun: runner.exportRun,
});
renderEmpty($("empty-state"), { onExample: incoming.openGallery, onEvent: workspace.focusInput, onResponse: workspace.goToResponse });
incoming.start(pending);
