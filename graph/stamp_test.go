package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
)

// TestStamp: a bolt store's stamp stays while it is only read, or its
// directory renamed, and changes with a write.
func TestStamp(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	stamp := func() string {
		t.Helper()
		s, err := graph.Stamp(dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	write := func(q quad.Quad) {
		t.Helper()
		st, err := graph.Open(ctx, graph.Config{Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Replace(ctx, nil, []quad.Quad{q}); err != nil {
			t.Fatal(err)
		}
	}
	write(quad.MakeIRI("a", "p", "b", ""))
	s1 := stamp()
	st, err := graph.Open(ctx, graph.Config{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.QuadCount(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if s := stamp(); s != s1 {
		t.Fatal("reading the store changed its stamp")
	}
	// Neither data kept beside the store nor a generation's PARENT is the
	// store's, and a generation committed is its directory renamed.
	for _, f := range []string{"kept.names", "PARENT"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if s := stamp(); s != s1 {
		t.Fatal("writing kept data or PARENT changed the stamp")
	}
	moved := dir + ".moved"
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if s, err := graph.Stamp(moved); err != nil || s != s1 {
		t.Fatalf("renaming the directory changed the stamp (%v)", err)
	}
	if err := os.Rename(moved, dir); err != nil {
		t.Fatal(err)
	}
	write(quad.MakeIRI("a", "p", "c", ""))
	if s := stamp(); s == s1 {
		t.Fatal("a write left the stamp as it was")
	}
}
