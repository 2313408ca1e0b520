package report

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// strs are strings that take each of encoding/json's paths.
var strs = []string{"", "plain", `quote " and \ back`, "<b>&amp;</b>", "\x00\x01\b\f\n\r\t\x1f\x7f", "é 한국어 😀",
	"\u2028\u2029", "bad \xff utf-8 \xe2\x82", "\xed\xa0\x80 surrogate"}

// fill sets every field of v to a random value: strings from strs,
// numbers (0 sometimes, for omitempty), pointers and slices nil, empty or
// filled.
func fill(v reflect.Value, rng *rand.Rand, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(strs[rng.IntN(len(strs))])
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 1, -1, 42, 1 << 40}[rng.IntN(5)])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Pointer:
		if depth > 6 || rng.IntN(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), rng, depth+1)
	case reflect.Slice:
		switch n := rng.IntN(4); {
		case n == 0 || depth > 6:
		case n == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n-1, n-1))
			for i := range n - 1 {
				fill(v.Index(i), rng, depth+1)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), rng, depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), rng, depth+1)
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach fill and AppendJSON about it")
	}
}

// TestAppendJSONIsMarshal holds the report's writer to encoding/json's
// Marshal on values with every field set at random: a field added to a
// type and not to its AppendJSON fails here.
func TestAppendJSONIsMarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(v any, got []byte) {
		t.Helper()
		want, err := json.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	}
	for range 2000 {
		var r Report
		fill(reflect.ValueOf(&r).Elem(), rng, 0)
		check(&r, r.AppendJSON(nil))
		var c CodeInfo
		fill(reflect.ValueOf(&c).Elem(), rng, 0)
		check(&c, c.AppendJSON(nil))
		var term Term
		fill(reflect.ValueOf(&term).Elem(), rng, 0)
		check(&term, term.AppendJSON(nil))
	}
	check(&Report{}, (&Report{}).AppendJSON(nil))
}

func FuzzAppendString(f *testing.F) {
	for _, s := range strs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		got := appendString(nil, s)
		require.Equal(t, string(want), string(got))
		require.True(t, utf8.Valid(got))
	})
}
