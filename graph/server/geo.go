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

// MapOptions select the events of a map.
type MapOptions struct {
	// Since and Until bound the date (ISO, or a prefix such as 2024 or
	// 2024-01), the article's date standing in for an undated event.
	Since, Until string
	// Near and Km select the events within Km kilometres of the place
	// Near names (a name in any spelling, or an IRI); events placed only
	// at a country are not near anything.
	Near string
	Km   float64
	// Limit bounds the events returned, nearest first when Near is given;
	// 0 means DefaultMapLimit.
	Limit int
}

// DefaultMapLimit is the most events a map returns unless asked.
const DefaultMapLimit = 5000

// MapResult is the answer to a map query.
type MapResult struct {
	Events []MapEvent `json:"events"`
	// Unplaced counts the events (of the whole graph) that have no place.
	Unplaced  int      `json:"unplaced"`
	Truncated bool     `json:"truncated,omitempty"`
	Near      *MapNear `json:"near,omitempty"`
}

// MapNear is the centre of a radius query.
type MapNear struct {
	path.Node
	Place Place   `json:"place"`
	Km    float64 `json:"km"`
}

// Map returns the placed events that opts select, by date (undated ones
// by their article's date), or nearest first around opts.Near.
func (e *Engine) Map(ctx context.Context, opts MapOptions) (*MapResult, error) {
	st, release := e.h.Acquire()
	defer release()
	r := newCardReader(ctx, st.Reader())
	res := &MapResult{Events: []MapEvent{}}
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
	class, err := r.qs.ValueOf(schema.ClassEvent)
	if err != nil {
		return nil, err
	}
	for _, q := range r.refs(class, quad.Object, schema.RDFType, 0) {
		ev := r.dir(q, quad.Subject)
		p := r.place(ev)
		if p == nil {
			res.Unplaced++
			continue
		}
		m := MapEvent{Place: *p}
		if res.Near != nil {
			// "Somewhere in Iraq" is at no distance from anything.
			if p.Precision == schema.GeoCountry {
				continue
			}
			d := schema.Distance(res.Near.Place.Lat, res.Near.Place.Lon, p.Lat, p.Lon)
			if d > opts.Km {
				continue
			}
			m.DistanceKm = &d
		}
		r.mapEvent(ev, &m)
		when := cmp.Or(m.Date, m.ArticleDate)
		if !inDateRange(when, opts.Since, opts.Until) {
			continue
		}
		res.Events = append(res.Events, m)
	}
	if r.err != nil {
		return nil, r.err
	}
	if res.Near != nil {
		slices.SortStableFunc(res.Events, func(a, b MapEvent) int {
			return cmp.Or(cmp.Compare(*a.DistanceKm, *b.DistanceKm), cmp.Compare(a.IRI, b.IRI))
		})
	} else {
		slices.SortStableFunc(res.Events, func(a, b MapEvent) int {
			return cmp.Or(cmp.Compare(cmp.Or(a.Date, a.ArticleDate), cmp.Or(b.Date, b.ArticleDate)), cmp.Compare(a.IRI, b.IRI))
		})
	}
	limit := cmp.Or(opts.Limit, DefaultMapLimit)
	if len(res.Events) > limit {
		res.Events, res.Truncated = res.Events[:limit], true
	}
	return res, nil
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
	m.Date, m.DateNote, m.Status = r.first(ev, schema.Date), r.first(ev, schema.DateNote), r.first(ev, schema.Status)
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
	limit, err := intParam(q.Get("limit"))
	km, err2 := floatParam(q.Get("km"))
	if err != nil || err2 != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want optionally since, until (ISO dates), near (a name) with km (a number), limit (a number)"})
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Map(ctx, MapOptions{Since: q.Get("since"), Until: q.Get("until"), Near: q.Get("near"), Km: km, Limit: limit})
	s.reply(w, res, err)
}

// floatParam parses an optional number; "" is 0.
func floatParam(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}
