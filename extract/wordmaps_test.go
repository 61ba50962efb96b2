package extract

import "testing"

// TestWordMaps holds the look-ups by word number (oneWordName, headOf,
// leadHeadOf, the border flag) to the maps they answer for, on every word of the
// embedded lexicon's vocab, every key of the maps and words outside the
// vocab, each as the tokeniser numbers it.
func TestWordMaps(t *testing.T) {
	lx := DefaultLexicon()
	if lx.wordMaps != (wordMaps{}) {
		t.Errorf("wordMaps = %+v: a key outside the vocab makes tokens of number 0 hash their text", lx.wordMaps)
	}
	words := []string{"", "sunima", "Brigades", "a b", "ministry", "zzzqx", "al-Nujaba"}
	for w := range lx.words.all() {
		words = append(words, w)
	}
	for _, m := range []map[string]string{lx.heads, lx.leadHeads} {
		for w := range m {
			words = append(words, w, w+"x")
		}
	}
	for w := range lx.byName {
		words = append(words, w)
	}
	for w := range lx.borderHeads {
		words = append(words, w, w+"s")
	}
	for _, w := range words {
		tok := token{norm: w, id: lx.words.id(w)} // as numberTokens numbers it
		if got, want := lx.oneWordName(&tok), lx.byName[w]; got != want {
			t.Errorf("oneWordName(%q) = %v, byName has %v", w, got, want)
		}
		if got, want := lx.headOf(&tok), lx.heads[w]; got != want {
			t.Errorf("headOf(%q) = %q, heads has %q", w, got, want)
		}
		if got, want := lx.leadHeadOf(&tok), lx.leadHeads[w]; got != want {
			t.Errorf("leadHeadOf(%q) = %q, leadHeads has %q", w, got, want)
		}
		if got, want := lx.byWord[tok.id].border, lx.borderHeads[w]; got != want {
			t.Errorf("byWord border of %q = %v, borderHeads has %v", w, got, want)
		}
	}
}
