package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file ports the string matching of score.py (norm, words,
// contains_words, mention_score) character for character. Python's string
// semantics are reproduced where they differ from Go's: str.lower() applies
// the full lowercase mapping (U+0130 becomes "i̇") and the Final_Sigma rule,
// the regexp class \s includes U+001C..U+001F, and \w is a letter, a number
// or "_" (combining marks are not word characters).

// quotes is score.py's QUOTES: typographic quotes and dashes folded to ASCII.
var quotes = map[rune]rune{
	'\u2018': '\'', '\u2019': '\'', '\u02bc': '\'',
	'\u201c': '"', '\u201d': '"', '\u00ab': '"', '\u00bb': '"',
	'\u2013': '-', '\u2014': '-',
}

// Norm is score.py's norm: NFKC, quotes and dashes folded to ASCII,
// lowercased, runs of white space collapsed to one space, the characters
// ` .,;:"'()` trimmed from both ends, and one leading "the " removed.
// Two surface forms name the same thing when their Norm is equal.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if q, ok := quotes[r]; ok {
			return q
		}
		return r
	}, s)
	s = pyLower(s)
	s = collapseSpace(s)
	s = strings.Trim(s, " .,;:\"'()")
	return strings.TrimPrefix(s, "the ")
}

// pyLower is Python's str.lower(): the full lowercase mapping, which differs
// from the simple one of unicode.ToLower only for U+0130, plus the
// Final_Sigma context rule for U+03A3.
func pyLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case '\u0130':
			b.WriteString("i\u0307")
		case '\u03a3':
			if finalSigma(rs, i) {
				b.WriteRune('\u03c2')
			} else {
				b.WriteRune('\u03c3')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] is in the
// Final_Sigma context: preceded by a cased letter and not followed by one,
// case-ignorable characters skipped on both sides (CPython's
// handle_capital_sigma).
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is Unicode's Case_Ignorable: the categories Mn, Me, Cf, Lm
// and Sk, and the Word_Break values MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00b7', '\u0387', '\u055f', '\u05f4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// pySpace is Python's \s for str patterns (str.isspace): Go's
// unicode.IsSpace plus the separators U+001C..U+001F.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// collapseSpace is re.sub(r"\s+", " ", s).
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inSpace := false
	for _, r := range s {
		if pySpace(r) {
			if !inSpace {
				b.WriteByte(' ')
			}
			inSpace = true
			continue
		}
		inSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

// wordRune is the character class [\w'-] of score.py's words.
func wordRune(r rune) bool {
	return r == '_' || r == '\'' || r == '-' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// words is score.py's words: re.findall(r"[\w'-]+", s).
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) })
}

// containsWords is score.py's contains_words: whether the words of small
// occur as a contiguous run in the words of big. It is false when small has
// no words.
func containsWords(big, small string) bool {
	b, sm := words(big), words(small)
	if len(sm) == 0 || len(sm) > len(b) {
		return false
	}
outer:
	for i := 0; i+len(sm) <= len(b); i++ {
		for k := range sm {
			if b[i+k] != sm[k] {
				continue outer
			}
		}
		return true
	}
	return false
}

// MentionScore is score.py's mention_score: 2 when mention and alias are
// equal after Norm; 1 when the shorter (in characters) is at least half as
// long as the longer and occurs in it as whole words; else 0.
func MentionScore(mention, alias string) int {
	return normedScore(Norm(mention), Norm(alias))
}

// normedScore is MentionScore of two strings already passed through Norm.
func normedScore(m, a string) int {
	if m == "" || a == "" {
		return 0
	}
	if m == a {
		return 2
	}
	short, long := m, a
	if utf8.RuneCountInString(m) > utf8.RuneCountInString(a) {
		short, long = a, m
	}
	if 2*utf8.RuneCountInString(short) >= utf8.RuneCountInString(long) && containsWords(long, short) {
		return 1
	}
	return 0
}
