//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A tab with the playground open, and what it did: every request it made,
// every console error, uncaught exception and browser-log error, every
// dialog. Its checks run when the test ends (see check).
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	requests []string
	sent     []sentRequest // every request, with its method (see sentRequests)
	problems []string
	expected []string // substrings of problems the test causes on purpose
	dialogs  []string
	paused   func(*fetch.EventRequestPaused) // answers requests the Fetch domain paused (see intercept)
}

// sentRequest is a request as the browser's network domains saw it.
type sentRequest struct {
	Method, URL, Type, Seen string // Seen: "network" (the page's Network domain) or "fetch" (paused by the Fetch domain)
}

// openTab opens the playground in a new tab of a fresh browser context (its
// own storage: a first visit, whatever other tests saved) and waits until
// the engine is ready and has reported on the default input.
func openTab(t *testing.T) *tab {
	t.Helper()
	return openTabAt(t, nil, baseURL)
}

// openTabAt opens url in a new tab, in the browser context of tab in (the
// same localStorage) or, when in is nil, in a fresh one, and waits until the
// engine is ready and has reported.
func openTabAt(t *testing.T, in *tab, url string) *tab {
	t.Helper()
	p := newTab(t, in)
	p.open(url)
	return p
}

// newTab opens a blank tab, in the browser context of tab in (the same
// localStorage) or, when in is nil, in a fresh one. Its checks run when the
// test ends.
func newTab(t *testing.T, in *tab) *tab {
	t.Helper()
	var ctx context.Context
	var cancel context.CancelFunc
	if in != nil {
		ctx, cancel = chromedp.NewContext(in.ctx)
	} else {
		ctx, cancel = chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	}
	p := &tab{t: t, ctx: ctx}
	t.Cleanup(cancel)
	t.Cleanup(p.check) // runs before cancel
	if err := chromedp.Listen(ctx, p.event); err != nil {
		t.Fatalf("listen: %v", err)
	}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return p
}

// open navigates to url and waits until the engine is ready and has reported.
func (p *tab) open(url string) {
	p.t.Helper()
	p.navigate(url)
	if state := p.evalString(`document.documentElement.dataset.engine`); state != "ready" {
		p.t.Fatalf("data-engine is %q (%s), want ready", state, p.evalString(`document.documentElement.dataset.engineError || ""`))
	}
	p.waitRuns(0)
}

// navigate goes to url and waits until the engine is ready or has failed.
func (p *tab) navigate(url string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		p.t.Fatalf("navigate to %s: %v", url, err)
	}
	p.poll(`document.documentElement.dataset.engine === "ready" || document.documentElement.dataset.engine === "failed"`)
}

// expectProblem says that a console error or browser-log error holding
// substr is caused by the test on purpose: check does not fail for it.
func (p *tab) expectProblem(substr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expected = append(p.expected, substr)
}

// sentRequests returns the requests the tab sent so far.
func (p *tab) sentRequests() []sentRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]sentRequest(nil), p.sent...)
}

