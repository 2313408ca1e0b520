package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/testevent"
	"github.com/firehose-playground/firehose-playground/transform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestASCIIJSON(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"ascii is kept", `{"a":"b"}`, `{"a":"b"}`},
		{"empty", ``, ``},
		{"two bytes", `"é"`, `"\u00e9"`},
		{"three bytes", `"한글"`, `"\ud55c\uae00"`},
		{"four bytes: a surrogate pair", `"😀"`, `"\ud83d\ude00"`},
		{"mixed", `{"k":"a한b","n":1}`, `{"k":"a\ud55cb","n":1}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(asciiJSON([]byte(tc.in)))
			assert.Equal(t, tc.want, got)
			if tc.in != "" {
				var a, b any
				require.NoError(t, json.Unmarshal([]byte(tc.in), &a))
				require.NoError(t, json.Unmarshal([]byte(got), &b))
				assert.Equal(t, a, b, "the escaped text means the same")
			}
		})
	}
}

// detached is the part of a detached report the tests read.
type detached struct {
	InputKind string `json:"inputKind"`
	Generated bool   `json:"generated"`
	Event     string `json:"event"`
	Export    string `json:"export"`
	Lambda    struct {
		Body  *string         `json:"body"`
		Error json.RawMessage `json:"error"`
	} `json:"lambda"`
	Findings []struct {
		Code string `json:"code"`
	} `json:"findings"`
	Documents struct {
		Run   int            `json:"run"`
		Sizes map[string]int `json:"sizes"`
	} `json:"documents"`
}

func TestRunBytesKeepsTheDocumentsAside(t *testing.T) {
	a := &adapter{}
	input := []byte(`[{"name": "한국어", "n": [1, 2]}]`) // a JSON payload: the event is built
	out := a.runBytes(`{"preset": "seed", "export": "event"}`, input, nil)
	for i := 0; i < len(out); i++ {
		require.Less(t, out[i], byte(utf8.RuneSelf), "the report is pure ASCII: %q", out)
	}
	var r detached
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "json", r.InputKind)
	assert.True(t, r.Generated)
	assert.Nil(t, r.Lambda.Body, "the body is not inside the report")
	assert.Empty(t, r.Event)
	assert.Empty(t, r.Export)
	assert.Equal(t, 1, r.Documents.Run)

	// The documents are what the report would have held inline.
	whole := decodeWhole(t, handle(`{"preset": "seed", "export": "event", "input": `+quote(string(input))+`}`))
	body, ok := a.document(1, docBody)
	require.True(t, ok)
	assert.Equal(t, *whole.Lambda.Body, body)
	assert.Equal(t, len(body), r.Documents.Sizes[docBody])
	event, ok := a.document(1, docEvent)
	require.True(t, ok)
	assert.Equal(t, whole.Event, event)
	assert.Contains(t, event, `"records"`)
	export, ok := a.document(1, docExport)
	require.True(t, ok)
	assert.Equal(t, whole.Export, export)

	// The next run replaces them: the older run's are gone.
	a.runBytes(`{"preset": "identity"}`, []byte(`{"records": []}`), nil)
	_, ok = a.document(1, docBody)
	assert.False(t, ok, "a document of an older run is gone")
	_, ok = a.document(2, docEvent)
	assert.False(t, ok, "a pasted event is not a document: the page has it")
	_, ok = a.document(2, "nothing")
	assert.False(t, ok)
}

func TestRunBytesChecksAResponse(t *testing.T) {
	a := &adapter{}
	event := `{"records": [{"recordId": "a", "data": "e30="}]}`
	out := a.runBytes(`{}`, []byte(event), []byte(`{"records": [{"recordId": "b", "result": "Ok", "data": "e30="}]}`))
	var r detached
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	codes := []string{}
	for _, f := range r.Findings {
		codes = append(codes, f.Code)
	}
	assert.Contains(t, codes, "Lambda.MissingRecordId")
	body, ok := a.document(r.Documents.Run, docBody)
	require.True(t, ok)
	assert.Contains(t, body, `"recordId": "b"`)

	// A preset that raises has no body document.
	out = a.runBytes(`{"preset": "seed"}`, []byte(`{"records": [{"recordId": "a", "data": ""}]}`), nil)
	r = decodeWhole(t, out)
	assert.NotContains(t, r.Documents.Sizes, docBody)
	assert.NotEqual(t, "null", string(r.Lambda.Error))
}

func TestRunBytesTakesWhatIsMissingFromTheRequestText(t *testing.T) {
	a := &adapter{}
	r := decodeWhole(t, a.runBytes(`{"preset": "identity", "input": "{\"records\": [{\"recordId\": \"a\", \"data\": \"\"}]}", "response": "{\"records\": []}"}`, nil, nil))
	assert.Equal(t, "event", r.InputKind)
	body, ok := a.document(r.Documents.Run, docBody)
	require.True(t, ok)
	assert.Equal(t, `{"records": []}`, body, "the request text's response is checked")

	// A lone surrogate, escaped in the request text, reaches the engine as
	// the invalid text it is.
	r = decodeWhole(t, a.runBytes(`{"input": "[\"\ud800\"]"}`, nil, nil))
	codes := []string{}
	for _, f := range r.Findings {
		codes = append(codes, f.Code)
	}
	assert.Contains(t, codes, "input.utf8")
}

func TestRunBytesReportsBadRequestsAndPanics(t *testing.T) {
	a := &adapter{}
	var r detached
	require.NoError(t, json.Unmarshal([]byte(a.runBytes(`{"input": `, nil, nil)), &r))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "request.json", r.Findings[0].Code)

	defer func(orig func(transform.Request) *transform.Result) { evaluate = orig }(evaluate)
	evaluate = func(transform.Request) *transform.Result { panic("boom") }
	out := a.runBytes(`{}`, []byte("[]"), nil)
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "engine.panic", r.Findings[0].Code)
	_, ok := a.document(a.run, docBody)
	assert.False(t, ok)
	assert.Nil(t, a.last, "a run that panicked is not kept")
}

// TestRunBytesKeepsTheRun checks that a request for another window of the
// same run is answered from the kept run: the same run number and
// documents, the report Run gives for that window; and that anything else
// is a new run.
func TestRunBytesKeepsTheRun(t *testing.T) {
	input := []byte(benchInput()[:600_000])
	input = append(input[:bytes.LastIndexByte(input, '}')+1], "]}"...)
	a := &adapter{}
	const page1, page2 = `{"preset":"seed","detail":{"from":0,"count":3}}`, `{"preset":"seed","detail":{"from":3,"count":3}}`
	firstText := a.runBytes(page1, input, nil)
	first := decodeWhole(t, firstText)
	body, ok := a.document(first.Documents.Run, docBody)
	require.True(t, ok)

	evaluated := 0
	defer func(orig func(transform.Request) *transform.Result) { evaluate = orig }(evaluate)
	evaluate = func(req transform.Request) *transform.Result { evaluated++; return transform.Evaluate(req) }

	// The page's next page: the input arrives again, as a new copy.
	again := bytes.Clone(input)
	second := a.runBytes(page2, again, nil)
	assert.Zero(t, evaluated, "the transform did not run again")
	var got marshaled
	require.NoError(t, json.Unmarshal([]byte(second), &got))
	assert.Equal(t, first.Documents.Run, got.Documents.Run, "the same run")
	assert.Equal(t, first.Documents.Sizes, got.Documents.Sizes, "the same documents")
	assert.Equal(t, 3, got.Window.From)
	assert.Nil(t, got.Lambda.Body, "the body stays a document")
	assert.InEpsilon(t, len(firstText), len(second), 0.2, "a report of the same size as the first page's")
	kept, ok := a.document(got.Documents.Run, docBody)
	require.True(t, ok)
	assert.Equal(t, body, kept)
	want := transform.Run(transform.Request{Input: string(input), Preset: "seed", Detail: transform.Detail{From: 3, Count: 3}})
	round, err := json.Marshal(want)
	require.NoError(t, err)
	want = &transform.Report{}
	require.NoError(t, json.Unmarshal(round, want))
	assert.Equal(t, want.Records, got.Records)
	assert.Equal(t, want.Verdict, got.Verdict)
	assert.Equal(t, want.Response, got.Response)

	// Collecting frees only what the run no longer holds: its documents
	// and the kept run stay.
	a.collect()
	kept, ok = a.document(got.Documents.Run, docBody)
	require.True(t, ok)
	assert.Equal(t, body, kept)
	before := evaluated
	a.runBytes(page1, bytes.Clone(input), nil)
	assert.Equal(t, before, evaluated, "the kept run answers after a collection")

	for name, request := range map[string]string{
		"another preset":   `{"preset":"ndjson","detail":{"from":3,"count":3}}`,
		"another stream":   `{"preset":"seed","firehose":{"retries":5},"detail":{"from":3,"count":3}}`,
		"an export":        `{"preset":"seed","export":"decoded"}`,
		"another response": `{"preset":"seed","response":"{}"}`,
	} {
		before := evaluated
		a.runBytes(request, bytes.Clone(input), nil)
		assert.Equal(t, before+1, evaluated, name)
	}
	// The bytes of a request answered from the kept run are the next
	// request's buffer; a run's own bytes never are.
	a.runBytes(page1, bytes.Clone(input), nil)
	ran := a.buffer(0, len(input))
	copy(ran, input)
	a.runBytes(page2, ran, nil) // answered from the kept run
	reused := a.buffer(0, len(input))
	assert.Same(t, &ran[0], &reused[0], "the bytes of a request answered from the kept run are reused")
	copy(reused, input)
	reused[len(reused)-4] = ' '
	a.runBytes(page2, reused, nil) // a new run: its text shares these bytes
	fresh := a.buffer(0, len(input))
	assert.NotSame(t, &reused[0], &fresh[0], "a run's bytes are its own")

	before = evaluated
	edited := bytes.Clone(input)
	edited[len(edited)-3] = ' '
	a.runBytes(page2, edited, nil)
	assert.Equal(t, before+1, evaluated, "another input")
	a.runBytes(page1, edited, nil)
	assert.Equal(t, before+1, evaluated, "then its first page again")
}

// marshaled is a detached report as encoding/json writes it: the
// report's fields, then its documents.
type marshaled struct {
	*transform.Report
	Documents struct {
		Run   int            `json:"run"`
		Sizes map[string]int `json:"sizes"`
	} `json:"documents"`
}

// TestEncodeIsMarshal holds the adapter's reports, written without
// reflection, to encoding/json's, made pure ASCII: every gallery example
// under every preset, and a 600 KB event of Korean text.
func TestEncodeIsMarshal(t *testing.T) {
	input := benchInput()[:600_000]
	input = input[:strings.LastIndexByte(input, '}')+1] + "]}"
	inputs := []string{input, "", "not json", `{"records": [{"recordId": "<&>", "data": "\u2028"}]}`}
	examples, err := filepath.Glob(filepath.Join("..", "web", "examples", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	for _, name := range examples {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		for _, preset := range transform.Presets {
			a := &adapter{run: 7}
			rep := transform.Run(transform.Request{Input: in, Preset: preset, Detail: transform.Detail{Count: 100}})
			sizes := map[string]int{"body": 3, "event": 12, "export": 0}
			m := marshaled{Report: rep}
			m.Documents.Run, m.Documents.Sizes = 7, sizes
			want, err := json.Marshal(m)
			require.NoError(t, err)
			require.Equal(t, string(asciiJSON(want)), a.encode(rep, sizes))
			plain, err := json.Marshal(rep)
			require.NoError(t, err)
			require.Equal(t, string(plain), encode(rep.AppendJSON))
		}
	}
	d := transform.Describe()
	want, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, string(want), describe())
}

func decodeWhole(t *testing.T, s string) detached {
	t.Helper()
	var r detached
	require.NoError(t, json.Unmarshal([]byte(s), &r), s)
	return r
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return strings.TrimSpace(string(b))
}

// benchInput is a 6 MB event of 400 records, each a JSON list with Korean
// text, as the page's perf test and the engine's benchmark use.
func benchInput() string {
	payloads := make([][]byte, 400)
	for i := range payloads {
		var b strings.Builder
		b.WriteString("[")
		for j := 0; b.Len() < 11_000; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"event":"장바구니_담기","n":%d,"price":%d.25,"city":"서울","items":[{"sku":"SKU-%05d","qty":%d}],"ref":null}`, j, i*j, i*31+j, j%5)
		}
		b.WriteString("]")
		payloads[i] = []byte(b.String())
	}
	return testevent.Event(payloads...)
}

