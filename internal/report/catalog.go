package report

import "slices"

// Code names a finding: a Firehose error code ("Lambda.MissingRecordId"),
// Lambda's own ("Function.ResponseSizeTooLarge") or one of the
// playground's ("json.syntax", "base64.padding", …). Every code the engine
// writes is declared below, with its entry in the catalog.
//
// To add a code: declare its constant in the block below and give it one
// entry in catalog (its words, and for a Firehose behaviour its message,
// confidence and the row of docs/firehose-contract.md §3 it comes from,
// with that row in the document). TestCatalogMatchesContract holds the
// catalog against the document, TestCodesOnlyInCatalog fails when a code is
// written as a string literal anywhere else in the package.
type Code string

// Severity is how serious a finding is: SevError, SevWarning or SevInfo.
type Severity string

// Confidence is how sure the playground is of a Firehose behaviour
// (docs/firehose-contract.md): Confirmed, Likely or Unconfirmed.
type Confidence string

// Outcome is what becomes of an input record: Delivered, Dropped or Failed.
type Outcome string

// Span is a range of one document: DocInput or DocResponse. Offsets are
// UTF-16 code units in a Report (byte offsets while the engine works).
type Span struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// The codes the wasm adapter writes when the engine could not run.
const (
	CodeRequestJSON  Code = "request.json"  // the request is not valid JSON
	CodeRequestType  Code = "request.type"  // firehose.run was not given a string
	CodeEnginePanic  Code = "engine.panic"  // the engine panicked: a bug
	CodeEngineEncode Code = "engine.encode" // the report could not be encoded
)

