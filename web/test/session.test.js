import { test } from "node:test";
import assert from "node:assert/strict";
import { createSession, SESSION_KEY } from "../src/session.js";
import { defaultState } from "../src/state.js";

// A localStorage of a Map; fail makes every write throw (a full quota).
// written() resolves at the next write tried.
function fakeStorage() {
  const m = new Map();
  let wrote = () => {};
  const st = {
    fail: false,
    written: () => new Promise((r) => { wrote = r; }),
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => {
      wrote();
      if (st.fail) throw new Error("QuotaExceededError");
      m.set(k, String(v));
    },
  };
  globalThis.window = { localStorage: st };
  return st;
}

test("a saved session comes back", async () => {
  const st = fakeStorage();
  const s = createSession({ delay: 0 });
  assert.equal(s.remember(), true);
  assert.equal(s.hasSaved(), false);
  const saved = st.written();
  s.saveSoon(() => defaultState("kept"));
  await saved;
  assert.equal(s.hasSaved(), true);
  assert.equal((await s.load()).input, "kept");
});

test("turning remembering off forgets, and saves nothing more", async () => {
  const st = fakeStorage();
  const s = createSession({ delay: 0 });
  const saved = st.written();
  s.saveSoon(() => defaultState("kept"));
  await saved;
  s.setRemember(false);
  assert.deepEqual(JSON.parse(st.getItem(SESSION_KEY)), { remember: false });
  s.saveSoon(() => defaultState("not kept")); // not even scheduled
  assert.equal(await s.load(), null);
  assert.deepEqual(JSON.parse(st.getItem(SESSION_KEY)), { remember: false });
});

test("clear forgets the state and keeps the choice", async () => {
  const st = fakeStorage();
  const s = createSession({ delay: 0 });
  const saved = st.written();
  s.saveSoon(() => defaultState("kept"));
  await saved;
  s.clear();
  assert.equal(s.hasSaved(), false);
  assert.equal(s.remember(), true);
});

test("storage that fails or holds garbage is ignored", async () => {
  const st = fakeStorage();
  st.setItem(SESSION_KEY, "not json");
  const s = createSession({ delay: 0 });
  assert.equal(await s.load(), null);
  st.fail = true;
  const tried = st.written();
  s.saveSoon(() => defaultState("x"));
  await tried;
  assert.equal(s.hasSaved(), false);
  globalThis.window = {};
  assert.equal(createSession().hasSaved(), false);
});
