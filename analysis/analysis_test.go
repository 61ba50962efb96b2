package analysis_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/schema"
)

const articles = "../testdata/incidents/articles"

func openStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Path: t.TempDir()}) // the default backend, on disk
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// build loads the articles of dir with the rules extractor, as newsgraph
// build does.
func build(t *testing.T, st *graph.Store, dir string) pipeline.Summary {
	t.Helper()
	x, err := extract.New("rules", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := pipeline.Build(context.Background(), st, x, []config.Source{{Dir: dir}}, pipeline.Options{Analysis: analysis.Options{Window: analysis.DefaultWindow}})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("build: %v %v", err, sum.Errors)
	}
	return sum
}

// copyArticles copies the test articles, but those named in leave, to a
// directory of their own.
func copyArticles(t *testing.T, leave ...string) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(articles, "*.txt"))
	for _, f := range files {
		if slices.Contains(leave, filepath.Base(f)) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ownQuads are the quads of the analysis' nodes: those labelled with one.
func ownQuads(t *testing.T, st *graph.Store) []quad.Quad {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		l := q.Label.String()
		if strings.HasPrefix(l, "<ng:incident/") || strings.HasPrefix(l, "<ng:fact/") || strings.HasPrefix(l, "<ng:contradiction/") {
			out = append(out, q)
		}
	}
	return out
}

// analysisQuads are ownQuads as sorted strings.
func analysisQuads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	for _, q := range ownQuads(t, st) {
		out = append(out, q.String())
	}
	sort.Strings(out)
	return out
}

// node is one node's properties: predicate -> objects.
func node(t *testing.T, st *graph.Store, v quad.Value) map[string][]string {
	t.Helper()
	qs, err := st.Quads(context.Background(), quad.Subject, v)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]string{}
	for _, q := range qs {
		o := q.Object.String()
		if n, ok := q.Object.(quad.Int); ok {
			o = strconv.Itoa(int(n))
		}
		m[q.Predicate.String()] = append(m[q.Predicate.String()], o)
	}
	for _, v := range m {
		sort.Strings(v)
	}
	return m
}

