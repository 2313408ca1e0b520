package report

import "github.com/firehose-playground/firehose-playground/internal/jsonpos"

// ToUTF16 converts the offsets of the report from bytes to UTF-16 units.
// The records of a window are converted when a Result's report is made.
func (rep *Report) ToUTF16(in, resp *jsonpos.UTF16Index) {
	if rep.Response != nil {
		for i := range rep.Response.Records {
			o := &rep.Response.Records[i]
			o.Start, o.End = resp.At(o.Start), resp.At(o.End)
		}
	}
	for i := range rep.Verdict.Ignored {
		g := &rep.Verdict.Ignored[i]
		g.Start, g.End = resp.At(g.Start), resp.At(g.End)
	}
	for i := range rep.Findings {
		rep.Findings[i].ToUTF16(in, resp)
	}
}

// ToUTF16 converts a finding's offsets from bytes to UTF-16 units.
func (fd *Finding) ToUTF16(in, resp *jsonpos.UTF16Index) {
	pick := func(doc string) *jsonpos.UTF16Index {
		if doc == DocResponse {
			return resp
		}
		return in
	}
	x := pick(fd.Doc)
	fd.Start, fd.End = x.At(fd.Start), x.At(fd.End)
	for i := range fd.Related {
		l := &fd.Related[i]
		x := pick(l.Doc)
		l.Start, l.End = x.At(l.Start), x.At(l.End)
	}
}
