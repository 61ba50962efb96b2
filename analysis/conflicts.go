package analysis

import (
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// naming is a report that names an agent: an event as the one who did it
// (or claimed or denied it), or a statement that the agent claimed or
// denied responsibility for it.
type naming struct {
	report, article, agent quad.Value
}

func eventNaming(e *event, agent quad.Value) naming { return naming{e.iri, e.article, agent} }
func stmtNaming(s *statement) naming                { return naming{s.iri, s.article, s.key.s} }

// conflicts finds a component's contradictions: a claim of responsibility
// against a denial by the same agent (or its member or umbrella), and
// attributions to agents that are not one another's members.
func (u *update) conflicts(c []*event, inc quad.Value) ([]*node, error) {
	var claims, denials, attributions []naming
	for _, e := range c {
		if e.kind == schema.Claimed && e.agent != nil && !claimedBy(e, e.agent) {
			claims = append(claims, eventNaming(e, e.agent)) // no statement of the claim to show instead
		}
		if e.kind == schema.Denied && e.agent != nil {
			denials = append(denials, eventNaming(e, e.agent))
		}
		for _, s := range e.claims {
			claims = append(claims, stmtNaming(s))
			attributions = append(attributions, stmtNaming(s))
		}
		for _, s := range e.denials {
			denials = append(denials, stmtNaming(s))
		}
		if a := agentOf(e); a != nil && e.kind != schema.Threatened && !claimedBy(e, a) {
			attributions = append(attributions, eventNaming(e, a))
		}
	}
	var out []*node
	var claimSide, denialSide []naming
	for _, cl := range claims {
		for _, d := range denials {
			ok, err := u.r.compatible(cl.agent, d.agent)
			if err != nil {
				return nil, err
			}
			if ok {
				claimSide, denialSide = append(claimSide, cl), append(denialSide, d)
			}
		}
	}
	if len(claimSide) > 0 {
		n, err := u.contradiction(ClaimDenial, hashIRI(conflictPrefix, ClaimDenial, c[0].iri.String()), inc, claimSide, denialSide)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	rivals, err := u.rivals(c, inc, attributions)
	return append(out, rivals...), err
}

// rivals makes one contradiction for each pair of agents that a
// component's reports name and that are not one another's members.
func (u *update) rivals(c []*event, inc quad.Value, attributions []naming) ([]*node, error) {
	by := map[quad.Value][]naming{}
	var agents []quad.Value
	for _, a := range attributions {
		if by[a.agent] == nil {
			agents = append(agents, a.agent)
		}
		by[a.agent] = append(by[a.agent], a)
	}
	sort.Slice(agents, func(i, j int) bool { return agents[i].String() < agents[j].String() })
	var out []*node
	for i, a := range agents {
		for _, b := range agents[i+1:] {
			ok, err := u.r.compatible(a, b)
			if err != nil {
				return nil, err
			}
			if ok {
				continue
			}
			iri := hashIRI(conflictPrefix, RivalAttribution, c[0].iri.String(), a.String(), b.String())
			n, err := u.contradiction(RivalAttribution, iri, inc, by[a], by[b])
			if err != nil {
				return nil, err
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// contradiction makes a contradiction node between two sides of an
// incident's reports.
func (u *update) contradiction(kind string, iri quad.IRI, inc quad.Value, a, b []naming) (*node, error) {
	n := newNode(iri, ClassContradiction)
	n.add(iri, Conflict, quad.String(kind))
	if inc != nil {
		n.add(iri, InIncident, inc)
	}
	for _, side := range []struct {
		reports          []naming
		rep, agent, outs quad.IRI
	}{{a, SideA, AgentA, OutletsA}, {b, SideB, AgentB, OutletsB}} {
		for _, r := range side.reports {
			n.add(iri, side.rep, r.report)
			n.add(iri, side.agent, r.agent)
		}
		arts := articlesOf(side.reports, func(r naming) quad.Value { return r.article })
		if err := u.sidesOutlets(n, side.outs, arts); err != nil {
			return nil, err
		}
	}
	n.quads = dedupe(n.quads)
	return n, nil
}

// sidesOutlets records a side's independent sources and its articles.
func (u *update) sidesOutlets(n *node, p quad.IRI, arts []quad.Value) error {
	k, err := u.sources(arts)
	if err != nil {
		return err
	}
	n.add(n.iri, p, quad.Int(k))
	for _, a := range arts {
		n.add(n.iri, ReportedIn, a)
	}
	return nil
}

// dedupe drops repeated quads, keeping the first of each.
func dedupe(qs []quad.Quad) []quad.Quad {
	seen := map[quad.Quad]bool{}
	out := qs[:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// claimedBy reports whether a statement says agent claimed the event.
func claimedBy(e *event, agent quad.Value) bool {
	for _, s := range e.claims {
		if s.key.s == agent {
			return true
		}
	}
	return false
}
