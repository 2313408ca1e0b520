package jsonpos

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The kinds of SyntaxError. They are named after the exceptions CPython's
// json.loads raises, whose grammar and messages the reader follows.
const (
	ErrSyntax = "JSONDecodeError" // the text is not JSON
	ErrDepth  = "RecursionError"  // nesting deeper than Limits.MaxDepth
)

// DefaultMaxDepth is the MaxDepth of a zero Limits.
const DefaultMaxDepth = 1000

// Limits are the bounds a Parser holds a text to. The zero value is
// DefaultMaxDepth levels of nesting and nothing else.
type Limits struct {
	// MaxDepth is how deeply arrays and objects may nest: a deeper one
	// is a SyntaxError of type ErrDepth and ends the parse. The parser
	// recurses once per level. Zero is DefaultMaxDepth.
	MaxDepth int
	// NoteDepth, when non-zero, is a soft bound on nesting: the first
	// container nested deeper is noted (Parser.Crossed) and parsing goes
	// on. With ConstantsNest, a NaN, Infinity or -Infinity counts as one
	// level more than the container holding it.
	NoteDepth     int
	ConstantsNest bool
	// NoteIntDigits, when non-zero, is a soft bound on the digits of an
	// integer (a number without fraction or exponent): the first longer
	// one is noted.
	NoteIntDigits int
	// KeepItems, when non-zero, is how many items of an array nested in
	// the top-level object (an event's records) are kept; the rest are
	// checked for syntax, counted (Parser.Dropped) and not kept.
	KeepItems int
}

// A Crossing is where a text first went past one of the soft bounds of
// its Limits.
type Crossing struct {
	Offset int    // byte offset of the container, constant or integer
	What   string // "array", "object", "constant" (NoteDepth), or "integer" (NoteIntDigits)
	Digits int    // for an integer, how many digits it has
}

// SyntaxError describes why a text is not JSON, with the byte offset where
// the problem is and that offset's position as Python counts it.
type SyntaxError struct {
	Type   string // ErrSyntax or ErrDepth, or a kind of the caller's (NewSyntaxError)
	Msg    string // the message without the position ("Expecting value")
	Offset int    // byte offset of the problem in the parsed text
	Line   int    // 1-based line of Offset
	Column int    // 1-based column of Offset, in code points as Python counts
	Char   int    // code point index of Offset, Python's "char"
}

// Error returns the message as Python's json module formats it, for
// example "Expecting value: line 1 column 1 (char 0)"; errors of other
// types are their message alone.
func (e *SyntaxError) Error() string {
	if e.Type != ErrSyntax {
		return e.Msg
	}
	return fmt.Sprintf("%s: line %d column %d (char %d)", e.Msg, e.Line, e.Column, e.Char)
}

