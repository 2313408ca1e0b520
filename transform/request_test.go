package transform

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseRequestAgreesWithEncodingJSON checks ParseRequest against
// encoding/json on requests of every shape the page sends, and more.
func TestParseRequestAgreesWithEncodingJSON(t *testing.T) {
	tests := []string{
		`{}`,
		`{"input": "{\"records\": []}\n\t\u00e9\ud83d\ude00", "inputKind": "event", "preset": "ndjson"}`,
		`{"input": "x", "options": {"separator": "_", "maxDepth": 2, "arrays": "index", "values": "string"}}`,
		`{"input": "x", "firehose": {"streamName": "s", "lambdaArn": "a", "retries": 0, "prefix": "p/", "errorPrefix": "e/", "appendDelimiter": true, "errorLayout": "2019"}}`,
		`{"input": "x", "firehose": {"retries": null}, "detail": {"from": 100, "count": 50}, "export": "s3"}`,
		`{"input": "x", "response": "{\"records\":[]}", "unknown": [1, {"a": 2}], "options": null}`,
		`{"input": "duplicate", "input": "last wins"}`,
	}
	for _, text := range tests {
		got, err := ParseRequest(text)
		require.NoError(t, err, text)
		var want Request
		require.NoError(t, json.Unmarshal([]byte(text), &want), text)
		assert.Equal(t, want, got, text)
	}
}

func TestParseRequestErrors(t *testing.T) {
	for text, msg := range map[string]string{
		`{"input": 5}`:                         `"input" is a number, want a string`,
		`{"input": "x", "detail": [1]}`:        `"detail" is an array, want an object`,
		`{"detail": {"count": 1.5}}`:           `"count" is 1.5, want a whole number`,
		`{"firehose": {"retries": "3"}}`:       `"retries" is a string, want a number`,
		`[1]`:                                  `not an object`,
		`{"input": `:                           `not JSON`,
		`{"firehose": {"appendDelimiter": 1}}`: `"appendDelimiter" is a number, want a boolean`,
	} {
		_, err := ParseRequest(text)
		require.Error(t, err, text)
		assert.True(t, strings.Contains(err.Error(), msg), "%s: got %q, want it to say %q", text, err, msg)
	}
}

// BenchmarkParseRequest compares reading a request holding the 6 MB event
// (as JSON.stringify writes it) with encoding/json.
func BenchmarkParseRequest(b *testing.B) {
	req, _ := json.Marshal(Request{Input: benchEvent(), Preset: PresetSeed})
	text := string(req)
	b.Run("ParseRequest", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := ParseRequest(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			var r Request
			if err := json.Unmarshal(req, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
