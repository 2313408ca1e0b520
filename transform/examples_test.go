package transform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// example is a file of the page's example gallery (web/examples).
type example struct {
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Input       json.RawMessage `json:"input"`
	InputKind   string          `json:"inputKind"`
	Preset      string          `json:"preset"`
	Options     Options         `json:"options"`
	Response    json.RawMessage `json:"response"`
	Firehose    FirehoseOptions `json:"firehose"`
	Expect      struct {
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

			rep := Run(Request{Input: text(ex.Input), InputKind: ex.InputKind, Preset: ex.Preset,
				Options: ex.Options, Response: text(ex.Response), Firehose: ex.Firehose})
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
