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
// The files follow the pipeline:
//
//   - reading the input: event.go (the Firehose event), inputkinds.go,
//     printed.go and failedlines.go (what else people hold), decode.go and
//     payload.go (each record's data); json.go names the JSON reader's
//     types (internal/jsonpos parses with offsets; json.go adds Python's
//     limits and exceptions);
//   - running a preset: run.go orchestrates a run and result.go cuts its
//     report for a window of records; records.go processes the records (in
//     chunks that workers share, one per processor, reusing buffers from
//     run to run); seed.go, ndjson.go and identity.go are the presets, each
//     one entry of presets.go (its words, its body frame, its maker), with
//     internal/pyemu writing values as CPython does for the seed and
//     flatten.go, pretty.go and jsonout.go laying out data;
//   - judging: response.go reads the response; check.go runs the judge's
//     steps; match.go pairs the response's records with the event's once;
//     each group of the contract's rows is one rule in one file,
//     rule_invocation.go (the invocation as a whole), rule_shape.go,
//     rule_ids.go, rule_results.go and rule_data.go, each adding its
//     outcomes, findings and alternative readings to a ruling; fidelity.go
//     says where the playground would claim too much; s3.go previews the
//     bucket (previewS3, a function of the stream, the event, the verdict
//     and the outputs), with internal/s3key naming its objects;
//   - reporting: catalog.go and finding.go hold the codes and write
//     findings, words.go how their messages write numbers, sizes and
//     quotes, report.go holds the report's types, describe.go the engine's
//     description of itself.
//
// Why these seams are files and not packages: the event reader, the
// presets, the rules and the S3 preview all write findings and fill the
// report's types (Finding, Span, Event, Verdict), which a Go caller of
// Check names as transform's; as packages they would each import one more
// package holding those types, and transform would only alias them. (The
// event reader alone uses 119 of the package's names, 69 of them finding
// codes, and 80 of its own are used elsewhere.) gojq, too, keeps its
// lexer, parser, compiler and encoder as files of one package. The JSON
// reader, the CPython emulation and S3's naming use none of them, so
// they are packages of their own (internal/jsonpos, internal/pyemu,
// internal/s3key), with their own tests and examples.
//
// docs/firehose-contract.md says what Firehose does, with the confidence
// of each behaviour; docs/seed-lambda.md describes the seed Lambda.
package transform
