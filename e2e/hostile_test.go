//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/firehose-playground/firehose-playground/internal/testevent"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Hostile pastes, the way the engine's own hostile inputs go
// (transform/hostile_test.go), but through the page: for each, the findings
// the engine promises are listed, the page shows no error panel, logs no
// error, and the next run works. The large ones also say how long the
// main thread was busy (measured, not asserted: see TestHostilePastes' log).

// A hostile paste: text (or js, an expression that makes it in the page)
// and the findings each preset must list ("*": every preset).
type hostilePaste struct {
	name  string
	text  string
	js    string
	into  string // the editor's label; the input's by default
	codes map[string][]string
	check func(t *testing.T, p *tab)
}

var presets = []string{"seed", "seed-v1", "ndjson", "identity"}

// TestHostilePastes pastes the small hostile inputs under every preset.
func TestHostilePastes(t *testing.T) {
	truncated := testevent.Gzip([]byte(`{"messageType":"DATA_MESSAGE","logEvents":[]}`), 1)
	truncated = truncated[:len(truncated)-6]
	cases := []hostilePaste{
		{name: "a gzip bomb", text: testevent.Event(testevent.Gzip(make([]byte, 1<<20), 200)), codes: map[string][]string{"*": {"gzip.bomb"}}},
		{name: "a truncated gzip stream", text: testevent.Event(truncated), codes: map[string][]string{"*": {"gzip.truncated"}}},
		{name: "binary garbage", text: testevent.Event([]byte{0x00, 0xff, 0xfe, 0x80, 0x01, 0xc3, 0x28}),
			codes: map[string][]string{"seed": {"seed.raised"}, "seed-v1": {"seed.raised"}, "ndjson": {"ndjson.utf8"}}},
		{name: "NUL bytes in a payload", text: testevent.Event([]byte("{\"a\":\"x\x00y\"}\x00")),
			codes: map[string][]string{"seed": {"seed.raised"}, "ndjson": {"ndjson.json"}}},
		{name: "NUL bytes in the pasted text", text: "{\"records\":[]}\x00", codes: map[string][]string{"*": {"json.syntax"}}},
		{name: "lone surrogates in a payload", text: testevent.Event([]byte(`[{"a":"\ud800","b":{"c":"\udfff"}}]`)), check: records(1)},
		{name: "lone surrogates in the pasted text", js: `'{"records":[{"recordId":"\ud800x","data":"e30="}]}\udfff'`,
			codes: map[string][]string{"*": {"input.utf8"}}},
		{name: "invalid UTF-8 in a payload", text: testevent.Event([]byte("[{\"a\":\"\xe4\xb8\"}]")),
			codes: map[string][]string{"seed": {"seed.raised"}, "ndjson": {"ndjson.utf8"}}},
		{name: "CRLF line endings", text: strings.ReplaceAll(testevent.Event([]byte(`[{"a":1}]`), []byte(`[{"b":2}]`)), ",", ",\r\n"), check: records(2)},
		{name: "a UTF-8 BOM", text: "\ufeff" + testevent.Event([]byte(`[{"a":1}]`)),
			codes: map[string][]string{"*": {"input.bom"}, "seed": {"seed.raised"}}},
		{name: "numbers at the edges", text: testevent.Event([]byte(`[{"a":1e400,"b":-0,"c":` + strings.Repeat("9", 400) + `,"d":-0.0,"e":5e-324}]`)), check: records(1)},
		{name: "NaN and Infinity", text: testevent.Event([]byte(`[{"a":NaN,"b":Infinity,"c":-Infinity}]`)),
			codes: map[string][]string{"ndjson": {"ndjson.nonstandard"}}},
		{name: "base64 that is not", text: `{"records":[{"recordId":"r","data":"!!!!"}]}`,
			codes: map[string][]string{"*": {"base64.invalid"}, "seed": {"seed.raised"}}},
		{name: "records of every type", text: `{"records":[1,"x",null,true,[],{}]}`,
			codes: map[string][]string{"*": {"record.notObject", "record.recordId.missing"}}},
	}
	p := openTab(t)
	for _, preset := range presets {
		runs := p.runs()
		p.setPreset(preset)
		p.waitRuns(runs)
		for _, c := range cases {
			t.Run(preset+"/"+c.name, func(t *testing.T) {
				p.t = t
				defer func() { p.t = t }()
				if !p.pasteHostile(c) {
					return
				}
				for _, code := range append(c.codes["*"], c.codes[preset]...) {
					if !p.hasFinding(code) {
						t.Errorf("no %s finding is listed; listed: %s", code, joinCodes(p.verdict().Codes))
					}
				}
				if c.check != nil {
					c.check(t, p)
				}
			})
		}
		p.smallRunWorks()
	}
}

