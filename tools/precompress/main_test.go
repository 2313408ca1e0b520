package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textData returns n bytes of compressible, varied text.
func textData(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	words := []string{"records", "firehose", "lambda", "base64", "recordId", "result", "Ok", "Dropped", "ProcessingFailed", "data", "\n", "{", "}", ":", ","}
	var b bytes.Buffer
	for b.Len() < n {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.Bytes()[:n]
}

// randomData returns n incompressible bytes.
func randomData(seed uint64, n int) []byte {
	b := make([]byte, n)
	rand.NewChaCha8([32]byte{byte(seed)}).Read(b)
	return b
}

// writeTree writes files (slash-separated names) under a new temp folder.
func writeTree(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	return dir
}

// listTree returns the slash-separated names of the files under dir.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(rel))
		return err
	}))
	sort.Strings(names)
	return names
}

// run runs precompress on dir and returns its output.
func run(t *testing.T, dir string) string {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, precompress(dir, &out))
	return out.String()
}

func gunzip(t *testing.T, data []byte) ([]byte, *gzip.Header) {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out, &zr.Header
}

func unbrotli(t *testing.T, data []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	require.NoError(t, err)
	return out
}

// sampleTree is a build output with every kind of file.
func sampleTree() map[string][]byte {
	return map[string][]byte{
		"index.html":         textData(1, 3000),
		"app.js":             textData(2, 20_000),
		"mod.mjs":            textData(3, 2000),
		"sub/style.css":      textData(4, 1500),
		"firehose.wasm":      append(randomData(5, 4000), textData(5, 60_000)...),
		"data.json":          textData(6, 1024), // exactly the minimum
		"icon.svg":           textData(7, 1200),
		"app.js.map":         textData(8, 8000),
		"LICENSE.txt":        textData(9, 5000),
		"UPPER.JS":           textData(10, 2000),
		"small.js":           textData(11, 1023), // one byte too small
		"tiny.css":           []byte("body{}"),
		"logo.png":           textData(12, 5000), // not a compressible type
		"notes.md":           textData(13, 5000), // not in the list
		"random.wasm":        randomData(14, 4096),
		"deep/er/nested.js":  textData(15, 4000),
		"old.js.gz":          textData(16, 5000), // never an input
		"old.js.br":          textData(17, 5000),
		".hidden/config.txt": textData(18, 5000),
	}
}

func TestRoundTrip(t *testing.T) {
	files := sampleTree()
	dir := writeTree(t, files)
	run(t, dir)
	for _, name := range []string{"index.html", "app.js", "mod.mjs", "sub/style.css", "firehose.wasm", "data.json", "icon.svg", "app.js.map", "LICENSE.txt", "UPPER.JS", "deep/er/nested.js", ".hidden/config.txt"} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			gz, err := os.ReadFile(p + ".gz")
			require.NoError(t, err)
			br, err := os.ReadFile(p + ".br")
			require.NoError(t, err)
			plain, hdr := gunzip(t, gz)
			assert.Equal(t, files[name], plain)
			assert.Equal(t, files[name], unbrotli(t, br))
			assert.Less(t, len(gz), len(files[name]))
			assert.Less(t, len(br), len(files[name]))
			assert.Empty(t, hdr.Name)
			assert.True(t, hdr.ModTime.IsZero(), "gzip header time %v", hdr.ModTime)
			// The original is untouched.
			orig, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.Equal(t, files[name], orig)
		})
	}
}

func TestSkipped(t *testing.T) {
	dir := writeTree(t, sampleTree())
	run(t, dir)
	names := listTree(t, dir)
	for _, name := range []string{
		"small.js", "tiny.css", // too small
		"logo.png", "notes.md", // not a compressible type
		"random.wasm",            // compression would not make it smaller
		"old.js.gz", "old.js.br", // already compressed
	} {
		assert.NotContains(t, names, name+".gz")
		assert.NotContains(t, names, name+".br")
	}
	for _, name := range names {
		assert.False(t, strings.HasPrefix(filepath.Base(name), ".precompress-"), "temp file left: %s", name)
	}
}

func TestSummary(t *testing.T) {
	dir := writeTree(t, map[string][]byte{
		"app.js":      textData(1, 10_000),
		"random.wasm": randomData(2, 2000),
		"small.txt":   []byte("hi"),
		"logo.png":    textData(3, 5000),
	})
	out := run(t, dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3, out) // one per compressible file; png not listed
	gz, err := os.Stat(filepath.Join(dir, "app.js.gz"))
	require.NoError(t, err)
	br, err := os.Stat(filepath.Join(dir, "app.js.br"))
	require.NoError(t, err)
	assert.Equal(t, []string{"app.js", "10000", "gzip", fmt.Sprint(gz.Size()), "br", fmt.Sprint(br.Size())}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"random.wasm", "2000", "gzip", "-", "br", "-"}, strings.Fields(lines[1]))
	assert.Equal(t, []string{"small.txt", "2", "gzip", "-", "br", "-"}, strings.Fields(lines[2]))
}

