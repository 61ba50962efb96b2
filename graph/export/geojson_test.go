package export_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
)

// TestGeoJSON checks the GeoJSON export against the JSON Lines export of
// the same store: every node with coordinates is one point at them, with
// its precision and attributes; the others are counted as unplaced. Then
// Python's json reads it and, where Debian's python3-shapely is
// installed, shapely makes points of it.
func TestGeoJSON(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
		Newsgraph struct {
			Unplaced int `json:"unplaced"`
		} `json:"newsgraph"`
	}
	out := exportString(t, st, "geojson", export.Options{})
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	placed, unplaced := map[string]map[string]any{}, 0
	for _, line := range strings.Split(strings.TrimSpace(exportString(t, st, "jsonl", export.Options{})), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["element"] != "node" {
			continue
		}
		if _, ok := m["lat"]; ok {
			placed[m["id"].(string)] = m
		} else {
			unplaced++
		}
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(placed) || fc.Newsgraph.Unplaced != unplaced {
		t.Fatalf("%s with %d features and %d unplaced; the store has %d placed nodes and %d others", fc.Type, len(fc.Features), fc.Newsgraph.Unplaced, len(placed), unplaced)
	}
	for _, f := range fc.Features {
		want := placed[f.ID]
		if want == nil {
			t.Errorf("feature %s is not a placed node", f.ID)
			continue
		}
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 || c[0] != want["lon"] || c[1] != want["lat"] {
			t.Errorf("feature %s: %s %s %v; the node is at lat %v lon %v", f.ID, f.Type, f.Geometry.Type, c, want["lat"], want["lon"])
		}
		for _, k := range []string{"type", "name", "precision", "article_count", "event_type", "date", "wikidata"} {
			if f.Properties[k] != want[k] {
				t.Errorf("feature %s: %s %#v, the node has %#v", f.ID, k, f.Properties[k], want[k])
			}
		}
	}
	// The records place the attack on Tower 22 at the base, and leave
	// a2's attack, which names no place, off the map.
	tower := placed["ng:event/a1-attack-tower-22"]
	if tower == nil || tower["lat"] != 33.32 || tower["precision"] != "site" {
		t.Errorf("the attack on Tower 22: %v", tower)
	}
	if placed["ng:event/a2-attack-tower-22"] != nil {
		t.Error("an event without a place is on the map")
	}
	if j := placed["ng:entity/jordan"]; j == nil || j["wikidata"] != "Q810" || j["precision"] != "country" {
		t.Errorf("Jordan: %v", j)
	}

	// A selection: the GeoJSON of a neighbourhood has the placed nodes of
	// the same selection in JSON Lines.
	sel := export.Options{Nodes: []quad.Value{quad.IRI("ng:entity/tower-22")}}
	var small struct {
		Features []struct {
			ID string `json:"id"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(exportString(t, st, "geojson", sel)), &small); err != nil {
		t.Fatal(err)
	}
	if len(small.Features) != 1 || small.Features[0].ID != "ng:entity/tower-22" {
		t.Errorf("selection of Tower 22: %v", small.Features)
	}

	// Debian's python first: shapely comes from python3-shapely.
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		if py, err = exec.LookPath("python3"); err != nil {
			t.Skip("no python3 to read the GeoJSON with")
		}
	}
	path := filepath.Join(t.TempDir(), "seed.geojson")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys
fc = json.load(open(sys.argv[1]))
pts = [(f["geometry"]["coordinates"], f["properties"]["name"]) for f in fc["features"]]
try:
    from shapely.geometry import shape
except ImportError:
    print("json", len(pts)); sys.exit(0)
for f in fc["features"]:
    g = shape(f["geometry"])
    assert g.geom_type == "Point" and g.is_valid, f
    assert (g.x, g.y) == tuple(f["geometry"]["coordinates"]), f
print("shapely", len(pts))
`
	b, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, b)
	}
	t.Logf("read by %s", strings.TrimSpace(string(b)))
	if !strings.HasSuffix(strings.TrimSpace(string(b)), " "+strconv.Itoa(len(fc.Features))) {
		t.Errorf("python read %s, want %d points", b, len(fc.Features))
	}
}
