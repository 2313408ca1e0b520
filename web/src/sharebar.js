// The toolbar's sharing side: the Share button (a link to the exact state,
// in the URL fragment), repro files (download; open with the file button
// or by dropping one onto the page), the remembered session's controls,
// and the notice that says why a link or a file was refused.
import { $, h, replace } from "./dom.js";
import { n } from "./format.js";
import { copyText, download } from "./exports.js";
import {
  encodeFragment, readRepro, reproFile, shareable, ShareError, LINK_MAX, LINK_NOTE_AT, MAX_STATE_BYTES,
} from "./share.js";

export const REPRO_NAME = "firehose-repro.json";

/** @typedef {import("./state.js").State} State */

/**
 * bindSharing wires the toolbar.
 *   getState()                  the state shown, synced with the editors
 *   applyState(state, {source}) shows a state ("link", "repro", "session")
 *   dropText(editorEl, text)    a file that is not a repro was dropped on an editor
 *   session                     see session.js
 * Returns {notice(message), linked(state), changed(state), restored(source)}:
 * notice shows a refusal; linked says the address bar's fragment holds this
 * state; changed drops the fragment once the state differs from it;
 * restored says a state was shown (and where it came from).
 * @param {{getState: () => State, applyState: (s: State, how: {source: string}) => void,
 *   dropText: (el: Node, text: string) => void, session: ReturnType<typeof import("./session.js").createSession>}} deps
 */
