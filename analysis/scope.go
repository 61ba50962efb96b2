package analysis

import (
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// update is one run of the analysis over what some articles touched.
type update struct {
	r      *reader
	window time.Duration
	old    map[quad.Value]bool // nodes of the analysis to replace
	seeds  map[quad.Value]bool // events to link from (true: not yet linked)
	keys   map[factKey]bool    // facts to recount
}

// scope finds what the touched articles take part in: their events and
// facts now, and the nodes of the analysis that rested on them before.
func (u *update) scope(touched []quad.Value) error {
	for _, a := range touched {
		nodes, err := u.r.subjects(schema.InArticle, a)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			if err := u.note(n); err != nil {
				return err
			}
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
	}
	return nil
}

// note marks an event to link, or a statement's fact to recount.
func (u *update) note(n quad.Value) error {
	if isA(n, schema.Prefix+"event/") {
		if _, done := u.seeds[n]; !done {
			u.seeds[n] = true
		}
		return nil
	}
	s, err := u.r.statement(n)
	if s == nil || err != nil {
		return err
	}
	u.keys[s.key] = true
	if s.key.p == claimedResponsibility || s.key.p == deniedResponsibility {
		return u.note(s.key.o) // the event claimed or denied
	}
	return nil
}

// forget marks a node of the analysis for replacement, and what it
// rested on (reports, sides, statements) for recomputation: an incident
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
	stmts, err := u.r.subjects(InFact, n)
	for _, s := range stmts {
		if err := u.note(s); err != nil {
			return err
		}
	}
	return err
}
