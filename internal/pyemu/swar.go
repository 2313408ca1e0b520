package pyemu

import "github.com/firehose-playground/firehose-playground/internal/swar"

// Scanning a word at a time: the Python-style escaping spends most of its
// time looking for the next byte that needs care, and a word-at-a-time
// test skips runs of plain text quickly.

// skipPyJSONPlain returns the first index from i whose byte json.dumps
// escapes (or len(s)): anything but printable ASCII, a quote, a backslash.
func skipPyJSONPlain[S string | []byte](s S, i int) int {
	t := s[i:]
	for len(t) >= 8 {
		x := swar.Word(t)
		if x&swar.High|swar.Less(x, 0x20)|swar.Has(x, 0x7f)|swar.Has(x, '"')|swar.Has(x, '\\') != 0 {
			break
		}
		t = t[8:]
	}
	for i = len(s) - len(t); i < len(s) && pyJSONPlain[s[i]]; i++ {
	}
	return i
}