// event records what the tab does. It runs in chromedp's read loop: it
// must return fast and run no command.
func (p *tab) event(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
		p.sent = append(p.sent, sentRequest{ev.Request.Method, ev.Request.URL, string(ev.Type), "network"})
	case *fetch.EventRequestPaused:
		p.requests = append(p.requests, ev.Request.URL)
		if ev.ResponseStatusCode == 0 && ev.ResponseErrorReason == "" { // the request stage: each request once
			p.sent = append(p.sent, sentRequest{ev.Request.Method, ev.Request.URL, string(ev.ResourceType), "fetch"})
		}
		if p.paused != nil {
			go p.paused(ev)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			p.problems = append(p.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.problems = append(p.problems, fmt.Sprintf("uncaught exception: %s (%s:%d)", msg, d.URL, d.LineNumber+1))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.problems = append(p.problems, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		} else if ev.Entry.Level == log.EntryLevelWarning {
			p.t.Logf("browser warning (%s): %s", ev.Entry.Source, ev.Entry.Text)
		}
	case *page.EventJavascriptDialogOpening:
		p.dialogs = append(p.dialogs, string(ev.Type)+": "+ev.Message)
		go func() { // close it, or the page stays blocked
			_, _ = chromedp.Call(p.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}()
	}
}

// check fails the test for console errors, exceptions, dialogs, and any
// request that left the page's origin, from the page or from its workers.
func (p *tab) check() {
	t := p.t
	origin := originOf(baseURL)
	var urls []string
	p.mu.Lock()
	urls = append(urls, p.requests...)
	var problems []string
	for _, pr := range p.problems {
		if !containsAny(pr, p.expected) {
			problems = append(problems, pr)
		}
	}
	dialogs := append([]string(nil), p.dialogs...)
	p.mu.Unlock()

	// What the page fetched, and what each of its workers fetched.
	urls = append(urls, p.evalStrings(`[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`)...)
	workers := 0
	for _, w := range p.workers() {
		workers++
		urls = append(urls, w...)
	}
	if workers == 0 && !t.Failed() {
		t.Errorf("found no worker of the page: the engine should run in one")
	}
	for _, u := range urls {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue // never leaves the page
		}
		if originOf(u) != origin {
			t.Errorf("a request left the page's origin %s: %s", origin, u)
		}
	}
	for _, pr := range problems {
		t.Errorf("%s", pr)
	}
	for _, d := range dialogs {
		t.Errorf("the page opened a dialog: %s", d)
	}
}

// workers returns, for each worker of the browser, the URLs it fetched
// (its own script and its resource timing entries).
func (p *tab) workers() [][]string {
	infos, err := chromedp.Targets(p.ctx)
	if err != nil {
		p.t.Errorf("list targets: %v", err)
		return nil
	}
	var out [][]string
	for _, info := range infos {
		if info.Type != "worker" {
			continue
		}
		wctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		var urls []string
		err := chromedp.Do(wctx)
		if err == nil {
			urls, err = chromedp.Run(wctx, chromedp.Evaluate[[]string](
				`[self.location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`))
		}
		cancel()
		if err != nil {
			p.t.Logf("worker %s: %v", info.URL, err)
			continue
		}
		out = append(out, append(urls, info.URL))
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func originOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "unparsable:" + s
	}
	return u.Scheme + "://" + u.Host
}

// poll waits until the JavaScript expression is truthy (at most 30 s).
func (p *tab) poll(expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		p.shot("poll-failed")
		p.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// runs is how many reports the page has shown.
func (p *tab) runs() int {
	p.t.Helper()
	return p.evalInt(`+(document.documentElement.dataset.runs || 0)`)
}

// waitRuns waits until the page has shown a report after the n-th and the
// engine is idle.
func (p *tab) waitRuns(n int) {
	p.t.Helper()
	p.poll(fmt.Sprintf(`+(document.documentElement.dataset.runs || 0) > %d && document.getElementById("results").getAttribute("aria-busy") === "false"`, n))
}

func (p *tab) eval(expr string, out any) {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[json.RawMessage](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	if err := json.Unmarshal(v, out); err != nil {
		p.t.Fatalf("evaluate %s: %v (%s)", expr, err, v)
	}
}

// scrollToBody brings the Lambda response body's editor on screen, as a
// user scrolls to it: the page lays the body out only then.
func (p *tab) scrollToBody() {
	p.t.Helper()
	p.eval(`(document.getElementById("body-editor").scrollIntoView({block: "center"}), true)`, new(any))
}

func (p *tab) evalString(expr string) (s string) { p.t.Helper(); p.eval(expr, &s); return }
func (p *tab) evalInt(expr string) (n int)       { p.t.Helper(); p.eval(expr, &n); return }
func (p *tab) evalBool(expr string) (b bool)     { p.t.Helper(); p.eval(expr, &b); return }
func (p *tab) evalStrings(expr string) (s []string) {
	p.t.Helper()
	p.eval(expr, &s)
	return
}

// editor is the selector of an editor's content element.
func editor(label string) string {
	return fmt.Sprintf(`[aria-label=%q]`, label)
}

// paste replaces the text of an editor the way a user's paste does: select
// all, then a paste event carrying the text.
func (p *tab) paste(label, text string) {
	p.t.Helper()
	arg, _ := json.Marshal(text)
	p.pasteJS(label, string(arg))
}

// pasteJS pastes into an editor, as paste does, the text a JavaScript
// expression makes in the page: large texts are made where they are used
// instead of crossing the DevTools connection.
func (p *tab) pasteJS(label, expr string) {
	p.t.Helper()
	sel := chromedp.CSS(editor(label))
	if err := chromedp.Do(p.ctx,
		chromedp.Focus(sel),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	); err != nil {
		p.t.Fatalf("select all in %s: %v", label, err)
	}
	js := fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", %s);
		document.querySelector(%q).dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, expr, editor(label))
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](js)); err != nil {
		p.t.Fatalf("paste into %s: %v", label, err)
	}
}

// clearEditor empties an editor the way a user does: select all, Delete.
func (p *tab) clearEditor(label string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx,
		chromedp.Focus(chromedp.CSS(editor(label))),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Delete),
	); err != nil {
		p.t.Fatalf("clear %s: %v", label, err)
	}
}

// typeText types text into an editor, key by key, after clearing it.
func (p *tab) typeText(label, text string) {
	p.t.Helper()
	sel := chromedp.CSS(editor(label))
	if err := chromedp.Do(p.ctx,
		chromedp.Focus(sel),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("\b"),
		chromedp.SendKeys(sel, text),
	); err != nil {
		p.t.Fatalf("type into %s: %v", label, err)
	}
}

// shot saves a screenshot when $FIREHOSE_E2E_SHOTS names a folder.
func (p *tab) shot(name string) {
	dir := os.Getenv("FIREHOSE_E2E_SHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Logf("screenshot: %v", err)
		return
	}
	f := filepath.Join(dir, strings.ReplaceAll(p.t.Name(), "/", "_")+"-"+name+".png")
	if err := os.WriteFile(f, buf, 0o644); err != nil {
		p.t.Logf("screenshot: %v", err)
	}
}

// recordShown waits until the record view shows record i with its
// details: the decoded payload and rows arrive from the engine's worker
// once the record is shown.
func (p *tab) recordShown(i int) {
	p.t.Helper()
	p.poll(fmt.Sprintf(`(() => { const h = document.querySelector("#record h4");
		return !!h && h.textContent === "Record #%d" && !document.querySelector("#record .loading"); })()`, i))
}
