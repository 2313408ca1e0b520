package firehose

import (
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The three results Firehose accepts, case-sensitive.
const (
	resultOk               = "Ok"
	resultDropped          = "Dropped"
	resultProcessingFailed = "ProcessingFailed"
)

// Body is a Lambda response body read the way Firehose reads it, with
// the byte range of every part in the body.
type Body struct {
	root jsonpos.Value
	err  *jsonpos.SyntaxError // the body is not JSON
	// recs is the value of "records" (nil when the key is missing); Records
	// are its elements when it is an array.
	recs    *jsonpos.Value
	Records []Output
	// shape lists what makes Firehose unable to read the body as its
	// status model: Lambda.JsonProcessingException (docs/firehose-contract.md row 10).
	shape []shapeProblem
}

// shapeProblem is one reason the body does not follow the status model.
type shapeProblem struct {
	start, end int
	out        int // the output record concerned, -1 for the body
	msg        string
}

// Output is one record of a response.
type Output struct {
	Value  *jsonpos.Value // the record (any JSON value)
	id     *jsonpos.Value // recordId; nil when missing
	result *jsonpos.Value // result; nil when missing
	// data is the value of the data field ("data", or "kafkaRecordValue"
	// for Amazon MSK); nil when missing. other is the other field when
	// data is missing and the record uses the wrong one.
	Data  *jsonpos.Value
	other *jsonpos.Value
	// bytes are the decoded data; b64 is set when the data is not the
	// padded standard base64 Firehose expects (bytes then hold what an
	// accommodating decoder reads, or nothing).
	Bytes []byte
	b64   *event.Base64Error
	// keys are metadata.partitionKeys, in order.
	Keys [][2]string
}

// idKey returns a recordId as a JSON value: its kind and its text, so that
// the string "1" and the number 1 differ.
func idKey(v *jsonpos.Value) string {
	if v.Kind == jsonpos.String {
		return "s:" + v.Text
	}
	return v.Kind.String() + ":" + string(jsonpos.AppendCompact(nil, v))
}

// idText returns a recordId as the report shows it: the string, or the
// JSON of any other value; "" when missing.
func idText(v *jsonpos.Value) string {
	switch {
	case v == nil:
		return ""
	case v.Kind == jsonpos.String:
		return v.Text
	}
	return string(jsonpos.AppendCompact(nil, v))
}

// readResponse reads a response body. dataField is "data", or
// "kafkaRecordValue" when the records come from Amazon MSK.
func readResponse(text, dataField string) *Body {
	r := &Body{}
	var p jsonpos.Parser
	p.Reset(text, jsonpos.Limits{MaxDepth: jsonpos.DefaultMaxDepth})
	r.root, r.err = p.Document()
	if r.err != nil {
		return r
	}
	root := &r.root
	if root.Kind != jsonpos.Object {
		msg := "The response is " + report.Article(root.Kind) + " " + root.Kind.String() + `, not an object {"records": […]}`
		if inner, err := jsonpos.Parse(root.Text); root.Kind == jsonpos.String && err == nil && inner.Kind == jsonpos.Object {
			msg += ` (it is JSON encoded twice: the function returned a string, such as json.dumps(…) in Python, that the runtime encoded again; return the object itself)`
		}
		r.shape = append(r.shape, shapeProblem{root.Start, root.End, -1, msg})
		return r
	}
	r.recs, _ = root.Member("records")
	if r.recs == nil || r.recs.Kind != jsonpos.Array {
		return r
	}
	r.Records = make([]Output, len(r.recs.Items))
	for i := range r.recs.Items {
		readOutRecord(r, i, dataField)
	}
	return r
}

// readOutRecord reads output record i and notes what Firehose cannot read.
func readOutRecord(r *Body, i int, dataField string) {
	o := &r.Records[i]
	o.Value = &r.recs.Items[i]
	v := o.Value
	if v.Kind != jsonpos.Object {
		r.shape = append(r.shape, shapeProblem{v.Start, v.End, i,
			"Output record " + strconv.Itoa(i) + " is " + report.Article(v.Kind) + " " + v.Kind.String() + ", not an object"})
		return
	}
	o.id, _ = v.Member("recordId")
	if o.id != nil && o.id.Kind != jsonpos.String && o.id.Kind != jsonpos.Null {
		r.shape = append(r.shape, shapeProblem{o.id.Start, o.id.End, i,
			"Output record " + strconv.Itoa(i) + "'s recordId is " + report.Article(o.id.Kind) + " " + o.id.Kind.String() +
				" (" + report.Clip(idText(o.id), 40) + "); recordIds are strings, returned exactly as received"})
	}
	o.result, _ = v.Member("result")
	o.Data, _ = v.Member(dataField)
	if o.Data == nil {
		other := "kafkaRecordValue"
		if dataField == other {
			other = "data"
		}
		o.other, _ = v.Member(other)
	}
	if d := o.Data; d != nil {
		switch d.Kind {
		case jsonpos.String:
			b, err := event.DecodeBase64(d.Text)
			o.Bytes = b
			if err != nil {
				o.b64 = err.(*event.Base64Error)
			}
		case jsonpos.Null:
		default:
			r.shape = append(r.shape, shapeProblem{d.Start, d.End, i,
				"Output record " + strconv.Itoa(i) + "'s " + dataField + " is " + report.Article(d.Kind) + " " + d.Kind.String() +
					", not a base64 string"})
		}
	}
	if m, _ := v.Member("metadata"); m != nil && m.Kind == jsonpos.Object {
		if pk, _ := m.Member("partitionKeys"); pk != nil && pk.Kind == jsonpos.Object {
			keys, items := pk.Entries()
			for k := range keys {
				o.Keys = append(o.Keys, [2]string{keys[k].Name, event.ValueText(&items[k])})
			}
		}
	}
}

// invocationFailure is what Firehose makes of a failed invocation: the
// code and message of the batch failure. A timeout and a throttle have
// their own codes (docs/firehose-contract.md rows 12 and 14); any other error is a
// function error (row 11).
func invocationFailure(le *report.LambdaError) (code report.Code, msg string) {
	switch {
	case le.ErrorType == "Sandbox.Timedout" || strings.Contains(le.ErrorMessage, "Task timed out after"):
		return report.CodeTimedOut, report.MsgTimedOut
	case le.ErrorType == "TooManyRequestsException":
		return report.CodeInvokeLimit, report.MsgInvokeLimit
	}
	return report.CodeFunctionError, report.MsgFunctionError
}

// countRows counts the newline-delimited rows of data: its lines that are
// not blank.
func countRows(b []byte) int {
	n := 0
	start := 0
	for i := 0; i <= len(b); i++ {
		if i < len(b) && b[i] != '\n' {
			continue
		}
		for j := start; j < i; j++ {
			if c := b[j]; c != ' ' && c != '\t' && c != '\r' {
				n++
				break
			}
		}
		start = i + 1
	}
	return n
}

// validResult reports whether a result is one of the three Firehose
// accepts.
func validResult(v *jsonpos.Value) bool {
	return v != nil && v.Kind == jsonpos.String &&
		(v.Text == resultOk || v.Text == resultDropped || v.Text == resultProcessingFailed)
}
