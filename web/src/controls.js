// The controls above the editors: the transform and input-kind selects
// (filled from the engine's description, and the languages the page runs
// the user's own function in), the ndjson options, the delivery stream's
// panel, and Run (its button, its shortcut, Ctrl/Cmd+Enter anywhere).
import { $ } from "./dom.js";
import { termsOf } from "./catalog.js";
import { LANGUAGES } from "./runtimes/languages.js";
import { bindStream } from "./stream.js";

/** @typedef {import("./state.js").State} State */

/**
 * bindControls wires the controls to the store.
 *   own              the user's own function (ownfn.js)
 *   runSoon(ms)      run after ms of quiet
 *   runNow()         Run
 *   clearResponse()  set the pasted response aside (a transform was chosen)
 * Returns {fill(), sync(state), syncStream(firehose, opts), choose(preset)}:
 * fill offers what the engine describes once it is ready; sync shows a
 * state; choose switches the transform, as the select does.
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, own: ReturnType<typeof import("./ownfn.js").createOwnFunction>,
 *   runSoon: (ms: number) => void, runNow: () => void, clearResponse: () => void}} deps
 */
export function bindControls({ store, own, runSoon, runNow, clearResponse }) {
  const presetSel = /** @type {HTMLSelectElement} */ ($("preset"));
  const kindSel = /** @type {HTMLSelectElement} */ ($("input-kind"));
  const opt = {
    separator: /** @type {HTMLInputElement} */ ($("opt-separator")), maxDepth: /** @type {HTMLInputElement} */ ($("opt-depth")),
    arrays: /** @type {HTMLSelectElement} */ ($("opt-arrays")), values: /** @type {HTMLSelectElement} */ ($("opt-values")),
  };
  const syncStream = bindStream({
    onChange: (/** @type {Partial<State["firehose"]>} */ patch, /** @type {number} */ ms) => { store.set({ firehose: patch }); syncStream(store.get().firehose); runSoon(ms); },
  });

  /** @param {State} s */
  function sync(s) {
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

  // fill offers the presets and input kinds the engine describes, and the
  // languages the page runs the user's own function in.
  function fill() {
    presetSel.replaceChildren(...termsOf("presets").map((/** @type {{name: string, label: string}} */ p) => new Option(p.label, p.name)),
      ...Object.entries(LANGUAGES).map(([name, l]) => new Option(`Your ${l.label} function`, name)));
    kindSel.replaceChildren(...termsOf("inputKinds").map((/** @type {{name: string, label: string}} */ k) => new Option(k.label, k.name)));
    sync(store.get());
  }

  /** @param {string} name */
  function choose(name) {
    store.set({ preset: name });
    sync(store.get());
    runSoon(0);
  }

  presetSel.addEventListener("change", () => {
    if (presetSel.value === own.PASTED) return;
    if (store.get().response.trim() !== "") {
      // Choosing a transform sets the pasted response aside (Ctrl/Cmd+Z in its editor brings it back).
      clearResponse();
      store.set({ response: "" });
    }
    own.choose(presetSel.value);
    sync(store.get());
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
  $("controls").addEventListener("submit", (/** @type {SubmitEvent} */ ev) => { ev.preventDefault(); runNow(); });

  const uaData = /** @type {any} */ (navigator).userAgentData; // not in every browser, nor in TypeScript's DOM
  const isMac = /Mac|iPhone|iPad/.test((uaData && uaData.platform) || navigator.platform || "");
  $("run-shortcut").textContent = isMac ? "⌘+Enter" : "Ctrl+Enter";
  document.addEventListener("keydown", (/** @type {KeyboardEvent} */ ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) {
      ev.preventDefault();
      runNow();
    }
  });

  return { fill, sync, syncStream, choose };
}
