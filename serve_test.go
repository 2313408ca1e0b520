package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modTime is the modification time of every file in testFS.
var modTime = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

// Contents of the files in testFS; the compressed variants are fake bytes,
// which is fine since the server never decodes them.
const (
	indexHTML = "<!doctype html><title>Firehose Playground</title>"
	appJS     = "console.log('app');"
	appJSBr   = "BROTLI(app.js)"
	appJSGz   = "GZIP(app.js)"
	styleCSS  = "body{color:red}"
	styleGz   = "GZIP(style.css)"
	engine    = "\x00asm\x01\x00\x00\x00"
	engineBr  = "BROTLI(engine.wasm)"
	notesTxt  = "0123456789abcdef"
	sniffable = "<html><script>alert(1)</script></html>"
)

// testFS is the served folder for the fstest.MapFS tests.
func testFS() fstest.MapFS {
	files := map[string]string{
		"index.html":       indexHTML,
		"app.js":           appJS,
		"app.js.br":        appJSBr,
		"app.js.gz":        appJSGz,
		"mod.mjs":          "export {};",
		"style.css":        styleCSS,
		"style.css.gz":     styleGz,
		"engine.wasm":      engine,
		"engine.wasm.br":   engineBr,
		"data.json":        `{"a":1}`,
		"icon.svg":         "<svg/>",
		"app.js.map":       `{"version":3}`,
		"notes.txt":        notesTxt,
		"logo.png":         "\x89PNG\r\n\x1a\n",
		"favicon.ico":      "\x00\x00\x01\x00",
		"doc.pdf":          "%PDF-1.7",
		"UPPER.JS":         appJS,
		"noext":            sniffable,
		"page.weird-ext":   sniffable,
		"sub/page.html":    "<p>sub</p>",
		"sub/.hidden":      "hidden",
		"sub/deeper/x.txt": "deep",
		".env":             "SECRET=1",
		".git/config":      "[core]",
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644, ModTime: modTime}
	}
	return fsys
}

// do sends one request to h. The target is parsed as a server parses a
// request line, so raw escapes reach the handler unchanged.
func do(t *testing.T, h http.Handler, method, target string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

// assertSecurityHeaders checks the headers every response must carry.
func assertSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	assert.Equal(t, contentSecurityPolicy, h.Get("Content-Security-Policy"))
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"))
	assert.Equal(t, "same-origin", h.Get("Cross-Origin-Opener-Policy"))
	assert.Equal(t, "same-origin", h.Get("Cross-Origin-Resource-Policy"))
	assert.Equal(t, "DENY", h.Get("X-Frame-Options"))
	assert.Equal(t, "no-cache", h.Get("Cache-Control"))
}

func TestContentSecurityPolicy(t *testing.T) {
	// Guard the policy's essentials, so an edit cannot quietly weaken it.
	for _, directive := range []string{
		"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'",
		"base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
	} {
		assert.Contains(t, contentSecurityPolicy, directive)
	}
	assert.NotContains(t, contentSecurityPolicy, "'unsafe-eval'")
	assert.NotContains(t, contentSecurityPolicy, "'unsafe-inline'")
}

func TestContentTypes(t *testing.T) {
	h := newHandler(testFS())
	tests := []struct{ path, want string }{
		{"/index.html", "text/html; charset=utf-8"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/UPPER.JS", "text/javascript; charset=utf-8"},
		{"/mod.mjs", "text/javascript; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/engine.wasm", "application/wasm"},
		{"/data.json", "application/json"},
		{"/icon.svg", "image/svg+xml"},
		{"/app.js.map", "application/json"},
		{"/notes.txt", "text/plain; charset=utf-8"},
		{"/logo.png", "image/png"},
		{"/favicon.ico", "image/x-icon"},
		{"/doc.pdf", "application/pdf"}, // from mime.TypeByExtension
		{"/app.js.gz", "application/gzip"},
		// No sniffing: HTML content under an unknown name stays opaque.
		{"/noext", "application/octet-stream"},
		{"/page.weird-ext", "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := do(t, h, http.MethodGet, tt.path, nil)
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.want, res.Header.Get("Content-Type"))
			assert.Empty(t, res.Header.Get("Content-Encoding"))
			want, err := testFS().ReadFile(tt.path[1:])
			require.NoError(t, err)
			assert.Equal(t, string(want), body)
			assert.Equal(t, strconv.Itoa(len(want)), res.Header.Get("Content-Length"))
			assertSecurityHeaders(t, res.Header)
		})
	}
}

