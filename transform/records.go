package transform

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// chunk is a contiguous run of records that one goroutine processes, with
// its own parser, preset and findings, so that nothing is shared.
type chunk struct {
	lo, hi int
	size   int // bytes of input its records span
	pr     preset.Handler
	f      report.Findings
	// origins holds, for each output record the preset wrote, the index
	// of the input record it came from.
	origins []int
	// decoded gathers the ExportDecoded lines of the chunk's records.
	decoded []byte
}

// minChunkBytes is the least input worth a chunk of its own.
const minChunkBytes = 256 << 10

// chunksPerWorker is how many chunks each worker gets on average: chunks
// cost unequal time (the window's records are described in detail), and
// workers that pick small chunks one after the other finish together.
const chunksPerWorker = 8

// yieldBytes is how much input a chunk processes between two yields.
const yieldBytes = 64 << 10

// chunkCount, when set, replaces the number of processors as the number
// of chunks; tests use it to compare chunked and unchunked runs.
var chunkCount = 0

// processRecords analyzes every record's payload and runs the preset (when
// newPr is not nil) on each record. It sets rep.Window to Count records
// from From, and fills rep.Records with those. With more than one
// processor to use (there is one under WebAssembly), the records are cut
// into contiguous chunks that workers pick one after the other; each chunk
// keeps the order of its records and the window's records are all in one
// chunk, so the report is the same however they are cut. The first
// chunk's preset writes after open, the opening of the body.
func processRecords(rep *Report, ev *Event, newPr func(f *report.Findings, body []byte) preset.Handler, open string,
	d Detail, export string) []*chunk {
	total := len(ev.Records)
	from := min(max(d.From, 0), total)
	to := min(from+d.Count, total)
	rep.Window = Window{From: from, Count: to - from, Total: total}
	rep.Records = make([]Record, to-from)
	workers, n := runtime.GOMAXPROCS(0), 0
	if chunkCount > 0 {
		workers, n = chunkCount, chunkCount
	} else if workers > 1 {
		n = workers * chunksPerWorker
	}
	chunks := splitRecords(ev.Records, n, from, to)
	// The window's chunk goes first: it has the most work.
	order := make([]*chunk, 0, len(chunks))
	for _, c := range chunks {
		if c.lo <= from && from < c.hi {
			order = append(order, c)
		}
	}
	for _, c := range chunks {
		if len(order) == 0 || c != order[0] {
			order = append(order, c)
		}
	}
	bodySize := 0
	for _, c := range chunks {
		bodySize += c.size
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(chunks)) {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < len(order); k = int(next.Add(1)) - 1 {
				c := order[k]
				if newPr != nil {
					c.pr = newPr(&c.f, c.newBody(bodySize, open))
				}
				c.process(rep, ev, detailBudget, export == ExportDecoded)
			}
		})
	}
	wg.Wait()
	return chunks
}

// maxPooledBody is the largest buffer bodyPool keeps.
const maxPooledBody = 16 << 20

// parserPool keeps the payload parsers between runs, with their memory.
var parserPool sync.Pool

// bodyPool keeps, between runs, the buffers the chunks after the first
// write their outputs to: joinChunks copies those to the first chunk's
// buffer, which becomes the response body.
var bodyPool sync.Pool

// newBody returns a buffer for the chunk's outputs. The first chunk's
// holds the body's opening, with room for the outputs of the whole event,
// total bytes of input; the others' are empty and come from bodyPool.
func (c *chunk) newBody(total int, open string) []byte {
	// Flattening grows the data: ×1.45, ×2.3 for Korean text.
	if c.lo == 0 {
		return append(make([]byte, 0, len(open)+total*8/5), open...)
	}
	if b, ok := bodyPool.Get().(*[]byte); ok && cap(*b) >= c.size*8/5 {
		return (*b)[:0]
	}
	return make([]byte, 0, c.size*8/5)
}

