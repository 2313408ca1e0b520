package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
)

// FuzzCheck judges any response text against any input: the checker must
// never panic, and its report must hold together (see checkInvariants).
// It also runs the ndjson preset on the input: on an event Firehose could
// send (string recordIds, within Lambda's limits), the correct shape must
// lose no record and draw no error about its response.
func FuzzCheck(f *testing.F) {
	f.Add(threeRecords, records(ok("r0", "A\n"), dropped("r1"), failed("r2")), "")
	f.Add(threeRecords, records(ok("r0", "A"), ok("r0", "B"), ok("r9", "C"), `{"recordId":"r2","result":"OK","data":"!"}`), "k=!{partitionKeyFromLambda:k}/")
	f.Add(threeRecords, `{"errorType":"Sandbox.Timedout","errorMessage":"Task timed out after 3.00 seconds"}`, "!{timestamp:yyyy}/")
	f.Add(threeRecords, `{"records":[{"recordId":"r0","result":"Ok","data":"QQ==","metadata":{"partitionKeys":{"k":"v"}}}]}`, "k=!{partitionKeyFromLambda:k}/")
	f.Add("eyJhIjoxfQ==\nbm90IGpzb24=\n", `{"records":null}`, "")
	f.Add(`{"a":1}`+"\n"+`[{"b":2}]`, `[]`, "")
	paths, _ := filepath.Glob("testdata/check/*.response.json")
	for _, p := range paths {
		resp, _ := os.ReadFile(p)
		event, _ := os.ReadFile(strings.Split(p, ".")[0] + ".event.json")
		f.Add(string(event), string(resp), "")
	}
	events, _ := filepath.Glob("testdata/seed/*.json")
	for _, p := range events {
		event, _ := os.ReadFile(p)
		f.Add(string(event), `{"records":[]}`, "")
	}
	f.Fuzz(func(t *testing.T, input, response, prefix string) {
		opts := firehose.Options{Prefix: prefix, ErrorPrefix: prefix, AppendDelimiter: len(prefix)%2 == 1}
		rep := Check(input, response, opts)
		doc := response // what the user pasted, even when it is an error object
		if strings.TrimSpace(response) == "" {
			doc = "" // no response: Run ran the default preset
			if rep.Lambda.Body != nil {
				doc = *rep.Lambda.Body
			}
		}
		checkInvariants(t, rep, input, doc)

		rep = Run(Request{Input: input, Preset: PresetNDJSON, Firehose: opts})
		body := ""
		if rep.Lambda.Body != nil {
			body = *rep.Lambda.Body
		}
		checkInvariants(t, rep, input, body)
		if !firehoseCouldSend(input) || len(body) > LambdaPayloadLimit {
			return
		}
		if len(rep.Verdict.Ignored) > 0 {
			t.Fatalf("ndjson: %d ignored output records, want none (first %q)", len(rep.Verdict.Ignored), rep.Verdict.Ignored[0].RecordID)
		}
		for _, fd := range rep.Findings {
			if fd.Doc == DocResponse && fd.Severity == SevError {
				t.Fatalf("ndjson: error finding about its response: %s: %s", fd.Code, fd.Message)
			}
		}
	})
}

// firehoseCouldSend reports whether an input reads as an event Firehose
// could send: every record has a string recordId.
func firehoseCouldSend(input string) bool {
	ev, _ := ParseEvent(strings.ToValidUTF8(input, "\ufffd"), "")
	for i := range ev.Records {
		if id := ev.Records[i].ID; id == nil || id.Kind != String {
			return false
		}
	}
	return true
}
