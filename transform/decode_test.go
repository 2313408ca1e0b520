package transform

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPyB64DecodeMatchesPython compares pyB64Decode with base64.b64decode
// of CPython 3.11 on random text over the alphabet, '=', white space and
// junk (testdata/pydiff/base64.jsonl.gz).
func TestPyB64DecodeMatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "base64.jsonl.gz") {
		out, msg := pyB64Decode(c.In)
		what := "b64decode(" + c.In + ")"
		got, want := "", ""
		if c.Err != nil {
			want = *c.Err
		}
		if msg != "" {
			got = "Error: " + msg
		}
		checkPy(t, &fails, c, what+" raises", got, &want)
		if msg == "" && c.Hex != nil {
			checkPy(t, &fails, c, what, hex.EncodeToString(out), c.Hex)
		}
	}
}

// TestCheckUTF8MatchesPython compares CheckUTF8 with bytes.decode('utf-8')
// of CPython 3.11 on random bytes: truncated and overlong sequences,
// surrogates, stray continuation bytes, code points past U+10FFFF
// (testdata/pydiff/utf8.jsonl.gz).
func TestCheckUTF8MatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "utf8.jsonl.gz") {
		require.NotNil(t, c.Hex)
		b, err := hex.DecodeString(*c.Hex)
		require.NoError(t, err)
		got := ""
		if e := CheckUTF8(b); e != nil {
			got = e.Error()
		}
		checkPy(t, &fails, c, "b'"+*c.Hex+"'.decode('utf-8')", got, c.Err)
	}
}
