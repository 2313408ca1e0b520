package transform

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/s3preview"
)

// Version is the engine's version, reported as firehose.version.
const Version = "0.1.0"

// Preset names: the transforms a request can run.
const (
	PresetSeed     = preset.Seed     // the blog's Lambda, later version (ids R, R1, R2…)
	PresetSeedV1   = preset.SeedV1   // the blog's Lambda, earlier version (ids repeated)
	PresetNDJSON   = preset.NDJSON   // the correct shape: one output per record, rows newline-delimited
	PresetIdentity = preset.Identity // AWS's process-record blueprint: data unchanged
)

// Options configure how the ndjson preset flattens payloads.
type Options = preset.Options

// Presets lists the preset names in the order the page offers them.
var Presets = preset.Names()

// Request is one run: what the user pasted and what to do with it. Its zero
// values mean the documented defaults.
type Request struct {
	// Input is the text the user pasted.
	Input string `json:"input"`
	// InputKind is one of the Kind constants, or "auto"/"" to detect.
	InputKind string `json:"inputKind"`
	// Preset is the transform to run (default PresetSeed).
	Preset string `json:"preset"`
	// Options configure the ndjson preset.
	Options Options `json:"options"`
	// Response, when not blank, is a Lambda response (or a Lambda error
	// object) to check against the event instead of running the preset.
	// Log lines around it (test-invocation output) are ignored: the last
	// JSON value that starts a line and is a response or an error object
	// is the function's answer.
	Response string `json:"response"`
	// Firehose describes the delivery stream, for the verdict and the S3
	// preview.
	Firehose FirehoseOptions `json:"firehose"`
	// Detail chooses which records carry their decoded text, rows and
	// outputs in the report.
	Detail Detail `json:"detail"`
	// Export, when set, asks for one whole document in Report.Export:
	// ExportEvent, ExportDecoded, ExportS3 or ExportRedrive.
	Export string `json:"export"`
}

// What a request can export (Request.Export).
const (
	// ExportEvent is the event as JSON text, for sam local invoke -e: the
	// pasted one, or the one the playground built from what was pasted.
	ExportEvent = "event"
	// ExportDecoded is every record's payload as NDJSON, one line per
	// record: {"recordId": …, "payload": …} with the payload as JSON when it
	// is one JSON value, as a string when it is other text, and as
	// {"base64": …} when it is not UTF-8.
	ExportDecoded = "decoded"
	// ExportS3 is every object of the S3 preview, whole:
	// {"objects":[{"key", "kind", "body"}]}.
	ExportS3 = "s3"
	// ExportRedrive is the input of aws firehose put-record-batch that
	// puts every record of the event back into the delivery stream, split
	// into calls of at most 500 records and 4 MiB: a JSON array of
	// --cli-input-json documents {"DeliveryStreamName", "Records":
	// [{"Data": <base64>}]}.
	ExportRedrive = "redrive"
)

// Check judges a Lambda response against an event the way Firehose would:
// it is Run with Request.Response set, so response is the body the
// function returned (from any language), or the error object the Lambda
// runtime returned for a failed invocation. input is what Run accepts: an
// event, base64 records or JSON payloads. The report's verdict says what
// becomes of every record, and its S3 preview what lands in the bucket.
//
// A blank response is no response at all: Run then runs its default
// preset instead.
func Check(input, response string, opts FirehoseOptions) *Report {
	return Run(Request{Input: input, Response: response, Firehose: opts})
}

// FirehoseOptions describe the delivery stream: its name, its Lambda's
// ARN, NumberOfRetries, the S3 prefixes, AppendDelimiterToRecord and the
// layout of processing-failed lines.
type FirehoseOptions = firehose.Options

// Detail selects the records the report describes: Count records from From
// (default: the first 50). Their decoded text and rows stop early when they
// would make the report larger than a few megabytes.
type Detail struct {
	From  int `json:"from"`
	Count int `json:"count"`
}

const (
	defaultDetailCount = 50
	detailBudget       = 2 << 20 // bytes of decoded text and rows in one report
)

// Run reads the input, runs the preset (or takes the given response),
// and judges the result the way Firehose would. It never panics on bad
// input: every problem is reported in the report.
func Run(req Request) *Report {
	return evaluate(req, false).Report(req.Detail)
}

// Evaluate does what Run does and keeps the result whole, so that the
// report of another window of records (Request.Detail) is made from it
// without running the transform again: see Result.
func Evaluate(req Request) *Result {
	return evaluate(req, true)
}

