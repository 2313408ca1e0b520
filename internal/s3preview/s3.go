package s3preview

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3key"
	"github.com/firehose-playground/firehose-playground/internal/sha256"
)

// The kinds of S3 objects the preview shows (S3Object.Kind).
const (
	ObjectDelivered        = "delivered"
	ObjectProcessingFailed = "processing-failed"
)

// MaxObjectBody is how much of an object's body the preview shows.
const MaxObjectBody = 256 << 10

// Batch is what the S3 preview is made of: the delivery stream's
// settings, the event, the verdict of every record, the response's records
// (their data and partition keys; nil when the response was not read),
// whether bodies are kept whole (for an export) rather than cut, and where
// findings about the prefixes go.
type Batch struct {
	Stream   firehose.Stream
	Event    *event.Event
	Verdict  []report.RecordVerdict
	Outputs  []firehose.Output
	Whole    bool
	Findings *report.Findings
}

// Preview shows the objects Firehose writes for this batch (docs/firehose-contract.md
// §4): the delivered records' data, concatenated in order and grouped by
// the prefix their partition keys give, and one processing-failed object
// with a JSON line per failed record. Keys, times and UUIDs are made up
// deterministically from the event: the same input previews the same keys.
func Preview(s *Batch) *report.S3Preview {
	p := &report.S3Preview{Objects: []report.S3Object{}}
	c := s.clock()
	s.deliveredObjects(p, c)
	s.failedObject(p, c)
	return p
}

// s3Clock holds the times the preview uses, in epoch milliseconds.
type s3Clock struct {
	arrival []int64 // each input record's approximateArrivalTimestamp
	invoked int64   // when Firehose invoked the function
}

// clock takes the arrival times from the event; a record without one
// arrived with the newest record (or at 2026-01-01 when none has one).
// Firehose invokes the function one buffer interval after the newest.
func (s *Batch) clock() s3Clock {
	c := s3Clock{arrival: make([]int64, len(s.Event.Records))}
	newest := int64(0)
	for i := range s.Event.Records {
		if ts := s.Event.Records[i].Timestamp; ts > 0 {
			c.arrival[i] = ts
			newest = max(newest, ts)
		}
	}
	if newest == 0 {
		newest = event.GenTimestamp
	}
	for i := range c.arrival {
		if c.arrival[i] == 0 {
			c.arrival[i] = newest
		}
	}
	c.invoked = newest + firehose.BufferIntervalMs
	return c
}

// deliveredObjects adds the objects holding the delivered records' data.
func (s *Batch) deliveredObjects(p *report.S3Preview, c s3Clock) {
	if s.Outputs == nil {
		return
	}
	parts := s3key.Parse(s.Stream.Prefix)
	if !parts.HasExpression() {
		parts = append(parts, s3key.Part{NS: "timestamp", Text: s3key.DefaultTimePrefix})
	}
	usesKeys := parts.Uses("partitionKeyFromLambda")
	type group struct {
		recs   []int
		keys   [][2]string
		oldest int64
	}
	var groups []*group
	byKey := map[string]*group{}
	hinted := false
	for i := range s.Verdict {
		v := &s.Verdict[i]
		if v.Outcome != report.Delivered {
			continue
		}
		or := &s.Outputs[v.Output]
		gk := ""
		if usesKeys {
			var missing string
			gk, missing = parts.Partition(or.Keys)
			if missing != "" {
				s.Findings.At(report.CodeS3PartitionKey, report.SevWarning, report.ResponseSpan(or.Value.Start, or.Value.End)).Rec(i).Out(v.Output).Say(
					"Output record %d has no partition key %s, which the prefix uses (!{partitionKeyFromLambda:%s}). Firehose cannot evaluate the prefix for record %d and writes it under the error output prefix instead of delivering it; this preview leaves it out.",
					v.Output, report.Quoted(missing), missing, i)
				continue
			}
		} else if len(or.Keys) > 0 && !hinted {
			hinted = true
			s.Findings.At(report.CodeS3PartitionKeys, report.SevInfo, report.ResponseSpan(or.Value.Start, or.Value.End)).Rec(i).Out(v.Output).Say(
				"Output record %d has metadata.partitionKeys, but the S3 prefix does not use !{partitionKeyFromLambda:…}, so the keys change nothing. Set a prefix such as %s to see the objects partitioned.",
				v.Output, report.Quoted("key="+"!{partitionKeyFromLambda:"+or.Keys[0][0]+"}/"))
		}
		g := byKey[gk]
		if g == nil {
			g = &group{keys: or.Keys, oldest: c.arrival[i]}
			byKey[gk] = g
			groups = append(groups, g)
		}
		g.recs = append(g.recs, i)
		g.oldest = min(g.oldest, c.arrival[i])
	}
	for n, g := range groups {
		prefix, _ := parts.Render(time.UnixMilli(g.oldest).UTC(), g.keys, "", s.uuid("random", n)[:11])
		body := s.newBody()
		for _, i := range g.recs {
			body.write(s.Outputs[s.Verdict[i].Output].Bytes)
			if s.Stream.AppendDelimiter {
				body.write([]byte{'\n'})
			}
		}
		text, cut := body.text()
		p.Objects = append(p.Objects, report.S3Object{Key: prefix + s.suffix(c.invoked+1000, ObjectDelivered, n),
			Kind: ObjectDelivered, Size: body.size, Body: text, Truncated: cut, Records: g.recs})
	}
}

