package firehose

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Where the playground would otherwise claim more than is known: an event
// real Firehose never sends, an envelope that is not what Firehose sends,
// a response Firehose might read two ways.

// repeatedIDs handles an event that repeats a recordId (sample events do;
// real Firehose never sends one): the verdict is computed as for any event,
// outputs matched to the records in order, but it is unconfirmed, and a
// response that repeats such an id is what real Firehose would answer with
// Lambda.DuplicatedRecordId. It runs after the rules.
func repeatedIDs(m *match, r *ruling) {
	ev := m.ev
	var repeated []int // input records whose recordId another record has
	for i := range ev.Records {
		if id := ev.Records[i].ID; id != nil && len(m.byID[idKey(id)]) > 1 {
			repeated = append(repeated, i)
		}
	}
	if len(repeated) == 0 {
		return
	}
	v := &r.verdict
	first := &ev.Records[repeated[0]]
	second := first
	for _, i := range repeated[1:] {
		if rec := &ev.Records[i]; idKey(rec.ID) == idKey(first.ID) {
			second = rec
			break
		}
	}
	r.f.At(report.CodeFidEventRepeatsID, report.SevWarning, report.InputSpan(second.ID.Start, second.ID.End)).Rec(second.Index).Sure(report.Unconfirmed).Say("%s of this event share a recordId with another record (records %d and %d share %s). Real Firehose never sends such an event: every record it sends has its own id. The verdict matches the response's records to these in order, but no real batch behaves like this, so every verdict is unconfirmed.",
		report.Plural(len(repeated), "record"), first.Index, second.Index, report.Quoted(first.RecordID)).
		Relate(report.DocInput, first.ID.Start, first.ID.End, fmt.Sprintf("record %d, the first with this recordId", first.Index))
	for i := range v.Records {
		v.Records[i].Confidence = report.Unconfirmed
	}
	if b := v.BatchError; b != nil {
		b.Confidence = report.Unconfirmed
	}
	// The response's repeated ids: outputs matched to a second input
	// record with the same id.
	var dupFailed []int
	seen := map[string]int{}
	marked := map[int]bool{}
	for o := range m.recs {
		out := &m.recs[o]
		if out.Input < 0 || len(m.byID[idKey(m.resp.Records[o].id)]) < 2 {
			continue
		}
		k := idKey(m.resp.Records[o].id)
		prev, again := seen[k]
		if !again {
			seen[k] = o
			continue
		}
		s, e := m.idRange(o)
		ps, pe := m.idRange(prev)
		r.f.At(report.CodeFidResponseRepeatsID, report.SevWarning, report.ResponseSpan(s, e)).Rec(out.Input).Out(o).Sure(report.Unconfirmed).Say("Output record %d repeats the recordId %s of output record %d. The event repeats it too, so the playground matches each to one of those records; real Firehose, which never repeats an id in an event, answers a response that repeats one with %s, %q",
			o, report.Quoted(out.RecordID), prev, report.CodeDuplicatedID, report.MsgDuplicatedID).
			Relate(report.DocResponse, ps, pe, fmt.Sprintf("output record %d, the first with this recordId", prev))
		for _, i := range m.byID[k] {
			if !marked[i] {
				marked[i] = true
				dupFailed = append(dupFailed, i)
			}
		}
	}
	if len(dupFailed) == 0 {
		return
	}
	r.alternative(report.CodeFidEventRepeatsID,
		"The event repeats recordIds, which real Firehose never does: what it would make of the response is unconfirmed.",
		report.Reading{Label: "As the playground reads it: each returned copy of a repeated recordId answers one of the records that share it",
			BatchError: v.BatchError, Failed: nonNil(r.failed())},
		report.Reading{Label: "As real Firehose answers a response that repeats a recordId: Lambda.DuplicatedRecordId for those records",
			Failed: dupFailed})
}

// nonNil returns s, or an empty slice for nil (the report says [], not null).
func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// bomReading handles a response that starts with a byte order mark and
// otherwise parses: nothing shows what Firehose does with a BOM. The main
// reading keeps the batch failing with Lambda.JsonProcessingException, as
// a strict JSON parser would, but unconfirmed; the other reading is the
// verdict of the body without its BOM (Jackson, for one, skips a UTF-8 BOM
// when it reads bytes). It runs after the rules judged the body as if the
// BOM were white space.
func bomReading(r *ruling) {
	failed := r.failed()
	r.alternative(report.CodeFidBOM,
		"The response starts with a byte order mark (U+FEFF): what Firehose does with it is unconfirmed.",
		report.Reading{Label: "Firehose cannot parse it: Lambda.JsonProcessingException for the whole batch",
			BatchError: r.batchError(report.CodeJSON, report.MsgJSON), Failed: allRecords(len(r.verdict.Records))},
		report.Reading{Label: "Firehose skips the BOM and reads the records",
			BatchError: r.verdict.BatchError, Failed: nonNil(failed)})
	r.failBatch(report.CodeJSON, report.MsgJSON, report.Unconfirmed)
	r.f.At(report.CodeFidBOM, report.SevError, report.ResponseSpan(0, 3)).Sure(report.Unconfirmed).Say("The response starts with a byte order mark (U+FEFF), which is not JSON. What Firehose does with it is unconfirmed: a strict parser fails the whole batch with %s, %q (read so here); a parser that skips a BOM reads the records, and then %s. Return the JSON without a BOM (a .NET UTF8Encoding or Python's utf-8-sig writes one).",
		report.CodeJSON, report.MsgJSON, report.Pick(len(failed) == 0, "no record fails", report.Plural(len(failed), "record")+" fail all the same"))
}

// failed lists the records failed so far.
func (r *ruling) failed() []int {
	var failed []int
	for i := range r.verdict.Records {
		if r.verdict.Records[i].Outcome == report.Failed {
			failed = append(failed, i)
		}
	}
	return failed
}
