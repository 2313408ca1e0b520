#!/usr/bin/env python3
"""Regenerates transform/testdata/pydiff/: random inputs and what CPython 3.11
makes of them, for the differential tests of the Go emulation
(transform/python_test.go, parse_test.go, decode_test.go).

    python3 scripts/pydiff.py [--scale N --seed S --out DIR]

--scale multiplies the number of random cases and --seed changes them: for
a long local run, write a big set elsewhere and point the Go tests at it
(PYDIFF_DIR=DIR go test -run MatchesPython ./transform); commit only the
default set.

Run it with the Python the seed preset emulates (CPython 3.11). The output is
deterministic: the same Python writes the same files. Every file is gzipped
JSON lines, one case per line; the Go tests never run Python.

  floats.jsonl.gz  {"bits": hex} -> "repr": repr(float)           (appendFloatRepr)
                    {"src": JSON number} -> "repr", "json"          (ParseJSON + appendPyRepr/appendPyJSON)
  strings.jsonl.gz {"src": JSON text} -> "repr", "json", "strjson" (repr(v), json.dumps(v), json.dumps(str(v)))
  json.jsonl.gz    {"src": text} -> "err": "Type: message", or "repr" and "json" of json.loads(src)
  base64.jsonl.gz  {"in": ASCII text} -> "hex": b64decode(in).hex(), or "err": message
  utf8.jsonl.gz    {"hex": bytes} -> "err": the UnicodeDecodeError message, "" when valid
"""
import argparse
import base64
import gzip
import json
import math
import os
import random
import struct
import sys
from fractions import Fraction

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "transform", "testdata", "pydiff")


def write(name, cases):
    path = os.path.join(OUT, name)
    text = "".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) + "\n" for c in cases)
    with open(path, "wb") as f:
        # mtime=0: the same cases give the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(text.encode("utf-8"))
    print("%-17s %5d cases %7d bytes" % (name, len(cases), os.path.getsize(path)))


# ---------------------------------------------------------------- floats

def f2bits(f):
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def bits2f(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def exact_decimal(fr):
    """The exact decimal expansion of a Fraction whose denominator is a
    power of two."""
    sign = "-" if fr < 0 else ""
    fr = abs(fr)
    ip = fr.numerator // fr.denominator
    rest = fr - ip
    digits = []
    while rest:
        rest *= 10
        d = rest.numerator // rest.denominator
        digits.append(str(d))
        rest -= d
    return sign + str(ip) + ("." + "".join(digits) if digits else "")


def json_number(rng):
    """A random JSON number literal."""
    kind = rng.random()
    sign = "-" if rng.random() < 0.3 else ""
    if kind < 0.15:  # an int
        n = rng.choice([1, 1, 2, 5, 10, 15, 16, 17, 18, 19, 20, 25, 40, 100])
        return sign + (rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(n - 1)) if rng.random() < 0.95 else "0")
    nint = rng.choice([0, 1, 1, 1, 2, 3, 5, 8, 15, 16, 17, 20, 30])
    ip = "0" if nint == 0 else rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(nint - 1))
    nfrac = rng.choice([0, 0, 1, 2, 3, 5, 10, 16, 17, 18, 25, 40])
    frac = "".join(rng.choice("0123456789" if rng.random() < 0.7 else "09") for _ in range(nfrac))
    s = sign + ip
    if frac:
        s += "." + frac
    if not frac or rng.random() < 0.6:
        e = rng.choice([0, 1, 4, 5, 10, 15, 16, 17, 20, 22, 23, 100, 300, 307, 308, 309, 320, 323, 324, 325, 400])
        e = rng.randint(-e - 3, e + 3)
        es = str(abs(e))
        if rng.random() < 0.1:
            es = "0" * rng.randint(1, 5) + es
        s += rng.choice("eE") + ("-" if e < 0 else rng.choice(["", "+"])) + es
    return s


