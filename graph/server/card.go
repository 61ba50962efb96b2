package server

import (
	"context"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/schema"
)

// An entity card is what the explorer shows of one entity: its names and
// type, how many articles and outlets mention it, and its facts grouped
// by predicate, each with every article's evidence. It is read from the
// entity's own quads and from the rdf:Statement nodes that record its
// facts (docs/schema.md), so it shows exactly what the store holds.

// MaxCardStatements bounds the statements one card reads. A hub such as
// Iraq is the subject or object of a statement in most articles; past the
// bound the card says it was cut (Card.Truncated) rather than read for
// seconds.
const MaxCardStatements = 2000

// Card is an entity card.
type Card struct {
	path.Node
	Aliases  []string `json:"aliases"`
	Articles int      `json:"articles"` // articles that mention the entity
	// Outlets are the outlets of those articles, most articles first;
	// articles that name no outlet are not counted.
	Outlets []OutletCount `json:"outlets"`
	Facts   []FactGroup   `json:"facts"`
	// Statements counts the statements read; Truncated reports that there
	// were more than MaxCardStatements.
	Statements int  `json:"statements"`
	Truncated  bool `json:"truncated,omitempty"`
}

// OutletCount is an outlet and the number of articles from it.
type OutletCount struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
}

// FactGroup is the entity's facts with one predicate in one direction:
// "out" when the entity is the subject (Kata'ib Hezbollah threatened X),
// "in" when it is the object (X is spokesperson for Kata'ib Hezbollah).
type FactGroup struct {
	Predicate string `json:"predicate"`
	Direction string `json:"direction"`
	Facts     []Fact `json:"facts"`
}

// Fact is one link of the entity to another node, with everything that
// supports it.
type Fact struct {
	Other path.Node `json:"other"`
	// Kinds counts the statements of each claim kind (stated, claimed, ...).
	Kinds      map[string]int `json:"kinds"`
	AssertedBy []path.Node    `json:"asserted_by,omitempty"`
	Articles   int            `json:"articles"`
	Outlets    int            `json:"outlets"`
	Evidence   []CardEvidence `json:"evidence"`
}

