package schema

import (
	"math"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestEventPlace checks where ToQuads puts events: at their location, or
// at a base or place they targeted, whichever is finer, with its
// precision; never at a country they name only as a target or agent.
func TestEventPlace(t *testing.T) {
	ents := []Entity{
		{ID: "ain-al-asad-air-base", Type: MilitaryBase, Name: "Ain al-Asad Air Base", Coords: []float64{33.79, 42.44}},
		{ID: "anbar", Type: Place, Name: "Anbar", Coords: []float64{33.42, 43.3}, GeoPrecision: GeoProvince},
		{ID: "iraq", Type: Country, Name: "Iraq", Wikidata: "Q796", Coords: []float64{33.22, 43.68}},
		{ID: "iran", Type: Country, Name: "Iran", Coords: []float64{32.43, 53.69}},
		{ID: "kh", Type: ArmedGroup, Name: "Kata'ib Hezbollah"},
		{ID: "atlantis", Type: Place, Name: "Atlantis"},
	}
	for _, c := range []struct {
		name                string
		ev                  Event
		lat, lon            float64
		precision           string
		placed              bool
		rejects, extraQuads int
	}{
		{"target base", Event{Target: "ain-al-asad-air-base", Location: "anbar"}, 33.79, 42.44, GeoSite, true, 0, 0},
		{"location province", Event{Location: "anbar", Target: "kh"}, 33.42, 43.3, GeoProvince, true, 0, 0},
		{"location country", Event{Location: "iraq"}, 33.22, 43.68, GeoCountry, true, 0, 0},
		{"country target only", Event{Target: "iran", Agent: "kh"}, 0, 0, "", false, 0, 0},
		{"place without coordinates", Event{Location: "atlantis"}, 0, 0, "", false, 0, 0},
		{"no place", Event{Agent: "kh"}, 0, 0, "", false, 0, 0},
	} {
		c.ev.ID, c.ev.Type, c.ev.Evidence = "e1", EvAttack, "It happened."
		rec := Record{Doc: "d", Article: Article{ID: "a1"}, Entities: ents, Events: []Event{c.ev}}
		qs, rejects := ToQuads(rec, "test/1")
		if len(rejects) != 0 {
			t.Errorf("%s: rejects %v", c.name, rejects)
		}
		got := map[quad.IRI]quad.Value{}
		for _, q := range qs {
			if q.Subject == EventIRI("e1") {
				got[q.Predicate.(quad.IRI)] = q.Object
			}
		}
		lat, hasLat := got[Lat].(quad.Float)
		lon, _ := got[Lon].(quad.Float)
		prec, _ := got[GeoPrecision].(quad.String)
		if hasLat != c.placed || c.placed && (math.Abs(float64(lat)-c.lat) > 1e-9 || math.Abs(float64(lon)-c.lon) > 1e-9 || string(prec) != c.precision) {
			t.Errorf("%s: event at (%v, %v) %q placed %v, want (%v, %v) %q placed %v", c.name, lat, lon, prec, hasLat, c.lat, c.lon, c.precision, c.placed)
		}
	}

	// The entity's own properties, like its name, labelled with the
	// entity itself: the store holds them once, whatever mentions it.
	qs, _ := ToQuads(Record{Doc: "d", Article: Article{ID: "a1"}, Entities: ents}, "test/1")
	want := map[quad.Quad]bool{
		{Subject: EntityIRI("iraq"), Predicate: Wikidata, Object: quad.String("Q796"), Label: EntityIRI("iraq")}:                                      true,
		{Subject: EntityIRI("iraq"), Predicate: Lat, Object: quad.Float(33.22), Label: EntityIRI("iraq")}:                                             true,
		{Subject: EntityIRI("iraq"), Predicate: GeoPrecision, Object: quad.String(GeoCountry), Label: EntityIRI("iraq")}:                              true,
		{Subject: EntityIRI("ain-al-asad-air-base"), Predicate: GeoPrecision, Object: quad.String(GeoSite), Label: EntityIRI("ain-al-asad-air-base")}: true,
	}
	for _, q := range qs {
		delete(want, q)
	}
	for q := range want {
		t.Errorf("no quad %v", q)
	}
}

// TestGeoRejects checks that bad coordinates and ids are rejected with a
// reason and the entity kept, unplaced.
func TestGeoRejects(t *testing.T) {
	rec := Record{Doc: "d", Article: Article{ID: "a1"}, Entities: []Entity{
		{ID: "x", Type: Place, Name: "X", Coords: []float64{91, 0}},
		{ID: "y", Type: Person, Name: "Y", Coords: []float64{30, 40}, Wikidata: "Q-1"},
		{ID: "z", Type: Place, Name: "Z", Coords: []float64{30, 40}, GeoPrecision: "street"},
	}}
	qs, rejects := ToQuads(rec, "test/1")
	if len(rejects) != 4 {
		t.Errorf("rejects %v, want 4", rejects)
	}
	for _, q := range qs {
		if q.Predicate == Lat || q.Predicate == Wikidata {
			t.Errorf("quad %v from a rejected value", q)
		}
	}
}

// TestDistance checks the haversine distance against known ones.
func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b [2]float64
		km   float64
	}{
		{[2]float64{33.31, 44.37}, [2]float64{33.31, 44.37}, 0},
		{[2]float64{0, 0}, [2]float64{0, 180}, math.Pi * 6371.0088},
		{[2]float64{0, 0}, [2]float64{1, 0}, 111.195},
	} {
		if d := Distance(c.a[0], c.a[1], c.b[0], c.b[1]); math.Abs(d-c.km) > 0.01 {
			t.Errorf("Distance(%v, %v) = %.3f, want %.3f", c.a, c.b, d, c.km)
		}
	}
}