// splitRecords cuts the records into about n chunks of similar data size
// (fewer when they are small), never cutting records [from, to) apart.
func splitRecords(recs []EventRecord, n, from, to int) []*chunk {
	total := 0
	for i := range recs {
		total += recs[i].End - recs[i].Start
	}
	if chunkCount == 0 {
		n = min(n, total/minChunkBytes)
	}
	n = min(n, len(recs))
	if n <= 1 {
		return []*chunk{{lo: 0, hi: len(recs), size: total}}
	}
	var chunks []*chunk
	lo, size, done := 0, 0, 0
	for i := range recs {
		size += recs[i].End - recs[i].Start
		cut := size >= total*(len(chunks)+1)/n || i+1 == from
		if cut && i+1 < len(recs) && (i+1 <= from || i+1 >= to) {
			chunks = append(chunks, &chunk{lo: lo, hi: i + 1, size: size - done})
			lo, done = i+1, size
		}
	}
	return append(chunks, &chunk{lo: lo, hi: len(recs), size: total - done})
}

// process handles the chunk's records; those in the report's window get
// their Record, with details while the budget lasts.
func (c *chunk) process(rep *Report, ev *Event, budget int, export bool) {
	// One parser for every payload: each tree is dropped before the next,
	// and the parser's arenas serve the next run too. (Not its scratch
	// stacks: kept from run to run, they made ndjson runs under
	// WebAssembly a third slower.)
	ps, _ := parserPool.Get().(*jsonpos.Parser)
	if ps == nil {
		ps = new(jsonpos.Parser)
	}
	defer func() {
		ps.ReleaseScratch()
		parserPool.Put(ps)
	}()
	var scratch []byte
	w := rep.Window
	done := 0 // bytes of input since the last yield
	for i := c.lo; i < c.hi; i++ {
		r := &ev.Records[i]
		if done += r.End - r.Start; done >= yieldBytes {
			// Under WebAssembly nothing preempts a running goroutine:
			// yielding lets the collector's worker finish its marking,
			// which otherwise lasts (with write barriers on) for the
			// rest of the run.
			runtime.Gosched()
			done = 0
		}
		var rec *Record
		if i >= w.From && i < w.From+w.Count {
			rec = &rep.Records[i-w.From]
			r.Decode(&c.f) // the report keeps text that shares the bytes
		} else {
			// Only Data can outlive the record, when the base64 is not
			// canonical; decodeInto does not write such data to buf.
			r.DecodeInto(&c.f, scratch)
			if r.Canonical {
				scratch = r.Data[:0]
			}
		}
		c.record(r, rec, ps, &budget, export)
		// The bytes are not needed past this point, unless only they say
		// what the record held (processing-failed objects show them).
		r.Payload = nil
		if r.Canonical {
			r.Data = nil
		}
	}
}

// record analyzes one decoded record and runs the preset on it; rec is
// its Record when it is in the report's window.
func (c *chunk) record(r *EventRecord, rec *Record, ps *jsonpos.Parser, budget *int, export bool) {
	p := event.AnalyzePayload(r, ps)
	if export {
		c.decoded = appendDecodedLine(c.decoded, r, p)
	}
	if rec != nil {
		*rec = Record{Index: r.Index, RecordID: r.RecordID, Start: r.Start, End: r.End,
			ArrivalTimestamp: r.Timestamp, Size: len(r.Payload), Gzip: r.Gzip, Payload: p.Kind,
			Outputs: []int{}, Rows: []Row{}}
		if r.DataValue != nil {
			rec.DataStart, rec.DataEnd = r.DataValue.Start, r.DataValue.End
		} else {
			rec.DataStart, rec.DataEnd = r.Start, r.End
		}
		if *budget > 0 {
			rec.Detail = true
			rec.Decoded, rec.Truncated = p.DecodedText()
			*budget -= len(rec.Decoded)
		}
	}
	if c.pr == nil {
		reportPayload(r, p, &c.f)
		return
	}
	before := c.pr.Outputs()
	rows := c.pr.Record(r, p, rec != nil && rec.Detail)
	for range c.pr.Outputs() - before {
		c.origins = append(c.origins, r.Index)
	}
	if rows != nil {
		rec.Rows = rows
		for _, row := range rows {
			for _, kv := range row {
				*budget -= len(kv[0]) + len(kv[1]) + 8
			}
		}
	}
}