func TestContentTypeFallback(t *testing.T) {
	assert.Equal(t, "application/octet-stream", contentType("x.no-such-extension"))
	assert.Equal(t, "application/octet-stream", contentType("Makefile"))
	assert.Equal(t, "text/html; charset=utf-8", contentType("a/b/INDEX.HTML"))
}

func TestIndex(t *testing.T) {
	h := newHandler(testFS())
	for _, target := range []string{"/", "/index.html", "/?q=1"} {
		res, body := do(t, h, http.MethodGet, target, nil)
		require.Equal(t, http.StatusOK, res.StatusCode, target)
		assert.Equal(t, indexHTML, body, target)
		assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"), target)
	}
}

func TestNegotiation(t *testing.T) {
	h := newHandler(testFS())
	tests := []struct {
		name, path     string
		acceptEncoding []string // header lines; nil means no header
		wantEncoding   string
		wantBody       string
		wantVary       bool
	}{
		{"no header", "/app.js", nil, "", appJS, true},
		{"browser default", "/app.js", []string{"gzip, deflate, br, zstd"}, "br", appJSBr, true},
		{"gzip only", "/app.js", []string{"gzip"}, "gzip", appJSGz, true},
		{"x-gzip alias", "/app.js", []string{"x-gzip"}, "gzip", appJSGz, true},
		{"br only", "/app.js", []string{"br"}, "br", appJSBr, true},
		{"upper case", "/app.js", []string{"GZIP, BR"}, "br", appJSBr, true},
		{"br refused", "/app.js", []string{"br;q=0, gzip"}, "gzip", appJSGz, true},
		{"br refused with spaces", "/app.js", []string{"gzip , br ; q=0.000"}, "gzip", appJSGz, true},
		{"upper-case Q", "/app.js", []string{"br;Q=0, gzip"}, "gzip", appJSGz, true},
		{"both refused", "/app.js", []string{"br;q=0, gzip;q=0"}, "", appJS, true},
		{"low but non-zero q", "/app.js", []string{"br;q=0.001"}, "br", appJSBr, true},
		{"server preference over q", "/app.js", []string{"gzip;q=1, br;q=0.5"}, "br", appJSBr, true},
		{"malformed q", "/app.js", []string{"br;q=abc, gzip"}, "gzip", appJSGz, true},
		{"q above 1", "/app.js", []string{"br;q=2, gzip;q=1"}, "gzip", appJSGz, true},
		{"negative q", "/app.js", []string{"br;q=-1"}, "", appJS, true},
		{"wildcard", "/app.js", []string{"*"}, "br", appJSBr, true},
		{"wildcard refused", "/app.js", []string{"*;q=0"}, "", appJS, true},
		{"named beats wildcard", "/app.js", []string{"br;q=0, *"}, "gzip", appJSGz, true},
		{"named beats refused wildcard", "/app.js", []string{"*;q=0, gzip"}, "gzip", appJSGz, true},
		{"identity", "/app.js", []string{"identity"}, "", appJS, true},
		{"deflate only", "/app.js", []string{"deflate"}, "", appJS, true},
		{"empty header", "/app.js", []string{""}, "", appJS, true},
		{"several header lines", "/app.js", []string{"gzip", "br"}, "br", appJSBr, true},
		{"gzip variant only, br asked", "/style.css", []string{"br"}, "", styleCSS, true},
		{"gzip variant only", "/style.css", []string{"br, gzip"}, "gzip", styleGz, true},
		{"br variant only, gzip asked", "/engine.wasm", []string{"gzip"}, "", engine, true},
		{"br variant only", "/engine.wasm", []string{"gzip, br"}, "br", engineBr, true},
		{"no variants", "/notes.txt", []string{"gzip, br"}, "", notesTxt, false},
		{"variant requested directly", "/app.js.gz", []string{"gzip, br"}, "", appJSGz, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hdr http.Header
			if tt.acceptEncoding != nil {
				hdr = http.Header{"Accept-Encoding": tt.acceptEncoding}
			}
			res, body := do(t, h, http.MethodGet, tt.path, hdr)
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.wantEncoding, res.Header.Get("Content-Encoding"))
			assert.Equal(t, tt.wantBody, body)
			assert.Equal(t, strconv.Itoa(len(tt.wantBody)), res.Header.Get("Content-Length"))
			if tt.wantVary {
				assert.Equal(t, []string{"Accept-Encoding"}, res.Header.Values("Vary"))
			} else {
				assert.Empty(t, res.Header.Values("Vary"))
			}
			// The type is always that of the requested name.
			assert.Equal(t, contentType(tt.path), res.Header.Get("Content-Type"))
			assertSecurityHeaders(t, res.Header)
		})
	}
}

