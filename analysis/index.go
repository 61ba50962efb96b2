package analysis

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// quadSource is what the analysis reads quads from: the store
// (graph.Store), or, on a build into an empty store, the quads that build
// loaded (Index).
type quadSource interface {
	// Quads are the quads whose value in direction d is v.
	Quads(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error)
	// QuadsWith are those of them with predicate p.
	QuadsWith(ctx context.Context, d quad.Direction, v, p quad.Value) ([]quad.Quad, error)
}

// Index holds in memory what the analysis reads of the quads a build
// loads into an empty store. The store then holds exactly those quads, so
// the analysis can read them here instead of reading back what the run
// has just written: on a full build that reading was most of the
// analysis' time (one store lookup per quad). It keeps only the quads the
// analysis reads, not names, aliases, places or evidence; a build into a
// store that held quads before must leave Options.Loaded nil, since the
// analysis then reads older articles too.
type Index struct {
	subject map[quad.Value][]quad.Quad
	object  map[objectKey][]quad.Quad
}

type objectKey struct{ o, p quad.Value }

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{subject: map[quad.Value][]quad.Quad{}, object: map[objectKey][]quad.Quad{}}
}

// bySubject are the predicates the analysis reads from a node: those of
// events (read.go: event), statements (statement), articles (article) and
// the fact edges between entities (facts.go: edges, memberOf).
var bySubject = func() map[quad.Value]bool {
	m := map[quad.Value]bool{}
	for _, p := range []quad.IRI{schema.EventType, schema.Kind, schema.Date, schema.DatePrecision,
		schema.Agent, schema.Target, schema.Location, schema.InArticle,
		schema.RDFSubject, schema.RDFPredicate, schema.RDFObject,
		schema.Outlet, schema.Credit, schema.Sketch} {
		m[p] = true
	}
	for _, p := range schema.Predicates {
		m[schema.PredicateIRI(p.Name)] = true
	}
	return m
}()

// byObject are the predicates the analysis looks up by object (reader's
// subjects): an article's nodes and entities, the events at a place or on
// a day, the statements of a node, the denials. The analysis' own
// predicates (ng:reportedIn, ng:report, ng:sideA …) are not among them: a
// build into an empty store has written none when the analysis runs.
var byObject = map[quad.Value]bool{
	schema.InArticle: true, schema.MentionedIn: true, schema.Target: true, schema.Location: true,
	schema.Date: true, schema.RDFSubject: true, schema.RDFObject: true, schema.Kind: true,
}

// Add indexes quads that were loaded into the store.
func (x *Index) Add(qs []quad.Quad) {
	for _, q := range qs {
		if bySubject[q.Predicate] {
			x.subject[q.Subject] = append(x.subject[q.Subject], q)
		}
		if byObject[q.Predicate] {
			k := objectKey{q.Object, q.Predicate}
			x.object[k] = append(x.object[k], q)
		}
	}
}

// Quads are the quads the index keeps of a node (direction quad.Subject
// only).
func (x *Index) Quads(_ context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	if d != quad.Subject {
		return nil, fmt.Errorf("analysis: the index has no quads by %s", d)
	}
	return x.subject[v], nil
}

// QuadsWith are the quads of predicate p from v (direction quad.Subject)
// or to v (quad.Object). Asking for a predicate the index does not keep
// in that direction is an error, not an empty answer: a reader that
// wants more than the index keeps must say so here.
func (x *Index) QuadsWith(_ context.Context, d quad.Direction, v, p quad.Value) ([]quad.Quad, error) {
	switch {
	case d == quad.Subject && bySubject[p]:
		var out []quad.Quad
		for _, q := range x.subject[v] {
			if q.Predicate == p {
				out = append(out, q)
			}
		}
		return out, nil
	case d == quad.Object && byObject[p]:
		return x.object[objectKey{v, p}], nil
	case d == quad.Object && (p == ReportedIn || p == ReportOf || p == SideA || p == SideB):
		return nil, nil // the analysis' own quads: none yet
	}
	return nil, fmt.Errorf("analysis: the index keeps no %s quads by %s", p, d)
}
