// Package swar tests eight bytes at a time, in one 64-bit word ("SIMD
// within a register"). The JSON reader (internal/jsonpos) and the CPython
// emulation (internal/pyemu) spend most of their time looking for the next
// byte that needs care; a word-at-a-time test skips runs of plain text
// quickly.
//
// The easy path: load a word, then ask whether any of its bytes is special.
//
//	x := swar.Word(s[i:]) // s[i:] holds at least 8 bytes
//	if x&swar.High|swar.Less(x, 0x20)|swar.Has(x, '"') == 0 {
//		i += 8 // eight plain ASCII bytes
//	}
package swar

const (
	// Ones has the low bit of every byte set.
	Ones = 0x0101010101010101
	// High has the high bit of every byte set: x&High is non-zero when
	// some byte of x is not ASCII.
	High = 0x8080808080808080
)

// Word is the first eight bytes of s, little-endian: the compiler makes it
// one load. s must hold at least eight bytes.
func Word[S string | []byte](s S) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Less is non-zero when some byte of x is below n (n ≤ 128).
func Less(x, n uint64) uint64 { return (x - Ones*n) &^ x & High }

// Has is non-zero when some byte of x equals c.
func Has(x, c uint64) uint64 { return Less(x^(Ones*c), 1) }
