package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestStoreSuite runs the store suite (graphtest.TestStore) on bolt, a
// directory of its own for each check.
func TestStoreSuite(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Config {
		return graph.Config{Backend: Name, Path: filepath.Join(t.TempDir(), "store")}
	})
}

// TestBoltLock: a second open of a store in use fails at once with
// ErrLocked, and the store opens again once closed.
func TestBoltLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir}); !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second open: err = %v, want ErrLocked", err)
	}
	st.Close()
	st2, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	st2.Close()
}

// TestBoltHeldByAnotherProgram: a program that locks the bolt file itself
// (the stock cayley binary does) makes graph.Open fail at once with graph.ErrLocked
// instead of waiting inside bolt forever.
func TestBoltHeldByAnotherProgram(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	f, err := os.OpenFile(filepath.Join(dir, "indexes.bolt"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
		if err == nil {
			st.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, graph.ErrLocked) {
			t.Fatalf("open while another program holds the bolt file: err = %v, want ErrLocked", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("open waited for the other program's lock")
	}
}

// TestCompact: a compacted store holds the same quads in a smaller file,
// and takes writes as before.
func TestCompact(t *testing.T) {
	ctx := context.Background()
	cfg := graph.Config{Backend: Name, Path: filepath.Join(t.TempDir(), "store")}
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var labels []quad.Value
	var want []quad.Quad
	for i := range 300 {
		l := fmt.Sprintf("ng:article/a%d", i)
		qs := graphtest.Article(l, [2]string{fmt.Sprintf("ng:entity/e%d", i%17), fmt.Sprintf("ng:entity/f%d", i)})
		if err := st.BulkLoad(ctx, qs); err != nil {
			t.Fatal(err)
		}
		labels = append(labels, quad.IRI(l))
		want = append(want, qs...)
	}
	st.Close()
	if _, err := graph.Compact(ctx, graph.Config{Backend: Name, Path: cfg.Path, ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	c, err := graph.Compact(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.After <= 0 || c.After >= c.Before {
		t.Errorf("compacted from %d to %d bytes", c.Before, c.After)
	}
	st, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var got []quad.Quad
	for _, l := range labels {
		qs, err := st.LabelQuads(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, qs...)
	}
	if g, w := graphtest.Sorted(got), graphtest.Sorted(want); !slices.Equal(g, w) {
		t.Errorf("after compaction %d quads, want %d", len(g), len(w))
	}
	if _, err := st.Replace(ctx, labels[:1], nil); err != nil {
		t.Fatalf("a write after compaction: %v", err)
	}
	if n, err := st.QuadCount(ctx); err != nil || n != int64(len(want)-4) {
		t.Errorf("%d quads after removing an article (%v), want %d", n, err, len(want)-4)
	}
}
