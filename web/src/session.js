// The last session, kept in this browser's localStorage under one key and
// restored on the next visit. The saved state is the same text as a share
// link's fragment (compressed, and decoded as strictly). Storage can fail
// (quota, privacy modes, disabled storage): every failure is ignored.
//
// The key holds {"remember": bool, "state": "v1.…" | absent}.
import { decodeFragment, encodeFragment } from "./share.js";

export const SESSION_KEY = "firehose-playground";

function storage() {
  try {
    return window.localStorage || null;
  } catch {
    return null; // storage disabled: reading the property throws
  }
}

function read() {
  try {
    const v = JSON.parse(storage().getItem(SESSION_KEY) || "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

function write(v) {
  try {
    storage().setItem(SESSION_KEY, JSON.stringify(v));
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
 *   saveSoon(getState)  saves getState() after delay ms of quiet, when remembering
 *   clear()             forgets the saved state (keeps the choice to remember)
 *   hasSaved()          whether a state is saved
 */
export function createSession({ delay = 400 } = {}) {
  let timer = 0;
  let generation = 0; // a save started before clear() or setRemember(false) is dropped

  const remember = () => read().remember !== false;

  async function save(getState) {
    const gen = generation;
    let fragment;
    try {
      fragment = await encodeFragment(getState());
    } catch {
      return; // too large to keep: the previous save stays
    }
    if (gen !== generation || !remember()) return;
    const ran = read().ran; // see ran(): kept with the state
    if (!write(typeof ran === "string" ? { remember: true, state: fragment, ran } : { remember: true, state: fragment })) {
      // Over the quota: a stale state would be worse than none.
      write({ remember: true });
    }
  }

  return {
    remember,
    setRemember(on) {
      clearTimeout(timer);
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
    saveSoon(getState) {
      if (!remember()) return;
      clearTimeout(timer);
      timer = setTimeout(() => save(getState), delay);
    },
    clear() {
      clearTimeout(timer);
      generation++;
      write({ remember: remember() });
    },
    hasSaved() {
      return typeof read().state === "string";
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
    setRan(fp) {
      if (remember() && read().ran !== fp) write({ ...read(), ran: fp });
    },
  };
}
