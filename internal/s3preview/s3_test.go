package s3preview

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The preview is a function of the stream, the event, the verdict and the
// outputs: these tests give it each of them directly, without a transform
// or a judge.

// threeRecords is an event of three records that arrived at
// 2026-03-04T05:06:07Z, 1 ms apart, holding "r0", "r1" and "r2".
func threeRecords(t *testing.T) *event.Event {
	t.Helper()
	var recs []string
	for i := range 3 {
		recs = append(recs, fmt.Sprintf(`{"recordId": "id%d", "approximateArrivalTimestamp": %d, "data": %q}`,
			i, 1772600767000+i, base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("r%d", i)))))
	}
	text := `{"invocationId": "inv-1", "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders", "region": "us-east-1", "records": [` +
		strings.Join(recs, ", ") + `]}`
	ev, findings := event.Parse(text, event.KindEvent)
	require.Empty(t, findings)
	require.Len(t, ev.Records, 3)
	return ev
}

// stream is a delivery stream with Firehose's defaults.
func stream() firehose.Stream {
	return firehose.Stream{Name: "orders", LambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST", Retries: 3, Layout: "2025"}
}

// outputs are response records holding data (and partition keys).
func outputs(data ...string) []firehose.Output {
	outs := make([]firehose.Output, len(data))
	for o, d := range data {
		outs[o] = firehose.Output{Value: &jsonpos.Value{}, Bytes: []byte(d)}
	}
	return outs
}

func delivered(i, out int) report.RecordVerdict {
	return report.RecordVerdict{Index: i, Outcome: report.Delivered, Output: out}
}

func dropped(i, out int) report.RecordVerdict {
	return report.RecordVerdict{Index: i, Outcome: report.Dropped, Output: out}
}

func failed(i int, code report.Code, msg string) report.RecordVerdict {
	return report.RecordVerdict{Index: i, Outcome: report.Failed, ErrorCode: code, ErrorMessage: msg, Output: -1}
}

var keyName = regexp.MustCompile(`^orders-1-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestPreviewDelivered(t *testing.T) {
	tests := []struct {
		name      string
		verdict   []report.RecordVerdict
		outs      []firehose.Output
		delimiter bool
		body      string
		records   []int
	}{
		{"every record delivered, in order", []report.RecordVerdict{delivered(0, 0), delivered(1, 1), delivered(2, 2)},
			outputs("a", "b", "c"), false, "abc", []int{0, 1, 2}},
		{"an output's data is what lands, not the record's", []report.RecordVerdict{delivered(0, 1), delivered(1, 0), delivered(2, 2)},
			outputs("a", "b", "c"), false, "bac", []int{0, 1, 2}},
		{"dropped records land nowhere", []report.RecordVerdict{delivered(0, 0), dropped(1, 1), delivered(2, 2)},
			outputs("a", "b", "c"), false, "ac", []int{0, 2}},
		{"AppendDelimiterToRecord adds a newline to each", []report.RecordVerdict{delivered(0, 0), delivered(1, 1), dropped(2, 2)},
			outputs("a", "b", "c"), true, "a\nb\n", []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := stream()
			st.AppendDelimiter = tt.delimiter
			f := &report.Findings{}
			p := Preview(&Batch{Stream: st, Event: threeRecords(t), Verdict: tt.verdict, Outputs: tt.outs, Findings: f})
			require.Len(t, p.Objects, 1)
			o := p.Objects[0]
			assert.Equal(t, ObjectDelivered, o.Kind)
			assert.Equal(t, tt.body, o.Body)
			assert.Equal(t, len(tt.body), o.Size)
			assert.Equal(t, tt.records, o.Records)
			// Firehose's default prefix is the hour the oldest record arrived.
			prefix, name, ok := strings.Cut(o.Key, "2026/03/04/05/")
			assert.True(t, ok && prefix == "", "key %s", o.Key)
			assert.Regexp(t, keyName, name)
			assert.Empty(t, f.List)
		})
	}
}

func TestPreviewNothingRead(t *testing.T) {
	// Without the response's records (it was not read), nothing is
	// delivered; failed records still land.
	p := Preview(&Batch{Stream: stream(), Event: threeRecords(t), Findings: &report.Findings{},
		Verdict: []report.RecordVerdict{failed(0, report.CodeJSON, "m"), failed(1, report.CodeJSON, "m"), failed(2, report.CodeJSON, "m")}})
	require.Len(t, p.Objects, 1)
	assert.Equal(t, ObjectProcessingFailed, p.Objects[0].Kind)
	assert.Equal(t, []int{0, 1, 2}, p.Objects[0].Records)
}

func TestPreviewFailedLines(t *testing.T) {
	verdict := []report.RecordVerdict{delivered(0, 0), failed(1, report.CodeFunctionError, "boom"), failed(2, report.CodeMissingID, "gone")}
	tests := []struct {
		layout string
		lines  []string
	}{
		{"2025", []string{
			// A function error is retried NumberOfRetries (3) times: 4
			// attempts; a missing id fails on the first.
			`{"rawData":"cjE=","errorCode":"Lambda.FunctionError","errorMessage":"boom","attemptsMade":4,"arrivalTimestamp":1772600767001,"attemptEndingTimestamp":1772600831002,"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`,
			`{"rawData":"cjI=","errorCode":"Lambda.MissingRecordId","errorMessage":"gone","attemptsMade":1,"arrivalTimestamp":1772600767002,"attemptEndingTimestamp":1772600828002,"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`,
		}},
		{"2019", []string{
			`{"attemptsMade":4,"arrivalTimestamp":1772600767001,"errorCode":"Lambda.FunctionError","errorMessage":"boom","attemptEndingTimestamp":1772600831002,"rawData":"cjE=","lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`,
			`{"attemptsMade":1,"arrivalTimestamp":1772600767002,"errorCode":"Lambda.MissingRecordId","errorMessage":"gone","attemptEndingTimestamp":1772600828002,"rawData":"cjI=","lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.layout, func(t *testing.T) {
			st := stream()
			st.Layout = tt.layout
			p := Preview(&Batch{Stream: st, Event: threeRecords(t), Verdict: verdict, Outputs: outputs("a", "b", "c"), Findings: &report.Findings{}})
			require.Len(t, p.Objects, 2)
			o := p.Objects[1]
			assert.Equal(t, ObjectProcessingFailed, o.Kind)
			assert.Equal(t, []int{1, 2}, o.Records)
			assert.Equal(t, strings.Join(tt.lines, "\n")+"\n", o.Body)
			assert.True(t, strings.HasPrefix(o.Key, "processing-failed/2026/03/04/05/"), o.Key)
		})
	}
}

func TestPreviewPartitionKeys(t *testing.T) {
	outs := outputs("a", "b", "c")
	outs[0].Keys = [][2]string{{"k", "x"}}
	outs[1].Keys = [][2]string{{"k", "y"}}
	outs[2].Keys = [][2]string{{"other", "x"}}
	st := stream()
	st.Prefix, st.ErrorPrefix = "k=!{partitionKeyFromLambda:k}/", "errors/!{firehose:error-output-type}/"
	f := &report.Findings{}
	p := Preview(&Batch{Stream: st, Event: threeRecords(t), Verdict: []report.RecordVerdict{delivered(0, 0), delivered(1, 1), delivered(2, 2)}, Outputs: outs, Findings: f})
	require.Len(t, p.Objects, 2, "one object per key; the record without the key is left out")
	assert.True(t, strings.HasPrefix(p.Objects[0].Key, "k=x/orders-1-"), p.Objects[0].Key)
	assert.True(t, strings.HasPrefix(p.Objects[1].Key, "k=y/orders-1-"), p.Objects[1].Key)
	assert.Equal(t, "a", p.Objects[0].Body)
	assert.Equal(t, "b", p.Objects[1].Body)
	require.Len(t, f.List, 1)
	assert.Equal(t, report.CodeS3PartitionKey, f.List[0].Code)
	assert.Equal(t, 2, f.List[0].Record)
}

func TestPreviewIsDeterministic(t *testing.T) {
	b := func() *Batch {
		return &Batch{Stream: stream(), Event: threeRecords(t), Verdict: []report.RecordVerdict{delivered(0, 0), failed(1, report.CodeJSON, "m"), delivered(2, 2)},
			Outputs: outputs("a", "b", "c"), Findings: &report.Findings{}}
	}
	first, second := Preview(b()), Preview(b())
	assert.Equal(t, first, second, "the same batch previews the same keys")
	assert.NotEqual(t, first.Objects[0].Key[len(first.Objects[0].Key)-36:], first.Objects[1].Key[len(first.Objects[1].Key)-36:],
		"each object has its own UUID")
}

func TestPreviewCutsLongBodies(t *testing.T) {
	long := strings.Repeat("é", MaxObjectBody) // two bytes a character
	for _, whole := range []bool{false, true} {
		p := Preview(&Batch{Stream: stream(), Event: threeRecords(t), Verdict: []report.RecordVerdict{delivered(0, 0), dropped(1, 1), dropped(2, 2)},
			Outputs: outputs(long, "", ""), Whole: whole, Findings: &report.Findings{}})
		o := p.Objects[0]
		assert.Equal(t, len(long), o.Size)
		assert.Equal(t, !whole, o.Truncated)
		if whole {
			assert.Equal(t, long, o.Body)
		} else {
			assert.Equal(t, long[:MaxObjectBody], o.Body, "cut on a character boundary")
		}
	}
}
