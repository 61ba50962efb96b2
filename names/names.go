// Package names resolves the names a user types — "Kataib Hizbollah",
// "ayn al-assad", "PMF" — to the entity nodes of the graph, through their
// canonical names (ng:name) and every surface form the articles used
// (ng:alias). It tolerates transliteration variants and typos, and when a
// name fits several entities about equally well it says so and lists them
// instead of guessing.
//
// Names are normalised and reduced to transliteration skeletons by
// translit, the extractor's own spelling authority (case, diacritics,
// apostrophes, articles, letter pairs), so that a name resolves the way
// the extractor resolved it, and the read side links no extractor.
package names

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/translit"
)

// Entry is one entity with every name it is known by.
type Entry struct {
	IRI     string   `json:"iri"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

// Candidate is an entity a name may mean, with how well it matched.
type Candidate struct {
	Entry
	Matched string  `json:"matched"` // the name or alias that matched
	How     string  `json:"how"`     // exact, spelling, words, typo, part
	Score   float64 `json:"score"`   // 1 for an exact match, lower for looser ones
}

// AmbiguousError is returned when a name fits several entities; it lists them.
type AmbiguousError struct {
	Name       string
	Candidates []Candidate
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q is ambiguous; it may be:", e.Name)
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  %s  (%s, %s; matched %q)", c.Name, c.Type, c.IRI, c.Matched)
	}
	return b.String()
}

// NotFoundError is returned when nothing is close to a name; it lists the
// nearest names, if any.
type NotFoundError struct {
	Name    string
	Nearest []Candidate
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity is called %q", e.Name)
	if len(e.Nearest) > 0 {
		var ns []string
		for _, c := range e.Nearest {
			ns = append(ns, c.Name)
		}
		msg += "; nearest: " + strings.Join(ns, ", ")
	}
	return msg
}

// form is one name of one entity, with its comparison keys.
type form struct {
	entry int
	text  string
	norm  string   // translit.Normalize
	words []string // norm's words without articles, sorted
	skel  string   // translit.NameKeys, joined by spaces
}

// Index holds every entity's names, for resolving many names quickly.
type Index struct {
	entries []Entry
	forms   []form
	byNorm  map[string][]int // norm -> forms
	bySkel  map[string][]int // skeleton -> forms
	byIRI   map[string]int
}

// Entries returns every entity of the index.
func (ix *Index) Entries() []Entry { return ix.entries }

// Load reads every entity's type, name and aliases from the store.
func Load(ctx context.Context, rd graph.Reader) (*Index, error) {
	r := reader{ctx: ctx, rd: rd, qs: rd.QuadStore()}
	typeRef, nameRef, aliasRef := r.ref(schema.RDFType), r.ref(schema.Name), r.ref(schema.Alias)
	var entries []Entry
	for _, t := range schema.EntityTypes {
		tref := r.ref(schema.TypeIRI(t))
		if tref == nil || typeRef == nil {
			continue
		}
		seen := map[any]bool{}
		var ents []cgraph.Ref
		r.scan(tref, quad.Object, typeRef, func(q cgraph.Ref) {
			if s := r.dir(q, quad.Subject); s != nil && !seen[s.Key()] {
				seen[s.Key()] = true
				ents = append(ents, s)
			}
		})
		for _, e := range ents {
			iri, ok := r.name(e).(quad.IRI)
			if !ok || !isEntity(iri) {
				continue // event nodes share the Event class
			}
			en := Entry{IRI: string(iri), Type: t}
			names := r.strings(e, nameRef)
			if len(names) > 0 {
				en.Name = names[0]
			}
			en.Aliases = r.strings(e, aliasRef)
			entries = append(entries, en)
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return NewIndex(entries), r.err
}

// isEntity reports whether iri names an entity, not an event: the two
// share the Event class.
func isEntity(iri quad.IRI) bool { return strings.HasPrefix(string(iri), schema.Prefix+"entity/") }

// NewIndex indexes entries.
func NewIndex(entries []Entry) *Index {
	sort.Slice(entries, func(i, j int) bool { return entries[i].IRI < entries[j].IRI })
	ix := &Index{entries: entries, byNorm: map[string][]int{}, bySkel: map[string][]int{}, byIRI: map[string]int{}}
	for i, e := range entries {
		ix.byIRI[e.IRI] = i
		seen := map[string]bool{}
		for _, t := range append([]string{e.Name}, e.Aliases...) {
			f := makeForm(t)
			if f.norm == "" || seen[f.norm] {
				continue
			}
			seen[f.norm] = true
			f.entry = i
			ix.forms = append(ix.forms, f)
			n := len(ix.forms) - 1
			ix.byNorm[f.norm] = append(ix.byNorm[f.norm], n)
			ix.bySkel[f.skel] = append(ix.bySkel[f.skel], n)
		}
	}
	return ix
}

func makeForm(text string) form {
	words, joined := translit.Split(text)
	f := form{text: text, norm: strings.Join(words, " "), skel: strings.Join(translit.Keys(words, joined), " ")}
	for _, w := range words {
		if !translit.Articles[w] {
			f.words = append(f.words, w)
		}
	}
	sort.Strings(f.words)
	return f
}

// Resolve returns the one entity a name means. An IRI ("ng:entity/x",
// "<ng:event/y>") resolves to itself when the index or the caller knows it;
// a name that fits several entities gives an *AmbiguousError, one that fits
// none a *NotFoundError.
func (ix *Index) Resolve(name string) (Candidate, error) {
	if iri, ok := AsIRI(name); ok {
		if i, ok := ix.byIRI[iri]; ok {
			return Candidate{Entry: ix.entries[i], Matched: iri, How: "exact", Score: 1}, nil
		}
		return Candidate{Entry: Entry{IRI: iri, Name: iri}, Matched: iri, How: "iri", Score: 1}, nil
	}
	cands := ix.Candidates(name, 10)
	if len(cands) == 0 || cands[0].Score < minScore {
		var near []Candidate
		for _, c := range cands {
			if c.Score >= nearScore && len(near) < 5 {
				near = append(near, c)
			}
		}
		return Candidate{}, &NotFoundError{Name: name, Nearest: near}
	}
	best := cands[0]
	var rivals []Candidate
	for _, c := range cands {
		if c.Score >= best.Score-margin {
			rivals = append(rivals, c)
		}
	}
	if len(rivals) > 1 {
		return Candidate{}, &AmbiguousError{Name: name, Candidates: rivals}
	}
	return best, nil
}

// Thresholds of Resolve. A candidate is accepted from minScore up, and
// only if no other is within margin of it: an exact name (1.0) beats a
// transliteration variant (0.95) or the same words in another order
// (0.93), which beat a typo (0.85 for one edit) and a part of a longer
// name (0.65 to 0.85, more for a larger part).
const (
	minScore  = 0.6
	nearScore = 0.3
	margin    = 0.04
)

// Candidates returns up to n entities a name may mean, best first.
func (ix *Index) Candidates(name string, n int) []Candidate {
	q := makeForm(name)
	if q.norm == "" {
		return nil
	}
	best := map[int]Candidate{}
	consider := func(fi int, how string, score float64) {
		f := ix.forms[fi]
		if c, ok := best[f.entry]; ok && c.Score >= score {
			return
		}
		best[f.entry] = Candidate{Entry: ix.entries[f.entry], Matched: f.text, How: how, Score: score}
	}
	for _, fi := range ix.byNorm[q.norm] {
		consider(fi, "exact", 1)
	}
	for _, fi := range ix.bySkel[q.skel] {
		consider(fi, "spelling", 0.95)
	}
	qwords := strings.Join(q.words, " ")
	for fi, f := range ix.forms {
		if strings.Join(f.words, " ") == qwords && qwords != "" {
			consider(fi, "words", 0.93)
			continue
		}
		// Typos: edit distance on the normalised form and on the skeleton,
		// allowing about one edit per five letters.
		if d := damerauLevenshtein(q.norm, f.norm); d <= allowed(len(q.norm)) {
			consider(fi, "typo", 0.9-0.05*float64(d))
		} else if q.skel != "" && len(q.skel) >= 4 {
			if d := damerauLevenshtein(q.skel, f.skel); d <= allowed(len(q.skel))/2+boolInt(len(q.skel) >= 5) && d > 0 {
				consider(fi, "typo", 0.85-0.05*float64(d))
			}
		}
		// A part of a longer name: every word of the query is a word (or a
		// close spelling of one) of the form.
		if len(q.words) > 0 && len(q.words) < len(f.words) && wordsIn(q.words, f.words) {
			consider(fi, "part", 0.65+0.2*float64(len(q.words))/float64(len(f.words)))
		}
	}
	out := make([]Candidate, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].IRI < out[j].IRI
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// allowed is the number of edits a string of n letters may have.
func allowed(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 9:
		return 1
	default:
		return n / 5
	}
}

// wordsIn reports whether every query word matches a distinct word of the
// form, exactly or by skeleton.
func wordsIn(q, f []string) bool {
	used := make([]bool, len(f))
	for _, w := range q {
		ok := false
		for i, x := range f {
			if !used[i] && (w == x || translit.Skeleton(w) == translit.Skeleton(x)) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// AsIRI recognises a node IRI typed as such: "ng:entity/x" or "<ng:entity/x>".
func AsIRI(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	if strings.HasPrefix(s, schema.Prefix+"entity/") || strings.HasPrefix(s, schema.Prefix+"event/") {
		return s, true
	}
	return "", false
}

// damerauLevenshtein is the optimal-string-alignment edit distance:
// insertions, deletions, substitutions and transpositions of neighbours.
func damerauLevenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	if d := len(ra) - len(rb); d > 4 || d < -4 {
		return max(len(ra), len(rb)) // far apart anyway; skip the table
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// reader does the few store reads Load needs.
type reader struct {
	ctx context.Context
	rd  graph.Reader
	qs  cgraph.QuadStore
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil && err != nil {
		r.err = err
	}
}

func (r *reader) ref(v quad.Value) cgraph.Ref {
	ref, err := r.qs.ValueOf(v)
	r.fail(err)
	return ref
}

func (r *reader) name(ref cgraph.Ref) quad.Value {
	v, err := r.qs.NameOf(ref)
	r.fail(err)
	return v
}

func (r *reader) dir(q cgraph.Ref, d quad.Direction) cgraph.Ref {
	ref, err := r.qs.QuadDirection(q, d)
	r.fail(err)
	return ref
}

// scan calls fn for every quad with node in direction d and predicate pred
// (graph.Reader.Scan: by index where the store has one, for a hub has
// thousands of quads of other predicates), until a read fails.
func (r *reader) scan(node cgraph.Ref, d quad.Direction, pred cgraph.Ref, fn func(q cgraph.Ref)) {
	if r.err != nil || node == nil || pred == nil {
		return
	}
	r.fail(r.rd.Scan(r.ctx, node, d, pred, func(q cgraph.Ref) bool { fn(q); return r.err == nil }))
}

// strings returns the distinct string objects of node pred ?, in the
// order first seen.
func (r *reader) strings(node, pred cgraph.Ref) []string {
	seen := map[any]bool{}
	var out []string
	r.scan(node, quad.Subject, pred, func(q cgraph.Ref) {
		o := r.dir(q, quad.Object)
		if o == nil || seen[o.Key()] {
			return
		}
		seen[o.Key()] = true
		if s, ok := r.name(o).(quad.String); ok {
			out = append(out, string(s))
		}
	})
	return out
}

// ErrNoEntities is returned by callers that need entities from an empty store.
var ErrNoEntities = errors.New("the graph has no entities; run newsgraph build first")
