package report

import (
	"strconv"
	"unicode/utf8"
)

// The report's JSON, written without reflection: byte for byte what
// encoding/json's Marshal writes for the same value (its field order, its
// omitempty, null for a nil slice or pointer, HTML characters, U+2028 and
// U+2029 escaped, invalid UTF-8 as U+FFFD). Leaving encoding/json out of
// the WebAssembly makes the page's first download 71 KB smaller. The
// tests hold every type to Marshal with every field set, so a field added
// to a type and not here fails them.

// AppendJSON appends the report as JSON.
func (r *Report) AppendJSON(b []byte) []byte {
	o := Object(b)
	r.AppendMembers(&o)
	return o.Close()
}

// AppendMembers writes the report's members into an object that may hold
// more (the wasm adapter adds the documents kept aside).
func (r *Report) AppendMembers(o *ObjectWriter) {
	o.String("version", r.Version)
	o.String("inputKind", r.InputKind)
	o.Bool("detected", r.Detected)
	o.String("source", r.Source)
	o.Bool("generated", r.Generated)
	o.StringOmit("event", r.Event)
	o.String("preset", r.Preset)
	o.Key("window")
	o.B = r.Window.AppendJSON(o.B)
	o.Key("records")
	o.B = AppendSlice(o.B, r.Records, (*Record).AppendJSON)
	o.Key("lambda")
	o.B = r.Lambda.AppendJSON(o.B)
	o.Key("response")
	o.B = appendPointer(o.B, r.Response, (*Response).AppendJSON)
	o.Key("verdict")
	o.B = r.Verdict.AppendJSON(o.B)
	o.Key("s3")
	o.B = appendPointer(o.B, r.S3, (*S3Preview).AppendJSON)
	o.Key("findings")
	o.B = AppendSlice(o.B, r.Findings, (*Finding).AppendJSON)
	o.Key("stats")
	o.B = r.Stats.AppendJSON(o.B)
	o.StringOmit("export", r.Export)
}

// AppendJSON appends the window as JSON.
func (w *Window) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("from", w.From)
	o.Int("count", w.Count)
	o.Int("total", w.Total)
	return o.Close()
}

// AppendJSON appends the record as JSON.
func (r *Record) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("index", r.Index)
	o.String("recordId", r.RecordID)
	o.Int("start", r.Start)
	o.Int("end", r.End)
	o.Int("dataStart", r.DataStart)
	o.Int("dataEnd", r.DataEnd)
	o.Int64("approximateArrivalTimestamp", r.ArrivalTimestamp)
	o.Int("size", r.Size)
	o.BoolOmit("gzip", r.Gzip)
	o.String("payload", r.Payload)
	o.Bool("detail", r.Detail)
	o.String("decoded", r.Decoded)
	o.BoolOmit("truncated", r.Truncated)
	o.Key("rows")
	o.B = AppendSlice(o.B, r.Rows, appendRow)
	o.Key("outputs")
	o.B = appendInts(o.B, r.Outputs)
	return o.Close()
}

// appendRow appends a row (or partition keys) as an array of pairs.
func appendRow(row *Row, b []byte) []byte {
	return AppendSlice(b, *row, appendPair)
}

// appendPair appends a key and its value as a two-element array.
func appendPair(p *[2]string, b []byte) []byte {
	b = append(b, '[')
	b = appendString(b, p[0])
	b = append(b, ',')
	b = appendString(b, p[1])
	return append(b, ']')
}

// AppendJSON appends the function's answer as JSON.
func (l *Lambda) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Key("body")
	if l.Body == nil {
		o.B = append(o.B, "null"...)
	} else {
		o.B = appendString(o.B, *l.Body)
	}
	o.Key("error")
	o.B = appendPointer(o.B, l.Error, (*LambdaError).AppendJSON)
	return o.Close()
}

// AppendJSON appends the error object as JSON.
func (e *LambdaError) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("errorType", e.ErrorType)
	o.String("errorMessage", e.ErrorMessage)
	o.Int("record", e.Record)
	return o.Close()
}

// AppendJSON appends the response as JSON.
func (r *Response) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("size", r.Size)
	o.Key("records")
	o.B = AppendSlice(o.B, r.Records, (*OutRecord).AppendJSON)
	o.Int("total", r.Total)
	return o.Close()
}

