package transform

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFloatReprMatchesPython compares repr() of random floats (bit
// patterns) and of random JSON number literals, and json.dumps() of the
// latter, with what CPython 3.11 printed (testdata/pydiff/floats.jsonl.gz).
func TestFloatReprMatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "floats.jsonl.gz") {
		if c.Bits != "" {
			bits, err := strconv.ParseUint(c.Bits, 16, 64)
			require.NoError(t, err)
			checkPy(t, &fails, c, "repr(float.fromhex bits "+c.Bits+")",
				string(appendFloatRepr(nil, math.Float64frombits(bits))), c.Repr)
			continue
		}
		v, err := ParseJSON(c.Src)
		require.NoError(t, err, "line %d: %q", c.Line, c.Src)
		checkPy(t, &fails, c, "repr(json.loads("+clipMiddle(c.Src)+"))", string(appendPyRepr(nil, &v)), c.Repr)
		checkPy(t, &fails, c, "json.dumps(json.loads("+clipMiddle(c.Src)+"))", string(appendPyJSON(nil, &v)), c.JSON)
	}
}

// TestStringReprMatchesPython compares repr(), json.dumps() and
// json.dumps(str()) of random strings (every plane, controls, quotes,
// format characters, lone surrogates), lists and dicts with CPython 3.11
// (testdata/pydiff/strings.jsonl.gz).
func TestStringReprMatchesPython(t *testing.T) {
	fails := 0
	var tmp []byte
	for _, c := range readPyCases(t, "strings.jsonl.gz") {
		v, err := ParseJSON(c.Src)
		require.NoError(t, err, "line %d: %q", c.Line, c.Src)
		checkPy(t, &fails, c, "repr("+c.Src+")", string(appendPyRepr(nil, &v)), c.Repr)
		checkPy(t, &fails, c, "json.dumps("+c.Src+")", string(appendPyJSON(nil, &v)), c.JSON)
		checkPy(t, &fails, c, "json.dumps(str("+c.Src+"))", unescapeASCII(appendPyStrJSON(nil, &v, &tmp)), c.StrJSON)
	}
}

// FuzzPyFloat checks pyFloat on JSON float literals against math/big's
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
		v, err := ParseJSON(s)
		if err != nil || v.Kind != Number || !v.IsFloat() || v.IsNonStandard() {
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
		got := pyFloat(s)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("pyFloat(%q): got %v, want %v", s, got, want)
		}
		if !math.IsInf(got, 0) {
			back, err := strconv.ParseFloat(string(appendFloatRepr(nil, got)), 64)
			if err != nil || math.Float64bits(back) != math.Float64bits(got) {
				t.Fatalf("repr(%v) = %s reads back as %v, %v", got, appendFloatRepr(nil, got), back, err)
			}
		}
	})
}

// reprEscapedTwoPasses is what appendPyReprEscaped replaces: repr(v),
// then escaped twice.
func reprEscapedTwoPasses(v *Value) string {
	return string(appendPyJSONEscaped(nil, appendPyRepr(nil, v), true))
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
		randomJSON(&b, rng, 0)
		cases = append(cases, b.String())
	}
	var tmp []byte
	for _, s := range cases {
		v, err := ParseJSON(s)
		require.NoError(t, err, s)
		require.Equal(t, reprEscapedTwoPasses(&v), string(appendPyReprEscaped(nil, &v, &tmp)), s)
	}
}

// FuzzPyReprEscaped does the same on any JSON value.
func FuzzPyReprEscaped(f *testing.F) {
	f.Add(`{"a": ["'\"\\", "사", 1.5, null]}`)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseJSON(s)
		if err != nil {
			return
		}
		var tmp []byte
		if got, want := string(appendPyReprEscaped(nil, &v, &tmp)), reprEscapedTwoPasses(&v); got != want {
			t.Fatalf("appendPyReprEscaped(%q) = %q, two passes %q", s, got, want)
		}
	})
}
