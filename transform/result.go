package transform

import (
	"slices"
	"time"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// A Result is a run kept whole: the verdict of every record, every output
// record, the findings and the S3 preview. Report cuts from it the report
// of a window of records (Request.Detail): the records' decoded text and
// rows, their verdicts and the outputs that concern them. A window other
// than the request's is described then, record by record, without running
// the transform or the judge again: paging through the records of a large
// input costs what its hundred records cost.
//
// The reports of one Result share what does not depend on the window (the
// findings, the S3 preview, the body): treat them as read-only.
type Result struct {
	rep *Report // the whole report, without Records; offsets in UTF-16 units
	ev  *Event
	// fresh holds the event's records as they were read, before the run
	// decoded them (nil in Run's own Result, which describes no other
	// window).
	fresh []EventRecord
	in    *jsonpos.UTF16Index // the input's byte offsets in UTF-16 units
	// newPr makes the preset again, to give a window's records their rows;
	// nil when no preset ran. raisedAt is the record on which it raised
	// (the records after it were never processed), or len(ev.Records).
	newPr    func(*report.Findings, []byte) preset.Handler
	raisedAt int
	// window and records are the window the request asked for, described
	// while the transform ran (offsets in bytes).
	window  Window
	records []Record
	// outputs lists, for every input record, its response records (nil
	// when nothing was judged); outData holds each response record's data
	// as the response has it (base64), decoded again when it is shown.
	outputs [][]int
	outData []string
	micros  int64 // how long Evaluate took
}

// Report returns the report of the records d selects (Count records from
// From; 50 when Count is not positive), as Run would return it. Its
// Stats.Micros is how long the run took, or, for a window other than the
// request's, how long describing that window took.
func (res *Result) Report(d Detail) *Report {
	started := time.Now()
	if d.Count <= 0 {
		d.Count = defaultDetailCount
	}
	total := len(res.ev.Records)
	from := min(max(d.From, 0), total)
	w := Window{From: from, Count: min(from+d.Count, total) - from, Total: total}

	rep := *res.rep
	rep.Window = w
	if w == res.window {
		rep.Records = slices.Clone(res.records)
		rep.Stats.Micros = res.micros
	} else {
		rep.Records = res.describe(w)
	}
	for i := range rep.Records {
		r := &rep.Records[i]
		if r.Index > res.raisedAt {
			// The function raised before this record: it made no rows of
			// it, whichever worker would have processed it.
			r.Rows = []Row{}
		}
		if res.outputs != nil && res.outputs[r.Index] != nil {
			r.Outputs = res.outputs[r.Index]
		}
		r.Start, r.End = res.in.At(r.Start), res.in.At(r.End)
		r.DataStart, r.DataEnd = res.in.At(r.DataStart), res.in.At(r.DataEnd)
	}
	if res.outputs != nil {
		rep.Verdict.Records = rep.Verdict.Records[w.From : w.From+w.Count]
	}
	if rep.Response != nil {
		resp := *rep.Response
		resp.Records = res.outRecords(w, rep.Records)
		rep.Response = &resp
	}
	if w != res.window {
		rep.Stats.Micros = time.Since(started).Microseconds()
	}
	return &rep
}

// describe describes the records of window w, as the run describes those
// of the request's window: each is decoded again from its state before the
// run (the run let go of its bytes) and analyzed, and the preset, made
// anew, gives its rows (what it writes is dropped).
func (res *Result) describe(w Window) []Record {
	records := make([]Record, w.Count)
	c := &chunk{lo: w.From, hi: w.From + w.Count}
	if res.newPr != nil && w.From <= res.raisedAt {
		c.pr = res.newPr(&c.f, nil)
	}
	ps := new(jsonpos.Parser)
	budget := detailBudget
	for i := w.From; i < w.From+w.Count; i++ {
		r := res.fresh[i]
		r.Decode(&c.f)
		c.record(&r, &records[i-w.From], ps, &budget, false)
	}
	return records
}

// outRecords returns the response records a report of window w lists, with
// the decoded data of those that concern its records (records holds them,
// described): all of them when they are few, else those of the window's
// records and the first maxListed others.
func (res *Result) outRecords(w Window, records []Record) []OutRecord {
	all := res.rep.Response.Records
	listAll := len(all) <= w.Count+firehose.MaxListed
	out := make([]OutRecord, 0, min(len(all), w.Count+firehose.MaxListed))
	budget, ignoredShown, others := firehose.OutDecodedBudget, 0, 0
	for _, o := range all {
		show := false
		if o.Input >= 0 {
			show = o.Input >= w.From && o.Input < w.From+w.Count && records[o.Input-w.From].Detail
		} else {
			show = ignoredShown < firehose.MaxIgnoredDecoded
			ignoredShown++
		}
		if show && budget > 0 && o.Size > 0 {
			data, _ := DecodeBase64(res.outData[o.Index])
			o.Decoded, o.Truncated = firehose.DecodedOutput(data)
			budget -= len(o.Decoded)
		}
		if !listAll && !inWindow(w, o.Input) && !inWindow(w, o.From) {
			if others == firehose.MaxListed {
				continue
			}
			others++
		}
		out = append(out, o)
	}
	return out
}

// inWindow tells whether record i is one of window w's.
func inWindow(w Window, i int) bool {
	return i >= w.From && i < w.From+w.Count
}
