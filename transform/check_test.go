package transform

import (
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// b64 encodes a payload the way Firehose and the functions do.
func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// testEvent builds a Direct PUT event of records given as recordId and
// payload pairs, arriving one millisecond apart from 2026-01-01.
func testEvent(recs ...[2]string) string {
	var b strings.Builder
	b.WriteString(`{"invocationId":"00000000-0000-4000-8000-000000000001",` +
		`"deliveryStreamArn":"arn:aws:firehose:us-east-1:123456789012:deliverystream/orders",` +
		`"region":"us-east-1","records":[`)
	for i, r := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"recordId":%q,"approximateArrivalTimestamp":%d,"data":%q}`, r[0], event.GenTimestamp+int64(i), b64(r[1]))
	}
	b.WriteString("]}")
	return b.String()
}

// threeRecords is the event most cases judge a response against.
var threeRecords = testEvent([2]string{"r0", `{"a":1}`}, [2]string{"r1", `{"b":2}`}, [2]string{"r2", `{"c":3}`})

// ok, dropped and failed write one output record.
func ok(id, data string) string {
	return fmt.Sprintf(`{"recordId":%q,"result":"Ok","data":%q}`, id, b64(data))
}
func dropped(id string) string { return fmt.Sprintf(`{"recordId":%q,"result":"Dropped"}`, id) }
func failed(id string) string  { return fmt.Sprintf(`{"recordId":%q,"result":"ProcessingFailed"}`, id) }

// records writes a response holding the output records.
func records(outs ...string) string { return `{"records":[` + strings.Join(outs, ",") + `]}` }

// outcomes sums up a verdict, one word per record: "delivered",
// "dropped", or "failed Lambda.MissingRecordId", each with its confidence.
func outcomes(rep *Report) []string {
	out := make([]string, len(rep.Verdict.Records))
	for i, v := range rep.Verdict.Records {
		out[i] = string(v.Outcome)
		if v.ErrorCode != "" {
			out[i] += " " + string(v.ErrorCode)
		}
		out[i] += " (" + string(v.Confidence) + ")"
	}
	return out
}

// findingCodes returns the codes of the report's findings.
func findingCodes(rep *Report) []string {
	var codes []string
	for _, f := range rep.Findings {
		codes = append(codes, string(f.Code))
	}
	return codes
}

// findingsWith returns the findings with a code.
func findingsWith(rep *Report, code Code) []Finding {
	var out []Finding
	for _, f := range rep.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

// at returns the text a range covers, the offsets being UTF-16 units.
func at(text string, start, end int) string {
	var idx []int // the byte offset of each UTF-16 unit
	for i, r := range text {
		idx = append(idx, i)
		if r > 0xffff {
			idx = append(idx, i)
		}
	}
	idx = append(idx, len(text))
	return text[idx[min(start, len(idx)-1)]:idx[min(end, len(idx)-1)]]
}

// checkInvariants checks what holds for every report, whatever the input
// and the response: ranges inside their documents, one verdict per record,
// counts that add up, S3 objects that hold the right records.
func checkInvariants(t *testing.T, rep *Report, input, response string) {
	t.Helper()
	input = strings.ToValidUTF8(input, "\ufffd")
	inLen := jsonpos.NewUTF16Index(input).At(len(input))
	respLen := jsonpos.NewUTF16Index(response).At(len(response))
	// The loops below run once per record: plain comparisons, and testify
	// only to report a failure.
	inside := func(what, doc string, start, end int) {
		t.Helper()
		n := inLen
		switch doc {
		case DocResponse:
			n = respLen
		case DocInput:
		default:
			t.Fatalf("%s: doc %q, want input or response", what, doc)
		}
		if !(0 <= start && start <= end && end <= n) {
			t.Fatalf("%s: range %d–%d outside the %s (%d units)", what, start, end, doc, n)
		}
	}
	for _, f := range rep.Findings {
		inside(string(f.Code), f.Doc, f.Start, f.End)
		require.Contains(t, []Severity{SevError, SevWarning, SevInfo}, f.Severity, f.Code)
		require.Contains(t, []Confidence{"", Confirmed, Likely, Unconfirmed}, f.Confidence, f.Code)
		for _, l := range f.Related {
			inside(string(f.Code)+" related", l.Doc, l.Start, l.End)
		}
	}
	if rep.Response != nil {
		for _, o := range rep.Response.Records {
			inside("response record", DocResponse, o.Start, o.End)
			switch o.Status {
			case report.StatusMatched, report.StatusDuplicate, report.StatusIgnored:
			default:
				t.Fatalf("output %d: status %q", o.Index, o.Status)
			}
			if (o.Status == report.StatusIgnored) != (o.Input < 0) {
				t.Fatalf("output %d: input %d with status %s", o.Index, o.Input, o.Status)
			}
		}
	}
	for _, g := range rep.Verdict.Ignored {
		inside("ignored", DocResponse, g.Start, g.End)
	}
	require.NotNil(t, rep.Verdict.Records)
	require.NotNil(t, rep.Verdict.Ignored)
	require.NotNil(t, rep.Verdict.Alternatives)
	if rep.Lambda.Body == nil && rep.Lambda.Error == nil {
		require.Empty(t, rep.Verdict.Records)
		return
	}
	require.Len(t, rep.Verdict.Records, len(rep.Records), "verdicts for the records of the window")
	require.Equal(t, rep.Window.Count, len(rep.Records))
	s := rep.Stats
	require.Equal(t, rep.Window.Total, s.Records)
	require.Equal(t, s.Records, s.Delivered+s.Dropped+s.Failed, "outcomes add up")
	require.Equal(t, len(rep.Verdict.Ignored), min(s.Ignored, firehose.MaxListed))
	inObject := map[int]string{}
	require.NotNil(t, rep.S3)
	for _, obj := range rep.S3.Objects {
		require.LessOrEqual(t, len(obj.Body), obj.Size)
		for _, i := range obj.Records {
			if _, dup := inObject[i]; dup {
				t.Fatalf("record %d in two objects", i)
			}
			inObject[i] = obj.Kind
		}
	}
	for _, v := range rep.Verdict.Records {
		i := v.Index
		switch {
		case v.Outcome != Delivered && v.Outcome != Dropped && v.Outcome != Failed:
			t.Fatalf("record %d: outcome %q", i, v.Outcome)
		case v.Confidence != Confirmed && v.Confidence != Likely && v.Confidence != Unconfirmed:
			t.Fatalf("record %d: confidence %q", i, v.Confidence)
		case (v.Outcome == Failed) != (v.ErrorCode != ""):
			t.Fatalf("record %d: %s with code %q", i, v.Outcome, v.ErrorCode)
		case v.Outcome == Failed && inObject[i] != ObjectProcessingFailed:
			t.Fatalf("failed record %d in object %q, want processing-failed", i, inObject[i])
		case v.Outcome == Dropped && inObject[i] != "":
			t.Fatalf("dropped record %d in a %s object", i, inObject[i])
		}
		if b := rep.Verdict.BatchError; b != nil && v.ErrorCode != b.ErrorCode {
			t.Fatalf("record %d: code %s under batch error %s", i, v.ErrorCode, b.ErrorCode)
		}
	}
}

// verdictCase is one row of docs/firehose-contract.md's table, judged.
type verdictCase struct {
	name     string
	event    string // threeRecords when empty
	response string
	opts     firehose.Options
	batch    Code       // the batch error's code, "" when there is none
	conf     Confidence // the batch error's confidence
	attempts int        // the batch error's attemptsMade
	outcomes []string
	ignored  []string // recordIds of the ignored output records
	alts     []Code   // codes of the alternatives
	codes    []Code   // codes of findings the report must have
}

func retries(n int) *int { return &n }

// TestFirehoseTable judges one response per row of docs/firehose-contract.md §3.
func TestFirehoseTable(t *testing.T) {
	all := func(o string) []string { return []string{o, o, o} }
	cases := []verdictCase{
		{name: "row01 valid answer, every id once", response: records(ok("r0", "A\n"), dropped("r1"), failed("r2")),
			outcomes: []string{"delivered (confirmed)", "dropped (confirmed)", "failed Lambda.ProcessingFailedStatus (confirmed)"},
			codes:    []Code{report.CodeProcessingFailed}},
		{name: "row01 order does not matter", response: records(ok("r2", "C\n"), ok("r0", "A\n"), ok("r1", "B\n")),
			outcomes: all("delivered (confirmed)")},
		{name: "row02 ProcessingFailed", response: records(failed("r0"), failed("r1"), ok("r2", "C\n")),
			outcomes: []string{"failed Lambda.ProcessingFailedStatus (confirmed)", "failed Lambda.ProcessingFailedStatus (confirmed)", "delivered (confirmed)"},
			codes:    []Code{report.CodeProcessingFailed, report.CodeProcessingFailed}},
		{name: "row03 a recordId missing", response: records(ok("r0", "A\n"), ok("r2", "C\n")),
			outcomes: []string{"delivered (confirmed)", "failed Lambda.MissingRecordId (confirmed)", "delivered (confirmed)"},
			codes:    []Code{report.CodeMissingID}},
		{name: "row03 a recordId changed", response: records(ok("r0", "A\n"), ok("R1", "B\n"), ok("r2", "C\n")),
			outcomes: []string{"delivered (confirmed)", "failed Lambda.MissingRecordId (confirmed)", "delivered (confirmed)"},
			ignored:  []string{"R1"}, codes: []Code{report.CodeMissingID, "response.ignoredRecordId", "response.lostRows"}},
		{name: "row04 a recordId not in the input", response: records(ok("r0", "A\n"), ok("r1", "B\n"), ok("r2", "C\n"), ok("r9", "lost 1\nlost 2\n")),
			outcomes: all("delivered (confirmed)"), ignored: []string{"r9"},
			codes: []Code{"response.ignoredRecordId", "response.lostRows"}},
		{name: "row05 the same recordId twice", response: records(ok("r0", "A\n"), ok("r0", "A2\n"), ok("r1", "B\n"), ok("r2", "C\n")),
			outcomes: []string{"failed Lambda.DuplicatedRecordId (unconfirmed)", "delivered (unconfirmed)", "delivered (unconfirmed)"},
			alts:     []Code{report.CodeDuplicatedID}, codes: []Code{report.CodeDuplicatedID}},
		{name: "row06 records empty", response: `{"records":[]}`,
			outcomes: all("failed Lambda.MissingRecordId (unconfirmed)"), alts: []Code{"response.records"}, codes: []Code{"response.records"}},
		{name: "row06 records missing", response: `{"Records":[]}`,
			outcomes: all("failed Lambda.MissingRecordId (unconfirmed)"), alts: []Code{"response.records"}, codes: []Code{"response.records"}},
		{name: "row06 records null", response: `{"records":null}`,
			outcomes: all("failed Lambda.MissingRecordId (unconfirmed)"), alts: []Code{"response.records"}, codes: []Code{"response.records"}},
		{name: "row06 records not an array", response: `{"records":{"recordId":"r0"}}`,
			outcomes: all("failed Lambda.MissingRecordId (unconfirmed)"), alts: []Code{"response.records"}, codes: []Code{"response.records"}},
		{name: "row07 result OK", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"OK","data":"Qgo="}`, ok("r2", "C\n")),
			batch: report.CodeJSON, conf: Unconfirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (unconfirmed)"),
			alts: []Code{"response.result"}, codes: []Code{"response.result"}},
		{name: "row07 result ok and missing", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"ok","data":"Qgo="}`, `{"recordId":"r2","data":"Qwo="}`),
			batch: report.CodeJSON, conf: Unconfirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (unconfirmed)"),
			alts: []Code{"response.result"}, codes: []Code{"response.result", "response.result"}},
		{name: "row08 Ok without data", response: records(`{"recordId":"r0","result":"Ok"}`, `{"recordId":"r1","result":"Ok","data":null}`, ok("r2", "C\n")),
			outcomes: []string{"failed Lambda.InvalidReturnFormat (unconfirmed)", "failed Lambda.InvalidReturnFormat (unconfirmed)", "delivered (unconfirmed)"},
			alts:     []Code{report.CodeInvalidFormat}, codes: []Code{report.CodeInvalidFormat, report.CodeInvalidFormat}},
		{name: "row09 data not base64", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"Ok","data":"not base64!"}`, ok("r2", "C\n")),
			batch: report.CodeFunctionError, conf: Unconfirmed, attempts: 4, outcomes: all("failed Lambda.FunctionError (unconfirmed)"),
			alts: []Code{"response.base64"}, codes: []Code{"response.base64"}},
		{name: "row09 data unpadded", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"Dropped","data":"Qgo"}`, ok("r2", "C\n")),
			batch: report.CodeFunctionError, conf: Unconfirmed, attempts: 4, outcomes: all("failed Lambda.FunctionError (unconfirmed)"),
			alts: []Code{"response.base64"}, codes: []Code{"response.base64"}},
		{name: "row10 body not JSON", response: `{"records": [{"recordId": "r0", "result": "Ok", "data": "QQo="},]}`,
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row10 body a list", response: `[` + ok("r0", "A\n") + `]`,
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row10 body a string", response: `"{\"records\":[]}"`,
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row10 a number for a recordId", response: records(ok("r0", "A\n"), `{"recordId":1,"result":"Ok","data":"Qgo="}`, ok("r2", "C\n")),
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row10 a record that is not an object", response: records(ok("r0", "A\n"), `"r1"`, ok("r2", "C\n")),
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row10 data a list of bytes", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"Ok","data":[66,10]}`, ok("r2", "C\n")),
			batch: report.CodeJSON, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.JsonProcessingException (confirmed)"), codes: []Code{report.CodeJSON}},
		{name: "row11 the function throws", response: `{"errorMessage": "'data'", "errorType": "KeyError", "requestId": "x", "stackTrace": []}`,
			batch: report.CodeFunctionError, conf: Confirmed, attempts: 4, outcomes: all("failed Lambda.FunctionError (confirmed)"), codes: []Code{report.CodeFunctionError}},
		{name: "row11 NumberOfRetries 0", response: `{"errorType":"Error","errorMessage":"boom"}`, opts: firehose.Options{Retries: retries(0)},
			batch: report.CodeFunctionError, conf: Confirmed, attempts: 1, outcomes: all("failed Lambda.FunctionError (confirmed)"), codes: []Code{report.CodeFunctionError}},
		{name: "row11 NumberOfRetries 5", response: `{"errorType":"Error","errorMessage":"boom"}`, opts: firehose.Options{Retries: retries(5)},
			batch: report.CodeFunctionError, conf: Confirmed, attempts: 6, outcomes: all("failed Lambda.FunctionError (confirmed)"), codes: []Code{report.CodeFunctionError}},
		{name: "row12 the function times out", response: `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: 1 Error: Task timed out after 300.00 seconds"}`,
			batch: report.CodeTimedOut, conf: Confirmed, attempts: 4, outcomes: all("failed Lambda.FunctionTimedOut (confirmed)"), codes: []Code{report.CodeTimedOut}},
		{name: "row12 an older timeout object", response: `{"errorMessage":"2019-01-01T00:00:00.000Z 1 Task timed out after 300.00 seconds"}`,
			batch: report.CodeTimedOut, conf: Confirmed, attempts: 4, outcomes: all("failed Lambda.FunctionTimedOut (confirmed)"), codes: []Code{report.CodeTimedOut}},
		{name: "row13 response over 6 MB", response: records(ok("r0", strings.Repeat("x", LambdaPayloadLimit))),
			batch: report.CodeFunctionError, conf: Likely, attempts: 4, outcomes: all("failed Lambda.FunctionError (likely)"), codes: []Code{report.CodeTooLarge}},
		{name: "row14 throttled", response: `{"errorType":"TooManyRequestsException","errorMessage":"Rate Exceeded."}`,
			batch: report.CodeInvokeLimit, conf: Confirmed, attempts: 4, outcomes: all("failed Lambda.InvokeLimitExceeded (confirmed)"), codes: []Code{report.CodeInvokeLimit}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			event := c.event
			if event == "" {
				event = threeRecords
			}
			rep := Check(event, c.response, c.opts)
			checkInvariants(t, rep, event, c.response)
			assert.Equal(t, c.outcomes, outcomes(rep))
			if c.batch == "" {
				assert.Nil(t, rep.Verdict.BatchError)
			} else if assert.NotNil(t, rep.Verdict.BatchError) {
				b := rep.Verdict.BatchError
				assert.Equal(t, c.batch, b.ErrorCode)
				assert.Equal(t, c.conf, b.Confidence)
				assert.Equal(t, c.attempts, b.AttemptsMade, "attemptsMade")
				assert.NotEmpty(t, b.ErrorMessage)
				// Only row 7's code is a stand-in for an error Firehose names otherwise.
				assert.Equal(t, strings.HasPrefix(c.name, "row07"), b.Note != "", "a note on the batch error's code: %q", b.Note)
			}
			var ignored []string
			var alts []Code
			for _, g := range rep.Verdict.Ignored {
				ignored = append(ignored, g.RecordID)
			}
			for _, a := range rep.Verdict.Alternatives {
				alts = append(alts, a.Code)
				assert.GreaterOrEqual(t, len(a.Readings), 2, "%s: readings", a.Code)
			}
			assert.Equal(t, c.ignored, ignored, "ignored")
			assert.Equal(t, c.alts, alts, "alternatives")
			codes := findingCodes(rep)
			for _, code := range c.codes {
				assert.Contains(t, codes, string(code))
			}
			// Every failure names the real message of its code.
			for _, v := range rep.Verdict.Records {
				if msg, known := realMessages[v.ErrorCode]; known {
					assert.Equal(t, msg, v.ErrorMessage, v.ErrorCode)
				}
			}
		})
	}
}

