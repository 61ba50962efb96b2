package export_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/analysis"
	nggraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// allQuads lists every quad of a store as N-Quads lines, sorted.
func allQuads(t *testing.T, qs graph.QuadStore) []string {
	t.Helper()
	ctx := context.Background()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// loadNQuads reads N-Quads with Cayley's own reader into a fresh memstore.
func loadNQuads(t *testing.T, s string) graph.QuadStore {
	t.Helper()
	qs := memstore.New()
	w, err := writer.NewSingleReplication(qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := nquads.NewReader(strings.NewReader(s), false)
	n := 0
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("Cayley's N-Quads reader: quad %d: %v", n+1, err)
		}
		if err := w.AddQuad(q); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return qs
}

func TestNQuadsRoundTrip(t *testing.T) {
	for _, backend := range graphtest.Local() {
		t.Run(backend, func(t *testing.T) {
			st := seedStore(t, backend)
			want := allQuads(t, st.QuadStore())
			back := loadNQuads(t, exportString(t, st, "nquads", export.Options{}))
			got := allQuads(t, back)
			if !slices.Equal(got, want) {
				t.Fatalf("round trip changed the quads:\n got %d: %s\nwant %d: %s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
			}
			// And the reloaded store exports the same GraphML.
			var a, b strings.Builder
			e, _ := export.Get("graphml")
			if err := e.Export(context.Background(), nggraph.NewReader(back), &b, export.Options{MergeEdges: true}); err != nil {
				t.Fatal(err)
			}
			a.WriteString(exportString(t, st, "graphml", export.Options{MergeEdges: true}))
			ga, gb := parseGraphML(t, a.String()), parseGraphML(t, b.String())
			if len(ga.Graph.Nodes) != len(gb.Graph.Nodes) || len(ga.Graph.Edges) != len(gb.Graph.Edges) {
				t.Errorf("reloaded graph: %d nodes %d edges, original %d %d", len(gb.Graph.Nodes), len(gb.Graph.Edges), len(ga.Graph.Nodes), len(ga.Graph.Edges))
			}
		})
	}
}

func TestNQuadsSelection(t *testing.T) {
	st := seedStore(t, nggraph.DefaultBackend)
	sel := []quad.Value{quad.IRI("ng:entity/tower-22"), quad.IRI("ng:entity/jordan")}
	out := exportString(t, st, "nquads", export.Options{Nodes: sel})
	back := loadNQuads(t, out)
	g := parseGraphML(t, func() string {
		var b strings.Builder
		e, _ := export.Get("graphml")
		if err := e.Export(context.Background(), nggraph.NewReader(back), &b, export.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}())
	if len(g.Graph.Nodes) != 2 || len(g.Graph.Edges) != 1 {
		t.Fatalf("reloaded selection: %d nodes, %d edges; want 2 and 1", len(g.Graph.Nodes), len(g.Graph.Edges))
	}
	a := g.attrs(g.Graph.Edges[0])
	if a["predicate"] != "located_in" || a["evidence"] != "Tower 22, a base in Jordan," || a["article_date"] != "2024-01-29" {
		t.Errorf("the selection lost the edge's provenance: %v", a)
	}
	for _, bad := range []string{"ng:entity/united-states", "ng:article/a2a2"} {
		if strings.Contains(out, bad) {
			t.Errorf("selection has quads of %s, which it does not select", bad)
		}
	}
}

// TestNetworkxAndIgraph opens the GraphML export with the tools analysts
// use and checks that they see the graph the store holds: every node with
// its type and name, every edge with its predicate and article, typed
// attributes read as numbers.
func TestNetworkxAndIgraph(t *testing.T) {
	for _, merge := range []bool{false, true} {
		name := "per-article"
		if merge {
			name = "merged"
		}
		t.Run(name, func(t *testing.T) {
			st := seedStore(t, nggraph.DefaultBackend)
			opts := export.Options{MergeEdges: merge}
			path := filepath.Join(t.TempDir(), "seed.graphml")
			if err := os.WriteFile(path, []byte(exportString(t, st, "graphml", opts)), 0o644); err != nil {
				t.Fatal(err)
			}
			// What the store holds, as the JSON Lines export reports it.
			var nodes = map[string]map[string]any{}
			var edges []string
			for _, line := range strings.Split(strings.TrimSpace(exportString(t, st, "jsonl", opts)), "\n") {
				var m map[string]any
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatal(err)
				}
				if m["element"] == "node" {
					nodes[m["id"].(string)] = m
				} else {
					edges = append(edges, edgeKey(m["source"].(string), m["target"].(string), m))
				}
			}
			sort.Strings(edges)
			w := expected(exporttest.Records())
			if len(nodes) != len(w.nodes) {
				t.Fatalf("the JSONL export has %d nodes, the records %d", len(nodes), len(w.nodes))
			}
			py, err := exporttest.Python()
			if err != nil {
				t.Skip(err)
			}
			views, err := exporttest.ReadGraphML(py, path)
			if err != nil {
				t.Fatal(err)
			}
			for tool, v := range views {
				t.Run(tool, func(t *testing.T) {
					if !v.Directed {
						t.Error("read as undirected")
					}
					if len(v.Nodes) != len(nodes) {
						t.Errorf("%d nodes, the store has %d", len(v.Nodes), len(nodes))
					}
					for id, want := range nodes {
						got := v.Nodes[id]
						if got == nil {
							t.Errorf("node %s missing", id)
							continue
						}
						if got["type"] == nil || got["type"] == "" || got["name"] == nil || got["name"] == "" {
							t.Errorf("node %s untyped or unnamed: %v", id, got)
						}
						if got["type"] != want["type"] || got["name"] != xmlCleanForTest(want["name"].(string)) || got["label"] != got["name"] {
							t.Errorf("node %s: type %v name %q label %q; store: %v %q", id, got["type"], got["name"], got["label"], want["type"], want["name"])
						}
						if n, ok := got["article_count"].(float64); !ok || n != want["article_count"].(float64) {
							t.Errorf("node %s: article_count %#v (want the number %v)", id, got["article_count"], want["article_count"])
						}
						if c, ok := want["confidence"]; ok && got["confidence"] != c {
							t.Errorf("node %s: confidence %#v, want %v", id, got["confidence"], c)
						}
					}
					var gotEdges, plain []string
					for _, e := range v.Edges {
						s, tg, attrs := e.Source, e.Target, e.Attrs
						if attrs["predicate"] == nil || attrs["article"] == nil {
							t.Errorf("edge %s -> %s lacks predicate or article: %v", s, tg, attrs)
						}
						gotEdges = append(gotEdges, edgeKey(s, tg, attrs))
						plain = append(plain, fmt.Sprintf("%s %s %s %s", s, attrs["predicate"], tg, attrs["article"]))
					}
					sort.Strings(gotEdges)
					sort.Strings(plain)
					if !merge && !slices.Equal(plain, w.edges) {
						t.Errorf("edges:\n%s\nthe records:\n%s", strings.Join(plain, "\n"), strings.Join(w.edges, "\n"))
					}
					if !slices.Equal(gotEdges, edges) {
						t.Errorf("edges:\n%s\nthe store:\n%s", strings.Join(gotEdges, "\n"), strings.Join(edges, "\n"))
					}
				})
			}
		})
	}
}

// edgeKey is an edge with the attributes the readers must agree on.
func edgeKey(s, t string, a map[string]any) string {
	b, _ := json.Marshal([]any{s, t, a["predicate"], a["article"], a["kind"], xmlCleanForTest(str(a["evidence"])), a["confidence"], a["count"]})
	return string(b)
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// xmlCleanForTest is what GraphML can carry of a string: control
// characters other than tab, newline and carriage return dropped.
func xmlCleanForTest(s string) string { return stripped(s) }

func TestDOTRendersWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed: apt-get install graphviz")
	}
	st := seedStore(t, nggraph.DefaultBackend)
	for _, tt := range []struct {
		name string
		opts export.Options
	}{
		{"whole", export.Options{}},
		{"merged", export.Options{MergeEdges: true}},
		{"neighbourhood with articles", export.Options{Nodes: []quad.Value{quad.IRI("ng:entity/weird"), quad.IRI("ng:entity/harakat-al-nujaba")}, ArticleNodes: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := exportString(t, st, "dot", tt.opts)
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = strings.NewReader(src)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			svg, err := cmd.Output()
			if err != nil || stderr.Len() > 0 {
				t.Fatalf("dot -Tsvg: %v\n%s\nsource:\n%s", err, stderr.String(), src)
			}
			dec := xml.NewDecoder(strings.NewReader(string(svg)))
			dec.Strict = false // Graphviz's SVG has a DOCTYPE with entities
			var texts []string
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("SVG does not parse: %v", err)
				}
				if c, ok := tok.(xml.CharData); ok {
					texts = append(texts, string(c))
				}
			}
			all := strings.Join(texts, "\n")
			want := []string{"حركة النجباء", strings.ReplaceAll(exporttest.Weird, "\x01", ""), "allied_with"}
			if tt.opts.Nodes == nil {
				want = append(want, "Kata'ib Hezbollah", "Tower 22", "attacked (claimed)")
			}
			for _, s := range want {
				if !strings.Contains(all, s) {
					t.Errorf("the SVG does not show %q", s)
				}
			}
		})
	}
}

