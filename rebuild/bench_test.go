package rebuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// BenchmarkIncrementalVsFull builds a generated corpus (10,000 articles,
// or NEWSGRAPH_BENCH_ARTICLES) from scratch, rebuilds it with nothing
// changed, then with one article changed, and reports the three times and
// the incremental rebuild as a percentage of the full build. Run it once:
//
//	go test ./rebuild -run '^$' -bench IncrementalVsFull -benchtime 1x -timeout 60m
func BenchmarkIncrementalVsFull(b *testing.B) {
	n := 10000
	if s := os.Getenv("NEWSGRAPH_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		tmp := b.TempDir()
		dir := filepath.Join(tmp, "articles")
		size, err := corpus.WriteDir(dir, 42, n, runtime.NumCPU())
		if err != nil {
			b.Fatal(err)
		}
		dataDir := filepath.Join(tmp, "data")
		r := New(extract.NewRules(extract.DefaultLexicon()), Options{
			Store: graph.Config{Path: filepath.Join(dataDir, "store")}, DataDir: dataDir,
			Sources: []config.Source{{Dir: dir}}, Keep: 1,
		})
		b.StartTimer()

		start := time.Now()
		full, err := r.Run(ctx)
		if err != nil || full.Added != n {
			b.Fatalf("full build: %+v, %v", full, err)
		}
		fullTime := time.Since(start)

		start = time.Now()
		same, err := r.Run(ctx)
		if err != nil || same.Unchanged != n {
			b.Fatalf("unchanged rebuild: %+v, %v", same, err)
		}
		sameTime := time.Since(start)

		// One article changes: a sentence is added to it.
		name := filepath.Join(dir, fmt.Sprintf("%03d", n/2/1000), corpus.New(42, n).Article(n/2).Name) // as WriteDir lays it out
		f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\nKataib Hezbollah claimed responsibility for a drone attack on Ain al-Asad air base on Friday.\n")
		f.Close()
		start = time.Now()
		one, err := r.Run(ctx)
		if err != nil || one.Changed != 1 || one.Unchanged != n-1 {
			b.Fatalf("incremental rebuild: %+v, %v", one, err)
		}
		oneTime := time.Since(start)

		var storeBytes int64
		gens := graph.NewGenerations(filepath.Join(dataDir, "store"))
		if cur, err := gens.Current(); err == nil {
			if fi, err := os.Stat(filepath.Join(gens.Dir(cur), "indexes.bolt")); err == nil {
				storeBytes = fi.Size()
			}
		}
		b.ReportMetric(fullTime.Seconds(), "full-s")
		b.ReportMetric(sameTime.Seconds(), "unchanged-s")
		b.ReportMetric(oneTime.Seconds(), "one-changed-s")
		b.ReportMetric(100*oneTime.Seconds()/fullTime.Seconds(), "%-of-full")
		b.Logf("%d articles (%.1f MB of text), %d quads, bolt file %.0f MB, %d CPUs: full build %s; no change %s; one article changed %s (%.1f%% of the full build)",
			n, float64(size)/1e6, one.Quads, float64(storeBytes)/1e6, runtime.NumCPU(),
			fullTime.Round(time.Millisecond), sameTime.Round(time.Millisecond), oneTime.Round(time.Millisecond),
			100*oneTime.Seconds()/fullTime.Seconds())
	}
}
