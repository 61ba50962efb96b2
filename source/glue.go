package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scrape glue is two sentences (or a heading and a sentence) run
// together when a page's blocks were flattened without a separator:
//
//	"... in Iraq.Al-Tanf as well"    → "... in Iraq. Al-Tanf as well"
//	"... US soldiersThe Iraqi ..."   → "... US soldiers" ¶ "The Iraqi ..."
//
// A sentence end glued to the next sentence gets a space. A lowercase
// letter glued to a capitalised word gets a paragraph break, but only
// when the word is one that starts sentences and hardly ever ends a
// compound name (The, However, They, ...), so "McDonald", "iPhone",
// "YouTube" and "LinkedIn" are left alone. Abbreviations ("U.S.",
// "e.g."), decimals ("2.5"), domains ("afgazad.com"), e-mail addresses
// and URLs are never split.

// strongStarters start sentences and practically never end a compound
// word; any lowercase letter or digit glued before them is a boundary.
var strongStarters = map[string]bool{}

// weakStarters are short words that do end compounds ("LinkedIn",
// "CheckIn"): they count only after an all-lowercase word of three or
// more letters.
var weakStarters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The This That These Those They There Their She His Her However
		Meanwhile Moreover Furthermore Nevertheless Nonetheless Therefore Thus Instead Indeed According
		Although Though Despite Following During Earlier Later While When Whereas After Before Since
		Because But And Yet Then Still Also Many Several Some Such Both Each Every Another Most What
		Why How Who Where Which`) {
		strongStarters[w] = true
	}
	for _, w := range strings.Fields(`A An As At By For From He I If In It Its On Our We With Under Over`) {
		weakStarters[w] = true
	}
}

// splitGlue repairs glue in one paragraph and returns the paragraph(s) it
// becomes.
func splitGlue(p string) []string {
	var out []string
	var cur strings.Builder
	last := 0
	for i := 1; i < len(p); i++ {
		for i < len(p) && !glueMark[p[i]] { // most bytes, skipped with one test each
			i++
		}
		if i == len(p) {
			break
		}
		c := p[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			if i+1 >= len(p) || p[i+1] == ' ' {
				continue // the usual case: a sentence end and a space
			}
			k, ok := sentenceGlue(p, i)
			if !ok {
				continue
			}
			cur.WriteString(p[last:k])
			cur.WriteByte(' ')
			last = k
			i = k - 1
		case 'A' <= c && c <= 'Z':
			if b := p[i-1]; b < utf8.RuneSelf && byteClass[b]&bcLetter == 0 && (b < '0' || b > '9') || 'A' <= b && b <= 'Z' {
				continue // after a space, a capital or punctuation: no glue
			}
			if !wordGlue(p, i) {
				continue
			}
			cur.WriteString(p[last:i])
			if s := strings.TrimSpace(cur.String()); s != "" {
				out = append(out, s)
			}
			cur.Reset()
			last = i
		}
	}
	if last == 0 && out == nil {
		return []string{p}
	}
	cur.WriteString(p[last:])
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// glueMark marks the bytes glue can be at: a sentence end (.!?) or a
// capital.
var glueMark = func() (t [256]bool) {
	t['.'], t['!'], t['?'] = true, true, true
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	return t
}()

// sentenceGlue checks for a sentence end at p[i] (one of .!?) glued to
// the next sentence, and returns where the space goes.
func sentenceGlue(p string, i int) (int, bool) {
	left, _ := utf8.DecodeLastRuneInString(p[:i])
	digitLeft := unicode.IsDigit(left)
	if !unicode.IsLower(left) && !digitLeft {
		return 0, false
	}
	j := i
	for j < len(p) && (p[j] == '.' || p[j] == '!' || p[j] == '?') {
		j++
	}
	k := j
	for k < len(p) {
		r, size := utf8.DecodeRuneInString(p[k:])
		if !isClosing(r) {
			break
		}
		k += size
	}
	if k >= len(p) {
		return 0, false
	}
	rest := p[k:]
	next, size := utf8.DecodeRuneInString(rest)
	if isOpening(next) {
		rest = rest[size:]
		next, size = utf8.DecodeRuneInString(rest)
	}
	if !unicode.IsUpper(next) {
		return 0, false
	}
	if digitLeft {
		// "in 2024.The" splits, "section 3.A" does not: after a digit,
		// only a capitalised word counts.
		if !unicode.IsLower(firstRune(rest[size:])) {
			return 0, false
		}
	} else {
		// The word before the dot: one letter ("p.M") or with dots
		// inside ("e.g", "a.m") is an abbreviation.
		ws := i
		letters := 0
		for ws > 0 {
			r, sz := utf8.DecodeLastRuneInString(p[:ws])
			if r == '.' {
				return 0, false
			}
			if !unicode.IsLetter(r) {
				break
			}
			letters++
			ws -= sz
		}
		if letters < 2 {
			return 0, false
		}
	}
	if inAddress(p, i) {
		return 0, false
	}
	return k, true
}

// wordGlue checks for a lowercase letter glued to a sentence-starting
// word at p[i] (an ASCII capital).
func wordGlue(p string, i int) bool {
	left, _ := utf8.DecodeLastRuneInString(p[:i])
	if !unicode.IsLower(left) && !unicode.IsDigit(left) {
		return false
	}
	j := i + 1
	for j < len(p) && 'a' <= p[j] && p[j] <= 'z' {
		j++
	}
	if j >= len(p) || (p[j] != ' ' && p[j] != ',') {
		return false
	}
	w := p[i:j]
	strong := strongStarters[w]
	if !strong && !weakStarters[w] {
		return false
	}
	// The letters glued on the left.
	ws, n, allLower := i, 0, true
	for ws > 0 {
		r, sz := utf8.DecodeLastRuneInString(p[:ws])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			allLower = false
		}
		n++
		ws -= sz
	}
	if unicode.IsLetter(left) && n < 2 {
		return false
	}
	if !strong && (!allLower || n < 3) {
		return false
	}
	if (w == "A" || w == "I") && (p[j] != ' ' || j+1 >= len(p) || !unicode.IsLower(firstRune(p[j+1:]))) {
		return false
	}
	return !inAddress(p, i)
}

// maxToken is the longest space-free run glue splitting looks into.
const maxToken = 256

// inAddress reports whether position i is inside a URL, an e-mail
// address, a path, a hashtag or a handle.
//
// A token longer than maxToken bytes is no prose word either: it counts
// as an address, which also keeps the scan linear.
func inAddress(p string, i int) bool {
	lo := max(0, i-maxToken)
	start := strings.LastIndexAny(p[lo:i], " \t\n")
	if start < 0 && lo > 0 {
		return true
	}
	start += lo + 1
	hi := min(len(p), i+maxToken)
	end := strings.IndexAny(p[i:hi], " \t\n")
	if end < 0 {
		if hi < len(p) {
			return true
		}
		end = len(p)
	} else {
		end += i
	}
	tok := p[start:end]
	return strings.Contains(tok, "://") || strings.ContainsAny(tok, "@/#_\\") ||
		len(tok) >= 4 && strings.EqualFold(tok[:4], "www.")
}
