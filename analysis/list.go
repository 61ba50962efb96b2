package analysis

import (
	"context"
	"fmt"
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

// Incident is an incident as newsgraph incidents and /api/incidents list
// it: what the incident node holds, and each of its reports with the
// outlet and evidence an analyst weighs it by.
type Incident struct {
	ID        string           `json:"id"`
	Type      string           `json:"type"`
	Date      string           `json:"date"`      // of its first report
	Precision string           `json:"precision"` // of that date: day, or reported (the article's date)
	Articles  int              `json:"articles"`  // distinct articles
	Outlets   int              `json:"outlets"`   // independent sources
	Reports   []IncidentReport `json:"reports"`   // by article date, then outlet
}

// IncidentReport is one article's event that reports an incident.
type IncidentReport struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Event    string `json:"event"`
	Evidence string `json:"evidence"`
}

// Incidents lists the store's incidents by date, then id: with since (a
// day, month or year, as schema.CheckDate accepts), those dated on or
// after it; with around, those with a report that names it as agent,
// target or place. A denial's agent counts: an analyst asking about a
// group wants the incidents it denied too.
func Incidents(ctx context.Context, st *graph.Store, around quad.Value, since string) ([]Incident, error) {
	if since != "" {
		if err := schema.CheckDate(since); err != nil {
			return nil, fmt.Errorf("since: %w", err)
		}
	}
	r := newReader(ctx, st)
	nodes, err := r.subjects(schema.RDFType, ClassIncident)
	if err != nil {
		return nil, err
	}
	out := []Incident{}
	for _, n := range nodes {
		inc, reports, err := r.incident(n)
		if err != nil {
			return nil, err
		}
		// A partial bound ("2024-03") sorts before every day within it.
		if since != "" && inc.Date < since {
			continue
		}
		involved := around == nil
		var reps []Report
		for _, v := range reports {
			rep, _, names, err := r.report(v, around)
			if err != nil {
				return nil, err
			}
			involved = involved || names
			reps = append(reps, rep)
		}
		if !involved {
			continue
		}
		sort.Slice(reps, func(i, j int) bool {
			a, b := reps[i], reps[j]
			if a.Date != b.Date {
				return a.Date < b.Date
			}
			if a.Outlet != b.Outlet {
				return a.Outlet < b.Outlet
			}
			return a.Node < b.Node
		})
		for _, rep := range reps {
			inc.Reports = append(inc.Reports, IncidentReport{Article: rep.Article, Outlet: rep.Outlet, Event: rep.Node, Evidence: rep.Evidence})
		}
		out = append(out, inc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// incident reads an incident node and the events that report it.
func (r *reader) incident(n quad.Value) (Incident, []quad.Value, error) {
	inc := Incident{ID: n.String()}
	qs, err := r.outQuads(n)
	if err != nil {
		return inc, nil, err
	}
	var reports []quad.Value
	for _, q := range qs {
		switch q.Predicate {
		case schema.EventType:
			inc.Type = str(q.Object)
		case schema.Date:
			inc.Date = str(q.Object)
		case schema.DatePrecision:
			inc.Precision = str(q.Object)
		case Articles:
			inc.Articles = intOf(q.Object)
		case Outlets:
			inc.Outlets = intOf(q.Object)
		case ReportOf:
			reports = append(reports, q.Object)
		}
	}
	return inc, reports, nil
}

// intOf is an integer literal's value; 0 for anything else.
func intOf(v quad.Value) int {
	k, _ := v.(quad.Int)
	return int(k)
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
			s.Outlets = intOf(q.Object)
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
