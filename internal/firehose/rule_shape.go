package firehose

import (
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The rule of the response's shape (docs/firehose-contract.md rows 6 and
// 10): a body that is not JSON, or not the status model {"records": […]},
// fails the whole batch; a "records" that is missing, null or empty fails
// every record, in a way that is unconfirmed.

// notJSON fails the batch when the body (text, read as resp) is not JSON
// (row 10), and reports whether it was not.
func notJSON(r *ruling, resp *Body, text string) bool {
	e := resp.err
	if e == nil {
		return false
	}
	what := fmt.Sprintf("The response is not valid JSON: %s (line %d, column %d).", e.Msg, e.Line, e.Column)
	if strings.TrimSpace(text) == "" {
		what = "The response is empty."
	}
	r.f.At(report.CodeJSON, report.SevError, report.ResponseSpan(e.Offset, e.Offset+1)).Say(
		"%s Firehose: %s, %q The whole batch goes to processing-failed/ (not retried).", what, report.CodeJSON, report.MsgJSON)
	r.failBatch(report.CodeJSON, report.MsgJSON, report.Confirmed)
	return true
}

// readable reports whether Firehose can read the response's records; when
// it cannot, the body is not the status model (row 10: the whole batch
// fails) or its "records" are unusable (row 6).
func readable(m *match, r *ruling) bool {
	if len(m.resp.shape) > 0 {
		for _, p := range m.resp.shape {
			r.f.At(report.CodeJSON, report.SevError, report.ResponseSpan(p.start, p.end)).Rec(m.inputOf(p.out)).Out(p.out).Say(
				"%s. Firehose cannot read the response: %s, %q The whole batch goes to processing-failed/ (not retried).",
				p.msg, report.CodeJSON, report.MsgJSON)
		}
		r.failBatch(report.CodeJSON, report.MsgJSON, report.Confirmed)
		return false
	}
	return !recordsUnusable(m, r)
}

// recordsUnusable handles a response whose "records" is missing, null,
// not an array, or empty although the event has records (row 6,
// unconfirmed): every record fails, and the verdict gives both readings.
// It reports whether that was the case.
func recordsUnusable(m *match, r *ruling) bool {
	root, recs := &m.resp.root, m.resp.recs
	n := len(m.ev.Records)
	var what string
	start, end := root.Start, root.Start+1
	switch {
	case recs == nil:
		what = `The response has no "records" key`
		if alt := event.SimilarKey(root, "records"); alt != nil {
			what += fmt.Sprintf(" (it has %s: keys are case-sensitive)", report.Quoted(alt.Name))
			start, end = alt.Start, alt.End
		} else if body, _ := root.Member("body"); body != nil {
			what += ` (it looks like an API Gateway response: Firehose reads the object {"records": […]} itself, not a "body")`
		}
	case recs.Kind == jsonpos.Null:
		what, start, end = `"records" is null`, recs.Start, recs.End
	case recs.Kind != jsonpos.Array:
		what = fmt.Sprintf(`"records" is %s %s, not an array`, report.Article(recs.Kind), recs.Kind)
		start, end = recs.Start, recs.End
	case len(recs.Items) == 0 && n > 0:
		what, start, end = `"records" is empty`, recs.Start, recs.End
	default:
		return false
	}
	all := allRecords(n)
	readings := []report.Reading{
		{Label: "Every record fails with Lambda.MissingRecordId (one probe of real Firehose)", Failed: all},
		{Label: "The whole batch fails with Lambda.FunctionError and is retried (another emulator)",
			BatchError: r.batchError(report.CodeFunctionError, report.MsgFunctionError), Failed: all},
	}
	if recs != nil && recs.Kind != jsonpos.Array && recs.Kind != jsonpos.Null {
		readings = append(readings, report.Reading{Label: "Firehose cannot read the response: Lambda.JsonProcessingException for the whole batch",
			BatchError: r.batchError(report.CodeJSON, report.MsgJSON), Failed: all})
	}
	r.alternative(report.CodeResponseRecords, what+": what Firehose does is unconfirmed; under every reading no record is delivered.", readings...)
	for i := range r.verdict.Records {
		r.fail(i, report.CodeMissingID, report.MsgMissingID, report.Unconfirmed)
	}
	r.f.At(report.CodeResponseRecords, report.SevError, report.ResponseSpan(start, end)).Say(
		"%s. What Firehose does then is unconfirmed: every record fails with %s (one probe), or the whole batch fails with %s (another emulator). Either way nothing is delivered.",
		what, report.CodeMissingID, report.CodeFunctionError)
	return true
}

// allRecords returns the indexes 0…n-1.
func allRecords(n int) []int {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	return all
}
