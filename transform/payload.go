package transform

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

// payload is a record's payload, analyzed once and shared by the report
// and the preset.
type payload struct {
	kind string
	text string       // the payload as a string (UTF-8 unless kind is binary)
	utf8 *UTF8Error   // set when the bytes are not UTF-8
	vals []Value      // the JSON values it holds, one or more (NDJSON)
	deep bool         // they nest deeper than maxPrettyDepth
	err  *SyntaxError // the first JSON syntax error, if it looks like JSON
	// pyErr is what Python's json.loads would raise on the first value
	// only (deep nesting, huge integers), when it parses here.
	pyErr *SyntaxError
}

// analyzePayload decodes and parses a record's payload with ps, whose
// earlier results it reuses the memory of.
func analyzePayload(r *EventRecord, ps *jsonpos.Parser) *payload {
	p := &payload{}
	switch {
	case r.Invalid:
		p.kind = PayloadInvalid
		return p
	case len(r.Payload) == 0:
		p.kind = PayloadEmpty
		return p
	}
	// The decoded bytes are never written again: the text can share them.
	p.text = unsafe.String(unsafe.SliceData(r.Payload), len(r.Payload))
	if e := CheckUTF8(r.Payload); e != nil {
		p.kind, p.utf8 = PayloadBinary, e
		return p
	}
	p.kind = PayloadText
	ps.Reset(p.text, pyemu.JSONLimits(pyemu.PayloadDepth))
	var crossed *jsonpos.Crossing
	p.vals, p.err, crossed = ps.Values()
	p.pyErr = pyemu.JSONError(p.text, crossed)
	p.deep = ps.Deepest() > maxPrettyDepth
	if t := strings.TrimLeft(p.text, " \t\r\n"); p.err == nil && len(p.vals) > 0 || t != "" && (t[0] == '{' || t[0] == '[') {
		p.kind = PayloadJSON
	}
	if r.Gzip && isCloudWatchLogs(p) {
		p.kind = PayloadCWL
	}
	return p
}

// isCloudWatchLogs reports whether a payload is a CloudWatch Logs
// subscription document.
func isCloudWatchLogs(p *payload) bool {
	if len(p.vals) != 1 || p.vals[0].Kind != Object {
		return false
	}
	mt, _ := p.vals[0].Member("messageType")
	return mt != nil && mt.Kind == String && (mt.Text == "DATA_MESSAGE" || mt.Text == "CONTROL_MESSAGE")
}

// maxDecoded is how much of a payload the report shows.
const maxDecoded = 256 << 10

// maxPrettyDepth is the deepest payload that is pretty-printed: deeper ones
// are shown as they are (indenting hundreds of levels helps no one, and the
// pretty-printer recurses once per level).
const maxPrettyDepth = 64

// decodedText returns the payload as the report shows it: pretty JSON,
// text, or a hex dump; cut at maxDecoded bytes.
func (p *payload) decodedText() (string, bool) {
	switch p.kind {
	case PayloadInvalid, PayloadEmpty:
		return "", false
	case PayloadBinary:
		return hexDump(p.text, maxDecoded/4)
	case PayloadJSON, PayloadCWL:
		if p.err == nil && !p.deep && len(p.text) <= maxDecoded {
			b := jsonpos.AppendPretty(make([]byte, 0, 2*len(p.text)), p.text, p.vals)
			return unsafe.String(unsafe.SliceData(b), len(b)), false // b is not written again
		}
	}
	if len(p.text) > maxDecoded {
		return report.Clip(p.text, maxDecoded), true
	}
	return p.text, false
}

// hexDump writes the first max bytes of b like xxd does.
func hexDump(b string, max int) (string, bool) {
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
