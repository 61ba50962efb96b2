package analysis

import (
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Facts. A fact that two articles or more state (in any voice but a
// denial) gets a fact node with its counts of articles and independent
// sources; each of its statements points at it and carries the same
// counts, so that a query on statements can rank by them. A fact stated
// by one source and denied by another is a contradiction.

// facts recounts every fact of the update's keys.
func (u *update) facts() ([]*node, error) {
	var out []*node
	for key := range u.keys {
		var affirm, deny []*statement
		subjects, err := u.r.subjects(schema.RDFSubject, key.s)
		if err != nil {
			return nil, err
		}
		for _, v := range subjects {
			s, err := u.r.statement(v)
			if err != nil {
				return nil, err
			}
			switch {
			case s == nil || s.key != key:
			case s.kind == schema.Denied:
				deny = append(deny, s)
			default:
				affirm = append(affirm, s)
			}
		}
		fact := hashIRI(factPrefix, key.s.String(), key.p.String(), key.o.String())
		conflict := hashIRI(conflictPrefix, DeniedFact, key.s.String(), key.p.String(), key.o.String())
		u.old[fact], u.old[conflict] = true, true
		n, err := u.fact(fact, affirm)
		if err != nil {
			return nil, err
		}
		if n != nil {
			out = append(out, n)
		}
		if c, err := u.deniedFact(conflict, affirm, deny); err != nil {
			return nil, err
		} else if c != nil {
			out = append(out, c)
		}
	}
	return out, nil
}

func stmtArticle(s *statement) quad.Value { return s.article }

// fact makes the fact node of statements from two articles or more.
func (u *update) fact(iri quad.IRI, stmts []*statement) (*node, error) {
	arts := articlesOf(stmts, stmtArticle)
	if len(arts) < 2 {
		return nil, nil
	}
	k, err := u.sources(arts)
	if err != nil {
		return nil, err
	}
	n := newNode(iri, ClassFact)
	articles, outlets := quad.Int(len(arts)), quad.Int(k)
	n.add(iri, Articles, articles)
	n.add(iri, Outlets, outlets)
	for _, a := range arts {
		n.add(iri, ReportedIn, a)
	}
	for _, s := range stmts {
		n.add(s.iri, InFact, iri)
		n.add(s.iri, Articles, articles)
		n.add(s.iri, Outlets, outlets)
	}
	return n, nil
}

// deniedFact makes the contradiction of a fact's statements and denials
// when they come from two independent sources or more.
func (u *update) deniedFact(iri quad.IRI, affirm, deny []*statement) (*node, error) {
	if len(affirm) == 0 || len(deny) == 0 {
		return nil, nil
	}
	k, err := u.sources(articlesOf(append(append([]*statement{}, affirm...), deny...), stmtArticle))
	if err != nil || k < 2 {
		return nil, err
	}
	n := newNode(iri, ClassContradiction)
	n.add(iri, Conflict, quad.String(DeniedFact))
	for _, side := range []struct {
		stmts     []*statement
		rep, outs quad.IRI
	}{{affirm, SideA, OutletsA}, {deny, SideB, OutletsB}} {
		for _, s := range side.stmts {
			n.add(iri, side.rep, s.iri)
		}
		if err := u.sidesOutlets(n, side.outs, articlesOf(side.stmts, stmtArticle)); err != nil {
			return nil, err
		}
	}
	n.quads = dedupe(n.quads)
	return n, nil
}