// NewSyntaxError returns an error of type typ at byte offset off of s
// (clamped to s), with its line, column and char computed.
func NewSyntaxError(typ, msg, s string, off int) *SyntaxError {
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

// A Parser is a recursive-descent JSON parser that follows the grammar,
// the messages and the error positions of CPython's json scanner
// (Modules/_json.c): NaN, Infinity and -Infinity are accepted, control
// characters in strings are not, only space, tab, CR and LF are
// whitespace. Its zero value is ready to use (Reset, then Document or
// Values); a Parser reused keeps its memory from parse to parse.
type Parser struct {
	s       string
	lim     Limits
	depth   int
	err     *SyntaxError
	crossed *Crossing
	// dropped counts the array items parsed but not kept (KeepItems), and
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

// Reset prepares p to parse s within lim, reusing the memory of its
// earlier parses: the values they returned must no longer be in use.
func (p *Parser) Reset(s string, lim Limits) {
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = DefaultMaxDepth
	}
	p.s, p.lim, p.depth, p.deepest, p.err, p.crossed, p.dropped = s, lim, 0, 0, nil, nil, 0
	p.arena, p.arenaK = p.arena[:0], p.arenaK[:0]
}

// ReleaseScratch lets go of the parser's scratch stacks, which grow with
// the widest container it met, keeping its arenas for the next parse.
func (p *Parser) ReleaseScratch() { p.scratch, p.scratchK = nil, nil }

// Crossed returns where the text went past a soft bound of the limits
// (NoteDepth, NoteIntDigits), or nil.
func (p *Parser) Crossed() *Crossing { return p.crossed }

// Dropped returns how many array items were parsed but not kept
// (Limits.KeepItems).
func (p *Parser) Dropped() int { return p.dropped }

// Deepest returns the deepest nesting of arrays and objects met.
func (p *Parser) Deepest() int { return p.deepest }

// Parse parses one JSON document within the default limits. On a syntax
// error it returns the error and the partial value read so far:
// containers that were open are closed at the error, so a truncated event
// still shows its records.
func Parse(text string) (Value, error) {
	var p Parser
	p.Reset(text, Limits{})
	v, err := p.Document()
	if err != nil {
		return v, err
	}
	return v, nil
}

// Document parses the whole text as one value and nothing else. On a
// syntax error it returns the partial value read so far.
func (p *Parser) Document() (Value, *SyntaxError) {
	i := SkipSpace(p.s, 0)
	v, end := p.value(i)
	if p.err != nil {
		return v, p.err
	}
	end = SkipSpace(p.s, end)
	if end != len(p.s) {
		p.fail(ErrSyntax, "Extra data", end)
	}
	return v, p.err
}

// Prefix parses the value the text starts with (after white space) and
// returns it with the offset where it ends; what follows is not read.
func (p *Parser) Prefix() (v Value, end int, err *SyntaxError) {
	v, end = p.value(SkipSpace(p.s, 0))
	return v, end, p.err
}

// Values parses a text holding any number of JSON values separated by
// white space (or nothing): one document, NDJSON, or concatenated JSON.
// It stops at the first syntax error; vals holds the values read
// completely before it. firstCrossed is where the first value went past
// a soft bound of the limits, or nil.
func (p *Parser) Values() (vals []Value, err *SyntaxError, firstCrossed *Crossing) {
	s := p.s
	for i := SkipSpace(s, 0); i < len(s); i = SkipSpace(s, i) {
		v, next := p.value(i)
		if len(vals) == 0 {
			firstCrossed = p.crossed
		}
		if p.err != nil {
			break
		}
		vals = append(vals, v)
		i = next
	}
	return vals, p.err, firstCrossed
}

func (p *Parser) fail(typ, msg string, off int) {
	if p.err == nil {
		p.err = NewSyntaxError(typ, msg, p.s, off)
	}
}

// cross notes the first crossing of a soft bound.
func (p *Parser) cross(c Crossing) {
	if p.crossed == nil {
		p.crossed = &c
	}
}

// SkipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func SkipSpace(s string, i int) int {
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
func (p *Parser) value(i int) (Value, int) {
	s := p.s
	if i >= len(s) {
		p.fail(ErrSyntax, "Expecting value", i)
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
			p.constant(i)
			return Value{Kind: Number, Start: i, End: i + 3, Text: "NaN"}, i + 3
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			p.constant(i)
			return Value{Kind: Number, Start: i, End: i + 8, Text: "Infinity"}, i + 8
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			p.constant(i)
			return Value{Kind: Number, Start: i, End: i + 9, Text: "-Infinity"}, i + 9
		}
	}
	return p.number(i)
}

// constant notes a NaN, Infinity or -Infinity at i that nests past
// NoteDepth when constants count as a level (ConstantsNest).
func (p *Parser) constant(i int) {
	if p.lim.ConstantsNest && p.lim.NoteDepth > 0 && p.depth >= p.lim.NoteDepth {
		p.cross(Crossing{Offset: i, What: "constant"})
	}
}

// number parses a number the way CPython's _match_number_unicode does.
func (p *Parser) number(start int) (Value, int) {
	end := p.numberEnd(start)
	if end == start {
		return Value{Start: start, End: start}, start
	}
	return Value{Kind: Number, Start: start, End: end, Text: p.s[start:end]}, end
}

