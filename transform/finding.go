package transform

import (
	"fmt"
	"maps"
	"slices"
)

// maxFindingsPerCode bounds the findings of one code in a report: a
// million broken records make one finding per record up to this many, then
// they are only counted, and one last finding says how many were left out.
const maxFindingsPerCode = 100

// findings gathers findings while the engine works. Offsets are byte
// offsets until Run converts them to UTF-16 at the very end.
type findings struct {
	list   []Finding
	counts map[Code]int  // findings of each code, kept or not
	kind   map[Code]Span // the document of each code (its Doc)
	sev    map[Code]Severity
	spare  Finding // what say returns for a finding left out
}

// draft is a finding being written: findings.at starts one with its code,
// severity and span; rec, out and sure set what differs from the defaults
// (no record, no output, the catalog's confidence for the code); say
// writes its message and records it.
//
//	f.at(codeRecordSize, SevWarning, inputSpan(s, e)).rec(i).say("Record %d is …", i)
type draft struct {
	f  *findings
	fd Finding
}

// at starts a finding of code, of severity sev, about the span sp.
func (f *findings) at(code Code, sev Severity, sp Span) draft {
	info, _ := code.Info()
	return draft{f, Finding{Code: code, Severity: sev, Span: sp, Record: -1, Output: -1, Confidence: info.Confidence}}
}

// inputSpan is a span of the input.
func inputSpan(start, end int) Span { return Span{DocInput, start, end} }

// responseSpan is a span of the response.
func responseSpan(start, end int) Span { return Span{DocResponse, start, end} }

// rec sets the input record the finding concerns.
func (d draft) rec(i int) draft { d.fd.Record = i; return d }

// out sets the response record the finding concerns.
func (d draft) out(o int) draft { d.fd.Output = o; return d }

// sure sets the finding's confidence, where its case differs from the
// code's usual one.
func (d draft) sure(c Confidence) draft { d.fd.Confidence = c; return d }

// say records the finding with its message (format and args as for
// fmt.Sprintf; format alone is the message). It returns the finding, for
// relate.
func (d draft) say(format string, args ...any) *Finding {
	f, fd := d.f, d.fd
	fd.Message = format
	if len(args) > 0 {
		fd.Message = fmt.Sprintf(format, args...)
	}
	if fd.End < fd.Start {
		fd.End = fd.Start
	}
	if f.counts == nil {
		f.counts, f.kind, f.sev = map[Code]int{}, map[Code]Span{}, map[Code]Severity{}
	}
	f.counts[fd.Code]++
	if f.counts[fd.Code] > maxFindingsPerCode {
		f.spare = Finding{Output: -1}
		return &f.spare
	}
	f.kind[fd.Code], f.sev[fd.Code] = Span{Doc: fd.Doc}, fd.Severity
	f.list = append(f.list, fd)
	return &f.list[len(f.list)-1]
}

// merge appends the findings of o (a chunk's), keeping the caps.
func (f *findings) merge(o *findings) {
	if f.counts == nil {
		f.counts, f.kind, f.sev = map[Code]int{}, map[Code]Span{}, map[Code]Severity{}
	}
	for _, fd := range o.list {
		if f.counts[fd.Code] < maxFindingsPerCode {
			f.list = append(f.list, fd)
		}
		f.counts[fd.Code]++
		f.kind[fd.Code], f.sev[fd.Code] = Span{Doc: fd.Doc}, fd.Severity
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
			f.list = append(f.list, Finding{Code: code, Severity: f.sev[code], Span: f.kind[code], Record: -1, Output: -1,
				Message: fmt.Sprintf("… and %s more %s like these (%s), left out to keep the report small.",
					thousands(n), pick(n == 1, "finding", "findings"), code)})
		}
	}
}

// relate adds a related location to a finding returned by say.
func (fd *Finding) relate(doc string, start, end int, msg string) *Finding {
	fd.Related = append(fd.Related, Location{Span: Span{doc, start, end}, Message: msg})
	return fd
}
