package transform

import "github.com/firehose-playground/firehose-playground/internal/event"

// The event reader is internal/event; these are the names a Go caller
// uses.
type (
	// Event is a Firehose invocation event as the user pasted it (or as
	// the playground built it from what was pasted), keeping where each
	// part of it is in that text.
	Event = event.Event
	// EventRecord is one record of an event.
	EventRecord = event.EventRecord
	// Base64Error describes why a record's data is not the padded
	// standard base64 that Firehose sends.
	Base64Error = event.Base64Error
	// GzipError describes a gzip record that cannot be inflated.
	GzipError = event.GzipError
	// UTF8Error locates the first byte sequence that is not UTF-8.
	UTF8Error = event.UTF8Error
)

// ParseEvent reads what the user pasted as an event. kind is KindEvent,
// KindBase64, KindJSON, KindPrinted, KindFailed, KindCLI, KindKinesis, or
// "" / "auto" to detect it. It never fails: every problem is a finding,
// with UTF-16 offsets into text.
func ParseEvent(text, kind string) (*Event, []Finding) { return event.Parse(text, kind) }

// DecodeBase64 decodes a record's data as Python's base64.b64decode does.
func DecodeBase64(data string) ([]byte, error) { return event.DecodeBase64(data) }

// IsGzip reports whether b starts with the gzip magic bytes.
func IsGzip(b []byte) bool { return event.IsGzip(b) }

// Gunzip inflates a gzip record, refusing to inflate past limit bytes
// (MaxInflated when limit is 0).
func Gunzip(b []byte, limit int) ([]byte, error) { return event.Gunzip(b, limit) }

// CheckUTF8 returns nil if b is valid UTF-8, or the first problem in it
// as CPython's UTF-8 decoder classifies it.
func CheckUTF8(b []byte) *UTF8Error { return event.CheckUTF8(b) }

// Input kinds: what the user pasted (ParseEvent, Request.Kind).
const (
	KindEvent   = event.KindEvent   // a Firehose invocation event
	KindBase64  = event.KindBase64  // base64 records, one per line
	KindJSON    = event.KindJSON    // JSON payloads: one per line, or the whole text
	KindPrinted = event.KindPrinted // the event as Python's print or Node.js's console.log wrote it
	KindFailed  = event.KindFailed  // the lines of a processing-failed/ object
	KindCLI     = event.KindCLI     // put-record-batch records or kinesis get-records output
	KindKinesis = event.KindKinesis // a Kinesis Data Streams event for a Lambda consumer
)

// Sources of a delivery stream's records (Event.Source).
const (
	SourceDirectPut = event.SourceDirectPut
	SourceKinesis   = event.SourceKinesis
	SourceMSK       = event.SourceMSK
)

// Limits Firehose and Lambda enforce (see docs/firehose-contract.md).
const (
	LambdaPayloadLimit = event.LambdaPayloadLimit // bytes, request and response
	LambdaBufferMax    = event.LambdaBufferMax    // Firehose's largest Lambda buffer hint (3 MB)
	MaxRecordSize      = event.MaxRecordSize      // one record before base64
)

// What the playground reads, whatever is pasted.
const (
	MaxInput    = event.MaxInput    // bytes of input
	MaxRecords  = event.MaxRecords  // records of one event
	MaxInflated = event.MaxInflated // bytes one gzip record may inflate to
)

// Payload kinds, as reported in Record.Payload.
const (
	PayloadJSON    = event.PayloadJSON
	PayloadText    = event.PayloadText
	PayloadBinary  = event.PayloadBinary
	PayloadEmpty   = event.PayloadEmpty
	PayloadCWL     = event.PayloadCWL
	PayloadInvalid = event.PayloadInvalid
)
