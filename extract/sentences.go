package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a span of tokens [first, last) and of text [start, end).
type sentence struct {
	idx         int
	first, last int
	start, end  int
	// boiler marks scrape noise (comment forms, share buttons, bylines,
	// lines in another script): no entities or facts are taken from it.
	boiler bool
	scans  uint16 // the mention scans it has a word for (scansOf)
}

// maxSentenceTokens bounds a sentence; real sentences are far shorter.
const maxSentenceTokens = 250

// splitSentences cuts tokens into sentences. Boundaries are terminal
// punctuation followed by a capitalised word, a quote or a number (unless
// the dot ends an abbreviation or an initial), paragraph breaks, line breaks
// not inside a clause, and words glued across a missing space.
func (lx *Lexicon) splitSentences(text string, toks []token) []sentence {
	var out []sentence
	first := 0
	cut := func(last int) {
		if last <= first {
			return
		}
		s := sentence{idx: len(out), first: first, last: last, start: toks[first].start, end: toks[last-1].end}
		s.boiler = lx.isBoilerplate(text, toks[first:last])
		out = append(out, s)
		first = last
	}
	for i := range toks {
		t := &toks[i]
		if i > first {
			if t.glued || t.nl >= 2 || t.nl == 1 && !continuesLine(toks, i) {
				cut(i)
			}
			// Text without stops (tables, scrape debris) is cut into
			// bounded pieces so that no rule works on an unbounded span.
			if i-first >= maxSentenceTokens && (t.norm == "," || t.norm == ";" || i-first >= 2*maxSentenceTokens) {
				cut(i)
			}
		}
		if !lx.endsSentence(text, toks, i) {
			continue
		}
		j := i + 1
		// A closing quote or bracket after the stop belongs to the sentence.
		for j < len(toks) && !toks[j].space && toks[j].nl == 0 && (toks[j].kind == tQuote || toks[j].norm == ")" || toks[j].norm == "*") {
			j++
		}
		if j < len(toks) && toks[j].nl == 0 && !startsSentence(&toks[j]) {
			continue
		}
		cut(j)
	}
	cut(len(toks))
	return out
}

// continuesLine reports whether a single line break before token i runs on
// inside a sentence: after a comma, or before a lower-case word.
func continuesLine(toks []token, i int) bool {
	prev := toks[i-1]
	if prev.norm == "," {
		return true
	}
	t := toks[i]
	return t.kind == tWord && !t.cap && !t.allCaps
}

// endsSentence reports whether token i may end a sentence.
func (lx *Lexicon) endsSentence(text string, toks []token, i int) bool {
	t := &toks[i]
	switch {
	case t.kind == tPunct && (t.norm == "!" || t.norm == "?" || t.norm == "..." || t.norm == "…"):
		return true
	case t.kind == tPunct && t.norm == ".":
		if i == 0 {
			return false
		}
		prev := &toks[i-1]
		if prev.end == t.start && prev.kind == tWord {
			if lx.abbreviations.has(prev.norm) {
				return false
			}
			// An initial: "J. Smith".
			if prev.end-prev.start == 1 && prev.cap {
				return false
			}
			// A dotted lower-case abbreviation ("10 p.m. (local time)",
			// "e.g."), like an initialism, ends a sentence only before a
			// word that typically starts one.
			if prev.end-prev.start == 1 && i >= 2 && toks[i-2].norm == "." && toks[i-2].end == prev.start {
				return lx.starterAfter(toks, i)
			}
		}
		// "Iraq.Al-Tanf": a dot glued to the next word ends a sentence only
		// before a capital (not in www.afgazad.com).
		if i+1 < len(toks) && !toks[i+1].space && toks[i+1].nl == 0 && toks[i+1].kind == tWord {
			return toks[i+1].cap && prev.end-prev.start >= 3
		}
		return true
	case t.kind == tWord && strings.HasSuffix(text[t.start:t.end], "."):
		// An initialism ("U.S.") ends a sentence only before a word that
		// typically starts one.
		if lx.starterAfter(toks, i) {
			return true
		}
	}
	return false
}

// starterAfter reports a capitalised word that typically starts a
// sentence right after token i: after an initialism or a dotted
// abbreviation, only such a word shows that the dot ended the sentence.
func (lx *Lexicon) starterAfter(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap && lx.sentenceStarters.has(toks[i+1].norm)
}

func startsSentence(t *token) bool {
	switch t.kind {
	case tWord:
		return t.cap || t.allCaps
	case tNum, tQuote:
		return true
	case tPunct:
		return t.norm == "(" || t.norm == "[" || t.norm == "–" || t.norm == "—" || t.norm == "-" || t.norm == "*"
	}
	return false
}

// isBoilerplate recognises scrape noise: comment and share furniture, link
// teasers, reading times, addresses, and lines mostly in another script.
func (lx *Lexicon) isBoilerplate(text string, toks []token) bool {
	// The first five words, built on the stack: every sentence asks.
	var buf [64]byte
	b := buf[:0]
	n := 0
	for i := range toks {
		if n == 5 {
			break
		}
		if t := &toks[i]; t.kind == tWord || t.norm == ":" {
			if len(b) > 0 && t.norm != ":" {
				b = append(b, ' ')
			}
			b = append(b, t.norm...)
			n++
		}
	}
	// Only the prefixes that start with the head's first byte are tested:
	// most sentences start as none of them does.
	if len(b) > 0 {
		for _, p := range lx.boilerplateBy[b[0]] {
			if len(b) >= len(p) && string(b[:len(p)]) == p {
				return true
			}
		}
	}
	words := 0
	latin, other := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind == tWord {
			words++
			if c := text[t.start]; c < utf8.RuneSelf {
				latin++
			} else if r, _ := utf8.DecodeRuneInString(text[t.start:]); r < 0x250 {
				latin++
			} else if unicode.IsLetter(r) {
				other++
			}
		}
		if t.norm == "@" || t.norm == "www" || t.norm == "http" || t.norm == "https" {
			return true
		}
	}
	if other > latin {
		return true
	}
	// "7 mins read", "5 min read"
	if words > 3 {
		return false
	}
	head := string(b)
	return strings.Contains(head, "read") && (strings.Contains(head, "min") || strings.Contains(head, "mins"))
}

// Sentences splits text into sentences and returns them verbatim.
func Sentences(text string) []string {
	toks := tokenize(text)
	ss := DefaultLexicon().splitSentences(text, toks)
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text[s.start:s.end]
	}
	return out
}
