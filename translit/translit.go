// Package translit is newsgraph's one authority on how a name is spelled
// for comparison: the exact key of a word (case, diacritics and
// apostrophes folded) and the transliteration skeleton of a name (the
// letter pairs that render one Arabic or Persian sound folded, vowels
// dropped). The extractor keys its lexicon and resolves names with it, and
// the read side (names, and through it every command and route that takes
// a name) looks names up with it, so a spelling that the extractor merges
// into one entity is one that a user can type to find it.
//
// It depends on nothing of newsgraph's, so that the read side can use it
// without linking the extractor.
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/unicode/norm"
)

// Normalisation works on two levels.
//
// Word gives the exact key of a token: lower case, diacritics folded,
// apostrophes dropped ("Kata’ib" → "kataib", "Şarku’l" → "sharkul"). The
// extractor's lexicon trie is keyed by it, so it must be cheap and
// allocation-free for ASCII words, which are nearly all words of an
// English article.
//
// Skeleton gives the transliteration key of a name token: letter pairs that
// render one Arabic or Persian sound folded (dh/z, kh/h, gh/q/k, w/v, ph/f,
// Turkish c/j, ş/sh), vowels dropped and doubled letters collapsed.
// "Husayni", "Huseyni" and "Husseini" share one skeleton; "Allawi" and
// "Musawi" do not. Keys applies it to the significant words of a name,
// articles dropped and fused articles split off.

// IsApostrophe reports the characters that write a hamza, an ayn or an
// English apostrophe; inside a word they vanish from keys.
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', 'ʿ', 'ʾ', '´':
		return true
	}
	return false
}

// Fold maps a rune to its lower-case ASCII base letter where it has one
// (é → e, ş → s, ı → i), and otherwise to its lower-case form.
func Fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch r {
	case 'ı', 'İ':
		return 'i'
	case 'ß':
		return 's'
	case 'ø', 'Ø':
		return 'o'
	case 'đ', 'Đ':
		return 'd'
	case 'ł', 'Ł':
		return 'l'
	}
	// Decompose and keep the base letter when it is ASCII.
	var buf [utf8.UTFMax * 4]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Append(nil, buf[:n]...)
	if b, size := utf8.DecodeRune(d); size > 0 && b < utf8.RuneSelf && size < len(d) {
		return unicode.ToLower(b)
	}
	return unicode.ToLower(r)
}

// Word returns the exact key of a word: folded, lower case, without
// apostrophes or dots ("U.S." → "us").
func Word(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\'' || c == '.' || c == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if LowerASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case IsApostrophe(r) || r == '.' || unicode.Is(unicode.Mn, r):
			continue
		case r == 'ş' || r == 'Ş' || r == 'š' || r == 'Š':
			// Turkish and Czech-style sh: Şarku'l Avsat = Sharq al-Awsat.
			b.WriteString("sh")
			continue
		}
		b.WriteRune(Fold(r))
	}
	return b.String()
}

// LowerASCII reports an ASCII word whose only change under Word is case.
func LowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\'' || c == '.' || c == '`' {
			return false
		}
	}
	return true
}

// Articles are the Arabic definite article in its spellings, dropped from
// transliteration keys; English "the" likewise. Read only.
var Articles = map[string]bool{"al": true, "el": true, "ul": true, "il": true, "the": true}

// SunArticles are assimilated article spellings (ad-Din, ash-Sham) that
// are only articles when hyphen-joined to the next word. Read only.
var SunArticles = map[string]bool{"ad": true, "ar": true, "as": true, "at": true, "az": true, "an": true, "ash": true, "ath": true, "adh": true, "ed": true, "es": true, "er": true, "en": true}

// isArticle is Articles[w] and isSunArticle SunArticles[w], as switches:
// Keys asks them of every word of every name an article is scanned for,
// and a switch on a short string costs less than hashing it.
func isArticle(w string) bool {
	switch w {
	case "al", "el", "ul", "il", "the":
		return true
	}
	return false
}

func isSunArticle(w string) bool {
	switch w {
	case "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh", "ed", "es", "er", "en":
		return true
	}
	return false
}

// Keys returns the skeleton of every significant word of a name, in order,
// given its words already normalised by Word; joined[i] says that word i is
// hyphen-joined to word i+1 (nil: none is). Articles are dropped and fused
// articles split off ("Sayyidus" → "Sayyid", "Abdul" → "Abd"). An empty
// result means the name has no significant word.
func Keys(words []string, joined []bool) []string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		if isArticle(w) || (joined != nil && joined[i] && isSunArticle(w)) {
			continue
		}
		abd, rest := Parts(w, i+1 < len(words))
		if abd {
			out = append(out, AbdKey)
		}
		if rest != "" {
			out = append(out, Skeleton(rest))
		}
	}
	return out
}

