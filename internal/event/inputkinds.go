package event

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/sha256"
)

// What people hold instead of a clean invocation event: the event as their
// function printed it, the lines of a processing-failed/ object, AWS CLI
// records, a Kinesis Data Streams event for a Lambda consumer. Each is read
// into the Firehose event it stands for (Event.Generated, its text in
// Event.Text), with the positions of its records in the input.

// More input kinds (see KindEvent).
const (
	KindPrinted = "printed"           // the event as Python's print or Node.js's console.log wrote it
	KindFailed  = "processing-failed" // the lines of a processing-failed/ object
	KindCLI     = "cli"               // put-record-batch records or kinesis get-records output
	KindKinesis = "kinesis-lambda"    // a Kinesis Data Streams event for a Lambda consumer
)

// forceHint says how to read the input another way, for the finding that
// names what was recognised.
const forceHint = ` To read the text another way, choose it in "Input is".`

// builtRecord is one record of an event the playground builds, before the
// event exists: where it came from in the input, and what it holds.
type builtRecord struct {
	start, end int // the record in the input
	// dataStart and dataEnd delimit the quoted base64 string in the input
	// when it is written there without escapes; dataStart is -1 otherwise.
	dataStart, dataEnd int
	data               string // base64
	id                 string // "" for a generated Direct PUT id
	ts                 int64  // epoch ms, 0 for a generated one
	kinesis            *kinesisMeta
}

// kinesisMeta is a record's kinesisRecordMetadata.
type kinesisMeta struct {
	shardID, partitionKey, sequenceNumber string
}

// builtEnvelope is what the built event's envelope holds.
type builtEnvelope struct {
	source    string // SourceDirectPut or SourceKinesis
	region    string
	streamArn string // "" for the playground's
	sourceArn string // sourceKinesisStreamArn
}

// buildEvent writes the Firehose event of recs as JSON text, parses it,
// puts every record's values at the record's place in the input (its data
// exactly where the input holds it), and reads it as any event: ev becomes
// that event, generated.
func buildEvent(ev *Event, input string, env builtEnvelope, recs []builtRecord, f *report.Findings) {
	kind, detected := ev.Kind, ev.Detected
	if len(recs) > MaxRecords {
		ev.Skipped = len(recs) - MaxRecords
		recs = recs[:MaxRecords]
		f.At(report.CodeEventRecordsTooMany, report.SevWarning, report.InputSpan(recs[len(recs)-1].end, recs[len(recs)-1].end)).Say("The input holds %s records; the playground reads the first %s and skips the other %s.",
			report.Thousands(len(recs)+ev.Skipped), report.Thousands(MaxRecords), report.Thousands(ev.Skipped))
	}
	sum := sha256.Sum256([]byte(input))
	u := sum
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	id := fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	if env.region == "" {
		env.region = GenRegion
	}
	if env.streamArn == "" {
		env.streamArn = "arn:aws:firehose:" + env.region + ":123456789012:deliverystream/playground"
	}
	b := make([]byte, 0, 256+len(recs)*200+len(input))
	b = append(b, "{\n  \"invocationId\": "...)
	b = jsonpos.AppendString(b, id)
	b = append(b, ",\n  \"deliveryStreamArn\": "...)
	b = jsonpos.AppendString(b, env.streamArn)
	if env.source == SourceKinesis {
		b = append(b, ",\n  \"sourceKinesisStreamArn\": "...)
		b = jsonpos.AppendString(b, env.sourceArn)
	}
	b = append(b, ",\n  \"region\": "...)
	b = jsonpos.AppendString(b, env.region)
	b = append(b, ",\n  \"records\": ["...)
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		rid, ts := r.id, r.ts
		if rid == "" {
			rid = generatedRecordID(sum, i)
		}
		if ts == 0 {
			ts = GenTimestamp + int64(i)*7
		}
		b = append(b, "\n    {\n      \"recordId\": "...)
		b = jsonpos.AppendString(b, rid)
		b = append(b, ",\n      \"approximateArrivalTimestamp\": "...)
		b = strconv.AppendInt(b, ts, 10)
		b = append(b, ",\n      \"data\": "...)
		b = jsonpos.AppendString(b, r.data)
		if k := r.kinesis; k != nil {
			b = append(b, ",\n      \"kinesisRecordMetadata\": {\n        \"shardId\": "...)
			b = jsonpos.AppendString(b, k.shardID)
			b = append(b, ",\n        \"partitionKey\": "...)
			b = jsonpos.AppendString(b, k.partitionKey)
			b = append(b, ",\n        \"approximateArrivalTimestamp\": "...)
			b = strconv.AppendInt(b, ts, 10)
			b = append(b, ",\n        \"sequenceNumber\": "...)
			b = jsonpos.AppendString(b, k.sequenceNumber)
			b = append(b, ",\n        \"subsequenceNumber\": 0\n      }"...)
		}
		b = append(b, "\n    }"...)
	}
	if len(recs) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	text := string(b)
	doc := parseEventText(text)
	root := &doc.root
	placeAt(root, 0, 0)
	root.Start, root.End = 0, len(input)
	if arr, _ := root.Member("records"); arr != nil {
		arr.Start, arr.End = 0, len(input)
		for i := range arr.Items {
			r := &recs[i]
			placeAt(&arr.Items[i], r.start, r.end)
			if d, _ := arr.Items[i].Member("data"); d != nil && r.dataStart >= 0 {
				d.Start, d.End = r.dataStart, r.dataEnd
			}
		}
	}
	readEvent(ev, text, doc, f)
	ev.Kind, ev.Detected, ev.Generated = kind, detected, true
}

