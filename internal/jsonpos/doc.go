// Package jsonpos reads JSON keeping what encoding/json throws away: object
// keys in source order (duplicates included), numbers as written, and the
// byte range of every value and key, so that a problem found in a value can
// be pointed at in the text the user pasted. Its dialect is CPython's
// json module's: NaN, Infinity and -Infinity are numbers, lone surrogate
// escapes survive (as WTF-8), and a syntax error carries CPython's message
// and position ("Expecting ',' delimiter: line 1 column 9 (char 8)").
//
// It is a package because it is the one part of the engine that knows
// nothing of Firehose or of Python's runtime: it takes text and plain
// limits and gives values and offsets. The engine decides what the
// limits are (internal/pyemu: CPython's recursion limit and 4,300-digit
// integers; the event reader: Firehose's record count) and what to say
// when a text crosses them; the reader only notes where (Crossing). Kept
// apart, the parser cannot reach into the engine's findings, and its speed
// work (arenas, word-at-a-time scans) stays out of the engine's way.
//
// The easy path is Parse:
//
//	v, err := jsonpos.Parse(`{"records": [{"recordId": "1"}]}`)
//	if err != nil { … } // a *SyntaxError, with Offset, Line, Column
//	recs, _ := v.Member("records")
//	first := &recs.Items[0] // first.Start, first.End: its bytes in the text
//
// To parse many texts, reuse a Parser (its memory serves the next text)
// and give it Limits: MaxDepth stops the parse, the Note fields only note
// the first place a text goes past them. Values reads NDJSON or
// concatenated JSON. UTF16Index turns the byte offsets into the UTF-16
// offsets a JavaScript editor counts in.
//
// It also writes values back: AppendCompact (numbers as written, keys in
// order), AppendString (a JSON string) and AppendPretty (the layout of
// github.com/tidwall/pretty, byte for byte).
package jsonpos
