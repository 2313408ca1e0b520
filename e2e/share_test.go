//go:build e2e

package e2e

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// smallEvent is a Direct PUT event short enough for every line to be drawn.
func smallEvent(ids ...string) string {
	var recs []string
	for i, id := range ids {
		recs = append(recs, fmt.Sprintf(`    {"recordId": %q, "approximateArrivalTimestamp": %d, "data": %q}`,
			id, 1700000000000+int64(i), b64(fmt.Sprintf(`[{"n": %d, "name": "x%d"}, {"n": %d}]`, i, i, i+100))))
	}
	return "{\n  \"records\": [\n" + strings.Join(recs, ",\n") + "\n  ]\n}"
}

// fragment makes a share fragment the way the page does: v1. and the
// base64url of the raw deflate of the text.
func fragment(version, text string) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	_, _ = w.Write([]byte(text))
	_ = w.Close()
	return "#" + version + "." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestShareLinkOpensInAFreshBrowser(t *testing.T) {
	p := openTab(t)
	p.allowClipboard()
	p.loadExample("08-response-missing-record.json") // a pasted response: both editors hold text
	// A setting of the delivery stream and a chosen record travel too.
	p.click(`#stream-box > summary`)
	runs := p.runs()
	p.setField(`#fh-prefix`, "shared/!{timestamp:yyyy}/")
	p.waitRuns(runs)
	p.click(`#records button.record-item[data-index="2"]`)
	p.poll(`document.querySelector("#record h4").textContent === "Record #2"`)

	p.click(`#share`)
	p.poll(`!!document.querySelector('#share-result [data-kind="link"]')`)
	link := p.evalString(`location.href`)
	if !strings.Contains(link, "#v1.") {
		t.Fatalf("the address bar holds %q, want a #v1. link", link)
	}
	if got := p.evalString(`document.querySelector("#share-result .share-url").value`); got != link {
		t.Errorf("the link shown is %q, want the address bar's %q", got, link)
	}
	if got := p.clipboard(); got != link {
		t.Errorf("the clipboard holds %q, want the link %q", got, link)
	}
	if got := p.evalInt(`+document.querySelector('#share-result [data-kind="link"]').dataset.length`); got != len(link) {
		t.Errorf("the link's length is shown as %d, want %d", got, len(link))
	}
	if !p.evalBool(fmt.Sprintf(`document.getElementById("share-result").textContent.includes(%q)`, fmt.Sprintf("%d characters", len(link)))) {
		t.Errorf("the share note does not say how long the link is: %q", p.evalString(`document.getElementById("share-result").textContent`))
	}
	input, response := p.editorText(inputLabel), p.editorText(responseLabel)
	want := p.verdict()

	q := openTabAt(t, nil, link) // a fresh browser context: no session, no cache
	if got := q.editorText(inputLabel); got != input {
		t.Errorf("the link restores the input\n%s\nwant\n%s", got, input)
	}
	if got := q.editorText(responseLabel); got != response {
		t.Errorf("the link restores the response\n%s\nwant\n%s", got, response)
	}
	if got := q.evalString(`document.getElementById("fh-prefix").value`); got != "shared/!{timestamp:yyyy}/" {
		t.Errorf("the link restores the prefix %q", got)
	}
	q.poll(`document.querySelector("#record h4") && document.querySelector("#record h4").textContent === "Record #2"`)
	if got := q.verdict(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the link shows the verdict %+v, want %+v", got, want)
	}
	if !q.evalBool(`document.getElementById("notice").hidden`) {
		t.Errorf("a notice is shown: %q", q.evalString(`document.getElementById("notice").textContent`))
	}
	// A link wins over the saved session of the browser that opens it;
	// editing drops the fragment, which no longer describes the page.
	q.paste(inputLabel, smallEvent("edited-1"))
	q.poll(`location.hash === ""`)
	q.poll(`(JSON.parse(localStorage.getItem("firehose-playground") || "{}").state || "").startsWith("v1.")`)
	r := openTabAt(t, q, link)
	if got := r.editorText(inputLabel); got != input {
		t.Errorf("in a browser with a saved session, the link restores the input\n%s\nwant\n%s", got, input)
	}
	p.shot("shared")
}

