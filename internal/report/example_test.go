package report_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/report"
)

func ExampleFindings() {
	var f report.Findings
	for i := range 3 {
		f.At(report.CodeRecordSize, report.SevWarning, report.InputSpan(10*i, 10*i+9)).Rec(i).
			Say("Record %d is %s.", i, report.SizeText(1100<<10))
	}
	f.At(report.CodeMissingID, report.SevError, report.ResponseSpan(0, 2)).Say("A record is missing.")
	for _, fd := range f.List {
		fmt.Println(fd.Code, fd.Severity, fd.Doc, fd.Start, fd.Record, fd.Confidence, fd.Message)
	}
	// Output:
	// record.size warning input 0 0  Record 0 is 1.1 MiB.
	// record.size warning input 10 1  Record 1 is 1.1 MiB.
	// record.size warning input 20 2  Record 2 is 1.1 MiB.
	// Lambda.MissingRecordId error response 0 -1 confirmed A record is missing.
}

func ExampleCode_Info() {
	info, _ := report.CodeMissingID.Info()
	fmt.Println(info.Firehose, info.Confidence, info.Row)
	fmt.Println(info.Message)
	// Output:
	// true confirmed 3
	// One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.
}
