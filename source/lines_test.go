package source

import (
	"math/rand/v2"
	"testing"
)

// TestEightBytes holds plainASCII8, noControl8 and asciiLetters8 to byte-at-a-time
// tests, for every byte value at every place among random neighbours
// (spaces and controls among them).
func TestEightBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pick := func() byte {
		if rng.IntN(3) == 0 {
			return " \t\x00\x1f\x7f\x80Aaz@[`{"[rng.IntN(13)]
		}
		return byte(rng.IntN(256))
	}
	for c := range 256 {
		for at := range 8 {
			for range 20 {
				var b [8]byte
				for i := range b {
					b[i] = pick()
				}
				b[at] = byte(c)
				x := load8(string(b[:]), 0)
				okWant, letters := true, uint64(0)
				var sp uint64
				for i, ch := range b {
					if ch >= 0x80 || ch < 0x20 || ch == 0x7f || ch == ' ' && i > 0 && b[i-1] == ' ' {
						okWant = false
					}
					if ch == ' ' {
						sp |= 0x80 << (8 * i)
					}
					if 'a' <= ch|0x20 && ch|0x20 <= 'z' && ch < 0x80 {
						letters |= 0x80 << (8 * i)
					}
				}
				gotSp, ok := plainASCII8(x)
				if ok != okWant || ok && gotSp != sp {
					t.Fatalf("plainASCII8(%q) = %#x, %v; want %#x, %v", b, gotSp, ok, sp, okWant)
				}
				noControl := true
				for _, ch := range b {
					noControl = noControl && ch >= 0x20 && ch != 0x7f
				}
				if noControl8(x) != noControl {
					t.Fatalf("noControl8(%q) = %v, want %v", b, !noControl, noControl)
				}
				if x&highs == 0 && asciiLetters8(x) != letters {
					t.Fatalf("asciiLetters8(%q) = %#x, want %#x", b, asciiLetters8(x), letters)
				}
			}
		}
	}
}
