package pipeline

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/names/namestest"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// lineExtractor reads sentences of the form "A attacked B." so that the
// pipeline can be tested without depending on the rule engine's output.
type lineExtractor struct{ version string }

var attackRe = regexp.MustCompile(`(\w+) attacked (\w+)\.`)

func (x lineExtractor) Name() string { return "lines/" + x.version }

func (x lineExtractor) Fingerprint() string { return "no-data" }

func (x lineExtractor) Extract(_ context.Context, a *source.Article) (schema.Record, error) {
	rec := schema.Record{Doc: a.Doc, Article: schema.Article{ID: a.ID, Source: a.Path, Title: a.Title}}
	seen := map[string]bool{}
	ent := func(name, typ string) {
		if !seen[name] {
			seen[name] = true
			rec.Entities = append(rec.Entities, schema.Entity{ID: schema.Slug(name), Type: typ, Name: name, Mentions: []string{name}})
		}
	}
	for _, m := range attackRe.FindAllStringSubmatch(a.Text, -1) {
		ent(m[1], schema.ArmedGroup)
		ent(m[2], schema.MilitaryBase)
		rec.Facts = append(rec.Facts, schema.Fact{S: schema.Slug(m[1]), P: "attacked", O: schema.Slug(m[2]), Kind: schema.Stated, Evidence: m[0]})
	}
	return rec, nil
}

