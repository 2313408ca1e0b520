//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// hostileStrings is what the page must show as text wherever user text
// goes. Several would change the title or open a dialog if they ran; <img
// src=x> would fetch /x.
var hostileStrings = []string{
	`<script>alert("xss-script")</script>`,
	`<img src=x onerror="document.title='pwned-img'">`,
	`<svg onload=alert("xss-svg")><circle r=5 /></svg>`,
	`javascript:alert("xss-url")`,
	`<a href="javascript:document.title='pwned-a'">click me</a>`,
	`<iframe src="javascript:alert('xss-iframe')"></iframe>`,
	`<object data="javascript:alert('xss-object')"></object><embed src="javascript:alert('xss-embed')">`,
	`<style>body{background:url(//evil.example/bg.png)} p{width:expression(alert('xss-css'))}</style>`,
	`</textarea></pre></code></script><script>alert('xss-close')</script>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-mxss')>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert('xss-meta')"><base href="//evil.example/">`,
	`<link rel=stylesheet href="//evil.example/x.css"><link rel=import href="//evil.example/x.html">`,
	`{{constructor.constructor('alert("xss-template")')()}} ${alert('xss-literal')} #{7*7}`,
	"\u202Egnp.exe\u202C right-to-left override: \u202Eevil\u202C",
	"zero\u200Bwidth\u200C\u200Djoiners\uFEFFand\u2060marks",
	`"'><img src=x onerror=alert('xss-quote')>`,
	`&lt;script&gt;alert('xss-entity')&lt;/script&gt; &amp;amp; &#x3C;img src=x onerror=alert(1)&#x3E; &#60;b&#62;`,
	`<details open ontoggle=alert('xss-toggle')><summary>x</summary></details>`,
	`<form action="//evil.example/steal"><button formaction="javascript:alert('xss-form')">go</button></form>`,
	strings.Repeat("A very long line, ", 5_555) + "<b>end</b>", // about 100,000 characters
}

// inertJS lists what user text would have created had it been parsed as
// markup: elements that run, load or style things (CodeMirror's own
// cm-widgetBuffer images aside), event-handler attributes, script-like URLs.
const inertJS = `(() => {
	const bad = [];
	const say = (why, e) => bad.push(why + ": " + e.outerHTML.slice(0, 160));
	const scripts = [...document.scripts];
	if (scripts.length !== 1 || !scripts[0].src.endsWith("/app.js")) scripts.forEach((e) => say("script", e));
	for (const e of document.querySelectorAll("img, svg, iframe, frame, frameset, object, embed, style, base, meta[http-equiv], form[action], [formaction], video, audio, math, template, portal")) {
		if (e.matches("img.cm-widgetBuffer") && !e.hasAttribute("src") && e.closest(".cm-editor")) continue;
		say("element", e);
	}
	for (const e of document.querySelectorAll("link")) {
		const own = (/^(stylesheet|icon)$/.test(e.rel) && /\/(style\.css|favicon\.svg)$/.test(e.href)) ||
			(e.rel === "preload" && /\/firehose\.wasm$/.test(e.href)) ||
			(e.rel === "modulepreload" && e.parentNode === document.head && new URL(e.href).origin === location.origin && /\/chunk-[A-Z0-9]+\.js$/.test(e.href));
		if (!own) say("link", e);
	}
	for (const e of document.querySelectorAll("*")) {
		for (const a of e.attributes) {
			if (/^on/i.test(a.name)) say("handler", e);
			if (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) say("url", e);
		}
	}
	return bad;
})()`

// inert fails the test for anything inertJS finds, and for a changed title.
func (p *tab) inert() {
	p.t.Helper()
	for _, b := range p.evalStrings(inertJS) {
		p.t.Errorf("the page holds what user text made: %s", b)
	}
	if got := p.evalString(`document.title`); got != "Firehose Playground" {
		p.t.Errorf("document.title is %q", got)
	}
}

// showsAsText checks that each string is part of the text of the element
// sel. The page shows at most 200 characters of a user's text in lists (and
// 10,000 elsewhere), then says how many more there are: of a longer string,
// the first 200 characters and that note are looked for.
func (p *tab) showsAsText(where, sel string, strs []string) {
	p.t.Helper()
	for _, s := range strs {
		cond := fmt.Sprintf(`el.textContent.includes(%s)`, jsString(s))
		if len(s) > 200 {
			cond = fmt.Sprintf(`el.textContent.includes(%s) && !!el.querySelector(".clipped")`, jsString(s[:200]))
		}
		if !p.evalBool(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && %s; })()`, sel, cond)) {
			p.t.Errorf("%s does not show %.60q as text", where, s)
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// onlyOwnFiles fails the test for any request but the page's own files
// (an <img src=x> made of user text would fetch /x from the same origin).
func (p *tab) onlyOwnFiles() {
	p.t.Helper()
	own := map[string]bool{"/": true, "/index.html": true, "/app.js": true, "/style.css": true, "/favicon.svg": true,
		"/worker.js": true, "/wasm_exec.js": true, "/firehose.wasm": true}
	for _, r := range p.sentRequests() {
		if strings.HasPrefix(r.URL, `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"`) && !strings.Contains(r.URL, "alert") {
			continue // CodeMirror's lint icons, from its stylesheet
		}
		u, err := url.Parse(r.URL)
		chunk := err == nil && strings.HasPrefix(u.Path, "/chunk-") && strings.HasSuffix(u.Path, ".js") // esbuild's chunks of app.js
		if err != nil || originOf(r.URL) != originOf(baseURL) || !own[u.Path] && !chunk && !strings.HasPrefix(u.Path, "/examples/") {
			p.t.Errorf("the page requested %s %.200s", r.Method, r.URL)
		}
	}
}

