//go:build e2e

package e2e

import (
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// watchViolations notes every securitypolicyviolation event of the page;
// it runs before the page's scripts.
const watchViolations = `window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => __violations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline")));`

func TestTheContentSecurityPolicyIsThePagesOwn(t *testing.T) {
	// serve.go's policy (read from its source) is strict: nothing inline,
	// no eval, nothing from elsewhere.
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'",
		"worker-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(servedCSP, want) {
			t.Errorf("serve.go's policy %q lacks %q", servedCSP, want)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"} {
		if strings.Contains(servedCSP, bad) {
			t.Errorf("serve.go's policy %q allows %s", servedCSP, bad)
		}
	}

	// The headers of every response the tab gets, its workers' included,
	// as the browser received them.
	p := newTab(t, nil)
	var mu sync.Mutex
	headers := map[string]map[string]string{} // path → lower-case header name → value
	in := p.intercept(true, "*")
	in.responses = func(ev *fetch.EventRequestPaused) {
		u, err := url.Parse(ev.Request.URL)
		if err != nil || originOf(ev.Request.URL) != originOf(baseURL) {
			return
		}
		h := map[string]string{}
		for _, e := range ev.ResponseHeaders {
			h[strings.ToLower(e.Name)] = e.Value
		}
		mu.Lock()
		headers[u.Path] = h
		mu.Unlock()
	}
	if _, err := chromedp.Call(p.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchViolations}); err != nil {
		t.Fatal(err)
	}
	p.open(baseURL)

	// The page works under it: the engine's worker runs, and so does an
	// export's worker.
	runs := p.runs()
	p.paste(inputLabel, smallEvent("csp-1", "csp-2"))
	p.waitRuns(runs)
	if got := p.stat("records"); got != "2" {
		t.Errorf("a run under the policy shows %q records, want 2", got)
	}
	if p.workersStarted() < 1 || p.evalString(`document.documentElement.dataset.version || ""`) == "" {
		t.Errorf("no engine worker ran under the policy")
	}
	p.allowClipboard()
	p.click(`#exports li[data-export="event"] button[data-action="copy"]`)
	p.poll(`document.querySelector("#exports .export-status").textContent.startsWith("Copied")`)
	if v := p.evalStrings(`__violations`); len(v) > 0 {
		t.Errorf("the page broke its own policy: %q", v)
	}

	mu.Lock()
	for _, path := range []string{"/", "/app.js", "/style.css", "/worker.js", "/wasm_exec.js", "/firehose.wasm"} {
		h, ok := headers[path]
		if !ok {
			t.Errorf("no response for %s was seen", path)
			continue
		}
		if got := h["content-security-policy"]; got != servedCSP {
			t.Errorf("%s: Content-Security-Policy %q, want serve.go's %q", path, got, servedCSP)
		}
		if got := h["x-content-type-options"]; got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q, want nosniff", path, got)
		}
	}
	mu.Unlock()

	// And the browser enforces it: in the page, eval and an inline script
	// are refused (the console errors this causes are expected)…
	p.expectProblem("Content Security Policy")
	p.expectProblem("unsafe-eval")
	// (Code DevTools evaluates is exempt, so eval is tried from a timer.)
	p.evalBool(tryEval)
	p.poll(`self.__eval !== undefined`)
	if got := p.evalString(`self.__eval`); got != "EvalError" {
		t.Errorf("eval in the page: %s, want EvalError", got)
	}
	p.evalBool(`(() => { const s = document.createElement("script"); s.textContent = "window.__inline = true"; document.head.append(s); s.remove(); return true; })()`)
	p.poll(`__violations.some(v => v.startsWith("script-src"))`)
	if p.evalBool(`window.__inline === true`) {
		t.Errorf("an inline script ran")
	}
	// …and in the engine's worker, which runs under worker.js's own header.
	checked := 0
	for _, info := range mustTargets(t, p) {
		if info.Type != "worker" {
			continue
		}
		wctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		_, err := chromedp.Run(wctx, chromedp.Evaluate[bool](tryEval))
		got := ""
		for i := 0; err == nil && got == "" && i < 100; i++ {
			got, err = chromedp.Run(wctx, chromedp.Evaluate[string](`self.__eval || ""`))
		}
		cancel()
		if err != nil {
			t.Logf("worker %s: %v", info.URL, err)
			continue
		}
		checked++
		if got != "EvalError" {
			t.Errorf("eval in the worker %s: %s, want EvalError", info.URL, got)
		}
	}
	if checked == 0 {
		t.Errorf("no worker was checked")
	}
}

// tryEval sets self.__eval to what eval does when a timer calls it: "ran",
// or the name of the error it throws.
const tryEval = `(setTimeout(() => { try { eval("1"); self.__eval = "ran"; } catch (e) { self.__eval = e.name; } }), true)`

// mustTargets lists the browser's targets.
func mustTargets(t *testing.T, p *tab) []*target.Info {
	t.Helper()
	infos, err := chromedp.Targets(p.ctx)
	if err != nil {
		t.Fatalf("list targets: %v", err)
	}
	return infos
}
