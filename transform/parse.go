package transform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The kinds of SyntaxError, named after the Python exception that
// json.loads raises for them.
const (
	ErrJSONDecode = "JSONDecodeError"
	ErrValue      = "ValueError"     // an integer of more than 4300 digits
	ErrRecursion  = "RecursionError" // nesting deeper than the limit
)

// MaxDepth is how deeply arrays and objects may nest in anything the
// engine parses. The parser and every walk over a parsed value recurse once
// per level, and under WebAssembly the browser's call stack, not Go's, bounds
// that: Chromium's worker overflows a few thousand levels down. Python's json
// module gives up a little sooner (see pyPayloadDepth), so nothing the seed
// Lambda could read is refused.
const MaxDepth = 1000

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

// SyntaxError describes why a text is not JSON, the way Python's json
// module describes it, with the byte offset where the problem is.
type SyntaxError struct {
	Type   string // ErrJSONDecode, ErrValue or ErrRecursion
	Msg    string // Python's message without the position ("Expecting value")
	Offset int    // byte offset of the problem in the parsed text
	Line   int    // 1-based line of Offset
	Column int    // 1-based column of Offset, in code points as Python counts
	Char   int    // code point index of Offset, Python's "char"
}

// Error returns the message exactly as Python formats it, for example
// "Expecting value: line 1 column 1 (char 0)".
func (e *SyntaxError) Error() string {
	if e.Type != ErrJSONDecode {
		return e.Msg
	}
	return fmt.Sprintf("%s: line %d column %d (char %d)", e.Msg, e.Line, e.Column, e.Char)
}

// newSyntaxError computes the Python position of a byte offset in s.
func newSyntaxError(typ, msg, s string, off int) *SyntaxError {
	if off > len(s) {
		off = len(s)
	}
	e := &SyntaxError{Type: typ, Msg: msg, Offset: off, Line: 1}
	lineStart := 0
	for i := 0; i < off; i++ {
		if s[i] == '\n' {
			e.Line++
			lineStart = i + 1
		}
	}
	e.Char = utf8.RuneCountInString(s[:off])
	e.Column = utf8.RuneCountInString(s[lineStart:off]) + 1
	return e
}

// parseOptions configure a parser.
type parseOptions struct {
	// pyDepth, when non-zero, is the nesting depth past which Python would
	// raise RecursionError. Crossing it, or meeting an integer Python would
	// refuse, is recorded in parser.pyErr and parsing goes on.
	pyDepth int
	// keepItems, when non-zero, is how many items of an array nested in
	// the top-level object (an event's records) are kept; the rest are
	// checked for syntax, counted in parser.dropped and not kept.
	keepItems int
}

// parser is a recursive-descent JSON parser that follows the grammar and
// the error positions of CPython's json scanner (Modules/_json.c): NaN,
// Infinity and -Infinity are accepted, control characters in strings are
// not, only space, tab, CR and LF are whitespace.
type parser struct {
	s     string
	opts  parseOptions
	depth int
	err   *SyntaxError
	pyErr *SyntaxError
	// dropped counts the array items parsed but not kept (keepItems), and
	// discarding is non-zero while one is being parsed.
	dropped, discarding int
	// deepest is the deepest nesting met so far.
	deepest int

	// Children are gathered on the scratch stacks, then copied into
	// arena chunks, so a document costs a handful of allocations.
	scratch  []Value
	scratchK []Key
	arena    []Value
	arenaK   []Key
	buf      []byte // for strings with escapes
}

// reset prepares p to parse s, reusing the memory of its earlier parses:
// the values they returned must no longer be in use.
func (p *parser) reset(s string, opts parseOptions) {
	p.s, p.opts, p.depth, p.deepest, p.err, p.pyErr = s, opts, 0, 0, nil, nil
	p.arena, p.arenaK = p.arena[:0], p.arenaK[:0]
}

// ParseJSON parses one JSON document. On a syntax error it returns the
// error and the partial value read so far: containers that were open are
// closed at the error, so a truncated event still shows its records.
func ParseJSON(text string) (Value, error) {
	p := &parser{s: text}
	v, err := p.document()
	if err != nil {
		return v, err
	}
	return v, nil
}

// document parses a whole text holding one value and nothing else.
func (p *parser) document() (Value, *SyntaxError) {
	i := skipSpace(p.s, 0)
	v, end := p.value(i)
	if p.err != nil {
		return v, p.err
	}
	end = skipSpace(p.s, end)
	if end != len(p.s) {
		p.fail(ErrJSONDecode, "Extra data", end)
	}
	return v, p.err
}

