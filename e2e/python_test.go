//go:build e2e

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The Python runtime's worker (runtime-python.js), driven from the page's
// context with the runtime worker protocol, independently of the page's UI.

// pyWorker is a Python runtime worker the page started.
type pyWorker struct {
	p    *tab
	name string // its key in the page's self.__py
	next int    // the next invocation id
}

// pyReady is the worker's "ready" message.
type pyReady struct {
	Runtime, Emulates string
	LoadMs            float64
}

// pyDone is a "done" message, with the log lines of its invocation.
type pyDone struct {
	OK         bool
	Body       string
	Error      *pyError
	Line       *int
	DurationMs *float64
	MemoryMB   *float64
	Logs       []string
}

// pyError is the Python runtime's error object.
type pyError struct {
	ErrorMessage string   `json:"errorMessage"`
	ErrorType    string   `json:"errorType"`
	RequestID    string   `json:"requestId"`
	StackTrace   []string `json:"stackTrace"`
}

// startPython creates a Python runtime worker in the page and waits until
// it is ready; it fails the test if the worker could not load.
func startPython(t *testing.T, p *tab, name string) (*pyWorker, pyReady) {
	t.Helper()
	p.evalBool(fmt.Sprintf(`(() => {
		self.__py = self.__py || {};
		const st = {ready: null, failed: null, done: {}, logs: {}, types: []};
		const w = new Worker("runtime-python.js");
		st.worker = w;
		w.onmessage = (e) => {
			const m = e.data;
			st.types.push(m && m.type);
			if (m.type === "ready") { st.ready = m; st.readyAt = performance.now(); }
			else if (m.type === "failed") st.failed = String(m.error);
			else if (m.type === "log") (st.logs[m.id] = st.logs[m.id] || []).push(m.text);
			else if (m.type === "done") { st.done[m.id] = m; st.doneAt = performance.now(); }
		};
		w.onerror = (e) => { st.failed = "error event: " + e.message; };
		self.__py[%q] = st;
		return true;
	})()`, name))
	w := &pyWorker{p: p, name: name}
	p.pollLong(fmt.Sprintf(`!!(__py[%q].ready || __py[%[1]q].failed)`, name))
	if f := p.evalString(fmt.Sprintf(`__py[%q].failed || ""`, name)); f != "" {
		t.Fatalf("the Python runtime did not load: %s", f)
	}
	var r pyReady
	p.eval(fmt.Sprintf(`__py[%q].ready`, name), &r)
	return w, r
}

// watchViolationsInWorker is put before runtime-python.js when the test
// serves it (see TestPythonCannotReachOut): it notes every
// securitypolicyviolation event of the worker, from its first line on.
const watchViolationsInWorker = `self.__violations = [];
self.addEventListener("securitypolicyviolation", (e) => self.__violations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline")));
`

// violations returns the policy violations the worker noted (with
// watchViolationsInWorker), or fails the test when it cannot read them.
func (w *pyWorker) violations() []string {
	t := w.p.t
	t.Helper()
	url := strings.TrimSuffix(baseURL, "/") + "/runtime-python.js"
	for _, info := range mustTargets(t, w.p) {
		if info.Type != "worker" || info.URL != url {
			continue
		}
		wctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		v, err := chromedp.Run(wctx, chromedp.Evaluate[[]string](`self.__violations`))
		cancel()
		if err != nil {
			t.Fatalf("read the worker's violations: %v", err)
		}
		return v
	}
	t.Fatalf("no worker runs %s", url)
	return nil
}

