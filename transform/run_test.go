package transform

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3preview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunReportShape(t *testing.T) {
	rep := Run(Request{Input: `[{"a": 1}]`})
	assert.Equal(t, Version, rep.Version)
	assert.Equal(t, KindJSON, rep.InputKind)
	assert.True(t, rep.Detected)
	assert.True(t, rep.Generated)
	assert.Regexp(t, `^shardId-[0-9]{64}$`, rep.Records[0].RecordID, "a Direct PUT style recordId")
	assert.Equal(t, rep.Records[0].RecordID, Run(Request{Input: `[{"a": 1}]`}).Records[0].RecordID, "the same input, the same id")
	assert.NotEqual(t, rep.Records[0].RecordID, Run(Request{Input: `[{"a": 2}]`}).Records[0].RecordID, "another input, another id")
	assert.Equal(t, PresetSeed, rep.Preset, "the default preset")
	assert.Equal(t, SourceDirectPut, rep.Source)
	require.Len(t, rep.Records, 1)
	assert.True(t, rep.Records[0].Detail)
	assert.Equal(t, `[{ "a": 1 }]`, rep.Records[0].Decoded, "pretty keeps short values on one line")
	assert.Equal(t, []Row{{{"a", `"1"`}}}, rep.Records[0].Rows)
	assert.Contains(t, rep.Event, `"records": [`)
	assert.Equal(t, Window{From: 0, Count: 1, Total: 1}, rep.Window)

	// The JSON field names are a contract with the page.
	out, err := json.Marshal(rep)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(out, &m))
	for _, k := range []string{"inputKind", "records", "lambda", "verdict", "findings", "window", "stats"} {
		assert.Contains(t, m, k)
	}
	rec := m["records"].([]any)[0].(map[string]any)
	for _, k := range []string{"index", "recordId", "start", "end", "decoded"} {
		assert.Contains(t, rec, k)
	}
	lambda := m["lambda"].(map[string]any)
	assert.Contains(t, lambda, "body")
	assert.Contains(t, lambda, "error")
}

func TestRunOffsetsAreUTF16(t *testing.T) {
	input := `{"records":[{"recordId":"😀한","data":"` + b64(`[{"이름": 1}]`) + `"},{"recordId":"b","data":"` + b64(`[{"x": }]`) + `"}]}`
	rep := Run(Request{Input: input, Preset: PresetSeed})
	require.Len(t, rep.Records, 2)
	r := rep.Records[1]
	assert.Equal(t, `{"recordId":"b","data":"`+b64(`[{"x": }]`)+`"}`, at(input, r.Start, r.End))
	assert.Equal(t, `"`+b64(`[{"x": }]`)+`"`, at(input, r.DataStart, r.DataEnd))
	f := finding(t, rep.Findings, "seed.raised")
	assert.Equal(t, 1, f.Record)
	assert.Contains(t, b64(`[{"x": }]`), at(input, f.Start, f.End))
}

func TestRunUnknownPreset(t *testing.T) {
	rep := Run(Request{Input: `[{"a": 1}]`, Preset: "nope"})
	assert.Equal(t, Code("request.preset"), rep.Findings[0].Code)
	assert.Nil(t, rep.Lambda.Body)
	assert.Nil(t, rep.Lambda.Error)
}

func TestRunInvalidUTF8Input(t *testing.T) {
	rep := Run(Request{Input: "[{\"a\": \"\xff\"}]"})
	assert.Contains(t, codes(rep.Findings), "input.utf8")
	require.Len(t, rep.Records, 1)
	require.NotNil(t, rep.Lambda.Body)
}

func TestRunEmptyInput(t *testing.T) {
	for _, in := range []string{"", "  \n"} {
		rep := Run(Request{Input: in})
		assert.Equal(t, []string{"input.empty"}, codes(rep.Findings)[:1])
		assert.Empty(t, rep.Records)
	}
}

