package firehose

import (
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The rule of recordIds (docs/firehose-contract.md rows 3, 4 and 5): an
// input record that no output carries is missing and fails; a recordId
// returned twice fails with Lambda.DuplicatedRecordId (its scope is
// unconfirmed); an output whose recordId Firehose never sent is ignored
// without any error, and its data is lost.
type idsRule struct {
	m    *match
	r    *ruling
	dups []int // input records whose recordId came back more than once
	// changed maps the normalID of every ignored output to its index,
	// built when a missing record is first reported.
	changed map[string]int
}

// decide decides input record i when no output, or more than one, carries
// its recordId, and reports whether it did.
func (ids *idsRule) decide(i int) bool {
	mine := ids.m.outputs[i]
	switch {
	case len(mine) == 0:
		ids.r.fail(i, report.CodeMissingID, report.MsgMissingID, report.Confirmed)
		ids.reportMissing(i)
	case len(mine) > 1:
		ids.dups = append(ids.dups, i)
		ids.r.fail(i, report.CodeDuplicatedID, report.MsgDuplicatedID, report.Unconfirmed)
		for _, d := range mine[1:] {
			ids.reportDuplicate(i, mine[0], d)
		}
	default:
		return false
	}
	return true
}

// batch lists the ignored outputs, and gives both readings of the
// duplicates.
func (ids *idsRule) batch() {
	ids.listIgnored()
	if len(ids.dups) == 0 {
		return
	}
	ids.r.alternative(report.CodeDuplicatedID,
		fmt.Sprintf("%s returned more than once: the code is confirmed, its scope is not.", report.Plural(len(ids.dups), "recordId")),
		report.Reading{Label: "Only the records whose recordId is repeated fail with Lambda.DuplicatedRecordId", Failed: ids.dups},
		report.Reading{Label: "The whole batch fails with Lambda.DuplicatedRecordId", BatchError: ids.r.batchError(report.CodeDuplicatedID, report.MsgDuplicatedID),
			Failed: allRecords(len(ids.r.verdict.Records))})
}

// reportMissing reports an input record that no output record carries
// (row 3).
func (ids *idsRule) reportMissing(i int) {
	m := ids.m
	r := &m.ev.Records[i]
	fd := ids.r.f.At(report.CodeMissingID, report.SevError, m.idSpan(i)).Rec(i).Say(
		"Record %d (recordId %s) is not in the response. Firehose: %s, %q The record's original data goes to processing-failed/; the rest of the batch is not affected.",
		i, report.Quoted(r.RecordID), report.CodeMissingID, report.MsgMissingID)
	// A changed recordId: an ignored output with nearly the same id.
	if ids.changed == nil {
		ids.changed = map[string]int{}
		for o := range m.recs {
			out := &m.recs[o]
			if k := normalID(out.RecordID); out.Status == report.StatusIgnored && k != "" {
				if _, dup := ids.changed[k]; !dup {
					ids.changed[k] = o
				}
			}
		}
	}
	if o, ok := ids.changed[normalID(r.RecordID)]; ok {
		s, e := m.idRange(o)
		fd.Message += fmt.Sprintf(" Output record %d has %s instead: recordIds must come back exactly as received.",
			o, report.Quoted(m.recs[o].RecordID))
		fd.Relate(report.DocResponse, s, e, fmt.Sprintf("output record %d, with a changed recordId", o))
	}
}

// normalID is a recordId without case and surrounding white space, to
// recognise one that the function changed.
func normalID(id string) string {
	return strings.ToLower(strings.TrimSpace(id))
}

// reportDuplicate reports output record d, which repeats the recordId of
// output record first (row 5).
func (ids *idsRule) reportDuplicate(i, first, d int) {
	m := ids.m
	s, e := m.idRange(d)
	fs, fe := m.idRange(first)
	fd := ids.r.f.At(report.CodeDuplicatedID, report.SevError, report.ResponseSpan(s, e)).Rec(i).Out(d).Say(
		"Output record %d repeats the recordId %s of output record %d. Firehose: %s, %q Whether only record %d or the whole batch fails is unconfirmed; either way record %d is not delivered. One input record cannot become several output records: put its rows in one record's data, newline-delimited.",
		d, report.Quoted(m.ev.Records[i].RecordID), first, report.CodeDuplicatedID, report.MsgDuplicatedID, i, i)
	fd.Relate(report.DocResponse, fs, fe, fmt.Sprintf("output record %d, the first with this recordId", first))
	m.relateInput(fd, i)
}

// listIgnored lists the output records whose recordId is in no input
// record (row 4): Firehose drops them without any error, and their data is
// lost.
func (ids *idsRule) listIgnored() {
	m, v := ids.m, &ids.r.verdict
	n, lostRows, lostBytes := 0, 0, 0
	for o := range m.recs {
		out := &m.recs[o]
		if out.Status != report.StatusIgnored {
			continue
		}
		n++
		rows, lost := 0, 0
		if out.Result == resultOk {
			rows, lost = out.Rows, len(m.resp.Records[o].Bytes)
		}
		lostRows += rows
		lostBytes += lost
		v.Ignored = append(v.Ignored, report.Ignored{RecordID: out.RecordID, Start: out.Start, End: out.End, Output: o, Rows: rows})
		if i := ids.reportIgnored(o, rows, lost); i >= 0 && i < len(v.Records) {
			v.Records[i].LostOutputs++
			v.Records[i].LostRows += rows
		}
	}
	if n > 0 {
		sev := report.SevError
		if lostBytes == 0 {
			sev = report.SevWarning
		}
		ids.r.f.At(report.CodeResponseLostRows, sev, report.ResponseSpan(0, 0)).Say(
			"%s in the response %s a recordId that is not in the event. Firehose drops %s without any error, metric or processing-failed/ object: %s (%s) %s lost silently.",
			report.Plural(n, "output record"), report.Pick(n == 1, "has", "have"), report.Pick(n == 1, "it", "them"),
			report.Plural(lostRows, "row"), report.SizeText(lostBytes), report.Pick(lostRows == 1, "is", "are"))
	}
}

// reportIgnored reports one ignored output record and returns the input
// record it was made of (its From: see match.pair); -1 when not known.
func (ids *idsRule) reportIgnored(o, rows, lost int) int {
	m := ids.m
	or := &m.resp.Records[o]
	s, e := m.idRange(o)
	what := fmt.Sprintf("Output record %d has the recordId %s, which is not in the event", o, report.Quoted(idText(or.id)))
	if or.id == nil || or.id.Kind == jsonpos.Null {
		what = fmt.Sprintf("Output record %d has no recordId", o)
	}
	sev, tail := report.SevError, fmt.Sprintf("so its data, %s (%s), is lost silently", report.Plural(rows, "row"), report.SizeText(lost))
	if lost == 0 {
		sev, tail = report.SevWarning, "(it carries no data, so nothing is lost)"
	}
	fd := ids.r.f.At(report.CodeResponseIgnoredRecordID, sev, report.ResponseSpan(s, e)).Out(o).Say(
		"%s. Firehose ignores it without any error, metric or processing-failed/ object, %s.", what, tail)
	from := m.recs[o].From
	if or.id == nil || or.id.Kind != jsonpos.String {
		return from
	}
	if i, suffix := m.derivedFrom(or.id.Text); i >= 0 {
		fd.Record = i
		fd.Message += fmt.Sprintf(" Its recordId is record %d's (%s) with %q appended, the way the seed Lambda names every object after the first: one input record cannot become several output records. Put all of a record's rows in its one output record's data, newline-delimited.",
			i, report.Quoted(m.ev.Records[i].RecordID), suffix)
		m.relateInput(fd, i)
	}
	return from
}
