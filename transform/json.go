package transform

import (
	"strconv"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// The JSON reader is internal/jsonpos; this file names its types for the
// engine's callers and holds what Python's json module adds to it: its
// limits and the exceptions it raises past them.

// Kind is the type of a JSON value.
type Kind = jsonpos.Kind

// The kinds of JSON value. NaN, Infinity and -Infinity, which Python's json
// module accepts, are numbers whose Text is that word.
const (
	Null   = jsonpos.Null
	Bool   = jsonpos.Bool
	Number = jsonpos.Number
	String = jsonpos.String
	Array  = jsonpos.Array
	Object = jsonpos.Object
)

// Value is a parsed JSON value that keeps what map[string]any loses: object
// keys in source order (duplicates included), numbers as written, and the
// byte range of every value and key in the parsed text.
type Value = jsonpos.Value

// Key is an object member's key and the byte range of its quoted text.
type Key = jsonpos.Key

// SyntaxError describes why a text is not JSON, the way Python's json
// module describes it, with the byte offset where the problem is.
type SyntaxError = jsonpos.SyntaxError

// The kinds of SyntaxError, named after the Python exception that
// json.loads raises for them.
const (
	ErrJSONDecode = jsonpos.ErrSyntax
	ErrValue      = "ValueError"     // an integer of more than 4300 digits
	ErrRecursion  = jsonpos.ErrDepth // nesting deeper than the limit
)

// MaxDepth is how deeply arrays and objects may nest in anything the
// engine parses. The parser and every walk over a parsed value recurse once
// per level, and under WebAssembly the browser's call stack, not Go's, bounds
// that: Chromium's worker overflows a few thousand levels down. Python's json
// module gives up a little sooner (see pyPayloadDepth), so nothing the seed
// Lambda could read is refused.
const MaxDepth = jsonpos.DefaultMaxDepth

// ParseJSON parses one JSON document. On a syntax error it returns the
// error and the partial value read so far: containers that were open are
// closed at the error, so a truncated event still shows its records.
func ParseJSON(text string) (Value, error) {
	return jsonpos.Parse(text)
}

// Python's limits, measured with the reference handler on CPython 3.11:
// json.loads fails on the 994th nested container of an event and on the
// 993rd of a record's payload (the handler's frames use up the rest of the
// interpreter's recursion limit of 1000), and on integers of more than 4300
// digits.
const (
	pyEventDepth   = 993
	pyPayloadDepth = 992
	pyMaxIntDigits = 4300
)

// pyLimits are the parser's limits for a text Python's json.loads reads
// with pyDepth levels of recursion left: past them the parser notes where
// Python would raise (pyError). A pyDepth of 0 notes nothing.
func pyLimits(pyDepth int) jsonpos.Limits {
	if pyDepth == 0 {
		return jsonpos.Limits{MaxDepth: MaxDepth}
	}
	// NaN, Infinity and -Infinity become floats through parse_constant, a
	// C function call that counts against the recursion limit as one more
	// level of nesting.
	return jsonpos.Limits{MaxDepth: MaxDepth, NoteDepth: pyDepth, ConstantsNest: true, NoteIntDigits: pyMaxIntDigits}
}

// pyError is the exception Python's json.loads raises on s where the
// parser noted c (nil when c is nil).
func pyError(s string, c *jsonpos.Crossing) *SyntaxError {
	if c == nil {
		return nil
	}
	switch c.What {
	case "integer":
		return jsonpos.NewSyntaxError(ErrValue, "Exceeds the limit (4300 digits) for integer string conversion: value has "+
			strconv.Itoa(c.Digits)+" digits; use sys.set_int_max_str_digits() to increase the limit", s, c.Offset)
	case "constant":
		return jsonpos.NewSyntaxError(ErrRecursion, "maximum recursion depth exceeded while calling a Python object", s, c.Offset)
	}
	return jsonpos.NewSyntaxError(ErrRecursion, "maximum recursion depth exceeded while decoding a JSON "+c.What+" from a unicode string", s, c.Offset)
}

// parseValues parses a text holding any number of JSON values separated
// by white space (or nothing): one document, NDJSON, or concatenated JSON.
// It stops at the first syntax error; vals holds the values read
// completely before it. pyErr is what Python's json.loads
// would raise inside the first value, past pyDepth or on a huge integer.
func parseValues(s string, pyDepth int) (vals []Value, err, pyErr *SyntaxError) {
	var p jsonpos.Parser
	p.Reset(s, pyLimits(pyDepth))
	vals, err, c := p.Values()
	return vals, err, pyError(s, c)
}
