//go:build e2e

package e2e

import (
	"fmt"
	"testing"
)

// scrollBoxes lists the elements of the results that scroll inside the
// page's own scroll: overflow auto or scroll, and more content than height.
// The editors' own scrollers (CodeMirror's) are left out: an editor is
// bounded on purpose.
const scrollBoxes = `[...document.querySelectorAll("#results *")].filter((el) => {
	if (el.closest(".cm-editor")) return false;
	const o = getComputedStyle(el).overflowY;
	return (o === "auto" || o === "scroll") && el.scrollHeight > el.clientHeight + 1 && el.getClientRects().length > 0;
}).map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " " + el.clientHeight + "/" + el.scrollHeight)`

// TestFewScrollBoxes checks that the results do not nest scroll boxes in
// the page's scroll: at 1400 px and at 390 px, on the examples' ordinary
// batches, at most one panel scrolls on its own.
func TestFewScrollBoxes(t *testing.T) {
	p := openTab(t)
	for _, vp := range viewports {
		p.setViewport(vp.width, vp.height, vp.mobile, "light")
		for _, ex := range []string{"02-seed-loses-rows.json", "03-seed-v1-duplicates.json", "13-sample-event-defects.json", "07-cloudwatch-logs.json"} {
			t.Run(fmt.Sprintf("%d/%s", vp.width, ex), func(t *testing.T) {
				p.t = t
				defer func() { p.t = t }()
				p.loadExample(ex)
				var boxes []string
				p.eval(scrollBoxes, &boxes)
				t.Logf("scroll boxes: %q", boxes)
				if len(boxes) > 1 {
					t.Errorf("%d panels scroll inside the page: %q", len(boxes), boxes)
				}
			})
		}
	}
}
