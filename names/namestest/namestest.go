// Package namestest checks the name index a store keeps (names.Keep), for
// the tests of the packages that keep it: pipeline (build) and rebuild.
package namestest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/names"
)

// Kept returns the name index st keeps, failing t unless it is current
// (names.Kept) and is the index read from the store (names.Load): the
// same entries, names and aliases. The aliases' order is not compared: a
// store on a server lists an entity's aliases in no set order.
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
		t.Fatalf("the kept name index is not the store's:\n%s", diff(g, w))
	}
	return kept
}

// entries lists an index's entries, sorted, each with its aliases sorted.
func entries(ix *names.Index) []string {
	var out []string
	for _, e := range ix.Entries() {
		out = append(out, fmt.Sprintf("%s %s %q %q", e.IRI, e.Type, e.Name, slices.Sorted(slices.Values(e.Aliases))))
	}
	sort.Strings(out)
	return out
}

// diff lists the entries of kept and loaded that the other lacks.
func diff(kept, loaded []string) string {
	var b strings.Builder
	for _, e := range kept {
		if !slices.Contains(loaded, e) {
			fmt.Fprintf(&b, "kept only:   %s\n", e)
		}
	}
	for _, e := range loaded {
		if !slices.Contains(kept, e) {
			fmt.Fprintf(&b, "loaded only: %s\n", e)
		}
	}
	return b.String()
}
