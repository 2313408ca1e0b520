// Running the engine on the page's state: when a run starts (after a quiet
// moment, or at once), whether a report that comes back is still the one
// asked for, the Cancel button, and the exports' runs. With the user's own
// function as the transform, the function runs first and the engine judges
// the body it returned.
import { $ } from "./dom.js";
import { sameRun, toRequest } from "./state.js";

/** @typedef {import("./state.js").State} State */

/**
 * createRunner runs engine (engine.js) on the store's state.
 *   own          the user's own function (ownfn.js)
 *   texts()      the editors' text now: {input, response}
 *   status       the status line (status.js)
 *   restore(s)   show the controls of state s again (a run was cancelled)
 * Returns:
 *   edited()     the user changed an editor: a report on the text before is stale
 *   runSoon(ms)  run after ms of quiet
 *   runNow()     Run: code that came from elsewhere may run from now on
 *   accept()     a report arrived: false when it is stale, else its state becomes the one shown
 *   newRun()     whether the run asked for is of another state than the one shown
 *                (not only another page of records)
 *   busy(b)      the engine is running or not: Cancel shows while it is
 *   exportRun(request)  an export run (see engine.js)
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, engine: () => ReturnType<typeof import("./engine.js").createEngine>,
 *   own: ReturnType<typeof import("./ownfn.js").createOwnFunction>, texts: () => {input: string, response: string},
 *   status: ReturnType<typeof import("./status.js").createStatus>, restore: (s: State) => void}} deps
 */
export function createRunner({ store, engine, own, texts, status, restore }) {
  // edits counts the user's changes to the editors; requested is the count
  // the last run was made with. A report on text the user has changed since is
  // stale: its ranges no longer fit, and a newer run is already scheduled.
  let edits = 0;
  let requested = 0;
  /** @type {State | null} */
  let requestedState = null; // the state of the last run asked for
  /** @type {State | null} */
  let shownState = null; // the state of the report shown
  const cancelBtn = $("cancel");

  /** @param {number} ms */
  function runSoon(ms) {
    engine().schedule(() => {
      requested = edits;
      store.set(texts());
      const s = store.get();
      requestedState = s;
      own.sync(s);
      return own.active(s) ? own.request(s, toRequest) : toRequest(s);
    }, ms);
  }

  /** cancel stops the run going, if any; the engine keeps a fresh worker ready. */
  function cancel() {
    const fn = own.cancel();
    if (!engine().cancel() && !fn) return false;
    // The controls go back to what the results shown were made with.
    if (shownState) {
      store.set({ preset: shownState.preset, inputKind: shownState.inputKind, options: shownState.options, firehose: shownState.firehose });
      restore(store.get());
    }
    status.set("Cancelled: the results shown are from the run before. The engine is ready for the next run.", "cancelled");
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

  return {
    edited() { edits++; },
    runSoon,
    runNow() {
      own.arm();
      runSoon(0);
    },
    accept() {
      if (requested !== edits) return false; // stale: see edits
      shownState = requestedState;
      return true;
    },
    newRun: () => !sameRun(requestedState, shownState),
    /** @param {boolean} busy */
    busy(busy) {
      // A run can be stopped as soon as it starts.
      cancelBtn.hidden = !busy;
    },
    /** @param {object} req */
    exportRun(req) {
      // With the user's function, exports judge the body it returned last.
      return engine().exportRun(own.active(store.get()) && own.lastBody() !== null ? { ...req, response: own.lastBody() } : req);
    },
  };
}
