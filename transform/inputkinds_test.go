package transform

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inputGolden is what a sample of testdata/inputs reads into: its kind, the
// findings with the text they point at, every record's data as the input
// holds it and its decoded payload, and the event the playground built.
type inputGolden struct {
	InputKind string         `json:"inputKind"`
	Detected  bool           `json:"detected"`
	Source    string         `json:"source"`
	Records   int            `json:"records"`
	Findings  []goldenFind   `json:"findings"`
	Data      []goldenRecord `json:"data"`
	Event     string         `json:"event"`
}

type goldenFind struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Record   int    `json:"record"`
	At       string `json:"at"` // the text the finding's range covers
	Message  string `json:"message"`
}

type goldenRecord struct {
	RecordID string `json:"recordId"`
	At       string `json:"at"` // the text of the record's data range
	Decoded  string `json:"decoded"`
}

// clipAt keeps a golden file readable: long ranges are cut in the middle.
func clipAt(s string) string {
	if len(s) <= 160 {
		return s
	}
	return s[:80] + fmt.Sprintf("…(%d bytes)…", len(s)-160) + s[len(s)-80:]
}

// TestInputKinds reads every sample of testdata/inputs (written by
// scripts/inputsamples.py with the printers and the CLI's shapes) and
// compares what it reads into with its golden file; -update rewrites them.
// The built event, run back through the engine as an event, must give the
// same records and the same verdict.
func TestInputKinds(t *testing.T) {
	want := map[string]string{ // the kind auto detects
		"python-print": KindPrinted, "python-logging": KindPrinted, "python-json-log": KindPrinted,
		"node-console-log": KindPrinted, "node-cloudwatch": KindPrinted, "node-json-log": KindPrinted,
		"node-cut": KindPrinted, "processing-failed": KindFailed, "put-record-batch": KindCLI,
		"put-record-batch-input": KindCLI, "get-records": KindCLI, "kinesis-lambda": KindKinesis,
	}
	for name, kind := range want {
		t.Run(name, func(t *testing.T) {
			buf, err := os.ReadFile(filepath.Join("testdata", "inputs", name+".txt"))
			require.NoError(t, err)
			input := string(buf)
			rep := Run(Request{Input: input, Preset: PresetIdentity, Detail: Detail{Count: 1000}})
			checkInvariants(t, rep, input, *rep.Lambda.Body)
			require.Equal(t, kind, rep.InputKind)
			assert.True(t, rep.Detected)
			assert.True(t, rep.Generated)
			require.NotEmpty(t, rep.Event)

			got := inputGolden{InputKind: rep.InputKind, Detected: rep.Detected, Source: rep.Source,
				Records: rep.Stats.Records, Event: rep.Event}
			for _, f := range rep.Findings {
				if f.Doc != DocInput {
					continue
				}
				got.Findings = append(got.Findings, goldenFind{Code: string(f.Code), Severity: string(f.Severity), Record: f.Record,
					At: clipAt(at(input, f.Start, f.End)), Message: f.Message})
			}
			for i, r := range rep.Records {
				if i == 5 {
					break
				}
				got.Data = append(got.Data, goldenRecord{RecordID: r.RecordID, At: clipAt(at(input, r.DataStart, r.DataEnd)),
					Decoded: clipAt(r.Decoded)})
			}
			// Exactly one finding names what was recognised, and how to
			// force another reading.
			recognised := 0
			for _, f := range rep.Findings {
				if f.Severity == SevInfo && strings.Contains(f.Message, `choose it in "Input is"`) {
					recognised++
					assert.Contains(t, f.Message, "The event the playground built")
				}
			}
			assert.Equal(t, 1, recognised, "one finding names what was recognised")

			path := filepath.Join("testdata", "inputs", name+".golden.json")
			b, err := json.MarshalIndent(got, "", "  ")
			require.NoError(t, err)
			if *update {
				require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
			} else {
				w, err := os.ReadFile(path)
				require.NoError(t, err, "go test ./transform -run TestInputKinds -update writes it")
				assert.JSONEq(t, string(w), string(b))
			}

			// The built event, pasted as an event, reads into the same records.
			again := Run(Request{Input: rep.Event, Preset: PresetIdentity, Detail: Detail{Count: 1000}})
			checkInvariants(t, again, rep.Event, *again.Lambda.Body)
			assert.Equal(t, KindEvent, again.InputKind)
			assert.False(t, again.Generated)
			assert.Equal(t, rep.Source, again.Source)
			require.Len(t, again.Records, len(rep.Records))
			for i := range rep.Records {
				assert.Equal(t, rep.Records[i].RecordID, again.Records[i].RecordID)
				assert.Equal(t, rep.Records[i].Decoded, again.Records[i].Decoded, "record %d", i)
				assert.Equal(t, rep.Records[i].Payload, again.Records[i].Payload)
			}
			assert.Equal(t, *rep.Lambda.Body, *again.Lambda.Body)
			s, a := rep.Stats, again.Stats
			assert.Equal(t, [3]int{s.Delivered, s.Dropped, s.Failed}, [3]int{a.Delivered, a.Dropped, a.Failed})
		})
	}
}

