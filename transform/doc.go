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
// A Report is encoded to JSON with encoding/json, or, without reflection
// and to the same bytes, with rep.AppendJSON(buf) (what the WebAssembly
// adapter uses).
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
// Every finding's Code is in the catalog: Catalog lists them and Code.Info
// says, for each, Firehose's message, its confidence, what it means in
// plain words, what Firehose does next and the row of
// docs/firehose-contract.md it comes from. The page shows these words.
//
// The engine's stages are packages under internal/, each with its own
// documentation, tests and examples, importing downward only:
//
//   - internal/report: the report's types (this package's Report, Finding,
//     Verdict… are its, by alias), the catalog of codes, the finding
//     builder every stage writes with;
//   - internal/event: the event reader: the Firehose event, and what else
//     people hold (base64 lines, JSON payloads, printed events,
//     processing-failed lines, CLI output, Kinesis events), each record's
//     data and payload;
//   - internal/preset: the presets, each a Preset that names itself, owns
//     its response body's frame and makes a Handler per chunk of records;
//   - internal/firehose: the judge: the response read once and matched to
//     the records, then one rule per group of the contract's rows;
//   - internal/s3preview: what lands in S3, a function of the stream, the
//     event, the verdict and the outputs;
//   - beneath them, internal/jsonpos (JSON with offsets), internal/pyemu
//     (what CPython writes, and where json.loads gives up) and
//     internal/s3key (S3 naming).
//
// This package puts them together. run.go is the pipeline: read the input
// (event.ReadInput), process the records in chunks that workers share
// (records.go, one chunk per processor, reusing buffers from run to run),
// judge the answer (firehose.Judge), preview S3 (s3preview.Preview), then
// turn byte offsets into UTF-16 once. result.go cuts a kept run's report
// for a window of records; request.go reads the wasm adapter's request;
// describe.go is the engine's description of itself; the other files name
// the stages' types for a Go caller (report.go, event.go, flatten.go,
// json.go).
//
// Why packages: each stage can be read, tested and changed on its own
// terms. The judge is tested with an event and a response, without a
// preset; the S3 preview with a stream, a verdict and outputs, without a
// judge; a preset through its frame, without a report. A stage cannot reach
// into another's state: what crosses is a type the stages share
// (internal/report's) or a stage's exported result (firehose.Judged,
// event.Event). The cost is that a Go caller reading this package's
// documentation sees aliases; the types' documentation is in
// internal/report.
//
// docs/firehose-contract.md says what Firehose does, with the confidence
// of each behaviour; docs/seed-lambda.md describes the seed Lambda.
package transform
