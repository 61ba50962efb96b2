package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// The PostgreSQL tests need a server: set NEWSGRAPH_TEST_PG_DSN to a DSN
// whose role may create databases (bash .ci/postgres.sh prints one). Each
// test makes its own database and drops it afterwards.
const pgEnv = "NEWSGRAPH_TEST_PG_DSN"

func pgDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(pgEnv)
	if dsn == "" {
		t.Skip(pgEnv + " is not set: skipping the PostgreSQL tests (export NEWSGRAPH_TEST_PG_DSN=\"$(bash .ci/postgres.sh)\" to run them)")
	}
	return dsn
}

// freshPG creates an empty database for one test and returns its DSN.
func freshPG(t testing.TB) string {
	t.Helper()
	dsn, drop, err := graphtest.CreateDatabase(context.Background(), pgDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Errorf("dropping the test database: %v", err)
		}
	})
	return dsn
}

func openPG(t testing.TB, dsn string) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Backend: Name, DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// writerOf opens newsgraph's PostgreSQL writer on the database dsn names,
// for the tests that write or read through it directly, beside a Store.
func writerOf(t testing.TB, dsn string) *pgWriter {
	t.Helper()
	o, err := postgresBackend{}.Open(context.Background(), graph.Config{DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Writer.Close(); o.QuadStore.Close() })
	return o.Writer.(*pgWriter)
}

// TestStoreSuite runs the store suite (graphtest.TestStore) on
// PostgreSQL, a database of its own for each check.
func TestStoreSuite(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Config { return graph.Config{Backend: Name, DSN: freshPG(t)} })
}

