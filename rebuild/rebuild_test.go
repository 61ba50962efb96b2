package rebuild

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/names/namestest"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// counting wraps the real rule-based extractor and counts its calls; its
// version can be changed to stand for a new lexicon.
type counting struct {
	x     extract.Extractor
	calls atomic.Int32
	fp    string
}

func newCounting() *counting {
	return &counting{x: extract.NewRules(extract.DefaultLexicon()), fp: "v1"}
}

func (c *counting) Name() string        { return c.x.Name() }
func (c *counting) Fingerprint() string { return c.fp }
func (c *counting) Extract(ctx context.Context, a *source.Article) (schema.Record, error) {
	c.calls.Add(1)
	return c.x.Extract(ctx, a)
}

// take returns the calls since the last take.
func (c *counting) take() int { return int(c.calls.Swap(0)) }

var gen = corpus.New(7, 200)

// text is generated article i.
func text(i int) string { return gen.Article(i).Text }

// page wraps article i in a news page with site furniture around it.
func page(i int) string {
	paras := strings.Split(strings.TrimSpace(text(i)), "\n\n")
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", html.EscapeString(paras[0]))
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/iraq\">Iraq</a> <a href=\"/subscribe\">Subscribe</a></nav>\n<article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(paras[0]))
	for _, p := range paras[1:] {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</article>\n<footer>© 2024 Example News. All rights reserved.</footer></body></html>\n")
	return b.String()
}

func writeArticle(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

type env struct {
	t       *testing.T
	dataDir string
	x       *counting
	sources []config.Source
	full    bool
	handle  *graph.Handle
	backend string
	fetch   fetch.Options
}

func newEnv(t *testing.T, sources ...config.Source) *env {
	return &env{t: t, dataDir: t.TempDir(), x: newCounting(), sources: sources, backend: graph.DefaultBackend,
		fetch: fetch.Options{Timeout: 2e9, Retries: 1, Backoff: 1e6, MaxBackoff: 2e6}}
}

func (e *env) store() graph.Config {
	return graph.Config{Backend: e.backend, Path: filepath.Join(e.dataDir, "store")}
}

func (e *env) rebuilder() *Rebuilder {
	return New(e.x, Options{Store: e.store(), DataDir: e.dataDir, Sources: e.sources, Workers: 2, Keep: 1, Full: e.full,
		Handle: e.handle, Analysis: analysis.Options{Window: analysis.DefaultWindow}, Fetch: e.fetch})
}

func (e *env) run() Summary {
	e.t.Helper()
	sum, err := e.rebuilder().Run(context.Background())
	if err != nil {
		e.t.Fatalf("rebuild: %v (summary %+v)", err, sum)
	}
	return sum
}

// quads lists every quad of the live store, sorted.
func (e *env) quads() []string {
	e.t.Helper()
	cfg, err := graph.ResolveConfig(e.store())
	if err != nil {
		e.t.Fatal(err)
	}
	st, err := graph.Open(context.Background(), cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	defer st.Close()
	return allQuads(e.t, st)
}

// namesKept checks that the live store keeps its name index, current,
// and that it is the index read from the store.
func namesKept(t *testing.T, store graph.Config) {
	t.Helper()
	cfg, err := graph.ResolveConfig(store)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ReadOnly = true
	st, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	namestest.Kept(t, st)
}

// withoutExtractor leaves out the quads that record which extractor
// version loaded an article.
func withoutExtractor(quads []string) []string {
	return slices.DeleteFunc(slices.Clone(quads), func(q string) bool {
		return strings.Contains(q, "<"+string(schema.Extractor)+">")
	})
}

func allQuads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
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
	sort.Strings(out)
	return out
}

func hasLabel(quads []string, id string) bool {
	label := schema.ArticleIRI(id).String()
	for _, q := range quads {
		if strings.HasSuffix(q, " "+label+" .") {
			return true
		}
	}
	return false
}

func check(t *testing.T, what string, got Summary, added, changed, removed, unchanged, failed int) {
	t.Helper()
	if got.Added != added || got.Changed != changed || got.Removed != removed || got.Unchanged != unchanged || got.Failed != failed {
		t.Errorf("%s: added %d changed %d removed %d unchanged %d failed %d; want %d %d %d %d %d (errors %v)", what,
			got.Added, got.Changed, got.Removed, got.Unchanged, got.Failed, added, changed, removed, unchanged, failed, got.Errors)
	}
}

func TestIncrementalDirectory(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 6; i++ {
		writeArticle(t, dir, fmt.Sprintf("%02d.txt", i), text(i))
	}
	e := newEnv(t, config.Source{Dir: dir})

	sum := e.run()
	check(t, "first run", sum, 6, 0, 0, 0, 0)
	if n := e.x.take(); n != 6 {
		t.Errorf("first run extracted %d articles, want 6", n)
	}
	if sum.Generation != "gen-000001" || sum.Mode != "incremental" || sum.Quads <= 0 {
		t.Errorf("first run: generation %q mode %q quads %d", sum.Generation, sum.Mode, sum.Quads)
	}
	first := e.quads()
	if int64(len(first)) != sum.Quads {
		t.Errorf("summary says %d quads, the store holds %d", sum.Quads, len(first))
	}
	namesKept(t, e.store())

	// Nothing changed: nothing is extracted, the graph is the same.
	sum = e.run()
	check(t, "second run", sum, 0, 0, 0, 6, 0)
	if n := e.x.take(); n != 0 {
		t.Errorf("unchanged articles re-extracted: %d calls", n)
	}
	if !slices.Equal(e.quads(), first) {
		t.Error("an unchanged rebuild changed the graph")
	}

	// One changed, one removed, one added.
	oldID := source.ContentID([]byte(text(1)))
	goneID := source.ContentID([]byte(text(2)))
	writeArticle(t, dir, "01.txt", text(20))
	os.Remove(filepath.Join(dir, "02.txt"))
	writeArticle(t, dir, "09.txt", text(21))
	sum = e.run()
	check(t, "after edits", sum, 1, 1, 1, 4, 0)
	if n := e.x.take(); n != 2 {
		t.Errorf("%d extractions after one change and one addition, want 2", n)
	}
	got := e.quads()
	if hasLabel(got, oldID) || hasLabel(got, goneID) {
		t.Error("quads of the old version of 01.txt or of removed 02.txt survived")
	}
	if !hasLabel(got, source.ContentID([]byte(text(20)))) || !hasLabel(got, source.ContentID([]byte(text(21)))) {
		t.Error("quads of the changed or added article missing")
	}
	namesKept(t, e.store())

	// The incremental graph is exactly what a full build of the same
	// files makes.
	fresh := newEnv(t, config.Source{Dir: dir})
	fresh.run()
	if want := fresh.quads(); !slices.Equal(got, want) {
		t.Errorf("incremental graph (%d quads) differs from a full build (%d quads)", len(got), len(want))
		for _, d := range diff(got, want) {
			t.Log(d)
		}
	}

	// A new extractor version (a lexicon change) re-extracts everything
	// into an empty generation.
	e.x.fp = "lexicon:changed"
	sum = e.run()
	if n := e.x.take(); n != 6 || sum.Mode != "full" || sum.Changed != 6 {
		t.Errorf("after an extractor change: %d extractions, mode %s, %+v; want 6, full, 6 changed", n, sum.Mode, sum)
	}
	// Only the extractor version recorded with each article changed.
	if !slices.Equal(withoutExtractor(e.quads()), withoutExtractor(got)) {
		t.Error("re-extraction with the same rules changed the graph")
	}
	sum = e.run()
	if n := e.x.take(); n != 0 || sum.Mode != "incremental" {
		t.Errorf("run after the re-extraction: %d extractions, mode %s; want 0, incremental", n, sum.Mode)
	}

	// Only the live generation and its parent are kept; rollback goes back one.
	gens := graph.NewGenerations(e.store().Path)
	list, _ := gens.List()
	if len(list) != 2 {
		t.Errorf("%d generations kept, want 2: %+v", len(list), list)
	}
}

func TestFailuresAreKeptAndRetried(t *testing.T) {
	good, flaky := t.TempDir(), t.TempDir()
	writeArticle(t, good, "a.txt", text(30))
	writeArticle(t, flaky, "b.txt", text(31))
	writeArticle(t, flaky, "c.txt", text(32))
	missing := filepath.Join(t.TempDir(), "not-mounted")
	e := newEnv(t, config.Source{Dir: good}, config.Source{Dir: flaky})
	e.run()
	e.x.take()
	before := e.quads()

	// c.txt turns into garbage: it fails, its earlier quads stay.
	writeArticle(t, flaky, "c.txt", "\x00\x01binary\x00")
	sum := e.run()
	check(t, "broken file", sum, 0, 0, 0, 2, 1)
	if !slices.Equal(e.quads(), before) {
		t.Error("a failed article's earlier quads were touched")
	}
	if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], "c.txt") {
		t.Errorf("errors %v, want one naming c.txt", sum.Errors)
	}

	// A source that fails as a whole (an unmounted directory) keeps its
	// articles; the other source goes on.
	e.sources = []config.Source{{Dir: good}, {Name: "flaky", Dir: missing}}
	writeArticle(t, good, "d.txt", text(33))
	sum = e.run()
	if sum.Added != 1 || sum.Failed != 1 || sum.Removed != 2 {
		// b and c were read from the source named after the flaky dir,
		// which is no longer configured: they are removed.
		t.Errorf("renamed, missing source: %+v", sum)
	}
	e.sources = []config.Source{{Dir: good}, {Name: "flaky", Dir: flaky}}
	writeArticle(t, flaky, "c.txt", text(32))
	sum = e.run()
	check(t, "source back", sum, 2, 0, 0, 2, 0)
	e.sources = []config.Source{{Dir: good}, {Name: "flaky", Dir: missing}}
	sum = e.run()
	check(t, "source missing", sum, 0, 0, 0, 2, 1)
	if !hasLabel(e.quads(), source.ContentID([]byte(text(31)))) {
		t.Error("the articles of a source that failed were removed")
	}
}

