package export_test

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"

	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// want is what an export of records must show, worked out from the
// records themselves rather than from the store.
type want struct {
	nodes map[string][2]string // id -> type, name
	edges []string             // "source predicate target article", sorted
}

// stripped is a string as GraphML can carry it: control characters gone.
func stripped(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
}

func expected(recs []schema.Record) want {
	w := want{nodes: map[string][2]string{}}
	id := func(rec schema.Record, ref string) string {
		for _, e := range rec.Events {
			if e.ID == ref {
				return string(schema.EventIRI(ref))
			}
		}
		return string(schema.EntityIRI(ref))
	}
	for _, rec := range recs {
		art := string(schema.ArticleIRI(rec.Article.ID))
		for _, e := range rec.Entities {
			w.nodes[string(schema.EntityIRI(e.ID))] = [2]string{e.Type, stripped(e.Name)}
		}
		for _, e := range rec.Events {
			name := e.Type
			if e.Date != "" {
				name += " " + e.Date
			}
			w.nodes[string(schema.EventIRI(e.ID))] = [2]string{"Event", name}
			for _, r := range []struct{ p, o string }{{"agent", e.Agent}, {"target", e.Target}, {"location", e.Location}, {"about", e.About}, {"assertedBy", e.AssertedBy}} {
				if r.o != "" {
					w.edges = append(w.edges, fmt.Sprintf("%s %s %s %s", string(schema.EventIRI(e.ID)), r.p, id(rec, r.o), art))
				}
			}
		}
		for _, f := range rec.Facts {
			w.edges = append(w.edges, fmt.Sprintf("%s %s %s %s", id(rec, f.S), f.P, id(rec, f.O), art))
		}
	}
	sort.Strings(w.edges)
	return w
}

// graphML is the part of a GraphML file the tests look at.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []element `xml:"node"`
		Edges       []element `xml:"edge"`
	} `xml:"graph"`
}

type element struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

// attrs maps attribute names to values, using the file's keys.
func (g graphML) attrs(e element) map[string]string {
	names := map[string]string{}
	for _, k := range g.Keys {
		names[k.ID] = k.Name
	}
	out := map[string]string{}
	for _, d := range e.Data {
		out[names[d.Key]] = d.Value
	}
	return out
}

func parseGraphML(t *testing.T, s string) graphML {
	t.Helper()
	var g graphML
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	return g
}

func TestGraphMLMatchesRecords(t *testing.T) {
	for _, backend := range graphtest.Local() {
		t.Run(backend, func(t *testing.T) {
			st := seedStore(t, backend)
			g := parseGraphML(t, exportString(t, st, "graphml", export.Options{}))
			w := expected(exporttest.Records())
			if g.Graph.EdgeDefault != "directed" {
				t.Errorf("edgedefault %q", g.Graph.EdgeDefault)
			}
			if len(g.Graph.Nodes) != len(w.nodes) {
				t.Errorf("%d nodes, want %d", len(g.Graph.Nodes), len(w.nodes))
			}
			ids := map[string]bool{}
			for _, n := range g.Graph.Nodes {
				if ids[n.ID] {
					t.Errorf("node %s written twice", n.ID)
				}
				ids[n.ID] = true
				a := g.attrs(n)
				wn, ok := w.nodes[n.ID]
				if !ok {
					t.Errorf("unexpected node %s", n.ID)
					continue
				}
				if a["type"] != wn[0] || a["name"] != wn[1] || a["label"] != wn[1] {
					t.Errorf("node %s: type %q name %q label %q, want %q %q", n.ID, a["type"], a["name"], a["label"], wn[0], wn[1])
				}
			}
			var edges []string
			for _, e := range g.Graph.Edges {
				a := g.attrs(e)
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %s: %s -> %s has an end that is not a node", e.ID, e.Source, e.Target)
				}
				if a["predicate"] == "" || a["article"] == "" || a["kind"] == "" || a["evidence"] == "" {
					t.Errorf("edge %s %s -> %s lacks provenance: %v", e.ID, e.Source, e.Target, a)
				}
				edges = append(edges, fmt.Sprintf("%s %s %s %s", e.Source, a["predicate"], e.Target, a["article"]))
			}
			sort.Strings(edges)
			if !slices.Equal(edges, w.edges) {
				t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(edges, "\n"), strings.Join(w.edges, "\n"))
			}
			types := map[string]string{}
			for _, k := range g.Keys {
				types[k.For+"."+k.Name] = k.Type
			}
			for k, typ := range map[string]string{"node.type": "string", "node.article_count": "int", "node.confidence": "double", "edge.confidence": "double", "edge.count": "int", "edge.predicate": "string"} {
				if types[k] != typ {
					t.Errorf("key %s has attr.type %q, want %q", k, types[k], typ)
				}
			}
		})
	}
}

