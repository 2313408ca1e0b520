import { test } from "node:test";
import assert from "node:assert/strict";
import { createStore, defaultState, sameRun, toRequest, toExportRequest, PAGE_SIZE } from "../src/state.js";

test("a request carries the ndjson options only for ndjson", () => {
  const s = defaultState("x");
  assert.equal(toRequest(s).options, undefined);
  const r = toRequest({ ...s, preset: "ndjson", options: { ...s.options, maxDepth: "3" } });
  assert.deepEqual(r.options, { separator: ".", maxDepth: 3, arrays: "json", values: "json" });
});

test("a request keeps the delivery stream's settings that differ from the defaults", () => {
  const s = defaultState("x");
  assert.deepEqual(toRequest(s).firehose, { appendDelimiter: false });
  const f = { ...s.firehose, prefix: "p/", retries: 0, errorLayout: "2019", appendDelimiter: true };
  assert.deepEqual(toRequest({ ...s, firehose: f }).firehose, { appendDelimiter: true, prefix: "p/", retries: 0, errorLayout: "2019" });
});

test("a request asks for the page shown, and sends a response only when there is one", () => {
  const s = { ...defaultState("x"), page: 2, response: "  " };
  const r = toRequest(s);
  assert.deepEqual(r.detail, { from: 2 * PAGE_SIZE, count: PAGE_SIZE });
  assert.equal(r.response, undefined);
  assert.equal(toRequest({ ...s, response: "{}" }).response, "{}");
  assert.deepEqual(toExportRequest(s, "s3").detail, { from: 0, count: 1 });
  assert.equal(toExportRequest(s, "s3").export, "s3");
});

test("the store tells subscribers what changed, and nothing when nothing did", () => {
  const store = createStore(defaultState(""));
  const seen = [];
  store.subscribe((_, changed) => seen.push(changed));
  store.set({ input: "a", options: { separator: "_" } });
  store.set({ input: "a", options: { separator: "_" } });
  store.set({ firehose: { prefix: "p/" } });
  assert.deepEqual(seen, [["input", "options"], ["firehose"]]);
  assert.equal(store.get().options.arrays, "json", "a patch merges one level deep");
});

test("another page of records is the same run; any other change is not", () => {
  const s = { ...defaultState("{}"), page: 0 };
  assert.equal(sameRun(s, { ...s, page: 3, selected: 301 }), true);
  assert.equal(sameRun(s, { ...s, input: "{ }" }), false);
  assert.equal(sameRun(s, { ...s, response: "{}" }), false);
  assert.equal(sameRun(s, { ...s, preset: "ndjson" }), false);
  assert.equal(sameRun(s, { ...s, firehose: { ...s.firehose, retries: 5 } }), false);
  assert.equal(sameRun(s, { ...s, fn: { ...s.fn, code: "x" } }), false);
  assert.equal(sameRun(s, null), false);
});
