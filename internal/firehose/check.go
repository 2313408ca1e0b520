package firehose

import (
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Options describe the delivery stream.
type Options struct {
	// StreamName defaults to the name in the event's deliveryStreamArn.
	StreamName string `json:"streamName"`
	// LambdaArn is the function's qualified ARN, for processing-failed
	// objects (default: a function named after the preset).
	LambdaArn string `json:"lambdaArn"`
	// Retries is NumberOfRetries (nil: Firehose's default, 3).
	Retries *int `json:"retries"`
	// Prefix and ErrorPrefix are the S3 prefixes; empty means Firehose's
	// defaults. Prefix may use !{timestamp:…} and
	// !{partitionKeyFromLambda:key}.
	Prefix      string `json:"prefix"`
	ErrorPrefix string `json:"errorPrefix"`
	// AppendDelimiter adds the AppendDelimiterToRecord processor.
	AppendDelimiter bool `json:"appendDelimiter"`
	// ErrorLayout is the layout of processing-failed lines: "2025"
	// (default, lambdaARN) or "2019" (lambdaArn).
	ErrorLayout string `json:"errorLayout"`
}

// Caps that keep a report small whatever the response holds.
const (
	MaxIgnoredDecoded  = 200       // ignored records whose data the report shows
	MaxOutDecoded      = 64 << 10  // bytes of one response record's data shown
	OutDecodedBudget   = 4 << 20   // bytes of response data shown in one report
	MaxNumberOfRetries = 300       // Firehose's upper bound for NumberOfRetries
	DefaultRetries     = 3         // Firehose's default NumberOfRetries
	BufferIntervalMs   = 60 * 1000 // Firehose's default Lambda buffer interval
)

// Stream is the delivery stream as the verdict and the S3 preview see it:
// the request's Options with the defaults filled in.
type Stream struct {
	Name            string // the delivery stream's name
	LambdaArn       string // the function's qualified ARN
	Retries         int    // NumberOfRetries
	Prefix          string // the S3 prefix ("" for Firehose's default)
	ErrorPrefix     string // the S3 error output prefix
	AppendDelimiter bool   // the AppendDelimiterToRecord processor is on
	Layout          string // of processing-failed lines: "2025" or "2019"
}

// newStream resolves the request's options: the stream's name from the
// event's ARN, a Lambda ARN named after the preset, NumberOfRetries 3.
func newStream(ev *event.Event, opts Options, preset string) Stream {
	st := Stream{Name: opts.StreamName, LambdaArn: opts.LambdaArn, Retries: DefaultRetries,
		Prefix: opts.Prefix, ErrorPrefix: opts.ErrorPrefix, AppendDelimiter: opts.AppendDelimiter, Layout: "2025"}
	if opts.Retries != nil {
		st.Retries = min(max(*opts.Retries, 0), MaxNumberOfRetries)
	}
	if opts.ErrorLayout == "2019" {
		st.Layout = "2019"
	}
	arn := ev.DeliveryStreamArn
	if st.Name == "" {
		if i := strings.Index(arn, ":deliverystream/"); i >= 0 && i+len(":deliverystream/") < len(arn) {
			st.Name = arn[i+len(":deliverystream/"):]
		} else {
			st.Name = "playground"
		}
	}
	if st.LambdaArn == "" {
		region := ev.Region
		if parts := strings.Split(arn, ":"); region == "" && len(parts) > 3 && strings.HasPrefix(arn, "arn:") {
			region = parts[3]
		}
		if region == "" {
			region = event.GenRegion
		}
		fn := preset
		if fn == "" {
			fn = "my-function"
		}
		st.LambdaArn = "arn:aws:lambda:" + region + ":123456789012:function:" + fn + ":$LATEST"
	}
	return st
}

// Attempts is attemptsMade for a failure with this code: invocation and
// function failures are retried NumberOfRetries times, the rest are final
// on the first attempt.
func (st *Stream) Attempts(code report.Code) int {
	switch code {
	case report.CodeFunctionError, report.CodeTimedOut, report.CodeInvokeLimit:
		return st.Retries + 1
	}
	return 1
}

// Judged is what the judge decides: the function's answer as Firehose
// takes it (a pasted error object is an error, not a body), the response
// as Firehose reads it, the verdict of every record, and the figures of
// the report's Stats it knows.
type Judged struct {
	Lambda   report.Lambda
	Response *report.Response
	Verdict  report.Verdict
	Stats    report.Stats // ResponseBytes, Outputs, Delivered, Dropped, Failed, Ignored, LostRows
	// Outputs lists, for every input record, the response records that
	// carry its recordId; nil when nothing ran, so nothing was judged.
	Outputs [][]int
	// Read is the response body as read; nil when it was not read.
	Read *Body
	// Ran is false when there was no answer to judge; Stream is the
	// delivery stream the verdict was reached for.
	Ran    bool
	Stream Stream
}

// Judge judges the function's answer (lambda: the preset's body or error,
// or the body pasted). text is the response body (empty when the function
// failed); pasted tells that it came from the user rather than from a
// preset, and origins, when the preset wrote it, gives each output's input
// record; preset names the function. The verdict covers every record: a
// Result cuts it to a window.
func Judge(lambda report.Lambda, preset string, ev *event.Event, opts Options, text string, pasted bool, origins []int, f *report.Findings) Judged {
	jd := Judged{Lambda: lambda, Verdict: report.Verdict{Records: []report.RecordVerdict{}, Ignored: []report.Ignored{}, Alternatives: []report.Alternative{}}}
	if lambda.Error == nil && lambda.Body == nil {
		return jd
	}
	r := newRuling(ev, newStream(ev, opts, preset), f)
	m := newMatch(ev)
	applyRules(&jd, m, r, text, pasted, origins)
	repeatedIDs(m, r)
	jd.Verdict, jd.Outputs, jd.Read, jd.Ran, jd.Stream = r.verdict, m.outputs, m.resp, true, r.st
	jd.count()
	return jd
}

// applyRules applies the rules to the function's answer, in the order
// Firehose meets them: the invocation as a whole (it failed, or its
// response is too large), then the response's shape, then its records.
func applyRules(jd *Judged, m *match, r *ruling, text string, pasted bool, origins []int) {
	ev := m.ev
	if le := jd.Lambda.Error; le != nil {
		// The preset raised: the invocation failed.
		sp := report.InputSpan(0, 0)
		if le.Record >= 0 && le.Record < len(ev.Records) {
			sp = report.InputSpan(ev.Records[le.Record].Start, ev.Records[le.Record].End)
		}
		invocationFailed(r, le, sp)
		return
	}
	jd.Response = &report.Response{Size: len(text), Records: []report.OutRecord{}}
	jd.Stats.ResponseBytes = len(text)
	if len(text) > event.LambdaPayloadLimit {
		tooLarge(r, len(text))
		return
	}
	// A leading BOM is read as white space (which keeps every offset);
	// bomReading then says what is known of it.
	body, bom := text, strings.HasPrefix(text, "\ufeff")
	if bom {
		body = "   " + body[3:]
	}
	m.read(body)
	if le, at := event.LambdaErrorObject(&m.resp.root); pasted && le != nil && m.resp.err == nil {
		// The user pasted the error object of a failed invocation.
		jd.Lambda.Error, jd.Lambda.Body, jd.Response = le, nil, nil
		jd.Stats.ResponseBytes = 0
		invocationFailed(r, le, report.ResponseSpan(at.Start, at.End))
		return
	}
	sizeFinding(r, len(text), len(ev.Text))
	if !notJSON(r, m.resp, text) {
		jd.Response.Records = m.pair(origins)
		if readable(m, r) {
			ruleRecords(m, r)
		}
	}
	if bom && m.resp.err == nil && len(m.resp.shape) == 0 {
		bomReading(r)
	}
}

// ruleRecords applies the rules of the records themselves (rows 1–5 and
// 7–9) in three passes. Firehose reads every output record before it
// matches any, so the results and data rules first read every output.
// Then every input record is decided by the first rule that decides it:
// ids (no output, or several, carry its recordId), then data (Firehose
// cannot use its output's data), then results. Then each rule adds what it
// says of the batch, and the first readings of the alternatives it gave
// become the verdict.
func ruleRecords(m *match, r *ruling) {
	ids, results, data := &idsRule{m: m, r: r}, &resultsRule{m: m, r: r}, &dataRule{m: m, r: r}
	for o := range m.resp.Records {
		results.read(o)
		data.read(o)
	}
	for i := range r.verdict.Records {
		if mine := m.outputs[i]; len(mine) > 0 {
			r.verdict.Records[i].Output = mine[0]
		}
		if !ids.decide(i) && !data.decide(i) {
			results.decide(i)
		}
	}
	ids.batch()
	results.batch()
	data.batch()
	r.adoptFirstReadings()
}

// ruling is what the rules decide together: the verdict of every record,
// and the findings that say why.
type ruling struct {
	verdict report.Verdict
	f       *report.Findings
	st      Stream
}

// newRuling starts a ruling on every record of ev, none decided yet.
func newRuling(ev *event.Event, st Stream, f *report.Findings) *ruling {
	r := &ruling{f: f, st: st, verdict: report.Verdict{Records: make([]report.RecordVerdict, len(ev.Records)), Ignored: []report.Ignored{}, Alternatives: []report.Alternative{}}}
	for i := range ev.Records {
		r.verdict.Records[i] = report.RecordVerdict{Index: i, RecordID: ev.Records[i].RecordID, Output: -1}
	}
	return r
}

// fail sets one record's outcome to failed.
func (r *ruling) fail(i int, code report.Code, msg string, conf report.Confidence) {
	v := &r.verdict.Records[i]
	v.Outcome, v.ErrorCode, v.ErrorMessage, v.Confidence = report.Failed, code, msg, conf
}

// failBatch fails every record with one code: the whole batch fails.
func (r *ruling) failBatch(code report.Code, msg string, conf report.Confidence) {
	r.failBatchWith(&report.BatchError{ErrorCode: code, ErrorMessage: msg, AttemptsMade: r.st.Attempts(code), Confidence: conf})
}

// failBatchWith fails every record with b's code: the whole batch fails.
func (r *ruling) failBatchWith(b *report.BatchError) {
	r.verdict.BatchError = b
	for i := range r.verdict.Records {
		r.fail(i, b.ErrorCode, b.ErrorMessage, b.Confidence)
	}
}

// batchError is a BatchError for a reading of an unconfirmed behaviour.
func (r *ruling) batchError(code report.Code, msg string) *report.BatchError {
	return &report.BatchError{ErrorCode: code, ErrorMessage: msg, AttemptsMade: r.st.Attempts(code), Confidence: report.Unconfirmed}
}

// alternative adds the readings of a behaviour that is not confirmed; the
// first reading is the one docs/firehose-contract.md gives first.
func (r *ruling) alternative(code report.Code, msg string, readings ...report.Reading) {
	r.verdict.Alternatives = append(r.verdict.Alternatives, report.Alternative{Code: code, Message: msg, Readings: readings})
}

// adoptFirstReadings makes the alternatives' first readings the verdict:
// the first of them that fails the whole batch fails it, unconfirmed; when
// none does, the records they fail have failed already, and no delivery is
// confirmed while any reading is open.
func (r *ruling) adoptFirstReadings() {
	for _, a := range r.verdict.Alternatives {
		if b := a.Readings[0].BatchError; b != nil {
			batch := *b
			r.failBatchWith(&batch)
			return
		}
	}
	if len(r.verdict.Alternatives) > 0 {
		for i := range r.verdict.Records {
			if v := &r.verdict.Records[i]; v.Outcome != report.Failed {
				v.Confidence = report.Unconfirmed
			}
		}
	}
}

// count fills the Stats the verdict and the response give.
func (jd *Judged) count() {
	for i := range jd.Verdict.Records {
		switch jd.Verdict.Records[i].Outcome {
		case report.Delivered:
			jd.Stats.Delivered++
		case report.Dropped:
			jd.Stats.Dropped++
		case report.Failed:
			jd.Stats.Failed++
		}
	}
	if jd.Response != nil {
		jd.Stats.Outputs = len(jd.Response.Records)
		jd.Response.Total = len(jd.Response.Records)
	}
	jd.Stats.Ignored = len(jd.Verdict.Ignored)
	for _, ig := range jd.Verdict.Ignored {
		jd.Stats.LostRows += ig.Rows
	}
}

// MaxListed is how many ignored response records the report lists, and
// how many response records it lists beyond those of its window.
const MaxListed = 1000

// CapLists keeps the report's lists of ignored records and of the records
// an unconfirmed reading fails to the first thousand (the counts stay):
// the report stays small whatever the number of records.
func (jd *Judged) CapLists() {
	for a := range jd.Verdict.Alternatives {
		for k := range jd.Verdict.Alternatives[a].Readings {
			r := &jd.Verdict.Alternatives[a].Readings[k]
			r.FailedCount = len(r.Failed)
			r.Failed = r.Failed[:min(len(r.Failed), MaxListed)]
		}
	}
	if len(jd.Verdict.Ignored) > MaxListed {
		jd.Verdict.Ignored = jd.Verdict.Ignored[:MaxListed]
	}
}
