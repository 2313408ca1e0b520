//go:build e2e

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// box is an element's bounding box, as the browser draws it.
type box struct{ X, Y, W, H float64 }

func (a box) overlaps(b box) bool {
	return a.W > 0 && a.H > 0 && b.W > 0 && b.H > 0 &&
		a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// recordItem is what the records list draws of one record.
type recordItem struct {
	ID, FullID                   string // the characters drawn, and the whole id (title, or the text itself)
	IDBox, Outcome, Conf, Meta   box
	IDCut                        bool // the id's box cuts off characters (CSS overflow)
	OutcomeClass                 string
	LostRows                     int // data-lost-rows of the lost badge, -1 without one
	MetaLines                    int
	OutcomeCount, ConfidenceSeen int
}

func (p *tab) recordItems() []recordItem {
	p.t.Helper()
	var items []recordItem
	p.eval(`[...document.querySelectorAll("#records button.record-item")].map((b) => {
		const r = (el) => { if (!el) return {X: 0, Y: 0, W: 0, H: 0}; const x = el.getBoundingClientRect(); return {X: x.x, Y: x.y, W: x.width, H: x.height}; };
		const id = b.querySelector(".rec-id"), out = b.querySelector(".badge[data-outcome]"), conf = b.querySelector(".badge.confidence");
		const meta = b.querySelector(".rec-meta"), lost = b.querySelector(".badge.lost");
		const lh = parseFloat(getComputedStyle(meta).lineHeight) || 16;
		return {
			ID: (id.querySelector(".id-drawn") || id).textContent, FullID: id.getAttribute("title") || id.textContent,
			IDBox: r(id), Outcome: r(out), Conf: r(conf), Meta: r(meta),
			IDCut: id.scrollWidth > id.clientWidth + 1,
			OutcomeClass: out ? out.className : "",
			LostRows: lost ? +lost.dataset.lostRows : -1,
			MetaLines: Math.round(meta.getBoundingClientRect().height / lh),
			OutcomeCount: b.querySelectorAll(".badge[data-outcome]").length,
			ConfidenceSeen: conf ? 1 : 0,
		};
	})`, &items)
	return items
}

// TestRecordListBadges checks that the records list draws every badge
// apart: the outcome is never under the confidence, the id keeps room at
// 1400 px, and a record's details are not one word per line.
func TestRecordListBadges(t *testing.T) {
	p := openTab(t)
	p.setViewport(1400, 900, false, "light")
	p.loadExample("03-seed-v1-duplicates.json")
	items := p.recordItems()
	if len(items) == 0 {
		t.Fatal("no records listed")
	}
	withConf := 0
	for i, it := range items {
		if it.OutcomeCount != 1 || it.Outcome.W == 0 {
			t.Errorf("record %d: %d outcome badges drawn, %v", i, it.OutcomeCount, it.Outcome)
		}
		if it.ConfidenceSeen > 0 {
			withConf++
			if it.Outcome.overlaps(it.Conf) {
				t.Errorf("record %d: the confidence badge %v covers the outcome badge %v", i, it.Conf, it.Outcome)
			}
		}
		if it.IDBox.W < 150 {
			t.Errorf("record %d: the id column is %.0f px wide at 1400 px", i, it.IDBox.W)
		}
		if it.MetaLines > 2 {
			t.Errorf("record %d: the details take %d lines (%.0f px wide)", i, it.MetaLines, it.Meta.W)
		}
	}
	if withConf == 0 {
		t.Errorf("no record of %s shows a confidence badge: the test sees nothing", "03-seed-v1-duplicates.json")
	}
}

// exampleRecords reads an example's event: each record's id and decoded data.
func exampleRecords(t *testing.T, file string) (ids []string, data [][]byte) {
	t.Helper()
	var ex struct {
		Input struct {
			Records []struct {
				RecordID string `json:"recordId"`
				Data     string `json:"data"`
			} `json:"records"`
		} `json:"input"`
	}
	buf, err := os.ReadFile("../web/examples/" + file)
	if err == nil {
		err = json.Unmarshal(buf, &ex)
	}
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	for _, r := range ex.Input.Records {
		b, err := base64.StdEncoding.DecodeString(r.Data)
		if err != nil {
			t.Fatalf("%s: record %s: %v", file, r.RecordID, err)
		}
		ids = append(ids, r.RecordID)
		data = append(data, b)
	}
	return ids, data
}

// TestIdsAreToldApart checks that ids differing only in their last digits
// are drawn differently, ending as the real ids end, wherever ids are listed.
func TestIdsAreToldApart(t *testing.T) {
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			p := openTab(t)
			p.setViewport(vp.width, vp.height, vp.mobile, "light")
			ids, _ := exampleRecords(t, "02-seed-loses-rows.json")
			items := p.recordItems()
			if len(items) != len(ids) {
				t.Fatalf("%d records listed, want %d", len(items), len(ids))
			}
			seen := map[string]int{}
			for i, it := range items {
				if it.IDCut {
					t.Errorf("record %d: the drawn id %q is cut off by its box", i, it.ID)
				}
				if it.FullID != ids[i] {
					t.Errorf("record %d: the id's whole text is %q, want %q", i, it.FullID, ids[i])
				}
				tail := ids[i][len(ids[i])-8:]
				if !strings.HasSuffix(it.ID, tail) {
					t.Errorf("record %d: drawn %q, which does not end as %q does", i, it.ID, ids[i])
				}
				if j, ok := seen[it.ID]; ok {
					t.Errorf("records %d and %d are both drawn %q", j, i, it.ID)
				}
				seen[it.ID] = i
			}
			// The recordId mapping lists every output's id apart too.
			drawn := p.evalStrings(`[...document.querySelectorAll("#mapping table.mapping td:nth-child(2)")].map((td) => td.innerText)`)
			dup := map[string]bool{}
			for _, d := range drawn {
				if dup[d] {
					t.Errorf("the mapping draws two outputs' ids as %q", d)
				}
				dup[d] = true
			}
		})
	}
}

