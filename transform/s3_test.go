package transform

import (
	"regexp"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3preview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyPattern is an object key's name after its prefix.
const keyPattern = `orders-1-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`

// objectsOf returns the preview's objects by kind.
func objectsOf(rep *Report, kind string) []S3Object {
	var out []S3Object
	for _, o := range rep.S3.Objects {
		if o.Kind == kind {
			out = append(out, o)
		}
	}
	return out
}

func TestS3Keys(t *testing.T) {
	response := records(ok("r0", "A\n"), failed("r1"), ok("r2", "C\n"))
	cases := []struct {
		name              string
		opts              firehose.Options
		delivered, failed string // key prefixes, before keyPattern
		finding           string
	}{
		{name: "defaults", delivered: `2026/01/01/00/`, failed: `processing-failed/2026/01/01/00/`},
		{name: "a prefix without expressions gets the hour appended", opts: firehose.Options{Prefix: "logs/"},
			delivered: `logs/2026/01/01/00/`, failed: `logs/processing-failed/2026/01/01/00/`},
		{name: "an error prefix without expressions", opts: firehose.Options{Prefix: "logs/", ErrorPrefix: "errors/"},
			delivered: `logs/2026/01/01/00/`, failed: `errors/processing-failed/2026/01/01/00/`},
		{name: "prefixes with expressions", opts: firehose.Options{Prefix: "dt=!{timestamp:yyyy-MM-dd}/",
			ErrorPrefix: "err/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/"},
			delivered: `dt=2026-01-01/`, failed: `err/processing-failed/dt=2026-01-01/`},
		{name: "expressions without an error prefix", opts: firehose.Options{Prefix: "dt=!{timestamp:yyyy}/"},
			delivered: `dt=2026/`, failed: `processing-failed/2026/01/01/00/`, finding: "s3.errorPrefix"},
		{name: "stream name", opts: firehose.Options{StreamName: "orders", Prefix: "x/"},
			delivered: `x/2026/01/01/00/`, failed: `x/processing-failed/2026/01/01/00/`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := Check(threeRecords, response, c.opts)
			checkInvariants(t, rep, threeRecords, response)
			d, f := objectsOf(rep, ObjectDelivered), objectsOf(rep, ObjectProcessingFailed)
			require.Len(t, d, 1)
			require.Len(t, f, 1)
			assert.Regexp(t, "^"+regexp.QuoteMeta(c.delivered)+keyPattern, d[0].Key)
			assert.Regexp(t, "^"+regexp.QuoteMeta(c.failed)+keyPattern, f[0].Key)
			assert.NotEqual(t, d[0].Key[strings.LastIndexByte(d[0].Key, '/'):], f[0].Key[strings.LastIndexByte(f[0].Key, '/'):])
			if c.finding != "" {
				assert.Contains(t, findingCodes(rep), c.finding)
			}
			again := Check(threeRecords, response, c.opts)
			assert.Equal(t, rep.S3, again.S3, "the same input previews the same objects")
		})
	}
}

// TestTimestampIsTheOldestRecords checks that a prefix's time is the
// arrival time of the oldest record in the object.
func TestTimestampIsTheOldestRecords(t *testing.T) {
	event := `{"deliveryStreamArn":"arn:aws:firehose:us-east-1:123456789012:deliverystream/orders","records":[` +
		`{"recordId":"a","approximateArrivalTimestamp":1767232800000,"data":"QQo="},` + // 02:00
		`{"recordId":"b","approximateArrivalTimestamp":1767229200000,"data":"Qgo="}]}` // 01:00
	rep := Check(event, records(ok("a", "A\n"), ok("b", "B\n")), firehose.Options{})
	require.Len(t, rep.S3.Objects, 1)
	assert.True(t, strings.HasPrefix(rep.S3.Objects[0].Key, "2026/01/01/01/orders-1-2026-01-01-02-01-01-"), rep.S3.Objects[0].Key)
}

