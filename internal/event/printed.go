package event

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The event as a function printed it to CloudWatch Logs: Python's
// print(event) (a dict repr: single quotes, True/False/None), Node.js's
// console.log(event) (util.inspect: unquoted keys, single quotes, what is
// deeper than two levels cut to [Object]), or JSON, with or without the log
// line's prefix, or inside the runtimes' JSON log format.

// Dialects of a printed event.
const (
	dialectPython = "python"
	dialectNode   = "node"
	dialectJSON   = "json"
)

// printCut is something the printer left out, at its place in the input.
type printCut struct {
	Start, End int
	What       string // "object", "array", "items", "characters"
	n          int    // how many items or characters
	key        string // the key it was under, if any
	shown      int    // the items printed before "... N more items"
}

// litParser parses a Python repr, Node.js util.inspect output, or JSON, into
// a Value with the positions of the text it parses.
type litParser struct {
	s      string
	Cuts   []printCut
	python bool // True/False/None, or a quoted key: Python's repr
	node   bool // an unquoted key, or a cut only util.inspect writes
	quoted bool // a single-quoted string
	depth  int
	failed bool
	key    string // the key whose value is being parsed
}

// parseLiteral parses s[from:] as one printed value followed only by white
// space; ok is false when it is not one.
func parseLiteral(s string, from int) (v jsonpos.Value, p *litParser, ok bool) {
	p = &litParser{s: s}
	v, i := p.value(p.space(from))
	if p.failed || p.space(i) != len(s) {
		return v, p, false
	}
	return v, p, true
}

func (p *litParser) space(i int) int {
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t' || p.s[i] == '\n' || p.s[i] == '\r') {
		i++
	}
	return i
}

func (p *litParser) fail(i int) (jsonpos.Value, int) {
	p.failed = true
	return jsonpos.Value{Start: i, End: i}, i
}

// value parses one value at i.
func (p *litParser) value(i int) (jsonpos.Value, int) {
	if p.failed || i >= len(p.s) {
		return p.fail(i)
	}
	switch c := p.s[i]; {
	case c == '{':
		return p.object(i)
	case c == '[':
		for _, m := range []struct{ text, what string }{{"[Object]", "object"}, {"[Array]", "array"}} {
			if strings.HasPrefix(p.s[i:], m.text) {
				p.node = true
				p.Cuts = append(p.Cuts, printCut{Start: i, End: i + len(m.text), What: m.what, key: p.key})
				k := jsonpos.Object
				if m.what == "array" {
					k = jsonpos.Array
				}
				return jsonpos.Value{Kind: k, Start: i, End: i + len(m.text)}, i + len(m.text)
			}
		}
		return p.array(i)
	case c == '\'' || c == '"' || c == '`':
		return p.str(i)
	case c == '-' || c == '+' || c >= '0' && c <= '9':
		return p.number(i)
	}
	j := i
	for j < len(p.s) && isIdentByte(p.s[j], j > i) {
		j++
	}
	word := p.s[i:j]
	v := jsonpos.Value{Start: i, End: j, Text: word}
	switch word {
	case pyemu.True, pyemu.False:
		p.python = true
		v.Kind, v.Text = jsonpos.Bool, strings.ToLower(word)
	case pyemu.None:
		p.python = true
		v.Kind, v.Text = jsonpos.Null, "null"
	case "true", "false":
		v.Kind = jsonpos.Bool
	case "null", "undefined":
		v.Kind, v.Text = jsonpos.Null, "null"
	case "NaN", "Infinity", pyemu.NaN, pyemu.Inf:
		v.Kind, v.Text = jsonpos.Number, map[string]string{"NaN": "NaN", pyemu.NaN: "NaN", "Infinity": "Infinity", pyemu.Inf: "Infinity"}[word]
	default:
		return p.fail(i)
	}
	return v, j
}

// isIdentByte reports whether c may be in a JavaScript identifier (ASCII).
func isIdentByte(c byte, notFirst bool) bool {
	return isIdentStart(c) || c == '$' || notFirst && IsDigit(c)
}