// edgeAttrs finds the edges from source with a predicate and returns
// their attributes.
func edgeAttrs(g graphML, source, predicate, target string) []map[string]string {
	var out []map[string]string
	for _, e := range g.Graph.Edges {
		a := g.attrs(e)
		if e.Source == source && e.Target == target && a["predicate"] == predicate {
			out = append(out, a)
		}
	}
	return out
}

func nodeAttrs(g graphML, id string) map[string]string {
	for _, n := range g.Graph.Nodes {
		if n.ID == id {
			return g.attrs(n)
		}
	}
	return nil
}

func TestGraphMLAttributes(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	g := parseGraphML(t, exportString(t, st, "graphml", export.Options{}))
	tests := []struct {
		name string
		got  map[string]string
		want map[string]string
	}{
		{"hub entity", nodeAttrs(g, "ng:entity/kataib-hezbollah"), map[string]string{
			"type": "ArmedGroup", "name": "Kata'ib Hezbollah", "article_count": "3",
			"first_seen": "2024-01-29", "last_seen": "2024-01-31",
			"aliases": `["Hezbollah Brigades","Kata'ib Hezbollah","Kata’ib Hezbollah"]`,
		}},
		{"event", nodeAttrs(g, "ng:event/a1-attack-tower-22"), map[string]string{
			"type": "Event", "event_type": "Attack", "kind": "claimed", "date": "2024-01-28", "status": "occurred",
			"confidence": "0.9", "article": "ng:article/a1a1a1a1a1a1a1a1", "article_count": "1",
			"evidence": "A drone attack on Tower 22 killed three US soldiers on Sunday.",
		}},
		{"event without date", nodeAttrs(g, "ng:event/a2-threat"), map[string]string{
			"name": "Threat", "date": "", "date_note": "no date given", "kind": "threatened",
		}},
		{"undated article: no first_seen", nodeAttrs(g, "ng:entity/harakat-al-nujaba"), map[string]string{
			"name": "حركة النجباء", "first_seen": "", "article_count": "1",
			"aliases": `["حركة النجباء","نجباء","` + "\u200f" + `النجباء` + "\u200f" + `"]`,
		}},
		{"claimed attack", edgeAttrs(g, "ng:entity/islamic-resistance-in-iraq", "attacked", "ng:entity/tower-22")[0], map[string]string{
			"kind": "claimed", "confidence": "0.8", "article": "ng:article/a1a1a1a1a1a1a1a1", "article_date": "2024-01-29",
			"evidence": "The Islamic Resistance in Iraq said it attacked Tower 22.", "label": "attacked", "count": "",
		}},
		{"role and asserted_by", edgeAttrs(g, "ng:entity/abu-hussein-al-hamidawi", "leader_of", "ng:entity/kataib-hezbollah")[0], map[string]string{
			"role": "secretary-general", "kind": "stated",
		}},
		{"asserted by", edgeAttrs(g, "ng:entity/kataib-hezbollah", "threatened", "ng:entity/united-states")[0], map[string]string{
			"asserted_by": "ng:entity/abu-hussein-al-hamidawi", "kind": "threatened",
		}},
		{"denial of an event", edgeAttrs(g, "ng:entity/kataib-hezbollah", "denied_responsibility_for", "ng:event/a2-attack-tower-22")[0], map[string]string{
			"kind": "denied",
		}},
		{"event role edge", edgeAttrs(g, "ng:event/a2-suspension", "agent", "ng:entity/kataib-hezbollah")[0], map[string]string{
			"kind": "stated", "article": "ng:article/a2a2a2a2a2a2a2a2", "statement": "",
			"evidence": "Kata'ib Hezbollah announced the suspension of military operations against US forces.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got == nil {
				t.Fatal("not found")
			}
			for k, v := range tt.want {
				if tt.got[k] != v {
					t.Errorf("%s = %q, want %q", k, tt.got[k], v)
				}
			}
		})
	}
	// The same fact from two articles is two edges, each with its own provenance.
	member := edgeAttrs(g, "ng:entity/kataib-hezbollah", "member_of", "ng:entity/islamic-resistance-in-iraq")
	if len(member) != 2 || member[0]["kind"] != "stated" || member[1]["kind"] != "reported" || member[0]["statement"] == member[1]["statement"] {
		t.Errorf("member_of edges: %v, want two, stated (a1) then reported (a2)", member)
	}
}