func TestGalleryExamples(t *testing.T) {
	p := openTab(t)
	// One click away, not in the way: closed, its opener on the first screen.
	if p.evalBool(`document.getElementById("gallery-box").open`) || !p.evalBool(`(() => {
		const b = document.querySelector("#gallery-box > summary").getBoundingClientRect();
		return b.height > 0 && b.bottom <= innerHeight;
	})()`) {
		t.Errorf("on a first visit the gallery is open, or its opener is not on the first screen")
	}
	index := readGallery(t)
	// The list loads when the gallery is first opened.
	p.click(`#gallery-box > summary`)
	p.poll(`document.querySelectorAll("#gallery button.gallery-load").length > 0`)
	if n := p.evalInt(`document.querySelectorAll("#gallery button.gallery-load").length`); n != len(index) {
		t.Fatalf("the gallery lists %d examples, want %d", n, len(index))
	}
	// The default example is shown, and said to be.
	if got := p.evalString(`document.getElementById("example-note").dataset.example || ""`); got != "02-seed-loses-rows.json" {
		t.Errorf("the note names example %q at first, want the default 02-seed-loses-rows.json", got)
	}
	for _, e := range index {
		t.Run(e.File, func(t *testing.T) {
			p.t = t
			defer func() { p.t = t }()
			var ex exampleFile
			buf, err := os.ReadFile(filepath.Join("../web/examples", e.File))
			if err == nil {
				err = json.Unmarshal(buf, &ex)
			}
			if err != nil {
				t.Fatal(err)
			}
			// Its title and explanation are shown as they are written.
			if got := p.evalString(fmt.Sprintf(`document.querySelector('#gallery button[data-example=%q]').textContent`, e.File)); got != e.Title {
				t.Errorf("the gallery's title is %q, want %q", got, e.Title)
			}
			if !p.evalBool(fmt.Sprintf(`document.querySelector('#gallery button[data-example=%q]').closest("li").textContent.includes(%q)`, e.File, e.Description)) {
				t.Errorf("the gallery does not show the description %q", e.Description)
			}
			p.loadExample(e.File)
			if got := p.evalString(`document.getElementById("example-desc").textContent`); got != e.Description {
				t.Errorf("the note says %q, want the description", got)
			}
			v := p.verdict()
			t.Logf("shown: %+v", v)
			x := ex.Expect
			// The body editor holds the function's body, and is hidden when
			// there is none (the seed raised on the empty record).
			bodyShown := p.evalBool(`!document.getElementById("body-editor").hidden`)
			p.scrollToBody()
			if bodyShown {
				// laid out once near the screen: an editor left empty fails here
				p.poll(`document.querySelector("#body-editor .cm-content").textContent !== ""`)
			}
			if want := e.File != "04-empty-payload-poisons-batch.json"; bodyShown != want {
				t.Errorf("the body editor is shown: %v, want %v", bodyShown, want)
			}
			for _, c := range []struct {
				name string
				want *int
				got  int
			}{
				{"delivered", x.Delivered, v.Delivered}, {"dropped", x.Dropped, v.Dropped}, {"failed", x.Failed, v.Failed},
				{"lost (ignored outputs)", x.Ignored, v.Lost}, {"lost rows", x.Lost, v.LostRows},
			} {
				if c.want != nil && *c.want != c.got {
					t.Errorf("%s = %d, want %d", c.name, c.got, *c.want)
				}
			}
			if x.BatchError != nil && v.BatchError != *x.BatchError {
				t.Errorf("the batch error shown is %q, want %q", v.BatchError, *x.BatchError)
			}
			if x.BatchError == nil && x.Delivered != nil && v.BatchError != "" {
				t.Errorf("the batch error %q is shown, want none", v.BatchError)
			}
			for _, code := range x.Codes {
				if !p.hasFinding(code) {
					t.Errorf("no finding %s is listed; listed: %s", code, joinCodes(p.verdict().Codes))
				}
			}
			if x.S3Objects != nil {
				if n := p.evalInt(`document.querySelectorAll("#s3 .s3-object.kind-delivered").length`); n != *x.S3Objects {
					t.Errorf("the S3 preview shows %d delivered objects, want %d", n, *x.S3Objects)
				}
			}
			p.shot("example")
		})
	}
}

