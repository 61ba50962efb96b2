package names

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// TestLoadCached: the first load writes the cache; a load with the same
// stamp reads it and not the store; a load with another stamp reads the
// store again and rewrites the cache.
func TestLoadCached(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(dir, "store")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	add := func(name string) {
		t.Helper()
		rec := schema.Record{Doc: name, Article: schema.Article{ID: name, Source: name},
			Entities: []schema.Entity{{ID: name, Type: schema.ArmedGroup, Name: name, Mentions: []string{name}}}}
		qs, _ := schema.ToQuads(rec, "test")
		if _, err := st.Replace(ctx, nil, qs); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "data", "names.cache") // a directory not made yet, as on a store on a server
	load := func(stamp string) *Index {
		t.Helper()
		ix, err := LoadCached(ctx, st.Reader(), file, stamp)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	resolves := func(ix *Index, name string) bool {
		_, err := ix.Resolve(name)
		return err == nil
	}

	add("Kata'ib Hezbollah")
	if ix := load("one"); !resolves(ix, "Kataib Hezbollah") {
		t.Fatal("the first load does not resolve the store's entity")
	}
	add("Asa'ib Ahl al-Haq")
	// The same stamp says the store is unchanged: the cache answers, and it
	// was written before the second entity.
	if ix := load("one"); resolves(ix, "Asa'ib Ahl al-Haq") || !resolves(ix, "Kataib Hezbollah") {
		t.Fatal("a load with an unchanged stamp did not read the cache")
	}
	if ix := load("two"); !resolves(ix, "Asa'ib Ahl al-Haq") {
		t.Fatal("a load with a new stamp did not read the store")
	}
	if ix := load("two"); !resolves(ix, "Asa'ib Ahl al-Haq") {
		t.Fatal("the cache was not rewritten for the new stamp")
	}
}
