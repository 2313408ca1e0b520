package event

import (
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Where the event reader would otherwise claim more than is known: an
// envelope that is not what Firehose sends.

// checkEnvelopeFidelity reports envelope values that real Firehose never
// sends: another service's ARN as deliveryStreamArn, an empty ARN, and
// template placeholders that were never rendered.
func checkEnvelopeFidelity(ev *Event, f *report.Findings) {
	root := &ev.Root
	for k := range root.Keys {
		v, name := &root.Items[k], root.Keys[k].Name
		if v.Kind != jsonpos.String {
			continue
		}
		switch name {
		case "deliveryStreamArn", "sourceKinesisStreamArn", "sourceMSKArn":
			if v.Text == "" {
				f.At(report.CodeFidArnEmpty, report.SevWarning, report.InputSpan(v.Start, v.End)).Say("%q is empty; Firehose always sends the ARN here%s.", name, arnShape(name))
				continue
			}
		}
		if name == "deliveryStreamArn" {
			if parts := strings.SplitN(v.Text, ":", 6); len(parts) == 6 && parts[0] == "arn" && parts[2] != "firehose" {
				f.At(report.CodeFidArnService, report.SevWarning, report.InputSpan(v.Start, v.End)).Say("\"deliveryStreamArn\" is an ARN of %s, not of a Firehose stream%s. Firehose sends its own stream's ARN here: arn:aws:firehose:<region>:<account>:deliverystream/<name>.",
					serviceName(parts[2]), report.Pick(parts[2] == "kinesis", " (a Kinesis data stream's ARN goes in \"sourceKinesisStreamArn\")", ""))
			}
		}
		for _, m := range placeholders(v.Text) {
			s, e := v.Start, v.End
			if v.End-v.Start == len(v.Text)+2 { // no escapes: point at the placeholder
				s, e = v.Start+1+m[0], v.Start+1+m[1]
			}
			f.At(report.CodeFidPlaceholder, report.SevWarning, report.InputSpan(s, e)).Say("%q holds %s, a template placeholder that was never rendered: real events carry the value there (aws, a region such as us-east-1, a 12-digit account id, a name).",
				name, report.Quoted(v.Text[m[0]:m[1]]))
		}
	}
}

// arnShape says what an ARN field holds, for a message.
func arnShape(name string) string {
	switch name {
	case "deliveryStreamArn":
		return " (arn:aws:firehose:<region>:<account>:deliverystream/<name>)"
	case "sourceKinesisStreamArn":
		return " (arn:aws:kinesis:<region>:<account>:stream/<name>)"
	}
	return " (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)"
}

// serviceName names the service of an ARN for a message.
func serviceName(s string) string {
	switch s {
	case "kinesis":
		return "a Kinesis data stream"
	case "kafka":
		return "an Amazon MSK cluster"
	case "lambda":
		return "a Lambda function"
	case "s3":
		return "an S3 bucket"
	case "":
		return "no service"
	}
	return "the service " + report.Quoted(s)
}