// AppendJSON appends the response record as JSON.
func (r *OutRecord) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("index", r.Index)
	o.String("recordId", r.RecordID)
	o.String("result", r.Result)
	o.Int("start", r.Start)
	o.Int("end", r.End)
	o.Int("input", r.Input)
	o.Int("from", r.From)
	o.String("status", r.Status)
	o.Int("size", r.Size)
	o.String("decoded", r.Decoded)
	o.BoolOmit("truncated", r.Truncated)
	o.Int("rows", r.Rows)
	if len(r.PartitionKeys) > 0 {
		o.Key("partitionKeys")
		o.B = AppendSlice(o.B, r.PartitionKeys, appendPair)
	}
	return o.Close()
}

// AppendJSON appends the verdict as JSON.
func (v *Verdict) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Key("batchError")
	o.B = appendPointer(o.B, v.BatchError, (*BatchError).AppendJSON)
	o.Key("records")
	o.B = AppendSlice(o.B, v.Records, (*RecordVerdict).AppendJSON)
	o.Key("ignored")
	o.B = AppendSlice(o.B, v.Ignored, (*Ignored).AppendJSON)
	o.Key("alternatives")
	o.B = AppendSlice(o.B, v.Alternatives, (*Alternative).AppendJSON)
	return o.Close()
}

// AppendJSON appends the batch error as JSON.
func (e *BatchError) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("errorCode", string(e.ErrorCode))
	o.String("errorMessage", e.ErrorMessage)
	o.Int("attemptsMade", e.AttemptsMade)
	o.String("confidence", string(e.Confidence))
	o.StringOmit("note", e.Note)
	return o.Close()
}

// AppendJSON appends the record's verdict as JSON.
func (v *RecordVerdict) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("index", v.Index)
	o.String("recordId", v.RecordID)
	o.String("outcome", string(v.Outcome))
	o.String("errorCode", string(v.ErrorCode))
	o.String("errorMessage", v.ErrorMessage)
	o.String("confidence", string(v.Confidence))
	o.Int("output", v.Output)
	o.IntOmit("lostOutputs", v.LostOutputs)
	o.IntOmit("lostRows", v.LostRows)
	return o.Close()
}

// AppendJSON appends the ignored record as JSON.
func (g *Ignored) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("recordId", g.RecordID)
	o.Int("start", g.Start)
	o.Int("end", g.End)
	o.Int("output", g.Output)
	o.Int("rows", g.Rows)
	return o.Close()
}

// AppendJSON appends the alternative as JSON.
func (a *Alternative) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("code", string(a.Code))
	o.String("message", a.Message)
	o.Key("readings")
	o.B = AppendSlice(o.B, a.Readings, (*Reading).AppendJSON)
	return o.Close()
}

// AppendJSON appends the reading as JSON.
func (r *Reading) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("label", r.Label)
	o.Key("batchError")
	o.B = appendPointer(o.B, r.BatchError, (*BatchError).AppendJSON)
	o.Key("failed")
	o.B = appendInts(o.B, r.Failed)
	o.Int("failedCount", r.FailedCount)
	return o.Close()
}

// AppendJSON appends the S3 preview as JSON.
func (p *S3Preview) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Key("objects")
	o.B = AppendSlice(o.B, p.Objects, (*S3Object).AppendJSON)
	return o.Close()
}

// AppendJSON appends the object as JSON.
func (s *S3Object) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("key", s.Key)
	o.String("kind", s.Kind)
	o.Int("size", s.Size)
	o.String("body", s.Body)
	o.BoolOmit("truncated", s.Truncated)
	o.Key("records")
	o.B = appendInts(o.B, s.Records)
	return o.Close()
}

// AppendJSON appends the finding as JSON.
func (f *Finding) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("code", string(f.Code))
	o.String("severity", string(f.Severity))
	o.String("message", f.Message)
	f.Span.appendMembers(&o)
	o.Int("record", f.Record)
	o.Int("output", f.Output)
	o.StringOmit("confidence", string(f.Confidence))
	if len(f.Related) > 0 {
		o.Key("related")
		o.B = AppendSlice(o.B, f.Related, (*Location).AppendJSON)
	}
	return o.Close()
}

// appendMembers writes the span's members, as an embedded struct's.
func (s *Span) appendMembers(o *ObjectWriter) {
	o.String("doc", s.Doc)
	o.Int("start", s.Start)
	o.Int("end", s.End)
}

// AppendJSON appends the location as JSON.
func (l *Location) AppendJSON(b []byte) []byte {
	o := Object(b)
	l.Span.appendMembers(&o)
	o.StringOmit("message", l.Message)
	return o.Close()
}