func ofClass(t *testing.T, st *graph.Store, class quad.IRI) []quad.Value {
	t.Helper()
	vs, err := st.Subjects(context.Background(), schema.RDFType, class)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// The test articles: four mastheads and a syndicated copy report one drone
// attack; a claim and a denial, and a rival attribution, of it; a second
// attack a week later stays apart.
func TestIncidentOfTheArticles(t *testing.T) {
	st := openStore(t)
	sum := build(t, st, articles)
	if sum.Analysis.Incidents != 1 || sum.Analysis.Contradictions != 2 {
		t.Errorf("analysis wrote %+v, want 1 incident and 2 contradictions", sum.Analysis)
	}
	incs := ofClass(t, st, analysis.ClassIncident)
	if len(incs) != 1 {
		t.Fatalf("incidents: %v, want one", incs)
	}
	inc := node(t, st, incs[0])
	// Six articles; the AFP copy in the Gulf Daily Mirror is the Northern
	// Tribune's story: five independent sources.
	for p, want := range map[string]string{"<ng:articles>": "6", "<ng:outlets>": "5", "<ng:date>": `"2024-03-10"`,
		"<ng:firstReported>": `"2024-03-11"`, "<ng:lastReported>": `"2024-03-13"`, "<ng:eventType>": `"Attack"`} {
		if got := strings.Join(inc[p], " "); got != want {
			t.Errorf("incident %s = %s, want %s", p, got, want)
		}
	}
	for _, r := range inc["<ng:report>"] {
		if strings.Contains(r, "8275151fe4ca97b1") { // tribune-second.txt
			t.Errorf("the attack a week later is a report of the first: %s", r)
		}
	}
	cs, err := analysis.Contradictions(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, c := range cs {
		kinds = append(kinds, c.Kind+": "+strings.Join(c.Sides[0].Agents, ",")+" / "+strings.Join(c.Sides[1].Agents, ","))
		if c.Incident != incs[0].String() {
			t.Errorf("%s is not of the incident: %s", c.Kind, c.Incident)
		}
	}
	want := []string{"claim_denial: Kata'ib Hezbollah / Kata'ib Hezbollah", "rival_attribution: Harakat Hezbollah al-Nujaba / Kata'ib Hezbollah"}
	if !slices.Equal(kinds, want) {
		t.Errorf("contradictions\n got %q\nwant %q", kinds, want)
	}
}

// Every node of the analysis can be replaced: LabelQuads finds every quad
// of its label (the shape docs/schema.md describes).
func TestLabelShape(t *testing.T) {
	st := openStore(t)
	build(t, st, articles)
	byLabel := map[quad.Value]int{}
	for _, q := range ownQuads(t, st) {
		byLabel[q.Label]++
	}
	ctx := context.Background()
	if len(byLabel) < 4 {
		t.Fatalf("%d nodes of the analysis, want an incident, facts and contradictions", len(byLabel))
	}
	for l, n := range byLabel {
		qs, err := st.LabelQuads(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != n {
			t.Errorf("%v: LabelQuads finds %d of its %d quads", l, len(qs), n)
		}
	}
}

// Loading the articles in two steps, and changing one, gives the same
// incidents, ids and counts as one build of the same articles.
func TestIncrementalIsFull(t *testing.T) {
	st := openStore(t)
	first := copyArticles(t, "gazette-harir.txt", "daily-claim.txt", "herald-nujaba.txt")
	build(t, st, first)
	all := copyArticles(t)
	build(t, st, all)
	full := openStore(t)
	build(t, full, all)
	if got, want := analysisQuads(t, st), analysisQuads(t, full); !slices.Equal(got, want) {
		t.Fatalf("after two steps:\n%s\nafter one build:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Nujaba's attack moves to another base: the rival attribution goes.
	moved := strings.ReplaceAll(readFile(t, filepath.Join(all, "herald-nujaba.txt")), "Harir Air Base", "Ain al-Asad air base")
	if err := os.WriteFile(filepath.Join(all, "herald-nujaba.txt"), []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := build(t, st, all)
	if sum.Changed != 1 {
		t.Fatalf("changed %d articles, want 1", sum.Changed)
	}
	fresh := openStore(t)
	build(t, fresh, all)
	got, want := analysisQuads(t, st), analysisQuads(t, fresh)
	if !slices.Equal(got, want) {
		t.Fatalf("after a change:\n%s\nafter one build:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(strings.Join(got, "\n"), "rival_attribution") {
		t.Error("the rival attribution stayed after the article changed")
	}
}

// Within the smallest bounds (the reader's caches aged after every
// component and entity, every node written in a batch of its own), the
// analysis gives the nodes it gives within the default ones, in a first
// build, incrementally, and read from the store.
func TestBoundsKeepTheResult(t *testing.T) {
	all := copyArticles(t)
	full := openStore(t)
	build(t, full, all)
	defer analysis.SetBounds(1, 1)()
	bounded := openStore(t)
	build(t, bounded, all)
	if got, want := analysisQuads(t, bounded), analysisQuads(t, full); !slices.Equal(got, want) {
		t.Fatalf("within the smallest bounds:\n%s\nwithin the default ones:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	t.Run("incremental", TestIncrementalIsFull)
	t.Run("from the store", TestIndexReadsAsTheStore)
}

// A build into an empty store reads what it loaded from an Index; into a
// store that held anything, from the store. Both give the same nodes.
func TestIndexReadsAsTheStore(t *testing.T) {
	x, err := extract.New("rules", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		dirs []string
	}{
		{"test articles", []string{articles}},
		{"seeds and test articles", []string{"../testdata/seeds", articles}},
		// Two articles of one outlet state what a third states: its
		// sources are two, which only the articles' outlets tell.
		{"one outlet twice", []string{articles, oneOutletTwice(t)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var srcs []config.Source
			for _, d := range tt.dirs {
				srcs = append(srcs, config.Source{Dir: d})
			}
			ctx := context.Background()
			opts := pipeline.Options{Analysis: analysis.Options{Window: analysis.DefaultWindow}}
			indexed, stored := openStore(t), openStore(t)
			// One quad unrelated to any article makes the store non-empty.
			note := quad.IRI("ng:test/note")
			if err := stored.BulkLoad(ctx, []quad.Quad{{Subject: note, Predicate: schema.Name, Object: quad.String("not an article"), Label: note}}); err != nil {
				t.Fatal(err)
			}
			var sums []pipeline.Summary
			for _, st := range []*graph.Store{indexed, stored} {
				sum, err := pipeline.Build(ctx, st, x, srcs, opts)
				if err != nil || sum.Failed > 0 {
					t.Fatalf("build: %v %v", err, sum.Errors)
				}
				sums = append(sums, sum)
			}
			if a := sums[0].Analysis; a.Incidents == 0 || a.Facts == 0 || a.Contradictions == 0 {
				t.Fatalf("the analysis found too little to compare: %+v", a)
			}
			if got, want := analysisQuads(t, indexed), analysisQuads(t, stored); !slices.Equal(got, want) {
				t.Fatalf("read from the index:\n%s\nread from the store:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// The index answers what it keeps, and says so of what it does not.
func TestIndexKeeps(t *testing.T) {
	ctx := context.Background()
	ev, art := quad.IRI("ng:event/e"), quad.IRI("ng:article/a")
	x := analysis.NewIndex()
	x.Add([]quad.Quad{
		{Subject: ev, Predicate: schema.RDFType, Object: schema.ClassEvent, Label: art},
		{Subject: ev, Predicate: schema.EventType, Object: quad.String("Attack"), Label: art},
		{Subject: ev, Predicate: schema.Evidence, Object: quad.String("a sentence"), Label: art},
		{Subject: ev, Predicate: schema.InArticle, Object: art, Label: art},
	})
	for _, tt := range []struct {
		name string
		d    quad.Direction
		v, p quad.Value
		n    int  // quads
		err  bool // not kept in that direction
	}{
		{"an event's type", quad.Subject, ev, schema.EventType, 1, false},
		{"its evidence is not read", quad.Subject, ev, schema.Evidence, 0, true},
		{"an article's events", quad.Object, art, schema.InArticle, 1, false},
		{"the analysis' own, none yet", quad.Object, art, analysis.ReportedIn, 0, false},
		{"names by object", quad.Object, quad.String("x"), schema.Name, 0, true},
	} {
		qs, err := x.QuadsWith(ctx, tt.d, tt.v, tt.p)
		if len(qs) != tt.n || (err != nil) != tt.err {
			t.Errorf("%s: %d quads, error %v; want %d, error %v", tt.name, len(qs), err, tt.n, tt.err)
		}
	}
	// A layout-1 event's rdf:type is not kept: its IRI says it is one.
	if qs, err := x.Quads(ctx, quad.Subject, ev); err != nil || len(qs) != 2 {
		t.Errorf("the event's quads: %v, %v; want its event type and article", qs, err)
	}
}

// oneOutletTwice writes two articles of one outlet, in words of their
// own, that say Kata'ib Hezbollah is backed by Iran (as herald-backing.txt
// does).
func oneOutletTwice(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"tribune-iran-1.txt": "Northern Tribune - Militia funding under scrutiny\n\nFriday 15 March 2024\n\nKata'ib Hezbollah is backed by Iran, according to a parliamentary report released in Baghdad.\n",
		"tribune-iran-2.txt": "Northern Tribune - Lawmakers question armed factions\n\nSaturday 16 March 2024\n\nSeveral deputies asked the government about weapons depots near the airport. Kata'ib Hezbollah is backed by Iran, one of them told reporters.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// report is an article of one event, for the table tests.
type report struct {
	outlet, date string // the article's
	typ, agent   string
	day          string // the event's date, "" for the article's
	kind         string
}

func (r report) record(i int) schema.Record {
	id := string(rune('a'+i)) + "000000000000000"
	rec := schema.Record{Doc: id, Article: schema.Article{ID: id, Outlet: r.outlet, Date: r.date},
		Entities: []schema.Entity{{ID: "harir-air-base", Type: schema.MilitaryBase, Name: "Harir Air Base"}}}
	ev := schema.Event{ID: id + "-ev", Type: r.typ, Target: "harir-air-base", Date: r.day, DatePrecision: schema.PrecisionDay, Kind: r.kind, Evidence: "sentence " + id}
	if r.day == "" {
		ev.Date, ev.DatePrecision = r.date, schema.PrecisionReported
	}
	for _, g := range []string{"kataib-hezbollah", "islamic-resistance-in-iraq", "harakat-hezbollah-al-nujaba"} {
		rec.Entities = append(rec.Entities, schema.Entity{ID: g, Type: schema.ArmedGroup, Name: g})
	}
	if r.agent != "" {
		ev.Agent = r.agent
	}
	rec.Events = []schema.Event{ev}
	// Kata'ib Hezbollah is a member of the Islamic Resistance in Iraq.
	rec.Facts = []schema.Fact{{S: "kataib-hezbollah", P: "member_of", O: "islamic-resistance-in-iraq", Kind: schema.Stated, Evidence: "member " + id}}
	return rec
}

// load maps records to quads, loads them and runs the analysis over them.
func load(t *testing.T, st *graph.Store, recs []schema.Record, window time.Duration) analysis.Summary {
	t.Helper()
	ctx := context.Background()
	var touched []quad.Value
	for _, rec := range recs {
		qs, rejects := schema.ToQuads(rec, "test/1")
		if len(rejects) > 0 {
			t.Fatal(rejects)
		}
		if err := st.BulkLoad(ctx, qs); err != nil {
			t.Fatal(err)
		}
		touched = append(touched, schema.ArticleIRI(rec.Article.ID))
	}
	sum, err := analysis.Update(ctx, st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
		_, err := st.Replace(ctx, labels, quads)
		return err
	}, touched, analysis.Options{Window: window})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestLinking(t *testing.T) {
	kh, iri, nujaba := "kataib-hezbollah", "islamic-resistance-in-iraq", "harakat-hezbollah-al-nujaba"
	for _, c := range []struct {
		name      string
		reports   []report
		window    time.Duration
		incidents int
		outlets   string // of the first incident
	}{
		{"two outlets, same day", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-12", "Attack", "", "2024-03-10", "stated"}}, analysis.DefaultWindow, 1, "2"},
		{"one outlet twice", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"A", "2024-03-12", "Attack", kh, "2024-03-10", "stated"}}, analysis.DefaultWindow, 1, "1"},
		{"undated: the article dates stand in", []report{{"A", "2024-03-11", "Attack", "", "", "stated"}, {"B", "2024-03-13", "Attack", "", "", "stated"}}, analysis.DefaultWindow, 1, "2"},
		{"a week apart", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-18", "Attack", kh, "2024-03-17", "stated"}}, analysis.DefaultWindow, 0, ""},
		{"two days apart, window of one", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-13", "Attack", kh, "2024-03-12", "stated"}}, 24 * time.Hour, 0, ""},
		{"another type", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-11", "Airstrike", kh, "2024-03-10", "stated"}}, analysis.DefaultWindow, 0, ""},
		{"rival agents", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-11", "Attack", nujaba, "2024-03-10", "stated"}}, analysis.DefaultWindow, 0, ""},
		{"a member and its umbrella", []report{{"A", "2024-03-11", "Attack", kh, "2024-03-10", "stated"}, {"B", "2024-03-11", "Attack", iri, "2024-03-10", "claimed"}}, analysis.DefaultWindow, 1, "2"},
		{"a threat is no incident", []report{{"A", "2024-03-11", "Threat", kh, "2024-03-10", "threatened"}, {"B", "2024-03-11", "Threat", kh, "2024-03-10", "threatened"}}, analysis.DefaultWindow, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			var recs []schema.Record
			for i, r := range c.reports {
				recs = append(recs, r.record(i))
			}
			load(t, st, recs, c.window)
			incs := ofClass(t, st, analysis.ClassIncident)
			if len(incs) != c.incidents {
				t.Fatalf("%d incidents, want %d", len(incs), c.incidents)
			}
			if c.incidents > 0 {
				if got := strings.Join(node(t, st, incs[0])["<ng:outlets>"], ""); got != c.outlets {
					t.Errorf("outlets %s, want %s", got, c.outlets)
				}
			}
		})
	}
}

// A fact stated by one outlet and denied by another is a contradiction;
// stated by two, it counts two articles and two outlets.
func TestFacts(t *testing.T) {
	fact := func(id, outlet, kind string) schema.Record {
		return schema.Record{Doc: id, Article: schema.Article{ID: id, Outlet: outlet, Date: "2024-03-14"},
			Entities: []schema.Entity{{ID: "kataib-hezbollah", Type: schema.ArmedGroup, Name: "Kata'ib Hezbollah"}, {ID: "iran", Type: schema.Country, Name: "Iran"}},
			Facts:    []schema.Fact{{S: "kataib-hezbollah", P: "backed_by", O: "iran", Kind: kind, Evidence: "evidence of " + id}}}
	}
	st := openStore(t)
	sum := load(t, st, []schema.Record{fact("a000000000000000", "Mosul Herald", "stated"), fact("b000000000000000", "Levant Observer", "reported"), fact("c000000000000000", "Basra Daily", "denied")}, analysis.DefaultWindow)
	if sum.Facts != 1 || sum.Contradictions != 1 {
		t.Fatalf("wrote %+v, want one fact and one contradiction", sum)
	}
	f := node(t, st, ofClass(t, st, analysis.ClassFact)[0])
	if f["<ng:articles>"][0] != "2" || f["<ng:outlets>"][0] != "2" {
		t.Errorf("fact counts %v", f)
	}
	cs, err := analysis.Contradictions(context.Background(), st, schema.EntityIRI("iran"))
	if err != nil || len(cs) != 1 {
		t.Fatalf("contradictions about Iran: %v %v", cs, err)
	}
	c := cs[0]
	if c.Kind != analysis.DeniedFact || c.About != "Kata'ib Hezbollah backed_by Iran" || c.Sides[0].Outlets != 2 || c.Sides[1].Outlets != 1 || c.Sides[1].Reports[0].Outlet != "Basra Daily" {
		t.Errorf("contradiction %+v", c)
	}
	// A denial from the stating outlet itself contradicts no other source.
	st2 := openStore(t)
	if sum := load(t, st2, []schema.Record{fact("a000000000000000", "Mosul Herald", "stated"), fact("c000000000000000", "Mosul Herald", "denied")}, analysis.DefaultWindow); sum.Contradictions != 0 {
		t.Errorf("one outlet's statement and denial: %+v", sum)
	}
}
