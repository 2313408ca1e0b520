package preset

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// ndjsonLambda is the correct shape of a flattening transform: exactly one
// output record per input record, with the same recordId, whose data holds
// the flattened objects as newline-delimited JSON. A record with nothing
// to emit is Dropped; one that cannot be decoded or parsed is
// ProcessingFailed, alone, with a finding that says why.
type ndjsonLambda struct {
	ev    *event.Event
	opts  Options
	f     *report.Findings
	fl    flattener
	body  []byte
	data  []byte
	n     int
	field string // "data", or "kafkaRecordValue" for MSK
	err   *report.LambdaError
}

// ndjsonPreset is the correct shape: one output per record.
type ndjsonPreset struct{}

func (ndjsonPreset) Term() report.Term {
	return report.Term{Name: NDJSON, Label: "ndjson — one output per record, rows newline-delimited", Words: "The correct shape: one output per record with its own recordId, the rows newline-delimited in its data."}
}

// Frame is JSON.stringify's: the function is the kind a Node.js or Go
// Lambda is.
func (ndjsonPreset) Frame() Frame { return CompactFrame }

func (ndjsonPreset) New(ev *event.Event, opts Options, f *report.Findings, body []byte) Handler {
	return newNDJSON(ev, opts, f, body)
}

// newNDJSON returns the ndjson transform for a chunk of records, writing
// to body.
func newNDJSON(ev *event.Event, opts Options, f *report.Findings, body []byte) *ndjsonLambda {
	l := &ndjsonLambda{ev: ev, opts: opts, f: f, field: "data", body: body}
	if ev.Source == event.SourceMSK {
		l.field = "kafkaRecordValue"
	}
	if e := ev.SyntaxErr; e != nil {
		// The runtime cannot even decode the event.
		l.err = &report.LambdaError{ErrorType: "Runtime.UnmarshalError", Record: -1,
			ErrorMessage: "Unable to unmarshal input: " + e.Error()}
	}
	return l
}

// fail marks the record ProcessingFailed and says why.
func (l *ndjsonLambda) fail(r *event.EventRecord, code report.Code, start, end int, format string, args ...any) {
	l.f.At(code, report.SevWarning, report.InputSpan(start, end)).Rec(r.Index).Say("ndjson: record %d is returned as ProcessingFailed: %s",
		r.Index, fmt.Sprintf(format, args...))
	l.emit(r, "ProcessingFailed", nil)
}

func (l *ndjsonLambda) Record(r *event.EventRecord, p *event.Payload, wantRows bool) []report.Row {
	switch p.Kind {
	case event.PayloadInvalid:
		l.fail(r, report.CodeNDJSONUndecodable, r.Start, r.End, "its data could not be decoded.")
		return nil
	case event.PayloadEmpty:
		l.emit(r, "Dropped", nil)
		return nil
	case event.PayloadBinary:
		s, e := r.Map.Span(p.UTF8.Start, p.UTF8.End)
		l.fail(r, report.CodeNDJSONUTF8, s, e, "its payload is not UTF-8 text (%s).", p.UTF8.Reason)
		return nil
	}
	if p.Err != nil {
		s, e := r.Map.Span(p.Err.Offset, p.Err.Offset+1)
		l.fail(r, report.CodeNDJSONJSON, s, e, "its payload is not JSON: %s (line %d, column %d of the payload).",
			p.Err.Msg, p.Err.Line, p.Err.Column)
		return nil
	}
	if p.Kind == event.PayloadCWL {
		return l.cloudWatchLogs(r, p, wantRows)
	}
	// The objects to flatten: each top-level object, and the objects of
	// each top-level array.
	var objs []*jsonpos.Value
	for i := range p.Values {
		v := &p.Values[i]
		switch v.Kind {
		case jsonpos.Object:
			objs = append(objs, v)
		case jsonpos.Array:
			for j := range v.Items {
				el := &v.Items[j]
				if el.Kind != jsonpos.Object {
					s, e := r.Map.Span(el.Start, el.End)
					l.fail(r, report.CodeNDJSONShape, s, e, "element %d of its array is %s %s, not an object.", j, report.Article(el.Kind), el.Kind)
					return nil
				}
				objs = append(objs, el)
			}
		default:
			s, e := r.Map.Span(v.Start, v.End)
			l.fail(r, report.CodeNDJSONShape, s, e, "its payload is %s %s; rows are made of JSON objects.", report.Article(v.Kind), v.Kind)
			return nil
		}
	}
	return l.rows(r, objs, nil, wantRows)
}