func TestProcessingFailedLayouts(t *testing.T) {
	response := records(failed("r0"), ok("r1", "B\n"), dropped("r2"))
	want2025 := `{"rawData":"eyJhIjoxfQ==","errorCode":"Lambda.ProcessingFailedStatus","errorMessage":"ProcessingFailed status set for record",` +
		`"attemptsMade":1,"arrivalTimestamp":1767225600000,"attemptEndingTimestamp":1767225661002,` +
		`"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST"}` + "\n"
	want2019 := `{"attemptsMade":1,"arrivalTimestamp":1767225600000,"errorCode":"Lambda.ProcessingFailedStatus",` +
		`"errorMessage":"ProcessingFailed status set for record","attemptEndingTimestamp":1767225661002,"rawData":"eyJhIjoxfQ==",` +
		`"lambdaArn":"arn:aws:lambda:eu-west-1:111122223333:function:transform:live"}` + "\n"

	rep := Check(threeRecords, response, firehose.Options{})
	f := objectsOf(rep, ObjectProcessingFailed)
	require.Len(t, f, 1)
	assert.Equal(t, want2025, f[0].Body)
	assert.Equal(t, len(want2025), f[0].Size)
	assert.Equal(t, []int{0}, f[0].Records)

	rep = Check(threeRecords, response, firehose.Options{ErrorLayout: "2019",
		LambdaArn: "arn:aws:lambda:eu-west-1:111122223333:function:transform:live"})
	f = objectsOf(rep, ObjectProcessingFailed)
	require.Len(t, f, 1)
	assert.Equal(t, want2019, f[0].Body)

	// A preset's function is named after it.
	rep = Run(Request{Input: testEvent([2]string{"x", "not json"}), Preset: PresetNDJSON})
	f = objectsOf(rep, ObjectProcessingFailed)
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Body, `"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:ndjson:$LATEST"`)
	assert.Contains(t, f[0].Body, `"rawData":"`+b64("not json")+`"`)
}

func TestDeliveredBodies(t *testing.T) {
	response := records(ok("r0", `{"a":1}`), ok("r1", "{\"b\":2}\n"), dropped("r2"))
	rep := Check(threeRecords, response, firehose.Options{})
	d := objectsOf(rep, ObjectDelivered)
	require.Len(t, d, 1)
	assert.Equal(t, "{\"a\":1}{\"b\":2}\n", d[0].Body, "concatenated with nothing in between")
	assert.Equal(t, []int{0, 1}, d[0].Records)
	delim := findingsWith(rep, "response.delimiter")
	require.Len(t, delim, 1)
	assert.Equal(t, SevWarning, delim[0].Severity)
	assert.Equal(t, 0, delim[0].Record)

	rep = Check(threeRecords, response, firehose.Options{AppendDelimiter: true})
	d = objectsOf(rep, ObjectDelivered)
	require.Len(t, d, 1)
	assert.Equal(t, "{\"a\":1}\n{\"b\":2}\n\n", d[0].Body, "AppendDelimiterToRecord adds a newline to every record")
	delim = findingsWith(rep, "response.delimiter")
	require.Len(t, delim, 1)
	assert.Equal(t, SevInfo, delim[0].Severity)
	assert.Equal(t, 1, delim[0].Record)
}

func TestObjectBodyIsCapped(t *testing.T) {
	big := strings.Repeat("가", 100_000) + "\n" // 300,001 bytes
	response := records(ok("r0", big), ok("r1", "B\n"), ok("r2", "C\n"))
	rep := Check(threeRecords, response, firehose.Options{})
	d := objectsOf(rep, ObjectDelivered)
	require.Len(t, d, 1)
	assert.True(t, d[0].Truncated)
	assert.Equal(t, len(big)+4, d[0].Size)
	assert.LessOrEqual(t, len(d[0].Body), s3preview.MaxObjectBody)
	assert.Equal(t, strings.Repeat("가", s3preview.MaxObjectBody/3), d[0].Body, "cut on a character boundary")
	out := rep.Response.Records[0]
	assert.True(t, out.Truncated)
	assert.Equal(t, len(big), out.Size)
	assert.LessOrEqual(t, len(out.Decoded), firehose.MaxOutDecoded)
}