// CardEvidence is one statement of a fact: the sentence and where it was read.
type CardEvidence struct {
	Kind         string `json:"kind"`
	Sentence     string `json:"sentence"`
	Role         string `json:"role,omitempty"`
	AssertedBy   string `json:"asserted_by,omitempty"`
	Article      string `json:"article"`
	ArticleTitle string `json:"article_title,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	ArticleDate  string `json:"article_date,omitempty"`
}

// articleInfo is what a card shows of an article.
type articleInfo struct{ title, outlet, date string }

// cardReader reads a card's quads, remembering the names and articles it
// has looked up: a card shows the same few articles and entities many times.
type cardReader struct {
	ctx      context.Context
	qs       cgraph.QuadStore
	err      error
	nodes    map[string]path.Node
	articles map[string]articleInfo
}

// quads returns the quads with value v in direction d. The quads'
// references are all read before any quad is (see graph.Store's eachQuad:
// on bolt, reading a quad while an iterator is open can deadlock with a
// writer).
func (r *cardReader) quads(d quad.Direction, v quad.Value) []quad.Quad {
	if r.err != nil {
		return nil
	}
	if r.err = r.ctx.Err(); r.err != nil {
		return nil
	}
	ref, err := r.qs.ValueOf(v)
	if err != nil || ref == nil {
		r.err = err
		return nil
	}
	it := r.qs.QuadIterator(d, ref).Iterate()
	var refs []cgraph.Ref
	for it.Next(r.ctx) {
		refs = append(refs, it.Result())
	}
	r.err = it.Err()
	if err := it.Close(); r.err == nil {
		r.err = err
	}
	out := make([]quad.Quad, 0, len(refs))
	for _, qr := range refs {
		if r.err != nil {
			return nil
		}
		var q quad.Quad
		q, r.err = r.qs.Quad(qr)
		out = append(out, q)
	}
	return out
}

// node describes a node as the path routes do (path.Node): an entity by
// its name and type, an event, which has no name, by its type and date.
func (r *cardReader) node(iri string) path.Node {
	if n, ok := r.nodes[iri]; ok {
		return n
	}
	n := path.Node{IRI: iri, Name: iri}
	var evType, date string
	for _, q := range r.quads(quad.Subject, quad.IRI(iri)) {
		switch q.Predicate {
		case schema.Name:
			n.Name = valueText(q.Object)
		case schema.RDFType:
			n.Type = strings.TrimPrefix(valueText(q.Object), schema.Prefix)
		case schema.EventType:
			evType = valueText(q.Object)
		case schema.Date:
			date = valueText(q.Object)
		}
	}
	if evType != "" && n.Name == iri {
		n.Name = evType
		if date != "" {
			n.Name += " of " + date
		}
	}
	r.nodes[iri] = n
	return n
}

// article returns an article's title, outlet and date.
func (r *cardReader) article(iri string) articleInfo {
	if a, ok := r.articles[iri]; ok {
		return a
	}
	var a articleInfo
	for _, q := range r.quads(quad.Subject, quad.IRI(iri)) {
		switch q.Predicate {
		case schema.Title:
			a.title = valueText(q.Object)
		case schema.Outlet:
			a.outlet = valueText(q.Object)
		case schema.Date:
			a.date = valueText(q.Object)
		}
	}
	r.articles[iri] = a
	return a
}

// valueText is a quad value as shown: an IRI without its brackets, a
// literal without its quotes.
func valueText(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case nil:
		return ""
	}
	return v.String()
}

// cardOf reads the card of the entity iri.
func cardOf(ctx context.Context, qs cgraph.QuadStore, iri string) (*Card, error) {
	r := &cardReader{ctx: ctx, qs: qs, nodes: map[string]path.Node{}, articles: map[string]articleInfo{}}
	c := &Card{Node: r.node(iri), Aliases: []string{}, Outlets: []OutletCount{}, Facts: []FactGroup{}}
	aliases := map[string]bool{c.Name: true}
	mentioned := map[string]bool{}
	for _, q := range r.quads(quad.Subject, quad.IRI(iri)) {
		switch q.Predicate {
		case schema.Alias:
			if a := valueText(q.Object); !aliases[a] {
				aliases[a] = true
				c.Aliases = append(c.Aliases, a)
			}
		case schema.MentionedIn:
			mentioned[valueText(q.Object)] = true
		}
	}
	if r.err == nil && len(mentioned) == 0 && c.Type == "" {
		return nil, path.ErrNotFound
	}
	sort.Strings(c.Aliases)
	c.Articles = len(mentioned)
	outlets := map[string]int{}
	for a := range mentioned {
		if o := r.article(a).outlet; o != "" {
			outlets[o]++
		}
	}
	for o, n := range outlets {
		c.Outlets = append(c.Outlets, OutletCount{o, n})
	}
	sort.Slice(c.Outlets, func(i, j int) bool {
		if c.Outlets[i].Articles != c.Outlets[j].Articles {
			return c.Outlets[i].Articles > c.Outlets[j].Articles
		}
		return c.Outlets[i].Outlet < c.Outlets[j].Outlet
	})

	// The statements naming the entity as subject or object.
	type stmtRef struct {
		node quad.Value
		dir  string
	}
	var stmts []stmtRef
	seen := map[quad.Value]bool{}
	for _, q := range r.quads(quad.Object, quad.IRI(iri)) {
		dir := ""
		switch q.Predicate {
		case schema.RDFSubject:
			dir = "out"
		case schema.RDFObject:
			dir = "in"
		default:
			continue
		}
		if seen[q.Subject] {
			continue
		}
		seen[q.Subject] = true
		if len(stmts) == MaxCardStatements {
			c.Truncated = true
			break
		}
		stmts = append(stmts, stmtRef{q.Subject, dir})
	}
	c.Statements = len(stmts)

	type factKey struct{ pred, dir, other string }
	facts := map[factKey]*Fact{}
	factArticles := map[factKey]map[string]bool{}
	factOutlets := map[factKey]map[string]bool{}
	for _, s := range stmts {
		var pred, subj, obj, article string
		var ev CardEvidence
		for _, q := range r.quads(quad.Subject, s.node) {
			switch q.Predicate {
			case schema.RDFPredicate:
				pred = strings.TrimPrefix(valueText(q.Object), schema.Prefix)
			case schema.RDFSubject:
				subj = valueText(q.Object)
			case schema.RDFObject:
				obj = valueText(q.Object)
			case schema.Kind:
				ev.Kind = valueText(q.Object)
			case schema.Evidence:
				ev.Sentence = valueText(q.Object)
			case schema.Role:
				ev.Role = valueText(q.Object)
			case schema.AssertedBy:
				ev.AssertedBy = valueText(q.Object)
			case schema.InArticle:
				article = valueText(q.Object)
			}
		}
		other := obj
		if s.dir == "in" {
			other = subj
		}
		if pred == "" || other == "" {
			continue // not a statement of a fact (a stray rdf:subject quad)
		}
		a := r.article(article)
		ev.Article, ev.ArticleTitle, ev.Outlet, ev.ArticleDate = article, a.title, a.outlet, a.date
		k := factKey{pred, s.dir, other}
		f := facts[k]
		if f == nil {
			f = &Fact{Other: r.node(other), Kinds: map[string]int{}}
			facts[k], factArticles[k], factOutlets[k] = f, map[string]bool{}, map[string]bool{}
		}
		f.Kinds[ev.Kind]++
		if ev.AssertedBy != "" && !hasNode(f.AssertedBy, ev.AssertedBy) {
			f.AssertedBy = append(f.AssertedBy, r.node(ev.AssertedBy))
		}
		if ev.AssertedBy != "" {
			ev.AssertedBy = r.node(ev.AssertedBy).Name
		}
		f.Evidence = append(f.Evidence, ev)
		factArticles[k][article] = true
		if a.outlet != "" {
			factOutlets[k][a.outlet] = true
		}
	}
	if r.err != nil {
		return nil, r.err
	}

	groups := map[[2]string]*FactGroup{}
	for k, f := range facts {
		f.Articles, f.Outlets = len(factArticles[k]), len(factOutlets[k])
		sortEvidence(f.Evidence)
		g := groups[[2]string{k.pred, k.dir}]
		if g == nil {
			g = &FactGroup{Predicate: k.pred, Direction: k.dir}
			groups[[2]string{k.pred, k.dir}] = g
		}
		g.Facts = append(g.Facts, *f)
	}
	for _, g := range groups {
		sort.Slice(g.Facts, func(i, j int) bool {
			if g.Facts[i].Articles != g.Facts[j].Articles {
				return g.Facts[i].Articles > g.Facts[j].Articles
			}
			return g.Facts[i].Other.Name < g.Facts[j].Other.Name
		})
		c.Facts = append(c.Facts, *g)
	}
	// The groups with the most facts first: what the entity mostly does.
	sort.Slice(c.Facts, func(i, j int) bool {
		if len(c.Facts[i].Facts) != len(c.Facts[j].Facts) {
			return len(c.Facts[i].Facts) > len(c.Facts[j].Facts)
		}
		if c.Facts[i].Predicate != c.Facts[j].Predicate {
			return c.Facts[i].Predicate < c.Facts[j].Predicate
		}
		return c.Facts[i].Direction > c.Facts[j].Direction
	})
	return c, nil
}

func hasNode(ns []path.Node, iri string) bool {
	for _, n := range ns {
		if n.IRI == iri {
			return true
		}
	}
	return false
}

// sortEvidence orders a fact's evidence as the path routes order claims:
// the most direct claim kind first, then the newest article.
func sortEvidence(ev []CardEvidence) {
	rank := map[string]int{}
	for i, k := range schema.Kinds {
		rank[k] = i
	}
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Kind != ev[j].Kind {
			return rank[ev[i].Kind] < rank[ev[j].Kind]
		}
		if ev[i].ArticleDate != ev[j].ArticleDate {
			return ev[i].ArticleDate > ev[j].ArticleDate
		}
		return ev[i].Article < ev[j].Article
	})
}
