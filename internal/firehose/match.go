package firehose

import (
	"fmt"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// match is a response read once and its records paired with the event's:
// what every rule reads. Output records are matched to input records by
// recordId, compared as JSON values (the string "1" and the number 1
// differ).
type match struct {
	ev    *event.Event
	field string           // "data", or "kafkaRecordValue" for Amazon MSK
	byID  map[string][]int // the input records that carry each recordId (idKey)
	resp  *Body            // the body as read; nil when it was not read
	// recs are the response's records as the report lists them, each
	// with the input record it answers; nil until paired.
	recs []report.OutRecord
	// outputs lists, for every input record, the response records that
	// carry its recordId.
	outputs [][]int
}

// newMatch indexes the event's records by recordId.
func newMatch(ev *event.Event) *match {
	m := &match{ev: ev, field: "data", byID: make(map[string][]int, len(ev.Records)), outputs: make([][]int, len(ev.Records))}
	if ev.Source == event.SourceMSK {
		m.field = "kafkaRecordValue"
	}
	for i := range ev.Records {
		if id := ev.Records[i].ID; id != nil {
			k := idKey(id)
			m.byID[k] = append(m.byID[k], i)
		}
	}
	return m
}

// read reads the response body.
func (m *match) read(body string) {
	m.resp = readResponse(body, m.field)
}

// pair lists the response's records, matching each to the input record
// with its recordId, and returns them. Order does not matter: the first
// output with a recordId is matched to the first input record with it, a
// second to the second (if the event repeats the id), and any more are
// duplicates. Outputs whose recordId is in no input record are ignored.
// origins, when the preset wrote it, gives each output's input record;
// otherwise an ignored output whose recordId is an input record's with a
// number appended (R1 from R) was made of that record.
// Their decoded data is the Result's to add, for the records of a window.
func (m *match) pair(origins []int) []report.OutRecord {
	r := m.resp
	out := make([]report.OutRecord, len(r.Records))
	used := make(map[string]int)
	for o := range r.Records {
		or := &r.Records[o]
		rec := &out[o]
		*rec = report.OutRecord{Index: o, RecordID: idText(or.id), Start: or.Value.Start, End: or.Value.End, Input: -1, From: -1,
			Status: report.StatusIgnored, Size: len(or.Bytes), Rows: countRows(or.Bytes), PartitionKeys: or.Keys}
		if len(origins) == len(r.Records) {
			rec.From = origins[o]
		}
		if or.result != nil {
			rec.Result = event.ValueText(or.result)
		}
		if or.id != nil && or.id.Kind != jsonpos.Null {
			k := idKey(or.id)
			ins := m.byID[k]
			if u := used[k]; u < len(ins) {
				rec.Input, rec.Status = ins[u], report.StatusMatched
				used[k] = u + 1
			} else if len(ins) > 0 {
				rec.Input, rec.Status = ins[0], report.StatusDuplicate
			}
		}
		if rec.Input >= 0 {
			m.outputs[rec.Input] = append(m.outputs[rec.Input], o)
		}
		if rec.From < 0 && rec.Status == report.StatusIgnored && or.id != nil && or.id.Kind == jsonpos.String {
			rec.From, _ = m.derivedFrom(or.id.Text)
		}
	}
	m.recs = out
	return out
}

// inputOf returns the input record a response record carries, or -1.
func (m *match) inputOf(out int) int {
	if out < 0 || out >= len(m.recs) {
		return -1
	}
	return m.recs[out].Input
}

// inputsOf returns the input records that output records carry.
func (m *match) inputsOf(outs []int) []int {
	ins := []int{}
	seen := map[int]bool{}
	for _, o := range outs {
		if i := m.inputOf(o); i >= 0 && !seen[i] {
			seen[i] = true
			ins = append(ins, i)
		}
	}
	return ins
}

// idRange returns where an output record's recordId is, or its start.
func (m *match) idRange(o int) (int, int) {
	or := &m.resp.Records[o]
	if or.id != nil {
		return or.id.Start, or.id.End
	}
	return or.Value.Start, or.Value.Start + 1
}

// idSpan returns where input record i's recordId is, or the whole record.
func (m *match) idSpan(i int) report.Span {
	r := &m.ev.Records[i]
	if r.ID != nil {
		return report.InputSpan(r.ID.Start, r.ID.End)
	}
	return report.InputSpan(r.Start, r.End)
}

// relateInput points a finding at the input record it concerns.
func (m *match) relateInput(fd *report.Finding, i int) *report.Finding {
	if i < 0 || i >= len(m.ev.Records) {
		return fd
	}
	r := &m.ev.Records[i]
	return fd.Relate(report.DocInput, r.Start, r.End, fmt.Sprintf("input record %d", i))
}

// derivedFrom finds the input record whose recordId is id without a
// numeric suffix (R1, R2 from R), and the suffix.
func (m *match) derivedFrom(id string) (int, string) {
	for k := len(id) - 1; k > 0 && len(id)-k <= 9 && event.IsDigit(id[k]); k-- {
		if ins := m.byID["s:"+id[:k]]; len(ins) > 0 {
			return ins[0], id[k:]
		}
	}
	return -1, ""
}

// DecodedOutput returns a response record's data as the report shows it:
// the text, or a hex dump when it is not UTF-8; cut at maxOutDecoded.
func DecodedOutput(b []byte) (string, bool) {
	if !utf8.Valid(b) {
		const n = 12 << 10 // bytes whose dump (78 characters per 16) fits
		return event.HexDump(string(b[:min(len(b), n+1)]), n)
	}
	if len(b) <= MaxOutDecoded {
		return string(b), false
	}
	cut := MaxOutDecoded
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return string(b[:cut]), true
}