def float_cases(rng):
    cases = []
    # Random bit patterns, finite only: repr(f).
    for _ in range(1500):
        r = rng.random()
        if r < 0.5:
            b = rng.getrandbits(64)
        elif r < 0.7:  # subnormal
            b = rng.getrandbits(52) | (rng.getrandbits(1) << 63)
        elif r < 0.9:  # exponent near the positional/scientific switch
            f = rng.choice([1e-5, 1e-4, 1e15, 1e16, 1e17, 2.0 ** 53, 1.0]) * rng.uniform(0.5, 2)
            b = f2bits(f) ^ rng.getrandbits(rng.randint(0, 8))
        else:  # few significant bits: short reprs
            b = f2bits(rng.randint(1, 10 ** rng.randint(1, 17)) * 10.0 ** rng.randint(-30, 30))
        f = bits2f(b)
        if not math.isfinite(f):
            continue
        cases.append({"bits": "%016x" % b, "repr": repr(f)})
    for f in [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
              1e16, 9999999999999998.0, 1e-5, 0.0001, 0.00001, 1e15, 123456789012345680.0, 0.1, 0.2, 0.30000000000000004,
              2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 1e22, 1e23, 9007199254740993.0, 4.35, 0.3, 2.675]:
        cases.append({"bits": "%016x" % f2bits(f), "repr": repr(f)})

    # JSON number literals: repr(json.loads(s)) and json.dumps.
    srcs = [json_number(rng) for _ in range(1500)]
    # Exact halfway points between neighbouring doubles, and just off them:
    # tests correct rounding with many digits.
    for _ in range(80):
        b = rng.getrandbits(63)
        if rng.random() < 0.1:
            b = rng.getrandbits(52)
        elif rng.random() < 0.8:  # |exponent| < 80: up to ~130 digits
            b = (rng.randint(1023 - 80, 1023 + 80) << 52) | rng.getrandbits(52)
        f, g = bits2f(b), bits2f(b + 1)
        if not (math.isfinite(f) and math.isfinite(g)):
            continue
        mid = (Fraction(f) + Fraction(g)) / 2
        s = exact_decimal(mid)
        srcs.append(s)
        if rng.random() < 0.5:
            srcs.append(s + "1")
        else:
            # just below: cut the last digit and let it round down
            srcs.append(s[:-1] if "." in s and len(s.split(".")[1]) > 1 else s)
        m, e = ("%.17e" % mid).split("e")
        srcs.append(m + "e" + e)
    srcs += ["0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "1e16", "1E16", "1e15", "9999999999999999", "9999999999999999.0",
             "1e-5", "1E-4", "0.0001", "0.00001", "1E400", "-1e400", "1e-400", "-1e-400", "2.4703282292062327e-324",
             "2.4703282292062328e-324", "4.9406564584124654e-324", "1.7976931348623158e308", "1.7976931348623159e308",
             "1e999999999999999999999", "1e-999999999999999999999", "0e999999999999999999999",
             "0." + "0" * 400 + "1e400", "1" + "0" * 400 + "e-400", "123456789012345678901234567890",
             "-" + "9" * 400, "1" * 4300, "-" + "2" * 4300, "NaN", "Infinity", "-Infinity",
             "100", "100.0", "1E5", "1.0", "1.10", "5e-324", "1e23", "8.41e21", "2.5e-7"]
    # Exponents of five digits and more, offset by long mantissas.
    for zeros, exp in [(20000, "e200010"), (20000, "e20001"), (20000, "e19999"), (20000, "e20310"), (20000, "e20309"),
                       (10000, "e10010"), (9999, "e10000"), (20000, "e+0000000000000000000000020002"), (12345, "e12345")]:
        srcs += ["0." + "0" * zeros + "1" + exp, "-0." + "0" * zeros + "25" + exp]
    for digits, exp in [(20000, "e-200010"), (20000, "e-20001"), (20000, "e-20000"), (20000, "e-19999"),
                        (20000, "e-20300"), (20000, "e-20330"), (20000, "E-0000020002"), (12000, "e-12010")]:
        srcs += ["1" + "0" * digits + exp, "-9" + "9" * digits + ".5" + exp]
    srcs += ["0." + "0" * 20000 + "1", "1" + "0" * 400 + ".0", "0." + "0" * 20000 + "e99999", "0e-99999999999999999",
             "1" + "0" * 900 + "e-900", "1" + "0" * 900 + ".0e-900", "-1" + "0" * 900 + "1e-901"]
    # Random doubles and halfway points written with their digits moved by
    # up to 1500 places (more than the 800 digits strconv keeps).
    for _ in range(60):
        b = (rng.randint(1, 2046) << 52) | rng.getrandbits(52)
        fr = Fraction(bits2f(b))
        if rng.random() < 0.5:
            fr = (fr + Fraction(bits2f(b + 1))) / 2
        s = exact_decimal(fr)
        ip, _, fp = s.partition(".")
        digits, exp = (ip + fp).lstrip("0"), -len(fp)
        k = rng.randint(0, 1500)
        tail = rng.choice(["", "", "1", "0" * rng.randint(1, 900) + "1"])
        srcs.append(digits + "0" * k + tail + "e" + str(exp - k - len(tail)))
        srcs.append("0." + "0" * k + digits + tail + "e" + str(exp + k + len(digits) + len(tail) - len(tail)))
    for s in srcs:
        v = json.loads(s)
        cases.append({"src": s, "repr": repr(v), "json": json.dumps(v)})
    return cases


