package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/translit"
)

// The keys of words and names are translit's: one spelling authority for
// extraction and look-up (see that package). These short names keep the
// extractor's hot paths readable; each is inlined.

func isApostrophe(r rune) bool { return translit.IsApostrophe(r) }

// normWord returns the exact key of a word (translit.Word).
func normWord(s string) string { return translit.Word(s) }

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

var (
	articles    = translit.Articles
	sunArticles = translit.SunArticles
	abdSkel     = translit.AbdKey
)

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
		words = append(words, t.norm) // normWord of the token's text, which the tokeniser made
		joined = append(joined, false)
	}
	return wordKeys(words, joined)
}

// keyCache keeps nameKeys of the surface forms the articles' mentions
// take, so that a name is tokenised and skeletonised once, not in every
// article that names it (7 % of extraction: most mentions are of a few
// hundred names). Its slices are shared by the articles that use it, and
// never modified. It forgets everything when it holds keyCacheMax forms,
// so that a long run of unknown names cannot grow it without bound. Each
// docBuffers has its own, used by one goroutine at a time: one shared by
// the workers cost them a lock's cache line on every mention.
type keyCache struct {
	m map[string][]string
}

// keyCacheMax bounds the forms a keyCache holds: 65,536 forms of some 20
// bytes and two keys each, a few MB.
const keyCacheMax = 1 << 16

// keys returns nameKeys(surface). Neither surface nor its keys are kept:
// both may be slices of an article's text, which the cache must not hold.
func (c *keyCache) keys(surface string) []string {
	if ks, ok := c.m[surface]; ok {
		return ks
	}
	ks := nameKeys(surface)
	for i, k := range ks {
		ks[i] = strings.Clone(k)
	}
	if c.m == nil || len(c.m) >= keyCacheMax {
		c.m = map[string][]string{}
	}
	c.m[strings.Clone(surface)] = ks
	return ks
}

// wordKeys is nameKeys over already normalised words.
func wordKeys(words []string, joined []bool) []string { return translit.Keys(words, joined) }

func skelParts(w string, beforeName bool) (abd bool, rest string) {
	return translit.Parts(w, beforeName)
}

func appendSkeleton(b []byte, w string) []byte { return translit.AppendSkeleton(b, w) }
