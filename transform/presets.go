package transform

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

// preset is a transform run record by record, the way a Lambda handler
// loops over event.records. Run may split the records into contiguous
// chunks processed at the same time, with one preset value per chunk.
type preset interface {
	// record transforms one record; rows, when asked for, are the
	// flattened rows it made of the payload.
	record(r *EventRecord, p *event.Payload, wantRows bool) []report.Row
	// finish returns the chunk's output records joined by the separator
	// (after the body's opening, in the first chunk), or the error the
	// function raised.
	finish() ([]byte, *report.LambdaError)
	// outputs is how many output records the chunk has written.
	outputs() int
}

// presetKind is one preset the playground emulates.
type presetKind struct {
	// term names and describes it (Description.Presets).
	term Term
	// open, sep and close frame its response body: how it opens,
	// separates its output records and closes.
	open, sep, close string
	// make makes the preset for one chunk of the event's records, writing
	// its outputs to body.
	make func(ev *Event, opts Options, f *report.Findings, body []byte) preset
}

// presetKinds are the presets, in the order the page offers them.
var presetKinds = []presetKind{
	{
		term: Term{PresetSeed, "seed — the blog's Lambda (ids R, R1, R2…)", "The blog post's Lambda, byte for byte: each record split into outputs with made-up ids.", ""},
		// As Python's json.dumps writes it.
		open: `{"records": [`, sep: ", ", close: "]}",
		make: func(ev *Event, _ Options, f *report.Findings, body []byte) preset {
			return newSeed(ev, false, f, body)
		},
	},
	{
		term: Term{PresetSeedV1, "seed-v1 — its first version (ids repeated)", "The blog post's first version: every output repeats the record's id.", ""},
		open: `{"records": [`, sep: ", ", close: "]}",
		make: func(ev *Event, _ Options, f *report.Findings, body []byte) preset {
			return newSeed(ev, true, f, body)
		},
	},
	{
		term: Term{PresetNDJSON, "ndjson — one output per record, rows newline-delimited", "The correct shape: one output per record with its own recordId, the rows newline-delimited in its data.", ""},
		// As JSON.stringify and encoding/json write it.
		open: `{"records":[`, sep: ",", close: "]}",
		make: func(ev *Event, opts Options, f *report.Findings, body []byte) preset {
			return newNDJSON(ev, opts, f, body)
		},
	},
	{
		term: Term{PresetIdentity, "identity — data returned unchanged", "Every record returned Ok with its data unchanged, as AWS's blueprint does.", ""},
		open: `{"records":[`, sep: ",", close: "]}",
		make: func(ev *Event, _ Options, _ *report.Findings, body []byte) preset { return newIdentity(ev, body) },
	},
}

// presetNamed returns the preset of that name, or nil.
func presetNamed(name string) *presetKind {
	for k := range presetKinds {
		if presetKinds[k].term.Name == name {
			return &presetKinds[k]
		}
	}
	return nil
}

// frameOf returns how the named preset's response body opens, separates
// its output records and closes; a response checked instead of a preset
// (no name) is framed as JSON.stringify writes it.
func frameOf(name string) (open, sep, close string) {
	if k := presetNamed(name); k != nil {
		return k.open, k.sep, k.close
	}
	return `{"records":[`, ",", "]}"
}

// presetNames lists the presets' names, in order.
func presetNames() []string {
	names := make([]string, len(presetKinds))
	for k := range presetKinds {
		names[k] = presetKinds[k].term.Name
	}
	return names
}

// presetDescriptions describes the presets, in order.
func presetDescriptions() []Term {
	terms := make([]Term, len(presetKinds))
	for k := range presetKinds {
		terms[k] = presetKinds[k].term
	}
	return terms
}