// failedObject adds the processing-failed object: one JSON line per failed
// record, holding the record's original data.
func (s *Batch) failedObject(p *report.S3Preview, c s3Clock) {
	var failed []int
	oldest, ending := int64(0), int64(0)
	for i := range s.Verdict {
		if v := &s.Verdict[i]; v.Outcome == report.Failed {
			failed = append(failed, i)
			if oldest == 0 || c.arrival[i] < oldest {
				oldest = c.arrival[i]
			}
			ending = max(ending, c.invoked+int64(s.Stream.Attempts(v.ErrorCode))*1000)
		}
	}
	if len(failed) == 0 {
		return
	}
	body := s.newBody()
	var line []byte
	for _, i := range failed {
		v := &s.Verdict[i]
		attempts := s.Stream.Attempts(v.ErrorCode)
		line = s.failedLine(line[:0], i, v, attempts, c.arrival[i], c.invoked+int64(attempts)*1000)
		body.write(line)
	}
	text, cut := body.text()
	p.Objects = append(p.Objects, report.S3Object{
		Key:  s.errorPrefix(time.UnixMilli(oldest).UTC()) + s.suffix(ending, ObjectProcessingFailed, 0),
		Kind: ObjectProcessingFailed, Size: body.size, Body: text, Truncated: cut, Records: failed})
}

// failedLine appends the JSON line Firehose writes for a failed record, in
// the layout the stream uses: 2025 (lambdaARN) or 2019 (lambdaArn).
func (s *Batch) failedLine(b []byte, i int, v *report.RecordVerdict, attempts int, arrival, ending int64) []byte {
	raw := func(b []byte) []byte {
		r := &s.Event.Records[i]
		switch {
		case r.Canonical && r.DataValue != nil:
			// The data is already the base64 of the record's bytes, and
			// base64 needs no escaping in JSON.
			b = append(b, '"')
			b = append(b, r.DataValue.Text...)
			return append(b, '"')
		case r.Data != nil:
			b = append(b, '"')
			b = event.AppendBase64Encode(b, r.Data)
			return append(b, '"')
		case r.DataValue != nil && r.DataValue.Kind == jsonpos.String:
			return jsonpos.AppendString(b, r.DataValue.Text) // data that could not be decoded
		}
		return append(b, `""`...)
	}
	num := func(b []byte, name string, n int64) []byte {
		b = append(b, `"`+name+`":`...)
		return strconv.AppendInt(b, n, 10)
	}
	str := func(b []byte, name, s string) []byte {
		b = append(b, `"`+name+`":`...)
		return jsonpos.AppendString(b, s)
	}
	b = append(b, '{')
	if s.Stream.Layout == "2019" {
		b = num(b, "attemptsMade", int64(attempts))
		b = num(append(b, ','), "arrivalTimestamp", arrival)
		b = str(append(b, ','), "errorCode", string(v.ErrorCode))
		b = str(append(b, ','), "errorMessage", v.ErrorMessage)
		b = num(append(b, ','), "attemptEndingTimestamp", ending)
		b = raw(append(b, `,"rawData":`...))
		b = str(append(b, ','), "lambdaArn", s.Stream.LambdaArn)
	} else {
		b = raw(append(b, `"rawData":`...))
		b = str(append(b, ','), "errorCode", string(v.ErrorCode))
		b = str(append(b, ','), "errorMessage", v.ErrorMessage)
		b = num(append(b, ','), "attemptsMade", int64(attempts))
		b = num(append(b, ','), "arrivalTimestamp", arrival)
		b = num(append(b, ','), "attemptEndingTimestamp", ending)
		b = str(append(b, ','), "lambdaARN", s.Stream.LambdaArn)
	}
	return append(b, '}', '\n')
}

