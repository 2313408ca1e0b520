import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodeFragment, encodeFragment, fromShared, readRepro, reproFile, ShareError } from "../src/share.js";
import { setCatalog } from "../src/catalog.js";
import { defaultState } from "../src/state.js";

test("without the engine's names any short name passes", () => {
  assert.equal(fromShared({ preset: "tomorrow's-preset" }).preset, "tomorrow's-preset");
  assert.throws(() => fromShared({ preset: "x".repeat(65) }), ShareError);
  assert.throws(() => fromShared({ preset: 1 }), /preset must be a string/);
});

test("with the engine's names an unknown one is refused", () => {
  setCatalog(JSON.parse(readFileSync(new URL("../../transform/testdata/describe.json", import.meta.url), "utf8")));
  assert.equal(fromShared({ preset: "ndjson", inputKind: "base64" }).preset, "ndjson");
  assert.throws(() => fromShared({ preset: "rm -rf" }), /preset must be one of seed, seed-v1, ndjson, identity/);
  assert.throws(() => fromShared({ options: { arrays: "spread" } }), /options\.arrays must be one of/);
  assert.throws(() => fromShared({ firehose: { errorLayout: "2030" } }), /firehose\.errorLayout must be one of/);
});

test("a link holds the state exactly", async () => {
  const s = { ...defaultState("{\"records\": []} 한국어 😀"), preset: "ndjson", response: "{}", selected: 3 };
  const back = await decodeFragment(await encodeFragment(s));
  assert.equal(back.input, s.input);
  assert.equal(back.preset, "ndjson");
  assert.equal(back.response, "{}");
  assert.equal(back.selected, 3);
});

test("a damaged link and a repro file of another format are refused", async () => {
  await assert.rejects(decodeFragment("#v1.AAAA"), ShareError);
  await assert.rejects(decodeFragment("#v9.AAAA"), ShareError);
  assert.throws(() => readRepro('{"firehosePlayground": 2, "state": {}}'), ShareError);
  assert.equal(readRepro(reproFile(defaultState("abc"))).input, "abc");
});
