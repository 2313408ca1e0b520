// toCommonJS rewrites the ES module syntax a Lambda handler file uses
// (export const handler = …, export default, export { … }, import … from
// "zlib") into CommonJS, line by line, so line numbers stay those of the
// user's code. Pure: web/test/nodemodule.test.mjs tests it.
const NAME = "[A-Za-z_$][\\w$]*";

/**
 * toCommonJS returns {source, module}: module is true when ES module syntax was rewritten.
 * @param {string} code
 */
export function toCommonJS(code) {
  /** @type {(string | {raw: string})[]} */
  const exported = [];
  let module = false;
  const lines = code.split("\n").map((line) => {
    let m;
    if ((m = new RegExp(`^(\\s*)export\\s+(async\\s+function\\s*\\*?|function\\s*\\*?|class|const|let|var)\\s+(${NAME})`).exec(line))) {
      module = true;
      exported.push(m[3]);
      return m[1] + m[2] + " " + m[3] + line.slice(m[0].length);
    }
    if ((m = /^(\s*)export\s+default\s+/.exec(line))) {
      module = true;
      return m[1] + "module.exports.default = " + line.slice(m[0].length);
    }
    if ((m = /^(\s*)export\s*\{([^}]*)\}\s*;?/.exec(line))) {
      module = true;
      const parts = m[2].split(",").map((x) => x.trim()).filter(Boolean).map((x) => {
        const [local, as] = x.split(/\s+as\s+/);
        return `module.exports[${JSON.stringify(as || local)}] = ${local};`;
      });
      exported.push(...parts.map((p) => ({ raw: p })));
      return m[1] + line.slice(m[0].length);
    }
    if ((m = new RegExp(`^(\\s*)import\\s+(?:\\*\\s+as\\s+)?(${NAME})\\s+from\\s+(['"])([^'"]+)\\3\\s*;?`).exec(line))) {
      module = true;
      return `${m[1]}const ${m[2]} = require(${JSON.stringify(m[4])});${line.slice(m[0].length)}`;
    }
    if ((m = /^(\s*)import\s*\{([^}]*)\}\s*from\s+(['"])([^'"]+)\3\s*;?/.exec(line))) {
      module = true;
      const names = m[2].split(",").map((x) => x.trim()).filter(Boolean).map((x) => x.replace(/\s+as\s+/, ": ")).join(", ");
      return `${m[1]}const { ${names} } = require(${JSON.stringify(m[4])});${line.slice(m[0].length)}`;
    }
    return line;
  });
  const tail = exported.map((e) => (typeof e === "string" ? `module.exports.${e} = ${e};` : e.raw)).join(" ");
  return { source: lines.join("\n") + (tail ? "\n;" + tail : ""), module };
}