func TestDeterministic(t *testing.T) {
	files := sampleTree()
	a := writeTree(t, files)
	b := writeTree(t, files)
	// Different modification times must not change the output.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	require.NoError(t, filepath.WalkDir(b, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	}))
	outA, outB := run(t, a), run(t, b)
	assert.Equal(t, outA, outB)
	namesA := listTree(t, a)
	require.Equal(t, namesA, listTree(t, b))
	for _, name := range namesA {
		da, err := os.ReadFile(filepath.Join(a, name))
		require.NoError(t, err)
		db, err := os.ReadFile(filepath.Join(b, name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(da, db), "%s differs", name)
	}
}

func TestIdempotent(t *testing.T) {
	dir := writeTree(t, sampleTree())
	first := run(t, dir)
	namesFirst := listTree(t, dir)
	contents := map[string][]byte{}
	for _, name := range namesFirst {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		contents[name] = data
	}
	second := run(t, dir)
	assert.Equal(t, first, second)
	assert.Equal(t, namesFirst, listTree(t, dir)) // no .gz.gz, .br.gz, ...
	for _, name := range namesFirst {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, contents[name], data, name)
	}
}

func TestOverwritesAndRemovesStale(t *testing.T) {
	dir := writeTree(t, map[string][]byte{
		"a.js":      textData(1, 10_000),
		"b.js":      textData(2, 10_000),
		"c.wasm":    textData(3, 10_000),
		"d.css":     textData(4, 3000),
		"d.css.gz":  []byte("stale, made by someone else"),
		"d.css.br":  []byte("stale"),
		"e.json":    []byte(`{"small":true}`),
		"e.json.gz": []byte("stale"),
	})
	run(t, dir)
	// The files change: a.js grows, b.js shrinks below the minimum,
	// c.wasm becomes incompressible.
	newA := textData(5, 20_000)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.js"), newA, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.js"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.wasm"), randomData(6, 10_000), 0o644))
	run(t, dir)

	gz, err := os.ReadFile(filepath.Join(dir, "a.js.gz"))
	require.NoError(t, err)
	plain, _ := gunzip(t, gz)
	assert.Equal(t, newA, plain)
	br, err := os.ReadFile(filepath.Join(dir, "a.js.br"))
	require.NoError(t, err)
	assert.Equal(t, newA, unbrotli(t, br))

	d, err := os.ReadFile(filepath.Join(dir, "d.css"))
	require.NoError(t, err)
	gz, err = os.ReadFile(filepath.Join(dir, "d.css.gz"))
	require.NoError(t, err)
	plain, _ = gunzip(t, gz)
	assert.Equal(t, d, plain)

	names := listTree(t, dir)
	for _, stale := range []string{"b.js.gz", "b.js.br", "c.wasm.gz", "c.wasm.br", "e.json.gz"} {
		assert.NotContains(t, names, stale)
	}
}

func TestVariantMetadata(t *testing.T) {
	dir := writeTree(t, map[string][]byte{"app.js": textData(1, 10_000)})
	p := filepath.Join(dir, "app.js")
	mtime := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	require.NoError(t, os.Chtimes(p, mtime, mtime))
	run(t, dir)
	for _, suffix := range []string{".gz", ".br"} {
		info, err := os.Stat(p + suffix)
		require.NoError(t, err)
		assert.True(t, info.ModTime().Equal(mtime), "%s mtime %v", suffix, info.ModTime())
		assert.Equal(t, fs.FileMode(0o644), info.Mode().Perm())
	}
}

func TestSymlinksNotFollowed(t *testing.T) {
	outside := writeTree(t, map[string][]byte{"big.js": textData(1, 10_000)})
	dir := writeTree(t, map[string][]byte{"app.js": textData(2, 10_000)})
	if err := os.Symlink(filepath.Join(outside, "big.js"), filepath.Join(dir, "link.js")); err != nil {
		t.Skipf("cannot create symlinks: %v", err)
	}
	run(t, dir)
	assert.NotContains(t, listTree(t, dir), "link.js.gz")
	assert.Equal(t, []string{"big.js"}, listTree(t, outside))
}

func TestMissingDir(t *testing.T) {
	err := precompress(filepath.Join(t.TempDir(), "missing"), io.Discard)
	assert.Error(t, err)
}
