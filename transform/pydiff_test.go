package transform

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// pyCase is one line of a testdata/pydiff file: an input and what CPython
// 3.11 made of it (written by scripts/pydiff.py). Which fields are set
// depends on the file.
type pyCase struct {
	Line    int     `json:"-"`
	Bits    string  `json:"bits"`    // floats: a float64's bits, in hex
	Src     string  `json:"src"`     // JSON text given to json.loads
	In      string  `json:"in"`      // base64: the text given to b64decode
	Hex     *string `json:"hex"`     // base64: the decoded bytes; utf8: the input bytes
	Repr    *string `json:"repr"`    // repr() of the value
	JSON    *string `json:"json"`    // json.dumps() of the value
	StrJSON *string `json:"strjson"` // json.dumps(str()) of the value
	Err     *string `json:"err"`     // the exception, "Type: message" (utf8: message, "" if none)
}

// readPyCases reads testdata/pydiff/name, or $PYDIFF_DIR/name when set
// (a bigger set written by scripts/pydiff.py --scale for a local run).
func readPyCases(t *testing.T, name string) []pyCase {
	t.Helper()
	dir := os.Getenv("PYDIFF_DIR")
	if dir == "" {
		dir = filepath.Join("testdata", "pydiff")
	}
	f, err := os.Open(filepath.Join(dir, name))
	require.NoError(t, err)
	defer f.Close()
	z, err := gzip.NewReader(f)
	require.NoError(t, err)
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<20)
	var cases []pyCase
	for sc.Scan() {
		var c pyCase
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c), "%s line %d", name, len(cases)+1)
		c.Line = len(cases) + 1
		cases = append(cases, c)
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, len(cases), 1000, "%s: cases", name)
	return cases
}

// checkPy reports a mismatch with Python, at most maxMismatches of them
// per test so that a systematic bug does not drown the output.
func checkPy(t *testing.T, fails *int, c pyCase, what, got string, want *string) {
	t.Helper()
	const maxMismatches = 30
	if want == nil || got == *want {
		return
	}
	*fails++
	if *fails <= maxMismatches {
		t.Errorf("line %d: %s: got %q, want %q", c.Line, what, clipMiddle(got), clipMiddle(*want))
	} else if *fails == maxMismatches+1 {
		t.Errorf("more mismatches not shown")
	}
}

// clipMiddle shortens a long text for a message, keeping both ends.
func clipMiddle(s string) string {
	if len(s) <= 200 {
		return s
	}
	return s[:100] + "…" + s[len(s)-100:]
}
