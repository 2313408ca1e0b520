package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/firehose"
)

// FuzzOtherKinds runs every new input kind, detected and forced, on
// anything: no panic, every range inside its document, and a built event
// that reads back as an event.
func FuzzOtherKinds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "inputs", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4096 {
			f.Add(string(b), "auto")
		}
	}
	f.Add(`{"Records":[{"kinesis":{"data":"QQ==","sequenceNumber":"1","approximateArrivalTimestamp":"x"}}]}`, KindKinesis)
	f.Add(`[{"Data":1}]`, KindCLI)
	f.Add("{\"rawData\":\"Q\",\"errorCode\":\"X\",\"errorMessage\":\"m\",\"attemptsMade\":1,\"arrivalTimestamp\":1}\nnope", KindFailed)
	f.Add("[INFO]\t2026-12-07T10:00:00.123Z\t3f8e2c1a-5b7d-4e9f-a0c2-6d1b8e4f7a93\tevent: {'records': [{'recordId': 'r', 'data': 'Q'}]}", KindPrinted)
	f.Fuzz(func(t *testing.T, text, kind string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, k := range []string{kind, KindPrinted, KindFailed, KindCLI, KindKinesis} {
			rep := Run(Request{Input: text, InputKind: k, Preset: PresetIdentity})
			checkRanges(t, rep.Findings, text, derefOr(rep.Lambda.Body))
			for _, r := range rep.Records {
				if n := utf16Len(text); r.Start < 0 || r.End < r.Start || r.End > n || r.DataStart < 0 || r.DataEnd > n {
					t.Fatalf("kind %s: record %d at [%d,%d) data [%d,%d) in %d units", k, r.Index, r.Start, r.End, r.DataStart, r.DataEnd, n)
				}
			}
			if rep.Generated && rep.InputKind != KindBase64 && rep.InputKind != KindJSON {
				again := Run(Request{Input: rep.Event, InputKind: KindEvent, Preset: PresetIdentity})
				if again.Stats.Records != rep.Stats.Records {
					t.Fatalf("kind %s: the built event reads back with %d records, not %d:\n%s", k, again.Stats.Records, rep.Stats.Records, rep.Event)
				}
			}
		}
	})
}

// FuzzResponseInLog checks a response pasted with anything around it: no
// panic, ranges inside the pasted text.
func FuzzResponseInLog(f *testing.F) {
	f.Add("START RequestId: x\n{\"records\": [{\"recordId\": \"r0\", \"result\": \"Ok\", \"data\": \"QQo=\"}]}\nEND\n")
	f.Add("Response\n{\n  \"errorMessage\": \"boom\",\n  \"errorType\": \"Error\"\n}\n\nFunction Logs\n{")
	f.Fuzz(func(t *testing.T, resp string) {
		if !utf8.ValidString(resp) || strings.TrimSpace(resp) == "" {
			return
		}
		rep := Check(threeRecords, resp, firehose.Options{})
		checkRanges(t, rep.Findings, threeRecords, resp)
		if rep.Response != nil {
			for _, o := range rep.Response.Records {
				if o.Start < 0 || o.End < o.Start || o.End > utf16Len(resp) {
					t.Fatalf("output %d at [%d,%d) in %d units", o.Index, o.Start, o.End, utf16Len(resp))
				}
			}
		}
	})
}

// derefOr returns *s, or "" for nil.
func derefOr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