// TestInPlaceMemoryHandle: a store without generations is written in
// place through the served handle, and the manifest still spares
// unchanged articles.
func TestInPlaceMemoryHandle(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		writeArticle(t, dir, fmt.Sprintf("%d.txt", i), text(40+i))
	}
	e := newEnv(t, config.Source{Dir: dir})
	e.backend = graphtest.Volatile(t)
	h, err := graph.OpenHandle(context.Background(), e.store())
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	e.handle = h
	r := e.rebuilder()
	sum, err := r.Run(context.Background())
	if err != nil || sum.Mode != "in-place" || sum.Added != 3 {
		t.Fatalf("first: %+v, %v", sum, err)
	}
	writeArticle(t, dir, "1.txt", text(50))
	e.x.take()
	sum, err = r.Run(context.Background())
	if err != nil || sum.Changed != 1 || sum.Unchanged != 2 || e.x.take() != 1 {
		t.Fatalf("second: %+v, %v", sum, err)
	}
	if got := allQuads(t, h.Current()); hasLabel(got, source.ContentID([]byte(text(41)))) || !hasLabel(got, source.ContentID([]byte(text(50)))) {
		t.Error("the served store was not updated in place")
	}
}

func TestStatusRecorded(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "a.txt", text(60))
	e := newEnv(t, config.Source{Dir: dir}, config.Source{Dir: filepath.Join(dir, "missing")})
	e.run()
	s, err := ReadStatus(e.dataDir, e.store())
	if err != nil {
		t.Fatal(err)
	}
	if s.LastRun == nil || !s.LastRun.OK || s.LastRun.Added != 1 || s.LastRun.Failed != 1 || s.LastSuccess == nil ||
		s.Runs != 1 || s.Generation != "gen-000001" || s.Running || len(s.LastRun.Errors) != 1 {
		t.Errorf("status = %+v, last run %+v", s, s.LastRun)
	}
	// While a rebuild holds the lock, status says it is running.
	unlock, err := graph.NewGenerations(e.store().Path).Lock()
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := ReadStatus(e.dataDir, e.store()); !s.Running {
		t.Error("status does not see the running rebuild")
	}
	if _, err := e.rebuilder().Run(context.Background()); err == nil {
		t.Error("a second rebuild ran beside the first")
	}
	unlock()
	if s, _ := ReadStatus(e.dataDir, e.store()); s.Runs != 1 {
		t.Errorf("a skipped rebuild was recorded: %d runs", s.Runs)
	}
}

