package s3preview_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3preview"
)

func ExamplePreview() {
	ev, _ := event.Parse(`{"invocationId": "inv-1",
	  "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders",
	  "region": "us-east-1",
	  "records": [
	    {"recordId": "a", "approximateArrivalTimestamp": 1772600767000, "data": "eyJuIjogMX0="},
	    {"recordId": "b", "approximateArrivalTimestamp": 1772600767000, "data": "eyJuIjogMn0="}]}`, "")
	// The function delivers a's data with a newline and fails b.
	body := `{"records": [{"recordId": "a", "result": "Ok", "data": "eyJuIjogMX0K"},
	  {"recordId": "b", "result": "ProcessingFailed", "data": ""}]}`
	var findings report.Findings
	jd := firehose.Judge(report.Lambda{Body: &body}, "", ev, firehose.Options{Prefix: "orders/"}, body, true, nil, &findings)
	p := s3preview.Preview(&s3preview.Batch{Stream: jd.Stream, Event: ev, Verdict: jd.Verdict.Records, Outputs: jd.Read.Records, Findings: &findings})
	// Keys end with a UUID made from the event; the preview prints them
	// without it.
	for _, o := range p.Objects {
		fmt.Printf("%s %s\n%s", o.Kind, o.Key[:len(o.Key)-36], o.Body)
	}
	// Output:
	// delivered orders/2026/03/04/05/orders-1-2026-03-04-05-07-08-
	// {"n": 1}
	// processing-failed orders/processing-failed/2026/03/04/05/orders-1-2026-03-04-05-07-08-
	// {"rawData":"eyJuIjogMn0=","errorCode":"Lambda.ProcessingFailedStatus","errorMessage":"ProcessingFailed status set for record","attemptsMade":1,"arrivalTimestamp":1772600767000,"attemptEndingTimestamp":1772600828000,"lambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST"}
}
