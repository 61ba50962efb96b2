package path

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path/synth"
	"github.com/newsgraph/newsgraph/schema"
)

// The path benchmark runs on a bolt store of the deterministic synthetic
// graph (package synth). Building it takes about 15 s; set
// NEWSGRAPH_BENCH_STORE to a directory to keep it between runs.
//
//	go test ./graph/path -run '^$' -bench Paths1M -benchtime 400x
//
// It reports the p50 and p99 latency of whole queries (k = 3 paths of at
// most 4 hops, with the evidence of every hop), as an analyst would run
// them, over pairs of entities drawn two ways: uniformly among the
// entities of the graph, and in proportion to how many articles mention
// them (so that hubs are often an endpoint).
const (
	benchSeed  = 1
	benchQuads = 1_000_000
)

func benchStore(b *testing.B) *graph.Store {
	b.Helper()
	ctx := context.Background()
	dir := os.Getenv("NEWSGRAPH_BENCH_STORE")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "store")
	}
	marker := filepath.Join(dir, "synth-complete")
	want := fmt.Sprintf("seed %d quads %d\n", benchSeed, benchQuads)
	if got, err := os.ReadFile(marker); err != nil || string(got) != want {
		os.RemoveAll(dir)
		st, err := graph.Open(ctx, graph.Config{Path: dir})
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		n, err := synth.Load(ctx, st, benchSeed, benchQuads, 20000)
		if err != nil {
			b.Fatal(err)
		}
		stats, _ := st.Stats(ctx)
		b.Logf("built %d articles, %d quads, %d nodes in %s", n, stats.Quads, stats.Nodes, time.Since(t0).Round(time.Millisecond))
		st.Close()
		if err := os.WriteFile(marker, []byte(want), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	st, err := graph.Open(ctx, graph.Config{Path: dir})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func BenchmarkPaths1M(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	stats, _ := st.Stats(ctx)
	b.Logf("store: %d quads", stats.Quads)
	// Entities present in the store, with their mention counts.
	v := newView(ctx, st.Reader(), nil)
	var ents []quad.IRI
	var weights []int
	for _, e := range synth.New(benchSeed, benchQuads).Entities() {
		if id, ok := v.lookup(e); ok {
			ents = append(ents, e)
			weights = append(weights, v.mentions(id))
		}
	}
	total := 0
	for _, w := range weights {
		total += w
	}
	b.Logf("%d entities in the graph", len(ents))
	draws := map[string]func(r *rand.Rand) quad.IRI{
		"uniform": func(r *rand.Rand) quad.IRI { return ents[r.IntN(len(ents))] },
		"by-mentions": func(r *rand.Rand) quad.IRI {
			x := r.IntN(total)
			for i, w := range weights {
				if x < w {
					return ents[i]
				}
				x -= w
			}
			return ents[len(ents)-1]
		},
	}
	indexed := New(st.Reader())
	is, err := indexed.BuildIndex(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("index: %+v", is)
	for _, name := range []string{"cold/uniform", "cold/by-mentions", "indexed/uniform", "indexed/by-mentions"} {
		draw := draws[strings.TrimPrefix(strings.TrimPrefix(name, "cold/"), "indexed/")]
		b.Run(name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(42, 42))
			f := New(st.Reader())
			if strings.HasPrefix(name, "indexed/") {
				f = indexed
			}
			var lat []time.Duration
			found, expanded := 0, 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a, c := draw(r), draw(r)
				for a == c {
					c = draw(r)
				}
				t0 := time.Now()
				res, err := f.Paths(ctx, a, c, Options{})
				lat = append(lat, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Paths) > 0 {
					found++
				}
				expanded += res.Expanded
				if d := lat[len(lat)-1]; d > 100*time.Millisecond && testing.Verbose() {
					b.Logf("%s -> %s: %s, %d paths, %+v", a, c, d, len(res.Paths), res.stats)
				}
			}
			b.StopTimer()
			slices.Sort(lat)
			pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
			b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
			b.ReportMetric(float64(found)/float64(b.N), "found")
			b.ReportMetric(float64(expanded)/float64(b.N), "expanded/op")
		})
	}
}

// keep sort imported for helpers shared with other benchmarks.
var _ = sort.Ints
var _ = schema.Prefix