// Firehose's error codes for a transformation Lambda (docs/firehose-contract.md §3),
// and the playground's own codes.
const (
	CodeProcessingFailed Code = "Lambda.ProcessingFailedStatus"
	CodeMissingID        Code = "Lambda.MissingRecordId"
	CodeDuplicatedID     Code = "Lambda.DuplicatedRecordId"
	CodeJSON             Code = "Lambda.JsonProcessingException"
	CodeFunctionError    Code = "Lambda.FunctionError"
	CodeTimedOut         Code = "Lambda.FunctionTimedOut"
	CodeInvokeLimit      Code = "Lambda.InvokeLimitExceeded"
	CodeInvalidFormat    Code = "Lambda.InvalidReturnFormat"
	CodeTooLarge         Code = "Function.ResponseSizeTooLarge" // Lambda's, not Firehose's

	// Codes the playground never writes as a verdict, only explains when
	// processing-failed lines carry them (failedlines.go).
	codeAssumeRoleDenied   Code = "Lambda.AssumeRoleAccessDenied"
	codeInvokeDenied       Code = "Lambda.InvokeAccessDenied"
	codeResourceNotFound   Code = "Lambda.ResourceNotFound"
	codeInvalidSubnet      Code = "Lambda.InvalidSubnetIDException"
	codeInvalidSecurityGrp Code = "Lambda.InvalidSecurityGroupIDException"
	codeSubnetIPLimit      Code = "Lambda.SubnetIPAddressLimitReachedException"
	codeENILimit           Code = "Lambda.ENILimitReachedException"
	codeMetadataExtraction Code = "DynamicPartitioning.MetadataExtractionFailed"

	CodeRequestPreset Code = "request.preset"
	CodeRequestExport Code = "request.export"

	CodeInputSize  Code = "input.size"
	CodeInputBOM   Code = "input.bom"
	CodeInputEmpty Code = "input.empty"
	CodeInputUTF8  Code = "input.utf8"

	CodeJSONSyntax       Code = "json.syntax"
	CodeJSONDepth        Code = "json.depth"
	CodeJSONNonstandard  Code = "json.nonstandard"
	CodeJSONDuplicateKey Code = "json.duplicateKey"

	CodeEventNotObject             Code = "event.notObject"
	CodeEventRecordsMissing        Code = "event.records.missing"
	CodeEventRecordsNotArray       Code = "event.records.notArray"
	CodeEventRecordsTooMany        Code = "event.records.tooMany"
	CodeEventRecordsEmpty          Code = "event.records.empty"
	CodeEventInvocationIDType      Code = "event.invocationId.type"
	CodeEventDeliveryStreamArnType Code = "event.deliveryStreamArn.type"
	CodeEventRegionType            Code = "event.region.type"
	CodeEventInvocationIDMissing   Code = "event.invocationId.missing"
	CodeEventDeliverySteamArn      Code = "event.deliverySteamArn"
	CodeEventDeliveryStreamArnMiss Code = "event.deliveryStreamArn.missing"
	CodeEventDeliveryStreamArnForm Code = "event.deliveryStreamArn.format"
	CodeEventSourceKinesisArnMiss  Code = "event.sourceKinesisStreamArn.missing"
	CodeEventSourceMSKArnMiss      Code = "event.sourceMSKArn.missing"
	CodeEventSize                  Code = "event.size"
	CodeEventKeyCase               Code = "event.keyCase"
	CodeEventUnknownKey            Code = "event.unknownKey"
	CodeRecordNotObject            Code = "record.notObject"
	CodeRecordIDDuplicate          Code = "record.recordId.duplicate"
	CodeRecordIDMissing            Code = "record.recordId.missing"
	CodeRecordIDEmpty              Code = "record.recordId.empty"
	CodeRecordIDType               Code = "record.recordId.type"
	CodeRecordDataMissing          Code = "record.data.missing"
	CodeRecordDataType             Code = "record.data.type"
	CodeRecordSize                 Code = "record.size"
	CodeTimestampFloat             Code = "record.timestamp.float"
	CodeTimestampSeconds           Code = "record.timestamp.seconds"
	CodeTimestampDigits            Code = "record.timestamp.digits"
	CodeTimestampString            Code = "record.timestamp.string"
	CodeTimestampType              Code = "record.timestamp.type"
	CodeKinesisMetadataMissing     Code = "kinesis.metadata.missing"
	CodeKinesisMetadataType        Code = "kinesis.metadata.type"
	CodeKinesisShardIDMissing      Code = "kinesis.shardId.missing"
	CodeKinesisShardIDType         Code = "kinesis.shardId.type"
	CodeKinesisShardIDFormat       Code = "kinesis.shardId.format"
	CodeKinesisPartitionKeyMissing Code = "kinesis.partitionKey.missing"
	CodeKinesisPartitionKeyType    Code = "kinesis.partitionKey.type"
	CodeKinesisSequenceNumberMiss  Code = "kinesis.sequenceNumber.missing"
	CodeKinesisSequenceNumberType  Code = "kinesis.sequenceNumber.type"
	CodeKinesisSubsequenceNumber   Code = "kinesis.subsequenceNumber.type"
	CodeMSKKafkaRecordValueMissing Code = "msk.kafkaRecordValue.missing"
	CodeMSKMetadataMissing         Code = "msk.metadata.missing"
	CodeMSKOffsetType              Code = "msk.offset.type"
	CodeMSKPartitionIDType         Code = "msk.partitionId.type"
	CodeBase64Invalid              Code = "base64.invalid"
	CodeBase64Padding              Code = "base64.padding"
	CodeBase64URLSafe              Code = "base64.urlsafe"
	CodeBase64Whitespace           Code = "base64.whitespace"
	CodeGzipBomb                   Code = "gzip.bomb"
	CodeGzipTruncated              Code = "gzip.truncated"
	CodeGzipCorrupt                Code = "gzip.corrupt"
	CodePayloadJSON                Code = "payload.json"
	CodeSeedRaised                 Code = "seed.raised"
	CodeNDJSONUndecodable          Code = "ndjson.undecodable"
	CodeNDJSONUTF8                 Code = "ndjson.utf8"
	CodeNDJSONJSON                 Code = "ndjson.json"
	CodeNDJSONShape                Code = "ndjson.shape"
	CodeNDJSONNonstandard          Code = "ndjson.nonstandard"
	CodeNDJSONCloudWatch           Code = "ndjson.cloudwatch"
	CodeNDJSONCollision            Code = "ndjson.collision"
	CodeResponseSize               Code = "response.size"
	CodeResponseRecords            Code = "response.records"
	CodeResponseResult             Code = "response.result"
	CodeResponseBase64             Code = "response.base64"
	CodeResponseEmptyData          Code = "response.emptyData"
	CodeResponseDelimiter          Code = "response.delimiter"
	CodeResponseMetadata           Code = "response.metadata"
	CodeResponseLostRows           Code = "response.lostRows"
	CodeResponseIgnoredRecordID    Code = "response.ignoredRecordId"
	CodeS3PartitionKey             Code = "s3.partitionKey"
	CodeS3PartitionKeys            Code = "s3.partitionKeys"
	CodeS3ErrorPrefix              Code = "s3.errorPrefix"

	// What people hold instead of an event (inputkinds.go, printed.go,
	// failedlines.go, logresponse.go).
	CodeKindPrinted      Code = "input.printed"          // a printed event was recognised
	CodeKindPrintedCut   Code = "input.printed.cut"      // what the printer left out
	CodeKindPrintedBad   Code = "input.printed.invalid"  // forced, but not a printed event
	CodeKindFailed       Code = "input.failed"           // processing-failed lines were recognised
	CodeKindFailedGroup  Code = "input.failed.errorCode" // the lines of one errorCode
	CodeKindFailedBad    Code = "input.failed.invalid"   // a line that is not a processing-failed object
	CodeKindRedrive      Code = "input.failed.redrive"   // how to put them back
	CodeKindCLI          Code = "input.cli"              // CLI records were recognised
	CodeKindCLIBad       Code = "input.cli.invalid"      // forced, but not CLI records; or a bad field
	CodeKindKinesis      Code = "input.kinesisLambda"    // a Kinesis consumer's event was recognised
	CodeKindKinesisBad   Code = "input.kinesisLambda.invalid"
	CodeResponseLogLines Code = "response.logLines" // log lines around a pasted response

	// Where the playground would claim too much (fidelity.go).
	CodeFidEventRepeatsID    Code = "event.recordId.repeated"         // real Firehose never repeats an id
	CodeFidResponseRepeatsID Code = "response.recordId.repeated"      // real Firehose would answer DuplicatedRecordId
	CodeFidBOM               Code = "response.bom"                    // a byte order mark before the response
	CodeFidArnService        Code = "event.deliveryStreamArn.service" // another service's ARN
	CodeFidArnEmpty          Code = "event.arn.empty"                 // an empty ARN
	CodeFidPlaceholder       Code = "event.placeholder"               // an unrendered template placeholder
)

