package transform

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codes returns the codes of the findings, in order.
func codes(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

// finding returns the first finding with the code, failing the test when
// there is none.
func finding(t *testing.T, fs []Finding, code Code) Finding {
	t.Helper()
	for _, f := range fs {
		if f.Code == code {
			return f
		}
	}
	t.Fatalf("no finding %s in %v", code, codes(fs))
	return Finding{}
}

func TestParseEventSources(t *testing.T) {
	tests := []struct {
		name       string
		input      string
		wantSource string
		wantIDs    []string
		wantField  string
	}{
		{
			name:       "direct put",
			input:      `{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[{"recordId":"a","approximateArrivalTimestamp":1767225600000,"data":"` + b64("x") + `"}]}`,
			wantSource: SourceDirectPut, wantIDs: []string{"a"}, wantField: "data",
		},
		{
			name: "kinesis",
			input: `{"invocationId":"i","sourceKinesisStreamArn":"arn:aws:kinesis:us-east-1:1:stream/k","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[` +
				`{"recordId":"49546986683135544286507457936321625675700192471156785154000000","approximateArrivalTimestamp":1767225600000,"data":"` + b64("x") + `",` +
				`"kinesisRecordMetadata":{"shardId":"shardId-000000000001","partitionKey":"p","approximateArrivalTimestamp":1767225600000,"sequenceNumber":"49546986683135544286507457936321625675700192471156785154","subsequenceNumber":0}}]}`,
			wantSource: SourceKinesis, wantIDs: []string{"49546986683135544286507457936321625675700192471156785154000000"}, wantField: "data",
		},
		{
			name: "msk",
			input: `{"invocationId":"i","sourceMSKArn":"arn:aws:kafka:us-east-1:1:cluster/c/1","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[` +
				`{"recordId":"m","approximateArrivalTimestamp":1767225600000,"kafkaRecordValue":"` + b64("x") + `","mskRecordMetadata":{"offset":"0","partitionId":"1","approximateArrivalTimestamp":1767225600000}}]}`,
			wantSource: SourceMSK, wantIDs: []string{"m"}, wantField: "kafkaRecordValue",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, fs := ParseEvent(tt.input, "")
			assert.Equal(t, KindEvent, ev.Kind)
			assert.Equal(t, tt.wantSource, ev.Source)
			require.Len(t, ev.Records, len(tt.wantIDs))
			for i, id := range tt.wantIDs {
				assert.Equal(t, id, ev.Records[i].RecordID)
				assert.Equal(t, tt.wantField, ev.Records[i].DataField)
				assert.Equal(t, "x", string(ev.Records[i].Payload))
				assert.Equal(t, int64(1767225600000), ev.Records[i].Timestamp)
			}
			assert.Empty(t, fs, "findings on a well-formed event")
		})
	}
}

