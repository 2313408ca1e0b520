package firehose

import (
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The rule of results (docs/firehose-contract.md rows 1, 2 and 7): "Ok"
// delivers a record, "Dropped" drops it, "ProcessingFailed" sends its
// original data to processing-failed/; any other result is an error whose
// scope is unconfirmed.
type resultsRule struct {
	m   *match
	r   *ruling
	bad []int // outputs whose result is none of the three
}

// noteBadResult says that row 7's batch error is a stand-in.
const noteBadResult = `Firehose's own error for a result other than Ok, Dropped or ProcessingFailed is only known as "make sure the output is in required format": the code and message shown here stand in for it.`

// read reads output record o's result.
func (rr *resultsRule) read(o int) {
	if !validResult(rr.m.resp.Records[o].result) {
		rr.bad = append(rr.bad, o)
		rr.reportResult(o)
	}
}

// decide decides input record i from the result of the output that
// carries its recordId. It always decides.
func (rr *resultsRule) decide(i int) bool {
	o := rr.m.outputs[i][0]
	res := rr.m.resp.Records[o].result
	v := &rr.r.verdict.Records[i]
	switch {
	case !validResult(res):
		// Row 7, read record by record.
		rr.r.fail(i, report.CodeInvalidFormat, report.MsgNotCaptured, report.Unconfirmed)
	case res.Text == resultOk:
		v.Outcome, v.Confidence = report.Delivered, report.Confirmed
	case res.Text == resultDropped:
		v.Outcome, v.Confidence = report.Dropped, report.Confirmed
	default:
		rr.r.fail(i, report.CodeProcessingFailed, report.MsgProcessingFailed, report.Confirmed)
		rr.reportProcessingFailed(i, o)
	}
	return true
}

// batch gives the readings of results Firehose does not accept: the
// contract reads the whole batch failing first.
func (rr *resultsRule) batch() {
	if len(rr.bad) == 0 {
		return
	}
	b := rr.r.batchError(report.CodeJSON, report.MsgJSON)
	b.Note = noteBadResult
	rr.r.alternative(report.CodeResponseResult,
		fmt.Sprintf("%s with a result other than Ok, Dropped or ProcessingFailed: what Firehose does is unconfirmed.", report.Plural(len(rr.bad), "output record")),
		report.Reading{Label: "The whole batch fails (\"make sure the output is in required format\"; read here as Lambda.JsonProcessingException)",
			BatchError: b, Failed: allRecords(len(rr.r.verdict.Records))},
		report.Reading{Label: "Only those records fail", Failed: rr.m.inputsOf(rr.bad)})
}

// reportProcessingFailed reports record i, which the function returned as
// ProcessingFailed in output o (row 2). The finding is about the input
// record: the response is right to say so, the record is what failed.
func (rr *resultsRule) reportProcessingFailed(i, o int) {
	r := &rr.m.ev.Records[i]
	res := rr.m.resp.Records[o].result
	rr.r.f.At(report.CodeProcessingFailed, report.SevError, rr.m.idSpan(i)).Rec(i).Out(o).Say(
		"Record %d (recordId %s) is returned as ProcessingFailed. Firehose writes its original data to processing-failed/ with %s, %q (not retried, attemptsMade 1).",
		i, report.Quoted(r.RecordID), report.CodeProcessingFailed, report.MsgProcessingFailed).
		Relate(report.DocResponse, res.Start, res.End, fmt.Sprintf("output record %d's result", o))
}

// reportResult reports an output record whose result is not one of the
// three Firehose accepts (row 7).
func (rr *resultsRule) reportResult(o int) {
	or := &rr.m.resp.Records[o]
	if or.Value.Kind != jsonpos.Object {
		return
	}
	start, end := or.Value.Start, or.Value.Start+1
	var what string
	switch res := or.result; {
	case res == nil:
		what = fmt.Sprintf(`Output record %d has no "result"`, o)
	case res.Kind != jsonpos.String:
		what = fmt.Sprintf("Output record %d's result is %s %s", o, report.Article(res.Kind), res.Kind)
		start, end = res.Start, res.End
	default:
		what = fmt.Sprintf("Output record %d's result is %s", o, report.Quoted(res.Text))
		start, end = res.Start, res.End
		for _, ok := range []string{resultOk, resultDropped, resultProcessingFailed} {
			if strings.EqualFold(strings.TrimSpace(res.Text), ok) {
				what += fmt.Sprintf(" (did you mean %q?)", ok)
			}
		}
	}
	i := rr.m.inputOf(o)
	fd := rr.r.f.At(report.CodeResponseResult, report.SevError, report.ResponseSpan(start, end)).Rec(i).Out(o).Say(
		`%s. Firehose accepts exactly "Ok", "Dropped" or "ProcessingFailed" (case-sensitive). What it does otherwise is unconfirmed: the whole batch fails ("make sure the output is in required format"), or only this record does. Either way the record is not delivered.`, what)
	rr.m.relateInput(fd, i)
}