// TestAPartlyLostRecordIsNotPlainDelivered checks that a record whose
// outputs Firehose partly ignores says how many rows it lost, as the
// engine counts them.
func TestAPartlyLostRecordIsNotPlainDelivered(t *testing.T) {
	p := openTab(t)
	_, data := exampleRecords(t, "02-seed-loses-rows.json")
	items := p.recordItems()
	if len(items) != len(data) {
		t.Fatalf("%d records listed, want %d", len(items), len(data))
	}
	partial := 0
	for i, it := range items {
		var events []json.RawMessage
		if err := json.Unmarshal(data[i], &events); err != nil {
			t.Fatalf("record %d's data is not a JSON list: %v", i, err)
		}
		want := len(events) - 1 // the seed keeps the first event of each record
		if want == 0 {
			if it.LostRows != -1 {
				t.Errorf("record %d lost nothing but shows %d rows lost", i, it.LostRows)
			}
			if !strings.Contains(it.OutcomeClass, "outcome-delivered") || strings.Contains(it.OutcomeClass, "partial") {
				t.Errorf("record %d: outcome badge %q, want a plain delivered", i, it.OutcomeClass)
			}
			continue
		}
		partial++
		if it.LostRows != want {
			t.Errorf("record %d: the lost badge says %d rows, want %d", i, it.LostRows, want)
		}
		if !strings.Contains(it.OutcomeClass, "outcome-partial") {
			t.Errorf("record %d lost %d rows but its outcome badge is %q", i, want, it.OutcomeClass)
		}
	}
	if partial == 0 {
		t.Fatal("the example loses no row: the test sees nothing")
	}
	p.click(`#records button.record-item[data-index="0"]`)
	if got := p.evalString(`(document.querySelector("#record .lost-note") || {textContent: ""}).textContent`); !strings.Contains(got, "lost without any error") {
		t.Errorf("record 0's detail says %q about its lost rows", got)
	}
}

