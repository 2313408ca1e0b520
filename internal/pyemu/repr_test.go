package pyemu

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/testevent"
	"github.com/stretchr/testify/require"
)

// FuzzPyFloat checks Float on JSON float literals against math/big's
// exact arithmetic (correct rounding, overflow to ±inf, underflow to ±0),
// and that the repr it leads to reads back as the same float. zeros, when
// not 0, pads the literal's digits with that many zeros (mod 3000), after
// its point when front is set and at the end otherwise, to make the long
// literals strconv.ParseFloat alone gets wrong.
func FuzzPyFloat(f *testing.F) {
	for _, s := range []string{"1.5", "-0.0", "1e16", "2.5e-324", "1.7976931348623158e308", "0.1e20000",
		"1" + strings.Repeat("0", 900) + "e-900", "0." + strings.Repeat("0", 900) + "1e1000", "9007199254740993.0"} {
		f.Add(s, uint16(0), false)
	}
	f.Add("1e-900", uint16(900), false)
	f.Add("0.1e20010", uint16(20000), true)
	f.Fuzz(func(t *testing.T, s string, zeros uint16, front bool) {
		v, err := jsonpos.Parse(s)
		if err != nil || v.Kind != jsonpos.Number || !v.IsFloat() || v.IsNonStandard() {
			return
		}
		s = v.Text
		mant, exp := s, ""
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			mant, exp = s[:i], s[i:]
			if e, err := strconv.ParseInt(exp[1:], 10, 64); err != nil || e > 30000 || e < -30000 {
				return // too big for big.Rat to be quick
			}
		}
		if pad := strings.Repeat("0", int(zeros)%3000); front && strings.Contains(mant, ".") {
			mant = strings.Replace(mant, ".", "."+pad, 1)
		} else {
			mant += pad
		}
		s = mant + exp
		r, ok := new(big.Rat).SetString(s)
		require.True(t, ok, s)
		want, _ := r.Float64()
		if want == 0 && s[0] == '-' {
			want = math.Copysign(0, -1)
		}
		got := Float(s)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("Float(%q): got %v, want %v", s, got, want)
		}
		if !math.IsInf(got, 0) {
			back, err := strconv.ParseFloat(string(AppendFloatRepr(nil, got)), 64)
			if err != nil || math.Float64bits(back) != math.Float64bits(got) {
				t.Fatalf("repr(%v) = %s reads back as %v, %v", got, AppendFloatRepr(nil, got), back, err)
			}
		}
	})
}

// reprEscapedTwoPasses is what AppendReprEscaped replaces: repr(v),
// then escaped twice.
func reprEscapedTwoPasses(v *jsonpos.Value) string {
	return string(AppendJSONEscaped(nil, AppendRepr(nil, v), true))
}

// TestPyReprEscapedMatchesTwoPasses checks the one-pass writer against the
// two passes on strings that need every kind of care and on random values.
func TestPyReprEscapedMatchesTwoPasses(t *testing.T) {
	cases := []string{
		`[]`, `{}`, `[1, -0, 1.5e300, 1e999, NaN, -Infinity, true, null]`,
		`{"plain": "SKU-00012", "it's": "say \"hi\"", "both": "'\"", "back\\slash": "tab\there"}`,
		`["\u0000\u001f\u007f\u0085\u00a0", "사용자 상품", "😀 \ud83d\ude00", "\ud800 lone", "\udfff"]`,
		`{"nested": {"a": [{"b": "é"}, ["'"]]}, "a": 1, "a": 2}`,
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		var b strings.Builder
		testevent.RandomJSON(&b, rng)
		cases = append(cases, b.String())
	}
	var tmp []byte
	for _, s := range cases {
		v, err := jsonpos.Parse(s)
		require.NoError(t, err, s)
		require.Equal(t, reprEscapedTwoPasses(&v), string(AppendReprEscaped(nil, &v, &tmp)), s)
	}
}

// FuzzPyReprEscaped does the same on any JSON value.
func FuzzPyReprEscaped(f *testing.F) {
	f.Add(`{"a": ["'\"\\", "사", 1.5, null]}`)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := jsonpos.Parse(s)
		if err != nil {
			return
		}
		var tmp []byte
		if got, want := string(AppendReprEscaped(nil, &v, &tmp)), reprEscapedTwoPasses(&v); got != want {
			t.Fatalf("AppendReprEscaped(%q) = %q, two passes %q", s, got, want)
		}
	})
}
