package path

import (
	"context"
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// pgStore loads records into a fresh PostgreSQL database, dropped after
// the test; it skips without NEWSGRAPH_TEST_PG_DSN.
func pgStore(t *testing.T, recs ...schema.Record) *graph.Store {
	t.Helper()
	base := os.Getenv("NEWSGRAPH_TEST_PG_DSN")
	if base == "" {
		t.Skip("NEWSGRAPH_TEST_PG_DSN is not set: skipping the PostgreSQL path tests")
	}
	ctx := context.Background()
	dsn, drop, err := graphtest.CreateDatabase(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Errorf("dropping the test database: %v", err)
		}
	})
	st, err := graph.Open(ctx, graph.Config{Backend: "postgres", DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var all []quad.Quad
	for _, r := range recs {
		qs, rej := schema.ToQuads(r, "test/1")
		if len(rej) > 0 {
			t.Fatalf("record %s: rejects %v", r.Doc, rej)
		}
		all = append(all, qs...)
	}
	if err := st.BulkLoad(ctx, all); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPostgresBatchedReads checks the batched reads of a Finder on
// PostgreSQL (with its batch reader) against the same graph on bolt: the same paths,
// with the same evidence, with and without type filters and hop limits,
// and with the link index as newsgraph serve answers (the search in
// memory, names and evidence read in batches).
func TestPostgresBatchedReads(t *testing.T) {
	ctx := context.Background()
	recs := seedLike()
	t0 := time.Now()
	pg := pgStore(t, recs...)
	bolt := openStore(t, graph.DefaultBackend, recs...)
	t.Logf("loaded in %v", time.Since(t0))
	fp, fb := New(pg.Reader()), New(bolt.Reader())
	if fp.batch == nil {
		t.Fatal("the postgres store offers no batch reader")
	}
	if New(bolt.Reader()).batch != nil {
		t.Error("bolt offers a batch reader; it reads best through Cayley's iterators")
	}
	fi := New(pg.Reader())
	if _, err := fi.BuildIndex(ctx); err != nil {
		t.Fatal(err)
	}
	ends := []string{"Kata'ib Hezbollah", "Tower 22", "Abu Fadak al-Mohammadawi", "Jordan", "Iraq", "United States", "Popular Mobilization Forces"}
	for _, opts := range []Options{{K: 3}, {K: 3, MaxHops: 2}, {K: 3, MaxHops: 5}, {K: 3, Via: []string{schema.ArmedGroup}}, {K: 2, Via: []string{schema.Person, schema.Coalition}}} {
		for _, a := range ends {
			for _, b := range ends {
				if a == b {
					continue
				}
				want, err := fb.Paths(ctx, schema.EntityIRI(a), schema.EntityIRI(b), opts)
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range []*Finder{fp, fi} {
					got, err := f.Paths(ctx, schema.EntityIRI(a), schema.EntityIRI(b), opts)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.EqualFunc(got.Paths, want.Paths, samePath) || got.From != want.From || got.To != want.To ||
						!reflect.DeepEqual(got.HubsAvoided, want.HubsAvoided) {
						t.Errorf("%s -> %s %+v, indexed %v:\npostgres %v\n    bolt %v", a, b, opts, f.Indexed(), got, want)
					}
				}
			}
		}
	}
	// Neighbourhoods read through the same batches.
	want, _, err := fb.Neighbors(ctx, schema.EntityIRI("Kata'ib Hezbollah"), NeighborOptions{Hops: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Finder{fp, fi} {
		got, _, err := f.Neighbors(ctx, schema.EntityIRI("Kata'ib Hezbollah"), NeighborOptions{Hops: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("neighbours, indexed %v:\npostgres %v\n    bolt %v", f.Indexed(), got, want)
		}
	}
	wantTL, err := fb.Timeline(ctx, schema.EntityIRI("Tower 22"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Finder{fp, fi} {
		got, err := f.Timeline(ctx, schema.EntityIRI("Tower 22"))
		if err != nil {
			t.Fatal(err)
		}
		if len(wantTL) == 0 || !reflect.DeepEqual(got, wantTL) {
			t.Errorf("timeline, indexed %v:\npostgres %v\n    bolt %v", f.Indexed(), got, wantTL)
		}
	}
}

func samePath(a, b Path) bool {
	if math.Abs(a.Cost-b.Cost) > 1e-9 || names(a) != names(b) || len(a.Hops) != len(b.Hops) {
		return false
	}
	return reflect.DeepEqual(a.Hops, b.Hops)
}

// TestPostgresAgainstBruteForce is TestAgainstBruteForce with batched
// reads on PostgreSQL: the costs of the k cheapest paths are exact.
func TestPostgresAgainstBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		recs := randomRecords(seed)
		f := New(pgStore(t, recs...).Reader())
		againstBruteForce(t, seed, recs, 12, func(int) *Finder { return f }, func(q int) int { return []int{-1, 6}[q%2] })
	}
}

// TestPostgresClaimOfManyArticles checks that the claim shown for a link
// stated in more articles than are read for it is the same on bolt and on
// PostgreSQL: the strongest of the first articles by IRI, whatever the
// order the store lists the articles in. Both ends are mentioned by more
// than popularEnd articles, so bolt reads the link through the articles'
// labels, and the articles are loaded in an order that puts neither the
// first nor the last loaded among the first by IRI; the article with the
// latest date of all (m060) is not among them either.
func TestPostgresClaimOfManyArticles(t *testing.T) {
	const n = 80
	var recs []schema.Record
	for j := 0; j < n; j++ {
		i := (j + n/2) % n // m040 … m079, then m000 … m039
		id, date := fmt.Sprintf("m%03d", i), "2024-03-01"
		switch i {
		case 3:
			date = "2024-03-05"
		case 60:
			date = "2024-03-09"
		}
		recs = append(recs, schema.Record{
			Doc:      id + ".txt",
			Article:  schema.Article{ID: id, Source: id + ".txt", Date: date},
			Entities: []schema.Entity{ent("Abu Ali", schema.Person), ent("Kataib Sayyid", schema.ArmedGroup)},
			Facts: []schema.Fact{{S: "Abu Ali", P: "spokesperson_for", O: "Kataib Sayyid", Kind: schema.Stated,
				Evidence: fmt.Sprintf("Abu Ali, a spokesman for Kataib Sayyid, said so (%d).", i)}},
		})
	}
	if n <= popularEnd || n <= maxArticles {
		t.Fatalf("%d articles read whole", n)
	}
	ctx := context.Background()
	stores := map[string]*graph.Store{"postgres": pgStore(t, recs...), "bolt": openStore(t, graph.DefaultBackend, recs...)}
	for backend, st := range stores {
		for name, f := range finders(t, st) {
			res, err := f.Paths(ctx, schema.EntityIRI("Abu Ali"), schema.EntityIRI("Kataib Sayyid"), Options{K: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Paths) != 1 || len(res.Paths[0].Hops) != 1 {
				t.Fatalf("%s %s: %+v", backend, name, res.Paths)
			}
			h := res.Paths[0].Hops[0]
			if h.Article != "ng:article/m003" || h.ArticleDate != "2024-03-05" || h.Support != n {
				t.Errorf("%s %s: the hop's claim is %q of %s with support %d, want ng:article/m003 of 2024-03-05 with support %d",
					backend, name, h.Article, h.ArticleDate, h.Support, n)
			}
		}
	}
}
