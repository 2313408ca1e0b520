// The catalog reader, with the engine's description as the engine's own
// tests keep it (transform/testdata/describe.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as catalog from "../src/catalog.js";

const describe = JSON.parse(readFileSync(new URL("../../transform/testdata/describe.json", import.meta.url), "utf8"));

test("before the engine is ready the catalog knows nothing", () => {
  assert.equal(catalog.catalog(), null);
  assert.equal(catalog.names("presets"), null);
  assert.deepEqual(catalog.termsOf("presets"), []);
  assert.equal(catalog.explain("Lambda.MissingRecordId"), "");
  assert.equal(catalog.codeTitle("Lambda.MissingRecordId"), "");
});

test("the engine's description is read once", async () => {
  catalog.setCatalog(describe);
  catalog.setCatalog({ codes: [], presets: [] }); // a later one is ignored
  assert.equal(await catalog.whenCatalog(), describe);
  assert.deepEqual(catalog.names("presets"), describe.presets.map((p) => p.name));
  assert.deepEqual(catalog.names("inputKinds"), describe.inputKinds.map((k) => k.name));
  assert.deepEqual(catalog.names("arrays"), describe.options.arrays);
  assert.deepEqual(catalog.names("errorLayouts"), describe.errorLayouts);
  assert.deepEqual(catalog.termsOf("inputKinds"), describe.inputKinds);
});

test("a Firehose code says what it means, what Firehose does next and how sure we are", () => {
  const dup = describe.codes.find((c) => c.code === "Lambda.DuplicatedRecordId");
  assert.deepEqual(catalog.codeInfo(dup.code), { words: `${dup.words} ${dup.next}`, confidence: "unconfirmed", why: dup.doubt });
  const title = catalog.codeTitle(dup.code);
  assert.match(title, /^Lambda\.DuplicatedRecordId: /);
  assert.match(title, /Confidence: unconfirmed\./);
});

test("a verdict's own confidence wins over the code's usual one", () => {
  const info = catalog.codeInfo("Lambda.FunctionError", "likely");
  assert.equal(info.confidence, "likely");
  assert.match(info.why, /the code is usually confirmed/);
  assert.equal(catalog.codeInfo("Lambda.FunctionError", "confirmed").confidence, "confirmed");
});

test("the playground's own codes have words but no Firehose title", () => {
  assert.equal(catalog.codeInfo("json.syntax"), null);
  assert.equal(catalog.codeTitle("json.syntax"), "");
  assert.notEqual(catalog.explain("response.ignoredRecordId"), "");
  assert.equal(catalog.explain("no.such.code"), "");
});

test("no word repeats a number the report knows", () => {
  for (const c of describe.codes) {
    assert.doesNotMatch(catalog.explain(c.code), /\d+ attempts/, c.code);
  }
});

test("confidences and outcomes are explained", () => {
  assert.notEqual(catalog.confidenceText("likely"), "");
  assert.equal(catalog.confidenceText("nonsense"), "");
  assert.match(catalog.outcomeText("failed"), /processing-failed/);
  assert.equal(catalog.outcomeText("other"), "other");
});

test("the catalog says which codes tell of the engine failing, and which explain a status", () => {
  assert.equal(catalog.failureOf("engine.panic"), "panic");
  assert.equal(catalog.failureOf("request.json"), "request");
  assert.equal(catalog.failureOf("Lambda.MissingRecordId"), "");
  assert.equal(catalog.statusCode("ignored"), "response.ignoredRecordId");
  assert.equal(catalog.statusCode("duplicate"), "Lambda.DuplicatedRecordId");
  assert.equal(catalog.statusCode("matched"), "");
});