func TestHead(t *testing.T) {
	h := newHandler(testFS())
	tests := []struct {
		path, acceptEncoding, wantEncoding, wantLength string
	}{
		{"/", "", "", strconv.Itoa(len(indexHTML))},
		{"/app.js", "", "", strconv.Itoa(len(appJS))},
		{"/app.js", "br", "br", strconv.Itoa(len(appJSBr))},
		{"/app.js", "gzip", "gzip", strconv.Itoa(len(appJSGz))},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.acceptEncoding, func(t *testing.T) {
			res, body := do(t, h, http.MethodHead, tt.path, http.Header{"Accept-Encoding": {tt.acceptEncoding}})
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Empty(t, body)
			assert.Equal(t, tt.wantEncoding, res.Header.Get("Content-Encoding"))
			assert.Equal(t, tt.wantLength, res.Header.Get("Content-Length"))
			assert.Equal(t, modTime.Format(http.TimeFormat), res.Header.Get("Last-Modified"))
			assertSecurityHeaders(t, res.Header)
		})
	}
}

func TestConditionalAndRange(t *testing.T) {
	h := newHandler(testFS())
	t.Run("range", func(t *testing.T) {
		res, body := do(t, h, http.MethodGet, "/notes.txt", http.Header{"Range": {"bytes=2-5"}})
		require.Equal(t, http.StatusPartialContent, res.StatusCode)
		assert.Equal(t, "2345", body)
		assert.Equal(t, "bytes 2-5/16", res.Header.Get("Content-Range"))
		assertSecurityHeaders(t, res.Header)
	})
	t.Run("range of a variant", func(t *testing.T) {
		res, body := do(t, h, http.MethodGet, "/app.js", http.Header{"Range": {"bytes=0-5"}, "Accept-Encoding": {"br"}})
		require.Equal(t, http.StatusPartialContent, res.StatusCode)
		assert.Equal(t, appJSBr[:6], body)
		assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
		assert.Equal(t, "6", res.Header.Get("Content-Length"))
	})
	t.Run("unsatisfiable range", func(t *testing.T) {
		res, _ := do(t, h, http.MethodGet, "/notes.txt", http.Header{"Range": {"bytes=100-200"}})
		assert.Equal(t, http.StatusRequestedRangeNotSatisfiable, res.StatusCode)
		assert.Equal(t, contentSecurityPolicy, res.Header.Get("Content-Security-Policy"))
	})
	t.Run("not modified", func(t *testing.T) {
		for _, ae := range []string{"", "br"} {
			res, body := do(t, h, http.MethodGet, "/app.js", http.Header{
				"If-Modified-Since": {modTime.Format(http.TimeFormat)},
				"Accept-Encoding":   {ae},
			})
			assert.Equal(t, http.StatusNotModified, res.StatusCode, ae)
			assert.Empty(t, body)
			assertSecurityHeaders(t, res.Header)
		}
	})
	t.Run("modified", func(t *testing.T) {
		res, body := do(t, h, http.MethodGet, "/app.js", http.Header{
			"If-Modified-Since": {modTime.Add(-time.Hour).Format(http.TimeFormat)},
		})
		assert.Equal(t, http.StatusOK, res.StatusCode)
		assert.Equal(t, appJS, body)
	})
	t.Run("precondition failed on a variant", func(t *testing.T) {
		res, body := do(t, h, http.MethodGet, "/app.js", http.Header{
			"If-Unmodified-Since": {modTime.Add(-time.Hour).Format(http.TimeFormat)},
			"Accept-Encoding":     {"br"},
		})
		assert.Equal(t, http.StatusPreconditionFailed, res.StatusCode)
		assert.Empty(t, body)
		// No Content-Length of the variant on a response without its body.
		assert.Empty(t, res.Header.Get("Content-Length"))
	})
}