# ---------------------------------------------------------------- strings

INTERESTING = [
    0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x27, 0x2F, 0x5C, 0x7E, 0x7F,
    0x80, 0x85, 0x9F, 0xA0, 0xA1, 0xAD, 0xFF, 0x100, 0x34F, 0x378, 0x600, 0x61C, 0x6DD, 0x70F, 0x890, 0x8E2, 0x180E,
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2060, 0x2064, 0x2065, 0x2066,
    0x206F, 0x3000, 0x3164, 0xD7FF, 0xE000, 0xF8FF, 0xFDD0, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFB, 0xFFFC, 0xFFFD, 0xFFFE,
    0xFFFF, 0x10000, 0x1000C, 0x110BD, 0x13430, 0x1BCA0, 0x1D173, 0x1F600, 0x1F3FD, 0x1FFFF, 0x20000, 0x2FFFE,
    0x30000, 0x3134B, 0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xEFFFF, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD, 0x10FFFF,
    0xAC00, 0xD55C, 0x4E00, 0x0301, 0x0E31, 0x1160, 0x115F,
]


def rand_cp(rng):
    r = rng.random()
    if r < 0.25:
        return rng.randint(0x20, 0x7E)
    if r < 0.32:
        return rng.choice([0, 1, 7, 8, 9, 10, 12, 13, 31, 0x7F, 0x22, 0x27, 0x5C, 0x2F])
    if r < 0.45:
        return rng.choice(INTERESTING)
    if r < 0.55:
        return rng.randint(0x80, 0x2FF)
    if r < 0.75:
        return rng.randint(0x300, 0xFFFF)
    if r < 0.8:
        return rng.randint(0xD800, 0xDFFF)  # a lone surrogate (only via an escape)
    if r < 0.95:
        return rng.randint(0x10000, 0x3FFFF)
    return rng.randint(0x40000, 0x10FFFF)