// diff lists the quads in one list and not the other, with +1 or -1.
func diff(a, b []string) []string {
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	var out []string
	for k, v := range m {
		if v != 0 {
			out = append(out, fmt.Sprintf("%+d %s", v, k))
		}
	}
	sort.Strings(out)
	return out
}

// TestRecycledGenerations: after the first runs, each rebuild starts from
// the generation about to be pruned and replays the journals since; the
// graph must still be exactly a full build's, run after run.
func TestRecycledGenerations(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		writeArticle(t, dir, fmt.Sprintf("%02d.txt", i), text(100+i))
	}
	e := newEnv(t, config.Source{Dir: dir})
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	recycled := 0
	for run := 0; run < 5; run++ {
		switch run {
		case 2:
			writeArticle(t, dir, "01.txt", text(110))
		case 3:
			os.Remove(filepath.Join(dir, "02.txt"))
			writeArticle(t, dir, "05.txt", text(111))
		case 4:
			writeArticle(t, dir, "01.txt", text(101)) // back to the first version
		}
		logs.Reset()
		r := e.rebuilder()
		r.log = logger
		if _, err := r.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(logs.String(), "recycling a generation") {
			recycled++
		}
		fresh := newEnv(t, config.Source{Dir: dir})
		fresh.run()
		if got, want := e.quads(), fresh.quads(); !slices.Equal(got, want) {
			t.Fatalf("run %d: graph (%d quads) differs from a full build (%d quads): %v", run, len(got), len(want), diff(got, want))
		}
	}
	if recycled != 3 {
		t.Errorf("%d of 5 runs recycled a generation, want 3 (all but the first two)", recycled)
	}
}

