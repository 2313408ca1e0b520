package transform

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResultWindows checks that the report of any window cut from a
// Result is the report Run gives for that window: the same JSON, byte for
// byte, whichever window the run itself described.
func TestResultWindows(t *testing.T) {
	var reqs []Request
	// Every example of the page's gallery, as it loads.
	files, err := filepath.Glob("../web/examples/[0-9]*.json")
	require.NoError(t, err)
	for _, path := range files {
		buf, err := os.ReadFile(path)
		require.NoError(t, err)
		var ex example
		require.NoError(t, json.Unmarshal(buf, &ex))
		if ex.Preset != "" && !isPreset(ex.Preset) {
			continue // the user's own function: not the engine's to run
		}
		reqs = append(reqs, Request{Input: text(ex.Input), InputKind: ex.InputKind, Preset: ex.Preset,
			Options: ex.Options, Response: text(ex.Response), Firehose: ex.Firehose})
	}
	// Responses checked against events, from the check goldens.
	pairs, err := filepath.Glob("testdata/check/*.response.json")
	require.NoError(t, err)
	for _, path := range pairs {
		source := strings.SplitN(filepath.Base(path), ".", 2)[0]
		event, err := os.ReadFile(filepath.Join("testdata/check", source+".event.json"))
		require.NoError(t, err)
		resp, err := os.ReadFile(path)
		require.NoError(t, err)
		reqs = append(reqs, Request{Input: string(event), Response: string(resp)})
	}
	// A large event under each preset; the seed failing in the middle; the
	// same event answered by a response that loses outputs, pasted after
	// log lines.
	big := analyticsEvent(300<<10, 7)
	for _, p := range Presets {
		reqs = append(reqs, Request{Input: big, Preset: p, Options: Options{Arrays: "index"}})
	}
	last := strings.LastIndex(big[:len(big)/2], `"data":"`) + len(`"data":"`)
	reqs = append(reqs, Request{Input: big[:last] + b64("not json") + big[last:], Preset: PresetSeed})
	seed := Run(Request{Input: big, Preset: PresetSeed})
	require.NotNil(t, seed.Lambda.Body)
	reqs = append(reqs, Request{Input: big, Response: "START RequestId: 1\n" + *seed.Lambda.Body + "\nEND RequestId: 1\n"})

	windows := []Detail{{}, {From: 1, Count: 1}, {From: 3, Count: 40}, {From: 17, Count: 100}, {From: 1000, Count: 5}, {From: -3, Count: 2}}
	for n, req := range reqs {
		for _, first := range windows[:3] {
			req.Detail = first
			res := Evaluate(req)
			for _, d := range windows {
				req.Detail = d
				want := marshal(t, Run(req))
				got := marshal(t, res.Report(d))
				require.Equal(t, want, got, "request %d (%s), run for %+v, report for %+v", n, req.Preset, first, d)
			}
		}
	}
}

// isPreset tells whether name is one of the engine's presets.
func isPreset(name string) bool {
	for _, p := range Presets {
		if p == name {
			return true
		}
	}
	return false
}

// marshal is a report's JSON without its time, which differs from run to run.
func marshal(t *testing.T, rep *Report) string {
	t.Helper()
	r := *rep
	r.Stats.Micros = 0
	out, err := json.Marshal(&r)
	require.NoError(t, err)
	return string(out)
}

// TestResultDescribesWithoutRunning checks that a Result's reports of other
// windows do not depend on the run: the findings, the body and the S3
// preview are the run's own.
func TestResultDescribesWithoutRunning(t *testing.T) {
	input := analyticsEvent(200<<10, 3)
	res := Evaluate(Request{Input: input, Preset: PresetSeed})
	a, b := res.Report(Detail{}), res.Report(Detail{From: 5, Count: 10})
	assert.Same(t, a.Lambda.Body, b.Lambda.Body)
	assert.Equal(t, a.Findings, b.Findings)
	assert.Same(t, a.S3, b.S3)
	assert.Equal(t, 5, b.Window.From)
	require.Len(t, b.Records, 10)
	for i, r := range b.Records {
		assert.Equal(t, 5+i, r.Index)
		assert.True(t, r.Detail)
		assert.NotEmpty(t, r.Rows, fmt.Sprint("record ", r.Index))
		assert.NotEmpty(t, r.Outputs)
	}
}

// ExampleResult pages through the records of one run.
func ExampleResult() {
	input := `{"records":[{"recordId":"a","data":"` + b64(`[{"n":1},{"n":2}]`) + `"},` +
		`{"recordId":"b","data":"` + b64(`[{"n":3}]`) + `"}]}`
	res := Evaluate(Request{Input: input, Preset: PresetSeed, Detail: Detail{Count: 1}})
	for page := range 2 {
		rep := res.Report(Detail{From: page, Count: 1})
		r := rep.Records[0]
		fmt.Printf("record %s: %d rows, outputs %v, %s\n", r.RecordID, len(r.Rows), r.Outputs, rep.Verdict.Records[0].Outcome)
	}
	// Output:
	// record a: 2 rows, outputs [0], delivered
	// record b: 1 rows, outputs [2], delivered
}

// FuzzResultWindows holds a Result's reports of other windows to Run's,
// on any input under each preset.
func FuzzResultWindows(f *testing.F) {
	f.Add(`{"records":[{"recordId":"a","data":"`+b64(`[{"n":1},{"n":2}]`)+`"},{"recordId":"b","data":"`+b64(`x`)+`"}]}`, 1, 1)
	f.Add("eyJhIjoxfQ==\nH4sI\n\neyJiIjpbMV19\n", 2, 3)
	f.Add(`{"a":1}`+"\n"+`[{"b":2}]`+"\n", 0, 1)
	f.Fuzz(func(t *testing.T, input string, from, count int) {
		for _, p := range Presets {
			req := Request{Input: input, Preset: p}
			res := Evaluate(req)
			d := Detail{From: from % 8, Count: count % 8}
			req.Detail = d
			if want, got := marshal(t, Run(req)), marshal(t, res.Report(d)); want != got {
				t.Fatalf("%s, window %+v:\nRun:    %s\nResult: %s", p, d, want, got)
			}
		}
	})
}

// TestEveryOffsetIsConverted fails when the report gains an offset: the
// engine works in byte offsets, and every one the report carries must be
// turned into UTF-16 units (toUTF16 in run.go; Result.Report for the
// records of a window), or highlights land on the wrong characters after
// Korean text or emoji. Convert the new field there, then list it here.
func TestEveryOffsetIsConverted(t *testing.T) {
	converted := []string{
		"Record.Start", "Record.End", "Record.DataStart", "Record.DataEnd", // Result.Report
		"OutRecord.Start", "OutRecord.End", // toUTF16
		"Ignored.Start", "Ignored.End", // toUTF16
		"Span.Start", "Span.End", // Finding.toUTF16, for findings and their related places
	}
	var found []string
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			name := ty.Name() + "." + f.Name
			if f.Type.Kind() == reflect.Int && (strings.HasSuffix(f.Name, "Start") || strings.HasSuffix(f.Name, "End")) {
				found = append(found, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[Report]())
	assert.ElementsMatch(t, converted, found, "an offset field of the report that is not converted to UTF-16 units")
}
