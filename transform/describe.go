package transform

import (
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Description is what the engine tells a user interface about itself, so
// that the interface repeats none of it: every code with its words (the
// catalog), the presets and input kinds it offers, the words for
// confidences and outcomes, and its limits. The page gets it once, from
// firehose.describe(), when the engine is ready.
type Description struct {
	Version string     `json:"version"`
	Codes   []CodeInfo `json:"codes"`
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
type Term = report.Term

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
	{Name: "auto", Label: "detect", Words: "Read the input as whichever kind it looks like."},
	{Name: KindEvent, Label: "Firehose event", Words: "A Firehose invocation event.", Noun: "a Firehose event"},
	{Name: KindBase64, Label: "base64 lines", Words: "Base64 records, one a line."},
	{Name: KindJSON, Label: "JSON payloads", Words: "JSON payloads: one a line, or one document."},
	{Name: KindPrinted, Label: "printed event", Words: "The event as a function printed it: Python's print (a dict repr) or Node.js's console.log, with or without CloudWatch's log prefix.", Noun: "a printed event"},
	{Name: KindFailed, Label: "processing-failed", Words: "The lines of a processing-failed/ object from S3: read into the event a re-drive would hand the function.", Noun: "processing-failed lines"},
	{Name: KindCLI, Label: "AWS CLI records", Words: "put-record-batch records or kinesis get-records output, read into the event they would make."},
	{Name: KindKinesis, Label: "Kinesis consumer", Words: "A Kinesis Data Streams event for a Lambda consumer (Records[].kinesis), read into the Firehose event the same data would make.", Noun: "a Kinesis consumer event"},
}

// sourceTerms describe the sources of a delivery stream's records.
var sourceTerms = []Term{
	{Name: SourceDirectPut, Label: "Direct PUT", Words: "Records put straight into the stream (PutRecord, PutRecordBatch, an agent or another service)."},
	{Name: SourceKinesis, Label: "Kinesis Data Stream", Words: "Records read from a Kinesis data stream: each carries kinesisRecordMetadata."},
	{Name: SourceMSK, Label: "Amazon MSK", Words: "Records read from an Amazon MSK topic: each carries kafkaRecordValue and mskRecordMetadata."},
}

// Describe returns the engine's description.
func Describe() Description {
	return Description{
		Version:    Version,
		Codes:      Catalog(),
		Presets:    preset.Descriptions(),
		InputKinds: append([]Term(nil), inputKindTerms...),
		Sources:    append([]Term(nil), sourceTerms...),
		Options: OptionValues{
			Arrays: []string{"json", "index"},
			Values: []string{"json", "string"},
		},
		ErrorLayouts: []string{"2025", "2019"},
		Confidences: []Term{
			{Name: string(Confirmed), Label: "confirmed", Words: "AWS documentation or real error objects agree on this."},
			{Name: string(Likely), Label: "likely", Words: "Seen in one real capture or a probing emulator, not documented by AWS."},
			{Name: string(Unconfirmed), Label: "unconfirmed", Words: "Sources disagree or only guesses exist: Firehose may behave differently."},
		},
		Outcomes: []Term{
			{Name: string(Delivered), Label: "delivered", Words: "delivered to the destination"},
			{Name: string(Dropped), Label: "dropped", Words: `dropped on purpose (result "Dropped"): no error`},
			{Name: string(Failed), Label: "failed", Words: "failed: written to processing-failed/"},
		},
		Limits: Limits{
			MaxInput:           MaxInput,
			MaxRecords:         MaxRecords,
			MaxDepth:           MaxDepth,
			MaxInflated:        MaxInflated,
			MaxFindingsPerCode: report.MaxFindingsPerCode,
			LambdaPayload:      LambdaPayloadLimit,
			MaxRecordSize:      MaxRecordSize,
			DefaultRetries:     firehose.DefaultRetries,
			MaxRetries:         firehose.MaxNumberOfRetries,
		},
	}
}

// AppendJSON appends the description as JSON, as encoding/json writes it.
func (d *Description) AppendJSON(b []byte) []byte {
	terms := func(o *report.ObjectWriter, k string, ts []Term) {
		o.Key(k)
		o.B = report.AppendSlice(o.B, ts, (*Term).AppendJSON)
	}
	o := report.Object(b)
	o.String("version", d.Version)
	o.Key("codes")
	o.B = report.AppendSlice(o.B, d.Codes, (*CodeInfo).AppendJSON)
	terms(&o, "presets", d.Presets)
	terms(&o, "inputKinds", d.InputKinds)
	terms(&o, "sources", d.Sources)
	o.Key("options")
	opts := report.Object(o.B)
	opts.Strings("arrays", d.Options.Arrays)
	opts.Strings("values", d.Options.Values)
	o.B = opts.Close()
	o.Strings("errorLayouts", d.ErrorLayouts)
	terms(&o, "confidences", d.Confidences)
	terms(&o, "outcomes", d.Outcomes)
	o.Key("limits")
	l := report.Object(o.B)
	l.Int("maxInput", d.Limits.MaxInput)
	l.Int("maxRecords", d.Limits.MaxRecords)
	l.Int("maxDepth", d.Limits.MaxDepth)
	l.Int("maxInflated", d.Limits.MaxInflated)
	l.Int("maxFindingsPerCode", d.Limits.MaxFindingsPerCode)
	l.Int("lambdaPayload", d.Limits.LambdaPayload)
	l.Int("maxRecordSize", d.Limits.MaxRecordSize)
	l.Int("defaultRetries", d.Limits.DefaultRetries)
	l.Int("maxRetries", d.Limits.MaxRetries)
	o.B = l.Close()
	return o.Close()
}