// invoke runs code on the event text and waits for its "done".
func (w *pyWorker) invoke(code, handler, event string) pyDone {
	w.p.t.Helper()
	w.next++
	id := fmt.Sprintf("%s-%d", w.name, w.next)
	msg := map[string]any{
		"type": "invoke", "id": id, "code": code, "handler": handler, "timeoutMs": 60000, "memoryMB": 128, "event": event,
		"context": map[string]any{
			"awsRequestId": "req-" + id, "functionName": "transform", "functionVersion": "$LATEST",
			"invokedFunctionArn": "arn:aws:lambda:ap-northeast-2:123456789012:function:transform", "memoryLimitInMB": 128,
			"logGroupName": "/aws/lambda/transform", "logStreamName": "2026/12/07/[$LATEST]0123456789abcdef",
		},
	}
	buf, err := json.Marshal(msg)
	if err != nil {
		w.p.t.Fatal(err)
	}
	w.p.evalBool(fmt.Sprintf(`(() => { const m = %s; m.context.deadlineMs = Date.now() + 60000; __py[%q].sentAt = performance.now(); __py[%[2]q].worker.postMessage(m); return true; })()`, buf, w.name))
	w.p.pollLong(fmt.Sprintf(`!!(__py[%q].done[%q] || __py[%[1]q].failed)`, w.name, id))
	if f := w.p.evalString(fmt.Sprintf(`__py[%q].failed || ""`, w.name)); f != "" {
		w.p.t.Fatalf("the Python runtime failed: %s", f)
	}
	var d pyDone
	w.p.eval(fmt.Sprintf(`Object.assign({Logs: __py[%q].logs[%q] || []}, __py[%[1]q].done[%[2]q])`, w.name, id), &d)
	return d
}

