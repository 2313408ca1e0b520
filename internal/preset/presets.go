package preset

import (
	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The presets: the transforms the playground runs in place of a Lambda.
// Each is one entry of presetKinds, which says everything the rest of the
// engine and the page know of it: its name and words, how its response
// body is framed, and how to make it for a chunk of records. A new preset
// is its file (a type with the preset interface's methods) and one entry
// here: the page's choices, the worker's warm-up and the request's
// validation all read this table.

// Handler is a transform run record by record, the way a Lambda handler
// loops over event.records. Run may split the records into contiguous
// chunks processed at the same time, with one preset value per chunk.
type Handler interface {
	// record transforms one record; rows, when asked for, are the
	// flattened rows it made of the payload.
	Record(r *event.EventRecord, p *event.Payload, wantRows bool) []report.Row
	// finish returns the chunk's output records joined by the separator
	// (after the body's opening, in the first chunk), or the error the
	// function raised.
	Finish() ([]byte, *report.LambdaError)
	// outputs is how many output records the chunk has written.
	Outputs() int
}

// presetKind is one preset the playground emulates.
type presetKind struct {
	// term names and describes it (Description.Presets).
	term report.Term
	// open, sep and close frame its response body: how it opens,
	// separates its output records and closes.
	open, sep, close string
	// make makes the preset for one chunk of the event's records, writing
	// its outputs to body.
	Make func(ev *event.Event, opts Options, f *report.Findings, body []byte) Handler
}

// presetKinds are the presets, in the order the page offers them.
var presetKinds = []presetKind{
	{
		term: report.Term{Name: Seed, Label: "seed — the blog's Lambda (ids R, R1, R2…)", Words: "The blog post's Lambda, byte for byte: each record split into outputs with made-up ids."},
		// As Python's json.dumps writes it.
		open: `{"records": [`, sep: ", ", close: "]}",
		Make: func(ev *event.Event, _ Options, f *report.Findings, body []byte) Handler {
			return newSeed(ev, false, f, body)
		},
	},
	{
		term: report.Term{Name: SeedV1, Label: "seed-v1 — its first version (ids repeated)", Words: "The blog post's first version: every output repeats the record's id."},
		open: `{"records": [`, sep: ", ", close: "]}",
		Make: func(ev *event.Event, _ Options, f *report.Findings, body []byte) Handler {
			return newSeed(ev, true, f, body)
		},
	},
	{
		term: report.Term{Name: NDJSON, Label: "ndjson — one output per record, rows newline-delimited", Words: "The correct shape: one output per record with its own recordId, the rows newline-delimited in its data."},
		// As JSON.stringify and encoding/json write it.
		open: `{"records":[`, sep: ",", close: "]}",
		Make: func(ev *event.Event, opts Options, f *report.Findings, body []byte) Handler {
			return newNDJSON(ev, opts, f, body)
		},
	},
	{
		term: report.Term{Name: Identity, Label: "identity — data returned unchanged", Words: "Every record returned Ok with its data unchanged, as AWS's blueprint does."},
		open: `{"records":[`, sep: ",", close: "]}",
		Make: func(ev *event.Event, _ Options, _ *report.Findings, body []byte) Handler {
			return newIdentity(ev, body)
		},
	},
}

// Named returns the preset of that name, or nil.
func Named(name string) *presetKind {
	for k := range presetKinds {
		if presetKinds[k].term.Name == name {
			return &presetKinds[k]
		}
	}
	return nil
}

// FrameOf returns how the named preset's response body opens, separates
// its output records and closes; a response checked instead of a preset
// (no name) is framed as JSON.stringify writes it.
func FrameOf(name string) (open, sep, close string) {
	if k := Named(name); k != nil {
		return k.open, k.sep, k.close
	}
	return `{"records":[`, ",", "]}"
}

// Names lists the presets' names, in order.
func Names() []string {
	names := make([]string, len(presetKinds))
	for k := range presetKinds {
		names[k] = presetKinds[k].term.Name
	}
	return names
}

// Descriptions describes the presets, in order.
func Descriptions() []report.Term {
	terms := make([]report.Term, len(presetKinds))
	for k := range presetKinds {
		terms[k] = presetKinds[k].term
	}
	return terms
}
