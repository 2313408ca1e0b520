//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPerfPython measures the Python runtime and prints the figures: the
// time from creating its worker to "ready", in a browser context with an
// empty HTTP cache (cold) and again in the same context (warm: the files
// come from the cache, revalidated, and V8 may reuse the compiled
// WebAssembly), then the seed handler on a ~6 MB event. It asserts nothing
// about time: run it on purpose,
//
//	FIREHOSE_PERF=1 go test -count=1 -tags e2e -run PerfPython -v ./e2e
//
// FIREHOSE_PERF_EVENT=FILE also writes the event to FILE, for
// scripts/seedbench.py to time the same code in native CPython.
func TestPerfPython(t *testing.T) {
	if os.Getenv("FIREHOSE_PERF") == "" {
		t.Skip("set FIREHOSE_PERF=1 to measure the Python runtime's speed")
	}
	p := openTab(t)
	readyIn := func(name string) (pageMs float64, r pyReady) {
		p.evalBool(fmt.Sprintf(`(self.__created = self.__created || {}, self.__created[%q] = performance.now(), true)`, name))
		_, r = startPython(t, p, name)
		p.eval(fmt.Sprintf(`__py[%q].readyAt - self.__created[%[1]q]`, name), &pageMs)
		return pageMs, r
	}
	coldMs, cold := readyIn("cold")
	warmMs, warm := readyIn("warm")

	code, err := os.ReadFile("../scripts/seed/seed_lambda.py")
	if err != nil {
		t.Fatal(err)
	}
	event := bigEvent(6_000_000)
	if f := os.Getenv("FIREHOSE_PERF_EVENT"); f != "" {
		if err := os.WriteFile(f, []byte(event), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w := &pyWorker{p: p, name: "warm"}
	var runs []string
	for i := 0; i < 3; i++ {
		d := w.invoke(string(code), "lambda_function.lambda_handler", event)
		if !d.OK || d.DurationMs == nil {
			t.Fatalf("the seed raised %+v", d.Error)
		}
		var wall float64
		p.eval(`__py.warm.doneAt - __py.warm.sentAt`, &wall)
		runs = append(runs, fmt.Sprintf("%.0f ms in the handler, %.0f ms from posting to done, %v MB of memory, %d-byte body", *d.DurationMs, wall, *d.MemoryMB, len(d.Body)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Python runtime (%s):\n", cold.Runtime)
	fmt.Fprintf(&b, "  ready, cold: %.0f ms from new Worker (%.0f ms in the worker)\n", coldMs, cold.LoadMs)
	fmt.Fprintf(&b, "  ready, warm: %.0f ms from new Worker (%.0f ms in the worker)\n", warmMs, warm.LoadMs)
	fmt.Fprintf(&b, "  seed on a %d-byte event:\n    %s\n", len(event), strings.Join(runs, "\n    "))
	t.Log("\n" + b.String())
}
