// Package testevent builds the Firehose inputs that the engine's tests and
// the browser tests both paste: a Direct PUT event around given payloads,
// and gzip streams (bombs included); and random JSON for the tests of the
// packages that read and write it.
package testevent

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
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

// RandomJSON writes a random JSON value to b: containers of every size,
// strings of every length (with escapes and non-ASCII text), numbers, and
// white space here and there. The same rng gives the same value.
func RandomJSON(b *strings.Builder, rng *rand.Rand) { randomJSON(b, rng, 0) }

func randomJSON(b *strings.Builder, rng *rand.Rand, depth int) {
	space := func() {
		if rng.IntN(8) == 0 {
			b.WriteString([]string{" ", "\n", "\t ", "\r\n  "}[rng.IntN(4)])
		}
	}
	space()
	switch k := rng.IntN(10); {
	case k < 2 && depth < 6:
		b.WriteByte('[')
		for i := range rng.IntN(6) {
			if i > 0 {
				b.WriteByte(',')
			}
			randomJSON(b, rng, depth+1)
		}
		b.WriteByte(']')
	case k < 4 && depth < 6:
		b.WriteByte('{')
		for i := range rng.IntN(6) {
			if i > 0 {
				b.WriteByte(',')
			}
			space()
			fmt.Fprintf(b, `"%s"`, strings.Repeat("k", rng.IntN(20)))
			space()
			b.WriteByte(':')
			randomJSON(b, rng, depth+1)
		}
		b.WriteByte('}')
	case k < 6:
		fmt.Fprintf(b, `"%s"`, strings.Repeat(`a\"é`, rng.IntN(12)))
	case k < 8:
		fmt.Fprintf(b, "%d", rng.Int64N(1<<40)-1<<39)
	default:
		b.WriteString([]string{"true", "false", "null", "-1.5e-7", "0"}[rng.IntN(5)])
	}
	space()
}
