// Package firehose is the judge: it reads a transformation Lambda's answer
// and decides, the way docs/firehose-contract.md says Amazon Data Firehose
// does, what becomes of every input record: delivered, dropped, failed
// with which error code, or silently lost.
//
// The easy path is Judge:
//
//	jd := firehose.Judge(report.Lambda{Body: &body}, "", ev, firehose.Options{}, body, true, nil, &findings)
//	for _, v := range jd.Verdict.Records {
//		// v.Outcome: report.Delivered, Dropped or Failed; v.ErrorCode
//	}
//	// jd.Verdict.Ignored: output records whose recordId was not in the event
//
// It works in three steps, each in its own place:
//
//   - a match (match.go) reads the response once (response.go: Firehose
//     reads every output record before it matches any) and pairs every
//     output record with the input record that has its recordId;
//   - the rules, one file per group of the contract's rows: the invocation
//     as a whole (rule_invocation.go: the function raised, timed out, was
//     throttled, or answered more than 6 MB), the body's shape
//     (rule_shape.go), the recordIds (rule_ids.go: missing, duplicated,
//     unknown), the results (rule_results.go) and the data (rule_data.go:
//     missing, not base64, the delimiter, the metadata). Each adds the
//     outcomes, findings and alternative readings of its rows to a
//     ruling; check.go applies them in the order Firehose meets them;
//   - fidelity.go says where the playground would claim more than is
//     known: an event real Firehose never sends, a response Firehose
//     might read two ways. Such verdicts are unconfirmed.
//
// The codes the rules write, with Firehose's messages and the confidence
// of each behaviour, are internal/report's catalog. Judge returns what the
// rules decided and never touches a Report: package transform copies it
// into one, and internal/s3preview turns the verdict into what lands in
// S3, with the Stream the verdict was reached for.
package firehose
