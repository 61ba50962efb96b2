package extract

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/newsgraph/newsgraph/schema"
)

// region is a box of testdata/regions.yaml and the entries it holds.
type region struct {
	Box     [4]float64 `yaml:"box"` // south, west, north, east
	Entries []string   `yaml:"entries"`
}

func (r region) holds(lat, lon float64) bool {
	return lat >= r.Box[0] && lat <= r.Box[2] && lon >= r.Box[1] && lon <= r.Box[3]
}

// TestLexiconCoordinates checks every coordinate typed into the lexicon
// against the country (or sea) it claims in testdata/regions.yaml: a
// slip of a digit or a swapped latitude and longitude puts a base in
// another country, and this test says which.
func TestLexiconCoordinates(t *testing.T) {
	data, err := os.ReadFile("testdata/regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var regions map[string]region
	if err := strictYAML(data, &regions); err != nil {
		t.Fatal(err)
	}
	claim := map[string]string{} // entry name -> region
	for name, r := range regions {
		if r.Box[0] >= r.Box[2] || r.Box[1] >= r.Box[3] {
			t.Errorf("region %s: box %v is not [south, west, north, east]", name, r.Box)
		}
		for _, e := range r.Entries {
			if prev, dup := claim[e]; dup {
				t.Errorf("%s is claimed by %s and %s", e, prev, name)
			}
			claim[e] = name
		}
	}
	lx := DefaultLexicon()
	placed, qids := 0, map[string]string{}
	for _, e := range lx.Entries {
		if e.Wikidata != "" {
			if prev, dup := qids[e.Wikidata]; dup {
				t.Errorf("%s and %s have the same Wikidata id %s", prev, e.Name, e.Wikidata)
			}
			qids[e.Wikidata] = e.Name
		}
		if e.Coords == nil {
			continue
		}
		placed++
		where, ok := claim[e.Name]
		if e.Type == schema.Country {
			where, ok = e.Name, regions[e.Name].Box != [4]float64{}
		}
		if !ok {
			t.Errorf("%s (%s) has coordinates but claims no region in testdata/regions.yaml", e.Name, e.Type)
			continue
		}
		if lat, lon := e.Coords[0], e.Coords[1]; !regions[where].holds(lat, lon) {
			t.Errorf("%s at %v is not in %s %v", e.Name, e.Coords, where, regions[where].Box)
		}
	}
	for name := range claim {
		if e := lx.ByID(schema.Slug(name)); e == nil || e.Name != name || e.Coords == nil {
			t.Errorf("regions.yaml lists %q, which is not a lexicon entry with coordinates", name)
		}
	}
	// The seeds' attacked bases, at least, are on the map.
	for _, base := range []string{"Ain al-Asad Air Base", "Al-Tanf", "Conoco", "Al-Omar", "Al-Shaddadi", "Harir Air Base"} {
		if e := lx.Lookup(base); e == nil || e.Coords == nil {
			t.Errorf("%s has no coordinates", base)
		}
	}
	t.Logf("%d entries placed, %d with a Wikidata id", placed, len(qids))
}

// TestLexiconGeoErrors checks that a typing slip in a lexicon file fails
// the load with the entry's name.
func TestLexiconGeoErrors(t *testing.T) {
	for _, c := range []struct{ entry, want string }{
		{"{name: Xanadu, type: Place, coords: [95, 10]}", "out of range"},
		{"{name: Xanadu, type: Place, coords: [33]}", "want [latitude, longitude]"},
		{"{name: Xanadu, type: Place, wikidata: 796}", "not an item id"},
		{"{name: Xanadu, type: Person, coords: [33, 44]}", "coords on a Person"},
		{"{name: Xanadu, type: Place, coords: [33, 44], precision: street}", "precision \"street\""},
		{"{name: Xanadu, type: Place, precision: town}", "precision without coords"},
	} {
		fsys := fstest.MapFS{"places.yaml": {Data: []byte("- " + c.entry + "\n")}}
		_, err := LoadLexicon(fsys)
		if err == nil || !strings.Contains(err.Error(), "Xanadu") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming Xanadu and saying %q", c.entry, err, c.want)
		}
	}
	var e LexEntry
	if err := yaml.Unmarshal([]byte("{name: Xanadu, type: Place, coords: [33.5, 44.25], wikidata: Q1}"), &e); err != nil || e.Coords[1] != 44.25 {
		t.Errorf("coords read as %v (%v)", e.Coords, err)
	}
}