func (p *parser) fail(typ, msg string, off int) {
	if p.err == nil {
		p.err = newSyntaxError(typ, msg, p.s, off)
	}
}

func (p *parser) pyFail(typ, msg string, off int) {
	if p.pyErr == nil {
		p.pyErr = newSyntaxError(typ, msg, p.s, off)
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value parses the value starting exactly at i and returns it with the
// index just past it. On error p.err is set.
func (p *parser) value(i int) (Value, int) {
	s := p.s
	if i >= len(s) {
		p.fail(ErrJSONDecode, "Expecting value", i)
		return Value{Start: i, End: i}, i
	}
	switch c := s[i]; c {
	case '"':
		return p.str(i)
	case '{':
		return p.object(i)
	case '[':
		return p.array(i)
	case 'n':
		if strings.HasPrefix(s[i:], "null") {
			return Value{Kind: Null, Start: i, End: i + 4, Text: "null"}, i + 4
		}
	case 't':
		if strings.HasPrefix(s[i:], "true") {
			return Value{Kind: Bool, Start: i, End: i + 4, Text: "true"}, i + 4
		}
	case 'f':
		if strings.HasPrefix(s[i:], "false") {
			return Value{Kind: Bool, Start: i, End: i + 5, Text: "false"}, i + 5
		}
	case 'N':
		if strings.HasPrefix(s[i:], "NaN") {
			p.pyConstant(i)
			return Value{Kind: Number, Start: i, End: i + 3, Text: "NaN"}, i + 3
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			p.pyConstant(i)
			return Value{Kind: Number, Start: i, End: i + 8, Text: "Infinity"}, i + 8
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			p.pyConstant(i)
			return Value{Kind: Number, Start: i, End: i + 9, Text: "-Infinity"}, i + 9
		}
	}
	return p.number(i)
}

// pyConstant notes a NaN, Infinity or -Infinity at i: Python turns them
// into floats by calling parse_constant, a C function call that counts
// against the recursion limit as one more level of nesting.
func (p *parser) pyConstant(i int) {
	if p.opts.pyDepth > 0 && p.depth >= p.opts.pyDepth {
		p.pyFail(ErrRecursion, "maximum recursion depth exceeded while calling a Python object", i)
	}
}

// number parses a number the way CPython's _match_number_unicode does.
func (p *parser) number(start int) (Value, int) {
	end := p.numberEnd(start)
	if end == start {
		return Value{Start: start, End: start}, start
	}
	return Value{Kind: Number, Start: start, End: end, Text: p.s[start:end]}, end
}

// numberEnd reads the number at start and returns the index just past it,
// or start (with p.err set) when there is none.
func (p *parser) numberEnd(start int) int {
	s := p.s
	i := start
	if s[i] == '-' {
		i++
		if i >= len(s) {
			p.fail(ErrJSONDecode, "Expecting value", start)
			return start
		}
	}
	switch {
	case s[i] >= '1' && s[i] <= '9':
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case s[i] == '0':
		i++
	default:
		p.fail(ErrJSONDecode, "Expecting value", start)
		return start
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j+1 < len(s) && (s[j] == '-' || s[j] == '+') {
			j++
		}
		d := j
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j > d {
			isFloat = true
			i = j
		}
	}
	if !isFloat && p.opts.pyDepth > 0 {
		digits := i - start
		if s[start] == '-' {
			digits--
		}
		if digits > pyMaxIntDigits {
			p.pyFail(ErrValue, "Exceeds the limit (4300 digits) for integer string conversion: value has "+
				strconv.Itoa(digits)+" digits; use sys.set_int_max_str_digits() to increase the limit", start)
		}
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// enter records one more level of nesting for the container opening at i
// and reports whether parsing may go on.
func (p *parser) enter(i int, what string) bool {
	p.depth++
	p.deepest = max(p.deepest, p.depth)
	if p.opts.pyDepth > 0 && p.depth > p.opts.pyDepth {
		p.pyFail(ErrRecursion, "maximum recursion depth exceeded while decoding a JSON "+what+" from a unicode string", i)
	}
	if p.depth > MaxDepth {
		p.fail(ErrRecursion, "JSON nested deeper than "+strconv.Itoa(MaxDepth)+" levels", i)
		return false
	}
	return true
}

// push parses the value at i onto the scratch stack, where its container
// gathers its children, and returns the index just past it. Containers and
// strings are built in place, without copying them through return values.
// A value that could not be read at all is not pushed.
func (p *parser) push(i int) int {
	k := len(p.scratch)
	c := byte(0)
	if i < len(p.s) {
		c = p.s[i]
	}
	// The value is written in place, field by field: a Value literal per
	// case would each take room in the frame, and this function recurses
	// once per level of nesting.
	p.scratch = append(p.scratch, Value{})
	v := &p.scratch[k] // only until the next push, which may move scratch
	var next int
	switch c {
	case '[':
		v.Kind, v.Start = Array, i
		next = p.arrayInto(k, i)
	case '{':
		v.Kind, v.Start = Object, i
		next = p.objectInto(k, i)
	case '"':
		v.Kind, v.Start = String, i
		v.Text, next = p.scanString(i)
		v.End = next
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		next = p.numberEnd(i) // cannot fail: there is a digit
		v.Kind, v.Start, v.End, v.Text = Number, i, next, p.s[i:next]
	default:
		*v, next = p.value(i)
	}
	if p.err != nil && p.scratch[k].End <= p.scratch[k].Start {
		p.scratch[k] = Value{}
		p.scratch = p.scratch[:k]
	}
	return next
}

// array parses an array whose '[' is at start.
func (p *parser) array(start int) (Value, int) {
	return p.container(start, Array)
}

// object parses an object whose '{' is at start.
func (p *parser) object(start int) (Value, int) {
	return p.container(start, Object)
}

// container parses an array or an object on the scratch stack and takes
// it off.
func (p *parser) container(start int, kind Kind) (Value, int) {
	k := len(p.scratch)
	p.scratch = append(p.scratch, Value{Kind: kind, Start: start})
	var next int
	if kind == Array {
		next = p.arrayInto(k, start)
	} else {
		next = p.objectInto(k, start)
	}
	v := p.scratch[k]
	p.scratch[k] = Value{}
	p.scratch = p.scratch[:k]
	return v, next
}

// arrayInto parses the array whose '[' is at start into p.scratch[k].
func (p *parser) arrayInto(k, start int) int {
	if !p.enter(start, "array") {
		p.depth--
		p.scratch[k].End = start
		return start
	}
	defer func() { p.depth-- }()
	base := len(p.scratch)
	done := func(end int) int {
		p.scratch[k].Items, p.scratch[k].End = p.finishItems(base), end
		return end
	}
	s := p.s
	i := skipSpace(s, start+1)
	limit := 0
	if p.depth == 2 && p.discarding == 0 {
		limit = p.opts.keepItems
	}
	if i >= len(s) || s[i] != ']' {
		for n := 0; ; n++ {
			drop := limit > 0 && n >= limit
			if drop {
				p.discarding++
			}
			top := len(p.scratch)
			next := p.push(i)
			if drop {
				p.discarding--
				p.dropped++
				clear(p.scratch[top:])
				p.scratch = p.scratch[:top]
			}
			if p.err != nil {
				return done(next)
			}
			i = skipSpace(s, next)
			if i < len(s) && s[i] == ']' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				p.fail(ErrJSONDecode, "Expecting ',' delimiter", i)
				return done(i)
			}
			i = skipSpace(s, i+1)
		}
	}
	return done(i + 1)
}

// objectInto parses the object whose '{' is at start into p.scratch[k].
func (p *parser) objectInto(k, start int) int {
	if !p.enter(start, "object") {
		p.depth--
		p.scratch[k].End = start
		return start
	}
	defer func() { p.depth-- }()
	base, baseK := len(p.scratch), len(p.scratchK)
	done := func(end int) int {
		p.scratch[k].Items, p.scratch[k].Keys, p.scratch[k].End = p.finishItems(base), p.finishKeys(baseK), end
		return end
	}
	s := p.s
	i := skipSpace(s, start+1)
	if i >= len(s) || s[i] != '}' {
		for {
			if i >= len(s) || s[i] != '"' {
				p.fail(ErrJSONDecode, "Expecting property name enclosed in double quotes", i)
				return done(i)
			}
			name, next := p.scanString(i)
			key := Key{Name: name, Start: i, End: next}
			if p.err != nil {
				return done(next)
			}
			i = skipSpace(s, next)
			if i >= len(s) || s[i] != ':' {
				p.fail(ErrJSONDecode, "Expecting ':' delimiter", i)
				return done(i)
			}
			i = skipSpace(s, i+1)
			top := len(p.scratch)
			next = p.push(i)
			if len(p.scratch) > top {
				p.scratchK = append(p.scratchK, key) // keys stay in step with values
			}
			if p.err != nil {
				return done(next)
			}
			i = skipSpace(s, next)
			if i < len(s) && s[i] == '}' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				p.fail(ErrJSONDecode, "Expecting ',' delimiter", i)
				return done(i)
			}
			i = skipSpace(s, i+1)
		}
	}
	return done(i + 1)
}

// finishItems moves the values gathered since base into the arena.
func (p *parser) finishItems(base int) []Value {
	return finish(&p.scratch, &p.arena, base, p.discarding > 0)
}

// finishKeys moves the keys gathered since base into the arena.
func (p *parser) finishKeys(base int) []Key {
	return finish(&p.scratchK, &p.arenaK, base, p.discarding > 0)
}

// finish moves the elements gathered on scratch since base to the arena
// (or drops them) and returns them. The arena grows by chunks of up to
// 65,536 elements; earlier chunks stay with the slices that use them.
func finish[T any](scratch, arena *[]T, base int, drop bool) []T {
	items := (*scratch)[base:]
	n := len(items)
	defer func() {
		clear(items) // let the collector free what they point to
		*scratch = (*scratch)[:base]
	}()
	if n == 0 || drop {
		return nil
	}
	if cap(*arena)-len(*arena) < n {
		size := min(max(2*cap(*arena), 64), 1<<16)
		*arena = make([]T, 0, max(size, n))
	}
	k := len(*arena)
	*arena = append(*arena, items...)
	return (*arena)[k : k+n : k+n]
}

// plainString marks the bytes a string can hold without any processing.
var plainString = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str parses a string whose opening quote is at start, as CPython's
// scanstring_unicode does.
func (p *parser) str(start int) (Value, int) {
	text, end := p.scanString(start)
	return Value{Kind: String, Start: start, End: end, Text: text}, end
}

// scanString reads the string whose opening quote is at start and returns
// its text and the index just past it (or where it broke off).
func (p *parser) scanString(start int) (string, int) {
	s := p.s
	i := start + 1
	// Keys are short: a byte at a time. Past 16 plain bytes the string is
	// long (base64 data, text), and skipStringPlain's scans are faster.
	for n := min(len(s), i+16); i < n && plainString[s[i]]; i++ {
	}
	if i == start+17 {
		i = skipStringPlain(s, i)
	}
	if i < len(s) && s[i] == '"' {
		return s[start+1 : i], i + 1
	}
	// Escapes, a control character or the end of the text.
	buf := append(p.buf[:0], s[start+1:i]...)
	for {
		run := i
		for i < len(s) && plainString[s[i]] {
			i++
		}
		buf = append(buf, s[run:i]...)
		if i >= len(s) {
			p.fail(ErrJSONDecode, "Unterminated string starting at", start)
			return p.partialString(i, buf)
		}
		c := s[i]
		if c == '"' {
			break
		}
		if c != '\\' {
			p.fail(ErrJSONDecode, "Invalid control character at", i)
			return p.partialString(i, buf)
		}
		if i+1 >= len(s) {
			p.fail(ErrJSONDecode, "Unterminated string starting at", start)
			return p.partialString(i, buf)
		}
		e := s[i+1]
		if e != 'u' {
			switch e {
			case '"', '\\', '/':
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			default:
				p.fail(ErrJSONDecode, "Invalid \\escape", i)
				return p.partialString(i, buf)
			}
			buf = append(buf, e)
			i += 2
			continue
		}
		// \uXXXX: i is the backslash, i+1 the 'u'.
		end := i + 6
		if end >= len(s) {
			p.fail(ErrJSONDecode, "Invalid \\uXXXX escape", i+1)
			return p.partialString(i, buf)
		}
		r, ok := hex4(s[i+2 : end])
		if !ok {
			p.fail(ErrJSONDecode, "Invalid \\uXXXX escape", i+1)
			return p.partialString(i, buf)
		}
		if r >= 0xd800 && r <= 0xdbff && end+6 < len(s) && s[end] == '\\' && s[end+1] == 'u' {
			r2, ok := hex4(s[end+2 : end+6])
			if !ok {
				p.fail(ErrJSONDecode, "Invalid \\uXXXX escape", end+1)
				return p.partialString(i, buf)
			}
			if r2 >= 0xdc00 && r2 <= 0xdfff {
				r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
				end += 6
			}
		}
		buf = appendWTF8(buf, r)
		i = end
	}
	p.buf = buf
	return string(buf), i + 1
}

func (p *parser) partialString(i int, buf []byte) (string, int) {
	p.buf = buf
	return string(buf), i
}

// hex4 decodes four hexadecimal digits.
func hex4(h string) (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// appendWTF8 appends r in UTF-8, encoding a surrogate code point as the
// three bytes UTF-8 would use for it (WTF-8), so that Python strings holding
// lone surrogates survive in Go strings.
func appendWTF8(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, 0xed, byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

// decodeWTF8 decodes the code point at the start of s like
// utf8.DecodeRuneInString, but also decodes WTF-8 surrogates.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2]&0xc0 == 0x80 {
		return rune(0xd000) | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}