func TestReproFileRoundTrips(t *testing.T) {
	p := openTab(t)
	dir := p.allowDownloads()
	runs := p.runs()
	p.paste(inputLabel, smallEvent("repro-1", "repro-2"))
	p.waitRuns(runs)
	runs = p.runs()
	p.setPreset("ndjson")
	p.waitRuns(runs)
	p.click(`#stream-box > summary`)
	runs = p.runs()
	p.setField(`#fh-layout`, "2019")
	p.waitRuns(runs)
	input := p.editorText(inputLabel)
	want := p.verdict()

	p.click(`#repro-save`)
	buf := p.downloaded(dir, "firehose-repro.json")
	var repro struct {
		Format int `json:"firehosePlayground"`
		State  struct {
			Input, Preset string
			Firehose      struct{ ErrorLayout string }
		}
	}
	if err := json.Unmarshal(buf, &repro); err != nil {
		t.Fatalf("the repro file is not JSON: %v", err)
	}
	if repro.Format != 1 || repro.State.Input != input || repro.State.Preset != "ndjson" || repro.State.Firehose.ErrorLayout != "2019" {
		t.Errorf("the repro file holds %+v", repro)
	}
	file := filepath.Join(dir, "firehose-repro.json")

	// Opened with the file button, in a fresh browser.
	q := openTab(t)
	runs = q.runs()
	if err := chromedp.Do(q.ctx, chromedp.SetUploadFiles(chromedp.CSS(`#repro-file`), []string{file})); err != nil {
		t.Fatal(err)
	}
	q.poll(`!!document.querySelector('#share-result [data-kind="opened"]')`)
	q.waitRuns(runs)
	if got := q.editorText(inputLabel); got != input {
		t.Errorf("the repro file restores the input\n%s\nwant\n%s", got, input)
	}
	if got := q.evalString(`document.querySelector('select[name="preset"]').value`); got != "ndjson" {
		t.Errorf("the repro file restores the preset %q, want ndjson", got)
	}
	if got := q.evalString(`document.getElementById("fh-layout").value`); got != "2019" {
		t.Errorf("the repro file restores the layout %q, want 2019", got)
	}
	if got := q.verdict(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the repro file shows %+v, want %+v", got, want)
	}

	// Dropped onto the page, in another fresh browser.
	r := openTab(t)
	runs = r.runs()
	r.dropFile(".results", "firehose-repro.json", string(buf))
	r.waitRuns(runs)
	if got := r.editorText(inputLabel); got != input {
		t.Errorf("the dropped repro file restores the input\n%s\nwant\n%s", got, input)
	}
	if got := r.verdict(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the dropped repro file shows %+v, want %+v", got, want)
	}

	// A file that is not a repro file, dropped on an editor, goes into it.
	runs = r.runs()
	r.dropFile(editor(inputLabel), "event.json", smallEvent("dropped-1"))
	r.waitRuns(runs)
	if got := r.editorText(inputLabel); got != smallEvent("dropped-1") {
		t.Errorf("an event file dropped on the input gives\n%s", got)
	}

	// Anywhere else, a file that is not a repro file is refused with a message.
	r.dropFile(".results", "other.json", `{"hello": 1}`)
	r.poll(`!document.getElementById("notice").hidden && document.getElementById("notice").textContent.includes("not a playground repro file")`)
}

func TestTooLongForALinkOffersAReproFile(t *testing.T) {
	p := openTab(t)
	dir := p.allowDownloads()
	p.loadExample("10-response-over-6mb.json") // 3 MB: its link would be far over 32,000 characters
	want := p.verdict()
	p.click(`#share`)
	p.poll(`!!document.querySelector('#share-result [data-kind="too-long"]')`)
	if h := p.evalString(`location.hash`); h != "" {
		t.Errorf("a link too long to share was put in the address bar (%d characters)", len(h))
	}
	p.click(`#share-result button:not(.dismiss)`)
	p.downloaded(dir, "firehose-repro.json")

	q := openTab(t)
	runs := q.runs()
	if err := chromedp.Do(q.ctx, chromedp.SetUploadFiles(chromedp.CSS(`#repro-file`), []string{filepath.Join(dir, "firehose-repro.json")})); err != nil {
		t.Fatal(err)
	}
	q.poll(`!!document.querySelector('#share-result [data-kind="opened"]')`)
	q.waitRuns(runs)
	if got := q.verdict(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the repro file of the large example shows %+v, want %+v", got, want)
	}
}

