package transform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Check judges a Lambda response against an event the way Firehose would:
// it is Run with Request.Response set, so response is the body the
// function returned (from any language), or the error object the Lambda
// runtime returned for a failed invocation. input is what Run accepts: an
// event, base64 records or JSON payloads. The report's verdict says what
// becomes of every record, and its S3 preview what lands in the bucket.
//
// A blank response is no response at all: Run then runs its default
// preset instead.
func Check(input, response string, opts FirehoseOptions) *Report {
	return Run(Request{Input: input, Response: response, Firehose: opts})
}

// Statuses of a response record (OutRecord.Status).
const (
	statusMatched   = "matched"
	statusDuplicate = "duplicate"
	statusIgnored   = "ignored"
)

// Caps that keep a report small whatever the response holds.
const (
	maxIgnoredDecoded  = 200       // ignored records whose data the report shows
	maxOutDecoded      = 64 << 10  // bytes of one response record's data shown
	outDecodedBudget   = 4 << 20   // bytes of response data shown in one report
	maxNumberOfRetries = 300       // Firehose's upper bound for NumberOfRetries
	defaultRetries     = 3         // Firehose's default NumberOfRetries
	bufferIntervalMs   = 60 * 1000 // Firehose's default Lambda buffer interval
)

// stream is the delivery stream as the verdict and the S3 preview see it:
// the request's FirehoseOptions with the defaults filled in.
type stream struct {
	name            string
	lambdaArn       string
	retries         int
	prefix          string
	errorPrefix     string
	appendDelimiter bool
	layout          string // "2025" or "2019"
}

// newStream resolves the request's options: the stream's name from the
// event's ARN, a Lambda ARN named after the preset, NumberOfRetries 3.
func newStream(ev *Event, opts FirehoseOptions, preset string) stream {
	st := stream{name: opts.StreamName, lambdaArn: opts.LambdaArn, retries: defaultRetries,
		prefix: opts.Prefix, errorPrefix: opts.ErrorPrefix, appendDelimiter: opts.AppendDelimiter, layout: "2025"}
	if opts.Retries != nil {
		st.retries = min(max(*opts.Retries, 0), maxNumberOfRetries)
	}
	if opts.ErrorLayout == "2019" {
		st.layout = "2019"
	}
	arn := ev.DeliveryStreamArn
	if st.name == "" {
		if i := strings.Index(arn, ":deliverystream/"); i >= 0 && i+len(":deliverystream/") < len(arn) {
			st.name = arn[i+len(":deliverystream/"):]
		} else {
			st.name = "playground"
		}
	}
	if st.lambdaArn == "" {
		region := ev.Region
		if parts := strings.Split(arn, ":"); region == "" && len(parts) > 3 && strings.HasPrefix(arn, "arn:") {
			region = parts[3]
		}
		if region == "" {
			region = genRegion
		}
		fn := preset
		if fn == "" {
			fn = "my-function"
		}
		st.lambdaArn = "arn:aws:lambda:" + region + ":123456789012:function:" + fn + ":$LATEST"
	}
	return st
}

// attempts is attemptsMade for a failure with this code: invocation and
// function failures are retried NumberOfRetries times, the rest are final
// on the first attempt.
func (st *stream) attempts(code Code) int {
	switch code {
	case codeFunctionError, codeTimedOut, codeInvokeLimit:
		return st.retries + 1
	}
	return 1
}

// judged is what the judge decides: the function's answer as Firehose
// takes it (a pasted error object is an error, not a body), the response
// as Firehose reads it, the verdict of every record, what lands in S3, and
// the figures of the report's Stats it knows.
type judged struct {
	Lambda   Lambda
	Response *Response
	Verdict  Verdict
	S3       *S3Preview
	Stats    Stats // ResponseBytes, Outputs, Delivered, Dropped, Failed, Ignored, LostRows
}

// judgement is one judging of a response against an event.
type judgement struct {
	out   judged
	ev    *Event
	f     *findings
	st    stream
	text  string    // the response body
	resp  *response // the body as read; nil when it was not read
	field string    // "data", or "kafkaRecordValue" for Amazon MSK
	byID  map[string][]int
	// outputs lists, for every input record, the response records that
	// carry its recordId.
	outputs [][]int
	// origins gives the input record each output came from, when known.
	origins []int
	// fullBodies keeps S3 objects whole (for an export) instead of cut.
	fullBodies bool
	// changed maps the normalID of every ignored output to its index,
	// built when a missing record is first reported.
	changed map[string]int
}

