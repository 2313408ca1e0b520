// What the Node.js runtime's sandbox gets before the user's code: Buffer,
// console, require("zlib"), process.env, module/exports, and the invoke
// function the worker calls. This text runs inside QuickJS, never in the
// page: its only way out are the host functions the worker passes in
// (__host), which encode, decode, compress and log, and nothing else.
export const PRELUDE = String.raw`
(function (host) {
  "use strict";
  const missing = (what) => new Error(what + " is not available in this page's Node.js runtime (it emulates what transforms use: Buffer, zlib, console)");
  const ENC = { utf8: "utf8", "utf-8": "utf8", base64: "base64", base64url: "base64url", ascii: "ascii", latin1: "latin1", binary: "latin1", hex: "hex" };
  const encoding = (e) => {
    if (e === undefined || e === null) return "utf8";
    const k = ENC[String(e).toLowerCase()];
    if (k) return k;
    if (/^(ucs-?2|utf-?16le)$/i.test(String(e))) throw missing("Buffer encoding '" + e + "'");
    const err = new TypeError("Unknown encoding: " + e);
    err.code = "ERR_UNKNOWN_ENCODING";
    throw err;
  };

  class Buffer extends Uint8Array {
    static from(x, enc, length) {
      if (typeof x === "string") return Buffer._fromString(x, encoding(enc));
      if (x instanceof ArrayBuffer) return new Buffer(x, enc || 0, length === undefined ? x.byteLength - (enc || 0) : length);
      if (ArrayBuffer.isView(x)) return Buffer._wrap(new Uint8Array(x.buffer, x.byteOffset, x.byteLength).slice());
      if (Array.isArray(x)) return Buffer._wrap(Uint8Array.from(x, (v) => v & 0xff));
      if (x && x.type === "Buffer" && Array.isArray(x.data)) return Buffer.from(x.data);
      throw new TypeError("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.");
    }
    static _wrap(u8) {
      return new Buffer(u8.buffer, u8.byteOffset, u8.byteLength);
    }
    static _fromString(s, enc) {
      switch (enc) {
        case "utf8": return new Buffer(host.utf8Encode(s));
        case "base64": case "base64url": return new Buffer(host.base64Decode(s));
        case "latin1": case "ascii": return Buffer._wrap(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff));
        case "hex": {
          const n = Math.floor(s.length / 2);
          const out = new Uint8Array(n);
          let i = 0;
          for (; i < n; i++) {
            const v = parseInt(s.substr(i * 2, 2), 16);
            if (!/^[0-9a-fA-F]{2}$/.test(s.substr(i * 2, 2))) break;
            out[i] = v;
          }
          return Buffer._wrap(out.subarray(0, i));
        }
      }
    }
    static alloc(n, fill) {
      const b = new Buffer(n);
      if (fill !== undefined) b.fill(typeof fill === "string" ? fill.charCodeAt(0) : fill);
      return b;
    }
    static allocUnsafe(n) { return new Buffer(n); }
    static isBuffer(b) { return b instanceof Buffer; }
    static isEncoding(e) { return typeof e === "string" && ENC[e.toLowerCase()] !== undefined; }
    static byteLength(x, enc) {
      if (typeof x !== "string") return x.byteLength;
      const e = encoding(enc);
      if (e === "base64" || e === "base64url") return host.base64ByteLength(x);
      if (e === "utf8") return host.utf8Length(x);
      if (e === "hex") return x.length >>> 1;
      return x.length;
    }
    static concat(list, total) {
      if (total === undefined) total = list.reduce((n, b) => n + b.length, 0);
      const out = Buffer.alloc(total);
      let at = 0;
      for (const b of list) {
        if (at >= total) break;
        out.set(b.subarray(0, total - at), at);
        at += b.length;
      }
      return out;
    }
    toString(enc, start, end) {
      const e = encoding(enc);
      const b = start === undefined && end === undefined ? this : this.subarray(start || 0, end === undefined ? this.length : end);
      const raw = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      switch (e) {
        case "utf8": return host.utf8Decode(raw.slice().buffer);
        case "base64": return host.base64Encode(raw.slice().buffer, false);
        case "base64url": return host.base64Encode(raw.slice().buffer, true);
        case "ascii": { let s = ""; for (let i = 0; i < raw.length; i++) s += String.fromCharCode(raw[i] & 0x7f); return s; }
        case "latin1": { let s = ""; for (let i = 0; i < raw.length; i++) s += String.fromCharCode(raw[i]); return s; }
        case "hex": { let s = ""; for (let i = 0; i < raw.length; i++) s += (raw[i] < 16 ? "0" : "") + raw[i].toString(16); return s; }
      }
    }
    toJSON() { return { type: "Buffer", data: Array.from(this) }; }
    equals(o) { if (this.length !== o.length) return false; for (let i = 0; i < this.length; i++) if (this[i] !== o[i]) return false; return true; }
    subarray(s, e) { const u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.byteLength); }
    slice(s, e) { return this.subarray(s, e); }
    write() { throw missing("buf.write()"); }
  }
  Object.defineProperty(Buffer, Symbol.species, { value: Uint8Array });

  const format = (args) => args.map((a) => {
    if (typeof a === "string") return a;
    if (a instanceof Error) return a.stack ? a.name + ": " + a.message + "\n" + a.stack.replace(/\n$/, "") : String(a);
    if (a === undefined || typeof a === "function" || typeof a === "symbol" || typeof a === "bigint") return String(a);
    if (a instanceof Buffer) return "<Buffer " + Array.from(a.subarray(0, 50), (x) => (x < 16 ? "0" : "") + x.toString(16)).join(" ") + (a.length > 50 ? " ... " + (a.length - 50) + " more bytes" : "") + ">";
    try { return JSON.stringify(a, null, 2); } catch (e) { return String(a); }
  }).join(" ");
  const level = (lvl) => (...args) => host.log(lvl, format(args));
  const console = { log: level("INFO"), info: level("INFO"), warn: level("WARN"), error: level("ERROR"), debug: level("DEBUG"), trace: level("TRACE") };

  const zlib = {
    gunzipSync: (b) => new Buffer(host.gunzip(toBytes(b, "zlib.gunzipSync"))),
    gzipSync: (b) => new Buffer(host.gzip(toBytes(b, "zlib.gzipSync"))),
    inflateSync: (b) => new Buffer(host.inflate(toBytes(b, "zlib.inflateSync"))),
    deflateSync: (b) => new Buffer(host.deflate(toBytes(b, "zlib.deflateSync"))),
    inflateRawSync: (b) => new Buffer(host.inflateRaw(toBytes(b, "zlib.inflateRawSync"))),
    deflateRawSync: (b) => new Buffer(host.deflateRaw(toBytes(b, "zlib.deflateRawSync"))),
    unzipSync: (b) => new Buffer(host.unzip(toBytes(b, "zlib.unzipSync"))),
  };
  for (const name of ["gunzip", "gzip", "inflate", "deflate", "unzip", "brotliDecompressSync", "brotliCompressSync", "createGunzip", "createGzip"]) {
    if (!(name in zlib)) Object.defineProperty(zlib, name, { get() { throw missing("zlib." + name); } });
  }
  function toBytes(b, fn) {
    if (typeof b === "string") b = Buffer.from(b);
    if (!ArrayBuffer.isView(b) && !(b instanceof ArrayBuffer)) throw new TypeError("The \"buffer\" argument to " + fn + " must be a Buffer, TypedArray, DataView or ArrayBuffer.");
    const u = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return u.slice().buffer;
  }

  const modules = { zlib, buffer: { Buffer } };
  function require(name) {
    const key = String(name).replace(/^node:/, "");
    if (Object.prototype.hasOwnProperty.call(modules, key)) return modules[key];
    const err = new Error("Cannot find module '" + name + "': this page's Node.js runtime runs without network or packages, and has only 'zlib' and 'buffer' of Node's modules");
    err.code = "MODULE_NOT_FOUND";
    throw err;
  }

  const g = globalThis;
  g.Buffer = Buffer;
  g.console = console;
  g.require = require;
  g.process = { env: host.env, version: "v22.0.0", versions: { node: "22.0.0" }, platform: "linux", arch: "x64",
    hrtime: { bigint: () => BigInt(Math.round(Date.now() * 1e6)) }, nextTick: (f, ...a) => Promise.resolve().then(() => f(...a)) };
  for (const name of ["setTimeout", "setInterval", "setImmediate", "fetch", "XMLHttpRequest", "WebSocket"]) {
    Object.defineProperty(g, name, { configurable: true, get() { throw missing(name); } });
  }

  // __load evaluates the function's code as a CommonJS module and returns its exports.
  g.__load = function (fn) {
    const module = { exports: {} };
    fn(module.exports, require, module, host.filename, "/var/task");
    return module.exports;
  };

  // __invoke calls the handler as Lambda's Node.js runtime does: an async
  // handler's promise, or a callback (event, context, callback). The outcome
  // is left in __outcome: {state: "pending" | "ok" | "error", body | error}.
  g.__invoke = function (handler, eventText, ctxText) {
    const ctx = JSON.parse(ctxText);
    const out = { state: "pending" };
    g.__outcome = out;
    const settle = (state, v) => {
      if (out.state !== "pending") return;
      out.state = state;
      if (state === "ok") {
        try {
          const s = JSON.stringify(v);
          out.body = s === undefined ? "null" : s;
        } catch (e) {
          out.state = "error";
          out.error = { marshal: true, name: e && e.name, message: e && e.message };
        }
      } else out.error = v;
    };
    const event = JSON.parse(eventText);
    const context = Object.assign({}, ctx, {
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, ctx.deadlineMs - Date.now()),
      succeed: (v) => settle("ok", v),
      fail: (e) => settle("error", e),
      done: (e, v) => (e ? settle("error", e) : settle("ok", v)),
    });
    delete context.deadlineMs;
    const callback = (err, v) => (err !== undefined && err !== null ? settle("error", err) : settle("ok", v));
    let r;
    try {
      r = handler(event, context, callback);
    } catch (e) {
      settle("error", e);
      return;
    }
    if (r && typeof r.then === "function") r.then((v) => settle("ok", v), (e) => settle("error", e));
  };
})(globalThis.__host);
delete globalThis.__host;
`;