func TestHostileFragmentsAreRefused(t *testing.T) {
	good := fragment("v1", `{"input": "{\"records\": []}"}`)
	var zeros bytes.Buffer
	w, _ := flate.NewWriter(&zeros, flate.BestCompression)
	chunk := make([]byte, 1<<20)
	for i := 0; i < 100; i++ { // 100 MB of zeros: about 100 KB of deflate
		_, _ = w.Write(chunk)
	}
	_ = w.Close()
	bomb := "#v1." + base64.RawURLEncoding.EncodeToString(zeros.Bytes())

	for _, c := range []struct{ name, fragment, why string }{
		{"not base64", "#v1.not*base64!at~all", "not base64url"},
		{"truncated", good[:len(good)-7], "cut short"},
		{"deflate of text that is not JSON", fragment("v1", "<html>this is not JSON"), "not JSON"},
		{"JSON with wrong types", fragment("v1", `{"input": 42, "preset": ["seed"], "selected": "all"}`), "input must be a string"},
		{"an unknown preset", fragment("v1", `{"input": "", "preset": "rm -rf"}`), "preset must be one of"},
		{"code that is not text", fragment("v1", `{"input": "", "preset": "nodejs", "fn": {"code": {"x": 1}}}`), "fn.code must be a string"},
		{"a timeout past Lambda's", fragment("v1", `{"input": "", "preset": "python", "fn": {"timeout": 901}}`), "fn.timeout must be a whole number from 1 to 900"},
		{"an unknown language", fragment("v1", `{"input": "", "preset": "nodejs", "fn": {"language": "go"}}`), "fn.language must be one of"},
		{"a decompression bomb", bomb, "more than 40"},
		{"an unknown version", "#v9." + strings.TrimPrefix(good, "#v1."), "format v9"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := openTabAt(t, nil, baseURL+c.fragment)
			p.poll(`!document.getElementById("notice").hidden`)
			msg := p.evalString(`document.getElementById("notice").textContent`)
			if !strings.Contains(msg, "could not be opened") || !strings.Contains(msg, c.why) {
				t.Errorf("the notice says %q, want it to say the link could not be opened (%s)", msg, c.why)
			}
			if got := p.editorText(inputLabel); got != "" {
				t.Errorf("the playground is not empty: the input holds %q", got)
			}
			if h := p.evalString(`location.hash`); h != "" {
				t.Errorf("the refused fragment stays in the address bar: %.40q…", h)
			}
			if got := p.evalString(`document.documentElement.dataset.engine`); got != "ready" {
				t.Errorf("the engine is %q", got)
			}
			// The page still works.
			runs := p.runs()
			p.paste(inputLabel, smallEvent("after-1", "after-2"))
			p.waitRuns(runs)
			if got := p.stat("records"); got != "2" {
				t.Errorf("after the refusal, a pasted event shows %q records, want 2", got)
			}
		})
	}

	t.Run("script in the input", func(t *testing.T) {
		const evil = `<script>alert(1)</script><img src=x onerror=alert(2)><b id=injected>x</b>`
		state, _ := json.Marshal(map[string]any{"input": evil, "response": evil, "preset": "seed", "selected": 0})
		p := openTabAt(t, nil, baseURL+fragment("v1", string(state)))
		if got := p.editorText(inputLabel); got != evil {
			t.Errorf("the input is restored as %q, want the text %q", got, evil)
		}
		if !p.evalBool(`document.getElementById("notice").hidden`) {
			t.Errorf("a valid link shows the notice %q", p.evalString(`document.getElementById("notice").textContent`))
		}
		if n := p.evalInt(`document.querySelectorAll("script").length`); n != 1 {
			t.Errorf("the page holds %d script elements, want its own 1", n)
		}
		if n := p.evalInt(`document.querySelectorAll("[onerror], img[src=x], #injected").length`); n != 0 {
			t.Errorf("the page holds %d elements made of the link's text", n)
		}
	})
}

