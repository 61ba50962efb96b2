package source

import (
	"math/rand"
	"testing"
)

// TestMayHaveMonth checks that findDate skips the word regexps only where
// neither can match: on date lines of every form and on random strings of
// month words, digits, letters and a few non-ASCII runes.
func TestMayHaveMonth(t *testing.T) {
	lines := []string{
		"5 January 2020", "January 5, 2020", "5th of SEPT. 2021", "Dec 31 1999", "ſeptember 3, 2020",
		"2023-04-02", "Al Mayadeen | 2023-04-02", "Published: 03/04/2024", "MAY 1 2020", "mAr 3, 2001",
	}
	parts := []string{"jan", "Feb", "MARCH", "apr", "may", "June", "jul", "AUG", "sept", "oct", "Nov", "dec",
		"ja", "n", " ", ", ", "of ", "1", "12", "3rd ", "2020", "-", "/", ".", "ſ", "é", "x", "Q", "\u212a"}
	rng := rand.New(rand.NewSource(3))
	for range 20000 {
		s := ""
		for range rng.Intn(8) {
			s += parts[rng.Intn(len(parts))]
		}
		lines = append(lines, s)
	}
	for _, s := range lines {
		if !mayHaveMonth(s) && (dmyWordRe.MatchString(s) || mdyWordRe.MatchString(s)) {
			t.Errorf("mayHaveMonth(%q) = false, and a word regexp matches", s)
		}
	}
}
