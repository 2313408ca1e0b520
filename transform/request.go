package transform

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/report"
)

// ParseRequest reads a request from its JSON text, as the WebAssembly
// adapter receives it. It does what encoding/json would, several times
// faster on a large input (the parser keeps strings without copying them
// when it can): unknown fields are ignored, null leaves a field at its zero
// value, and a field of the wrong type is an error that names it.
func ParseRequest(text string) (Request, error) {
	var req Request
	v, err := ParseJSON(text)
	if err != nil {
		return req, fmt.Errorf("the request is not JSON: %w", err)
	}
	if v.Kind != Object {
		return req, fmt.Errorf("the request is %s %s, not an object", report.Article(v.Kind), v.Kind)
	}
	d := requestDecoder{}
	d.str(&v, "input", &req.Input)
	d.str(&v, "inputKind", &req.InputKind)
	d.str(&v, "preset", &req.Preset)
	d.str(&v, "response", &req.Response)
	d.str(&v, "export", &req.Export)
	if o := d.obj(&v, "options"); o != nil {
		d.str(o, "separator", &req.Options.Separator)
		d.int(o, "maxDepth", &req.Options.MaxDepth)
		d.str(o, "arrays", &req.Options.Arrays)
		d.str(o, "values", &req.Options.Values)
	}
	if o := d.obj(&v, "firehose"); o != nil {
		fh := &req.Firehose
		d.str(o, "streamName", &fh.StreamName)
		d.str(o, "lambdaArn", &fh.LambdaArn)
		d.str(o, "prefix", &fh.Prefix)
		d.str(o, "errorPrefix", &fh.ErrorPrefix)
		d.str(o, "errorLayout", &fh.ErrorLayout)
		d.bool(o, "appendDelimiter", &fh.AppendDelimiter)
		if r, _ := o.Member("retries"); r != nil && r.Kind != Null {
			var n int
			d.int(o, "retries", &n)
			fh.Retries = &n
		}
	}
	if o := d.obj(&v, "detail"); o != nil {
		d.int(o, "from", &req.Detail.From)
		d.int(o, "count", &req.Detail.Count)
	}
	return req, d.err
}

// requestDecoder reads the fields of a request, keeping the first error.
type requestDecoder struct{ err error }

func (d *requestDecoder) field(o *Value, name string, want Kind) *Value {
	v, _ := o.Member(name)
	if v == nil || v.Kind == Null {
		return nil
	}
	if v.Kind != want {
		if d.err == nil {
			d.err = fmt.Errorf("the request's %q is %s %s, want %s %s", name, report.Article(v.Kind), v.Kind, report.Article(want), want)
		}
		return nil
	}
	return v
}

func (d *requestDecoder) str(o *Value, name string, out *string) {
	if v := d.field(o, name, String); v != nil {
		*out = v.Text
	}
}

func (d *requestDecoder) bool(o *Value, name string, out *bool) {
	if v := d.field(o, name, Bool); v != nil {
		*out = v.Text == "true"
	}
}

func (d *requestDecoder) int(o *Value, name string, out *int) {
	v := d.field(o, name, Number)
	if v == nil {
		return
	}
	var n int
	if _, err := fmt.Sscan(v.Text, &n); err != nil || v.IsFloat() {
		if d.err == nil {
			d.err = fmt.Errorf("the request's %q is %s, want a whole number", name, v.Text)
		}
		return
	}
	*out = n
}

func (d *requestDecoder) obj(o *Value, name string) *Value {
	return d.field(o, name, Object)
}
