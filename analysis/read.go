package analysis

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// reader reads nodes from the store (or an Index of what a build loaded).
// What it makes of them (events, statements, articles, the subjects or
// objects of one predicate) it keeps in caches that trim ages; the quads
// themselves it does not, so that its memory is that of what the analysis
// uses.
type reader struct {
	ctx      context.Context
	src      quadSource
	picked   *cache[pickKey, []quad.Value] // subjects and objects, by node and predicate
	events   *cache[quad.Value, *event]
	articles *cache[quad.Value, *article]
	stmts    *cache[quad.Value, *statement]
	read     int // values and nodes read into the caches since they last aged
}

func newReader(ctx context.Context, src quadSource) *reader {
	return &reader{ctx: ctx, src: src, picked: newCache[pickKey, []quad.Value](),
		events: newCache[quad.Value, *event](), articles: newCache[quad.Value, *article](), stmts: newCache[quad.Value, *statement]()}
}

// cacheBound is how many values and nodes the reader reads into its
// caches before they age (a value or node costs some 100 to 300 bytes).
var cacheBound = 1 << 16

// trim ages the reader's caches once it has read cacheBound values and
// nodes into them since they last aged, and reports whether they did.
// The analysis calls it between one component (or one entity's facts)
// and the next, never within one, so that what the analysis holds is a
// component's reads, not the store's.
func (r *reader) trim() bool {
	if r.read < cacheBound {
		return false
	}
	r.read = 0
	r.picked.age()
	r.events.age()
	r.articles.age()
	r.stmts.age()
	return true
}

// cache keeps what the reader made of what it read, in two generations.
// Aging drops the older generation and makes the newer one older; a hit
// in the older generation moves to the newer. What the analysis uses over
// and over (a hub's events, the nodes of a busy day) stays, and the rest
// goes: a first build's analysis reads every event and article of the
// store, and keeping them all made its memory grow with the store (6.8 GB
// at 100k generated articles).
type cache[K comparable, V any] struct{ now, old map[K]V }

func newCache[K comparable, V any]() *cache[K, V] {
	return &cache[K, V]{now: map[K]V{}, old: map[K]V{}}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	if v, ok := c.now[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.now[k] = v
	}
	return v, ok
}

func (c *cache[K, V]) put(k K, v V) { c.now[k] = v }

func (c *cache[K, V]) age() { c.old, c.now = c.now, map[K]V{} }

// outQuads are the quads from v (any label).
func (r *reader) outQuads(v quad.Value) ([]quad.Quad, error) {
	return r.src.Quads(r.ctx, quad.Subject, v)
}

type pickKey struct {
	v   quad.Value
	p   quad.IRI
	dir quad.Direction // of v
}

// subjects are the subjects of the quads p → v; objects the objects of v → p.
func (r *reader) subjects(p quad.IRI, v quad.Value) ([]quad.Value, error) {
	return r.pickOnce(pickKey{v, p, quad.Object}, quad.Subject)
}

func (r *reader) objects(v quad.Value, p quad.IRI) ([]quad.Value, error) {
	return r.pickOnce(pickKey{v, p, quad.Subject}, quad.Object)
}

// pickOnce reads what subjects and objects ask for once: a hub is asked
// about often.
func (r *reader) pickOnce(k pickKey, d quad.Direction) ([]quad.Value, error) {
	if vs, ok := r.picked.get(k); ok {
		return vs, nil
	}
	qs, err := r.src.QuadsWith(r.ctx, k.dir, k.v, k.p)
	if err != nil {
		return nil, err
	}
	vs := pick(qs, k.p, d)
	r.picked.put(k, vs)
	r.read += len(vs)
	return vs, nil
}

// pick gives the values in direction d of the quads with predicate p,
// each once (every article has its own copy of a quad).
func pick(qs []quad.Quad, p quad.IRI, d quad.Direction) []quad.Value {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	for _, q := range qs {
		if q.Predicate == p && !seen[q.Get(d)] {
			seen[q.Get(d)] = true
			out = append(out, q.Get(d))
		}
	}
	return out
}

// event is an event node as the analysis sees it.
type event struct {
	iri                     quad.Value
	typ, kind               string
	date, precision         string
	agent, target, location quad.Value
	article                 quad.Value
	day                     time.Time // the date as a day, when it has one (precision day or reported)
	// claims and denials are the statements that someone claimed or
	// denied responsibility for the event.
	claims, denials []*statement
}

// typed reads the node v once per update: nil when it is not of class
// (or no longer in the store), else what fill makes of its quads.
func typed[T any](r *reader, c *cache[quad.Value, *T], v quad.Value, is func(qs []quad.Quad) bool, fill func(qs []quad.Quad) (*T, error)) (*T, error) {
	if x, ok := c.get(v); ok {
		return x, nil
	}
	qs, err := r.outQuads(v)
	if err != nil || !is(qs) {
		return nil, err
	}
	x, err := fill(qs)
	c.put(v, x)
	r.read++
	return x, err
}

