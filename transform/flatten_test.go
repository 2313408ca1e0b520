package transform

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// row renders fields as "key=value" pairs for compact expectations.
func row(fields []Field) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Key + "=" + f.Value
	}
	return strings.Join(parts, " ")
}

func TestFlatten(t *testing.T) {
	doc := `{"id": 9007199254740993, "price": 1.10, "user": {"name": "김", "geo": {"lat": 37.5, "lon": 127}},
		"items": [{"sku": "A", "qty": 2}, {"sku": "B"}], "tags": ["x", "y"], "none": null, "empty": {}, "list": [], "ok": true}`
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"defaults: every level, arrays as JSON", Options{},
			`id=9007199254740993 price=1.10 user.name="김" user.geo.lat=37.5 user.geo.lon=127 items=[{"sku":"A","qty":2},{"sku":"B"}] tags=["x","y"] none=null empty={} list=[] ok=true`},
		{"separator", Options{Separator: "_"},
			`id=9007199254740993 price=1.10 user_name="김" user_geo_lat=37.5 user_geo_lon=127 items=[{"sku":"A","qty":2},{"sku":"B"}] tags=["x","y"] none=null empty={} list=[] ok=true`},
		{"depth 1: no flattening", Options{MaxDepth: 1},
			`id=9007199254740993 price=1.10 user={"name":"김","geo":{"lat":37.5,"lon":127}} items=[{"sku":"A","qty":2},{"sku":"B"}] tags=["x","y"] none=null empty={} list=[] ok=true`},
		{"depth 2: one level, like the seed", Options{MaxDepth: 2},
			`id=9007199254740993 price=1.10 user.name="김" user.geo={"lat":37.5,"lon":127} items=[{"sku":"A","qty":2},{"sku":"B"}] tags=["x","y"] none=null empty={} list=[] ok=true`},
		{"arrays spread into index keys", Options{Arrays: "index"},
			`id=9007199254740993 price=1.10 user.name="김" user.geo.lat=37.5 user.geo.lon=127 items.0.sku="A" items.0.qty=2 items.1.sku="B" tags.0="x" tags.1="y" none=null empty={} list=[] ok=true`},
		{"values as strings", Options{Values: "string", MaxDepth: 2},
			`id="9007199254740993" price="1.10" user.name="김" user.geo="{\"lat\":37.5,\"lon\":127}" items="[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\"}]" tags="[\"x\",\"y\"]" none=null empty="{}" list="[]" ok="true"`},
	}
	v, err := ParseJSON(doc)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, colls := Flatten(&v, tt.opts)
			assert.Equal(t, tt.want, row(fields))
			assert.Empty(t, colls)
		})
	}
}

func TestFlattenCollisions(t *testing.T) {
	doc := `{"a.b": 1, "a": {"b": 2, "c": 3}}`
	v, err := ParseJSON(doc)
	require.NoError(t, err)
	fields, colls := Flatten(&v, Options{})
	assert.Equal(t, "a.b=2 a.c=3", row(fields), "the later value wins, at the first position")
	require.Len(t, colls, 1)
	assert.Equal(t, "a.b", colls[0].Key)
	assert.Equal(t, "1", doc[colls[0].First.Start:colls[0].First.End])
	assert.Equal(t, "2", doc[colls[0].Second.Start:colls[0].Second.End])
}

// ndjsonRun runs the ndjson preset on an event holding the payloads.
func ndjsonRun(t *testing.T, opts Options, payloads ...string) *Report {
	t.Helper()
	recs := make([]string, len(payloads))
	for i, p := range payloads {
		recs[i] = fmt.Sprintf(`{"recordId":"r%d","approximateArrivalTimestamp":1767225600000,"data":"%s"}`,
			i, base64.StdEncoding.EncodeToString([]byte(p)))
	}
	input := `{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[` +
		strings.Join(recs, ",") + "]}"
	rep := Run(Request{Input: input, Preset: PresetNDJSON, Options: opts})
	require.NotNil(t, rep.Lambda.Body, "error: %+v", rep.Lambda.Error)
	return rep
}

type bodyRecord struct {
	RecordID string `json:"recordId"`
	Result   string `json:"result"`
	Data     string `json:"data"`
}