// evaluate runs a request. Only a Result kept whole (Evaluate's) describes
// windows other than the request's: it keeps the records as they were
// read, a copy Run does without.
func evaluate(req Request, whole bool) *Result {
	started := time.Now()
	var f report.Findings
	input := req.Input
	if !utf8.ValidString(input) {
		f.At(report.CodeInputUTF8, SevWarning, report.InputSpan(0, 0)).Say(
			"The input is not valid UTF-8; invalid bytes were replaced with U+FFFD.")
		input = strings.ToValidUTF8(input, "\ufffd")
	}
	ev := event.ReadInput(input, req.InputKind, &f)
	rep := &Report{Version: Version, InputKind: ev.Kind, Detected: ev.Detected, Source: ev.Source,
		Generated: ev.Generated, Findings: []Finding{}}
	if ev.Generated {
		rep.Event = ev.Text
	}

	checking := strings.TrimSpace(req.Response) != "" && !ev.Refused
	var newPr func(*report.Findings, []byte) preset.Handler
	if !checking && !ev.Refused {
		rep.Preset = req.Preset
		if rep.Preset == "" {
			rep.Preset = PresetSeed
		}
		if k := preset.Named(rep.Preset); k != nil {
			newPr = func(f *report.Findings, body []byte) preset.Handler { return k.New(ev, req.Options, f, body) }
		} else {
			f.At(report.CodeRequestPreset, SevError, report.InputSpan(0, 0)).Say("There is no preset named %s; pick one of %s.",
				report.Quoted(req.Preset), strings.Join(Presets, ", "))
			rep.Preset = ""
		}
	}

	d := req.Detail
	if d.Count <= 0 {
		d.Count = defaultDetailCount
	}
	fr := preset.FrameOf(rep.Preset)
	open, sep, end := fr.Open, fr.Sep, fr.Close
	res := &Result{ev: ev, newPr: newPr, raisedAt: len(ev.Records)}
	if whole {
		res.fresh = slices.Clone(ev.Records)
	}
	chunks := processRecords(rep, ev, newPr, open, d, req.Export)
	res.window, res.records = rep.Window, rep.Records
	rep.Records = nil

	var body *string
	var origins []int
	logAt, logEnd := -1, -1 // the answer's place in a response pasted with log lines
	if newPr != nil {
		b, lerr := joinChunks(chunks, sep, end, &f)
		origins = joinOrigins(chunks)
		if lerr != nil {
			rep.Lambda.Error = lerr
			if lerr.Record >= 0 {
				res.raisedAt = lerr.Record
			}
		} else {
			body = &b
			rep.Lambda.Body = body
		}
	} else {
		for _, c := range chunks {
			f.Merge(&c.f)
		}
		if checking {
			body = &req.Response
			if s, e, ok := event.ResponseInLog(req.Response); ok {
				answer := req.Response[s:e]
				body, logAt, logEnd = &answer, s, e
			}
			rep.Lambda.Body = body
		}
	}

	respText := ""
	if body != nil {
		respText = *body
	}
	jd := firehose.Judge(rep.Lambda, rep.Preset, ev, req.Firehose, respText, checking, origins, &f)
	if jd.Ran {
		b := &s3preview.Batch{Stream: jd.Stream, Event: ev, Verdict: jd.Verdict.Records, Whole: req.Export == ExportS3, Findings: &f}
		if jd.Read != nil {
			b.Outputs = jd.Read.Records
		}
		rep.S3 = s3preview.Preview(b)
		jd.CapLists()
	}
	rep.Lambda, rep.Response, rep.Verdict = jd.Lambda, jd.Response, jd.Verdict
	rep.Stats = jd.Stats // the input's figures follow
	if jd.Outputs != nil {
		res.outputs = jd.Outputs
		if jd.Read != nil {
			res.outData = make([]string, len(jd.Read.Records))
			for o, or := range jd.Read.Records {
				if or.Data != nil && or.Data.Kind == String {
					res.outData[o] = or.Data.Text
				}
			}
		}
	}
	if logAt >= 0 {
		event.ShiftResponse(rep, &f, logAt)
		event.ReportLogLines(&f, req.Response, logAt, logEnd)
		respText = req.Response
	}
	switch req.Export {
	case ExportEvent:
		rep.Export = ev.Text
	case ExportDecoded:
		rep.Export = exportDecoded(chunks)
	case ExportS3:
		rep.Export = exportS3(rep.S3)
	case ExportRedrive:
		rep.Export = event.Redrive(ev, req.Firehose.StreamName)
	case "":
	default:
		f.At(report.CodeRequestExport, SevError, report.InputSpan(0, 0)).Say("There is no export named %s; ask for %s, %s, %s or %s.",
			report.Quoted(req.Export), ExportEvent, ExportDecoded, ExportS3, ExportRedrive)
	}

	f.Summarize()
	if f.List != nil {
		rep.Findings = f.List
	}
	rep.Stats.InputBytes = len(req.Input)
	rep.Stats.Records = len(ev.Records)
	rep.Stats.SkippedRecords = ev.Skipped
	rep.Stats.ResponseLimit = LambdaPayloadLimit
	res.in = jsonpos.NewUTF16Index(input)
	rep.ToUTF16(res.in, jsonpos.NewUTF16Index(respText))
	res.rep = rep
	res.micros = time.Since(started).Microseconds()
	return res
}

// reportPayload reports what is wrong with a payload when no preset looks
// at it (a pasted response is being checked).
func reportPayload(r *EventRecord, p *event.Payload, f *report.Findings) {
	if p.Kind == PayloadJSON && p.Err != nil {
		s, e := r.Map.Span(p.Err.Offset, p.Err.Offset+1)
		f.At(report.CodePayloadJSON, SevInfo, report.InputSpan(s, e)).Rec(r.Index).Say("Record %d's payload is not valid JSON: %s (line %d, column %d).",
			r.Index, p.Err.Msg, p.Err.Line, p.Err.Column)
	}
}
