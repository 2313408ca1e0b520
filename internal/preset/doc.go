// Package preset holds the transforms the playground runs in place of a
// Lambda: the blog post's Lambda (seed, and its first version seed-v1),
// the correct one-output-per-record shape (ndjson) and AWS's blueprint
// (identity).
//
// A preset is a Preset: it names itself (Term), owns how its response body
// is framed (Frame: Python's json.dumps writes `{"records": [` and ", ",
// JSON.stringify `{"records":[` and ","), and makes a Handler for a chunk
// of records. A Handler is a Lambda handler's loop turned inside out: the
// engine hands it one record at a time (decoded, its payload analyzed) and
// it appends that record's output records to the body; Finish returns them,
// or the exception the function raised. The engine may split an event into
// chunks processed at once, one Handler each, and joins their bodies with
// the frame's separator.
//
// The easy path, for one chunk holding every record:
//
//	p := preset.Named(preset.NDJSON)
//	fr := p.Frame()
//	h := p.New(ev, preset.Options{}, &findings, []byte(fr.Open))
//	for i := range ev.Records {
//		r := &ev.Records[i]
//		r.Decode(&findings)
//		h.Record(r, event.AnalyzePayload(r, &parser), false)
//	}
//	body, raised := h.Finish() // body + fr.Close is the response
//
// A new preset is its file (a Preset and its Handler) and one entry of
// All: the page's choices, the worker's warm-up and the request's
// validation read that list through transform.Describe.
//
// The seed presets must return the very bytes the Python Lambda returns,
// so they write values with internal/pyemu, which is held to CPython by
// differential tests; Flatten is the ndjson preset's flattening.
package preset
