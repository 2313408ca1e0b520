package pyemu

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestShortDecimalMatchesRepr checks the fast path of float repr against
// the general one (shortest round-trip digits) on plain decimals of every
// length around the 15-digit limit and the positional range.
func TestShortDecimalMatchesRepr(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []string{"0.0", "-0.0", "0.000", "1.10", "100.0", "007.50", "0.0001", "0.00001", "0.001230",
		"123456789012345.0", "1234567890123456.0", "12345678901234567.0", "9999999999999999.0",
		"0.123456789012345", "0.1234567890123456", "-37.566535", "126.978", "1.0000000000000002"}
	for range 20000 {
		intDigits, fracDigits := rng.IntN(18), 1+rng.IntN(18)
		var sb strings.Builder
		if rng.IntN(4) == 0 {
			sb.WriteByte('-')
		}
		if intDigits == 0 {
			sb.WriteByte('0')
		}
		for i := range intDigits {
			d := rng.IntN(10)
			if i == 0 && d == 0 {
				d = 1 + rng.IntN(9)
			}
			sb.WriteByte(byte('0' + d))
		}
		sb.WriteByte('.')
		zeros := rng.IntN(6)
		for i := range fracDigits {
			if i < zeros && intDigits == 0 {
				sb.WriteByte('0')
			} else {
				sb.WriteByte(byte('0' + rng.IntN(10)))
			}
		}
		cases = append(cases, sb.String())
	}
	fast := 0
	for _, text := range cases {
		got, ok := appendShortDecimal(nil, text)
		if !ok {
			continue
		}
		fast++
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			t.Fatal(err)
		}
		want := AppendFloatRepr(nil, f)
		assert.Equal(t, string(want), string(got), fmt.Sprintf("repr(float(%q))", text))
	}
	assert.Greater(t, fast, 5000, "cases that took the fast path")
}
