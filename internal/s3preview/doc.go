// Package s3preview shows what Amazon Data Firehose writes to S3 for one
// batch, once the judge has decided what becomes of every record
// (docs/firehose-contract.md §4): the delivered records' data, concatenated
// in order and grouped by the prefix their partition keys give, and one
// processing-failed object with a JSON line per failed record, in the
// layout the stream uses.
//
// The preview is a function of four things, and nothing else: the delivery
// stream's settings (firehose.Stream: its name, prefixes, retries,
// delimiter and layout), the event, the verdict of every record and the
// response's records as read. Object keys, times and UUIDs are made up
// deterministically from the event, so the same input previews the same
// keys, and a shared link shows what its author saw.
//
// The easy path is Preview:
//
//	p := s3preview.Preview(&s3preview.Batch{
//		Stream:   jd.Stream,          // from firehose.Judge
//		Event:    ev,
//		Verdict:  jd.Verdict.Records, // before the report's lists are cut
//		Outputs:  jd.Read.Records,    // nil when the response was not read
//		Findings: &findings,          // prefixes it cannot evaluate
//	})
//	// p.Objects: each object's key, kind, size and body (cut at
//	// MaxObjectBody unless Batch.Whole)
//
// Prefix expressions (!{timestamp:…}, !{partitionKeyFromLambda:…},
// !{firehose:error-output-type}) are internal/s3key's.
package s3preview
