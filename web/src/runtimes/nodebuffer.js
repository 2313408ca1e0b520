// Node.js's Buffer encodings, done the way Node does them, for the Node.js
// runtime's worker (QuickJS has no Buffer; the worker gives it these).
// Pure functions: web/test/nodebuffer.test.mjs holds them against Node's own
// Buffer on the same strings and bytes.

// Node's decoding table: both alphabets (+/ and -_); everything else is 255.
const UNBASE64 = new Uint8Array(256).fill(255);
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => { UNBASE64[c.charCodeAt(0)] = i; });
UNBASE64["-".charCodeAt(0)] = 62;
UNBASE64["_".charCodeAt(0)] = 63;

/**
 * base64ByteLength is Node's Buffer.byteLength(s, "base64"): the size Node
 * allocates before decoding (padding aside, three bytes per four characters).
 * @param {string} s
 */
export function base64ByteLength(s) {
  let n = s.length;
  if (n > 0 && s.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && s.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

/**
 * decodedSize is nbytes' Base64DecodedSize.
 * @param {string} s
 */
function decodedSize(s) {
  let size = s.length;
  if (size < 2) return 0;
  if (s.charCodeAt(size - 1) === 0x3d) {
    size--;
    if (s.charCodeAt(size - 1) === 0x3d) size--;
  }
  const rem = size % 4;
  let out = Math.floor(size / 4) * 3;
  if (rem) {
    if (!(out === 0 && rem === 1)) out += 1 + (rem === 3 ? 1 : 0);
  }
  return out;
}

/**
 * base64Decode is Buffer.from(s, "base64") (and "base64url"): Node's lenient
 * decoder. Characters outside both alphabets are skipped, decoding stops at
 * the first "=" that ends a group, a lone trailing character is dropped, and
 * a UTF-16 unit is read by its low byte, as Node's decoder reads it.
 * @param {string} s
 */
export function base64Decode(s) {
  const srclen = s.length;
  const dstlen = base64ByteLength(s);
  const dst = new Uint8Array(dstlen);
  const available = Math.min(dstlen, decodedSize(s));
  const maxK = Math.floor(available / 3) * 3;
  let maxI = Math.floor(srclen / 4) * 4;
  const st = { i: 0, k: 0 };
  while (st.i < maxI && st.k < maxK) {
    const i = st.i;
    const a = UNBASE64[s.charCodeAt(i) & 0xff], b = UNBASE64[s.charCodeAt(i + 1) & 0xff];
    const c = UNBASE64[s.charCodeAt(i + 2) & 0xff], d = UNBASE64[s.charCodeAt(i + 3) & 0xff];
    if ((a | b | c | d) & 0x80) {
      if (!slowGroup(dst, dstlen, s, srclen, st)) return dst.subarray(0, st.k);
      maxI = st.i + Math.floor((srclen - st.i) / 4) * 4;
    } else {
      dst[st.k] = (a << 2) | (b >> 4);
      dst[st.k + 1] = ((b & 0x0f) << 4) | (c >> 2);
      dst[st.k + 2] = ((c & 0x03) << 6) | d;
      st.k += 3;
      st.i += 4;
    }
  }
  if (st.i < srclen && st.k < dstlen) slowGroup(dst, dstlen, s, srclen, st);
  return dst.subarray(0, st.k);
}

// slowGroup is nbytes' base64_decode_group_slow: one group of four legal
// characters, skipping the others; false when decoding stops.
/**
 * @param {Uint8Array} dst
 * @param {number} dstlen
 * @param {string} s
 * @param {number} srclen
 * @param {{i: number, k: number}} st where decoding is: in s (i) and in dst (k)
 */
function slowGroup(dst, dstlen, s, srclen, st) {
  let hi = 0;
  let lo = 0;
  for (let n = 0; n < 4; n++) {
    for (;;) {
      const c = s.charCodeAt(st.i) & 0xff;
      lo = UNBASE64[c];
      st.i++;
      if (lo < 64) break;
      if (c === 0x3d || st.i >= srclen) return false;
    }
    if (n === 1) dst[st.k++] = ((hi & 0x3f) << 2) | ((lo & 0x30) >> 4);
    else if (n === 2) dst[st.k++] = ((hi & 0x0f) << 4) | ((lo & 0x3c) >> 2);
    else if (n === 3) dst[st.k++] = ((hi & 0x03) << 6) | (lo & 0x3f);
    if (st.i >= srclen) return false;
    if (st.k >= dstlen) return false;
    hi = lo;
  }
  return true;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * base64Encode is buf.toString("base64"); url: "base64url" (other alphabet, no padding).
 * @param {Uint8Array} bytes
 */
export function base64Encode(bytes, url = false) {
  const parts = [];
  const chunk = 0x6000; // a multiple of 3
  for (let at = 0; at < bytes.length; at += chunk) {
    const sub = bytes.subarray(at, Math.min(at + chunk, bytes.length));
    let bin = "";
    for (let i = 0; i < sub.length; i++) bin += String.fromCharCode(sub[i]);
    parts.push(btoa(bin));
  }
  let out = parts.join("");
  if (url) out = out.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return out;
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * utf8Decode is buf.toString("utf8"): invalid sequences become U+FFFD, a BOM is kept.
 * @param {Uint8Array} bytes
 */
export function utf8Decode(bytes) {
  return utf8.decode(bytes);
}

/**
 * utf8Encode is Buffer.from(s, "utf8"): a lone surrogate becomes EF BF BD.
 * @param {string} s
 */
export function utf8Encode(s) {
  return encoder.encode(s);
}
