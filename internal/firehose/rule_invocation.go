package firehose

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The rule of the invocation as a whole (docs/firehose-contract.md rows
// 11–14): a function that raised, timed out or was throttled, or whose
// response is over Lambda's limit, fails the whole batch, retried.

// invocationFailed fails the batch because the invocation failed: the
// function raised, timed out or was throttled (rows 11, 12, 14). sp is
// where the error is: the record the preset raised on, or the pasted
// error object.
func invocationFailed(r *ruling, le *report.LambdaError, sp report.Span) {
	code, msg := invocationFailure(le)
	r.failBatch(code, msg, report.Confirmed)
	what := le.ErrorType
	if le.ErrorMessage != "" {
		if what != "" {
			what += ": "
		}
		what += report.Clip(le.ErrorMessage, 200)
	}
	if what == "" {
		what = "an error object"
	}
	retries := r.st.Retries
	retry := fmt.Sprintf("It retries the whole batch %s (NumberOfRetries %d, so attemptsMade %d), then writes",
		report.Plural(retries, "more time"), retries, retries+1)
	if retries == 0 {
		retry = "With NumberOfRetries 0 it does not retry (attemptsMade 1): it writes"
	}
	r.f.At(code, report.SevError, sp).Rec(le.Record).Say(
		"The function returned an error (%s). Firehose: %s, %q %s every record of the batch to processing-failed/: nothing is delivered.",
		what, code, msg, retry)
}

// tooLarge fails the batch because the response, n bytes, is over Lambda's
// limit (row 13): Lambda refuses it, Firehose sees a function error.
func tooLarge(r *ruling, n int) {
	r.failBatch(report.CodeFunctionError, report.MsgFunctionError, report.Likely)
	r.f.At(report.CodeTooLarge, report.SevError, report.ResponseSpan(0, 0)).Say(
		"The response is %s, %s of Lambda's 6 MB response limit (%s bytes). Lambda refuses it: %s, %q Firehose sees a failed invocation, %s for the whole batch, retried (attemptsMade %d); every record goes to processing-failed/. The records in the response were not checked: Firehose never sees them.",
		report.SizeText(n), report.Percent(n, event.LambdaPayloadLimit), report.Thousands(event.LambdaPayloadLimit), report.CodeTooLarge, report.MsgTooLarge,
		report.CodeFunctionError, r.st.Retries+1)
}

// sizeFinding says how much of Lambda's response limit a response of n
// bytes uses, and what a full Firehose batch would produce at the same
// ratio to the event's in bytes: when the response uses a tenth of the
// limit or more, or is larger than an event of some size. (Stats carry the
// figures in every case.)
func sizeFinding(r *ruling, n, in int) {
	if 10*n < event.LambdaPayloadLimit && (in < 4096 || n <= in) {
		return
	}
	sev, conf := report.SevInfo, report.Confidence("")
	msg := fmt.Sprintf("The response is %s, %s of Lambda's 6 MB response limit (%s bytes).",
		report.SizeText(n), report.Percent(n, event.LambdaPayloadLimit), report.Thousands(event.LambdaPayloadLimit))
	if 2*n >= event.LambdaPayloadLimit {
		sev, conf = report.SevWarning, report.Likely
		msg += " A somewhat larger batch would go over it, and then the whole batch fails."
	}
	if in >= 4096 && n > in {
		ratio := float64(n) / float64(in)
		msg += fmt.Sprintf(" It is %.2f× the size of the event", ratio)
		if projected := ratio * event.LambdaBufferMax; projected > event.LambdaPayloadLimit {
			sev, conf = report.SevWarning, report.Likely
			msg += fmt.Sprintf(": at this ratio a 3 MB batch (Firehose's largest Lambda buffer) would produce %s, over the limit, and events above about %s fail whole.",
				report.SizeText(int(projected)), report.SizeText(int(event.LambdaPayloadLimit/ratio)))
		} else {
			msg += "."
		}
	}
	r.f.At(report.CodeResponseSize, sev, report.ResponseSpan(0, 0)).Sure(conf).Say("%s", msg)
}
