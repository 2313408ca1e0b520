// Package e2e tests the built page in a real headless Chromium, driven with
// chromedp, against serve.go. The tests are behind the e2e build tag:
//
//	make build && go test -count=1 -tags e2e ./e2e
//
// They need dist/ (make build) and Chromium at /usr/bin/chromium (or
// $CHROMIUM): apt-get install -y chromium. The speed figures are measured
// by a separate script that only runs when asked:
//
//	FIREHOSE_PERF=1 go test -count=1 -tags e2e -run Perf -v ./e2e
package e2e