// TestParseEventDefects checks that each defect of a pasted event is
// reported, with its code, on the exact characters that cause it.
func TestParseEventDefects(t *testing.T) {
	rec := func(extra string) string {
		return `{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[` + extra + `]}`
	}
	tests := []struct {
		name     string
		input    string
		code     Code
		severity Severity
		wantText string // the text the finding points at
	}{
		{"not JSON", `{"records": [}`, "json.syntax", SevError, "}"},
		{"not an object", `[1, 2]`, "event.notObject", SevError, "[1, 2]"},
		{"no records", `{"invocationId":"i"}`, "event.records.missing", SevError, "{"},
		{"Records capitalised", `{"invocationId":"i","Records":[]}`, "event.records.missing", SevError, `"Records"`},
		{"records not an array", `{"records": {"a": 1}}`, "event.records.notArray", SevError, `{"a": 1}`},
		{"record without recordId", rec(`{"data":"eA=="}`), "record.recordId.missing", SevError, "{"},
		{"recordID spelled wrong", rec(`{"recordID":"r","data":"eA=="}`), "record.recordId.missing", SevError, `"recordID"`},
		{"record without data", rec(`{"recordId":"r"}`), "record.data.missing", SevError, "{"},
		{"data not a string", rec(`{"recordId":"r","data":123}`), "record.data.type", SevError, "123"},
		{"numeric recordId", rec(`{"recordId":5,"data":"eA=="}`), "record.recordId.type", SevWarning, "5"},
		{"duplicate recordIds", rec(`{"recordId":"a","data":"eA=="},{"recordId":"a","data":"eQ=="}`), "record.recordId.duplicate", SevWarning, `"a"`},
		{"unpadded base64", rec(`{"recordId":"r","data":"eHg"}`), "base64.padding", SevWarning, "g"},
		{"URL-safe base64", rec(`{"recordId":"r","data":"-_-_"}`), "base64.urlsafe", SevWarning, "-"},
		{"invalid base64 character", rec(`{"recordId":"r","data":"eH*g"}`), "base64.invalid", SevError, "*"},
		{"ISO timestamp", rec(`{"recordId":"r","approximateArrivalTimestamp":"2026-01-01T00:00:00Z","data":"eA=="}`), "record.timestamp.string", SevWarning, `"2026-01-01T00:00:00Z"`},
		{"12-digit timestamp", rec(`{"recordId":"r","approximateArrivalTimestamp":176722560000,"data":"eA=="}`), "record.timestamp.digits", SevWarning, "176722560000"},
		{"seconds timestamp", rec(`{"recordId":"r","approximateArrivalTimestamp":1767225600,"data":"eA=="}`), "record.timestamp.seconds", SevWarning, "1767225600"},
		{"deliverySteamArn typo", `{"invocationId":"i","deliverySteamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","records":[]}`, "event.deliverySteamArn", SevWarning, `"deliverySteamArn"`},
		{"subsequenceNumber string", `{"sourceKinesisStreamArn":"arn:aws:kinesis:us-east-1:1:stream/k","records":[{"recordId":"r","data":"eA==","kinesisRecordMetadata":{"shardId":"shardId-000000000001","partitionKey":"p","sequenceNumber":"1","subsequenceNumber":"","approximateArrivalTimestamp":1767225600000}}]}`, "kinesis.subsequenceNumber.type", SevWarning, `""`},
		{"gzip truncated", rec(`{"recordId":"r","data":"H4sIAAAAAAAA"}`), "gzip.truncated", SevError, `H4sIAAAAAAAA`},
		{"NaN in the event", `{"records":[],"x":NaN}`, "json.nonstandard", SevWarning, "NaN"},
		{"duplicate key", `{"records":[],"records":[]}`, "json.duplicateKey", SevWarning, `"records"`},
		{"record is a number", rec(`7`), "record.notObject", SevError, "7"},
		{"unknown record key", rec(`{"recordId":"r","data":"eA==","extra":1}`), "event.unknownKey", SevInfo, `"extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := ParseEvent(tt.input, KindEvent)
			f := finding(t, fs, tt.code)
			assert.Equal(t, tt.severity, f.Severity, f.Message)
			assert.Equal(t, tt.wantText, at(tt.input, f.Start, f.End), "the range of %s", f.Message)
			assert.NotEmpty(t, f.Message)
		})
	}
}

// TestParseEventOffsetsAreUTF16 checks that findings after Korean text and
// emoji point at the right characters in UTF-16 units.
func TestParseEventOffsetsAreUTF16(t *testing.T) {
	input := `{"invocationId":"한국어 😀 설명","records":[{"recordId":"가나다","data":"eH*g"}]}`
	_, fs := ParseEvent(input, KindEvent)
	f := finding(t, fs, "base64.invalid")
	assert.Equal(t, "*", at(input, f.Start, f.End))
	assert.Equal(t, 0, f.Record)
}

func TestParseEventTruncatedKeepsRecords(t *testing.T) {
	input := `{"records":[{"recordId":"a","data":"` + b64(`{"x":1}`) + `"},{"recordId":"b","data":"` + b64(`{"x":2}`) + `"},{"recordId":"c","da`
	ev, fs := ParseEvent(input, KindEvent)
	assert.Contains(t, codes(fs), "json.syntax")
	require.GreaterOrEqual(t, len(ev.Records), 2, "the records before the break are read")
	assert.Equal(t, "a", ev.Records[0].RecordID)
	assert.Equal(t, `{"x":2}`, string(ev.Records[1].Payload))
}

func TestBase64Lines(t *testing.T) {
	input := "\n" + b64(`{"a":1}`) + "\r\n\n  " + b64(`{"a":2}`) + "  \n"
	ev, fs := ParseEvent(input, "")
	assert.Empty(t, fs)
	assert.Equal(t, KindBase64, ev.Kind)
	assert.True(t, ev.Generated)
	require.Len(t, ev.Records, 2)
	assert.Equal(t, `{"a":1}`, string(ev.Records[0].Payload))
	assert.Equal(t, `{"a":2}`, string(ev.Records[1].Payload))
	assert.Equal(t, b64(`{"a":2}`), input[ev.Records[1].Start:ev.Records[1].End])
	assert.Regexp(t, `^shardId-[0-9]{64}$`, ev.Records[0].RecordID, "a Direct PUT style id")
	assert.NotEqual(t, ev.Records[0].RecordID, ev.Records[1].RecordID)

	again, _ := ParseEvent(input, "")
	assert.Equal(t, ev.Text, again.Text, "the generated event is deterministic")
	gen, gfs := ParseEvent(ev.Text, KindEvent)
	assert.Empty(t, gfs, "the generated event is a well-formed event")
	assert.Equal(t, ev.Records[1].RecordID, gen.Records[1].RecordID)
}

func TestJSONPayloads(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"one document", "[{\"a\": 1},\n {\"a\": 2}]\n", []string{"[{\"a\": 1},\n {\"a\": 2}]"}},
		{"one object per line", "{\"a\": 1}\n\n{\"a\": 2}\n", []string{`{"a": 1}`, `{"a": 2}`}},
		{"pretty object", "{\n  \"a\": 1\n}", []string{"{\n  \"a\": 1\n}"}},
		{"broken line keeps one record", "{\"a\": 1}\n{\"a\": ", []string{"{\"a\": 1}\n{\"a\":"}},
		{"korean", `[{"이름": "홍길동"}]`, []string{`[{"이름": "홍길동"}]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, _ := ParseEvent(tt.input, KindJSON)
			require.Len(t, ev.Records, len(tt.want))
			for i, w := range tt.want {
				assert.Equal(t, w, string(ev.Records[i].Payload))
				assert.Equal(t, w, tt.input[ev.Records[i].Start:ev.Records[i].End], "byte range")
			}
		})
	}
}

// TestPayloadPositions checks that a problem inside a payload is mapped
// back to the characters of the input that hold it.
func TestPayloadPositions(t *testing.T) {
	payload := `[{"ok": 1}, {"bad": }]`
	bad := strings.Index(payload, "}]")
	t.Run("json input: exact", func(t *testing.T) {
		rep := Run(Request{Input: payload, Preset: PresetSeed})
		f := finding(t, rep.Findings, "seed.raised")
		assert.Equal(t, "}", at(payload, f.Start, f.End))
	})
	t.Run("event: the base64 characters of that byte", func(t *testing.T) {
		data := b64(payload)
		input := `{"records":[{"recordId":"r","data":"` + data + `"}]}`
		rep := Run(Request{Input: input, Preset: PresetSeed})
		f := finding(t, rep.Findings, "seed.raised")
		got := at(input, f.Start, f.End)
		require.Len(t, got, 2)
		start := strings.Index(input, data) + bad/3*4 + bad%3
		assert.Equal(t, input[start:start+2], got)
	})
}

// TestEventSizeWarnings checks the two size warnings: past Firehose's 3 MB
// buffer, and past Lambda's 6 MB request limit; none below.
func TestEventSizeWarnings(t *testing.T) {
	event := func(size int) string {
		pad := strings.Repeat("A", size-60)
		return `{"records":[{"recordId":"r","data":"` + pad[:len(pad)/4*4] + `"}]}`
	}
	for _, c := range []struct {
		name string
		size int
		want string // in the message, or "" for no warning
	}{
		{"2 MB", 2 << 20, ""},
		{"3 MB and a bit", LambdaBufferMax + 100, "largest Lambda buffer (3 MB)"},
		{"6 MB and a bit", LambdaPayloadLimit + 100, "over Lambda's 6 MB request limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, fs := ParseEvent(event(c.size), KindEvent)
			var msgs []string
			for _, f := range fs {
				if f.Code == "event.size" {
					msgs = append(msgs, f.Message)
				}
			}
			if c.want == "" {
				assert.Empty(t, msgs)
				return
			}
			require.Len(t, msgs, 1)
			assert.Contains(t, msgs[0], c.want)
			assert.Contains(t, msgs[0], "Firehose never sends batches this large")
		})
	}
}