// judge reads the function's answer (lambda: the preset's body or error,
// or the body pasted) and decides, the way docs/firehose-contract.md says
// Firehose does, what becomes of every input record; then previews what
// lands in S3. text is the response body (empty when the function failed);
// pasted tells that it came from the user rather than from a preset, and
// origins, when the preset wrote it, gives each output's input record;
// preset names the function. The verdict covers every record: a Result
// cuts it to a window. The judgement's outputs are nil when nothing ran,
// so there was nothing to judge.
func judge(lambda Lambda, preset string, ev *Event, req Request, text string, pasted bool, origins []int, f *findings) *judgement {
	j := &judgement{ev: ev, f: f, st: newStream(ev, req.Firehose, preset), text: text,
		field: "data", origins: origins, fullBodies: req.Export == ExportS3}
	if ev.Source == SourceMSK {
		j.field = "kafkaRecordValue"
	}
	j.out.Lambda = lambda
	j.out.Verdict = Verdict{Records: []RecordVerdict{}, Ignored: []Ignored{}, Alternatives: []Alternative{}}
	if lambda.Error == nil && lambda.Body == nil {
		return j
	}
	j.out.Verdict.Records = make([]RecordVerdict, len(ev.Records))
	for i := range ev.Records {
		j.out.Verdict.Records[i] = RecordVerdict{Index: i, RecordID: ev.Records[i].RecordID, Output: -1}
	}
	j.outputs = make([][]int, len(ev.Records))
	j.decide(pasted)
	j.repeatedIDs()
	j.finish()
	return j
}

// decide fills the verdict.
func (j *judgement) decide(pasted bool) {
	jd := &j.out
	if le := jd.Lambda.Error; le != nil {
		// The preset raised: the invocation failed.
		start, end := 0, 0
		if le.Record >= 0 && le.Record < len(j.ev.Records) {
			start, end = j.ev.Records[le.Record].Start, j.ev.Records[le.Record].End
		}
		j.invocationFailed(le, DocInput, start, end)
		return
	}
	jd.Response = &Response{Size: len(j.text), Records: []OutRecord{}}
	jd.Stats.ResponseBytes = len(j.text)
	if len(j.text) > LambdaPayloadLimit {
		j.tooLarge()
		return
	}
	// A leading BOM is read as white space (which keeps every offset);
	// bomReading then says what is known of it.
	body, bom := j.text, strings.HasPrefix(j.text, "\ufeff")
	if bom {
		body = "   " + body[3:]
	}
	j.resp = readResponse(body, j.field)
	if le, at := lambdaErrorObject(&j.resp.root); pasted && le != nil && j.resp.err == nil {
		// The user pasted the error object of a failed invocation.
		jd.Lambda.Error, jd.Lambda.Body, jd.Response = le, nil, nil
		jd.Stats.ResponseBytes = 0
		j.invocationFailed(le, DocResponse, at.Start, at.End)
		return
	}
	j.sizeFinding()
	j.judgeResponse()
	if bom && j.resp.err == nil && len(j.resp.shape) == 0 {
		j.bomReading()
	}
}

// failBatch fails every record with one code: the whole batch fails.
func (j *judgement) failBatch(code Code, msg string, conf Confidence) {
	b := &BatchError{ErrorCode: code, ErrorMessage: msg, AttemptsMade: j.st.attempts(code), Confidence: conf}
	j.out.Verdict.BatchError = b
	for i := range j.out.Verdict.Records {
		j.fail(i, code, msg, conf)
	}
}

// fail sets one record's outcome to failed.
func (j *judgement) fail(i int, code Code, msg string, conf Confidence) {
	v := &j.out.Verdict.Records[i]
	v.Outcome, v.ErrorCode, v.ErrorMessage, v.Confidence = Failed, code, msg, conf
}

// noteBadResult says that row 7's batch error is a stand-in.
const noteBadResult = `Firehose's own error for a result other than Ok, Dropped or ProcessingFailed is only known as "make sure the output is in required format": the code and message shown here stand in for it.`

// batchErrorNoted is batchError with a note on where its code comes from.
func (j *judgement) batchErrorNoted(code Code, msg, note string) *BatchError {
	b := j.batchError(code, msg)
	b.Note = note
	return b
}

// batchError is a BatchError for a reading of an unconfirmed behaviour.
func (j *judgement) batchError(code Code, msg string) *BatchError {
	return &BatchError{ErrorCode: code, ErrorMessage: msg, AttemptsMade: j.st.attempts(code), Confidence: Unconfirmed}
}

// invocationFailed fails the batch because the invocation failed: the
// function raised, timed out or was throttled (docs/firehose-contract.md rows 11, 12, 14).
func (j *judgement) invocationFailed(le *LambdaError, doc string, start, end int) {
	code, msg := invocationFailure(le)
	j.failBatch(code, msg, Confirmed)
	what := le.ErrorType
	if le.ErrorMessage != "" {
		if what != "" {
			what += ": "
		}
		what += clip(le.ErrorMessage, 200)
	}
	if what == "" {
		what = "an error object"
	}
	retry := fmt.Sprintf("It retries the whole batch %s (NumberOfRetries %d, so attemptsMade %d), then writes",
		plural(j.st.retries, "more time"), j.st.retries, j.st.retries+1)
	if j.st.retries == 0 {
		retry = "With NumberOfRetries 0 it does not retry (attemptsMade 1): it writes"
	}
	j.f.at(code, SevError, Span{doc, start, end}).rec(le.Record).say(
		"The function returned an error (%s). Firehose: %s, %q %s every record of the batch to processing-failed/: nothing is delivered.",
		what, code, msg, retry)
}

