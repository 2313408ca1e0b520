// States that come from elsewhere: the gallery's examples, share links and
// repro files (sharebar.js), the session saved in this browser; and the
// user's edits, which make the state the user's own (the example it came
// from is then only where the text came from). Where the first state comes
// from: a link's fragment wins over the saved session, which wins over the
// default example.
import { $ } from "./dom.js";
import { defaultState, isOwn } from "./state.js";
import { whenCatalog } from "./catalog.js";
import { examples, exampleState, loadExample, renderGallery, markCurrent } from "./gallery.js";
import { bindSharing } from "./sharebar.js";
import { createSession } from "./session.js";
import { decodeFragment, isShareFragment, shareable } from "./share.js";
import defaultExample from "../examples/02-seed-loses-rows.json";

/** @typedef {import("./state.js").State} State */
/** @typedef {{file: string, title: string, description: string}} Entry a gallery entry */

const DEFAULT_EXAMPLE = "02-seed-loses-rows.json";
// The gallery entry of the default example (the gallery's list loads when it is opened).
/** @type {Entry} */
const defaultEntry = { file: DEFAULT_EXAMPLE, title: defaultExample.title, description: defaultExample.description };

/**
 * withExample is state s marked as coming from a gallery entry (unedited).
 * @param {State} s
 * @param {Entry | null} entry
 * @returns {State}
 */
function withExample(s, entry) {
  return { ...s, example: entry ? { file: entry.file, title: entry.title, description: entry.description, edited: false } : null };
}

/**
 * openSession is the session saved in this browser (session.js); it says
 * so on the page when an input is too large to keep.
 */
export function openSession() {
  return createSession({
    onDropped: (chars) => {
      $("session-status").textContent =
        `Your input is too large to keep in this browser (${chars.toLocaleString("en-US")} characters): your next visit restores the settings only.`;
    },
  });
}

/**
 * firstState says where the first state comes from ("link", "session", or
 * "" for the default example) and the state the page starts with: empty
 * while a link or the session is decoded (asynchronously), else the
 * default example.
 * @param {ReturnType<typeof createSession>} session
 * @returns {{pending: string, state: State}}
 */
export function firstState(session) {
  const pending = isShareFragment(location.hash) ? "link" : session.hasSaved() && session.remember() ? "session" : "";
  return { pending, state: pending ? defaultState("") : withExample(exampleState(defaultExample), defaultEntry) };
}

/**
 * createIncoming wires the ways a state arrives.
 *   session, own, controls, workspace, runner, status: the page's modules
 * Returns:
 *   userEdit({whole})  the user changed an editor
 *   currentState()     the state with the editors' text as it is now
 *   start(pending)     shows the first state (see firstState)
 *   openGallery()      opens the examples and puts the focus on the first
 * @param {{store: ReturnType<typeof import("./state.js").createStore>, session: ReturnType<typeof createSession>,
 *   own: ReturnType<typeof import("./ownfn.js").createOwnFunction>, controls: ReturnType<typeof import("./controls.js").bindControls>,
 *   workspace: ReturnType<typeof import("./workspace.js").createWorkspace>, runner: ReturnType<typeof import("./runner.js").createRunner>,
 *   status: ReturnType<typeof import("./status.js").createStatus>}} deps
 */
