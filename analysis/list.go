package analysis

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Contradiction is a contradiction as newsgraph conflicts and
// /api/conflicts list it.
type Contradiction struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`               // ClaimDenial, RivalAttribution or DeniedFact
	Incident string  `json:"incident,omitempty"` // the incident both sides report
	About    string  `json:"about"`              // what is contradicted: "Attack on Harir Air Base, 2024-03-10", "Kata'ib Hezbollah backed_by Iran"
	Sides    [2]Side `json:"sides"`
}

// Side is one side of a contradiction.
type Side struct {
	Agents  []string `json:"agents,omitempty"` // whom it names (the claimant, the denier, the attributed agent)
	Outlets int      `json:"outlets"`          // independent sources
	Reports []Report `json:"reports"`
}

// Report is one article's report on a side.
type Report struct {
	Node     string `json:"node"` // the event or statement
	Kind     string `json:"kind"`
	Evidence string `json:"evidence"`
	Article  string `json:"article"`
	Outlet   string `json:"outlet,omitempty"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
}

// Contradictions lists the store's contradictions, by kind then id; with
// around set, those whose sides name it (as agent, target, place, subject
// or object).
func Contradictions(ctx context.Context, st *graph.Store, around quad.Value) ([]Contradiction, error) {
	r := newReader(ctx, st)
	nodes, err := r.subjects(schema.RDFType, ClassContradiction)
	if err != nil {
		return nil, err
	}
	out := []Contradiction{}
	for _, n := range nodes {
		c, involved, err := r.contradiction(n, around)
		if err != nil {
			return nil, err
		}
		if around == nil || involved {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// contradiction reads one contradiction node, and whether it involves
// around.
func (r *reader) contradiction(n, around quad.Value) (Contradiction, bool, error) {
	c := Contradiction{ID: n.String()}
	qs, err := r.outQuads(n)
	if err != nil {
		return c, false, err
	}
	involved := false
	for _, q := range qs {
		side := 0
		switch q.Predicate {
		case SideB, AgentB, OutletsB:
			side = 1
		}
		s := &c.Sides[side]
		switch q.Predicate {
		case Conflict:
			c.Kind = str(q.Object)
		case InIncident:
			c.Incident = q.Object.String()
		case AgentA, AgentB:
			involved = involved || q.Object == around
			s.Agents = append(s.Agents, r.name(q.Object))
		case OutletsA, OutletsB:
			if k, ok := q.Object.(quad.Int); ok {
				s.Outlets = int(k)
			}
		case SideA, SideB:
			rep, about, names, err := r.report(q.Object, around)
			if err != nil {
				return c, false, err
			}
			involved = involved || names
			if c.About == "" {
				c.About = about
			}
			s.Reports = append(s.Reports, rep)
		}
	}
	if c.Incident != "" {
		about, err := r.incidentAbout(qs)
		if err != nil {
			return c, false, err
		}
		c.About = about
	}
	for i := range c.Sides {
		sort.Strings(c.Sides[i].Agents)
		sort.Slice(c.Sides[i].Reports, func(a, b int) bool { return c.Sides[i].Reports[a].Node < c.Sides[i].Reports[b].Node })
	}
	return c, involved, nil
}

// report reads a side's event or statement: the report, what it is
// about, and whether it names around.
func (r *reader) report(v, around quad.Value) (Report, string, bool, error) {
	rep := Report{Node: v.String()}
	var art quad.Value
	var about string
	names := false
	if e, err := r.event(v); err != nil {
		return rep, "", false, err
	} else if e != nil {
		rep.Kind, art = e.kind, e.article
		about = r.eventAbout(e)
		names = around != nil && (e.agent == around || e.target == around || e.location == around)
	} else if s, err := r.statement(v); err != nil {
		return rep, "", false, err
	} else if s != nil {
		rep.Kind, art = s.kind, s.article
		about = r.name(s.key.s) + " " + localName(s.key.p) + " " + r.name(s.key.o)
		if e, err := r.event(s.key.o); err != nil {
			return rep, "", false, err
		} else if e != nil { // a claim or denial of responsibility: about the event
			about = r.eventAbout(e)
		}
		names = around != nil && (s.key.s == around || s.key.o == around)
	}
	// The evidence is read here, not with the node: the analysis, which
	// reads every event and many statements, has no use for it.
	if ev, err := r.objects(v, schema.Evidence); err != nil {
		return rep, "", false, err
	} else if len(ev) > 0 {
		rep.Evidence = str(ev[0])
	}
	if art != nil {
		a, err := r.article(art)
		if err != nil {
			return rep, "", false, err
		}
		rep.Article, rep.Outlet, rep.Title, rep.Date = art.String(), a.outlet, a.title, a.date
	}
	return rep, about, names, nil
}

// eventAbout describes an event: "Attack on Harir Air Base, 2024-03-10 (day)".
func (r *reader) eventAbout(e *event) string {
	place := e.target
	if place == nil {
		place = e.location
	}
	return e.typ + " on " + r.name(place) + ", " + e.date + " (" + e.precision + ")"
}

// incidentAbout describes the incident a contradiction's quads point at:
// "Attack on Harir Air Base, 2024-03-10 (day)".
func (r *reader) incidentAbout(qs []quad.Quad) (string, error) {
	for _, q := range qs {
		if q.Predicate != InIncident {
			continue
		}
		iq, err := r.outQuads(q.Object)
		if err != nil {
			return "", err
		}
		var typ, date, precision string
		var place quad.Value
		for _, x := range iq {
			switch x.Predicate {
			case schema.EventType:
				typ = str(x.Object)
			case schema.Date:
				date = str(x.Object)
			case schema.DatePrecision:
				precision = str(x.Object)
			case schema.Target, schema.Location:
				if place == nil || x.Predicate == schema.Target {
					place = x.Object
				}
			}
		}
		return typ + " on " + r.name(place) + ", " + date + " (" + precision + ")", nil
	}
	return "", nil
}

// name is an entity's display name, or its IRI.
func (r *reader) name(v quad.Value) string {
	if v == nil {
		return "?"
	}
	if ns, err := r.objects(v, schema.Name); err == nil && len(ns) > 0 {
		return str(ns[0])
	}
	return v.String()
}

func localName(v quad.Value) string {
	iri, _ := v.(quad.IRI)
	return string(iri)[len(schema.Prefix):]
}
