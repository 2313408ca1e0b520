//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/firehose-playground/firehose-playground/transform"
)

// The engine failing, without a hook in the page's code: the test serves a
// worker.js of its own (the built one, behind a wrapper) through the Fetch
// domain. The wrapper takes over firehose.run when the engine registers it,
// and answers the requests that hold a magic word:
//
//	MAGIC-PANIC  the report wasm/handle.go returns when the engine panics
//	MAGIC-THROW  firehose.run throws, as it does once the Go program has exited
//	MAGIC-CRASH  the worker dies of an uncaught error and never answers
//	MAGIC-STUCK  the engine spins and never answers
//	MAGIC-HUGE   the worker says its engine holds 4 GiB of memory
//
// Every other request goes to the real engine.
const workerWrapper = `// e2e/failure_test.go: firehose.run answers the magic words.
(() => {
	let real = null;
	const PANIC = %s;
	const wrapped = {
		get version() { return real.version; },
		document(run, name) { return real.document(run, name); },
		describe() { return real.describe(); },
		run(request) {
			const text = typeof request === "string" ? request
				: request.request + (request.input instanceof Uint8Array ? new TextDecoder().decode(request.input) : "");
			if (text.includes("MAGIC-PANIC")) return PANIC;
			if (text.includes("MAGIC-THROW")) throw new Error("Go program has already exited");
			if (text.includes("MAGIC-CRASH")) {
				self.postMessage = () => {};
				setTimeout(() => { throw new RangeError("MAGIC-CRASH: WebAssembly.Memory.grow(): Maximum memory size exceeded"); });
				return real.run(request);
			}
			if (text.includes("MAGIC-HUGE")) {
				const post = self.postMessage;
				self.postMessage = (msg, transfer) => {
					self.postMessage = post;
					post.call(self, {...msg, memory: 4 * 1024 * 1024 * 1024}, transfer);
				};
			}
			if (text.includes("MAGIC-STUCK")) {
				for (const end = Date.now() + 30000; Date.now() < end;) {}
			}
			return real.run(request);
		},
	};
	Object.defineProperty(self, "firehose", {configurable: true, get: () => real && wrapped, set: (v) => { real = v; }});
})();
`

// panicMessage is what wasm/handle.go says when the engine panics (its
// panic value here holds markup, which must stay text).
const panicMessage = "The engine failed on this input (runtime error: index out of range [3] with length 3 <img src=x onerror=alert('panic')>). This is a bug in the playground; the page keeps working.\n\n" +
	"goroutine 1 [running]:\nruntime/debug.Stack()\n\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5\nmain.handle.func1()\n\t/src/wasm/handle.go:28 +0x3"