// realMessages are the messages real Firehose error objects carry.
var realMessages = map[Code]string{
	"Lambda.ProcessingFailedStatus":  "ProcessingFailed status set for record",
	"Lambda.MissingRecordId":         "One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.",
	"Lambda.DuplicatedRecordId":      "Multiple records were returned with the same record Id. Ensure that the Lambda function returns a unique record Id for each record.",
	"Lambda.JsonProcessingException": "There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Data Firehose.",
	"Lambda.FunctionError":           "The Lambda function was successfully invoked but it returned an error result.",
	"Lambda.FunctionTimedOut":        "The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function.",
}

// TestResponseSizeLimit checks the limit to the byte: 6,291,556 bytes is
// allowed, one more fails the batch.
func TestResponseSizeLimit(t *testing.T) {
	event := testEvent([2]string{"r0", "{}"})
	head := `{"records":[{"recordId":"r0","result":"Ok","data":"`
	tail := `"}]}`
	pad := LambdaPayloadLimit - len(head) - len(tail)
	pad -= pad % 4
	body := head + strings.Repeat("QUFB", pad/4) + tail
	body += strings.Repeat(" ", LambdaPayloadLimit-len(body))
	require.Len(t, body, LambdaPayloadLimit)

	rep := Check(event, body, firehose.Options{})
	assert.Equal(t, []string{"delivered (confirmed)"}, outcomes(rep))
	size := findingsWith(rep, "response.size")
	require.Len(t, size, 1)
	assert.Equal(t, SevWarning, size[0].Severity)
	assert.Contains(t, size[0].Message, "100% of Lambda's 6 MB response limit")

	rep = Check(event, body+" ", firehose.Options{})
	assert.Equal(t, []string{"failed Lambda.FunctionError (likely)"}, outcomes(rep))
	tooLarge := findingsWith(rep, report.CodeTooLarge)
	require.Len(t, tooLarge, 1)
	assert.Contains(t, tooLarge[0].Message, `"Response payload size exceeded maximum allowed payload size (6291556 bytes)."`)
	assert.Equal(t, Likely, tooLarge[0].Confidence)
	assert.Equal(t, LambdaPayloadLimit+1, rep.Stats.ResponseBytes)
}

