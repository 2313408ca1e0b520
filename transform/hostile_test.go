package transform

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/testevent"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileInputs pushes what people paste into a playground through
// every preset: each input gives the findings it should, every range stays
// inside its document, the report stays small, and nothing panics.
func TestHostileInputs(t *testing.T) {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	var keys strings.Builder
	keys.WriteString("{")
	for i := range 100_000 {
		if i > 0 {
			keys.WriteByte(',')
		}
		fmt.Fprintf(&keys, `"k%d":%d`, i, i)
	}
	keys.WriteString("}")
	bomb := testevent.Gzip(make([]byte, 1<<20), 200)
	truncated := gzipBytes(t, `{"messageType":"DATA_MESSAGE","logEvents":[]}`)
	truncated = truncated[:len(truncated)-6]

	tests := []struct {
		name  string
		input string
		codes map[string][]string // preset → findings that must be there ("*" for every preset)
	}{
		{"50 MB pasted", strings.Repeat(`{"a": 1, "b": "some text here"}`+"\n", 50<<20/32),
			map[string][]string{"*": {"input.size"}}},
		{"a single 10 MB record", testevent.Event([]byte(`[{"a":"` + strings.Repeat("x", 10<<20) + `"}]`)),
			map[string][]string{"*": {"record.size", "event.size"}, PresetSeed: {"Function.ResponseSizeTooLarge"}}},
		{"nested 100,000 levels", deep,
			map[string][]string{PresetSeed: {"seed.raised"}, PresetNDJSON: {"ndjson.json"}}},
		{"nested 100,000 levels in a record", testevent.Event([]byte(deep)),
			map[string][]string{PresetSeed: {"seed.raised"}, PresetNDJSON: {"ndjson.json"}}},
		{"100,000 keys in one object", keys.String(),
			map[string][]string{PresetSeed: {"seed.raised"}}},
		{"a gzip bomb", testevent.Event(bomb), map[string][]string{"*": {"gzip.bomb"}}},
		{"a truncated gzip stream", testevent.Event(truncated), map[string][]string{"*": {"gzip.truncated"}}},
		{"binary garbage", testevent.Event([]byte{0x00, 0xff, 0xfe, 0x80, 0x01, 0xc3, 0x28}),
			map[string][]string{PresetSeed: {"seed.raised"}, PresetNDJSON: {"ndjson.utf8"}}},
		{"NUL bytes in a payload", testevent.Event([]byte("{\"a\":\"x\x00y\"}\x00")),
			map[string][]string{PresetSeed: {"seed.raised"}, PresetNDJSON: {"ndjson.json"}}},
		{"NUL bytes in the input", "{\"records\":[]}\x00", map[string][]string{"*": {"json.syntax"}}},
		{"a lone surrogate", testevent.Event([]byte(`[{"a":"\ud800","b":{"c":"\udfff"}}]`)), nil},
		{"invalid UTF-8 in a payload", testevent.Event([]byte("[{\"a\":\"\xe4\xb8\"}]")),
			map[string][]string{PresetSeed: {"seed.raised"}, PresetNDJSON: {"ndjson.utf8"}}},
		{"invalid UTF-8 in the input", "{\"records\":[{\"recordId\":\"\xff\",\"data\":\"e30=\"}]}",
			map[string][]string{"*": {"input.utf8"}}},
		{"CRLF line endings", strings.ReplaceAll(testevent.Event([]byte(`[{"a":1}]`)), ",", ",\r\n"), nil},
		{"a UTF-8 BOM", "\ufeff" + testevent.Event([]byte(`[{"a":1}]`)),
			map[string][]string{"*": {"input.bom"}, PresetSeed: {"seed.raised"}}},
		{"numbers at the edges", testevent.Event([]byte(`[{"a":1e400,"b":-0,"c":` + strings.Repeat("9", 400) + `,"d":-0.0,"e":5e-324}]`)), nil},
		{"NaN and Infinity", testevent.Event([]byte(`[{"a":NaN,"b":Infinity,"c":-Infinity}]`)),
			map[string][]string{PresetNDJSON: {"ndjson.nonstandard"}}},
		{"base64 that is not", `{"records":[{"recordId":"r","data":"!!!!"}]}`,
			map[string][]string{"*": {"base64.invalid"}, PresetSeed: {"seed.raised"}}},
		{"records of every type", `{"records":[1,"x",null,true,[],{}]}`,
			map[string][]string{"*": {"record.notObject", "record.recordId.missing"}}},
		{"an HTML payload", testevent.Event([]byte(`[{"<img src=x onerror=alert(1)>":"<script>alert(1)</script>"}]`)), nil},
	}
	for _, tt := range tests {
		for _, preset := range Presets {
			t.Run(tt.name+"/"+preset, func(t *testing.T) {
				rep := Run(Request{Input: tt.input, Preset: preset})
				body := ""
				if rep.Lambda.Body != nil {
					body = *rep.Lambda.Body
				}
				checkRanges(t, rep.Findings, strings.ToValidUTF8(tt.input, "\ufffd"), body)
				for _, c := range append(tt.codes["*"], tt.codes[preset]...) {
					assert.Contains(t, codes(rep.Findings), c)
				}
				out, err := json.Marshal(rep)
				require.NoError(t, err)
				// The report holds the body, and the generated event when
				// there is one; the rest stays within a few megabytes.
				rest := len(out) - len(body)*2 - len(rep.Event)*2
				assert.Less(t, rest, 8<<20, "report of %d bytes beyond the body", rest)
				assert.LessOrEqual(t, len(rep.Findings), 20*(report.MaxFindingsPerCode+1))
			})
		}
	}
}

// TestDeepNestingFitsASmallStack runs the most deeply nested inputs the
// engine accepts, and a little more, on a 1 MiB goroutine stack. Under
// WebAssembly the browser's call stack bounds the engine's recursion (the
// parser and every walk over a value recurse once per level): Chromium's
// worker overflows a few thousand levels down, which MaxDepth stays well
// below. Raising MaxDepth far past that crashes this test.
func TestDeepNestingFitsASmallStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	for _, depth := range []int{pyemu.PayloadDepth, MaxDepth, MaxDepth + 10} {
		deep := strings.Repeat(`{"a":[`, depth/2) + "1" + strings.Repeat("]}", depth/2)
		for _, preset := range Presets {
			for _, input := range []string{deep, testevent.Event([]byte(deep)), testevent.Event([]byte(`[{"k":` + deep + `}]`))} {
				rep := Run(Request{Input: input, Preset: preset})
				require.NotNil(t, rep)
			}
		}
		rep := Run(Request{Input: `{"records":[]}`, Response: deep})
		require.NotNil(t, rep)
	}
}