// panicReport is the report wasm/handle.go's failure() makes for a panic:
// the same fields, built from the engine's own types.
func panicReport(t *testing.T) string {
	t.Helper()
	rep := transform.Report{
		Version:  transform.Version,
		Records:  []transform.Record{},
		Verdict:  transform.Verdict{Records: []transform.RecordVerdict{}, Ignored: []transform.Ignored{}, Alternatives: []transform.Alternative{}},
		Findings: []transform.Finding{{Code: "engine.panic", Severity: transform.SevError, Message: panicMessage, Span: transform.Span{Doc: transform.DocInput}, Record: -1, Output: -1}},
	}
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// openWrapped opens the playground with the wrapped worker.js. before runs
// on the blank tab, before the page loads.
func openWrapped(t *testing.T, before func(p *tab)) *tab {
	t.Helper()
	p := newTab(t, nil)
	lit, _ := json.Marshal(panicReport(t))
	body := fmt.Sprintf(workerWrapper, lit) + string(builtFile(t, "worker.js"))
	p.intercept(false, "*/worker.js").serve("/worker.js", "text/javascript; charset=utf-8", []byte(body))
	if before != nil {
		before(p)
	}
	p.open(baseURL)
	return p
}

// workersStarted is how many engine workers the page has started.
func (p *tab) workersStarted() int {
	p.t.Helper()
	return p.evalInt(`+(document.documentElement.dataset.engineWorkers || 0)`)
}

// errorPanel waits for the error panel of kind and returns its text.
func (p *tab) errorPanel(kind string) string {
	p.t.Helper()
	p.poll(fmt.Sprintf(`(() => { const e = document.getElementById("engine-error"); return !e.hidden && e.dataset.kind === %q; })()`, kind))
	return p.evalString(`document.getElementById("engine-error").textContent`)
}

// nextRunWorks pastes a small event and checks that its report is shown,
// by a worker started after the failure, and that the error panel is gone.
func (p *tab) nextRunWorks(workersBefore int) {
	p.t.Helper()
	p.poll(fmt.Sprintf(`+(document.documentElement.dataset.engineWorkers || 0) > %d`, workersBefore))
	runs := p.runs()
	p.paste(inputLabel, smallEvent("after-1", "after-2"))
	p.waitRuns(runs)
	if got := p.stat("records"); got != "2" {
		p.t.Errorf("the next run shows %q records, want 2", got)
	}
	if !p.evalBool(`document.getElementById("engine-error").hidden`) {
		p.t.Errorf("the error panel is still shown after a run that worked: %q", p.evalString(`document.getElementById("engine-error").textContent`))
	}
	if got := p.evalString(`document.getElementById("status").className`); strings.Contains(got, "bad") {
		p.t.Errorf("the status still says %q after a run that worked", p.evalString(`document.getElementById("status").textContent`))
	}
}

func TestAnEnginePanicShowsTheErrorPanel(t *testing.T) {
	p := openWrapped(t, nil)
	p.allowClipboard()
	before := p.workersStarted()
	runs := p.runs()
	p.paste(inputLabel, smallEvent("MAGIC-PANIC"))
	p.waitRuns(runs)
	text := p.errorPanel("panic")
	for _, want := range []string{"The engine failed on this input", "runtime error: index out of range", "the next run uses a fresh engine"} {
		if !strings.Contains(text, want) {
			t.Errorf("the error panel says %q, want it to say %q", text, want)
		}
	}
	// The message is shown as text, whole: markup and stack included.
	if got := p.evalString(`document.querySelector("#engine-error pre").textContent`); got != panicMessage {
		t.Errorf("the panel's message is\n%s\nwant\n%s", got, panicMessage)
	}
	p.inert()
	// The finding is listed too, and the status and the summary say where to look.
	if got := p.evalString(`document.querySelector("#summary .summary-line").textContent`); !strings.Contains(got, "error panel") {
		t.Errorf("the summary says %q", got)
	}
	if !p.hasFinding("engine.panic") {
		t.Errorf("no engine.panic finding is listed")
	}
	if got := p.evalString(`document.getElementById("status").textContent`); !strings.Contains(got, "error panel") {
		t.Errorf("the status says %q", got)
	}
	// Copy details puts the version, the code and the message on the clipboard.
	p.click(`#engine-error button.copy`)
	p.poll(`document.querySelector("#engine-error button.copy").textContent === "Copied"`)
	if got := p.clipboard(); !strings.Contains(got, "engine.panic") || !strings.Contains(got, panicMessage) || !strings.Contains(got, transform.Version) {
		t.Errorf("the details copied are\n%s", got)
	}
	// An engine that panicked is not used again.
	p.nextRunWorks(before)
	p.shot("after-panic")
}

func TestACrashedWorkerIsReplaced(t *testing.T) {
	p := openWrapped(t, nil)
	for _, c := range []struct{ magic, says string }{
		{"MAGIC-THROW", "Go program has already exited"},
		{"MAGIC-CRASH", "Maximum memory size exceeded"},
	} {
		t.Run(c.magic, func(t *testing.T) {
			p.t = t
			defer func() { p.t = t }()
			before := p.workersStarted()
			runs := p.runs()
			p.paste(inputLabel, smallEvent(c.magic))
			text := p.errorPanel("crash")
			if !strings.Contains(text, c.says) || !strings.Contains(text, "The engine's worker stopped") {
				t.Errorf("the error panel says %q, want what happened (%s)", text, c.says)
			}
			if got := p.evalString(`document.getElementById("results").getAttribute("aria-busy")`); got != "false" {
				t.Errorf("aria-busy is %q after the crash", got)
			}
			if got := p.runs(); got != runs {
				t.Errorf("%d reports shown for a run that crashed", got-runs)
			}
			p.nextRunWorks(before)
		})
	}
}

func TestAnOversizedWorkerIsReplaced(t *testing.T) {
	p := openWrapped(t, nil)
	before := p.workersStarted()
	runs := p.runs()
	p.paste(inputLabel, smallEvent("MAGIC-HUGE"))
	p.waitRuns(runs)
	if got := p.stat("records"); got != "1" {
		t.Errorf("the run shows %q records, want 1", got)
	}
	if !p.evalBool(`document.getElementById("engine-error").hidden`) {
		t.Errorf("an oversized worker shows the error panel")
	}
	// Its report is shown; then it is replaced, quietly.
	p.nextRunWorks(before)
}

// shortTimeLimit makes the page's timers of a minute or more (the engine's
// time limit) fire after two seconds. It runs before the page's scripts.
const shortTimeLimit = `(() => {
	const setTimeout = window.setTimeout;
	window.setTimeout = function (f, ms, ...args) { return setTimeout.call(window, f, ms >= 60000 ? 2000 : ms, ...args); };
})();`

func TestAStuckRunIsStopped(t *testing.T) {
	p := openWrapped(t, func(p *tab) {
		if _, err := chromedp.Call(p.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shortTimeLimit}); err != nil {
			t.Fatal(err)
		}
	})
	before := p.workersStarted()
	p.paste(inputLabel, smallEvent("MAGIC-STUCK"))
	p.poll(`!document.getElementById("cancel").hidden`) // the page offers to stop it meanwhile
	text := p.errorPanel("timeout")
	if !strings.Contains(text, "took longer than 60 s") {
		t.Errorf("the error panel says %q, want the time limit", text)
	}
	if !p.evalBool(`document.getElementById("cancel").hidden`) {
		t.Errorf("the Cancel button is still shown after the run was stopped")
	}
	p.nextRunWorks(before)
}

