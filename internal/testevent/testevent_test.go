package testevent

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEventIsAFirehoseEvent(t *testing.T) {
	var ev struct {
		Records []struct {
			RecordID string
			Data     []byte
		}
	}
	require.NoError(t, json.Unmarshal([]byte(Event([]byte("a"), []byte("가"))), &ev))
	require.Len(t, ev.Records, 2)
	assert.Equal(t, "r1", ev.Records[1].RecordID)
	assert.Equal(t, []byte("가"), ev.Records[1].Data)
}

func TestGzipInflatesToTheRepeatedChunk(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(Gzip([]byte("abc"), 3)))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, "abcabcabc", string(out))
}
