// The languages the page runs a function in: what the page says of each,
// the handler its runtime calls by default, and its worker.

/** LANGUAGES describes the function languages the page runs. */
export const LANGUAGES = {
  python: {
    label: "Python",
    handler: "lambda_function.lambda_handler",
    file: "lambda_function.py",
    worker: "runtime-python.js",
    emulates: "python3.13",
    about: "CPython 3.14 compiled to WebAssembly (Pyodide), standing in for Lambda's python3.13 runtime",
  },
  nodejs: {
    label: "Node.js",
    handler: "index.handler",
    file: "index.mjs",
    worker: "runtime-nodejs.js",
    emulates: "nodejs22.x",
    about: "QuickJS compiled to WebAssembly, standing in for Lambda's nodejs22.x runtime (the parts of Node.js that transforms use)",
  },
};
