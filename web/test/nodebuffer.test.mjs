// The Node.js runtime's Buffer encodings against Node's own Buffer, on the
// same strings and bytes: run by `node --test` (make test-web).
import { test } from "node:test";
import assert from "node:assert/strict";
import { base64ByteLength, base64Decode, base64Encode, utf8Decode, utf8Encode } from "../src/runtimes/nodebuffer.js";

// A small deterministic generator, so a failure can be replayed.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

const hex = (b) => Buffer.from(b).toString("hex");

test("base64 decoding: edge cases", () => {
  const cases = ["", "Y", "YQ", "YQ=", "YQ==", "YQ===", "YWI", "YWJj", "YW Jj", "YW\nJj\n", "YQ==YQ==", "=YQ", "Y=Q", "YWJj=ZGVm",
    "-_-_", "+/+/", "YWJ!j", "!!!!", "YQ", "ŁŁŁŁ", "\u0141QE=", "eyJhIjoxfQ", "eyJhIjoxfQ==\r\n", " ", "====", "Y===", "YW=J",
    "SGVsbG8gV29ybGQ", "SGVsbG8gV29ybGQ=", "SGVsbG8gV29ybGQ==", "SGVsbG8g\tV29y bGQ=", "\uD83D\uDE00YWJj"];
  for (const s of cases) {
    assert.equal(hex(base64Decode(s)), Buffer.from(s, "base64").toString("hex"), `Buffer.from(${JSON.stringify(s)}, "base64")`);
    assert.equal(hex(base64Decode(s)), Buffer.from(s, "base64url").toString("hex"), `Buffer.from(${JSON.stringify(s)}, "base64url")`);
    assert.equal(base64ByteLength(s), Buffer.byteLength(s, "base64"), `Buffer.byteLength(${JSON.stringify(s)}, "base64")`);
  }
});

test("base64 decoding: random strings", () => {
  const next = rng(11);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=  \n\r\t!.é\u0141\u4e00";
  for (let n = 0; n < 20000; n++) {
    const len = Math.floor(next() * 40);
    let s = "";
    // Mostly valid base64, with a few odd characters thrown in.
    const odd = next() < 0.5 ? 0.02 : 0.3;
    for (let i = 0; i < len; i++) {
      s += next() < odd ? alphabet[64 + Math.floor(next() * (alphabet.length - 64))] : alphabet[Math.floor(next() * 64)];
    }
    assert.equal(hex(base64Decode(s)), Buffer.from(s, "base64").toString("hex"), `Buffer.from(${JSON.stringify(s)}, "base64")`);
  }
});

test("base64 encoding", () => {
  const next = rng(5);
  for (let n = 0; n < 2000; n++) {
    const b = new Uint8Array(Math.floor(next() * 100)).map(() => Math.floor(next() * 256));
    assert.equal(base64Encode(b), Buffer.from(b).toString("base64"));
    assert.equal(base64Encode(b, true), Buffer.from(b).toString("base64url"));
  }
  const big = new Uint8Array(100_003).map((_, i) => (i * 7) & 0xff);
  assert.equal(base64Encode(big), Buffer.from(big).toString("base64"));
});

test("UTF-8 decoding: invalid bytes become U+FFFD as Node makes them", () => {
  const next = rng(7);
  const cases = [[0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80],
    [0xef, 0xbb, 0xbf, 0x41], [0xe2, 0x82], [0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc2], [0xe2, 0x28, 0xa1]];
  for (let n = 0; n < 20000; n++) {
    const len = Math.floor(next() * 12);
    // Bytes around the UTF-8 lead and continuation ranges.
    cases.push(Array.from({ length: len }, () => (next() < 0.5 ? 0x80 + Math.floor(next() * 0x80) : Math.floor(next() * 256))));
  }
  for (const c of cases) {
    const b = Uint8Array.from(c);
    assert.equal(utf8Decode(b), Buffer.from(b).toString("utf8"), `bytes ${hex(b)}`);
  }
});

test("UTF-8 encoding: lone surrogates become EF BF BD as Node makes them", () => {
  for (const s of ["", "abc", "한국어", "😀", "\uD83D", "\uDE00x", "a\uD800\uD800b", "\u0000"]) {
    assert.equal(hex(utf8Encode(s)), Buffer.from(s, "utf8").toString("hex"), JSON.stringify(s));
  }
});
