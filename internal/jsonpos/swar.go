package jsonpos

import "strings"

// Scanning a word at a time: the parser spends most of its time looking
// for the next byte that needs care, and a word-at-a-time test skips runs
// of plain text quickly. (Short strings, most keys, are faster a byte at a
// time.)

const (
	swarOnes = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// word is the first eight bytes of s, little-endian: the compiler makes
// it one load.
func word[S string | []byte](s S) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// skipStringPlain returns the first index from i (at most len(s)) whose
// byte is not plain inside a JSON string (a quote, a backslash, a control
// character), or len(s). It looks for the quote and the backslash with
// strings.IndexByte, the fastest scan there is, then for control
// characters before them 32 bytes at a time.
func skipStringPlain(s string, i int) int {
	end := len(s)
	if q := strings.IndexByte(s[i:], '"'); q >= 0 {
		end = i + q
	}
	if b := strings.IndexByte(s[i:end], '\\'); b >= 0 {
		end = i + b
	}
	t := s[i:end]
	const k = swarOnes * 0x20
	for len(t) >= 32 {
		w0, w1, w2, w3 := word(t), word(t[8:]), word(t[16:]), word(t[24:])
		if ((w0-k)&^w0|(w1-k)&^w1|(w2-k)&^w2|(w3-k)&^w3)&swarHigh != 0 {
			break // a byte below 0x20
		}
		t = t[32:]
	}
	for i = end - len(t); i < len(s) && plainString[s[i]]; i++ {
	}
	return i
}
