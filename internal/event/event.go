package event

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/sha256"
)

// Input kinds: what the user pasted.
const (
	KindEvent  = "event"  // a Firehose invocation event
	KindBase64 = "base64" // base64 records, one per line
	KindJSON   = "json"   // JSON payloads: one per line, or the whole text
)

// Sources of a delivery stream's records.
const (
	SourceDirectPut = "direct-put"
	SourceKinesis   = "kinesis"
	SourceMSK       = "msk"
)

// Limits Firehose and Lambda enforce (see docs/firehose-contract.md).
const (
	LambdaPayloadLimit = 6291556    // bytes, request and response
	LambdaBufferMax    = 3 << 20    // Firehose's largest Lambda buffer hint (3 MB)
	MaxRecordSize      = 1000 << 10 // one record before base64
)

// What the playground reads, whatever is pasted: a Firehose event is at
// most 6 MB, which holds fewer than 60,000 records.
const (
	MaxInput   = 32 << 20 // bytes of input
	MaxRecords = 100_000  // records of one event
)

// Event is a Firehose invocation event as read from what the user pasted,
// keeping where each part of it is in that text.
type Event struct {
	Kind      string // KindEvent, KindBase64, KindJSON, KindPrinted, KindFailed, KindCLI or KindKinesis
	Detected  bool   // Kind was detected, not requested
	Generated bool   // built by the playground from what was pasted (any kind but KindEvent)
	Source    string // SourceDirectPut, SourceKinesis or SourceMSK

	// Text is the event as JSON text: the input itself for KindEvent, the
	// generated event otherwise.
	Text string
	// Root is the parsed event. For a generated event the positions of the
	// records in Root are those of the lines or payloads they came from.
	Root jsonpos.Value
	// SyntaxErr is set when the input is not JSON (Root is then what could
	// be read before the error); PyErr when Python's json.loads would fail
	// on it even though it parses here (a BOM, deep nesting, a huge integer).
	SyntaxErr *jsonpos.SyntaxError
	PyErr     *jsonpos.SyntaxError

	InvocationID      string
	DeliveryStreamArn string
	Region            string
	SourceArn         string

	Records []EventRecord
	// Skipped counts the records past MaxRecords, which were not read.
	Skipped int
	// Refused is set when the input was too large to read at all.
	Refused bool
}

// EventRecord is one record of an event.
type EventRecord struct {
	Index int
	// Value is the record as it stands in Root (any JSON value).
	Value *jsonpos.Value
	// ID is the recordId value (nil when missing); RecordID is its text,
	// or its JSON when it is not a string.
	ID       *jsonpos.Value
	RecordID string
	// Start and End delimit the record in the input (bytes).
	Start, End int
	// DataField is "data", or "kafkaRecordValue" for an MSK record.
	DataField string
	// DataValue is the data value in Root (nil when missing).
	DataValue *jsonpos.Value
	// Data holds the decoded bytes (nil when they could not be decoded);
	// Payload the same bytes inflated when they were gzip.
	Data    []byte
	Payload []byte
	Gzip    bool
	// Canonical is true when the data was canonical base64 (what Python
	// and Firehose decode identically).
	Canonical bool
	// Invalid is set when the data could not be decoded or inflated.
	Invalid bool
	// Timestamp is approximateArrivalTimestamp in epoch ms, 0 if unknown.
	Timestamp int64
	// Map maps payload offsets back to the input.
	Map PayloadMap
	// The base64 text still to decode (pending), and the input offset of
	// its first character (-1 when escapes make positions approximate).
	b64     string
	b64At   int
	pending bool
}

// PayloadMap turns a byte range of a record's payload into a range of the
// input: exactly for a JSON payload that is the input itself, to the base64
// characters that encode those bytes for base64 data written without
// escapes, and to the whole data otherwise.
type PayloadMap struct {
	Mode       int // mapExact, mapBase64 or mapWhole
	base       int // input offset of payload byte 0, or of base64 character 0
	Start, End int // the whole data in the input
}

// The modes of a PayloadMap: how payload bytes map to input offsets.
const (
	MapWhole = iota
	mapExact
	mapBase64
)

// Span returns the input range holding payload bytes [from, to).
func (m PayloadMap) Span(from, to int) (int, int) {
	if to < from {
		to = from
	}
	switch m.Mode {
	case mapExact:
		s, e := m.base+from, m.base+to
		return min(s, m.End), min(max(e, s+1), m.End)
	case mapBase64:
		s := m.base + from/3*4 + from%3
		e := s + 2
		if to > from+1 {
			last := to - 1
			e = m.base + last/3*4 + last%3 + 2
		}
		return min(s, m.End), min(e, m.End)
	}
	return m.Start, m.End
}

// Parse reads what the user pasted as an event. kind is KindEvent,
// KindBase64, KindJSON, KindPrinted, KindFailed, KindCLI, KindKinesis, or
// "" / "auto" to detect it. It never fails: every
// problem is a finding, with UTF-16 offsets into text.
func Parse(text, kind string) (*Event, []report.Finding) {
	var f report.Findings
	ev := ReadInput(text, kind, &f)
	for i := range ev.Records {
		ev.Records[i].Decode(&f)
	}
	idx := jsonpos.NewUTF16Index(text)
	for i := range f.List {
		f.List[i].ToUTF16(idx, idx)
	}
	return ev, f.List
}

