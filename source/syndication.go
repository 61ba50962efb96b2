package source

import (
	"fmt"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"unicode"
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

// datelineCredit is "ERBIL (AFP) -": a parenthesised credit after the
// dateline, or at the text's start.
var datelineCredit = regexp.MustCompile(`(?m)^(?:[\p{Lu}][\p{Lu}\p{L} ,.'-]{0,40})?\(([^()\n]{2,40})\)\s*[-–—:]`)

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
	for _, m := range datelineCredit.FindAllStringSubmatch(head, -1) {
		if w, ok := wires[strings.ToLower(strings.TrimSpace(m[1]))]; ok {
			return w
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if len(line) > 40 {
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

// Sketch returns the 64-bit SimHash of the text's word trigrams, as 16
// hex digits ("" for a text of fewer than three words). Copies that differ
// by a masthead, a line of boilerplate or a changed word are a few bits
// apart (Near); different stories about one event are about 32 apart.
func Sketch(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 3 {
		return ""
	}
	// A bit of the sketch is set when most trigram hashes have it set:
	// count the ones per bit, without a branch per bit.
	var ones [64]int
	n := 0
	for i := 0; i+3 <= len(words); i++ {
		sum := trigramHash(words[i], words[i+1], words[i+2])
		for b := range ones {
			ones[b] += int(sum >> b & 1)
		}
		n++
	}
	var sketch uint64
	for b, o := range ones {
		if 2*o > n {
			sketch |= 1 << b
		}
	}
	return fmt.Sprintf("%016x", sketch)
}

// trigramHash is the 64-bit FNV-1a hash of "a b c", computed in place:
// a sketch hashes every trigram of an article, and building each string
// and hasher cost more than extracting the article.
func trigramHash(a, b, c string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, w := range [3]string{a, b, c} {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

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