func TestMergeEdges(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	per := parseGraphML(t, exportString(t, st, "graphml", export.Options{}))
	g := parseGraphML(t, exportString(t, st, "graphml", export.Options{MergeEdges: true}))
	if len(g.Graph.Edges) != len(per.Graph.Edges)-1 {
		t.Errorf("merged: %d edges, want %d (one pair merged)", len(g.Graph.Edges), len(per.Graph.Edges)-1)
	}
	m := edgeAttrs(g, "ng:entity/kataib-hezbollah", "member_of", "ng:entity/islamic-resistance-in-iraq")
	if len(m) != 1 {
		t.Fatalf("%d merged member_of edges, want 1", len(m))
	}
	for k, v := range map[string]string{
		"count": "2", "articles": `["ng:article/a1a1a1a1a1a1a1a1","ng:article/a2a2a2a2a2a2a2a2"]`,
		"kinds": `["reported","stated"]`, "kind": "stated", "article": "ng:article/a1a1a1a1a1a1a1a1",
		"evidence": "Kata'ib Hezbollah, part of the Islamic Resistance in Iraq,", "statement": "",
	} {
		if m[0][k] != v {
			t.Errorf("%s = %q, want %q", k, m[0][k], v)
		}
	}
	for _, e := range g.Graph.Edges {
		if a := g.attrs(e); a["count"] == "" || a["articles"] == "" {
			t.Errorf("merged edge %s lacks count or articles: %v", e.ID, a)
		}
	}
}

func TestArticleNodes(t *testing.T) {
	st := seedStore(t, graphtest.Volatile(t))
	g := parseGraphML(t, exportString(t, st, "graphml", export.Options{ArticleNodes: true}))
	w := expected(exporttest.Records())
	recs := exporttest.Records()
	if len(g.Graph.Nodes) != len(w.nodes)+len(recs) {
		t.Errorf("%d nodes, want %d entities and events and %d articles", len(g.Graph.Nodes), len(w.nodes), len(recs))
	}
	a := nodeAttrs(g, "ng:article/a2a2a2a2a2a2a2a2")
	for k, v := range map[string]string{"type": "Article", "name": "Kata'ib Hezbollah suspends operations", "date": "2024-01-31", "outlet": "Al-Monitor", "author": "A. Reporter", "source": "testdata/a2.txt", "article_count": ""} {
		if a[k] != v {
			t.Errorf("article node %s = %q, want %q", k, a[k], v)
		}
	}
	mentions := 0
	for _, rec := range recs {
		mentions += len(rec.Entities) + len(rec.Events)
	}
	n := 0
	for _, e := range g.Graph.Edges {
		if p := g.attrs(e)["predicate"]; p == "mentionedIn" || p == "article" {
			n++
		}
	}
	if n != mentions {
		t.Errorf("%d edges to articles, want %d", n, mentions)
	}
}

func TestEscaping(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	out := exportString(t, st, "graphml", export.Options{})
	for _, bad := range []string{"\x01", "\x02", "\x1b", "<Brigade>", `"Friends"`} {
		if strings.Contains(out, bad) {
			t.Errorf("GraphML contains %q unescaped", bad)
		}
	}
	g := parseGraphML(t, out)
	weird := nodeAttrs(g, "ng:entity/weird")
	if want := strings.ReplaceAll(exporttest.Weird, "\x01", ""); weird["name"] != want {
		t.Errorf("weird name read back as %q, want %q", weird["name"], want)
	}
	var aliases []string
	if err := json.Unmarshal([]byte(weird["aliases"]), &aliases); err != nil {
		t.Fatalf("aliases %q: %v", weird["aliases"], err)
	}
	// The name is always one of the aliases (docs/schema.md); export
	// drops the control character from it as from the name.
	if want := []string{"<x>", "A & B", strings.ReplaceAll(exporttest.Weird, "\x01", ""), "line\nbreak", "tab\there"}; !slices.Equal(aliases, want) {
		t.Errorf("aliases %q, want %q", aliases, want)
	}
	ev := edgeAttrs(g, "ng:entity/weird", "allied_with", "ng:entity/harakat-al-nujaba")
	if len(ev) != 1 || ev[0]["evidence"] != "x < y && \"q\" 'r' [0m" {
		t.Errorf("evidence read back as %q", ev)
	}
	ar := edgeAttrs(g, "ng:entity/harakat-al-nujaba", "allied_with", "ng:entity/kataib-hezbollah")
	if len(ar) != 1 || ar[0]["evidence"] != "قال \"الحركة\" & <الكتائب>" {
		t.Errorf("Arabic evidence read back as %q", ar)
	}

	// JSON Lines keeps strings exactly, control characters included.
	found := false
	for _, line := range strings.Split(strings.TrimSpace(exportString(t, st, "jsonl", export.Options{})), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("JSONL line %q: %v", line, err)
		}
		if m["id"] == "ng:entity/weird" {
			found = true
			if m["name"] != exporttest.Weird {
				t.Errorf("JSONL name %q, want %q", m["name"], exporttest.Weird)
			}
		}
	}
	if !found {
		t.Error("JSONL lacks the weird node")
	}
}

