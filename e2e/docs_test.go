//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// fieldDocShown waits for the field doc of path and returns its text; on
// a key with a finding, the doc is in the finding's card, opened with a click.
func (p *tab) fieldDocShown(path string) string {
	p.t.Helper()
	sel := fmt.Sprintf(`.cm-tooltip-hover .field-doc[data-path=%q]`, path)
	p.poll(fmt.Sprintf(`!!document.querySelector(%q) || !!document.querySelector(".cm-tooltip-hover .finding-card-doc:not([hidden])")`, sel))
	if p.evalBool(`!!document.querySelector(".cm-tooltip-hover .finding-card-doc:not([hidden]):not([open])")`) {
		p.click(".cm-tooltip-hover .finding-card-doc > summary")
	}
	p.poll(fmt.Sprintf(`[...document.querySelectorAll(%q)].some((el) => el.checkVisibility())`, sel))
	return p.evalString(fmt.Sprintf(`document.querySelector(%q).textContent`, sel))
}

func TestFieldDocsOnHover(t *testing.T) {
	p := openTab(t) // the default example: a Direct PUT event
	for _, c := range []struct{ key, path, says string }{
		{`"recordId"`, "records.recordId", "never parse it"},
		{`"approximateArrivalTimestamp"`, "records.approximateArrivalTimestamp", "epoch milliseconds"},
		{`"deliveryStreamArn"`, "deliveryStreamArn", "deliverySteamArn"},
	} {
		if !p.hover(inputLabel, c.key) {
			t.Fatalf("the input does not show %s", c.key)
		}
		if text := p.fieldDocShown(c.path); !strings.Contains(text, c.says) || !strings.Contains(text, "Type:") {
			t.Errorf("the doc of %s says %q, want its type and %q", c.path, text, c.says)
		}
	}
	// A value is not a field: no doc.
	p.hover(inputLabel, `"ap-northeast-2"`)
	p.poll(`!document.querySelector(".cm-tooltip-hover .field-doc")`)

	// The path decides: subsequenceNumber inside kinesisRecordMetadata.
	p.loadExample("06-kinesis-source.json")
	p.hover(inputLabel, `"subsequenceNumber"`)
	if text := p.fieldDocShown("records.kinesisRecordMetadata.subsequenceNumber"); !strings.Contains(text, "aws-lambda-go") {
		t.Errorf("the doc of subsequenceNumber says %q, want the common mistake about strings", text)
	}

	// The response editor has the response's docs.
	p.loadExample("12-dynamic-partitioning.json")
	p.poll(`document.getElementById("response-box").open`)
	p.hover(responseLabel, `"partitionKeys"`)
	if text := p.fieldDocShown("records.metadata.partitionKeys"); !strings.Contains(text, "partitionKeyFromLambda") {
		t.Errorf("the doc of metadata.partitionKeys says %q", text)
	}
	p.hover(responseLabel, `"result"`)
	if text := p.fieldDocShown("records.result"); !strings.Contains(text, "case-sensitive") {
		t.Errorf("the doc of result says %q", text)
	}
	p.shot("field-doc")
}

func TestErrorCodesSayWhatFirehoseDoes(t *testing.T) {
	p := openTab(t)
	p.loadExample("03-seed-v1-duplicates.json")
	title := p.evalString(`document.querySelector('#findings li.finding[data-code="Lambda.DuplicatedRecordId"] code[data-code]').title`)
	if !strings.Contains(title, "exactly one output record per input record") || !strings.Contains(title, "Confidence: unconfirmed") {
		t.Errorf("hovering Lambda.DuplicatedRecordId says %q, want what Firehose does and how sure we are", title)
	}
	// The same words, for keyboard and touch, under the finding.
	p.click(`#findings li.finding[data-code="Lambda.DuplicatedRecordId"] details.code-doc > summary`)
	if text := p.evalString(`document.querySelector('#findings li.finding[data-code="Lambda.DuplicatedRecordId"] details.code-doc').textContent`); !strings.Contains(text, "Confidence: unconfirmed") {
		t.Errorf("the code's disclosure says %q", text)
	}
	// Codes in the verdicts too: the record list and the batch error.
	p.loadExample("04-empty-payload-poisons-batch.json")
	if title := p.evalString(`document.querySelector('#problems [data-kind="batch-error"] code[data-code="Lambda.FunctionError"]').title`); !strings.Contains(title, "Confidence: confirmed") {
		t.Errorf("the batch error's code says %q", title)
	}
	p.loadExample("08-response-missing-record.json")
	if title := p.evalString(`document.querySelector('#records code.rec-code[data-code="Lambda.MissingRecordId"]').title`); !strings.Contains(title, "processing-failed/") {
		t.Errorf("the record list's code says %q", title)
	}
}

