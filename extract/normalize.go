package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalisation works on two levels.
//
// normWord gives the exact key of a token: lower case, diacritics folded,
// apostrophes dropped ("Kata’ib" → "kataib", "Şarku’l" → "sarkul"). The
// lexicon trie is keyed by it, so it must be cheap and allocation-free for
// ASCII words, which are nearly all words of an English article.
//
// skeleton gives the transliteration key of a name token: articles and fused
// articles dropped, letter pairs that render one Arabic or Persian sound
// folded (dh/z, kh/h, q/k, w/v, ph/f, Turkish c/j, ş/sh), vowels dropped and
// doubled letters collapsed. "Husayni", "Huseyni" and "Husseini" share one
// skeleton; "Allawi" and "Musawi" do not. It is used only to compare names,
// token by token, never to find names in running text.

// isApostrophe reports the characters that write a hamza, an ayn or an
// English apostrophe; inside a word they vanish from keys.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', 'ʿ', 'ʾ', '´':
		return true
	}
	return false
}

// foldRune maps a rune to its lower-case ASCII base letter where it has one
// (é → e, ş → s, ı → i), and otherwise to its lower-case form.
func foldRune(r rune) rune {
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

// normWord returns the exact key of a word: folded, lower case, without
// apostrophes or dots ("U.S." → "us").
func normWord(s string) string {
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
	if lowerASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isApostrophe(r) || r == '.' || unicode.Is(unicode.Mn, r):
			continue
		case r == 'ş' || r == 'Ş' || r == 'š' || r == 'Š':
			// Turkish and Czech-style sh: Şarku'l Avsat = Sharq al-Awsat.
			b.WriteString("sh")
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// lowerASCII reports an ASCII word whose only change is case.
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\'' || c == '.' || c == '`' {
			return false
		}
	}
	return true
}

// Normalize returns the normalised form of a name as the resolver compares
// it: exact word keys separated by single spaces, hyphens and punctuation
// treated as spaces ("Kata’ib  Hezbollah" → "kataib hezbollah").
func Normalize(name string) string {
	var b strings.Builder
	for _, w := range splitName(name) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(normWord(w))
	}
	return b.String()
}

// splitName cuts a name into word tokens the way the tokenizer would:
// letters, digits and inner apostrophes; everything else separates, except
// the dots of an initialism ("U.S.").
func splitName(name string) []string {
	toks := tokenize(name)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.kind == tWord || t.kind == tNum {
			out = append(out, name[t.start:t.end])
		}
	}
	return out
}

// articles are the Arabic definite article in its spellings, dropped from
// transliteration keys; English "the" likewise.
var articles = map[string]bool{"al": true, "el": true, "ul": true, "il": true, "the": true}

// sunArticles are assimilated article spellings (ad-Din, ash-Sham) that are
// only articles when hyphen-joined to the next word.
var sunArticles = map[string]bool{"ad": true, "ar": true, "as": true, "at": true, "az": true, "an": true, "ash": true, "ath": true, "adh": true, "ed": true, "es": true, "er": true, "en": true}

// nameKeys returns the skeleton of every significant token of a name, in
// order: articles dropped, fused articles split off ("Sayyidus" → "Sayyid",
// "Abdul" → "Abd"). An empty result means the name has no significant token.
func nameKeys(name string) []string {
	toks := tokenize(name)
	words := make([]string, 0, len(toks))
	joined := make([]bool, 0, len(toks)) // joined[i]: word i is hyphen-joined to word i+1
	for _, t := range toks {
		if t.kind != tWord && t.kind != tNum {
			continue
		}
		if t.hyph && len(joined) > 0 {
			joined[len(joined)-1] = true
		}
		words = append(words, normWord(name[t.start:t.end]))
		joined = append(joined, false)
	}
	return wordKeys(words, joined)
}

// wordKeys is nameKeys over already normalised words.
func wordKeys(words []string, joined []bool) []string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		if articles[w] || (sunArticles[w] && joined != nil && joined[i]) {
			continue
		}
		abd, rest := skelParts(w, i+1 < len(words))
		if abd {
			out = append(out, abdSkel)
		}
		if rest != "" {
			out = append(out, skeleton(rest))
		}
	}
	return out
}

// abdSkel is the skeleton of "abd" split off "Abdul", "Abdel".
var abdSkel = skeleton("abd")

// skelParts cuts one significant word into the parts that have a
// skeleton key each: a fused
// trailing article ("Sayyidus", "Şarku'l") is cut only when another name
// word follows (beforeName), where the izafe form occurs; "Abdul" is "Abd"
// (abd) plus an article, and rest is the remainder.
func skelParts(w string, beforeName bool) (abd bool, rest string) {
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

// skeleton folds one normalised word to its consonant skeleton. A leading
// vowel is kept as 'V' so that "Ain" and "Ayn" agree but differ from "Nin".
func skeleton(w string) string {
	if w == "" {
		return ""
	}
	return string(appendSkeleton(nil, w))
}

// appendSkeleton appends the skeleton of w to b.
func appendSkeleton(b []byte, w string) []byte {
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
		switch {
		case c >= utf8.RuneSelf:
			// Letters without an ASCII base (Arabic script, say) keep their bytes.
			emit(c)
			last = 0
			continue
		case c == 'd' && next == 'h', c == 'z' && next == 'h':
			emit('z')
			i++
			continue
		case c == 't' && next == 'h':
			emit('t')
			i++
			continue
		case c == 'k' && next == 'h':
			emit('h')
			i++
			continue
		case c == 's' && next == 'h', c == 'c' && next == 'h':
			emit('S')
			i++
			continue
		case c == 'g' && next == 'h':
			emit('k')
			i++
			continue
		case c == 'p' && next == 'h':
			emit('f')
			i++
			continue
		case c == 'q':
			emit('k')
			continue
		case c == 'w':
			// w and v render one letter in Turkish and Persian styles
			// (Allawi/Allavi, Awsat/Avsat).
			emit('v')
			continue
		case c == 'c':
			// Turkish c is English j (Cafer = Jafar) before a front vowel or
			// a; elsewhere c is k (Conoco = Koniko).
			if i == 0 && (next == 'a' || next == 'e' || next == 'i') {
				emit('j')
			} else {
				emit('k')
			}
			continue
		case c == 'y' && (i == 0 || i == len(w)-1 && i > 0 && !isVowel(w[i-1])):
			// Initial y is a consonant; a final y after a consonant keeps
			// English words apart (Ministry/Minister).
			emit('y')
			continue
		case isVowel(c):
			if i == 0 {
				emit('V')
			} else {
				// Vowels vanish but still separate doubled consonants
				// ("Hanan" keeps both n).
				last = 0
			}
			continue
		}
		emit(c)
	}
	return b
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