export function createIncoming({ store, session, own, controls, workspace, runner, status }) {
  const galleryBox = /** @type {HTMLDetailsElement} */ ($("gallery-box"));
  const gallery = $("gallery");
  let picking = 0; // the latest example asked for; earlier ones arriving late are dropped
  /** @type {Promise<void> | null} */
  let galleryShown = null; // a Promise once the list is asked for

  /** showGallery loads the gallery's list and lists it (once); a Promise. */
  function showGallery() {
    if (galleryShown) return galleryShown;
    const shown = examples().then((list) => {
      const ex = store.get().example;
      renderGallery(gallery, list, { current: ex && !ex.edited ? ex.file : null, onPick: pickExample });
    }, (/** @type {Error} */ e) => {
      galleryShown = null;
      sharing.notice(`The examples could not be loaded: ${e.message || e}.`);
    });
    galleryShown = shown;
    return shown;
  }
  galleryBox.addEventListener("toggle", () => { if (galleryBox.open) showGallery(); });

  /** @param {string} file */
  async function pickExample(file) {
    const mine = ++picking;
    status.set("Loading the example…", "busy");
    let loaded;
    try {
      loaded = await loadExample(file);
    } catch (e) {
      if (mine === picking) sharing.notice(`The example could not be loaded: ${e.message || e}.`);
      return;
    } finally {
      if (mine === picking && status.text() === "Loading the example…") status.set("");
    }
    if (mine !== picking) return;
    galleryBox.open = false; // out of the way of what it loaded
    applyState(loaded.state, { example: loaded.entry });
  }

  /**
   * showExample shows which example the page holds and what it teaches, or
   * that it was changed from it; or hides the note.
   * @param {State["example"]} ex
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
   * @param {{whole?: boolean}} [how]
   */
  function userEdit({ whole = false } = {}) {
    runner.edited();
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
   * @param {State} s
   * @param {{example?: Entry | null, source?: string}} [how]
   */
  function applyState(s, { example = null, source = "" } = {}) {
    picking++;
    runner.edited();
    if (example) s = withExample(s, example);
    if (source === "link") sharing.linked(s); // before the change, which would drop the fragment
    store.set({ ...s });
    const now = store.get();
    // Code from a link, a repro file or a saved session waits for Run.
    if (isOwn(now.preset) && ["link", "repro", "session"].includes(source)) own.disarm(source, now);
    else if (isOwn(now.preset) && example) own.fromExample();
    else own.arm();
    controls.sync(now);
    controls.syncStream(now.firehose, { open: true });
    workspace.setTexts(now.input, now.response);
    showExample(now.example);
    sharing.restored(source);
    runner.runSoon(0);
  }

  /**
   * dropText puts the text of a file dropped on an editor into that editor.
   * @param {Node} el
   * @param {string} text
   */
  function dropText(el, text) {
    const which = workspace.editorOf(el);
    if (!which) return;
    userEdit({ whole: which === "input" });
    workspace[which].replaceText(text);
    runner.runSoon(0);
  }

  /** currentState is the state with the editors' text as it is now (a run may not have taken it yet). */
  function currentState() {
    store.set(workspace.texts());
    const code = own.text();
    if (code !== null && isOwn(store.get().preset)) store.set({ fn: { code } });
    return store.get();
  }

  const sharing = bindSharing({ getState: currentState, applyState, dropText, session });

  // After a refused link the page is empty: that emptiness is not saved over
  // the session until the user makes something of it.
  let holdSession = false;
  const emptyShared = JSON.stringify(shareable(defaultState("")));

  store.subscribe((/** @type {State} */ s) => {
    sharing.changed(s);
    if (holdSession) {
      if (JSON.stringify(shareable(s)) === emptyShared) return;
      holdSession = false;
    }
    session.saveSoon(() => store.get());
  });

  /**
   * openLink shows the state a fragment holds, or says why it cannot.
   * @param {string} hash
   */
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

  return {
    userEdit,
    currentState,
    /** @param {string} pending */
    start(pending) {
      if (pending === "link") {
        openLink(location.hash);
      } else if (pending === "session") {
        whenCatalog().then(() => session.load()).then((s) => {
          if (s) applyState(s, { source: "session" });
          else applyState(exampleState(defaultExample), { example: defaultEntry });
        });
      } else {
        showExample(store.get().example);
        runner.runSoon(0);
      }
    },
    openGallery() {
      galleryBox.open = true;
      galleryBox.scrollIntoView({ block: "start" });
      showGallery().then(() => {
        const first = /** @type {HTMLElement | null} */ (gallery.querySelector("button.gallery-load"));
        if (first) first.focus();
      });
    },
  };
}
