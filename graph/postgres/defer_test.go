package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// deferBatches are three batches of articles with shared entities, and the
// value zoo.
func deferBatches() [][]quad.Quad {
	var out [][]quad.Quad
	for b := 0; b < 3; b++ {
		var qs []quad.Quad
		for i := 0; i < 40; i++ {
			a := b*40 + i
			qs = append(qs, graphtest.Article(fmt.Sprintf("ng:article/d%d", a),
				[2]string{fmt.Sprintf("ng:entity/g%d", a%7), fmt.Sprintf("ng:entity/t%d", a%11)})...)
		}
		out = append(out, qs)
	}
	out[1] = append(out[1], zooQuads()...)
	return out
}

// pgSchema lists the indexes and constraints of Cayley's tables, and
// whether a bulk load's table of deferred definitions is there.
type pgSchema struct {
	Indexes, Constraints []string
	Deferred             bool
}

func schemaOf(t *testing.T, dsn string) pgSchema {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := pgSchema{
		Indexes:     pgStrings(t, db, `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('quads', 'nodes') ORDER BY 1`),
		Constraints: pgStrings(t, db, `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('quads'::regclass, 'nodes'::regclass) ORDER BY 1`),
	}
	if err := db.QueryRow(`SELECT to_regclass($1) IS NOT NULL`, pgDeferredTable).Scan(&s.Deferred); err != nil {
		t.Fatal(err)
	}
	return s
}

