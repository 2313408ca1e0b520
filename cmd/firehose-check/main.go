// Command firehose-check judges a transformation Lambda's response the way
// Amazon Data Firehose would, for CI:
//
//	firehose-check [flags] EVENT RESPONSE
//	firehose-check [flags] EVENT -          (the response on standard input)
//	firehose-check [flags] --preset NAME EVENT
//
// EVENT is anything the playground reads (a Firehose event, base64 lines,
// JSON payloads, …); RESPONSE is the body the function returned, or the
// Lambda runtime's error object. It prints the verdict as text, or with
// --json the report exactly as transform.Run returns it.
//
// Exit status: 0 when every record is delivered or dropped on purpose; 1
// when a record would fail or be lost, or the batch would fail (under the
// main reading: unconfirmed alternatives are printed, they do not change
// the status), or no record could be read; 2 for bad usage or a file that
// cannot be read.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
