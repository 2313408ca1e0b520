package preset

import (
	"strconv"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// identityLambda is AWS's "process record" blueprint for Node.js:
//
//	const output = event.records.map((record) => ({
//	    recordId: record.recordId, result: 'Ok', data: record.data }));
//	return { records: output };
//
// Every record is returned unchanged, serialised by JSON.stringify. On an
// event that is not shaped like one it fails the way Node.js would.
type identityLambda struct {
	ev   *event.Event
	body []byte
	err  *report.LambdaError
	n    int
}

// identityPreset is AWS's process-record blueprint.
type identityPreset struct{}

func (identityPreset) Term() report.Term {
	return report.Term{Name: Identity, Label: "identity — data returned unchanged", Words: "Every record returned Ok with its data unchanged, as AWS's blueprint does."}
}

func (identityPreset) Frame() Frame { return CompactFrame }

func (identityPreset) New(ev *event.Event, _ Options, _ *report.Findings, body []byte) Handler {
	return newIdentity(ev, body)
}

// newIdentity returns the blueprint for a chunk of records, writing to
// body.
func newIdentity(ev *event.Event, body []byte) *identityLambda {
	l := &identityLambda{ev: ev, body: body}
	switch root := &ev.Root; {
	case ev.SyntaxErr != nil:
		l.err = &report.LambdaError{ErrorType: "Runtime.UnmarshalError", Record: -1,
			ErrorMessage: "Unexpected token in JSON at position " + strconv.Itoa(ev.SyntaxErr.Char)}
	case root.Kind != jsonpos.Object:
		if root.Kind == jsonpos.Null {
			l.err = &report.LambdaError{ErrorType: "TypeError", Record: -1,
				ErrorMessage: "Cannot read properties of null (reading 'records')"}
			break
		}
		l.err = &report.LambdaError{ErrorType: "TypeError", Record: -1,
			ErrorMessage: "Cannot read properties of undefined (reading 'map')"}
	default:
		recs, _ := root.Member("records")
		switch {
		case recs == nil:
			l.err = &report.LambdaError{ErrorType: "TypeError", Record: -1,
				ErrorMessage: "Cannot read properties of undefined (reading 'map')"}
		case recs.Kind == jsonpos.Null:
			l.err = &report.LambdaError{ErrorType: "TypeError", Record: -1,
				ErrorMessage: "Cannot read properties of null (reading 'map')"}
		case recs.Kind != jsonpos.Array:
			l.err = &report.LambdaError{ErrorType: "TypeError", Record: -1,
				ErrorMessage: "event.records.map is not a function"}
		}
	}
	return l
}

func (l *identityLambda) Record(r *event.EventRecord, _ *event.Payload, _ bool) []report.Row {
	if l.err != nil {
		return nil
	}
	rv := r.Value
	if rv.Kind == jsonpos.Null {
		l.err = &report.LambdaError{ErrorType: "TypeError", Record: r.Index,
			ErrorMessage: "Cannot read properties of null (reading 'recordId')"}
		return nil
	}
	if l.n > 0 {
		l.body = append(l.body, ',')
	}
	l.n++
	l.body = append(l.body, '{')
	// JSON.stringify leaves out properties that are undefined.
	comma := false
	if id, _ := rv.Member("recordId"); id != nil && rv.Kind == jsonpos.Object {
		l.body = append(l.body, `"recordId":`...)
		l.body = jsonpos.AppendCompact(l.body, id)
		comma = true
	}
	if comma {
		l.body = append(l.body, ',')
	}
	l.body = append(l.body, `"result":"Ok"`...)
	if data, _ := rv.Member("data"); data != nil && rv.Kind == jsonpos.Object {
		l.body = append(l.body, `,"data":`...)
		l.body = jsonpos.AppendCompact(l.body, data)
	}
	l.body = append(l.body, '}')
	return nil
}

func (l *identityLambda) Finish() ([]byte, *report.LambdaError) {
	if l.err != nil {
		return nil, l.err
	}
	return l.body, nil
}

func (l *identityLambda) Outputs() int { return l.n }