// loadOrdinary loads batches into a fresh store with its indexes, and
// returns its DSN.
func loadOrdinary(t *testing.T, batches [][]quad.Quad) string {
	t.Helper()
	dsn := freshPG(t)
	st := openPG(t, dsn)
	for _, b := range batches {
		if err := st.BulkLoad(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	return dsn
}

// TestDeferIndexes: a fresh store loaded without its secondary indexes
// and foreign keys has, once restored, the same rows, indexes and
// constraints as one loaded with them, and answers reads alike; a store
// that holds quads keeps its indexes.
func TestDeferIndexes(t *testing.T) {
	ctx := context.Background()
	batches := deferBatches()
	want := loadOrdinary(t, batches)
	wantSchema := schemaOf(t, want)
	if len(wantSchema.Indexes) < 7 || len(wantSchema.Constraints) < 5 {
		t.Fatalf("a fresh store has %d indexes and %d constraints: %v", len(wantSchema.Indexes), len(wantSchema.Constraints), wantSchema)
	}

	dsn := freshPG(t)
	st := openPG(t, dsn)
	restore, err := st.DeferIndexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	during := schemaOf(t, dsn)
	if !during.Deferred || len(during.Indexes) != len(wantSchema.Indexes)-len(pgDeferrable) || len(during.Constraints) != len(wantSchema.Constraints)-4 {
		t.Errorf("during a bulk load: %d indexes, %d constraints, deferred table %v; want %d, %d, true",
			len(during.Indexes), len(during.Constraints), during.Deferred, len(wantSchema.Indexes)-len(pgDeferrable), len(wantSchema.Constraints)-4)
	}
	for _, b := range batches {
		if err := st.BulkLoad(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := restore(ctx); err != nil {
		t.Fatal(err)
	}
	if got := schemaOf(t, dsn); !reflect.DeepEqual(got, wantSchema) {
		t.Errorf("after the bulk load:\n%v\nwant\n%v", got, wantSchema)
	}
	if got, w := dumpPG(t, dsn), dumpPG(t, want); !reflect.DeepEqual(got, w) {
		t.Errorf("the tables differ from an ordinary load's: %d nodes, %d quads; want %d, %d", len(got.Nodes), len(got.Quads), len(w.Nodes), len(w.Quads))
	}
	checkRefs(t, dsn)
	other := openPG(t, want)
	for _, po := range [][2]string{{"ng:attacked", "ng:entity/t3"}, {"ng:attacked", "ng:entity/t5"}, {"ng:mentionedIn", "ng:article/d77"}} {
		got, err := st.Subjects(ctx, quad.IRI(po[0]), quad.IRI(po[1]))
		if err != nil {
			t.Fatal(err)
		}
		w, err := other.Subjects(ctx, quad.IRI(po[0]), quad.IRI(po[1]))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || !reflect.DeepEqual(got, w) {
			t.Errorf("subjects %s %s: %v, want %v", po[0], po[1], got, w)
		}
	}

	// An incremental load keeps the indexes.
	restore, err = st.DeferIndexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := schemaOf(t, dsn); !reflect.DeepEqual(got, wantSchema) {
		t.Errorf("a store with quads lost indexes to DeferIndexes: %v", got)
	}
	if err := restore(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestDeferIndexesInterrupted: a bulk load whose process dies leaves the
// batches it committed, each whole, and none of the one it was writing;
// while it runs another process does not build the indexes under it, and
// once it is gone the next Open builds them: the store is then what an
// ordinary load of the committed batches makes.
func TestDeferIndexesInterrupted(t *testing.T) {
	ctx := context.Background()
	batches := deferBatches()
	want := loadOrdinary(t, batches[:1])
	wantSchema := schemaOf(t, want)

	dsn := freshPG(t)
	st := openPG(t, dsn)
	restore, err := st.DeferIndexes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.BulkLoad(ctx, batches[0]); err != nil {
		t.Fatal(err)
	}
	// A batch that fails half-way: PostgreSQL refuses its last value.
	broken := append(append([]quad.Quad{}, batches[1]...), quad.Quad{Subject: quad.IRI("ng:x"), Predicate: quad.IRI("ng:p"), Object: quad.String("not UTF-8 \xff"), Label: quad.IRI("ng:article/bad")})
	if err := st.BulkLoad(ctx, broken); err == nil {
		t.Fatal("a batch with invalid UTF-8 loaded")
	}

	// Another process opens the store meanwhile: the indexes stay out.
	openPG(t, dsn)
	if s := schemaOf(t, dsn); !s.Deferred || len(s.Indexes) != len(wantSchema.Indexes)-len(pgDeferrable) {
		t.Errorf("an Open during the bulk load changed the indexes: %v", s)
	}

	// The loading process dies: the server ends its sessions.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var killed int
	if err := db.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&killed); err != nil || killed != 1 {
		t.Fatalf("ending the loader's session: %d ended, %v", killed, err)
	}
	restore(ctx) // its session is gone: nothing to build from here

	openPG(t, dsn)
	if got := schemaOf(t, dsn); !reflect.DeepEqual(got, wantSchema) {
		t.Errorf("after the next Open:\n%v\nwant\n%v", got, wantSchema)
	}
	if got, w := dumpPG(t, dsn), dumpPG(t, want); !reflect.DeepEqual(got, w) {
		t.Errorf("the tables differ from an ordinary load of the committed batch: %d nodes, %d quads; want %d, %d", len(got.Nodes), len(got.Quads), len(w.Nodes), len(w.Quads))
	}
	checkRefs(t, dsn)
}

// TestWriteStamp: the stamp changes with every write, a deletion and an
// insert by Cayley's own writer included, and not without one; two
// handles on one database agree, and two databases differ.
func TestWriteStamp(t *testing.T) {
	ctx := context.Background()
	dsn := freshPG(t)
	st := openPG(t, dsn)
	stamp := func(st *graph.Store) string {
		t.Helper()
		s, ok, err := st.WriteStamp(ctx)
		if err != nil || !ok {
			t.Fatalf("no stamp: %v", err)
		}
		return s
	}
	seen := map[string]string{stamp(st): "a fresh store"}
	step := func(what string, write func() error) {
		t.Helper()
		if err := write(); err != nil {
			t.Fatal(err)
		}
		s := stamp(st)
		if prev, ok := seen[s]; ok {
			t.Errorf("the stamp after %s is the one after %s: %s", what, prev, s)
		}
		seen[s] = what
		if again := stamp(st); again != s {
			t.Errorf("the stamp moved without a write: %s, then %s", s, again)
		}
	}
	a := graphtest.Article("ng:article/a", [2]string{"ng:entity/kh", "ng:entity/ain"})
	step("a replace", func() error { _, err := st.Replace(ctx, nil, a); return err })
	step("a bulk load", func() error { return st.BulkLoad(ctx, deferBatches()[0]) })
	step("a deletion", func() error {
		_, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/a")}, nil)
		return err
	})
	step("a write by Cayley's own writer", func() error {
		w, err := cgraph.NewQuadWriter("single", st.QuadStore(), nil)
		if err != nil {
			return err
		}
		defer w.Close()
		return w.AddQuad(graphtest.Quad("ng:x", "ng:p", "ng:y", "ng:article/x"))
	})
	if got, want := stamp(openPG(t, dsn)), stamp(st); got != want {
		t.Errorf("two handles on one store: %s and %s", got, want)
	}
	if other := stamp(openPG(t, freshPG(t))); seen[other] != "" {
		t.Errorf("another database has the stamp of this one after %s: %s", seen[other], other)
	}
}
