# Firehose Playground. `make serve` builds and serves the page; `make test`
# runs every test. Both work on a fresh machine with Go and Node installed.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASMDIR  := $(GOROOT)/lib/wasm
DIST     ?= dist
ADDR     ?= 127.0.0.1:8080

.PHONY: build serve test test-go test-wasm test-web test-e2e vet bench fuzz fuzz-corpus clean

## build: the static site in $(DIST)/, ready for any static host
build: web/node_modules
	rm -rf $(DIST)
	mkdir -p $(DIST)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(DIST)/firehose.wasm ./wasm
	cp "$(WASMDIR)/wasm_exec.js" $(DIST)/wasm_exec.js
	cd web && node build.mjs ../$(DIST)
	$(GO) run ./tools/precompress $(DIST)

web/node_modules: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch web/node_modules

## serve: build, then serve the playground on $(ADDR)
serve: build
	$(GO) run serve.go -addr $(ADDR) -dir $(DIST)

## test: vet and every test: the engine natively and under wasm, the server, the page in Chromium
test: vet test-go test-wasm test-web test-e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./transform

test-go:
	$(GO) test ./...

## test-wasm: the engine's tests compiled to WebAssembly, run by Node
test-wasm:
	PATH="$(WASMDIR):$$PATH" GOOS=js GOARCH=wasm $(GO) test ./transform

## test-web: the page's pure modules under Node's test runner (the Node.js
## runtime's Buffer encodings against Node's own)
test-web: web/node_modules
	cd web && node --test test/

## test-e2e: the page in headless Chromium
test-e2e: build
	$(GO) test -count=1 -timeout 30m -tags e2e ./e2e

## bench: engine benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./transform

## fuzz: run each fuzz target for FUZZTIME (default 30s); new inputs that
## find coverage go to the Go cache, failures to testdata/fuzz. A run that
## ends with only "context deadline exceeded" and no failing input is Go's
## fuzzing coordinator racing its own deadline (golang/go#75804), not a find.
FUZZTIME ?= 30s
fuzz:
	@for pkg in ./transform ./wasm; do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$t"; log=$$(mktemp); \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg 2>&1 | tee $$log; \
			if grep -q -e '^--- FAIL' -e '^FAIL' $$log; then \
				if grep -q 'Failing input written' $$log || ! grep -q '^    context deadline exceeded$$' $$log; then rm -f $$log; exit 1; fi; \
				echo "(only the fuzzing coordinator's deadline: nothing found)"; \
			fi; rm -f $$log; \
		done; \
	done

## fuzz-corpus: copy the inputs fuzzing found (kept in the Go cache) into
## testdata/fuzz, where every go test replays them
fuzz-corpus:
	@cache=$$($(GO) env GOCACHE)/fuzz/$$($(GO) list -m); \
	for pkg in transform wasm; do \
		for d in $$cache/$$pkg/Fuzz*; do \
			[ -d "$$d" ] || continue; \
			mkdir -p $$pkg/testdata/fuzz/$${d##*/} && cp $$d/* $$pkg/testdata/fuzz/$${d##*/}/; \
		done; \
	done

clean:
	rm -rf $(DIST) web/node_modules