func TestMethodNotAllowed(t *testing.T) {
	h := newHandler(testFS())
	for _, method := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND"} {
		for _, target := range []string{"/", "/app.js", "/missing"} {
			t.Run(method+" "+target, func(t *testing.T) {
				res, body := do(t, h, method, target, nil)
				assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
				assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
				assert.NotContains(t, body, appJS)
				assert.NotContains(t, body, indexHTML)
				assertSecurityHeaders(t, res.Header)
			})
		}
	}
}

func TestNotFound(t *testing.T) {
	h := newHandler(testFS())
	tests := []string{
		"/missing", "/missing.js", "/sub/missing.html",
		// Directories never list.
		"/sub", "/sub/", "/sub/deeper", "/sub/deeper/", "/index.html/",
		// Dotfiles and dot directories.
		"/.env", "/.git", "/.git/", "/.git/config", "/sub/.hidden", "/%2eenv", "/.%65nv",
		// Odd but harmless spellings are not normalized into a file either.
		"//index.html", "/sub//page.html", "/./index.html", "/sub/./page.html",
		"/sub/deeper/../page.html", "/app.js%2fx", "/sub%2fpage.html",
	}
	for _, target := range tests {
		t.Run(target, func(t *testing.T) {
			res, body := do(t, h, http.MethodGet, target, nil)
			assert.Equal(t, http.StatusNotFound, res.StatusCode)
			assert.Equal(t, "404 page not found\n", body) // no listing, no file
			assert.Equal(t, "text/plain; charset=utf-8", res.Header.Get("Content-Type"))
			assertSecurityHeaders(t, res.Header)
		})
	}
	// Sanity: the files next to the refused ones are served.
	for _, target := range []string{"/sub/page.html", "/sub/deeper/x.txt"} {
		res, _ := do(t, h, http.MethodGet, target, nil)
		assert.Equal(t, http.StatusOK, res.StatusCode, target)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		target, want string
		ok           bool
	}{
		{"/", "index.html", true},
		{"/index.html", "index.html", true},
		{"/sub/deeper/x.txt", "sub/deeper/x.txt", true},
		{"/caf%C3%A9.txt", "café.txt", true},
		{"/a%20b.js", "a b.js", true},
		{"/sub/", "", false},
		{"//x", "", false},
		{"/a//b", "", false},
		{"/.env", "", false},
		{"/sub/.hidden/x", "", false},
		{"/..", "", false},
		{"/%2e%2e", "", false},
		{"/a%2fb", "", false},
		{"/a%5cb", "", false},
		{`/a\b`, "", false},
		{"/a%00b", "", false},
	}
	for _, tt := range tests {
		u, err := url.ParseRequestURI(tt.target)
		require.NoError(t, err, tt.target)
		name, ok := fileName(u)
		assert.Equal(t, tt.ok, ok, tt.target)
		assert.Equal(t, tt.want, name, tt.target)
	}
}

