package analysis

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Incidents. Two events are reports of one happening when they have the
// same type, compatible agents, a common place (the target or location of
// one is the target or location of the other) and dates no more than the
// window apart; an incident is a set of events so linked, one to the next,
// that come from two articles or more. Events are blocked by place and
// day: linking an event reads the events of its places on the days of its
// window, not every event of the store, nor every event of a place.

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
	places *cache[quad.Value, map[quad.Value]bool] // the nodes at a place
	placed map[quad.Value]bool                     // events already in a component
}

// component returns the connected set of the seed s, or nil when s is
// in one already (or was removed with its article).
func (l *linker) component(s quad.Value) ([]*event, error) {
	if l.placed[s] {
		return nil, nil
	}
	l.placed[s] = true
	e, err := l.u.r.event(s)
	if err != nil || e == nil {
		return nil, err
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
	return comp, nil
}

// trim ages the reader's caches and, with them, the nodes at each place.
func (l *linker) trim() {
	if l.u.r.trim() {
		l.places.age()
	}
}

// neighbours are the events linked to e: those of its type, dated within
// the window, at one of its places. The candidates are those of the
// window's days that are at the place, found by the (object, predicate)
// index of ng:date and of ng:target and ng:location; only they are read.
func (l *linker) neighbours(e *event) ([]*event, error) {
	if !linkable(e) {
		return nil, nil
	}
	var out []*event
	seen := map[*event]bool{e: true}
	days := int(l.u.window / (24 * time.Hour))
	for _, place := range []quad.Value{e.target, e.location} {
		if place == nil {
			continue
		}
		at, err := l.at(place)
		if err != nil {
			return nil, err
		}
		for d := -days; d <= days; d++ {
			on, err := l.u.r.subjects(schema.Date, quad.String(e.day.AddDate(0, 0, d).Format("2006-01-02")))
			if err != nil {
				return nil, err
			}
			for _, v := range on {
				if !at[v] {
					continue
				}
				f, err := l.u.r.event(v)
				if err != nil {
					return nil, err
				}
				if !linkable(f) || seen[f] || f.typ != e.typ || absDays(f.day.Sub(e.day)) > l.u.window {
					continue
				}
				seen[f] = true
				ok, err := l.u.r.compatible(agentOf(e), agentOf(f))
				if err != nil {
					return nil, err
				}
				if ok {
					out = append(out, f)
				}
			}
		}
	}
	return out, nil
}

// at returns the nodes whose target or location is place.
func (l *linker) at(place quad.Value) (map[quad.Value]bool, error) {
	if b, ok := l.places.get(place); ok {
		return b, nil
	}
	b := map[quad.Value]bool{}
	for _, p := range []quad.IRI{schema.Target, schema.Location} {
		vs, err := l.u.r.subjects(p, place)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			b[v] = true
		}
	}
	l.places.put(place, b)
	return b, nil
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// earlier orders events by date, then IRI.
func earlier(a, b *event) bool {
	if !a.day.Equal(b.day) {
		return a.day.Before(b.day)
	}
	return a.iri.String() < b.iri.String()
}

// incidents links the seeds into components and writes their incident
// and contradiction nodes, one component at a time. Replacing a
// component's old nodes may set new seeds (the other reports of an
// incident that split), so it runs until every seed is placed.
func (u *update) incidents(out *output) error {
	l := &linker{u: u, places: newCache[quad.Value, map[quad.Value]bool](), placed: map[quad.Value]bool{}}
	for {
		var seeds []quad.Value
		for s := range u.seeds {
			if !l.placed[s] {
				seeds = append(seeds, s)
			}
		}
		if len(seeds) == 0 {
			return nil
		}
		slices.SortFunc(seeds, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, s := range seeds {
			c, err := l.component(s)
			if err != nil {
				return err
			}
			if c == nil {
				continue
			}
			nodes, err := u.component(c)
			if err != nil {
				return err
			}
			if err := out.add(nodes); err != nil {
				return err
			}
			l.trim()
		}
	}
}

// component replaces the old nodes of a component's events with its
// incident (if it has reports from two articles) and its contradictions.
// An old node of the same IRI as a new one is forgotten too, before the
// new one is written over it: the components linked after this one read
// the old nodes of their events from the store, and must find what this
// one's replaced in u.old rather than miss it.
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
	if err != nil {
		return nil, err
	}
	out = append(out, cs...)
	for _, n := range out {
		if err := u.forget(n.iri); err != nil {
			return nil, err
		}
	}
	return out, nil
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
