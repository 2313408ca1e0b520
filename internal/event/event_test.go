package event

import (
	"encoding/base64"
	"testing"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/stretchr/testify/assert"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"event", `{"records": []}`, KindEvent},
		{"event with leading space and BOM", "\ufeff  {\"invocationId\": \"x\", \"records\": []}", KindEvent},
		{"broken event", `{"invocationId": "x", "records": [ {`, KindEvent},
		{"capitalised Records", `{"Records": []}`, KindEvent},
		{"object payload", `{"user": "kim", "n": 1}`, KindJSON},
		{"array payload", `[{"a": 1}]`, KindJSON},
		{"ndjson", "{\"a\": 1}\n{\"a\": 2}", KindJSON},
		{"base64 lines", b64(`{"a":1}`) + "\n" + b64(`{"a":2}`), KindBase64},
		{"one base64 line", b64(`[{"a":1}]`), KindBase64},
		{"numbers are JSON", "12\n34", KindJSON},
		{"plain text", "hello world", KindJSON},
		{"empty", "", KindEvent},
		{"blank", " \n\t", KindEvent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, _ := detectKind(tt.input)
			assert.Equal(t, tt.want, kind)
		})
	}
}

// FuzzParseLiteral feeds the printed-event parser anything: it never
// panics, and what it accepts is laid out as JSON the engine's parser reads
// back, with every position inside the text.
func FuzzParseLiteral(f *testing.F) {
	for _, s := range []string{
		`{'records': [{'recordId': 'r0', 'data': 'eyJhIjoxfQ=='}], 'ok': True, 'n': None}`,
		"{\n  records: [ { recordId: 'r0', data: 'QQ==', meta: [Object] }, ... 3 more items ]\n}",
		`{a: 'xx'... 12 more characters, b: "it's", c: ` + "`t`" + `, d: -0, e: 1e+16, f: NaN, g: [Array]}`,
		`{'u': '\u00e9\U0001f600\x41\n', "k": [1, 2.5, -3]}`,
		`{"j": "\ud83d\ude00", "n": null, "t": true}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		v, p, ok := parseLiteral(s, 0)
		if !ok {
			return
		}
		var walk func(v *jsonpos.Value)
		walk = func(v *jsonpos.Value) {
			if v.Start < 0 || v.End < v.Start || v.End > len(s) {
				t.Fatalf("value %s at [%d,%d) in %d bytes", v.Kind, v.Start, v.End, len(s))
			}
			for i := range v.Items {
				walk(&v.Items[i])
			}
		}
		walk(&v)
		for _, c := range p.Cuts {
			if c.Start < 0 || c.End < c.Start || c.End > len(s) {
				t.Fatalf("cut %s at [%d,%d) in %d bytes", c.What, c.Start, c.End, len(s))
			}
		}
		out := string(appendIndented(nil, &v, ""))
		back, err := jsonpos.Parse(out)
		if err != nil {
			t.Fatalf("the built JSON does not parse: %v\n%s", err, out)
		}
		if string(jsonpos.AppendCompact(nil, &back)) != string(jsonpos.AppendCompact(nil, &v)) {
			t.Fatalf("the built JSON reads back differently:\n%s", out)
		}
	})
}
