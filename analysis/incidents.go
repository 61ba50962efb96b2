package analysis

import (
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Incidents. Two events are reports of one happening when they have the
// same type, compatible agents, a common place (the target or location of
// one is the target or location of the other) and dates no more than the
// window apart; an incident is a set of events so linked, one to the next,
// that come from two articles or more. Events are read in blocks of one
// place sorted by date, so linking an event costs the reports of its place
// within the window, not every event of the store.

// linkable reports whether an event can be a report of an incident: a
// happening (not a statement or threat) at a place, dated to the day by
// its text or by its article. A month or a year is too vague to say that
// two reports are of one happening.
func linkable(e *event) bool {
	return e != nil && e.typ != schema.EvStatement && e.typ != schema.EvThreat && e.kind != schema.Threatened &&
		!e.day.IsZero() && (e.target != nil || e.location != nil)
}

// agentOf is who an event says did it: nobody, for a denial.
func agentOf(e *event) quad.Value {
	if e.kind == schema.Denied {
		return nil
	}
	return e.agent
}

// linker finds the incidents (connected sets of linked events) that
// contain some events.
type linker struct {
	u      *update
	blocks map[quad.Value][]*event // the linkable events at a place, by date
	placed map[quad.Value]bool     // events already in a component
}

// components returns the connected set of every seed not yet placed.
func (l *linker) components(seeds []quad.Value) ([][]*event, error) {
	var out [][]*event
	for _, s := range seeds {
		if l.placed[s] {
			continue
		}
		l.placed[s] = true
		e, err := l.u.r.event(s)
		if err != nil {
			return nil, err
		}
		if e == nil {
			continue // removed with its article
		}
		comp := []*event{e}
		for i := 0; i < len(comp); i++ {
			next, err := l.neighbours(comp[i])
			if err != nil {
				return nil, err
			}
			for _, f := range next {
				if !l.placed[f.iri] {
					l.placed[f.iri] = true
					comp = append(comp, f)
				}
			}
		}
		out = append(out, comp)
	}
	return out, nil
}

// neighbours are the events linked to e.
func (l *linker) neighbours(e *event) ([]*event, error) {
	if !linkable(e) {
		return nil, nil
	}
	var out []*event
	for _, place := range []quad.Value{e.target, e.location} {
		if place == nil {
			continue
		}
		block, err := l.block(place)
		if err != nil {
			return nil, err
		}
		from := sort.Search(len(block), func(i int) bool { return !block[i].day.Before(e.day.Add(-l.u.window)) })
		for _, f := range block[from:] {
			if f.day.After(e.day.Add(l.u.window)) {
				break
			}
			if f == e || f.typ != e.typ {
				continue
			}
			ok, err := l.u.r.compatible(agentOf(e), agentOf(f))
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// block returns the linkable events whose target or location is place,
// sorted by date.
func (l *linker) block(place quad.Value) ([]*event, error) {
	if b, ok := l.blocks[place]; ok {
		return b, nil
	}
	var b []*event
	seen := map[quad.Value]bool{}
	for _, p := range []quad.IRI{schema.Target, schema.Location} {
		vs, err := l.u.r.subjects(p, place)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if seen[v] {
				continue
			}
			seen[v] = true
			e, err := l.u.r.event(v)
			if err != nil {
				return nil, err
			}
			if linkable(e) {
				b = append(b, e)
			}
		}
	}
	sort.Slice(b, func(i, j int) bool { return earlier(b[i], b[j]) })
	l.blocks[place] = b
	return b, nil
}

// earlier orders events by date, then IRI.
func earlier(a, b *event) bool {
	if !a.day.Equal(b.day) {
		return a.day.Before(b.day)
	}
	return a.iri.String() < b.iri.String()
}

// incidents links the seeds into components and makes their incident and
// contradiction nodes. Replacing a component's old nodes may set new
// seeds (the other reports of an incident that split), so it runs until
// every seed is placed.
func (u *update) incidents() ([]*node, error) {
	l := &linker{u: u, blocks: map[quad.Value][]*event{}, placed: map[quad.Value]bool{}}
	var out []*node
	for {
		var seeds []quad.Value
		for s := range u.seeds {
			if !l.placed[s] {
				seeds = append(seeds, s)
			}
		}
		if len(seeds) == 0 {
			return out, nil
		}
		slices.SortFunc(seeds, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
		comps, err := l.components(seeds)
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			nodes, err := u.component(c)
			if err != nil {
				return nil, err
			}
			out = append(out, nodes...)
		}
	}
}

// component replaces the old nodes of a component's events with its
// incident (if it has reports from two articles) and its contradictions.
func (u *update) component(c []*event) ([]*node, error) {
	sort.Slice(c, func(i, j int) bool { return earlier(c[i], c[j]) })
	for _, e := range c {
		for _, p := range []quad.IRI{ReportOf, SideA, SideB} {
			olds, err := u.r.subjects(p, e.iri)
			if err != nil {
				return nil, err
			}
			for _, n := range olds {
				if err := u.forget(n); err != nil {
					return nil, err
				}
			}
		}
	}
	inc, err := u.incident(c)
	if err != nil {
		return nil, err
	}
	var out []*node
	var incIRI quad.Value
	if inc != nil {
		out, incIRI = append(out, inc), inc.iri
	}
	cs, err := u.conflicts(c, incIRI)
	return append(out, cs...), err
}

// incident makes the incident node of a component sorted by date, or nil
// when its reports come from one article. Its IRI is a hash of its first
// report (the earliest, ties broken by IRI): later reports leave it as it
// is, and every build from the same articles gives the same.
func (u *update) incident(c []*event) (*node, error) {
	arts := articlesOf(c, func(e *event) quad.Value { return e.article })
	if len(arts) < 2 {
		return nil, nil
	}
	first := c[0]
	n := newNode(hashIRI(incidentPrefix, first.iri.String()), ClassIncident)
	n.add(n.iri, schema.EventType, quad.String(first.typ))
	n.add(n.iri, schema.Date, quad.String(first.date))
	n.add(n.iri, schema.DatePrecision, quad.String(first.precision))
	outlets, err := u.sources(arts)
	if err != nil {
		return nil, err
	}
	n.add(n.iri, Articles, quad.Int(len(arts)))
	n.add(n.iri, Outlets, quad.Int(outlets))
	var dates []string
	for _, a := range arts {
		n.add(n.iri, ReportedIn, a)
		art, err := u.r.article(a)
		if err != nil {
			return nil, err
		}
		if art.date != "" {
			dates = append(dates, art.date)
		}
	}
	if len(dates) > 0 {
		n.add(n.iri, FirstReported, quad.String(slices.Min(dates)))
		n.add(n.iri, LastReported, quad.String(slices.Max(dates)))
	}
	seen := map[quad.Quad]bool{}
	for _, e := range c {
		n.add(n.iri, ReportOf, e.iri)
		for _, r := range []struct {
			p quad.IRI
			v quad.Value
		}{{schema.Agent, agentOf(e)}, {schema.Target, e.target}, {schema.Location, e.location}} {
			q := quad.Quad{Subject: n.iri, Predicate: r.p, Object: r.v, Label: n.iri}
			if r.v != nil && !seen[q] {
				seen[q] = true
				n.quads = append(n.quads, q)
			}
		}
	}
	return n, nil
}