// pollLong waits until the JavaScript expression is truthy, for at most two
// minutes: Python's first load, or a large event, on a slow machine.
func (p *tab) pollLong(expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		p.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// seedOutput is what the seed handler returned on an event, as the files
// under transform/testdata/seed/ hold it (recorded with CPython): the
// response, or the runtime's error type and message.
type seedOutput struct {
	Records []struct {
		RecordID any `json:"recordId"`
		Result   any `json:"result"`
		Data     any `json:"data"`
	} `json:"records"`
	ErrorType    *string `json:"errorType"`
	ErrorMessage *string `json:"errorMessage"`
}

// sameSeedOutput says how got (a "done") differs from the recorded output,
// or "" when every output's recordId, result and data are identical, or
// the error's type and message.
func sameSeedOutput(want []byte, got pyDone) string {
	var w seedOutput
	if err := json.Unmarshal(want, &w); err != nil {
		return "the recorded output does not parse: " + err.Error()
	}
	if w.ErrorType != nil {
		if got.OK || got.Error == nil {
			return fmt.Sprintf("returned %.200s, want %s: %s", got.Body, *w.ErrorType, *w.ErrorMessage)
		}
		if got.Error.ErrorType != *w.ErrorType || got.Error.ErrorMessage != *w.ErrorMessage {
			return fmt.Sprintf("raised %s: %s, want %s: %s", got.Error.ErrorType, got.Error.ErrorMessage, *w.ErrorType, *w.ErrorMessage)
		}
		return ""
	}
	if !got.OK {
		return fmt.Sprintf("raised %+v, want a response", got.Error)
	}
	var g seedOutput
	if err := json.Unmarshal([]byte(got.Body), &g); err != nil {
		return "the body does not parse: " + err.Error()
	}
	if len(g.Records) != len(w.Records) {
		return fmt.Sprintf("%d output records, want %d", len(g.Records), len(w.Records))
	}
	for i := range w.Records {
		if fmt.Sprint(g.Records[i]) != fmt.Sprint(w.Records[i]) {
			return fmt.Sprintf("output %d is %v, want %v", i, g.Records[i], w.Records[i])
		}
	}
	return ""
}

// seedDiffers lists the seed test events on which CPython 3.14 (the page's
// Python) and the CPython 3.11 that recorded the expected outputs differ,
// and how. They are left out of the comparison; the README names them.
var seedDiffers = map[string]string{
	// Since 3.12 json's C decoder is no longer bound by the recursion
	// limit of 1,000: 3.14 decodes these nested arrays and objects.
	"deep-infinity-fail":    "3.11 raises RecursionError",
	"deep-nan-fail":         "3.11 raises RecursionError",
	"deep-nesting-993-fail": "3.11 raises RecursionError",
	"deep-object-fail":      "3.11 raises RecursionError",
	"event-deep":            "3.11 cannot unmarshal the event (RecursionError)",
	"event-deep-infinity":   "3.11 cannot unmarshal the event (RecursionError)",
	// Since 3.13 json names a trailing comma: "Illegal trailing comma
	// before end of object", where 3.11 says "Expecting property name
	// enclosed in double quotes" (and "Expecting value" for arrays).
	"json-trailing-comma": "3.13+ says Illegal trailing comma",
	"json-missing-value":  "3.13+ says Illegal trailing comma",
}

// TestPythonRunsTheSeedLikeThePresets runs the project's copy of the seed
// handler (scripts/seed/seed_lambda.py) in the page's Python on every seed
// test event, both versions, and compares each result with the output the
// real handler gave under CPython, which the seed and seed-v1 presets
// match byte for byte (transform/testdata/seed/*.seed.out, *.seed-v1.out).
func TestPythonRunsTheSeedLikeThePresets(t *testing.T) {
	code, err := os.ReadFile("../scripts/seed/seed_lambda.py")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../transform/testdata/seed/*.json")
	if err != nil || len(files) < 100 {
		t.Fatalf("%d seed test events (%v), want the hundred and more of transform/testdata/seed", len(files), err)
	}
	p := openTab(t)
	w, _ := startPython(t, p, "seed")
	compared := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if _, ok := seedDiffers[name]; ok {
			continue
		}
		event, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct{ preset, handler string }{{"seed", "lambda_handler"}, {"seed-v1", "lambda_handler_v1"}} {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".json") + "." + v.preset + ".out")
			if err != nil {
				t.Fatal(err)
			}
			got := w.invoke(string(code), "lambda_function."+v.handler, string(event))
			if diff := sameSeedOutput(want, got); diff != "" {
				t.Errorf("%s, %s: %s", name, v.preset, diff)
			}
			compared++
		}
	}
	t.Logf("%d results compared (%d events left out: %v)", compared, len(seedDiffers), seedDiffers)
}

// pyCode reads a function's code from testdata/python.
func pyCode(t *testing.T, name string) string {
	t.Helper()
	buf, err := os.ReadFile(filepath.Join("testdata", "python", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(buf)
}

// firehoseEvent is a Firehose event whose records hold the payloads, by recordId.
func firehoseEvent(t *testing.T, ids []string, payloads []string) string {
	t.Helper()
	type rec struct {
		RecordID string `json:"recordId"`
		Data     string `json:"data"`
	}
	ev := struct {
		InvocationID      string `json:"invocationId"`
		DeliveryStreamArn string `json:"deliveryStreamArn"`
		Region            string `json:"region"`
		Records           []rec  `json:"records"`
	}{InvocationID: "inv-1", DeliveryStreamArn: "arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/s", Region: "ap-northeast-2"}
	for i, id := range ids {
		ev.Records = append(ev.Records, rec{id, base64.StdEncoding.EncodeToString([]byte(payloads[i]))})
	}
	buf, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return string(buf)
}

func TestPythonRunsAUsersFunctionAsLambdaDoes(t *testing.T) {
	p := openTab(t)
	w, r := startPython(t, p, "fn")
	if !regexp.MustCompile(`^CPython 3\.14\.\d+ \(Pyodide 314\.0\.8\)$`).MatchString(r.Runtime) || r.Emulates != "python3.13" || r.LoadMs <= 0 {
		t.Errorf("ready says %+v, want CPython 3.14.x (Pyodide 314.0.8) emulating python3.13, and its load time", r)
	}

	t.Run("the fixed seed delivers every row", func(t *testing.T) {
		ids := []string{"r-0", "r-1", "r-2"}
		payloads := []string{`[{"a": 1}, {"a": 2}, {"a": 3}]`, `[{"b": {"c": "한국어"}}]`, `[{"x": null}, {"y": [1, 2]}]`}
		d := w.invoke(pyCode(t, "fix.py"), "lambda_function.lambda_handler", firehoseEvent(t, ids, payloads))
		if !d.OK {
			t.Fatalf("the fix raised %+v", d.Error)
		}
		var body struct {
			Records []struct{ RecordID, Result, Data string }
		}
		if err := json.Unmarshal([]byte(d.Body), &body); err != nil {
			t.Fatalf("body %q: %v", d.Body, err)
		}
		wantRows := []int{3, 1, 2}
		if len(body.Records) != len(ids) {
			t.Fatalf("%d outputs, want one per record (%d): %s", len(body.Records), len(ids), d.Body)
		}
		for i, r := range body.Records {
			data, err := base64.StdEncoding.DecodeString(r.Data)
			if r.RecordID != ids[i] || r.Result != "Ok" || err != nil || strings.Count(string(data), "\n") != wantRows[i] {
				t.Errorf("output %d: %s %s %q (%v), want %s Ok with %d rows", i, r.RecordID, r.Result, data, err, ids[i], wantRows[i])
			}
		}
		if d.DurationMs == nil || *d.DurationMs < 0 || d.MemoryMB == nil || *d.MemoryMB <= 0 {
			t.Errorf("durationMs %v, memoryMB %v: want measured figures", d.DurationMs, d.MemoryMB)
		}
	})

	t.Run("an exception is the runtime's error object, with the user's line", func(t *testing.T) {
		ev := `{"records": [{"data": "{}"}, {"data": "{"}]}`
		d := w.invoke(pyCode(t, "raises.py"), "lambda_function.lambda_handler", ev)
		if d.OK || d.Error == nil {
			t.Fatalf("returned %s, want an error", d.Body)
		}
		e := d.Error
		if e.ErrorType != "JSONDecodeError" || e.ErrorMessage != "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)" || !strings.HasPrefix(e.RequestID, "req-") {
			t.Errorf("error %+v", e)
		}
		want := []string{
			"  File \"/var/task/lambda_function.py\", line 11, in lambda_handler\n    rows.append(parse(record['data']))\n",
			"  File \"/var/task/lambda_function.py\", line 5, in parse\n    return json.loads(text)\n",
		}
		if len(e.StackTrace) < 3 || e.StackTrace[0] != want[0] || e.StackTrace[1] != want[1] || !strings.Contains(e.StackTrace[len(e.StackTrace)-1], "json/decoder.py") {
			t.Errorf("stackTrace %q, want %q then json's frames", e.StackTrace, want)
		}
		if d.Line == nil || *d.Line != 5 {
			t.Errorf("line %v, want 5 (the last frame in the user's file)", d.Line)
		}
		var body pyError
		if err := json.Unmarshal([]byte(d.Body), &body); err != nil || fmt.Sprint(body) != fmt.Sprint(*e) {
			t.Errorf("body %s (%v), want the error object's JSON", d.Body, err)
		}
	})

	t.Run("the runtime's own errors", func(t *testing.T) {
		for _, c := range []struct {
			name, code, handler, errorType, message string
			line                                    int
		}{
			{"syntax error", "def lambda_handler(event, context):\n    x = = 1\n", "lambda_function.lambda_handler",
				"Runtime.UserCodeSyntaxError", "Syntax error in module 'lambda_function': invalid syntax (lambda_function.py, line 2)", 2},
			{"missing handler", "def handler(event, context):\n    return 1\n", "lambda_function.lambda_handler",
				"Runtime.HandlerNotFound", "Handler 'lambda_handler' missing on module 'lambda_function'", 0},
			{"a module that is not there", "import boto3\n\ndef lambda_handler(event, context):\n    return 1\n", "lambda_function.lambda_handler",
				"Runtime.ImportModuleError", "Unable to import module 'lambda_function': No module named 'boto3' (this page runs Python without network: only the standard library is available)", 0},
			{"an import in the handler", "def lambda_handler(event, context):\n    import requests\n", "lambda_handler",
				"ModuleNotFoundError", "No module named 'requests' (this page runs Python without network: only the standard library is available)", 2},
			{"bytes that are not UTF-8", "def lambda_handler(event, context):\n    return {'data': b'\\xff'}\n", "lambda_function.lambda_handler",
				"Runtime.MarshalError", "Unable to marshal response: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 0},
			{"a value JSON cannot hold", "def lambda_handler(event, context):\n    return {'s': {1, 2}}\n", "lambda_function.lambda_handler",
				"Runtime.MarshalError", "Unable to marshal response: Object of type set is not JSON serializable", 0},
			{"a top-level exception", "x = {}['k']\n", "lambda_function.lambda_handler", "KeyError", "'k'", 1},
		} {
			d := w.invoke(c.code, c.handler, `{}`)
			if d.OK || d.Error == nil || d.Error.ErrorType != c.errorType || d.Error.ErrorMessage != c.message {
				t.Errorf("%s: %s %+v, want %s: %s", c.name, d.Body, d.Error, c.errorType, c.message)
				continue
			}
			if (c.line == 0 && d.Line != nil) || (c.line != 0 && (d.Line == nil || *d.Line != c.line)) {
				t.Errorf("%s: line %v, want %d", c.name, d.Line, c.line)
			}
		}
	})

	t.Run("the response is written as the python3.13 runtime writes it", func(t *testing.T) {
		code := "import decimal\n\ndef handler(event, context):\n    return {'b': b'eyJhIjogMX0=', 'd': decimal.Decimal('1.10'), 'k': '한국어 ✓', 'n': float('nan'), 't': (1, 2)}\n"
		d := w.invoke(code, "app.handler", `{}`)
		if want := `{"b": "eyJhIjogMX0=", "d": 1.10, "k": "한국어 ✓", "n": NaN, "t": [1, 2]}`; !d.OK || d.Body != want {
			t.Errorf("body %s (%+v), want %s", d.Body, d.Error, want)
		}
	})

	t.Run("memory beyond the memory size", func(t *testing.T) {
		d := w.invoke("def lambda_handler(event, context):\n    return len(bytearray(200 * 1024 * 1024))\n", "lambda_function.lambda_handler", `{}`)
		if d.OK || d.Error == nil || d.Error.ErrorType != "Runtime.OutOfMemory" || d.MemoryMB == nil || *d.MemoryMB <= 128 {
			t.Errorf("200 MB in a 128 MB function: %s %+v, memory %v MB; want Runtime.OutOfMemory", d.Body, d.Error, d.MemoryMB)
		}
		d = w.invoke("def lambda_handler(event, context):\n    return 1\n", "lambda_function.lambda_handler", `{}`)
		if !d.OK || d.Body != "1" {
			t.Errorf("the next invocation: %s %+v", d.Body, d.Error)
		}
	})

	t.Run("the context object, logging and print", func(t *testing.T) {
		d := w.invoke(pyCode(t, "context.py"), "lambda_function.lambda_handler", `{"n": 7}`)
		if !d.OK {
			t.Fatalf("raised %+v", d.Error)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(d.Body), &got); err != nil {
			t.Fatal(err)
		}
		want := map[string]any{
			"aws_request_id": got["aws_request_id"], "function_name": "transform", "function_version": "$LATEST",
			"invoked_function_arn": "arn:aws:lambda:ap-northeast-2:123456789012:function:transform", "memory_limit_in_mb": "128",
			"log_group_name": "/aws/lambda/transform", "log_stream_name": "2026/12/07/[$LATEST]0123456789abcdef",
			"remaining_ok": true, "region": "ap-northeast-2", "execution_env": "AWS_Lambda_python3.13", "cwd": "/var/task",
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || !strings.HasPrefix(fmt.Sprint(got["aws_request_id"]), "req-fn-") {
			t.Errorf("context %v, want %v", got, want)
		}
		if len(d.Logs) != 3 || d.Logs[0] != "first line" || d.Logs[1] != "second line" ||
			!regexp.MustCompile(`^\[WARNING\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-fn-\d+\tcareful: 7$`).MatchString(d.Logs[2]) {
			t.Errorf("logs %q", d.Logs)
		}
	})
}

// TestPythonCannotReachOut runs code that tries every way out of the page's
// Python while the test records every request of the tab and its workers
// (same-origin ones included): once Python is ready, none is made. The
// worker is served with a first line that notes its policy violations:
// it loads without any, and the only one the attempts cause is eval
// refused, where code reached a JavaScript function's constructor.
func TestPythonCannotReachOut(t *testing.T) {
	p := newTab(t, nil)
	in := p.intercept(false, "*")
	in.serve("/runtime-python.js", "text/javascript; charset=utf-8", append([]byte(watchViolationsInWorker), builtFile(t, "runtime-python.js")...))
	p.open(baseURL)
	w, _ := startPython(t, p, "escape")
	if v := w.violations(); len(v) > 0 {
		t.Errorf("the runtime broke the page's policy while it loaded: %q", v)
	}
	before := len(p.sentRequests())
	p.expectProblem("unsafe-eval")
	d := w.invoke(pyCode(t, "escape.py"), "lambda_function.lambda_handler", fmt.Sprintf(`{"url": %q}`, baseURL+"escape-urllib"))
	if !d.OK {
		t.Fatalf("the escape attempts raised %+v", d.Error)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(d.Body), &got); err != nil {
		t.Fatal(err)
	}
	noModule := "ModuleNotFoundError: No module named '%s' (this page runs Python without network: only the standard library is available)"
	for what, want := range map[string]string{
		"import js":                   fmt.Sprintf(noModule, "js"),
		"import pyodide_js":           fmt.Sprintf(noModule, "pyodide_js"),
		"import_module js":            fmt.Sprintf(noModule, "js"),
		"from pyodide.ffi import":     fmt.Sprintf(noModule, "pyodide.ffi"),
		"import pyodide.http":         fmt.Sprintf(noModule, "pyodide.http"),
		"import micropip":             fmt.Sprintf(noModule, "micropip"),
		"pyodide.code.run_js":         fmt.Sprintf(noModule, "js"),
		"pyodide_js via sys.modules":  "KeyError: 'pyodide_js'",
		"jsfinder":                    "KeyError: 'js'",
		"open a file over http":       "FileNotFoundError",
		"urllib":                      "URLError",
		"socket":                      "OSError",
		"pyodide.ffi via sys.modules": "EvalError",
		"js objects":                  "reached: []",
	} {
		if s, _ := got[what].(string); !strings.HasPrefix(s, want) && !strings.Contains(s, want) {
			t.Errorf("%s: %q, want %q", what, s, want)
		}
	}
	after := p.sentRequests()[before:]
	for _, r := range after {
		t.Errorf("a request after Python was ready: %s %s (%s, seen by %s)", r.Method, r.URL, r.Type, r.Seen)
	}
	v := w.violations()
	if len(v) != 1 || !strings.HasPrefix(v[0], "script-src blocked eval") {
		t.Errorf("the attempts caused the violations %q, want the one eval refused", v)
	}
	if got := p.evalString(`__py.escape.types.filter(t => t !== "ready" && t !== "log" && t !== "done").join(" ")`); got != "" {
		t.Errorf("the worker sent messages of types %q", got)
	}
	t.Logf("%d requests before the attempts, %d after", before, len(after))
}

// TestPythonEndlessLoopLeavesASpare: Python cannot be interrupted, so the
// page ends a worker whose invocation outlives its timeout; a spare worker,
// loaded beforehand, answers the next invocation without loading again.
func TestPythonEndlessLoopLeavesASpare(t *testing.T) {
	p := openTab(t)
	w, _ := startPython(t, p, "busy")
	spare, _ := startPython(t, p, "spare")
	p.evalBool(`(() => { __py.busy.worker.postMessage({type: "invoke", id: "loop", code: "def lambda_handler(event, context):\n    while True:\n        pass\n",
		handler: "lambda_function.lambda_handler", timeoutMs: 3000, memoryMB: 128, event: "{}",
		context: {awsRequestId: "req-loop", functionName: "f", functionVersion: "$LATEST", invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f",
			memoryLimitInMB: 128, logGroupName: "/aws/lambda/f", logStreamName: "s", deadlineMs: Date.now() + 3000}}); return true; })()`)
	d := spare.invoke("def lambda_handler(event, context):\n    return event\n", "lambda_function.lambda_handler", `{"still": "here"}`)
	if !d.OK || d.Body != `{"still": "here"}` {
		t.Errorf("the spare answered %+v", d)
	}
	if p.evalBool(`!!__py.busy.done.loop`) {
		t.Errorf("the endless loop finished")
	}
	p.evalBool(`(__py.busy.worker.terminate(), true)`)
	_ = w
}
