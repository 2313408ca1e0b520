// What the build gives the Python runtime's worker (build-python.mjs):
// its Python source as text (esbuild's text loader), and Pyodide's version
// and lock file "info" as constants.
declare module "*.py" {
  const source: string;
  export default source;
}

declare const PYODIDE_LOCK_INFO: any; // pyodide-lock.json's "info"
declare const PYODIDE_PACKAGE_VERSION: string;