// number parses a number as Python and Node.js print them.
func (p *litParser) number(i int) (jsonpos.Value, int) {
	j := i
	if p.s[j] == '-' || p.s[j] == '+' {
		j++
	}
	if strings.HasPrefix(p.s[j:], "Infinity") || strings.HasPrefix(p.s[j:], pyemu.Inf) {
		n := len("Infinity")
		if p.s[j] == 'i' {
			n = len(pyemu.Inf)
		}
		text := "Infinity"
		if p.s[i] == '-' {
			text = "-Infinity"
		}
		return jsonpos.Value{Kind: jsonpos.Number, Start: i, End: j + n, Text: text}, j + n
	}
	start := j
	for j < len(p.s) && (IsDigit(p.s[j]) || p.s[j] == '.' || p.s[j] == 'e' || p.s[j] == 'E' ||
		(p.s[j] == '+' || p.s[j] == '-') && (p.s[j-1] == 'e' || p.s[j-1] == 'E')) {
		j++
	}
	text := strings.TrimPrefix(p.s[i:j], "+")
	if j == start {
		return p.fail(i)
	}
	// Keep it a JSON number: 1. and .5 are not.
	if _, err := strconv.ParseFloat(text, 64); err != nil && !strings.Contains(err.Error(), "range") {
		return p.fail(i)
	}
	if v, err := jsonpos.Parse(text); err != nil || v.Kind != jsonpos.Number {
		return p.fail(i)
	}
	return jsonpos.Value{Kind: jsonpos.Number, Start: i, End: j, Text: text}, j
}

// str parses a quoted string with Python's or JavaScript's escapes, and
// the note util.inspect writes after a string it cut.
func (p *litParser) str(i int) (jsonpos.Value, int) {
	q := p.s[i]
	if q == '\'' {
		p.quoted = true
	}
	var b []byte
	j := i + 1
	for {
		if j >= len(p.s) {
			return p.fail(j)
		}
		c := p.s[j]
		if c == q {
			break
		}
		if c == '\n' || c == '\r' && q != '`' {
			return p.fail(j)
		}
		if c != '\\' {
			b = append(b, c)
			j++
			continue
		}
		var ok bool
		if b, j, ok = decodeEscape(b, p.s, j, len(p.s)); !ok {
			return p.fail(j)
		}
	}
	v := jsonpos.Value{Kind: jsonpos.String, Start: i, End: j + 1, Text: string(b)}
	j++
	// util.inspect: 'aaaa'... 1234 more characters
	if n, k, ok := moreNote(p.s[j:], " more character"); ok {
		p.node = true
		p.Cuts = append(p.Cuts, printCut{Start: i, End: j + k, What: "characters", n: n, key: p.key})
		j += k
	}
	return v, j
}

// moreNote reads the note util.inspect writes where it cut an array or a
// string ("... 12 more items", "... 1 more character") at the start of
// rest; what is the note's words after the count, in the singular. k is
// the note's length.
func moreNote(rest, what string) (n, k int, ok bool) {
	if !strings.HasPrefix(rest, "... ") {
		return 0, 0, false
	}
	k = 4
	for k < len(rest) && IsDigit(rest[k]) {
		k++
	}
	n, err := strconv.Atoi(rest[4:k])
	if err != nil || !strings.HasPrefix(rest[k:], what) {
		return 0, 0, false
	}
	k += len(what)
	if strings.HasPrefix(rest[k:], "s") {
		k++
	}
	return n, k, true
}

