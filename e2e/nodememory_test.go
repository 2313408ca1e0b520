//go:build e2e

package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// maxMemoryUsed reads the REPORT line of the function's logs: its Max
// Memory Used in MB, or -1 when it has none.
func (p *tab) maxMemoryUsed() (int, string) {
	p.t.Helper()
	logs := p.evalString(`document.getElementById("logs").textContent`)
	m := regexp.MustCompile(`(?m)^REPORT RequestId: .*\tMax Memory Used: (\d+) MB`).FindStringSubmatch(logs)
	if m == nil {
		return -1, logs
	}
	n, _ := strconv.Atoi(m[1])
	return n, logs
}

// TestNodeReportsTheMemoryUsed checks the REPORT line of a Node.js function:
// the memory QuickJS's heap held at its most, more for a handler that
// allocates a lot (and lets it go before it returns) than for one that does
// not, and a function that grows past its memory size stopped as Lambda
// stops it.
func TestNodeReportsTheMemoryUsed(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", directPutEvent(`{"a":1}`, `{"b":2}`))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)

	const pass = "({ records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) })"
	n := p.invocations()
	p.setCode("exports.handler = async (event) => " + pass + ";\n")
	p.invoked(n)
	small, logs := p.maxMemoryUsed()
	if small <= 0 {
		t.Fatalf("the REPORT line has no Max Memory Used:\n%s", logs)
	}
	if strings.Contains(p.evalString(`document.getElementById("logs-note").textContent`), "cannot measure") {
		t.Errorf("the logs' note says the memory cannot be measured")
	}

	n = p.invocations()
	p.setCode(`exports.handler = async (event) => {
  let rows = [];
  for (let i = 0; i < 600000; i++) rows.push({ i, s: 'row ' + i });
  console.log('made', rows.length, 'rows');
  rows = null; // let go before returning: only the peak shows it
  return ` + pass + `;
};
`)
	p.invoked(n)
	big, logs := p.maxMemoryUsed()
	t.Logf("Max Memory Used: %d MB without allocating, %d MB with 600,000 objects made and let go", small, big)
	if big < small+10 {
		t.Errorf("a handler that allocated 600,000 objects used %d MB, one that did not %d MB: want at least 10 MB more\n%s", big, small, logs)
	}
	if v := p.verdict(); v.Delivered != 2 || v.BatchError != "" {
		t.Errorf("the allocating handler: %+v, want both records delivered", v)
	}

	// QuickJS takes seconds to fill 128 MB: a timeout long enough for it.
	p.setField("#fn-timeout", "60")
	n = p.invocations()
	p.setCode("exports.handler = async () => { const a = []; for (let i = 0; ; i++) a.push({ i, s: 'row ' + i }); };\n")
	p.pollLong(fmt.Sprintf(`+(document.documentElement.dataset.invocations || 0) > %d`, n))
	p.waitRuns(p.runs() - 1)
	oom, logs := p.maxMemoryUsed()
	if oom != 128 || !strings.Contains(logs, "Error Type: Runtime.OutOfMemory") || !strings.Contains(logs, "Runtime.OutOfMemory") {
		t.Errorf("past its memory size, the REPORT line says %d MB, want the memory size (128 MB) and Runtime.OutOfMemory:\n%s", oom, logs)
	}
	if v := p.verdict(); v.BatchError != "Lambda.FunctionError" {
		t.Errorf("past its memory size: %+v, want Lambda.FunctionError", v)
	}
}
