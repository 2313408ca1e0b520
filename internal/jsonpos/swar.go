package jsonpos

import (
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/swar"
)

// Scanning a word at a time: the parser spends most of its time looking
// for the next byte that needs care, and a word-at-a-time test skips runs
// of plain text quickly. (Short strings, most keys, are faster a byte at a
// time.)

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
	const k = swar.Ones * 0x20
	for len(t) >= 32 {
		w0, w1, w2, w3 := swar.Word(t), swar.Word(t[8:]), swar.Word(t[16:]), swar.Word(t[24:])
		if ((w0-k)&^w0|(w1-k)&^w1|(w2-k)&^w2|(w3-k)&^w3)&swar.High != 0 {
			break // a byte below 0x20
		}
		t = t[32:]
	}
	for i = end - len(t); i < len(s) && plainString[s[i]]; i++ {
	}
	return i
}