// records checks the count of records read.
func records(n int) func(t *testing.T, p *tab) {
	return func(t *testing.T, p *tab) {
		if got := p.stat("records"); got != fmt.Sprint(n) {
			t.Errorf("%s records read, want %d", got, n)
		}
	}
}

// pasteHostile pastes a case and waits for its report, which must not be
// an engine failure. (Nested JSON used to overflow the engine's stack in the
// worker; the engine now stops at 1,000 levels, which this checks.)
func (p *tab) pasteHostile(c hostilePaste) bool {
	p.t.Helper()
	runs, workers := p.runs(), p.workersStarted()
	label := c.into
	if label == "" {
		label = inputLabel
	}
	if c.js != "" {
		p.pasteJS(label, c.js)
	} else {
		p.paste(label, c.text)
	}
	p.poll(fmt.Sprintf(`(+(document.documentElement.dataset.runs || 0) > %d || +document.documentElement.dataset.engineWorkers > %d) && document.getElementById("results").getAttribute("aria-busy") === "false"`, runs, workers))
	if !p.evalBool(`document.getElementById("engine-error").hidden`) {
		p.t.Errorf("the error panel is shown: %s", p.evalString(`document.getElementById("engine-error").textContent`))
	}
	if p.runs() == runs {
		p.t.Errorf("no report was shown")
	}
	return true
}

// smallRunWorks pastes a small event and checks its report.
func (p *tab) smallRunWorks() {
	p.t.Helper()
	runs := p.runs()
	p.paste(inputLabel, smallEvent("small-1", "small-2"))
	p.waitRuns(runs)
	if got := p.stat("records"); got != "2" {
		p.t.Errorf("the small run after shows %q records, want 2", got)
	}
}

