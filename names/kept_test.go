package names

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// TestLoadKept: the index LoadKept loads is kept with the store and read
// back while the store is unchanged, read from the store again after a
// write, and kept afresh.
func TestLoadKept(t *testing.T) {
	ctx := context.Background()
	st := testStore(t, testRecords()[:1])
	load := func() *Index {
		t.Helper()
		ix, err := LoadKept(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	resolves := func(ix *Index, name string) bool {
		_, err := ix.Resolve(name)
		return err == nil
	}
	kept := func() bool {
		_, ok := Kept(ctx, st)
		return ok
	}

	if ix := load(); !resolves(ix, "Kataib Hezbollah") || !kept() {
		t.Fatal("the first load does not resolve the store's entity, or keeps nothing")
	}
	// What is kept under the store's stamp is what the next load returns:
	// keep an index of one other entity, and it answers.
	stamp, _, _ := st.WriteStamp(ctx)
	if err := Keep(ctx, st, stamp, NewIndex([]Entry{{IRI: "ng:entity/x", Name: "Jaysh al-Kept", Type: schema.ArmedGroup}})); err != nil {
		t.Fatal(err)
	}
	if ix := load(); !resolves(ix, "Jaysh al-Kept") || resolves(ix, "Kataib Hezbollah") {
		t.Fatal("a load of an unchanged store did not read the kept index")
	}
	// A write makes it stale: the next load reads the store, and keeps.
	if _, err := st.Replace(ctx, nil, recordQuads(t, schema.Record{Doc: "c", Article: schema.Article{ID: "c", Source: "c"},
		Entities: []schema.Entity{{ID: "Liwa al-New", Type: schema.ArmedGroup, Name: "Liwa al-New", Mentions: []string{"Liwa al-New"}}}})); err != nil {
		t.Fatal(err)
	}
	if kept() {
		t.Fatal("the kept index outlived a write")
	}
	if ix := load(); resolves(ix, "Jaysh al-Kept") || !resolves(ix, "Liwa al-New") || !resolves(ix, "Kataib Hezbollah") {
		t.Fatal("a load after a write did not read the store")
	}
	if !kept() {
		t.Fatal("the index read after a write was not kept")
	}
}

// TestCollectorAsLoad: the index a Collector gathers from the quads
// written into an empty store is Load's of that store, entry for entry
// and alias for alias in the same order: an entity of two types, aliases
// written by several articles, names that are not entities'.
func TestCollectorAsLoad(t *testing.T) {
	recs := append(testRecords(), schema.Record{
		Doc: "c", Article: schema.Article{ID: "c", Source: "c"},
		Entities: []schema.Entity{
			{ID: "Hezbollah", Type: schema.Coalition, Name: "Hezbollah", Mentions: []string{"Hizbullah", "Hezbollah"}},
			{ID: "Ain al-Asad Air Base", Type: schema.MilitaryBase, Name: "Ain al-Asad Air Base", Mentions: []string{"Ayn al-Asad", "Ain al-Asad"}},
		},
		Events: []schema.Event{{ID: "ev2", Type: schema.EvAttack, Kind: schema.Stated, Evidence: "y"}},
	})
	c := NewCollector()
	for _, r := range recs {
		c.Add(recordQuads(t, r))
	}
	want, err := Load(context.Background(), testStore(t, recs).Reader())
	if err != nil {
		t.Fatal(err)
	}
	if g, w := sortedEntries(c.Index()), sortedEntries(want); !reflect.DeepEqual(g, w) {
		t.Fatalf("collected:\n%v\nloaded:\n%v", g, w)
	}
	if n := len(want.Entries()); n != 11 {
		t.Fatalf("%d entries loaded, want 11 (10 entities, one of them of two types)", n)
	}
}

// sortedEntries are the index's entries by IRI and type (NewIndex orders
// them by IRI only).
func sortedEntries(ix *Index) []Entry {
	out := append([]Entry(nil), ix.Entries()...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].IRI != out[j].IRI {
			return out[i].IRI < out[j].IRI
		}
		return out[i].Type < out[j].Type
	})
	return out
}

// TestLoadKeptWithoutKeeper: a store that keeps nothing (memory) is
// loaded each time.
func TestLoadKeptWithoutKeeper(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Replace(ctx, nil, recordQuads(t, testRecords()[1])); err != nil {
		t.Fatal(err)
	}
	ix, err := LoadKept(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Resolve("Kataib Hezbollah"); err != nil {
		t.Fatal(err)
	}
}
