package pyemu

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// naiveSkip skips the bytes plain says are plain, one at a time.
func naiveSkip(plain *[256]bool, s string, i int) int {
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// naivePyJSONPlain is skipPyJSONPlain one byte at a time.
func naivePyJSONPlain(s string, i int) int { return naiveSkip(&pyJSONPlain, s, i) }

// TestSkipPyJSONPlainEveryByte puts every byte value at every position of
// a plain run (and next to a second special byte) and compares the
// word-at-a-time scan with the byte loop.
func TestSkipPyJSONPlainEveryByte(t *testing.T) {
	for c := range 256 {
		for pos := range 20 {
			for _, second := range []byte{'a', '"', 0x7f, 0x1f, 0x80} {
				b := []byte(strings.Repeat("abcdefgh", 3))
				b[pos] = byte(c)
				if pos+1 < len(b) {
					b[pos+1] = second
				}
				s := string(b)
				for from := range 3 {
					require.Equal(t, naivePyJSONPlain(s, from), skipPyJSONPlain(s, from), "byte %#x at %d, then %#x, from %d", c, pos, second, from)
					require.Equal(t, naivePyJSONPlain(s, from), skipPyJSONPlain(b, from))
				}
			}
		}
	}
}
