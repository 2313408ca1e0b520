package transform

import (
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Description is what the engine tells a user interface about itself, so
// that the interface repeats none of it: every code with its words (the
// catalog), the presets and input kinds it offers, the words for
// confidences and outcomes, and its limits. The page gets it once, from
// firehose.describe(), when the engine is ready.
type Description struct {
	Version string            `json:"version"`
	Codes   []report.CodeInfo `json:"codes"`
	// Presets are the transforms a request may name, in the order to offer
	// them; InputKinds the ways an input may be read, "auto" first.
	Presets    []Term `json:"presets"`
	InputKinds []Term `json:"inputKinds"`
	// Sources are the sources of a delivery stream's records a report's
	// source may name.
	Sources []Term `json:"sources"`
	// Options are the values the ndjson preset's options take.
	Options OptionValues `json:"options"`
	// ErrorLayouts are the layouts of processing-failed lines, the default
	// first.
	ErrorLayouts []string `json:"errorLayouts"`
	Confidences  []Term   `json:"confidences"`
	Outcomes     []Term   `json:"outcomes"`
	Limits       Limits   `json:"limits"`
}

// Term is one value a field may take, with its label and what it means.
type Term struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Words string `json:"words,omitempty"`
	// Noun names the value in running text ("Read a printed event"),
	// where the label is a control's short name; "" when the label serves.
	Noun string `json:"noun,omitempty"`
}

// OptionValues are the values of the ndjson preset's options (Options).
type OptionValues struct {
	Arrays []string `json:"arrays"`
	Values []string `json:"values"`
}

// Limits are the engine's limits and Firehose's, in bytes or counts.
type Limits struct {
	MaxInput           int `json:"maxInput"`
	MaxRecords         int `json:"maxRecords"`
	MaxDepth           int `json:"maxDepth"`
	MaxInflated        int `json:"maxInflated"`
	MaxFindingsPerCode int `json:"maxFindingsPerCode"`
	LambdaPayload      int `json:"lambdaPayload"`
	MaxRecordSize      int `json:"maxRecordSize"`
	DefaultRetries     int `json:"defaultRetries"`
	MaxRetries         int `json:"maxRetries"`
}

// inputKindTerms describe the input kinds; the noun is how a summary
// says what was read.
var inputKindTerms = []Term{
	{"auto", "detect", "Read the input as whichever kind it looks like.", ""},
	{KindEvent, "Firehose event", "A Firehose invocation event.", "a Firehose event"},
	{KindBase64, "base64 lines", "Base64 records, one a line.", ""},
	{KindJSON, "JSON payloads", "JSON payloads: one a line, or one document.", ""},
	{KindPrinted, "printed event", "The event as a function printed it: Python's print (a dict repr) or Node.js's console.log, with or without CloudWatch's log prefix.", "a printed event"},
	{KindFailed, "processing-failed", "The lines of a processing-failed/ object from S3: read into the event a re-drive would hand the function.", "processing-failed lines"},
	{KindCLI, "AWS CLI records", "put-record-batch records or kinesis get-records output, read into the event they would make.", ""},
	{KindKinesis, "Kinesis consumer", "A Kinesis Data Streams event for a Lambda consumer (Records[].kinesis), read into the Firehose event the same data would make.", "a Kinesis consumer event"},
}

// sourceTerms describe the sources of a delivery stream's records.
var sourceTerms = []Term{
	{SourceDirectPut, "Direct PUT", "Records put straight into the stream (PutRecord, PutRecordBatch, an agent or another service).", ""},
	{SourceKinesis, "Kinesis Data Stream", "Records read from a Kinesis data stream: each carries kinesisRecordMetadata.", ""},
	{SourceMSK, "Amazon MSK", "Records read from an Amazon MSK topic: each carries kafkaRecordValue and mskRecordMetadata.", ""},
}

// Describe returns the engine's description.
func Describe() Description {
	return Description{
		Version:    Version,
		Codes:      report.Catalog(),
		Presets:    presetDescriptions(),
		InputKinds: append([]Term(nil), inputKindTerms...),
		Sources:    append([]Term(nil), sourceTerms...),
		Options: OptionValues{
			Arrays: []string{"json", "index"},
			Values: []string{"json", "string"},
		},
		ErrorLayouts: []string{"2025", "2019"},
		Confidences: []Term{
			{string(report.Confirmed), "confirmed", "AWS documentation or real error objects agree on this.", ""},
			{string(report.Likely), "likely", "Seen in one real capture or a probing emulator, not documented by AWS.", ""},
			{string(report.Unconfirmed), "unconfirmed", "Sources disagree or only guesses exist: Firehose may behave differently.", ""},
		},
		Outcomes: []Term{
			{string(report.Delivered), "delivered", "delivered to the destination", ""},
			{string(report.Dropped), "dropped", `dropped on purpose (result "Dropped"): no error`, ""},
			{string(report.Failed), "failed", "failed: written to processing-failed/", ""},
		},
		Limits: Limits{
			MaxInput:           MaxInput,
			MaxRecords:         MaxRecords,
			MaxDepth:           MaxDepth,
			MaxInflated:        MaxInflated,
			MaxFindingsPerCode: report.MaxFindingsPerCode,
			LambdaPayload:      LambdaPayloadLimit,
			MaxRecordSize:      MaxRecordSize,
			DefaultRetries:     defaultRetries,
			MaxRetries:         maxNumberOfRetries,
		},
	}
}
