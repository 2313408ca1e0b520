// The last session, kept in this browser's localStorage under one key and
// restored on the next visit. The saved state is the same text as a share
// link's fragment (compressed, and decoded as strictly). Storage can fail
// (quota, privacy modes, disabled storage): every failure is ignored.
//
// The key holds {"remember": bool, "state": "v1.…" | absent, "dropped": chars | absent}.
//
// Saving stays off the page's critical path: it waits for quiet (delay ms
// without a change) and then for the browser to be idle, so it never runs
// in the same task as a run or a paint. A state whose texts are over
// MAX_KEPT_CHARS keeps its settings but not its texts (deflating 6 MB on
// every change would cost the page a second of work each time): "dropped"
// says how many characters were left out, and onDropped(chars) tells the
// page, which says so.
import { decodeFragment, encodeFragment } from "./share.js";

export const SESSION_KEY = "firehose-playground";

/** MAX_KEPT_CHARS is the most text (input and response, in characters) a saved session keeps. */
export const MAX_KEPT_CHARS = 1_000_000;

/** @typedef {import("./state.js").State} State */
/** @typedef {{remember?: boolean, state?: string, dropped?: number, ran?: string}} Kept what the key holds */

/**
 * idle runs fn when the browser is idle (at most timeout ms later).
 * @param {() => void} fn
 */
function idle(fn, timeout = 2000) {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/**
 * keptState is what a session keeps of a state: all of it, or, when its
 * texts are over MAX_KEPT_CHARS, its settings with empty texts; dropped is
 * the number of characters left out.
 * @param {State} s
 */
export function keptState(s) {
  const chars = (s.input || "").length + (s.response || "").length;
  if (chars <= MAX_KEPT_CHARS) return { state: s, dropped: 0 };
  return { state: { ...s, input: "", response: "" }, dropped: chars };
}

function storage() {
  try {
    return window.localStorage || null;
  } catch {
    return null; // storage disabled: reading the property throws
  }
}

/** @returns {Kept} */
function read() {
  try {
    const st = storage();
    const v = JSON.parse((st && st.getItem(SESSION_KEY)) || "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/** @param {Kept} v */
function write(v) {
  try {
    const st = storage();
    if (!st) return false;
    st.setItem(SESSION_KEY, JSON.stringify(v));
    return true;
  } catch {
    return false;
  }
}

/**
 * createSession returns
 *   remember()          whether sessions are kept (default true)
 *   setRemember(on)     turns keeping on or off; off forgets the saved state
 *   load()              → Promise of the saved state, or null (none, or unreadable)
 *   saveSoon(getState)  saves getState() after delay ms of quiet and once the browser is
 *                       idle, when remembering; onDropped(chars) is called when the state's
 *                       texts were too large to keep (see keptState)
 *   clear()             forgets the saved state (keeps the choice to remember)
 *   hasSaved()          whether a state is saved
 * @param {{delay?: number, onDropped?: (chars: number) => void}} [options]
 */
export function createSession({ delay = 400, onDropped } = {}) {
  let timer = 0;
  let cancelIdle = () => {};
  let generation = 0; // a save started before clear() or setRemember(false) is dropped

  const remember = () => read().remember !== false;

  /** @param {() => State} getState */
  async function save(getState) {
    const gen = generation;
    let fragment;
    const { state, dropped } = keptState(getState());
    try {
      fragment = await encodeFragment(state);
    } catch {
      return; // too large to keep: the previous save stays
    }
    if (gen !== generation || !remember()) return;
    if (dropped && onDropped) onDropped(dropped);
    /** @type {Kept} */
    const kept = { remember: true, state: fragment };
    if (dropped) kept.dropped = dropped;
    const ran = read().ran; // see ran(): kept with the state
    if (typeof ran === "string") kept.ran = ran;
    if (!write(kept)) {
      // Over the quota: a stale state would be worse than none.
      write({ remember: true });
    }
  }

  return {
    remember,
    /** @param {boolean} on */
    setRemember(on) {
      clearTimeout(timer);
      cancelIdle();
      generation++;
      write(on ? { ...read(), remember: true } : { remember: false });
    },
    async load() {
      const v = read();
      if (v.remember === false || typeof v.state !== "string") return null;
      try {
        return await decodeFragment(v.state);
      } catch {
        return null;
      }
    },
    /** @param {() => State} getState */
    saveSoon(getState) {
      if (!remember()) return;
      clearTimeout(timer);
      cancelIdle();
      timer = setTimeout(() => { cancelIdle = idle(() => save(getState)); }, delay);
    },
    clear() {
      clearTimeout(timer);
      cancelIdle();
      generation++;
      write({ remember: remember() });
    },
    hasSaved() {
      return typeof read().state === "string";
    },
    /** dropped is how many characters the saved session left out (0: none). */
    dropped() {
      const d = read().dropped;
      return typeof d === "number" && d > 0 ? d : 0;
    },
    /**
     * ran() is the fingerprint of the last function code that ran in this
     * browser (code restored from the session runs at once only when it is
     * that code); setRan(fp) records it, when remembering.
     */
    ran() {
      const v = read().ran;
      return typeof v === "string" ? v : "";
    },
    /** @param {string} fp */
    setRan(fp) {
      if (remember() && read().ran !== fp) write({ ...read(), ran: fp });
    },
  };
}