// ReadInput is Parse with byte offsets, and without decoding the
// records' data: Run decodes each record in the chunk that processes it.
func ReadInput(text, kind string, f *report.Findings) *Event {
	ev := &Event{Kind: kind}
	if len(text) > MaxInput {
		f.At(report.CodeInputSize, report.SevError, report.InputSpan(0, 0)).Say(
			"The input is %s; the playground reads at most %s (a Firehose event is at most 6 MB). Paste a smaller part of it.",
			report.SizeText(len(text)), report.SizeText(MaxInput))
		if ev.Kind == "" || ev.Kind == "auto" {
			ev.Kind = KindEvent
		}
		ev.Source, ev.Refused = SourceDirectPut, true
		return ev
	}
	var doc *parsedEvent
	if kind == "" || kind == "auto" {
		ev.Kind, doc = detectKind(text)
		ev.Detected = true
	}
	switch ev.Kind {
	case KindBase64:
		readBase64Lines(ev, text, f)
	case KindJSON:
		readJSONPayloads(ev, text, f)
	case KindPrinted, KindFailed, KindCLI, KindKinesis:
		readOtherKind(ev, text, f)
	default:
		ev.Kind = KindEvent
		if doc == nil {
			doc = parseEventText(text)
		}
		readEvent(ev, text, doc, f)
	}
	return ev
}

// parsedEvent is the input parsed as an event.
type parsedEvent struct {
	body       string // the text, a leading BOM turned into spaces
	bom        bool
	root       jsonpos.Value
	err, pyErr *jsonpos.SyntaxError
	dropped    int // records past MaxRecords, parsed but not kept
}

// parseEventText parses the input as an event. A BOM is replaced by three
// spaces, which keeps every offset.
func parseEventText(text string) *parsedEvent {
	doc := &parsedEvent{body: text}
	if strings.HasPrefix(text, "\ufeff") {
		doc.bom, doc.body = true, "   "+text[3:]
	}
	if strings.Trim(doc.body, " \t\r\n") == "" {
		doc.err = jsonpos.NewSyntaxError(jsonpos.ErrSyntax, "Expecting value", doc.body, len(doc.body))
		return doc
	}
	var p jsonpos.Parser
	lim := pyemu.JSONLimits(pyemu.EventDepth)
	lim.KeepItems = MaxRecords
	p.Reset(doc.body, lim)
	doc.root, doc.err = p.Document()
	doc.pyErr, doc.dropped = pyemu.JSONError(doc.body, p.Crossed()), p.Dropped()
	return doc
}

// detectKind decides whether text is an event, base64 lines or JSON. When
// it had to parse the text as an event, it returns that too.
func detectKind(text string) (string, *parsedEvent) {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	switch {
	case t == "":
		return KindEvent, nil
	case t[0] == '{':
		doc := parseEventText(text)
		if k := otherKind(text, doc); k != "" {
			return k, nil
		}
		if looksLikeEvent(doc, t) {
			return KindEvent, doc
		}
		return KindJSON, nil
	}
	if k := otherKind(text, nil); k != "" {
		return k, nil
	}
	if t[0] == '[' {
		return KindJSON, nil
	}
	allJSON := true
	for _, line := range strings.Split(t, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !isBase64Line(line) {
			return KindJSON, nil
		}
		if allJSON {
			if _, err := jsonpos.Parse(line); err != nil {
				allJSON = false
			}
		}
	}
	if allJSON {
		return KindJSON, nil
	}
	return KindBase64, nil
}

// looksLikeEvent reports whether an object is a Firehose event: it has one
// of the envelope's keys at its top level.
func looksLikeEvent(doc *parsedEvent, t string) bool {
	if v := &doc.root; v.Kind == jsonpos.Object {
		for _, k := range v.Keys {
			switch k.Name {
			case "records", "Records", "invocationId", "deliveryStreamArn", "deliverySteamArn",
				"sourceKinesisStreamArn", "sourceMSKArn":
				return true
			}
		}
		if doc.err == nil {
			return false
		}
	}
	// Not JSON: an event if the envelope's keys appear near the top.
	head := t[:min(len(t), 4096)]
	return strings.Contains(head, `"records"`) || strings.Contains(head, `"invocationId"`) ||
		strings.Contains(head, `"deliveryStreamArn"`)
}

