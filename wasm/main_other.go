//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// On other platforms the adapter only says how to build it.
func main() {
	fmt.Fprintln(os.Stderr, "build this package with GOOS=js GOARCH=wasm (see the Makefile)")
	os.Exit(2)
}
