// "Your function": the page side of running the user's own Python or
// Node.js function. It shows the function's fields and code editor when a
// function is the transform, says where the response comes from (a
// built-in transform, the function, or a pasted response, which wins),
// keeps code that came from elsewhere from running until the user presses
// Run, invokes the function through the runtime manager, and shows its logs
// as CloudWatch would. The engine then judges the body exactly as it
// judges a pasted response.
import { $ } from "./dom.js";
import { DEFAULT_FN, isOwn } from "./state.js";
import { LANGUAGES } from "./runtimes/starters.js";
import { createRuntimes, RuntimeLoadError, Superseded } from "./runtimes/manager.js";

const PASTED = "pasted"; // the select's value while a pasted response is checked

/**
 * createOwnFunction wires the function's controls. store is the page's
 * store; onRun(ms) asks the page to run; engineRun(request) runs the engine
 * (for the event); onEdit() counts a user's edit.
 * Returns
 *   active(state)     whether the state runs the user's function (and no response is pasted)
 *   request(state, toRequest) → Promise of the engine request with the function's
 *                     body as its response, or null when the function does not run now
 *   arm()             the user pressed Run: code from elsewhere may run from now on
 *   disarm(why)       code from elsewhere arrived: it waits for Run
 *   sync(state)       shows a state's function, fields and the select's source
 *   text()            the code as the editor holds it now (or the state's)
 *   lastBody()        the body of the last invocation judged, for exports
 *   cancel()          ends an invocation going
 */
