package event_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/event"
)

func ExampleParse() {
	text := `{"invocationId": "inv-1",
  "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders",
  "region": "us-east-1",
  "records": [
    {"recordId": "r1", "approximateArrivalTimestamp": 1772600767000, "data": "eyJhIjogMX0="},
    {"recordId": "r2", "approximateArrivalTimestamp": 1772600767000, "data": "not base64!"}]}`
	ev, findings := event.Parse(text, "")
	fmt.Println(ev.Kind, ev.Source, len(ev.Records))
	fmt.Printf("%s %q\n", ev.Records[0].RecordID, ev.Records[0].Data)
	for _, f := range findings {
		fmt.Printf("%s at %d–%d: %s\n", f.Code, f.Start, f.End, f.Message)
	}
	// Output:
	// event direct-put 2
	// r1 "{\"a\": 1}"
	// base64.invalid at 336–337: Record 1: '!' at byte 10 is not a base64 character.
}

func ExampleParse_base64Lines() {
	// Base64 lines are read into the event Firehose would send for them.
	ev, _ := event.Parse("eyJhIjogMX0=\neyJhIjogMn0=", "")
	// The ids look like the ones Firehose gives Direct PUT records.
	fmt.Println(ev.Kind, len(ev.Records), ev.Records[1].RecordID[:8])
	fmt.Printf("%q\n", ev.Records[1].Data)
	// Output:
	// base64 2 shardId-
	// "{\"a\": 2}"
}