// tooLarge fails the batch because the response is over Lambda's limit
// (docs/firehose-contract.md row 13): Lambda refuses it, Firehose sees a function error.
func (j *judgement) tooLarge() {
	n := len(j.text)
	j.failBatch(codeFunctionError, msgFunctionError, Likely)
	j.f.at(codeTooLarge, SevError, responseSpan(0, 0)).say(
		"The response is %s, %s of Lambda's 6 MB response limit (%s bytes). Lambda refuses it: %s, %q Firehose sees a failed invocation, %s for the whole batch, retried (attemptsMade %d); every record goes to processing-failed/. The records in the response were not checked: Firehose never sees them.",
		sizeText(n), percent(n, LambdaPayloadLimit), thousands(LambdaPayloadLimit), codeTooLarge, msgTooLarge,
		codeFunctionError, j.st.retries+1)
}

// sizeFinding says how much of Lambda's response limit the response uses,
// and what a full Firehose batch would produce at the same ratio: when the
// response uses a tenth of the limit or more, or is larger than an event
// of some size. (Stats carry the figures in every case.)
func (j *judgement) sizeFinding() {
	n, in := len(j.text), len(j.ev.Text)
	if 10*n < LambdaPayloadLimit && (in < 4096 || n <= in) {
		return
	}
	sev, conf := SevInfo, Confidence("")
	msg := fmt.Sprintf("The response is %s, %s of Lambda's 6 MB response limit (%s bytes).",
		sizeText(n), percent(n, LambdaPayloadLimit), thousands(LambdaPayloadLimit))
	if 2*n >= LambdaPayloadLimit {
		sev, conf = SevWarning, Likely
		msg += " A somewhat larger batch would go over it, and then the whole batch fails."
	}
	if in >= 4096 && n > in {
		ratio := float64(n) / float64(in)
		msg += fmt.Sprintf(" It is %.2f× the size of the event", ratio)
		if projected := ratio * LambdaBufferMax; projected > LambdaPayloadLimit {
			sev, conf = SevWarning, Likely
			msg += fmt.Sprintf(": at this ratio a 3 MB batch (Firehose's largest Lambda buffer) would produce %s, over the limit, and events above about %s fail whole.",
				sizeText(int(projected)), sizeText(int(LambdaPayloadLimit/ratio)))
		} else {
			msg += "."
		}
	}
	j.f.at(codeResponseSize, sev, responseSpan(0, 0)).sure(conf).say("%s", msg)
}

// judgeResponse judges a response body of a valid size.
func (j *judgement) judgeResponse() {
	r := j.resp
	if e := r.err; e != nil {
		what := fmt.Sprintf("The response is not valid JSON: %s (line %d, column %d).", e.Msg, e.Line, e.Column)
		if strings.TrimSpace(j.text) == "" {
			what = "The response is empty."
		}
		j.f.at(codeJSON, SevError, responseSpan(e.Offset, e.Offset+1)).say(
			"%s Firehose: %s, %q The whole batch goes to processing-failed/ (not retried).", what, codeJSON, msgJSON)
		j.failBatch(codeJSON, msgJSON, Confirmed)
		return
	}
	j.indexInputs()
	j.listOutputs()
	if len(r.shape) > 0 {
		// docs/firehose-contract.md row 10: the body is not the status model.
		for _, p := range r.shape {
			j.f.at(codeJSON, SevError, responseSpan(p.start, p.end)).rec(j.inputOf(p.out)).out(p.out).say(
				"%s. Firehose cannot read the response: %s, %q The whole batch goes to processing-failed/ (not retried).",
				p.msg, codeJSON, msgJSON)
		}
		j.failBatch(codeJSON, msgJSON, Confirmed)
		return
	}
	if j.recordsUnusable() {
		return
	}
	j.judgeRecords()
}

// indexInputs maps every input recordId, as a JSON value, to the input
// records that carry it.
func (j *judgement) indexInputs() {
	j.byID = make(map[string][]int, len(j.ev.Records))
	for i := range j.ev.Records {
		if id := j.ev.Records[i].ID; id != nil {
			k := idKey(id)
			j.byID[k] = append(j.byID[k], i)
		}
	}
}

// inputOf returns the input record a response record carries, or -1.
func (j *judgement) inputOf(out int) int {
	if out < 0 || j.out.Response == nil || out >= len(j.out.Response.Records) {
		return -1
	}
	return j.out.Response.Records[out].Input
}

// listOutputs fills the report's response records, matching each to the
// input record with its recordId. Order does not matter: the first output
// with a recordId is matched to the first input record with it, a second
// to the second (if the event repeats the id), and any more are
// duplicates. Outputs whose recordId is in no input record are ignored.
// Their decoded data is the Result's to add, for the records of a window.
func (j *judgement) listOutputs() {
	r, jd := j.resp, &j.out
	out := make([]OutRecord, len(r.outs))
	used := make(map[string]int)
	for o := range r.outs {
		or := &r.outs[o]
		rec := &out[o]
		*rec = OutRecord{Index: o, RecordID: idText(or.id), Start: or.v.Start, End: or.v.End, Input: -1, From: -1,
			Status: statusIgnored, Size: len(or.bytes), Rows: countRows(or.bytes), PartitionKeys: or.keys}
		if len(j.origins) == len(r.outs) {
			rec.From = j.origins[o]
		}
		if or.result != nil {
			rec.Result = valueText(or.result)
		}
		if or.id != nil && or.id.Kind != Null {
			k := idKey(or.id)
			ins := j.byID[k]
			if u := used[k]; u < len(ins) {
				rec.Input, rec.Status = ins[u], statusMatched
				used[k] = u + 1
			} else if len(ins) > 0 {
				rec.Input, rec.Status = ins[0], statusDuplicate
			}
		}
		if rec.Input >= 0 {
			j.outputs[rec.Input] = append(j.outputs[rec.Input], o)
		}
	}
	jd.Response.Records = out
}