func TestJSONL(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	w := expected(exporttest.Records())
	s := exportString(t, st, "jsonl", export.Options{})
	var nodes, edges int
	seenEdge := false
	var got []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		switch m["element"] {
		case "node":
			if seenEdge {
				t.Error("node line after an edge line")
			}
			nodes++
			wn := w.nodes[m["id"].(string)]
			if m["type"] != wn[0] {
				t.Errorf("node %v type %v, want %s", m["id"], m["type"], wn[0])
			}
		case "edge":
			seenEdge = true
			edges++
			got = append(got, fmt.Sprintf("%s %s %s %s", m["source"], m["predicate"], m["target"], m["article"]))
		default:
			t.Errorf("line without element: %q", sc.Text())
		}
	}
	sort.Strings(got)
	if nodes != len(w.nodes) || !slices.Equal(got, w.edges) {
		t.Errorf("JSONL: %d nodes, edges\n%s\nwant %d nodes, edges\n%s", nodes, strings.Join(got, "\n"), len(w.nodes), strings.Join(w.edges, "\n"))
	}
}

func TestRemovedArticleLeavesNoTrace(t *testing.T) {
	for _, backend := range graphtest.Local() {
		t.Run(backend, func(t *testing.T) {
			st := seedStore(t, backend)
			if _, err := st.Replace(context.Background(), []quad.Value{schema.ArticleIRI("a3a3a3a3a3a3a3a3")}, nil); err != nil {
				t.Fatal(err)
			}
			g := parseGraphML(t, exportString(t, st, "graphml", export.Options{}))
			w := expected(exporttest.Records()[:2])
			if len(g.Graph.Nodes) != len(w.nodes) || len(g.Graph.Edges) != len(w.edges) {
				t.Errorf("after removing a3: %d nodes, %d edges; want %d, %d", len(g.Graph.Nodes), len(g.Graph.Edges), len(w.nodes), len(w.edges))
			}
			if a := nodeAttrs(g, "ng:entity/kataib-hezbollah"); a["article_count"] != "2" {
				t.Errorf("kataib-hezbollah in %s articles, want 2", a["article_count"])
			}
			if nodeAttrs(g, "ng:entity/weird") != nil {
				t.Error("an entity of the removed article is still exported")
			}
		})
	}
}

func TestSelection(t *testing.T) {
	ctx := context.Background()
	st := seedStore(t, graph.DefaultBackend)

	around := []struct {
		start string
		hops  int
		want  []string
	}{
		{"ng:entity/tower-22", 0, []string{"ng:entity/tower-22"}},
		{"ng:entity/tower-22", 1, []string{"ng:entity/islamic-resistance-in-iraq", "ng:entity/jordan", "ng:entity/tower-22", "ng:entity/united-states", "ng:event/a1-attack-tower-22"}},
		{"ng:entity/jordan", 2, []string{"ng:entity/islamic-resistance-in-iraq", "ng:entity/jordan", "ng:entity/tower-22", "ng:entity/united-states", "ng:event/a1-attack-tower-22"}},
		{"ng:entity/weird", 1, []string{"ng:entity/harakat-al-nujaba", "ng:entity/weird"}},
	}
	for _, tt := range around {
		got, err := export.Around(ctx, st.Reader(), []quad.Value{quad.IRI(tt.start)}, tt.hops)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range got {
			ids = append(ids, string(v.(quad.IRI)))
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("Around(%s, %d) = %v, want %v", tt.start, tt.hops, ids, tt.want)
		}
	}

	// A selection exports its nodes and only the edges among them.
	sel := []quad.Value{quad.IRI("ng:entity/tower-22"), quad.IRI("ng:entity/jordan"), quad.IRI("ng:entity/islamic-resistance-in-iraq"), quad.IRI("ng:article/a1a1a1a1a1a1a1a1")}
	g := parseGraphML(t, exportString(t, st, "graphml", export.Options{Nodes: sel}))
	var nodes, edges []string
	for _, n := range g.Graph.Nodes {
		nodes = append(nodes, n.ID)
	}
	for _, e := range g.Graph.Edges {
		edges = append(edges, e.Source+" "+g.attrs(e)["predicate"]+" "+e.Target)
	}
	if want := []string{"ng:entity/islamic-resistance-in-iraq", "ng:entity/jordan", "ng:entity/tower-22"}; !slices.Equal(nodes, want) {
		t.Errorf("selected nodes %v, want %v (articles only with ArticleNodes)", nodes, want)
	}
	if want := []string{"ng:entity/islamic-resistance-in-iraq attacked ng:entity/tower-22", "ng:entity/tower-22 located_in ng:entity/jordan"}; !slices.Equal(edges, want) {
		t.Errorf("selected edges %v, want %v", edges, want)
	}
	if g := parseGraphML(t, exportString(t, st, "graphml", export.Options{Nodes: []quad.Value{}})); len(g.Graph.Nodes) != 0 {
		t.Errorf("an empty selection exported %d nodes", len(g.Graph.Nodes))
	}
	ga := parseGraphML(t, exportString(t, st, "graphml", export.Options{Nodes: sel[:1], ArticleNodes: true}))
	if len(ga.Graph.Nodes) != 2 || len(ga.Graph.Edges) != 1 {
		t.Errorf("tower-22 with its article: %d nodes %d edges, want 2 and 1", len(ga.Graph.Nodes), len(ga.Graph.Edges))
	}
}

