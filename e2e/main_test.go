//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The server and the browser every test shares.
var (
	baseURL    string          // the playground, "http://127.0.0.1:PORT/"
	browserCtx context.Context // a chromedp context with the browser running
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist, err := filepath.Abs(envOr("FIREHOSE_DIST", "../dist"))
	if err == nil {
		err = checkDist(dist)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	chromium, err := findChromium()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}

	tmp, err := os.MkdirTemp("", "firehose-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	stop, url, err := startServer(tmp, dist)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: the server:", err)
		return 1
	}
	defer stop()
	baseURL = url

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // start the browser
		fmt.Fprintf(os.Stderr, "e2e: starting %s: %v\n", chromium, err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// checkDist makes sure the page has been built.
func checkDist(dist string) error {
	for _, f := range []string{"index.html", "app.js", "worker.js", "style.css", "wasm_exec.js", "firehose.wasm"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			return fmt.Errorf("%s is missing: run `make build` first (%v)", filepath.Join(dist, f), err)
		}
	}
	return nil
}

// findChromium finds Debian's Chromium, or the browser $CHROMIUM names.
func findChromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("$CHROMIUM names %s: %v; install Chromium: apt-get install -y chromium", p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Chromium is not installed: install Chromium: apt-get install -y chromium (or set $CHROMIUM to a Chromium binary)")
}

// startServer builds ../serve.go, starts it on a free port and returns its URL.
func startServer(tmp, dist string) (stop func(), url string, err error) {
	bin := filepath.Join(tmp, "serve")
	build := exec.Command("go", "build", "-o", bin, "../serve.go")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return nil, "", fmt.Errorf("go build ../serve.go: %w", err)
	}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-dir", dist)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	cmd.Stderr = io.Discard // one log line per request
	if os.Getenv("FIREHOSE_E2E_SERVER_LOG") != "" {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	stop = func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case line, ok := <-lines:
		// "Firehose Playground on http://HOST:PORT/"
		const prefix = "Firehose Playground on "
		if !ok || !strings.HasPrefix(line, prefix) {
			stop()
			return nil, "", fmt.Errorf("the server's first line is %q, want %q…", line, prefix)
		}
		return stop, strings.TrimPrefix(line, prefix), nil
	case <-time.After(30 * time.Second):
		stop()
		return nil, "", errors.New("the server printed nothing in 30 s")
	}
}
