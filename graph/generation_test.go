package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all"
)

// TestGenerations runs the generation checks on every registered backend
// that declares generations.
func TestGenerations(t *testing.T) {
	for _, backend := range graph.Backends() {
		if !(graph.Config{Backend: backend}).Capabilities().Generations {
			continue
		}
		t.Run(backend, func(t *testing.T) {
			t.Run("GenerationsLifecycle", func(t *testing.T) { testGenerationsLifecycle(t, backend) })
			t.Run("PruneSkipsOpenGeneration", func(t *testing.T) { testPruneSkipsOpenGeneration(t, backend) })
			t.Run("PlainStoreBecomesFirstGeneration", func(t *testing.T) { testPlainStoreBecomesFirstGeneration(t, backend) })
			t.Run("HandleSwapUnderQueries", func(t *testing.T) { testHandleSwapUnderQueries(t, backend) })
			t.Run("HandleClosesOldStoreAfterLastQuery", func(t *testing.T) { testHandleClosesOldStoreAfterLastQuery(t, backend) })
		})
	}
}

// fill opens the store of backend in dir, adds n quads labelled label and closes it.
func fill(t *testing.T, backend, dir, label string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: backend, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	var qs []quad.Quad
	for i := 0; i < n; i++ {
		qs = append(qs, quad.Make(quad.IRI(label), quad.IRI("ng:has"), quad.IRI(fmt.Sprintf("%s/%d", label, i)), quad.IRI(label)))
	}
	if _, err := st.Replace(ctx, nil, qs); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// count opens the store cfg resolves to and counts its quads.
func count(t *testing.T, backend, root string) int64 {
	t.Helper()
	cfg, err := graph.ResolveConfig(graph.Config{Backend: backend, Path: root})
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads
}

func commit(t *testing.T, backend string, g *graph.Generations, fromCurrent bool, label string, n int) string {
	t.Helper()
	p, err := g.Begin(fromCurrent)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, backend, p.Dir(), label, n)
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	return p.Name()
}

func testGenerationsLifecycle(t *testing.T, backend string) {
	root := filepath.Join(t.TempDir(), "store")
	g := graph.NewGenerations(root)
	unlock, err := g.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := g.Lock(); !errors.Is(err, graph.ErrBusy) {
		t.Fatalf("second Lock: %v, want ErrBusy", err)
	}

	g1 := commit(t, backend, g, false, "a", 3)
	if cur, _ := g.Current(); cur != g1 || g1 != "gen-000001" {
		t.Fatalf("current = %q after the first commit %q", cur, g1)
	}
	if n := count(t, backend, root); n != 3 {
		t.Fatalf("gen 1 holds %d quads, want 3", n)
	}
	g2 := commit(t, backend, g, true, "b", 2) // a copy of g1 plus 2
	if n := count(t, backend, root); n != 5 {
		t.Fatalf("gen 2 holds %d quads, want 5 (3 copied + 2)", n)
	}
	if p := g.Parent(g2); p != g1 {
		t.Errorf("parent of %s = %q, want %s", g2, p, g1)
	}

	// A builder that died leaves a partial generation; CURRENT is untouched
	// and the next Begin removes it.
	p, err := g.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, backend, p.Dir(), "c", 1)
	if cur, _ := g.Current(); cur != g2 {
		t.Fatalf("an uncommitted generation went live: %s", cur)
	}
	partial := p.Dir()
	g3 := commit(t, backend, g, true, "c", 4)
	if _, err := os.Stat(partial); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("partial generation %s not removed: %v", partial, err)
	}
	if g3 != "gen-000003" {
		t.Errorf("generation after a removed partial gen-000003 is %s, want gen-000003", g3)
	}
	if n := count(t, backend, root); n != 9 {
		t.Fatalf("gen %s holds %d quads, want 9", g3, n)
	}

	from, to, err := g.Rollback()
	if err != nil || from != g3 || to != g2 {
		t.Fatalf("Rollback = %s, %s, %v; want %s -> %s", from, to, err, g3, g2)
	}
	if n := count(t, backend, root); n != 5 {
		t.Fatalf("after rollback %d quads, want 5", n)
	}

	// Prune keeps the live generation and its parent only.
	removed, err := g.Prune(1)
	if err != nil {
		t.Fatal(err)
	}
	gens, _ := g.List()
	var names []string
	for _, x := range gens {
		names = append(names, x.Name)
	}
	if fmt.Sprint(names) != fmt.Sprint([]string{g1, g2}) {
		t.Errorf("after prune: %v (removed %v), want [%s %s]", names, removed, g1, g2)
	}
	if _, _, err := g.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := g.Rollback(); !errors.Is(err, graph.ErrNoGeneration) {
		t.Errorf("rollback past the first generation: %v, want ErrNoGeneration", err)
	}
}