// TestReplaceDropsUnusedNodes: nodes used only by a replaced article go
// from Cayley's nodes table with its last quad.
func TestReplaceDropsUnusedNodes(t *testing.T) {
	ctx := context.Background()
	dsn := freshPG(t)
	st := openPG(t, dsn)
	a1 := graphtest.Article("ng:article/a1", [2]string{"ng:entity/kh", "ng:entity/ain"})
	b := graphtest.Article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})
	if _, err := st.Replace(ctx, nil, append(a1, b...)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Replace(ctx, []quad.Value{quad.IRI("ng:article/a1")}, nil); err != nil {
		t.Fatal(err)
	}
	db := writerOf(t, dsn).db
	for _, v := range []quad.Value{quad.IRI("ng:article/a1"), quad.IRI("ng:entity/ain")} {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM nodes WHERE hash = $1`, quad.HashOf(v)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("node %v still stored after its last quad went", v)
		}
	}
}

// valueZoo has one value of every kind Cayley's SQL store distinguishes,
// with the awkward characters.
func valueZoo() []quad.Value {
	return []quad.Value{
		quad.IRI("ng:entity/kataib-hezbollah"),
		quad.IRI("ng:entity/قاعدة"),
		quad.BNode("b1"),
		quad.String("Kata'ib \"Hezbollah\" \\ {curly}, comma"),
		quad.String("nul\x00byte"),
		quad.String(""),
		quad.String("NULL"),
		quad.TypedString{Value: "2024-01-28", Type: "xsd:date"},
		quad.LangString{Value: "كتائب حزب الله", Lang: "ar"},
		quad.Int(-42),
		quad.Int(math.MaxInt64),
		quad.Bool(true),
		quad.Bool(false),
		quad.Float(0.85),
		quad.Float(math.Inf(-1)),
		quad.Float(1e-300),
		quad.Time(time.Date(2024, 1, 28, 6, 30, 0, 123456000, time.UTC)),
	}
}

// zooQuads uses every zoo value as an object, with and without a label.
func zooQuads() []quad.Quad {
	var out []quad.Quad
	for i, v := range valueZoo() {
		s := quad.IRI(fmt.Sprintf("ng:s/%d", i%5))
		out = append(out, quad.Quad{Subject: s, Predicate: quad.IRI("ng:p"), Object: v, Label: quad.IRI("ng:article/zoo")})
		if i%3 == 0 {
			out = append(out, quad.Quad{Subject: s, Predicate: quad.IRI("ng:q"), Object: v})
		}
	}
	// A node that is both subject and object of one quad.
	out = append(out, quad.Quad{Subject: quad.IRI("ng:self"), Predicate: quad.IRI("ng:p"), Object: quad.IRI("ng:self"), Label: quad.IRI("ng:self")})
	return out
}

type pgTables struct {
	Nodes []string
	Quads []string
}

// dumpPG reads Cayley's tables in a comparable form (without horizon and ts).
func dumpPG(t *testing.T, dsn string) pgTables {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return pgTables{
		Nodes: pgStrings(t, db, `SELECT row(hash, refs, `+strings.Join(pgNodeCols, ", ")+`)::text FROM nodes ORDER BY 1`),
		Quads: pgStrings(t, db, `SELECT row(subject_hash, predicate_hash, object_hash, label_hash)::text FROM quads ORDER BY 1`),
	}
}

// pgStrings runs a query of one text column and returns its rows.
func pgStrings(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkRefs checks that every node's refs is the number of quad
// directions pointing at it, and that no node is unreferenced.
func checkRefs(t *testing.T, dsn string) {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var bad int
	var sample sql.NullString
	err = db.QueryRow(`WITH c AS (
		SELECT h, count(*) AS n FROM (
			SELECT subject_hash FROM quads UNION ALL SELECT predicate_hash FROM quads
			UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
		) x(h) GROUP BY h)
		SELECT count(*), min(coalesce(n.value_string, '?') || ' refs=' || n.refs || ' actual=' || coalesce(c.n, 0))
		FROM nodes n FULL JOIN c ON c.h = n.hash
		WHERE n.hash IS NULL OR c.h IS NULL OR n.refs <> c.n`).Scan(&bad, &sample)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d nodes with a wrong reference count, e.g. %s", bad, sample.String)
	}
}

// cayleyApply writes deltas with Cayley's own SQL writer, bypassing ours.
func cayleyApply(t *testing.T, st *graph.Store, tx *cgraph.Transaction) {
	t.Helper()
	if err := st.QuadStore().ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresTablesAsCayley writes the same quads with Cayley's writer and
// with each of ours, and compares the tables row by row; then the same for
// a transaction that deletes and adds.
func TestPostgresTablesAsCayley(t *testing.T) {
	ctx := context.Background()
	quads := zooQuads()
	more := graphtest.Article("ng:article/m", [2]string{"ng:entity/kh", "ng:entity/ain"})
	refDSN := freshPG(t)
	ref := openPG(t, refDSN)
	tx := cgraph.NewTransaction()
	for _, q := range quads {
		tx.AddQuad(q)
	}
	cayleyApply(t, ref, tx)
	want := dumpPG(t, refDSN)
	if len(want.Quads) != len(quads) {
		t.Fatalf("Cayley wrote %d quads, want %d", len(want.Quads), len(quads))
	}
	// Then delete every other quad and add an article, in one transaction.
	tx2 := cgraph.NewTransaction()
	for i, q := range quads {
		if i%2 == 0 {
			tx2.RemoveQuad(q)
		}
	}
	for _, q := range more {
		tx2.AddQuad(q)
	}
	cayleyApply(t, ref, tx2)
	want2 := dumpPG(t, refDSN)

	for _, how := range []struct {
		name  string
		write func(st *graph.Store, w *pgWriter) error
	}{
		{"unnest", func(_ *graph.Store, w *pgWriter) error { return w.ApplyTransaction(tx) }},
		{"copy", func(st *graph.Store, _ *pgWriter) error { return st.BulkLoad(ctx, quads) }},
		{"replace", func(st *graph.Store, _ *pgWriter) error { _, err := st.Replace(ctx, nil, quads); return err }},
	} {
		t.Run(how.name, func(t *testing.T) {
			dsn := freshPG(t)
			st, w := openPG(t, dsn), writerOf(t, dsn)
			if err := how.write(st, w); err != nil {
				t.Fatal(err)
			}
			if got := dumpPG(t, dsn); !reflect.DeepEqual(got, want) {
				t.Errorf("tables differ from Cayley's:\n got %v\nwant %v", got, want)
			}
			checkRefs(t, dsn)
			if err := w.ApplyTransaction(tx2); err != nil {
				t.Fatal(err)
			}
			if got := dumpPG(t, dsn); !reflect.DeepEqual(got, want2) {
				t.Errorf("after delete+add, tables differ from Cayley's:\n got %v\nwant %v", got, want2)
			}
			checkRefs(t, dsn)
		})
	}
}

// TestPostgresReadBack loads through the bulk loader and reads every quad
// back through Cayley: counts, each quad by its subject, values intact.
func TestPostgresReadBack(t *testing.T) {
	ctx := context.Background()
	st := openPG(t, freshPG(t))
	quads := zooQuads()
	for i := 0; i < 50; i++ {
		quads = append(quads, graphtest.Article(fmt.Sprintf("ng:article/r%d", i),
			[2]string{fmt.Sprintf("ng:entity/g%d", i%7), fmt.Sprintf("ng:entity/t%d", i%11)})...)
	}
	if err := st.BulkLoad(ctx, quads); err != nil {
		t.Fatal(err)
	}
	if err := st.BulkLoad(ctx, quads[:40]); err != nil { // duplicates: skipped
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[quad.Quad]bool{}
	for _, q := range quads {
		distinct[q] = true
	}
	if stats.Quads != int64(len(distinct)) {
		t.Errorf("%d quads in the store, want %d", stats.Quads, len(distinct))
	}
	for q := range distinct {
		if ok, err := st.HasQuad(ctx, q); !ok || err != nil {
			t.Errorf("Cayley does not read back %s (%v)", q.NQuad(), err)
		}
	}
	// Every quad, read by Cayley's iterator over all quads.
	qs := st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	n := 0
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		if !distinct[q] {
			t.Errorf("Cayley reads a quad that was not written: %#v", q)
		}
		n++
	}
	it.Close()
	if n != len(distinct) {
		t.Errorf("iterated %d quads, want %d", n, len(distinct))
	}
}

// TestPostgresLabelQuads checks the direct label lookup against the generic
// one, including quads that do not hang off the label node.
func TestPostgresLabelQuads(t *testing.T) {
	ctx := context.Background()
	dsn := freshPG(t)
	st := openPG(t, dsn)
	a := graphtest.Article("ng:article/a", [2]string{"ng:entity/kh", "ng:entity/ain"})
	stray := quad.Quad{Subject: quad.IRI("ng:x"), Predicate: quad.IRI("ng:p"), Object: quad.Float(0.5), Label: quad.IRI("ng:article/a")}
	if err := st.BulkLoad(ctx, append(a, stray, graphtest.Quad("ng:entity/kh", "ng:p", "ng:entity/ain", "ng:article/b"))); err != nil {
		t.Fatal(err)
	}
	got, err := writerOf(t, dsn).LabelQuads(ctx, quad.IRI("ng:article/a"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := graphtest.Sorted(got), graphtest.Sorted(append(a, stray)); !reflect.DeepEqual(g, w) {
		t.Errorf("LabelQuads = %v, want %v", g, w)
	}
	if got, _ := writerOf(t, dsn).LabelQuads(ctx, quad.IRI("ng:article/none")); len(got) != 0 {
		t.Errorf("LabelQuads of an unknown label = %v", got)
	}
}

// TestPostgresErrorsHidePassword needs no server: a refused connection
// names the host, never the password.
func TestPostgresErrorsHidePassword(t *testing.T) {
	for _, dsn := range []string{
		"postgres://ng:s3cretpw@127.0.0.1:1/newsgraph?sslmode=disable&connect_timeout=2",
		"host=127.0.0.1 port=1 user=ng password=s3cretpw dbname=newsgraph sslmode=disable connect_timeout=2",
		"postgres://ng:s3cretpw@127.0.0.1:1/news%zzgraph", // unparsable: url.Parse quotes the URL
	} {
		for _, backend := range []string{"postgres", "cockroach"} {
			_, err := graph.Open(context.Background(), graph.Config{Backend: backend, DSN: dsn})
			if err == nil {
				t.Fatalf("%s: opened %s", backend, DescribeDSN(dsn))
			}
			if strings.Contains(err.Error(), "s3cretpw") {
				t.Errorf("%s: error shows the password: %v", backend, err)
			}
			if !strings.Contains(err.Error(), "127.0.0.1") && !strings.Contains(err.Error(), "unparsable") {
				t.Errorf("%s: error does not name the server: %v", backend, err)
			}
		}
	}
	_, err := graph.Open(context.Background(), graph.Config{Backend: Name})
	if err == nil || !strings.Contains(err.Error(), "store.dsn") {
		t.Errorf("no DSN: err = %v, want one naming store.dsn", err)
	}
	if got := DescribeDSN("postgresql://u:p@db.example:5433/ng?sslmode=require"); got != "u@db.example:5433/ng" {
		t.Errorf("DescribeDSN(url) = %q", got)
	}
	if got := DescribeDSN("host=db port=5433 dbname=ng user=u password=p"); got != "u@db:5433/ng" {
		t.Errorf("DescribeDSN(key=value) = %q", got)
	}
}

// TestPostgresReopen opens a store twice (the tables exist the second time)
// and from two processes' worth of handles at once.
func TestPostgresReopen(t *testing.T) {
	ctx := context.Background()
	dsn := freshPG(t)
	st1 := openPG(t, dsn)
	if _, err := st1.Replace(ctx, nil, graphtest.Article("ng:article/a", [2]string{"ng:entity/kh", "ng:entity/ain"})); err != nil {
		t.Fatal(err)
	}
	st2 := openPG(t, dsn) // a second handle, as a second process would have
	s1, _ := st1.Stats(ctx)
	s2, _ := st2.Stats(ctx)
	if s1 != s2 || s1.Quads == 0 {
		t.Errorf("two handles disagree: %+v, %+v", s1, s2)
	}
	if _, err := st2.Replace(ctx, nil, graphtest.Article("ng:article/b", [2]string{"ng:entity/kh", "ng:entity/harir"})); err != nil {
		t.Fatal(err)
	}
	if s, _ := st1.Stats(ctx); s.Quads <= s1.Quads {
		t.Errorf("the first handle does not see the second's write: %+v", s)
	}
}

// TestPostgresConcurrentWriters loads overlapping batches from several
// goroutines at once (as several newsgraph processes would): no error, no
// quad lost or doubled, reference counts exact.
func TestPostgresConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	dsn := freshPG(t)
	st := openPG(t, dsn)
	var batches [][]quad.Quad
	want := map[quad.Quad]bool{}
	for b := 0; b < 8; b++ {
		var qs []quad.Quad
		for i := 0; i < 30; i++ {
			a := (b*30 + i) % 50 // batches overlap
			qs = append(qs, graphtest.Article(fmt.Sprintf("ng:article/c%d", a),
				[2]string{fmt.Sprintf("ng:entity/g%d", a%5), fmt.Sprintf("ng:entity/t%d", a%9)})...)
		}
		for _, q := range qs {
			want[q] = true
		}
		batches = append(batches, qs)
	}
	errs := make(chan error, len(batches))
	for i, b := range batches {
		go func() {
			if i%2 == 0 {
				errs <- st.BulkLoad(ctx, b)
			} else {
				_, err := st.Replace(ctx, nil, b)
				errs <- err
			}
		}()
	}
	for range batches {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Quads != int64(len(want)) {
		t.Errorf("%d quads, want %d", stats.Quads, len(want))
	}
	checkRefs(t, dsn)
}
