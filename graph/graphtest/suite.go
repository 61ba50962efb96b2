package graphtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// TestStore runs the store suite on one backend, as Cayley's graphtest
// does: each backend's package calls it from its own tests with a func
// that makes the Config of a fresh, empty store (a directory of the
// test's own, a database of its own), so that every backend is held to
// the same checks and none is named outside its package. It checks
// Replace, LabelQuads, HasQuad, Subjects, Query, graph.Reader, read-only
// stores and that the backend does what its capabilities declare.
func TestStore(t *testing.T, fresh func(t *testing.T) graph.Config) {
	open := func(t *testing.T) *graph.Store {
		st, err := graph.Open(context.Background(), fresh(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	t.Run("Replace", func(t *testing.T) { suiteReplace(t, open(t)) })
	t.Run("Query", func(t *testing.T) { suiteQuery(t, open(t)) })
	t.Run("ReplaceSameLabel", func(t *testing.T) { suiteReplaceSameLabel(t, open(t)) })
	t.Run("ReplaceSharedNode", func(t *testing.T) { suiteReplaceSharedNode(t, open(t)) })
	t.Run("Reader", func(t *testing.T) { suiteReader(t, open(t)) })
	t.Run("QuadsWith", func(t *testing.T) { suiteQuadsWith(t, open(t)) })
	t.Run("Owned", func(t *testing.T) { suiteOwned(t, open(t)) })
	t.Run("Capabilities", func(t *testing.T) { suiteCapabilities(t, fresh(t)) })
	t.Run("Keep", func(t *testing.T) {
		cfg := fresh(t)
		if !cfg.Capabilities().Persistent {
			t.Skip("a store that does not persist keeps nothing with it")
		}
		suiteKeep(t, cfg)
	})
	t.Run("ReadOnly", func(t *testing.T) {
		cfg := fresh(t)
		if !cfg.Capabilities().Persistent {
			t.Skip("a store that does not persist cannot be reopened read-only")
		}
		suiteReadOnly(t, cfg)
	})
}

func suiteReplace(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	a1 := Article("ng:article/a1", [2]string{"ng:entity/kh", "ng:entity/ain"})
	b := Article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})
	for _, load := range [][]quad.Quad{a1, b, a1} { // a1 twice: no duplicates
		if _, err := st.Replace(ctx, nil, load); err != nil {
			t.Fatal(err)
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len(a1) + len(b)); stats.Quads != want {
		t.Fatalf("after loading a1, b, a1: %d quads, want %d", stats.Quads, want)
	}
	got, err := st.LabelQuads(ctx, quad.IRI("ng:article/a1"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := Sorted(got), Sorted(a1); !reflect.DeepEqual(g, w) {
		t.Fatalf("LabelQuads(a1) = %v, want %v", g, w)
	}
	a2 := Article("ng:article/a2", [2]string{"ng:entity/kh", "ng:entity/tanf"})
	removed, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/a1")}, a2)
	if err != nil {
		t.Fatal(err)
	}
	if removed != len(a1) {
		t.Errorf("removed %d quads, want %d", removed, len(a1))
	}
	for _, x := range a1 {
		if ok, _ := st.HasQuad(ctx, x); ok {
			t.Errorf("quad of the replaced article still there: %s", x.NQuad())
		}
	}
	for _, x := range append(b, a2...) {
		if ok, err := st.HasQuad(ctx, x); !ok || err != nil {
			t.Errorf("quad missing: %s (%v)", x.NQuad(), err)
		}
	}
	subj, _ := st.Subjects(ctx, quad.IRI("ng:attacked"), quad.IRI("ng:entity/harir"))
	if len(subj) != 1 || subj[0] != quad.IRI("ng:entity/kh") {
		t.Errorf("Subjects(attacked, harir) = %v", subj)
	}
	stats, _ = st.Stats(ctx)
	if want := int64(len(b) + len(a2)); stats.Quads != want {
		t.Errorf("after the replace: %d quads, want %d", stats.Quads, want)
	}
}

func suiteQuery(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	if _, err := st.Replace(ctx, nil, Article("ng:article/a", [2]string{"ng:entity/kh", "ng:entity/ain"}, [2]string{"ng:entity/kh", "ng:entity/harir"})); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query string
		limit int
		want  string // the sorted results, printed
		err   error
	}{
		{"targets", `g.V("<ng:entity/kh>").Out("<ng:attacked>").All()`, 10, "[<ng:entity/ain> <ng:entity/harir>]", nil},
		{"limit", `g.V("<ng:entity/kh>").Out("<ng:attacked>").All()`, 1, "", nil},
		{"none", `g.V("<ng:entity/ain>").Out("<ng:attacked>").All()`, 10, "[]", nil},
		{"two hops", `g.V("<ng:entity/ain>").In("<ng:attacked>").Out("<ng:attacked>").All()`, 10, "[<ng:entity/ain> <ng:entity/harir>]", nil},
		{"count", `g.Emit(g.V("<ng:entity/kh>").Out("<ng:attacked>").Count())`, 10, "[2]", nil},
		{"timeout", `while (true) {}`, 10, "[]", graph.ErrTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the endless loop is meant to meet the timeout; the
			// real queries get room for a first PostgreSQL query on a
			// loaded machine.
			timeout := 5 * time.Second
			if tt.err == graph.ErrTimeout {
				timeout = 500 * time.Millisecond
			}
			res, err := st.Query(ctx, tt.query, graph.QueryOptions{Timeout: timeout, Limit: tt.limit})
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if tt.name == "limit" {
				if len(res) != 1 {
					t.Errorf("%d results, want 1", len(res))
				}
				return
			}
			if got := fmt.Sprint(resultIDs(res)); got != tt.want {
				t.Errorf("results %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := st.Query(ctx, `g.V(`, graph.QueryOptions{Timeout: time.Second}); err == nil {
		t.Error("a syntax error gave no error")
	}
}

// suiteReplaceSameLabel replaces an article by a new version with the same
// label that keeps some quads: kept quads stay, dropped ones go.
func suiteReplaceSameLabel(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	v1 := Article("ng:article/x", [2]string{"ng:entity/kh", "ng:entity/ain"}, [2]string{"ng:entity/kh", "ng:entity/harir"})
	v2 := Article("ng:article/x", [2]string{"ng:entity/kh", "ng:entity/ain"})
	if _, err := st.Replace(ctx, nil, v1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/x")}, v2); err != nil {
		t.Fatal(err)
	}
	got, err := st.LabelQuads(ctx, quad.IRI("ng:article/x"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := Sorted(got), Sorted(v2); !reflect.DeepEqual(g, w) {
		t.Fatalf("after replacing v1 by v2: %v, want %v", g, w)
	}
}

// resultIDs turns Gizmo results into comparable, sorted values.
func resultIDs(res []any) []any {
	out := []any{}
	for _, r := range res {
		if m, ok := r.(map[string]any); ok {
			r = m["id"]
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

// Quad is a quad of IRIs.
func Quad(s, p, o, l string) quad.Quad {
	return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: quad.IRI(o), Label: quad.IRI(l)}
}

// Article builds the quads of a small article in the shape LabelQuads
// relies on: everything hangs off nodes that point at the label.
func Article(label string, facts ...[2]string) []quad.Quad {
	out := []quad.Quad{Quad(label, "rdf:type", "ng:Article", label)}
	for _, f := range facts {
		out = append(out,
			Quad(f[0], "ng:mentionedIn", label, label),
			Quad(f[1], "ng:mentionedIn", label, label),
			Quad(f[0], "ng:attacked", f[1], label))
	}
	return out
}

// Sorted prints quads as N-Quads, sorted, for comparing sets of quads.
func Sorted(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, x := range qs {
		out[i] = x.NQuad()
	}
	sort.Strings(out)
	return out
}

// suiteReplaceSharedNode covers a Cayley key-value store bug: one
// transaction that removes and adds quads of a node whose quad count falls
// stored the added quads with the node missing.
func suiteReplaceSharedNode(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	str := func(s, p, o, l string) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: quad.String(o), Label: quad.IRI(l)}
	}
	old := []quad.Quad{str("a", "name", "x", "L1"), Quad("a", "type", "T", "L1"), Quad("a", "in", "L1", "L1")}
	if _, err := st.Replace(ctx, nil, old); err != nil {
		t.Fatal(err)
	}
	repl := []quad.Quad{str("a", "name", "x", "L2"), Quad("a", "in", "L2", "L2")}
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("L1")}, repl); err != nil {
		t.Fatal(err)
	}
	got, err := st.LabelQuads(ctx, quad.IRI("L2"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := Sorted(got), Sorted(repl); strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("after replacing L1 by L2:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if left, _ := st.LabelQuads(ctx, quad.IRI("L1")); len(left) != 0 {
		t.Errorf("quads of L1 left: %v", left)
	}
}

// suiteOwned: the quads a node owns (labelled with itself: an entity's
// name) are held once however many articles write them, stay while any
// article says something of the node, whether its removal is by label
// (Replace) or by its known quads (RemoveQuads), and go with the last.
func suiteOwned(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	name := quad.Quad{Subject: quad.IRI("ng:entity/kh"), Predicate: quad.IRI("ng:name"), Object: quad.String("KH"), Label: quad.IRI("ng:entity/kh")}
	with := func(label string) []quad.Quad {
		return append(Article(label, [2]string{"ng:entity/kh", "ng:entity/ain"}), name)
	}
	a, b, c := with("ng:article/a"), with("ng:article/b"), with("ng:article/c")
	for _, load := range [][]quad.Quad{a, b, c} {
		if _, err := st.Replace(ctx, nil, load); err != nil {
			t.Fatal(err)
		}
	}
	has := func(when string, want bool) {
		t.Helper()
		if got, err := st.HasQuad(ctx, name); err != nil || got != want {
			t.Fatalf("%s: name held %v (%v), want %v", when, got, err, want)
		}
	}
	if n, err := st.QuadCount(ctx); err != nil || n != int64(3*len(Article("x", [2]string{"a", "b"}))+1) {
		t.Errorf("%d quads (%v): the owned quad is not held once", n, err)
	}
	has("three articles", true)
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/a")}, nil); err != nil {
		t.Fatal(err)
	}
	has("after removing one by label", true)
	if err := st.RemoveQuads(ctx, b); err != nil {
		t.Fatal(err)
	}
	has("after removing one by its quads", true)
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/c")}, nil); err != nil {
		t.Fatal(err)
	}
	has("after removing the last", false)
	if n, err := st.QuadCount(ctx); err != nil || n != 0 {
		t.Errorf("%d quads left (%v), want none", n, err)
	}
}

// suiteKeep: a persistent store keeps derived data under its stamp, which
// a write (an addition or a removal) changes and reopening, read-only
// too, does not; what was kept under another stamp is not returned.
func suiteKeep(t *testing.T, cfg graph.Config) {
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	stamp := func() string {
		t.Helper()
		s, ok, err := st.WriteStamp(ctx)
		if err != nil || !ok {
			t.Fatalf("a persistent store has no stamp: %v", err)
		}
		return s
	}
	kept := func(name, stamp string) string {
		t.Helper()
		data, ok, err := st.Kept(ctx, name, stamp)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "(none)"
		}
		return string(data)
	}
	a := Article("ng:article/a", [2]string{"ng:entity/kh", "ng:entity/ain"})
	if _, err := st.Replace(ctx, nil, a); err != nil {
		t.Fatal(err)
	}
	s1 := stamp()
	for name, data := range map[string]string{"names": "index of a", "other": "more"} {
		if err := st.Keep(ctx, name, s1, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if got := kept("names", s1); got != "index of a" {
		t.Fatalf("kept under the store's stamp: %q", got)
	}
	if got := kept("names", s1+"x"); got != "(none)" {
		t.Fatalf("kept under another stamp: %q", got)
	}
	st.Close()
	ro := cfg
	ro.ReadOnly = true
	if st, err = graph.Open(ctx, ro); err != nil {
		t.Fatal(err)
	}
	if s := stamp(); s != s1 || kept("other", s) != "more" {
		t.Fatalf("reopened read-only: stamp %q (was %q), kept %q", s, s1, kept("other", s))
	}
	st.Close()
	if st, err = graph.Open(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, nil, Article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})); err != nil {
		t.Fatal(err)
	}
	s2 := stamp()
	if s2 == s1 || kept("names", s2) != "(none)" {
		t.Fatal("an addition left the stamp, and the data kept, current")
	}
	if err := st.Keep(ctx, "names", s2, []byte("index of a, b")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/b")}, nil); err != nil {
		t.Fatal(err)
	}
	if s3 := stamp(); s3 == s2 || s3 == s1 || kept("names", s3) != "(none)" {
		t.Fatal("a removal left the stamp, and the data kept, current")
	}
}

// suiteReadOnly: a store opened read-only reads what was written and
// refuses to write, leaving the store as it was.
func suiteReadOnly(t *testing.T, cfg graph.Config) {
	ctx := context.Background()
	a1 := Article("ng:article/a1", [2]string{"ng:entity/kh", "ng:entity/ain"})
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, nil, a1); err != nil {
		t.Fatal(err)
	}
	st.Close()

	ro := cfg
	ro.ReadOnly = true
	st, err = graph.Open(ctx, ro)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		q    quad.Quad
		want bool
	}{{a1[1], true}, {Quad("ng:entity/kh", "ng:attacked", "ng:entity/harir", "ng:article/a1"), false}} {
		if has, err := st.HasQuad(ctx, x.q); err != nil || has != x.want {
			t.Errorf("read-only HasQuad(%v) = %v, %v; want %v", x.q, has, err, x.want)
		}
	}
	b := Article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})
	if _, err := st.Replace(ctx, nil, b); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("Replace: %v, want ErrReadOnly", err)
	}
	if err := st.BulkLoad(ctx, b); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("BulkLoad: %v, want ErrReadOnly", err)
	}
	if err := st.RemoveQuads(ctx, a1); !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("RemoveQuads: %v, want ErrReadOnly", err)
	}
	st.Close()

	st, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.LabelQuads(ctx, quad.IRI("ng:article/a1")); err != nil || !reflect.DeepEqual(Sorted(got), Sorted(a1)) {
		t.Errorf("after the read-only session: %v, %v", Sorted(got), err)
	}
	if stats, err := st.Stats(ctx); err != nil || stats.Quads != int64(len(a1)) {
		t.Errorf("after the read-only session: %+v, %v; want %d quads", stats, err, len(a1))
	}
}

