package transform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// example is a file of the page's example gallery (web/examples).
type example struct {
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Input       json.RawMessage  `json:"input"`
	InputKind   string           `json:"inputKind"`
	Preset      string           `json:"preset"`
	Options     Options          `json:"options"`
	Response    json.RawMessage  `json:"response"`
	Firehose    firehose.Options `json:"firehose"`
	Fn          struct {
		Language, Code string
	} `json:"fn"`
	Expect struct {
		Delivered, Dropped, Failed, Ignored, Lost *int
		BatchError                                *string
		Codes                                     []string
		S3Objects                                 *int `json:"s3Objects"`
	} `json:"expect"`
}

// text is a field of an example: a string as it is, anything else as the
// pretty JSON the page puts in its editor.
func text(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	out, _ := json.MarshalIndent(v, "", "  ")
	return string(out)
}

// galleryRequest is the engine's request for an example. An example whose
// transform is the user's own Python function holds the seed Lambda's code
// (the page runs it in its Python, which gives what the seed preset gives:
// e2e/python_test.go); the engine runs the seed preset in its place.
func galleryRequest(t *testing.T, ex example) Request {
	t.Helper()
	preset := ex.Preset
	if preset == "python" {
		buf, err := os.ReadFile("../scripts/seed/seed_lambda.py")
		require.NoError(t, err)
		src := string(buf)
		from, to := strings.Index(src, "import json, base64"), strings.Index(src, "\n\ndef lambda_handler_v1")
		require.True(t, from >= 0 && to > from, "scripts/seed/seed_lambda.py has its handler")
		require.Equal(t, "python", ex.Fn.Language)
		require.Equal(t, strings.TrimRight(src[from:to], "\n")+"\n", ex.Fn.Code, "the example's function is the seed Lambda's code")
		preset = "seed"
	}
	return Request{Input: text(ex.Input), InputKind: ex.InputKind, Preset: preset,
		Options: ex.Options, Response: text(ex.Response), Firehose: ex.Firehose}
}

// TestGalleryExamples runs every example of the page's gallery and checks
// that the engine gives the verdict its description promises.
func TestGalleryExamples(t *testing.T) {
	files, err := filepath.Glob("../web/examples/[0-9]*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 13)
	var index []struct{ File, Title string }
	buf, err := os.ReadFile("../web/examples/index.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(buf, &index))
	require.Len(t, index, len(files), "index.json lists every example")
	for i, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			buf, err := os.ReadFile(path)
			require.NoError(t, err)
			var ex example
			require.NoError(t, json.Unmarshal(buf, &ex))
			assert.Equal(t, filepath.Base(path), index[i].File)
			assert.Equal(t, ex.Title, index[i].Title)
			require.NotEmpty(t, ex.Title)
			sentences := strings.Count(ex.Description, ". ") + 1
			assert.True(t, sentences >= 2 && sentences <= 4, "two or three sentences: %q", ex.Description)

			rep := Run(galleryRequest(t, ex))
			e, s := ex.Expect, rep.Stats
			check := func(what string, want *int, got int) {
				if want != nil {
					assert.Equal(t, *want, got, what)
				}
			}
			check("delivered", e.Delivered, s.Delivered)
			check("dropped", e.Dropped, s.Dropped)
			check("failed", e.Failed, s.Failed)
			check("ignored", e.Ignored, s.Ignored)
			check("lost rows", e.Lost, s.LostRows)
			if e.BatchError != nil {
				require.NotNil(t, rep.Verdict.BatchError)
				assert.Equal(t, *e.BatchError, string(rep.Verdict.BatchError.ErrorCode))
			} else if e.Delivered != nil {
				assert.Nil(t, rep.Verdict.BatchError)
			}
			for _, c := range e.Codes {
				assert.Contains(t, codes(rep.Findings), c)
			}
			if e.S3Objects != nil {
				n := 0
				for _, o := range rep.S3.Objects {
					if o.Kind == ObjectDelivered {
						n++
					}
				}
				assert.Equal(t, *e.S3Objects, n, "delivered S3 objects")
			}
		})
	}
}

