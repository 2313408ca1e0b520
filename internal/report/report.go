package report

// The documents a finding or a range can point into.
const (
	DocInput    = "input"    // the text the user pasted
	DocResponse = "response" // the Lambda response: the pasted one, or the preset's body
)

// Severities of a finding.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// How sure we are of a Firehose behaviour (see docs/firehose-contract.md).
const (
	Confirmed   Confidence = "confirmed"
	Likely      Confidence = "likely"
	Unconfirmed Confidence = "unconfirmed"
)

// Outcomes of an input record.
const (
	Delivered Outcome = "delivered"
	Dropped   Outcome = "dropped"
	Failed    Outcome = "failed"
)

// Report is everything Run found out about one request. It is encoded to
// JSON for the page; the field names are a contract (see the README).
type Report struct {
	Version string `json:"version"`
	// InputKind is how the input was read: "event", "base64", "json",
	// "printed", "processing-failed", "cli" or "kinesis-lambda".
	InputKind string `json:"inputKind"`
	// Detected is true when InputKind was detected rather than requested.
	Detected bool `json:"detected"`
	// Source is where the event's records come from: "direct-put",
	// "kinesis" (a Kinesis Data Stream) or "msk" (Amazon MSK).
	Source string `json:"source"`
	// Generated is true when the event was built by the playground from
	// what was pasted (base64 lines, JSON payloads, a printed event,
	// processing-failed lines, CLI records, a Kinesis consumer's event);
	// Event then holds its text.
	Generated bool   `json:"generated"`
	Event     string `json:"event,omitempty"`
	// Preset is the transform that ran; empty when a response was checked.
	Preset string `json:"preset"`

	// Window says which records the report describes in full: Records
	// and Verdict.Records hold only records From to From+Count-1 of
	// Total (see Request.Detail); Stats count them all.
	Window   Window     `json:"window"`
	Records  []Record   `json:"records"`
	Lambda   Lambda     `json:"lambda"`
	Response *Response  `json:"response"`
	Verdict  Verdict    `json:"verdict"`
	S3       *S3Preview `json:"s3"`
	Findings []Finding  `json:"findings"`
	Stats    Stats      `json:"stats"`
	// Export is the document Request.Export asked for.
	Export string `json:"export,omitempty"`
}

// Window is a range of records.
type Window struct {
	From  int `json:"from"`
	Count int `json:"count"`
	Total int `json:"total"`
}

// Record is one input record: where it is, what it holds, what became of it.
type Record struct {
	Index    int    `json:"index"`
	RecordID string `json:"recordId"` // JSON text when the id is not a string
	// Start and End delimit the record in the input (UTF-16 offsets): the
	// record object of an event, the line of a base64 record, the payload
	// of a JSON record.
	Start int `json:"start"`
	End   int `json:"end"`
	// DataStart and DataEnd delimit its data (the base64 string).
	DataStart int `json:"dataStart"`
	DataEnd   int `json:"dataEnd"`
	// ArrivalTimestamp is approximateArrivalTimestamp in epoch ms (0 if
	// missing or not a number).
	ArrivalTimestamp int64 `json:"approximateArrivalTimestamp"`
	// Size is the number of bytes the data decodes to; Gzip tells whether
	// they were gzip (Size is then the inflated size).
	Size int  `json:"size"`
	Gzip bool `json:"gzip,omitempty"`
	// Payload says what the bytes are: "json", "text", "binary", "empty",
	// "cloudwatch-logs" or "invalid" (the data could not be decoded).
	Payload string `json:"payload"`
	// Detail is false when the record's decoded text, rows and outputs were
	// left out to keep the report small (see Request.Detail).
	Detail bool `json:"detail"`
	// Decoded is the payload as text: pretty-printed when it is JSON, a
	// hex dump when it is binary. Truncated when it was cut short.
	Decoded   string `json:"decoded"`
	Truncated bool   `json:"truncated,omitempty"`
	// Rows are the flattened rows the preset made of the payload.
	Rows []Row `json:"rows"`
	// Outputs are the indexes of the response records that carry this
	// record's recordId.
	Outputs []int `json:"outputs"`
}

// Row is one flattened row as the report carries it: its [key, value]
// pairs in order (a list, because JavaScript objects reorder integer-like
// keys).
type Row = [][2]string

// Lambda is what the function returned: a body, or an error.
type Lambda struct {
	// Body is the exact response body, or nil when the function failed.
	Body *string `json:"body"`
	// Error is the runtime's error object when the function failed.
	Error *LambdaError `json:"error"`
}

// LambdaError is the error object the Lambda runtime returns when a
// handler raises.
type LambdaError struct {
	ErrorType    string `json:"errorType"`
	ErrorMessage string `json:"errorMessage"`
	// Record is the input record being processed when it raised, -1 when
	// the failure is not about one record.
	Record int `json:"record"`
}

// Response is the Lambda response as Firehose reads it: the preset's body,
// or the response the user pasted. Ranges are in DocResponse.
type Response struct {
	Size int `json:"size"` // bytes of the body
	// Records are the response records that concern the report's window
	// of input records, and up to a thousand others (each has its Index);
	// Total counts them all.
	Records []OutRecord `json:"records"`
	Total   int         `json:"total"`
}

