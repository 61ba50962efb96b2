package export_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
)

// seedStore opens a store of the given backend in a temporary directory
// and loads exporttest.Records into it.
func seedStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: backend, Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := exporttest.Load(ctx, st, exporttest.Records()); err != nil {
		t.Fatal(err)
	}
	return st
}

// exportString runs one exporter and returns its output.
func exportString(t testing.TB, st *graph.Store, format string, opts export.Options) string {
	t.Helper()
	e, err := export.Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := e.Export(context.Background(), st.Reader(), &b, opts); err != nil {
		t.Fatalf("%s export: %v", format, err)
	}
	return b.String()
}

func graphQueryOptions() graph.QueryOptions { return graph.QueryOptions{Timeout: 10 * time.Second} }
