package transform

import (
	"fmt"
	"strings"
)

// findings gathers findings while the engine works. Offsets are byte
// offsets until Run converts them to UTF-16 at the very end.
type findings struct {
	list []Finding
}

// add records a finding about the input.
func (f *findings) add(code, sev string, start, end, record int, format string, args ...any) *Finding {
	return f.addDoc(DocInput, code, sev, start, end, record, format, args...)
}

// addDoc records a finding about either document.
func (f *findings) addDoc(doc, code, sev string, start, end, record int, format string, args ...any) *Finding {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	if end < start {
		end = start
	}
	f.list = append(f.list, Finding{Code: code, Severity: sev, Message: msg, Doc: doc,
		Start: start, End: end, Record: record, Output: -1})
	return &f.list[len(f.list)-1]
}

// relate adds a related location to a finding returned by add.
func (fd *Finding) relate(doc string, start, end int, msg string) *Finding {
	fd.Related = append(fd.Related, Location{Doc: doc, Start: start, End: end, Message: msg})
	return fd
}

// count returns how many findings have the given code.
func (f *findings) count(code string) int {
	n := 0
	for i := range f.list {
		if f.list[i].Code == code {
			n++
		}
	}
	return n
}

// plural writes "1 record", "2 records".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// clip shortens s to at most n bytes for a message, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// quoted writes s in double quotes for a message, clipped.
func quoted(s string) string {
	return `"` + strings.ReplaceAll(clip(s, 80), `"`, `\"`) + `"`
}