// decodedOutput returns a response record's data as the report shows it:
// the text, or a hex dump when it is not UTF-8; cut at maxOutDecoded.
func decodedOutput(b []byte) (string, bool) {
	if !utf8.Valid(b) {
		const n = 12 << 10 // bytes whose dump (78 characters per 16) fits
		return hexDump(string(b[:min(len(b), n+1)]), n)
	}
	if len(b) <= maxOutDecoded {
		return string(b), false
	}
	cut := maxOutDecoded
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return string(b[:cut]), true
}

// recordsUnusable handles a response whose "records" is missing, null,
// not an array, or empty although the event has records (docs/firehose-contract.md
// row 6, unconfirmed): every record fails, and the report gives both
// readings. It reports whether that was the case.
func (j *judgement) recordsUnusable() bool {
	root, recs := &j.resp.root, j.resp.recs
	n := len(j.ev.Records)
	var what string
	start, end := root.Start, root.Start+1
	switch {
	case recs == nil:
		what = `The response has no "records" key`
		if alt := similarKey(root, "records"); alt != nil {
			what += fmt.Sprintf(" (it has %s: keys are case-sensitive)", quoted(alt.Name))
			start, end = alt.Start, alt.End
		} else if body, _ := root.Member("body"); body != nil {
			what += ` (it looks like an API Gateway response: Firehose reads the object {"records": […]} itself, not a "body")`
		}
	case recs.Kind == Null:
		what, start, end = `"records" is null`, recs.Start, recs.End
	case recs.Kind != Array:
		what = fmt.Sprintf(`"records" is %s %s, not an array`, article(recs.Kind), recs.Kind)
		start, end = recs.Start, recs.End
	case len(recs.Items) == 0 && n > 0:
		what, start, end = `"records" is empty`, recs.Start, recs.End
	default:
		return false
	}
	all := allRecords(n)
	readings := []Reading{
		{Label: "Every record fails with Lambda.MissingRecordId (one probe of real Firehose)", Failed: all},
		{Label: "The whole batch fails with Lambda.FunctionError and is retried (another emulator)",
			BatchError: j.batchError(codeFunctionError, msgFunctionError), Failed: all},
	}
	if recs != nil && recs.Kind != Array && recs.Kind != Null {
		readings = append(readings, Reading{Label: "Firehose cannot read the response: Lambda.JsonProcessingException for the whole batch",
			BatchError: j.batchError(codeJSON, msgJSON), Failed: all})
	}
	j.out.Verdict.Alternatives = append(j.out.Verdict.Alternatives, Alternative{Code: codeResponseRecords,
		Message: what + ": what Firehose does is unconfirmed; under every reading no record is delivered.", Readings: readings})
	for i := range j.out.Verdict.Records {
		j.fail(i, codeMissingID, msgMissingID, Unconfirmed)
	}
	j.f.at(codeResponseRecords, SevError, responseSpan(start, end)).say(
		"%s. What Firehose does then is unconfirmed: every record fails with %s (one probe), or the whole batch fails with %s (another emulator). Either way nothing is delivered.",
		what, codeMissingID, codeFunctionError)
	return true
}

// allRecords returns the indexes 0…n-1.
func allRecords(n int) []int {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	return all
}

