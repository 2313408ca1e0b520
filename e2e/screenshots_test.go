//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screenshotDir is where TestScreenshots writes its images (git-ignored;
// the README names it).
const screenshotDir = "screenshots"

// viewports are the widths the page is looked at: a laptop and a phone.
var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"1400", 1400, 900, false},
	{"390", 390, 844, true},
}

// setViewport resizes the tab and sets its colour scheme.
func (p *tab) setViewport(width, height int64, mobile bool, scheme string) {
	p.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(width, height, opts...)); err != nil {
		p.t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		p.t.Fatal(err)
	}
	p.poll(fmt.Sprintf(`window.innerWidth === %d && matchMedia("(prefers-color-scheme: %s)").matches`, width, scheme))
}

// screenshot writes what the viewport shows (or, with full, the whole
// page) to screenshotDir/name.png.
func (p *tab) screenshot(name string, full bool) {
	p.t.Helper()
	act := chromedp.CaptureScreenshot()
	if full {
		act = chromedp.FullScreenshot(100) // 100: PNG, as the file name says
	}
	buf, err := chromedp.Run(p.ctx, act)
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// TestScreenshots writes the first screen and a failing example at each
// width, light and dark (and the empty state, light), into e2e/screenshots/, so the page can be seen
// without clicking through it. It checks only that the page fits the width.
func TestScreenshots(t *testing.T) {
	p := openTab(t)
	for _, vp := range viewports {
		for _, scheme := range []string{"light", "dark"} {
			p.setViewport(vp.width, vp.height, vp.mobile, scheme)
			p.eval(`window.scrollTo(0, 0)`, new(any))
			p.screenshot(fmt.Sprintf("first-screen-%s-%s", vp.name, scheme), false)
			if w := p.evalInt(`document.documentElement.scrollWidth`); w > int(vp.width) {
				t.Errorf("%s px, %s: the page is %d px wide", vp.name, scheme, w)
			}
		}
	}
	runs := p.runs()
	p.clearEditor(inputLabel)
	p.waitRuns(runs)
	for _, vp := range viewports {
		p.setViewport(vp.width, vp.height, vp.mobile, "light")
		p.eval(`(document.getElementById("empty-state").scrollIntoView({block: "center"}), true)`, new(any))
		p.screenshot(fmt.Sprintf("empty-%s-light", vp.name), false)
	}
	p.loadExample("04-empty-payload-poisons-batch.json")
	for _, vp := range viewports {
		for _, scheme := range []string{"light", "dark"} {
			p.setViewport(vp.width, vp.height, vp.mobile, scheme)
			// The verdict: at the top at 1400 px, below the input on a phone.
			p.eval(`(document.getElementById("results").getBoundingClientRect().top > innerHeight ? document.getElementById("results").scrollIntoView() : window.scrollTo(0, 0), true)`, new(any))
			p.screenshot(fmt.Sprintf("failing-example-%s-%s", vp.name, scheme), false)
		}
	}
	// The results of the seed's lost rows as a whole page (their panels flow
	// with it), and the hover card of a key a finding is marked on.
	p.loadExample("02-seed-loses-rows.json")
	p.scrollToBody() // the body is laid out once it has been near the screen
	p.poll(`document.querySelector("#body-editor .cm-content").textContent.includes("recordId")`)
	for _, vp := range viewports {
		for _, scheme := range []string{"light", "dark"} {
			p.setViewport(vp.width, vp.height, vp.mobile, scheme)
			p.screenshot(fmt.Sprintf("results-%s-%s", vp.name, scheme), true)
			p.unhover()
			p.eval(`window.scrollTo(0, 0)`, new(any))
			if p.hover(inputLabel, `"recordId"`) {
				p.poll(`!!document.querySelector(".cm-tooltip-hover .finding-card-doc:not([hidden])")`)
				p.screenshot(fmt.Sprintf("hover-card-%s-%s", vp.name, scheme), false)
			}
		}
	}
}
