#!/usr/bin/env python3
"""Regenerates transform/testdata/seed/: Firehose events and what the blog's
Python Lambda (both versions) returns for each, exactly as the runtime would.

    python3 scripts/seedcases.py scripts/seed/run_seed.py

For every case it writes NAME.json (the event) and NAME.seed.out /
NAME.seed-v1.out: the response body byte for byte, or the runtime's error
object ({"errorType", "errorMessage"}) when the handler raises. The Go tests
compare the seed presets against these files and never run Python.
"""
import base64
import json
import os
import subprocess
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "transform", "testdata", "seed")


def b64(payload):
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return base64.b64encode(payload).decode("ascii")


def event(*records, raw=None):
    """An event whose records hold the given payloads (str or bytes) or,
    for a dict, that record verbatim."""
    if raw is not None:
        return raw
    recs = []
    for i, r in enumerate(records):
        if isinstance(r, dict):
            recs.append(r)
        else:
            recs.append({"recordId": "rec-%d" % i, "approximateArrivalTimestamp": 1767225600000 + i,
                         "data": b64(r)})
    return json.dumps({"invocationId": "11111111-2222-4333-8444-555555555555",
                       "deliveryStreamArn": "arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/seed",
                       "region": "ap-northeast-2", "records": recs}, indent=2)


