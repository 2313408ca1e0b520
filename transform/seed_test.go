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

// TestSeedMatchesPython runs both seed presets on every event under
// testdata/seed and compares with what the Python Lambda returned for it
// (recorded by scripts/seedcases.py): the body byte for byte, or the same
// error type and message.
func TestSeedMatchesPython(t *testing.T) {
	events, err := filepath.Glob("testdata/seed/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(events), 40, "seed cases")
	for _, path := range events {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		input, err := os.ReadFile(path)
		require.NoError(t, err)
		for _, preset := range []string{PresetSeed, PresetSeedV1} {
			t.Run(name+"/"+preset, func(t *testing.T) {
				want, err := os.ReadFile(strings.TrimSuffix(path, ".json") + "." + preset + ".out")
				require.NoError(t, err)
				want = []byte(strings.TrimSuffix(string(want), "\n"))
				rep := Run(Request{Input: string(input), InputKind: KindEvent, Preset: preset})
				var pyErr struct {
					ErrorType    string `json:"errorType"`
					ErrorMessage string `json:"errorMessage"`
				}
				if json.Unmarshal(want, &pyErr) == nil && pyErr.ErrorType != "" {
					require.Nil(t, rep.Lambda.Body, "body, want error %s", want)
					require.NotNil(t, rep.Lambda.Error)
					assert.Equal(t, pyErr.ErrorType, rep.Lambda.Error.ErrorType)
					assert.Equal(t, pyErr.ErrorMessage, rep.Lambda.Error.ErrorMessage)
					return
				}
				require.Nil(t, rep.Lambda.Error, "error, want body %.200s", want)
				require.NotNil(t, rep.Lambda.Body)
				assert.Equal(t, string(want), *rep.Lambda.Body)
			})
		}
	}
}
