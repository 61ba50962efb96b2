// Package namestest checks the name index a store keeps (names.Keep), for
// the tests of the packages that keep it: pipeline (build) and rebuild.
package namestest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/names"
)

// Kept returns the name index st keeps, failing t unless it is current
// (names.Kept) and is the index read from the store (names.Load): the
// same entries, names and aliases, in the same order.
func Kept(t testing.TB, st *graph.Store) *names.Index {
	t.Helper()
	ctx := context.Background()
	kept, ok := names.Kept(ctx, st)
	if !ok {
		t.Fatal("the store keeps no current name index")
	}
	loaded, err := names.Load(ctx, st.Reader())
	if err != nil {
		t.Fatal(err)
	}
	if g, w := entries(kept), entries(loaded); !slices.Equal(g, w) || len(w) == 0 {
		t.Fatalf("the kept name index (%d entries) is not the store's (%d)", len(g), len(w))
	}
	return kept
}

// entries lists an index's entries, sorted.
func entries(ix *names.Index) []string {
	var out []string
	for _, e := range ix.Entries() {
		out = append(out, fmt.Sprintf("%s %s %q %q", e.IRI, e.Type, e.Name, e.Aliases))
	}
	sort.Strings(out)
	return out
}
