package main

import (
	"bufio"
	"context"
	"encoding/json"
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

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
)

// exportCLI is a CLI whose store holds exporttest.Records: militias,
// bases, an attack claimed and denied, names hard to escape.
func exportCLI(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	st, err := graph.Open(context.Background(), c.storeConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := exporttest.Load(context.Background(), st, exporttest.Records()); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestExportGolden(t *testing.T) {
	c := exportCLI(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"seed.graphml", []string{"export"}},
		{"seed-merged.graphml", []string{"export", "--format", "graphml", "--merge-edges"}},
		{"seed.jsonl", []string{"export", "--format", "jsonl"}},
		{"seed.nquads", []string{"export", "--format", "nquads"}},
		{"around-tower-22.dot", []string{"export", "--format", "dot", "--around", "Tower 22"}},
		{"around-kh-2-hops.jsonl", []string{"export", "--format", "jsonl", "--around", "<ng:entity/kataib-hezbollah>", "--hops", "2", "--merge-edges"}},
		{"around-nujaba-articles.graphml", []string{"export", "--around", "حركة النجباء", "--articles"}},
		{"query-attackers.nquads", []string{"export", "--format", "nquads", "--query", `g.V("<ng:entity/tower-22>").Tag("base").In("<ng:attacked>").All()`}},
		{"seed.geojson", []string{"export", "--format", "geojson"}},
		{"around-tower-22.geojson", []string{"export", "--format", "geojson", "--around", "Tower 22"}},
		{"path-hamidawi-tower-22.dot", []string{"export", "--format", "dot", "--merge-edges", "--path", "Abu Hussein al-Hamidawi", "Tower 22"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, filepath.Join("export", tt.golden), c.mustRun(tt.args...))
		})
	}
}

func TestExportOutputFile(t *testing.T) {
	c := exportCLI(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "g.graphml")
	if out := c.mustRun("export", "-o", file); out != "" {
		t.Errorf("with -o, standard output is %q", out)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := c.mustRun("export"); string(got) != want {
		t.Error("the file differs from standard output")
	}

	// A failed export leaves the old file as it was, and no temporary file.
	if _, errs, code := c.run("export", "--format", "dot", "--max-nodes", "3", "-o", file); code == 0 || !strings.Contains(errs, "at most 3 nodes") {
		t.Errorf("dot of 14 nodes with --max-nodes 3: exit %d, stderr %q", code, errs)
	}
	if again, _ := os.ReadFile(file); string(again) != string(got) {
		t.Error("a failed export changed the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in the output directory: %v", names)
	}
	fresh := filepath.Join(dir, "new.dot")
	c.run("export", "--format", "dot", "--max-nodes", "3", "-o", fresh)
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed export created %s", fresh)
	}
}

func TestExportErrors(t *testing.T) {
	c := exportCLI(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "gexf"}, `unknown format "gexf"`},
		{[]string{"export", "--around", "Nowhere"}, `no entity is called "Nowhere"`},
		{[]string{"export", "--around", "Tower 22", "--query", "g.V().All()"}, "none of the others can be"},
		{[]string{"export", "--hops", "2"}, "--hops goes with --around"},
		{[]string{"export", "--path", "Tower 22"}, "--path takes two arguments"},
		{[]string{"export", "extra"}, "unknown command"},
		{[]string{"export", "--query", `g.V("<ng:entity/tower-22>").Out("<ng:name>").All()`}, "hold no entity or event node"},
		{[]string{"export", "--query", "g.V("}, ""},
		{[]string{"export", "--path", "Tower 22", "Tower 22"}, "both ends"},
		{[]string{"export", "--path", "Tower 22", "حركة النجباء", "--max-hops", "2"}, "no path"},
		{[]string{"export", "-o", filepath.Join(t.TempDir(), "missing", "dir", "g.graphml")}, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errs, code := c.run(tt.args...)
			if code == 0 {
				t.Fatalf("exit 0, stdout %.200q", out)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q does not say %q", errs, tt.want)
			}
		})
	}
}

