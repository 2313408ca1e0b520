// The function panel: its fields and code editor, the invocation through
// the runtime manager, and the logs as CloudWatch shows them. Loaded with
// the first function chosen (ownfn.js is what the page's first load holds).
import { createRuntimes, RuntimeLoadError, Superseded } from "./runtimes/manager.js";
import { STARTERS } from "./runtimes/starters.js";

// Nothing app.js holds is imported here (dom.js's $, state.js's isOwn,
// languages.js, documents.js): a module this chunk shared with app.js would
// be split into a chunk of its own, one more request for the page's first
// load. What the panel needs of them comes with createFunctionPanel.
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id)); // the panel's inputs, by id
/** @type {Record<string, {label: string, handler: string, file: string, worker: string, emulates: string, about: string}>} */
let LANGUAGES = {};
const isOwn = (/** @type {string} */ preset) => Object.prototype.hasOwnProperty.call(LANGUAGES, preset);

/** @typedef {import("./state.js").State} State */

/**
 * createFunctionPanel wires the panel. store is the page's store; onRun(ms)
 * asks the page to run; engineRun(request) runs the engine (for the
 * event); onEdit() counts a user's edit; arm() says the user pressed Run;
 * languages is runtimes/languages.js's LANGUAGES, documentText documents.js's.
 * Returns {sync(state), request(state, toRequest), setNote(text, cls),
 * draft(language), saveDraft(state), text(), lastBody(), cancel()}.
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, onRun: (ms: number) => void,
 *   engineRun: (request: object) => Promise<any>, onEdit: () => void, arm: () => void,
 *   languages: typeof LANGUAGES, documentText: typeof import("./documents.js").documentText}} deps
 */
