//go:build e2e

package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chooseFunction picks the user's function as the transform and waits for
// its code editor.
func (p *tab) chooseFunction(lang string) {
	p.t.Helper()
	p.setPreset(lang)
	p.poll(`!!document.querySelector('[aria-label="Function code"]')`)
}

// setCode replaces the function's code as the user's paste does.
func (p *tab) setCode(code string) {
	p.t.Helper()
	p.paste("Function code", code)
}

// invocations is how many times the page invoked the user's function.
func (p *tab) invocations() int {
	p.t.Helper()
	return p.evalInt(`+(document.documentElement.dataset.invocations || 0)`)
}

// invoked waits until the function ran more than n times and the engine
// judged what it returned.
func (p *tab) invoked(n int) {
	p.t.Helper()
	p.poll(fmt.Sprintf(`+(document.documentElement.dataset.invocations || 0) > %d`, n))
	p.waitRuns(p.runs() - 1)
}

// directPutEvent is a Firehose event of JSON payloads, one row each.
func directPutEvent(payloads ...string) string {
	var recs []string
	for i, pl := range payloads {
		recs = append(recs, fmt.Sprintf(`{"recordId": "rec-%d", "approximateArrivalTimestamp": 1700000000000, "data": %q}`, i, b64(pl)))
	}
	return `{"invocationId": "inv-1", "deliveryStreamArn": "arn:aws:firehose:eu-west-1:111122223333:deliverystream/s", "region": "eu-west-1", "records": [` + strings.Join(recs, ", ") + `]}`
}

// cloudWatchEvent is a Firehose event whose records are gzip'd CloudWatch
// Logs messages, as a subscription filter sends them.
func cloudWatchEvent(t *testing.T, messages ...string) string {
	var events []map[string]any
	for i, m := range messages {
		events = append(events, map[string]any{"id": fmt.Sprint(i), "timestamp": 1700000000000 + i, "message": m})
	}
	doc, _ := json.Marshal(map[string]any{"messageType": "DATA_MESSAGE", "owner": "111122223333", "logGroup": "/app", "logStream": "s1",
		"subscriptionFilters": []string{"f"}, "logEvents": events})
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(doc); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`{"invocationId": "inv-2", "deliveryStreamArn": "arn:aws:firehose:us-east-1:111122223333:deliverystream/logs", "region": "us-east-1", "records": [{"recordId": "cw-0", "approximateArrivalTimestamp": 1700000000000, "data": %q}]}`,
		base64.StdEncoding.EncodeToString(buf.Bytes()))
}

func TestNodeBlueprintDeliversADirectPutEvent(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", directPutEvent(`{"a":1}`, `{"b":"한국어"}`, `{"c":[1,2]}`))
	p.waitRuns(0)
	n := p.invocations()
	p.chooseFunction("nodejs")
	p.invoked(n)
	v := p.verdict()
	if v.Records != 3 || v.Delivered != 3 || v.Lost != 0 || v.BatchError != "" {
		t.Errorf("the starter on three records: %+v, want all three delivered", v)
	}
	logs := p.evalString(`document.getElementById("logs").textContent`)
	for _, want := range []string{"START RequestId: ", "INFO\tProcessed 3 records.", "END RequestId: ", "REPORT RequestId: ", "Memory Size: 128 MB"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the logs miss %q:\n%s", want, logs)
		}
	}
	if got := p.evalString(`document.getElementById("fn-runtime").textContent`); !strings.Contains(got, "QuickJS") || !strings.Contains(got, "nodejs22.x") {
		t.Errorf("the runtime note says %q, want QuickJS standing in for nodejs22.x", got)
	}
}

// cloudWatchCode is the CloudWatch Logs blueprint's shape: gunzip each
// record, keep its log events' messages, one row a line, re-encoded.
const cloudWatchCode = `const zlib = require('zlib');

exports.handler = async (event) => {
  const records = event.records.map((r) => {
    const doc = JSON.parse(zlib.gunzipSync(Buffer.from(r.data, 'base64')).toString('utf8'));
    if (doc.messageType !== 'DATA_MESSAGE') return { recordId: r.recordId, result: 'Dropped' };
    const rows = doc.logEvents.map((e) => e.message + '\n').join('');
    return { recordId: r.recordId, result: 'Ok', data: Buffer.from(rows, 'utf8').toString('base64') };
  });
  return { records };
};
`

