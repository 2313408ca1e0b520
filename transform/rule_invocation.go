package transform

import "fmt"

// The rule of the invocation as a whole (docs/firehose-contract.md rows
// 11–14): a function that raised, timed out or was throttled, or whose
// response is over Lambda's limit, fails the whole batch, retried.

// invocationFailed fails the batch because the invocation failed: the
// function raised, timed out or was throttled (rows 11, 12, 14). sp is
// where the error is: the record the preset raised on, or the pasted
// error object.
func invocationFailed(r *ruling, le *LambdaError, sp Span) {
	code, msg := invocationFailure(le)
	r.failBatch(code, msg, Confirmed)
	what := le.ErrorType
	if le.ErrorMessage != "" {
		if what != "" {
			what += ": "
		}
		what += clip(le.ErrorMessage, 200)
	}
	if what == "" {
		what = "an error object"
	}
	retries := r.st.retries
	retry := fmt.Sprintf("It retries the whole batch %s (NumberOfRetries %d, so attemptsMade %d), then writes",
		plural(retries, "more time"), retries, retries+1)
	if retries == 0 {
		retry = "With NumberOfRetries 0 it does not retry (attemptsMade 1): it writes"
	}
	r.f.at(code, SevError, sp).rec(le.Record).say(
		"The function returned an error (%s). Firehose: %s, %q %s every record of the batch to processing-failed/: nothing is delivered.",
		what, code, msg, retry)
}

// tooLarge fails the batch because the response, n bytes, is over Lambda's
// limit (row 13): Lambda refuses it, Firehose sees a function error.
func tooLarge(r *ruling, n int) {
	r.failBatch(codeFunctionError, msgFunctionError, Likely)
	r.f.at(codeTooLarge, SevError, responseSpan(0, 0)).say(
		"The response is %s, %s of Lambda's 6 MB response limit (%s bytes). Lambda refuses it: %s, %q Firehose sees a failed invocation, %s for the whole batch, retried (attemptsMade %d); every record goes to processing-failed/. The records in the response were not checked: Firehose never sees them.",
		sizeText(n), percent(n, LambdaPayloadLimit), thousands(LambdaPayloadLimit), codeTooLarge, msgTooLarge,
		codeFunctionError, r.st.retries+1)
}

// sizeFinding says how much of Lambda's response limit a response of n
// bytes uses, and what a full Firehose batch would produce at the same
// ratio to the event's in bytes: when the response uses a tenth of the
// limit or more, or is larger than an event of some size. (Stats carry the
// figures in every case.)
func sizeFinding(r *ruling, n, in int) {
	if 10*n < LambdaPayloadLimit && (in < 4096 || n <= in) {
		return
	}
	sev, conf := SevInfo, Confidence("")
	msg := fmt.Sprintf("The response is %s, %s of Lambda's 6 MB response limit (%s bytes).",
		sizeText(n), percent(n, LambdaPayloadLimit), thousands(LambdaPayloadLimit))
	if 2*n >= LambdaPayloadLimit {
		sev, conf = SevWarning, Likely
		msg += " A somewhat larger batch would go over it, and then the whole batch fails."
	}
	if in >= 4096 && n > in {
		ratio := float64(n) / float64(in)
		msg += fmt.Sprintf(" It is %.2f× the size of the event", ratio)
		if projected := ratio * LambdaBufferMax; projected > LambdaPayloadLimit {
			sev, conf = SevWarning, Likely
			msg += fmt.Sprintf(": at this ratio a 3 MB batch (Firehose's largest Lambda buffer) would produce %s, over the limit, and events above about %s fail whole.",
				sizeText(int(projected)), sizeText(int(LambdaPayloadLimit/ratio)))
		} else {
			msg += "."
		}
	}
	r.f.at(codeResponseSize, sev, responseSpan(0, 0)).sure(conf).say("%s", msg)
}
