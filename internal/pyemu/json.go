package pyemu

import (
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// ErrValue is the kind of the SyntaxError json.loads raises on an integer
// of more than MaxIntDigits digits.
const ErrValue = "ValueError"

// Python's limits, measured with the reference handler on CPython 3.11:
// json.loads fails on the 994th nested container of an event and on the
// 993rd of a record's payload (the handler's frames use up the rest of the
// interpreter's recursion limit of 1000), and on integers of more than 4300
// digits.
const (
	EventDepth   = 993
	PayloadDepth = 992
	MaxIntDigits = 4300
)

// JSONLimits are the parser's limits for a text Python's json.loads reads
// with pyDepth levels of recursion left: past them the parser notes where
// Python would raise (JSONError). A pyDepth of 0 notes nothing.
func JSONLimits(pyDepth int) jsonpos.Limits {
	if pyDepth == 0 {
		return jsonpos.Limits{MaxDepth: jsonpos.DefaultMaxDepth}
	}
	// NaN, Infinity and -Infinity become floats through parse_constant, a
	// C function call that counts against the recursion limit as one more
	// level of nesting.
	return jsonpos.Limits{MaxDepth: jsonpos.DefaultMaxDepth, NoteDepth: pyDepth, ConstantsNest: true, NoteIntDigits: MaxIntDigits}
}

// JSONError is the exception Python's json.loads raises on s where the
// parser noted c (nil when c is nil).
func JSONError(s string, c *jsonpos.Crossing) *jsonpos.SyntaxError {
	if c == nil {
		return nil
	}
	switch c.What {
	case "integer":
		return jsonpos.NewSyntaxError(ErrValue, "Exceeds the limit (4300 digits) for integer string conversion: value has "+
			strconv.Itoa(c.Digits)+" digits; use sys.set_int_max_str_digits() to increase the limit", s, c.Offset)
	case "constant":
		return jsonpos.NewSyntaxError(jsonpos.ErrDepth, "maximum recursion depth exceeded while calling a Python object", s, c.Offset)
	}
	return jsonpos.NewSyntaxError(jsonpos.ErrDepth, "maximum recursion depth exceeded while decoding a JSON "+c.What+" from a unicode string", s, c.Offset)
}

// JSONValues parses a text holding any number of JSON values separated
// by white space (or nothing): one document, NDJSON, or concatenated JSON.
// It stops at the first syntax error; vals holds the values read
// completely before it. pyErr is what Python's json.loads
// would raise inside the first value, past pyDepth or on a huge integer.
func JSONValues(s string, pyDepth int) (vals []jsonpos.Value, err, pyErr *jsonpos.SyntaxError) {
	var p jsonpos.Parser
	p.Reset(s, JSONLimits(pyDepth))
	vals, err, c := p.Values()
	return vals, err, JSONError(s, c)
}

// JSONLoadsError is the exception json.loads raises on text, given what
// JSONValues found in it; nil when it returns a value.
func JSONLoadsError(text string, vals []jsonpos.Value, err, pyErr *jsonpos.SyntaxError) *jsonpos.SyntaxError {
	if strings.HasPrefix(text, "\ufeff") {
		return jsonpos.NewSyntaxError(jsonpos.ErrSyntax, "Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
	}
	if pyErr != nil {
		return pyErr
	}
	if len(vals) == 0 {
		if err != nil {
			return err
		}
		return jsonpos.NewSyntaxError(jsonpos.ErrSyntax, "Expecting value", text, len(text))
	}
	if j := jsonpos.SkipSpace(text, vals[0].End); j != len(text) {
		return jsonpos.NewSyntaxError(jsonpos.ErrSyntax, "Extra data", text, j)
	}
	return nil
}