// OutRecord is one record of a Lambda response.
type OutRecord struct {
	Index    int    `json:"index"`
	RecordID string `json:"recordId"`
	Result   string `json:"result"`
	// Start and End delimit the record in the response text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Input is the index of the input record with this recordId, or -1.
	Input int `json:"input"`
	// From is the index of the input record this output was made of, or
	// -1 when that is not known: the one the function was processing when
	// it wrote it (the presets say so: the seed writes R1 and R2 while
	// processing R), or, for an output whose recordId is not in the event,
	// the record whose recordId it extends with a number (R1 from R).
	From int `json:"from"`
	// Status is "matched", "duplicate" (a recordId already returned) or
	// "ignored" (a recordId that was not in the input).
	Status string `json:"status"`
	// Size is the number of bytes data decodes to; Decoded is that data as
	// text (left out with the record's details).
	Size          int         `json:"size"`
	Decoded       string      `json:"decoded"`
	Truncated     bool        `json:"truncated,omitempty"`
	Rows          int         `json:"rows"` // newline-delimited rows in data
	PartitionKeys [][2]string `json:"partitionKeys,omitempty"`
}

// Verdict is what Firehose does with the response.
type Verdict struct {
	BatchError *BatchError `json:"batchError"`
	// Records are the verdicts of the records of the report's window.
	Records []RecordVerdict `json:"records"`
	// Ignored lists the first thousand response records that carry a
	// recordId the event does not have (Stats.Ignored counts them all).
	Ignored []Ignored `json:"ignored"`
	// Alternatives lists, for each behaviour of Firehose that is not
	// confirmed, what would happen under each reading of it.
	Alternatives []Alternative `json:"alternatives"`
}

// BatchError is a failure of the whole batch.
type BatchError struct {
	ErrorCode    Code       `json:"errorCode"`
	ErrorMessage string     `json:"errorMessage"`
	AttemptsMade int        `json:"attemptsMade"`
	Confidence   Confidence `json:"confidence"`
	// Note, when set, says that the code and message are the playground's
	// stand-in: Firehose's own error for this case is not known.
	Note string `json:"note,omitempty"`
}

// RecordVerdict is what becomes of one input record.
type RecordVerdict struct {
	Index        int        `json:"index"` // of the input record
	RecordID     string     `json:"recordId"`
	Outcome      Outcome    `json:"outcome"` // Delivered, Dropped or Failed
	ErrorCode    Code       `json:"errorCode"`
	ErrorMessage string     `json:"errorMessage"`
	Confidence   Confidence `json:"confidence"`
	// Output is the response record that decided the outcome, or -1.
	Output int `json:"output"`
	// LostOutputs counts the outputs made of this record whose recordId
	// Firehose ignores, and LostRows the rows of data they held: a record
	// delivered with LostOutputs > 0 lost part of itself silently. An
	// output's record is known when a preset wrote it, or when its id is
	// this record's with a number appended (R1 from R).
	LostOutputs int `json:"lostOutputs,omitempty"`
	LostRows    int `json:"lostRows,omitempty"`
}

// Ignored is a response record whose recordId was not in the input:
// Firehose drops it without any error, and its data is lost.
type Ignored struct {
	RecordID string `json:"recordId"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Output   int    `json:"output"`
	Rows     int    `json:"rows"` // rows of data lost with it
}

// Alternative describes one unconfirmed behaviour and its readings.
type Alternative struct {
	Code     Code      `json:"code"`
	Message  string    `json:"message"`
	Readings []Reading `json:"readings"`
}

// Reading is one way Firehose might behave.
type Reading struct {
	Label      string      `json:"label"`
	BatchError *BatchError `json:"batchError"`
	// Failed lists the input records that fail under this reading (the
	// first thousand), FailedCount counts them all.
	Failed      []int `json:"failed"`
	FailedCount int   `json:"failedCount"`
}

// S3Preview shows the objects Firehose would write.
type S3Preview struct {
	Objects []S3Object `json:"objects"`
}

// S3Object is one object Firehose would write to S3.
type S3Object struct {
	Key       string `json:"key"`
	Kind      string `json:"kind"` // "delivered" or "processing-failed"
	Size      int    `json:"size"`
	Body      string `json:"body"`
	Truncated bool   `json:"truncated,omitempty"`
	Records   []int  `json:"records"` // input records in it
}

// Finding is one problem, or one thing worth knowing, about the input or
// the response.
type Finding struct {
	// Code names the finding: a Firehose error code ("Lambda.MissingRecordId")
	// or one of the playground's ("json.syntax", "base64.padding", …).
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Span is the range of text the finding concerns: the document its
	// Start and End point into (DocInput or DocResponse), in UTF-16 code
	// units.
	Span
	// Record is the input record concerned, -1 when none.
	Record int `json:"record"`
	// Output is the response record concerned, -1 when none.
	Output int `json:"output"`
	// Confidence is set for findings about Firehose behaviour.
	Confidence Confidence `json:"confidence,omitempty"`
	// Related points at other places the finding concerns: the other
	// occurrence of a duplicate, the input record of a response record.
	Related []Location `json:"related,omitempty"`
}

// Location is a range in one of the documents.
type Location struct {
	Span
	Message string `json:"message,omitempty"`
}

// Stats are the report's figures.
type Stats struct {
	InputBytes int `json:"inputBytes"`
	Records    int `json:"records"`
	// SkippedRecords are past MaxRecords: neither read nor judged.
	SkippedRecords int `json:"skippedRecords"`
	Outputs        int `json:"outputs"`
	Delivered      int `json:"delivered"`
	Dropped        int `json:"dropped"`
	Failed         int `json:"failed"`
	Ignored        int `json:"ignored"`
	LostRows       int `json:"lostRows"` // rows inside ignored records
	ResponseBytes  int `json:"responseBytes"`
	// ResponseLimit is Lambda's response payload limit in bytes.
	ResponseLimit int `json:"responseLimit"`
	// Micros is how long Run took, in microseconds.
	Micros int64 `json:"micros"`
}

// Statuses of a response record (OutRecord.Status).
const (
	StatusMatched   = "matched"
	StatusDuplicate = "duplicate"
	StatusIgnored   = "ignored"
)