// TestIncidentsIncremental: after articles are added, removed and
// changed, the incidents, counts and contradictions of an incremental
// rebuild — recycled generations replaying their journals included — are
// those of a full build.
func TestIncidentsIncremental(t *testing.T) {
	src := filepath.Join("..", "testdata", "incidents", "articles")
	dir := t.TempDir()
	put := func(name, body string) {
		if body == "" {
			b, err := os.ReadFile(filepath.Join(src, name))
			if err != nil {
				t.Fatal(err)
			}
			body = string(b)
		}
		writeArticle(t, dir, name, body)
	}
	for _, n := range []string{"tribune-harir.txt", "mirror-harir.txt", "observer-denial.txt", "tribune-second.txt"} {
		put(n, "")
	}
	e := newEnv(t, config.Source{Dir: dir})
	for run, step := range []func(){
		func() {},
		func() { put("gazette-harir.txt", ""); put("daily-claim.txt", ""); put("herald-nujaba.txt", "") },
		func() { os.Remove(filepath.Join(dir, "mirror-harir.txt")) },
		func() {
			put("herald-nujaba.txt", "Mosul Herald - Nujaba\n\nTuesday 12 March 2024\n\nHarakat Hezbollah al-Nujaba attacked Ain al-Asad air base on Sunday.\n")
		},
		func() { put("herald-nujaba.txt", ""); put("mirror-harir.txt", "") },
	} {
		step()
		e.run()
		fresh := newEnv(t, config.Source{Dir: dir})
		fresh.run()
		got, want := e.quads(), fresh.quads()
		if !slices.Equal(got, want) {
			t.Fatalf("run %d: graph (%d quads) differs from a full build (%d quads): %v", run, len(got), len(want), diff(got, want))
		}
		incidents := 0
		for _, q := range got {
			if strings.Contains(q, "<rdf:type> <ng:Incident>") {
				incidents++
			}
		}
		if incidents != 1 {
			t.Errorf("run %d: %d incidents, want 1", run, incidents)
		}
	}
}

// TestQuadCache: every article's quads are cached, a removal uses them,
// the cache keeps only what kept generations hold, and a lost cache falls
// back to removal by label with the same result.
func TestQuadCache(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 4; i++ {
		writeArticle(t, dir, fmt.Sprintf("%d.txt", i), text(120+i))
	}
	e := newEnv(t, config.Source{Dir: dir})
	e.run()
	cacheDir := filepath.Join(e.dataDir, "rebuild", "quads")
	c := &quadCache{dir: cacheDir, version: extract.Version(e.x)}
	id := func(i int) string { return source.ContentID([]byte(text(i))) }
	for i := 120; i < 124; i++ {
		quads, ok := c.get(id(i))
		if !ok || len(quads) == 0 || !hasLabel(e.quads(), id(i)) {
			t.Fatalf("article %d: cached %v (%d quads)", i, ok, len(quads))
		}
	}
	writeArticle(t, dir, "0.txt", text(130))
	e.run() // 120 replaced by 130; 120 stays in the previous generation
	if _, ok := c.get(id(120)); !ok {
		t.Error("the previous generation's article lost its cached quads")
	}
	writeArticle(t, dir, "1.txt", text(131))
	e.run() // the generation holding 120 is pruned
	if _, ok := c.get(id(120)); ok {
		t.Error("cached quads of an article no kept generation holds were kept")
	}
	// Without the cache, removal by label gives the same graph.
	if err := os.RemoveAll(cacheDir); err != nil {
		t.Fatal(err)
	}
	writeArticle(t, dir, "2.txt", text(132))
	os.Remove(filepath.Join(dir, "3.txt"))
	e.run()
	fresh := newEnv(t, config.Source{Dir: dir})
	fresh.run()
	if got, want := e.quads(), fresh.quads(); !slices.Equal(got, want) {
		t.Errorf("after losing the cache: %v", diff(got, want))
	}
}