// CodeInfo is what the playground knows about a code: its catalog entry.
type CodeInfo struct {
	Code Code `json:"code"`
	// Firehose is true for the codes of Firehose's (and Lambda's) error
	// objects; the others are the playground's.
	Firehose bool `json:"firehose"`
	// Message is the message Firehose's error objects carry for the code
	// (its real wording), or "" when it has never been captured or the
	// code is not Firehose's.
	Message string `json:"message,omitempty"`
	// Confidence is the confidence of the behaviour the code describes,
	// and of the findings written with it unless a rule says otherwise for
	// its case ("" for findings that are not about Firehose behaviour).
	Confidence Confidence `json:"confidence,omitempty"`
	// Doubt says what is not known when the behaviour is not confirmed.
	Doubt string `json:"doubt,omitempty"`
	// Words say in plain words what the code means.
	Words string `json:"words"`
	// Next says what Firehose does next, when the code is about Firehose.
	Next string `json:"next,omitempty"`
	// Row is the row of docs/firehose-contract.md §3 the behaviour comes
	// from, 0 when none.
	Row int `json:"row,omitempty"`
	// Failure is set on the codes that say the engine itself failed, not
	// the input: FailurePanic or FailureEncode (a bug: the engine's state is
	// suspect), FailureRequest (it could not read the request it was given).
	Failure string `json:"failure,omitempty"`
	// Status is the status of a response record ("ignored", "duplicate")
	// whose meaning the code's words explain.
	Status string `json:"status,omitempty"`
}

// What failed, for the codes that say the engine failed (CodeInfo.Failure).
const (
	FailurePanic   = "panic"
	FailureEncode  = "encode"
	FailureRequest = "request"
)