// joinOrigins lists the input record of every output record of the body.
func joinOrigins(chunks []*chunk) []int {
	var all []int
	for _, c := range chunks {
		all = append(all, c.origins...)
	}
	return all
}

// joinChunks assembles the response body from the chunks' outputs, or
// returns the first error a chunk's function raised (the records after it
// were never processed, so their findings are dropped). The first chunk's
// buffer holds the body's opening and has room for the whole body: the
// others' outputs are appended to it, after sep, rather than all copied to
// a new one; end closes the body.
func joinChunks(chunks []*chunk, sep, end string, f *report.Findings) (string, *LambdaError) {
	parts := make([][]byte, len(chunks))
	size := 0
	for i, c := range chunks {
		f.Merge(&c.f)
		b, err := c.pr.Finish()
		if err != nil {
			return "", err
		}
		parts[i] = b
		size += len(b)
	}
	need := size + len(sep)*len(parts) + len(end)
	out := parts[0]
	if cap(out) < need {
		out = append(make([]byte, 0, need), out...)
	}
	// Where each part goes, after a separator when something precedes it.
	at := make([]int, len(parts))
	n, wrote := len(out), chunks[0].pr.Outputs() > 0
	for i, p := range parts[1:] {
		if len(p) > 0 {
			if wrote {
				copy(out[n:n+len(sep)], sep) // within cap(out) ≥ need
				n += len(sep)
			}
			at[i+1], wrote = n, true
			n += len(p)
		}
	}
	out = out[:n]
	// The copies take as long as a chunk: the workers share them.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			for i := int(next.Add(1)); i < len(parts); i = int(next.Add(1)) {
				copy(out[at[i]:], parts[i])
			}
		})
	}
	wg.Wait()
	for _, p := range parts[1:] {
		if cap(p) <= maxPooledBody {
			bodyPool.Put(&p)
		}
	}
	out = append(out, end...)
	// Nothing writes to the buffer again: it can be the string's memory.
	return unsafe.String(unsafe.SliceData(out), len(out)), nil
}

// appendDecodedLine appends a record's ExportDecoded line.
func appendDecodedLine(b []byte, r *EventRecord, p *event.Payload) []byte {
	b = append(b, `{"recordId":`...)
	if r.ID != nil {
		b = jsonpos.AppendCompact(b, r.ID)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"payload":`...)
	switch {
	case p.Kind == PayloadInvalid:
		b = append(b, "null"...)
	case p.Kind == PayloadBinary:
		b = append(b, `{"base64":"`...)
		b = event.AppendBase64Encode(b, r.Payload)
		b = append(b, `"}`...)
	case p.Err == nil && len(p.Values) == 1 && !p.Values[0].IsNonStandard() && jsonpos.FindNonStandard(&p.Values[0]) == nil:
		b = jsonpos.AppendCompact(b, &p.Values[0])
	default:
		b = jsonpos.AppendString(b, p.Text)
	}
	return append(b, "}\n"...)
}

// exportDecoded joins the chunks' ExportDecoded lines.
func exportDecoded(chunks []*chunk) string {
	var sb strings.Builder
	for _, c := range chunks {
		sb.Write(c.decoded)
	}
	return sb.String()
}

// exportS3 writes the S3 objects, whole, as JSON.
func exportS3(p *S3Preview) string {
	b := []byte(`{"objects":[`)
	if p != nil {
		for i, o := range p.Objects {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"key":`...)
			b = jsonpos.AppendString(b, o.Key)
			b = append(b, `,"kind":`...)
			b = jsonpos.AppendString(b, o.Kind)
			b = append(b, `,"body":`...)
			b = jsonpos.AppendString(b, o.Body)
			b = append(b, '}')
		}
	}
	return string(append(b, "]}"...))
}