// TestFindingsPointIntoBothDocuments checks that a finding about a
// response record points at it in the response, and at the input record
// it concerns in the input.
func TestFindingsPointIntoBothDocuments(t *testing.T) {
	event := testEvent([2]string{"주문-0", `{"상품":"사과"}`}, [2]string{"주문-1", `{"상품":"배"}`})
	response := records(ok("주문-0", "사과\n"), ok("주문-0", "🍎\n"), ok("주문-9", "배\n"))
	rep := Check(event, response, firehose.Options{})
	checkInvariants(t, rep, event, response)

	dup := findingsWith(rep, report.CodeDuplicatedID)
	require.Len(t, dup, 1)
	assert.Equal(t, DocResponse, dup[0].Doc)
	assert.Equal(t, `"주문-0"`, at(response, dup[0].Start, dup[0].End), "the repeated recordId")
	assert.Equal(t, 0, dup[0].Record)
	assert.Equal(t, 1, dup[0].Output)
	require.Len(t, dup[0].Related, 2)
	assert.Equal(t, DocResponse, dup[0].Related[0].Doc)
	assert.Equal(t, `"주문-0"`, at(response, dup[0].Related[0].Start, dup[0].Related[0].End))
	assert.Equal(t, DocInput, dup[0].Related[1].Doc)
	assert.True(t, strings.HasPrefix(at(event, dup[0].Related[1].Start, dup[0].Related[1].End), `{"recordId":"주문-0"`))

	missing := findingsWith(rep, report.CodeMissingID)
	require.Len(t, missing, 1)
	assert.Equal(t, DocInput, missing[0].Doc)
	assert.Equal(t, `"주문-1"`, at(event, missing[0].Start, missing[0].End))

	require.Len(t, rep.Verdict.Ignored, 1)
	g := rep.Verdict.Ignored[0]
	assert.Equal(t, ok("주문-9", "배\n"), at(response, g.Start, g.End), "the ignored record's range")

	for _, o := range rep.Response.Records {
		assert.True(t, strings.HasPrefix(at(response, o.Start, o.End), `{"recordId":`), "output %d", o.Index)
	}

	// A ProcessingFailed record: the finding is about the input record.
	response = records(ok("주문-0", "사과\n"), failed("주문-1"))
	rep = Check(event, response, firehose.Options{})
	checkInvariants(t, rep, event, response)
	pf := findingsWith(rep, report.CodeProcessingFailed)
	require.Len(t, pf, 1)
	assert.Equal(t, DocInput, pf[0].Doc)
	assert.Equal(t, `"주문-1"`, at(event, pf[0].Start, pf[0].End))
	require.Len(t, pf[0].Related, 1)
	assert.Equal(t, `"ProcessingFailed"`, at(response, pf[0].Related[0].Start, pf[0].Related[0].End))
}

