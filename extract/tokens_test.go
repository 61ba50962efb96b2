package extract

import (
	"math/rand/v2"
	"testing"
)

// TestLowerASCIIText checks lowerASCIIText against a byte-at-a-time
// reference on texts of every length around its chunk size, of ASCII,
// other UTF-8 and invalid bytes.
func TestLowerASCIIText(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 25, 511, 512, 513, 1024, 1500, 5000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if i%3 == 0 {
				b[i] = "AZaz@[`{ Ş"[rng.IntN(10)]
			}
		}
		want := make([]byte, n)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want[i] = c
		}
		if got := lowerASCIIText(string(b)); got != string(want) {
			t.Errorf("lowerASCIIText of %d bytes: %q, want %q", n, got, want)
		}
	}
}