func TestFromResults(t *testing.T) {
	ctx := context.Background()
	st := seedStore(t, graphtest.Volatile(t))
	tests := []struct {
		query string
		want  []quad.Value
	}{
		{`g.V("<ng:entity/kataib-hezbollah>").Out("<ng:member_of>").All()`, []quad.Value{quad.IRI("ng:entity/islamic-resistance-in-iraq")}},
		{`g.V("<ng:entity/kataib-hezbollah>").Tag("kh").Out("<ng:member_of>").All()`, []quad.Value{quad.IRI("ng:entity/islamic-resistance-in-iraq"), quad.IRI("ng:entity/kataib-hezbollah")}},
		{`g.V().Has("<ng:eventType>").All()`, []quad.Value{quad.IRI("ng:event/a1-attack-tower-22"), quad.IRI("ng:event/a2-attack-tower-22"), quad.IRI("ng:event/a2-suspension"), quad.IRI("ng:event/a2-threat")}},
		{`g.Emit(g.V("<ng:entity/jordan>").ToArray())`, []quad.Value{quad.IRI("ng:entity/jordan")}},
		{`g.V("<ng:entity/jordan>").Out("<ng:name>").All()`, []quad.Value{}}, // literals are not nodes
	}
	for _, tt := range tests {
		res, err := st.Query(ctx, tt.query, graphQueryOptions())
		if err != nil {
			t.Fatal(err)
		}
		if got := export.FromResults(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := export.Get("gexf"); err == nil || !strings.Contains(err.Error(), "graphml") {
		t.Errorf("Get(gexf) err = %v, want one listing the formats", err)
	}
	if got := export.Names(); !slices.Equal(got, []string{"dot", "geojson", "graphml", "jsonl", "nquads"}) {
		t.Errorf("Names() = %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("registering graphml twice did not panic")
		}
	}()
	export.Register("graphml", nil)
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestErrors(t *testing.T) {
	st := seedStore(t, graph.DefaultBackend)
	for _, format := range export.Names() {
		t.Run(format, func(t *testing.T) {
			e, _ := export.Get(format)
			if err := e.Export(context.Background(), st.Reader(), &failWriter{n: 100}, export.Options{}); err == nil {
				t.Error("a failing writer gave no error")
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if err := e.Export(ctx, st.Reader(), io.Discard, export.Options{}); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled export: err = %v", err)
			}
		})
	}
}

func TestDOTLimit(t *testing.T) {
	st := seedStore(t, graphtest.Volatile(t))
	e, _ := export.Get("dot")
	err := e.Export(context.Background(), st.Reader(), io.Discard, export.Options{MaxNodes: 3})
	if !errors.Is(err, export.ErrTooBig) {
		t.Errorf("14 nodes with MaxNodes 3: err = %v, want ErrTooBig", err)
	}
	sel := []quad.Value{quad.IRI("ng:entity/tower-22"), quad.IRI("ng:entity/jordan")}
	if err := e.Export(context.Background(), st.Reader(), io.Discard, export.Options{MaxNodes: 3, Nodes: sel}); err != nil {
		t.Errorf("two nodes with MaxNodes 3: %v", err)
	}
}