// numberEnd reads the number at start and returns the index just past it,
// or start (with p.err set) when there is none.
func (p *Parser) numberEnd(start int) int {
	s := p.s
	i := start
	if s[i] == '-' {
		i++
		if i >= len(s) {
			p.fail(ErrSyntax, "Expecting value", start)
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
		p.fail(ErrSyntax, "Expecting value", start)
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
	if !isFloat && p.lim.NoteIntDigits > 0 {
		digits := i - start
		if s[start] == '-' {
			digits--
		}
		if digits > p.lim.NoteIntDigits {
			p.cross(Crossing{Offset: start, What: "integer", Digits: digits})
		}
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// enter records one more level of nesting for the container opening at i
// and reports whether parsing may go on.
func (p *Parser) enter(i int, what string) bool {
	p.depth++
	p.deepest = max(p.deepest, p.depth)
	if p.lim.NoteDepth > 0 && p.depth > p.lim.NoteDepth {
		p.cross(Crossing{Offset: i, What: what})
	}
	if p.depth > p.lim.MaxDepth {
		p.fail(ErrDepth, "JSON nested deeper than "+strconv.Itoa(p.lim.MaxDepth)+" levels", i)
		return false
	}
	return true
}

// push parses the value at i onto the scratch stack, where its container
// gathers its children, and returns the index just past it. Containers and
// strings are built in place, without copying them through return values.
// A value that could not be read at all is not pushed.
func (p *Parser) push(i int) int {
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
func (p *Parser) array(start int) (Value, int) {
	return p.container(start, Array)
}

// object parses an object whose '{' is at start.
func (p *Parser) object(start int) (Value, int) {
	return p.container(start, Object)
}

// container parses an array or an object on the scratch stack and takes
// it off.
func (p *Parser) container(start int, kind Kind) (Value, int) {
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
func (p *Parser) arrayInto(k, start int) int {
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
	i := SkipSpace(s, start+1)
	limit := 0
	if p.depth == 2 && p.discarding == 0 {
		limit = p.lim.KeepItems
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
			i = SkipSpace(s, next)
			if i < len(s) && s[i] == ']' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				p.fail(ErrSyntax, "Expecting ',' delimiter", i)
				return done(i)
			}
			i = SkipSpace(s, i+1)
		}
	}
	return done(i + 1)
}

// objectInto parses the object whose '{' is at start into p.scratch[k].
func (p *Parser) objectInto(k, start int) int {
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
	i := SkipSpace(s, start+1)
	if i >= len(s) || s[i] != '}' {
		for {
			if i >= len(s) || s[i] != '"' {
				p.fail(ErrSyntax, "Expecting property name enclosed in double quotes", i)
				return done(i)
			}
			name, next := p.scanString(i)
			key := Key{Name: name, Start: i, End: next}
			if p.err != nil {
				return done(next)
			}
			i = SkipSpace(s, next)
			if i >= len(s) || s[i] != ':' {
				p.fail(ErrSyntax, "Expecting ':' delimiter", i)
				return done(i)
			}
			i = SkipSpace(s, i+1)
			top := len(p.scratch)
			next = p.push(i)
			if len(p.scratch) > top {
				p.scratchK = append(p.scratchK, key) // keys stay in step with values
			}
			if p.err != nil {
				return done(next)
			}
			i = SkipSpace(s, next)
			if i < len(s) && s[i] == '}' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				p.fail(ErrSyntax, "Expecting ',' delimiter", i)
				return done(i)
			}
			i = SkipSpace(s, i+1)
		}
	}
	return done(i + 1)
}

// finishItems moves the values gathered since base into the arena.
func (p *Parser) finishItems(base int) []Value {
	return finish(&p.scratch, &p.arena, base, p.discarding > 0)
}

// finishKeys moves the keys gathered since base into the arena.
func (p *Parser) finishKeys(base int) []Key {
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
func (p *Parser) str(start int) (Value, int) {
	text, end := p.scanString(start)
	return Value{Kind: String, Start: start, End: end, Text: text}, end
}

// scanString reads the string whose opening quote is at start and returns
// its text and the index just past it (or where it broke off).
func (p *Parser) scanString(start int) (string, int) {
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
			p.fail(ErrSyntax, "Unterminated string starting at", start)
			return p.partialString(i, buf)
		}
		c := s[i]
		if c == '"' {
			break
		}
		if c != '\\' {
			p.fail(ErrSyntax, "Invalid control character at", i)
			return p.partialString(i, buf)
		}
		if i+1 >= len(s) {
			p.fail(ErrSyntax, "Unterminated string starting at", start)
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
				p.fail(ErrSyntax, "Invalid \\escape", i)
				return p.partialString(i, buf)
			}
			buf = append(buf, e)
			i += 2
			continue
		}
		// \uXXXX: i is the backslash, i+1 the 'u'.
		end := i + 6
		if end >= len(s) {
			p.fail(ErrSyntax, "Invalid \\uXXXX escape", i+1)
			return p.partialString(i, buf)
		}
		r, ok := hex4(s[i+2 : end])
		if !ok {
			p.fail(ErrSyntax, "Invalid \\uXXXX escape", i+1)
			return p.partialString(i, buf)
		}
		if r >= 0xd800 && r <= 0xdbff && end+6 < len(s) && s[end] == '\\' && s[end+1] == 'u' {
			r2, ok := hex4(s[end+2 : end+6])
			if !ok {
				p.fail(ErrSyntax, "Invalid \\uXXXX escape", end+1)
				return p.partialString(i, buf)
			}
			if r2 >= 0xdc00 && r2 <= 0xdfff {
				r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
				end += 6
			}
		}
		buf = AppendWTF8(buf, r)
		i = end
	}
	p.buf = buf
	return string(buf), i + 1
}

func (p *Parser) partialString(i int, buf []byte) (string, int) {
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

// AppendWTF8 appends r in UTF-8, encoding a surrogate code point as the
// three bytes UTF-8 would use for it (WTF-8), so that Python strings holding
// lone surrogates survive in Go strings.
func AppendWTF8(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, 0xed, byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

// DecodeWTF8 decodes the code point at the start of s like
// utf8.DecodeRuneInString, but also decodes WTF-8 surrogates.
func DecodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2]&0xc0 == 0x80 {
		return rune(0xd000) | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s)
}
