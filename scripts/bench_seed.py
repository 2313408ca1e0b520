#!/usr/bin/env python3
"""The engine in Node against the seed Lambda in CPython, on one 6 MB event.

    make build && python3 scripts/bench_seed.py

Writes the engine benchmark's 6 MB event (go test -run TestWriteBenchEvent),
times the reference seed handler (scripts/seed/seed_lambda.py) on it in this
CPython, json.loads of the event and json.dumps of the response included, as
the Lambda runtime does, then times firehose.run in Node the way the page
calls it (the event as bytes, the report, then the body fetched as bytes),
and prints the medians and their ratio. Dev-time only: the tests never run it.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "seed"))
import seed_lambda  # noqa: E402


def as_text(o):
    """The Lambda runtime writes the seed's bytes-valued data as text."""
    if isinstance(o, bytes):
        return o.decode()
    raise TypeError(f"{o!r} is not JSON serializable")


def main():
    runs = int(os.environ.get("RUNS", "7"))
    dist = os.environ.get("DIST", os.path.join(ROOT, "dist"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "event.json")
        subprocess.run(["go", "test", "-count=1", "-run", "^TestWriteBenchEvent$", "./transform"],
                       cwd=ROOT, check=True, env={**os.environ, "FIREHOSE_BENCH_EVENT": path},
                       stdout=subprocess.DEVNULL)
        with open(path, "rb") as f:
            raw = f.read()

        py = []
        for _ in range(runs):
            t0 = time.perf_counter()
            event = json.loads(raw)
            out = seed_lambda.lambda_handler(event, None)
            json.dumps(out, default=as_text)
            py.append((time.perf_counter() - t0) * 1000)

        res = subprocess.run(["node", os.path.join(HERE, "bench-node.mjs"), dist, path, str(runs)],
                             cwd=ROOT, check=True, capture_output=True, text=True)
        node = json.loads(res.stdout.strip().splitlines()[-1])

    py_ms = statistics.median(py)
    go_ms = statistics.median(node["ms"])
    print(f"event: {len(raw):,} bytes, {node['records']} records; body {node['bodyBytes']:,} bytes")
    print(f"CPython {sys.version.split()[0]} seed handler (json.loads + handler + json.dumps): "
          f"median {py_ms:.1f} ms of {runs} ({', '.join(f'{x:.0f}' for x in py)})")
    print(f"Node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()} "
          f"firehose.run + body: median {go_ms:.1f} ms of {runs} ({', '.join(f'{x:.0f}' for x in node['ms'])})")
    print(f"engine in Node / CPython: {py_ms / go_ms:.2f}x as fast")
    print(f"engine's WebAssembly memory after the runs (its peak): {node['memory'] / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