// suiteCapabilities checks that what the backend declares is what it
// does: a persistent one still holds a quad after it is closed and opened
// again, and one with generations keeps its store in files under
// Config.Path (which a generation copies).
func suiteCapabilities(t *testing.T, cfg graph.Config) {
	ctx := context.Background()
	q := quad.MakeIRI("ng:entity/a", "ng:name", "ng:x", "ng:article/1")
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, nil, []quad.Quad{q}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	caps := cfg.Capabilities()
	files, _ := os.ReadDir(cfg.Path)
	if caps.Generations != (len(files) > 0) {
		t.Errorf("declares generations %v, but leaves %d files under its path", caps.Generations, len(files))
	}
	st, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	kept, err := st.HasQuad(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if kept != caps.Persistent {
		t.Errorf("declares persistent %v, but a quad written before closing is kept: %v", caps.Persistent, kept)
	}
}

// readerQuads is a hub with many quads of other predicates besides the
// few a scan wants, stated by three articles.
func readerQuads() []quad.Quad {
	var out []quad.Quad
	for a := range 3 {
		l := fmt.Sprintf("ng:article/%d", a)
		out = append(out,
			Quad("ng:entity/kh", "ng:attacked", "ng:entity/ain", l),
			Quad("ng:entity/kh", "ng:threatened", "ng:entity/ain", l),
			Quad("ng:entity/pmf", "ng:attacked", "ng:entity/ain", l),
			Quad("ng:entity/kh", "ng:mentionedIn", l, l),
			Quad("ng:entity/ain", "ng:mentionedIn", l, l))
		for i := range 20 {
			out = append(out, Quad("ng:entity/kh", "ng:alias", fmt.Sprintf("ng:x/%d-%d", a, i), l))
		}
	}
	return out
}

// suiteReader checks graph.Reader on a store, and, where the store is
// indexed, that the generic reads (a graph.Reader on the same store with
// CAYLEY_KV_INDEXES set, which must not trust the default indexes)
// answer the same.
func suiteReader(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	if _, err := st.Replace(ctx, nil, readerQuads()); err != nil {
		t.Fatal(err)
	}
	readers := map[string]graph.Reader{"store": st.Reader()}
	if st.Reader().Indexed() {
		t.Setenv("CAYLEY_KV_INDEXES", "custom")
		generic := graph.NewReader(st.QuadStore())
		if generic.Indexed() {
			t.Fatal("a graph.Reader trusts the default indexes although CAYLEY_KV_INDEXES is set")
		}
		readers["generic"] = generic
	}
	qs := st.QuadStore()
	ref := func(s string) cgraph.Ref {
		r, err := qs.ValueOf(quad.IRI(s))
		if err != nil || r == nil {
			t.Fatalf("ValueOf(%s) = %v, %v", s, r, err)
		}
		return r
	}
	kh, ain, pmf := ref("ng:entity/kh"), ref("ng:entity/ain"), ref("ng:entity/pmf")
	attacked, alias := ref("ng:attacked"), ref("ng:alias")
	for name, r := range readers {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				what string
				node cgraph.Ref
				d    quad.Direction
				pred cgraph.Ref
				want int64
			}{
				{"kh attacked ?", kh, quad.Subject, attacked, 3},
				{"kh alias ?", kh, quad.Subject, alias, 60},
				{"kh ?", kh, quad.Subject, nil, 3 * 23},
				{"? attacked ain", ain, quad.Object, attacked, 6},
				{"? alias ain", ain, quad.Object, alias, 0},
				{"pmf ? as object", pmf, quad.Object, nil, 0},
			} {
				n, err := r.Count(ctx, c.node, c.d, c.pred)
				if err != nil || n != c.want {
					t.Errorf("Count(%s) = %d, %v; want %d", c.what, n, err, c.want)
				}
				refs, err := r.Refs(ctx, c.node, c.d, c.pred, 0)
				if err != nil || int64(len(refs)) != c.want {
					t.Errorf("Refs(%s): %d quads, %v; want %d", c.what, len(refs), err, c.want)
				}
				for _, x := range refs {
					if p, _ := qs.QuadDirection(x, quad.Predicate); c.pred != nil && p.Key() != c.pred.Key() {
						t.Errorf("Refs(%s) returned a quad of another predicate", c.what)
					}
				}
			}
			if refs, err := r.Refs(ctx, kh, quad.Subject, alias, 7); err != nil || len(refs) != 7 {
				t.Errorf("Refs with a limit of 7: %d, %v", len(refs), err)
			}
			var labels []string
			if err := r.Between(ctx, kh, attacked, ain, func(x cgraph.Ref) bool {
				l, _ := qs.QuadDirection(x, quad.Label)
				v, _ := qs.NameOf(l)
				labels = append(labels, fmt.Sprint(v))
				return true
			}); err != nil || len(labels) != 3 {
				t.Errorf("Between(kh, attacked, ain): labels %v, %v; want the three articles", labels, err)
			}
			stopped := 0
			if err := r.Between(ctx, kh, attacked, ain, func(cgraph.Ref) bool { stopped++; return false }); err != nil || stopped != 1 {
				t.Errorf("Between went on after fn said stop: %d calls, %v", stopped, err)
			}
			if err := r.Scan(ctx, nil, quad.Subject, attacked, func(cgraph.Ref) bool { t.Error("a nil node has a quad"); return true }); err != nil {
				t.Error(err)
			}
			done, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := r.Refs(done, kh, quad.Subject, nil, 0); !errors.Is(err, context.Canceled) {
				t.Errorf("a scan on an ended context: %v, want context.Canceled", err)
			}
		})
	}
}

