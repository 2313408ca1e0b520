//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestAFullSessionStaysOnTheOrigin records every request of a whole session,
// as the Network domain (the page) and the Fetch domain (the page and its
// workers) see them, and every download: load, run, Share, the link opened
// in a fresh browser, three examples (the 3 MB one among them), every
// export and a repro file. Each is a GET of the page's own origin (blob:
// downloads made in the page included), and none carries what the user
// typed.
func TestAFullSessionStaysOnTheOrigin(t *testing.T) {
	const marker = "MARKER-7f3a9c-user-input"
	var mu sync.Mutex
	var downloads []string
	// Load and run. The Fetch domain sees the workers' requests too.
	p := newTab(t, nil)
	p.intercept(false, "*")
	p.open(baseURL)
	p.allowClipboard()
	runs := p.runs()
	p.paste(inputLabel, smallEvent(marker+"-1", marker+"-2"))
	p.waitRuns(runs)

	// Share.
	p.click("#share")
	p.poll(`!!document.querySelector('#share-result [data-kind="link"]')`)
	link := p.evalString(`location.href`)

	// The link in a fresh browser.
	q := newTab(t, nil)
	q.intercept(false, "*")
	dir := q.allowDownloads()
	if err := chromedp.ListenBrowser(q.ctx, func(ev any) {
		if ev, ok := ev.(*browser.EventDownloadWillBegin); ok {
			mu.Lock()
			downloads = append(downloads, ev.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	q.open(link)
	if got := q.editorText(inputLabel); !strings.Contains(got, marker) {
		t.Fatalf("the link did not restore the input: %q", got)
	}

	// Three examples; the processing-failed one last, so every export has something.
	for _, ex := range []string{"10-response-over-6mb.json", "12-dynamic-partitioning.json", "09-processing-failed-and-dropped.json"} {
		q.loadExample(ex)
	}
	// Every export, then a repro file.
	for _, x := range []struct{ name, file string }{
		{"response", "lambda-response.json"}, {"event", "event.json"}, {"decoded", "decoded.ndjson"},
		{"s3", "s3-objects.json"}, {"failed", "processing-failed.ndjson"},
	} {
		q.click(fmt.Sprintf(`#exports li[data-export=%q] button[data-action="download"]`, x.name))
		q.poll(fmt.Sprintf(`document.querySelector("#exports .export-status").textContent.startsWith("Downloaded %s")`, x.file))
		q.downloaded(dir, x.file)
	}
	q.click("#repro-save")
	q.downloaded(dir, "firehose-repro.json")

	origin := originOf(baseURL)
	seen := map[string]bool{}
	blobs := 0
	for _, tb := range []*tab{p, q} {
		for _, r := range tb.sentRequests() {
			u, err := url.Parse(r.URL)
			switch {
			case err != nil:
				t.Errorf("a request to an unparsable URL: %q", r.URL)
				continue
			case u.Scheme == "data":
				// never leaves the page (CodeMirror's lint icons)
			case u.Scheme == "blob":
				if inner := strings.TrimPrefix(r.URL, "blob:"); originOf(inner) != origin {
					t.Errorf("a blob of another origin: %s", r.URL)
				}
			case originOf(r.URL) != origin:
				t.Errorf("a request left the page's origin: %s %s (%s, seen by %s)", r.Method, r.URL, r.Type, r.Seen)
			}
			if r.Method != "GET" {
				t.Errorf("a %s request: %s", r.Method, r.URL)
			}
			if strings.Contains(r.URL, marker) || strings.Contains(r.URL, "MARKER") {
				t.Errorf("a request carries the user's input: %s", r.URL)
			}
			seen[u.Path+" ("+r.Seen+")"] = true
			if u.Scheme == "blob" {
				blobs++
			}
		}
	}
	mu.Lock()
	for _, d := range downloads {
		if !strings.HasPrefix(d, "blob:"+origin+"/") || strings.Contains(d, marker) {
			t.Errorf("a download from %s", d)
		}
	}
	if len(downloads) != 6 {
		t.Errorf("%d downloads seen, want 6 (five exports and a repro file): %q", len(downloads), downloads)
	}
	mu.Unlock()
	// The recording saw what the session fetched, workers included.
	for _, want := range []string{"/ (network)", "/app.js (network)", "/worker.js (fetch)", "/wasm_exec.js (fetch)", "/firehose.wasm (fetch)",
		"/examples/10-response-over-6mb.json (network)", "/examples/12-dynamic-partitioning.json (network)", "/examples/09-processing-failed-and-dropped.json (network)"} {
		if !seen[want] {
			t.Errorf("the recording misses %s", want)
		}
	}
	t.Logf("%d requests recorded (%d of them blob: downloads), %d downloads", len(p.sentRequests())+len(q.sentRequests()), blobs, len(downloads))
}