export function bindSharing({ getState, applyState, dropText, session }) {
  const result = $("share-result");
  const noticeEl = $("notice");
  const remember = $("remember");
  const sessionStatus = $("session-status");
  const fileInput = $("repro-file");
  /** @type {Record<string, unknown> | null} */
  let linkState = null; // the shareable state the fragment holds

  /** @param {...import("./dom.js").Child} children */
  function showResult(...children) {
    result.hidden = false;
    replace(result, ...children, h("button", { type: "button", class: "dismiss", onclick: () => { result.hidden = true; } }, "Close"));
  }

  /** @param {string} message */
  function notice(message) {
    noticeEl.hidden = false;
    replace(noticeEl, h("p", null, message),
      h("button", { type: "button", class: "dismiss", onclick: () => { noticeEl.hidden = true; } }, "Close"));
  }

  function reproButton() {
    return h("button", { type: "button", onclick: saveRepro }, "Download a repro file");
  }

  function saveRepro() {
    const text = reproFile(getState());
    if (text.length > MAX_STATE_BYTES) {
      showResult(h("p", { class: "bad-text" }, "This state is too large for a repro file."));
      return;
    }
    download(REPRO_NAME, text);
    showResult(h("p", null, `Downloaded ${REPRO_NAME}. Open it with "Open repro file…" or drop it onto the page to get this state back.`));
  }

  async function share() {
    const s = getState();
    let fragment;
    try {
      fragment = await encodeFragment(s);
    } catch (e) {
      showResult(h("p", { class: "bad-text" }, e instanceof ShareError ? e.message : `The link could not be made: ${e.message || e}`));
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
    if (url.length > LINK_MAX) {
      showResult(
        h("p", { class: "warn-text", "data-kind": "too-long" },
          `A link to this state would be ${n(url.length)} characters long. Links longer than ${n(LINK_MAX)} characters are cut by common tools (chat apps, mail, issue trackers), and browsers differ in what they accept: share a repro file instead.`),
        h("p", null, reproButton()),
      );
      return;
    }
    history.replaceState(history.state, "", `#${fragment}`);
    linkState = shareable(s);
    const copied = await copyText(url);
    const field = h("input", { type: "text", readonly: true, class: "share-url", value: url, "aria-label": "Link to this state", onfocus: (/** @type {FocusEvent} */ ev) => /** @type {HTMLInputElement} */ (ev.target).select() });
    showResult(
      h("p", { "data-kind": "link", "data-length": url.length },
        copied ? "Link copied to the clipboard and put in the address bar: " : "The link is in the address bar (the browser did not allow copying it): ",
        h("strong", null, `${n(url.length)} characters`), ". It holds everything you pasted; it is never sent to a server, but anyone you give it to can read it."),
      url.length > LINK_NOTE_AT ? h("p", { class: "warn-text", "data-kind": "long" },
        `Over ${n(LINK_NOTE_AT)} characters: chat apps may cut it. If it does not open whole, share a repro file: `, reproButton()) : null,
      field,
    );
  }

  /**
   * @param {File} file
   * @param {Node | null} [target]
   */
  async function openFile(file, target) {
    if (file.size > MAX_STATE_BYTES + 1024 && !target) {
      notice(`${file.name} is larger than a repro file may be; it was not opened.`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (e) {
      notice(`${file.name} could not be read: ${e.message || e}`);
      return;
    }
    if (target && !text.slice(0, 4096).includes('"firehosePlayground"')) {
      dropText(target, text);
      return;
    }
    let s;
    try {
      s = readRepro(text);
    } catch (e) {
      notice(`${file.name} was not opened. ${e.message || e}`);
      return;
    }
    applyState(s, { source: "repro" });
    showResult(h("p", { "data-kind": "opened" }, `Opened the repro file ${file.name}.`));
  }

  $("share").addEventListener("click", share);
  $("repro-save").addEventListener("click", saveRepro);
  $("repro-open").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const f = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (f) openFile(f, null);
  });

  // A file dropped anywhere on the page: a repro file restores its state; a
  // file dropped on an editor that is not one goes into that editor.
  /** @type {(ev: DragEvent) => ev is DragEvent & {dataTransfer: DataTransfer}} */
  const hasFiles = (ev) => !!ev.dataTransfer && [...ev.dataTransfer.types].includes("Files");
  document.addEventListener("dragover", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = "copy";
    document.documentElement.classList.add("dropping");
  }, true);
  document.addEventListener("dragleave", (ev) => {
    if (!ev.relatedTarget) document.documentElement.classList.remove("dropping");
  }, true);
  document.addEventListener("drop", (ev) => {
    document.documentElement.classList.remove("dropping");
    if (!hasFiles(ev) || !ev.dataTransfer.files.length) return;
    ev.preventDefault();
    ev.stopPropagation();
    const target = ev.target instanceof Element ? ev.target.closest(".cm-editor") : null;
    openFile(ev.dataTransfer.files[0], target);
  }, true);

  // The remembered session.
  remember.checked = session.remember();
  remember.addEventListener("change", () => {
    session.setRemember(remember.checked);
    if (remember.checked) {
      session.saveSoon(getState);
      sessionStatus.textContent = "This browser keeps your last session.";
    } else {
      sessionStatus.textContent = "Nothing is kept: the saved session is gone.";
    }
  });
  $("session-clear").addEventListener("click", () => {
    session.clear();
    sessionStatus.textContent = remember.checked
      ? "Saved session cleared. Your next change is saved again; untick the box to keep nothing."
      : "Saved session cleared.";
  });

  return {
    notice,
    /** @param {State} s */
    linked(s) {
      linkState = shareable(s);
    },
    /** @param {State} s */
    changed(s) {
      if (!linkState || sameShared(linkState, shareable(s))) return;
      linkState = null;
      result.hidden = true;
      if (location.hash) history.replaceState(history.state, "", `${location.pathname}${location.search}`);
    },
    /** @param {string} source */
    restored(source) {
      noticeEl.hidden = true; // a refusal is old news once a state is shown
      if (source === "session") {
        sessionStatus.textContent = session.dropped()
          ? "Restored your last session's settings; its input was too large to keep."
          : "Restored your last session.";
      }
    },
  };
}

/**
 * @param {Record<string, unknown>} a
 * @param {Record<string, unknown>} b
 */
function sameShared(a, b) {
  return a.input === b.input && a.response === b.response && a.inputKind === b.inputKind && a.preset === b.preset &&
    a.selected === b.selected && JSON.stringify(a.options) === JSON.stringify(b.options) &&
    JSON.stringify(a.firehose) === JSON.stringify(b.firehose) && JSON.stringify(a.fn) === JSON.stringify(b.fn);
}
