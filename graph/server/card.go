package server

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
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

// MaxFactEvidence bounds the evidence sentences shown of one fact, the
// most direct claims and newest articles first (Fact.Statements counts
// them all): a fact stated by hundreds of articles says the same thing
// hundreds of times.
const MaxFactEvidence = 5

// Card is an entity card.
type Card struct {
	path.Node
	Aliases  []string `json:"aliases"`
	Wikidata string   `json:"wikidata,omitempty"` // its Wikidata id, where the lexicon has one
	// Place is where the entity is, for bases, places and countries the
	// lexicon places.
	Place    *Place `json:"place,omitempty"`
	Articles int    `json:"articles"` // articles that mention the entity
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
	Statements int            `json:"statements"` // evidence sentences, of which Evidence shows MaxFactEvidence at most
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

// cardReader reads a card's quads by reference, looking up only the
// values it shows, and remembers the nodes and articles it has described:
// a card shows the same few articles and entities many times, and a hub
// such as Iraq has tens of thousands of quads of its own.
type cardReader struct {
	ctx   context.Context
	rd    graph.Reader // scans by node and predicate
	qs    cgraph.QuadStore
	err   error
	preds map[quad.IRI]cgraph.Ref
	// predOf names the predicate of a reference's key.
	predOf   map[any]quad.IRI
	nodes    map[any]path.Node
	articles map[any]articleInfo
	outlets  map[any]string
}

// cardPredicates are the predicates a card (and the map, geo.go) reads.
var cardPredicates = []quad.IRI{
	schema.RDFType, schema.Name, schema.Alias, schema.MentionedIn, schema.EventType, schema.Date,
	schema.Title, schema.Outlet, schema.RDFSubject, schema.RDFPredicate, schema.RDFObject,
	schema.Kind, schema.Evidence, schema.Role, schema.AssertedBy, schema.InArticle,
	schema.Wikidata, schema.Lat, schema.Lon, schema.GeoPrecision, schema.Agent, schema.Target,
	schema.Location, schema.DateNote, schema.Status,
}

func newCardReader(ctx context.Context, rd graph.Reader) *cardReader {
	qs := rd.QuadStore()
	r := &cardReader{ctx: ctx, rd: rd, qs: qs, preds: map[quad.IRI]cgraph.Ref{}, predOf: map[any]quad.IRI{},
		nodes: map[any]path.Node{}, articles: map[any]articleInfo{}, outlets: map[any]string{}}
	for _, p := range cardPredicates {
		ref, err := qs.ValueOf(p)
		if err != nil {
			r.err = err
		}
		if ref != nil {
			r.preds[p], r.predOf[ref.Key()] = ref, p
		}
	}
	return r
}

// refs returns the references of the quads whose direction d is node and,
// unless pred is "", whose predicate is pred: at most max of them, when
// max > 0. They are all read before any is looked into (graph.Reader.Refs:
// on bolt, reading while an iterator is open can deadlock with a writer).
func (r *cardReader) refs(node cgraph.Ref, d quad.Direction, pred quad.IRI, max int) []cgraph.Ref {
	if r.err != nil || node == nil {
		return nil
	}
	var p cgraph.Ref
	if pred != "" {
		if p = r.preds[pred]; p == nil {
			return nil // no quad has the predicate
		}
	}
	out, err := r.rd.Refs(r.ctx, node, d, p, max)
	r.fail(err)
	return out
}

func (r *cardReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// dir returns one direction of a quad.
func (r *cardReader) dir(q cgraph.Ref, d quad.Direction) cgraph.Ref {
	ref, err := r.qs.QuadDirection(q, d)
	r.fail(err)
	return ref
}

// text is the value of a reference as shown (valueText).
func (r *cardReader) text(ref cgraph.Ref) string {
	if ref == nil || r.err != nil {
		return ""
	}
	v, err := r.qs.NameOf(ref)
	r.fail(err)
	return valueText(v)
}

// first is the object of a node's first quad with the predicate: the
// node's name, type, date... which every article repeats alike.
func (r *cardReader) first(node cgraph.Ref, pred quad.IRI) string {
	for _, q := range r.refs(node, quad.Subject, pred, 1) {
		return r.text(r.dir(q, quad.Object))
	}
	return ""
}

// node describes a node as the path routes do (path.Node): an entity by
// its name and type, an event, which has no name, by its type and date.
func (r *cardReader) node(ref cgraph.Ref) path.Node {
	if n, ok := r.nodes[ref.Key()]; ok {
		return n
	}
	n := path.Node{IRI: r.text(ref), Name: r.first(ref, schema.Name)}
	n.Type = strings.TrimPrefix(r.first(ref, schema.RDFType), schema.Prefix)
	if n.Type == "" && r.first(ref, schema.EventType) != "" {
		n.Type = "Event" // an event has no rdf:type (docs/schema.md, Events)
	}
	if n.Name == "" && n.Type == "Event" {
		n.Name = r.first(ref, schema.EventType)
		if d := r.first(ref, schema.Date); d != "" {
			n.Name += " of " + d
		}
	}
	if n.Name == "" {
		n.Name = n.IRI
	}
	r.nodes[ref.Key()] = n
	return n
}

// article returns an article's title, outlet and date.
func (r *cardReader) article(ref cgraph.Ref) articleInfo {
	if a, ok := r.articles[ref.Key()]; ok {
		return a
	}
	a := articleInfo{title: r.first(ref, schema.Title), outlet: r.outlet(ref), date: r.first(ref, schema.Date)}
	r.articles[ref.Key()] = a
	return a
}

// outlet returns an article's outlet. It is read on its own for every
// article that mentions the entity, thousands for a hub, where the title
// and date are read only for the articles whose evidence is shown.
func (r *cardReader) outlet(ref cgraph.Ref) string {
	if o, ok := r.outlets[ref.Key()]; ok {
		return o
	}
	o := r.first(ref, schema.Outlet)
	r.outlets[ref.Key()] = o
	return o
}

// valueText is a quad value as shown: an IRI without its brackets, a
// literal without its quotes.
func valueText(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case nil:
		return ""
	}
	return v.String()
}

// statement is what a card reads of one rdf:Statement node.
type statement struct {
	pred                         string
	subj, obj, article, asserted cgraph.Ref
	ev                           CardEvidence
}

// statement reads a statement node's quads.
func (r *cardReader) statement(node cgraph.Ref) statement {
	var s statement
	for _, q := range r.refs(node, quad.Subject, "", 0) {
		p := r.dir(q, quad.Predicate)
		if p == nil {
			continue
		}
		o := r.dir(q, quad.Object)
		switch r.predOf[p.Key()] {
		case schema.RDFPredicate:
			s.pred = strings.TrimPrefix(r.text(o), schema.Prefix)
		case schema.RDFSubject:
			s.subj = o
		case schema.RDFObject:
			s.obj = o
		case schema.InArticle:
			s.article = o
		case schema.AssertedBy:
			s.asserted = o
		case schema.Kind:
			s.ev.Kind = r.text(o)
		case schema.Evidence:
			s.ev.Sentence = r.text(o)
		case schema.Role:
			s.ev.Role = r.text(o)
		}
	}
	return s
}

// distinct returns the distinct objects of a node's quads with a predicate.
func (r *cardReader) distinct(node cgraph.Ref, pred quad.IRI) []cgraph.Ref {
	seen := map[any]bool{}
	var out []cgraph.Ref
	for _, q := range r.refs(node, quad.Subject, pred, 0) {
		if o := r.dir(q, quad.Object); o != nil && !seen[o.Key()] {
			seen[o.Key()] = true
			out = append(out, o)
		}
	}
	return out
}

// MaxFactEvidenceAll bounds the evidence sentences of one fact that
// /api/fact returns (a card shows MaxFactEvidence of them).
const MaxFactEvidenceAll = 200

// cardOf reads the card of the entity iri, with MaxFactEvidence
// sentences of each fact.
func cardOf(ctx context.Context, rd graph.Reader, iri string) (*Card, error) {
	return cardWith(ctx, rd, iri, MaxFactEvidence)
}

// cardWith reads the card of the entity iri, with maxEvidence sentences
// of each fact.
func cardWith(ctx context.Context, rd graph.Reader, iri string, maxEvidence int) (*Card, error) {
	r := newCardReader(ctx, rd)
	ent, err := r.qs.ValueOf(quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	if ent == nil {
		return nil, fmt.Errorf("%s: %w", iri, path.ErrNotFound)
	}
	c := &Card{Node: r.node(ent), Aliases: []string{}, Outlets: []OutletCount{}, Facts: []FactGroup{}}
	c.Wikidata, c.Place = r.first(ent, schema.Wikidata), r.place(ent)
	for _, a := range r.distinct(ent, schema.Alias) {
		if t := r.text(a); t != c.Name {
			c.Aliases = append(c.Aliases, t)
		}
	}
	sort.Strings(c.Aliases)
	articles := r.distinct(ent, schema.MentionedIn)
	c.Articles = len(articles)
	outlets := map[string]int{}
	for _, a := range articles {
		if o := r.outlet(a); o != "" {
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

	// The statements naming the entity as subject, then as object.
	type stmtRef struct {
		node cgraph.Ref
		dir  string
	}
	var stmts []stmtRef
	for _, side := range []struct {
		pred quad.IRI
		dir  string
	}{{schema.RDFSubject, "out"}, {schema.RDFObject, "in"}} {
		for _, q := range r.refs(ent, quad.Object, side.pred, MaxCardStatements+1-len(stmts)) {
			stmts = append(stmts, stmtRef{r.dir(q, quad.Subject), side.dir})
		}
	}
	if len(stmts) > MaxCardStatements {
		stmts, c.Truncated = stmts[:MaxCardStatements], true
	}
	c.Statements = len(stmts)

	type factKey struct {
		pred, dir string
		other     any
	}
	facts := map[factKey]*Fact{}
	factArticles := map[factKey]map[any]bool{}
	factOutlets := map[factKey]map[string]bool{}
	var order []factKey
	for _, sr := range stmts {
		s := r.statement(sr.node)
		other := s.obj
		if sr.dir == "in" {
			other = s.subj
		}
		if s.pred == "" || other == nil || s.article == nil {
			continue // not a statement of a fact (a stray rdf:subject quad)
		}
		a := r.article(s.article)
		ev := s.ev
		ev.Article, ev.ArticleTitle, ev.Outlet, ev.ArticleDate = r.text(s.article), a.title, a.outlet, a.date
		k := factKey{s.pred, sr.dir, other.Key()}
		f := facts[k]
		if f == nil {
			f = &Fact{Other: r.node(other), Kinds: map[string]int{}}
			facts[k], factArticles[k], factOutlets[k] = f, map[any]bool{}, map[string]bool{}
			order = append(order, k)
		}
		f.Kinds[ev.Kind]++
		if s.asserted != nil {
			by := r.node(s.asserted)
			ev.AssertedBy = by.Name
			if !hasNode(f.AssertedBy, by.IRI) {
				f.AssertedBy = append(f.AssertedBy, by)
			}
		}
		f.Evidence = append(f.Evidence, ev)
		factArticles[k][s.article.Key()] = true
		if a.outlet != "" {
			factOutlets[k][a.outlet] = true
		}
	}
	if r.err != nil {
		return nil, r.err
	}

	groups := map[[2]string]*FactGroup{}
	for _, k := range order {
		f := facts[k]
		f.Articles, f.Outlets, f.Statements = len(factArticles[k]), len(factOutlets[k]), len(f.Evidence)
		sortEvidence(f.Evidence)
		if len(f.Evidence) > maxEvidence {
			f.Evidence = f.Evidence[:maxEvidence]
		}
		g := groups[[2]string{k.pred, k.dir}]
		if g == nil {
			g = &FactGroup{Predicate: k.pred, Direction: k.dir}
			groups[[2]string{k.pred, k.dir}] = g
		}
		g.Facts = append(g.Facts, *f)
	}
	for _, g := range groups {
		sort.SliceStable(g.Facts, func(i, j int) bool {
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
