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
// objects of one predicate) it keeps for the rest of the update; the quads
// themselves it does not, so that its memory is that of what the analysis
// uses.
type reader struct {
	ctx      context.Context
	src      quadSource
	picked   map[pickKey][]quad.Value // subjects and objects, by node and predicate
	events   map[quad.Value]*event
	articles map[quad.Value]*article
	stmts    map[quad.Value]*statement
}

func newReader(ctx context.Context, src quadSource) *reader {
	return &reader{ctx: ctx, src: src, picked: map[pickKey][]quad.Value{},
		events: map[quad.Value]*event{}, articles: map[quad.Value]*article{}, stmts: map[quad.Value]*statement{}}
}

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
	if vs, ok := r.picked[k]; ok {
		return vs, nil
	}
	qs, err := r.src.QuadsWith(r.ctx, k.dir, k.v, k.p)
	if err != nil {
		return nil, err
	}
	vs := pick(qs, k.p, d)
	r.picked[k] = vs
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
func typed[T any](r *reader, cache map[quad.Value]*T, v quad.Value, is func(qs []quad.Quad) bool, fill func(qs []quad.Quad) (*T, error)) (*T, error) {
	if x, ok := cache[v]; ok {
		return x, nil
	}
	qs, err := r.outQuads(v)
	if err != nil || !is(qs) {
		return nil, err
	}
	x, err := fill(qs)
	cache[v] = x
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
	if a, ok := r.articles[v]; ok {
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
	r.articles[v] = a
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
