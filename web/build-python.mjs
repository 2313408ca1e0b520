// Builds the Python runtime's worker and copies the Pyodide files it loads
// (called by build.mjs):
//
//	runtime-python.js   web/src/runtimes/python-worker.js, an IIFE classic worker,
//	                    with Pyodide's loader (pyodide.mjs) bundled in
//	pyodide/            pyodide.asm.mjs (the Emscripten module, loaded with import()),
//	                    pyodide.asm.wasm (CPython), python_stdlib.zip
//
// pyodide-lock.json is not copied: the worker gives the loader a lock file
// with Pyodide's own "info" and no packages (read here, at build time), so
// nothing is fetched for it and no package can be loaded.
import { cp, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

// pyodideFiles are the files of the pyodide package the worker loads.
export const pyodideFiles = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];

export async function buildPython(esbuild, common, out) {
  const pkg = dirname(require.resolve("pyodide/package.json"));
  const { version } = JSON.parse(await readFile(join(pkg, "package.json"), "utf8"));
  const lock = JSON.parse(await readFile(join(pkg, "pyodide-lock.json"), "utf8"));
  await mkdir(join(out, "pyodide"), { recursive: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ["src/runtimes/python-worker.js"],
      outfile: join(out, "runtime-python.js"),
      format: "iife",
      loader: { ".py": "text" },
      // pyodide.mjs imports Node's modules only when it runs under Node.
      external: ["node:*", "ws"],
      define: {
        PYODIDE_PACKAGE_VERSION: JSON.stringify(version),
        PYODIDE_LOCK_INFO: JSON.stringify(lock.info),
      },
    }),
    ...pyodideFiles.map((f) => cp(join(pkg, f), join(out, "pyodide", f))),
  ]);
}
