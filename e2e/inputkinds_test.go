//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestOtherInputKinds pastes what people hold instead of a clean event (the
// engine's samples): the page says what it read and shows the event it
// built, and "Input is" offers each kind.
func TestOtherInputKinds(t *testing.T) {
	p := openTab(t)
	for _, c := range []struct{ file, kind, records string }{
		{"python-print.txt", "a printed event", "3"},
		{"node-cloudwatch.txt", "a printed event", "3"},
		{"processing-failed.txt", "processing-failed lines", "4"},
		{"kinesis-lambda.txt", "a Kinesis consumer event", "2"},
	} {
		buf, err := os.ReadFile(filepath.Join("..", "transform", "testdata", "inputs", c.file))
		if err != nil {
			t.Fatal(err)
		}
		runs := p.runs()
		p.paste(inputLabel, string(buf))
		p.waitRuns(runs)
		if got := p.stat("records"); got != c.records {
			t.Errorf("%s: records in = %q, want %s", c.file, got, c.records)
		}
		if !p.evalBool(fmt.Sprintf(`document.getElementById("summary").textContent.includes(%q)`, c.kind)) {
			t.Errorf("%s: the summary does not say the input was read as %s", c.file, c.kind)
		}
		if p.evalBool(`document.getElementById("event-panel").hidden`) {
			t.Errorf("%s: the event the playground built is not shown", c.file)
		}
	}
	// The re-drive of the processing-failed lines.
	buf, err := os.ReadFile(filepath.Join("..", "transform", "testdata", "inputs", "processing-failed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	runs := p.runs()
	p.paste(inputLabel, string(buf))
	p.waitRuns(runs)
	p.click(`#exports li[data-export="redrive"] button[data-action="copy"]`)
	p.poll(`document.querySelector("#exports .export-status").textContent.startsWith("Copied")`)

	for _, kind := range []string{"printed", "processing-failed", "cli", "kinesis-lambda"} {
		if !p.evalBool(fmt.Sprintf(`[...document.querySelectorAll("select option")].some((o) => o.value === %q)`, kind)) {
			t.Errorf(`"Input is" does not offer %s`, kind)
		}
	}
}
