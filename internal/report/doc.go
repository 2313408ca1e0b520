// Package report holds what every stage of the engine writes: the report's
// types (Report, Record, Verdict, S3Preview, Finding…), the catalog of
// every code a finding can carry, the builder findings are written with,
// and the words their messages share.
//
// It is the bottom of the engine. The event reader (internal/event), the
// presets (internal/preset), the judge (internal/firehose) and the S3
// preview (internal/s3preview) each fill a part of one Report and write
// findings about what they read; package transform puts the parts together
// and names these types for its callers (transform.Report is Report).
//
// The catalog (catalog.go) is the one place the engine's knowledge of
// Firehose is written down: for each Code, Firehose's own message, the
// confidence of the behaviour, what it means in plain words, what Firehose
// does next and the row of docs/firehose-contract.md it comes from. It sits
// here, beneath the judge, because the event reader, the presets and the S3
// preview write codes too. Its tests hold it against the contract document;
// the page reads it through firehose.describe(), never from a copy.
//
// The easy path is the finding builder:
//
//	var f report.Findings
//	f.At(report.CodeRecordSize, report.SevWarning, report.InputSpan(start, end)).
//		Rec(i).Say("Record %d is %s.", i, report.SizeText(n))
//	// f.List holds the findings; more than MaxFindingsPerCode of one code
//	// are only counted, and Summarize says how many were left out.
//
// Offsets are bytes while the engine works; Report.ToUTF16 turns them into
// the UTF-16 units a JavaScript editor counts in, once, at the end.
package report
