package transform

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

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
					t.Errorf("line %d: %s on event %q:\ngot  %s,\nwant %s", line, p.preset, clip(c.Event, 2000), clip(got, 2000), clip(p.want, 2000))
				}
			}
		}
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, line, 500, "events")
	t.Logf("%d events, %d mismatches", line, fails)
}
