# Firehose Playground. `make serve` builds and serves the page; `make test`
# runs every test. Both work on a fresh machine with Go and Node installed.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASMDIR  := $(GOROOT)/lib/wasm
DIST     ?= dist
ADDR     ?= 127.0.0.1:8080

.PHONY: build serve test test-go test-race test-wasm test-web test-e2e vet bench fuzz fuzz-cache clean

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

## test: vet and every test: the engine natively and under wasm, the server, the page's
## modules in Node, the page in Chromium
test: vet test-go test-race test-wasm test-web test-e2e

## vet: gofmt, go vet (natively and for GOOS=js) and staticcheck, fetched
## through the Go module proxy at the version pinned here
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags e2e ./e2e
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./transform ./internal/...
	$(GO) run $(STATICCHECK) -tags e2e ./...

test-go:
	$(GO) test ./...

## test-race: the engine's tests under the race detector (2 min 40 s on two
## busy cores, 2 GB of memory)
test-race:
	$(GO) test -race ./transform ./internal/...

## test-wasm: the engine's tests compiled to WebAssembly, run by Node
test-wasm:
	PATH="$(WASMDIR):$$PATH" GOOS=js GOARCH=wasm $(GO) test ./transform ./wasm ./internal/...

## test-web: the page's pure modules (web/test/*.test.js, *.test.mjs) under
## Node's own test runner: the catalog reader, state, share links, the
## session, the Node.js runtime's Buffer encodings against Node's own, the
## Python starter, that the page lists no presets, input kinds or sources of
## its own; then TypeScript checks the page's modules (web/jsconfig.json) and
## its workers (web/jsconfig.workers.json) against the report's shape
## (web/src/report.d.ts) and the other types they declare
test-web: web/node_modules
	cd web && node --test test/
	cd web && node_modules/.bin/tsc -p jsconfig.json && node_modules/.bin/tsc -p jsconfig.workers.json

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

## fuzz-cache: put the full corpus fuzzing found so far (7,995 inputs, kept in
## the history at FUZZ_CORPUS) into Go's fuzz cache, where make fuzz starts
## from and adds to. testdata/fuzz keeps only a seed set per target and the
## inputs that reproduce a fixed bug (go test -fuzz writes those there).
FUZZ_CORPUS ?= db3a4f4
fuzz-cache:
	@cache=$$($(GO) env GOCACHE)/fuzz/$$($(GO) list -m); tmp=$$(mktemp -d); \
	git archive $(FUZZ_CORPUS) transform/testdata/fuzz wasm/testdata/fuzz | tar -x -C $$tmp; \
	for pkg in transform wasm; do \
		for d in $$tmp/$$pkg/testdata/fuzz/Fuzz*; do \
			mkdir -p $$cache/$$pkg/$${d##*/} && cp $$d/* $$cache/$$pkg/$${d##*/}/; \
		done; \
	done; rm -rf $$tmp; echo "the corpus of $(FUZZ_CORPUS) is in $$cache"

clean:
	rm -rf $(DIST) web/node_modules
