// "Your function": the page side of running the user's own Python or
// Node.js function. This part is in the page's first load: it says where
// the response comes from (a built-in transform, the function, or a pasted
// response, which wins and the select says so), shows or hides the
// function's panel, and keeps code that came from a link, a repro file or a
// saved session from running until the user presses Run. The panel itself
// (fnpanel.js: the code editor, the runtimes, the logs) is loaded when a
// function is first chosen. The engine judges the function's body exactly
// as it judges a pasted response.
import { $ } from "./dom.js";
import { isOwn } from "./state.js";
import { LANGUAGES } from "./runtimes/languages.js";
import { documentText } from "./documents.js";

/** @typedef {import("./state.js").State} State */

/** The select's value while a pasted response is what the page checks. */
export const PASTED = "pasted";

/**
 * createOwnFunction wires it. store is the page's store, presetSel the
 * transform select; onRun(ms) asks the page to run; engineRun(request) runs
 * the engine; onEdit() counts a user's edit; session keeps the fingerprint of
 * the code that ran last (see session.js).
 * Returns
 *   active(state)   whether the state runs the user's function (no response is pasted)
 *   request(state, toRequest) → Promise of the engine request with the function's
 *                   body as its response, or null when the function does not run now
 *   arm()           the user pressed Run: code from elsewhere may run from now on
 *   disarm(source, state)  code from "link", "repro" or "session" arrived: it waits for Run
 *                   (from the session, unless it is the code that ran last in this browser)
 *   sync(state)     shows a state: the select's source, the panel
 *   choose(preset)  the user chose a transform in the select
 *   text(), lastBody(), cancel(), hideLogs()
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, presetSel: HTMLSelectElement,
 *   onRun: (ms: number) => void, engineRun: (request: object) => Promise<unknown>, onEdit: () => void,
 *   session: ReturnType<typeof import("./session.js").createSession> | null}} deps
 */
export function createOwnFunction({ store, presetSel, onRun, engineRun, onEdit, session }) {
  /** @typedef {ReturnType<typeof import("./fnpanel.js").createFunctionPanel>} Panel */
  /** @type {Panel | null} */
  let panel = null;
  /** @type {Promise<Panel> | null} */
  let loading = null;
  let armed = true;
  let source = "";

  function load() {
    if (!loading) {
      loading = import("./fnpanel.js").then((m) => {
        panel = m.createFunctionPanel({ store, onRun, engineRun, onEdit, arm, languages: LANGUAGES, documentText });
        return panel;
      });
    }
    return loading;
  }

  /** @param {State} s */
  function syncSelect(s) {
    let opt = /** @type {HTMLOptionElement | null} */ (presetSel.querySelector(`option[value="${PASTED}"]`));
    const pasted = s.response.trim() !== "";
    if (pasted && !opt) {
      opt = new Option("Your pasted response (below) is checked", PASTED);
      presetSel.append(opt);
    } else if (!pasted && opt) {
      opt.remove();
    }
    presetSel.value = pasted ? PASTED : s.preset;
    presetSel.classList.toggle("overridden", pasted);
    presetSel.title = pasted ? "A pasted response wins over the transform: clear it to run a transform or your function again." : "";
  }

  function showWhy() {
    if (!panel) return;
    if (armed) {
      panel.setNote(source === "example"
        ? "This example's code is the project's own, so it runs as soon as the example is chosen (code from a link or a file waits for Run). Edit it: it runs again as you type."
        : "", "info");
      return;
    }
    const from = source === "link" ? "a link" : source === "repro" ? "a repro file" : "your saved session";
    panel.setNote(`This code came from ${from}: it does not run until you press Run (or Ctrl/Cmd+Enter). Read it first — it runs sandboxed in this page, but it is someone else's code.`, "warn");
  }

  /** @param {State} s */
  function sync(s) {
    syncSelect(s);
    const own = isOwn(s.preset);
    $("fn-box").hidden = !own;
    $("fn-options").hidden = !own;
    if (!own) return;
    load().then((p) => {
      p.sync(store.get());
      showWhy();
    });
  }

  function arm() {
    if (armed && source !== "example") return;
    armed = true;
    source = "";
    showWhy();
  }

  return {
    active: (/** @type {State} */ s) => isOwn(s.preset) && s.response.trim() === "",
    /**
     * @param {State} s
     * @param {(s: State) => import("./state.js").Request} toRequest
     */
    async request(s, toRequest) {
      if (!armed) return null;
      const p = await load();
      const req = await p.request(s, toRequest);
      if (req && req.response !== undefined && session) session.setRan(fingerprint(s.preset, p.text() ?? s.fn.code));
      return req;
    },
    arm,
    /** fromExample: the gallery's example holds the code; it runs, and the panel says why. */
    fromExample() {
      armed = true;
      source = "example";
      showWhy();
    },
    /**
     * @param {string} from
     * @param {State} s
     */
    disarm(from, s) {
      // Code restored from the session runs when it is the code that ran last.
      if (from === "session" && session && s && session.ran() === fingerprint(s.preset, s.fn.code)) return;
      armed = false;
      source = from;
      showWhy();
    },
    sync,
    /** @param {string} preset */
    choose(preset) {
      const s = store.get();
      if (panel) panel.saveDraft(s);
      // A language never written in starts from its starter (fn.code "" in another language).
      const draft = panel && isOwn(preset) ? panel.draft(preset) : undefined;
      if (isOwn(preset) && preset !== s.fn.language) {
        store.set({ preset, fn: { language: draft === undefined ? "" : preset, code: draft ?? "", handler: "" } });
      } else {
        store.set({ preset });
      }
      if (isOwn(preset)) arm(); // the user chose it: their code runs
    },
    text: () => (panel ? panel.text() : null),
    lastBody: () => (panel ? panel.lastBody() : null),
    cancel: () => (panel ? panel.cancel() : false),
    hideLogs: () => { $("logs-panel").hidden = true; },
    PASTED,
  };
}

/**
 * fingerprint is a short hash (FNV-1a) of a function's language and code.
 * @param {string} language
 * @param {string} code
 */
function fingerprint(language, code) {
  let h = 0x811c9dc5;
  const text = `${language}\n${code}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${language}:${text.length}:${h.toString(16)}`;
}