CASES = {
    # Shapes of the payload
    "list-of-objects": event('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]'),
    "three-objects": event('[{"n": 1}, {"n": 2}, {"n": 3}]', '[{"n": 4}]'),
    "single-object": event('{"a": 1}'),
    "empty-object": event('{}', '[{"a": 1}]'),
    "empty-list": event('[]', '[{"a": 1}]'),
    "empty-string": event('""'),
    "string-payload": event('"abc"'),
    "number-payload": event('42'),
    "float-payload": event('4.2'),
    "null-payload": event('null'),
    "bool-payload": event('true'),
    "list-with-number": event('[{"a": 1}, 7]'),
    "list-with-string": event('[{"a": 1}, "x"]'),
    "list-with-null": event('[null]'),
    "list-with-list": event('[[1]]'),
    # Flattening
    "nested-one-level": event('[{"a": {"b": 1, "c": "x"}, "d": 2}]'),
    "nested-two-levels": event('[{"a": {"b": {"c": 1, "d": [1, "x", null]}}}]'),
    "falsy-values": event('[{"z": 0, "e": "", "f": false, "n": null, "o": {}, "l": []}]'),
    "list-values": event('[{"l": [1, 2.5, "s", true, null, {"k": "v"}, [1, [2]]]}]'),
    "list-in-nested": event('[{"a": {"l": [1, {"x": "y"}]}}]'),
    "key-collision": event('[{"a.b": 1, "a": {"b": 2}}]'),
    "key-collision-reverse": event('[{"a": {"b": 2}, "a.b": 1}]'),
    "duplicate-keys": event('[{"a": 1, "b": 2, "a": 3}]'),
    "duplicate-nested-keys": event('[{"a": {"x": 1, "x": 2}, "a": {"y": 3}}]'),
    # Python str / repr / json.dumps
    "floats": event('[{"a": 1.0, "b": 1e16, "c": 1e15, "d": 1e-5, "e": 0.0001, "f": 100.0, "g": 1E5, '
                    '"h": -0.0, "i": 0.1, "j": 1.10, "k": 123456789.123456789, "l": 5e-324, "m": 1.7976931348623157e308, '
                    '"n": 2.5e-7, "o": 12345678901234567890.0}]'),
    "float-overflow": event('[{"a": 1E400, "b": -1e400, "c": 1e-400}]'),
    # Long literals strconv.ParseFloat misreads: exponents past 10000 that
    # thousands of mantissa digits bring back into range, zeros past the
    # 800th digit.
    "float-long-literals": event('[{"a": 0.%s1e100000, "b": 1%se-100000, "c": 0.%s1e9750, "d": 1%se-9705, '
                                 '"e": 1%se-900, "f": -1%s.0e-900}]'
                                 % ("0" * 9700, "0" * 9700, "0" * 9700, "0" * 9700, "0" * 900, "0" * 900)),
    "nan-infinity": event('[{"a": NaN, "b": Infinity, "c": -Infinity, "d": [NaN], "e": {"x": Infinity}}]'),
    "big-integers": event('[{"a": 9007199254740993, "b": -0, "c": 123456789012345678901234567890, "d": %s}]' % ("9" * 400)),
    "integer-4300-digits": event('[{"a": %s}]' % ("1" * 4300)),
    "integer-4301-digits": event('[{"a": %s}]' % ("1" * 4301)),
    "booleans-null": event('[{"t": true, "f": false, "n": null, "in": {"t": true, "n": null}}]'),
    "korean": event('[{"이름": "홍길동", "도시": {"구": "강남구"}, "목록": ["가", "나"]}]'),
    "emoji-astral": event('[{"e": "😀 👍🏽", "n": {"x": "𝄞"}, "l": ["🎉"]}]'),
    "escapes": event('[{"q": "say \\"hi\\"", "s": "it\'s", "both": "it\'s \\"x\\"", "bs": "a\\\\b", '
                     '"nl": "a\\nb\\tc\\rd", "ctl": "\\u0001\\u001f\\u007f", "n": {"q": "it\'s", "d": "\\"", "c": "\\u0007"}}]'),
    "nonprintable-repr": event('[{"n": {"a": "\\u00a0\\u00ad\\u200b\\u2028\\ufeff\\ue000\\U0001F600", '
                               '"b": "\\u0378\\u0085", "c": ["\\u00e9\\u0301", "\\ud800"]}}]'.replace("\\U0001F600", "\\ud83d\\ude00")),
    "lone-surrogates": event('[{"a": "\\ud800", "b": "x\\udfffy", "c": {"d": "\\ud83d"}, "e": "\\ud83d\\ude00"}]'),
    "unicode-keys": event('[{"ключ": {"внутри": 1}, "k\\"ey": 2, "tab\\tkey": 3}]'),
    "deep-repr": event('[{"a": {"b": {"c": {"d": [1, {"e": "f\'g"}]}}}}]'),
    "many-records": event(*['[{"i": %d, "s": "r%d"}, {"i": %d}]' % (i, i, i + 100) for i in range(12)]),
    # recordIds
    "id-collision": event({"recordId": "a", "data": b64('[{"x": 1}, {"x": 2}]')},
                          {"recordId": "a1", "data": b64('[{"y": 1}]')}),
    "numeric-id-one-object": event({"recordId": 12345, "data": b64('[{"x": 1}]')}),
    "numeric-id-two-objects": event({"recordId": 12345, "data": b64('[{"x": 1}, {"x": 2}]')}),
    "float-id": event({"recordId": 1.5, "data": b64('[{"x": 1}]')}, {"recordId": 2.0, "data": b64('[{"x": 1}, {"y": 2}]')}),
    "null-id-two-objects": event({"recordId": None, "data": b64('[{"x": 1}, {"x": 2}]')}),
    "list-id-two-objects": event({"recordId": [1], "data": b64('[{"x": 1}, {"x": 2}]')}),
    "dict-id": event({"recordId": {"k": "v"}, "data": b64('[{"x": 1}]')}),
    "unicode-id": event({"recordId": "레코드-1", "data": b64('[{"x": 1}, {"x": 2}]')}),
    "empty-id": event({"recordId": "", "data": b64('[{"x": 1}, {"x": 2}]')}),
    # base64, UTF-8, JSON errors
    "bad-padding": event({"recordId": "r", "data": "eyJh"[:-1]}),
    "unpadded": event({"recordId": "r", "data": b64('[{"a": 1}]').rstrip("=")}),
    "one-extra-char": event({"recordId": "r", "data": "QUJDR"}),
    "non-alphabet-skipped": event({"recordId": "r", "data": "!".join(b64('[{"a": 1}]'))}),
    "urlsafe-skipped": event({"recordId": "r", "data": b64('[{"a": "??>>"}]').replace("+", "-").replace("/", "_")}),
    "base64-with-newlines": event({"recordId": "r", "data": b64('[{"a": "%s"}]' % ("x" * 100))[:40] + "\n" + b64('[{"a": "%s"}]' % ("x" * 100))[40:]}),
    "data-after-padding": event({"recordId": "r", "data": b64('[{"a": 1}]') + "QUJD"}),
    "non-ascii-data": event({"recordId": "r", "data": "W3siYSI6IDF9XQ==é"}),
    "data-number": event({"recordId": "r", "data": 123}),
    "data-null": event({"recordId": "r", "data": None}),
    "data-list": event({"recordId": "r", "data": ["x"]}),
    "invalid-utf8-start": event(b'[{"a": "\xff"}]'),
    "invalid-utf8-continuation": event(b'[{"a": "\xe4\xb8x"}]'),
    "truncated-utf8": event(b'[{"a": 1}] \xe4\xb8'),
    "surrogate-utf8": event(b'[{"a": "\xed\xa0\x80"}]'),
    "gzip-payload": event(bytes.fromhex("1f8b08000000000000ffab56ca48cdc9c957b252502acf2fca4951aa0500d4c1d4b812000000")),
    "empty-payload": event('', '[{"a": 1}]'),
    "whitespace-payload": event('  \n '),
    "bom-payload": event('\ufeff[{"a": 1}]'),
    "json-extra-data": event('[{"a": 1}]\n[{"b": 2}]'),
    "json-ndjson": event('{"a": 1}\n{"a": 2}\n'),
    "json-unterminated-string": event('[{"a": "abc}]'),
    "json-bad-escape": event('[{"a": "\\q"}]'),
    "json-bad-unicode-escape": event('[{"a": "\\u12G4"}]'),
    "json-trailing-comma": event('[{"a": 1,}]'),
    "json-single-quotes": event("[{'a': 1}]"),
    "json-control-char": event('[{"a": "x\ty"}]'),
    "json-korean-error": event('[{"이름": "값", "b": }]'),
    "json-error-line2": event('[\n  {"a": 1},\n  {"b" 2}\n]'),
    "json-missing-value": event('[{"a": 1}, ]'),
    "json-leading-zero": event('[{"a": 01}]'),
    "deep-nesting-ok": event('[{"a": %s1%s}]' % ("[" * 989, "]" * 989)),
    "deep-nesting-fail": event('[{"a": %s1%s}]' % ("[" * 990, "]" * 990)),
    "deep-object-fail": event('[{"a": %s1%s}]' % ('{"b": ' * 991, "}" * 991)),
    "deep-nesting-993-fail": event('[{"a": %s1%s}]' % ("[" * 991, "]" * 991)),  # 993 levels; 992 pass
    # NaN, Infinity and -Infinity cost Python one more level (a call to
    # parse_constant): at the deepest level a number may be at, they fail.
    "deep-nan-ok": event('[{"a": %sNaN%s}]' % ("[" * 989, "]" * 989)),
    "deep-nan-fail": event('[{"a": %sNaN%s}]' % ("[" * 990, "]" * 990)),
    "deep-infinity-fail": event('[{"a": %s-Infinity%s}]' % ('{"b": ' * 990, "}" * 990)),
    # Event shape
    "no-records": event(raw='{"invocationId": "x"}'),
    "records-null": event(raw='{"records": null}'),
    "records-number": event(raw='{"records": 5}'),
    "records-object": event(raw='{"records": {"a": 1}}'),
    "records-empty-object": event(raw='{"records": {}}'),
    "records-string": event(raw='{"records": "abc"}'),
    "records-empty": event(raw='{"records": []}'),
    "event-list": event(raw='[{"records": []}]'),
    "event-string": event(raw='"records"'),
    "event-number": event(raw='3'),
    "event-null": event(raw='null'),
    "record-not-object": event(raw='{"records": [1]}'),
    "record-string": event(raw='{"records": ["x"]}'),
    "record-list": event(raw='{"records": [[1]]}'),
    "record-no-id": event(raw='{"records": [{"data": "W10="}]}'),
    "record-no-data": event(raw='{"records": [{"recordId": "r"}]}'),
    "record-keys-case": event(raw='{"records": [{"recordID": "r", "data": "W10="}]}'),
    "event-not-json": event(raw='{"records": [}'),
    "event-empty": event(raw=''),
    "event-bom": event(raw='\ufeff{"records": []}'),
    "event-nan": event(raw='{"records": [], "x": NaN}'),
    "event-deep": event(raw='{"records": [], "x": %s%s}' % ("[" * 993, "]" * 993)),
    "event-deep-993-ok": event(raw='{"records": [], "x": %s1%s}' % ("{\"a\": " * 992, "}" * 992)),
    "event-deep-infinity": event(raw='{"records": [], "x": %sInfinity%s}' % ("{\"a\": " * 992, "}" * 992)),
    "event-big-int": event(raw='{"records": [], "x": %s}' % ("7" * 4301)),
    "event-duplicate-records": event(raw='{"records": [{"recordId": "a", "data": "W3siYSI6IDF9XQ=="}], '
                                         '"records": [{"recordId": "b", "data": "W3siYiI6IDJ9XQ=="}]}'),
    "msk-event": event(raw=json.dumps({"invocationId": "i", "sourceMSKArn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
                                       "records": [{"recordId": "r", "kafkaRecordValue": b64('[{"a": 1}]'),
                                                    "mskRecordMetadata": {"offset": "0", "partitionId": "1",
                                                                          "approximateArrivalTimestamp": 1767225600000}}]})),
}


def run(runner, path, handler):
    p = subprocess.run([sys.executable, runner, path, "--handler", handler], capture_output=True)
    if p.returncode not in (0, 1):
        raise SystemExit("%s failed: %s" % (path, p.stderr.decode()))
    return p.stdout


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    runner = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    for name, text in sorted(CASES.items()):
        path = os.path.join(OUT, name + ".json")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        for handler, suffix in (("lambda_handler", "seed"), ("lambda_handler_v1", "seed-v1")):
            out = run(runner, path, handler)
            with open(os.path.join(OUT, "%s.%s.out" % (name, suffix)), "wb") as f:
                f.write(out)
    print("%d cases in %s" % (len(CASES), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