func TestRememberedSession(t *testing.T) {
	saved := `(JSON.parse(localStorage.getItem("firehose-playground") || "{}").state || "")`
	p := openTab(t)
	if !p.evalBool(`document.getElementById("remember").checked`) {
		t.Errorf("Remember my last session is off by default")
	}
	mine := smallEvent("session-1", "session-2", "session-3")
	runs := p.runs()
	p.paste(inputLabel, mine)
	p.waitRuns(runs)
	p.poll(saved + `.startsWith("v1.")`)

	// The next visit restores it, and says so.
	q := openTabAt(t, p, baseURL)
	if got := q.editorText(inputLabel); got != mine {
		t.Errorf("the next visit shows\n%s\nwant the last session's input", got)
	}
	if got := q.evalString(`document.getElementById("session-status").textContent`); !strings.Contains(got, "Restored") {
		t.Errorf("the session status says %q, want it to say the session was restored", got)
	}

	// Turned off: nothing is kept, and the next visit starts with the example.
	q.click(`#remember`)
	q.poll(`localStorage.getItem("firehose-playground") === '{"remember":false}'`)
	r := openTabAt(t, q, baseURL)
	if r.evalBool(`document.getElementById("remember").checked`) {
		t.Errorf("the choice not to remember is forgotten")
	}
	if got := r.evalString(`document.getElementById("example-note").dataset.example || ""`); got != "02-seed-loses-rows.json" {
		t.Errorf("with remembering off, the next visit shows %q, want the default example", got)
	}
	runs = r.runs()
	r.paste(inputLabel, smallEvent("not-kept"))
	r.waitRuns(runs)
	time.Sleep(time.Second) // longer than the session's debounce
	if got := r.evalString(saved); got != "" {
		t.Errorf("with remembering off, a session was saved")
	}

	// Turned on again, saved, then cleared with the button.
	r.click(`#remember`)
	r.poll(saved + `.startsWith("v1.")`)
	r.click(`#session-clear`)
	r.poll(saved + ` === ""`)
	if !strings.Contains(r.evalString(`document.getElementById("session-status").textContent`), "cleared") {
		t.Errorf("the clear button does not say the session was cleared")
	}
	s := openTabAt(t, r, baseURL)
	if got := s.evalString(`document.getElementById("example-note").dataset.example || ""`); got != "02-seed-loses-rows.json" {
		t.Errorf("after clearing, the next visit shows %q, want the default example", got)
	}
}

func TestLongLinksAreFlagged(t *testing.T) {
	p := openTab(t)
	// Random bytes do not compress: about 3,000 characters of link.
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 2000)
	for i := range noise {
		noise[i] = byte(rnd.UintN(256))
	}
	runs := p.runs()
	p.paste(inputLabel, base64.StdEncoding.EncodeToString(noise[:1000])+"\n"+base64.StdEncoding.EncodeToString(noise[1000:])+"\n")
	p.waitRuns(runs)
	p.click(`#share`)
	p.poll(`!!document.querySelector('#share-result [data-kind="link"]')`)
	n := p.evalInt(`+document.querySelector('#share-result [data-kind="link"]').dataset.length`)
	if n <= 2000 || n > 32000 {
		t.Fatalf("the link is %d characters, want between 2,000 and 32,000 for this test", n)
	}
	if !p.evalBool(`!!document.querySelector('#share-result [data-kind="long"]') && document.getElementById("share-result").textContent.includes("chat apps may cut it")`) {
		t.Errorf("a %d-character link carries no note that chat apps may cut it", n)
	}
	if !strings.HasPrefix(p.evalString(`location.hash`), "#v1.") {
		t.Errorf("a long link under 32,000 characters is not put in the address bar")
	}
}

func TestALinkOpenedInAnOpenPage(t *testing.T) {
	p := openTab(t)
	state, _ := json.Marshal(map[string]any{"input": smallEvent("hash-1", "hash-2"), "preset": "identity"})
	runs := p.runs()
	p.evalBool(fmt.Sprintf(`(location.hash = %q, true)`, fragment("v1", string(state))))
	p.waitRuns(runs)
	p.poll(`document.querySelector('select[name="preset"]').value === "identity"`)
	if got := p.editorText(inputLabel); got != smallEvent("hash-1", "hash-2") {
		t.Errorf("a link opened in the page shows\n%s", got)
	}
	// The text it replaced is one undo away.
	if err := chromedp.Do(p.ctx,
		chromedp.Focus(chromedp.CSS(editor(inputLabel))),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	); err != nil {
		t.Fatal(err)
	}
	p.poll(fmt.Sprintf(`document.querySelector('%s').textContent.includes(%q)`, editor(inputLabel), defaultExample(t).Records[0].RecordID))
}

