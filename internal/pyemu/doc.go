// Package pyemu writes what CPython 3.11 writes, byte for byte, for the
// values its json module reads: repr(), json.dumps() with its default
// settings (ensure_ascii, separators ", " and ": "), float repr (shortest
// round-trip digits, "1e+16", "nan"), str.isprintable()'s table of
// Unicode 14.0.0, the names of the types json.loads makes, and
// base64.b64decode with its lenient alphabet and its error messages.
// It also knows where json.loads gives up (JSONLimits: its recursion and
// integer-digit limits, measured on CPython 3.11) and the exception it
// raises there (JSONError).
//
// It is a package because it answers one question, "what would CPython
// print?", that has nothing to do with Firehose: the seed presets of
// internal/preset emulate a Python Lambda and must return the very body
// it returns, and everything they need of Python is here, held to CPython
// by differential tests (transform/testdata/pydiff, written by
// scripts/pydiff.py) and by fuzz targets against math/big and
// encoding/base64. The values come from internal/jsonpos, whose Value
// keeps numbers as written and strings with lone surrogates as WTF-8, so
// the emulation sees what Python's json module saw.
//
// The easy path is AppendRepr and AppendJSON:
//
//	v, _ := jsonpos.Parse(`{"price": 1.10, "name": "서울"}`)
//	pyemu.AppendRepr(nil, &v) // {'price': 1.1, 'name': '서울'}
//	pyemu.AppendJSON(nil, &v) // {"price": 1.1, "name": "\uc11c\uc6b8"}
//
// The append functions take and return a buffer, as strconv's do, so a
// caller writing a large body reuses one.
package pyemu
