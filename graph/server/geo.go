package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/schema"
)

// The map: events placed where they happened (schema.ToQuads puts an
// event at its location, or at the base or place it targeted), for the
// explorer's map view and for "events within N km of a place". Events
// the text gives no place stay off the map and are only counted.

// Place is where an entity is or an event happened.
type Place struct {
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"` // site, town, province or country
}

// MapEvent is one placed event with what the map shows of it.
type MapEvent struct {
	path.Node
	EventType string      `json:"event_type"`
	Date      string      `json:"date,omitempty"` // when it happened, as the text says
	DateNote  string      `json:"date_note,omitempty"`
	Status    string      `json:"status,omitempty"`
	Kind      string      `json:"kind"`
	Evidence  string      `json:"evidence"`
	Place     Place       `json:"place"`
	At        *path.Node  `json:"at,omitempty"` // the entity it is placed at
	Agents    []path.Node `json:"agents,omitempty"`
	Targets   []path.Node `json:"targets,omitempty"`
	// Article is the article that reports it, with its title, outlet and
	// date (the date an undated event is filtered by).
	Article      string `json:"article"`
	ArticleTitle string `json:"article_title,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	ArticleDate  string `json:"article_date,omitempty"`
	// DistanceKm is the distance from MapOptions.Near, when one was given.
	DistanceKm *float64 `json:"distance_km,omitempty"`
}

// MapIncident is one placed incident (docs/schema.md, *Across
// articles*): events of several articles that are one happening, drawn
// once, at the most precise place among its reports' places, sized by the
// articles and independent outlets that report it.
type MapIncident struct {
	IRI       string      `json:"iri"`
	EventType string      `json:"event_type"`
	Date      string      `json:"date"`      // of its first report
	Precision string      `json:"precision"` // of that date: day, or reported (the article's date)
	Articles  int         `json:"articles"`  // distinct articles
	Outlets   int         `json:"outlets"`   // independent sources
	Place     Place       `json:"place"`
	At        *path.Node  `json:"at,omitempty"`
	Agents    []path.Node `json:"agents,omitempty"`  // every agent its reports name
	Targets   []path.Node `json:"targets,omitempty"` // every target its reports name
	// Reports are its events, one an article's, by article date, then
	// outlet (as /api/incidents lists them).
	Reports []MapReport `json:"reports"`
	// Contradictions are those about the incident: a claim and a
	// denial, or rival attributions.
	Contradictions []analysis.Contradiction `json:"contradictions,omitempty"`
	DistanceKm     *float64                 `json:"distance_km,omitempty"`
}

// MapReport is one article's report of an incident.
type MapReport struct {
	Event        string      `json:"event"`
	Date         string      `json:"date,omitempty"` // as the text says
	Kind         string      `json:"kind"`
	Evidence     string      `json:"evidence"`
	Agents       []path.Node `json:"agents,omitempty"`
	Article      string      `json:"article"`
	ArticleTitle string      `json:"article_title,omitempty"`
	Outlet       string      `json:"outlet,omitempty"`
	ArticleDate  string      `json:"article_date,omitempty"`
}

// MapOptions select the events and incidents of a map.
type MapOptions struct {
	// Since and Until bound the date (ISO, or a prefix such as 2024 or
	// 2024-01), the article's date standing in for an undated event.
	Since, Until string
	// Near and Km select the events within Km kilometres of the place
	// Near names (a name in any spelling, or an IRI); events placed only
	// at a country are not near anything.
	Near string
	Km   float64
	// Limit bounds the points returned, events and incidents together,
	// nearest first when Near is given, else by date; 0 means
	// DefaultMaxItems. Asked says it is the request's own (limit=N), not
	// the server's query.max_items, for the note of a cut answer.
	Limit int
	Asked bool
}

// MapResult is the answer to a map query.
type MapResult struct {
	Events []MapEvent `json:"events"`
	// Incidents are the placed incidents; their reports are not among
	// Events.
	Incidents []MapIncident `json:"incidents"`
	// Unplaced counts what has no place, in the whole graph: the events
	// of no incident, and the incidents (once each) none of whose reports
	// has one.
	Unplaced int `json:"unplaced"`
	// Truncated reports that the limit cut the points; Cut says which
	// limit and what raises it.
	Truncated bool     `json:"truncated,omitempty"`
	Cut       *Cut     `json:"cut,omitempty"`
	Near      *MapNear `json:"near,omitempty"`
}

// MapNear is the centre of a radius query.
type MapNear struct {
	path.Node
	Place Place   `json:"place"`
	Km    float64 `json:"km"`
}

// Map returns the placed events and incidents that opts select, by date
// (undated events by their article's date), or nearest first around
// opts.Near. An incident stands for its reports: they are drawn once, as
// the incident, not again each as an event.
func (e *Engine) Map(ctx context.Context, opts MapOptions) (*MapResult, error) {
	st, release := e.h.Acquire()
	defer release()
	r := newCardReader(ctx, st.Reader())
	res := &MapResult{Events: []MapEvent{}, Incidents: []MapIncident{}}
	if opts.Near != "" {
		if !(opts.Km > 0) {
			return nil, errors.New("a radius in km (more than 0) goes with near")
		}
		c, err := e.resolve(ctx, st, e.stateOf(st), opts.Near)
		if err != nil {
			return nil, err
		}
		ref, err := r.qs.ValueOf(quad.IRI(c.IRI))
		if err != nil {
			return nil, err
		}
		p := r.place(ref)
		if p == nil {
			return nil, fmt.Errorf("%s (%s) has no coordinates: only bases, places and countries the lexicon places have", c.Name, c.Type)
		}
		res.Near = &MapNear{Node: path.Node{IRI: c.IRI, Name: c.Name, Type: c.Type}, Place: *p, Km: opts.Km}
	}
	// within reports whether a place is within the radius, if one was
	// asked for, and how far it is.
	within := func(p Place) (*float64, bool) {
		if res.Near == nil {
			return nil, true
		}
		// "Somewhere in Iraq" is at no distance from anything.
		if p.Precision == schema.GeoCountry {
			return nil, false
		}
		d := schema.Distance(res.Near.Place.Lat, res.Near.Place.Lon, p.Lat, p.Lon)
		return &d, d <= opts.Km
	}

	incidents, members, err := e.mapIncidents(ctx, st, r)
	if err != nil {
		return nil, err
	}
	// Events and incidents in one order, cut together. An event is read
	// in full (mapEvent: its article, agents, targets) only once it is
	// among those kept: the order needs only its place and date.
	type point struct {
		date, iri string
		km        *float64
		ev        cgraph.Ref
		place     Place
		inc       *MapIncident
	}
	var pts []point
	var typed []cgraph.Ref // the ng:eventType quads of events and incidents
	for _, t := range schema.EventTypes {
		v, err := r.qs.ValueOf(quad.String(t))
		if err != nil {
			return nil, err
		}
		typed = append(typed, r.refs(v, quad.Object, schema.EventType, 0)...)
	}
	for _, q := range typed {
		ev := r.dir(q, quad.Subject)
		iri := r.text(ev)
		if !schema.IsEvent(quad.IRI(iri)) || members[iri] {
			continue // an incident, or an event drawn as its incident
		}
		p := r.place(ev)
		if p == nil {
			res.Unplaced++
			continue
		}
		d, ok := within(*p)
		if !ok {
			continue
		}
		when := r.first(ev, schema.Date)
		if when == "" { // an undated event goes by its article's date
			for _, q := range r.refs(ev, quad.Subject, schema.InArticle, 1) {
				when = r.article(r.dir(q, quad.Object)).date
			}
		}
		if !inDateRange(when, opts.Since, opts.Until) {
			continue
		}
		pts = append(pts, point{date: when, iri: iri, km: d, ev: ev, place: *p})
	}
	if r.err != nil {
		return nil, r.err
	}
	for _, inc := range incidents {
		if inc == nil {
			res.Unplaced++ // none of its reports has a place
			continue
		}
		d, ok := within(inc.Place)
		if !ok || !inDateRange(inc.Date, opts.Since, opts.Until) {
			continue
		}
		inc.DistanceKm = d
		pts = append(pts, point{date: inc.Date, iri: inc.IRI, km: d, inc: inc})
	}
	slices.SortStableFunc(pts, func(a, b point) int {
		if res.Near != nil {
			return cmp.Or(cmp.Compare(*a.km, *b.km), cmp.Compare(a.iri, b.iri))
		}
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.iri, b.iri))
	})
	pts, res.Cut = cut(pts, itemLimit{cmp.Or(opts.Limit, DefaultMaxItems), opts.Asked && opts.Limit > 0}, "map points (events and incidents)")
	res.Truncated = res.Cut != nil
	events, incs := []MapEvent{}, []MapIncident{}
	for _, p := range pts {
		if p.inc != nil {
			incs = append(incs, *p.inc)
			continue
		}
		m := MapEvent{Place: p.place, DistanceKm: p.km}
		r.mapEvent(p.ev, &m)
		events = append(events, m)
	}
	if r.err != nil {
		return nil, r.err
	}
	res.Events, res.Incidents = events, incs
	return res, nil
}

// precisionRank orders place precisions, the finest first.
func precisionRank(p string) int {
	if i := slices.Index(schema.GeoPrecisions, p); i >= 0 {
		return i
	}
	return len(schema.GeoPrecisions)
}

// mapIncidents reads the store's incidents as the map draws them, each
// placed at the finest place among its reports' (nil for an incident none
// of whose reports has a place), and the IRIs of every event that
// reports one.
func (e *Engine) mapIncidents(ctx context.Context, st *graph.Store, r *cardReader) ([]*MapIncident, map[string]bool, error) {
	incs, err := analysis.Incidents(ctx, st, nil, "")
	if err != nil {
		return nil, nil, err
	}
	members := map[string]bool{}
	if len(incs) == 0 {
		return nil, members, nil
	}
	cons, err := analysis.Contradictions(ctx, st, nil)
	if err != nil {
		return nil, nil, err
	}
	about := map[string][]analysis.Contradiction{}
	for _, c := range cons {
		if c.Incident != "" {
			about[c.Incident] = append(about[c.Incident], c)
		}
	}
	out := make([]*MapIncident, 0, len(incs))
	for _, inc := range incs {
		m := &MapIncident{IRI: strings.Trim(inc.ID, "<>"), EventType: inc.Type, Date: inc.Date, Precision: inc.Precision,
			Articles: inc.Articles, Outlets: inc.Outlets, Reports: []MapReport{}, Contradictions: about[inc.ID]}
		placed := false
		for _, rep := range inc.Reports {
			iri := strings.Trim(rep.Event, "<>")
			members[iri] = true
			ev, err := r.qs.ValueOf(quad.IRI(iri))
			if err != nil {
				return nil, nil, err
			}
			if ev == nil {
				continue
			}
			var me MapEvent
			if p := r.place(ev); p != nil {
				me.Place = *p
				if !placed || precisionRank(p.Precision) < precisionRank(m.Place.Precision) {
					placed, m.Place, m.At = true, *p, nil
				}
			}
			r.mapEvent(ev, &me)
			if me.At != nil && me.Place == m.Place {
				m.At = me.At
			}
			m.Agents, m.Targets = addNodes(m.Agents, me.Agents), addNodes(m.Targets, me.Targets)
			m.Reports = append(m.Reports, MapReport{Event: me.IRI, Date: me.Date, Kind: me.Kind, Evidence: me.Evidence, Agents: me.Agents,
				Article: me.Article, ArticleTitle: me.ArticleTitle, Outlet: me.Outlet, ArticleDate: me.ArticleDate})
		}
		if r.err != nil {
			return nil, nil, r.err
		}
		if !placed {
			m = nil
		}
		out = append(out, m)
	}
	return out, members, nil
}

// addNodes adds to ns the nodes of more it does not have.
func addNodes(ns, more []path.Node) []path.Node {
	for _, n := range more {
		if !hasNode(ns, n.IRI) {
			ns = append(ns, n)
		}
	}
	return ns
}

// place reads a node's coordinates, nil when it has none.
func (r *cardReader) place(node cgraph.Ref) *Place {
	lat, err1 := strconv.ParseFloat(r.first(node, schema.Lat), 64)
	lon, err2 := strconv.ParseFloat(r.first(node, schema.Lon), 64)
	if err1 != nil || err2 != nil {
		return nil
	}
	return &Place{Lat: lat, Lon: lon, Precision: r.first(node, schema.GeoPrecision)}
}

// mapEvent reads what the map shows of an event.
func (r *cardReader) mapEvent(ev cgraph.Ref, m *MapEvent) {
	m.Node = r.node(ev)
	m.EventType = r.first(ev, schema.EventType)
	m.Date, m.Status = r.first(ev, schema.Date), r.first(ev, schema.Status)
	m.DateNote = schema.DateNoteOf(m.Date, r.first(ev, schema.DateNote))
	m.Kind, m.Evidence = r.first(ev, schema.Kind), r.first(ev, schema.Evidence)
	for _, q := range r.refs(ev, quad.Subject, schema.InArticle, 1) {
		a := r.dir(q, quad.Object)
		info := r.article(a)
		m.Article, m.ArticleTitle, m.Outlet, m.ArticleDate = r.text(a), info.title, info.outlet, info.date
	}
	role := func(pred quad.IRI) []path.Node {
		var out []path.Node
		for _, q := range r.refs(ev, quad.Subject, pred, 0) {
			o := r.dir(q, quad.Object)
			n := r.node(o)
			if !slices.ContainsFunc(out, func(x path.Node) bool { return x.IRI == n.IRI }) {
				out = append(out, n)
			}
			// The entity the event is placed at: its location, or the
			// base or place it targeted (schema.ToQuads' rule), found by
			// its coordinates.
			if p := r.place(o); m.At == nil && p != nil && p.Lat == m.Place.Lat && p.Lon == m.Place.Lon &&
				(pred == schema.Location || n.Type == schema.MilitaryBase || n.Type == schema.Place) {
				m.At = &n
			}
		}
		return out
	}
	role(schema.Location)
	m.Agents, m.Targets = role(schema.Agent), role(schema.Target)
}

// inDateRange reports whether an ISO date (possibly partial) is within
// since and until, both optional and possibly partial: "2024" is within
// since "2024-01" and until "2024" alike. An unknown date is within no
// bounded range.
func inDateRange(date, since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	if date == "" || strings.HasPrefix(date, "--") {
		return false
	}
	if since != "" && date < since && !strings.HasPrefix(since, date) {
		return false
	}
	if until != "" && date > until && !strings.HasPrefix(date, until) {
		return false
	}
	return true
}

func (s *Server) serveMap(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	km, err := floatParam(q.Get("km"))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want optionally since, until (ISO dates), near (a name) with km (a number), limit (a number)"})
		return
	}
	l, ok := s.listLimit(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Map(ctx, MapOptions{Since: q.Get("since"), Until: q.Get("until"), Near: q.Get("near"), Km: km, Limit: l.n, Asked: l.asked})
	s.reply(w, res, err)
}

// floatParam parses an optional number; "" is 0.
func floatParam(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}