// AbdKey is the skeleton of "abd" split off "Abdul", "Abdel".
var AbdKey = Skeleton("abd")

// Parts cuts one significant word into the parts that have a skeleton key
// each: a fused trailing article ("Sayyidus", "Şarku'l") is cut only when
// another name word follows (beforeName), where the izafe form occurs;
// "Abdul" is "Abd" (abd) plus an article, and rest is the remainder.
func Parts(w string, beforeName bool) (abd bool, rest string) {
	if beforeName && len(w) >= 6 && (strings.HasSuffix(w, "ul") || strings.HasSuffix(w, "us")) {
		w = w[:len(w)-2]
	}
	if len(w) >= 5 && strings.HasPrefix(w, "abd") {
		switch w[3:5] {
		case "ul", "el", "al", "ol":
			return true, w[5:]
		}
	}
	return false, w
}

// Skeleton folds one normalised word to its consonant skeleton. A leading
// vowel is kept as 'V' so that "Ain" and "Ayn" agree but differ from "Nin".
func Skeleton(w string) string {
	if w == "" {
		return ""
	}
	// Folded into a buffer on the stack and copied once into the string:
	// fold appending to nil grew a slice on the heap for every word.
	var buf [32]byte
	return string(fold(buf[:0], w, false))
}

// AppendSkeleton appends the skeleton of w to b, for callers that walk
// keys without making strings of them.
func AppendSkeleton(b []byte, w string) []byte {
	return fold(b, w, false)
}

// Shape folds one normalised word as Skeleton does, but keeps each run of
// vowels after the first letter as one 'V': "Koniko" and "Conoco" are
// both kVnVkV, where "Counter" (kVntVr) and "Quneitra" (kVnVtrV) share
// only their skeleton.
func Shape(w string) string {
	var buf [32]byte // as in Skeleton
	return string(fold(buf[:0], w, true))
}

// fold appends w's consonants, folded to one letter per sound, to b; a
// vowel is 'V' at the start, and elsewhere 'V' when vowels is set (Shape)
// or nothing (the skeleton).
func fold(b []byte, w string, vowels bool) []byte {
	var last byte
	emit := func(c byte) {
		if c != last {
			b = append(b, c)
		}
		last = c
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		if c >= utf8.RuneSelf {
			// Letters without an ASCII base (Arabic script, say) keep their bytes.
			emit(c)
			last = 0
			continue
		}
		if k, pair := pairKey(c, next); pair {
			emit(k)
			i++
			continue
		}
		switch {
		case c == 'c':
			// Turkish c is English j (Cafer = Jafar) before a front vowel or
			// a; elsewhere c is k (Conoco = Koniko).
			if i == 0 && (next == 'a' || next == 'e' || next == 'i') {
				emit('j')
			} else {
				emit('k')
			}
		case c == 'y' && (i == 0 || i == len(w)-1 && i > 0 && !isVowel(w[i-1])):
			// Initial y is a consonant; a final y after a consonant keeps
			// English words apart (Ministry/Minister).
			emit('y')
		case isVowel(c) && (i == 0 || vowels):
			emit('V')
		case isVowel(c):
			// Vowels vanish but still separate doubled consonants
			// ("Hanan" keeps both n).
			last = 0
		default:
			emit(single(c))
		}
	}
	return b
}

// SpeltNear reports whether two words that share a skeleton are spellings
// of one name: their shapes differ by at most one letter in four (and
// always may by one). Transliterations differ in their vowels' letters
// and a letter or so ("Qamishlo", "Sweida", "Kiniko"); a given name or an
// English word that only shares a place's consonants differs in where its
// vowels fall ("Mohammed" and "Mahmudiya", "Tens" and "Tennessee").
func SpeltNear(a, b string) bool {
	x, y := Shape(a), Shape(b)
	return levenshtein.ComputeDistance(x, y) <= max(1, max(len(x), len(y))/4)
}

// pairKey folds the letter pairs that write one sound: dh and zh are z,
// th t, kh h, sh and ch S, gh k (Ghaani = Qaani), ph f.
func pairKey(c, next byte) (byte, bool) {
	if next != 'h' {
		return 0, false
	}
	switch c {
	case 'd', 'z':
		return 'z', true
	case 't':
		return 't', true
	case 'k':
		return 'h', true
	case 's', 'c':
		return 'S', true
	case 'g':
		return 'k', true
	case 'p':
		return 'f', true
	}
	return 0, false
}

// single folds the single letters that write one sound two ways: q is k,
// and w is v (Allawi/Allavi, Awsat/Avsat in Turkish and Persian styles).
func single(c byte) byte {
	switch c {
	case 'q':
		return 'k'
	case 'w':
		return 'v'
	}
	return c
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
