package jsonpos

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

// naiveStringPlain is skipStringPlain one byte at a time.
func naiveStringPlain(s string, i int) int { return naiveSkip(&plainString, s, i) }

// TestSkipStringPlainEveryByte puts every byte value at every position of
// a plain run (and next to a second special byte) and compares the
// word-at-a-time scan with the byte loop, on runs long enough for its
// 32-byte steps, with a quote or a backslash after the special byte or
// none.
func TestSkipStringPlainEveryByte(t *testing.T) {
	for c := range 256 {
		for _, pos := range []int{0, 1, 7, 8, 31, 32, 33, 40, 63, 64, 70} {
			for _, second := range []byte{'a', '"', '\\', 0x1f, 0x80} {
				b := []byte(strings.Repeat("abcdefgh", 9))
				b[pos] = byte(c)
				b[pos+1] = second
				s := string(b)
				for from := range 3 {
					require.Equal(t, naiveStringPlain(s, from), skipStringPlain(s, from), "byte %#x at %d, then %#x, from %d", c, pos, second, from)
					if from <= pos {
						require.Equal(t, naiveStringPlain(s[:pos], from), skipStringPlain(s[:pos], from), "cut at %d", pos)
					}
				}
			}
		}
	}
}
