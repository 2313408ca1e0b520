package pyemu

// Scanning a word at a time: the Python-style escaping spends most of its
// time looking for the next byte that needs care, and a word-at-a-time
// test skips runs of plain text quickly.

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

// swarLess is non-zero when some byte of x is below n (n ≤ 128).
func swarLess(x, n uint64) uint64 { return (x - swarOnes*n) &^ x & swarHigh }

// swarHas is non-zero when some byte of x equals c.
func swarHas(x, c uint64) uint64 { return swarLess(x^(swarOnes*c), 1) }

// skipPyJSONPlain returns the first index from i whose byte json.dumps
// escapes (or len(s)): anything but printable ASCII, a quote, a backslash.
func skipPyJSONPlain[S string | []byte](s S, i int) int {
	t := s[i:]
	for len(t) >= 8 {
		x := word(t)
		if x&swarHigh|swarLess(x, 0x20)|swarHas(x, 0x7f)|swarHas(x, '"')|swarHas(x, '\\') != 0 {
			break
		}
		t = t[8:]
	}
	for i = len(s) - len(t); i < len(s) && pyJSONPlain[s[i]]; i++ {
	}
	return i
}
