#!/usr/bin/env python3
"""Times the seed handler (scripts/seed/seed_lambda.py) on one event in this
CPython, to compare with the page's Python (e2e TestPerfPython, which writes
the same event with FIREHOSE_PERF_EVENT=FILE).

Usage: python3 scripts/seedbench.py EVENT.json [RUNS]

Prints, for each run, the time the handler took plus the time the runtime's
marshaller (json.dumps of the response, bytes as text) took, in ms.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed"))
import seed_lambda  # noqa: E402


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print("CPython", sys.version.split()[0], "on a", len(text.encode("utf-8")), "byte event")
    for _ in range(runs):
        start = time.perf_counter()
        event = json.loads(text)
        response = seed_lambda.lambda_handler(event, None)
        body = json.dumps(response, default=lambda o: o.decode("utf-8"), ensure_ascii=False)
        ms = (time.perf_counter() - start) * 1000
        print("%.0f ms (json.loads of the event, the handler, json.dumps of a %d-byte body)" % (ms, len(body)))


if __name__ == "__main__":
    main()
