package transform

import (
	"encoding/base64"
	"runtime"
	"strings"
	"sync"
)

// chunk is a contiguous run of records that one goroutine processes, with
// its own parser, preset and findings, so that nothing is shared.
type chunk struct {
	lo, hi int
	size   int // bytes of input its records span
	pr     preset
	f      findings
	// origins holds, for each output record the preset wrote, the index
	// of the input record it came from.
	origins []int
	// decoded gathers the ExportDecoded lines of the chunk's records.
	decoded []byte
}

// minChunkBytes is the least input worth a goroutine of its own.
const minChunkBytes = 256 << 10

// chunkCount, when set, replaces the number of processors as the number
// of chunks; tests use it to compare chunked and unchunked runs.
var chunkCount = 0

// processRecords analyzes every record's payload and runs the preset (when
// newPr is not nil) on each record. It sets rep.Window to Count records
// from From, and fills rep.Records with those. Records are split into as
// many chunks as there are processors to use (one under WebAssembly); each
// chunk keeps the order of its records.
func processRecords(rep *Report, ev *Event, newPr func(f *findings, size int) preset, d Detail, export string) []*chunk {
	total := len(ev.Records)
	from := min(max(d.From, 0), total)
	to := min(from+d.Count, total)
	rep.Window = Window{From: from, Count: to - from, Total: total}
	rep.Records = make([]Record, to-from)
	n := runtime.GOMAXPROCS(0)
	if chunkCount > 0 {
		n = chunkCount
	}
	chunks := splitRecords(ev.Records, n)
	budget := detailBudget / len(chunks)
	var wg sync.WaitGroup
	for _, c := range chunks {
		if newPr != nil {
			c.pr = newPr(&c.f, c.size)
		}
		wg.Go(func() { c.process(rep, ev, budget, export == ExportDecoded) })
	}
	wg.Wait()
	return chunks
}

// splitRecords cuts the records into at most n chunks of similar data size.
func splitRecords(recs []EventRecord, n int) []*chunk {
	total := 0
	for i := range recs {
		total += recs[i].End - recs[i].Start
	}
	n = min(n, total/minChunkBytes, len(recs))
	if n <= 1 {
		return []*chunk{{lo: 0, hi: len(recs), size: total}}
	}
	chunks := make([]*chunk, 0, n)
	lo, size, done := 0, 0, 0
	for i := range recs {
		size += recs[i].End - recs[i].Start
		if size >= total*(len(chunks)+1)/n && len(chunks) < n-1 {
			chunks = append(chunks, &chunk{lo: lo, hi: i + 1, size: size - done})
			lo, done = i+1, size
		}
	}
	return append(chunks, &chunk{lo: lo, hi: len(recs), size: total - done})
}

// process handles the chunk's records; those in the report's window get
// their Record, with details while the budget lasts.
func (c *chunk) process(rep *Report, ev *Event, budget int, export bool) {
	var ps parser // one parser for every payload: each tree is dropped before the next
	w := rep.Window
	for i := c.lo; i < c.hi; i++ {
		r := &ev.Records[i]
		r.decode(&c.f)
		p := analyzePayload(r, &ps)
		if export {
			c.decoded = appendDecodedLine(c.decoded, r, p)
		}
		var rec *Record
		if i >= w.From && i < w.From+w.Count {
			rec = &rep.Records[i-w.From]
			*rec = Record{Index: i, RecordID: r.RecordID, Start: r.Start, End: r.End,
				ArrivalTimestamp: r.Timestamp, Size: len(r.Payload), Gzip: r.Gzip, Payload: p.kind,
				Outputs: []int{}, Rows: [][][2]string{}}
			if r.DataValue != nil {
				rec.DataStart, rec.DataEnd = r.DataValue.Start, r.DataValue.End
			} else {
				rec.DataStart, rec.DataEnd = r.Start, r.End
			}
			if budget > 0 {
				rec.Detail = true
				rec.Decoded, rec.Truncated = p.decodedText()
				budget -= len(rec.Decoded)
			}
		}
		if c.pr == nil {
			reportPayload(r, p, &c.f)
			continue
		}
		before := c.pr.outputs()
		rows := c.pr.record(r, p, rec != nil && rec.Detail)
		for range c.pr.outputs() - before {
			c.origins = append(c.origins, i)
		}
		if rows != nil {
			rec.Rows = rows
			for _, row := range rows {
				for _, kv := range row {
					budget -= len(kv[0]) + len(kv[1]) + 8
				}
			}
		}
		// The bytes are not needed past this point, unless only they say
		// what the record held (processing-failed objects show them).
		r.Payload = nil
		if r.Canonical {
			r.Data = nil
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
// were never processed, so their findings are dropped).
func joinChunks(chunks []*chunk, f *findings) (string, *LambdaError) {
	parts := make([][]byte, 0, len(chunks))
	size := 0
	for _, c := range chunks {
		f.merge(&c.f)
		b, err := c.pr.finish()
		if err != nil {
			return "", err
		}
		if len(b) > 0 {
			parts = append(parts, b)
			size += len(b)
		}
	}
	open, sep, end := chunks[0].pr.frame()
	var sb strings.Builder
	sb.Grow(len(open) + size + len(sep)*len(parts) + len(end))
	sb.WriteString(open)
	for i, p := range parts {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.Write(p)
	}
	sb.WriteString(end)
	return sb.String(), nil
}

// appendDecodedLine appends a record's ExportDecoded line.
func appendDecodedLine(b []byte, r *EventRecord, p *payload) []byte {
	b = append(b, `{"recordId":`...)
	if r.ID != nil {
		b = appendCompact(b, r.ID)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"payload":`...)
	switch {
	case p.kind == PayloadInvalid:
		b = append(b, "null"...)
	case p.kind == PayloadBinary:
		b = append(b, `{"base64":"`...)
		b = base64.StdEncoding.AppendEncode(b, r.Payload)
		b = append(b, `"}`...)
	case p.err == nil && len(p.vals) == 1 && !p.vals[0].IsNonStandard() && findNonStandard(&p.vals[0]) == nil:
		b = appendCompact(b, &p.vals[0])
	default:
		b = appendJSONString(b, p.text)
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
			b = appendJSONString(b, o.Key)
			b = append(b, `,"kind":`...)
			b = appendJSONString(b, o.Kind)
			b = append(b, `,"body":`...)
			b = appendJSONString(b, o.Body)
			b = append(b, '}')
		}
	}
	return string(append(b, "]}"...))
}
