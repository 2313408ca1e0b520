package event

import (
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// A response pasted with log lines around it: the output of sam local
// invoke, or the console's execution result ("Response", the JSON, then
// "Function Logs"). The last JSON value that starts a line and is a
// response or a Lambda error object is the function's answer; the rest is
// ignored.

// ResponseInLog returns where the function's answer is in a pasted text
// that is not JSON by itself, and whether there is one.
func ResponseInLog(text string) (start, end int, ok bool) {
	if strings.TrimSpace(text) == "" {
		return 0, 0, false
	}
	if _, err := jsonpos.Parse(text); err == nil {
		return 0, 0, false
	}
	var p jsonpos.Parser
	for c := len(text); c > 0; {
		c = strings.LastIndexByte(text[:c], '{')
		if c < 0 {
			break
		}
		if c > 0 && text[c-1] != '\n' { // only a value that starts a line
			continue
		}
		p.Reset(text[c:], jsonpos.Limits{})
		v, n, err := p.Prefix()
		if err != nil || v.Kind != jsonpos.Object {
			continue
		}
		e := c + n
		if recs, _ := v.Member("records"); recs != nil {
			return c, e, true
		}
		if le, _ := LambdaErrorObject(&v); le != nil {
			return c, e, true
		}
	}
	return 0, 0, false
}

// ShiftResponse moves every range of the response document by off: the
// report's ranges are in the pasted text, the judging was done on the part
// of it that is the function's answer.
func ShiftResponse(rep *report.Report, f *report.Findings, off int) {
	for i := range f.List {
		fd := &f.List[i]
		if fd.Doc == report.DocResponse {
			fd.Start += off
			fd.End += off
		}
		for k := range fd.Related {
			if l := &fd.Related[k]; l.Doc == report.DocResponse {
				l.Start += off
				l.End += off
			}
		}
	}
	if rep.Response != nil {
		for i := range rep.Response.Records {
			rep.Response.Records[i].Start += off
			rep.Response.Records[i].End += off
		}
	}
	for i := range rep.Verdict.Ignored {
		rep.Verdict.Ignored[i].Start += off
		rep.Verdict.Ignored[i].End += off
	}
}

// ReportLogLines says that the answer was taken from log output.
func ReportLogLines(f *report.Findings, text string, start, end int) {
	what := "the response object"
	if v, err := jsonpos.Parse(text[start:end]); err == nil {
		if le, _ := LambdaErrorObject(&v); le != nil {
			what = "the error object of a failed invocation"
		}
	}
	f.At(report.CodeResponseLogLines, report.SevInfo, report.ResponseSpan(start, start+1)).Say("The response holds log lines around the function's answer (the output of sam local invoke or of the console's test): the playground took %s on lines %d–%d, the last JSON value that is a response or an error object, and ignored the rest. Its size is that JSON's, %s.",
		what, strings.Count(text[:start], "\n")+1, strings.Count(text[:end], "\n")+1, report.SizeText(end-start))
}

// ValueText returns a string's text, or the JSON of any other value.
func ValueText(v *jsonpos.Value) string {
	if v.Kind == jsonpos.String {
		return v.Text
	}
	return string(jsonpos.AppendCompact(nil, v))
}

// LambdaErrorObject returns the error when a body is the error object a
// Lambda runtime returns for a failed invocation ({"errorType": …,
// "errorMessage": …}, no "records"), and the value to point at.
func LambdaErrorObject(root *jsonpos.Value) (*report.LambdaError, *jsonpos.Value) {
	if root.Kind != jsonpos.Object {
		return nil, nil
	}
	if recs, _ := root.Member("records"); recs != nil {
		return nil, nil
	}
	typ, _ := root.Member("errorType")
	msg, _ := root.Member("errorMessage")
	if typ == nil && msg == nil {
		return nil, nil
	}
	le := &report.LambdaError{Record: -1}
	at := root
	if typ != nil {
		le.ErrorType = ValueText(typ)
		at = typ
	}
	if msg != nil {
		le.ErrorMessage = ValueText(msg)
		at = msg
	}
	return le, at
}