// TestPastedErrorObject checks that an error object replaces the body.
func TestPastedErrorObject(t *testing.T) {
	response := `{"errorType": "ValueError", "errorMessage": "bad input"}`
	rep := Check(threeRecords, response, firehose.Options{})
	assert.Nil(t, rep.Lambda.Body)
	require.NotNil(t, rep.Lambda.Error)
	assert.Equal(t, LambdaError{ErrorType: "ValueError", ErrorMessage: "bad input", Record: -1}, *rep.Lambda.Error)
	assert.Nil(t, rep.Response)
	fe := findingsWith(rep, report.CodeFunctionError)
	require.Len(t, fe, 1)
	assert.Equal(t, `"bad input"`, at(response, fe[0].Start, fe[0].End))
	assert.Contains(t, fe[0].Message, "attemptsMade 4")

	// Every record lands in processing-failed/ with attemptsMade 4.
	require.Len(t, rep.S3.Objects, 1)
	obj := rep.S3.Objects[0]
	assert.Equal(t, ObjectProcessingFailed, obj.Kind)
	assert.Equal(t, []int{0, 1, 2}, obj.Records)
	assert.Equal(t, 3, strings.Count(obj.Body, `"attemptsMade":4,`))
}

// TestMSKResponse checks that records from Amazon MSK are read from
// kafkaRecordValue, in the response as in the event.
func TestMSKResponse(t *testing.T) {
	event, err := os.ReadFile("testdata/check/msk.event.json")
	require.NoError(t, err)
	response := `{"records":[{"recordId":"m0","result":"Ok","kafkaRecordValue":"eyJhIjoxfQo="},` +
		`{"recordId":"m1","result":"Ok","data":"eyJiIjoyfQo="}]}`
	rep := Check(string(event), response, firehose.Options{})
	checkInvariants(t, rep, string(event), response)
	assert.Equal(t, SourceMSK, rep.Source)
	assert.Equal(t, []string{"delivered (unconfirmed)", "failed Lambda.InvalidReturnFormat (unconfirmed)"}, outcomes(rep))
	bad := findingsWith(rep, report.CodeInvalidFormat)
	require.Len(t, bad, 1)
	assert.Contains(t, bad[0].Message, `return their bytes in "kafkaRecordValue"`)
	assert.Equal(t, "{\"a\":1}\n", rep.S3.Objects[0].Body)

	// The ndjson preset answers in kafkaRecordValue: all is well.
	rep = Run(Request{Input: string(event), Preset: PresetNDJSON})
	assert.Equal(t, []string{"delivered (confirmed)", "delivered (confirmed)"}, outcomes(rep))
}

