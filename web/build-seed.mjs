// The Python starter of the function editor is the seed Lambda's own code
// (scripts/seed/seed_lambda.py, the reference the engine's seed preset is
// checked against), so the project keeps one copy of it. pythonStarter
// takes the file's code without its module docstring and without
// lambda_handler_v1 (the seed-v1 preset's handler): the imports, the helpers
// and lambda_handler. seedStarterPlugin serves it to the bundle as the
// module "seed:python-starter" (its default export, a string); the build
// fails when the file no longer has the shape this reads.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const seedFile = join(dirname(fileURLToPath(import.meta.url)), "..", "scripts", "seed", "seed_lambda.py");

/** pythonStarter returns the starter made of the seed file's text. */
export function pythonStarter(text) {
  const doc = /^"""[\s\S]*?"""\n/.exec(text);
  if (!doc) throw new Error(`${seedFile}: no module docstring to leave out`);
  let code = text.slice(doc[0].length);
  const v1 = code.indexOf("\n\n\ndef lambda_handler_v1(");
  if (v1 < 0) throw new Error(`${seedFile}: no lambda_handler_v1 to leave out`);
  const next = code.indexOf("\n\n\ndef ", v1 + 3);
  code = code.slice(0, v1) + (next < 0 ? "\n" : code.slice(next));
  if (!code.includes("\ndef lambda_handler(event, context):\n")) throw new Error(`${seedFile}: no lambda_handler`);
  return code;
}

export const seedStarterPlugin = {
  name: "seed-python-starter",
  setup(build) {
    build.onResolve({ filter: /^seed:python-starter$/ }, (args) => ({ path: args.path, namespace: "seed" }));
    build.onLoad({ filter: /.*/, namespace: "seed" }, async () => ({
      contents: `export default ${JSON.stringify(pythonStarter(await readFile(seedFile, "utf8")))};`,
      loader: "js",
      watchFiles: [seedFile],
    }));
  },
};