// TestInputKindsAreStrict pastes what only looks like the new kinds: each
// stays what it is.
func TestInputKindsAreStrict(t *testing.T) {
	failedLine := `{"attemptsMade":1,"arrivalTimestamp":1796637600123,"errorCode":"Lambda.MissingRecordId","errorMessage":"x","attemptEndingTimestamp":1796637601123,"rawData":"eyJhIjoxfQ==","lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`
	for _, c := range []struct {
		name, input, kind string
	}{
		{"a Python dict as a payload", `{'user': 'ana', 'ok': True}`, KindJSON},
		{"Python dicts, one per line", "{'user': 'ana'}\n{'user': 'bo'}", KindJSON},
		{"a printed dict with records but no recordId", `{'records': [{'data': 'eyJhIjoxfQ=='}]}`, KindJSON},
		{"a printed event cut short", `{'records': [{'recordId': 'r0', 'data': 'eyJhIjoxfQ=='}]`, KindJSON},
		{"a JSON event", testEvent([2]string{"r0", `{"a":1}`}), KindEvent},
		{"an event logged with JSON.stringify is a printed one", "2026-12-07T10:00:00.123Z\t3f8e2c1a-5b7d-4e9f-a0c2-6d1b8e4f7a93\tINFO\t" + testEvent([2]string{"r0", `{"a":1}`}), KindPrinted},
		{"processing-failed lines and one other line", failedLine + "\n" + `{"a":1}`, KindJSON},
		{"one processing-failed line", failedLine, KindFailed},
		{"a failed line missing errorMessage", strings.Replace(failedLine, `"errorMessage":"x",`, "", 1), KindJSON},
		{"Data with another key", `[{"Data":"eyJhIjoxfQ==","PartitionKey":"p"}]`, KindJSON},
		{"get-records with a stray key", `{"Records":[{"SequenceNumber":"1","Data":"eyJhIjoxfQ==","PartitionKey":"p"}],"Extra":1}`, KindEvent},
		{"an S3 event", `{"Records":[{"eventSource":"aws:s3","s3":{"object":{"key":"k"}}}]}`, KindEvent},
		{"a log line that is not an event", "2026-12-07T10:00:00.123Z\t3f8e2c1a-5b7d-4e9f-a0c2-6d1b8e4f7a93\tINFO\t{ user: 'ana' }", KindJSON},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := Run(Request{Input: c.input})
			assert.Equal(t, c.kind, rep.InputKind)
		})
	}
}

// TestForcedInputKinds forces each new kind on text it does not fit: an
// error says so and nothing is read; and a printed payload forced as JSON
// is a JSON error on its record.
func TestForcedInputKinds(t *testing.T) {
	event := testEvent([2]string{"r0", `{"a":1}`})
	for kind, code := range map[string]Code{KindPrinted: report.CodeKindPrintedBad, KindFailed: report.CodeKindFailedBad,
		KindCLI: report.CodeKindCLIBad, KindKinesis: report.CodeKindKinesisBad} {
		t.Run(kind, func(t *testing.T) {
			rep := Run(Request{Input: event, InputKind: kind})
			assert.Equal(t, kind, rep.InputKind)
			assert.False(t, rep.Detected)
			assert.Contains(t, findingCodes(rep), string(code))
			assert.Zero(t, rep.Stats.Records)
		})
	}
	buf, err := os.ReadFile(filepath.Join("testdata", "inputs", "python-print.txt"))
	require.NoError(t, err)
	rep := Run(Request{Input: string(buf), InputKind: KindJSON, Preset: PresetSeed})
	assert.Equal(t, KindJSON, rep.InputKind)
	require.NotNil(t, rep.Lambda.Error, "the seed's json.loads raises on a dict repr")
	assert.Equal(t, ErrJSONDecode, rep.Lambda.Error.ErrorType)
}