// TestLargeHostilePastes pastes what is too large, too many or too deep,
// made in the page, and logs the longest main-thread task from the paste
// until a second after the report is shown.
func TestLargeHostilePastes(t *testing.T) {
	cases := []hostilePaste{
		{name: "50 MB pasted", js: `'{"a": 1, "b": "some text here"}\n'.repeat(50 * 1024 * 1024 / 32)`,
			codes: map[string][]string{"*": {"input.size"}},
			check: func(t *testing.T, p *tab) {
				if !p.evalBool(fmt.Sprintf(`!!document.querySelector('%s').closest(".cm-editor").querySelector(".cm-plain-note")`, editor(inputLabel))) {
					t.Errorf("the 50 MB input is not said to be shown plain")
				}
				if !p.evalBool(`!!document.querySelector('#problems [data-kind="input-size"]') && document.getElementById("summary").textContent.includes("not read")`) {
					t.Errorf("the page does not say the input was not read: %q", p.evalString(`document.getElementById("summary").textContent`))
				}
				// The editor keeps the text and stays usable: a key typed at its start shows.
				start := time.Now()
				if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS(editor(inputLabel))),
					chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("Z")); err != nil {
					t.Fatal(err)
				}
				p.poll(fmt.Sprintf(`document.querySelector('%s .cm-line').textContent.startsWith("Z{")`, editor(inputLabel)))
				t.Logf("50 MB in the editor: a key typed at its start shows after %v", time.Since(start).Round(time.Millisecond))
			}},
		{name: "a million tiny records", js: millionRecords,
			codes: map[string][]string{"*": {"event.records.tooMany"}},
			check: func(t *testing.T, p *tab) {
				if got := p.stat("records"); got != "100,000" {
					t.Errorf("records read: %q, want 100,000", got)
				}
				if got := p.evalInt(`+document.querySelector('#summary [data-stat="records"]').dataset.skipped`); got != 900_000 {
					t.Errorf("skipped records shown: %d, want 900,000", got)
				}
				if got := p.evalString(`document.querySelector('#summary [data-stat="records"] .extra').textContent`); !strings.Contains(got, "900,000 more skipped") {
					t.Errorf("the summary says %q, want the skipped count", got)
				}
				if n := p.evalInt(`document.getElementsByTagName("*").length`); n > 5000 {
					t.Errorf("the page has %d elements for a million records", n)
				} else {
					t.Logf("a million records: %d elements on the page; %d records listed", n, p.evalInt(`document.querySelectorAll("#records .record-item").length`))
				}
			}},
		{name: "a single 10 MB record", js: `(() => {
				const payload = '[{"a":"' + "x".repeat(10 * 1024 * 1024) + '"}]';
				return '{"records":[{"recordId":"big","approximateArrivalTimestamp":1767225600000,"data":"' + btoa(payload) + '"}]}';
			})()`,
			codes: map[string][]string{"*": {"record.size", "event.size", "Function.ResponseSizeTooLarge"}},
			check: func(t *testing.T, p *tab) {
				// Over 2 MB the input and the body are plain text, and say so.
				p.scrollToBody()
				for _, label := range []string{inputLabel, bodyLabel} {
					p.poll(fmt.Sprintf(`!!document.querySelector('%s').closest(".cm-editor").querySelector(".cm-plain-note")`, editor(label)))
				}
			}},
		{name: "JSON nested 100,000 levels", js: `"[".repeat(100000) + "]".repeat(100000)`,
			codes: map[string][]string{"*": {"seed.raised"}}},
		{name: "JSON nested 100,000 levels in a record", js: `'{"records":[{"recordId":"deep","data":"' + btoa("[".repeat(100000) + "]".repeat(100000)) + '"}]}'`,
			codes: map[string][]string{"*": {"seed.raised"}}},
		{name: "JSON nested 100,000 levels in the event", js: `'{"records":[{"recordId":"deep","data":"e30=","x":' + "[".repeat(100000) + "]".repeat(100000) + '}]}'`,
			codes: map[string][]string{"*": {"json.depth"}}},
		{name: "a pasted response nested 100,000 levels", js: `"[".repeat(100000) + "]".repeat(100000)`, into: responseLabel,
			codes: map[string][]string{"*": {"Lambda.JsonProcessingException"}}},
		{name: "100,000 keys in one object", js: `(() => {
				const keys = new Array(100000);
				for (let i = 0; i < keys.length; i++) keys[i] = '"k' + i + '":' + i;
				return "{" + keys.join(",") + "}";
			})()`,
			codes: map[string][]string{"*": {"seed.raised"}}},
	}
	p := newTab(t, nil)
	if _, err := chromedp.Call(p.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: instrument}); err != nil {
		t.Fatal(err)
	}
	p.open(baseURL)
	var report strings.Builder
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p.t = t
			defer func() { p.t = t }()
			// The text is made first, so its making is not counted.
			p.evalBool(fmt.Sprintf(`(window.__text = %s, true)`, c.js))
			p.evalBool(`(__perf.longtasks.length = 0, true)`)
			var from float64
			p.eval(`performance.now()`, &from)
			workers := p.workersStarted()
			start := time.Now()
			if c.into == responseLabel && !p.evalBool(`document.getElementById("response-box").open`) {
				p.click(`#response-box > summary`)
			}
			read := p.pasteHostile(hostilePaste{name: c.name, into: c.into, js: `(() => { const s = window.__text; delete window.__text; return s; })()`})
			took := time.Since(start)
			time.Sleep(time.Second)
			var longest float64
			p.eval(fmt.Sprintf(`Math.max(0, ...__perf.longtasks.filter(t => t.start + t.duration >= %f).map(t => t.duration))`, from), &longest)
			var heap float64
			p.eval(`performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0`, &heap)
			engine := "engine " + p.stat("time")
			if !read {
				engine = "engine's stack overflowed (known issue)"
			} else if p.workersStarted() > workers {
				engine += ", its worker then replaced (over 256 MiB)"
			}
			fmt.Fprintf(&report, "  %-40s paste → shown %6v; longest main-thread task %5.0f ms; %s; page heap %4.0f MiB\n",
				c.name, took.Round(time.Millisecond), longest, engine, heap)
			for _, code := range c.codes["*"] {
				if read && !p.hasFinding(code) {
					t.Errorf("no %s finding is listed; listed: %s", code, joinCodes(p.verdict().Codes))
				}
			}
			if read && c.check != nil {
				c.check(t, p)
			}
			if c.into == responseLabel {
				runs := p.runs()
				p.click("#response-clear")
				p.waitRuns(runs)
			}
			p.smallRunWorks()
		})
	}
	t.Logf("large hostile pastes (seed):\n%s", report.String())
}
