package main

import (
	"fmt"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/transform"
)

// Documents are the large texts of a report that the page fetches only
// when a view shows them or an export asks for them, instead of receiving
// them escaped inside the report's JSON: the Lambda body ("body"), the
// event the playground built from base64 lines or JSON payloads ("event"),
// and a requested export ("export"). They belong to one run: the next run
// replaces them, and asking for those of an older run gets nothing.
const (
	docBody   = "body"
	docEvent  = "event"
	docExport = "export"
)

// The report of a run whose documents are kept aside is the report's own
// fields (with lambda.body null, event and export empty) and one more,
// "documents": {"run": N, "sizes": {"body": bytes, …}}, which says which
// run the report belongs to and the size in bytes of each document kept
// aside for it.

// adapter runs requests and keeps the documents of the latest one, and
// the run itself: a request that differs from it only in its window of
// records (Request.Detail: the page opening another page of records) is
// answered from the kept run without running the transform again, with
// the same run number and documents.
type adapter struct {
	run   int
	docs  map[string]string
	last  *transform.Result // nil when the latest run is not kept
	req   transform.Request // the latest run's request
	sizes map[string]int
	// reused tells that the latest request was answered from the kept run
	// (its input and response bytes are not kept); scratch holds the
	// bytes of such a request's input and response for the next one.
	reused  bool
	scratch [2][]byte
}

// collect frees the memory the latest run, or the latest report cut from
// the kept run, no longer holds. The page's worker calls it once a run's
// results are out (firehose.collect()): collected then, off the run's
// path, that memory serves the next run instead of WebAssembly's growing,
// which it never gives back.
func (a *adapter) collect() {
	runtime.GC()
}

// buffer returns n bytes to copy a part of a request into (0 its input, 1
// its response): the bytes of the previous request when it was answered
// from the kept run, which holds none of them, else new ones.
func (a *adapter) buffer(part, n int) []byte {
	if !a.reused || cap(a.scratch[part]) < n {
		a.scratch[part] = make([]byte, n)
	}
	return a.scratch[part][:n]
}

// runBytes runs a request whose input and response arrived as bytes, next
// to the rest of the request as JSON text, and returns the report as pure
// ASCII JSON (non-ASCII characters escaped) without its documents, which
// stay in the adapter until the next run. A nil input or response is the
// one in the request text, if any (text with lone surrogates, which UTF-8
// cannot carry, crosses that way). It never panics.
func (a *adapter) runBytes(request string, input, response []byte) (report string) {
	a.reused = false
	defer func() {
		if r := recover(); r != nil {
			a.run++
			a.docs, a.last = nil, nil
			report = panicReport(r)
		}
	}()
	req, err := transform.ParseRequest(request)
	if err == nil {
		if input != nil {
			req.Input = text(input)
		}
		if response != nil {
			req.Response = text(response)
		}
		if a.last != nil && sameRun(a.req, req) {
			rep := a.last.Report(req.Detail)
			rep.Lambda.Body, rep.Event = nil, "" // as in the kept run's documents
			a.reused = true
			return a.encode(rep, a.sizes)
		}
	}
	// A new run: the kept one goes first, so that the two never hold
	// memory at the same time.
	a.run++
	a.docs, a.last = nil, nil
	if err != nil {
		return failure(transform.CodeRequestJSON, "The request is not valid: "+err.Error())
	}
	res := evaluate(req)
	rep := res.Report(req.Detail)
	docs := map[string]string{}
	sizes := map[string]int{}
	keep := func(name string, text string) {
		docs[name] = text
		sizes[name] = len(text)
	}
	if rep.Lambda.Body != nil {
		keep(docBody, *rep.Lambda.Body)
		rep.Lambda.Body = nil
	}
	if rep.Generated {
		keep(docEvent, rep.Event)
		rep.Event = ""
	}
	if req.Export != "" {
		keep(docExport, rep.Export)
		rep.Export = ""
	}
	report = a.encode(rep, sizes)
	a.docs = docs
	if req.Export == "" {
		a.last, a.req, a.sizes = res, req, sizes
	}
	return report
}

// encode writes the report of the latest run, its documents kept aside.
func (a *adapter) encode(rep *transform.Report, sizes map[string]int) string {
	return encode(func(b []byte) []byte {
		o := report.Object(b)
		rep.AppendMembers(&o)
		o.Key("documents")
		docs := report.Object(o.B)
		docs.Int("run", a.run)
		docs.Key("sizes")
		sz := report.Object(docs.B)
		for _, name := range slices.Sorted(maps.Keys(sizes)) {
			sz.Int(name, sizes[name])
		}
		docs.B = sz.Close()
		o.B = docs.Close()
		return asciiJSON(o.Close())
	})
}

// sameRun tells whether two requests ask for the same run, whatever
// window of records each describes: the same input, response, transform
// and stream, and no export.
func sameRun(a, b transform.Request) bool {
	if a.Export != "" || b.Export != "" {
		return false
	}
	ra, rb := a.Firehose.Retries, b.Firehose.Retries
	if (ra == nil) != (rb == nil) || ra != nil && *ra != *rb {
		return false
	}
	a.Firehose.Retries, b.Firehose.Retries = nil, nil
	a.Detail, b.Detail = transform.Detail{}, transform.Detail{}
	return a == b
}

// text is b as a string without copying it: b is the caller's own copy,
// never written again.
func text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// document returns a document of the given run, and false when that run is
// not the latest or holds no such document.
func (a *adapter) document(run int, name string) (string, bool) {
	if run != a.run {
		return "", false
	}
	text, ok := a.docs[name]
	return text, ok
}

// panicReport is the report of an engine that panicked.
func panicReport(r any) string {
	return failure(transform.CodeEnginePanic, fmt.Sprintf(
		"The engine failed on this input (%v). This is a bug in the playground; the page keeps working.\n\n%s",
		r, trimStack(debug.Stack())))
}

// asciiJSON escapes every non-ASCII character of JSON text as \uXXXX (a
// surrogate pair above U+FFFF), so that JavaScript keeps the text one
// byte per character. The report's writer writes valid UTF-8 only, and only
// inside strings, where an escape means the same character. Runs of ASCII
// are copied whole, and each escape is written in place.
func asciiJSON(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return b
	}
	const hex = "0123456789abcdef"
	out := make([]byte, 0, len(b)+len(b)/2)
	esc := func(u rune) {
		n := len(out)
		out = append(out, "\\u0000"...)
		out[n+2], out[n+3], out[n+4], out[n+5] = hex[u>>12&15], hex[u>>8&15], hex[u>>4&15], hex[u&15]
	}
	start := 0
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		out = append(out, b[start:i]...)
		r, n := utf8.DecodeRune(b[i:])
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			esc(hi)
			esc(lo)
		} else {
			esc(r)
		}
		i += n
		start = i
	}
	return append(out, b[start:]...)
}