func TestPartitionKeys(t *testing.T) {
	withKeys := func(id, data, keys string) string {
		return `{"recordId":"` + id + `","result":"Ok","data":"` + b64(data) + `","metadata":{"partitionKeys":` + keys + `}}`
	}
	response := records(withKeys("r0", "A\n", `{"k":"x"}`), withKeys("r1", "B\n", `{"other":"y"}`), withKeys("r2", "C\n", `{"k":"x"}`))

	rep := Check(threeRecords, response, firehose.Options{Prefix: "k=!{partitionKeyFromLambda:k}/", ErrorPrefix: "e/!{firehose:error-output-type}/"})
	checkInvariants(t, rep, threeRecords, response)
	d := objectsOf(rep, ObjectDelivered)
	require.Len(t, d, 1)
	assert.True(t, strings.HasPrefix(d[0].Key, "k=x/orders-1-"), d[0].Key)
	assert.Equal(t, "A\nC\n", d[0].Body)
	missing := findingsWith(rep, "s3.partitionKey")
	require.Len(t, missing, 1)
	assert.Equal(t, 1, missing[0].Record)
	assert.Equal(t, Likely, missing[0].Confidence)

	rep = Check(threeRecords, response, firehose.Options{})
	assert.Len(t, findingsWith(rep, "s3.partitionKeys"), 1, "keys the prefix does not use")
	assert.Len(t, objectsOf(rep, ObjectDelivered), 1)

	bad := records(withKeys("r0", "A\n", `{"k":1}`), withKeys("r1", "B\n", `["k"]`), ok("r2", "C\n"))
	rep = Check(threeRecords, bad, firehose.Options{})
	assert.Len(t, findingsWith(rep, "response.metadata"), 2)
}

// TestPreviewS3OnItsOwn builds the S3 preview from a verdict written by
// hand, without a response to judge: delivered records grouped by the
// prefix their partition keys give, in order, and the failed ones in one
// processing-failed object, under the stream's settings.
func TestPreviewS3OnItsOwn(t *testing.T) {
	ev, _ := ParseEvent(`{"invocationId":"i-1","records":[`+
		`{"recordId":"a","approximateArrivalTimestamp":1767229200000,"data":"eA=="},`+
		`{"recordId":"b","approximateArrivalTimestamp":1767229201000,"data":"eQ=="},`+
		`{"recordId":"c","approximateArrivalTimestamp":1767229202000,"data":"eg=="},`+
		`{"recordId":"d","approximateArrivalTimestamp":1767229203000,"data":"dw=="}]}`, KindEvent)
	st := firehose.Stream{Name: "s", LambdaArn: "arn:aws:lambda:us-east-1:1:function:f:$LATEST", Retries: 2,
		Prefix: "team=!{partitionKeyFromLambda:team}/", Layout: "2025", AppendDelimiter: true}
	outs := []firehose.Output{
		{Value: &Value{}, Bytes: []byte("A"), Keys: [][2]string{{"team", "red"}}},
		{Value: &Value{}, Bytes: []byte("B"), Keys: [][2]string{{"team", "blue"}}},
		{Value: &Value{}, Bytes: []byte("C"), Keys: [][2]string{{"team", "red"}}},
	}
	verdict := []RecordVerdict{
		{Index: 0, Outcome: Delivered, Output: 0},
		{Index: 1, Outcome: Delivered, Output: 1},
		{Index: 2, Outcome: Delivered, Output: 2},
		{Index: 3, Outcome: Failed, Output: -1, ErrorCode: report.CodeFunctionError, ErrorMessage: report.MsgFunctionError},
	}
	var f report.Findings
	p := s3preview.Preview(&s3preview.Batch{Stream: st, Event: ev, Verdict: verdict, Outputs: outs, Findings: &f})
	require.Len(t, p.Objects, 3)
	red, blue, failed := p.Objects[0], p.Objects[1], p.Objects[2]
	assert.True(t, strings.HasPrefix(red.Key, "team=red/s-1-2026-01-01-01-01-"), red.Key)
	assert.Equal(t, "A\nC\n", red.Body, "in order, each with the delimiter")
	assert.Equal(t, []int{0, 2}, red.Records)
	assert.True(t, strings.HasPrefix(blue.Key, "team=blue/"), blue.Key)
	assert.Equal(t, "B\n", blue.Body)
	assert.Equal(t, ObjectProcessingFailed, failed.Kind)
	assert.Equal(t, []int{3}, failed.Records)
	assert.Contains(t, failed.Body, `"rawData":"dw==","errorCode":"Lambda.FunctionError"`)
	assert.Contains(t, failed.Body, `"attemptsMade":3`, "NumberOfRetries 2: three attempts")
	assert.Equal(t, []string{"s3.errorPrefix"}, codes(f.List), "a prefix with expressions needs an error prefix")

	again := s3preview.Preview(&s3preview.Batch{Stream: st, Event: ev, Verdict: verdict, Outputs: outs, Findings: &report.Findings{}})
	assert.Equal(t, p, again, "the same batch previews the same keys")
}
