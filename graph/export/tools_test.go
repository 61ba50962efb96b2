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

	nggraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
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
			if err := e.Export(context.Background(), back, &b, export.Options{MergeEdges: true}); err != nil {
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
		if err := e.Export(context.Background(), back, &b, export.Options{}); err != nil {
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
