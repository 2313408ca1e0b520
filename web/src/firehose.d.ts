// The engine's JavaScript API (wasm/: globalThis.firehose, see the README's
// "The JavaScript API") and the part of Go's wasm_exec.js that starts it,
// as the engine's worker (worker.js) uses them.

interface FirehoseEngine {
  /** the engine's version */
  version: string;
  /** a JSON request in, a JSON report out; with bytes, the report leaves its documents aside */
  run(request: string | { request: string; input?: Uint8Array | string; response?: Uint8Array | string }): string;
  /** one document of the latest run ("body", "event", "export"), or null */
  document(run: number, name: string): Uint8Array | null;
  /** the engine's description of itself, as JSON text (transform.Describe) */
  describe(): string;
  /** frees the memory the latest run no longer holds; called once a run's results are out */
  collect(): void;
}

declare var firehose: FirehoseEngine;

/** Go's WebAssembly runtime (wasm_exec.js). */
interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

declare var Go: { new (): GoRuntime };
