package swar

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEveryByte puts every byte value at every place of a word of plain
// bytes and compares Less, Has and High with a byte loop.
func TestEveryByte(t *testing.T) {
	for c := range 256 {
		for at := range 8 {
			b := []byte("abcdefgh")
			b[at] = byte(c)
			x := Word(b)
			assert.Equal(t, uint64(b[0])|uint64(b[7])<<56, x&0xff|x&(0xff<<56), "Word is little-endian")
			assert.Equal(t, c >= 0x80, x&High != 0, "High: byte %#x at %d", c, at)
			for _, n := range []uint64{1, 0x20, 0x61, 0x62, 0x80} {
				below := false
				for _, d := range b {
					below = below || uint64(d) < n
				}
				assert.Equal(t, below, Less(x, n) != 0, "Less(%#x): byte %#x at %d", n, c, at)
			}
			for _, want := range []byte{0, '"', '\\', 0x7f} {
				assert.Equal(t, byte(c) == want, Has(x, uint64(want)) != 0, "Has(%#x): byte %#x at %d", want, c, at)
			}
		}
	}
}

func Example() {
	s := `plain text, then "a quote`
	i := 0
	for len(s)-i >= 8 && Has(Word(s[i:]), '"') == 0 {
		i += 8
	}
	fmt.Println(i) // the word holding the quote starts here
	// Output: 16
}