// TestTheSeedsLimitOnAnOrdinaryEvent checks what a first visit shows for an
// ordinary event (one JSON object per record): the seed's own limit, the
// ways out, and no note about the example the input no longer is.
func TestTheSeedsLimitOnAnOrdinaryEvent(t *testing.T) {
	p := openTab(t)
	runs := p.runs()
	ev := `{"records": [{"recordId": "a", "approximateArrivalTimestamp": 1700000000000, "data": "` + b64(`{"user": "ann", "n": 1}`) + `"}]}`
	p.paste(inputLabel, ev)
	p.waitRuns(runs)
	if !p.evalBool(`!!document.querySelector('#problems [data-kind="lambda-error"]')`) {
		t.Fatalf("the seed did not fail on a JSON object: the test sees nothing")
	}
	hint := p.evalString(`(document.querySelector('#problems [data-kind="seed-limit"]') || {textContent: ""}).textContent`)
	for _, want := range []string{"limit", "JSON list", "ndjson", "response"} {
		if !strings.Contains(hint, want) {
			t.Errorf("the seed's limit is not said (want %q): %q", want, hint)
		}
	}
	if !p.evalBool(`document.getElementById("example-note").hidden`) {
		t.Errorf("after the whole input was replaced the note still says %q", p.evalString(`document.getElementById("example-note").textContent`))
	}
	runs = p.runs()
	p.click(`#problems [data-kind="seed-limit"] button[data-way="ndjson"]`)
	p.waitRuns(runs)
	if got := p.evalString(`document.getElementById("preset").value`); got != "ndjson" {
		t.Errorf("the transform is %q after choosing ndjson", got)
	}
	if v := p.verdict(); v.Delivered != 1 || v.BatchError != "" {
		t.Errorf("with ndjson: %+v, want the record delivered", v)
	}
}

// TestNothingPastedIsNotAFailure checks the empty state: an emptied input
// and a refused link say what to paste and offer the ways in, with no
// error, verdict or marker.
func TestNothingPastedIsNotAFailure(t *testing.T) {
	check := func(t *testing.T, p *tab) {
		t.Helper()
		if p.evalBool(`document.getElementById("empty-state").hidden`) {
			t.Fatalf("no empty state; the results say %q", p.evalString(`document.getElementById("results").innerText.slice(0, 300)`))
		}
		visible := p.evalString(`document.getElementById("results").innerText`)
		for _, bad := range []string{"UnmarshalError", "batch fails", "attempts", "ERROR"} {
			if strings.Contains(visible, bad) {
				t.Errorf("the empty page shows %q: %q", bad, visible)
			}
		}
		if n := p.evalInt(`document.querySelectorAll('[aria-label="Firehose input"]').length && document.querySelectorAll("#input-editor .cm-lint-marker, #input-editor .cm-lintRange").length`); n != 0 {
			t.Errorf("the input editor holds %d finding marks", n)
		}
		ways := p.evalStrings(`[...document.querySelectorAll("#empty-state button[data-way]")].map((b) => b.dataset.way)`)
		if strings.Join(ways, " ") != "example event response" {
			t.Errorf("the ways in are %q", ways)
		}
	}
	t.Run("cleared input", func(t *testing.T) {
		p := openTab(t)
		runs := p.runs()
		p.clearEditor(inputLabel)
		p.waitRuns(runs)
		check(t, p)
		p.click(`#empty-state button[data-way="example"]`)
		if !p.evalBool(`document.getElementById("gallery-box").open`) {
			t.Errorf("Open an example does not open the examples")
		}
		p.click(`#empty-state button[data-way="response"]`)
		if !p.evalBool(`document.getElementById("response-box").open && document.activeElement.closest("#response-editor") !== null`) {
			t.Errorf("Check your function's response does not open its editor")
		}
		// Something pasted: results again.
		runs = p.runs()
		p.paste(inputLabel, smallEvent("back-1"))
		p.waitRuns(runs)
		if !p.evalBool(`document.getElementById("empty-state").hidden`) || p.stat("records") != "1" {
			t.Errorf("after a paste the empty state stays, or the records are %q", p.stat("records"))
		}
	})
	t.Run("damaged link", func(t *testing.T) {
		p := openTabAt(t, nil, baseURL+"#v1.not*base64!at~all")
		p.poll(`!document.getElementById("notice").hidden`)
		if msg := p.evalString(`document.getElementById("notice").textContent`); !strings.Contains(msg, "could not be opened") {
			t.Errorf("the notice says %q", msg)
		}
		check(t, p)
	})
}