// suiteQuadsWith: Store.QuadsWith gives the quads of one node and
// predicate, in either direction (by index on bolt), and nothing of an
// unknown node or predicate.
func suiteQuadsWith(t *testing.T, st *graph.Store) {
	ctx := context.Background()
	quads := append(Article("A1", [2]string{"kh", "base"}, [2]string{"kh", "embassy"}), Article("A2", [2]string{"iri", "base"})...)
	if err := st.BulkLoad(ctx, quads); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d    quad.Direction
		v, p string
		want []quad.Quad
	}{
		{quad.Subject, "kh", "ng:attacked", []quad.Quad{Quad("kh", "ng:attacked", "base", "A1"), Quad("kh", "ng:attacked", "embassy", "A1")}},
		{quad.Object, "base", "ng:attacked", []quad.Quad{Quad("kh", "ng:attacked", "base", "A1"), Quad("iri", "ng:attacked", "base", "A2")}},
		{quad.Object, "A1", "ng:mentionedIn", []quad.Quad{Quad("kh", "ng:mentionedIn", "A1", "A1"), Quad("base", "ng:mentionedIn", "A1", "A1"), Quad("embassy", "ng:mentionedIn", "A1", "A1")}},
		{quad.Subject, "kh", "ng:nothing", nil},
		{quad.Subject, "nobody", "ng:attacked", nil},
	} {
		got, err := st.QuadsWith(ctx, c.d, quad.IRI(c.v), quad.IRI(c.p))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := Sorted(got), Sorted(c.want); !reflect.DeepEqual(g, w) {
			t.Errorf("%v %s %s: got %v, want %v", c.d, c.v, c.p, g, w)
		}
	}
}
