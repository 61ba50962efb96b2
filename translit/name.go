package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize returns the normalised form of a name as names are compared:
// the Word of each of its words separated by single spaces, hyphens and
// punctuation treated as spaces ("Kata’ib  Hezbollah" → "kataib hezbollah").
func Normalize(name string) string {
	words, _ := Split(name)
	return strings.Join(words, " ")
}

// NameKeys returns the skeleton keys of a name's significant words (Keys
// over Split).
func NameKeys(name string) []string {
	return Keys(Split(name))
}

// Split cuts a name into its words, each normalised by Word, as the
// extractor's tokenizer cuts running text: letters and digits with inner
// apostrophes, the dots of an initialism ("U.S."), a possessive ’s cut off,
// two words written together cut apart ("PressTV"); everything else
// separates. joined[i] reports that word i is
// hyphen-joined to word i+1 ("al-Asad").
func Split(name string) (words []string, joined []bool) {
	i := 0
	for i < len(name) {
		r, size := utf8.DecodeRuneInString(name[i:])
		if !isWordRune(r) {
			if isDash(r) && len(words) > 0 && i > 0 && endsWord(name[:i]) && startsWord(name[i+size:]) {
				joined[len(joined)-1] = true
			}
			i += size
			continue
		}
		end := scanWord(name, i)
		w := name[i:end]
		if p := possessive(w); p > 0 {
			w = w[:p]
		}
		for _, part := range unglue(w) {
			words = append(words, Word(part))
			joined = append(joined, false)
		}
		i = end
	}
	return words, joined
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isWordRune(r)
}

// scanWord returns the end of the word starting at i: word runes, inner
// apostrophes before a letter, and the dots of an initialism (U.S., U.N.).
func scanWord(s string, i int) int {
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			i += size
			continue
		case IsApostrophe(r) && i > start:
			if r2, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.IsLetter(r2) {
				i += size
				continue
			}
		case r == '.' && initialism(s, start, i):
			return skipInitials(s, i)
		}
		return i
	}
	return i
}

// initialism reports a word of one upper-case letter followed, after the
// dot at i, by another upper-case letter and a dot.
func initialism(s string, start, i int) bool {
	r, size := utf8.DecodeRuneInString(s[start:])
	if start+size != i || !unicode.IsUpper(r) {
		return false
	}
	r2, s2 := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsUpper(r2) && i+1+s2 < len(s) && s[i+1+s2] == '.'
}

// skipInitials returns the end of the initialism whose first dot is at i.
func skipInitials(s string, i int) int {
	for i+1 < len(s) && s[i] == '.' && s[i+1] >= 'A' && s[i+1] <= 'Z' && (i+2 == len(s) || s[i+2] == '.') {
		i += 2
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	return i
}

// unglue cuts a word where two were written together ("PressTV",
// "CommentIraq"): at an upper-case letter after at least three lower-case
// ones, as the tokenizer does.
func unglue(w string) []string {
	var parts []string
	lower, start := 0, 0
	for j, r := range w {
		switch {
		case unicode.IsUpper(r) && lower >= 3:
			parts = append(parts, w[start:j])
			start, lower = j, 0
		case unicode.IsLower(r):
			lower++
		default:
			lower = 0
		}
	}
	return append(parts, w[start:])
}

// possessive returns where a final ’s / 's starts in a word, or 0.
func possessive(w string) int {
	n := len(w)
	if n < 3 || (w[n-1] != 's' && w[n-1] != 'S') {
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(w[:n-1])
	if !IsApostrophe(r) {
		return 0
	}
	return n - 1 - size
}