// decodeEscape decodes the escape at s[i] (a backslash) of a string
// literal as Python, JavaScript and JSON write them (\n, \x41, \u00e9,
// \U0001f600, \u{1F600}, a JSON surrogate pair \ud83d\ude00…), reading no
// further than s[:end]. It appends what the escape stands for (in WTF-8)
// to b and returns the index after it; ok is false, and the index where
// the escape went wrong, for an escape none of them has.
func decodeEscape(b []byte, s string, i, end int) (_ []byte, next int, ok bool) {
	if i+1 >= end {
		return b, i, false
	}
	e := s[i+1]
	j := i + 2
	switch e {
	case 'n':
		return append(b, '\n'), j, true
	case 'r':
		return append(b, '\r'), j, true
	case 't':
		return append(b, '\t'), j, true
	case 'b':
		return append(b, '\b'), j, true
	case 'f':
		return append(b, '\f'), j, true
	case 'v':
		return append(b, '\v'), j, true
	case '0':
		return append(b, 0), j, true
	case '\\', '\'', '"', '`', '/':
		return append(b, e), j, true
	case 'x', 'u', 'U':
	default:
		return b, j - 1, false
	}
	if e == 'u' && j < end && s[j] == '{' { // \u{1F600}
		k := strings.IndexByte(s[j:end], '}')
		if k < 2 || k > 7 {
			return b, j, false
		}
		r, err := strconv.ParseUint(s[j+1:j+k], 16, 32)
		if err != nil || r > utf8.MaxRune {
			return b, j, false
		}
		return jsonpos.AppendWTF8(b, rune(r)), j + k + 1, true
	}
	n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
	if j+n > end {
		return b, j, false
	}
	r, err := strconv.ParseUint(s[j:j+n], 16, 32)
	if err != nil || r > utf8.MaxRune {
		return b, j, false
	}
	j += n
	// A JSON-style surrogate pair: \ud83d\ude00.
	if r >= 0xd800 && r < 0xdc00 && j+6 <= end && s[j] == '\\' && s[j+1] == 'u' {
		if lo, err := strconv.ParseUint(s[j+2:j+6], 16, 32); err == nil && lo >= 0xdc00 && lo < 0xe000 {
			r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
			j += 6
		}
	}
	return jsonpos.AppendWTF8(b, rune(r)), j, true
}

// litMaxDepth is how deeply a printed event may nest: an event nests four
// levels (its payloads are base64), util.inspect prints two, and a deeper
// text is not a printed event. The bound keeps the recursion far from the
// stack's limits.
const litMaxDepth = 64

// enter counts a level of nesting, failing past litMaxDepth.
func (p *litParser) enter() bool {
	p.depth++
	return p.depth <= litMaxDepth
}

// array parses [a, b, … N more items].
func (p *litParser) array(i int) (jsonpos.Value, int) {
	if !p.enter() {
		return p.fail(i)
	}
	defer func() { p.depth-- }()
	v := jsonpos.Value{Kind: jsonpos.Array, Start: i}
	key := p.key
	j := p.space(i + 1)
	for first := true; ; first = false {
		if j < len(p.s) && p.s[j] == ']' {
			v.End = j + 1
			return v, j + 1
		}
		if !first {
			if j >= len(p.s) || p.s[j] != ',' {
				return p.fail(j)
			}
			j = p.space(j + 1)
			if j < len(p.s) && p.s[j] == ']' { // a trailing comma
				v.End = j + 1
				return v, j + 1
			}
		}
		if n, k, ok := moreNote(p.s[j:], " more item"); ok {
			p.node = true
			p.Cuts = append(p.Cuts, printCut{Start: j, End: j + k, What: "items", n: n, key: key, shown: len(v.Items)})
			j = p.space(j + k)
			if j >= len(p.s) || p.s[j] != ']' {
				return p.fail(j)
			}
			v.End = j + 1
			return v, j + 1
		}
		p.key = key
		item, next := p.value(j)
		if p.failed {
			return item, next
		}
		v.Items = append(v.Items, item)
		j = p.space(next)
	}
}