// rows flattens objs (or takes the given rows) and emits the record.
func (l *ndjsonLambda) rows(r *event.EventRecord, objs []*jsonpos.Value, extra func(int) []Field, wantRows bool) []report.Row {
	var out []report.Row
	l.data = l.data[:0]
	n := 0
	for i, obj := range objs {
		if nonStandard := jsonpos.FindNonStandard(obj); nonStandard != nil {
			s, e := r.Map.Span(nonStandard.Start, nonStandard.End)
			l.fail(r, report.CodeNDJSONNonstandard, s, e, "its payload holds %s, which is not JSON.", nonStandard.Text)
			return nil
		}
		l.fl.reset(l.opts)
		if extra != nil {
			l.fl.fields = append(l.fl.fields, extra(i)...)
			obj = nil
		} else {
			l.fl.walk(obj, 0)
		}
		fields, colls := l.fl.row()
		for _, c := range colls {
			s1, e1 := r.Map.Span(c.Second.Start, c.Second.End)
			s0, e0 := r.Map.Span(c.First.Start, c.First.End)
			l.f.At(report.CodeNDJSONCollision, report.SevWarning, report.InputSpan(s1, e1)).Rec(r.Index).Say(
				"Record %d: two fields flatten to the key %s; the row keeps the later value.", r.Index, report.Quoted(c.Key)).
				Relate(report.DocInput, s0, e0, "the other field with this key")
		}
		if len(fields) == 0 {
			continue
		}
		n++
		l.data = appendRow(l.data, fields)
		l.data = append(l.data, '\n')
		if wantRows {
			row := make(report.Row, len(fields))
			for k, f := range fields {
				row[k] = [2]string{f.Key, f.Value}
			}
			out = append(out, row)
		}
	}
	if n == 0 {
		l.emit(r, "Dropped", nil)
		return out
	}
	l.emit(r, "Ok", l.data)
	return out
}

// cloudWatchLogs makes one row per log event of a DATA_MESSAGE, with the
// log group and stream; a message that is a JSON object is flattened under
// "message". A CONTROL_MESSAGE is Dropped.
func (l *ndjsonLambda) cloudWatchLogs(r *event.EventRecord, p *event.Payload, wantRows bool) []report.Row {
	doc := &p.Values[0]
	if mt, _ := doc.Member("messageType"); mt.Text == "CONTROL_MESSAGE" {
		l.emit(r, "Dropped", nil)
		return nil
	}
	events, _ := doc.Member("logEvents")
	if events == nil || events.Kind != jsonpos.Array {
		l.fail(r, report.CodeNDJSONCloudWatch, r.Start, r.End, "its CloudWatch Logs document has no logEvents array.")
		return nil
	}
	var common []Field
	for _, name := range []string{"owner", "logGroup", "logStream"} {
		if v, _ := doc.Member(name); v != nil {
			common = append(common, Field{Key: name, Value: string(jsonpos.AppendCompact(nil, v)), Start: v.Start, End: v.End})
		}
	}
	objs := make([]*jsonpos.Value, len(events.Items))
	for i := range events.Items {
		objs[i] = &events.Items[i]
	}
	extra := func(i int) []Field {
		ev := objs[i]
		fields := append([]Field(nil), common...)
		for k := range ev.Items {
			name, v := ev.Keys[k].Name, &ev.Items[k]
			if name == "message" && v.Kind == jsonpos.String {
				if msg, err := jsonpos.Parse(v.Text); err == nil && msg.Kind == jsonpos.Object {
					var fl flattener
					fl.reset(l.opts)
					fl.key = append(fl.key, "message"...)
					fl.walk(&msg, 1)
					for _, f := range fl.fields {
						f.Start, f.End = v.Start, v.End // positions inside the message string are not the payload's
						fields = append(fields, f)
					}
					continue
				}
			}
			fields = append(fields, Field{Key: name, Value: string(jsonpos.AppendCompact(nil, v)), Start: v.Start, End: v.End})
		}
		return fields
	}
	for _, ev := range objs {
		if ev.Kind != jsonpos.Object {
			l.fail(r, report.CodeNDJSONCloudWatch, r.Start, r.End, "a log event of its CloudWatch Logs document is not an object.")
			return nil
		}
	}
	return l.rows(r, objs, extra, wantRows)
}

// emit writes one output record.
func (l *ndjsonLambda) emit(r *event.EventRecord, result string, data []byte) {
	if l.n > 0 {
		l.body = append(l.body, ',')
	}
	l.n++
	l.body = append(l.body, `{"recordId":`...)
	if r.ID != nil {
		l.body = jsonpos.AppendCompact(l.body, r.ID)
	} else {
		l.body = append(l.body, `""`...)
	}
	l.body = append(l.body, `,"result":"`...)
	l.body = append(l.body, result...)
	l.body = append(l.body, '"')
	if result == "Ok" {
		l.body = append(l.body, `,"`...)
		l.body = append(l.body, l.field...)
		l.body = append(l.body, `":"`...)
		l.body = event.AppendBase64Encode(l.body, data)
		l.body = append(l.body, '"')
	}
	l.body = append(l.body, '}')
}

func (l *ndjsonLambda) Finish() ([]byte, *report.LambdaError) {
	if l.err != nil {
		return nil, l.err
	}
	return l.body, nil
}

func (l *ndjsonLambda) Outputs() int { return l.n }
