package analysis

import (
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Facts. A fact that two articles or more state (in any voice but a
// denial) gets a fact node with its subject, predicate and object and its
// counts of articles and independent sources. A fact stated by one source
// and denied by another is a contradiction.

// facts recounts the facts of the update's entities that a touched
// article states, or that a replaced node counted, and writes their nodes,
// one entity at a time. A fact's articles are the labels of its direct
// edges; of its statements only the denials (few in any store) are read,
// and the rest only when they contradict one.
func (u *update) facts(out *output) error {
	for s := range u.subjects {
		labels, err := u.edges(s)
		if err != nil {
			return err
		}
		for k, ls := range labels {
			if len(ls) < 2 || !u.keys[k] && !anyIn(ls, u.touched) {
				continue
			}
			nodes, err := u.recount(k, ls)
			if err != nil {
				return err
			}
			if err := out.add(nodes); err != nil {
				return err
			}
		}
		u.r.trim()
	}
	return nil
}

// edges reads the direct edges of the facts whose subject is s: the
// articles of each fact, the labels of its edges.
func (u *update) edges(s quad.Value) (map[factKey]map[quad.Value]bool, error) {
	labels := map[factKey]map[quad.Value]bool{}
	for _, p := range schema.Predicates {
		qs, err := u.r.src.QuadsWith(u.r.ctx, quad.Subject, s, schema.PredicateIRI(p.Name))
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

// statementsOf reads the statements of a fact: those of its subject that
// are also of its object (both found by index), and of its predicate.
func (u *update) statementsOf(k factKey) ([]*statement, error) {
	of, err := u.r.subjects(schema.RDFSubject, k.s)
	if err != nil {
		return nil, err
	}
	bySubject := u.sets[k.s]
	if bySubject == nil {
		bySubject = make(map[quad.Value]bool, len(of))
		for _, v := range of {
			bySubject[v] = true
		}
		u.sets[k.s] = bySubject
	}
	about, err := u.r.subjects(schema.RDFObject, k.o)
	if err != nil {
		return nil, err
	}
	var out []*statement
	for _, v := range about {
		if !bySubject[v] {
			continue
		}
		st, err := u.r.statement(v)
		if err != nil {
			return nil, err
		}
		if st != nil && st.key == k {
			out = append(out, st)
		}
	}
	return out, nil
}

// recount makes a fact's node and its contradiction, if it has them.
func (u *update) recount(key factKey, labels map[quad.Value]bool) ([]*node, error) {
	deny, err := u.denials(key)
	if err != nil {
		return nil, err
	}
	// An article that denies the fact is none of its sources (one that
	// also states it, in another sentence, is taken at its denial).
	affirmed := map[quad.Value]bool{}
	for a := range labels {
		affirmed[a] = true
	}
	for _, d := range deny {
		delete(affirmed, d.article)
	}
	arts := make([]quad.Value, 0, len(affirmed))
	for a := range affirmed {
		arts = append(arts, a)
	}
	var out []*node
	n, err := u.fact(key, arts)
	if n != nil {
		out = append(out, n)
	}
	if err != nil || len(deny) == 0 || len(arts) == 0 {
		return out, err
	}
	stmts, err := u.statementsOf(key)
	if err != nil {
		return nil, err
	}
	affirm := slices.DeleteFunc(stmts, func(s *statement) bool { return s.kind == schema.Denied })
	c, err := u.deniedFact(hashIRI(conflictPrefix, DeniedFact, key.s.String(), key.p.String(), key.o.String()), affirm, deny)
	if c != nil {
		out = append(out, c)
	}
	return out, err
}

// denials are the statements that deny a fact. The store's denials are
// read by index once and grouped by their fact, so that each fact's are
// a look-up: going through every denial for every fact was quadratic, and
// most of a 10k-article build's analysis (85 of 94 s).
func (u *update) denials(key factKey) ([]*statement, error) {
	if u.denied == nil {
		vs, err := u.r.subjects(schema.Kind, quad.String(schema.Denied))
		if err != nil {
			return nil, err
		}
		u.denied = map[factKey][]*statement{}
		for _, v := range vs {
			s, err := u.r.statement(v)
			if err != nil {
				return nil, err
			}
			if s != nil {
				u.denied[s.key] = append(u.denied[s.key], s)
			}
		}
	}
	return u.denied[key], nil
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

// fact makes the node of a fact two articles or more state.
func (u *update) fact(key factKey, arts []quad.Value) (*node, error) {
	if len(arts) < 2 {
		return nil, nil
	}
	k, err := u.sources(arts)
	if err != nil {
		return nil, err
	}
	n := newNode(hashIRI(factPrefix, key.s.String(), key.p.String(), key.o.String()), ClassFact)
	n.add(n.iri, FactSubject, key.s)
	n.add(n.iri, FactPredicate, key.p)
	n.add(n.iri, FactObject, key.o)
	n.add(n.iri, Articles, quad.Int(len(arts)))
	n.add(n.iri, Outlets, quad.Int(k))
	for _, a := range arts {
		n.add(n.iri, ReportedIn, a)
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
