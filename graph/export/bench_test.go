package export_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
)

// BenchmarkExport exports a generated bolt graph of NEWSGRAPH_BENCH_QUADS
// quads (default 50,000) in every format. For the million-quad figures
// with peak memory, use graph/export/internal/bigexport under
// /usr/bin/time -v (see its doc comment).
func BenchmarkExport(b *testing.B) {
	n := 50_000
	if s := os.Getenv("NEWSGRAPH_BENCH_QUADS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(b.TempDir(), "store")})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	quads, err := exporttest.LoadGenerated(ctx, st, exporttest.ArticlesFor(n), 20_000)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range export.Names() {
		for _, merge := range []bool{false, true} {
			if merge && (format == "nquads" || format == "dot") {
				continue
			}
			name := format
			if merge {
				name += "-merged"
			}
			b.Run(name, func(b *testing.B) {
				e, _ := export.Get(format)
				opts := export.Options{MergeEdges: merge, MaxNodes: 1 << 30}
				for b.Loop() {
					if err := e.Export(ctx, st.Reader(), io.Discard, opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(quads)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
			})
		}
	}
}
