// Package event reads whatever a user holds into the Firehose invocation
// event it stands for, keeping where every part of it is in the text.
//
// A user pastes a Firehose event, but also base64 records, JSON payloads,
// an event as Python's print or Node.js's console.log wrote it, the lines
// of a processing-failed/ object, AWS CLI records or a Kinesis consumer's
// event. Parse detects which (or is told), reads it into an Event, and
// reports every problem as a finding with its range in the text: a missing
// recordId, data that is not base64, a record over 1,000 KiB, a gzip bomb,
// a printed event cut off by the console. For the kinds that are not an
// event it builds the event they would make, and Event.Text is that
// event.
//
// The easy path is Parse:
//
//	ev, findings := event.Parse(text, "") // "" detects the kind
//	for _, r := range ev.Records {
//		// r.ID, r.Data (decoded), r.Start/r.End: the record in the text
//	}
//
// Records' data is decoded by Parse; the engine's Run uses ReadInput
// instead, which leaves the decoding (EventRecord.Decode) to the chunk of
// records that processes it, and AnalyzePayload to see what a record's
// payload is (JSON, text, binary, CloudWatch Logs) and map its bytes back
// to the input.
//
// It is a package of its own because it knows the event's format and
// nothing of what a Lambda does with it: the presets, the judge and the S3
// preview read an Event, and none of them reads text the user pasted.
// It writes its findings with internal/report's codes and reads JSON with
// internal/jsonpos, with CPython's limits from internal/pyemu (the seed
// Lambda calls json.loads on the event).
package event