func TestNodeCloudWatchLogsTransformIsDelivered(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", cloudWatchEvent(t, "first line", "second 한국어 line"))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)
	n := p.invocations()
	p.setCode(cloudWatchCode)
	p.invoked(n)
	v := p.verdict()
	if v.Records != 1 || v.Delivered != 1 || v.BatchError != "" {
		t.Errorf("the CloudWatch Logs transform: %+v, want its record delivered", v)
	}
	// The body is laid out once its editor is near the screen: wait for
	// this run's.
	p.scrollToBody()
	want := base64.StdEncoding.EncodeToString([]byte("first line\nsecond 한국어 line\n"))
	p.poll(fmt.Sprintf(`document.querySelector('[aria-label="Lambda response body (read-only)"]').textContent.includes(%q)`, want))
}

// escapeCode tries every way out of the sandbox it can think of, and
// returns, as its record's data, what each attempt gave.
const escapeCode = `exports.handler = async (event) => {
  const tries = {
    fetch: () => fetch('/escape-fetch'),
    XMLHttpRequest: () => { const x = new XMLHttpRequest(); x.open('GET', '/escape-xhr'); x.send(); },
    importScripts: () => importScripts('/escape-import.js'),
    WebSocket: () => new WebSocket('ws://127.0.0.1:1/escape'),
    EventSource: () => new EventSource('/escape-es'),
    postMessage: () => postMessage({ type: 'done', ok: true, body: '{}' }),
    selfPostMessage: () => self.postMessage('x'),
    indexedDB: () => indexedDB.open('escape'),
    caches: () => caches.open('escape'),
    BroadcastChannel: () => new BroadcastChannel('escape').postMessage('x'),
    Worker: () => new Worker('/escape-worker.js'),
    sendBeacon: () => navigator.sendBeacon('/escape-beacon', 'x'),
    functionGlobal: () => Function('return this')().fetch('/escape-fn'),
    dynamicImport: () => import('/escape-module.js'),
    requireHttp: () => require('http').get('http://127.0.0.1/escape'),
    requireFs: () => require('fs').readFileSync('/etc/passwd'),
    setTimeout: () => setTimeout(() => {}, 1),
  };
  const out = {};
  for (const [name, f] of Object.entries(tries)) {
    try {
      const r = f();
      if (r && typeof r.then === 'function') await r;
      out[name] = 'reached';
    } catch (e) {
      out[name] = 'failed: ' + (e && e.message);
    }
  }
  console.log(JSON.stringify(out));
  return { records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: Buffer.from(JSON.stringify(out)).toString('base64') })) };
};
`

func TestNodeSandboxEscapesFail(t *testing.T) {
	p := newTab(t, nil)
	p.intercept(false, "*")
	p.open(baseURL)
	p.paste("Firehose input", directPutEvent(`{"a":1}`))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)
	// Both runtime workers (the one in use and the spare) are loaded: from
	// now on, nothing may be fetched.
	p.poll(`document.documentElement.dataset.runtimeSpare === "nodejs"`)
	before := len(p.sentRequests())
	n := p.invocations()
	p.setCode(escapeCode)
	p.invoked(n)
	logs := p.evalString(`document.getElementById("logs").textContent`)
	i := strings.Index(logs, "INFO\t{")
	if i < 0 {
		t.Fatalf("the escape attempts logged nothing:\n%s", logs)
	}
	line := logs[i+len("INFO\t"):]
	line = line[:strings.Index(line, "\n")]
	var got map[string]string
	if err := json.Unmarshal([]byte(line), &got); err != nil {
		t.Fatalf("the attempts' outcome %q: %v", line, err)
	}
	for _, name := range []string{"fetch", "XMLHttpRequest", "importScripts", "WebSocket", "EventSource", "postMessage", "selfPostMessage",
		"indexedDB", "caches", "BroadcastChannel", "Worker", "sendBeacon", "functionGlobal", "dynamicImport", "requireHttp", "requireFs", "setTimeout"} {
		if !strings.HasPrefix(got[name], "failed: ") {
			t.Errorf("%s: %q, want it to fail", name, got[name])
		}
	}
	if v := p.verdict(); v.Delivered != 1 {
		t.Errorf("the escaping function's own answer: %+v, want its record delivered", v)
	}
	for _, r := range p.sentRequests()[before:] {
		if strings.HasPrefix(r.URL, "data:") {
			continue // an image of the page's own style sheet (a warning's mark): it never leaves the page
		}
		t.Errorf("a request after the runtime loaded: %s %s (%s, seen by %s)", r.Method, r.URL, r.Type, r.Seen)
	}
}

