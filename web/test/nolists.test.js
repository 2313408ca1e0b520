// The page holds no list of its own of what the engine describes: the
// codes, presets, input kinds and sources are named in the engine's
// description (transform/describe.go, internal/report/catalog.go), and the page
// reads their names, words and roles from the catalog (src/catalog.js).
// This fails when two names of one of those lists appear close together in
// a page module, as a hand-written list or map of them would have them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const describe = JSON.parse(readFileSync(new URL("../../transform/testdata/describe.json", import.meta.url), "utf8"));
const src = new URL("../src/", import.meta.url).pathname;

// Names that are also everyday words of the page's code (a JSON option
// value, a Buffer encoding, the event itself) are left out: they do not
// tell a list of input kinds apart.
const common = new Set(["auto", "event", "json", "base64"]);

function modules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : []);
}

// mentions finds each name as a string literal or an object key.
function mentions(text, names) {
  const found = [];
  for (const name of names) {
    const esc = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    const re = new RegExp(`(["'\`])${esc}\\1|(?<![\\w.$-])${esc}(?=\\s*:[^:])`, "g");
    for (const m of text.matchAll(re)) found.push({ name, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

const WINDOW = 100; // characters: a list's neighbouring entries are closer than this

// namesOf lists the names of a field of the description.
const namesOf = (field) => field === "codes" ? describe.codes.map((c) => c.code) : describe[field].map((t) => t.name);

for (const field of ["codes", "presets", "inputKinds", "sources"]) {
  test(`the page has no list of its own of the engine's ${field}`, () => {
    const names = namesOf(field).filter((n) => !common.has(n));
    assert.ok(names.length >= 2);
    for (const file of modules(src)) {
      const text = readFileSync(file, "utf8");
      const found = mentions(text, names);
      for (let i = 1; i < found.length; i++) {
        const a = found[i - 1], b = found[i];
        assert.ok(a.name === b.name || b.at - a.at > WINDOW,
          `${file.slice(src.length)}: ${a.name} and ${b.name} listed together; read them from the catalog (src/catalog.js)`);
      }
    }
  });
}
