package preset

import (
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// seedLambda emulates the blog post's Python Lambda (see docs/seed-lambda.md in the
// docs) byte for byte: for every record it base64-decodes data, json.loads
// it, expects a list of objects, flattens each object one level and emits
// one output record per object. The later version gives object i ≥ 1 the
// recordId id+str(i); v1 gives every object the input's recordId. Any
// exception ends the invocation, reported as the runtime reports it.
type seedLambda struct {
	ev     *event.Event
	v1     bool
	f      *report.Findings
	body   []byte
	err    *report.LambdaError
	n      int // output records written
	flat   flatDict
	tmp    []byte
	active bool // records are being processed (no exception yet)
}

// seedPreset is the blog post's Lambda: its later version, or with v1 its
// first.
type seedPreset struct{ v1 bool }

func (p seedPreset) Term() report.Term {
	if p.v1 {
		return report.Term{Name: SeedV1, Label: "seed-v1 — its first version (ids repeated)", Words: "The blog post's first version: every output repeats the record's id."}
	}
	return report.Term{Name: Seed, Label: "seed — the blog's Lambda (ids R, R1, R2…)", Words: "The blog post's Lambda, byte for byte: each record split into outputs with made-up ids."}
}

// Frame is Python's: the Lambda returns json.dumps of its answer.
func (seedPreset) Frame() Frame { return PythonFrame }

func (p seedPreset) New(ev *event.Event, _ Options, f *report.Findings, body []byte) Handler {
	return newSeed(ev, p.v1, f, body)
}

// newSeed returns the seed Lambda for a chunk of records, writing to
// body.
func newSeed(ev *event.Event, v1 bool, f *report.Findings, body []byte) *seedLambda {
	s := &seedLambda{ev: ev, v1: v1, f: f, body: body}
	s.begin()
	return s
}

// raise ends the invocation with a Python exception, pointing a finding at
// where it happened.
func (s *seedLambda) raise(typ, msg string, rec, start, end int) {
	s.active = false
	s.err = &report.LambdaError{ErrorType: typ, ErrorMessage: msg, Record: rec}
	where := "before reading any record"
	if rec >= 0 {
		where = "on record " + strconv.Itoa(rec)
	}
	s.f.At(report.CodeSeedRaised, report.SevError, report.InputSpan(start, end)).Rec(rec).Say(
		"The function raises %s %s: %s. The whole invocation fails.", typ, where, msg)
}

// begin does what the handler does before its loop: event['records'].
func (s *seedLambda) begin() {
	ev := s.ev
	if e := ev.PyErr; e != nil || ev.SyntaxErr != nil {
		if e == nil {
			e = ev.SyntaxErr
		}
		s.raise("Runtime.UnmarshalError", "Unable to unmarshal input: "+e.Error(), -1, e.Offset, e.Offset+1)
		return
	}
	root := &ev.Root
	if root.Kind != jsonpos.Object {
		s.raise("TypeError", subscriptError(root), -1, root.Start, root.End)
		return
	}
	recs, _ := root.Member("records")
	if recs == nil {
		s.raise("KeyError", "'records'", -1, root.Start, root.Start+1)
		return
	}
	switch recs.Kind {
	case jsonpos.Array:
		s.active = true
	case jsonpos.Object, jsonpos.String:
		// Iterating a dict or a str yields strings; str['recordId'] fails.
		if recs.Truthy() {
			s.raise("TypeError", "string indices must be integers, not 'str'", -1, recs.Start, recs.End)
		}
	default:
		s.raise("TypeError", "'"+pyemu.TypeName(recs)+"' object is not iterable", -1, recs.Start, recs.End)
	}
}

// subscriptError is the TypeError message for v['key'] on a non-dict.
func subscriptError(v *jsonpos.Value) string {
	switch v.Kind {
	case jsonpos.Array:
		return "list indices must be integers or slices, not str"
	case jsonpos.String:
		return "string indices must be integers, not 'str'"
	}
	return "'" + pyemu.TypeName(v) + "' object is not subscriptable"
}

// record processes one input record; rows, when asked for, are the flat
// dicts it produced. It does nothing once the function has raised.
func (s *seedLambda) Record(r *event.EventRecord, p *event.Payload, wantRows bool) []report.Row {
	if !s.active {
		return nil
	}
	i, rv := r.Index, r.Value
	if rv.Kind != jsonpos.Object {
		s.raise("TypeError", subscriptError(rv), i, rv.Start, rv.End)
		return nil
	}
	id, _ := rv.Member("recordId")
	if id == nil {
		s.raise("KeyError", "'recordId'", i, rv.Start, rv.Start+1)
		return nil
	}
	data, _ := rv.Member("data")
	if data == nil {
		s.raise("KeyError", "'data'", i, rv.Start, rv.Start+1)
		return nil
	}

	// base64.b64decode(record['data']).decode('utf-8')
	var raw []byte
	pmap := event.PayloadMap{Mode: event.MapWhole, Start: data.Start, End: data.End}
	switch {
	case data.Kind != jsonpos.String:
		s.raise("TypeError", "argument should be a bytes-like object or ASCII string, not '"+pyemu.TypeName(data)+"'",
			i, data.Start, data.End)
		return nil
	case data == r.DataValue && r.Canonical:
		raw, pmap = r.Data, r.Map
	case !jsonpos.IsASCII(data.Text):
		s.raise("ValueError", "string argument should contain only ASCII characters", i, data.Start, data.End)
		return nil
	default:
		var msg string
		if raw, msg = pyemu.B64Decode(data.Text); msg != "" {
			s.raise("Error", msg, i, data.Start, data.End)
			return nil
		}
	}
	// The record's analyzed payload is these very bytes unless the data
	// is gzip or was decoded leniently: reuse its UTF-8 check and parse.
	same := data == r.DataValue && r.Canonical && !r.Gzip && p != nil && p.Kind != event.PayloadInvalid
	e := (*event.UTF8Error)(nil)
	if same {
		e = p.UTF8
	} else {
		e = event.CheckUTF8(raw)
	}
	if e != nil {
		start, end := pmap.Span(e.Start, e.End)
		s.raise("UnicodeDecodeError", e.Error(), i, start, end)
		return nil
	}

	// json.loads(payload)
	var vals []jsonpos.Value
	var perr, pyErr *jsonpos.SyntaxError
	text := ""
	if same {
		text, vals, perr, pyErr = p.Text, p.Values, p.Err, p.PyErr
	} else {
		text = string(raw)
		vals, perr, pyErr = pyemu.JSONValues(text, pyemu.PayloadDepth)
	}
	if e := pyemu.JSONLoadsError(text, vals, perr, pyErr); e != nil {
		start, end := pmap.Span(e.Offset, e.Offset+1)
		s.raise(e.Type, e.Error(), i, start, end)
		return nil
	}
	doc := &vals[0]

	// [flatten_json(nested_json) for nested_json in nested_json_list]
	var objs []jsonpos.Value
	switch doc.Kind {
	case jsonpos.Array:
		for j := range doc.Items {
			if el := &doc.Items[j]; el.Kind != jsonpos.Object {
				start, end := pmap.Span(el.Start, el.End)
				s.raise("AttributeError", "'"+pyemu.TypeName(el)+"' object has no attribute 'items'", i, start, end)
				return nil
			}
		}
		objs = doc.Items
	case jsonpos.Object, jsonpos.String:
		// Iterating a dict yields its keys, a str its characters.
		if doc.Truthy() {
			start, end := pmap.Span(doc.Start, doc.End)
			s.raise("AttributeError", "'str' object has no attribute 'items'", i, start, end)
			return nil
		}
	default:
		start, end := pmap.Span(doc.Start, doc.End)
		s.raise("TypeError", "'"+pyemu.TypeName(doc)+"' object is not iterable", i, start, end)
		return nil
	}
	if len(objs) > 1 && !s.v1 && id.Kind != jsonpos.String {
		// record_id + str(record_id_idx) for the second object.
		msg := "unsupported operand type(s) for +: '" + pyemu.TypeName(id) + "' and 'str'"
		if id.Kind == jsonpos.Array {
			msg = `can only concatenate list (not "str") to list`
		}
		s.raise("TypeError", msg, i, id.Start, id.End)
		return nil
	}

	var rows []report.Row
	for j := range objs {
		s.flat.build(&objs[j], &s.tmp)
		if wantRows {
			rows = append(rows, s.flat.rows())
		}
		if s.n > 0 {
			s.body = append(s.body, ", "...)
		}
		s.n++
		s.body = append(s.body, `{"data": "`...)
		s.body = event.AppendBase64Encode(s.body, s.flat.json(s.tmp[:0]))
		s.body = append(s.body, `", "recordId": `...)
		if j == 0 || s.v1 {
			s.body = pyemu.AppendJSON(s.body, id)
		} else {
			s.body = pyemu.AppendJSONString(s.body, id.Text+strconv.Itoa(j))
		}
		s.body = append(s.body, `, "result": "Ok"}`...)
	}
	return rows
}

// finish returns the response body, or the error the function raised.
func (s *seedLambda) Finish() ([]byte, *report.LambdaError) {
	if s.err != nil {
		return nil, s.err
	}
	return s.body, nil
}

// flatDict is the seed's flatten_json result: a Python dict of flattened
// keys to json.dumps-ed values, in insertion order, where writing a key
// again replaces its value but keeps its position.
type flatDict struct {
	ents []flatEntry
	// buf holds every value, each as it appears inside the quotes of
	// json.dumps(flat_json) (json.dumps of its json.dumps text). When no
	// two keys can be the same (direct), the keys are written around them
	// and buf is json.dumps(flat_json) itself.
	buf    []byte
	direct bool
	at     map[string]int // key → index in ents, only when keys may collide
}

// flatEntry is one key of a flatDict: outer, or outer.inner when merged,
// and where its value is in buf.
type flatEntry struct {
	outer, inner string
	merged       bool
	v0, v1       int
}

func (e *flatEntry) key() string {
	if e.merged {
		return e.outer + "." + e.inner
	}
	return e.outer
}

// build flattens obj one level the way flatten_json does.
func (d *flatDict) build(obj *jsonpos.Value, tmp *[]byte) {
	d.buf, d.ents = d.buf[:0], d.ents[:0]
	keys, items := obj.Entries()
	// Flattened keys can only collide when some key holds a dot.
	collide := false
	for i := range keys {
		collide = collide || strings.IndexByte(keys[i].Name, '.') >= 0
		if v := &items[i]; v.Kind == jsonpos.Object {
			for j := range v.Keys {
				collide = collide || strings.IndexByte(v.Keys[j].Name, '.') >= 0
			}
		}
	}
	d.direct = !collide
	if collide {
		if d.at == nil {
			d.at = make(map[string]int)
		}
		clear(d.at)
	} else {
		d.buf = append(d.buf, '{')
	}
	for i := range keys {
		v := &items[i]
		if v.Kind == jsonpos.Object && len(v.Items) > 0 {
			inner, innerItems := v.Entries()
			for j := range inner {
				d.put(flatEntry{outer: keys[i].Name, inner: inner[j].Name, merged: true}, &innerItems[j], tmp)
			}
			continue
		}
		d.put(flatEntry{outer: keys[i].Name}, v, tmp)
	}
	if d.direct {
		d.buf = append(d.buf, '}')
	}
}

// put stores json.dumps(type_to_object(v)) under e's key.
func (d *flatDict) put(e flatEntry, v *jsonpos.Value, tmp *[]byte) {
	if d.direct {
		if len(d.ents) > 0 {
			d.buf = append(d.buf, ", "...)
		}
		d.buf = appendFlatKey(d.buf, &e)
	}
	e.v0 = len(d.buf)
	if v.Kind == jsonpos.Array {
		d.buf = append(d.buf, '[')
		for i := range v.Items {
			if i > 0 {
				d.buf = append(d.buf, ", "...)
			}
			d.buf = AppendPyStrJSON(d.buf, &v.Items[i], tmp)
		}
		d.buf = append(d.buf, ']')
	} else {
		d.buf = AppendPyStrJSON(d.buf, v, tmp)
	}
	e.v1 = len(d.buf)
	if d.direct {
		d.buf = append(d.buf, '"')
		d.ents = append(d.ents, e)
		return
	}
	key := e.key()
	if at, ok := d.at[key]; ok {
		d.ents[at].v0, d.ents[at].v1 = e.v0, e.v1
		return
	}
	d.at[key] = len(d.ents)
	d.ents = append(d.ents, e)
}

// appendFlatKey appends the key of an entry as json.dumps writes it in the
// dict, up to the opening quote of its value: "outer.inner": ".
func appendFlatKey(b []byte, e *flatEntry) []byte {
	b = append(b, '"')
	b = pyemu.AppendJSONChars(b, e.outer)
	if e.merged {
		b = append(b, '.')
		b = pyemu.AppendJSONChars(b, e.inner)
	}
	return append(b, `": "`...)
}

// AppendPyStrJSON appends json.dumps(str(v)) as it appears once encoded
// again inside a string: \"...\".
func AppendPyStrJSON(b []byte, v *jsonpos.Value, tmp *[]byte) []byte {
	b = append(b, '\\', '"')
	switch v.Kind {
	case jsonpos.String:
		b = pyemu.AppendJSONEscaped(b, v.Text, true)
	case jsonpos.Array, jsonpos.Object:
		b = pyemu.AppendReprEscaped(b, v, tmp)
	default:
		b = pyemu.AppendRepr(b, v) // a number, bool or None: plain ASCII
	}
	return append(b, '\\', '"')
}

// json returns json.dumps(flat_json): buf itself when it holds it, else
// written into b.
func (d *flatDict) json(b []byte) []byte {
	if d.direct {
		return d.buf
	}
	b = append(b, '{')
	for i := range d.ents {
		e := &d.ents[i]
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendFlatKey(b, e)
		b = append(b, d.buf[e.v0:e.v1]...)
		b = append(b, '"')
	}
	return append(b, '}')
}

// rows returns the dict as [key, value] pairs.
func (d *flatDict) rows() report.Row {
	out := make(report.Row, len(d.ents))
	for i := range d.ents {
		e := &d.ents[i]
		out[i] = [2]string{e.key(), UnescapeASCII(d.buf[e.v0:e.v1])}
	}
	return out
}

// UnescapeASCII undoes the JSON string escaping of printable ASCII text:
// \\ and \" become \ and ".
func UnescapeASCII(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
		}
		out = append(out, b[i])
	}
	return string(out)
}

func (s *seedLambda) Outputs() int { return s.n }