export function createFunctionPanel({ store, onRun, engineRun, onEdit, arm, languages, documentText }) {
  LANGUAGES = languages;
  const note = $("fn-note");
  const runtimeNote = $("fn-runtime");
  const handlerEl = $("fn-handler");
  const timeoutEl = $("fn-timeout");
  const memoryEl = $("fn-memory");
  const logsPanel = $("logs-panel");
  const logsEl = $("logs");
  const logsNote = $("logs-note");
  /** @typedef {Awaited<ReturnType<typeof import("./fneditor.js").createCodeEditor>> & {language?: string}} CodeEditor */
  /** @type {CodeEditor | null} */
  let editor = null; // the code editor, once loaded
  /** @type {Promise<CodeEditor> | null} */
  let editorLoading = null;
  /** @type {string | null} */
  let body = null;
  /** @type {Record<string, string>} */
  const drafts = {}; // code per language, when the user switches between them

  const runtimes = createRuntimes({
    languages: LANGUAGES,
    onState(language, state, detail) {
      if (fnLanguage() !== language) return;
      if (state === "spare") {
        document.documentElement.dataset.runtimeSpare = language;
        return;
      }
      document.documentElement.dataset.runtime = state;
      if (state === "loading") show(`Loading the ${LANGUAGES[language].label} runtime…`);
      else if (state === "failed") show(`${detail[0].toUpperCase()}${detail.slice(1)}. The built-in transforms still work.`, "bad");
      else if (state === "ready") {
        show(why.text, why.cls); // the runtime's news gives way to why the code runs (or not)
        showRuntime(language);
      }
    },
  });

  function fnLanguage() {
    const s = store.get();
    return isOwn(s.preset) ? s.preset : "";
  }

  // why is what the page says of where the code came from and whether it
  // runs; the runtime's loading and failure show over it for a while.
  let why = { text: "", cls: "" };
  /** @param {string} text */
  function show(text, cls = "") {
    note.textContent = text;
    note.className = `fn-note ${cls}`.trim();
  }
  /** @param {string} text */
  function setNote(text, cls = "") {
    why = { text, cls };
    show(text, cls);
  }

  /** @param {string} language */
  function showRuntime(language) {
    const info = runtimes.info(language);
    const lang = LANGUAGES[language];
    runtimeNote.textContent = info
      ? `${info.runtime}, standing in for Lambda's ${info.emulates} runtime (loaded in ${Math.round(info.loadMs)} ms)`
      : lang.about;
  }

  // codeOf is the code of a state's function (its language's starter when
  // it has none yet).
  /** @param {State} s */
  function codeOf(s) {
    return s.fn.code !== "" || s.fn.language === s.preset ? s.fn.code : STARTERS[/** @type {keyof typeof STARTERS} */ (s.preset)];
  }

  /**
   * @param {"python" | "nodejs"} language
   * @param {string} code
   */
  async function ensureEditor(language, code) {
    if (!editorLoading) {
      editorLoading = import("./fneditor.js").then(({ createCodeEditor }) => createCodeEditor({
        parent: $("fn-editor"), language, doc: code,
        onChange: () => {
          onEdit();
          if (editor) store.set({ fn: { code: editor.getText() } });
          onRun(700);
        },
        onRun: () => { arm(); onRun(0); },
      })).then((ed) => {
        editor = /** @type {CodeEditor} */ (ed);
        return editor;
      });
    }
    const ed = await editorLoading;
    if (ed.language !== language) {
      ed.language = language;
      await ed.setLanguage(language);
    }
    ed.replaceText(code);
    return ed;
  }

  /** @param {State} s */
  function sync(s) {
    const language = isOwn(s.preset) ? /** @type {"python" | "nodejs"} */ (s.preset) : null;
    if (!language) return;
    const lang = LANGUAGES[language];
    $("fn-title").textContent = `Your ${lang.label} function`;
    handlerEl.placeholder = lang.handler;
    handlerEl.value = s.fn.handler;
    timeoutEl.value = String(s.fn.timeout);
    memoryEl.value = String(s.fn.memory);
    showRuntime(language);
    const code = codeOf(s);
    if (s.fn.language !== language || s.fn.code !== code) store.set({ fn: { language, code } });
    ensureEditor(language, code);
  }

  handlerEl.addEventListener("input", () => { store.set({ fn: { handler: handlerEl.value.trim() } }); onRun(500); });
  const number = (/** @type {HTMLInputElement} */ el, /** @type {"timeout" | "memory"} */ key, /** @type {number} */ lo, /** @type {number} */ hi) => el.addEventListener("input", () => {
    const n = Number(el.value);
    if (Number.isInteger(n) && n >= lo && n <= hi) {
      store.set({ fn: { [key]: n } });
      onRun(500);
    }
  });
  number(timeoutEl, "timeout", 1, 900);
  number(memoryEl, "memory", 128, 10240);

  /**
   * @param {State} s
   * @param {(s: State) => import("./state.js").Request} toRequest
   */
  async function request(s, toRequest) {
    const language = s.preset;
    const code = editor ? editor.getText() : codeOf(s);
    // The event the function gets is the event the page shows: the input
    // when it is an event, else the event the engine builds from it.
    const exp = await engineRun({ ...toRequest(s), detail: { from: 0, count: 1 }, export: "event" });
    // The export is a document of that run (see documents.js), fetched now.
    const event = await documentText(exp.report, "export", exp.doc);
    if (event === null) {
      body = null;
      return toRequest(s); // nothing to invoke with: the engine says why
    }
    let r;
    try {
      r = await runtimes.invoke(language, {
        code, handler: s.fn.handler || LANGUAGES[language].handler, timeoutMs: s.fn.timeout * 1000,
        memoryMB: s.fn.memory, event, lambdaArn: s.firehose.lambdaArn,
      });
    } catch (e) {
      if (e instanceof Superseded) return null;
      if (e instanceof RuntimeLoadError) {
        show(`${e.message[0].toUpperCase()}${e.message.slice(1)}. The built-in transforms still work.`, "bad");
        document.documentElement.dataset.runtime = "failed";
        return null;
      }
      throw e;
    }
    if (fnLanguage() !== language) return null;
    body = r.body;
    showLogs(r, s);
    if (editor) {
      const err = r.error || {};
      editor.markError(r.ok ? null : r.line, r.ok ? "" : `${err.errorType || "Error"}: ${err.errorMessage || ""}`);
    }
    const n = Number(document.documentElement.dataset.invocations || 0) + 1;
    document.documentElement.dataset.invocations = String(n);
    return { ...toRequest(s), response: r.body };
  }

  /**
   * @param {import("./runtimes/manager.js").Invocation} r
   * @param {State} s
   */
  function showLogs(r, s) {
    const id = r.context.awsRequestId;
    const lines = [`START RequestId: ${id} Version: $LATEST`, ...r.logs];
    if (r.logsCut) lines.push(`… (the page keeps the first ${Math.round(256)} KB of what a function prints)`);
    if (r.timedOut) lines.push(JSON.parse(r.body).errorMessage || "");
    else if (!r.ok) lines.push(`${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${r.body}`);
    lines.push(`END RequestId: ${id}`);
    const report = [`REPORT RequestId: ${id}`, `Duration: ${r.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${Math.max(1, Math.ceil(r.durationMs))} ms`, `Memory Size: ${s.fn.memory} MB`];
    // A function stopped for its memory used all of its memory size, as Lambda reports it.
    const oom = !r.ok && !!r.error && r.error.errorType === "Runtime.OutOfMemory";
    if (oom) report.push(`Max Memory Used: ${s.fn.memory} MB`);
    else if (r.memoryMB !== null) report.push(`Max Memory Used: ${Math.ceil(r.memoryMB)} MB`);
    if (r.timedOut) report.push("Status: timeout");
    else if (oom) report.push("Status: error", "Error Type: Runtime.OutOfMemory");
    lines.push(report.join("\t"));
    logsPanel.hidden = false;
    logsEl.textContent = lines.join("\n");
    const info = r.runtime;
    logsNote.textContent = `Log group ${r.context.logGroupName}, stream ${r.context.logStreamName}. ` +
      `Durations are measured in this page's ${info ? info.runtime : "runtime"}, which is slower than Lambda's ${LANGUAGES[s.preset].emulates}; ` +
      (r.memoryMB === null ? "it cannot measure the memory used."
        : s.preset === "nodejs" ? "Max Memory Used is the most QuickJS's heap held while the function ran (sampled as it runs; Lambda counts the whole Node.js process, so its figure is higher)."
          : "memory is the runtime's own measure.");
  }

  return {
    sync,
    request,
    setNote,
    draft: (/** @type {string} */ language) => drafts[language],
    saveDraft: (/** @type {State} */ s) => { if (isOwn(s.preset)) drafts[s.preset] = s.fn.code; },
    text: () => (editor ? editor.getText() : null),
    lastBody: () => body,
    cancel: () => { const l = fnLanguage(); return l ? runtimes.cancel(l) : false; },
  };
}