// object parses {key: value, …} with quoted keys (Python, JSON) or
// identifiers (Node.js).
func (p *litParser) object(i int) (jsonpos.Value, int) {
	if !p.enter() {
		return p.fail(i)
	}
	defer func() { p.depth-- }()
	v := jsonpos.Value{Kind: jsonpos.Object, Start: i}
	j := p.space(i + 1)
	for first := true; ; first = false {
		if j < len(p.s) && p.s[j] == '}' {
			v.End = j + 1
			return v, j + 1
		}
		if !first {
			if j >= len(p.s) || p.s[j] != ',' {
				return p.fail(j)
			}
			j = p.space(j + 1)
			if j < len(p.s) && p.s[j] == '}' {
				v.End = j + 1
				return v, j + 1
			}
		}
		if j >= len(p.s) {
			return p.fail(j)
		}
		var k jsonpos.Key
		switch c := p.s[j]; {
		case c == '\'' || c == '"':
			if c == '\'' {
				p.python = true // Node.js quotes only keys that are not identifiers
			}
			kv, next := p.str(j)
			if p.failed {
				return kv, next
			}
			k, j = jsonpos.Key{Name: kv.Text, Start: kv.Start, End: kv.End}, next
		case isIdentByte(c, false):
			e := j
			for e < len(p.s) && isIdentByte(p.s[e], e > j) {
				e++
			}
			p.node = true
			k, j = jsonpos.Key{Name: p.s[j:e], Start: j, End: e}, e
		default:
			return p.fail(j)
		}
		j = p.space(j)
		if j >= len(p.s) || p.s[j] != ':' {
			return p.fail(j)
		}
		p.key = k.Name
		item, next := p.value(p.space(j + 1))
		if p.failed {
			return item, next
		}
		v.Keys = append(v.Keys, k)
		v.Items = append(v.Items, item)
		j = p.space(next)
	}
}

// dialect names the printer the parse saw.
func (p *litParser) dialect() string {
	switch {
	case p.node && !p.python:
		return dialectNode
	case p.python || p.quoted:
		return dialectPython
	}
	return dialectJSON
}

// isEventShape reports whether a value has the full shape of a Firehose
// event: an object whose records are objects with a recordId and data.
func isEventShape(v *jsonpos.Value) bool {
	if v.Kind != jsonpos.Object {
		return false
	}
	recs, _ := v.Member("records")
	return everyItem(recs, func(it *jsonpos.Value) bool {
		return hasKeys(it, "recordId") && (hasKeys(it, "data") || hasKeys(it, "kafkaRecordValue"))
	})
}

// printedEvent is a printed event found in the input.
type printedEvent struct {
	root    jsonpos.Value
	p       *litParser
	framing string // how it was logged, for the finding
}

// printedHead is how far into a printed event its "records" key must be:
// the envelope's few keys come before it.
const printedHead = 8 << 10

// findPrinted looks for a printed event that is the whole input: bare, after
// a log prefix, or as the message of a JSON log line. doc is the input
// parsed as JSON when it is.
func findPrinted(text string, doc *parsedEvent) *printedEvent {
	if doc != nil && doc.err == nil && !doc.bom && doc.root.Kind == jsonpos.Object {
		root := &doc.root
		msg, _ := root.Member("message")
		if msg == nil || !hasKeys(root, "level") || !hasKeys(root, "timestamp") {
			return nil
		}
		framing := "in the Lambda runtime's JSON log format"
		if msg.Kind == jsonpos.Object && isEventShape(msg) {
			return &printedEvent{root: *msg, p: &litParser{}, framing: framing}
		}
		if msg.Kind != jsonpos.String {
			return nil
		}
		decoded, pos := jsonStringMap(text, msg)
		from, label := skipLabel(decoded, 0)
		if from < 0 {
			return nil
		}
		if label != "" {
			framing += ", after the words " + report.Quoted(label)
		}
		v, p, ok := parseLiteral(decoded, from)
		if !ok || !isEventShape(&v) {
			return nil
		}
		remap(&v, pos)
		for k := range p.Cuts {
			p.Cuts[k].Start, p.Cuts[k].End = pos[p.Cuts[k].Start], pos[p.Cuts[k].End]
		}
		return &printedEvent{root: v, p: p, framing: framing}
	}
	t := strings.TrimLeft(text, " \t\r\n")
	from := len(text) - len(t)
	framing := ""
	if n := pyLogPrefix(t); n >= 0 {
		from, framing = from+n, "after the CloudWatch Logs prefix of Python's logging"
	} else if n := nodeLogPrefix(t); n >= 0 {
		from, framing = from+n, "after the CloudWatch Logs prefix of Node.js's console"
	}
	if framing == "" && doc != nil && doc.err == nil {
		return nil // plain JSON is an event, not a printed one
	}
	if !strings.Contains(text[from:min(len(text), from+printedHead)], "records") {
		return nil // the envelope's keys come first: not an event
	}
	from, label := skipLabel(text, from)
	if from < 0 {
		return nil
	}
	if label != "" {
		framing = strings.TrimPrefix(framing+", after the words "+report.Quoted(label), ", ")
	}
	v, p, ok := parseLiteral(text, from)
	if !ok || !isEventShape(&v) {
		return nil
	}
	return &printedEvent{root: v, p: p, framing: framing}
}

