package transform

import (
	"math"
	"strconv"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
	"github.com/stretchr/testify/require"
)

// TestFloatReprMatchesPython compares repr() of random floats (bit
// patterns) and of random JSON number literals, and json.dumps() of the
// latter, with what CPython 3.11 printed (testdata/pydiff/floats.jsonl.gz).
func TestFloatReprMatchesPython(t *testing.T) {
	fails := 0
	for _, c := range readPyCases(t, "floats.jsonl.gz") {
		if c.Bits != "" {
			bits, err := strconv.ParseUint(c.Bits, 16, 64)
			require.NoError(t, err)
			checkPy(t, &fails, c, "repr(float.fromhex bits "+c.Bits+")",
				string(pyemu.AppendFloatRepr(nil, math.Float64frombits(bits))), c.Repr)
			continue
		}
		v, err := ParseJSON(c.Src)
		require.NoError(t, err, "line %d: %q", c.Line, c.Src)
		checkPy(t, &fails, c, "repr(json.loads("+clipMiddle(c.Src)+"))", string(pyemu.AppendRepr(nil, &v)), c.Repr)
		checkPy(t, &fails, c, "json.dumps(json.loads("+clipMiddle(c.Src)+"))", string(pyemu.AppendJSON(nil, &v)), c.JSON)
	}
}

// TestStringReprMatchesPython compares repr(), json.dumps() and
// json.dumps(str()) of random strings (every plane, controls, quotes,
// format characters, lone surrogates), lists and dicts with CPython 3.11
// (testdata/pydiff/strings.jsonl.gz).
func TestStringReprMatchesPython(t *testing.T) {
	fails := 0
	var tmp []byte
	for _, c := range readPyCases(t, "strings.jsonl.gz") {
		v, err := ParseJSON(c.Src)
		require.NoError(t, err, "line %d: %q", c.Line, c.Src)
		checkPy(t, &fails, c, "repr("+c.Src+")", string(pyemu.AppendRepr(nil, &v)), c.Repr)
		checkPy(t, &fails, c, "json.dumps("+c.Src+")", string(pyemu.AppendJSON(nil, &v)), c.JSON)
		checkPy(t, &fails, c, "json.dumps(str("+c.Src+"))", preset.UnescapeASCII(preset.AppendPyStrJSON(nil, &v, &tmp)), c.StrJSON)
	}
}