// event reads an event node; nil if v is none (or no longer in the store).
func (r *reader) event(v quad.Value) (*event, error) {
	isEvent := func(qs []quad.Quad) bool { return schema.IsEvent(v) && len(qs) > 0 }
	return typed(r, r.events, v, isEvent, func(qs []quad.Quad) (*event, error) {
		e := &event{iri: v}
		for _, q := range qs {
			switch q.Predicate {
			case schema.EventType:
				e.typ = str(q.Object)
			case schema.Kind:
				e.kind = str(q.Object)
			case schema.Date:
				e.date = str(q.Object)
			case schema.DatePrecision:
				e.precision = str(q.Object)
			case schema.Agent:
				e.agent = q.Object
			case schema.Target:
				e.target = q.Object
			case schema.Location:
				e.location = q.Object
			case schema.InArticle:
				e.article = q.Object
			}
		}
		if e.precision == schema.PrecisionDay || e.precision == schema.PrecisionReported {
			e.day, _ = time.Parse("2006-01-02", e.date)
		}
		return e, r.responsibility(e)
	})
}

// responsibility reads the statements that claim or deny the event. A
// statement or a threat is claimed by no one (its agent says it), so its
// incoming quads are left unread.
func (r *reader) responsibility(e *event) error {
	if e.typ == schema.EvStatement || e.typ == schema.EvThreat {
		return nil
	}
	stmts, err := r.subjects(schema.RDFObject, e.iri)
	for _, v := range stmts {
		s, err := r.statement(v)
		if err != nil || s == nil {
			return err
		}
		switch s.key.p {
		case claimedResponsibility:
			e.claims = append(e.claims, s)
		case deniedResponsibility:
			e.denials = append(e.denials, s)
		}
	}
	return err
}

var (
	claimedResponsibility = schema.PredicateIRI("claimed_responsibility_for")
	deniedResponsibility  = schema.PredicateIRI("denied_responsibility_for")
)

// article is an article node's provenance.
type article struct {
	iri                                 quad.Value
	title, outlet, credit, sketch, date string
}

func (r *reader) article(v quad.Value) (*article, error) {
	if a, ok := r.articles.get(v); ok {
		return a, nil
	}
	qs, err := r.outQuads(v)
	if err != nil {
		return nil, err
	}
	a := &article{iri: v}
	for _, q := range qs {
		switch q.Predicate {
		case schema.Title:
			a.title = str(q.Object)
		case schema.Outlet:
			a.outlet = str(q.Object)
		case schema.Credit:
			a.credit = str(q.Object)
		case schema.Sketch:
			a.sketch = str(q.Object)
		case schema.Date:
			a.date = str(q.Object)
		}
	}
	r.articles.put(v, a)
	r.read++
	return a, nil
}

// statement is a statement node: one article's record of a fact.
type statement struct {
	iri     quad.Value
	key     factKey
	kind    string
	article quad.Value
}

// factKey is a fact: its subject, predicate and object.
type factKey struct{ s, p, o quad.Value }

func (r *reader) statement(v quad.Value) (*statement, error) {
	// A statement is the node with an rdf:predicate (it has no rdf:type:
	// docs/schema.md).
	isStatement := func(qs []quad.Quad) bool {
		return slices.ContainsFunc(qs, func(q quad.Quad) bool { return q.Predicate == schema.RDFPredicate })
	}
	return typed(r, r.stmts, v, isStatement, func(qs []quad.Quad) (*statement, error) {
		s := &statement{iri: v}
		for _, q := range qs {
			switch q.Predicate {
			case schema.RDFSubject:
				s.key.s = q.Object
			case schema.RDFPredicate:
				s.key.p = q.Object
			case schema.RDFObject:
				s.key.o = q.Object
			case schema.Kind:
				s.kind = str(q.Object)
			case schema.InArticle:
				s.article = q.Object
			}
		}
		return s, nil
	})
}

// memberOf reports whether a is a member (or front, or component) of b.
func (r *reader) memberOf(a, b quad.Value) (bool, error) {
	os, err := r.objects(a, schema.PredicateIRI("member_of"))
	for _, o := range os {
		if o == b {
			return true, err
		}
	}
	return false, err
}

// compatible reports whether two agents may be named for one happening:
// the same, one unknown, or one a member of the other.
func (r *reader) compatible(a, b quad.Value) (bool, error) {
	if a == nil || b == nil || a == b {
		return true, nil
	}
	if ok, err := r.memberOf(a, b); ok || err != nil {
		return ok, err
	}
	return r.memberOf(b, a)
}

func str(v quad.Value) string {
	if s, ok := v.(quad.String); ok {
		return string(s)
	}
	return ""
}

func isA(v quad.Value, prefix string) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), prefix)
}
