package transform

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// utf16Len is the length of s in UTF-16 units, as JavaScript counts.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// checkRanges fails the test for any range outside the documents.
func checkRanges(t *testing.T, fs []Finding, input, response string) {
	t.Helper()
	for _, f := range fs {
		n := utf16Len(input)
		if f.Doc == DocResponse {
			n = utf16Len(response)
		}
		if f.Start < 0 || f.End < f.Start || f.End > n {
			t.Fatalf("finding %s has range [%d,%d) outside a document of %d units", f.Code, f.Start, f.End, n)
		}
	}
}

func FuzzParseEvent(f *testing.F) {
	f.Add(`{"records":[{"recordId":"a","data":"eyJhIjogMX0="}]}`, "auto")
	f.Add(`{"records":[{"recordId":"가","approximateArrivalTimestamp":"2026-01-01T00:00:00Z","data":"eyJh"}],"deliverySteamArn":1}`, "event")
	f.Add(`{"sourceKinesisStreamArn":"x","records":[{"recordId":"a","data":"H4sI","kinesisRecordMetadata":{"subsequenceNumber":""}}]}`, "event")
	f.Add("eyJhIjogMX0=\n\nnot base64!\n", "base64")
	f.Add("{\"a\": 1}\n{\"a\": 2}\n", "json")
	f.Add("\ufeff[{\"a\":", "auto")
	f.Fuzz(func(t *testing.T, text, kind string) {
		if !utf8.ValidString(text) {
			return // Run replaces invalid UTF-8 before reading; JavaScript strings are always valid
		}
		ev, fs := ParseEvent(text, kind)
		checkRanges(t, fs, text, "")
		for _, r := range ev.Records {
			if r.Start < 0 || r.End < r.Start || r.End > len(text) {
				t.Fatalf("record %d has byte range [%d,%d) in %d bytes", r.Index, r.Start, r.End, len(text))
			}
		}
	})
}

func FuzzDecodeBase64(f *testing.F) {
	for _, s := range []string{"", "QQ==", "QQ", "QUJD", "Q", "a-b_", "QQ==QQ==", "QU\nJD", "QR==", "=", "QUJD!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := DecodeBase64(s)
		if err == nil {
			if got := base64.StdEncoding.EncodeToString(b); got != s {
				t.Fatalf("DecodeBase64(%q) took non-canonical input without a finding (re-encodes to %q)", s, got)
			}
			return
		}
		e := err.(*Base64Error)
		if e.Lenient != (b != nil) {
			t.Fatalf("DecodeBase64(%q): lenient=%v but bytes=%v", s, e.Lenient, b != nil)
		}
		if e.Offset < 0 || e.Offset > len(s) {
			t.Fatalf("offset %d outside %q", e.Offset, s)
		}
	})
}

func FuzzGunzip(f *testing.F) {
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0x1f, 0x8b})
	f.Add([]byte("not gzip"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := Gunzip(b, 1<<20)
		if err == nil && len(out) > 1<<20 {
			t.Fatalf("inflated %d bytes past the limit", len(out))
		}
		if err != nil {
			if _, ok := err.(*GzipError); !ok {
				t.Fatalf("error %T is not a *GzipError", err)
			}
		}
	})
}

func FuzzFlatten(f *testing.F) {
	f.Add(`{"a":{"b":[1,{"c":null}]},"a.b":2,"":{"":""}}`, ".", 0, true, false)
	f.Add(`[1,2]`, "_", 2, false, true)
	f.Fuzz(func(t *testing.T, doc, sep string, depth int, index, str bool) {
		v, err := ParseJSON(doc)
		if err != nil {
			return
		}
		opts := Options{Separator: sep, MaxDepth: depth % 8}
		if index {
			opts.Arrays = "index"
		}
		if str {
			opts.Values = "string"
		}
		fields, colls := Flatten(&v, opts)
		seen := map[string]bool{}
		for _, fd := range fields {
			if seen[fd.Key] {
				t.Fatalf("key %q twice in one row", fd.Key)
			}
			seen[fd.Key] = true
			if !json.Valid([]byte(fd.Value)) && !v.IsNonStandard() && jsonpos.FindNonStandard(&v) == nil {
				t.Fatalf("value %q of %q is not JSON", fd.Value, fd.Key)
			}
		}
		for _, c := range colls {
			if !seen[c.Key] {
				t.Fatalf("collision on %q, which is not in the row", c.Key)
			}
		}
	})
}

// FuzzRun runs every preset on any input: it never panics, the report
// always encodes, every range lies in its document, and the ndjson preset
// answers every record of an event exactly once.
func FuzzRun(f *testing.F) {
	f.Add(`{"records":[{"recordId":"a","data":"W3siYSI6IDF9LCB7ImEiOiAyfV0="},{"recordId":"b","data":"e30="}]}`, uint8(0))
	f.Add(`[{"a": {"b": [1, "x", {"c": NaN}]}}]`, uint8(1))
	f.Add("eyJhIjogMX0=\neyJhIjog", uint8(2))
	f.Add(`{"records":[{"recordId":1,"data":"W3sieCI6MX0seyJ4IjoyfV0="}]}`, uint8(3))
	f.Add("{\"records\":[{\"recordId\":\"\xff\",\"data\":\"e30=\"}]}", uint8(2))
	f.Fuzz(func(t *testing.T, input string, p uint8) {
		// Run reads invalid UTF-8 as the page shows it, each run of bad
		// bytes as one U+FFFD, and its ranges are in that text.
		shown := strings.ToValidUTF8(input, "\ufffd")
		preset := Presets[int(p)%len(Presets)]
		rep := Run(Request{Input: input, Preset: preset})
		if _, err := json.Marshal(rep); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
		body := ""
		if rep.Lambda.Body != nil {
			body = *rep.Lambda.Body
			if rep.Lambda.Error != nil {
				t.Fatal("both a body and an error")
			}
		}
		checkRanges(t, rep.Findings, shown, body)
		if preset == PresetNDJSON && rep.InputKind == KindEvent && rep.Lambda.Body != nil {
			var resp struct{ Records []json.RawMessage }
			if err := json.Unmarshal([]byte(body), &resp); err != nil {
				t.Fatalf("ndjson body is not JSON: %v", err)
			}
			if len(resp.Records) != rep.Stats.Records {
				t.Fatalf("ndjson returned %d records for %d", len(resp.Records), rep.Stats.Records)
			}
		}
	})
}
