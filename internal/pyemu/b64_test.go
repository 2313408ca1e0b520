package pyemu

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

// FuzzPyB64Decode checks B64Decode on any ASCII text: it never panics,
// ignores every character outside the alphabet and '=', decodes canonical
// base64 as encoding/base64 does, and decodes what encoding/base64 encodes.
func FuzzPyB64Decode(f *testing.F) {
	for _, s := range []string{"W3siYSI6IDF9XQ==", "QUJD\nREVG", "QQ", "QR==", "QUJDR", "A===", "AB==CD==", "Q-U_J!D", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for i := range b {
			b[i] &= 0x7f // seed.go calls it on ASCII only
		}
		s = string(b)
		out, msg := B64Decode(s)
		if msg != "" && out != nil {
			t.Fatalf("B64Decode(%q): got both %x and error %q", s, out, msg)
		}
		var clean []byte
		for i := 0; i < len(s); i++ {
			if b64Value[s[i]] < 64 || s[i] == '=' {
				clean = append(clean, s[i])
			}
		}
		out2, msg2 := B64Decode(string(clean))
		if !bytes.Equal(out, out2) || msg != msg2 {
			t.Fatalf("B64Decode(%q) = %x, %q; without the other characters (%q): got %x, %q", s, out, msg, clean, out2, msg2)
		}
		if std, err := base64.StdEncoding.Strict().DecodeString(s); err == nil && !strings.ContainsAny(s, "\r\n") {
			if msg != "" || !bytes.Equal(out, std) {
				t.Fatalf("B64Decode(%q): got %x, %q, want %x as encoding/base64", s, out, msg, std)
			}
		}
		enc := base64.StdEncoding.EncodeToString([]byte(s))
		if got, msg := B64Decode(enc); msg != "" || string(got) != s {
			t.Fatalf("B64Decode(%q): got %q, %q, want %q", enc, got, msg, s)
		}
	})
}