func TestDeliveryStreamSettings(t *testing.T) {
	p := openTab(t)
	p.loadExample("04-empty-payload-poisons-batch.json") // the whole batch fails
	if got := p.evalString(`document.querySelector('#problems .attempts').textContent`); !strings.Contains(got, "after 4 attempts") {
		t.Errorf("by default the batch error says %q, want after 4 attempts (NumberOfRetries 3)", got)
	}
	p.click(`#stream-box > summary`)
	for _, c := range []struct{ sel, value, wait string }{
		{`#fh-retries`, "0", `document.querySelector('#problems .attempts').textContent.includes("after 1 attempt")`},
		{`#fh-error-prefix`, "errors/", `document.querySelector('#s3 .s3-key').textContent.startsWith("errors/")`},
		{`#fh-layout`, "2019", `document.querySelector('#s3 .s3-body').textContent.includes('"lambdaArn"')`},
		{`#fh-lambda`, "arn:aws:lambda:us-east-1:123456789012:function:mine:$LATEST", `document.querySelector('#s3 .s3-body').textContent.includes("function:mine:")`},
	} {
		runs := p.runs()
		p.setField(c.sel, c.value)
		p.waitRuns(runs)
		p.poll(c.wait)
	}
	if got := p.evalString(`document.getElementById("stream-summary").textContent`); !strings.Contains(got, "0 retries") || !strings.Contains(got, "2019 layout") {
		t.Errorf("the panel's summary says %q, want the settings that differ from the defaults", got)
	}
	// AppendDelimiterToRecord puts a newline between the delivered records.
	p.loadExample("09-processing-failed-and-dropped.json")
	runs := p.runs()
	p.click(`#append-delimiter`)
	p.waitRuns(runs)
	p.poll(`[...document.querySelectorAll('#s3 .s3-object.kind-delivered .s3-body')].some(e => e.textContent.endsWith("\n"))`)
}

// TestAnEditedExampleSaysSo checks that once the user changes an example's
// text, the page no longer presents it as that example.
func TestAnEditedExampleSaysSo(t *testing.T) {
	p := openTab(t)
	p.loadExample("05-the-fix-ndjson.json")
	if got := p.evalString(`document.querySelector("#example-note .example-title").textContent`); !strings.HasPrefix(got, "Example: ") {
		t.Errorf("a loaded example's note says %q", got)
	}
	runs := p.runs()
	if err := chromedp.Do(p.ctx, // a space before the event: an edit, not a new input
		chromedp.Focus(chromedp.CSS(editor(inputLabel))),
		chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(" "),
	); err != nil {
		t.Fatal(err)
	}
	p.waitRuns(runs)
	if got := p.evalString(`document.querySelector("#example-note .example-title").textContent`); !strings.HasPrefix(got, "Changed from the example: ") {
		t.Errorf("after an edit the note says %q", got)
	}
	if n := p.evalInt(`document.querySelectorAll('#gallery [aria-current="true"]').length`); n != 0 {
		t.Errorf("the gallery still marks %d example as shown", n)
	}
	// A whole new input is no longer the example: the note goes.
	runs = p.runs()
	p.typeText(inputLabel, `[{"a": 1}]`)
	p.waitRuns(runs)
	if !p.evalBool(`document.getElementById("example-note").hidden`) {
		t.Errorf("after the whole input was replaced the note says %q", p.evalString(`document.getElementById("example-note").textContent`))
	}
	// Loading an example again shows it as it is.
	p.loadExample("05-the-fix-ndjson.json")
	if got := p.evalString(`document.querySelector("#example-note .example-title").textContent`); !strings.HasPrefix(got, "Example: ") {
		t.Errorf("a reloaded example's note says %q", got)
	}
}

// A session whose input is too large to keep keeps its settings: the page
// says so when it saves, and when the next visit restores it.
func TestRememberedSessionKeepsTheSettingsOfALargeInput(t *testing.T) {
	saved := `(JSON.parse(localStorage.getItem("firehose-playground") || "{}"))`
	p := openTab(t)
	runs := p.runs()
	p.setPreset("ndjson")
	p.waitRuns(runs)
	runs = p.runs()
	p.paste(inputLabel, bigEvent(1_200_000))
	p.waitRuns(runs)
	p.poll(saved + `.dropped > 1000000`)
	if got := p.evalString(`document.getElementById("session-status").textContent`); !strings.Contains(got, "too large to keep") {
		t.Errorf("the session status says %q, want it to say the input is too large to keep", got)
	}

	q := openTabAt(t, p, baseURL)
	if got := q.editorText(inputLabel); got != "" {
		t.Errorf("the next visit shows %d characters of input, want none", len(got))
	}
	if got := q.evalString(`document.querySelector('select[name="preset"]').value`); got != "ndjson" {
		t.Errorf("the next visit's transform is %q, want the saved ndjson", got)
	}
	if got := q.evalString(`document.getElementById("session-status").textContent`); !strings.Contains(got, "settings") {
		t.Errorf("the session status says %q, want it to say only the settings were restored", got)
	}
}