// judgeRecords decides each record's outcome from the output records that
// carry its recordId (docs/firehose-contract.md rows 1–5, 7–9), then lists the output
// records whose recordId is not in the event.
func (j *judgement) judgeRecords() {
	jd, r := &j.out, j.resp
	// Rows 7 and 9 concern every output record: Firehose reads them all
	// before it matches any.
	var badResult, badData []int // output indexes
	for o := range r.outs {
		or := &r.outs[o]
		if !validResult(or.result) {
			badResult = append(badResult, o)
			j.reportResult(o)
		}
		if or.b64 != nil {
			badData = append(badData, o)
			j.reportBase64(o)
		}
		j.checkMetadata(o)
	}
	var dups, noData []int // input indexes
	for i := range jd.Verdict.Records {
		v := &jd.Verdict.Records[i]
		mine := j.outputs[i]
		if len(mine) == 0 {
			j.fail(i, codeMissingID, msgMissingID, Confirmed)
			j.reportMissing(i)
			continue
		}
		o := mine[0]
		or := &r.outs[o]
		v.Output = o
		switch {
		case len(mine) > 1:
			dups = append(dups, i)
			j.fail(i, codeDuplicatedID, msgDuplicatedID, Unconfirmed)
			for _, d := range mine[1:] {
				j.reportDuplicate(i, o, d)
			}
		case !validResult(or.result), or.b64 != nil:
			// Rows 7 and 9, read record by record.
			j.fail(i, codeInvalidFormat, msgNotCaptured, Unconfirmed)
		case or.result.Text == resultOk:
			if or.data == nil || or.data.Kind == Null {
				noData = append(noData, i)
				j.fail(i, codeInvalidFormat, msgNotCaptured, Unconfirmed)
				j.reportNoData(i, o)
				continue
			}
			v.Outcome, v.Confidence = Delivered, Confirmed
			j.checkDelimiter(i, o)
		case or.result.Text == resultDropped:
			v.Outcome, v.Confidence = Dropped, Confirmed
		default:
			j.fail(i, codeProcessingFailed, msgProcessingFailed, Confirmed)
			j.reportProcessingFailed(i, o)
		}
	}
	j.listIgnored()

	all := allRecords(len(jd.Verdict.Records))
	alts := &jd.Verdict.Alternatives
	if len(dups) > 0 {
		*alts = append(*alts, Alternative{Code: codeDuplicatedID,
			Message: fmt.Sprintf("%s returned more than once: the code is confirmed, its scope is not.", plural(len(dups), "recordId")),
			Readings: []Reading{
				{Label: "Only the records whose recordId is repeated fail with Lambda.DuplicatedRecordId", Failed: dups},
				{Label: "The whole batch fails with Lambda.DuplicatedRecordId", BatchError: j.batchError(codeDuplicatedID, msgDuplicatedID), Failed: all},
			}})
	}
	if len(badResult) > 0 {
		*alts = append(*alts, Alternative{Code: codeResponseResult,
			Message: fmt.Sprintf("%s with a result other than Ok, Dropped or ProcessingFailed: what Firehose does is unconfirmed.", plural(len(badResult), "output record")),
			Readings: []Reading{
				{Label: "The whole batch fails (\"make sure the output is in required format\"; read here as Lambda.JsonProcessingException)",
					BatchError: j.batchErrorNoted(codeJSON, msgJSON, noteBadResult), Failed: all},
				{Label: "Only those records fail", Failed: j.inputsOf(badResult)},
			}})
	}
	if len(noData) > 0 {
		*alts = append(*alts, Alternative{Code: codeInvalidFormat,
			Message: fmt.Sprintf("%s Ok without data: what Firehose does is unconfirmed.", plural(len(noData), "record")),
			Readings: []Reading{
				{Label: "Only those records fail with Lambda.InvalidReturnFormat (one probe of real Firehose)", Failed: noData},
				{Label: "The whole batch fails: Firehose cannot read the response (Lambda.JsonProcessingException)",
					BatchError: j.batchError(codeJSON, msgJSON), Failed: all},
			}})
	}
	if len(badData) > 0 {
		*alts = append(*alts, Alternative{Code: codeResponseBase64,
			Message: fmt.Sprintf("%s whose data is not base64: what Firehose does is unconfirmed.", plural(len(badData), "output record")),
			Readings: []Reading{
				{Label: "The whole batch fails with Lambda.FunctionError and is retried (probably)",
					BatchError: j.batchError(codeFunctionError, msgFunctionError), Failed: all},
				{Label: "Firehose cannot parse the records: Lambda.JsonProcessingException for the whole batch (not retried)",
					BatchError: j.batchError(codeJSON, msgJSON), Failed: all},
				{Label: "Only those records fail", Failed: j.inputsOf(badData)},
			}})
	}
	// The primary reading is the one docs/firehose-contract.md gives first: for rows 7
	// and 9 the whole batch fails.
	switch {
	case len(badResult) > 0:
		j.failBatch(codeJSON, msgJSON, Unconfirmed)
		jd.Verdict.BatchError.Note = noteBadResult
	case len(badData) > 0:
		j.failBatch(codeFunctionError, msgFunctionError, Unconfirmed)
	case len(*alts) > 0:
		// Some reading fails the whole batch: no delivery is confirmed.
		for i := range jd.Verdict.Records {
			if v := &jd.Verdict.Records[i]; v.Outcome != Failed {
				v.Confidence = Unconfirmed
			}
		}
	}
}

// inputsOf returns the input records that output records carry.
func (j *judgement) inputsOf(outs []int) []int {
	ins := []int{}
	seen := map[int]bool{}
	for _, o := range outs {
		if i := j.inputOf(o); i >= 0 && !seen[i] {
			seen[i] = true
			ins = append(ins, i)
		}
	}
	return ins
}

// idRange returns where an output record's recordId is, or its start.
func (j *judgement) idRange(o int) (int, int) {
	or := &j.resp.outs[o]
	if or.id != nil {
		return or.id.Start, or.id.End
	}
	return or.v.Start, or.v.Start + 1
}

// relateInput points a finding at the input record it concerns.
func (j *judgement) relateInput(fd *Finding, i int) *Finding {
	if i < 0 || i >= len(j.ev.Records) {
		return fd
	}
	r := &j.ev.Records[i]
	return fd.relate(DocInput, r.Start, r.End, fmt.Sprintf("input record %d", i))
}

