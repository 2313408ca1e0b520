package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// example is what the command needs of a file of the page's gallery
// (web/examples): its input, and a preset or a response.
type example struct {
	Input     json.RawMessage `json:"input"`
	InputKind string          `json:"inputKind"`
	Preset    string          `json:"preset"`
	Response  json.RawMessage `json:"response"`
	Firehose  struct {
		Prefix string `json:"prefix"`
	} `json:"firehose"`
}

// document is a field of an example as the page puts it in its editor: a
// string as it is, anything else as indented JSON.
func document(t *testing.T, raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var v any
	require.NoError(t, json.Unmarshal(raw, &v))
	out, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return string(out)
}

// micros is the one figure of a report that changes from run to run.
var micros = regexp.MustCompile(`"micros": \d+`)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, dir, name, got string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if *update {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/firehose-check -update to write it")
	assert.Equal(t, string(want), got)
}

// TestGallery runs the command on every example of the page's gallery,
// from files as a CI job would hold them, and compares its output and exit
// status with the golden files.
func TestGallery(t *testing.T) {
	files, err := filepath.Glob("../../web/examples/[0-9]*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 13)
	testdata, err := filepath.Abs("testdata")
	require.NoError(t, err)
	// The reports as JSON, for a few small examples.
	asJSON := map[string]bool{"08-response-missing-record": true, "09-processing-failed-and-dropped": true,
		"12-dynamic-partitioning": true}
	for _, path := range files {
		base := strings.TrimSuffix(filepath.Base(path), ".json")
		path, err := filepath.Abs(path)
		require.NoError(t, err)
		buf, err := os.ReadFile(path)
		require.NoError(t, err)
		var ex example
		require.NoError(t, json.Unmarshal(buf, &ex))
		t.Run(base, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "event.json"), []byte(document(t, ex.Input)), 0o644))
			args := []string{"event.json"}
			if resp := document(t, ex.Response); resp != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "response.json"), []byte(resp), 0o644))
				args = append(args, "response.json")
			} else if ex.Preset == "python" {
				// The user's own function, the seed Lambda's code in the
				// gallery: the command runs the seed preset in its place.
				args = append(args, "--preset", "seed")
			} else {
				args = append(args, "--preset", ex.Preset)
			}
			if ex.InputKind != "" {
				args = append(args, "--input-kind", ex.InputKind)
			}
			if ex.Firehose.Prefix != "" {
				args = append(args, "--prefix", ex.Firehose.Prefix)
			}
			t.Chdir(dir)
			var out, errOut bytes.Buffer
			status := run(args, strings.NewReader(""), &out, &errOut)
			assert.Empty(t, errOut.String())
			golden(t, testdata, base+".txt", out.String()+"exit status "+string(rune('0'+status))+"\n")
			if asJSON[base] {
				out.Reset()
				assert.Equal(t, status, run(append(args, "--json"), strings.NewReader(""), &out, &errOut))
				golden(t, testdata, base+".json", micros.ReplaceAllString(out.String(), `"micros": 0`))
			}
		})
	}
}

// TestExitStatus covers the command line itself: the response on standard
// input, flags after the files, bad usage and unreadable files.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	event := `{"invocationId":"0b6e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b","deliveryStreamArn":"arn:aws:firehose:us-east-1:123456789012:deliverystream/s","region":"us-east-1","records":[` +
		`{"recordId":"r0","approximateArrivalTimestamp":1767225600000,"data":"eyJhIjoxfQ=="}]}`
	ok := `{"records":[{"recordId":"r0","result":"Ok","data":"eyJhIjoxfQo="}]}`
	lostRow := `{"records":[{"recordId":"r0","result":"Ok","data":"eyJhIjoxfQo="},{"recordId":"r01","result":"Ok","data":"eyJhIjoxfQo="}]}`
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	ev, good, lost, empty := write("event.json", event), write("ok.json", ok), write("lost.json", lostRow), write("empty.json", " \n")
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		status int
		out    string // in stdout, or stderr for status 2
	}{
		{"delivered", []string{ev, good}, "", exitOK, "PASS"},
		{"response on stdin", []string{ev, "-"}, ok, exitOK, "PASS"},
		{"event on stdin", []string{"-", good}, event, exitOK, "PASS"},
		{"flags after the files", []string{ev, good, "--json"}, "", exitOK, `"inputKind": "event"`},
		{"a row lost silently", []string{ev, lost}, "", exitFail, "ignored by Firehose, 1 row lost"},
		{"preset", []string{"--preset", "identity", ev}, "", exitOK, "identity preset"},
		{"no record read", []string{empty, good}, "", exitFail, "no record could be read"},
		{"no response", []string{ev}, "", exitUsage, "give a RESPONSE file"},
		{"empty response", []string{ev, empty}, "", exitUsage, "is empty"},
		{"preset and response", []string{"--preset", "seed", ev, good}, "", exitUsage, "give EVENT only"},
		{"unknown preset", []string{"--preset", "nope", ev}, "", exitUsage, "no preset named"},
		{"both on stdin", []string{"-", "-"}, "", exitUsage, "only one of"},
		{"missing file", []string{filepath.Join(dir, "nope.json"), good}, "", exitUsage, "no such file"},
		{"unknown flag", []string{"--nope", ev, good}, "", exitUsage, "flag provided but not defined"},
		{"too many files", []string{ev, good, good}, "", exitUsage, "too many arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(tc.args, strings.NewReader(tc.stdin), &out, &errOut)
			assert.Equal(t, tc.status, status, "stdout: %s\nstderr: %s", out.String(), errOut.String())
			if tc.status == exitUsage {
				assert.Contains(t, errOut.String(), tc.out)
			} else {
				assert.Contains(t, out.String(), tc.out)
				assert.Empty(t, errOut.String())
			}
		})
	}
}

// TestInputKinds runs the command on what people hold instead of a clean
// event (the engine's samples in transform/testdata/inputs): a printed
// event, processing-failed lines, a response among test-invocation logs.
func TestInputKinds(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	require.NoError(t, err)
	samples, err := filepath.Abs("../../transform/testdata/inputs")
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		args   []string
		status int
	}{
		{"printed-node", []string{"node-console-log.txt", "--preset", "ndjson"}, exitOK},
		{"processing-failed", []string{"processing-failed.txt", "--preset", "ndjson"}, exitFail}, // one rawData is not JSON
		{"response-in-logs", []string{"python-print.txt", "sam-local-invoke.txt"}, exitFail},
		{"error-in-console-output", []string{"python-print.txt", "console-test-result.txt"}, exitFail},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, a := range c.args {
				if strings.HasSuffix(a, ".txt") {
					buf, err := os.ReadFile(filepath.Join(samples, a))
					require.NoError(t, err)
					require.NoError(t, os.WriteFile(filepath.Join(dir, a), buf, 0o644))
				}
			}
			t.Chdir(dir)
			var out, errOut bytes.Buffer
			status := run(c.args, strings.NewReader(""), &out, &errOut)
			assert.Empty(t, errOut.String())
			assert.Equal(t, c.status, status)
			golden(t, testdata, "kinds-"+c.name+".txt", out.String())
		})
	}
}
