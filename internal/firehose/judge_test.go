package firehose

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/testevent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The judge on its own: an event, an answer, and what it decides, without a
// preset or a Report. The cases follow docs/firehose-contract.md's rows.

// threeRecords is an event of three records with ids r0, r1 and r2.
func threeRecords(t *testing.T) *event.Event {
	t.Helper()
	ev, findings := event.Parse(testevent.Event([]byte(`{"n":0}`), []byte(`{"n":1}`), []byte(`{"n":2}`)), event.KindEvent)
	require.Empty(t, findings)
	return ev
}

// out is a response record.
func out(id, result, data string) string {
	return fmt.Sprintf(`{"recordId": %q, "result": %q, "data": %q}`, id, result, base64.StdEncoding.EncodeToString([]byte(data)))
}

// body is a response body of those records.
func body(records ...string) string { return `{"records": [` + strings.Join(records, ", ") + `]}` }

// judgeBody judges a pasted body.
func judgeBody(t *testing.T, text string) (Judged, *report.Findings) {
	t.Helper()
	f := &report.Findings{}
	return Judge(report.Lambda{Body: &text}, "", threeRecords(t), Options{}, text, true, nil, f), f
}

// outcomes are the verdict's outcomes and codes, one "outcome code" a record.
func outcomes(jd Judged) []string {
	var s []string
	for _, v := range jd.Verdict.Records {
		s = append(s, strings.TrimSpace(string(v.Outcome)+" "+string(v.ErrorCode)))
	}
	return s
}

func TestJudgeRecords(t *testing.T) {
	tests := []struct {
		name string // and the contract's row
		body string
		want []string
	}{
		{"row 1: Ok, Dropped and ProcessingFailed",
			body(out("r0", "Ok", "a"), out("r1", "Dropped", "b"), out("r2", "ProcessingFailed", "c")),
			[]string{"delivered", "dropped", "failed Lambda.ProcessingFailedStatus"}},
		{"row 1: the order of the response does not matter",
			body(out("r2", "Ok", "c"), out("r0", "Ok", "a"), out("r1", "Ok", "b")),
			[]string{"delivered", "delivered", "delivered"}},
		{"row 3: a record left out fails, the rest is delivered",
			body(out("r0", "Ok", "a"), out("r2", "Ok", "c")),
			[]string{"delivered", "failed Lambda.MissingRecordId", "delivered"}},
		{"row 4: an id that was not in the input is ignored",
			body(out("r0", "Ok", "a"), out("r1", "Ok", "b"), out("r2", "Ok", "c"), out("r9", "Ok", "lost")),
			[]string{"delivered", "delivered", "delivered"}},
		{"row 10: a body that is not JSON fails every record",
			`{"records": [`,
			[]string{"failed Lambda.JsonProcessingException", "failed Lambda.JsonProcessingException", "failed Lambda.JsonProcessingException"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jd, _ := judgeBody(t, tt.body)
			require.True(t, jd.Ran)
			assert.Equal(t, tt.want, outcomes(jd))
			assert.Equal(t, 3, jd.Stats.Delivered+jd.Stats.Dropped+jd.Stats.Failed, "every record has one outcome")
		})
	}
}

func TestJudgeIgnoredOutput(t *testing.T) {
	jd, f := judgeBody(t, body(out("r0", "Ok", "a"), out("r1", "Ok", "b"), out("r2", "Ok", "c"), out("r07", "Ok", "lost")))
	require.Len(t, jd.Verdict.Ignored, 1)
	assert.Equal(t, "r07", jd.Verdict.Ignored[0].RecordID)
	assert.Equal(t, 1, jd.Stats.Ignored)
	assert.Equal(t, 1, jd.Verdict.Records[0].LostOutputs, "r07 is r0 with a number appended (R1 from R): it was made of record 0")
	var ignored []report.Code
	for _, fd := range f.List {
		ignored = append(ignored, fd.Code)
	}
	assert.Contains(t, ignored, report.CodeResponseIgnoredRecordID)
}

func TestJudgeInvocationFailure(t *testing.T) {
	// Row 11: the function raised; the whole batch fails and is retried
	// NumberOfRetries times.
	retries := 5
	f := &report.Findings{}
	le := &report.LambdaError{ErrorType: "KeyError", ErrorMessage: "'data'"}
	jd := Judge(report.Lambda{Error: le}, "seed", threeRecords(t), Options{Retries: &retries}, "", false, nil, f)
	assert.Equal(t, []string{"failed Lambda.FunctionError", "failed Lambda.FunctionError", "failed Lambda.FunctionError"}, outcomes(jd))
	assert.Equal(t, 6, jd.Stream.Attempts(report.CodeFunctionError))
	assert.Equal(t, 1, jd.Stream.Attempts(report.CodeMissingID), "a record's failure is final")
	assert.Equal(t, "arn:aws:lambda:us-east-1:123456789012:function:seed:$LATEST", jd.Stream.LambdaArn, "named after the preset, in the event's region")
	assert.Equal(t, "s", jd.Stream.Name, "from the event's ARN")
}

func TestJudgeNothingToJudge(t *testing.T) {
	jd := Judge(report.Lambda{}, "", threeRecords(t), Options{}, "", false, nil, &report.Findings{})
	assert.False(t, jd.Ran)
	assert.Empty(t, jd.Verdict.Records)
	assert.Nil(t, jd.Outputs)
}
