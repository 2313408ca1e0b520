//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
)

// The Python runtime's worker (runtime-python.js), driven from the page's
// context with the runtime worker protocol, independently of the page's UI.

// pyWorker is a Python runtime worker the page started.
type pyWorker struct {
	p    *tab
	name string // its key in the page's self.__py
	next int    // the next invocation id

	mu   sync.Mutex
	logs []string // the worker's browser-log entries (CSP violations among them)
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
			if (m.type === "ready") st.ready = m;
			else if (m.type === "failed") st.failed = String(m.error);
			else if (m.type === "log") (st.logs[m.id] = st.logs[m.id] || []).push(m.text);
			else if (m.type === "done") st.done[m.id] = m;
		};
		w.onerror = (e) => { st.failed = "error event: " + e.message; };
		self.__py[%q] = st;
		return true;
	})()`, name))
	w := &pyWorker{p: p, name: name}
	p.pollLong(fmt.Sprintf(`__py[%q].ready || __py[%[1]q].failed`, name))
	if f := p.evalString(fmt.Sprintf(`__py[%q].failed || ""`, name)); f != "" {
		t.Fatalf("the Python runtime did not load: %s", f)
	}
	var r pyReady
	p.eval(fmt.Sprintf(`__py[%q].ready`, name), &r)
	w.watchLog()
	return w, r
}

// watchLog records the worker's browser-log entries, those it logged
// before too (Log.enable sends them again): a CSP violation in the worker
// is one.
func (w *pyWorker) watchLog() {
	t := w.p.t
	t.Helper()
	url := strings.TrimSuffix(baseURL, "/") + "/runtime-python.js"
	for _, info := range mustTargets(t, w.p) {
		if info.Type != "worker" || info.URL != url || w.p.evalBool(fmt.Sprintf(`!!__py[%q].watched`, w.name)) {
			continue
		}
		wctx, _ := chromedp.NewContext(browserCtx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		if err := chromedp.Listen(wctx, func(ev any) {
			if e, ok := ev.(*log.EventEntryAdded); ok {
				w.mu.Lock()
				w.logs = append(w.logs, fmt.Sprintf("%s %s: %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
				w.mu.Unlock()
			}
		}); err != nil {
			t.Logf("worker %s: %v", info.URL, err)
			continue
		}
		if _, err := chromedp.Call(wctx, log.Enable, struct{}{}); err != nil {
			t.Logf("worker %s: %v", info.URL, err)
			continue
		}
		w.p.evalBool(fmt.Sprintf(`__py[%q].watched = true`, w.name))
		return
	}
}

// browserLog returns the worker's browser-log entries so far.
func (w *pyWorker) browserLog() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.logs...)
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
	w.p.evalBool(fmt.Sprintf(`(() => { const m = %s; m.context.deadlineMs = Date.now() + 60000; __py[%q].worker.postMessage(m); return true; })()`, buf, w.name))
	w.p.pollLong(fmt.Sprintf(`__py[%q].done[%q] || __py[%[1]q].failed`, w.name, id))
	if f := w.p.evalString(fmt.Sprintf(`__py[%q].failed || ""`, w.name)); f != "" {
		w.p.t.Fatalf("the Python runtime failed: %s", f)
	}
	var d pyDone
	w.p.eval(fmt.Sprintf(`Object.assign({Logs: __py[%q].logs[%q] || []}, __py[%[1]q].done[%[2]q])`, w.name, id), &d)
	return d
}

func TestPythonRuntimeLoads(t *testing.T) {
	p := openTab(t)
	w, r := startPython(t, p, "a")
	if !strings.HasPrefix(r.Runtime, "CPython 3.14.") || !strings.Contains(r.Runtime, "(Pyodide 314.0.8)") || r.Emulates != "python3.13" {
		t.Errorf("ready says %+v, want CPython 3.14.x (Pyodide 314.0.8) emulating python3.13", r)
	}
	d := w.invoke("def lambda_handler(event, context):\n    print('hello', event['x'])\n    return {'y': event['x'] + 1}\n", "lambda_function.lambda_handler", `{"x": 41}`)
	if !d.OK || d.Body != `{"y": 42}` || strings.Join(d.Logs, "|") != "hello 41" {
		t.Errorf("invoke: %+v", d)
	}
	t.Logf("ready in %.0f ms: %s", r.LoadMs, r.Runtime)
	for _, l := range w.browserLog() {
		t.Errorf("the worker logged %s", l)
	}
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
