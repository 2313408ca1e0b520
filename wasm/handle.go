// Command wasm is the WebAssembly adapter of the engine: built with
// GOOS=js GOARCH=wasm, it registers globalThis.firehose with
//
//	firehose.version                 the engine's version
//	firehose.run(request)            request JSON text in, report JSON text out
//	firehose.run({request, input, response})
//	                                 the same request, its input and response
//	                                 as Uint8Arrays of UTF-8 (or strings) and the
//	                                 rest as JSON text; the report comes back as
//	                                 pure ASCII JSON without its large documents
//	firehose.document(run, name)     one of those documents, as a Uint8Array, or
//	                                 null once a later run replaced it
//	firehose.describe()              the engine's description (transform.Describe)
//	                                 as JSON text: every finding code with its
//	                                 words, the presets, input kinds, limits
//	firehose.collect()               frees the memory the latest run no longer
//	                                 holds (the page's worker calls it once a
//	                                 run's results are out)
//
// The first form is the plain contract: the whole report, Lambda body
// inline. The second is what the page uses: a 6 MB event's report would
// otherwise carry a 10 MB body escaped inside JSON, and cross from Go to
// JavaScript, through JSON.parse and to the page's thread whole, before the
// page could show its summary. Its report has lambda.body null, event and
// export empty, and "documents": {"run": N, "sizes": {"body": bytes, …}}
// saying which documents the run holds (see documents.go).
//
// run never throws: a request that is not JSON, and even a panic inside the
// engine, come back as a report with a finding that says what happened.
package main

import (
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/transform"
)

// runEngine and evaluate are the engine's entry points; tests replace
// them to check that a panic becomes a report.
var (
	runEngine = transform.Run
	evaluate  = transform.Evaluate
)

// handle runs one request and returns the report as JSON text.
func handle(request string) (report string) {
	defer func() {
		if r := recover(); r != nil {
			report = panicReport(r)
		}
	}()
	req, err := transform.ParseRequest(request)
	if err != nil {
		return failure(transform.CodeRequestJSON, "The request is not valid: "+err.Error())
	}
	return encode(runEngine(req).AppendJSON)
}

// encode writes a report, or the engine.encode failure when writing it
// panics: a bug, the report holding a value its writer does not expect.
func encode(write func([]byte) []byte) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = failure(transform.CodeEngineEncode, fmt.Sprintf("The report could not be encoded (%v). This is a bug in the playground; the page keeps working.", r))
		}
	}()
	return string(write(nil))
}

// describe is the engine's description as JSON text.
func describe() string {
	d := transform.Describe()
	return string(d.AppendJSON(nil))
}

// failure is a report that holds nothing but one error finding, in the
// shape of any report.
func failure(code transform.Code, msg string) (out string) {
	rep := transform.Report{
		Version:  transform.Version,
		Records:  []transform.Record{},
		Verdict:  transform.Verdict{Records: []transform.RecordVerdict{}, Ignored: []transform.Ignored{}, Alternatives: []transform.Alternative{}},
		Findings: []transform.Finding{{Code: code, Severity: transform.SevError, Message: msg, Span: transform.Span{Doc: transform.DocInput}, Record: -1, Output: -1}},
		Stats:    transform.Stats{ResponseLimit: transform.LambdaPayloadLimit},
	}
	defer func() {
		if recover() != nil { // cannot happen: the report holds only strings and numbers
			out = lastResort
		}
	}()
	return string(rep.AppendJSON(nil))
}

// lastResort is failure's report when even that cannot be encoded, written
// out by hand (a test holds it to failure's).
const lastResort = `{"version":"` + transform.Version + `","inputKind":"","detected":false,"source":"","generated":false,"preset":"",` +
	`"window":{"from":0,"count":0,"total":0},"records":[],"lambda":{"body":null,"error":null},"response":null,` +
	`"verdict":{"batchError":null,"records":[],"ignored":[],"alternatives":[]},"s3":null,` +
	`"findings":[{"code":"engine.encode","severity":"error","message":"internal error","doc":"input","start":0,"end":0,"record":-1,"output":-1}],` +
	`"stats":{"inputBytes":0,"records":0,"skippedRecords":0,"outputs":0,"delivered":0,"dropped":0,"failed":0,"ignored":0,"lostRows":0,"responseBytes":0,"responseLimit":6291556,"micros":0}}`

// trimStack keeps the frames of the panic, not those of the runtime.
func trimStack(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 40 {
		lines = lines[:40]
	}
	return strings.Join(lines, "\n")
}