func TestExports(t *testing.T) {
	p := openTab(t)
	p.allowClipboard()
	dir := p.allowDownloads()
	ev := defaultExample(t)
	input := p.editorText(inputLabel)

	// The Lambda response: the exact body, copied or downloaded.
	p.click(`[data-export="response"] button[data-action="download"]`)
	body := p.downloaded(dir, "lambda-response.json")
	var resp struct {
		Records []struct{ RecordID string }
	}
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Records) < len(ev.Records) {
		t.Errorf("lambda-response.json: %v, %d records", err, len(resp.Records))
	}
	p.click(`[data-export="response"] button[data-action="copy"]`)
	p.poll(`document.querySelector(".export-status").textContent.startsWith("Copied")`)
	if got := p.clipboard(); got != string(body) {
		t.Errorf("the copied response differs from the downloaded one")
	}

	// The event, for sam local invoke -e: the pasted event.
	p.click(`[data-export="event"] button[data-action="download"]`)
	if got := string(p.downloaded(dir, "event.json")); got != input {
		t.Errorf("event.json is\n%.200s\nwant the pasted event", got)
	}

	// The decoded payloads, one NDJSON line per record.
	p.click(`[data-export="decoded"] button[data-action="download"]`)
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(p.downloaded(dir, "decoded.ndjson")))
	for sc.Scan() {
		var line struct {
			RecordID string          `json:"recordId"`
			Payload  json.RawMessage `json:"payload"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil || line.RecordID != ev.Records[lines].RecordID || len(line.Payload) == 0 {
			t.Errorf("decoded.ndjson line %d: %v %q", lines+1, err, sc.Text())
		}
		lines++
	}
	if lines != len(ev.Records) {
		t.Errorf("decoded.ndjson has %d lines, want %d", lines, len(ev.Records))
	}

	// The S3 objects, whole, and the processing-failed lines.
	p.loadExample("04-empty-payload-poisons-batch.json")
	p.click(`[data-export="s3"] button[data-action="download"]`)
	var s3 struct {
		Objects []struct{ Key, Kind, Body string }
	}
	if err := json.Unmarshal(p.downloaded(dir, "s3-objects.json"), &s3); err != nil || len(s3.Objects) == 0 {
		t.Fatalf("s3-objects.json: %v, %d objects", err, len(s3.Objects))
	}
	if o := s3.Objects[0]; o.Kind != "processing-failed" || !strings.Contains(o.Key, "processing-failed/") {
		t.Errorf("the first S3 object is %s %s, want the processing-failed one", o.Kind, o.Key)
	}
	p.click(`[data-export="failed"] button[data-action="download"]`)
	failed := strings.Split(strings.TrimSuffix(string(p.downloaded(dir, "processing-failed.ndjson")), "\n"), "\n")
	if len(failed) != 4 {
		t.Errorf("processing-failed.ndjson has %d lines, want 4 (every record of the failed batch)", len(failed))
	}
	for i, l := range failed {
		var line struct{ ErrorCode, RawData string }
		if err := json.Unmarshal([]byte(l), &line); err != nil || line.ErrorCode != "Lambda.FunctionError" {
			t.Errorf("processing-failed line %d: %v %q", i+1, err, l)
		}
	}
	// Exports never replace the report shown.
	if got := p.stat("failed"); got != "4" {
		t.Errorf("after the exports, the summary shows %q failed, want 4", got)
	}
}

// TestVerdictsShowTheirConfidence checks that a verdict that is not
// confirmed says so wherever it is shown, and that a code's hover text
// speaks of that verdict, not only of the code in general.
func TestVerdictsShowTheirConfidence(t *testing.T) {
	p := openTab(t)
	// The earlier seed repeats ids: Firehose's treatment of duplicates is
	// unconfirmed, for the records that carry them.
	p.loadExample("03-seed-v1-duplicates.json")
	if n := p.evalInt(`document.querySelectorAll('#records .record-item .confidence-unconfirmed').length`); n == 0 {
		t.Errorf("no record in the list says its verdict is unconfirmed")
	}
	p.click(`#records .record-item:has(.confidence-unconfirmed)`)
	if !p.evalBool(`!!document.querySelector('#record .verdict .confidence-unconfirmed')`) {
		t.Errorf("the chosen record's verdict does not say it is unconfirmed")
	}
	// A response over 6 MB: Lambda.FunctionError, which is only likely here.
	p.loadExample("10-response-over-6mb.json")
	title := p.evalString(`document.querySelector('#problems [data-kind="batch-error"] code[data-code="Lambda.FunctionError"]').title`)
	if !strings.Contains(title, "Confidence: likely") {
		t.Errorf("the batch error's code says %q, want the verdict's confidence (likely)", title)
	}
}

// TestFindingsPointToBothPlaces checks that a finding's other place is
// marked in its editor too, and one click away in the list.
func TestFindingsPointToBothPlaces(t *testing.T) {
	p := openTab(t)
	p.loadExample("03-seed-v1-duplicates.json")
	sel := `#findings li.finding[data-code="Lambda.DuplicatedRecordId"] .related-go`
	if n := p.evalInt(fmt.Sprintf(`document.querySelectorAll('%s').length`, sel)); n == 0 {
		t.Fatalf("the duplicate id's finding lists no other place")
	}
	label := p.evalString(fmt.Sprintf(`document.querySelector('%s').textContent`, sel))
	if !strings.Contains(label, "the first with this recordId") {
		t.Errorf("the other place is labelled %q", label)
	}
	// Both outputs carrying the id are underlined in the body, once it is
	// on screen.
	p.scrollToBody()
	p.poll(`document.querySelectorAll('#body-editor .cm-lintRange-info').length > 0`)
	p.click(sel)
	p.poll(`document.activeElement && document.activeElement.closest('#body-editor') !== null`)
	// It selects the recordId of the first output record with that id.
	if got := p.evalString(`document.getSelection().toString()`); len(got) < 3 || !strings.HasPrefix(got, `"`) || !strings.HasSuffix(got, `"`) {
		t.Errorf("choosing the other place selects %q, want the first output's recordId", got)
	}
}