// maxLabel is the longest text a printed event may follow on its line, as
// in print("event:", event).
const maxLabel = 200

// skipLabel returns where the printed value starts in s from from: at from,
// or after a few words on the same line (print("event:", event)), with
// those words; -1 when there is no printed object there.
func skipLabel(s string, from int) (int, string) {
	end := min(len(s), from+maxLabel+1)
	i := strings.IndexByte(s[from:end], '{')
	if i < 0 {
		return -1, ""
	}
	label := s[from : from+i]
	if strings.ContainsAny(label, "\n\r[]{}'\"`") {
		return -1, ""
	}
	return from + i, strings.TrimSpace(label)
}

// jsonStringMap decodes the JSON string v of text, and gives for every
// byte of the result (and one past its end) the offset in text it came from.
func jsonStringMap(text string, v *jsonpos.Value) (string, []int) {
	if v.End-v.Start < 2 || v.Start < 0 || v.End > len(text) || text[v.Start] != '"' {
		return "", nil
	}
	var b []byte
	var pos []int
	for j := v.Start + 1; j < v.End-1; {
		start := j
		c := text[j]
		if c != '\\' {
			b = append(b, c)
			pos = append(pos, start)
			j++
			continue
		}
		n := len(b)
		var ok bool
		if b, j, ok = decodeEscape(b, text, j, v.End-1); !ok {
			return "", nil
		}
		for range len(b) - n {
			pos = append(pos, start)
		}
	}
	pos = append(pos, v.End-1)
	return string(b), pos
}

// remap moves a value parsed from a decoded string to the positions of the
// text it was decoded from.
func remap(v *jsonpos.Value, pos []int) {
	v.Start, v.End = pos[v.Start], pos[v.End]
	for i := range v.Keys {
		v.Keys[i].Start, v.Keys[i].End = pos[v.Keys[i].Start], pos[v.Keys[i].End]
	}
	for i := range v.Items {
		remap(&v.Items[i], pos)
	}
}

// appendIndented appends v as JSON indented by two spaces.
func appendIndented(b []byte, v *jsonpos.Value, indent string) []byte {
	if (v.Kind != jsonpos.Object && v.Kind != jsonpos.Array) || len(v.Items) == 0 {
		return jsonpos.AppendCompact(b, v)
	}
	open, close := byte('['), byte(']')
	if v.Kind == jsonpos.Object {
		open, close = '{', '}'
	}
	b = append(b, open)
	inner := indent + "  "
	for i := range v.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, inner...)
		if v.Kind == jsonpos.Object {
			b = jsonpos.AppendString(b, v.Keys[i].Name)
			b = append(b, ": "...)
		}
		b = appendIndented(b, &v.Items[i], inner)
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, close)
}

