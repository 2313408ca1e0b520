package transform

import (
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/pyemu"
)

// pyLoads is json.loads(text) as the seed presets emulate it: the value,
// or the exception as "Type: message".
func pyLoads(text string) (*Value, string) {
	vals, err, pyErr := pyemu.JSONValues(text, pyemu.PayloadDepth)
	if e := pyemu.JSONLoadsError(text, vals, err, pyErr); e != nil {
		return nil, e.Type + ": " + e.Error()
	}
	return &vals[0], ""
}

// TestJSONLoadsMatchesPython gives json.loads random JSON documents, most
// of them damaged (truncated, bytes inserted, deleted or replaced), and
// compares the exception, or the repr() and json.dumps() of the value, with
// CPython 3.11 (testdata/pydiff/json.jsonl.gz).
func TestJSONLoadsMatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "json.jsonl.gz") {
		v, gotErr := pyLoads(c.Src)
		what := "json.loads(" + clipMiddle(c.Src) + ")"
		wantErr := ""
		if c.Err != nil {
			wantErr = *c.Err
		}
		checkPy(t, &fails, c, what+" raises", gotErr, &wantErr)
		if v == nil || c.Err != nil {
			continue
		}
		checkPy(t, &fails, c, "repr("+what+")", string(pyemu.AppendRepr(nil, v)), c.Repr)
		checkPy(t, &fails, c, "json.dumps("+what+")", string(pyemu.AppendJSON(nil, v)), c.JSON)
	}
}
