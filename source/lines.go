package source

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// byteClass classifies ASCII bytes for the tight loops.
var byteClass [256]uint8

const (
	bcLetter    = 1 << iota // ASCII letter
	bcControl               // a C0 control other than \t \n \r \f \v, or DEL
	bcNeedsTidy             // a byte tidyLine must look at: a control or \t \n \r \f \v
)

func init() {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			byteClass[c] = bcLetter
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			byteClass[c] = bcNeedsTidy
		case c < 0x20 || c == 0x7f:
			byteClass[c] = bcControl | bcNeedsTidy
		}
	}
}

// tidyLine normalises the whitespace of one line: every run of Unicode
// white space or control characters becomes one ASCII space, the ends are
// trimmed, and invisible zero-width spaces and byte-order marks are
// dropped. Nothing else is touched. Lines that need no change (the usual
// case) are returned without copying.
func tidyLine(s string) string {
	clean := true
	prevSpace := true // a leading space needs work too
	for i := 0; i < len(s); i++ {
		// Eight ASCII bytes at once, when none is a control and no two
		// spaces are together (plainASCII8): most of a text. Any other
		// eight are read a byte at a time, as before.
		for i+8 <= len(s) {
			sp, ok := plainASCII8(load8(s, i))
			if !ok || prevSpace && sp&0x80 != 0 {
				break
			}
			prevSpace = sp>>63 != 0
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			// Non-ASCII: U+00A0, U+2000.., U+200B, U+FEFF and C1 controls
			// need work; other multi-byte runes are fine.
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200B' || r == '\uFEFF' || r == utf8.RuneError {
				clean = false
				break
			}
			prevSpace = false
			i += size - 1
			continue
		}
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		if byteClass[c]&bcNeedsTidy != 0 {
			clean = false
			break
		}
		prevSpace = false
	}
	if clean && !prevSpace {
		return s
	}
	if clean && s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case r == '\u200B' || r == '\uFEFF':
			continue
		case r == utf8.RuneError:
			// Only reachable for invalid input (Parse rejects it); keep
			// the output valid UTF-8 whatever comes in.
			r = '\uFFFD'
		case unicode.IsSpace(r) || unicode.IsControl(r):
			pending = true
			continue
		}
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
	}
	return b.String()
}

// script is a writing system, as far as cleaning needs to tell them apart.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptArabic
	scriptCyrillic
	scriptGreek
	scriptHebrew
	scriptHan
	scriptKana
	scriptHangul
	scriptDevanagari
	scriptThai
	scriptOther
	numScripts
)

var scriptTables = []struct {
	s script
	t *unicode.RangeTable
}{
	{scriptLatin, unicode.Latin},
	{scriptArabic, unicode.Arabic},
	{scriptCyrillic, unicode.Cyrillic},
	{scriptGreek, unicode.Greek},
	{scriptHebrew, unicode.Hebrew},
	{scriptHan, unicode.Han},
	{scriptKana, unicode.Hiragana},
	{scriptKana, unicode.Katakana},
	{scriptHangul, unicode.Hangul},
	{scriptDevanagari, unicode.Devanagari},
	{scriptThai, unicode.Thai},
}

// runeScript is the script of a letter, scriptNone for anything else.
func runeScript(r rune) script {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	}
	if !unicode.IsLetter(r) {
		return scriptNone
	}
	switch {
	case r < 0x250:
		return scriptLatin
	case 0x600 <= r && r <= 0x6FF:
		return scriptArabic
	case 0x400 <= r && r <= 0x4FF:
		return scriptCyrillic
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	return scriptOther
}

// scriptCounts counts the letters of s by script.
type scriptCounts [numScripts]int