// readPrinted reads a printed event into the JSON event it stands for.
func readPrinted(ev *Event, text string, f *report.Findings) {
	var doc *parsedEvent
	if t := strings.TrimLeft(text, " \t\r\n"); t != "" && t[0] == '{' {
		doc = parseEventText(text)
	}
	pe := findPrinted(text, doc)
	if pe == nil {
		f.At(report.CodeKindPrintedBad, report.SevError, report.InputSpan(0, min(len(text), 1))).Say(`This is not a printed Firehose event: the whole text must be one event as Python's print(event) or Node.js's console.log(event) writes it ({'records': [{'recordId': …, 'data': …}]}), bare or after its CloudWatch Logs prefix. Choose "detect" in "Input is" to read it as what it is.`)
		buildEvent(ev, text, builtEnvelope{source: SourceDirectPut}, nil, f)
		return
	}
	kind := ev.Kind
	b := appendIndented(nil, &pe.root, "")
	built := string(append(b, '\n'))
	readEvent(ev, built, &parsedEvent{body: built, root: pe.root}, f)
	ev.Kind, ev.Generated = kind, true
	who := map[string]string{
		dialectPython: "Python's print(event) wrote it (a dict repr)",
		dialectNode:   "Node.js's console.log(event) wrote it (util.inspect)",
		dialectJSON:   "it was logged as JSON",
	}[pe.p.dialect()]
	if pe.framing != "" {
		who += ", " + pe.framing
	}
	f.At(report.CodeKindPrinted, report.SevInfo, report.InputSpan(pe.root.Start, pe.root.Start+1)).Say("This is a Firehose event as %s: the playground read it into the JSON event it stands for, under \"The event the playground built\".%s", who, forceHint)
	for _, c := range pe.p.Cuts {
		where := ""
		if c.key != "" {
			where = " " + report.Quoted(c.key)
		}
		var msg string
		switch c.What {
		case "object", "array":
			msg = fmt.Sprintf("console.log printed%s as [%s]: util.inspect shows two levels of nesting and cuts what is deeper, so what it held is lost. The built event has an empty %s here. Log JSON.stringify(event) to keep everything.",
				where, map[string]string{"object": "Object", "array": "Array"}[c.What], c.What)
		case "items":
			if c.key == "records" {
				msg = fmt.Sprintf("console.log printed the first %s and left out %s (util.inspect shows at most 100 items of an array): the built event holds only the records shown. Log JSON.stringify(event) to keep everything.",
					report.Plural(c.shown, "record"), report.Plural(c.n, "more record"))
				break
			}
			msg = fmt.Sprintf("console.log printed the first %s of%s and left out %s (util.inspect shows at most 100 items of an array): the built event holds only the items shown. Log JSON.stringify(event) to keep everything.",
				report.Plural(c.shown, "item"), report.Pick(where == "", " an array", where), report.Plural(c.n, "more item"))
		default:
			msg = fmt.Sprintf("console.log cut this string%s after 10,000 characters and left out %s: the built event holds the part shown, so this value is incomplete. Log JSON.stringify(event) to keep everything.",
				report.Pick(where == "", "", " ("+strings.TrimSpace(where)+")"), report.Plural(c.n, "more character"))
		}
		rec := -1
		for i := range ev.Records {
			if r := &ev.Records[i]; r.Start <= c.Start && c.Start < r.End {
				rec = i
				break
			}
		}
		f.At(report.CodeKindPrintedCut, report.SevWarning, report.InputSpan(c.Start, c.End)).Rec(rec).Say("%s", msg)
	}
	dropCutMissing(f, pe.p.Cuts)
}

// dropCutMissing removes the findings about keys missing from an object the
// printer cut to [Object]: the cut's own finding says what was lost.
func dropCutMissing(f *report.Findings, cuts []printCut) {
	if len(cuts) == 0 {
		return
	}
	at := make(map[int]bool, len(cuts)) // where each cut object starts
	for _, c := range cuts {
		if c.What == "object" {
			at[c.Start] = true
		}
	}
	kept := f.List[:0]
	for _, fd := range f.List {
		if fd.Doc == report.DocInput && strings.HasSuffix(string(fd.Code), ".missing") && at[fd.Start] &&
			(strings.HasPrefix(string(fd.Code), "kinesis.") || strings.HasPrefix(string(fd.Code), "msk.")) {
			f.Counts[fd.Code]--
			continue
		}
		kept = append(kept, fd)
	}
	f.List = kept
}
