package schema

import (
	"cmp"
	"fmt"

	"github.com/cayleygraph/quad"
)

// Reject is a part of a record that was not turned into quads, and why.
type Reject struct {
	Doc    string // the record's Doc
	What   string // "fact s p o", "event id", "entity id", ...
	Reason string
}

func (r Reject) String() string { return fmt.Sprintf("%s: rejected %s: %s", r.Doc, r.What, r.Reason) }

// ToQuads maps a record to quads, every one labelled with the article's IRI.
// Parts that violate the vocabulary (unknown type or predicate, a subject
// outside the predicate's domain, an object outside its range, a dangling
// reference) are left out and reported as rejects; the rest is still mapped.
// extractor names the extractor and its version, recorded on the article
// node so that a change of extractor can be detected.
func ToQuads(rec Record, extractor string) ([]quad.Quad, []Reject) {
	m := newMapper(rec, false)
	m.run(extractor)
	return m.quads, m.rejects
}

// CountQuads is len(ToQuads(rec, extractor)) without making the quads or
// the rejects: what holds an article to its budget of quads where the
// quads themselves are not wanted (`newsgraph extract`), and making them
// cost a sixth of that command. It walks the record as ToQuads does, so
// the two cannot disagree.
func CountQuads(rec Record, extractor string) int {
	m := newMapper(rec, true)
	m.run(extractor)
	return m.n
}

// QuadBound is at least CountQuads(rec, x) for every extractor x, from
// the record's lengths alone: the most quads an article, an entity with
// its mentions, an event and a fact can make. A record whose bound is
// within its budget needs no count (`newsgraph extract`, where counting
// was a tenth of the instructions). TestQuadBound holds it to a record
// that makes every quad the mapper can.
func QuadBound(rec Record) int {
	n := maxArticleQuads + len(rec.Events)*maxEventQuads + len(rec.Facts)*maxFactQuads
	for i := range rec.Entities {
		n += maxEntityQuads + len(rec.Entities[i].Mentions)
	}
	return n
}

// The most quads mapper makes of each part of a record.
const (
	maxArticleQuads = 9  // its type and eight strings
	maxEntityQuads  = 8  // type, name, alias, mention, Wikidata id, place (3); and an alias a mention
	maxEventQuads   = 17 // event type, kind, article, five strings, confidence, five roles, place (3)
	maxFactQuads    = 10 // the fact, its statement (5), evidence, role, confidence, asserted by
)

type mapper struct {
	rec     Record
	label   quad.IRI
	types   map[string]string    // id -> entity type, or "Event" for the record's events
	places  map[string]geoEntity // id -> where the entity is, for entities with coordinates
	quads   []quad.Quad
	rejects []Reject
	// count: only count the quads (n), and make neither them, their
	// nodes' IRIs nor the rejects.
	count bool
	n     int
}

func newMapper(rec Record, count bool) *mapper {
	return &mapper{rec: rec, label: ArticleIRI(rec.Article.ID), types: map[string]string{}, places: map[string]geoEntity{}, count: count}
}

func (m *mapper) run(extractor string) {
	m.article(extractor)
	m.entities()
	m.events()
	m.facts()
}

func (m *mapper) add(s quad.Value, p quad.IRI, o quad.Value) {
	m.addL(s, p, o, m.label)
}

// own adds a quad that the node s owns: labelled with s itself, so that
// every article that mentions s writes the same quad and the store keeps
// it once (docs/schema.md, *Provenance*).
func (m *mapper) own(s quad.IRI, p quad.IRI, o quad.Value) {
	m.addL(s, p, o, s)
}

