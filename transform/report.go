package transform

import (
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3preview"
)

// The report's types are internal/report's, where every stage of the
// engine fills them; these names are the ones a Go caller uses. The
// package's documentation says what each field holds.
type (
	// Report is what Run returns: the input read, every record decoded
	// and processed, the function's answer, Firehose's verdict, the S3
	// preview and every finding.
	Report = report.Report
	// Record is one input record as the report shows it.
	Record = report.Record
	// Row is a flattened record: its columns, in order.
	Row = report.Row
	// Lambda is the function's answer: its body, or its error.
	Lambda = report.Lambda
	// LambdaError is a failed invocation's error object.
	LambdaError = report.LambdaError
	// Response is the response body as Firehose reads it.
	Response = report.Response
	// OutRecord is one record of the response.
	OutRecord = report.OutRecord
	// Verdict is what Firehose does with the batch.
	Verdict = report.Verdict
	// RecordVerdict is what becomes of one input record.
	RecordVerdict = report.RecordVerdict
	// BatchError is a failure of the whole invocation.
	BatchError = report.BatchError
	// Ignored is a response record Firehose ignores.
	Ignored = report.Ignored
	// Alternative is another reading of an unconfirmed behaviour.
	Alternative = report.Alternative
	// Reading is one of an Alternative's readings.
	Reading = report.Reading
	// S3Preview is what lands in the bucket.
	S3Preview = report.S3Preview
	// S3Object is one object of the S3 preview.
	S3Object = report.S3Object
	// Window is the range of records a report describes in full.
	Window = report.Window
	// Stats are the report's figures.
	Stats = report.Stats
	// Finding is one problem, with its code and its range of text.
	Finding = report.Finding
	// Location is a place a finding relates to.
	Location = report.Location
	// Span is a range of one document (DocInput or DocResponse).
	Span = report.Span
	// Code names a finding; Code.Info gives its catalog entry.
	Code = report.Code
	// CodeInfo is a code's catalog entry.
	CodeInfo = report.CodeInfo
	// Severity is how serious a finding is.
	Severity = report.Severity
	// Confidence is how sure the playground is of a Firehose behaviour.
	Confidence = report.Confidence
	// Outcome is what becomes of an input record.
	Outcome = report.Outcome
)

// Catalog returns every code the engine writes, with what the playground
// knows about it, Firehose's codes first.
func Catalog() []CodeInfo { return report.Catalog() }

// The documents a Span is in.
const (
	DocInput    = report.DocInput
	DocResponse = report.DocResponse
)

// Severities.
const (
	SevError   = report.SevError
	SevWarning = report.SevWarning
	SevInfo    = report.SevInfo
)

// Confidences.
const (
	Confirmed   = report.Confirmed
	Likely      = report.Likely
	Unconfirmed = report.Unconfirmed
)

// Outcomes.
const (
	Delivered = report.Delivered
	Dropped   = report.Dropped
	Failed    = report.Failed
)

// The codes the wasm adapter writes when the engine could not run.
const (
	CodeRequestJSON  = report.CodeRequestJSON
	CodeRequestType  = report.CodeRequestType
	CodeEnginePanic  = report.CodeEnginePanic
	CodeEngineEncode = report.CodeEngineEncode
)

// The kinds of S3 objects the preview shows (S3Object.Kind).
const (
	ObjectDelivered        = s3preview.ObjectDelivered
	ObjectProcessingFailed = s3preview.ObjectProcessingFailed
)

// What failed, for the codes that say the engine failed (CodeInfo.Failure).
const (
	FailureRequest = report.FailureRequest
	FailurePanic   = report.FailurePanic
	FailureEncode  = report.FailureEncode
)
