package main

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestTheEngineLeavesOutHeavyPackages keeps packages out of the
// WebAssembly that would each add a tenth or more to what the page
// downloads on its first load, for little: regexp (the engine matches its
// few patterns by hand, see internal/event/scan.go), crypto (its SHA-256
// brings the whole FIPS 140 module; internal/sha256 gives the same sums)
// and encoding/json (71 KB of brotli: the report writes itself, see
// internal/report/json.go, and the request is read with internal/jsonpos).
func TestTheEngineLeavesOutHeavyPackages(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("needs the go command")
	}
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "regexp" || pkg == "encoding/json" || pkg == "crypto" || strings.HasPrefix(pkg, "crypto/") || strings.HasPrefix(pkg, "net/") || pkg == "text/template" {
			t.Errorf("the WebAssembly build imports %s", pkg)
		}
	}
}