// hostileShort is hostileStrings without the long line.
func hostileShort() []string { return hostileStrings[:len(hostileStrings)-1] }

// quotable is the hostile strings that read the same inside a JSON or Go
// string literal (no quote, backslash or control character) and that the
// engine's messages do not cut (at most 60 characters): those that are
// shown verbatim where the page shows JSON text or an engine's message.
func quotable() []string {
	var out []string
	for _, s := range hostileStrings {
		if !strings.ContainsAny(s, "\"\\\u202e\u202c\u200b\u200c\u200d\ufeff\u2060") && len([]rune(s)) <= 60 {
			out = append(out, s)
		}
	}
	return out
}

// rawJSON is JSON text with <, > and & as they are (encoding/json escapes
// them by default), indented: what a user would paste.
func rawJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.String()
}

func TestHostileStringsRenderAsText(t *testing.T) {
	p := openTab(t)
	p.allowClipboard()
	p.inert() // the page as it starts: nothing of the kind

	// 1. The input: recordIds, payload keys and values (decoded text, rows,
	// output records and S3 bodies), and a key of the event's own.
	var recs []map[string]any
	for _, s := range hostileStrings {
		payload := strings.TrimSpace(rawJSON([]map[string]string{{s: s, "k": s}}))
		recs = append(recs, map[string]any{"recordId": s, "data": b64(payload), "<img src=x onerror=alert('event-key')>": 1})
	}
	runs := p.runs()
	p.paste(inputLabel, rawJSON(map[string]any{"records": recs}))
	p.waitRuns(runs)
	p.inert()
	p.showsAsText("the records list", "#records", hostileStrings)
	for i, s := range hostileStrings {
		p.click(fmt.Sprintf(`#records button.record-item[data-index="%d"]`, i))
		p.recordShown(i)
		p.showsAsText(fmt.Sprintf("record %d's recordId", i), "#record .facts", []string{s})
		p.showsAsText(fmt.Sprintf("record %d's rows", i), "#record table.rows", []string{s})
		if slices.Contains(quotable(), s) {
			p.showsAsText(fmt.Sprintf("record %d's decoded payload", i), "#record pre.decoded", []string{s})
		}
		p.inert()
	}
	// Hovering a key of the user's: no field doc, nothing made of it.
	if !p.hover(inputLabel, "event-key") {
		t.Errorf("the input does not show the event's own hostile key")
	}
	p.poll(`!document.querySelector(".cm-tooltip-hover .field-doc")`)
	p.inert()

	// 2. A pasted response: output recordIds (matched and ignored ones),
	// partition keys in S3 keys, the stream's settings, findings quoting ids.
	var outs []map[string]any
	for _, s := range hostileStrings {
		outs = append(outs,
			map[string]any{"recordId": s, "result": "Ok", "data": b64(s + "\n"), "metadata": map[string]any{"partitionKeys": map[string]string{"k": s}}},
			map[string]any{"recordId": s + " (ignored)", "result": "Ok", "data": b64(s + "\n")})
	}
	response := rawJSON(map[string]any{"records": outs})
	p.click(`#stream-box > summary`)
	for sel, v := range map[string]string{
		"#fh-prefix": "p/!{partitionKeyFromLambda:k}/", "#fh-error-prefix": "e/!{firehose:error-output-type}/",
		"#fh-stream": `<b onmouseover=alert(1)>s</b>`, "#fh-lambda": `arn:aws:lambda:us-east-1:1:function:<img src=x onerror=alert(2)>`,
	} {
		runs = p.runs()
		p.setField(sel, v)
		p.waitRuns(runs)
	}
	p.click(`#response-box > summary`)
	runs = p.runs()
	p.paste(responseLabel, response)
	p.waitRuns(runs)
	p.inert()
	p.showsAsText("the recordId mapping", "#mapping", hostileStrings)
	var ignored []string
	for _, s := range hostileShort() {
		ignored = append(ignored, s+" (ignored)")
	}
	p.showsAsText("the recordId mapping", "#mapping", ignored)
	p.showsAsText("the S3 keys and bodies", "#s3", hostileStrings)
	p.showsAsText("the S3 keys", "#s3", []string{`<b onmouseover=alert(1)>s</b>`})
	p.showAllFindings()
	var quotedIgnored []string
	for _, s := range quotable() {
		quotedIgnored = append(quotedIgnored, s+" (ignored)")
	}
	p.showsAsText("the findings", "#findings", quotedIgnored)
	// A finding's message in the editor's lint tooltip: the first ignored
	// output's recordId is the script tag's.
	p.poll(fmt.Sprintf(`document.querySelectorAll('%s .cm-lintRange').length > 0`, editor(responseLabel)))
	p.evalBool(fmt.Sprintf(`(document.querySelector('%s').closest(".cm-scroller").scrollTop = 0, true)`, editor(responseLabel)))
	p.poll(fmt.Sprintf(`document.querySelector('%s').textContent.includes("</script> (ignored)")`, editor(responseLabel)))
	if !p.hover(responseLabel, "</script> (ignored)") {
		t.Errorf("the response editor does not show an ignored recordId")
	}
	p.poll(`[...document.querySelectorAll(".cm-tooltip-lint")].some(e => e.textContent.includes("<script>alert("))`)
	p.inert()
	p.unhover()

	// 3. Results that are not results: findings quote them.
	var bad []map[string]any
	for i, s := range hostileStrings {
		bad = append(bad, map[string]any{"recordId": recs[i]["recordId"], "result": s, "data": ""})
	}
	badResults, _ := json.Marshal(map[string]any{"records": bad})
	runs = p.runs()
	p.paste(responseLabel, string(badResults))
	p.waitRuns(runs)
	p.inert()
	p.showAllFindings()
	p.showsAsText("the findings", "#findings", quotable())

	// 4. The function's error object: its errorType and errorMessage.
	joined := strings.Join(hostileStrings, " | ")
	errObj, _ := json.Marshal(map[string]string{"errorType": joined, "errorMessage": joined})
	runs = p.runs()
	p.paste(responseLabel, string(errObj))
	p.waitRuns(runs)
	p.inert()
	p.showsAsText("the error banner", "#problems", hostileStrings)
	p.showsAsText("the body's header", "#body-head", quotable())

	// 5. A share link of all that, opened in a fresh browser.
	p.click(`#share`)
	p.poll(`!!document.querySelector('#share-result [data-kind="link"], #share-result [data-kind="too-long"]')`)
	if p.evalBool(`!!document.querySelector('#share-result [data-kind="too-long"]')`) {
		t.Fatalf("the hostile state is too long for a link: %s", p.evalString(`document.getElementById("share-result").textContent`))
	}
	link := p.evalString(`location.href`)
	q := openTabAt(t, nil, link)
	q.inert()
	q.showsAsText("the linked records list", "#records", hostileStrings)
	q.showsAsText("the linked error banner", "#problems", hostileStrings)
	q.showsAsText("the linked S3 keys", "#s3", []string{`<b onmouseover=alert(1)>s</b>`})
	q.onlyOwnFiles()

	// 6. Repro files: the file's name, keys it does not know (an example's
	// title and notes), the stream's settings; and a refused one.
	state := map[string]any{
		"input": smallEvent(hostileShort()[:5]...), "preset": "ndjson",
		"firehose": map[string]any{"streamName": `"'><img src=x onerror=alert(3)>`, "lambdaArn": hostileStrings[0], "prefix": "r/!{partitionKeyFromLambda:k}/"},
	}
	repro, _ := json.Marshal(map[string]any{"firehosePlayground": 1, "title": hostileStrings[2], "notes": hostileStrings[4], "state": state})
	name := `<img src=x onerror=alert('file')>.json`
	runs = p.runs()
	p.dropFile(".results", name, string(repro))
	p.poll(`!!document.querySelector('#share-result [data-kind="opened"]')`)
	p.waitRuns(runs)
	p.inert()
	p.showsAsText("the opened note", "#share-result", []string{name})
	p.showsAsText("the records list", "#records", hostileShort()[:5])
	if got := p.evalString(`document.getElementById("fh-stream").value`); got != `"'><img src=x onerror=alert(3)>` {
		t.Errorf("the stream name field holds %q", got)
	}
	p.dropFile(".results", name+".txt", `{"firehosePlayground": "<svg onload=alert(4)>"}`)
	p.poll(`!document.getElementById("notice").hidden`)
	p.inert()
	p.showsAsText("the refusal", "#notice", []string{name + ".txt", `format "<svg onload=alert(4`}) // the format, cut at 20 characters

	p.onlyOwnFiles()
	p.shot("xss")
}

// showAllFindings shows every finding of the list.
func (p *tab) showAllFindings() {
	p.t.Helper()
	p.evalBool(`(() => {
		for (let b; (b = document.querySelector("#findings button.more")) && !b.hidden;) b.click();
		return true;
	})()`)
}

// dropFile drops a file with text onto the element sel.
func (p *tab) dropFile(sel, name, text string) {
	p.t.Helper()
	p.evalBool(fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([%s], %s, {type: "application/json"}));
		document.querySelector(%q).dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, jsString(text), jsString(name), sel))
}
