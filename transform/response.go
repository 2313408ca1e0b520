package transform

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

// response is a Lambda response body read the way Firehose reads it, with
// the byte range of every part in the body.
type response struct {
	root Value
	err  *SyntaxError // the body is not JSON
	// recs is the value of "records" (nil when the key is missing); outs
	// are its elements when it is an array.
	recs *Value
	outs []outRecord
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

// outRecord is one record of a response.
type outRecord struct {
	v      *Value // the record (any JSON value)
	id     *Value // recordId; nil when missing
	result *Value // result; nil when missing
	// data is the value of the data field ("data", or "kafkaRecordValue"
	// for Amazon MSK); nil when missing. other is the other field when
	// data is missing and the record uses the wrong one.
	data  *Value
	other *Value
	// bytes are the decoded data; b64 is set when the data is not the
	// padded standard base64 Firehose expects (bytes then hold what an
	// accommodating decoder reads, or nothing).
	bytes []byte
	b64   *Base64Error
	// keys are metadata.partitionKeys, in order.
	keys [][2]string
}

// idKey returns a recordId as a JSON value: its kind and its text, so that
// the string "1" and the number 1 differ.
func idKey(v *Value) string {
	if v.Kind == String {
		return "s:" + v.Text
	}
	return v.Kind.String() + ":" + string(jsonpos.AppendCompact(nil, v))
}

// idText returns a recordId as the report shows it: the string, or the
// JSON of any other value; "" when missing.
func idText(v *Value) string {
	switch {
	case v == nil:
		return ""
	case v.Kind == String:
		return v.Text
	}
	return string(jsonpos.AppendCompact(nil, v))
}

// readResponse reads a response body. dataField is "data", or
// "kafkaRecordValue" when the records come from Amazon MSK.
func readResponse(text, dataField string) *response {
	r := &response{}
	var p jsonpos.Parser
	p.Reset(text, jsonpos.Limits{MaxDepth: MaxDepth})
	r.root, r.err = p.Document()
	if r.err != nil {
		return r
	}
	root := &r.root
	if root.Kind != Object {
		msg := "The response is " + report.Article(root.Kind) + " " + root.Kind.String() + `, not an object {"records": […]}`
		if inner, err := ParseJSON(root.Text); root.Kind == String && err == nil && inner.Kind == Object {
			msg += ` (it is JSON encoded twice: the function returned a string, such as json.dumps(…) in Python, that the runtime encoded again; return the object itself)`
		}
		r.shape = append(r.shape, shapeProblem{root.Start, root.End, -1, msg})
		return r
	}
	r.recs, _ = root.Member("records")
	if r.recs == nil || r.recs.Kind != Array {
		return r
	}
	r.outs = make([]outRecord, len(r.recs.Items))
	for i := range r.recs.Items {
		readOutRecord(r, i, dataField)
	}
	return r
}

// readOutRecord reads output record i and notes what Firehose cannot read.
func readOutRecord(r *response, i int, dataField string) {
	o := &r.outs[i]
	o.v = &r.recs.Items[i]
	v := o.v
	if v.Kind != Object {
		r.shape = append(r.shape, shapeProblem{v.Start, v.End, i,
			"Output record " + strconv.Itoa(i) + " is " + report.Article(v.Kind) + " " + v.Kind.String() + ", not an object"})
		return
	}
	o.id, _ = v.Member("recordId")
	if o.id != nil && o.id.Kind != String && o.id.Kind != Null {
		r.shape = append(r.shape, shapeProblem{o.id.Start, o.id.End, i,
			"Output record " + strconv.Itoa(i) + "'s recordId is " + report.Article(o.id.Kind) + " " + o.id.Kind.String() +
				" (" + report.Clip(idText(o.id), 40) + "); recordIds are strings, returned exactly as received"})
	}
	o.result, _ = v.Member("result")
	o.data, _ = v.Member(dataField)
	if o.data == nil {
		other := "kafkaRecordValue"
		if dataField == other {
			other = "data"
		}
		o.other, _ = v.Member(other)
	}
	if d := o.data; d != nil {
		switch d.Kind {
		case String:
			b, err := DecodeBase64(d.Text)
			o.bytes = b
			if err != nil {
				o.b64 = err.(*Base64Error)
			}
		case Null:
		default:
			r.shape = append(r.shape, shapeProblem{d.Start, d.End, i,
				"Output record " + strconv.Itoa(i) + "'s " + dataField + " is " + report.Article(d.Kind) + " " + d.Kind.String() +
					", not a base64 string"})
		}
	}
	if m, _ := v.Member("metadata"); m != nil && m.Kind == Object {
		if pk, _ := m.Member("partitionKeys"); pk != nil && pk.Kind == Object {
			keys, items := pk.Entries()
			for k := range keys {
				o.keys = append(o.keys, [2]string{keys[k].Name, event.ValueText(&items[k])})
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
func validResult(v *Value) bool {
	return v != nil && v.Kind == String &&
		(v.Text == resultOk || v.Text == resultDropped || v.Text == resultProcessingFailed)
}
