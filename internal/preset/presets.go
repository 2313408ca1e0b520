package preset

import (
	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The presets: the transforms the playground runs in place of a Lambda.
// Each is a Preset, which says everything the rest of the engine and the
// page know of it: its name and words, how its response body is framed,
// and how to make it for a chunk of records. A new preset is its file (a
// Preset and the Handler it makes) and one entry of All: the page's
// choices, the worker's warm-up and the request's validation all read
// that list.

// Preset is one transform the playground emulates.
type Preset interface {
	// Term names and describes it (the page's choices).
	Term() report.Term
	// Frame is how its response body opens, separates its output records
	// and closes.
	Frame() Frame
	// New makes the preset's handler for one chunk of the event's
	// records, writing its outputs to body.
	New(ev *event.Event, opts Options, f *report.Findings, body []byte) Handler
}

// Handler is a preset at work: a transform run record by record, the way
// a Lambda handler loops over event.records. Run may split the records
// into contiguous chunks processed at the same time, with one Handler per
// chunk.
type Handler interface {
	// Record transforms one record; rows, when asked for, are the
	// flattened rows it made of the payload.
	Record(r *event.EventRecord, p *event.Payload, wantRows bool) []report.Row
	// Finish returns the chunk's output records joined by the separator
	// (after the body's opening, in the first chunk), or the error the
	// function raised.
	Finish() ([]byte, *report.LambdaError)
	// Outputs is how many output records the chunk has written.
	Outputs() int
}

// Frame is how a response body opens, separates its output records and
// closes.
type Frame struct {
	Open, Sep, Close string
}

// The frames of the presets' bodies.
var (
	// PythonFrame is the frame Python's json.dumps writes.
	PythonFrame = Frame{`{"records": [`, ", ", "]}"}
	// CompactFrame is the frame JSON.stringify and encoding/json write.
	CompactFrame = Frame{`{"records":[`, ",", "]}"}
)

// All are the presets, in the order the page offers them.
var All = []Preset{seedPreset{}, seedPreset{v1: true}, ndjsonPreset{}, identityPreset{}}

// Named returns the preset of that name, or nil.
func Named(name string) Preset {
	for _, p := range All {
		if p.Term().Name == name {
			return p
		}
	}
	return nil
}

// FrameOf returns how the named preset's response body opens, separates
// its output records and closes; a response checked instead of a preset
// (no name) is framed as JSON.stringify writes it.
func FrameOf(name string) Frame {
	if p := Named(name); p != nil {
		return p.Frame()
	}
	return CompactFrame
}

// Names lists the presets' names, in order.
func Names() []string {
	names := make([]string, len(All))
	for k, p := range All {
		names[k] = p.Term().Name
	}
	return names
}

// Descriptions describes the presets, in order.
func Descriptions() []report.Term {
	terms := make([]report.Term, len(All))
	for k, p := range All {
		terms[k] = p.Term()
	}
	return terms
}
