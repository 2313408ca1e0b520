package event

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The lines of a processing-failed/ object: one JSON object per record
// Firehose could not deliver. Firehose never sends them again; the
// playground reads each rawData as a record of a Direct PUT event (what a
// re-drive with put-record-batch would hand the Lambda) and says why each
// failed.

// failedKeys are the keys of a processing-failed line, in both layouts.
var failedKeys = []string{"attemptsMade", "arrivalTimestamp", "errorCode", "errorMessage",
	"attemptEndingTimestamp", "rawData", "lambdaArn", "lambdaARN"}

// isFailedObject reports whether a value is one processing-failed line.
func isFailedObject(v *jsonpos.Value) bool {
	if v.Kind != jsonpos.Object || !hasKeys(v, "rawData", "errorCode", "errorMessage", "attemptsMade", "arrivalTimestamp") ||
		!onlyKeys(v, failedKeys...) {
		return false
	}
	raw, _ := v.Member("rawData")
	code, _ := v.Member("errorCode")
	return raw.Kind == jsonpos.String && code.Kind == jsonpos.String
}

// failedLine is one line of the input read as a processing-failed object.
type failedLine struct {
	span span
	v    jsonpos.Value // positions are the input's
}

// readFailedObjects parses every non-blank line; ok is false when one of
// them is not a processing-failed object (bad is then its index).
func readFailedObjects(text string) (lines []failedLine, ok bool, bad int) {
	for i, l := range nonBlankLines(text) {
		v, err := jsonpos.Parse(text[l.start:l.end])
		if err != nil || !isFailedObject(&v) {
			return lines, false, i
		}
		shift(&v, l.start)
		lines = append(lines, failedLine{span: l, v: v})
	}
	return lines, len(lines) > 0, -1
}

// isFailedLines reports whether every non-blank line of text is a
// processing-failed object. It gives up at the first line that is not.
func isFailedLines(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	if t == "" || t[0] != '{' {
		return false
	}
	first, _, _ := strings.Cut(t, "\n")
	if !strings.Contains(first, `"rawData"`) || !strings.Contains(first, `"errorCode"`) {
		return false
	}
	_, ok, _ := readFailedObjects(text)
	return ok
}

// shift moves a parsed value's positions by off.
func shift(v *jsonpos.Value, off int) {
	v.Start += off
	v.End += off
	for i := range v.Keys {
		v.Keys[i].Start += off
		v.Keys[i].End += off
	}
	for i := range v.Items {
		shift(&v.Items[i], off)
	}
}

// explainFailed says why Firehose wrote a processing-failed line with an
// errorCode: the catalog's words for the codes it knows.
func explainFailed(code string) string {
	if info, ok := report.Code(code).Info(); ok && info.Firehose {
		return info.Words
	}
	switch {
	case strings.HasPrefix(code, "DynamicPartitioning."):
		return "Not the Lambda's: dynamic partitioning could not compute the record's partition keys."
	case strings.HasPrefix(code, "Lambda."):
		return "A failure of the invocation Firehose does not document further."
	}
	return "Not a transformation Lambda's code: the record failed in another step of the delivery stream."
}

