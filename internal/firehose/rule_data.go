package firehose

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// The rule of data (docs/firehose-contract.md rows 8 and 9, and what S3
// makes of the data): an Ok record needs data, data must be padded
// standard base64, and records concatenated in S3 need a delimiter. It
// also reads the metadata dynamic partitioning uses.
type dataRule struct {
	m      *match
	r      *ruling
	badB64 []int // outputs whose data is not base64
	noData []int // input records returned Ok without data
}

// read reads output record o's data and metadata.
func (dr *dataRule) read(o int) {
	if dr.m.resp.Records[o].b64 != nil {
		dr.badB64 = append(dr.badB64, o)
		dr.reportBase64(o)
	}
	dr.checkMetadata(o)
}

// decide decides input record i when Firehose cannot use its output's
// data, and reports whether it did. When the output is Ok with data, it
// checks the delimiter and leaves the record to its result.
func (dr *dataRule) decide(i int) bool {
	o := dr.m.outputs[i][0]
	or := &dr.m.resp.Records[o]
	switch {
	case or.b64 != nil:
		// Row 9, read record by record.
		dr.r.fail(i, report.CodeInvalidFormat, report.MsgNotCaptured, report.Unconfirmed)
		return true
	case !validResult(or.result) || or.result.Text != resultOk:
		return false
	case or.Data == nil || or.Data.Kind == jsonpos.Null:
		dr.noData = append(dr.noData, i)
		dr.r.fail(i, report.CodeInvalidFormat, report.MsgNotCaptured, report.Unconfirmed)
		dr.reportNoData(i, o)
		return true
	}
	dr.checkDelimiter(i, o)
	return false
}

// batch gives the readings of records Ok without data and of data that is
// not base64: for the latter, the contract reads the whole batch failing
// first.
func (dr *dataRule) batch() {
	all := allRecords(len(dr.r.verdict.Records))
	if len(dr.noData) > 0 {
		dr.r.alternative(report.CodeInvalidFormat,
			fmt.Sprintf("%s Ok without data: what Firehose does is unconfirmed.", report.Plural(len(dr.noData), "record")),
			report.Reading{Label: "Only those records fail with Lambda.InvalidReturnFormat (one probe of real Firehose)", Failed: dr.noData},
			report.Reading{Label: "The whole batch fails: Firehose cannot read the response (Lambda.JsonProcessingException)",
				BatchError: dr.r.batchError(report.CodeJSON, report.MsgJSON), Failed: all})
	}
	if len(dr.badB64) > 0 {
		dr.r.alternative(report.CodeResponseBase64,
			fmt.Sprintf("%s whose data is not base64: what Firehose does is unconfirmed.", report.Plural(len(dr.badB64), "output record")),
			report.Reading{Label: "The whole batch fails with Lambda.FunctionError and is retried (probably)",
				BatchError: dr.r.batchError(report.CodeFunctionError, report.MsgFunctionError), Failed: all},
			report.Reading{Label: "Firehose cannot parse the records: Lambda.JsonProcessingException for the whole batch (not retried)",
				BatchError: dr.r.batchError(report.CodeJSON, report.MsgJSON), Failed: all},
			report.Reading{Label: "Only those records fail", Failed: dr.m.inputsOf(dr.badB64)})
	}
}

// reportBase64 reports an output record whose data is not base64 (row 9).
func (dr *dataRule) reportBase64(o int) {
	m := dr.m
	or := &m.resp.Records[o]
	d, e := or.Data, or.b64
	start, end := d.Start, d.End
	if d.End-d.Start == len(d.Text)+2 { // no escapes: point at the character
		at := min(e.Offset, max(len(d.Text)-1, 0))
		start, end = d.Start+1+at, d.Start+2+at
	}
	i := m.inputOf(o)
	fd := dr.r.f.At(report.CodeResponseBase64, report.SevError, report.ResponseSpan(start, end)).Rec(i).Out(o).Say(
		"Output record %d's %s is not the padded standard base64 Firehose reads: %s. Firehose probably fails the whole batch with %s, retried (unconfirmed); failing to parse the records, it may as well fail it with %s, not retried; in no reading is the record delivered.",
		o, m.field, e.Msg, report.CodeFunctionError, report.CodeJSON)
	if t := strings.TrimSpace(d.Text); t != "" && (t[0] == '{' || t[0] == '[' || t[0] == '"') {
		fd.Message += " It looks like the payload itself: base64-encode it."
	}
	m.relateInput(fd, i)
}