func testPruneSkipsOpenGeneration(t *testing.T, backend string) {
	root := t.TempDir()
	g := graph.NewGenerations(root)
	g1 := commit(t, backend, g, false, "a", 1)
	st, err := graph.Open(context.Background(), graph.Config{Backend: backend, Path: g.Dir(g1)})
	if err != nil {
		t.Fatal(err)
	}
	commit(t, backend, g, true, "b", 1)
	commit(t, backend, g, true, "c", 1)
	removed, err := g.Prune(0)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(removed) != "[gen-000002]" {
		t.Errorf("removed %v, want only gen-000002 (gen-000001 is open)", removed)
	}
	st.Close()
	removed, _ = g.Prune(0)
	if fmt.Sprint(removed) != "[gen-000001]" {
		t.Errorf("removed %v once closed, want gen-000001", removed)
	}
}

func testPlainStoreBecomesFirstGeneration(t *testing.T, backend string) {
	root := t.TempDir()
	fill(t, backend, root, "old", 2) // what `newsgraph build` writes
	g := graph.NewGenerations(root)
	if cfg, _ := graph.ResolveConfig(graph.Config{Backend: backend, Path: root}); cfg.Path != root {
		t.Fatalf("a plain store resolved to %s", cfg.Path)
	}
	commit(t, backend, g, true, "new", 1)
	if n := count(t, backend, root); n != 3 {
		t.Errorf("first generation holds %d quads, want the plain store's 2 + 1", n)
	}
	for _, b := range graph.Backends() {
		if cfg, _ := graph.ResolveConfig(graph.Config{Backend: b, Path: root}); !cfg.Capabilities().Generations && cfg.Path != root {
			t.Errorf("backend %s, which has no generations, was pointed at a generation: %s", b, cfg.Path)
		}
	}
}

// testHandleSwapUnderQueries runs Gizmo queries without pause while the
// handle swaps between generations: no query may fail, and each must see
// one whole generation.
func testHandleSwapUnderQueries(t *testing.T, backend string) {
	ctx := context.Background()
	root := t.TempDir()
	g := graph.NewGenerations(root)
	commit(t, backend, g, false, "a", 10)
	cfg := graph.Config{Backend: backend, Path: root}
	h, err := graph.OpenHandle(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var swaps atomic.Int32
	h.OnSwap(func(*graph.Store, string) { swaps.Add(1) })

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var queries, failures atomic.Int32
	var firstErr atomic.Value
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := h.Query(ctx, `g.Emit(g.V("<a>").Out("<ng:has>").Count())`, graph.QueryOptions{Timeout: 5 * time.Second})
				queries.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				if len(res) != 1 || fmt.Sprint(res[0]) != "10" {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("result %v, want [10]", res))
				}
			}
		}()
	}
	for i := 0; i < 5; i++ {
		commit(t, backend, g, true, fmt.Sprintf("x%d", i), 5)
		switched, err := h.Reload(ctx, cfg)
		if err != nil || !switched {
			t.Fatalf("reload %d: %v, %v", i, switched, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if failures.Load() > 0 {
		t.Fatalf("%d of %d queries failed during swaps; first: %v", failures.Load(), queries.Load(), firstErr.Load())
	}
	if swaps.Load() != 5 || h.Generation() != "gen-000006" {
		t.Errorf("swaps = %d, generation %s; want 5 and gen-000006", swaps.Load(), h.Generation())
	}
	if n, _ := h.Current().Stats(ctx); n.Quads != 35 {
		t.Errorf("served generation holds %d quads, want 35", n.Quads)
	}
}

// TestHandleClosesOldStoreAfterLastQuery: a pinned store outlives the swap
// and is closed (its lock released) when the last pin goes.
func testHandleClosesOldStoreAfterLastQuery(t *testing.T, backend string) {
	ctx := context.Background()
	root := t.TempDir()
	g := graph.NewGenerations(root)
	g1 := commit(t, backend, g, false, "a", 1)
	cfg := graph.Config{Backend: backend, Path: root}
	h, err := graph.OpenHandle(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	old, release := h.Acquire()
	commit(t, backend, g, true, "b", 1)
	if _, err := h.Reload(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Stats(ctx); err != nil {
		t.Fatalf("pinned store unusable after the swap: %v", err)
	}
	if _, err := graph.LockDir(g.Dir(g1)); !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("old generation closed while pinned (lock: %v)", err)
	}
	release()
	unlock, err := graph.LockDir(g.Dir(g1))
	if err != nil {
		t.Fatalf("old generation still open after its last release: %v", err)
	}
	unlock()
}
