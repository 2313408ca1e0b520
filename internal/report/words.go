package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// How findings' messages write numbers, sizes, JSON kinds and quoted
// values, for every part of the engine.

// Percent writes n as a share of of: "0.4%", "139%".
func Percent(n, of int) string {
	p := float64(n) * 100 / float64(of)
	if p < 0.1 {
		return "less than 0.1%"
	}
	if p < 10 {
		return strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	return strconv.Itoa(int(p)) + "%"
}

// Thousands writes n with thousands separators: 6,291,556.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Pick returns a when cond holds, else b.
func Pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// SizeText writes a byte count for people: "512 bytes", "1.5 KiB", "6.0 MiB".
func SizeText(n int) string {
	switch {
	case n < 1024:
		if n == 1 {
			return "1 byte"
		}
		return strconv.Itoa(n) + " bytes"
	case n < 1<<20:
		return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KiB"
	default:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
}

// Article returns "a" or "an" for a kind's name.
func Article(k jsonpos.Kind) string {
	if k == jsonpos.Array || k == jsonpos.Object {
		return "an"
	}
	return "a"
}

// Plural writes "1 record", "2 records".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Clip shortens s to at most n bytes for a message, on a rune boundary.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// Quoted writes s in double quotes for a message, clipped.
func Quoted(s string) string {
	return `"` + strings.ReplaceAll(Clip(s, 80), `"`, `\"`) + `"`
}