// reportNoData reports record i, returned Ok without data (row 8).
func (dr *dataRule) reportNoData(i, o int) {
	m := dr.m
	or := &m.resp.Records[o]
	start, end := or.Value.Start, or.Value.Start+1
	what := "has no " + strconv.Quote(m.field)
	if or.Data != nil {
		start, end = or.Data.Start, or.Data.End
		what = "has " + strconv.Quote(m.field) + ": null"
	}
	fd := dr.r.f.At(report.CodeInvalidFormat, report.SevError, report.ResponseSpan(start, end)).Rec(i).Out(o).Say(
		"Output record %d is Ok but %s. One probe of real Firehose failed such a record alone with %s (unconfirmed); it is not delivered.",
		o, what, report.CodeInvalidFormat)
	switch {
	case or.other != nil && m.field == "kafkaRecordValue":
		fd.Message += ` It has "data": records from Amazon MSK return their bytes in "kafkaRecordValue".`
	case or.other != nil:
		fd.Message += ` It has "kafkaRecordValue", which only Amazon MSK streams use: return "data".`
	case or.Data != nil:
		fd.Message += ` aws-lambda-go writes "data":null when Data is nil: set Data, even to []byte{}.`
	}
	m.relateInput(fd, i)
}

// checkDelimiter warns when a delivered record's data does not end with a
// newline: S3 objects concatenate records with nothing in between.
func (dr *dataRule) checkDelimiter(i, o int) {
	or := &dr.m.resp.Records[o]
	b := or.Bytes
	span := report.ResponseSpan(or.Data.Start, or.Data.End)
	if len(b) == 0 {
		dr.r.f.At(report.CodeResponseEmptyData, report.SevInfo, span).Rec(i).Out(o).Say(
			"Output record %d is Ok with empty data: record %d is delivered but adds 0 bytes to S3 (an object made only of such records is empty). \"Dropped\" says that nothing is meant to arrive.", o, i)
		return
	}
	ends := b[len(b)-1] == '\n'
	switch {
	case !ends && !dr.r.st.AppendDelimiter:
		dr.r.f.At(report.CodeResponseDelimiter, report.SevWarning, span).Rec(i).Out(o).Say(
			"Output record %d's data does not end with a newline: in S3 it runs into the next record's data (…}{…). End every row with \"\\n\", or give the stream the AppendDelimiterToRecord processor.", o)
	case ends && dr.r.st.AppendDelimiter:
		dr.r.f.At(report.CodeResponseDelimiter, report.SevInfo, span).Rec(i).Out(o).Say(
			"Output record %d's data already ends with a newline and the AppendDelimiterToRecord processor adds another: S3 gets an empty line after it.", o)
	}
}

// checkMetadata warns about metadata Firehose cannot use.
func (dr *dataRule) checkMetadata(o int) {
	or := &dr.m.resp.Records[o]
	if or.Value.Kind != jsonpos.Object {
		return
	}
	m, _ := or.Value.Member("metadata")
	if m == nil || m.Kind == jsonpos.Null {
		return
	}
	warn := func(v *jsonpos.Value, format string, args ...any) {
		dr.r.f.At(report.CodeResponseMetadata, report.SevWarning, report.ResponseSpan(v.Start, v.End)).Rec(dr.m.inputOf(o)).Out(o).Say(format, args...)
	}
	if m.Kind != jsonpos.Object {
		warn(m, "Output record %d's metadata is %s %s; Firehose reads an object {\"partitionKeys\": {…}}.", o, report.Article(m.Kind), m.Kind)
		return
	}
	pk, _ := m.Member("partitionKeys")
	if pk == nil || pk.Kind == jsonpos.Null {
		return
	}
	if pk.Kind != jsonpos.Object {
		warn(pk, "Output record %d's metadata.partitionKeys is %s %s; it maps key names to strings.", o, report.Article(pk.Kind), pk.Kind)
		return
	}
	for k := range pk.Items {
		if v := &pk.Items[k]; v.Kind != jsonpos.String {
			warn(v, "Partition key %s of output record %d is %s %s; partition keys are strings.", report.Quoted(pk.Keys[k].Name), o, report.Article(v.Kind), v.Kind)
		}
	}
}