// TestStaleResultsLookIt checks a run on a new input: Cancel is offered as
// soon as it starts, the previous results are labelled as such, and Esc
// puts the controls back to what the results shown were made with.
func TestStaleResultsLookIt(t *testing.T) {
	p := openTab(t)
	// Watch the moment the results turn busy.
	p.evalBool(`(() => {
		window.__busySeen = [];
		const results = document.getElementById("results");
		new MutationObserver(() => {
			if (results.getAttribute("aria-busy") !== "true") return;
			const note = document.getElementById("stale-note");
			window.__busySeen.push({cancel: !document.getElementById("cancel").hidden, stale: !note.hidden && note.textContent.includes("previous"), dimmed: results.dataset.stale === "true"});
		}).observe(results, {attributes: true, attributeFilter: ["aria-busy"]});
		return true;
	})()`)
	p.pasteJS(inputLabel, millionRecords)
	p.poll(`window.__busySeen.length > 0`)
	var seen []struct{ Cancel, Stale, Dimmed bool }
	p.eval(`window.__busySeen`, &seen)
	if !seen[0].Cancel {
		t.Errorf("when the run started, Cancel was not offered")
	}
	if !seen[0].Stale || !seen[0].Dimmed {
		t.Errorf("when the run started, the old results were not labelled (%v) or dimmed (%v)", seen[0].Stale, seen[0].Dimmed)
	}
	// A transform chosen while it runs, then Esc: the select shows the
	// transform of the results shown.
	before := p.evalString(`document.getElementById("preset").value`)
	p.setField("#preset", "ndjson")
	p.poll(`!document.getElementById("cancel").hidden`)
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	p.poll(`document.getElementById("status").textContent.startsWith("Cancelled")`)
	if got := p.evalString(`document.getElementById("preset").value`); got != before {
		t.Errorf("after Esc the transform select shows %q, the results are %q's", got, before)
	}
	if !p.evalBool(`document.getElementById("stale-note").hidden && document.getElementById("results").dataset.stale === undefined`) {
		t.Errorf("after Esc the results still say they are stale")
	}
}

// TestANewInputStartsAtTheFirstPage checks that the records list goes back
// to its first page when the whole input is replaced.
func TestANewInputStartsAtTheFirstPage(t *testing.T) {
	p := openTab(t)
	ids := func(prefix string) []string {
		var out []string
		for i := range 350 {
			out = append(out, fmt.Sprintf("%s-%d", prefix, i))
		}
		return out
	}
	runs := p.runs()
	p.paste(inputLabel, smallEvent(ids("first")...))
	p.waitRuns(runs)
	for range 2 {
		runs = p.runs()
		p.click(`#records nav.pager button:last-of-type`)
		p.waitRuns(runs)
	}
	if got := p.evalString(`document.querySelector("#records .pager-pos").textContent`); !strings.HasPrefix(got, "201–300") {
		t.Fatalf("after two pages the list shows %q", got)
	}
	runs = p.runs()
	p.paste(inputLabel, smallEvent(ids("second")...))
	p.waitRuns(runs)
	if got := p.evalString(`document.querySelector("#records .pager-pos").textContent`); !strings.HasPrefix(got, "1–100") {
		t.Errorf("a new input shows records %q, want the first page", got)
	}
}

// TestTheExampleTravels checks that an example's title and description go
// with a link and with the remembered session.
func TestTheExampleTravels(t *testing.T) {
	p := openTab(t)
	p.allowClipboard()
	p.loadExample("04-empty-payload-poisons-batch.json")
	var entry galleryEntry
	for _, e := range readGallery(t) {
		if e.File == "04-empty-payload-poisons-batch.json" {
			entry = e
		}
	}
	p.click("#share")
	p.poll(`location.hash.startsWith("#v1.")`)
	link := p.evalString(`location.href`)
	note := func(q *tab) (title, desc string) {
		q.poll(`!document.getElementById("example-note").hidden`)
		return q.evalString(`document.getElementById("example-title").textContent`), q.evalString(`document.getElementById("example-desc").textContent`)
	}
	q := openTabAt(t, nil, link)
	if title, desc := note(q); title != entry.Title || desc != entry.Description {
		t.Errorf("the link shows the example %q (%q), want %q", title, desc, entry.Title)
	}
	// The session, in the same browser.
	p.poll(`(localStorage.getItem("firehose-playground") || "").length > 0`)
	r := openTabAt(t, p, baseURL)
	if title, _ := note(r); title != entry.Title {
		t.Errorf("the restored session shows the example %q, want %q", title, entry.Title)
	}
}