// errorPrefix evaluates the prefix of processing-failed objects: the
// ErrorOutputPrefix when it has expressions; otherwise the ErrorOutputPrefix
// (or the Prefix) followed by processing-failed/ and the hour.
func (s *Batch) errorPrefix(t time.Time) string {
	if parts := s3key.Parse(s.Stream.ErrorPrefix); parts.HasExpression() {
		s, _ := parts.Render(t, nil, ObjectProcessingFailed, s.uuid("random-error", 0)[:11])
		return s
	}
	base := s.Stream.ErrorPrefix
	if base == "" {
		if s3key.Parse(s.Stream.Prefix).HasExpression() {
			s.Findings.At(report.CodeS3ErrorPrefix, report.SevInfo, report.InputSpan(0, 0)).Say(
				"The S3 prefix uses expressions, so Firehose requires an error output prefix (with !{firehose:error-output-type}); the preview puts failed records under processing-failed/ at the top of the bucket.")
		} else {
			base = s.Stream.Prefix
		}
	}
	return base + ObjectProcessingFailed + "/" + s3key.FormatJavaTime(s3key.DefaultTimePrefix, t)
}

// suffix is an object's name after its prefix:
// <stream>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>.
func (s *Batch) suffix(ms int64, kind string, n int) string {
	return s.Stream.Name + "-1-" + s3key.FormatJavaTime("yyyy-MM-dd-HH-mm-ss", time.UnixMilli(ms).UTC()) + "-" + s.uuid(kind, n)
}

// uuid returns a version 4 UUID made from the event and what it names, so
// that the same input previews the same object keys.
func (s *Batch) uuid(kind string, n int) string {
	seed := s.Event.InvocationID
	if seed == "" {
		seed = s.Event.Text[:min(len(s.Event.Text), 4096)]
	}
	u := sha256.Sum256([]byte(seed + "\x00" + kind + "\x00" + strconv.Itoa(n)))
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// newBody starts an object body: cut for the preview, whole for an export.
func (s *Batch) newBody() objectBody {
	if s.Whole {
		return objectBody{limit: event.MaxInput * 4}
	}
	return objectBody{limit: MaxObjectBody}
}

// objectBody gathers an object's body, keeping its first limit bytes
// (maxObjectBody unless the whole body is exported) and counting the rest.
type objectBody struct {
	b     []byte
	size  int
	limit int
}

func (o *objectBody) write(p []byte) {
	o.size += len(p)
	if room := o.limit - len(o.b); room > 0 {
		o.b = append(o.b, p[:min(len(p), room)]...)
	}
}

// text returns the kept body, cut on a character boundary, and whether it
// was cut.
func (o *objectBody) text() (string, bool) {
	b := o.b
	if o.size == len(b) {
		return string(b), false
	}
	for k := len(b) - 1; k >= 0 && k >= len(b)-utf8.UTFMax; k-- {
		if utf8.RuneStart(b[k]) {
			if !utf8.FullRune(b[k:]) {
				b = b[:k]
			}
			break
		}
	}
	return string(b), true
}