// body makes a plausible article around one sentence.
func body(sentence string) string {
	return "Militia raid reported near the border\n\nOfficials said on Tuesday that " + sentence +
		" The statement gave no figure for casualties, and the group did not comment when asked about the raid.\n"
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func targets(t *testing.T, st *graph.Store, group string) []string {
	t.Helper()
	res, err := st.Query(context.Background(), `g.V("<ng:entity/`+group+`>").Out("<ng:attacked>").All()`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		out = append(out, r.(map[string]any)["id"].(string))
	}
	return out
}

func TestBuild(t *testing.T) {
	ctx := context.Background()
	corpus := t.TempDir()
	write(t, corpus, "a.txt", body("Alpha attacked Harir."))
	write(t, corpus, "b.txt", body("Bravo attacked Tanf."))
	write(t, corpus, "empty.txt", "")
	write(t, corpus, "binary.txt", "\x00\x01\x02garbage\x00")
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := lineExtractor{"1"}

	sum, err := Build(ctx, st, x, dirs(corpus), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 2 || sum.Added != 2 || sum.Failed != 2 || len(sum.Errors) != 2 {
		t.Fatalf("first build: %+v", sum)
	}
	for _, e := range sum.Errors {
		if !strings.Contains(e, "empty.txt") && !strings.Contains(e, "binary.txt") {
			t.Errorf("error does not name the bad file: %s", e)
		}
	}
	before, _ := st.Stats(ctx)
	if got := targets(t, st, "alpha"); len(got) != 1 || got[0] != "<ng:entity/harir>" {
		t.Fatalf("alpha attacked %v, want harir", got)
	}

	// The same files again: nothing is re-extracted or duplicated.
	sum, err = Build(ctx, st, x, dirs(corpus), Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.Stats(ctx)
	if sum.Unchanged != 2 || sum.Added != 0 || sum.Quads != 0 || after.Quads != before.Quads {
		t.Fatalf("second build changed something: %+v, quads %d -> %d", sum, before.Quads, after.Quads)
	}

	// a.txt changes: its quads are replaced, b's are untouched.
	write(t, corpus, "a.txt", body("Alpha attacked Tanf."))
	sum, err = Build(ctx, st, x, dirs(corpus), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed != 1 || sum.Unchanged != 1 {
		t.Fatalf("after a change: %+v", sum)
	}
	if got := targets(t, st, "alpha"); len(got) != 1 || got[0] != "<ng:entity/tanf>" {
		t.Errorf("alpha attacked %v after the change, want only tanf", got)
	}
	if got := targets(t, st, "bravo"); len(got) != 1 || got[0] != "<ng:entity/tanf>" {
		t.Errorf("bravo attacked %v, want tanf (untouched)", got)
	}
	if ok, _ := st.HasQuad(ctx, quad.Quad{Subject: quad.IRI("ng:entity/harir"), Predicate: schema.RDFType, Object: schema.TypeIRI(schema.MilitaryBase), Label: schema.ArticleIRI(source.ContentID([]byte(body("Alpha attacked Harir."))))}); ok {
		t.Error("a quad of the old version of a.txt survived")
	}

	// A new extractor version re-extracts everything.
	sum, err = Build(ctx, st, lineExtractor{"2"}, dirs(corpus), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed != 2 {
		t.Errorf("new extractor version: %+v, want 2 changed", sum)
	}
}

// TestBuildFinishesInterruptedReplace: a crash between Replace's add and
// remove steps leaves two versions of an article; the next build removes the
// older one without re-extracting the newer.
func TestBuildFinishesInterruptedReplace(t *testing.T) {
	ctx := context.Background()
	corpus := t.TempDir()
	write(t, corpus, "a.txt", body("Alpha attacked Harir."))
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := lineExtractor{"1"}
	if _, err := Build(ctx, st, x, dirs(corpus), Options{}); err != nil {
		t.Fatal(err)
	}
	// The new version's quads are added, and the process dies before the
	// old version is removed.
	write(t, corpus, "a.txt", body("Alpha attacked Tanf."))
	art, err := source.ReadFile(filepath.Join(corpus, "a.txt"), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := x.Extract(ctx, art)
	quads, _ := schema.ToQuads(rec, extract.Version(x))
	if _, err := st.Replace(ctx, nil, quads); err != nil {
		t.Fatal(err)
	}
	if got := targets(t, st, "alpha"); len(got) != 2 {
		t.Fatalf("interrupted state: alpha attacked %v, want both versions", got)
	}
	sum, err := Build(ctx, st, x, dirs(corpus), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed != 1 || sum.Quads != 0 || sum.Removed == 0 {
		t.Errorf("recovery build: %+v, want the old version removed and nothing added", sum)
	}
	if got := targets(t, st, "alpha"); len(got) != 1 || got[0] != "<ng:entity/tanf>" {
		t.Errorf("after recovery alpha attacked %v, want only tanf", got)
	}
}

// dirs makes directory sources of paths, as newsgraph build does of its
// arguments.
func dirs(paths ...string) []config.Source {
	var out []config.Source
	for _, p := range paths {
		out = append(out, config.Source{Dir: p})
	}
	return out
}

// TestBuildKeepsNames: a build keeps its store's name index with the
// store: into an empty store, collected from the articles it loads, and
// into one that holds articles, read back after the write; either way the
// index read from the store.
func TestBuildKeepsNames(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x := extract.NewRules(extract.DefaultLexicon())
	for _, dir := range []string{"seeds", "incidents"} {
		src := []config.Source{{Dir: filepath.Join("..", "testdata", dir)}}
		if _, err := Build(ctx, st, x, src, Options{Workers: 2}); err != nil {
			t.Fatal(err)
		}
		namestest.Kept(t, st)
	}
}

// TestAnalysisIndexBound: a first build that loads more quads than the
// analysis' index may hold drops the index and analyses from the store,
// with the same result as a build that kept it.
func TestAnalysisIndexBound(t *testing.T) {
	defer func(n int) { analysisIndexQuads = n }(analysisIndexQuads)
	x := extract.NewRules(extract.DefaultLexicon())
	src := []config.Source{{Dir: filepath.Join("..", "testdata", "incidents")}}
	build := func(bound int) (analysis.Summary, bool) {
		t.Helper()
		ctx := context.Background()
		analysisIndexQuads = bound
		st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var log strings.Builder
		sum, err := Build(ctx, st, x, src, Options{Workers: 2, Logger: slog.New(slog.NewTextHandler(&log, nil)),
			Analysis: analysis.Options{Window: analysis.DefaultWindow}})
		if err != nil {
			t.Fatal(err)
		}
		sum.Analysis.Seconds = 0
		return sum.Analysis, strings.Contains(log.String(), "the analysis reads the store")
	}
	kept, dropped := build(1 << 20)
	if dropped {
		t.Fatal("a small build dropped the analysis' index")
	}
	bounded, dropped := build(10)
	if !dropped {
		t.Fatal("a build past the bound kept the analysis' index")
	}
	if kept != bounded || kept.Incidents == 0 {
		t.Fatalf("analysis with the index %+v, from the store %+v", kept, bounded)
	}
}
