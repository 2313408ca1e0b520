package firehose_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

func ExampleJudge() {
	// Two records; the function answers for the first only, and adds an
	// output with an id of its own making.
	ev, _ := event.Parse("eyJhIjogMX0=\neyJhIjogMn0=", event.KindBase64)
	body := `{"records": [
	  {"recordId": "` + ev.Records[0].RecordID + `", "result": "Ok", "data": "eyJhIjogMX0K"},
	  {"recordId": "` + ev.Records[0].RecordID + `1", "result": "Ok", "data": "eyJhIjogMn0K"}]}`
	var findings report.Findings
	jd := firehose.Judge(report.Lambda{Body: &body}, "", ev, firehose.Options{}, body, true, nil, &findings)
	for _, v := range jd.Verdict.Records {
		fmt.Println(v.Index, v.Outcome, v.ErrorCode, v.Confidence)
	}
	fmt.Println(len(jd.Verdict.Ignored), "output ignored; record 0 lost", jd.Verdict.Records[0].LostOutputs, "of its outputs")
	// Output:
	// 0 delivered  confirmed
	// 1 failed Lambda.MissingRecordId confirmed
	// 1 output ignored; record 0 lost 1 of its outputs
}