func isBase64Line(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '+' || c == '/' || c == '=' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// readEvent checks a parsed event against what Firehose sends.
func readEvent(ev *Event, text string, doc *parsedEvent, f *report.Findings) {
	ev.Text = text
	if doc.bom {
		f.At(report.CodeInputBOM, report.SevWarning, report.InputSpan(0, 3)).Say(
			"The event starts with a byte order mark (U+FEFF). Lambda would refuse it: Python's json.loads raises \"Unexpected UTF-8 BOM\".")
		ev.PyErr = jsonpos.NewSyntaxError(jsonpos.ErrSyntax, "Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
	}
	if strings.Trim(doc.body, " \t\r\n") == "" {
		f.At(report.CodeInputEmpty, report.SevInfo, report.InputSpan(0, 0)).Say("Paste a Firehose event, base64 records (one per line) or JSON payloads.")
		ev.SyntaxErr = doc.err
		ev.Source = SourceDirectPut
		return
	}
	ev.Root, ev.SyntaxErr = doc.root, doc.err
	if ev.PyErr == nil {
		ev.PyErr = doc.pyErr
	}
	if e := ev.SyntaxErr; e != nil {
		code := report.CodeJSONSyntax
		if e.Type == jsonpos.ErrDepth {
			code = report.CodeJSONDepth
		}
		f.At(code, report.SevError, report.InputSpan(e.Offset, e.Offset+1)).Say(
			"The event is not valid JSON: %s (line %d, column %d).", e.Msg, e.Line, e.Column)
	}
	checkJSON(&ev.Root, f, -1, "the event")
	root := &ev.Root
	if root.Kind != jsonpos.Object {
		if ev.SyntaxErr == nil {
			f.At(report.CodeEventNotObject, report.SevError, report.InputSpan(root.Start, root.End)).Say(
				"A Firehose event is a JSON object with a \"records\" array; this is %s %s.", report.Article(root.Kind), root.Kind)
		}
		ev.Source = SourceDirectPut
		return
	}
	readEnvelope(ev, f)
	recs, _ := root.Member("records")
	if recs == nil {
		if ev.SyntaxErr == nil {
			fd := f.At(report.CodeEventRecordsMissing, report.SevError, report.InputSpan(root.Start, root.Start+1)).Say(
				"The event has no \"records\" key, so a Lambda finds no records (Python raises KeyError: 'records').")
			if alt := SimilarKey(root, "records"); alt != nil {
				fd.Message += fmt.Sprintf(" It has %s: keys are case-sensitive.", report.Quoted(alt.Name))
				fd.Start, fd.End = alt.Start, alt.End
			}
		}
		return
	}
	if recs.Kind != jsonpos.Array {
		f.At(report.CodeEventRecordsNotArray, report.SevError, report.InputSpan(recs.Start, recs.End)).Say(
			"\"records\" must be an array of records; it is %s %s.", report.Article(recs.Kind), recs.Kind)
		return
	}
	if doc.dropped > 0 && len(recs.Items) == MaxRecords {
		ev.Skipped = doc.dropped
		f.At(report.CodeEventRecordsTooMany, report.SevWarning, report.InputSpan(recs.Start, recs.Start+1)).Say(
			"The event has %s records; the playground reads the first %s and skips the other %s. A real event is at most 6 MB, which holds fewer than 60,000 records.",
			report.Thousands(len(recs.Items)+doc.dropped), report.Thousands(MaxRecords), report.Thousands(doc.dropped))
	}
	if len(recs.Items) == 0 && ev.SyntaxErr == nil {
		f.At(report.CodeEventRecordsEmpty, report.SevInfo, report.InputSpan(recs.Start, recs.End)).Say(
			"\"records\" is empty. Firehose never invokes a Lambda with an empty batch.")
	}
	ev.Records = make([]EventRecord, len(recs.Items))
	ids := make(map[string]int, len(recs.Items))
	for i := range recs.Items {
		r := &ev.Records[i]
		r.Index = i
		r.Value = &recs.Items[i]
		r.Start, r.End = r.Value.Start, r.Value.End
		readRecord(ev, r, f)
		if r.ID == nil {
			continue
		}
		key := r.ID.Kind.String() + ":" + r.RecordID
		if first, dup := ids[key]; dup {
			o := &ev.Records[first]
			f.At(report.CodeRecordIDDuplicate, report.SevWarning, report.InputSpan(r.ID.Start, r.ID.End)).Rec(i).Say(
				"Records %d and %d share the recordId %s. Firehose gives every record its own id, so the response cannot tell them apart.",
				first, i, report.Quoted(r.RecordID)).Relate(report.DocInput, o.ID.Start, o.ID.End, "first record with this recordId")
		} else {
			ids[key] = i
		}
	}
	checkEventSize(ev, f)
}

// readEnvelope reads the event's top-level fields.
func readEnvelope(ev *Event, f *report.Findings) {
	root := &ev.Root
	str := func(name string, code report.Code) (string, *jsonpos.Value) {
		v, _ := root.Member(name)
		if v == nil {
			return "", nil
		}
		if v.Kind != jsonpos.String {
			f.At(code, report.SevWarning, report.InputSpan(v.Start, v.End)).Say(
				"%q should be a string; it is %s %s.", name, report.Article(v.Kind), v.Kind)
			return "", v
		}
		return v.Text, v
	}
	var idv, arnv *jsonpos.Value
	ev.InvocationID, idv = str("invocationId", report.CodeEventInvocationIDType)
	ev.DeliveryStreamArn, arnv = str("deliveryStreamArn", report.CodeEventDeliveryStreamArnType)
	ev.Region, _ = str("region", report.CodeEventRegionType)
	if idv == nil && ev.SyntaxErr == nil {
		f.At(report.CodeEventInvocationIDMissing, report.SevInfo, report.InputSpan(root.Start, root.Start+1)).Say(
			"The event has no \"invocationId\"; Firehose sends a UUID for every invocation.")
	}
	if arnv == nil {
		if typo, _ := root.Member("deliverySteamArn"); typo != nil {
			_, i := root.Member("deliverySteamArn")
			k := root.Keys[i]
			f.At(report.CodeEventDeliverySteamArn, report.SevWarning, report.InputSpan(k.Start, k.End)).Say(
				"\"deliverySteamArn\" is a typo found in sample events: Firehose sends \"deliveryStreamArn\".")
			if typo.Kind == jsonpos.String {
				ev.DeliveryStreamArn = typo.Text
			}
		} else if ev.SyntaxErr == nil {
			f.At(report.CodeEventDeliveryStreamArnMiss, report.SevInfo, report.InputSpan(root.Start, root.Start+1)).Say(
				"The event has no \"deliveryStreamArn\"; Firehose always sends the stream's ARN.")
		}
	} else if ev.DeliveryStreamArn != "" && !strings.HasPrefix(ev.DeliveryStreamArn, "arn:aws") {
		f.At(report.CodeEventDeliveryStreamArnForm, report.SevInfo, report.InputSpan(arnv.Start, arnv.End)).Say(
			"Firehose sends an ARN here: arn:aws:firehose:<region>:<account>:deliverystream/<name>.")
	}
	ev.Source = SourceDirectPut
	if v, _ := root.Member("sourceKinesisStreamArn"); v != nil {
		ev.Source, ev.SourceArn = SourceKinesis, v.Text
	}
	if v, _ := root.Member("sourceMSKArn"); v != nil {
		ev.Source, ev.SourceArn = SourceMSK, v.Text
	}
	if ev.Source == SourceDirectPut {
		// Records with Kinesis or MSK metadata but no source ARN.
		if recs, _ := root.Member("records"); recs != nil && recs.Kind == jsonpos.Array && len(recs.Items) > 0 {
			first := &recs.Items[0]
			if m, _ := first.Member("kinesisRecordMetadata"); m != nil {
				ev.Source = SourceKinesis
				f.At(report.CodeEventSourceKinesisArnMiss, report.SevInfo, report.InputSpan(root.Start, root.Start+1)).Say(
					"The records carry kinesisRecordMetadata but the event has no \"sourceKinesisStreamArn\"; Firehose sends both.")
			} else if m, _ := first.Member("kafkaRecordValue"); m != nil {
				ev.Source = SourceMSK
				f.At(report.CodeEventSourceMSKArnMiss, report.SevInfo, report.InputSpan(root.Start, root.Start+1)).Say(
					"The records carry kafkaRecordValue but the event has no \"sourceMSKArn\"; Firehose sends both.")
			}
		}
	}
	known := map[string]bool{"invocationId": true, "deliveryStreamArn": true, "region": true, "records": true,
		"sourceKinesisStreamArn": true, "sourceMSKArn": true, "deliverySteamArn": true}
	checkUnknownKeys(root, known, f, -1, "the event")
	checkEnvelopeFidelity(ev, f)
}

var recordKeys = map[string]bool{"recordId": true, "approximateArrivalTimestamp": true, "data": true,
	"kinesisRecordMetadata": true, "kafkaRecordValue": true, "mskRecordMetadata": true}

// readRecord reads one record of an event.
func readRecord(ev *Event, r *EventRecord, f *report.Findings) {
	v, i := r.Value, r.Index
	r.RecordID = strconv.Itoa(i)
	if v.Kind != jsonpos.Object {
		f.At(report.CodeRecordNotObject, report.SevError, report.InputSpan(v.Start, v.End)).Rec(i).Say(
			"Record %d is %s %s; a record is an object with \"recordId\" and \"data\".", i, report.Article(v.Kind), v.Kind)
		r.Invalid = true
		return
	}
	if id, _ := v.Member("recordId"); id == nil {
		fd := f.At(report.CodeRecordIDMissing, report.SevError, report.InputSpan(v.Start, v.Start+1)).Rec(i).Say(
			"Record %d has no \"recordId\" (Python raises KeyError: 'recordId').", i)
		if alt := SimilarKey(v, "recordId"); alt != nil {
			fd.Message += fmt.Sprintf(" It has %s: keys are case-sensitive in Python; Go's encoding/json would accept it.", report.Quoted(alt.Name))
			fd.Start, fd.End = alt.Start, alt.End
		}
	} else {
		r.ID = id
		if id.Kind == jsonpos.String {
			r.RecordID = id.Text
			if id.Text == "" {
				f.At(report.CodeRecordIDEmpty, report.SevWarning, report.InputSpan(id.Start, id.End)).Rec(i).Say("Record %d has an empty recordId.", i)
			}
		} else {
			r.RecordID = string(jsonpos.AppendCompact(nil, id))
			f.At(report.CodeRecordIDType, report.SevWarning, report.InputSpan(id.Start, id.End)).Rec(i).Say(
				"recordId should be a string; record %d has %s %s. Firehose's ids are opaque strings.", i, report.Article(id.Kind), id.Kind)
		}
	}
	readTimestamp(v, "approximateArrivalTimestamp", f, i, &r.Timestamp)
	r.DataField = "data"
	data, _ := v.Member("data")
	if kv, _ := v.Member("kafkaRecordValue"); kv != nil && (data == nil || ev.Source == SourceMSK) {
		r.DataField, data = "kafkaRecordValue", kv
	}
	r.DataValue = data
	switch ev.Source {
	case SourceKinesis:
		readKinesisMetadata(r, f)
	case SourceMSK:
		readMSKMetadata(r, f)
	}
	checkUnknownKeys(v, recordKeys, f, i, fmt.Sprintf("record %d", i))
	if data == nil {
		fd := f.At(report.CodeRecordDataMissing, report.SevError, report.InputSpan(v.Start, v.Start+1)).Rec(i).Say(
			"Record %d has no \"data\" (Python raises KeyError: 'data').", i)
		if alt := SimilarKey(v, "data"); alt != nil {
			fd.Message += fmt.Sprintf(" It has %s: keys are case-sensitive.", report.Quoted(alt.Name))
			fd.Start, fd.End = alt.Start, alt.End
		}
		r.Invalid = true
		return
	}
	if data.Kind != jsonpos.String {
		f.At(report.CodeRecordDataType, report.SevError, report.InputSpan(data.Start, data.End)).Rec(i).Say(
			"%q must be a base64 string; record %d has %s %s.", r.DataField, i, report.Article(data.Kind), data.Kind)
		r.Invalid = true
		return
	}
	r.Map = PayloadMap{Mode: MapWhole, Start: data.Start, End: data.End}
	r.b64, r.b64At = data.Text, -1
	if data.End-data.Start == len(data.Text)+2 { // no escapes in the string
		r.b64At = data.Start + 1
	}
	r.pending = true
}

// Decode decodes the record's base64 data and inflates gzip, reporting
// problems at the characters that hold them. It does its work once.
func (r *EventRecord) Decode(f *report.Findings) { r.DecodeInto(f, nil) }

// DecodeInto is decode writing the bytes to buf, which Data then shares
// when the base64 is canonical (other data is decoded to new memory).
func (r *EventRecord) DecodeInto(f *report.Findings, buf []byte) {
	if !r.pending {
		return
	}
	r.pending = false
	text := r.b64
	at := func(off int) (int, int) {
		if r.b64At < 0 {
			return r.Map.Start, r.Map.End
		}
		off = min(off, max(len(text)-1, 0))
		return r.b64At + off, r.b64At + off + 1
	}
	b, err := AppendBase64(buf[:0], text)
	if err != nil {
		e := err.(*Base64Error)
		s, end := at(e.Offset)
		if !e.Lenient {
			f.At(e.Code, report.SevError, report.InputSpan(s, end)).Rec(r.Index).Say("Record %d: %s.", r.Index, e.Msg)
			r.Invalid = true
			return
		}
		f.At(e.Code, report.SevWarning, report.InputSpan(s, end)).Rec(r.Index).Say("Record %d: %s.", r.Index, e.Msg)
	} else {
		r.Canonical = true
	}
	r.Data, r.Payload = b, b
	if len(b) > MaxRecordSize {
		s, end := at(0)
		f.At(report.CodeRecordSize, report.SevWarning, report.InputSpan(s, end)).Rec(r.Index).Say(
			"Record %d is %s; Firehose records are at most 1,000 KiB before base64.", r.Index, report.SizeText(len(b)))
	}
	if IsGzip(b) {
		r.Gzip = true
		p, err := Gunzip(b, 0)
		if err != nil {
			e := err.(*GzipError)
			s, _ := at(0)
			_, end := at(len(text) - 1)
			f.At(e.Code, report.SevError, report.InputSpan(s, end)).Rec(r.Index).Say("Record %d: %s.", r.Index, e.Msg)
			r.Invalid = true
			r.Payload = nil
			return
		}
		r.Payload = p
	}
	if r.b64At >= 0 && r.Canonical && !r.Gzip {
		r.Map = PayloadMap{Mode: mapBase64, base: r.b64At, Start: r.b64At, End: r.b64At + len(text)}
	}
}

// readTimestamp checks an approximateArrivalTimestamp (epoch ms, a number).
func readTimestamp(obj *jsonpos.Value, name string, f *report.Findings, rec int, out *int64) {
	v, _ := obj.Member(name)
	if v == nil {
		return
	}
	switch v.Kind {
	case jsonpos.Number:
		if v.IsFloat() {
			ms, err := strconv.ParseFloat(v.Text, 64)
			if err == nil {
				*out = int64(ms)
			}
			f.At(report.CodeTimestampFloat, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say(
				"%q is %s: Firehose sends whole epoch milliseconds.", name, v.Text)
			return
		}
		ms, _ := strconv.ParseInt(v.Text, 10, 64)
		*out = ms
		digits := len(strings.TrimPrefix(v.Text, "-"))
		switch {
		case digits == 13:
		case digits == 10:
			*out = ms * 1000
			f.At(report.CodeTimestampSeconds, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say(
				"%q looks like epoch seconds (10 digits); Firehose sends epoch milliseconds (13 digits).", name)
		default:
			f.At(report.CodeTimestampDigits, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say(
				"%q has %d digits; epoch milliseconds have 13 (%s is %s).", name, digits, v.Text,
				time.UnixMilli(ms).UTC().Format("2006-01-02 15:04:05 MST"))
		}
	case jsonpos.String:
		msg := fmt.Sprintf("%q is a string; Firehose sends a number of epoch milliseconds", name)
		if t, err := time.Parse(time.RFC3339Nano, v.Text); err == nil {
			*out = t.UnixMilli()
			msg += fmt.Sprintf(" (%d for this ISO-8601 time). aws-lambda-go reads ISO strings only through its own time type.", t.UnixMilli())
		} else {
			msg += "."
		}
		f.At(report.CodeTimestampString, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say("%s", msg)
	default:
		f.At(report.CodeTimestampType, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say(
			"%q should be a number of epoch milliseconds; it is %s %s.", name, report.Article(v.Kind), v.Kind)
	}
}

// kinesisStrings are the string fields of kinesisRecordMetadata, with the
// codes of their findings.
var kinesisStrings = []struct {
	name         string
	missing, typ report.Code
}{
	{"shardId", report.CodeKinesisShardIDMissing, report.CodeKinesisShardIDType},
	{"partitionKey", report.CodeKinesisPartitionKeyMissing, report.CodeKinesisPartitionKeyType},
	{"sequenceNumber", report.CodeKinesisSequenceNumberMiss, report.CodeKinesisSequenceNumberType},
}

// readKinesisMetadata checks kinesisRecordMetadata.
func readKinesisMetadata(r *EventRecord, f *report.Findings) {
	m, _ := r.Value.Member("kinesisRecordMetadata")
	i := r.Index
	if m == nil {
		f.At(report.CodeKinesisMetadataMissing, report.SevWarning, report.InputSpan(r.Value.Start, r.Value.Start+1)).Rec(i).Say(
			"The source is a Kinesis data stream but record %d has no kinesisRecordMetadata.", i)
		return
	}
	if m.Kind != jsonpos.Object {
		f.At(report.CodeKinesisMetadataType, report.SevWarning, report.InputSpan(m.Start, m.End)).Rec(i).Say("kinesisRecordMetadata should be an object.")
		return
	}
	for _, k := range kinesisStrings {
		name := k.name
		v, _ := m.Member(name)
		switch {
		case v == nil:
			f.At(k.missing, report.SevInfo, report.InputSpan(m.Start, m.Start+1)).Rec(i).Say(
				"kinesisRecordMetadata has no %q; Firehose sends it.", name)
		case v.Kind != jsonpos.String:
			f.At(k.typ, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(i).Say(
				"kinesisRecordMetadata.%s should be a string; it is %s %s.", name, report.Article(v.Kind), v.Kind)
		case name == "shardId" && !strings.HasPrefix(v.Text, "shardId-"):
			f.At(report.CodeKinesisShardIDFormat, report.SevInfo, report.InputSpan(v.Start, v.End)).Rec(i).Say(
				"Kinesis shard ids look like \"shardId-000000000001\".")
		}
	}
	if v, _ := m.Member("subsequenceNumber"); v != nil && v.Kind != jsonpos.Number {
		f.At(report.CodeKinesisSubsequenceNumber, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(i).Say(
			"subsequenceNumber should be a number (0 unless the record was KPL-aggregated); it is %s %s. aws-lambda-go fails to decode such an event.",
			report.Article(v.Kind), v.Kind)
	}
	var ts int64
	readTimestamp(m, "approximateArrivalTimestamp", f, i, &ts)
	checkUnknownKeys(m, map[string]bool{"shardId": true, "partitionKey": true, "sequenceNumber": true,
		"subsequenceNumber": true, "approximateArrivalTimestamp": true}, f, i, "kinesisRecordMetadata")
}

// readMSKMetadata checks mskRecordMetadata.
func readMSKMetadata(r *EventRecord, f *report.Findings) {
	i := r.Index
	if r.DataField != "kafkaRecordValue" {
		f.At(report.CodeMSKKafkaRecordValueMissing, report.SevWarning, report.InputSpan(r.Value.Start, r.Value.Start+1)).Rec(i).Say(
			"The source is Amazon MSK but record %d has no \"kafkaRecordValue\"; MSK records carry their bytes there, not in \"data\".", i)
	}
	m, _ := r.Value.Member("mskRecordMetadata")
	if m == nil {
		f.At(report.CodeMSKMetadataMissing, report.SevInfo, report.InputSpan(r.Value.Start, r.Value.Start+1)).Rec(i).Say(
			"Record %d has no mskRecordMetadata; Firehose sends offset, partitionId and approximateArrivalTimestamp.", i)
		return
	}
	for _, k := range []struct {
		name string
		typ  report.Code
	}{{"offset", report.CodeMSKOffsetType}, {"partitionId", report.CodeMSKPartitionIDType}} {
		name := k.name
		if v, _ := m.Member(name); v != nil && v.Kind != jsonpos.String {
			f.At(k.typ, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(i).Say(
				"mskRecordMetadata.%s should be a string; it is %s %s.", name, report.Article(v.Kind), v.Kind)
		}
	}
	var ts int64
	readTimestamp(m, "approximateArrivalTimestamp", f, i, &ts)
}

// checkEventSize warns about events Firehose would never send.
func checkEventSize(ev *Event, f *report.Findings) {
	n := len(ev.Text)
	switch {
	case n > LambdaPayloadLimit:
		f.At(report.CodeEventSize, report.SevWarning, report.InputSpan(0, 0)).Say(
			"The event is %s, over Lambda's 6 MB request limit (%d bytes): Firehose never sends batches this large.", report.SizeText(n), LambdaPayloadLimit)
	case n > LambdaBufferMax:
		f.At(report.CodeEventSize, report.SevWarning, report.InputSpan(0, 0)).Say(
			"The event is %s, larger than Firehose's largest Lambda buffer (3 MB): Firehose never sends batches this large.", report.SizeText(n))
	}
}

// checkJSON reports what is legal for Python but not for JSON, or likely a
// mistake: NaN and Infinity, duplicate keys.
func checkJSON(v *jsonpos.Value, f *report.Findings, rec int, where string) {
	switch v.Kind {
	case jsonpos.Number:
		if v.IsNonStandard() {
			f.At(report.CodeJSONNonstandard, report.SevWarning, report.InputSpan(v.Start, v.End)).Rec(rec).Say(
				"%s is not JSON (Python accepts it, most parsers do not).", v.Text)
		}
	case jsonpos.Array:
		for i := range v.Items {
			checkJSON(&v.Items[i], f, rec, where)
		}
	case jsonpos.Object:
		if jsonpos.HasDuplicateKeys(v.Keys) {
			first := make(map[string]int, len(v.Keys))
			for i, k := range v.Keys {
				if j, ok := first[k.Name]; ok {
					o := v.Keys[j]
					f.At(report.CodeJSONDuplicateKey, report.SevWarning, report.InputSpan(k.Start, k.End)).Rec(rec).Say(
						"The key %s appears twice in %s; parsers keep the last value.", report.Quoted(k.Name), where).
						Relate(report.DocInput, o.Start, o.End, "first occurrence")
				} else {
					first[k.Name] = i
				}
			}
		}
		for i := range v.Items {
			checkJSON(&v.Items[i], f, rec, where)
		}
	}
}

// checkUnknownKeys reports keys Firehose does not send, pointing out the
// ones that differ from a known key only by case.
func checkUnknownKeys(obj *jsonpos.Value, known map[string]bool, f *report.Findings, rec int, where string) {
	for _, k := range obj.Keys {
		if known[k.Name] {
			continue
		}
		for name := range known {
			if strings.EqualFold(name, k.Name) {
				f.At(report.CodeEventKeyCase, report.SevWarning, report.InputSpan(k.Start, k.End)).Rec(rec).Say(
					"%s in %s: did you mean %q? Keys are case-sensitive.", report.Quoted(k.Name), where, name)
				goto next
			}
		}
		f.At(report.CodeEventUnknownKey, report.SevInfo, report.InputSpan(k.Start, k.End)).Rec(rec).Say(
			"Firehose does not send %s in %s; a Lambda ignores it.", report.Quoted(k.Name), where)
	next:
	}
}

// SimilarKey returns a key of obj equal to name but for case.
func SimilarKey(obj *jsonpos.Value, name string) *jsonpos.Key {
	for i := range obj.Keys {
		if obj.Keys[i].Name != name && strings.EqualFold(obj.Keys[i].Name, name) {
			return &obj.Keys[i]
		}
	}
	return nil
}

// Generated events: what the playground builds from base64 lines or JSON
// payloads. Ids and timestamps are realistic and deterministic.
const (
	genStreamArn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/playground"
	GenRegion    = "us-east-1"
	GenTimestamp = 1767225600000 // 2026-01-01T00:00:00Z
)

// genRecord is one record of a generated event, before the event exists.
type genRecord struct {
	start, end int    // the line or payload in the input
	data       string // base64
	pmap       PayloadMap
	decoded    []byte // when the data came from a JSON payload
}

// span is a range of bytes of the input.
type span struct{ start, end int }

// nonBlankLines returns the lines of text that hold more than white space,
// trimmed of it (a byte order mark counts as white space).
func nonBlankLines(text string) []span {
	var lines []span
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		if t := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")); t != "" {
			s := off + strings.Index(line, t)
			lines = append(lines, span{s, s + len(t)})
		}
		off = end + 1
	}
	return lines
}

// readBase64Lines reads one base64 record per non-blank line.
func readBase64Lines(ev *Event, text string, f *report.Findings) {
	lines := nonBlankLines(text)
	if len(lines) > MaxRecords {
		ev.Skipped = len(lines) - MaxRecords
		lines = lines[:MaxRecords]
	}
	recs := make([]genRecord, len(lines))
	for i, l := range lines {
		recs[i] = genRecord{start: l.start, end: l.end, data: text[l.start:l.end]}
	}
	if len(recs) == 0 {
		f.At(report.CodeInputEmpty, report.SevInfo, report.InputSpan(0, 0)).Say("Paste base64 records, one per line.")
	}
	generateEvent(ev, text, recs, f)
}

// readJSONPayloads reads JSON payloads: one per line when every non-blank
// line is a JSON value and there are several, else the whole text.
func readJSONPayloads(ev *Event, text string, f *report.Findings) {
	lines := nonBlankLines(text)
	perLine := len(lines) >= 2
	for _, l := range lines {
		if !perLine {
			break
		}
		if _, err := jsonpos.Parse(text[l.start:l.end]); err != nil {
			perLine = false
		}
	}
	if !perLine {
		lines = lines[:0]
		if t := strings.TrimSpace(text); t != "" {
			s := strings.Index(text, t)
			lines = append(lines, span{s, s + len(t)})
		}
	}
	if len(lines) > MaxRecords {
		ev.Skipped = len(lines) - MaxRecords
		lines = lines[:MaxRecords]
	}
	var recs []genRecord
	for _, l := range lines {
		payload := text[l.start:l.end]
		recs = append(recs, genRecord{start: l.start, end: l.end, decoded: []byte(payload),
			data: base64.StdEncoding.EncodeToString([]byte(payload)),
			pmap: PayloadMap{Mode: mapExact, base: l.start, Start: l.start, End: l.end}})
	}
	if len(recs) == 0 {
		f.At(report.CodeInputEmpty, report.SevInfo, report.InputSpan(0, 0)).Say("Paste JSON payloads: one per line, or one document.")
	}
	generateEvent(ev, text, recs, f)
}

// generateEvent builds the event Firehose would send for the records.
func generateEvent(ev *Event, input string, recs []genRecord, f *report.Findings) {
	if ev.Skipped > 0 {
		f.At(report.CodeEventRecordsTooMany, report.SevWarning, report.InputSpan(recs[len(recs)-1].end, recs[len(recs)-1].end)).Say(
			"The input holds %s records; the playground reads the first %s and skips the other %s. A real event is at most 6 MB, which holds fewer than 60,000 records.",
			report.Thousands(len(recs)+ev.Skipped), report.Thousands(MaxRecords), report.Thousands(ev.Skipped))
	}
	ev.Generated = true
	ev.Source = SourceDirectPut
	sum := sha256.Sum256([]byte(input))
	u := sum
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	ev.InvocationID = fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	ev.DeliveryStreamArn = genStreamArn
	ev.Region = GenRegion

	var b strings.Builder
	b.Grow(256 + len(recs)*160 + len(input)*4/3)
	fmt.Fprintf(&b, "{\n  \"invocationId\": %q,\n  \"deliveryStreamArn\": %q,\n  \"region\": %q,\n  \"records\": [",
		ev.InvocationID, ev.DeliveryStreamArn, ev.Region)
	items := make([]jsonpos.Value, len(recs))
	ev.Records = make([]EventRecord, len(recs))
	for i, g := range recs {
		id := generatedRecordID(sum, i)
		ts := GenTimestamp + int64(i)*7
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n    {\n      \"recordId\": %q,\n      \"approximateArrivalTimestamp\": %d,\n      \"data\": \"%s\"\n    }",
			id, ts, g.data)
		at := func(v jsonpos.Value) jsonpos.Value { v.Start, v.End = g.start, g.end; return v }
		items[i] = at(jsonpos.Value{Kind: jsonpos.Object,
			Keys: []jsonpos.Key{{Name: "recordId"}, {Name: "approximateArrivalTimestamp"}, {Name: "data"}},
			Items: []jsonpos.Value{at(jsonpos.Value{Kind: jsonpos.String, Text: id}), at(jsonpos.Value{Kind: jsonpos.Number, Text: strconv.FormatInt(ts, 10)}),
				at(jsonpos.Value{Kind: jsonpos.String, Text: g.data})}})
	}
	b.WriteString("\n  ]\n}\n")
	ev.Text = b.String()
	ev.Root = jsonpos.Value{Kind: jsonpos.Object, Start: 0, End: len(input),
		Keys: []jsonpos.Key{{Name: "invocationId"}, {Name: "deliveryStreamArn"}, {Name: "region"}, {Name: "records"}},
		Items: []jsonpos.Value{{Kind: jsonpos.String, Text: ev.InvocationID}, {Kind: jsonpos.String, Text: ev.DeliveryStreamArn},
			{Kind: jsonpos.String, Text: ev.Region}, {Kind: jsonpos.Array, Items: items, Start: 0, End: len(input)}}}
	for i, g := range recs {
		r := &ev.Records[i]
		r.Index = i
		r.Value = &items[i]
		r.ID = &r.Value.Items[0]
		r.RecordID = r.ID.Text
		r.Start, r.End = g.start, g.end
		r.DataField = "data"
		r.DataValue = &r.Value.Items[2]
		r.Timestamp = GenTimestamp + int64(i)*7
		if g.decoded != nil {
			r.Data, r.Payload, r.Canonical, r.Map = g.decoded, g.decoded, true, g.pmap
			continue
		}
		r.Map = PayloadMap{Mode: MapWhole, Start: g.start, End: g.end}
		r.b64, r.b64At, r.pending = g.data, g.start, true
	}
	checkEventSize(ev, f)
}

// generatedRecordID returns a Direct PUT style recordId, a long
// "shardId-" digit string (Kinesis-source ids are a 56-digit sequence
// number and 000000), the same for the same input and index.
func generatedRecordID(seed [32]byte, i int) string {
	h := sha256.Sum256(append(seed[:], byte(i), byte(i>>8), byte(i>>16), byte(i>>24)))
	var b strings.Builder
	b.WriteString("shardId-")
	for _, c := range h {
		fmt.Fprintf(&b, "%02d", c%100)
	}
	return b.String()
}