func TestRunWindow(t *testing.T) {
	var lines []string
	for i := range 120 {
		lines = append(lines, fmt.Sprintf(`{"n": %d}`, i))
	}
	input := strings.Join(lines, "\n")
	rep := Run(Request{Input: input, Preset: PresetNDJSON, Detail: Detail{From: 100, Count: 30}})
	assert.Equal(t, Window{From: 100, Count: 20, Total: 120}, rep.Window)
	require.Len(t, rep.Records, 20)
	assert.Equal(t, 100, rep.Records[0].Index)
	assert.Equal(t, `{ "n": 100 }`, rep.Records[0].Decoded)
	assert.Equal(t, 120, rep.Stats.Records)

	def := Run(Request{Input: input, Preset: PresetNDJSON})
	assert.Equal(t, Window{From: 0, Count: defaultDetailCount, Total: 120}, def.Window)
}

func TestFindingsCapMergesChunks(t *testing.T) {
	var f, chunk report.Findings
	for i := range 250 {
		f.At("a", SevError, report.InputSpan(i, i+1)).Rec(i).Say("one")
	}
	f.At("b", SevWarning, report.InputSpan(0, 0)).Say("two")
	for range 30 {
		chunk.At("b", SevWarning, report.InputSpan(0, 0)).Say("three")
	}
	for range 120 {
		chunk.At("c", SevWarning, report.ResponseSpan(0, 0)).Say("four").Relate(DocInput, 0, 1, "still fine")
	}
	f.Merge(&chunk)
	f.Summarize()
	assert.Equal(t, 100+31+100+2, len(f.List))
	last := f.List[len(f.List)-2:]
	assert.Equal(t, Code("a"), last[0].Code)
	assert.Contains(t, last[0].Message, "150 more findings")
	assert.Equal(t, Code("c"), last[1].Code)
	assert.Equal(t, DocResponse, last[1].Doc)
	assert.Contains(t, last[1].Message, "20 more findings")
}

func TestIdentityIsTheBlueprint(t *testing.T) {
	input := `{"records":[{"recordId":"a","data":"eA=="},{"recordId":"b","data":""},{"data":"eQ=="}]}`
	rep := Run(Request{Input: input, Preset: PresetIdentity})
	require.NotNil(t, rep.Lambda.Body)
	assert.Equal(t, `{"records":[{"recordId":"a","result":"Ok","data":"eA=="},{"recordId":"b","result":"Ok","data":""},{"result":"Ok","data":"eQ=="}]}`,
		*rep.Lambda.Body, "JSON.stringify leaves out an undefined recordId")

	bad := Run(Request{Input: `{"records": 5}`, Preset: PresetIdentity})
	require.NotNil(t, bad.Lambda.Error)
	assert.Equal(t, "TypeError", bad.Lambda.Error.ErrorType)
	assert.Equal(t, "event.records.map is not a function", bad.Lambda.Error.ErrorMessage)
}

func TestNDJSONForMSKUsesKafkaRecordValue(t *testing.T) {
	input := `{"sourceMSKArn":"arn:aws:kafka:us-east-1:1:cluster/c/1","records":[{"recordId":"m","kafkaRecordValue":"` +
		base64.StdEncoding.EncodeToString([]byte(`{"a":1}`)) + `","mskRecordMetadata":{"offset":"0","partitionId":"1","approximateArrivalTimestamp":1767225600000}}]}`
	rep := Run(Request{Input: input, Preset: PresetNDJSON})
	require.NotNil(t, rep.Lambda.Body)
	assert.Equal(t, `{"records":[{"recordId":"m","result":"Ok","kafkaRecordValue":"`+base64.StdEncoding.EncodeToString([]byte("{\"a\":1}\n"))+`"}]}`, *rep.Lambda.Body)
}