// secret is the content of files outside the served folder.
const secret = "TOP-SECRET-4b1d0c3e"

// siteDir creates, under a temp folder, a served folder "site" next to
// files and folders that must never be served. It returns the site path
// and the parent.
func siteDir(t *testing.T) (site, parent string) {
	t.Helper()
	parent = t.TempDir()
	site = filepath.Join(parent, "site")
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(parent, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	write("secret.txt", secret)
	write("go.mod", secret)
	write("x", secret)
	write("outside/secret.txt", secret)
	write("site/index.html", indexHTML)
	write("site/app.js", appJS)
	write("site/app.js.br", appJSBr)
	write("site/sub/page.html", "<p>sub</p>")
	write("site/sub/.hidden", secret)
	write("site/.env", secret)
	write("site/.git/config", secret)
	return site, parent
}

// rootHandler serves dir the way main does.
func rootHandler(t *testing.T, dir string) http.Handler {
	t.Helper()
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	return newHandler(root.FS())
}

// traversalTargets are request targets that try to leave the folder or
// reach hidden files. None may ever return the secret.
func traversalTargets(parent string) []string {
	abs := filepath.ToSlash(filepath.Join(parent, "secret.txt"))
	return []string{
		"/../go.mod", "/../secret.txt", "/../../secret.txt",
		"/%2e%2e/x", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
		"/..%2fx", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%2F..%2Fsecret.txt",
		"/a/../../x", "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
		"/%5c..%5cx", "/%5c..%5csecret.txt", "/sub%5c..%5c..%5csecret.txt",
		`/\..\x`, `/\..\secret.txt`, `/..\secret.txt`, `/sub\..\..\secret.txt`,
		"//etc/passwd", "/" + abs, "/" + url.PathEscape(abs),
		"/%00", "/secret.txt%00", "/%00/../secret.txt", "/index.html%00.txt",
		"/%252e%252e/secret.txt", "/..;/secret.txt", "/.../secret.txt",
		"/.env", "/.git/config", "/sub/.hidden", "/%2eenv", "/.git%2fconfig",
		"/outside/secret.txt", "/..", "/.", "/%2e", "/%2e%2e",
	}
}

func TestTraversal(t *testing.T) {
	site, parent := siteDir(t)
	h := rootHandler(t, site)
	for _, target := range traversalTargets(parent) {
		t.Run(target, func(t *testing.T) {
			res, body := do(t, h, http.MethodGet, target, nil)
			assert.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound}, res.StatusCode)
			assert.NotContains(t, body, secret)
			assertSecurityHeaders(t, res.Header)
		})
	}
	// Sanity: the real folder is served.
	res, body := do(t, h, http.MethodGet, "/sub/page.html", nil)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "<p>sub</p>", body)
}

