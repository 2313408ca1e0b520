package jsonpos

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLimits checks the hard and the soft bounds: MaxDepth ends the parse
// at the container past it, the Note fields note the first crossing and
// let the parse go on.
func TestLimits(t *testing.T) {
	deep := strings.Repeat("[", 5) + strings.Repeat("]", 5)
	var p Parser

	p.Reset(deep, Limits{MaxDepth: 4})
	_, err := p.Document()
	require.NotNil(t, err)
	assert.Equal(t, ErrDepth, err.Type)
	assert.Equal(t, 4, err.Offset)
	assert.Equal(t, "JSON nested deeper than 4 levels", err.Error())

	p.Reset(deep, Limits{NoteDepth: 3})
	_, err = p.Document()
	assert.Nil(t, err)
	assert.Equal(t, &Crossing{Offset: 3, What: "array"}, p.Crossed())
	assert.Equal(t, 5, p.Deepest())

	p.Reset(`[[NaN]]`, Limits{NoteDepth: 2})
	_, err = p.Document()
	assert.Nil(t, err)
	assert.Nil(t, p.Crossed(), "constants nest only with ConstantsNest")
	p.Reset(`[[NaN]]`, Limits{NoteDepth: 2, ConstantsNest: true})
	p.Document()
	assert.Equal(t, &Crossing{Offset: 2, What: "constant"}, p.Crossed())

	p.Reset(`[12345, -123456, 1234567.0]`, Limits{NoteIntDigits: 5})
	p.Document()
	assert.Equal(t, &Crossing{Offset: 8, What: "integer", Digits: 6}, p.Crossed())

	p.Reset(`{"records": [1, 2, 3, 4]}`, Limits{KeepItems: 2})
	v, err := p.Document()
	assert.Nil(t, err)
	assert.Len(t, v.Items[0].Items, 2)
	assert.Equal(t, 2, p.Dropped())
}

// TestUTF16Index compares the index with a count of UTF-16 units, across
// the 256-byte marks.
func TestUTF16Index(t *testing.T) {
	s := strings.Repeat("aé서😀", 100)
	x := NewUTF16Index(s)
	u := 0
	for i, r := range s {
		assert.Equal(t, u, x.At(i), "byte %d", i)
		u++
		if r > 0xffff {
			u++
		}
	}
	assert.Equal(t, u, x.At(len(s)))
	assert.Equal(t, u, x.At(len(s)+5))
	assert.True(t, IsASCII(strings.Repeat("plain text ", 10)))
	assert.False(t, IsASCII(s))
}
