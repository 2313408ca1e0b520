#!/usr/bin/env python3
"""Regenerates transform/testdata/pydiff/seed.jsonl.gz: random Firehose events
and what the blog's Python Lambda (both versions) returns for each, for the
differential test of the seed presets (transform/seed_fuzz_test.go).

    python3 scripts/seedfuzz.py scripts/seed/run_seed.py [--count N --seed S --out FILE]

Each line is {"event": text, "seed": output, "v1": output}, where an output
is what run_seed.py prints (without the final newline): the response body
byte for byte, or the runtime's error object. "v1" is left out when it is
the same as "seed". The events are random: payloads of random objects with
every kind of value, random recordIds (strings, numbers, null, lists…),
non-canonical or broken base64, bad UTF-8, broken JSON, damaged envelopes.
Nesting stays shallow, so calling run_seed.run in this process gives what
the command would (the recursion limit is tested by scripts/seedcases.py).
"""
import argparse
import base64
import gzip
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pydiff import json_number, mutate, rand_json_string  # noqa: E402

OUT = os.path.join(HERE, "..", "transform", "testdata", "pydiff", "seed.jsonl.gz")


def key(rng):
    r = rng.random()
    if r < 0.5:
        return json.dumps(rng.choice(["a", "b", "c", "a.b", "b.c", "x", "id", "name", "a.b.c", "", ".", "이름", "k\"q"]),
                          ensure_ascii=rng.random() < 0.5)
    return rand_json_string(rng, rng.randint(0, 4))


def scalar(rng):
    r = rng.random()
    if r < 0.4:
        return rand_json_string(rng)
    if r < 0.75:
        return json_number(rng)
    return rng.choice(["true", "false", "null", "NaN", "Infinity", "-Infinity", "0", "-0", "0.0", "\"\"", "1e16",
                       "1E400", "-0.0", "123456789012345678901234567890"])