func (m *mapper) addL(s quad.Value, p quad.IRI, o quad.Value, label quad.Value) {
	if m.count {
		m.n++
		return
	}
	m.quads = append(m.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
}

func (m *mapper) str(s quad.Value, p quad.IRI, v string) {
	if v != "" {
		if m.count {
			m.n++ // without boxing v
			return
		}
		m.add(s, p, quad.String(v))
	}
}

// confidence writes the confidence c of n unless it is def, the default
// readers take when n has none; 0, no estimate, is written.
func (m *mapper) confidence(n quad.IRI, c, def float64) {
	if c != def {
		m.add(n, Confidence, quad.Float(c))
	}
}

// node is the node mk names for id, or none when only counting.
func (m *mapper) node(mk func(string) quad.IRI, id string) quad.IRI {
	if m.count {
		return ""
	}
	return mk(id)
}

func (m *mapper) reject(what func() string, format string, args ...any) {
	if !m.count {
		m.rejects = append(m.rejects, Reject{Doc: m.rec.Doc, What: what(), Reason: fmt.Sprintf(format, args...)})
	}
}

func (m *mapper) article(extractor string) {
	a := m.rec.Article
	m.add(m.label, RDFType, ClassArticle)
	m.str(m.label, Title, a.Title)
	m.str(m.label, Outlet, a.Outlet)
	m.str(m.label, Author, a.Author)
	m.str(m.label, Date, a.Date)
	m.str(m.label, Credit, a.Credit)
	m.str(m.label, Sketch, a.Sketch)
	m.str(m.label, Source, a.Source)
	m.str(m.label, Extractor, extractor)
}

func (m *mapper) entities() {
	for _, e := range m.rec.Entities {
		what := func() string { return "entity " + e.ID }
		switch {
		case Slug(e.ID) == "":
			m.reject(what, "empty id")
			continue
		case !IsEntityType(e.Type):
			m.reject(what, "unknown entity type %q", e.Type)
			continue
		case e.Name == "":
			m.reject(what, "no name")
			continue
		}
		if prev, dup := m.types[e.ID]; dup {
			m.reject(what, "listed twice (as %s and %s)", prev, e.Type)
			continue
		}
		m.types[e.ID] = e.Type
		n := m.node(EntityIRI, e.ID)
		// What the entity is (type, name, Wikidata id, place) it owns,
		// once in the store whatever mentions it; that this article
		// mentions it, and the spellings it uses other than the name,
		// are the article's. Its name is always one of its aliases.
		m.own(n, RDFType, TypeIRI(e.Type))
		m.own(n, Name, quad.String(e.Name))
		m.own(n, Alias, quad.String(e.Name))
		m.add(n, MentionedIn, m.label)
		for _, a := range e.Mentions {
			if a != e.Name {
				m.str(n, Alias, a)
			}
		}
		if e.Wikidata != "" {
			if IsWikidataID(e.Wikidata) {
				m.own(n, Wikidata, quad.String(e.Wikidata))
			} else {
				m.reject(func() string { return what() + " wikidata" }, "%q is not a Wikidata item id", e.Wikidata)
			}
		}
		m.geo(what, n, e)
	}
}

// geo writes an entity's coordinates and keeps them for its events.
// Coordinates out of range, on a type that has no place (a person), or
// with an unknown precision are rejected: the entity stays, unplaced.
func (m *mapper) geo(what func() string, n quad.IRI, e Entity) {
	if e.Coords == nil {
		return
	}
	prec := e.GeoPrecision
	if prec == "" {
		prec = DefaultGeoPrecision(e.Type)
	}
	switch err := CheckCoords(e.Coords); {
	case err != nil:
		m.reject(func() string { return what() + " coords" }, "%v", err)
		return
	case !Placeable(e.Type):
		m.reject(func() string { return what() + " coords" }, "a %s has no place on a map", e.Type)
		return
	case !IsGeoPrecision(prec):
		m.reject(func() string { return what() + " coords" }, "unknown geo precision %q", prec)
		return
	}
	g := geoEntity{typ: e.Type, lat: e.Coords[0], lon: e.Coords[1], precision: prec}
	m.places[e.ID] = g
	m.own(n, Lat, quad.Float(g.lat))
	m.own(n, Lon, quad.Float(g.lon))
	m.own(n, GeoPrecision, quad.String(prec))
}

// place is where an event happened, as finely as the record says: its
// location, or its target when that is a base or a place (a strike "on
// Ain al-Asad" happened there), whichever is finer; the location on a
// tie. An event with neither has no place: it is never put at the centre
// of some country it names in another role.
func (m *mapper) place(e Event) (geoEntity, bool) {
	loc, hasLoc := m.places[e.Location]
	tgt, hasTgt := m.places[e.Target]
	hasTgt = hasTgt && (tgt.typ == MilitaryBase || tgt.typ == Place)
	switch {
	case hasLoc && hasTgt:
		if geoRank(tgt.precision) < geoRank(loc.precision) {
			return tgt, true
		}
		return loc, true
	case hasLoc:
		return loc, true
	}
	return tgt, hasTgt
}

// ref resolves an id used by a fact or event to its node and type.
func (m *mapper) ref(id string) (quad.IRI, string, bool) {
	t, ok := m.types[id]
	if !ok {
		return "", "", false
	}
	if t == eventNode {
		return m.node(EventIRI, id), EventEntity, true
	}
	return m.node(EntityIRI, id), t, true
}

// eventNode marks ids of the record's own events in mapper.types.
const eventNode = "\x00event"

func (m *mapper) events() {
	for _, e := range m.rec.Events {
		if _, dup := m.types[e.ID]; dup || Slug(e.ID) == "" {
			m.reject(func() string { return "event " + e.ID }, "empty or duplicate id")
			continue
		}
		m.types[e.ID] = eventNode
	}
	for _, e := range m.rec.Events {
		what := func() string { return "event " + e.ID }
		if m.types[e.ID] != eventNode {
			continue
		}
		if !IsEventType(e.Type) {
			m.reject(what, "unknown event type %q", e.Type)
			continue
		}
		kind := e.Kind
		if kind == "" {
			kind = Stated
		}
		if !IsKind(kind) {
			m.reject(what, "unknown claim kind %q", e.Kind)
			continue
		}
		// No rdf:type: ng:eventType and the IRI (IsEvent) say it is an
		// event, and the type was a thirtieth of the store.
		n := m.node(EventIRI, e.ID)
		m.add(n, EventType, quad.String(e.Type))
		m.add(n, Kind, quad.String(kind))
		m.add(n, InArticle, m.label)
		m.str(n, Evidence, e.Evidence)
		m.str(n, Date, e.Date)
		if e.Date != "" {
			// An extractor that gives no precision (the LLM's) has the
			// one its date's form says.
			m.str(n, DatePrecision, cmp.Or(e.DatePrecision, PrecisionOf(e.Date)))
		}
		if e.Date != "" || e.DateNote != NoDateNote {
			m.str(n, DateNote, e.DateNote)
		}
		m.str(n, Status, e.Status)
		m.confidence(n, e.Confidence, EventConfidence)
		for _, r := range []struct {
			p  quad.IRI
			id string
		}{{Agent, e.Agent}, {Target, e.Target}, {Location, e.Location}, {About, e.About}, {AssertedBy, e.AssertedBy}} {
			if r.id == "" {
				continue
			}
			o, _, ok := m.ref(r.id)
			if !ok {
				m.reject(what, "%s %q is not an entity or event of the record", r.p, r.id)
				continue
			}
			m.add(n, r.p, o)
		}
		if g, ok := m.place(e); ok {
			m.add(n, Lat, quad.Float(g.lat))
			m.add(n, Lon, quad.Float(g.lon))
			m.add(n, GeoPrecision, quad.String(g.precision))
		}
	}
}

func (m *mapper) facts() {
	for _, f := range m.rec.Facts {
		what := func() string { return fmt.Sprintf("fact %s %s %s", f.S, f.P, f.O) }
		p := LookupPredicate(f.P)
		if p == nil {
			m.reject(what, "unknown predicate %q", f.P)
			continue
		}
		kind := f.Kind
		if kind == "" {
			kind = Stated
		}
		if !IsKind(kind) {
			m.reject(what, "unknown claim kind %q", f.Kind)
			continue
		}
		s, st, ok := m.ref(f.S)
		if !ok {
			m.reject(what, "subject %q is not an entity or event of the record", f.S)
			continue
		}
		o, ot, ok := m.ref(f.O)
		if !ok {
			m.reject(what, "object %q is not an entity or event of the record", f.O)
			continue
		}
		if !contains(p.Domain, st) {
			m.reject(what, "subject type %s is outside the domain of %s (%v)", st, f.P, p.Domain)
			continue
		}
		if !contains(p.Range, ot) {
			m.reject(what, "object type %s is outside the range of %s (%v)", ot, f.P, p.Range)
			continue
		}
		pi := PredicateIRI(f.P)
		m.add(s, pi, o)
		var st2 quad.IRI
		if !m.count {
			st2 = StatementIRI(m.rec.Article.ID, f)
		}
		m.add(st2, RDFSubject, s)
		m.add(st2, RDFPredicate, pi)
		m.add(st2, RDFObject, o)
		m.add(st2, Kind, quad.String(kind))
		m.add(st2, InArticle, m.label)
		m.str(st2, Evidence, f.Evidence)
		m.str(st2, Role, f.Role)
		m.confidence(st2, f.Confidence, StatementConfidence)
		if f.AssertedBy != "" {
			if a, _, ok := m.ref(f.AssertedBy); ok {
				m.add(st2, AssertedBy, a)
			} else {
				m.reject(what, "asserted_by %q is not an entity of the record", f.AssertedBy)
			}
		}
	}
}
