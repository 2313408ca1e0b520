package transform

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// decodeBody reads the output records of a compact response body.
func decodeBody(t *testing.T, body string) []bodyRecord {
	t.Helper()
	var resp struct {
		Records []bodyRecord `json:"records"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &resp), body)
	return resp.Records
}

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// benchEventSmall is a 64 KiB version of the benchmark event.
var benchEventSmall = sync.OnceValue(func() string { return analyticsEvent(64<<10, 7) })

// hasNonStandard reports whether the values hold NaN or Infinity, which
// are not standard JSON.
func hasNonStandard(vals []Value) bool {
	for i := range vals {
		v := &vals[i]
		if v.IsNonStandard() || (v.Kind == Array || v.Kind == Object) && hasNonStandard(v.Items) {
			return true
		}
	}
	return false
}
