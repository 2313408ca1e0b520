// Package testevent builds the Firehose inputs that the engine's tests and
// the browser tests both paste: a Direct PUT event around given payloads,
// and gzip streams (bombs included).
package testevent

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"strings"
)

// Event wraps payloads into a Direct PUT event, record i with recordId "ri".
func Event(payloads ...[]byte) string {
	var b strings.Builder
	b.WriteString(`{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","region":"us-east-1","records":[`)
	for i, p := range payloads {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"recordId":"r%d","approximateArrivalTimestamp":1767225600000,"data":"%s"}`, i, base64.StdEncoding.EncodeToString(p))
	}
	b.WriteString("]}")
	return b.String()
}

// Gzip compresses chunk repeated times times: Gzip(make([]byte, 1<<20), 200)
// is a 200 MiB bomb of a few hundred kilobytes.
func Gzip(chunk []byte, times int) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level: no error
	for range times {
		zw.Write(chunk) // writing to a bytes.Buffer does not fail
	}
	zw.Close()
	return buf.Bytes()
}
