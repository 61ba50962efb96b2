package extract

import (
	"math/rand/v2"
	"testing"
)

// TestStrIndex holds a strIndex to a map on random keys of every length
// up to 20, from a small alphabet, so that many share their first, middle
// and last bytes (which alone hash a short key's tail): each key set is
// found with its number, and no other string is.
func TestStrIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(21))
		for i := range b {
			b[i] = "ab'"[r.IntN(3)]
		}
		return string(b)
	}
	var x strIndex
	want := map[string]int32{}
	for range 3000 {
		w := word()
		if want[w] == 0 {
			want[w] = int32(len(want) + 1)
			x.set(w, want[w])
		}
	}
	for w, v := range want {
		if got := x.get(w); got != v {
			t.Fatalf("get(%q) = %d, want %d", w, got, v)
		}
	}
	for range 3000 {
		if w := word(); x.get(w) != want[w] {
			t.Fatalf("get(%q) = %d, want %d", w, x.get(w), want[w])
		}
	}
}