// TestTheFirstScreen checks what a first visit sees without scrolling: the
// input editor and the verdict at 1400×900, both within one scroll at
// 390 px; the response editor's opener above the fold at 1400 px; the
// repro and session buttons in a menu.
func TestTheFirstScreen(t *testing.T) {
	p := openTab(t)
	top := func(sel string) float64 {
		var y float64
		p.eval(fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().top + window.scrollY`, sel), &y)
		return y
	}
	p.setViewport(1400, 900, false, "light")
	t.Logf("1400×900: input editor at y=%.0f, verdict at y=%.0f, response editor's opener at y=%.0f",
		top("#input-editor .cm-content"), top("#summary .stats"), top("#response-box > summary"))
	if y := top("#input-editor .cm-content"); y > 900-200 {
		t.Errorf("at 1400×900 the input editor starts at y=%.0f", y)
	}
	if y := top("#summary .stats"); y > 900-120 {
		t.Errorf("at 1400×900 the verdict starts at y=%.0f", y)
	}
	if y := top("#response-box > summary"); y > 900-40 {
		t.Errorf("at 1400×900 Check your own Lambda response is at y=%.0f", y)
	}
	if p.evalBool(`document.getElementById("repro-save").checkVisibility()`) {
		t.Errorf("the repro file button is in the top bar, not in its menu")
	}
	// From the top of the page, a few Tabs reach the input editor.
	tabs := p.evalInt(`(() => {
		const target = document.querySelector('#input-editor .cm-content');
		return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]')]
			.filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility() &&
				(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)).length;
	})()`)
	if tabs > 12 {
		t.Errorf("%d Tabs lead from the top of the page to the input editor", tabs)
	}
	p.setViewport(390, 844, true, "light")
	t.Logf("390×844: input editor at y=%.0f, verdict at y=%.0f; %d Tabs to the input editor",
		top("#input-editor .cm-content"), top("#summary .stats"), tabs)
	if y := top("#input-editor .cm-content"); y > 844 {
		t.Errorf("at 390 px the input editor starts at y=%.0f", y)
	}
	if y := top("#summary .stats"); y > 2*844-100 {
		t.Errorf("at 390 px the verdict starts at y=%.0f, more than one scroll down", y)
	}
}

// TestOneHoverCard checks that hovering a key with a finding on it shows
// one concise card: the finding's code, message and place, with the key's
// doc one click away in it, not stacked beside it.
func TestOneHoverCard(t *testing.T) {
	p := openTab(t)
	for _, vp := range viewports {
		// The last width's card goes while the pointer is still a mouse:
		// under the phone's touch emulation a mouse move may not close it.
		p.unhover()
		p.setViewport(vp.width, vp.height, vp.mobile, "light")
		if !p.hover(inputLabel, `"recordId"`) {
			t.Fatal("no recordId in the input")
		}
		p.poll(`!!document.querySelector(".cm-tooltip-hover .finding-card")`)
		// The doc's card would come 300 ms after the pointer stops, as the finding's does.
		p.poll(`!!document.querySelector(".cm-tooltip-hover .finding-card-doc:not([hidden])")`)
		var card struct {
			Cards, Findings, Docs int
			Height                float64
			Text, Place           string
		}
		p.eval(`(() => {
			const hover = [...document.querySelectorAll(".cm-tooltip-hover")];
			const shown = (el) => el.checkVisibility();
			return {
				Cards: hover.reduce((n, t) => n + t.querySelectorAll(".finding-card, .field-doc").length - t.querySelectorAll(".finding-card .field-doc").length, 0),
				Findings: document.querySelectorAll(".cm-tooltip-hover .cm-diagnostic").length,
				Docs: [...document.querySelectorAll(".cm-tooltip-hover .field-doc")].filter(shown).length,
				Height: hover.reduce((sum, t) => sum + t.getBoundingClientRect().height, 0),
				Text: document.querySelector(".cm-tooltip-hover .finding-card-title").textContent,
				Place: document.querySelector(".cm-tooltip-hover .finding-card-place").textContent,
			};
		})()`, &card)
		t.Logf("%d px: the card is %.0f px tall: %q, %q", vp.width, card.Height, card.Text, card.Place)
		if card.Cards != 1 || card.Findings != 1 || card.Docs != 0 {
			t.Errorf("%d px: the hover shows %d cards, %d findings and %d field docs open, want one finding's card", vp.width, card.Cards, card.Findings, card.Docs)
		}
		if card.Height > 150 {
			t.Errorf("%d px: the hover card is %.0f px tall", vp.width, card.Height)
		}
		if !regexp.MustCompile(`^[A-Za-z]+\.[A-Za-z.]+ `).MatchString(card.Text) || !(strings.HasPrefix(card.Place, "Line ") || strings.Contains(card.Place, "the finding is at the ")) {
			t.Errorf("%d px: the card says %q / %q, want the finding's code and message, and its line", vp.width, card.Text, card.Place)
		}
		// The field's doc is one click away, in the same card.
		p.click(".cm-tooltip-hover .finding-card-doc > summary")
		p.poll(`[...document.querySelectorAll(".cm-tooltip-hover .finding-card .field-doc[data-path='records.recordId']")].some((el) => el.checkVisibility())`)
	}
}

// TestFlattenedValuesKeepTheirTokens checks that the flattened-rows table
// breaks a value only where it has a space.
func TestFlattenedValuesKeepTheirTokens(t *testing.T) {
	p := openTab(t)
	p.setViewport(1400, 900, false, "light")
	p.loadExample("05-the-fix-ndjson.json")
	var broken []string
	p.eval(`[...document.querySelectorAll("#record table.rows td")].filter((td) => {
		const t = td.textContent;
		if (!t || /\s/.test(t) || t.length > 40) return false;
		const r = document.createRange();
		r.selectNodeContents(td);
		const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
		return lines.size > 1;
	}).map((td) => td.textContent)`, &broken)
	if n := p.evalInt(`document.querySelectorAll("#record table.rows td").length`); n == 0 {
		t.Fatal("no flattened rows shown: the test sees nothing")
	}
	if len(broken) > 0 {
		t.Errorf("values broken mid-token: %q", broken)
	}
}

// TestNumbersAndWordsAgree checks that a size reads the same on the summary
// and in the findings, that the limit is named exactly, that the attempts
// follow NumberOfRetries, and that counts take the right number.
func TestNumbersAndWordsAgree(t *testing.T) {
	p := openTab(t)
	t.Run("sizes", func(t *testing.T) {
		p.t = t
		p.loadExample("10-response-over-6mb.json")
		card := p.evalString(`document.querySelector('#summary [data-stat="response-size"] .n').textContent`)
		label := p.evalString(`document.querySelector('#summary [data-stat="response-size"] .label').textContent`)
		if !p.hasFinding("Function.ResponseSizeTooLarge") {
			t.Fatal("no Function.ResponseSizeTooLarge finding")
		}
		msg := p.evalString(`document.querySelector('#findings li.finding[data-code="Function.ResponseSizeTooLarge"] .finding-message').textContent`)
		if !strings.Contains(msg, "The response is "+card+",") {
			t.Errorf("the summary says the response is %q, the finding says %q", card, msg)
		}
		if !strings.Contains(label, "6,291,556 bytes") {
			t.Errorf("the limit is named %q, want 6,291,556 bytes", label)
		}
	})
	t.Run("attempts", func(t *testing.T) {
		p.t = t
		p.loadExample("04-empty-payload-poisons-batch.json")
		runs := p.runs()
		p.setField("#fh-retries", "5")
		p.waitRuns(runs)
		p.poll(`document.querySelector('#problems [data-kind="batch-error"] .attempts') !== null`)
		banner := p.evalString(`document.querySelector('#problems [data-kind="batch-error"]').textContent`)
		if !strings.Contains(banner, "after 6 attempts") || strings.Contains(banner, "4 attempts") {
			t.Errorf("with NumberOfRetries 5 the banner says %q", banner)
		}
	})
	t.Run("plurals", func(t *testing.T) {
		p.t = t
		runs := p.runs()
		p.setPreset("seed-v1")
		p.waitRuns(runs)
		runs = p.runs()
		p.paste(inputLabel, `{"records": [
			{"recordId": "one", "approximateArrivalTimestamp": 1700000000000, "data": "`+b64(`[{"a": 1}, {"a": 2}]`)+`"},
			{"recordId": "two", "approximateArrivalTimestamp": 1700000000001, "data": "`+b64(`[{"b": 1}]`)+`"}]}`)
		p.waitRuns(runs)
		alts := p.evalString(`(document.querySelector('#problems [data-kind="alternatives"]') || {textContent: ""}).textContent`)
		if !strings.Contains(alts, "1 record fails") || strings.Contains(alts, "1 record fail ") || strings.Contains(alts, "1 record fail\n") {
			t.Errorf("the readings say %q, want 1 record fails", alts)
		}
	})
	t.Run("identity", func(t *testing.T) {
		p.t = t
		p.loadExample("13-sample-event-defects.json")
		rows := p.evalString(`document.getElementById("record").textContent`)
		if strings.Contains(rows, "made no rows") {
			t.Errorf("identity's record says the transform made no rows: %q", rows)
		}
	})
}
