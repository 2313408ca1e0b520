// Builds the page into a folder that any static host can serve:
//
//	node build.mjs ../dist
//
// app.js (the page, an ES module) and worker.js (the classic worker that runs
// the engine) are bundled and minified by esbuild; index.html, style.css,
// the favicon and the examples are copied as they are. firehose.wasm and
// wasm_exec.js are not built here (see the Makefile).
import * as esbuild from "esbuild";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPython } from "./build-python.mjs";
import { seedStarterPlugin } from "./build-seed.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "..", "dist"));
await mkdir(out, { recursive: true });

// CodeMirror's style-mod puts its styles in a <style> element when the root
// is a document, which the page's Content-Security-Policy (style-src 'self')
// blocks. Constructable stylesheets are not inline styles, and style-mod
// already uses them for shadow roots: make it use them for the document too.
// The build fails if a new style-mod no longer has the line, so the
// e2e test's "no CSP violation" check is never the first to notice.
const adoptedStyleSheets = {
  name: "style-mod-adopted-stylesheets",
  setup(build) {
    build.onLoad({ filter: /[\\/]style-mod[\\/].*\.js$/ }, async (args) => {
      const src = await readFile(args.path, "utf8");
      const from = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
      if (!src.includes(from)) {
        throw new Error(`${args.path}: style-mod changed; check how it mounts styles (see build.mjs)`);
      }
      return { contents: src.replace(from, "if (root.adoptedStyleSheets && win.CSSStyleSheet) {"), loader: "js" };
    });
  },
};

// CodeMirror parses a document in the background in slices of up to 100 ms
// when the browser can tell it that input is pending (Chrome): a keystroke
// still gets through, but each slice is a long task that holds up whatever
// else the page has to do (the results of a 6 MB paste). Slices of 40 ms
// keep every task under the 50 ms a frame-friendly page allows. The build
// fails if @codemirror/language no longer has the line.
const shortParseSlices = {
  name: "codemirror-short-parse-slices",
  setup(build) {
    build.onLoad({ filter: /[\\/]@codemirror[\\/]language[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const src = await readFile(args.path, "utf8");
      const from = "Math.min(this.chunkBudget, 100 /* Work.Slice */,";
      if (!src.includes(from)) {
        throw new Error(`${args.path}: @codemirror/language changed; check its parse slices (see build.mjs)`);
      }
      return { contents: src.replace(from, "Math.min(this.chunkBudget, 40 /* Work.Slice, shortened */,"), loader: "js" };
    });
  },
};

const common = {
  bundle: true,
  minify: !process.env.FIREHOSE_WEB_DEBUG, // FIREHOSE_WEB_DEBUG=1: readable bundles, for profiling
  legalComments: "linked",
  target: ["chrome111", "firefox115", "safari16.4"],
  logLevel: "warning",
  absWorkingDir: here,
  plugins: [adoptedStyleSheets, shortParseSlices, seedStarterPlugin],
};

const [app] = await Promise.all([
  // app.js, and the chunks it loads only when needed (the function editor
  // and its language modes, the field docs' words): esbuild's code splitting.
  esbuild.build({ ...common, entryPoints: { app: "src/main.js" }, outdir: out, format: "esm", splitting: true, chunkNames: "chunk-[hash]", metafile: true }),
  esbuild.build({ ...common, entryPoints: ["src/worker.js"], outfile: join(out, "worker.js"), format: "iife" }),
  // The runtimes of the user's function: workers of their own, loaded only when chosen.
  esbuild.build({ ...common, entryPoints: ["src/runtimes/nodejs-worker.js"], outfile: join(out, "runtime-nodejs.js"), format: "iife" }),
  buildPython(esbuild, common, out),
]);
// QuickJS's WebAssembly, next to its worker.
await cp(join(here, "node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm"), join(out, "runtime-nodejs.wasm"));

for (const f of ["style.css", "favicon.svg"]) {
  await cp(join(here, f), join(out, f));
}
// The chunks app.js imports statically (CodeMirror, which app.js shares with
// the function editor) are named in index.html as modulepreload links, so the
// browser fetches them with app.js instead of after it.
const staticChunks = Object.entries(app.metafile.outputs)
  .filter(([, o]) => o.entryPoint === "src/main.js")
  .flatMap(([, o]) => o.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path.split("/").pop()));
const html = await readFile(join(here, "index.html"), "utf8");
const script = '<script type="module" src="app.js"></script>';
if (!html.includes(script)) throw new Error("index.html: the app.js script tag changed (see build.mjs)");
await writeFile(join(out, "index.html"),
  html.replace(script, [script, ...staticChunks.map((c) => `<link rel="modulepreload" href="${c}">`)].join("\n")));
await mkdir(join(out, "examples"), { recursive: true });
for (const f of await readdir(join(here, "examples"))) {
  if (f.endsWith(".json")) await cp(join(here, "examples", f), join(out, "examples", f));
}
console.log(`web: built ${out}`);
