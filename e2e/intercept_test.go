//go:build e2e

package e2e

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// An interceptor answers some of a tab's requests itself, through the Fetch
// domain (the test's side of the network, not the page's): it serves a
// modified worker.js or a corrupted firehose.wasm without any hook in the
// page's code. Requests for other paths go through untouched; every paused
// request is also logged (see tab.sentRequests), workers' included.
type interceptor struct {
	p  *tab
	mu sync.Mutex
	// bodies maps a path ("/worker.js") to what is served for it; a path
	// without a body goes to the server.
	bodies map[string]served
	// responses sees the response headers of every request paused at the
	// response stage.
	responses func(ev *fetch.EventRequestPaused)
}

type served struct {
	contentType string
	body        []byte
}

// intercept makes the Fetch domain pause the tab's requests, before the page
// is loaded. patterns are Fetch URL patterns ("*" for every request);
// atResponse pauses them once the server has answered, so their headers
// can be read.
func (p *tab) intercept(atResponse bool, patterns ...string) *interceptor {
	p.t.Helper()
	in := &interceptor{p: p, bodies: map[string]served{}}
	p.mu.Lock()
	p.paused = in.handle
	p.mu.Unlock()
	var list []*fetch.RequestPattern
	for _, pat := range patterns {
		rp := &fetch.RequestPattern{URLPattern: pat}
		if atResponse {
			rp.RequestStage = fetch.RequestStageResponse
		}
		list = append(list, rp)
	}
	if _, err := chromedp.Call(p.ctx, fetch.Enable, fetch.EnableParams{Patterns: list}); err != nil {
		p.t.Fatalf("enable the Fetch domain: %v", err)
	}
	return in
}

// serve answers requests for path with body from now on.
func (in *interceptor) serve(path, contentType string, body []byte) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.bodies[path] = served{contentType, body}
}

// forget lets requests for path go to the server again.
func (in *interceptor) forget(path string) {
	in.mu.Lock()
	defer in.mu.Unlock()
	delete(in.bodies, path)
}

func (in *interceptor) handle(ev *fetch.EventRequestPaused) {
	if ev.ResponseStatusCode != 0 || ev.ResponseErrorReason != "" {
		in.mu.Lock()
		see := in.responses
		in.mu.Unlock()
		if see != nil {
			see(ev)
		}
		_, _ = chromedp.Call(in.p.ctx, fetch.ContinueResponse, fetch.ContinueResponseParams{RequestID: ev.RequestID})
		return
	}
	path := ""
	if u, err := url.Parse(ev.Request.URL); err == nil {
		path = u.Path
	}
	in.mu.Lock()
	s, ok := in.bodies[path]
	in.mu.Unlock()
	if !ok {
		_, _ = chromedp.Call(in.p.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		return
	}
	// The headers serve.go sends, so that the page and its workers run
	// under the same policy as with the real file.
	_, _ = chromedp.Call(in.p.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
		RequestID:    ev.RequestID,
		ResponseCode: 200,
		ResponseHeaders: []*fetch.HeaderEntry{
			{Name: "Content-Type", Value: s.contentType},
			{Name: "Content-Security-Policy", Value: servedCSP},
			{Name: "X-Content-Type-Options", Value: "nosniff"},
			{Name: "Cache-Control", Value: "no-store"},
		},
		Body: s.body,
	})
}

// servedCSP is the Content-Security-Policy serve.go sends, read from its source.
var servedCSP = func() string {
	src, err := os.ReadFile("../serve.go")
	if err != nil {
		return "could not read ../serve.go: " + err.Error()
	}
	m := regexp.MustCompile(`(?m)^const contentSecurityPolicy = "([^"]*)"$`).FindSubmatch(src)
	if m == nil {
		return "no contentSecurityPolicy constant in ../serve.go"
	}
	return string(m[1])
}()

// builtFile is a file of the page as the server serves it.
func builtFile(t *testing.T, path string) []byte {
	t.Helper()
	res, err := http.Get(baseURL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v", path, res.Status, err)
	}
	return body
}