export function createOwnFunction({ store, presetSel, onRun, engineRun, onEdit }) {
  const box = $("fn-box");
  const fields = $("fn-options");
  const note = $("fn-note");
  const runtimeNote = $("fn-runtime");
  const handlerEl = $("fn-handler");
  const timeoutEl = $("fn-timeout");
  const memoryEl = $("fn-memory");
  const logsPanel = $("logs-panel");
  const logsEl = $("logs");
  const logsNote = $("logs-note");
  let editor = null; // the code editor, once loaded
  let editorLoading = null;
  let armed = true; // false while code from a link, file or session waits for Run
  let body = null;
  let drafts = {}; // code per language, when the user switches between them

  const runtimes = createRuntimes({
    onState(language, state, detail) {
      if (fnLanguage() !== language) return;
      if (state === "spare") {
        document.documentElement.dataset.runtimeSpare = language;
        return;
      }
      document.documentElement.dataset.runtime = state;
      if (state === "loading") setNote(`Loading the ${LANGUAGES[language].label} runtime…`);
      else if (state === "failed") setNote(`The ${LANGUAGES[language].label} runtime could not load: ${detail}. The built-in transforms still work.`, "bad");
      else if (state === "ready") {
        setNote("");
        showRuntime(language);
      }
    },
  });

  function fnLanguage() {
    const s = store.get();
    return isOwn(s.preset) ? s.preset : "";
  }

  function setNote(text, cls = "") {
    note.textContent = text;
    note.className = `fn-note ${cls}`.trim();
  }

  function showRuntime(language) {
    const info = runtimes.info(language);
    const lang = LANGUAGES[language];
    runtimeNote.textContent = info
      ? `${info.runtime}, standing in for Lambda's ${info.emulates} runtime (loaded in ${Math.round(info.loadMs)} ms)`
      : lang.about;
  }

  function codeOf(s) {
    return s.fn.code !== "" || s.fn.language === s.preset ? s.fn.code : LANGUAGES[s.preset].starter;
  }

  async function ensureEditor(language, code) {
    if (!editorLoading) {
      editorLoading = import("./fneditor.js").then(({ createCodeEditor }) => createCodeEditor({
        parent: $("fn-editor"), language, doc: code,
        onChange: () => {
          onEdit();
          store.set({ fn: { code: editor.getText() } });
          onRun(700);
        },
        onRun: () => { arm(); onRun(0); },
      })).then((ed) => {
        editor = ed;
        return ed;
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

  /** syncSelect shows in the select where the response comes from. */
  function syncSelect(s) {
    let opt = presetSel.querySelector(`option[value="${PASTED}"]`);
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

  function sync(s) {
    syncSelect(s);
    const language = isOwn(s.preset) ? s.preset : "";
    box.hidden = !language;
    fields.hidden = !language;
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

  /** choose switches the transform; to or between functions, the code follows the language. */
  function choose(preset) {
    const s = store.get();
    if (isOwn(s.preset)) drafts[s.preset] = s.fn.code;
    if (isOwn(preset) && preset !== s.fn.language) {
      store.set({ preset, fn: { language: preset, code: drafts[preset] ?? LANGUAGES[preset].starter, handler: "" } });
    } else {
      store.set({ preset });
    }
    if (isOwn(preset)) arm(); // the user chose it: their code runs
    sync(store.get());
  }

  handlerEl.addEventListener("input", () => { store.set({ fn: { handler: handlerEl.value.trim() } }); onRun(500); });
  const number = (el, key, lo, hi) => el.addEventListener("input", () => {
    const n = Number(el.value);
    if (Number.isInteger(n) && n >= lo && n <= hi) {
      store.set({ fn: { [key]: n } });
      onRun(500);
    }
  });
  number(timeoutEl, "timeout", 1, 900);
  number(memoryEl, "memory", 128, 10240);

  function arm() {
    if (!armed) {
      armed = true;
      setNote("");
    }
  }

  function disarm(source) {
    armed = false;
    const from = source === "link" ? "a link" : source === "repro" ? "a repro file" : "your saved session";
    setNote(`This code came from ${from}: it does not run until you press Run (or Ctrl/Cmd+Enter). Read it first — it runs in a sandbox in this page, but it is someone's code.`, "warn");
  }

  function active(s) {
    return isOwn(s.preset) && s.response.trim() === "";
  }

  async function request(s, toRequest) {
    const language = s.preset;
    if (!armed) return null;
    const code = editor ? editor.getText() : codeOf(s);
    // The event the function gets is the event the page shows: the input
    // when it is an event, else the event the engine builds from it.
    const exp = await engineRun({ ...toRequest(s), detail: { from: 0, count: 1 }, export: "event" });
    const event = exp.report && typeof exp.report.export === "string" ? exp.report.export : null;
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
        setNote(`${e.message}. The built-in transforms still work.`, "bad");
        document.documentElement.dataset.runtime = "failed";
        return null;
      }
      throw e;
    }
    if (fnLanguage() !== language) return null;
    body = r.body;
    showLogs(r, s);
    if (editor) {
      editor.markError(r.ok ? null : r.line, r.ok ? "" : `${r.error.errorType || "Error"}: ${r.error.errorMessage || ""}`);
    }
    const n = Number(document.documentElement.dataset.invocations || 0) + 1;
    document.documentElement.dataset.invocations = String(n);
    return { ...toRequest(s), response: r.body };
  }

  function showLogs(r, s) {
    const id = r.context.awsRequestId;
    const lines = [`START RequestId: ${id} Version: $LATEST`, ...r.logs];
    if (r.logsCut) lines.push(`… (the page keeps the first ${Math.round(256)} KB of what a function prints)`);
    if (r.timedOut) lines.push(JSON.parse(r.body).errorMessage || "");
    else if (!r.ok) lines.push(`${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${r.body}`);
    lines.push(`END RequestId: ${id}`);
    const report = [`REPORT RequestId: ${id}`, `Duration: ${r.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${Math.max(1, Math.ceil(r.durationMs))} ms`, `Memory Size: ${s.fn.memory} MB`];
    if (r.memoryMB !== null) report.push(`Max Memory Used: ${Math.ceil(r.memoryMB)} MB`);
    if (r.timedOut) report.push("Status: timeout");
    lines.push(report.join("\t"));
    logsPanel.hidden = false;
    logsEl.textContent = lines.join("\n");
    const info = r.runtime;
    logsNote.textContent = `Log group ${r.context.logGroupName}, stream ${r.context.logStreamName}. ` +
      `Durations are measured in this page's ${info ? info.runtime : "runtime"}, which is slower than Lambda's ${LANGUAGES[s.preset].emulates}; ` +
      (r.memoryMB === null ? "it cannot measure the memory used." : "memory is the runtime's own measure.");
  }

  return {
    active,
    request,
    arm,
    disarm,
    sync,
    choose,
    text: () => (editor ? editor.getText() : null),
    lastBody: () => body,
    cancel: () => { const l = fnLanguage(); return l ? runtimes.cancel(l) : false; },
    hideLogs: () => { logsPanel.hidden = true; },
    PASTED,
  };
}
