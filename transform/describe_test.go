package transform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDescribeGolden keeps testdata/describe.json, the description the
// page's own tests read, in step with Describe (-update rewrites it).
func TestDescribeGolden(t *testing.T) {
	got, err := json.MarshalIndent(Describe(), "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	name := filepath.Join("testdata", "describe.json")
	if *update {
		require.NoError(t, os.WriteFile(name, got, 0o644))
	}
	want, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "go test ./transform -run TestDescribeGolden -update rewrites it")
}

// TestDescribeNamesWhatTheEngineTakes runs a request with every preset,
// input kind and option value the description offers: the engine takes
// each without a request finding, and offers every preset it has.
func TestDescribeNamesWhatTheEngineTakes(t *testing.T) {
	d := Describe()
	var presets []string
	for _, p := range d.Presets {
		presets = append(presets, p.Name)
		assert.NotEmpty(t, p.Label, p.Name)
	}
	assert.Equal(t, Presets, presets)
	input := `{"records":[{"recordId":"a","approximateArrivalTimestamp":1700000000000,"data":"eyJhIjpbMV19"}]}`
	for _, k := range d.InputKinds {
		assert.NotEmpty(t, k.Label, k.Name)
		ev, _ := ParseEvent(input, k.Name)
		if k.Name != "auto" {
			assert.Equal(t, k.Name, ev.Kind, "input kind %s", k.Name)
		}
	}
	var sources []string
	for _, s := range d.Sources {
		assert.NotEmpty(t, s.Label, s.Name)
		sources = append(sources, s.Name)
	}
	assert.Equal(t, []string{SourceDirectPut, SourceKinesis, SourceMSK}, sources)
	for _, a := range d.Options.Arrays {
		for _, v := range d.Options.Values {
			rep := Run(Request{Input: input, Preset: PresetNDJSON, Options: Options{Arrays: a, Values: v}})
			assert.Empty(t, findingsWith(rep, report.CodeRequestPreset), "arrays %s values %s", a, v)
		}
	}
	for _, layout := range d.ErrorLayouts {
		rep := Check(input, `{"records":[{"recordId":"a","result":"ProcessingFailed"}]}`, firehose.Options{ErrorLayout: layout})
		require.Len(t, rep.S3.Objects, 1)
		assert.Contains(t, rep.S3.Objects[0].Body, map[string]string{"2025": `"lambdaARN"`, "2019": `"lambdaArn"`}[layout])
	}
	assert.Len(t, d.Codes, len(Catalog()))
}