func TestNodeErrorsAreFunctionErrors(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", directPutEvent(`{"a":1}`))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)
	for _, c := range []struct {
		name, code, errorType string
		line                  int
	}{
		{"a thrown error", "exports.handler = async (event) => {\n  const x = 1;\n  throw new TypeError('no records today');\n};\n", "TypeError", 3},
		{"a rejected promise", "exports.handler = (event) => {\n  return Promise.reject(new RangeError('rejected'));\n};\n", "RangeError", 2},
		{"a callback's error", "exports.handler = (event, context, callback) => {\n  callback(new Error('via callback'));\n};\n", "Error", 2},
		{"a syntax error", "exports.handler = async (event) => {\n  return {records: [}\n};\n", "Runtime.UserCodeSyntaxError", 0},
		{"a missing handler", "exports.other = async () => ({records: []});\n", "Runtime.HandlerNotFound", 0},
		{"a missing module", "const AWS = require('aws-sdk');\nexports.handler = async () => ({records: []});\n", "Runtime.ImportModuleError", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p.t = t
			defer func() { p.t = t }()
			n := p.invocations()
			p.setCode(c.code)
			p.invoked(n)
			if v := p.verdict(); v.BatchError != "Lambda.FunctionError" {
				t.Errorf("the batch error is %q, want Lambda.FunctionError", v.BatchError)
			}
			// The logs hold the error body as Lambda returned it.
			logs := p.evalString(`document.getElementById("logs").textContent`)
			if !strings.Contains(logs, fmt.Sprintf(`"errorType":%q`, c.errorType)) {
				t.Errorf("the logs are\n%s\nwant errorType %s", logs, c.errorType)
			}
			if c.line > 0 {
				got := p.evalInt(`(() => { const l = document.querySelector('[aria-label="Function code"] .cm-error-line'); return l ? [...l.parentNode.children].indexOf(l) + 1 : 0; })()`)
				if got != c.line {
					t.Errorf("the line marked in the code is %d, want %d", got, c.line)
				}
			}
		})
	}
}

func TestNodeEndlessLoopTimesOut(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", directPutEvent(`{"a":1}`))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)
	runs := p.runs()
	p.setField("#fn-timeout", "1")
	p.waitRuns(runs)
	n := p.invocations()
	p.setCode("exports.handler = async () => {\n  for (;;) {}\n};\n")
	p.invoked(n)
	if v := p.verdict(); v.BatchError != "Lambda.FunctionTimedOut" {
		t.Errorf("an endless loop: batch error %q, want Lambda.FunctionTimedOut", v.BatchError)
	}
	if logs := p.evalString(`document.getElementById("logs").textContent`); !strings.Contains(logs, "Task timed out after 1.00 seconds") {
		t.Errorf("the logs do not say the task timed out:\n%s", logs)
	}
	// The next run works.
	n = p.invocations()
	p.setCode("exports.handler = async (event) => ({ records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) });\n")
	p.invoked(n)
	if v := p.verdict(); v.Delivered != 1 || v.BatchError != "" {
		t.Errorf("the run after the timeout: %+v, want its record delivered", v)
	}
}

func TestALinkWithCodeWaitsForRun(t *testing.T) {
	state, _ := json.Marshal(map[string]any{
		"input": directPutEvent(`{"a":1}`), "preset": "nodejs",
		"fn": map[string]any{"language": "nodejs", "code": "exports.handler = async (event) => { console.log('ran from the link'); return { records: [] }; };\n",
			"handler": "index.handler", "timeout": 3, "memory": 256},
	})
	p := newTab(t, nil)
	p.navigate(baseURL + fragment("v1", string(state)))
	p.poll(`!!document.querySelector('[aria-label="Function code"]') && document.getElementById("fn-note").textContent !== ""`)
	if got := p.evalString(`document.getElementById("fn-note").textContent`); !strings.Contains(got, "does not run until you press Run") {
		t.Errorf("the note says %q, want why the code does not run", got)
	}
	if got := p.editorText("Function code"); !strings.Contains(got, "ran from the link") {
		t.Errorf("the code editor holds %q, want the link's code", got)
	}
	if got := p.evalString(`document.getElementById("fn-memory").value`); got != "256" {
		t.Errorf("the memory size is %q, want the link's 256", got)
	}
	if n := p.invocations(); n != 0 {
		t.Errorf("the link's code ran %d times before Run", n)
	}
	p.click("#run")
	p.invoked(0)
	if logs := p.evalString(`document.getElementById("logs").textContent`); !strings.Contains(logs, "ran from the link") {
		t.Errorf("after Run, the logs are:\n%s", logs)
	}
	if got := p.evalString(`document.getElementById("fn-note").textContent`); got != "" {
		t.Errorf("after Run, the note still says %q", got)
	}
}