// BenchmarkAdapter compares the two forms of firehose.run on a 6 MB event
// (without the JavaScript side): the whole report as JSON, and the report
// without its documents plus the body fetched. report-bytes is the size of
// the JSON text that crosses into JavaScript.
func BenchmarkAdapter(b *testing.B) {
	input := benchInput()
	req, _ := json.Marshal(map[string]any{"input": input, "inputKind": "event", "preset": "seed"})
	b.Run("string", func(b *testing.B) {
		b.SetBytes(int64(len(input)))
		var out string
		for b.Loop() {
			out = handle(string(req))
		}
		b.ReportMetric(float64(len(out)), "report-bytes")
	})
	b.Run("bytes", func(b *testing.B) {
		b.SetBytes(int64(len(input)))
		a := &adapter{}
		// Every other run has one more space at the end of the input: the
		// adapter answers a request for the run it just made from that run.
		in, spaced := []byte(input), []byte(input+" ")
		var out string
		for i := 0; b.Loop(); i++ {
			out = a.runBytes(`{"inputKind": "event", "preset": "seed"}`, bytes.Clone([][]byte{in, spaced}[i%2]), nil)
			if a.run != i+1 {
				b.Fatal("the engine did not run again")
			}
			if _, ok := a.document(a.run, docBody); !ok {
				b.Fatal("no body")
			}
		}
		b.ReportMetric(float64(len(out)), "report-bytes")
	})
}

// BenchmarkASCIIJSON escapes the report of a 6 MB seed event whose window
// holds Korean text.
func BenchmarkASCIIJSON(b *testing.B) {
	rep := transform.Run(transform.Request{Input: benchInput(), InputKind: "event", Preset: "seed", Detail: transform.Detail{Count: 100}})
	rep.Lambda.Body = nil
	out, err := json.Marshal(rep)
	require.NoError(b, err)
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		asciiJSON(out)
	}
}
