package jsonpos

import (
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/swar"
)

// UTF16Index converts byte offsets of a text into UTF-16 code unit offsets,
// the unit JavaScript strings and CodeMirror count in. It keeps the UTF-16
// position of every 256th byte, so a conversion reads at most 256 bytes.
type UTF16Index struct {
	s     string
	ascii bool
	marks []int // marks[k] is the UTF-16 offset of byte k*indexStep
}

const indexStep = 256

// NewUTF16Index indexes s.
func NewUTF16Index(s string) *UTF16Index {
	x := &UTF16Index{s: s, ascii: IsASCII(s)}
	if x.ascii {
		return x
	}
	x.marks = make([]int, 0, len(s)/indexStep+1)
	u := 0
	for i := 0; i < len(s); i++ {
		if i%indexStep == 0 {
			x.marks = append(x.marks, u)
		}
		u += utf16Units(s[i])
	}
	if len(s)%indexStep == 0 {
		x.marks = append(x.marks, u)
	}
	return x
}

// utf16Units is how many UTF-16 units a byte contributes: a rune's leading
// byte counts for the whole rune, continuation bytes for nothing. Bytes
// that are not valid UTF-8 count one each, as the replacement character
// JavaScript would see.
func utf16Units(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0xc0:
		return 0
	case c < 0xf0:
		return 1
	default:
		return 2
	}
}

// At returns the UTF-16 offset of byte offset off (clamped to the text).
func (x *UTF16Index) At(off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(x.s) {
		off = len(x.s)
	}
	if x.ascii {
		return off
	}
	k := off / indexStep
	u := x.marks[k]
	for i := k * indexStep; i < off; i++ {
		u += utf16Units(x.s[i])
	}
	return u
}

// IsASCII reports whether s holds only ASCII bytes.
func IsASCII(s string) bool {
	// 32 bytes at a time, as utf8.ValidString skips ASCII.
	for len(s) > 32 && ((swar.Word(s)|swar.Word(s[8:]))|(swar.Word(s[16:])|swar.Word(s[24:])))&swar.High == 0 {
		s = s[32:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