// TestSeedLessons checks what docs/seed-lambda.md says the playground teaches.
func TestSeedLessons(t *testing.T) {
	three := testEvent([2]string{"R", `[{"n": 1}, {"n": 2}, {"n": 3}]`}, [2]string{"S", `[{"m": 1}]`})

	t.Run("v1 repeats the recordId", func(t *testing.T) {
		rep := Run(Request{Input: three, Preset: PresetSeedV1})
		checkInvariants(t, rep, three, *rep.Lambda.Body)
		assert.Equal(t, []string{"failed Lambda.DuplicatedRecordId (unconfirmed)", "delivered (unconfirmed)"}, outcomes(rep))
		assert.Len(t, findingsWith(rep, report.CodeDuplicatedID), 2)
		require.Len(t, rep.Verdict.Alternatives, 1)
		alt := rep.Verdict.Alternatives[0]
		assert.Equal(t, []int{0}, alt.Readings[0].Failed, "only the duplicated record")
		assert.Nil(t, alt.Readings[0].BatchError)
		assert.Equal(t, []int{0, 1}, alt.Readings[1].Failed, "the whole batch")
		assert.Equal(t, report.CodeDuplicatedID, alt.Readings[1].BatchError.ErrorCode)
		assert.Equal(t, []int{0, 1, 2}, rep.Records[0].Outputs)
	})

	t.Run("later version keeps the first object and loses the rest", func(t *testing.T) {
		rep := Run(Request{Input: three, Preset: PresetSeed})
		body := *rep.Lambda.Body
		checkInvariants(t, rep, three, body)
		assert.Equal(t, []string{"delivered (confirmed)", "delivered (confirmed)"}, outcomes(rep))
		var ids []string
		for _, g := range rep.Verdict.Ignored {
			ids = append(ids, g.RecordID)
			assert.Equal(t, 1, g.Rows)
		}
		assert.Equal(t, []string{"R1", "R2"}, ids)
		assert.Equal(t, 2, rep.Stats.LostRows)
		assert.Equal(t, 2, rep.Stats.Ignored)
		ign := findingsWith(rep, "response.ignoredRecordId")
		require.Len(t, ign, 2)
		assert.Equal(t, SevError, ign[0].Severity)
		assert.Equal(t, Likely, ign[0].Confidence)
		assert.Contains(t, ign[0].Message, "lost silently")
		assert.Contains(t, ign[0].Message, `record 0's ("R") with "1" appended`)
		assert.Equal(t, `"R1"`, at(body, ign[0].Start, ign[0].End))
		lost := findingsWith(rep, "response.lostRows")
		require.Len(t, lost, 1)
		assert.Contains(t, lost[0].Message, "2 rows")
		// S3 gets the first object of R only, glued to S's.
		require.Len(t, rep.S3.Objects, 1)
		assert.Equal(t, `{"n": "\"1\""}{"m": "\"1\""}`, rep.S3.Objects[0].Body)
		assert.Len(t, findingsWith(rep, "response.delimiter"), 2)
	})

	t.Run("ids collide", func(t *testing.T) {
		event := testEvent([2]string{"a", `[{"x": 1}, {"x": 2}]`}, [2]string{"a1", `[{"y": 1}]`})
		rep := Run(Request{Input: event, Preset: PresetSeed})
		checkInvariants(t, rep, event, *rep.Lambda.Body)
		assert.Equal(t, []string{"delivered (unconfirmed)", "failed Lambda.DuplicatedRecordId (unconfirmed)"}, outcomes(rep))
		assert.Empty(t, rep.Verdict.Ignored)
	})

	t.Run("an empty list makes the record vanish", func(t *testing.T) {
		event := testEvent([2]string{"e0", `[]`}, [2]string{"e1", `{}`}, [2]string{"e2", `[{"a": 1}]`})
		rep := Run(Request{Input: event, Preset: PresetSeed})
		checkInvariants(t, rep, event, *rep.Lambda.Body)
		assert.Equal(t, []string{"failed Lambda.MissingRecordId (confirmed)", "failed Lambda.MissingRecordId (confirmed)", "delivered (confirmed)"}, outcomes(rep))
		assert.Len(t, findingsWith(rep, report.CodeMissingID), 2)
	})

	t.Run("one bad record fails the whole batch four times", func(t *testing.T) {
		event := testEvent([2]string{"g0", `[{"a": 1}]`}, [2]string{"g1", ``}, [2]string{"g2", `[{"b": 2}]`})
		rep := Run(Request{Input: event, Preset: PresetSeed})
		require.NotNil(t, rep.Lambda.Error)
		assert.Equal(t, "JSONDecodeError", rep.Lambda.Error.ErrorType)
		checkInvariants(t, rep, event, "")
		assert.Equal(t, []string{"failed Lambda.FunctionError (confirmed)", "failed Lambda.FunctionError (confirmed)", "failed Lambda.FunctionError (confirmed)"}, outcomes(rep))
		assert.Equal(t, &BatchError{ErrorCode: report.CodeFunctionError, ErrorMessage: report.MsgFunctionError, AttemptsMade: 4, Confidence: Confirmed}, rep.Verdict.BatchError)
		fe := findingsWith(rep, report.CodeFunctionError)
		require.Len(t, fe, 1)
		assert.Equal(t, DocInput, fe[0].Doc)
		assert.Equal(t, 1, fe[0].Record)
		require.Len(t, rep.S3.Objects, 1)
		obj := rep.S3.Objects[0]
		assert.Equal(t, []int{0, 1, 2}, obj.Records)
		lines := strings.Split(strings.TrimSuffix(obj.Body, "\n"), "\n")
		require.Len(t, lines, 3)
		assert.Contains(t, lines[0], `"rawData":"`+b64(`[{"a": 1}]`)+`"`)
		assert.Contains(t, lines[1], `"rawData":""`)
		for _, l := range lines {
			assert.Contains(t, l, `"errorCode":"Lambda.FunctionError","errorMessage":"The Lambda function was successfully invoked but it returned an error result.","attemptsMade":4,`)
		}
	})

	t.Run("Korean text doubles the size", func(t *testing.T) {
		row := `{"이름": "김철수", "주소": "서울특별시 강남구 테헤란로", "메모": "배송 전에 전화 주세요"}`
		var recs [][2]string
		for i := range 40 {
			recs = append(recs, [2]string{fmt.Sprintf("k%d", i), "[" + strings.Repeat(row+", ", 4) + row + "]"})
		}
		event := testEvent(recs...)
		rep := Run(Request{Input: event, Preset: PresetSeed})
		size := findingsWith(rep, "response.size")
		require.Len(t, size, 1)
		assert.Equal(t, SevWarning, size[0].Severity)
		assert.Contains(t, size[0].Message, "a 3 MB batch (Firehose's largest Lambda buffer) would produce")
	})

	t.Run("English text grows by half", func(t *testing.T) {
		row := `{"name": "Jane Doe", "address": {"city": "Seattle", "zip": "98101"}, "note": "call before delivery"}`
		var recs [][2]string
		for i := range 40 {
			recs = append(recs, [2]string{fmt.Sprintf("e%d", i), "[" + strings.Repeat(row+", ", 4) + row + "]"})
		}
		rep := Run(Request{Input: testEvent(recs...), Preset: PresetSeedV1})
		size := findingsWith(rep, "response.size")
		require.Len(t, size, 1)
		assert.Equal(t, SevInfo, size[0].Severity)
		assert.Regexp(t, `It is 1\.\d\d× the size of the event\.$`, size[0].Message)
	})

	t.Run("the correct shape", func(t *testing.T) {
		rep := Run(Request{Input: three, Preset: PresetNDJSON})
		checkInvariants(t, rep, three, *rep.Lambda.Body)
		assert.Equal(t, []string{"delivered (confirmed)", "delivered (confirmed)"}, outcomes(rep))
		assert.Empty(t, rep.Verdict.Ignored)
		assert.Empty(t, findingsWith(rep, "response.delimiter"))
		require.Len(t, rep.S3.Objects, 1)
		assert.Equal(t, 4, strings.Count(rep.S3.Objects[0].Body, "\n"), "four rows, one per line")
	})
}