// TestTraversalOverTheWire sends the same targets as raw request lines to
// a real server, since HTTP clients would normalize them.
func TestTraversalOverTheWire(t *testing.T) {
	site, parent := siteDir(t)
	addr := startServer(t, rootHandler(t, site), defaultTimeouts)
	for _, target := range traversalTargets(parent) {
		t.Run(target, func(t *testing.T) {
			raw := rawRequest(t, addr, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			status := strings.SplitN(raw, "\r\n", 2)[0]
			assert.Regexp(t, `^HTTP/1\.1 (400|404) `, status)
			assert.NotContains(t, raw, secret)
		})
	}
	raw := rawRequest(t, addr, "GET /sub/page.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	assert.True(t, strings.HasPrefix(raw, "HTTP/1.1 200 OK\r\n"), raw)
}

func TestSymlinks(t *testing.T) {
	site, parent := siteDir(t)
	links := map[string]string{
		"out.txt":    filepath.Join(parent, "secret.txt"), // absolute, outside
		"rel.txt":    "../secret.txt",                     // relative, outside
		"outdir":     filepath.Join(parent, "outside"),    // directory outside
		"sub/up.txt": "../../secret.txt",
		"in.js":      "app.js",    // inside: allowed
		"indir":      "sub",       // directory inside: allowed
		"dangling":   "nope/nope", // broken
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot create symlinks here: %v", err)
		}
	}
	h := rootHandler(t, site)
	for _, target := range []string{"/out.txt", "/rel.txt", "/outdir/secret.txt", "/outdir", "/sub/up.txt", "/dangling"} {
		res, body := do(t, h, http.MethodGet, target, nil)
		assert.Equal(t, http.StatusNotFound, res.StatusCode, target)
		assert.NotContains(t, body, secret, target)
		assertSecurityHeaders(t, res.Header)
	}
	res, body := do(t, h, http.MethodGet, "/in.js", nil)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, appJS, body)
	res, body = do(t, h, http.MethodGet, "/indir/page.html", nil)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "<p>sub</p>", body)
}

func TestRealFolder(t *testing.T) {
	site, _ := siteDir(t)
	h := rootHandler(t, site)
	res, body := do(t, h, http.MethodGet, "/app.js", http.Header{"Accept-Encoding": {"gzip, br"}})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, appJSBr, body)
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "text/javascript; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))

	res, body = do(t, h, http.MethodGet, "/", nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, indexHTML, body)
	assert.Empty(t, res.Header.Get("Vary"))

	res, _ = do(t, h, http.MethodGet, "/sub", nil)
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
}

// startServer serves h with newServer on a free loopback port until the
// test ends and returns the address.
func startServer(t *testing.T, h http.Handler, to timeouts) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := newServer(h, to)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// rawRequest writes req on a new connection and returns all the server
// sends until it closes the connection.
func rawRequest(t *testing.T, addr, req string) string {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, req)
	require.NoError(t, err)
	out, err := io.ReadAll(conn)
	require.NoError(t, err)
	return string(out)
}

func TestServerSettings(t *testing.T) {
	srv := newServer(http.NotFoundHandler(), defaultTimeouts)
	assert.Equal(t, 5*time.Second, srv.ReadHeaderTimeout)
	assert.Positive(t, srv.ReadTimeout)
	assert.Positive(t, srv.WriteTimeout)
	assert.Positive(t, srv.IdleTimeout)
	assert.Equal(t, 64<<10, srv.MaxHeaderBytes)
}

func TestSlowClient(t *testing.T) {
	to := timeouts{readHeader: 200 * time.Millisecond, read: time.Second, write: time.Second, idle: time.Second}
	addr := startServer(t, newHandler(testFS()), to)
	tests := []struct {
		name    string
		trickle bool
	}{
		{"partial request line", false},
		{"header trickled byte by byte", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			require.NoError(t, err)
			defer conn.Close()
			start := time.Now()
			require.NoError(t, conn.SetDeadline(start.Add(5*time.Second)))
			_, err = io.WriteString(conn, "GET /index.html HT")
			require.NoError(t, err)
			if tt.trickle {
				go func() {
					for _, b := range []byte("TP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") {
						time.Sleep(20 * time.Millisecond)
						if _, err := conn.Write([]byte{b}); err != nil {
							return
						}
					}
				}()
			}
			out, err := io.ReadAll(conn)
			elapsed := time.Since(start)
			var netErr net.Error
			if errors.As(err, &netErr) {
				require.False(t, netErr.Timeout(), "server kept the connection open for %v", elapsed)
			}
			assert.Less(t, elapsed, 2*time.Second)
			assert.GreaterOrEqual(t, elapsed, 150*time.Millisecond)
			assert.NotContains(t, string(out), indexHTML)
		})
	}
}