// AppendJSON appends the figures as JSON.
func (s *Stats) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.Int("inputBytes", s.InputBytes)
	o.Int("records", s.Records)
	o.Int("skippedRecords", s.SkippedRecords)
	o.Int("outputs", s.Outputs)
	o.Int("delivered", s.Delivered)
	o.Int("dropped", s.Dropped)
	o.Int("failed", s.Failed)
	o.Int("ignored", s.Ignored)
	o.Int("lostRows", s.LostRows)
	o.Int("responseBytes", s.ResponseBytes)
	o.Int("responseLimit", s.ResponseLimit)
	o.Int64("micros", s.Micros)
	return o.Close()
}

// AppendJSON appends the catalog entry as JSON.
func (c *CodeInfo) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("code", string(c.Code))
	o.Bool("firehose", c.Firehose)
	o.StringOmit("message", c.Message)
	o.StringOmit("confidence", string(c.Confidence))
	o.StringOmit("doubt", c.Doubt)
	o.String("words", c.Words)
	o.StringOmit("next", c.Next)
	o.IntOmit("row", c.Row)
	o.StringOmit("failure", c.Failure)
	o.StringOmit("status", c.Status)
	return o.Close()
}

// AppendJSON appends the term as JSON.
func (t *Term) AppendJSON(b []byte) []byte {
	o := Object(b)
	o.String("name", t.Name)
	o.String("label", t.Label)
	o.StringOmit("words", t.Words)
	o.StringOmit("noun", t.Noun)
	return o.Close()
}

// ObjectWriter writes a JSON object's members in order: Object starts it,
// Close ends it and returns the bytes.
type ObjectWriter struct {
	B []byte // the JSON written so far
	n int    // members written
}

// Object starts writing an object after b.
func Object(b []byte) ObjectWriter { return ObjectWriter{B: append(b, '{')} }

// Close ends the object and returns the JSON.
func (o *ObjectWriter) Close() []byte { return append(o.B, '}') }

// Key starts a member; its value is appended to o.B next. k must need no
// escaping.
func (o *ObjectWriter) Key(k string) {
	if o.n > 0 {
		o.B = append(o.B, ',')
	}
	o.n++
	o.B = append(o.B, '"')
	o.B = append(o.B, k...)
	o.B = append(o.B, '"', ':')
}

// String writes a string member.
func (o *ObjectWriter) String(k, v string) {
	o.Key(k)
	o.B = appendString(o.B, v)
}

// StringOmit writes a string member unless it is empty (omitempty).
func (o *ObjectWriter) StringOmit(k, v string) {
	if v != "" {
		o.String(k, v)
	}
}

// Int writes a number member.
func (o *ObjectWriter) Int(k string, v int) {
	o.Key(k)
	o.B = strconv.AppendInt(o.B, int64(v), 10)
}

// IntOmit writes a number member unless it is 0 (omitempty).
func (o *ObjectWriter) IntOmit(k string, v int) {
	if v != 0 {
		o.Int(k, v)
	}
}

// Int64 writes a number member.
func (o *ObjectWriter) Int64(k string, v int64) {
	o.Key(k)
	o.B = strconv.AppendInt(o.B, v, 10)
}

// Bool writes a boolean member.
func (o *ObjectWriter) Bool(k string, v bool) {
	o.Key(k)
	o.B = strconv.AppendBool(o.B, v)
}

// BoolOmit writes a boolean member unless it is false (omitempty).
func (o *ObjectWriter) BoolOmit(k string, v bool) {
	if v {
		o.Bool(k, v)
	}
}

// Strings writes a member that is a list of strings.
func (o *ObjectWriter) Strings(k string, v []string) {
	o.Key(k)
	o.B = AppendSlice(o.B, v, func(s *string, b []byte) []byte { return appendString(b, *s) })
}

// AppendSlice appends s as a JSON array, each element written by f; a nil
// slice is null.
func AppendSlice[T any](b []byte, s []T, f func(*T, []byte) []byte) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = f(&s[i], b)
	}
	return append(b, ']')
}

// appendPointer appends the value p points to, or null.
func appendPointer[T any](b []byte, p *T, f func(*T, []byte) []byte) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return f(p, b)
}

// appendInts appends a list of numbers; a nil slice is null.
func appendInts(b []byte, s []int) []byte {
	return AppendSlice(b, s, func(n *int, b []byte) []byte { return strconv.AppendInt(b, int64(*n), 10) })
}

// appendString appends s as a JSON string the way encoding/json writes
// one: <, > and & escaped for HTML, U+2028 and U+2029 escaped, invalid
// UTF-8 replaced by U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
