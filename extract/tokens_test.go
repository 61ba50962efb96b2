package extract

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestLower8 checks lower8 on every byte value at every place of a word,
// among bytes of every kind.
func TestLower8(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for c := range 256 {
		for at := range 8 {
			x := rng.Uint64()
			x = x&^(0xff<<(8*at)) | uint64(c)<<(8*at)
			var want uint64
			for i := range 8 {
				b := byte(x >> (8 * i))
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				want |= uint64(b) << (8 * i)
			}
			if got := lower8(x); got != want {
				t.Fatalf("lower8(%#x) = %#x, want %#x", x, got, want)
			}
		}
	}
}

// TestWordKeys checks that every word and number the tokeniser makes has
// normWord of its text as its key (nameKeys takes it for that) and the
// case of its first letter, whichever way finishWord took (a slice of the
// text, of its lowered copy, or normWord itself), on random texts of words
// with capitals, apostrophes, initials, glued sentences, digits and other
// scripts.
func TestWordKeys(t *testing.T) {
	pieces := []string{"Kata'ib", "Hezbollah", "U.S.", "al-Asad", "IRGC", "K1", "2,500", "Şarku’l", "İstanbul",
		"ΣΟΦΙΑ", "قاعدة", "soldiersThe", "CommentIraq", "x̃", "o`clock", "Iran's", "Erbil.", "a", "THE", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
			b = append(b, " \n-,."[rng.IntN(5)])
		}
		text := string(b)
		for _, tok := range tokenize(text) {
			if tok.kind != tWord && tok.kind != tNum {
				continue
			}
			s := text[tok.start:tok.end]
			r, _ := utf8.DecodeRuneInString(s)
			if tok.norm != normWord(s) || tok.cap != unicode.IsUpper(r) {
				t.Errorf("token %q of %q: key %q, cap %v; want %q, %v", s, text, tok.norm, tok.cap, normWord(s), unicode.IsUpper(r))
			}
		}
	}
}

// TestPlainWord checks where plainWord reads a word and where it leaves it
// to scanWord and appendWord, and that, wherever it reads one, those two
// read the same single token, on random texts of the pieces of
// TestWordKeys.
func TestPlainWord(t *testing.T) {
	for _, tc := range []struct {
		text string
		end  int // 0: not plain
	}{
		{"Erbil said", 5},
		{"IRGC, the", 4},
		{"Erbil.", 5},
		{"K1 drones", 2},
		{"2024", 4},
		{"said-", 4},
		{"2,500", 0},
		{"4.5", 0},
		{"2.", 0},
		{"U.S.", 0},
		{"J. Trump", 0},
		{"Iran's", 0},
		{"Kata'ib", 0},
		{"o`clock", 0},
		{"soldiersThe", 0},
		{"Şarku", 0},
		{"Erbilé", 0},
		{"Iraq’s", 0},
		{" Erbil", 0},
	} {
		end, _, ok := plainWord(tc.text, 0)
		if !ok {
			end = 0
		}
		if end != tc.end {
			t.Errorf("plainWord(%q) ends at %d, want %d", tc.text, end, tc.end)
		}
	}
	pieces := []string{"Kata'ib", "Hezbollah", "U.S.", "al-Asad", "IRGC", "K1", "2,500", "Şarku’l", "İstanbul",
		"ΣΟΦΙΑ", "قاعدة", "soldiersThe", "CommentIraq", "x̃", "o`clock", "Iran's", "Erbil.", "a", "THE", "é", "4.5", "J."}
	rng := rand.New(rand.NewPCG(7, 8))
	plain := 0
	for range 3000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
			b = append(b, " \n-,.'"[rng.IntN(6)])
		}
		text := string(b)
		var lower string
		for i := range len(text) {
			end, c, ok := plainWord(text, i)
			if !ok || i > 0 && isWordRune(rune(text[i-1])) {
				continue
			}
			if e := scanWord(text, i); e != end || possessiveStart(text[i:e]) > 0 {
				t.Errorf("plainWord(%q, %d) ends at %d; scanWord at %d", text, i, end, e)
				continue
			}
			want := appendWord(nil, text, &lower, token{start: i, end: end, kind: tWord})
			got := token{start: i, end: end, kind: tWord}
			finishWord(&got, text, &lower, c)
			if len(want) != 1 || got != want[0] {
				t.Errorf("plainWord(%q, %d): %+v; appendWord %+v", text, i, got, want)
			}
			plain++
		}
	}
	if plain < 1000 {
		t.Errorf("%d plain words in the random texts; want 1,000 or more", plain)
	}
}
