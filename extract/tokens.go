package extract

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota // letters (and digits) with inner apostrophes
	tNum                  // digits with inner separators: 2,500  4.5
	tPunct                // any other single character, or a run of dots
	tQuote                // a quotation mark: “ ” " « » ‹ › and quoting ‘ ’ '
	tPoss                 // the possessive ’s / 's
)

// token is one token of an article, as byte offsets into its text. The
// small fields are grouped after the words so that a token takes 48 bytes:
// an article has thousands of them.
type token struct {
	start, end int
	norm       string // exact key (normWord) for words and numbers; the character for punctuation
	nl         int32  // line breaks in the whitespace before it
	id         wordID // norm's number in the lexicon's vocab (numberTokens), 0 if it has none
	kind       tokKind
	cap        bool // first letter is upper case
	allCaps    bool // every letter is upper case (and there are at least two)
	hyph       bool // joined to the previous token by a hyphen ("al-Nujaba", "Iran-backed")
	space      bool // whitespace (or a hyphen) precedes it
	glued      bool // split off a word that ran two sentences together ("CommentIraq")
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '‹', '›', '„':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// numberTokens sets the word number of each token from words. A few
// hundred words ("the", ",", "in") make most of a text: a small table of
// the last word seen in each of its slots, picked by a cheap hash, answers
// them before the vocab's map, whose look-ups missed the cache.
func numberTokens(toks []token, words *vocab) {
	var seen [256]struct {
		w  string
		id wordID
	}
	for i := range toks {
		w := toks[i].norm
		if w == "" { // a word of combining marks alone
			toks[i].id = words.id(w)
			continue
		}
		c := &seen[(len(w)*31+int(w[0])*7+int(w[len(w)-1]))&255]
		if c.w != w {
			c.w, c.id = w, words.id(w)
		}
		toks[i].id = c.id
	}
}

// tokenize splits text into tokens. It never fails: every byte of the text
// is either whitespace or inside exactly one token, so evidence spans built
// from token offsets are always verbatim substrings.
func tokenize(text string) []token { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to toks[:0], so that a caller can
// reuse the token buffer of an earlier text.
func tokenizeInto(toks []token, text string) []token {
	toks = toks[:0]
	if cap(toks) == 0 {
		toks = make([]token, 0, len(text)/4+1)
	}
	// The exact key of a plain ASCII word is its lower-case form: a slice
	// of one lower-cased copy of the text (made on first need), not a
	// string per word.
	var lower string
	i := 0
	nl := int32(0)
	space := true
	hyph := false
	openSingle := false // an opening ‘ or ' is pending on this line
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			nl++
			space = true
			openSingle = false
			i += size
			continue
		case separator(r, size):
			space = true
			i += size
			continue
		}
		// A hyphen between two word characters joins them; so does one
		// set off by a stray space before a lower-case word after a
		// capitalised one ("Iranian -backed militias" in translated copy).
		// An en dash with no space either side joins the two sides of a
		// compound ("the Israel–Hamas war"), as typeset copy writes it.
		if (isDash(r) || r == '–') && len(toks) > 0 && (toks[len(toks)-1].kind == tWord || toks[len(toks)-1].kind == tNum) {
			prev := &toks[len(toks)-1]
			r2, _ := utf8.DecodeRuneInString(text[i+size:])
			if !space && prev.end == i && isWordRune(r2) || isDash(r) && prev.end == i-1 && text[i-1] == ' ' && prev.cap && 'a' <= r2 && r2 <= 'z' {
				hyph, space = true, false
				i += size
				continue
			}
		}
		start := i
		t := token{start: start, space: space, nl: nl, hyph: hyph}
		nl, space, hyph = 0, false, false
		switch {
		case isWordRune(r):
			if end, c, ok := plainWord(text, i); ok {
				// Most words, in one walk (scanWord, possessiveStart and
				// appendWord would each walk it).
				t.end, i = end, end
				t.kind = tWord
				if c.letters == 0 {
					t.kind = tNum
				}
				toks = append(toks, t)
				finishWord(&toks[len(toks)-1], text, &lower, c)
				continue
			}
			i = scanWord(text, i)
			t.end = i
			t.kind = tWord
			if unicode.IsDigit(r) {
				t.kind = tNum
				for j := start; j < i; j++ {
					if c := text[j]; c >= 'A' && c <= 'z' {
						t.kind = tWord // 4th, 2nd, K1
						break
					}
				}
			}
			// The possessive is its own token.
			if p := possessiveStart(text[t.start:t.end]); p > 0 {
				t.end = t.start + p
				i = t.end
			}
			toks = appendWord(toks, text, &lower, t)
			continue
		case isApostrophe(r):
			if possessiveStart(text[i:min(len(text), i+size+1)]) == 0 && !t.space && len(toks) > 0 && toks[len(toks)-1].end == i &&
				(i+size+1 == len(text) || !startsWord(text[i+size+1:])) {
				t.end, t.kind, t.norm = i+size+1, tPoss, "'s"
				i = t.end
				break
			}
			// A quoting apostrophe opens after a space and closes before one.
			t.end = i + size
			i += size
			opening := r == '‘' || t.space || len(toks) == 0
			if opening || openSingle {
				t.kind, t.norm = tQuote, "'"
				openSingle = opening
				break
			}
			// A word-final apostrophe outside quotes ("Shia’ Al Sudani")
			// belongs to the word before it.
			if len(toks) > 0 && toks[len(toks)-1].end == start && toks[len(toks)-1].kind == tWord {
				toks[len(toks)-1].end = t.end
				continue
			}
			t.kind, t.norm = tPunct, "'"
		case isQuoteRune(r):
			t.end = i + size
			i += size
			t.kind, t.norm = tQuote, `"`
		case r == '.':
			j := i
			for j < len(text) && text[j] == '.' {
				j++
			}
			t.end, i = j, j
			t.kind, t.norm = tPunct, text[start:j]
		default:
			t.end = i + size
			i += size
			t.kind, t.norm = tPunct, text[start:t.end]
			if r == '…' {
				t.norm = "..."
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// separator reports whitespace, an invalid byte or a format character (a
// soft hyphen, a zero-width joiner), of size bytes: what stands between
// tokens without being one.
func separator(r rune, size int) bool {
	if r < utf8.RuneSelf { // most of a text, tested without the tables, inline
		return r == ' ' || '\t' <= r && r <= '\r' // unicode.IsSpace; no ASCII is invalid or Cf
	}
	return otherSeparator(r, size)
}

// otherSeparator is separator of a rune that is not ASCII.
func otherSeparator(r rune, size int) bool {
	return unicode.IsSpace(r) || r == utf8.RuneError && size <= 1 || unicode.Is(unicode.Cf, r)
}

// scanWord returns the end of the word starting at i: word runes with inner
// apostrophes, and the dots of an initialism (U.S., U.N.).
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		if c := text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if isApostrophe(r) && i > start {
			if r2, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(r2) {
				i += size
				continue
			}
		}
		// Digit groups: 2,500 and 4.5
		if (r == ',' || r == '.') && i > start && text[i-1] >= '0' && text[i-1] <= '9' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		// Initialisms: a single letter followed by a dot and another letter.
		if r == '.' && isInitial(text, start, i) {
			j := i + 1
			// A middle initial, "Donald J. Trump": the dot is the name's.
			if j+1 < len(text) && text[j] == ' ' && 'A' <= text[j+1] && text[j+1] <= 'Z' && start > 1 && text[start-1] == ' ' && 'a' <= text[start-2] && text[start-2] <= 'z' {
				return j
			}
			if j < len(text) {
				if r2, s2 := utf8.DecodeRuneInString(text[j:]); unicode.IsUpper(r2) {
					if k := j + s2; k < len(text) && text[k] == '.' {
						i = k + 1
						// U.S.A.
						for i+1 < len(text) && text[i] >= 'A' && text[i] <= 'Z' && text[i+1] == '.' {
							i += 2
						}
						return i
					} else if k+1 < len(text) && text[k] == ' ' && 'a' <= text[k+1] && text[k+1] <= 'z' {
						// "the U.S military": the final dot left out,
						// a lower-case word after it.
						return k
					}
				}
			}
		}
		break
	}
	return i
}

// plainWord reads the word at text[i] when it is plain: ASCII letters and
// digits, with no glued sentence in it (appendWord's split), ended by a
// byte that none of scanWord's cases takes on: not a byte of another
// script, an apostrophe (a possessive, "Kata'ib"), a dot or comma after a
// digit (2,500) or the dot after a lone capital (U.S.). It returns the
// word's end and its letters; ok is false for any other word, which
// scanWord and appendWord read.
func plainWord(text string, i int) (end int, c letterCount, ok bool) {
	lower := 0 // lower-case letters in a row
	j := i
loop:
	for ; j < len(text); j++ {
		switch b := text[j]; {
		case 'a' <= b && b <= 'z':
			lower++
			c.letters++
		case 'A' <= b && b <= 'Z':
			if lower >= 3 {
				return 0, c, false // "soldiersThe"
			}
			lower = 0
			c.letters++
			c.upper++
		case '0' <= b && b <= '9':
			lower = 0
			c.digits++
		default:
			break loop
		}
	}
	if j == i {
		return 0, c, false
	}
	if j < len(text) {
		switch b := text[j]; {
		case b >= utf8.RuneSelf, b == '\'', b == '`':
			return 0, c, false
		case b == '.' || b == ',':
			if last := text[j-1]; '0' <= last && last <= '9' || b == '.' && j == i+1 && c.upper == 1 {
				return 0, c, false
			}
		}
	}
	return j, c, true
}

// isInitial reports whether text[start:i] is one upper-case letter.
func isInitial(text string, start, i int) bool {
	r, size := utf8.DecodeRuneInString(text[start:])
	return start+size == i && unicode.IsUpper(r)
}

// possessiveStart returns the offset of a final ’s / 's in a word, or -1.
// A word that is only "’s" gives 0.
func possessiveStart(w string) int {
	n := len(w)
	if n < 2 || (w[n-1] != 's' && w[n-1] != 'S') {
		return -1
	}
	r, size := utf8.DecodeLastRuneInString(w[:n-1])
	if !isApostrophe(r) {
		return -1
	}
	return n - 1 - size
}

// startsWord reports whether s begins with a word character.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// appendWord appends a word token, splitting words that glue two sentences
// together ("CommentIraq", "soldiersThe"): a lower-to-upper step after at
// least three lower-case letters. The walk that looks for the step counts
// each part's letters for appendFinished.
func appendWord(toks []token, text string, lowered *string, t token) []token {
	lower := 0
	var c letterCount
	for j := t.start; j < t.end; {
		if b := text[j]; b < utf8.RuneSelf { // the tests below, inline
			switch {
			case 'a' <= b && b <= 'z':
				lower++
				c.letters++
			case 'A' <= b && b <= 'Z':
				if lower >= 3 {
					toks = appendFinished(toks, text, lowered, t, j, c)
					t, c = token{start: j, end: t.end, kind: tWord, glued: true}, letterCount{}
				}
				lower = 0
				c.letters++
				c.upper++
			case '0' <= b && b <= '9':
				lower = 0
				c.digits++
			case b == '\'' || b == '.' || b == '`':
				lower = 0
				c.other = true
			default:
				lower = 0
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsUpper(r) && lower >= 3:
			toks = appendFinished(toks, text, lowered, t, j, c)
			t, c = token{start: j, end: t.end, kind: tWord, glued: true}, letterCount{}
			lower = 0
		case unicode.IsLower(r):
			lower++
		default:
			lower = 0
		}
		c.other = true
		if unicode.IsLetter(r) {
			c.letters++
			if unicode.IsUpper(r) {
				c.upper++
			}
		}
		j += size
	}
	return appendFinished(toks, text, lowered, t, t.end, c)
}

// letterCount counts the letters, upper-case letters and ASCII digits of a
// word; other: it has a rune that is not ASCII.
type letterCount struct {
	letters, upper, digits int
	other                  bool // a byte that is not ASCII, or one of '.`, which normWord drops (not lowerASCII)
}

// appendFinished appends word t, cut to end, with its key and case flags
// (finishWord).
func appendFinished(toks []token, text string, lower *string, t token, end int, c letterCount) []token {
	t.end = end
	toks = append(toks, t)
	finishWord(&toks[len(toks)-1], text, lower, c)
	return toks
}

// finishWord sets word t's exact key and case flags, given its letters;
// lower caches the text with ASCII letters lower-cased (lowerASCIIText).
func finishWord(t *token, text string, lower *string, c letterCount) {
	s := text[t.start:t.end]
	switch {
	case c.other: // !translit.LowerASCII(s), known from the walk over s
		t.norm = normWord(s)
	case c.upper == 0:
		t.norm = s // normWord of such a word only folds case
	default:
		if *lower == "" {
			*lower = lowerASCIIText(text)
		}
		t.norm = (*lower)[t.start:t.end]
	}
	if s[0] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s)
		t.cap = unicode.IsUpper(r)
	} else {
		t.cap = 'A' <= s[0] && s[0] <= 'Z'
	}
	// "KH", "IRGC"; a code of one capital and digits too ("K1", "T4").
	t.allCaps = (c.letters >= 2 || c.letters == 1 && c.digits > 0) && c.upper == c.letters
}

// lowerASCIIText returns text with A-Z lower-cased and every other byte
// kept, so that offsets into text are offsets into the result. It lowers
// a chunk at a time in a buffer on the stack, eight bytes at once (lower8):
// it runs over every article's whole text.
func lowerASCIIText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	var buf [512]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		i := 0
		for ; i+8 <= n; i += 8 {
			binary.LittleEndian.PutUint64(buf[i:], lower8(binary.LittleEndian.Uint64(buf[i:])))
		}
		for ; i < n; i++ {
			if c := buf[i]; c-'A' < 26 {
				buf[i] = c + 'a' - 'A'
			}
		}
		b.Write(buf[:n])
		text = text[n:]
	}
	return b.String()
}

// lower8 lower-cases the A-Z bytes of x, eight bytes of text. Each byte's
// low seven bits plus 0x80-'A' carry into its top bit when they are at
// least 'A', plus 0x80-'Z'-1 when they are past 'Z' (no sum leaves its
// byte); a byte is A-Z when the first carries, the second does not and its
// own top bit is clear, and that bit, moved down to 0x20, lowers it.
func lower8(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := x &^ highs
	upper := (low + ones*(0x80-'A')) &^ (low + ones*(0x80-'Z'-1)) &^ x & highs
	return x | upper>>2
}