func TestNDJSONShapes(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		result  string
		data    string // decoded
		code    Code   // a finding expected about the record
	}{
		{"one object", `{"a": {"b": 1}}`, "Ok", "{\"a.b\":1}\n", ""},
		{"array of objects", `[{"a": 1}, {"a": 2}]`, "Ok", "{\"a\":1}\n{\"a\":2}\n", ""},
		{"ndjson", "{\"a\": 1}\n{\"a\": 2}\n", "Ok", "{\"a\":1}\n{\"a\":2}\n", ""},
		{"concatenated", `{"a": 1}{"a": 2}`, "Ok", "{\"a\":1}\n{\"a\":2}\n", ""},
		{"numbers as written", `{"n": 1.10, "big": 9007199254740993}`, "Ok", "{\"n\":1.10,\"big\":9007199254740993}\n", ""},
		{"empty array", `[]`, "Dropped", "", ""},
		{"empty object", `{}`, "Dropped", "", ""},
		{"empty payload", ``, "Dropped", "", ""},
		{"not JSON", `{"a": }`, "ProcessingFailed", "", "ndjson.json"},
		{"scalar", `42`, "ProcessingFailed", "", "ndjson.shape"},
		{"array of scalars", `[{"a": 1}, 2]`, "ProcessingFailed", "", "ndjson.shape"},
		{"NaN", `{"a": NaN}`, "ProcessingFailed", "", "ndjson.nonstandard"},
		{"binary", "\xff\xfe\x00", "ProcessingFailed", "", "ndjson.utf8"},
		{"collision", `{"a.b": 1, "a": {"b": 2}}`, "Ok", "{\"a.b\":2}\n", "ndjson.collision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := ndjsonRun(t, Options{}, tt.payload)
			out := decodeBody(t, *rep.Lambda.Body)
			require.Len(t, out, 1, "one output record per input record")
			assert.Equal(t, rep.Records[0].RecordID, out[0].RecordID)
			assert.Equal(t, tt.result, out[0].Result)
			data, err := base64.StdEncoding.DecodeString(out[0].Data)
			require.NoError(t, err)
			assert.Equal(t, tt.data, string(data))
			if tt.code != "" {
				f := finding(t, rep.Findings, tt.code)
				assert.Equal(t, 0, f.Record)
			}
		})
	}
}

// TestNDJSONOneOutputPerRecord is the lesson: whatever the payloads, the
// response has exactly one record per input record, with its recordId.
func TestNDJSONOneOutputPerRecord(t *testing.T) {
	rep := Run(Request{Input: benchEventSmall(), InputKind: KindEvent, Preset: PresetNDJSON})
	require.NotNil(t, rep.Lambda.Body)
	out := decodeBody(t, *rep.Lambda.Body)
	require.Len(t, out, rep.Stats.Records)
	for i, o := range out {
		assert.Equal(t, rep.Records[i].RecordID, o.RecordID)
		assert.Equal(t, "Ok", o.Result)
		data, err := base64.StdEncoding.DecodeString(o.Data)
		require.NoError(t, err)
		assert.True(t, strings.HasSuffix(string(data), "\n"), "rows are newline-terminated")
	}
}

func TestNDJSONCloudWatchLogs(t *testing.T) {
	data := `{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/app","logStream":"s1","subscriptionFilters":["f"],` +
		`"logEvents":[{"id":"1","timestamp":1767225600000,"message":"plain text"},{"id":"2","timestamp":1767225600001,"message":"{\"level\":\"warn\",\"ctx\":{\"user\":7}}"}]}`
	control := `{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1767225600000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}`
	input := base64.StdEncoding.EncodeToString(gzipBytes(t, data)) + "\n" + base64.StdEncoding.EncodeToString(gzipBytes(t, control))
	rep := Run(Request{Input: input, InputKind: KindBase64, Preset: PresetNDJSON})
	require.NotNil(t, rep.Lambda.Body)
	assert.Equal(t, PayloadCWL, rep.Records[0].Payload)
	assert.True(t, rep.Records[0].Gzip)
	out := decodeBody(t, *rep.Lambda.Body)
	require.Len(t, out, 2)
	assert.Equal(t, "Ok", out[0].Result)
	rows, _ := base64.StdEncoding.DecodeString(out[0].Data)
	assert.Equal(t,
		`{"owner":"123456789012","logGroup":"/aws/lambda/app","logStream":"s1","id":"1","timestamp":1767225600000,"message":"plain text"}`+"\n"+
			`{"owner":"123456789012","logGroup":"/aws/lambda/app","logStream":"s1","id":"2","timestamp":1767225600001,"message.level":"warn","message.ctx.user":7}`+"\n",
		string(rows))
	assert.Equal(t, "Dropped", out[1].Result, "a CONTROL_MESSAGE is a health check")
}