// TestLostOutputsPerRecord checks that each record's verdict counts the
// outputs made of it that Firehose ignores, and their rows, and that each
// output says which record it was made of.
func TestLostOutputsPerRecord(t *testing.T) {
	three := testEvent([2]string{"R", `[{"n": 1}, {"n": 2}, {"n": 3}]`}, [2]string{"S", `[{"m": 1}]`})
	lost := func(rep *Report) [][2]int {
		var out [][2]int
		for _, v := range rep.Verdict.Records {
			out = append(out, [2]int{v.LostOutputs, v.LostRows})
		}
		return out
	}
	tests := []struct {
		name     string
		req      Request
		want     [][2]int
		outcomes []string
		from     []int // each output's From
	}{
		{"the seed keeps the first object", Request{Input: three, Preset: PresetSeed},
			[][2]int{{2, 2}, {0, 0}}, []string{"delivered (confirmed)", "delivered (confirmed)"}, []int{0, 0, 0, 1}},
		{"the fix loses nothing", Request{Input: three, Preset: PresetNDJSON},
			[][2]int{{0, 0}, {0, 0}}, []string{"delivered (confirmed)", "delivered (confirmed)"}, []int{0, 1}},
		{"a pasted response: ids with a number appended", Request{Input: three, Response: `{"records": [
			{"recordId": "R", "result": "Ok", "data": "` + b64("a\nb") + `"},
			{"recordId": "R7", "result": "Ok", "data": "` + b64("c\nd\ne") + `"},
			{"recordId": "S", "result": "Ok", "data": "` + b64("f") + `"},
			{"recordId": "elsewhere", "result": "Ok", "data": "` + b64("g") + `"}]}`},
			[][2]int{{1, 3}, {0, 0}}, []string{"delivered (confirmed)", "delivered (confirmed)"}, []int{-1, 0, -1, -1}},
		{"an ignored output without data loses no row", Request{Input: three, Response: `{"records": [
			{"recordId": "R", "result": "Ok", "data": "` + b64("a") + `"},
			{"recordId": "R1", "result": "Dropped"},
			{"recordId": "S", "result": "Ok", "data": "` + b64("f") + `"}]}`},
			[][2]int{{1, 0}, {0, 0}}, []string{"delivered (confirmed)", "delivered (confirmed)"}, []int{-1, 0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Run(tt.req)
			assert.Equal(t, tt.outcomes, outcomes(rep))
			assert.Equal(t, tt.want, lost(rep))
			var from []int
			for _, o := range rep.Response.Records {
				from = append(from, o.From)
			}
			assert.Equal(t, tt.from, from, "the record each output was made of")
			sum := 0
			for _, v := range rep.Verdict.Records {
				sum += v.LostRows
			}
			assert.LessOrEqual(t, sum, rep.Stats.LostRows, "a record's lost rows are counted in the stats")
		})
	}
}

// TestPresetsAreJudged checks that every preset's answer is judged.
func TestPresetsAreJudged(t *testing.T) {
	event := testEvent([2]string{"r0", `[{"a": 1}]`}, [2]string{"r1", `[{"b": {"c": 2}}]`}, [2]string{"r2", `[]`})
	for _, preset := range Presets {
		t.Run(preset, func(t *testing.T) {
			rep := Run(Request{Input: event, Preset: preset})
			body := ""
			if rep.Lambda.Body != nil {
				body = *rep.Lambda.Body
			}
			checkInvariants(t, rep, event, body)
			require.NotNil(t, rep.Response)
			assert.Equal(t, []int{0}, rep.Records[0].Outputs)
			assert.Equal(t, []int{1}, rep.Records[1].Outputs)
			assert.Equal(t, 3, rep.Stats.Delivered+rep.Stats.Dropped+rep.Stats.Failed)
			assert.Positive(t, rep.Stats.ResponseBytes)
		})
	}
	rep := Run(Request{Input: threeRecords, Preset: "nope"})
	assert.Empty(t, rep.Verdict.Records)
	assert.Nil(t, rep.S3)
}

// TestCheckTestdata judges every response under testdata/check against
// its event: none may break the invariants.
func TestCheckTestdata(t *testing.T) {
	responses, err := filepath.Glob("testdata/check/*.response.json")
	require.NoError(t, err)
	require.NotEmpty(t, responses)
	for _, path := range responses {
		t.Run(filepath.Base(path), func(t *testing.T) {
			resp, err := os.ReadFile(path)
			require.NoError(t, err)
			event, err := os.ReadFile(strings.Split(path, ".")[0] + ".event.json")
			require.NoError(t, err)
			rep := Check(string(event), string(resp), firehose.Options{})
			checkInvariants(t, rep, string(event), string(resp))
			golden(t, strings.TrimSuffix(path, ".response.json")+".verdict.golden", verdictText(rep))
		})
	}
}