func TestAMissingRuntimeSaysSo(t *testing.T) {
	if _, err := os.Stat(filepath.Join(envOr("FIREHOSE_DIST", "../dist"), "runtime-python.js")); err == nil {
		t.Skip("this build has the Python runtime")
	}
	p := openTab(t)
	p.expectProblem("runtime-python.js") // the browser logs the failed load
	p.chooseFunction("python")
	p.poll(`document.documentElement.dataset.runtime === "failed"`)
	if got := p.evalString(`document.getElementById("fn-note").textContent`); !strings.Contains(got, "The Python runtime could not load") {
		t.Errorf("the note says %q, want that the Python runtime could not load", got)
	}
	// The built-in transforms still work.
	runs := p.runs()
	p.setPreset("identity")
	p.waitRuns(runs)
	if v := p.verdict(); v.Delivered != 3 {
		t.Errorf("identity after the failed runtime: %+v, want 3 delivered", v)
	}
}

func TestSessionCodeRunsOnlyWhenItRanHere(t *testing.T) {
	// Code that ran in this browser runs again when the session is restored…
	p := openTab(t)
	const savedState = `(JSON.parse(localStorage.getItem("firehose-playground") || "{}").state || "")`
	saved := p.evalString(savedState)
	p.chooseFunction("nodejs")
	p.invoked(0)
	p.poll(`(JSON.parse(localStorage.getItem("firehose-playground") || "{}").ran || "").startsWith("nodejs:")`)
	p.poll(fmt.Sprintf(`%s !== %q`, savedState, saved)) // the function's state is saved
	p.navigate(baseURL)
	p.invoked(0)
	if got := p.evalString(`document.getElementById("fn-note").textContent`); got != "" {
		t.Errorf("restored code that ran here: the note says %q", got)
	}
	// …code from a link that never ran does not.
	state, _ := json.Marshal(map[string]any{"input": directPutEvent(`{"a":1}`), "preset": "nodejs",
		"fn": map[string]any{"language": "nodejs", "code": "exports.handler = async () => ({ records: [] });\n"}})
	p.navigate(baseURL + fragment("v1", string(state)))
	p.poll(`document.getElementById("fn-note").textContent.includes("does not run until you press Run")`)
	saved = p.evalString(savedState)
	p.poll(fmt.Sprintf(`%s !== %q`, savedState, saved)) // the link's state is saved
	p.navigate(baseURL)
	p.poll(`document.getElementById("fn-note").textContent.includes("came from your saved session")`)
	if n := p.invocations(); n != 0 {
		t.Errorf("the link's code, restored from the session, ran %d times before Run", n)
	}
}

func TestAPastedResponseWinsAndTheSelectSaysSo(t *testing.T) {
	p := openTab(t)
	p.paste("Firehose input", directPutEvent(`{"a":1}`))
	p.waitRuns(0)
	p.chooseFunction("nodejs")
	p.invoked(0)
	if !p.evalBool(`document.getElementById("response-box").open`) {
		p.click(`#response-box > summary`)
	}
	runs := p.runs()
	n := p.invocations()
	p.paste(responseLabel, `{"records": []}`)
	p.waitRuns(runs)
	if got := p.evalString(`document.querySelector('select[name="preset"]').value`); got != "pasted" {
		t.Errorf("with a pasted response the select shows %q, want pasted", got)
	}
	if got := p.evalString(`document.querySelector('select[name="preset"]').selectedOptions[0].textContent`); !strings.Contains(got, "pasted response") {
		t.Errorf("the select reads %q, want that the pasted response is checked", got)
	}
	if p.invocations() != n {
		t.Errorf("the function ran while a pasted response was checked")
	}
	if v := p.verdict(); v.BatchError != "" || v.Delivered != 0 {
		t.Errorf("the pasted empty response: %+v, want its record missing from the answer", v)
	}
	// Choosing the function again sets the pasted response aside, and runs the function.
	p.setPreset("nodejs")
	p.invoked(n)
	if got := p.editorText(responseLabel); got != "" {
		t.Errorf("after choosing the function, the response editor holds %q", got)
	}
	if v := p.verdict(); v.Delivered != 1 {
		t.Errorf("the function after the pasted response: %+v, want its record delivered", v)
	}
}