// placeAt puts a value and everything in it at one range of the input.
func placeAt(v *jsonpos.Value, start, end int) {
	v.Start, v.End = start, end
	for i := range v.Keys {
		v.Keys[i].Start, v.Keys[i].End = start, end
	}
	for i := range v.Items {
		placeAt(&v.Items[i], start, end)
	}
}

// dataSpan returns where a string value is in the input when it is written
// without escapes (its quotes included), else -1, -1.
func dataSpan(v *jsonpos.Value) (int, int) {
	if v.Kind == jsonpos.String && v.End-v.Start == len(v.Text)+2 {
		return v.Start, v.End
	}
	return -1, -1
}

// onlyKeys reports whether every key of obj is one of names.
func onlyKeys(obj *jsonpos.Value, names ...string) bool {
	for _, k := range obj.Keys {
		found := false
		for _, n := range names {
			if k.Name == n {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hasKeys reports whether obj has every key of names.
func hasKeys(obj *jsonpos.Value, names ...string) bool {
	for _, n := range names {
		if v, _ := obj.Member(n); v == nil {
			return false
		}
	}
	return true
}

// everyItem reports whether arr is a non-empty array whose items are all
// objects that ok accepts.
func everyItem(arr *jsonpos.Value, ok func(*jsonpos.Value) bool) bool {
	if arr == nil || arr.Kind != jsonpos.Array || len(arr.Items) == 0 {
		return false
	}
	for i := range arr.Items {
		if it := &arr.Items[i]; it.Kind != jsonpos.Object || !ok(it) {
			return false
		}
	}
	return true
}

// Shapes of the AWS CLI's records.
const (
	cliPutRecordBatch = "put-record-batch"
	cliGetRecords     = "get-records"
)

// cliShape says whether a JSON value is put-record-batch records (the
// Records list, or the whole --cli-input-json), or get-records output.
func cliShape(root *jsonpos.Value) string {
	isPut := func(it *jsonpos.Value) bool { return onlyKeys(it, "Data") && hasKeys(it, "Data") }
	switch root.Kind {
	case jsonpos.Array:
		if everyItem(root, isPut) {
			return cliPutRecordBatch
		}
	case jsonpos.Object:
		recs, _ := root.Member("Records")
		if recs == nil || recs.Kind != jsonpos.Array {
			return ""
		}
		if onlyKeys(root, "DeliveryStreamName", "Records") && everyItem(recs, isPut) {
			return cliPutRecordBatch
		}
		isGet := func(it *jsonpos.Value) bool {
			return hasKeys(it, "SequenceNumber", "Data", "PartitionKey") &&
				onlyKeys(it, "SequenceNumber", "ApproximateArrivalTimestamp", "Data", "PartitionKey", "EncryptionType")
		}
		if onlyKeys(root, "Records", "NextShardIterator", "MillisBehindLatest", "ChildShards") &&
			(everyItem(recs, isGet) || len(recs.Items) == 0 && hasKeys(root, "NextShardIterator")) {
			return cliGetRecords
		}
	}
	return ""
}

// isKinesisConsumerEvent reports whether a JSON value is the event Lambda
// hands a Kinesis Data Streams consumer: Records[].kinesis with the data
// and its sequence number.
func isKinesisConsumerEvent(root *jsonpos.Value) bool {
	if root.Kind != jsonpos.Object {
		return false
	}
	recs, _ := root.Member("Records")
	return everyItem(recs, func(it *jsonpos.Value) bool {
		k, _ := it.Member("kinesis")
		return k != nil && k.Kind == jsonpos.Object && hasKeys(k, "data", "sequenceNumber")
	})
}

// parseWhole parses text as one JSON document, nil when it is not one.
func parseWhole(text string) *jsonpos.Value {
	doc := parseEventText(text)
	if doc.err != nil || doc.bom {
		return nil
	}
	return &doc.root
}

// readCLI reads put-record-batch records into a Direct PUT event, or
// get-records output into a Kinesis-source event.
func readCLI(ev *Event, text string, f *report.Findings) {
	root := parseWhole(text)
	shape := ""
	if root != nil {
		shape = cliShape(root)
	}
	if shape == "" {
		f.At(report.CodeKindCLIBad, report.SevError, report.InputSpan(0, min(len(text), 1))).Say(`This is not AWS CLI records: put-record-batch records are [{"Data": "<base64>"}, …] (or {"DeliveryStreamName": …, "Records": […]}), and aws kinesis get-records output is {"Records": [{"SequenceNumber", "ApproximateArrivalTimestamp", "Data", "PartitionKey"}, …]}. Choose "detect" in "Input is" to read it as what it is.`)
		buildEvent(ev, text, builtEnvelope{source: SourceDirectPut}, nil, f)
		return
	}
	recs := root
	if root.Kind == jsonpos.Object {
		recs, _ = root.Member("Records")
	}
	built := make([]builtRecord, 0, len(recs.Items))
	env := builtEnvelope{source: SourceDirectPut}
	if shape == cliGetRecords {
		env = builtEnvelope{source: SourceKinesis, sourceArn: "arn:aws:kinesis:" + GenRegion + ":123456789012:stream/playground"}
	}
	for i := range recs.Items {
		it := &recs.Items[i]
		r := builtRecord{start: it.Start, end: it.End, dataStart: -1}
		data, _ := it.Member("Data")
		if data.Kind == jsonpos.String {
			r.data = data.Text
			r.dataStart, r.dataEnd = dataSpan(data)
		} else {
			f.At(report.CodeKindCLIBad, report.SevError, report.InputSpan(data.Start, data.End)).Rec(i).Say("Record %d's Data is %s %s; the AWS CLI writes blobs as base64 strings.", i, report.Article(data.Kind), data.Kind)
		}
		if shape == cliGetRecords {
			seq, _ := it.Member("SequenceNumber")
			pk, _ := it.Member("PartitionKey")
			r.kinesis = &kinesisMeta{shardID: "shardId-000000000000", sequenceNumber: ValueText(seq), partitionKey: ValueText(pk)}
			r.id = r.kinesis.sequenceNumber + "000000"
			if ts, _ := it.Member("ApproximateArrivalTimestamp"); ts != nil {
				r.ts = cliTimestamp(ts, i, f)
			}
		}
		built = append(built, r)
	}
	msg := fmt.Sprintf("This is the Records of aws firehose put-record-batch (%s, Data as base64, the way AWS CLI v2 writes blobs): the playground built the Direct PUT event Firehose would hand your Lambda for them, under \"The event the playground built\".",
		report.Plural(len(built), "record"))
	if shape == cliGetRecords {
		msg = fmt.Sprintf("This is aws kinesis get-records output (%s): the playground built the event Firehose would hand your Lambda if the stream fed a delivery stream, under \"The event the playground built\": recordIds and kinesisRecordMetadata from each SequenceNumber and PartitionKey. get-records does not name the shard or the stream, so the event says shardId-000000000000 and a stream named playground.",
			report.Plural(len(built), "record"))
	}
	f.At(report.CodeKindCLI, report.SevInfo, report.InputSpan(0, 0)).Say("%s%s", msg, forceHint)
	buildEvent(ev, text, env, built, f)
}

// cliTimestamp reads get-records' ApproximateArrivalTimestamp: an ISO time
// (AWS CLI v2) or epoch seconds (v1, or cli_timestamp_format), in ms.
func cliTimestamp(v *jsonpos.Value, i int, f *report.Findings) int64 {
	switch v.Kind {
	case jsonpos.String:
		if t, err := time.Parse(time.RFC3339Nano, v.Text); err == nil {
			return t.UnixMilli()
		}
	case jsonpos.Number:
		if s, err := strconv.ParseFloat(v.Text, 64); err == nil && s > 0 && s < 1e11 {
			return int64(math.Round(s * 1000))
		}
	}
	f.At(report.CodeKindCLIBad, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(i).Say("Record %d's ApproximateArrivalTimestamp is neither an ISO time nor epoch seconds; the built event gives it a made-up time.", i)
	return 0
}

// readKinesisConsumer reads a Kinesis Data Streams event for a Lambda
// consumer into the Firehose event the same records would make.
func readKinesisConsumer(ev *Event, text string, f *report.Findings) {
	root := parseWhole(text)
	if root == nil || !isKinesisConsumerEvent(root) {
		f.At(report.CodeKindKinesisBad, report.SevError, report.InputSpan(0, min(len(text), 1))).Say(`This is not a Kinesis Data Streams event for a Lambda consumer: {"Records": [{"kinesis": {"data", "sequenceNumber", …}, "eventSourceARN", …}]}. Choose "detect" in "Input is" to read it as what it is.`)
		buildEvent(ev, text, builtEnvelope{source: SourceDirectPut}, nil, f)
		return
	}
	recs, _ := root.Member("Records")
	env := builtEnvelope{source: SourceKinesis}
	built := make([]builtRecord, 0, len(recs.Items))
	for i := range recs.Items {
		it := &recs.Items[i]
		k, _ := it.Member("kinesis")
		str := func(obj *jsonpos.Value, name string) string {
			if v, _ := obj.Member(name); v != nil && v.Kind == jsonpos.String {
				return v.Text
			}
			return ""
		}
		if env.sourceArn == "" {
			env.sourceArn = str(it, "eventSourceARN")
			env.region = str(it, "awsRegion")
		}
		r := builtRecord{start: it.Start, end: it.End, dataStart: -1}
		data, _ := k.Member("data")
		if data.Kind == jsonpos.String {
			r.data = data.Text
			r.dataStart, r.dataEnd = dataSpan(data)
		} else {
			f.At(report.CodeKindKinesisBad, report.SevError, report.InputSpan(data.Start, data.End)).Rec(i).Say("Record %d's kinesis.data is %s %s; Lambda hands a Kinesis consumer base64 strings.", i, report.Article(data.Kind), data.Kind)
		}
		shard := "shardId-000000000000"
		if id := str(it, "eventID"); strings.HasPrefix(id, "shardId-") {
			shard, _, _ = strings.Cut(id, ":")
		}
		seq, _ := k.Member("sequenceNumber")
		r.kinesis = &kinesisMeta{shardID: shard, sequenceNumber: ValueText(seq), partitionKey: str(k, "partitionKey")}
		r.id = r.kinesis.sequenceNumber + "000000"
		if ts, _ := k.Member("approximateArrivalTimestamp"); ts != nil {
			r.ts = cliTimestamp(ts, i, f)
		}
		built = append(built, r)
	}
	if env.sourceArn == "" {
		env.sourceArn = "arn:aws:kinesis:" + GenRegion + ":123456789012:stream/playground"
	}
	if parts := strings.Split(env.sourceArn, ":"); len(parts) == 6 && parts[2] == "kinesis" {
		if env.region == "" {
			env.region = parts[3]
		}
		name := strings.TrimPrefix(parts[5], "stream/")
		env.streamArn = "arn:aws:firehose:" + parts[3] + ":" + parts[4] + ":deliverystream/" + name + "-delivery"
	}
	f.At(report.CodeKindKinesis, report.SevInfo, report.InputSpan(0, 0)).Say("This is a Kinesis Data Streams event for a Lambda consumer (Records[].kinesis), not a Firehose event: a transformation Lambda receives {invocationId, deliveryStreamArn, records: [{recordId, approximateArrivalTimestamp, data}]} and must answer every recordId. The playground built the Firehose event the same %s would make with the stream as the delivery stream's source, under \"The event the playground built\".%s",
		report.Plural(len(built), "record"), forceHint)
	buildEvent(ev, text, env, built, f)
}

// otherKind detects the input kinds of this file: it returns the kind when
// the whole text has its full shape, else "". doc is the text parsed as an
// event when the caller has it.
func otherKind(text string, doc *parsedEvent) string {
	t := strings.TrimLeft(text, " \t\r\n")
	if doc == nil && t != "" && (t[0] == '{' || t[0] == '[' && strings.Contains(t[:min(len(t), 256)], `"Data"`)) {
		doc = parseEventText(text)
	}
	if doc != nil && doc.err == nil && !doc.bom {
		root := &doc.root
		switch {
		case isKinesisConsumerEvent(root):
			return KindKinesis
		case cliShape(root) != "":
			return KindCLI
		case isFailedObject(root):
			return KindFailed
		case findPrinted(text, doc) != nil:
			return KindPrinted
		}
		return ""
	}
	if isFailedLines(text) {
		return KindFailed
	}
	if findPrinted(text, doc) != nil {
		return KindPrinted
	}
	return ""
}

// readOtherKind reads the input as one of the kinds of this file.
func readOtherKind(ev *Event, text string, f *report.Findings) {
	switch ev.Kind {
	case KindCLI:
		readCLI(ev, text, f)
	case KindKinesis:
		readKinesisConsumer(ev, text, f)
	case KindFailed:
		readFailedLines(ev, text, f)
	case KindPrinted:
		readPrinted(ev, text, f)
	}
}
