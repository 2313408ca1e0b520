// Times firehose.run in Node on an event file, the way the page calls it:
// the event as bytes in, the report out, then the Lambda body fetched as
// bytes. Prints one JSON line: {"ms": [...], "bodyBytes": N, "records": N,
// "memory": the engine's WebAssembly memory afterwards, in bytes}.
//
//	node scripts/bench-node.mjs dist EVENT.json [runs]
//
// dist is a folder built by `make build` (firehose.wasm and the
// wasm_exec.js of the Go that built it). Used by scripts/bench_seed.py.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const [dist, eventPath, runsArg] = process.argv.slice(2);
if (!dist || !eventPath) {
  console.error("usage: node scripts/bench-node.mjs DIST EVENT.json [runs]");
  process.exit(2);
}
globalThis.require = (await import("node:module")).createRequire(import.meta.url);
globalThis.fs = await import("node:fs");
globalThis.path = await import("node:path");
globalThis.TextEncoder = TextEncoder;
globalThis.TextDecoder = TextDecoder;
globalThis.performance = performance;
globalThis.crypto ??= (await import("node:crypto")).webcrypto;
await import(resolve(join(dist, "wasm_exec.js")));

const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiate(readFileSync(join(dist, "firehose.wasm")), go.importObject);
go.run(instance);
const fh = globalThis.firehose;

const event = readFileSync(eventPath); // the bytes, as the page's worker encodes them
// The engine answers a request for the same run it just made from that run
// (another page of records): every other run gets the event with one more
// space at its end, so that each is a whole run.
const spaced = Buffer.concat([event, Buffer.from(" ")]);
const request = JSON.stringify({ inputKind: "event", preset: "seed", detail: { from: 0, count: 100 } });
const runs = Number(runsArg || 7);
const ms = [];
let body = null;
let report = null;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  report = JSON.parse(fh.run({ request, input: i % 2 ? spaced : event }));
  if (i > 0 && report.documents.run !== i + 1) throw new Error("the engine did not run again");
  body = report.documents.sizes.body !== undefined ? fh.document(report.documents.run, "body") : null;
  ms.push(performance.now() - t0);
  // What the page's worker does once a run's results are out, off the
  // run's path (an engine built before firehose.collect has none).
  if (typeof fh.collect === "function") fh.collect();
}
// WebAssembly memory never shrinks: its size after the runs is the
// engine's peak.
const memory = instance.exports.mem.buffer.byteLength;
console.log(JSON.stringify({ ms, bodyBytes: body ? body.length : 0, records: report.stats.records, memory }));
process.exit(0);