// TestExportSeedGraph builds the seed articles with the configured
// extractor, exports them, and checks that networkx and igraph read the
// graph the store holds: every node typed and named, every edge with its
// predicate and article, and as many of each as the quads say.
func TestExportSeedGraph(t *testing.T) {
	py, err := exporttest.Python()
	if err != nil {
		t.Skip(err)
	}
	c := newCLI(t)
	c.mustRun("build", seedDir)
	dir := t.TempDir()
	file := filepath.Join(dir, "seed.graphml")
	c.mustRun("export", "-o", file)

	// What the store holds, from its quads.
	nodes, edges := graphOfQuads(t, c.mustRun("export", "--format", "nquads"))
	if len(nodes) == 0 {
		t.Fatal("the seed graph has no nodes")
	}
	if len(edges) == 0 {
		t.Log("the extractor found no facts or events in the seeds: only nodes are compared")
	}
	views, err := exporttest.ReadGraphML(py, file)
	if err != nil {
		t.Fatal(err)
	}
	for tool, v := range views {
		t.Run(tool, func(t *testing.T) {
			if len(v.Nodes) != len(nodes) || len(v.Edges) != len(edges) {
				t.Errorf("%d nodes and %d edges; the store has %d and %d", len(v.Nodes), len(v.Edges), len(nodes), len(edges))
			}
			for id, want := range nodes {
				got := v.Nodes[id]
				if got == nil {
					t.Errorf("node %s missing", id)
					continue
				}
				name, _ := got["name"].(string)
				if got["type"] != want.typ || !want.names[name] {
					t.Errorf("node %s: type %v, name %v; the store: %q %v", id, got["type"], got["name"], want.typ, want.names)
				}
				if _, ok := got["article_count"].(float64); !ok {
					t.Errorf("node %s: article_count %#v is not a number", id, got["article_count"])
				}
			}
			var gotEdges []string
			for _, e := range v.Edges {
				if e.Attrs["predicate"] == nil || e.Attrs["article"] == nil {
					t.Errorf("edge %s -> %s lacks predicate or article: %v", e.Source, e.Target, e.Attrs)
				}
				gotEdges = append(gotEdges, fmt.Sprintf("%s %v %s %v", e.Source, e.Attrs["predicate"], e.Target, e.Attrs["article"]))
			}
			sort.Strings(gotEdges)
			if !slices.Equal(gotEdges, edges) {
				t.Errorf("edges differ from the store's:\n%s\nthe store:\n%s", strings.Join(gotEdges, "\n"), strings.Join(edges, "\n"))
			}
		})
	}

	// A path of the seed graph renders with Graphviz: the path between
	// the ends of the store's first edge, found by graph/path.
	if len(edges) == 0 {
		t.Skip("no edges, so no path, in the seed graph")
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed")
	}
	ends := strings.Fields(edges[0])
	src := c.mustRun("export", "--format", "dot", "--merge-edges", "--path", "<"+ends[0]+">", "<"+ends[2]+">")
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(src)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if svg, err := cmd.Output(); err != nil || stderr.Len() > 0 || !strings.Contains(string(svg), "<svg") {
		t.Errorf("dot -Tsvg on the path: %v %s\n%s", err, stderr.String(), src)
	}
}

// quadNode is a node as its quads describe it: its type, and the names
// the articles give it (an event's name is its type and date).
type quadNode struct {
	typ   string
	names map[string]bool
}

// graphOfQuads reads N-Quads and works out the exported graph from the
// quads alone: entity and event nodes, and one edge per statement and per
// event role, as "source predicate target article", sorted.
func graphOfQuads(t *testing.T, s string) (map[string]quadNode, []string) {
	t.Helper()
	r := nquads.NewReader(strings.NewReader(s), false)
	var all []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		all = append(all, q)
	}
	isNode := func(v quad.Value) bool {
		iri, ok := v.(quad.IRI)
		return ok && (strings.HasPrefix(string(iri), "ng:entity/") || strings.HasPrefix(string(iri), "ng:event/"))
	}
	str := func(v quad.Value) string {
		if iri, ok := v.(quad.IRI); ok {
			return string(iri)
		}
		return fmt.Sprint(v.Native())
	}
	nodes := map[string]quadNode{}
	props := map[string]map[string]string{}
	names := map[string]map[string]bool{}
	stmts := map[string]map[string]string{}
	var edges []string
	for _, q := range all {
		p := str(q.Predicate)
		if isNode(q.Subject) {
			id := str(q.Subject)
			if props[id] == nil {
				props[id] = map[string]string{}
			}
			props[id][p] = str(q.Object)
			if p == "ng:name" {
				if names[id] == nil {
					names[id] = map[string]bool{}
				}
				names[id][str(q.Object)] = true
			}
			switch p {
			case "ng:agent", "ng:target", "ng:location", "ng:about", "ng:assertedBy":
				if isNode(q.Object) {
					edges = append(edges, fmt.Sprintf("%s %s %s %s", id, strings.TrimPrefix(p, "ng:"), str(q.Object), str(q.Label)))
				}
			}
		}
		if st := str(q.Subject); strings.HasPrefix(st, "ng:statement/") {
			if stmts[st] == nil {
				stmts[st] = map[string]string{}
			}
			stmts[st][p] = str(q.Object)
		}
	}
	for id, p := range props {
		n := quadNode{typ: strings.TrimPrefix(p["rdf:type"], "ng:"), names: names[id]}
		if strings.HasPrefix(id, "ng:event/") {
			n.typ = "Event" // an event node has no rdf:type: its IRI says what it is
			name := p["ng:eventType"]
			if d := p["ng:date"]; d != "" {
				name += " " + d
			}
			n.names = map[string]bool{name: true}
		}
		nodes[id] = n
	}
	for _, st := range stmts {
		edges = append(edges, fmt.Sprintf("%s %s %s %s", st["rdf:subject"], strings.TrimPrefix(st["rdf:predicate"], "ng:"), st["rdf:object"], st["ng:article"]))
	}
	sort.Strings(edges)
	return nodes, edges
}

// TestExportJSONLIsJSON checks every line of a JSONL export decodes.
func TestExportJSONLIsJSON(t *testing.T) {
	c := exportCLI(t)
	sc := bufio.NewScanner(strings.NewReader(c.mustRun("export", "--format", "jsonl")))
	n := 0
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v: %s", n+1, err, sc.Text())
		}
		n++
	}
	if n == 0 {
		t.Fatal("empty JSONL export")
	}
}
