//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPerfNodeFunction measures the Node.js runtime: how long it takes to be
// ready once chosen (cold: a fresh browser context; warm: the page loaded
// again in it), and the starter (AWS's blueprint shape) on a ~6 MB event in
// the page against the same code in the machine's Node.js. It asserts
// nothing about time: run it on purpose,
//
//	FIREHOSE_PERF=1 go test -count=1 -tags e2e -run PerfNode -v ./e2e
func TestPerfNodeFunction(t *testing.T) {
	if os.Getenv("FIREHOSE_PERF") == "" {
		t.Skip("set FIREHOSE_PERF=1 to measure the page's speed")
	}
	p := openTab(t)
	ready := func(label string) {
		n := p.invocations()
		start := time.Now()
		p.chooseFunction("nodejs")
		p.poll(`document.documentElement.dataset.runtime === "ready"`)
		took := time.Since(start)
		p.invoked(n)
		t.Logf("Node.js runtime ready (%s): %v after choosing it; %s", label, took.Round(time.Millisecond),
			p.evalString(`document.getElementById("fn-runtime").textContent`))
	}
	ready("cold: a fresh browser context")
	p.setPreset("seed")     // the page loaded again starts on a built-in transform
	time.Sleep(time.Second) // the session is saved
	p.open(baseURL)
	ready("warm: the page loaded again")

	// Lambda's longest timeout: the page's runtime is slower than Lambda's.
	runs := p.runs()
	p.setField("#fn-timeout", "900")
	p.waitRuns(runs)
	event := bigEvent(6 << 20)
	runs = p.runs()
	n := p.invocations()
	p.paste(inputLabel, event)
	p.invoked(n)
	p.waitRuns(runs)
	report := regexp.MustCompile(`REPORT RequestId: \S+\tDuration: ([0-9.]+) ms`)
	var page []float64
	for i := 0; i < 3; i++ {
		n := p.invocations()
		p.click("#run")
		p.invoked(n)
		m := report.FindStringSubmatch(p.evalString(`document.getElementById("logs").textContent`))
		if m == nil {
			t.Fatalf("no REPORT line in the logs")
		}
		d, _ := strconv.ParseFloat(m[1], 64)
		page = append(page, d)
		if v := p.verdict(); v.BatchError != "" || v.Delivered != v.Records {
			t.Errorf("the starter on the big event: %+v, want every record delivered", v)
		}
	}
	t.Logf("the starter on a %.1f MB event (%s records) in the page: %v ms (three runs)", float64(len(event))/1e6, p.stat("records"), page)

	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node on PATH to compare with")
	}
	dir := t.TempDir()
	code := p.editorText("Function code")
	must(t, os.WriteFile(filepath.Join(dir, "index.mjs"), []byte(code), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "event.json"), []byte(event), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "run.mjs"), []byte(`import { readFileSync } from "node:fs";
import { handler } from "./index.mjs";
const text = readFileSync(new URL("./event.json", import.meta.url), "utf8");
const out = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const body = JSON.stringify(await handler(JSON.parse(text), {}));
  out.push((performance.now() - t0).toFixed(1));
  if (!body) throw new Error("no body");
}
console.log(out.join(" "));
`), 0o644))
	out, err := exec.Command(node, filepath.Join(dir, "run.mjs")).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	version, _ := exec.Command(node, "--version").Output()
	t.Logf("the same code in Node.js %s (parse, handler, stringify): %s ms (three runs)", strings.TrimSpace(string(version)), strings.TrimSpace(string(out)))
	fmt.Println()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
