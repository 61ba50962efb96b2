package source

import (
	"bytes"
	"iter"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Syndication: the same wire story runs under many mastheads. Two things
// give a copy away, and both are read here so that every extractor's
// records carry them: a credit to a wire service, and a text nearly the
// same as another's.

// wires are the wire services a credit names, by the forms they are
// credited with, mapped to one name each.
var wires = map[string]string{
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"reuters": "Reuters", "ap": "AP", "associated press": "AP", "the associated press": "AP",
	"xinhua": "Xinhua", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "aa": "Anadolu",
	"irna": "IRNA", "tasnim": "Tasnim", "dpa": "dpa", "efe": "EFE", "ians": "IANS",
}

// wireForms are the keys of wires, for mayCredit.
var wireForms = func() (forms [][]byte) {
	for w := range wires {
		forms = append(forms, []byte(w))
	}
	return forms
}()

// datelineCredit is "ERBIL (AFP) -": a parenthesised credit after the
// dateline, or at the text's start. It is matched at the start of a line
// (datelineCredits).
var datelineCredit = regexp.MustCompile(`^(?:[\p{Lu}][\p{Lu}\p{L} ,.'-]{0,40})?\(([^()\n]{2,40})\)\s*[-–—:]`)

// creditLine is a short line that only credits: "Reuters", "— AFP",
// "via Reuters", "Source: AP".
var creditLine = regexp.MustCompile(`(?im)^[\s\-–—(]*(?:via|source:|with|from)?\s*([\p{L} .'-]{2,30}?)[\s).]*$`)

// Credit returns the wire service the text credits, or "". It reads the
// dateline of the first lines and short lines that credit alone, so that
// "told Reuters" in a sentence is no credit.
func Credit(text string) string {
	head := text
	if len(head) > 1000 {
		head = head[:1000]
	}
	for credit := range datelineCredits(head) {
		if w, ok := wires[strings.ToLower(strings.TrimSpace(credit))]; ok {
			return w
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		if len(line) > 40 || !mayCredit(line) {
			continue
		}
		if m := creditLine.FindStringSubmatch(line); m != nil {
			if w, ok := wires[strings.ToLower(strings.TrimSpace(m[1]))]; ok {
				return w
			}
		}
	}
	return ""
}

// mayCredit reports whether line, of at most 40 bytes, may be a credit
// line of a wire in wires:
// it holds one of their forms in either case, or a byte that is not ASCII
// (a lower case of another script can be ASCII: U+212A, the Kelvin sign,
// is 'k'). The regexp with its submatches cost thousands of instructions
// a short line.
func mayCredit(line string) bool {
	var buf [40]byte
	lower, ascii := lowerASCII(buf[:0], line)
	if !ascii {
		return true
	}
	for _, w := range wireForms {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}

// lowerASCII appends s to b in lower case, a byte for a byte, and reports
// whether s was all ASCII; at the first byte that is not, it stops and
// returns false, since lowering another script may change the length or
// make an ASCII letter ('K' the Kelvin sign is 'k'). With b a buffer on
// the stack, it saves strings.ToLower's copy of a short line.
func lowerASCII(b []byte, s string) ([]byte, bool) {
	for i := range len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			return b, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// datelineCredits yields the credits datelineCredit finds in text, in
// order, as a search of every line start would. A match starts at a line
// start, and its bracket is on that line, so the regexp runs only where a
// line has a bracket: not at every byte of the text.
func datelineCredits(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		pos := 0 // where the search goes on: a line start, or the end of the last match
		for {
			i := strings.IndexByte(text[pos:], '(')
			if i < 0 {
				return
			}
			i += pos
			start := strings.LastIndexByte(text[:i], '\n') + 1
			if start >= pos || pos == 0 || text[pos-1] == '\n' {
				start = max(start, pos)
				if m := datelineCredit.FindStringSubmatchIndex(text[start:]); m != nil {
					if !yield(text[start+m[2] : start+m[3]]) {
						return
					}
					pos = start + m[1]
					continue
				}
			}
			next := strings.IndexByte(text[i:], '\n') // no match starts on this line
			if next < 0 {
				return
			}
			pos = i + next + 1
		}
	}
}

// Sketch returns the 64-bit SimHash of the text's word trigrams, as 16
// hex digits ("" for a text of fewer than three words). Copies that differ
// by a masthead, a line of boilerplate or a changed word are a few bits
// apart (Near); different stories about one event are about 32 apart.
func Sketch(text string) string {
	// The words are those of strings.FieldsFunc over strings.ToLower(text),
	// split at every rune that is neither a letter nor a digit. A trigram's
	// hash is the 64-bit FNV-1a hash of "a b c", and each word is in three
	// trigrams: as their last, middle and first word. So each byte of a
	// word, lowered, goes into three hashes at once, in one pass over the
	// text with no copy of it: the hash of the trigram the word ends, the
	// one begun at the word before, and one begun at this word (a sketch
	// hashed each word three times over, in a lowered copy of the text,
	// and was 5 % of the command's instructions).
	const offset, prime = 14695981039346656037, 1099511628211
	var c counter
	words := 0
	// ends: the hash of "a b " for the trigram that the next word ends;
	// middle: the hash of "b " for the trigram whose middle it is.
	var ends, middle uint64
	for i := 0; i < len(text); {
		for i < len(text) && asciiLower[text[i]] == 0 && text[i] < utf8.RuneSelf {
			i++ // an ASCII separator, most of those between words
		}
		if i == len(text) {
			break
		}
		h1, h2, h3 := ends, middle, uint64(offset) // the word as last, middle and first
		start := i
		for {
			// The word's ASCII letters and digits, in a loop of their own
			// on a copy of i: a loop that also decoded runes kept it in
			// memory across its calls, at every byte.
			j := i
			for j < len(text) {
				ch := uint64(asciiLower[text[j]])
				if ch == 0 {
					break
				}
				h1, h2, h3 = (h1^ch)*prime, (h2^ch)*prime, (h3^ch)*prime
				j++
			}
			i = j
			if i == len(text) || text[i] < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			r = unicode.ToLower(r) // an invalid byte stays utf8.RuneError, which splits as strings.ToLower's U+FFFD does
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += size
			var enc [utf8.UTFMax]byte // a lower case can be longer than its capital
			for _, ch := range utf8.AppendRune(enc[:0], r) {
				h1, h2, h3 = (h1^uint64(ch))*prime, (h2^uint64(ch))*prime, (h3^uint64(ch))*prime
			}
		}
		if i == start { // a separator: skip it
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if words++; words >= 3 {
			c.add(h1)
		}
		ends, middle = (h2^' ')*prime, (h3^' ')*prime
	}
	if words < 3 {
		return ""
	}
	var hex [16]byte
	h := c.majority()
	for k := range hex {
		hex[k] = "0123456789abcdef"[h>>(60-4*k)&15]
	}
	return string(hex[:])
}

// asciiLower maps an ASCII letter or digit to its lower case, and every
// other byte to 0.
var asciiLower = func() (t [256]byte) {
	for ch := range byte(utf8.RuneSelf) {
		switch {
		case 'A' <= ch && ch <= 'Z':
			t[ch] = ch + 'a' - 'A'
		case 'a' <= ch && ch <= 'z', '0' <= ch && ch <= '9':
			t[ch] = ch
		}
	}
	return t
}()

// counter counts, for each of the 64 bits, how many of the hashes added
// have it set. Each byte of a hash adds its eight bits to eight byte-wide
// counters at once (spread), which carry into the full counts before they
// can overflow: an addition per byte, not a branch or a shift per bit.
type counter struct {
	ones  [64]int
	lanes [8]uint64 // lanes[k], byte j: the count of bit 8k+j since the last carry
	n     int       // hashes added
	since int       // hashes added since the last carry
}

func (c *counter) add(h uint64) {
	// Unrolled: as a loop, each lane took a dozen instructions.
	c.lanes[0] += spread[byte(h)]
	c.lanes[1] += spread[byte(h>>8)]
	c.lanes[2] += spread[byte(h>>16)]
	c.lanes[3] += spread[byte(h>>24)]
	c.lanes[4] += spread[byte(h>>32)]
	c.lanes[5] += spread[byte(h>>40)]
	c.lanes[6] += spread[byte(h>>48)]
	c.lanes[7] += spread[byte(h>>56)]
	c.n++
	if c.since++; c.since == 255 {
		c.carry()
	}
}

func (c *counter) carry() {
	for k, l := range c.lanes {
		for j := range 8 {
			c.ones[8*k+j] += int(byte(l >> (8 * j)))
		}
		c.lanes[k] = 0
	}
	c.since = 0
}

// majority is the hash whose bits are set where most hashes added have
// them set.
func (c *counter) majority() uint64 {
	c.carry()
	var h uint64
	for b, o := range c.ones {
		if 2*o > c.n {
			h |= 1 << b
		}
	}
	return h
}

// spread[b] has byte j set to bit j of b.
var spread = func() (t [256]uint64) {
	for b := range t {
		for j := range 8 {
			t[b] |= uint64(b>>j&1) << (8 * j)
		}
	}
	return t
}()

// nearBits is how many bits two sketches may differ by for their texts to
// count as copies of one story: a masthead line and a paragraph of
// boilerplate added to a short wire story move its sketch up to 8 bits;
// other texts, even on the same event, differ by 19 and more (about 32 on average).
const nearBits = 10

// ParseSketch reads a sketch written by Sketch; false for none.
func ParseSketch(s string) (uint64, bool) {
	v, err := strconv.ParseUint(s, 16, 64)
	return v, err == nil && len(s) == 16
}

// Near reports whether two parsed sketches are of near-identical texts.
func Near(a, b uint64) bool { return bits.OnesCount64(a^b) <= nearBits }