// update rewrites golden files with what the engine produces now (never
// the outputs recorded from the Python handler).
var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

// golden compares got with the golden file at path, or rewrites it.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test ./transform -run %s -update", t.Name())
	assert.Equal(t, string(want), got, "%s differs (go test -update rewrites it)", path)
}

// verdictText is a readable summary of a verdict, for golden files.
func verdictText(rep *Report) string {
	var b strings.Builder
	for i, o := range outcomes(rep) {
		fmt.Fprintf(&b, "record %d %q: %s\n", i, rep.Verdict.Records[i].RecordID, o)
	}
	if be := rep.Verdict.BatchError; be != nil {
		fmt.Fprintf(&b, "batch: %s after %d attempts (%s): %s\n", be.ErrorCode, be.AttemptsMade, be.Confidence, be.ErrorMessage)
	}
	for _, g := range rep.Verdict.Ignored {
		fmt.Fprintf(&b, "ignored: %q\n", g.RecordID)
	}
	for _, a := range rep.Verdict.Alternatives {
		fmt.Fprintf(&b, "alternative %s: %s\n", a.Code, a.Message)
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "finding %s %s %s %d-%d: %s\n", f.Severity, f.Code, f.Doc, f.Start, f.End, f.Message)
	}
	for _, o := range rep.S3.Objects {
		fmt.Fprintf(&b, "s3 %s %s (%d bytes)\n", o.Kind, o.Key, o.Size)
	}
	return b.String()
}

// TestFindingsAreCapped checks that a response with hundreds of thousands
// of bad records yields a report whose findings and lists stay bounded.
func TestFindingsAreCapped(t *testing.T) {
	const n = 200_000
	response := `{"records":[` + strings.Repeat(`{},`, n-1) + `{}]}`
	rep := Check(threeRecords, response, firehose.Options{})
	checkInvariants(t, rep, threeRecords, response)
	assert.Equal(t, n, rep.Stats.Outputs)
	assert.Less(t, len(rep.Findings), 1000)
	assert.Equal(t, n, rep.Stats.Ignored)
	assert.Len(t, rep.Verdict.Ignored, firehose.MaxListed, "the report lists the first ones")
	assert.Len(t, rep.Response.Records, firehose.MaxListed, "and the response records about them")
	assert.Equal(t, n, rep.Response.Total)
	assert.Equal(t, report.CodeJSON, rep.Verdict.BatchError.ErrorCode, "a missing result fails the batch in the primary reading")
	summary := findingsWith(rep, "response.result")
	assert.Len(t, summary, report.MaxFindingsPerCode+1)
	assert.Contains(t, summary[report.MaxFindingsPerCode].Message, "199,900 more findings")
}

// TestDecodedOutputs checks which response records show their data, and
// how: text, or a hex dump for bytes that are not UTF-8.
func TestDecodedOutputs(t *testing.T) {
	binary := string([]byte{0x1f, 0x8b, 0xff, 0x00}) + strings.Repeat("\xfe", 20<<10)
	response := records(ok("r0", "A\n"), ok("r1", binary), ok("r2", "C\n"), ok("lost", "L\n"))
	rep := Run(Request{Input: threeRecords, Response: response, Detail: Detail{From: 1, Count: 1}})
	checkInvariants(t, rep, threeRecords, response)
	outs := rep.Response.Records
	assert.Empty(t, outs[0].Decoded, "record 0 has no details")
	assert.True(t, strings.HasPrefix(outs[1].Decoded, "00000000  1f 8b ff 00 fe fe"), outs[1].Decoded[:40])
	assert.True(t, outs[1].Truncated)
	assert.LessOrEqual(t, len(outs[1].Decoded), firehose.MaxOutDecoded)
	assert.Equal(t, len(binary), outs[1].Size)
	assert.Empty(t, outs[2].Decoded, "record 2 has no details")
	assert.Equal(t, "L\n", outs[3].Decoded, "ignored records show what is lost")
	assert.Equal(t, 1, outs[3].Rows)
}

// TestDoubleEncodedResponse checks the hint for a response encoded twice,
// what a Python handler returning json.dumps(…) gives.
func TestDoubleEncodedResponse(t *testing.T) {
	rep := Check(threeRecords, `"{\"records\": []}"`, firehose.Options{})
	jpe := findingsWith(rep, report.CodeJSON)
	require.Len(t, jpe, 1)
	assert.Contains(t, jpe[0].Message, "JSON encoded twice")
	assert.Contains(t, jpe[0].Message, `"There was an error parsing returned records from the Lambda function.`)
}

