// Command precompress writes gzip and brotli variants of the build's text and
// WebAssembly files, for serve.go (or any static host) to send to clients
// that accept them.
//
//	go run ./tools/precompress DIR
//
// For every regular file under DIR with one of the extensions in
// [compressible] and at least [minSize] bytes, it writes FILE.gz (gzip,
// best compression, no name or time in the header) and FILE.br (brotli,
// quality [brotliQuality]), each only if smaller than FILE. Outputs are
// deterministic and overwritten on every run; a stale variant that would
// no longer be written is removed, so a variant never disagrees with its
// file. Existing .gz and .br files are never taken as inputs. Each variant
// gets its file's modification time, so Last-Modified does not depend on
// the encoding served. One line per file is printed: name, original size,
// gzip size and brotli size ("-" when not written).
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// minSize is the size below which compressing is not worth a request's
// Content-Encoding overhead.
const minSize = 1024

// brotliQuality is the brotli quality used. Measured on the 2-core build
// machine with a 3.48 MB GOOS=js GOARCH=wasm binary (-ldflags="-s -w"):
// quality 11 took 6.2 s (20.9% of the original), quality 10 took 3.3 s
// (21.7%), quality 9 took 0.44 s (23.7%); gzip -9 took 0.27 s (28.2%).
// Quality 11 fits the ~10 s budget; the time grows roughly linearly with
// the size, so lower this if the engine grows past ~5 MB.
const brotliQuality = 11

// compressible lists the extensions (lower case) worth precompressing.
var compressible = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".wasm": true,
	".json": true, ".svg": true, ".map": true, ".txt": true,
}

// variant is one precompressed encoding: its file suffix and compressor.
type variant struct {
	suffix   string
	compress func([]byte) ([]byte, error)
}

// variants are the encodings written, in the order of the summary columns.
var variants = []variant{
	{".gz", gzipBytes},
	{".br", brotliBytes},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress DIR")
		os.Exit(2)
	}
	if err := precompress(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
}

// precompress writes the variants of every eligible file under dir and a
// summary line per file to out.
func precompress(dir string, out io.Writer) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !compressible[strings.ToLower(filepath.Ext(path))] {
			return nil
		}
		sizes, err := compressFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			rel = path
		}
		_, err = fmt.Fprintf(out, "%-32s %10s  gzip %10s  br %10s\n", filepath.ToSlash(rel), sizes[0], sizes[1], sizes[2])
		return err
	})
}

// compressFile writes the variants of the file at path and returns its
// size followed by each variant's size ("-" if not written). Files smaller
// than minSize get no variants.
func compressFile(path string) ([3]string, error) {
	sizes := [3]string{"-", "-", "-"}
	info, err := os.Stat(path)
	if err != nil {
		return sizes, err
	}
	sizes[0] = fmt.Sprint(info.Size())
	var data []byte
	if info.Size() >= minSize {
		if data, err = os.ReadFile(path); err != nil {
			return sizes, err
		}
	}
	for i, v := range variants {
		var packed []byte
		if len(data) >= minSize {
			if packed, err = v.compress(data); err != nil {
				return sizes, fmt.Errorf("%s: %w", path, err)
			}
		}
		if len(packed) == 0 || len(packed) >= len(data) {
			// Not worth it: make sure no stale variant is left behind.
			if err := os.Remove(path + v.suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return sizes, err
			}
			continue
		}
		if err := writeFile(path+v.suffix, packed, info); err != nil {
			return sizes, err
		}
		sizes[i+1] = fmt.Sprint(len(packed))
	}
	return sizes, nil
}

// writeFile atomically replaces name with data, with the permissions and
// modification time of the original file.
func writeFile(name string, data []byte, orig fs.FileInfo) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".precompress-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), orig.Mode().Perm())
	}
	if err == nil {
		err = os.Chtimes(tmp.Name(), orig.ModTime(), orig.ModTime())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	return err
}

// gzipBytes compresses data with gzip at best compression. The header has
// no name and a zero time, so the output depends only on data.
func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// brotliBytes compresses data with brotli at brotliQuality.
func brotliBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, brotliQuality)
	if _, err := bw.Write(data); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
