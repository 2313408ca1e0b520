package pyemu

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// B64Decode is Python's base64.b64decode(s) for an ASCII string, the
// non-strict binascii.a2b_base64 of CPython 3.11: characters outside the
// alphabet are skipped, a complete pad ends the data, wrong padding fails.
// The error message is Python's, for an exception of type "Error".
func B64Decode(s string) ([]byte, string) {
	// The common case: canonical base64, which both decoders agree on.
	if out, err := base64.StdEncoding.DecodeString(s); err == nil && !strings.ContainsAny(s, "\r\n") {
		return out, ""
	}
	out := make([]byte, 0, len(s)*3/4+3)
	quad, pads := 0, 0
	var left byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					return out, ""
				}
			}
			continue
		}
		v := b64Value[c]
		if v >= 64 {
			continue
		}
		pads = 0
		switch quad {
		case 0:
			quad, left = 1, v
		case 1:
			out = append(out, left<<2|v>>4)
			quad, left = 2, v&0x0f
		case 2:
			out = append(out, left<<4|v>>2)
			quad, left = 3, v&0x03
		case 3:
			out = append(out, left<<6|v)
			quad, left = 0, 0
		}
	}
	switch quad {
	case 0:
		return out, ""
	case 1:
		return nil, fmt.Sprintf("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4",
			len(out)/3*4+1)
	}
	return nil, "Incorrect padding"
}

var b64Value = func() (t [256]byte) {
	for i := range t {
		t[i] = 255
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()
