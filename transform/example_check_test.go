package transform_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/transform"
)

// A function returned record r1 under a changed recordId and split r0 in
// two: Firehose delivers r0's first row, loses the second without a word,
// and fails r1.
func ExampleCheck() {
	event := `{
  "invocationId": "2f1e0b7c-6d41-4c1b-9a35-a7c1f0de8d3e",
  "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders",
  "region": "us-east-1",
  "records": [
    {"recordId": "r0", "approximateArrivalTimestamp": 1767225600000, "data": "W3siaWQiOjF9LHsiaWQiOjJ9XQ=="},
    {"recordId": "r1", "approximateArrivalTimestamp": 1767225600001, "data": "W3siaWQiOjN9XQ=="}
  ]
}`
	response := `{"records": [
  {"recordId": "r0", "result": "Ok", "data": "eyJpZCI6MX0K"},
  {"recordId": "r01", "result": "Ok", "data": "eyJpZCI6Mn0K"},
  {"recordId": "R1", "result": "Ok", "data": "eyJpZCI6M30K"}
]}`
	rep := transform.Check(event, response, transform.FirehoseOptions{})
	for _, v := range rep.Verdict.Records {
		outcome := string(v.Outcome)
		if v.ErrorCode != "" {
			outcome += " with " + string(v.ErrorCode)
		}
		fmt.Printf("%s: %s (%s)\n", v.RecordID, outcome, v.Confidence)
	}
	for _, g := range rep.Verdict.Ignored {
		fmt.Printf("ignored %s: %d row lost\n", g.RecordID, g.Rows)
	}
	for _, o := range rep.S3.Objects {
		fmt.Printf("%s %s (%d bytes)\n", o.Kind, o.Key, o.Size)
	}
	// Output:
	// r0: delivered (confirmed)
	// r1: failed with Lambda.MissingRecordId (confirmed)
	// ignored r01: 1 row lost
	// ignored R1: 1 row lost
	// delivered 2026/01/01/00/orders-1-2026-01-01-00-01-01-4c03c327-2026-4013-be0d-1d6c3ea4263d (9 bytes)
	// processing-failed processing-failed/2026/01/01/00/orders-1-2026-01-01-00-01-01-4b0db556-ceb8-45b5-994b-2e40519851db (362 bytes)
}
