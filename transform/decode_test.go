package transform

import (
	"encoding/base64"
	"encoding/hex"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/stretchr/testify/require"
)

// TestPyB64DecodeMatchesPython compares pyemu.B64Decode with base64.b64decode
// of CPython 3.11 on random text over the alphabet, '=', white space and
// junk (testdata/pydiff/base64.jsonl.gz).
func TestPyB64DecodeMatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "base64.jsonl.gz") {
		out, msg := pyemu.B64Decode(c.In)
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

// FuzzCheckUTF8 checks that CheckUTF8 finds a problem exactly in invalid
// UTF-8, and that the range it reports is where the first one is.
func FuzzCheckUTF8(f *testing.F) {
	for _, s := range []string{"a\xffb", "\xe4\xb8", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "é", "\xf0\x9f\x98x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e := CheckUTF8(b)
		if (e == nil) != utf8.Valid(b) {
			t.Fatalf("CheckUTF8(%x): got %v, utf8.Valid says %v", b, e, utf8.Valid(b))
		}
		if e == nil {
			return
		}
		switch {
		case e.Start < 0 || e.End > len(b) || e.End-e.Start < 1 || e.End-e.Start > 3:
			t.Fatalf("CheckUTF8(%x): got range [%d, %d)", b, e.Start, e.End)
		case !utf8.Valid(b[:e.Start]) || e.Byte != b[e.Start]:
			t.Fatalf("CheckUTF8(%x): got %v, which is not the first problem", b, e)
		case e.Reason == "unexpected end of data" && (e.End != len(b) || utf8.FullRune(b[e.Start:])):
			t.Fatalf("CheckUTF8(%x): got %v, but the data goes on", b, e)
		case e.Reason != "unexpected end of data" && e.Reason != "invalid start byte" && e.Reason != "invalid continuation byte":
			t.Fatalf("CheckUTF8(%x): got reason %q", b, e.Reason)
		}
	})
}

// TestAppendBase64Encode compares the encoder with encoding/base64 on
// every length up to 80 and on random bytes, appending to a prefix, and
// decodes the result.
func TestAppendBase64Encode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		if n > 80 {
			n = rng.IntN(1 << 14)
		}
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(rng.Uint32())
		}
		want := base64.StdEncoding.AppendEncode([]byte("x"), src)
		require.Equal(t, string(want), string(event.AppendBase64Encode([]byte("x"), src)), "%d bytes", n)

		// And back.
		got, err := event.AppendBase64([]byte("y"), string(want[1:]))
		require.NoError(t, err)
		require.Equal(t, "y"+string(src), string(got))
	}
}