// TestRedriveExport splits a re-drive into put-record-batch calls of at
// most 500 records and 4 MiB.
func TestRedriveExport(t *testing.T) {
	line := func(i int, raw string) string {
		return fmt.Sprintf(`{"rawData":%q,"errorCode":"Lambda.FunctionError","errorMessage":"m","attemptsMade":4,"arrivalTimestamp":%d,"attemptEndingTimestamp":%d,"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"}`,
			raw, event.GenTimestamp+int64(i), event.GenTimestamp+int64(i)+1000)
	}
	batches := func(lines []string) []int {
		rep := Run(Request{Input: strings.Join(lines, "\n"), Export: ExportRedrive, Firehose: firehose.Options{StreamName: "orders"}})
		require.Equal(t, KindFailed, rep.InputKind)
		var calls []struct {
			DeliveryStreamName string
			Records            []struct{ Data string }
		}
		require.NoError(t, json.Unmarshal([]byte(rep.Export), &calls))
		var sizes []int
		for _, c := range calls {
			assert.Equal(t, "orders", c.DeliveryStreamName)
			sizes = append(sizes, len(c.Records))
		}
		return sizes
	}
	small := make([]string, 1201)
	for i := range small {
		small[i] = line(i, b64(fmt.Sprintf(`{"n":%d}`, i)))
	}
	assert.Equal(t, []int{500, 500, 201}, batches(small))
	big := make([]string, 5)
	for i := range big {
		big[i] = line(i, b64(strings.Repeat("x", 1000<<10)))
	}
	assert.Equal(t, []int{4, 1}, batches(big), "4 MiB holds four records of 1,000 KiB")
}

// TestResponseInLogLines takes the function's answer out of test-invocation
// output: ranges point into the pasted text, sizes are the answer's.
func TestResponseInLogLines(t *testing.T) {
	event, err := os.ReadFile(filepath.Join("testdata", "inputs", "python-print.txt"))
	require.NoError(t, err)
	for _, c := range []struct {
		file     string
		outcomes []string
		answer   string // how the answer starts
		at       string // the text the Lambda.MissingRecordId or Lambda.FunctionError finding covers
	}{
		{"sam-local-invoke", []string{"delivered (confirmed)", "delivered (confirmed)", "failed Lambda.MissingRecordId (confirmed)"},
			`{"records": [`, ""},
		{"console-test-result", []string{"failed Lambda.FunctionError (confirmed)", "failed Lambda.FunctionError (confirmed)", "failed Lambda.FunctionError (confirmed)"},
			"{\n  \"errorMessage\"", `"'data'"`},
	} {
		t.Run(c.file, func(t *testing.T) {
			buf, err := os.ReadFile(filepath.Join("testdata", "inputs", c.file+".txt"))
			require.NoError(t, err)
			pasted := string(buf)
			rep := Check(string(event), pasted, firehose.Options{})
			checkInvariants(t, rep, string(event), pasted)
			assert.Equal(t, c.outcomes, outcomes(rep))
			logs := findingsWith(rep, report.CodeResponseLogLines)
			require.Len(t, logs, 1)
			assert.Equal(t, DocResponse, logs[0].Doc)
			assert.Equal(t, "{", at(pasted, logs[0].Start, logs[0].End))
			start := strings.Index(pasted, c.answer)
			require.GreaterOrEqual(t, start, 0)
			assert.Equal(t, start, logs[0].Start)
			if rep.Lambda.Body != nil {
				assert.True(t, strings.HasPrefix(*rep.Lambda.Body, c.answer))
				assert.Equal(t, len(*rep.Lambda.Body), rep.Stats.ResponseBytes)
				assert.Less(t, rep.Stats.ResponseBytes, len(pasted))
				for _, o := range rep.Response.Records {
					assert.True(t, strings.HasPrefix(at(pasted, o.Start, o.End), `{"recordId"`), "output %d", o.Index)
				}
			}
			if c.at != "" {
				fe := findingsWith(rep, report.CodeFunctionError)
				require.Len(t, fe, 1)
				assert.Equal(t, c.at, at(pasted, fe[0].Start, fe[0].End))
			}
		})
	}
	// A response that is JSON by itself is taken whole, with no finding.
	rep := Check(threeRecords, records(ok("r0", "A\n"), ok("r1", "B\n"), ok("r2", "C\n")), firehose.Options{})
	assert.NotContains(t, findingCodes(rep), report.CodeResponseLogLines)
}
