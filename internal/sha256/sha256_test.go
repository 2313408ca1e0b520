package sha256_test

import (
	std "crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/sha256"

	"github.com/stretchr/testify/assert"
)

// Every length around the block and padding boundaries, against the
// standard library.
func TestSum256MatchesCryptoSHA256(t *testing.T) {
	for n := 0; n <= 300; n++ {
		data := []byte(strings.Repeat("firehose한", n)[:n])
		assert.Equal(t, std.Sum256(data), sha256.Sum256(data), "length %d", n)
	}
}

func FuzzSum256(f *testing.F) {
	f.Add([]byte("abc"))
	f.Add(make([]byte, 55))
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := sha256.Sum256(data), std.Sum256(data); got != want {
			t.Fatalf("Sum256(%q) = %x, want %x", data, got, want)
		}
	})
}

func ExampleSum256() {
	fmt.Printf("%x\n", sha256.Sum256([]byte("abc")))
	// Output: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
}