// reportMissing reports an input record that no output record carries
// (row 3).
func (j *judgement) reportMissing(i int) {
	r := &j.ev.Records[i]
	start, end := r.Start, r.End
	if r.ID != nil {
		start, end = r.ID.Start, r.ID.End
	}
	fd := j.f.at(codeMissingID, SevError, inputSpan(start, end)).rec(i).say(
		"Record %d (recordId %s) is not in the response. Firehose: %s, %q The record's original data goes to processing-failed/; the rest of the batch is not affected.",
		i, quoted(r.RecordID), codeMissingID, msgMissingID)
	// A changed recordId: an ignored output with nearly the same id.
	if j.changed == nil {
		j.changed = map[string]int{}
		for o := range j.out.Response.Records {
			out := &j.out.Response.Records[o]
			if k := normalID(out.RecordID); out.Status == statusIgnored && k != "" {
				if _, dup := j.changed[k]; !dup {
					j.changed[k] = o
				}
			}
		}
	}
	if o, ok := j.changed[normalID(r.RecordID)]; ok {
		s, e := j.idRange(o)
		fd.Message += fmt.Sprintf(" Output record %d has %s instead: recordIds must come back exactly as received.",
			o, quoted(j.out.Response.Records[o].RecordID))
		fd.relate(DocResponse, s, e, fmt.Sprintf("output record %d, with a changed recordId", o))
	}
}

// normalID is a recordId without case and surrounding white space, to
// recognise one that the function changed.
func normalID(id string) string {
	return strings.ToLower(strings.TrimSpace(id))
}

// reportProcessingFailed reports record i, which the function returned as
// ProcessingFailed (row 2). The finding is about the input record: the
// response is right to say so, the record is what failed.
func (j *judgement) reportProcessingFailed(i, o int) {
	r := &j.ev.Records[i]
	start, end := r.Start, r.End
	if r.ID != nil {
		start, end = r.ID.Start, r.ID.End
	}
	res := j.resp.outs[o].result
	j.f.at(codeProcessingFailed, SevError, inputSpan(start, end)).rec(i).out(o).say(
		"Record %d (recordId %s) is returned as ProcessingFailed. Firehose writes its original data to processing-failed/ with %s, %q (not retried, attemptsMade 1).",
		i, quoted(r.RecordID), codeProcessingFailed, msgProcessingFailed).
		relate(DocResponse, res.Start, res.End, fmt.Sprintf("output record %d's result", o))
}

// reportDuplicate reports output record d, which repeats the recordId of
// output record first (row 5).
func (j *judgement) reportDuplicate(i, first, d int) {
	s, e := j.idRange(d)
	fs, fe := j.idRange(first)
	fd := j.f.at(codeDuplicatedID, SevError, responseSpan(s, e)).rec(i).out(d).say(
		"Output record %d repeats the recordId %s of output record %d. Firehose: %s, %q Whether only record %d or the whole batch fails is unconfirmed; either way record %d is not delivered. One input record cannot become several output records: put its rows in one record's data, newline-delimited.",
		d, quoted(j.ev.Records[i].RecordID), first, codeDuplicatedID, msgDuplicatedID, i, i)
	fd.relate(DocResponse, fs, fe, fmt.Sprintf("output record %d, the first with this recordId", first))
	j.relateInput(fd, i)
}

// reportResult reports an output record whose result is not one of the
// three Firehose accepts (row 7).
func (j *judgement) reportResult(o int) {
	or := &j.resp.outs[o]
	if or.v.Kind != Object {
		return
	}
	start, end := or.v.Start, or.v.Start+1
	var what string
	switch res := or.result; {
	case res == nil:
		what = fmt.Sprintf(`Output record %d has no "result"`, o)
	case res.Kind != String:
		what = fmt.Sprintf("Output record %d's result is %s %s", o, article(res.Kind), res.Kind)
		start, end = res.Start, res.End
	default:
		what = fmt.Sprintf("Output record %d's result is %s", o, quoted(res.Text))
		start, end = res.Start, res.End
		for _, ok := range []string{resultOk, resultDropped, resultProcessingFailed} {
			if strings.EqualFold(strings.TrimSpace(res.Text), ok) {
				what += fmt.Sprintf(" (did you mean %q?)", ok)
			}
		}
	}
	i := j.inputOf(o)
	fd := j.f.at(codeResponseResult, SevError, responseSpan(start, end)).rec(i).out(o).say(
		`%s. Firehose accepts exactly "Ok", "Dropped" or "ProcessingFailed" (case-sensitive). What it does otherwise is unconfirmed: the whole batch fails ("make sure the output is in required format"), or only this record does. Either way the record is not delivered.`, what)
	j.relateInput(fd, i)
}

