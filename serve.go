// Command serve serves the built playground (the dist folder) over HTTP.
//
//	go run serve.go -addr 127.0.0.1:8080 -dir dist
//
// It is a small static file server meant for local use: GET and HEAD only,
// no directory listings, no dotfiles, nothing outside the folder (symlinks
// included), strict security headers on every response, and precompressed
// NAME.br / NAME.gz variants chosen by Accept-Encoding. A direct request for
// a variant such as app.js.gz is served as a plain file of its own type
// (application/gzip), without Content-Encoding.
//
// This file must stay self-contained and use only the standard library,
// because it is run on its own with "go run serve.go".
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// contentSecurityPolicy is sent on every response. The page loads only its
// own scripts, styles and WebAssembly; 'wasm-unsafe-eval' allows compiling
// the engine without allowing eval.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// maxHeaderBytes limits the size of request headers (net/http answers 431).
const maxHeaderBytes = 64 << 10

// contentTypes maps lower-case file extensions to the Content-Type sent for
// them; other extensions fall back to mime.TypeByExtension.
var contentTypes = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".json": "application/json",
	".map":  "application/json",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".gz":   "application/gzip",
}

// encodings lists the precompressed variants, in order of preference.
var encodings = []struct{ coding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// timeouts holds the http.Server timeouts; tests use short ones.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

// defaultTimeouts are generous enough for a multi-megabyte .wasm on a slow
// link and short enough that idle or stalled clients are dropped.
var defaultTimeouts = timeouts{
	readHeader: 5 * time.Second,
	read:       10 * time.Second,
	write:      60 * time.Second,
	idle:       60 * time.Second,
}

// main checks the folder, prints the address line and serves until SIGINT
// or SIGTERM, then shuts down gracefully.
func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dir := flag.String("dir", "dist", "folder to serve (the output of make build)")
	verbose := flag.Bool("v", false, "log one line per request to stderr")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("serve: ")

	// os.Root keeps every access, symlinks included, inside the folder.
	root, err := os.OpenRoot(*dir)
	if err == nil {
		_, err = root.Stat("index.html")
	}
	if err != nil {
		log.Fatalf("no index.html to serve in %s (%v): run `make build` first", *dir, err)
	}
	defer root.Close()
	h := newHandler(root.FS())
	if *verbose {
		h = logRequests(h)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Firehose Playground on http://%s/\n", ln.Addr())

	srv := newServer(h, defaultTimeouts)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		log.Fatal(err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}

// newServer returns an http.Server for h with the given timeouts and the
// header size limit.
func newServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// newHandler returns a handler serving the files of fsys.
func newHandler(fsys fs.FS) http.Handler {
	return fileHandler{fsys}
}

// fileHandler serves the regular files of an fs.FS.
type fileHandler struct {
	fsys fs.FS
}

// ServeHTTP sets the headers common to all responses, rejects anything but
// GET and HEAD and unsafe paths, then serves the file.
func (h fileHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	hdr.Set("Cross-Origin-Resource-Policy", "same-origin")
	hdr.Set("X-Frame-Options", "DENY")
	hdr.Set("Cache-Control", "no-cache")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL)
	if !ok {
		http.NotFound(w, r)
		return
	}
	h.serveFile(w, r, name)
}

// fileName maps a request URL to a file name in the served folder. It
// refuses, on both the decoded and the raw path, anything that could
// reach outside the folder or into hidden files: segments starting with
// "." (including ".."), empty segments, backslashes, NUL bytes and
// encoded slashes. "/" maps to index.html; a trailing slash never
// matches (there are no directory listings).
func fileName(u *url.URL) (string, bool) {
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/")[1:] {
		dec, err := url.PathUnescape(seg)
		if err != nil || strings.HasPrefix(dec, ".") || strings.ContainsAny(dec, "/\\\x00") {
			return "", false
		}
	}
	if p == "/" {
		return "index.html", true
	}
	name := p[1:]
	if !fs.ValidPath(name) {
		return "", false
	}
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, true
}

// serveFile serves the regular file name, or its best precompressed variant
// the client accepts, with http.ServeContent. Anything that is not a
// regular file (directories, missing files, symlinks leaving the folder)
// is a 404.
func (h fileHandler) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	if info, err := fs.Stat(h.fsys, name); err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name)) // set, so ServeContent never sniffs
	file, coding := name, ""
	for _, e := range encodings {
		info, err := fs.Stat(h.fsys, name+e.suffix)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if coding == "" && acceptsEncoding(r.Header.Values("Accept-Encoding"), e.coding) {
			file, coding = name+e.suffix, e.coding
		}
		hdr.Set("Vary", "Accept-Encoding")
	}

	f, err := h.fsys.Open(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
		content = bytes.NewReader(data)
	}
	if coding != "" {
		hdr.Set("Content-Encoding", coding)
		// ServeContent omits Content-Length when Content-Encoding is set.
		w = lengthWriter{w, strconv.FormatInt(info.Size(), 10)}
	}
	http.ServeContent(w, r, name, info.ModTime(), content)
}

// lengthWriter adds Content-Length to a full (200) response of a known size.
type lengthWriter struct {
	http.ResponseWriter
	length string
}

// WriteHeader sets Content-Length on a 200 response that lacks one.
func (w lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", w.length)
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap returns the underlying ResponseWriter for http.ResponseController.
func (w lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// contentType returns the Content-Type for a file name.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// acceptsEncoding reports whether Accept-Encoding header values accept
// coding with a non-zero q-value (RFC 9110 section 12.5.3). An entry naming
// the coding takes precedence over "*"; a malformed q-value counts as 0.
func acceptsEncoding(values []string, coding string) bool {
	named, wildcard := -1.0, -1.0
	for _, v := range values {
		for item := range strings.SplitSeq(v, ",") {
			name, params, _ := strings.Cut(item, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "x-gzip" {
				name = "gzip"
			}
			q := 1.0
			for param := range strings.SplitSeq(params, ";") {
				key, val, _ := strings.Cut(param, "=")
				if strings.EqualFold(strings.TrimSpace(key), "q") {
					var err error
					q, err = strconv.ParseFloat(strings.TrimSpace(val), 64)
					if err != nil || !(q >= 0 && q <= 1) {
						q = 0
					}
				}
			}
			switch name {
			case coding:
				named = max(named, q)
			case "*":
				wildcard = max(wildcard, q)
			}
		}
	}
	if named >= 0 {
		return named > 0
	}
	return wildcard > 0
}

// logRequests wraps h to log one line per request to stderr.
func logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		start := time.Now()
		h.ServeHTTP(rec, r)
		log.Printf("%s %s %q %d %s", r.RemoteAddr, r.Method, r.URL.RequestURI(), rec.code, time.Since(start).Round(time.Microsecond))
	})
}

// statusWriter records the status code of a response.
type statusWriter struct {
	http.ResponseWriter
	code int
}

// WriteHeader records code and passes it on.
func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap returns the underlying ResponseWriter for http.ResponseController.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
