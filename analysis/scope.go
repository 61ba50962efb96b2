package analysis

import (
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

var eventPrefix = schema.Prefix + "event/"

// update is one run of the analysis over what some articles touched.
type update struct {
	r      *reader
	window time.Duration
	old    map[quad.Value]bool // nodes of the analysis to replace
	seeds  map[quad.Value]bool // events to link from
	// The facts to recount: those of the touched articles, found from the
	// entities they mention, and those of replaced fact nodes.
	touched  map[quad.Value]bool
	subjects map[quad.Value]bool // entities whose facts to look at
	keys     map[factKey]bool
	sets     map[quad.Value]map[quad.Value]bool // the statements of a subject, as a set
	denied   map[factKey][]*statement           // the store's denials by fact, once read
}

// scope finds what the touched articles take part in: their events and
// facts now, and the nodes of the analysis that rested on them before.
func (u *update) scope(touched []quad.Value) error {
	for _, a := range touched {
		u.touched[a] = true
		nodes, err := u.r.subjects(schema.InArticle, a)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			if isA(n, eventPrefix) {
				u.seeds[n] = true
			}
		}
		// An article's facts are edges between the entities it mentions,
		// labelled with it: reading them from the entities reads each
		// entity once, where reading every statement would read each
		// statement.
		ents, err := u.r.subjects(schema.MentionedIn, a)
		if err != nil {
			return err
		}
		for _, e := range ents {
			u.subjects[e] = true
		}
		olds, err := u.r.subjects(ReportedIn, a)
		if err != nil {
			return err
		}
		for _, n := range olds {
			if err := u.forget(n); err != nil {
				return err
			}
		}
		u.r.trim()
	}
	return nil
}

// note marks an event to link, or a statement's fact to recount.
func (u *update) note(n quad.Value) error {
	if isA(n, eventPrefix) {
		u.seeds[n] = true
		return nil
	}
	s, err := u.r.statement(n)
	if s == nil || err != nil {
		return err
	}
	u.keys[s.key], u.subjects[s.key.s] = true, true
	if s.key.p == claimedResponsibility || s.key.p == deniedResponsibility {
		return u.note(s.key.o) // the event claimed or denied
	}
	return nil
}

// forget marks a node of the analysis for replacement, and what it
// rested on (reports, sides, a fact) for recomputation: an incident
// that loses a report may split, and its other reports must be linked
// again.
func (u *update) forget(n quad.Value) error {
	if u.old[n] {
		return nil
	}
	u.old[n] = true
	qs, err := u.r.outQuads(n)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if q.Predicate == ReportOf || q.Predicate == SideA || q.Predicate == SideB {
			if err := u.note(q.Object); err != nil {
				return err
			}
		}
	}
	var key factKey
	for _, q := range qs {
		switch q.Predicate {
		case FactSubject:
			key.s = q.Object
		case FactPredicate:
			key.p = q.Object
		case FactObject:
			key.o = q.Object
		}
	}
	if key.s != nil {
		u.keys[key], u.subjects[key.s] = true, true
	}
	return nil
}
