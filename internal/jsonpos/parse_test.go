package jsonpos

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParseJSON checks that parsing never panics and agrees with
// encoding/json: on validity, except that Python (and so Parse) accepts
// NaN, Infinity and -Infinity; and on the values, with lone
// surrogates (kept as WTF-8 here) compared as U+FFFD.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`[1, "a", {"b": null, "c": [true, false]}]`, `{"a": NaN, "b": -Infinity}`,
		`"\ud800\udc00\ud800x\udfff"`, `[1e400, -0, 0.5e-3]`, ``, `{"a":1,}`, "\"\u00e9\\n\\/\"", " [ ] ",
		`{"a": 1, "a": 2}`, "[1]\n[2]", `"\u12"`, "\ufeff[]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		var p Parser
		p.Reset(s, Limits{NoteDepth: 992, ConstantsNest: true, NoteIntDigits: 4300})
		p.Values()
		if err == nil {
			checkOffsets(t, s, &v)
		}
		var std any
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		stdErr := d.Decode(&std)
		if stdErr == nil {
			if _, err := d.Token(); err != io.EOF {
				stdErr = errors.New("extra data")
			}
		}
		switch {
		case err != nil && stdErr == nil:
			t.Fatalf("Parse(%q): got error %v, encoding/json accepts it", s, err)
		case err == nil && stdErr != nil && !hasNonStandard([]Value{v}):
			t.Fatalf("Parse(%q): got no error, encoding/json says %v", s, stdErr)
		case err == nil && stdErr == nil && utf8.ValidString(s):
			if got := toAny(&v); !reflect.DeepEqual(got, std) {
				t.Fatalf("Parse(%q): got %#v, encoding/json %#v", s, got, std)
			}
		}
	})
}

// checkOffsets checks that every value's Start and End delimit its text.
func checkOffsets(t *testing.T, s string, v *Value) {
	if v.Start < 0 || v.End > len(s) || v.Start >= v.End {
		t.Fatalf("Parse(%q): value at [%d, %d)", s, v.Start, v.End)
	}
	if first, last := s[v.Start], s[v.End-1]; v.Kind == String && (first != '"' || last != '"') ||
		v.Kind == Array && (first != '[' || last != ']') || v.Kind == Object && (first != '{' || last != '}') {
		t.Fatalf("Parse(%q): %s at [%d, %d) is %q", s, v.Kind, v.Start, v.End, s[v.Start:v.End])
	}
	for i := range v.Items {
		checkOffsets(t, s, &v.Items[i])
	}
	for _, k := range v.Keys {
		if k.Start < v.Start || k.End > v.End || s[k.Start] != '"' || s[k.End-1] != '"' {
			t.Fatalf("Parse(%q): key %q at [%d, %d)", s, k.Name, k.Start, k.End)
		}
	}
}

// toAny converts a Value the way encoding/json decodes with UseNumber:
// the last of duplicate keys wins, lone surrogates become U+FFFD.
func toAny(v *Value) any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Text == "true"
	case Number:
		return json.Number(v.Text)
	case String:
		return replaceSurrogates(v.Text)
	case Array:
		out := make([]any, len(v.Items))
		for i := range v.Items {
			out[i] = toAny(&v.Items[i])
		}
		return out
	}
	out := make(map[string]any, len(v.Items))
	for i, k := range v.Keys {
		out[replaceSurrogates(k.Name)] = toAny(&v.Items[i])
	}
	return out
}

func replaceSurrogates(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := DecodeWTF8(s[i:])
		if r >= 0xd800 && r <= 0xdfff {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// hasNonStandard reports whether the values hold NaN or Infinity, which
// are not standard JSON.
func hasNonStandard(vals []Value) bool {
	for i := range vals {
		v := &vals[i]
		if v.IsNonStandard() || (v.Kind == Array || v.Kind == Object) && hasNonStandard(v.Items) {
			return true
		}
	}
	return false
}

func TestPrefix(t *testing.T) {
	tests := []struct {
		text string
		kind Kind
		end  int
		err  bool
	}{
		{`{"a": 1} trailing text {`, Object, 8, false},
		{`  [1, 2]{"b": 2}`, Array, 8, false},
		{`{"a": NaN}`, Object, 10, false},
		{`{"a": `, Object, 0, true},
		{``, Null, 0, true},
	}
	for _, tt := range tests {
		var p Parser
		p.Reset(tt.text, Limits{})
		v, end, err := p.Prefix()
		if tt.err {
			assert.NotNil(t, err, tt.text)
			continue
		}
		require.Nil(t, err, tt.text)
		assert.Equal(t, tt.kind, v.Kind, tt.text)
		assert.Equal(t, tt.end, end, tt.text)
	}
}