def json_string_src(rng, cps):
    """A JSON string literal for the code points, each written raw or as an
    escape at random (surrogates always as escapes)."""
    out = ['"']
    short = {0x22: '\\"', 0x5C: "\\\\", 0x2F: "\\/", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t"}
    for c in cps:
        esc = rng.random() < 0.3
        if 0xD800 <= c <= 0xDFFF or c < 0x20 or c in (0x22, 0x5C):
            esc = True
        if not esc:
            out.append(chr(c))
        elif c in short and rng.random() < 0.7:
            out.append(short[c])
        elif c > 0xFFFF:
            c -= 0x10000
            hx = rng.choice(["%04x", "%04X"])
            out.append("\\u" + hx % (0xD800 + (c >> 10)) + "\\u" + hx % (0xDC00 + (c & 0x3FF)))
        else:
            out.append("\\u" + rng.choice(["%04x", "%04X"]) % c)
    out.append('"')
    return "".join(out)


def rand_json_string(rng, n=None):
    if n is None:
        n = rng.choice([0, 1, 1, 2, 3, 5, 8, 12])
    cps = [rand_cp(rng) for _ in range(n)]
    if rng.random() < 0.1:  # a surrogate pair written as two escapes, maybe swapped
        hi, lo = rng.randint(0xD800, 0xDBFF), rng.randint(0xDC00, 0xDFFF)
        cps[rng.randint(0, len(cps)):0] = [lo, hi] if rng.random() < 0.3 else [hi, lo]
    return json_string_src(rng, cps)


def string_cases(rng):
    cases = []
    for _ in range(1600):
        cases.append(rand_json_string(rng))
    # Every interesting code point alone and between quotes of both kinds.
    for c in INTERESTING + list(range(0x20)) + list(range(0x7F, 0xA1)):
        cases.append(json_string_src(rng, [c]))
        cases.append(json_string_src(rng, [0x27, c, 0x22]))
    for q in ["'", '"', "'\"", "\\", "'\\'", "\"\\\""]:
        cases.append(json.dumps(q))
    # Lists and objects of strings and other values: str(list), repr(dict).
    for _ in range(300):
        items = []
        for _ in range(rng.randint(0, 4)):
            r = rng.random()
            if r < 0.5:
                items.append(rand_json_string(rng))
            elif r < 0.7:
                items.append(json_number(rng))
            elif r < 0.8:
                items.append(rng.choice(["true", "false", "null", "NaN", "-Infinity", "[]", "{}"]))
            else:
                items.append("{%s: [%s]}" % (rand_json_string(rng), rand_json_string(rng)))
        if rng.random() < 0.5:
            cases.append("[" + ", ".join(items) + "]")
        else:
            cases.append("{" + ", ".join("%s: %s" % (rand_json_string(rng), v) for v in items) + "}")
    out = []
    for src in cases:
        v = json.loads(src)
        c = {"src": src, "repr": repr(v), "json": json.dumps(v)}
        if not isinstance(v, str):
            c["strjson"] = json.dumps(str(v))
        out.append(c)
    return out


# ---------------------------------------------------------------- json.loads errors

def rand_value(rng, depth):
    r = rng.random()
    if depth < 4 and r < 0.25:
        n = rng.randint(0, 3)
        return ("[", [rand_value(rng, depth + 1) for _ in range(n)])
    if depth < 4 and r < 0.5:
        n = rng.randint(0, 3)
        return ("{", [(rand_json_string(rng, rng.randint(0, 4)), rand_value(rng, depth + 1)) for _ in range(n)])
    if r < 0.7:
        return rand_json_string(rng)
    if r < 0.9:
        return json_number(rng)
    return rng.choice(["true", "false", "null", "NaN", "Infinity", "-Infinity"])


def ws(rng):
    if rng.random() < 0.6:
        return ""
    return "".join(rng.choice(" \t\n\r  ") for _ in range(rng.randint(1, 3)))


def dump_value(rng, v):
    if isinstance(v, str):
        return v
    kind, items = v
    if kind == "[":
        return "[" + ws(rng) + ("," + ws(rng)).join(dump_value(rng, x) + ws(rng) for x in items) + "]"
    return "{" + ws(rng) + ("," + ws(rng)).join(k + ws(rng) + ":" + ws(rng) + dump_value(rng, x) + ws(rng)
                                               for k, x in items) + "}"


JUNK = list('{}[],:"\\ \t\n\r0123456789-+.eEntfalsruNIy\'/xu') + ["\x00", "\x1f", "\x7f", "é", "한", "😀", "\ufeff",
                                                                   "\u2028", "\\u", "\\ud800", "//", "/*"]


def mutate(rng, s):
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if not s:
            s = rng.choice(JUNK)
            continue
        i = rng.randint(0, len(s))
        op = rng.random()
        if op < 0.3:
            s = s[:i]  # truncate
        elif op < 0.55:
            s = s[:i] + rng.choice(JUNK) + s[i:]  # insert
        elif op < 0.75:
            s = s[:i] + s[i + 1:]  # delete
        elif op < 0.9:
            s = s[:i] + rng.choice(JUNK) + s[i + 1:]  # replace
        else:
            j = rng.randint(0, len(s))
            s = s[:i] + s[min(i, j):max(i, j)] + s[i:]  # duplicate a piece
    return s


def json_cases(rng):
    srcs = []
    for _ in range(2200):
        top = rand_value(rng, 0) if rng.random() < 0.4 else ("[", [("{", [(rand_json_string(rng, 3), rand_value(rng, 2))
                                                                          for _ in range(rng.randint(0, 3))])
                                                                   for _ in range(rng.randint(0, 3))])
        s = ws(rng) + dump_value(rng, top) + ws(rng)
        if len(s) > 200:  # keep the file small: errors need no big documents
            s = s[:rng.randint(0, 200)]
        if rng.random() < 0.85:
            s = mutate(rng, s)
        srcs.append(s)
    srcs += ["", " ", "\n\n", "\ufeff[]", "[] []", "[]\n{}", "{} x", "nul", "tru", "-", "-I", "-Infinit", "NaNa",
             "1.", "1.e5", "1e", "1e+", "-01", "01", ".5", "+1", "1..2", "[1,]", "{\"a\":1,}", "{,}", "[,]", "{\"a\"}",
             "{\"a\" 1}", "{1:2}", "{'a':1}", "\"\\x\"", "\"\\u12\"", "\"\\u123\"", "\"\\u1234", "\"\\ud800\\u12\"",
             "\"\\ud800\\udc0\"", "\"\\ud800\\u", "\"\\ud800\\udc00", "\"\\ud800\\udc00\"", "\"abc", "\"\\", "\"\\\"",
             "[\"a\"\n,\n\"b\" \"c\"]", "\u00e9", "\"\u00e9\" x", "[1e400, -1e400, 1E-400]", "\"\t\"", "\"\x7f\"",
             "[" * 50 + "]" * 49, "{\"a\":" * 30 + "1" + "}" * 30, "1" * 4301, "-" + "1" * 4301, "[" + "2" * 4301 + ", }",
             "[1, " + "3" * 4301 + "]", "1" * 4300 + " 1", "[" + "4" * 4301 + ".0]", "[NaN, Infinity, -Infinity]"]
    out = []
    for s in srcs:
        try:
            v = json.loads(s)
        except (ValueError, RecursionError) as e:
            out.append({"src": s, "err": "%s: %s" % (type(e).__name__, e)})
            continue
        out.append({"src": s, "repr": repr(v), "json": json.dumps(v)})
    return out


# ---------------------------------------------------------------- base64

def b64_cases(rng):
    out = []
    alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    junk = "= \t\n\r!-_.*~\x00\x7f\\\"{}@#$%"
    srcs = []
    for _ in range(2500):
        r = rng.random()
        if r < 0.4:  # valid base64 of random bytes, then damaged
            s = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 12)))).decode()
            for _ in range(rng.randint(0, 3)):
                i = rng.randint(0, len(s))
                op = rng.random()
                if op < 0.4:
                    s = s[:i] + rng.choice(junk + alpha) + s[i:]
                elif op < 0.7:
                    s = s[:i] + s[i + 1:]
                else:
                    s = s[:i] + rng.choice("=" * 5 + junk + alpha) + s[i + 1:]
        else:
            n = rng.randint(0, 14)
            pool = alpha * 2 + "====" + (junk if rng.random() < 0.5 else "")
            s = "".join(rng.choice(pool) for _ in range(n))
        srcs.append(s)
    srcs += ["", "=", "==", "A", "AA", "AAA", "AAAA", "A=", "AA=", "AA==", "AAA=", "AA=A", "AA==A", "A===", "AB==CD==",
             "QUJD\nREVG", "QUJDREVG\n", " QUJD ", "QQ", "QQ=", "QR==", "QUI", "QUJ=", "Q=U=J=D", "=QUJD", "QUJDR",
             "QUJDRE", "QUJDREV", "QU!JD", "QUJD====", "QUJDR===", "QUJDRE==QUJD", "QUJDREV=QUJD"]
    for s in srcs:
        try:
            out.append({"in": s, "hex": base64.b64decode(s).hex()})
        except Exception as e:  # noqa: BLE001
            out.append({"in": s, "err": "%s: %s" % (type(e).__name__, e)})
    return out


