package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

func q(s, p, o, l string) quad.Quad {
	return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: quad.IRI(o), Label: quad.IRI(l)}
}

// article builds the quads of a small article in the shape LabelQuads
// relies on: everything hangs off nodes that point at the label.
func article(label string, facts ...[2]string) []quad.Quad {
	out := []quad.Quad{q(label, "rdf:type", "ng:Article", label)}
	for _, f := range facts {
		out = append(out,
			q(f[0], "ng:mentionedIn", label, label),
			q(f[1], "ng:mentionedIn", label, label),
			q(f[0], "ng:attacked", f[1], label))
	}
	return out
}

func openTest(t *testing.T, backend string) *Store {
	t.Helper()
	st, err := Open(context.Background(), Config{Backend: backend, Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func sorted(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, x := range qs {
		out[i] = x.NQuad()
	}
	sort.Strings(out)
	return out
}

func TestBoltLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := Open(context.Background(), Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), Config{Backend: "bolt", Path: dir}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: err = %v, want ErrLocked", err)
	}
	st.Close()
	st2, err := Open(context.Background(), Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	st2.Close()
}

func TestUnknownBackend(t *testing.T) {
	if _, err := Open(context.Background(), Config{Backend: "nope"}); err == nil {
		t.Fatal("unknown backend opened")
	}
}

// TestReplaceSharedNode covers a Cayley key-value store bug: one
// transaction that removes and adds quads of a node whose quad count falls
// stored the added quads with the node missing.
func TestReplaceSharedNode(t *testing.T) {
	for _, backend := range []string{"bolt", "memory"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st := openTest(t, backend)
			str := func(s, p, o, l string) quad.Quad {
				return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: quad.String(o), Label: quad.IRI(l)}
			}
			old := []quad.Quad{str("a", "name", "x", "L1"), q("a", "type", "T", "L1"), q("a", "in", "L1", "L1")}
			if _, err := st.Replace(ctx, nil, old); err != nil {
				t.Fatal(err)
			}
			repl := []quad.Quad{str("a", "name", "x", "L2"), q("a", "in", "L2", "L2")}
			if _, err := st.Replace(ctx, []quad.Value{quad.IRI("L1")}, repl); err != nil {
				t.Fatal(err)
			}
			got, err := st.LabelQuads(ctx, quad.IRI("L2"))
			if err != nil {
				t.Fatal(err)
			}
			if g, w := sorted(got), sorted(repl); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("after replacing L1 by L2:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
			}
			if left, _ := st.LabelQuads(ctx, quad.IRI("L1")); len(left) != 0 {
				t.Errorf("quads of L1 left: %v", left)
			}
		})
	}
}

// TestBoltHeldByAnotherProgram: a program that locks the bolt file itself
// (the stock cayley binary does) makes Open fail at once with ErrLocked
// instead of waiting inside bolt forever.
func TestBoltHeldByAnotherProgram(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := Open(context.Background(), Config{Backend: "bolt", Path: dir})
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
		st, err := Open(context.Background(), Config{Backend: "bolt", Path: dir})
		if err == nil {
			st.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("open while another program holds the bolt file: err = %v, want ErrLocked", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("open waited for the other program's lock")
	}
}

// A store opened read-only reads what was written and refuses to write,
// leaving the store as it was.
func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	cfgs := map[string]func(t *testing.T) Config{
		"bolt":     func(t *testing.T) Config { return Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "store")} },
		"postgres": func(t *testing.T) Config { return Config{Backend: "postgres", DSN: freshPG(t)} },
	}
	for name, mk := range cfgs {
		t.Run(name, func(t *testing.T) {
			cfg := mk(t)
			a1 := article("ng:article/a1", [2]string{"ng:entity/kh", "ng:entity/ain"})
			st, err := Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Replace(ctx, nil, a1); err != nil {
				t.Fatal(err)
			}
			st.Close()

			ro := cfg
			ro.ReadOnly = true
			st, err = Open(ctx, ro)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range []struct {
				q    quad.Quad
				want bool
			}{{a1[1], true}, {q("ng:entity/kh", "ng:attacked", "ng:entity/harir", "ng:article/a1"), false}} {
				if has, err := st.HasQuad(ctx, x.q); err != nil || has != x.want {
					t.Errorf("read-only HasQuad(%v) = %v, %v; want %v", x.q, has, err, x.want)
				}
			}
			b := article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})
			if _, err := st.Replace(ctx, nil, b); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Replace: %v, want ErrReadOnly", err)
			}
			if err := st.BulkLoad(ctx, b); !errors.Is(err, ErrReadOnly) {
				t.Errorf("BulkLoad: %v, want ErrReadOnly", err)
			}
			if err := st.RemoveQuads(ctx, a1); !errors.Is(err, ErrReadOnly) {
				t.Errorf("RemoveQuads: %v, want ErrReadOnly", err)
			}
			st.Close()

			st, err = Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if got, err := st.LabelQuads(ctx, quad.IRI("ng:article/a1")); err != nil || !reflect.DeepEqual(sorted(got), sorted(a1)) {
				t.Errorf("after the read-only session: %v, %v", sorted(got), err)
			}
			if stats, err := st.Stats(ctx); err != nil || stats.Quads != int64(len(a1)) {
				t.Errorf("after the read-only session: %+v, %v; want %d quads", stats, err, len(a1))
			}
		})
	}
}