func TestAnEngineThatCannotLoad(t *testing.T) {
	p := newTab(t, nil)
	in := p.intercept(false, "*/firehose.wasm")
	in.serve("/firehose.wasm", "application/wasm", []byte("\x00asm\x01\x00\x00\x00 this is not WebAssembly <script>alert(1)</script>"))
	p.navigate(baseURL)
	if got := p.evalString(`document.documentElement.dataset.engine`); got != "failed" {
		t.Fatalf("data-engine is %q with a corrupted firehose.wasm, want failed", got)
	}
	text := p.errorPanel("load")
	if !strings.Contains(text, "The engine could not be loaded") || !strings.Contains(text, "firehose.wasm could not be loaded") || !strings.Contains(text, "reload the page") {
		t.Errorf("the error panel says %q", text)
	}
	// The page works meanwhile: editing and the controls.
	p.paste(inputLabel, smallEvent("while-broken"))
	p.setPreset("ndjson")
	p.poll(`document.getElementById("results").getAttribute("aria-busy") === "false" && !document.getElementById("engine-error").hidden`)
	if got := p.editorText(inputLabel); got != smallEvent("while-broken") {
		t.Errorf("the input holds %q", got)
	}
	// Once the file is whole again, Run loads it and runs.
	in.forget("/firehose.wasm")
	runs := p.runs()
	p.click("#run")
	p.waitRuns(runs)
	if got := p.evalString(`document.documentElement.dataset.engine`); got != "ready" {
		t.Errorf("data-engine is %q after loading the engine again", got)
	}
	if got := p.stat("records"); got != "1" {
		t.Errorf("the run after loading the engine again shows %q records, want 1", got)
	}
	if !p.evalBool(`document.getElementById("engine-error").hidden`) {
		t.Errorf("the error panel is still shown")
	}
	_, _ = chromedp.Call(p.ctx, fetch.Disable, struct{}{})
}

// millionRecords makes, in the page, an event of a million tiny records (28 MB).
const millionRecords = `(() => {
	const parts = new Array(1000000);
	for (let i = 0; i < parts.length; i++) parts[i] = '{"recordId":"' + i + '","data":""}';
	return '{"records":[' + parts.join(",") + ']}';
})()`

func TestCancelALongRun(t *testing.T) {
	p := openTab(t)
	for _, how := range []string{"button", "Escape"} {
		t.Run(how, func(t *testing.T) {
			p.t = t
			defer func() { p.t = t }()
			before := p.workersStarted()
			runs := p.runs()
			p.pasteJS(inputLabel, millionRecords)
			p.poll(`!document.getElementById("cancel").hidden`)
			if !p.evalBool(`document.getElementById("results").getAttribute("aria-busy") === "true"`) {
				t.Fatalf("the Cancel button is shown while no run is going")
			}
			if how == "button" {
				p.click("#cancel")
			} else if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
				t.Fatal(err)
			}
			p.poll(`document.getElementById("status").textContent.startsWith("Cancelled")`)
			if !p.evalBool(`document.getElementById("cancel").hidden && document.getElementById("results").getAttribute("aria-busy") === "false"`) {
				t.Errorf("after Cancel the button is shown or the results are busy")
			}
			if !p.evalBool(`document.getElementById("engine-error").hidden`) {
				t.Errorf("Cancel shows the error panel: %q", p.evalString(`document.getElementById("engine-error").textContent`))
			}
			if how == "button" {
				// The run is gone, not merely hidden: its report never comes
				// (the run takes about three seconds).
				time.Sleep(4 * time.Second)
				if got := p.runs(); got != runs {
					t.Errorf("%d reports shown after Cancel", got-runs)
				}
			}
			p.nextRunWorks(before)
		})
	}
}

// TestRecordDetailsAfterCancel: a record's details stay with the worker
// that ran it until the record is shown. After Cancel replaces that worker,
// the results shown are the run before's: a record already shown keeps its
// details, and one not shown yet says they are gone instead of loading
// forever.
func TestRecordDetailsAfterCancel(t *testing.T) {
	p := openTab(t)
	runs := p.runs()
	p.paste(inputLabel, directPutEvent(`{"n": 0}`, `{"n": 1}`, `{"n": 2}`))
	p.waitRuns(runs)
	p.click(`#records button.record-item[data-index="0"]`)
	p.recordShown(0)
	p.pasteJS(inputLabel, millionRecords)
	p.poll(`!document.getElementById("cancel").hidden`)
	p.click("#cancel")
	p.poll(`document.getElementById("status").textContent.startsWith("Cancelled")`)
	p.click(`#records button.record-item[data-index="1"]`)
	p.poll(`document.querySelector("#record h4").textContent === "Record #1" && document.getElementById("record").textContent.includes("run again to see them")`)
	p.click(`#records button.record-item[data-index="0"]`)
	p.recordShown(0)
	if !p.evalBool(`document.querySelector("#record pre.decoded").textContent.includes('"n": 0')`) {
		t.Errorf("record 0, shown before the Cancel, lost its decoded payload: %q", p.evalString(`document.getElementById("record").textContent`))
	}
}
