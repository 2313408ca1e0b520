package transform

import (
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
)

// The JSON reader is internal/jsonpos; this file names its types for the
// engine's callers. Where Python's json module gives up on a text, and what
// it raises there, is internal/pyemu's (JSONLimits, JSONError).

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
	ErrValue      = pyemu.ErrValue   // an integer of more than 4300 digits
	ErrRecursion  = jsonpos.ErrDepth // nesting deeper than the limit
)

// MaxDepth is how deeply arrays and objects may nest in anything the
// engine parses. The parser and every walk over a parsed value recurse once
// per level, and under WebAssembly the browser's call stack, not Go's, bounds
// that: Chromium's worker overflows a few thousand levels down. Python's json
// module gives up a little sooner (see pyemu.PayloadDepth), so nothing the seed
// Lambda could read is refused.
const MaxDepth = jsonpos.DefaultMaxDepth

// ParseJSON parses one JSON document. On a syntax error it returns the
// error and the partial value read so far: containers that were open are
// closed at the error, so a truncated event still shows its records.
func ParseJSON(text string) (Value, error) {
	return jsonpos.Parse(text)
}