func TestHeaderSize(t *testing.T) {
	addr := startServer(t, newHandler(testFS()), defaultTimeouts)
	send := func(t *testing.T, headerLen int) *http.Response {
		t.Helper()
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		t.Cleanup(func() { conn.Close() })
		require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
		req := "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", headerLen) + "\r\n\r\n"
		go io.WriteString(conn, req) // the server may answer before reading it all
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		require.NoError(t, err)
		res.Body.Close()
		return res
	}
	t.Run("huge", func(t *testing.T) {
		res := send(t, 2*maxHeaderBytes)
		assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, res.StatusCode)
	})
	t.Run("large but allowed", func(t *testing.T) {
		res := send(t, maxHeaderBytes/2)
		assert.Equal(t, http.StatusOK, res.StatusCode)
		assertSecurityHeaders(t, res.Header)
	})
}

func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs serve.go; skipped in -short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "serve")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goTool, "build", "-o", bin, "serve.go")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build serve.go: %s", out)

	t.Run("serves until interrupted", func(t *testing.T) {
		site, parent := siteDir(t)
		symlinks := runtime.GOOS != "windows"
		if symlinks {
			require.NoError(t, os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(site, "out.txt")))
		}
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-dir", site)
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		done := make(chan error, 1)
		t.Cleanup(func() {
			cmd.Process.Kill()
			<-done
		})
		lines := make(chan string, 1)
		rest := make(chan string, 1)
		go func() {
			r := bufio.NewReader(stdout)
			line, _ := r.ReadString('\n')
			lines <- line
			more, _ := io.ReadAll(r)
			rest <- string(more)
			done <- cmd.Wait()
		}()
		var line string
		select {
		case line = <-lines:
		case <-time.After(30 * time.Second):
			t.Fatalf("no address line; stderr: %s", stderr.String())
		}
		m := regexp.MustCompile(`^Firehose Playground on (http://127\.0\.0\.1:[1-9][0-9]*/)\n$`).FindStringSubmatch(line)
		require.NotNil(t, m, "first line %q", line)
		base := m[1]

		client := &http.Client{Timeout: 10 * time.Second}
		res, err := client.Get(base)
		require.NoError(t, err)
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, res.StatusCode)
		assert.Equal(t, indexHTML, string(body))
		assertSecurityHeaders(t, res.Header)

		req, err := http.NewRequest(http.MethodGet, base+"app.js", nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", "br")
		res, err = client.Do(req)
		require.NoError(t, err)
		body, err = io.ReadAll(res.Body)
		res.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
		assert.Equal(t, appJSBr, string(body))

		// The binary serves the folder through os.Root: no symlink escapes.
		if symlinks {
			res, err = client.Get(base + "out.txt")
			require.NoError(t, err)
			body, err = io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			assert.Equal(t, http.StatusNotFound, res.StatusCode)
			assert.NotContains(t, string(body), secret)
		}

		if runtime.GOOS == "windows" {
			return // no SIGINT to send
		}
		require.NoError(t, cmd.Process.Signal(os.Interrupt))
		select {
		case err := <-done:
			assert.NoError(t, err, "exit after SIGINT; stderr: %s", stderr.String())
			done <- err // for the cleanup
		case <-time.After(10 * time.Second):
			t.Fatal("server did not stop after SIGINT")
		}
		assert.Empty(t, <-rest, "stdout must hold exactly one line")
	})

	t.Run("refuses a folder without a build", func(t *testing.T) {
		empty := t.TempDir()
		for _, dir := range []string{filepath.Join(empty, "missing"), empty} {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0", "-dir", dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exitErr *exec.ExitError
			require.ErrorAs(t, err, &exitErr, dir)
			assert.NotZero(t, exitErr.ExitCode())
			assert.Contains(t, stderr.String(), "make build", dir)
			assert.Empty(t, stdout.String())
		}
	})
}