// analyzedStore is seedStore with two more reports of the Tower 22 attack
// and runs the analysis over all its articles, as build does:
//
//   - a4 (The National): the Islamic Resistance in Iraq attacked Tower 22
//     on 2024-01-28, the attack of a1 and a2. With them it is one
//     incident of three articles from three outlets.
//   - a5 (The National again): it attacked Tower 22 again a week later, a
//     happening of its own.
//
// The fact "Islamic Resistance in Iraq attacked Tower 22" is then stated
// by three articles (a1, a4, a5) of two outlets, in two happenings.
func analyzedStore(t *testing.T) *nggraph.Store {
	t.Helper()
	ctx := context.Background()
	st := seedStore(t, nggraph.DefaultBackend)
	irq := schema.Entity{ID: "islamic-resistance-in-iraq", Type: schema.ArmedGroup, Name: "Islamic Resistance in Iraq", Mentions: []string{"Islamic Resistance in Iraq"}}
	t22 := schema.Entity{ID: "tower-22", Type: schema.MilitaryBase, Name: "Tower 22", Mentions: []string{"Tower 22"}}
	report := func(id, date, day string) schema.Record {
		return schema.Record{
			Doc:      id + ".txt",
			Article:  schema.Article{ID: strings.Repeat(id, 8), Source: "testdata/" + id + ".txt", Title: "Tower 22 " + id, Outlet: "The National", Date: date},
			Entities: []schema.Entity{irq, t22},
			Facts:    []schema.Fact{{S: irq.ID, P: "attacked", O: t22.ID, Kind: schema.Stated, Evidence: "The Islamic Resistance in Iraq attacked Tower 22 (" + id + ")."}},
			Events: []schema.Event{{ID: id + "-attack", Type: schema.EvAttack, Agent: irq.ID, Target: t22.ID, Location: t22.ID, Date: day, Kind: schema.Stated,
				Evidence: "The Islamic Resistance in Iraq attacked Tower 22 (" + id + ")."}},
		}
	}
	extra := []schema.Record{report("a4", "2024-01-29", "2024-01-28"), report("a5", "2024-02-05", "2024-02-04")}
	if err := exporttest.Load(ctx, st, extra); err != nil {
		t.Fatal(err)
	}
	var touched []quad.Value
	for _, r := range append(exporttest.Records(), extra...) {
		touched = append(touched, schema.ArticleIRI(r.Article.ID))
	}
	if _, err := analysis.Update(ctx, st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
		_, err := st.Replace(ctx, labels, quads)
		return err
	}, touched, analysis.Options{Window: analysis.DefaultWindow}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestGraphMLIncidentsAndCounts reads, with networkx and igraph, what the
// analysis adds to a GraphML export: the incident node with its counts and
// dates, its report edges, the incident of every event that reports it,
// the fact counts on fact edges; and, merged, an incident's reports
// counted once.
func TestGraphMLIncidentsAndCounts(t *testing.T) {
	st := analyzedStore(t)
	// DOT labels the incident as one, not as an event.
	if dot := exportString(t, st, "dot", export.Options{}); !strings.Contains(dot, `label="Attack 2024-01-28\nIncident"`) {
		t.Errorf("DOT has no incident node labelled as one:\n%s", dot)
	}
	py, err := exporttest.Python()
	if err != nil {
		t.Skip(err)
	}
	views := map[string]map[string]exporttest.ReaderView{}
	for _, merge := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "analyzed.graphml")
		if err := os.WriteFile(path, []byte(exportString(t, st, "graphml", export.Options{MergeEdges: merge})), 0o644); err != nil {
			t.Fatal(err)
		}
		v, err := exporttest.ReadGraphML(py, path)
		if err != nil {
			t.Fatal(err)
		}
		views[fmt.Sprint(merge)] = v
	}
	for tool := range views["false"] {
		t.Run(tool, func(t *testing.T) {
			per, merged := views["false"][tool], views["true"][tool]
			var incident string
			for id, n := range per.Nodes {
				if n["type"] == "Incident" {
					if incident != "" {
						t.Fatalf("two incidents: %s and %s", incident, id)
					}
					incident = id
				}
			}
			if incident == "" {
				t.Fatal("no incident node")
			}
			for k, want := range map[string]any{
				"event_type": "Attack", "date": "2024-01-28", "date_precision": "day",
				"article_count": 3.0, "outlets": 3.0, "first_seen": "2024-01-29", "last_seen": "2024-01-31",
			} {
				if got := per.Nodes[incident][k]; got != want {
					t.Errorf("incident %s = %#v, want %#v", k, got, want)
				}
			}
			for _, tt := range []struct {
				event, incident string
			}{
				{"ng:event/a1-attack-tower-22", incident},
				{"ng:event/a2-attack-tower-22", incident},
				{"ng:event/a4-attack", incident},
				{"ng:event/a5-attack", ""}, // a week later
				{"ng:event/a2-suspension", ""},
			} {
				got, _ := per.Nodes[tt.event]["incident"].(string)
				if got != tt.incident {
					t.Errorf("%s: incident %q, want %q", tt.event, got, tt.incident)
				}
			}
			var reports []string
			for _, e := range per.Edges {
				if e.Source == incident {
					if e.Attrs["predicate"] != "report" || e.Attrs["article"] == nil || per.Nodes[e.Target]["incident"] != incident {
						t.Errorf("incident edge to %s: %v", e.Target, e.Attrs)
					}
					reports = append(reports, e.Target)
				}
			}
			if len(reports) != 3 {
				t.Errorf("the incident's report edges go to %v, want its three events", reports)
			}
			for _, tt := range []struct {
				view                    exporttest.ReaderView
				source, predicate, dest string
				edges                   int
				factArticles, outlets   any // nil: absent
				count                   any
			}{
				// Three articles of two outlets state it, one edge each.
				{per, "ng:entity/islamic-resistance-in-iraq", "attacked", "ng:entity/tower-22", 3, 3.0, 2.0, nil},
				// Merged: a1 and a4 report one incident, a5 another happening.
				{merged, "ng:entity/islamic-resistance-in-iraq", "attacked", "ng:entity/tower-22", 1, 3.0, 2.0, 2.0},
				{per, "ng:entity/kataib-hezbollah", "member_of", "ng:entity/islamic-resistance-in-iraq", 2, 2.0, 2.0, nil},
				// Of one incident, but not a fact of it: two reports.
				{merged, "ng:entity/kataib-hezbollah", "member_of", "ng:entity/islamic-resistance-in-iraq", 1, 2.0, 2.0, 2.0},
				// One article: no fact node, no counts.
				{per, "ng:entity/tower-22", "located_in", "ng:entity/jordan", 1, nil, nil, nil},
			} {
				var found int
				for _, e := range tt.view.Edges {
					if e.Source != tt.source || e.Target != tt.dest || e.Attrs["predicate"] != tt.predicate {
						continue
					}
					found++
					if e.Attrs["fact_articles"] != tt.factArticles || e.Attrs["fact_outlets"] != tt.outlets || e.Attrs["count"] != tt.count {
						t.Errorf("%s %s %s: fact_articles %#v, fact_outlets %#v, count %#v; want %#v, %#v, %#v",
							tt.source, tt.predicate, tt.dest, e.Attrs["fact_articles"], e.Attrs["fact_outlets"], e.Attrs["count"], tt.factArticles, tt.outlets, tt.count)
					}
				}
				if found != tt.edges {
					t.Errorf("%s %s %s: %d edges, want %d", tt.source, tt.predicate, tt.dest, found, tt.edges)
				}
			}
		})
	}
}