// Firehose's messages for its codes (docs/firehose-contract.md §3). They
// are the real wording: "record Ids", not the docs' "record IDs".
const (
	MsgProcessingFailed = "ProcessingFailed status set for record"
	MsgMissingID        = "One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids."
	MsgDuplicatedID     = "Multiple records were returned with the same record Id. Ensure that the Lambda function returns a unique record Id for each record."
	MsgJSON             = "There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Data Firehose."
	MsgFunctionError    = "The Lambda function was successfully invoked but it returned an error result."
	MsgTimedOut         = "The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function."
	MsgTooLarge         = "Response payload size exceeded maximum allowed payload size (6291556 bytes)."
	// From the Firehose developer guide's table of Lambda invocation
	// errors; docs/firehose-contract.md gives the code but not the message.
	MsgInvokeLimit = "The Lambda concurrent execution limit is exceeded. Increase the concurrent execution limit."
	// What the playground writes where Firehose's message has never been
	// captured (the unconfirmed behaviours).
	MsgNotCaptured = "(message not known: Firehose's wording for this case has not been captured)"
)

// What Firehose does next, shared by several codes.
const (
	nextRetried = "Firehose retries the whole batch NumberOfRetries more times (the verdict's attemptsMade counts every attempt), then writes every record of the batch to processing-failed/: nothing is delivered."
	nextFinal   = "The whole batch goes to processing-failed/ on the first attempt: a response that was read is never retried."
	nextConfig  = "Firehose writes every record of the batch to processing-failed/: nothing is delivered until the stream's configuration is fixed."
)

