//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// editorText is the whole text of an editor, as its lines show it (the
// tests keep these texts short enough for CodeMirror to draw every line);
// the placeholder of an empty editor is not text.
func (p *tab) editorText(label string) string {
	p.t.Helper()
	return p.evalString(fmt.Sprintf(`[...document.querySelectorAll('%s .cm-line')].map(l => l.querySelector(".cm-placeholder") ? "" : l.textContent).join("\n")`, editor(label)))
}

// click clicks the element a CSS selector finds (after scrolling it into
// view), opening first the closed menus (<details>) it is in, as a user
// does.
func (p *tab) click(sel string) {
	p.t.Helper()
	p.evalBool(fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		for (let d = el && el.parentElement && el.parentElement.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
			if (!(el.tagName === "SUMMARY" && el.parentElement === d)) d.open = true;
		}
		return true;
	})()`, sel))
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		p.shot("click-failed")
		p.t.Fatalf("click %s: %v", sel, err)
	}
}

// verdict is what the page shows of a run: the summary's figures and the
// codes of the findings listed.
type verdict struct {
	Delivered, Dropped, Failed, Records, Lost, LostRows int
	BatchError                                          string
	Codes                                               []string
}

func (p *tab) verdict() (v verdict) {
	p.t.Helper()
	p.eval(`(() => {
		const val = (name, attr = "data-value") => +((document.querySelector('#summary [data-stat="' + name + '"]') || {getAttribute: () => -1}).getAttribute(attr));
		const be = document.querySelector('#problems [data-kind="batch-error"] code[data-code]');
		return {
			Delivered: val("delivered"), Dropped: val("dropped"), Failed: val("failed"), Records: val("records"),
			Lost: val("lost"), LostRows: val("lost", "data-rows"),
			BatchError: be ? be.dataset.code : "",
			Codes: [...new Set([...document.querySelectorAll("#findings li.finding")].map(e => e.dataset.code))].sort(),
		};
	})()`, &v)
	return v
}

// hasFinding says whether a finding with the code is listed, showing more
// of the list as long as it has more.
func (p *tab) hasFinding(code string) bool {
	p.t.Helper()
	return p.evalBool(fmt.Sprintf(`(() => {
		for (;;) {
			if (document.querySelector('#findings li.finding[data-code=%q]')) return true;
			const more = document.querySelector("#findings button.more");
			if (!more || more.hidden) return false;
			more.click();
		}
	})()`, code))
}

// allowDownloads saves the tab's downloads in a new folder, which it returns.
func (p *tab) allowDownloads() string {
	p.t.Helper()
	dir := p.t.TempDir()
	c := chromedp.FromContext(p.ctx)
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, BrowserContextID: c.BrowserContextID, EventsEnabled: ptr(true),
	}); err != nil {
		p.t.Fatalf("allow downloads: %v", err)
	}
	return dir
}

// allowClipboard lets the page write and read the clipboard.
func (p *tab) allowClipboard() {
	p.t.Helper()
	c := chromedp.FromContext(p.ctx)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(p.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted, Origin: originOf(baseURL), BrowserContextID: c.BrowserContextID,
		}); err != nil {
			p.t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// clipboard reads the clipboard's text.
func (p *tab) clipboard() string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("read the clipboard: %v", err)
	}
	return s
}

// downloaded waits until the file name is fully downloaded in dir and
// returns its contents.
func (p *tab) downloaded(dir, name string) []byte {
	p.t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		buf, err := os.ReadFile(path)
		partial, _ := filepath.Glob(filepath.Join(dir, "*.crdownload"))
		// Chrome may put an empty file under the final name before it
		// writes the download; the page never downloads an empty file.
		if err == nil && len(partial) == 0 && len(buf) > 0 {
			return buf
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	p.t.Fatalf("%s was not downloaded in 30 s; the folder holds %q", name, names)
	return nil
}

// galleryEntry is an entry of web/examples/index.json.
type galleryEntry struct {
	File, Title, Description string
}

// exampleFile is an example of the gallery, with the verdict it promises.
type exampleFile struct {
	Title  string `json:"title"`
	Expect struct {
		Delivered, Dropped, Failed, Ignored, Lost *int
		BatchError                                *string `json:"batchError"`
		Codes                                     []string
		S3Objects                                 *int `json:"s3Objects"`
	} `json:"expect"`
}

func readGallery(t *testing.T) []galleryEntry {
	t.Helper()
	var index []galleryEntry
	buf, err := os.ReadFile("../web/examples/index.json")
	if err == nil {
		err = json.Unmarshal(buf, &index)
	}
	if err != nil || len(index) == 0 {
		t.Fatalf("read web/examples/index.json: %v (%d entries)", err, len(index))
	}
	return index
}

// loadExample chooses an example in the gallery and waits for its report.
func (p *tab) loadExample(file string) {
	p.t.Helper()
	if !p.evalBool(`document.getElementById("gallery-box").open`) {
		p.click(`#gallery-box > summary`)
	}
	p.unhover()
	runs := p.runs()
	p.click(fmt.Sprintf(`#gallery button[data-example=%q]`, file))
	p.poll(fmt.Sprintf(`document.getElementById("example-note").dataset.example === %q`, file))
	// An example with the user's own Python function waits for Python to load.
	p.pollLong(fmt.Sprintf(`+(document.documentElement.dataset.runs || 0) > %d && document.getElementById("results").getAttribute("aria-busy") === "false"`, runs))
}

// setField sets an input or select of the page the way the user does.
func (p *tab) setField(sel, value string) {
	p.t.Helper()
	p.evalBool(fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		el.value = %q;
		el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", {bubbles: true}));
		return true;
	})()`, sel, value))
}

// hover moves the mouse over the middle of the first occurrence of text in
// an editor's drawn lines. It reports whether the text was found.
func (p *tab) hover(label, text string) bool {
	p.t.Helper()
	var box *struct{ X, Y float64 }
	p.eval(fmt.Sprintf(`(() => {
		const root = document.querySelector('%s');
		const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode());) {
			const i = n.data.indexOf(%q);
			if (i < 0) continue;
			n.parentElement.scrollIntoView({block: "center"});
			const r = document.createRange();
			r.setStart(n, i + Math.floor(%[2]q.length / 2));
			r.setEnd(n, i + Math.floor(%[2]q.length / 2) + 1);
			const b = r.getBoundingClientRect();
			return {x: b.x + b.width / 2, y: b.y + b.height / 2};
		}
		return null;
	})()`, editor(label), text), &box)
	if box == nil {
		return false
	}
	if err := chromedp.Do(p.ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, 1, 1),
		chromedp.MouseEvent(chromedp.MouseMoved, box.X, box.Y),
	); err != nil {
		p.t.Fatal(err)
	}
	return true
}

// unhover moves the mouse off the page's content and waits until no hover
// tooltip is left over what a click may aim at.
func (p *tab) unhover() {
	p.t.Helper()
	// A busy browser may let one move pass without closing the card: move
	// again, a pixel away, until it is gone.
	for i := range 20 {
		if err := chromedp.Do(p.ctx, chromedp.MouseEvent(chromedp.MouseMoved, float64(1+i%2), 1)); err != nil {
			p.t.Fatal(err)
		}
		if p.evalBool(`!document.querySelector(".cm-tooltip-hover")`) {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	p.poll(`!document.querySelector(".cm-tooltip-hover")`)
}

func ptr[T any](v T) *T { return &v }

func joinCodes(codes []string) string { return strings.Join(codes, " ") }
