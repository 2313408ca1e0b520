package transform_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-lambda-go/events"

	"github.com/firehose-playground/firehose-playground/transform"
)

// handler is a Go transformation Lambda under test: it upper-cases every
// record, and drops the empty ones.
func handler(_ context.Context, ev events.KinesisFirehoseEvent) (events.KinesisFirehoseResponse, error) {
	var resp events.KinesisFirehoseResponse
	for _, r := range ev.Records {
		out := events.KinesisFirehoseResponseRecord{RecordID: r.RecordID, Result: events.KinesisFirehoseTransformedStateOk,
			Data: append(bytes.ToUpper(r.Data), '\n')}
		if len(r.Data) == 0 {
			out.Result, out.Data = events.KinesisFirehoseTransformedStateDropped, nil
		}
		resp.Records = append(resp.Records, out)
	}
	return resp, nil
}

// A Go Lambda's own test can hand its handler an event, marshal the
// response the way the Lambda runtime does, and let Check say what
// Firehose would do with it: in a test, fail when any record fails or is
// lost (rep.Stats.Failed, rep.Stats.Ignored, rep.Verdict.BatchError).
func ExampleCheck_goLambdaTest() {
	event := `{
  "invocationId": "6f1c3a52-2b7e-4d8a-9c0f-1e2d3c4b5a69",
  "deliveryStreamArn": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/audit",
  "region": "eu-west-1",
  "records": [
    {"recordId": "a0", "approximateArrivalTimestamp": 1767225600000, "data": "eyJ1c2VyIjoiYW5hIn0="},
    {"recordId": "a1", "approximateArrivalTimestamp": 1767225600001, "data": ""}
  ]
}`
	var ev events.KinesisFirehoseEvent
	if err := json.Unmarshal([]byte(event), &ev); err != nil {
		panic(err)
	}
	resp, err := handler(context.Background(), ev)
	if err != nil {
		panic(err)
	}
	body, err := json.Marshal(resp)
	if err != nil {
		panic(err)
	}
	rep := transform.Check(event, string(body), transform.FirehoseOptions{})
	s := rep.Stats
	fmt.Printf("delivered %d, dropped %d, failed %d, ignored %d, batch error: %v\n",
		s.Delivered, s.Dropped, s.Failed, s.Ignored, rep.Verdict.BatchError != nil)
	for _, fd := range rep.Findings {
		if fd.Severity == transform.SevError {
			fmt.Println(fd.Code, fd.Message)
		}
	}
	// Output:
	// delivered 1, dropped 1, failed 0, ignored 0, batch error: false
}