// reportBase64 reports an output record whose data is not base64 (row 9).
func (j *judgement) reportBase64(o int) {
	or := &j.resp.outs[o]
	d, e := or.data, or.b64
	start, end := d.Start, d.End
	if d.End-d.Start == len(d.Text)+2 { // no escapes: point at the character
		at := min(e.Offset, max(len(d.Text)-1, 0))
		start, end = d.Start+1+at, d.Start+2+at
	}
	i := j.inputOf(o)
	fd := j.f.at(codeResponseBase64, SevError, responseSpan(start, end)).rec(i).out(o).say(
		"Output record %d's %s is not the padded standard base64 Firehose reads: %s. Firehose probably fails the whole batch with %s, retried (unconfirmed); failing to parse the records, it may as well fail it with %s, not retried; in no reading is the record delivered.",
		o, j.field, e.Msg, codeFunctionError, codeJSON)
	if t := strings.TrimSpace(d.Text); t != "" && (t[0] == '{' || t[0] == '[' || t[0] == '"') {
		fd.Message += " It looks like the payload itself: base64-encode it."
	}
	j.relateInput(fd, i)
}

// reportNoData reports record i, returned Ok without data (row 8).
func (j *judgement) reportNoData(i, o int) {
	or := &j.resp.outs[o]
	start, end := or.v.Start, or.v.Start+1
	what := "has no " + strconv.Quote(j.field)
	if or.data != nil {
		start, end = or.data.Start, or.data.End
		what = "has " + strconv.Quote(j.field) + ": null"
	}
	fd := j.f.at(codeInvalidFormat, SevError, responseSpan(start, end)).rec(i).out(o).say(
		"Output record %d is Ok but %s. One probe of real Firehose failed such a record alone with %s (unconfirmed); it is not delivered.",
		o, what, codeInvalidFormat)
	switch {
	case or.other != nil && j.field == "kafkaRecordValue":
		fd.Message += ` It has "data": records from Amazon MSK return their bytes in "kafkaRecordValue".`
	case or.other != nil:
		fd.Message += ` It has "kafkaRecordValue", which only Amazon MSK streams use: return "data".`
	case or.data != nil:
		fd.Message += ` aws-lambda-go writes "data":null when Data is nil: set Data, even to []byte{}.`
	}
	j.relateInput(fd, i)
}

// checkDelimiter warns when a delivered record's data does not end with a
// newline: S3 objects concatenate records with nothing in between.
func (j *judgement) checkDelimiter(i, o int) {
	or := &j.resp.outs[o]
	b := or.bytes
	if len(b) == 0 {
		j.f.at(codeResponseEmptyData, SevInfo, responseSpan(or.data.Start, or.data.End)).rec(i).out(o).say(
			"Output record %d is Ok with empty data: record %d is delivered but adds 0 bytes to S3 (an object made only of such records is empty). \"Dropped\" says that nothing is meant to arrive.", o, i)
		return
	}
	ends := b[len(b)-1] == '\n'
	switch {
	case !ends && !j.st.appendDelimiter:
		j.f.at(codeResponseDelimiter, SevWarning, responseSpan(or.data.Start, or.data.End)).rec(i).out(o).say(
			"Output record %d's data does not end with a newline: in S3 it runs into the next record's data (…}{…). End every row with \"\\n\", or give the stream the AppendDelimiterToRecord processor.", o)
	case ends && j.st.appendDelimiter:
		j.f.at(codeResponseDelimiter, SevInfo, responseSpan(or.data.Start, or.data.End)).rec(i).out(o).say(
			"Output record %d's data already ends with a newline and the AppendDelimiterToRecord processor adds another: S3 gets an empty line after it.", o)
	}
}

// checkMetadata warns about metadata Firehose cannot use.
func (j *judgement) checkMetadata(o int) {
	or := &j.resp.outs[o]
	if or.v.Kind != Object {
		return
	}
	m, _ := or.v.Member("metadata")
	if m == nil || m.Kind == Null {
		return
	}
	warn := func(v *Value, format string, args ...any) {
		j.f.at(codeResponseMetadata, SevWarning, responseSpan(v.Start, v.End)).rec(j.inputOf(o)).out(o).say(format, args...)
	}
	if m.Kind != Object {
		warn(m, "Output record %d's metadata is %s %s; Firehose reads an object {\"partitionKeys\": {…}}.", o, article(m.Kind), m.Kind)
		return
	}
	pk, _ := m.Member("partitionKeys")
	if pk == nil || pk.Kind == Null {
		return
	}
	if pk.Kind != Object {
		warn(pk, "Output record %d's metadata.partitionKeys is %s %s; it maps key names to strings.", o, article(pk.Kind), pk.Kind)
		return
	}
	for k := range pk.Items {
		if v := &pk.Items[k]; v.Kind != String {
			warn(v, "Partition key %s of output record %d is %s %s; partition keys are strings.", quoted(pk.Keys[k].Name), o, article(v.Kind), v.Kind)
		}
	}
}

