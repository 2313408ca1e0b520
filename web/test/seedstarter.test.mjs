// The function editor's Python starter, made at build time from the seed
// Lambda's file (build-seed.mjs): the project keeps one copy of that code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pythonStarter, seedFile } from "../build-seed.mjs";

const seed = readFileSync(seedFile, "utf8");

test("the starter is the seed file's code: imports, helpers and lambda_handler", () => {
  const starter = pythonStarter(seed);
  assert.ok(starter.startsWith("import json, base64\n"), starter.slice(0, 40));
  assert.ok(seed.includes(starter.trimEnd()), "the starter is one piece of the seed file");
  assert.match(starter, /\ndef lambda_handler\(event, context\):\n/);
  assert.ok(starter.endsWith("    return {'records': records}\n"));
  assert.doesNotMatch(starter, /lambda_handler_v1|"""/);
});

test("a seed file of another shape fails the build", () => {
  assert.throws(() => pythonStarter(seed.replace(/^"""/, "#")), /docstring/);
  assert.throws(() => pythonStarter(seed.replace("def lambda_handler_v1(", "def handler_v1(")), /lambda_handler_v1/);
  assert.throws(() => pythonStarter(seed.replace("def lambda_handler(event", "def handler(event")), /no lambda_handler/);
});
