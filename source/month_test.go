package source

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestDatePrefilters checks that findDate skips a regexp only where it
// cannot match: the word regexps without a month's letters (mayHaveMonth),
// the numeric ones without a year beside a separator (yearSides), on date
// lines of every form and on random strings of month words, digits,
// separators, letters and a few non-ASCII runes.
func TestDatePrefilters(t *testing.T) {
	lines := []string{
		"5 January 2020", "January 5, 2020", "5th of SEPT. 2021", "Dec 31 1999", "ſeptember 3, 2020",
		"2023-04-02", "Al Mayadeen | 2023-04-02", "Published: 03/04/2024", "MAY 1 2020", "mAr 3, 2001",
		"2024-01-05T10:30:00+03:00", "26.03.2025", "5 Jan, 2020", "5 jan., 2020", "Sept. 3, 2021", "3 Mayadeen 2020",
		"1 OCTOBER\t2001", "x5 May 2020", "x2023-04-02", "2023-04-02x", "1.2.20234", "_2023.1.2",
	}
	parts := []string{"jan", "Feb", "MARCH", "apr", "may", "June", "jul", "AUG", "sept", "oct", "Nov", "dec",
		"ja", "n", " ", ", ", "of ", "1", "12", "3rd ", "2020", "2023", "-", "/", ".", "_", ":", "T", "Z",
		"Mayadeen", "sep.", "decided", "Jan,", "\t",
		"ſ", "é", "x", "Q", "\u212a"}
	rng := rand.New(rand.NewSource(3))
	for range 40000 {
		s := ""
		for range rng.Intn(10) {
			s += parts[rng.Intn(len(parts))]
		}
		lines = append(lines, s)
	}
	for _, s := range lines {
		if !mayHaveMonth(s) && (dmyWordRe.MatchString(s) || mdyWordRe.MatchString(s)) {
			t.Errorf("mayHaveMonth(%q) = false, and a word regexp matches", s)
		}
		iso, num := yearSides(s)
		if iso < 0 && isoDateRe.MatchString(s) || !num && numDateRe.MatchString(s) {
			t.Errorf("yearSides(%q) = %v, %v, and a numeric regexp matches", s, iso, num)
		}
		if want := isoDateRe.FindStringSubmatchIndex(s); iso >= 0 && !slices.Equal(isoDateAt(s, iso), want) {
			t.Errorf("isoDateAt(%q, %d) = %v, want %v", s, iso, isoDateAt(s, iso), want)
		}
	}
}

// TestValidDateFormat holds validDate's hand-made "YYYY-MM-DD" to
// fmt.Sprintf's "%04d-%02d-%02d" on every date it accepts.
func TestValidDateFormat(t *testing.T) {
	for y := 1890; y <= 2110; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				got, ok := validDate(y, m, d)
				if want := fmt.Sprintf("%04d-%02d-%02d", y, m, d); ok && got != want {
					t.Fatalf("validDate(%d, %d, %d) = %q, want %q", y, m, d, got, want)
				}
			}
		}
	}
}

// TestMayHaveTitleSep holds mayHaveTitleSep to a search for every one of
// titleSeps, on random titles of separators, their pieces and words.
func TestMayHaveTitleSep(t *testing.T) {
	parts := append([]string{" ", "|", "-", ":", "–", "—", "\xe2", "al-Asad", "Reuters", "x", "‒", "é"}, titleSeps...)
	rng := rand.New(rand.NewSource(19))
	for range 40000 {
		s := ""
		for range rng.Intn(8) {
			s += parts[rng.Intn(len(parts))]
		}
		has := false
		for _, sep := range titleSeps {
			has = has || strings.Contains(s, sep)
		}
		if has && !mayHaveTitleSep(s) {
			t.Errorf("mayHaveTitleSep(%q) = false, and it holds a separator", s)
		}
	}
}