// listIgnored lists the output records whose recordId is in no input
// record (row 4): Firehose drops them without any error, and their data is
// lost.
func (j *judgement) listIgnored() {
	jd := &j.out
	n, lostRows, lostBytes := 0, 0, 0
	for o := range jd.Response.Records {
		out := &jd.Response.Records[o]
		if out.Status != statusIgnored {
			continue
		}
		or := &j.resp.outs[o]
		n++
		rows, lost := 0, 0
		if out.Result == resultOk {
			rows, lost = out.Rows, len(or.bytes)
		}
		lostRows += rows
		lostBytes += lost
		jd.Verdict.Ignored = append(jd.Verdict.Ignored, Ignored{RecordID: out.RecordID, Start: out.Start, End: out.End, Output: o, Rows: rows})
		if i := j.reportIgnored(o, rows, lost); i >= 0 && i < len(jd.Verdict.Records) {
			v := &jd.Verdict.Records[i]
			v.LostOutputs++
			v.LostRows += rows
		}
	}
	jd.Stats.LostRows = lostRows
	if n > 0 {
		sev := SevError
		if lostBytes == 0 {
			sev = SevWarning
		}
		j.f.at(codeResponseLostRows, sev, responseSpan(0, 0)).say(
			"%s in the response %s a recordId that is not in the event. Firehose drops %s without any error, metric or processing-failed/ object: %s (%s) %s lost silently.",
			plural(n, "output record"), pick(n == 1, "has", "have"), pick(n == 1, "it", "them"),
			plural(lostRows, "row"), sizeText(lostBytes), pick(lostRows == 1, "is", "are"))
	}
}

// reportIgnored reports one ignored output record and returns the input
// record it was made of: the one the preset was processing, or the one
// whose recordId it extends; -1 when not known.
func (j *judgement) reportIgnored(o, rows, lost int) int {
	or := &j.resp.outs[o]
	s, e := j.idRange(o)
	what := fmt.Sprintf("Output record %d has the recordId %s, which is not in the event", o, quoted(idText(or.id)))
	if or.id == nil || or.id.Kind == Null {
		what = fmt.Sprintf("Output record %d has no recordId", o)
	}
	sev, tail := SevError, fmt.Sprintf("so its data, %s (%s), is lost silently", plural(rows, "row"), sizeText(lost))
	if lost == 0 {
		sev, tail = SevWarning, "(it carries no data, so nothing is lost)"
	}
	fd := j.f.at(codeResponseIgnoredRecordID, sev, responseSpan(s, e)).out(o).say(
		"%s. Firehose ignores it without any error, metric or processing-failed/ object, %s.", what, tail)
	from := j.out.Response.Records[o].From
	if or.id == nil || or.id.Kind != String {
		return from
	}
	if i, suffix := j.derivedFrom(or.id.Text); i >= 0 {
		fd.Record = i
		fd.Message += fmt.Sprintf(" Its recordId is record %d's (%s) with %q appended, the way the seed Lambda names every object after the first: one input record cannot become several output records. Put all of a record's rows in its one output record's data, newline-delimited.",
			i, quoted(j.ev.Records[i].RecordID), suffix)
		j.relateInput(fd, i)
		if from < 0 {
			from = i
		}
	}
	return from
}

// derivedFrom finds the input record whose recordId is id without a
// numeric suffix (R1, R2 from R), and the suffix.
func (j *judgement) derivedFrom(id string) (int, string) {
	for k := len(id) - 1; k > 0 && len(id)-k <= 9 && isDigit(id[k]); k-- {
		if ins := j.byID["s:"+id[:k]]; len(ins) > 0 {
			return ins[0], id[k:]
		}
	}
	return -1, ""
}

// finish counts the outcomes, previews S3 and sums up the findings that
// were left out.
func (j *judgement) finish() {
	jd := &j.out
	for i := range jd.Verdict.Records {
		switch jd.Verdict.Records[i].Outcome {
		case Delivered:
			jd.Stats.Delivered++
		case Dropped:
			jd.Stats.Dropped++
		case Failed:
			jd.Stats.Failed++
		}
	}
	if jd.Response != nil {
		jd.Stats.Outputs = len(jd.Response.Records)
		jd.Response.Total = len(jd.Response.Records)
	}
	jd.Stats.Ignored = len(jd.Verdict.Ignored)
	b := &s3Batch{st: j.st, ev: j.ev, verdict: jd.Verdict.Records, whole: j.fullBodies, f: j.f}
	if j.resp != nil {
		b.outs = j.resp.outs
	}
	jd.S3 = previewS3(b)
	j.capLists()
}

// maxListed is how many ignored response records the report lists, and
// how many response records it lists beyond those of its window.
const maxListed = 1000

// capLists keeps the report's lists of ignored records and of the records
// an unconfirmed reading fails to the first thousand (the counts stay):
// the report stays small whatever the number of records.
func (j *judgement) capLists() {
	jd := &j.out
	for a := range jd.Verdict.Alternatives {
		for k := range jd.Verdict.Alternatives[a].Readings {
			r := &jd.Verdict.Alternatives[a].Readings[k]
			r.FailedCount = len(r.Failed)
			r.Failed = r.Failed[:min(len(r.Failed), maxListed)]
		}
	}
	if len(jd.Verdict.Ignored) > maxListed {
		jd.Verdict.Ignored = jd.Verdict.Ignored[:maxListed]
	}
}

// percent writes n as a share of of: "0.4%", "139%".
func percent(n, of int) string {
	p := float64(n) * 100 / float64(of)
	if p < 0.1 {
		return "less than 0.1%"
	}
	if p < 10 {
		return strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	return strconv.Itoa(int(p)) + "%"
}

// thousands writes n with thousands separators: 6,291,556.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pick returns a when cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
