package transform

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/testevent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tidwall/pretty"
)

// tidwallPretty is the layout jsonpos.AppendPretty reproduces: tidwall/pretty's
// default options, without the newline it ends with.
func tidwallPretty(s string) string {
	return strings.TrimSuffix(string(pretty.PrettyOptions([]byte(s), &pretty.Options{Width: 80, Indent: "  "})), "\n")
}

// prettyOf lays out the values of s with jsonpos.AppendPretty.
func prettyOf(t testing.TB, s string) string {
	t.Helper()
	vals, err, _ := pyemu.JSONValues(s, 0)
	require.Nil(t, err, s)
	return string(jsonpos.AppendPretty(nil, s, vals))
}

func TestPrettyMatchesTidwall(t *testing.T) {
	cases := []string{
		`1`, `"x"`, `null`, `true`, `[]`, `{}`, `[[]]`, `{"a":{}}`, `[{}, [], ""]`,
		`{"a": 1, "b": [1, 2, {"c": null}]}`,
		`  {  "spaced" :  [ 1 ,2 ] }  `,
		`{"s": "esc \" \\ \u00e9 \n", "k\"ey": -0.5e10}`,
		// Containers whose one-line form is right at the edge of the
		// line, after an object's space and after an array's bracket.
		`{"k": "` + strings.Repeat("x", 60) + `", "n": [` + strings.Repeat(`"ab", `, 11) + `"ab"]}`,
		`[[` + strings.Repeat(`"abcdef", `, 7) + `"abc"], {"` + strings.Repeat("k", 60) + `": {}}]`,
	}
	for width := 60; width < 90; width++ {
		// An array and an object whose one-line forms take width bytes,
		// at the top, first in an array and as an object's value.
		arr := `["` + strings.Repeat("a", width-4) + `"]`
		obj := `{"k": "` + strings.Repeat("b", width-11) + `"}`
		cases = append(cases, arr, obj, "["+arr+"]", "["+obj+", "+arr+"]", `{"x": `+arr+`, "y": `+obj+`}`)
		// Empty and tiny containers pushed to the end of the line.
		key := `"` + strings.Repeat("k", width-14) + `"`
		cases = append(cases, `{`+key+`: {}, "z": []}`, `{`+key+`: [{}, 1]}`, `{"a": {`+key+`: [[], {}]}}`)
	}
	cases = append(cases, benchPayloads()[:5]...)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		testevent.RandomJSON(&b, rng)
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		require.Equal(t, tidwallPretty(s), prettyOf(t, s), s)
	}
}

// TestPrettyEveryValue checks that every value of an NDJSON payload is
// laid out, each as it would be alone, and that NaN is kept as written.
func TestPrettyEveryValue(t *testing.T) {
	assert.Equal(t, "{ \"a\": 1 }\n[2]\n{ }", prettyOf(t, "{\"a\":1}\n[2] {}"))
	assert.Equal(t, `{ "x": NaN, "y": -Infinity }`, prettyOf(t, `{"x":NaN,"y":-Infinity}`))

	r := &EventRecord{Payload: []byte("{\"a\":1}\n{\"b\":[true]}\n")}
	var ps jsonpos.Parser
	text, cut := event.AnalyzePayload(r, &ps).DecodedText()
	assert.False(t, cut)
	assert.Equal(t, "{ \"a\": 1 }\n{ \"b\": [true] }", text)
}

// FuzzPretty checks the layout against tidwall/pretty on any text that
// parses as one standard JSON value.
func FuzzPretty(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"c"}]}`, `[[],{}]`, `"x"`, strings.Repeat(`{"k":`, 5) + "1" + strings.Repeat("}", 5)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vals, err, _ := pyemu.JSONValues(s, 0)
		if err != nil || len(vals) != 1 || hasNonStandard(vals) {
			return
		}
		if got := string(jsonpos.AppendPretty(nil, s, vals)); got != tidwallPretty(s) {
			t.Fatalf("AppendPretty(%q) = %q, tidwall/pretty %q", s, got, tidwallPretty(s))
		}
	})
}
