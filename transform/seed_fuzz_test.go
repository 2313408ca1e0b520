package transform

import (
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/require"
)

// seedCase is one line of testdata/pydiff/seed.jsonl.gz (written by
// scripts/seedfuzz.py): a random event and what run_seed.py printed for it.
type seedCase struct {
	Event string `json:"event"`
	Seed  string `json:"seed"`
	V1    string `json:"v1"` // empty when the same as Seed
}

// seedOutput is what the seed preset made of an event, in run_seed.py's
// form: the body, or the error object.
func seedOutput(event, preset string) string {
	rep := Run(Request{Input: event, InputKind: KindEvent, Preset: preset})
	switch {
	case rep.Lambda.Error != nil && rep.Lambda.Body != nil:
		return "both a body and an error"
	case rep.Lambda.Error != nil:
		b, _ := json.Marshal(map[string]string{"errorType": rep.Lambda.Error.ErrorType,
			"errorMessage": rep.Lambda.Error.ErrorMessage})
		return string(b)
	case rep.Lambda.Body != nil:
		return *rep.Lambda.Body
	}
	return "neither a body nor an error"
}

// sameSeedOutput compares outputs: bodies byte for byte, error objects by
// type and message.
func sameSeedOutput(got, want string) bool {
	if got == want {
		return true
	}
	var g, w map[string]any
	if json.Unmarshal([]byte(got), &g) != nil || json.Unmarshal([]byte(want), &w) != nil {
		return false
	}
	return w["errorType"] != nil && g["errorType"] == w["errorType"] && g["errorMessage"] == w["errorMessage"]
}

// TestSeedRandomMatchesPython runs both seed presets on random events and
// compares with what the Python Lambda returned (see scripts/seedfuzz.py).
func TestSeedRandomMatchesPython(t *testing.T) {
	path := filepath.Join("testdata", "pydiff", "seed.jsonl.gz")
	if dir := os.Getenv("PYDIFF_DIR"); dir != "" {
		path = filepath.Join(dir, "seed.jsonl.gz")
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	z, err := gzip.NewReader(f)
	require.NoError(t, err)
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 16<<20)
	line, fails := 0, 0
	for sc.Scan() {
		line++
		var c seedCase
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c), "line %d", line)
		if c.V1 == "" {
			c.V1 = c.Seed
		}
		for _, p := range []struct{ preset, want string }{{PresetSeed, c.Seed}, {PresetSeedV1, c.V1}} {
			if got := seedOutput(c.Event, p.preset); !sameSeedOutput(got, p.want) {
				fails++
				if fails <= 20 {
					t.Errorf("line %d: %s on event %q:\ngot  %s,\nwant %s", line, p.preset, report.Clip(c.Event, 2000), report.Clip(got, 2000), report.Clip(p.want, 2000))
				}
			}
		}
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, line, 500, "events")
	t.Logf("%d events, %d mismatches", line, fails)
}

// checkSeedReport checks what the seed presets must always give: a body
// or an error, never both; a body that is ASCII JSON whose records carry
// base64 data holding a JSON object of strings, each a json.dumps output.
func checkSeedReport(t *testing.T, event, preset string) {
	rep := Run(Request{Input: event, InputKind: KindEvent, Preset: preset})
	if (rep.Lambda.Body == nil) == (rep.Lambda.Error == nil) {
		t.Fatalf("%s on %q: got body %v and error %v, want exactly one", preset, event, rep.Lambda.Body, rep.Lambda.Error)
	}
	if rep.Lambda.Error != nil {
		if rep.Lambda.Error.ErrorType == "" || rep.Lambda.Error.ErrorMessage == "" {
			t.Fatalf("%s on %q: got error %+v", preset, event, *rep.Lambda.Error)
		}
		return
	}
	body := *rep.Lambda.Body
	var resp struct {
		Records []struct {
			Data     string `json:"data"`
			RecordID any    `json:"recordId"`
			Result   string `json:"result"`
		} `json:"records"`
	}
	if !jsonpos.IsASCII(body) || json.Unmarshal([]byte(body), &resp) != nil {
		t.Fatalf("%s on %q: got body %q, not ASCII JSON", preset, event, body)
	}
	for _, r := range resp.Records {
		data, err := base64.StdEncoding.Strict().DecodeString(r.Data)
		var flat map[string]string
		if err != nil || r.Result != "Ok" || !jsonpos.IsASCII(string(data)) || json.Unmarshal(data, &flat) != nil {
			t.Fatalf("%s on %q: got record data %q (%q), result %q", preset, event, r.Data, data, r.Result)
		}
		for k, v := range flat {
			if !json.Valid([]byte(v)) {
				t.Fatalf("%s on %q: got %q: %q, not json.dumps output", preset, event, k, v)
			}
		}
	}
}

// FuzzSeed runs both seed presets on any event text.
func FuzzSeed(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "seed", "*.json"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 2048 {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, event string) {
		checkSeedReport(t, event, PresetSeed)
		checkSeedReport(t, event, PresetSeedV1)
	})
}

// FuzzSeedPayload runs both seed presets on an event of one record with
// the given payload (base64-encoded, or as the data text itself when raw
// is set) and recordId (JSON text, a string when it is not JSON).
func FuzzSeedPayload(f *testing.F) {
	for _, p := range []string{`[{"a": 1, "b": {"c": [1, "x", null]}}, {"d": NaN}]`, `[{"a.b": 1, "a": {"b": 2}}]`,
		`{"a": 1}`, `[]`, `""`, `[{"k": "\ud800é😀'\""}, 7]`, "\xff", `[{"a": 1e400}]`, `[{"a": {}}, {"b": []}]`} {
		f.Add([]byte(p), `"rec"`, false)
	}
	f.Add([]byte("W3siYSI6IDF9XQ"), `12`, true)
	f.Add([]byte("W3siYSI6IDF9XQ==\nQUJD"), `[1]`, true)
	f.Fuzz(func(t *testing.T, payload []byte, id string, raw bool) {
		if !json.Valid([]byte(id)) {
			b, _ := json.Marshal(id)
			id = string(b)
		}
		data := base64.StdEncoding.EncodeToString(payload)
		if raw {
			b, _ := json.Marshal(string(payload))
			data = string(b[1 : len(b)-1])
		}
		event := `{"records": [{"recordId": ` + id + `, "data": "` + data + `"}]}`
		checkSeedReport(t, event, PresetSeed)
		checkSeedReport(t, event, PresetSeedV1)
	})
}
