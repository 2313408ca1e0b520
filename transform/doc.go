// Package transform is the engine of Firehose Playground: it reads what a
// user pasted (an Amazon Data Firehose invocation event, base64 records or
// JSON payloads), runs a transformation Lambda on it, and judges the
// Lambda's response the way Firehose would.
//
// The easy path is Run:
//
//	rep := transform.Run(transform.Request{
//		Input:  eventText,            // what the user pasted
//		Preset: transform.PresetSeed, // or PresetNDJSON, PresetSeedV1, PresetIdentity
//	})
//	// rep.Records: every record decoded, its payload parsed and flattened
//	// rep.Lambda.Body: the exact response body the function returns
//	// rep.Verdict: delivered, dropped, failed, silently ignored, with the error codes
//	// rep.S3: what lands in the bucket
//	// rep.Findings: every problem, with its range in the pasted text
//
// To check a real Lambda's answer instead of running a preset, set
// Request.Response (or call Check). Run never fails: bad input is reported
// in the report, as findings with a code, a severity, a message and the
// UTF-16 range of text they concern.
//
// A report describes in full a window of records (Request.Detail: 50 from
// the first by default). To page through a large input, keep the run whole
// and cut each window from it without running the transform again:
//
//	res := transform.Evaluate(req)
//	page2 := res.Report(transform.Detail{From: 100, Count: 100})
//
// A few verbs are available on their own: ParseEvent reads an input into
// an Event, ParseJSON parses JSON keeping key order, number text and byte
// offsets, Flatten turns an object into one row, DecodeBase64, Gunzip and
// CheckUTF8 decode record data. Describe tells a user interface what the
// engine knows: every code with its words, the presets, input kinds and
// limits (the page gets it through firehose.describe()).
//
// Every finding's Code is in the catalog (catalog.go): Catalog lists them
// and Code.Info says, for each, Firehose's message, its confidence, what it
// means in plain words, what Firehose does next and the row of
// docs/firehose-contract.md it comes from. The page shows these words; a
// new code is one constant and one entry there (and a row of the contract
// when it is a Firehose behaviour), written with the finding builder of
// finding.go:
//
//	f.at(codeRecordSize, SevWarning, inputSpan(start, end)).rec(i).say("Record %d is …", i)
//
// The files follow the pipeline: event.go reads the input, decode.go and
// payload.go decode each record, json.go names the JSON reader's types
// (internal/jsonpos parses; json.go adds Python's limits and exceptions),
// pretty.go lays out decoded JSON for the report, records.go
// processes the records (in chunks that workers share, one per processor,
// reusing buffers from run to run), run.go orchestrates a run and
// result.go cuts its report for a window of records, seed.go, ndjson.go and identity.go are the presets (with
// internal/pyemu writing values as CPython does for the seed), check.go and
// response.go judge the response, s3.go previews the bucket from a verdict
// (previewS3, a function of the stream, the event, the verdict and the
// outputs), catalog.go and finding.go hold
// the codes and write findings, and report.go holds the report's types. docs/firehose-contract.md says what Firehose does, with
// the confidence of each behaviour; docs/seed-lambda.md describes the
// seed Lambda.
package transform