// TestRunChunksAgree checks that splitting the records into chunks gives
// the same report as processing them in one go, wherever the window is,
// and again when the chunks reuse the buffers of an earlier run.
func TestRunChunksAgree(t *testing.T) {
	ev := analyticsEvent(1<<20, 3)
	for _, preset := range Presets {
		for _, d := range []Detail{{}, {From: 7, Count: 30}, {From: 60, Count: 3}} {
			req := Request{Input: ev, Preset: preset, Detail: d, Export: ExportDecoded}
			one := runChunks(t, 1, req)
			require.NotNil(t, one.Lambda.Body, preset)
			for range 2 {
				rep := runChunks(t, 5, req)
				rep.Stats.Micros = one.Stats.Micros
				assert.Equal(t, one, rep, "%s %+v", preset, d)
			}
		}
	}
	// A failure in a late chunk ends the invocation there.
	last := strings.LastIndex(ev, `"data":"`) + len(`"data":"`)
	broken := ev[:last] + b64("not json") + ev[last:]
	rep := runChunks(t, 4, Request{Input: broken, Preset: PresetSeed})
	one := runChunks(t, 1, Request{Input: broken, Preset: PresetSeed})
	require.NotNil(t, rep.Lambda.Error)
	assert.Equal(t, one.Lambda.Error, rep.Lambda.Error)
	assert.Equal(t, codes(one.Findings), codes(rep.Findings))
}

// runChunks runs a request with its records split into n chunks.
func runChunks(t *testing.T, n int, req Request) *Report {
	t.Helper()
	defer func(n int) { chunkCount = n }(chunkCount)
	chunkCount = n
	return Run(req)
}