func (c *scriptCounts) add(s string) {
	for i := 0; i < len(s); i++ {
		for i+8 <= len(s) { // eight ASCII bytes at once
			x := load8(s, i)
			if x&highs != 0 {
				break
			}
			c[scriptLatin] += bits.OnesCount64(asciiLetters8(x))
			i += 8
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			c[scriptLatin] += int(byteClass[b] & bcLetter)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		c[runeScript(r)]++
		i += size - 1
	}
}

func (c *scriptCounts) letters() int {
	n := 0
	for s := scriptLatin; s < numScripts; s++ {
		n += c[s]
	}
	return n
}

// main is the script with the most letters (scriptNone if no letters).
func (c *scriptCounts) main() script {
	best := scriptNone
	for s := scriptLatin; s < numScripts; s++ {
		if c[s] > c[best] || best == scriptNone && c[s] > 0 {
			best = s
		}
	}
	return best
}

// foreignLine reports whether a line is predominantly (more than half of
// its letters) in another script than main.
func foreignLine(s string, main script) bool {
	if main == scriptNone {
		return false
	}
	// Fast path: a pure-ASCII line is all Latin (or has no letters).
	if isASCII(s) {
		return main != scriptLatin && hasASCIILetter(s)
	}
	var c scriptCounts
	c.add(s)
	n := c.letters()
	return n > 0 && c[main]*2 < n
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i] | 0x20
		if 'a' <= b && b <= 'z' {
			return true
		}
	}
	return false
}

// hasLetterOrDigit reports whether s has any letter or digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasLetter reports whether s has any letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// longestLetterRun is the length, in runes, of the longest run of letters.
func longestLetterRun(s string) int {
	best, cur := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			cur++
			if cur > best {
				best = cur
			}
		} else {
			cur = 0
		}
	}
	return best
}

// wordCount counts the space-separated tokens that hold a letter or digit.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if hasLetterOrDigit(w) {
			n++
		}
	}
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isClosing reports closing quotes and brackets that may follow the end of
// a sentence.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '»', '”', '’', '›':
		return true
	}
	return false
}

// isOpening reports opening quotes and brackets that may start a sentence.
func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '«', '“', '‘', '‹':
		return true
	}
	return false
}

// endsSentence reports whether a line ends like a sentence: with
// terminal punctuation, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…' || r == ':' || r == ';':
			return true
		case isClosing(r) || r == '*':
			s = s[:len(s)-size]
			continue
		}
		return false
	}
	return false
}

// endsMidSentence reports whether a line breaks off in the middle of a
// sentence: it ends with a lowercase letter or a comma.
func endsMidSentence(s string) bool {
	r := lastRune(s)
	return unicode.IsLower(r) || r == ','
}

func startsLower(s string) bool {
	return unicode.IsLower(firstRune(s))
}

func isUpper(r rune) bool { return unicode.IsUpper(r) }
func isLower(r rune) bool { return unicode.IsLower(r) }

// The lines are read eight bytes at a time where they are plain ASCII, the
// bytes of a uint64 (load8) tested at once: highs has each byte's top bit,
// set only in a byte that is not ASCII.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// load8 is s[i:i+8] as a little-endian uint64 (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes has the top bit of each byte of y that is 0, and no other bit.
func zeroBytes(y uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((y&lows + lows) | y | lows)
}

// plainASCII8 reports whether the eight bytes of x are ASCII, none of
// them a control (below 0x20, or DEL) and no two neighbours spaces; sp
// has the top bit of each space.
func plainASCII8(x uint64) (sp uint64, ok bool) {
	if x&highs != 0 {
		return 0, false
	}
	sp = zeroBytes(x ^ ones*' ')
	return sp, noControl8(x) && sp&(sp>>8) == 0
}

// noControl8 reports whether none of the eight bytes of x is below 0x20
// or DEL: a control, or \t, \n, \r, \f, \v. (x - 0x20…) &^ x has a top
// bit where some byte is below 0x20: a borrow may set the bit of a byte
// above it, but only when one is, and a byte that is not ASCII neither
// borrows nor keeps its bit.
func noControl8(x uint64) bool {
	return (x-ones*0x20)&^x&highs == 0 && zeroBytes(x^ones*0x7f) == 0
}

// isASCII reports whether every byte of s is ASCII.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load8(s, i)&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLetters8 has the top bit of each ASCII letter among the eight ASCII
// bytes of x: a byte with 0x20 set is a-z exactly when it was a letter.
func asciiLetters8(x uint64) uint64 {
	l := x | ones*0x20
	return (l + ones*(0x80-'a')) &^ (l + ones*(0x80-'z'-1)) & highs
}