# ---------------------------------------------------------------- UTF-8

def utf8_cases(rng):
    srcs = []
    for _ in range(3000):
        b = bytearray()
        for _ in range(rng.randint(0, 6)):
            r = rng.random()
            if r < 0.25:
                b += chr(rand_cp(rng)).encode("utf-8", "surrogatepass")
            elif r < 0.45:  # a multi-byte start followed by anything
                b.append(rng.choice([0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xF7,
                                     0xF8, 0xFB, 0xFC, 0xFE, 0xFF]))
            elif r < 0.6:
                b.append(rng.randint(0x80, 0xBF))
            elif r < 0.75:  # a valid sequence cut short
                enc = chr(rng.randint(0x80, 0x10FFFF)).encode("utf-8", "surrogatepass")
                b += enc[:rng.randint(1, len(enc))]
            elif r < 0.85:  # overlong, surrogate or above U+10FFFF
                b += rng.choice([b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80",
                                 b"\xed\xbf\xbf", b"\xf0\x80\x80\x80", b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80",
                                 b"\xf7\xbf\xbf\xbf", b"\xf8\x88\x80\x80\x80"])
            else:
                b.append(rng.randint(0, 0x7F))
        srcs.append(bytes(b))
    out = []
    for b in srcs:
        try:
            b.decode("utf-8")
            out.append({"hex": b.hex(), "err": ""})
        except UnicodeDecodeError as e:
            out.append({"hex": b.hex(), "err": str(e)})
    return out


def main():
    global OUT
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    OUT = args.out
    if sys.version_info[:2] != (3, 11):
        sys.stderr.write("warning: the seed preset emulates CPython 3.11; this is %s\n" % sys.version.split()[0])
    os.makedirs(OUT, exist_ok=True)
    for i, (name, gen) in enumerate([("floats.jsonl.gz", float_cases), ("strings.jsonl.gz", string_cases),
                                     ("json.jsonl.gz", json_cases), ("base64.jsonl.gz", b64_cases),
                                     ("utf8.jsonl.gz", utf8_cases)]):
        cases = []
        for k in range(args.scale):
            cases += gen(random.Random(1 + i + 100 * (k + args.seed)))
        write(name, cases)


if __name__ == "__main__":
    main()
