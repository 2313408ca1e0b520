package report

import (
	"fmt"
	"maps"
	"slices"
)

// MaxFindingsPerCode bounds the findings of one code in a report: a
// million broken records make one finding per record up to this many, then
// they are only counted, and one last finding says how many were left out.
const MaxFindingsPerCode = 100

// Findings gathers findings while the engine works. Offsets are byte
// offsets until Run converts them to UTF-16 at the very end.
type Findings struct {
	List   []Finding
	Counts map[Code]int  // findings of each code, kept or not
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
	f  *Findings
	fd Finding
}

// At starts a finding of code, of severity sev, about the span sp.
func (f *Findings) At(code Code, sev Severity, sp Span) draft {
	info, _ := code.Info()
	return draft{f, Finding{Code: code, Severity: sev, Span: sp, Record: -1, Output: -1, Confidence: info.Confidence}}
}

// InputSpan is a span of the input.
func InputSpan(start, end int) Span { return Span{DocInput, start, end} }

// ResponseSpan is a span of the response.
func ResponseSpan(start, end int) Span { return Span{DocResponse, start, end} }

// Rec sets the input record the finding concerns.
func (d draft) Rec(i int) draft { d.fd.Record = i; return d }

// Out sets the response record the finding concerns.
func (d draft) Out(o int) draft { d.fd.Output = o; return d }

// Sure sets the finding's confidence, where its case differs from the
// code's usual one.
func (d draft) Sure(c Confidence) draft { d.fd.Confidence = c; return d }

// Say records the finding with its message (format and args as for
// fmt.Sprintf; format alone is the message). It returns the finding, for
// relate.
func (d draft) Say(format string, args ...any) *Finding {
	f, fd := d.f, d.fd
	fd.Message = format
	if len(args) > 0 {
		fd.Message = fmt.Sprintf(format, args...)
	}
	if fd.End < fd.Start {
		fd.End = fd.Start
	}
	if f.Counts == nil {
		f.Counts, f.kind, f.sev = map[Code]int{}, map[Code]Span{}, map[Code]Severity{}
	}
	f.Counts[fd.Code]++
	if f.Counts[fd.Code] > MaxFindingsPerCode {
		f.spare = Finding{Output: -1}
		return &f.spare
	}
	f.kind[fd.Code], f.sev[fd.Code] = Span{Doc: fd.Doc}, fd.Severity
	f.List = append(f.List, fd)
	return &f.List[len(f.List)-1]
}

// Merge appends the findings of o (a chunk's), keeping the caps.
func (f *Findings) Merge(o *Findings) {
	if f.Counts == nil {
		f.Counts, f.kind, f.sev = map[Code]int{}, map[Code]Span{}, map[Code]Severity{}
	}
	for _, fd := range o.List {
		if f.Counts[fd.Code] < MaxFindingsPerCode {
			f.List = append(f.List, fd)
		}
		f.Counts[fd.Code]++
		f.kind[fd.Code], f.sev[fd.Code] = Span{Doc: fd.Doc}, fd.Severity
	}
	for code, n := range o.Counts {
		if n > MaxFindingsPerCode {
			f.Counts[code] += n - MaxFindingsPerCode // counted there, not kept
		}
	}
}

// Summarize adds, for every code over the cap, one finding that says how
// many were left out.
func (f *Findings) Summarize() {
	for _, code := range slices.Sorted(maps.Keys(f.Counts)) {
		if n := f.Counts[code] - MaxFindingsPerCode; n > 0 {
			f.List = append(f.List, Finding{Code: code, Severity: f.sev[code], Span: f.kind[code], Record: -1, Output: -1,
				Message: fmt.Sprintf("… and %s more %s like these (%s), left out to keep the report small.",
					Thousands(n), Pick(n == 1, "finding", "findings"), code)})
		}
	}
}

// Relate adds a related location to a finding returned by say.
func (fd *Finding) Relate(doc string, start, end int, msg string) *Finding {
	fd.Related = append(fd.Related, Location{Span: Span{doc, start, end}, Message: msg})
	return fd
}
