package graph

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
)

// fill opens the bolt store in dir, adds n quads labelled label and closes it.
func fill(t *testing.T, dir, label string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, Config{Backend: "bolt", Path: dir})
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
func count(t *testing.T, root string) int64 {
	t.Helper()
	cfg, err := ResolveConfig(Config{Backend: "bolt", Path: root})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Open(context.Background(), cfg)
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

func commit(t *testing.T, g *Generations, fromCurrent bool, label string, n int) string {
	t.Helper()
	p, err := g.Begin(fromCurrent)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, p.Dir(), label, n)
	if err := p.Commit(); err != nil {
		t.Fatal(err)
	}
	return p.Name()
}

func TestGenerationsLifecycle(t *testing.T) {
	root := filepath.Join(t.TempDir(), "store")
	g := NewGenerations(root)
	unlock, err := g.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := g.Lock(); !errors.Is(err, ErrBusy) {
		t.Fatalf("second Lock: %v, want ErrBusy", err)
	}

	g1 := commit(t, g, false, "a", 3)
	if cur, _ := g.Current(); cur != g1 || g1 != "gen-000001" {
		t.Fatalf("current = %q after the first commit %q", cur, g1)
	}
	if n := count(t, root); n != 3 {
		t.Fatalf("gen 1 holds %d quads, want 3", n)
	}
	g2 := commit(t, g, true, "b", 2) // a copy of g1 plus 2
	if n := count(t, root); n != 5 {
		t.Fatalf("gen 2 holds %d quads, want 5 (3 copied + 2)", n)
	}
	if p := g.parent(g2); p != g1 {
		t.Errorf("parent of %s = %q, want %s", g2, p, g1)
	}

	// A builder that died leaves a partial generation; CURRENT is untouched
	// and the next Begin removes it.
	p, err := g.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, p.Dir(), "c", 1)
	if cur, _ := g.Current(); cur != g2 {
		t.Fatalf("an uncommitted generation went live: %s", cur)
	}
	partial := p.Dir()
	g3 := commit(t, g, true, "c", 4)
	if _, err := os.Stat(partial); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("partial generation %s not removed: %v", partial, err)
	}
	if g3 != "gen-000003" {
		t.Errorf("generation after a removed partial gen-000003 is %s, want gen-000003", g3)
	}
	if n := count(t, root); n != 9 {
		t.Fatalf("gen %s holds %d quads, want 9", g3, n)
	}

	from, to, err := g.Rollback()
	if err != nil || from != g3 || to != g2 {
		t.Fatalf("Rollback = %s, %s, %v; want %s -> %s", from, to, err, g3, g2)
	}
	if n := count(t, root); n != 5 {
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
	if _, _, err := g.Rollback(); !errors.Is(err, ErrNoGeneration) {
		t.Errorf("rollback past the first generation: %v, want ErrNoGeneration", err)
	}
}

func TestPruneSkipsOpenGeneration(t *testing.T) {
	root := t.TempDir()
	g := NewGenerations(root)
	g1 := commit(t, g, false, "a", 1)
	st, err := Open(context.Background(), Config{Backend: "bolt", Path: g.Dir(g1)})
	if err != nil {
		t.Fatal(err)
	}
	commit(t, g, true, "b", 1)
	commit(t, g, true, "c", 1)
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

func TestPlainStoreBecomesFirstGeneration(t *testing.T) {
	root := t.TempDir()
	fill(t, root, "old", 2) // what `newsgraph build` writes
	g := NewGenerations(root)
	if cfg, _ := ResolveConfig(Config{Path: root}); cfg.Path != root {
		t.Fatalf("a plain store resolved to %s", cfg.Path)
	}
	commit(t, g, true, "new", 1)
	if n := count(t, root); n != 3 {
		t.Errorf("first generation holds %d quads, want the plain store's 2 + 1", n)
	}
	if cfg, _ := ResolveConfig(Config{Backend: "postgres", Path: root}); cfg.Path != root {
		t.Errorf("a server backend was pointed at a generation: %s", cfg.Path)
	}
}

// TestHandleSwapUnderQueries runs Gizmo queries without pause while the
// handle swaps between generations: no query may fail, and each must see
// one whole generation.
func TestHandleSwapUnderQueries(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	g := NewGenerations(root)
	commit(t, g, false, "a", 10)
	cfg := Config{Backend: "bolt", Path: root}
	h, err := OpenHandle(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var swaps atomic.Int32
	h.OnSwap(func(*Store, string) { swaps.Add(1) })

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
				res, err := h.Query(ctx, `g.Emit(g.V("<a>").Out("<ng:has>").Count())`, QueryOptions{Timeout: 5 * time.Second})
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
		commit(t, g, true, fmt.Sprintf("x%d", i), 5)
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
func TestHandleClosesOldStoreAfterLastQuery(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	g := NewGenerations(root)
	g1 := commit(t, g, false, "a", 1)
	cfg := Config{Backend: "bolt", Path: root}
	h, err := OpenHandle(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	old, release := h.Acquire()
	commit(t, g, true, "b", 1)
	if _, err := h.Reload(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Stats(ctx); err != nil {
		t.Fatalf("pinned store unusable after the swap: %v", err)
	}
	if _, err := lockDir(g.Dir(g1)); !errors.Is(err, ErrLocked) {
		t.Fatalf("old generation closed while pinned (lock: %v)", err)
	}
	release()
	unlock, err := lockDir(g.Dir(g1))
	if err != nil {
		t.Fatalf("old generation still open after its last release: %v", err)
	}
	unlock()
}
