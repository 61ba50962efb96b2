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

// facts recounts the facts of the update's entities that a touched
// article states, or that a replaced node counted. A fact's articles are
// the labels of its direct edges; only a fact of two articles or more
// needs its statements read.
func (u *update) facts() ([]*node, error) {
	var out []*node
	for s := range u.subjects {
		labels, err := u.edges(s)
		if err != nil {
			return nil, err
		}
		var stmts map[factKey][]*statement // read once the subject has a fact of two articles
		for k, ls := range labels {
			if len(ls) < 2 || !u.keys[k] && !anyIn(ls, u.touched) {
				continue
			}
			if stmts == nil {
				if stmts, err = u.statementsOf(s); err != nil {
					return nil, err
				}
			}
			nodes, err := u.recount(k, stmts[k])
			if err != nil {
				return nil, err
			}
			out = append(out, nodes...)
		}
	}
	return out, nil
}

// edges reads the direct edges of the facts whose subject is s: the
// articles of each fact, the labels of its edges.
func (u *update) edges(s quad.Value) (map[factKey]map[quad.Value]bool, error) {
	labels := map[factKey]map[quad.Value]bool{}
	for _, p := range schema.Predicates {
		qs, err := u.r.st.QuadsWith(u.r.ctx, quad.Subject, s, schema.PredicateIRI(p.Name))
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			k := factKey{q.Subject, q.Predicate, q.Object}
			if labels[k] == nil {
				labels[k] = map[quad.Value]bool{}
			}
			labels[k][q.Label] = true
		}
	}
	return labels, nil
}

// statementsOf reads the statements whose subject is s, by fact.
func (u *update) statementsOf(s quad.Value) (map[factKey][]*statement, error) {
	vs, err := u.r.subjects(schema.RDFSubject, s)
	if err != nil {
		return nil, err
	}
	out := map[factKey][]*statement{}
	for _, v := range vs {
		st, err := u.r.statement(v)
		if err != nil {
			return nil, err
		}
		if st != nil {
			out[st.key] = append(out[st.key], st)
		}
	}
	return out, nil
}

// recount makes a fact's node and its contradiction, if it has them.
func (u *update) recount(key factKey, stmts []*statement) ([]*node, error) {
	var affirm, deny []*statement
	for _, s := range stmts {
		if s.kind == schema.Denied {
			deny = append(deny, s)
		} else {
			affirm = append(affirm, s)
		}
	}
	var out []*node
	n, err := u.fact(hashIRI(factPrefix, key.s.String(), key.p.String(), key.o.String()), affirm)
	if n != nil {
		out = append(out, n)
	}
	if err != nil {
		return nil, err
	}
	c, err := u.deniedFact(hashIRI(conflictPrefix, DeniedFact, key.s.String(), key.p.String(), key.o.String()), affirm, deny)
	if c != nil {
		out = append(out, c)
	}
	return out, err
}

// anyIn reports whether some key of a is in b.
func anyIn(a, b map[quad.Value]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
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
