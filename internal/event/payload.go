package event

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

// Payload kinds, as reported in Record.Payload.
const (
	PayloadJSON    = "json"
	PayloadText    = "text"
	PayloadBinary  = "binary"
	PayloadEmpty   = "empty"
	PayloadCWL     = "cloudwatch-logs"
	PayloadInvalid = "invalid"
)

// Payload is a record's payload, analyzed once and shared by the report
// and the preset.
type Payload struct {
	Kind   string
	Text   string               // the payload as a string (UTF-8 unless kind is binary)
	UTF8   *UTF8Error           // set when the bytes are not UTF-8
	Values []jsonpos.Value      // the JSON values it holds, one or more (NDJSON)
	deep   bool                 // they nest deeper than maxPrettyDepth
	Err    *jsonpos.SyntaxError // the first JSON syntax error, if it looks like JSON
	// pyErr is what Python's json.loads would raise on the first value
	// only (deep nesting, huge integers), when it parses here.
	PyErr *jsonpos.SyntaxError
}

// AnalyzePayload decodes and parses a record's payload with ps, whose
// earlier results it reuses the memory of.
func AnalyzePayload(r *EventRecord, ps *jsonpos.Parser) *Payload {
	p := &Payload{}
	switch {
	case r.Invalid:
		p.Kind = PayloadInvalid
		return p
	case len(r.Payload) == 0:
		p.Kind = PayloadEmpty
		return p
	}
	// The decoded bytes are never written again: the text can share them.
	p.Text = unsafe.String(unsafe.SliceData(r.Payload), len(r.Payload))
	if e := CheckUTF8(r.Payload); e != nil {
		p.Kind, p.UTF8 = PayloadBinary, e
		return p
	}
	p.Kind = PayloadText
	ps.Reset(p.Text, pyemu.JSONLimits(pyemu.PayloadDepth))
	var crossed *jsonpos.Crossing
	p.Values, p.Err, crossed = ps.Values()
	p.PyErr = pyemu.JSONError(p.Text, crossed)
	p.deep = ps.Deepest() > maxPrettyDepth
	if t := strings.TrimLeft(p.Text, " \t\r\n"); p.Err == nil && len(p.Values) > 0 || t != "" && (t[0] == '{' || t[0] == '[') {
		p.Kind = PayloadJSON
	}
	if r.Gzip && isCloudWatchLogs(p) {
		p.Kind = PayloadCWL
	}
	return p
}

// isCloudWatchLogs reports whether a payload is a CloudWatch Logs
// subscription document.
func isCloudWatchLogs(p *Payload) bool {
	if len(p.Values) != 1 || p.Values[0].Kind != jsonpos.Object {
		return false
	}
	mt, _ := p.Values[0].Member("messageType")
	return mt != nil && mt.Kind == jsonpos.String && (mt.Text == "DATA_MESSAGE" || mt.Text == "CONTROL_MESSAGE")
}

// maxDecoded is how much of a payload the report shows.
const maxDecoded = 256 << 10

// maxPrettyDepth is the deepest payload that is pretty-printed: deeper ones
// are shown as they are (indenting hundreds of levels helps no one, and the
// pretty-printer recurses once per level).
const maxPrettyDepth = 64

// DecodedText returns the payload as the report shows it: pretty JSON,
// text, or a hex dump; cut at maxDecoded bytes.
func (p *Payload) DecodedText() (string, bool) {
	switch p.Kind {
	case PayloadInvalid, PayloadEmpty:
		return "", false
	case PayloadBinary:
		return HexDump(p.Text, maxDecoded/4)
	case PayloadJSON, PayloadCWL:
		if p.Err == nil && !p.deep && len(p.Text) <= maxDecoded {
			b := jsonpos.AppendPretty(make([]byte, 0, 2*len(p.Text)), p.Text, p.Values)
			return unsafe.String(unsafe.SliceData(b), len(b)), false // b is not written again
		}
	}
	if len(p.Text) > maxDecoded {
		return report.Clip(p.Text, maxDecoded), true
	}
	return p.Text, false
}

// HexDump writes the first max bytes of b like xxd does.
func HexDump(b string, max int) (string, bool) {
	var sb strings.Builder
	n := min(len(b), max)
	for off := 0; off < n; off += 16 {
		end := min(off+16, n)
		fmt.Fprintf(&sb, "%08x  ", off)
		for i := off; i < off+16; i++ {
			if i < end {
				fmt.Fprintf(&sb, "%02x ", b[i])
			} else {
				sb.WriteString("   ")
			}
			if i == off+7 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(" |")
		for i := off; i < end; i++ {
			if c := b[i]; c >= 0x20 && c < 0x7f {
				sb.WriteByte(c)
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteString("|\n")
	}
	return sb.String(), len(b) > max
}