// TestRunLimits checks what the playground does with inputs far beyond
// what Firehose sends: a clear finding, and a report that stays small.
func TestRunLimits(t *testing.T) {
	t.Run("too many records", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`{"records":[`)
		for i := range MaxRecords + 5 {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"recordId":"%d","data":""}`, i)
		}
		b.WriteString("]}")
		rep := Run(Request{Input: b.String(), Preset: PresetNDJSON})
		assert.Equal(t, MaxRecords, rep.Stats.Records)
		assert.Equal(t, 5, rep.Stats.SkippedRecords)
		f := finding(t, rep.Findings, "event.records.tooMany")
		assert.Contains(t, f.Message, "100,005 records")
		assert.Len(t, rep.Records, defaultDetailCount)
		assert.Len(t, rep.Verdict.Records, defaultDetailCount)
		assert.Equal(t, MaxRecords, rep.Stats.Dropped, "every empty record is Dropped")
	})
	t.Run("too many lines", func(t *testing.T) {
		input := strings.Repeat("e30=\n", MaxRecords+2)
		rep := Run(Request{Input: input, InputKind: KindBase64, Preset: PresetIdentity})
		assert.Equal(t, MaxRecords, rep.Stats.Records)
		assert.Equal(t, 2, rep.Stats.SkippedRecords)
		assert.Contains(t, codes(rep.Findings), "event.records.tooMany")
	})
	t.Run("too large", func(t *testing.T) {
		rep := Run(Request{Input: strings.Repeat(" ", MaxInput+1)})
		assert.Equal(t, []string{"input.size"}, codes(rep.Findings))
		assert.Empty(t, rep.Records)
		assert.Nil(t, rep.Lambda.Body)
	})
}

// TestOutputsKnowTheirOrigin checks that the presets tell which input
// record each output came from: the seed's R1 and R2 come from R.
func TestOutputsKnowTheirOrigin(t *testing.T) {
	input := `{"records":[{"recordId":"a","data":"` + b64(`[{"n":1},{"n":2},{"n":3}]`) + `"},{"recordId":"b","data":"` + b64(`[{"n":4}]`) + `"}]}`
	rep := Run(Request{Input: input, Preset: PresetSeed})
	require.NotNil(t, rep.Response)
	var got [][3]any
	for _, o := range rep.Response.Records {
		got = append(got, [3]any{o.RecordID, o.From, o.Status})
	}
	assert.Equal(t, [][3]any{{"a", 0, "matched"}, {"a1", 0, "ignored"}, {"a2", 0, "ignored"}, {"b", 1, "matched"}}, got)

	pasted := Run(Request{Input: input, Response: `{"records":[{"recordId":"a","result":"Dropped"},{"recordId":"b","result":"Dropped"}]}`})
	assert.Equal(t, -1, pasted.Response.Records[0].From, "unknown for a pasted response")
}

func TestExports(t *testing.T) {
	input := `{"records":[{"recordId":"a","data":"` + b64(`{"n": 1.10}`) + `"},{"recordId":"b","data":"` + b64("plain text") +
		`"},{"recordId":"c","data":"` + base64.StdEncoding.EncodeToString([]byte{0xff, 0x00}) + `"},{"recordId":"d","data":"` + b64(`[1] x`) + `"}]}`
	t.Run("event", func(t *testing.T) {
		rep := Run(Request{Input: input, Preset: PresetNDJSON, Export: ExportEvent})
		assert.Equal(t, input, rep.Export)
		gen := Run(Request{Input: `{"a": 1}`, Preset: PresetNDJSON, Export: ExportEvent})
		assert.Equal(t, gen.Event, gen.Export, "the event built from a JSON payload")
	})
	t.Run("decoded", func(t *testing.T) {
		rep := Run(Request{Input: input, Preset: PresetNDJSON, Export: ExportDecoded})
		assert.Equal(t, `{"recordId":"a","payload":{"n":1.10}}`+"\n"+
			`{"recordId":"b","payload":"plain text"}`+"\n"+
			`{"recordId":"c","payload":{"base64":"/wA="}}`+"\n"+
			`{"recordId":"d","payload":"[1] x"}`+"\n", rep.Export)
	})
	t.Run("s3 objects whole", func(t *testing.T) {
		big := strings.Repeat("x", s3preview.MaxObjectBody+10)
		in := `{"records":[{"recordId":"a","data":"` + b64(`{"s":"`+big+`"}`) + `"}]}`
		rep := Run(Request{Input: in, Preset: PresetNDJSON, Export: ExportS3})
		var out struct {
			Objects []struct{ Key, Kind, Body string }
		}
		require.NoError(t, json.Unmarshal([]byte(rep.Export), &out))
		require.Len(t, out.Objects, 1)
		assert.Equal(t, `{"s":"`+big+`"}`+"\n", out.Objects[0].Body)
		assert.Equal(t, ObjectDelivered, out.Objects[0].Kind)
		preview := Run(Request{Input: in, Preset: PresetNDJSON})
		assert.True(t, preview.S3.Objects[0].Truncated, "the preview alone is cut")
	})
	t.Run("unknown", func(t *testing.T) {
		rep := Run(Request{Input: input, Export: "pdf"})
		assert.Contains(t, codes(rep.Findings), "request.export")
	})
}

// TestReportListsAreNeverNull checks that every list of the report is a
// JSON array, even empty: null is kept for the values that may be absent.
func TestReportListsAreNeverNull(t *testing.T) {
	mayBeNull := map[string]bool{".lambda.body": true, ".lambda.error": true, ".verdict.batchError": true, ".response": true}
	reqs := []Request{{Input: ""}, {Input: `{"records":[]}`, Preset: PresetNDJSON}, {Input: "not json"},
		{Input: `{"records":[{"recordId":"1","data":"e30="}]}`, Response: `{"records":[{"recordId":"1","result":"Ok","data":"e30="}]}`}}
	for _, p := range Presets {
		reqs = append(reqs, Request{Input: "{\"a\":1}\n{\"b\":2}\n", Preset: p}, Request{Input: `[{"a":1}]`, Preset: p})
	}
	for _, req := range reqs {
		out, err := json.Marshal(Run(req))
		require.NoError(t, err)
		var m any
		require.NoError(t, json.Unmarshal(out, &m))
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case nil:
				assert.True(t, mayBeNull[path], "%s is null for %+v", path, req)
			case map[string]any:
				for k, e := range x {
					walk(path+"."+k, e)
				}
			case []any:
				for _, e := range x {
					walk(path+"[]", e)
				}
			}
		}
		walk("", m)
	}
}