def value(rng, depth):
    r = rng.random()
    if depth < 2 and r < 0.2:
        return "[" + ", ".join(value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    if depth < 2 and r < 0.4:
        return obj(rng, depth + 1)
    return scalar(rng)


def obj(rng, depth):
    n = rng.randint(0, 3)
    sep = rng.choice([", ", ",", ",\n  "])
    colon = rng.choice([": ", ":", " : "])
    return "{" + sep.join(key(rng) + colon + value(rng, depth) for _ in range(n)) + "}"


def payload(rng, clean):
    """Payload bytes for one record."""
    r = 0 if clean else rng.random()
    if r < 0.6:
        text = "[" + ", ".join(obj(rng, 0) for _ in range(rng.randint(1, 3))) + "]"
    elif r < 0.7:
        text = rng.choice([obj(rng, 0), "[]", "{}", "\"\"", "\"ab\"", "[" + scalar(rng) + "]", scalar(rng), "[[]]",
                           "[{}, " + value(rng, 0) + "]", " [{}] ", "[{}]\n[{}]", "\ufeff[{}]", ""])
    elif r < 0.9:
        text = mutate(rng, "[" + ", ".join(obj(rng, 0) for _ in range(rng.randint(1, 2))) + "]")
    else:
        b = ("[" + obj(rng, 0) + "]").encode("utf-8")
        i = rng.randint(0, len(b))
        bad = rng.choice([b"\xff", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\x80", b"\xc0\xaf",
                          b"\xf4\x90\x80\x80", b"\x1f\x8b\x08\x00"])
        return b[:i] + bad + b[i:]
    return text.encode("utf-8")


def data_value(rng, raw, clean):
    """The record's "data" as JSON text."""
    r = rng.random()
    s = base64.b64encode(raw).decode()
    if r < 0.65:
        return json.dumps(s)
    if r < 0.9:
        op = rng.random()
        if clean:  # changes b64decode does not mind
            op = rng.choice([0.1, 0.3, 0.45, 0.5])
        if op < 0.2:
            s = s.rstrip("=")
        elif op < 0.4:
            i = rng.randint(0, len(s))
            junk = ["\n", "\r\n", " ", "!", "-", "_", "*", "\t"]
            if not clean:
                junk += ["=", "==", "A", "é"]
            s = s[:i] + rng.choice(junk) + s[i:]
        elif op < 0.5:
            s = s.replace("+", "-").replace("/", "_")
            if clean:
                s = s.replace("-", "").replace("_", "")
        elif op < 0.6:
            s = s + rng.choice(["QUJD", "=", "==", "A", "AB", "x"])
        elif op < 0.75:
            s = s[:rng.randint(0, len(s))]
        else:
            i = rng.randint(0, len(s))
            s = s[:i] + s[i + 1:]
        if rng.random() < 0.3:  # written with escapes
            return "\"" + "".join("\\u%04x" % ord(c) if rng.random() < 0.2 else json.dumps(c)[1:-1] for c in s) + "\""
        return json.dumps(s, ensure_ascii=rng.random() < 0.5)
    if clean:
        return json.dumps(s)
    return rng.choice(["123", "null", "[\"x\"]", "{}", "true", "1.5", "\"\"", "\"=\""])


def record_id(rng, i, clean):
    r = rng.random()
    if clean and r > 0.8 and rng.random() < 0.8:
        r = 0
    if r < 0.6:
        return json.dumps("rec-%d" % i)
    if r < 0.8:
        return rand_json_string(rng, rng.randint(0, 4))
    return rng.choice(["12345", "-0", "1.5", "2.0", "1e16", "NaN", "null", "true", "[1]", "{\"k\": \"v\"}", "\"\"",
                       "\"a\"", "\"a1\"", "123456789012345678901234567890", "-Infinity"])


def name(rng, key):
    """A key of the envelope as JSON text, now and then with an escape."""
    if rng.random() < 0.05:
        i = rng.randrange(len(key))
        return '"%s\\u%04x%s"' % (key[:i], ord(key[i]), key[i + 1:])
    return '"%s"' % key


def record(rng, i, clean):
    r = rng.random()
    if r < 0.03 and not clean:
        return rng.choice(["1", "\"x\"", "[1]", "null", "{}"])
    fields = []
    if rng.random() < 0.97 or clean:
        fields.append(name(rng, "recordId") + ": " + record_id(rng, i, clean))
    fields.append("\"approximateArrivalTimestamp\": 1767225600000")
    if rng.random() < 0.97 or clean:
        fields.append(name(rng, "data") + ": " + data_value(rng, payload(rng, clean), clean))
    rng.shuffle(fields)
    return "{" + ", ".join(fields) + "}"


def event(rng):
    # Most events are clean, so that the handler gets past every record;
    # the others fail somewhere.
    clean = rng.random() < 0.7
    recs = [record(rng, i, clean) for i in range(rng.randint(0, 3))]
    ind = rng.choice(["", "\n  ", "\n\t"])
    sep = "," + (ind or " ")
    head = ["\"invocationId\": \"11111111-2222-4333-8444-555555555555\"",
            "\"deliveryStreamArn\": \"arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/seed\"",
            "\"region\": \"ap-northeast-2\""]
    r = rng.random()
    if r < 0.9 or clean:
        records = "[" + ind + sep.join(recs) + ind + "]"
    else:
        records = rng.choice(["null", "5", "{}", "{\"a\": 1}", "\"\"", "\"ab\"", "true"])
    text = "{" + ind + sep.join(head + [name(rng, "records") + ": " + records]) + ind + "}"
    if rng.random() < 0.2 and not clean:
        text = mutate(rng, text)
    return text


def load_runner(path):
    spec = importlib.util.spec_from_file_location("run_seed", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def answer(runner, text, handler):
    """What `run_seed.py EVENT --handler handler` prints, without the newline."""
    _, out = runner.run(text, handler)
    if isinstance(out, runner._Raw):
        return out.text
    return json.dumps(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runner", help="path to run_seed.py")
    ap.add_argument("--count", type=int, default=800)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    runner = load_runner(args.runner)
    rng = random.Random(1000 + args.seed)
    lines = []
    for _ in range(args.count):
        text = event(rng)
        c = {"event": text, "seed": answer(runner, text, "lambda_handler")}
        v1 = answer(runner, text, "lambda_handler_v1")
        if v1 != c["seed"]:
            c["v1"] = v1
        lines.append(json.dumps(c, separators=(",", ":"), ensure_ascii=False) + "\n")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write("".join(lines).encode("utf-8"))
    print("%d events in %s (%d bytes)" % (len(lines), os.path.normpath(args.out), os.path.getsize(args.out)))


if __name__ == "__main__":
    main()