// TestGalleryDescriptionsSayWhatTheEngineReports checks the words of every
// example's description against the engine's report: the codes it names,
// the counts (records, attempts, S3 objects, which record fails), the S3
// prefix, the size it claims, and that its event is one Firehose sends.
func TestGalleryDescriptionsSayWhatTheEngineReports(t *testing.T) {
	files, err := filepath.Glob("../web/examples/[0-9]*.json")
	require.NoError(t, err)
	words := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
	ordinals := map[string]int{"first": 0, "second": 1, "third": 2, "fourth": 3}
	var (
		codeRe     = regexp.MustCompile(`\b(?:Lambda|Function)\.[A-Za-z]+`)
		recordsRe  = regexp.MustCompile(`\b(one|two|three|four|five) records\b`)
		attemptsRe = regexp.MustCompile(`after (\d+) attempts`)
		failsAllRe = regexp.MustCompile(`fails all ([\d,]+) records`)
		failsRe    = regexp.MustCompile(`fails the (first|second|third|fourth)\b`)
		emptyRe    = regexp.MustCompile(`(first|second|third|fourth) record's data is empty`)
		objectsRe  = regexp.MustCompile(`\b(\d+) objects`)
		prefixRe   = regexp.MustCompile(`S3 prefix (\S+?),? `)
	)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			buf, err := os.ReadFile(path)
			require.NoError(t, err)
			var ex example
			require.NoError(t, json.Unmarshal(buf, &ex))
			input := text(ex.Input)
			rep := Run(galleryRequest(t, ex))
			d := ex.Description

			reported := codes(rep.Findings)
			if be := rep.Verdict.BatchError; be != nil {
				reported = append(reported, string(be.ErrorCode))
			}
			for _, v := range rep.Verdict.Records {
				reported = append(reported, string(v.ErrorCode))
			}
			for _, c := range codeRe.FindAllString(d, -1) {
				assert.Contains(t, reported, c, "the description names %s", c)
			}
			for _, m := range recordsRe.FindAllStringSubmatch(d, -1) {
				assert.Equal(t, words[m[1]], rep.Stats.Records, "the description says %q", m[0])
			}
			for _, m := range attemptsRe.FindAllStringSubmatch(d, -1) {
				require.NotNil(t, rep.Verdict.BatchError, "the description says %q", m[0])
				assert.Equal(t, m[1], strconv.Itoa(rep.Verdict.BatchError.AttemptsMade), "the description says %q", m[0])
			}
			for _, m := range failsAllRe.FindAllStringSubmatch(d, -1) {
				assert.Equal(t, strings.ReplaceAll(m[1], ",", ""), strconv.Itoa(rep.Stats.Failed), "the description says %q", m[0])
				assert.Equal(t, rep.Stats.Records, rep.Stats.Failed, "the description says %q", m[0])
			}
			if m := failsRe.FindAllStringSubmatch(d, -1); m != nil {
				var want, got []int
				for _, o := range m {
					want = append(want, ordinals[o[1]])
				}
				for _, v := range rep.Verdict.Records {
					if v.Outcome == Failed {
						got = append(got, v.Index)
					}
				}
				assert.Equal(t, want, got, "the records the description says fail")
			}
			for _, m := range emptyRe.FindAllStringSubmatch(d, -1) {
				i := ordinals[m[1]]
				require.Greater(t, len(rep.Records), i)
				assert.Equal(t, "empty", rep.Records[i].Payload, "the description says %q", m[0])
			}
			for _, m := range objectsRe.FindAllStringSubmatch(d, -1) {
				n := 0
				for _, o := range rep.S3.Objects {
					if o.Kind == ObjectDelivered {
						n++
					}
				}
				assert.Equal(t, m[1], strconv.Itoa(n), "the description says %q", m[0])
			}
			for _, m := range prefixRe.FindAllStringSubmatch(d, -1) {
				assert.Equal(t, ex.Firehose.Prefix, m[1], "the prefix the description names is the one loaded")
			}
			if strings.Contains(d, "more than twice the size of the event") {
				assert.Greater(t, rep.Stats.ResponseBytes, 2*len(input), "the description says the response is more than twice the event")
			}
			if strings.Contains(d, "half again as large") {
				r := float64(rep.Stats.ResponseBytes) / float64(len(input))
				assert.InDelta(t, 1.5, r, 0.1, "the description says the response is half again as large as the event")
			}
			if strings.Contains(d, "shows no duplicate") {
				for _, o := range rep.Response.Records {
					assert.NotEqual(t, report.StatusDuplicate, o.Status, "the description says the mapping shows no duplicate")
				}
			}
			if strings.Contains(d, "both are delivered") {
				assert.Equal(t, 2, rep.Stats.Delivered, "the description says both are delivered")
			}
			// An example teaches with events Firehose sends, unless that is its point.
			if !slices.Contains(ex.Expect.Codes, "event.size") {
				assert.NotContains(t, codes(rep.Findings), "event.size", "the example's event is larger than Firehose sends")
			}
		})
	}
}
