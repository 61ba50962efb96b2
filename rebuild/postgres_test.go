package rebuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// pgDatabase makes an empty PostgreSQL database for one test (skipping
// without NEWSGRAPH_TEST_PG_DSN; bash .ci/postgres.sh prints one).
func pgDatabase(t *testing.T) string {
	t.Helper()
	base := os.Getenv("NEWSGRAPH_TEST_PG_DSN")
	if base == "" {
		t.Skip("NEWSGRAPH_TEST_PG_DSN is not set: skipping the PostgreSQL rebuild test")
	}
	dsn, drop, err := graphtest.CreateDatabase(context.Background(), base)
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

// TestInPlacePostgres: a server backend has no generations; the rebuild
// writes in place, article by article, and ends with the same graph as a
// full build.
func TestInPlacePostgres(t *testing.T) {
	dsn := pgDatabase(t)
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		writeArticle(t, dir, fmt.Sprintf("%d.txt", i), text(140+i))
	}
	e := newEnv(t, config.Source{Dir: dir})
	e.backend = "postgres"
	store := graph.Config{Backend: "postgres", DSN: dsn}
	r := func() Summary {
		t.Helper()
		rb := New(e.x, Options{Store: store, DataDir: e.dataDir, Sources: e.sources, Workers: 2})
		sum, err := rb.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := r(); sum.Mode != "in-place" || sum.Added != 3 {
		t.Fatalf("first: %+v", sum)
	}
	writeArticle(t, dir, "1.txt", text(150))
	os.Remove(filepath.Join(dir, "2.txt"))
	e.x.take()
	if sum := r(); sum.Changed != 1 || sum.Removed != 1 || sum.Unchanged != 1 || e.x.take() != 1 {
		t.Fatalf("second: %+v", sum)
	}
	namesKept(t, store)
	st, err := graph.Open(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	got := allQuads(t, st)
	st.Close()
	fresh := newEnv(t, config.Source{Dir: dir})
	fresh.run()
	if want := fresh.quads(); !slices.Equal(got, want) {
		t.Errorf("postgres graph (%d quads) differs from a full build (%d): %v", len(got), len(want), diff(got, want))
	}
}
