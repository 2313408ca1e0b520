package transform_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/transform"
)

// Run the blog's Lambda on a JSON payload holding two objects: it returns
// two output records for one input record, the second with a made-up id.
func ExampleRun() {
	rep := transform.Run(transform.Request{
		Input:  `[{"user": {"id": 7}, "n": 1.50}, {"user": {"id": 8}}]`,
		Preset: transform.PresetSeed,
	})
	fmt.Println(rep.InputKind, len(rep.Records), "record")
	for _, row := range rep.Records[0].Rows {
		fmt.Println(row)
	}
	fmt.Println(len(*rep.Lambda.Body), "bytes of response")
	// Output:
	// json 1 record
	// [[user.id "7"] [n "1.5"]]
	// [[user.id "8"]]
	// 326 bytes of response
}

// The correct shape: one output record per input record, rows
// newline-delimited inside its data.
func ExampleRun_ndjson() {
	rep := transform.Run(transform.Request{
		Input:   `[{"user": {"id": 7}, "n": 1.50}, {"user": {"id": 8}}]`,
		Preset:  transform.PresetNDJSON,
		Options: transform.Options{Separator: "_"},
	})
	fmt.Println(rep.Records[0].Rows)
	// Output:
	// [[[user_id 7] [n 1.50]] [[user_id 8]]]
}

// ParseEvent reads an event leniently and reports each defect where it is.
func ExampleParseEvent() {
	ev, findings := transform.ParseEvent(`{"records": [
  {"recordId": "a", "data": "eyJuIjogMX0="},
  {"recordId": "a", "approximateArrivalTimestamp": "2026-01-01T00:00:00Z", "data": "eyJuIjogMn0"}]}`, "auto")
	fmt.Println(ev.Kind, len(ev.Records), string(ev.Records[1].Payload))
	for _, f := range findings {
		fmt.Println(f.Severity, f.Code, f.Start, f.End)
	}
	// Output:
	// event 2 {"n": 2}
	// info event.invocationId.missing 0 1
	// info event.deliveryStreamArn.missing 0 1
	// warning record.timestamp.string 110 132
	// warning record.recordId.duplicate 74 77
	// warning base64.padding 153 154
}

// Flatten turns nested objects into one row, numbers kept as written.
func ExampleFlatten() {
	v, _ := transform.ParseJSON(`{"order": {"id": 9007199254740993, "total": 10.50}, "items": [{"sku": "A"}]}`)
	fields, _ := transform.Flatten(&v, transform.Options{Arrays: "index"})
	for _, f := range fields {
		fmt.Println(f.Key, f.Value)
	}
	// Output:
	// order.id 9007199254740993
	// order.total 10.50
	// items.0.sku "A"
}

// ParseJSON reports errors the way Python's json module does.
func ExampleParseJSON() {
	_, err := transform.ParseJSON("[\n  {\"a\": 1},\n  {\"b\" 2}\n]")
	fmt.Println(err)
	// Output:
	// Expecting ':' delimiter: line 3 column 8 (char 21)
}

func ExampleParseRequest() {
	req, err := transform.ParseRequest(`{"input": "eyJhIjogMX0=", "preset": "ndjson", "options": {"separator": "_"}}`)
	fmt.Println(req.Preset, req.Options.Separator, err)
	_, err = transform.ParseRequest(`{"preset": 3}`)
	fmt.Println(err)
	// Output:
	// ndjson _ <nil>
	// the request's "preset" is a number, want a string
}
