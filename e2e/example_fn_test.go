//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestFixTheSeedYourself loads the gallery's example whose transform is the
// seed Lambda's own code in the page's Python: it runs at once (it is the
// project's code, and the page says so), loses the rows the seed loses, and
// once the code is fixed in the editor every row is delivered.
func TestFixTheSeedYourself(t *testing.T) {
	const file = "14-fix-the-seed-yourself.json"
	p := openTab(t)
	p.loadExample(file)
	if got := p.evalString(`document.querySelector('select[name="preset"]').value`); got != "python" {
		t.Fatalf("the example's transform is %q, want python", got)
	}
	if p.invocations() == 0 {
		t.Fatal("the example's code did not run when the example was chosen")
	}
	if got := p.evalString(`document.getElementById("fn-note").textContent`); !strings.Contains(got, "the project's own") || !strings.Contains(got, "runs as soon as the example is chosen") {
		t.Errorf("the function's note says %q, want why the example's code runs without Run", got)
	}
	if got := p.editorText("Function code"); !strings.Contains(got, "def generate_result_value(dict_bytes, record_id)") {
		t.Errorf("the code editor holds\n%s\nwant the seed Lambda's code", got)
	}
	if logs := p.evalString(`document.getElementById("logs").textContent`); !strings.Contains(logs, "START RequestId: ") || !strings.Contains(logs, "REPORT RequestId: ") {
		t.Errorf("the function's logs are\n%s", logs)
	}
	v := p.verdict()
	if v.Records != 3 || v.Delivered != 3 || v.Lost != 3 || v.LostRows != 3 || v.BatchError != "" {
		t.Errorf("the seed's code: %+v, want 3 delivered and 3 outputs ignored, 3 rows lost", v)
	}
	if !p.hasFinding("response.lostRows") {
		t.Errorf("no response.lostRows finding; listed: %s", joinCodes(v.Codes))
	}
	if p.evalString(`document.getElementById("s3").textContent`) == "" || p.evalBool(`document.getElementById("s3").textContent.includes("result-3")`) {
		t.Errorf("the S3 preview holds the row the seed loses (result-3), or nothing")
	}

	// The fix the description names: one output per input record, the same
	// recordId, the rows newline-delimited in its data.
	n := p.invocations()
	p.setCode(pyCode(t, "fix.py"))
	p.invoked(n)
	v = p.verdict()
	if v.Records != 3 || v.Delivered != 3 || v.Lost != 0 || v.LostRows != 0 || v.BatchError != "" {
		t.Errorf("the fixed code: %+v, want all 3 records delivered and nothing lost", v)
	}
	for _, c := range []string{"response.lostRows", "response.ignoredRecordId", "response.delimiter"} {
		if p.hasFinding(c) {
			t.Errorf("the fixed code still has a %s finding", c)
		}
	}
	for _, row := range []string{"signup", "/join", "result-3"} {
		if !p.evalBool(`document.getElementById("s3").textContent.includes(` + jsString(row) + `)`) {
			t.Errorf("the S3 preview does not hold the row with %s", row)
		}
	}
	if got := p.evalString(`document.getElementById("example-note").dataset.edited || ""`); got != "true" {
		t.Errorf("after the fix the example note is not said to be changed")
	}
}