// catalog holds every code the engine writes, in the order of the pipeline.
var catalog = []CodeInfo{
	// Firehose's codes (docs/firehose-contract.md §3).
	{Code: CodeProcessingFailed, Firehose: true, Message: MsgProcessingFailed, Confidence: Confirmed, Row: 2,
		Words: `The function itself marked this record result: "ProcessingFailed".`,
		Next:  "Firehose does not retry it: the original input bytes go to the processing-failed/ prefix."},
	{Code: CodeMissingID, Firehose: true, Message: MsgMissingID, Confidence: Confirmed, Row: 3,
		Words: "The function's response did not return this record's recordId (it was left out, or its id was changed).",
		Next:  "Firehose marks the record as failed and writes it to the processing-failed/ prefix; the other records are delivered."},
	{Code: CodeDuplicatedID, Firehose: true, Message: MsgDuplicatedID, Confidence: Unconfirmed, Row: 5, Status: StatusDuplicate,
		Doubt: "The code is confirmed; whether Firehose fails only the repeated id or the whole batch is not.",
		Words: "The response returned the same recordId more than once. Firehose needs exactly one output record per input record; to turn one record into several rows, put the rows newline-delimited inside that record's single data.",
		Next:  "Firehose fails the repeated record (or, in the other reading, the whole batch), without retrying."},
	{Code: CodeInvalidFormat, Firehose: true, Confidence: Unconfirmed, Row: 8,
		Doubt: "Seen in one probe of real AWS, per record.",
		Words: `The record is returned as "Ok" but without a base64 data string, so there is nothing to deliver.`,
		Next:  "Firehose fails that record, without retrying."},
	{Code: CodeJSON, Firehose: true, Message: MsgJSON, Confidence: Confirmed, Row: 10,
		Words: `Firehose could not read the response: it is not JSON, or not shaped {"records": [...]} with string recordIds.`,
		Next:  nextFinal},
	{Code: CodeFunctionError, Firehose: true, Message: MsgFunctionError, Confidence: Confirmed, Row: 11,
		Words: "The function raised an error (or Lambda refused its answer), so the whole batch failed.",
		Next:  nextRetried},
	{Code: CodeTimedOut, Firehose: true, Message: MsgTimedOut, Confidence: Confirmed, Row: 12,
		Words: "The function ran longer than its timeout.",
		Next:  nextRetried},
	{Code: CodeTooLarge, Firehose: true, Message: MsgTooLarge, Confidence: Likely, Row: 13,
		Doubt: "Lambda's limit and its error are documented; that Firehose then reports Lambda.FunctionError is known from emulators, not from AWS's documentation.",
		Words: "The response body is larger than Lambda's 6 MB response limit (6,291,556 bytes). Lambda fails the call before Firehose sees it, which Firehose treats as Lambda.FunctionError.",
		Next:  nextRetried},
	{Code: CodeInvokeLimit, Firehose: true, Message: MsgInvokeLimit, Confidence: Confirmed, Row: 14,
		Words: "Lambda throttled the invocation.",
		Next:  nextRetried},
	{Code: codeAssumeRoleDenied, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "Firehose could not assume its IAM role to invoke the function: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeInvokeDenied, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "Firehose's role may not invoke the function: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeResourceNotFound, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "The function (or that version or alias) does not exist: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeInvalidSubnet, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "A subnet of the function's VPC configuration does not exist: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeInvalidSecurityGrp, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "A security group of the function's VPC configuration does not exist: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeSubnetIPLimit, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "The function's subnets have no free IP address for its network interface: a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeENILimit, Firehose: true, Confidence: Confirmed, Row: 15,
		Words: "Lambda could not create a network interface in the function's VPC (the account's limit is reached): a configuration problem, so the whole batch failed.",
		Next:  nextConfig},
	{Code: codeMetadataExtraction, Firehose: true, Confidence: Unconfirmed, Row: 16,
		Doubt: "AWS documents that such records go under the error output prefix; the errorCode they carry there is not in its documentation.",
		Words: "Not the Lambda's: dynamic partitioning's jq query could not extract the partition keys from the record (not JSON, or the key is missing).",
		Next:  "Firehose writes the record under the error output prefix instead of delivering it; the other records are delivered."},

	// The request.
	{Code: CodeRequestPreset, Words: "The request names a preset the engine does not have."},
	{Code: CodeRequestExport, Words: "The request asks for an export the engine does not have."},
	{Code: CodeRequestJSON, Failure: FailureRequest, Words: "The request handed to the engine is not valid JSON."},
	{Code: CodeRequestType, Failure: FailureRequest, Words: "firehose.run was called with something other than the request's JSON text."},
	{Code: CodeEnginePanic, Failure: FailurePanic, Words: "The engine failed on this input: a bug in the playground."},
	{Code: CodeEngineEncode, Failure: FailureEncode, Words: "The engine's report could not be encoded: a bug in the playground."},

	// The input as text.
	{Code: CodeInputSize, Words: "The input is larger than the engine reads; the rest was not read."},
	{Code: CodeInputBOM, Words: "The input starts with a byte order mark, which Firehose never sends."},
	{Code: CodeInputEmpty, Words: "There is nothing to read yet."},
	{Code: CodeInputUTF8, Words: "The input is not valid UTF-8 text; the bad bytes were replaced."},
	{Code: CodeJSONSyntax, Words: "The text is not valid JSON."},
	{Code: CodeJSONDepth, Words: "The JSON nests deeper than the engine (and Python's json module) reads."},
	{Code: CodeJSONNonstandard, Words: "The JSON holds NaN or Infinity, which Python reads but JSON does not allow."},
	{Code: CodeJSONDuplicateKey, Words: "An object has the same key twice; the last one wins."},

	// The event.
	{Code: CodeEventNotObject, Words: `The event is not a JSON object {"records": [...]}.`},
	{Code: CodeEventRecordsMissing, Words: `The event has no "records" array.`},
	{Code: CodeEventRecordsNotArray, Words: `The event's "records" is not an array.`},
	{Code: CodeEventRecordsTooMany, Words: "The input holds more records than the engine reads; the rest were skipped."},
	{Code: CodeEventRecordsEmpty, Words: "The event has no records: Firehose never invokes a function with none."},
	{Code: CodeEventInvocationIDType, Words: "invocationId should be a string."},
	{Code: CodeEventDeliveryStreamArnType, Words: "deliveryStreamArn should be a string."},
	{Code: CodeEventRegionType, Words: "region should be a string."},
	{Code: CodeEventInvocationIDMissing, Words: "The event has no invocationId; Firehose sends one with every invocation."},
	{Code: CodeEventDeliverySteamArn, Words: `"deliverySteamArn" is a typo found in published sample events: Firehose sends "deliveryStreamArn".`},
	{Code: CodeEventDeliveryStreamArnMiss, Words: "The event has no deliveryStreamArn; Firehose always sends the stream's ARN."},
	{Code: CodeEventDeliveryStreamArnForm, Words: "deliveryStreamArn is not an ARN."},
	{Code: CodeEventSourceKinesisArnMiss, Words: "The records carry Kinesis metadata but the event has no sourceKinesisStreamArn."},
	{Code: CodeEventSourceMSKArnMiss, Words: "The records carry kafkaRecordValue but the event has no sourceMSKArn."},
	{Code: CodeEventSize, Words: "The event is larger than Firehose ever sends a function."},
	{Code: CodeEventKeyCase, Words: "A key differs from Firehose's only in case: a function reading Firehose's key would not find it."},
	{Code: CodeEventUnknownKey, Words: "A key Firehose does not send."},
	{Code: CodeRecordNotObject, Words: "A record is not a JSON object."},
	{Code: CodeRecordIDDuplicate, Words: "Two records of the event share one recordId; Firehose never sends that."},
	{Code: CodeRecordIDMissing, Words: "A record has no recordId."},
	{Code: CodeRecordIDEmpty, Words: "A record's recordId is empty."},
	{Code: CodeRecordIDType, Words: "A record's recordId is not a string."},
	{Code: CodeRecordDataMissing, Words: "A record has no data."},
	{Code: CodeRecordDataType, Words: "A record's data is not a base64 string."},
	{Code: CodeRecordSize, Words: "A record is larger than Firehose's record limit."},
	{Code: CodeTimestampFloat, Words: "A timestamp has a fraction; Firehose sends whole epoch milliseconds."},
	{Code: CodeTimestampSeconds, Words: "A timestamp looks like epoch seconds; Firehose sends epoch milliseconds."},
	{Code: CodeTimestampDigits, Words: "A timestamp does not have the 13 digits of epoch milliseconds."},
	{Code: CodeTimestampString, Words: "A timestamp is a string (often ISO 8601); Firehose sends a number of epoch milliseconds."},
	{Code: CodeTimestampType, Words: "A timestamp is not a number of epoch milliseconds."},
	{Code: CodeKinesisMetadataMissing, Words: "The source is a Kinesis data stream but a record has no kinesisRecordMetadata."},
	{Code: CodeKinesisMetadataType, Words: "kinesisRecordMetadata is not an object."},
	{Code: CodeKinesisShardIDMissing, Words: "kinesisRecordMetadata has no shardId."},
	{Code: CodeKinesisShardIDType, Words: "kinesisRecordMetadata.shardId is not a string."},
	{Code: CodeKinesisShardIDFormat, Words: `A shard id that does not look like "shardId-000000000001".`},
	{Code: CodeKinesisPartitionKeyMissing, Words: "kinesisRecordMetadata has no partitionKey."},
	{Code: CodeKinesisPartitionKeyType, Words: "kinesisRecordMetadata.partitionKey is not a string."},
	{Code: CodeKinesisSequenceNumberMiss, Words: "kinesisRecordMetadata has no sequenceNumber."},
	{Code: CodeKinesisSequenceNumberType, Words: "kinesisRecordMetadata.sequenceNumber is not a string."},
	{Code: CodeKinesisSubsequenceNumber, Words: "subsequenceNumber is not a number; aws-lambda-go fails to decode such an event."},
	{Code: CodeMSKKafkaRecordValueMissing, Words: "The source is Amazon MSK but a record carries no kafkaRecordValue."},
	{Code: CodeMSKMetadataMissing, Words: "A record has no mskRecordMetadata."},
	{Code: CodeMSKOffsetType, Words: "mskRecordMetadata.offset is not a string."},
	{Code: CodeMSKPartitionIDType, Words: "mskRecordMetadata.partitionId is not a string."},

	// A record's data.
	{Code: CodeBase64Invalid, Words: "A record's data is not base64."},
	{Code: CodeBase64Padding, Words: "A record's base64 lacks its = padding; Firehose sends padded base64."},
	{Code: CodeBase64URLSafe, Words: "A record's base64 uses the URL-safe alphabet (- and _); Firehose sends standard base64."},
	{Code: CodeBase64Whitespace, Words: "A record's base64 holds whitespace or line breaks."},
	{Code: CodeGzipBomb, Words: "A record's gzip data inflates past the engine's limit."},
	{Code: CodeGzipTruncated, Words: "A record's gzip data ends before its stream does."},
	{Code: CodeGzipCorrupt, Words: "A record's gzip data is corrupt."},
	{Code: CodePayloadJSON, Words: "A record's payload is not JSON, so it is not flattened."},

	// The presets.
	{Code: CodeSeedRaised, Words: "The seed Lambda raises an exception on this record, so the invocation fails."},
	{Code: CodeNDJSONUndecodable, Words: "The ndjson transform returns this record as ProcessingFailed: its data could not be decoded."},
	{Code: CodeNDJSONUTF8, Words: "The ndjson transform returns this record as ProcessingFailed: its payload is not UTF-8 text."},
	{Code: CodeNDJSONJSON, Words: "The ndjson transform returns this record as ProcessingFailed: its payload is not JSON."},
	{Code: CodeNDJSONShape, Words: "The ndjson transform returns this record as ProcessingFailed: its payload is not made of JSON objects."},
	{Code: CodeNDJSONNonstandard, Words: "The ndjson transform returns this record as ProcessingFailed: its payload holds NaN or Infinity."},
	{Code: CodeNDJSONCloudWatch, Words: "The ndjson transform returns this record as ProcessingFailed: its CloudWatch Logs document is malformed."},
	{Code: CodeNDJSONCollision, Words: "Two keys of a record flatten to the same column; the later one wins."},

	// The response.
	{Code: CodeResponseSize, Row: 13,
		Words: "How much of Lambda's 6 MB response limit the response uses, and what a full batch would produce."},
	{Code: CodeResponseRecords, Confidence: Unconfirmed, Row: 6,
		Doubt: "One probe saw every record fail with Lambda.MissingRecordId, an emulator fails the whole batch with Lambda.FunctionError.",
		Words: `The response's "records" is empty, missing or not an array.`,
		Next:  "Every record fails: each with Lambda.MissingRecordId, or the whole batch with Lambda.FunctionError."},
	{Code: CodeResponseResult, Confidence: Unconfirmed, Row: 7,
		Doubt: `Firehose's error for this case is only known as "make sure the output is in required format".`,
		Words: "A record's result is not exactly Ok, Dropped or ProcessingFailed (the words are case-sensitive).",
		Next:  "The whole batch fails, or only that record."},
	{Code: CodeResponseBase64, Confidence: Unconfirmed, Row: 9,
		Doubt: "Probably a function error for the whole batch; not captured.",
		Words: "A record's data is not the padded standard base64 Firehose reads.",
		Next:  "Probably the whole batch fails with Lambda.FunctionError."},
	{Code: CodeResponseEmptyData, Confidence: Confirmed,
		Words: "A record is delivered with empty data: nothing of it lands in S3."},
	{Code: CodeResponseDelimiter, Confidence: Confirmed,
		Words: "Delivered records are concatenated with nothing in between unless the data ends with a newline (or the stream appends one)."},
	{Code: CodeResponseMetadata,
		Words: "A record's metadata is not what Firehose reads (partitionKeys: an object of strings)."},
	{Code: CodeResponseLostRows, Confidence: Likely, Row: 4,
		Doubt: "No error appears anywhere, so this is known from captures and emulators, not from AWS's documentation.",
		Words: "Rows inside outputs whose recordId Firehose ignores are lost, without any error."},
	{Code: CodeResponseIgnoredRecordID, Confidence: Likely, Row: 4, Status: StatusIgnored,
		Doubt: "No error appears anywhere, so this is known from captures and emulators, not from AWS's documentation.",
		Words: "This output's recordId was not in the input. Firehose ignores it without any error: its data is lost, silently."},

	// What lands in S3.
	{Code: CodeS3PartitionKey, Confidence: Likely,
		Doubt: "Firehose's documentation says such a record goes under the error output prefix; its error code there has not been captured.",
		Words: "The S3 prefix uses a partition key the record's metadata does not carry.",
		Next:  "Firehose cannot evaluate the prefix for the record and writes it under the error output prefix instead of delivering it."},
	{Code: CodeS3PartitionKeys, Words: "The record carries partition keys the S3 prefix does not use."},
	{Code: CodeS3ErrorPrefix, Words: "Where the stream's failed records go, given its prefixes."},
	// What people hold instead of an event.
	{Code: CodeKindPrinted, Words: "The input is an event as a function printed it (Python's print, Node.js's console.log, with or without CloudWatch's log prefix); the playground read it back into the event it stands for."},
	{Code: CodeKindPrintedCut, Words: "The printer left part of the event out ([Object], [Array], … more items, a cut string): what it stood for is not in the event the playground built."},
	{Code: CodeKindPrintedBad, Words: "The input was to be read as a printed event, but it is not one."},
	{Code: CodeKindFailed, Words: "The input is the lines of a processing-failed/ object from S3; the playground built the event a re-drive would hand the function."},
	{Code: CodeKindFailedGroup, Words: "These processing-failed lines share one errorCode: why Firehose wrote them."},
	{Code: CodeKindFailedBad, Words: "A line that is not a processing-failed object (one JSON object with rawData, errorCode, errorMessage, attemptsMade…)."},
	{Code: CodeKindRedrive, Words: "Firehose never sends failed records again: a re-drive puts them back with put-record-batch."},
	{Code: CodeKindCLI, Words: "The input is AWS CLI records (put-record-batch input or kinesis get-records output); the playground built the event they would make."},
	{Code: CodeKindCLIBad, Words: "AWS CLI records that cannot be read: not the shape the CLI writes, or a field of the wrong type."},
	{Code: CodeKindKinesis, Words: "The input is a Kinesis Data Streams event for a Lambda consumer (Records[].kinesis), not a Firehose event; the playground built the Firehose event the same data would make."},
	{Code: CodeKindKinesisBad, Words: "A Kinesis consumer's event that cannot be read."},
	{Code: CodeResponseLogLines, Words: "The response was pasted with log lines around it (a test invocation's output): the last JSON value that is a response or an error object is checked, the rest ignored."},

	// Where the playground would claim too much.
	{Code: CodeFidEventRepeatsID, Words: "The event repeats a recordId, which real Firehose never sends: the verdicts are computed, but no real batch looks like this."},
	{Code: CodeFidResponseRepeatsID, Words: "The response returns a recordId the event repeats; against a real event, Firehose would answer Lambda.DuplicatedRecordId."},
	{Code: CodeFidBOM, Words: "The response starts with a byte order mark; what Firehose does with one has never been captured."},
	{Code: CodeFidArnService, Words: "deliveryStreamArn holds another service's ARN: real events carry the delivery stream's (arn:aws:firehose:…:deliverystream/name)."},
	{Code: CodeFidArnEmpty, Words: "An ARN of the envelope is an empty string; real events always carry one."},
	{Code: CodeFidPlaceholder, Words: "A field of the envelope holds a template placeholder that was never filled in ({region}, ${AWS::Region}, <account>)."},
}

// catalogIndex finds a code's entry.
var catalogIndex = func() map[Code]int {
	m := make(map[Code]int, len(catalog))
	for i, c := range catalog {
		if _, dup := m[c.Code]; dup {
			panic("transform: code " + string(c.Code) + " is in the catalog twice")
		}
		m[c.Code] = i
	}
	return m
}()

// Info returns the catalog's entry for a code; ok is false for a code the
// engine never writes.
func (c Code) Info() (info CodeInfo, ok bool) {
	i, ok := catalogIndex[c]
	if !ok {
		return CodeInfo{Code: c}, false
	}
	return catalog[i], true
}

// Catalog returns every code the engine writes, with what the playground
// knows about it, Firehose's codes first.
func Catalog() []CodeInfo {
	return slices.Clone(catalog)
}