// TestFidelity covers the cases where the playground would claim more than
// is known (issue: a BOM, an event that repeats a recordId, data that is
// not base64, an envelope Firehose never sends): each row gives the
// verdict, its confidence, the readings, and the findings with their
// confidence and the text they point at.
func TestFidelity(t *testing.T) {
	repeatsID := testEvent([2]string{"r0", `{"a":1}`}, [2]string{"r0", `{"b":2}`}, [2]string{"r2", `{"c":3}`})
	envelope := func(arn, extra string) string {
		return `{"invocationId":"00000000-0000-4000-8000-000000000001","deliveryStreamArn":` + arn + extra +
			`,"region":"us-east-1","records":[{"recordId":"r0","approximateArrivalTimestamp":1767225600000,"data":"eyJhIjoxfQ=="}]}`
	}
	type found struct {
		code Code
		conf Confidence
		text string
	}
	cases := []struct {
		name     string
		event    string // threeRecords when empty
		response string
		batch    string // the batch error's code and confidence: "Lambda.X (unconfirmed)"
		outcomes []string
		alts     []Code
		readings []int // records failing under each reading of the first alternative
		findings []found
	}{
		{name: "a response starting with a BOM", response: "\ufeff" + records(ok("r0", "A\n"), ok("r1", "B\n"), dropped("r2")),
			batch: "Lambda.JsonProcessingException (unconfirmed)", outcomes: []string{"failed Lambda.JsonProcessingException (unconfirmed)",
				"failed Lambda.JsonProcessingException (unconfirmed)", "failed Lambda.JsonProcessingException (unconfirmed)"},
			alts: []Code{report.CodeFidBOM}, readings: []int{3, 0},
			findings: []found{{report.CodeFidBOM, Unconfirmed, "\ufeff"}}},
		{name: "a BOM and a missing record", response: "\ufeff" + records(ok("r0", "A\n"), ok("r2", "C\n")),
			batch: "Lambda.JsonProcessingException (unconfirmed)", outcomes: []string{"failed Lambda.JsonProcessingException (unconfirmed)",
				"failed Lambda.JsonProcessingException (unconfirmed)", "failed Lambda.JsonProcessingException (unconfirmed)"},
			alts: []Code{report.CodeFidBOM}, readings: []int{3, 1},
			findings: []found{{report.CodeFidBOM, Unconfirmed, "\ufeff"}, {report.CodeMissingID, Confirmed, `"r1"`}}},
		{name: "a BOM before a body that is not JSON stays confirmed", response: "\ufeff{\"records\": [",
			batch: "Lambda.JsonProcessingException (confirmed)", outcomes: []string{"failed Lambda.JsonProcessingException (confirmed)",
				"failed Lambda.JsonProcessingException (confirmed)", "failed Lambda.JsonProcessingException (confirmed)"},
			findings: []found{{report.CodeJSON, Confirmed, ""}}},
		{name: "an event repeating a recordId, answered once each", event: repeatsID,
			response: records(ok("r0", "A\n"), ok("r0", "B\n"), ok("r2", "C\n")),
			outcomes: []string{"delivered (unconfirmed)", "delivered (unconfirmed)", "delivered (unconfirmed)"},
			alts:     []Code{report.CodeFidEventRepeatsID}, readings: []int{0, 2},
			findings: []found{{"record.recordId.duplicate", "", `"r0"`}, {report.CodeFidEventRepeatsID, Unconfirmed, `"r0"`},
				{report.CodeFidResponseRepeatsID, Unconfirmed, `"r0"`}}},
		{name: "an event repeating a recordId, the response missing one", event: repeatsID,
			response: records(ok("r0", "A\n"), ok("r2", "C\n")),
			outcomes: []string{"delivered (unconfirmed)", "failed Lambda.MissingRecordId (unconfirmed)", "delivered (unconfirmed)"},
			findings: []found{{report.CodeFidEventRepeatsID, Unconfirmed, `"r0"`}, {report.CodeMissingID, Confirmed, `"r0"`}}},
		{name: "data with = in the middle: both readings", response: records(ok("r0", "A\n"), `{"recordId":"r1","result":"Ok","data":"Qg=o"}`, ok("r2", "C\n")),
			batch: "Lambda.FunctionError (unconfirmed)", outcomes: []string{"failed Lambda.FunctionError (unconfirmed)",
				"failed Lambda.FunctionError (unconfirmed)", "failed Lambda.FunctionError (unconfirmed)"},
			alts: []Code{"response.base64"}, readings: []int{3, 3, 1},
			findings: []found{{"response.base64", Unconfirmed, "="}}},
		{name: "a Kinesis stream's ARN as deliveryStreamArn", event: envelope(`"arn:aws:kinesis:us-east-1:123456789012:stream/clicks"`, ""),
			response: records(ok("r0", "A\n")), outcomes: []string{"delivered (confirmed)"},
			findings: []found{{report.CodeFidArnService, "", `"arn:aws:kinesis:us-east-1:123456789012:stream/clicks"`}}},
		{name: "an empty deliveryStreamArn", event: envelope(`""`, ""),
			response: records(ok("r0", "A\n")), outcomes: []string{"delivered (confirmed)"},
			findings: []found{{report.CodeFidArnEmpty, "", `""`}}},
		{name: "an empty sourceMSKArn", event: envelope(`"arn:aws:firehose:us-east-1:123456789012:deliverystream/s"`, `,"sourceMSKArn":""`),
			response: `{"records":[{"recordId":"r0","result":"Ok","kafkaRecordValue":"QQo="}]}`, outcomes: []string{"delivered (confirmed)"},
			findings: []found{{report.CodeFidArnEmpty, "", `""`}}},
		{name: "placeholders left in the envelope", event: envelope(`"arn:aws:firehose:{region}:<account>:deliverystream/${AWS::StackName}"`, ""),
			response: records(ok("r0", "A\n")), outcomes: []string{"delivered (confirmed)"},
			findings: []found{{report.CodeFidPlaceholder, "", "{region}"}, {report.CodeFidPlaceholder, "", "<account>"}, {report.CodeFidPlaceholder, "", "${AWS::StackName}"}}},
		{name: "a real envelope has none of these", response: records(ok("r0", "A\n"), ok("r1", "B\n"), ok("r2", "C\n")),
			outcomes: []string{"delivered (confirmed)", "delivered (confirmed)", "delivered (confirmed)"}},
	}
	ours := []Code{report.CodeFidBOM, report.CodeFidEventRepeatsID, report.CodeFidResponseRepeatsID, report.CodeFidArnService, report.CodeFidArnEmpty, report.CodeFidPlaceholder}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			event := c.event
			if event == "" {
				event = threeRecords
			}
			rep := Check(event, c.response, firehose.Options{})
			checkInvariants(t, rep, event, c.response)
			assert.Equal(t, c.outcomes, outcomes(rep))
			if c.batch == "" {
				assert.Nil(t, rep.Verdict.BatchError)
			} else if assert.NotNil(t, rep.Verdict.BatchError) {
				assert.Equal(t, c.batch, string(rep.Verdict.BatchError.ErrorCode)+" ("+string(rep.Verdict.BatchError.Confidence)+")")
			}
			var alts []Code
			for _, a := range rep.Verdict.Alternatives {
				alts = append(alts, a.Code)
			}
			assert.Equal(t, c.alts, alts, "alternatives")
			if len(c.readings) > 0 && len(rep.Verdict.Alternatives) > 0 {
				var failing []int
				for _, r := range rep.Verdict.Alternatives[0].Readings {
					failing = append(failing, r.FailedCount)
				}
				assert.Equal(t, c.readings, failing, "records failing under each reading")
			}
			var got []found
			for _, f := range rep.Findings {
				doc := event
				if f.Doc == DocResponse {
					doc = c.response
				}
				got = append(got, found{f.Code, f.Confidence, at(doc, f.Start, f.End)})
			}
			for _, want := range c.findings {
				assert.Contains(t, got, want)
			}
			for _, g := range got { // no finding of these codes but those listed
				if slices.Contains(ours, g.code) {
					assert.Contains(t, c.findings, g)
				}
			}
		})
	}
}
