package transform

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// maxFindingsPerCode bounds the findings of one code in a report: a
// million broken records make one finding per record up to this many, then
// they are only counted, and one last finding says how many were left out.
const maxFindingsPerCode = 100

// findings gathers findings while the engine works. Offsets are byte
// offsets until Run converts them to UTF-16 at the very end.
type findings struct {
	list   []Finding
	counts map[string]int       // findings of each code, kept or not
	kind   map[string][2]string // the document and severity of each code
	spare  Finding              // what add returns for a finding left out
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
	if f.counts == nil {
		f.counts, f.kind = map[string]int{}, map[string][2]string{}
	}
	f.counts[code]++
	if f.counts[code] > maxFindingsPerCode {
		f.spare = Finding{Output: -1}
		return &f.spare
	}
	f.kind[code] = [2]string{doc, sev}
	f.list = append(f.list, Finding{Code: code, Severity: sev, Message: msg, Doc: doc,
		Start: start, End: end, Record: record, Output: -1})
	return &f.list[len(f.list)-1]
}

// merge appends the findings of o (a chunk's), keeping the caps.
func (f *findings) merge(o *findings) {
	if f.counts == nil {
		f.counts, f.kind = map[string]int{}, map[string][2]string{}
	}
	for _, fd := range o.list {
		if f.counts[fd.Code] < maxFindingsPerCode {
			f.list = append(f.list, fd)
		}
		f.counts[fd.Code]++
		f.kind[fd.Code] = [2]string{fd.Doc, fd.Severity}
	}
	for code, n := range o.counts {
		if n > maxFindingsPerCode {
			f.counts[code] += n - maxFindingsPerCode // counted there, not kept
		}
	}
}

// summarize adds, for every code over the cap, one finding that says how
// many were left out.
func (f *findings) summarize() {
	for _, code := range slices.Sorted(maps.Keys(f.counts)) {
		if n := f.counts[code] - maxFindingsPerCode; n > 0 {
			k := f.kind[code]
			f.list = append(f.list, Finding{Code: code, Severity: k[1], Doc: k[0], Record: -1, Output: -1,
				Message: fmt.Sprintf("… and %s more %s like these (%s), left out to keep the report small.",
					thousands(n), pick(n == 1, "finding", "findings"), code)})
		}
	}
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