// readFailedLines reads processing-failed lines into the Direct PUT event a
// re-drive would make.
func readFailedLines(ev *Event, text string, f *report.Findings) {
	lines, ok, bad := readFailedObjects(text)
	if !ok {
		// Forced: read the lines that are processing-failed objects.
		all := nonBlankLines(text)
		lines = lines[:0]
		for i, l := range all {
			v, err := jsonpos.Parse(text[l.start:l.end])
			if err == nil && isFailedObject(&v) {
				shift(&v, l.start)
				lines = append(lines, failedLine{span: l, v: v})
				continue
			}
			if i == bad || len(all) <= report.MaxFindingsPerCode {
				f.At(report.CodeKindFailedBad, report.SevError, report.InputSpan(l.start, l.end)).Say("Line %d is not a processing-failed object (one JSON object with rawData, errorCode, errorMessage, attemptsMade, arrivalTimestamp…); it is left out.", i+1)
			}
		}
	}
	built := make([]builtRecord, 0, len(lines))
	type group struct {
		first int
		lines []int
	}
	groups := map[string]*group{}
	var order []string
	layout := map[string]int{}
	for i := range lines {
		v := &lines[i].v
		raw, _ := v.Member("rawData")
		r := builtRecord{start: lines[i].span.start, end: lines[i].span.end, dataStart: -1, data: raw.Text}
		r.dataStart, r.dataEnd = dataSpan(raw)
		built = append(built, r)
		code, _ := v.Member("errorCode")
		g := groups[code.Text]
		if g == nil {
			g = &group{first: i}
			groups[code.Text] = g
			order = append(order, code.Text)
		}
		g.lines = append(g.lines, i)
		switch {
		case hasKeys(v, "lambdaARN"):
			layout["2025–2026 (rawData first, lambdaARN)"]++
		case hasKeys(v, "lambdaArn"):
			layout["2019–2022 (attemptsMade first, lambdaArn)"]++
		default:
			layout["without a Lambda ARN"]++
		}
	}
	var layouts []string
	for _, name := range []string{"2025–2026 (rawData first, lambdaARN)", "2019–2022 (attemptsMade first, lambdaArn)", "without a Lambda ARN"} {
		if n := layout[name]; n > 0 {
			layouts = append(layouts, fmt.Sprintf("%s in the layout %s", report.Plural(n, "line"), name))
		}
	}
	batches := len(redriveBatches(built))
	f.At(report.CodeKindFailed, report.SevInfo, report.InputSpan(0, 0)).Say("These are the lines of a processing-failed/ object: %s (%s). Each rawData is the original record, shown decoded as the record's payload; the playground built the event a re-drive would hand your Lambda, under \"The event the playground built\".%s",
		report.Plural(len(lines), "failed record"), strings.Join(layouts, ", "), forceHint)
	f.At(report.CodeKindRedrive, report.SevInfo, report.InputSpan(0, 0)).Say("Firehose never sends these records again. To re-drive them, put their rawData back into the delivery stream with aws firehose put-record-batch: %s of at most 500 records and 4 MiB (the \"redrive\" export holds the --cli-input-json of each). Firehose then hands your Lambda an event like the one built here: run it through your fixed transform first.",
		report.Plural(batches, "call"))
	for _, code := range order {
		g := groups[code]
		v := &lines[g.first].v
		cv, _ := v.Member("errorCode")
		msg, _ := v.Member("errorMessage")
		fd := f.At(report.CodeKindFailedGroup, report.SevInfo, report.InputSpan(cv.Start, cv.End)).Rec(g.first).Say("%s failed with %s: %s Firehose wrote %q.", report.Plural(len(g.lines), "record"), code, explainFailed(code), report.Clip(ValueText(msg), 300))
		for k, i := range g.lines[1:] {
			if k == 20 {
				break
			}
			if c, _ := lines[i].v.Member("errorCode"); c != nil {
				fd.Relate(report.DocInput, c.Start, c.End, fmt.Sprintf("line %d, the same errorCode", i+1))
			}
		}
	}
	if len(lines) == 0 {
		f.At(report.CodeInputEmpty, report.SevInfo, report.InputSpan(0, 0)).Say("Paste the lines of a processing-failed/ object, one JSON object per line.")
	}
	buildEvent(ev, text, builtEnvelope{source: SourceDirectPut}, built, f)
	for i := range ev.Records {
		ev.Records[i].Index = i
	}
}

// Limits of one PutRecordBatch call.
const (
	putBatchRecords = 500
	putBatchBytes   = 4 << 20
)

// redriveBatches splits records into put-record-batch calls: at most 500
// records and 4 MiB of data each.
func redriveBatches(recs []builtRecord) [][]string {
	var out [][]string
	var cur []string
	size := 0
	for _, r := range recs {
		n := base64.StdEncoding.DecodedLen(len(r.data)) - strings.Count(r.data[max(len(r.data)-2, 0):], "=")
		if len(cur) == putBatchRecords || len(cur) > 0 && size+n > putBatchBytes {
			out = append(out, cur)
			cur, size = nil, 0
		}
		cur = append(cur, r.data)
		size += n
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// Redrive writes the input of aws firehose put-record-batch that puts
// every record of the event back into the delivery stream, split into
// calls of at most 500 records and 4 MiB: a JSON array of
// --cli-input-json documents {"DeliveryStreamName", "Records": [{"Data":
// <base64>}]}.
func Redrive(ev *Event, streamName string) string {
	recs := make([]builtRecord, 0, len(ev.Records))
	for i := range ev.Records {
		if d := ev.Records[i].DataValue; d != nil && d.Kind == jsonpos.String {
			recs = append(recs, builtRecord{data: d.Text})
		}
	}
	if streamName == "" {
		streamName = "playground"
		if _, name, ok := strings.Cut(ev.DeliveryStreamArn, ":deliverystream/"); ok && name != "" {
			streamName = name
		}
	}
	b := []byte("[")
	for k, batch := range redriveBatches(recs) {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  {\"DeliveryStreamName\": "...)
		b = jsonpos.AppendString(b, streamName)
		b = append(b, ", \"Records\": ["...)
		for i, d := range batch {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n    {\"Data\": "...)
			b = jsonpos.AppendString(b, d)
			b = append(b, '}')
		}
		b = append(b, "\n  ]}"...)
	}
	b = append(b, "\n]\n"...)
	return string(b)
}
