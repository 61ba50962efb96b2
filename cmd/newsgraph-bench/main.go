// Command newsgraph-bench generates synthetic corpora and measures
// newsgraph's store: loading speed per backend and write path, store size,
// and path-query latency. bench/bench.sh drives it, with `newsgraph build`,
// to produce the table in docs/performance.md.
//
//	newsgraph-bench gen   -n 10000 -seed 1 -out DIR
//	newsgraph-bench load  -backend postgres -dsn DSN -quads 100000 -mode copy
//	newsgraph-bench paths -backend bolt -path DIR -queries 200
//	newsgraph-bench paths -backend bolt -path DIR -queries 200 -index   # as serve answers
//	newsgraph-bench size  -backend postgres -dsn DSN
//
// Every subcommand prints one JSON object on stdout.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	_ "github.com/lib/pq"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: newsgraph-bench gen|load|paths|size [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "load":
		err = load(os.Args[2:])
	case "paths":
		err = paths(os.Args[2:])
	case "size":
		err = size(os.Args[2:])
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph-bench:", err)
		os.Exit(1)
	}
}

func emit(v any) error {
	enc := json.NewEncoder(os.Stdout)
	return enc.Encode(v)
}

func gen(args []string) error {
	fl := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fl.Int("n", 1000, "number of articles")
	seed := fl.Int64("seed", 1, "seed")
	out := fl.String("out", "", "directory to write (must not exist or be empty)")
	fl.Parse(args)
	if *out == "" {
		return fmt.Errorf("gen: -out is required")
	}
	start := time.Now()
	bytes, err := corpus.WriteDir(*out, *seed, *n, 4)
	if err != nil {
		return err
	}
	return emit(map[string]any{"articles": *n, "seed": *seed, "bytes": bytes, "seconds": time.Since(start).Seconds()})
}

type storeFlags struct {
	backend, path, dsn *string
}

func addStoreFlags(fl *flag.FlagSet) storeFlags {
	return storeFlags{
		backend: fl.String("backend", "bolt", "bolt or postgres"),
		path:    fl.String("path", "", "bolt store directory"),
		dsn:     fl.String("dsn", os.Getenv("NEWSGRAPH_STORE_DSN"), "postgres DSN (default $NEWSGRAPH_STORE_DSN)"),
	}
}

func (f storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{Backend: *f.backend, Path: *f.path, DSN: *f.dsn, ReadOnly: readOnly})
}

// load measures loading quads made from the generator's ideal records.
func load(args []string) error {
	fl := flag.NewFlagSet("load", flag.ExitOnError)
	sf := addStoreFlags(fl)
	nq := fl.Int("quads", 100000, "number of quads to load (whole articles, so a few more)")
	seed := fl.Int64("seed", 1, "seed")
	batch := fl.Int("batch", 10000, "quads per transaction (modes tx, copy, cayley)")
	mode := fl.String("mode", "tx", "article: one Replace per article (as build does); tx: Replace of -batch quads; copy: BulkLoad of -batch quads; cayley: Cayley's own writer, -batch quads per transaction")
	workers := fl.Int("workers", 1, "concurrent loaders (modes tx, copy, article)")
	deferIx := fl.Bool("defer", false, "load as a first build does (Store.DeferIndexes into an empty store), the indexes' build timed too")
	fl.Parse(args)
	ctx := context.Background()
	// Make the quads first: only loading is timed.
	arts, total, err := generatedArticles(*seed, *nq)
	if err != nil {
		return err
	}
	batches := arts
	if *mode != "article" {
		batches = rebatch(arts, *batch)
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	// Stats on a never-written bolt store fails ("kv: no bucket"): count 0.
	before, _ := st.Stats(ctx)
	one, err := loader(ctx, st, *mode)
	if err != nil {
		return err
	}
	start := time.Now()
	restore := func(context.Context) error { return nil }
	if *deferIx {
		if restore, err = st.DeferIndexes(ctx); err != nil {
			return err
		}
	}
	tenths, err := loadAll(batches, total, *workers, one)
	if err != nil {
		return err
	}
	loaded := time.Now()
	if err := restore(ctx); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	after, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	return emit(map[string]any{
		"backend": *sf.backend, "mode": *mode, "batch": *batch, "workers": *workers, "articles": len(arts),
		"quads": total, "added": after.Quads - before.Quads, "store_quads": after.Quads,
		"seconds": secs, "quads_per_s": float64(total) / secs, "tenths_quads_per_s": tenths,
		"defer": *deferIx, "restore_seconds": time.Since(loaded).Seconds(),
	})
}

// generatedArticles makes the quads of generated articles, whole
// articles until there are at least nq quads, and their total.
func generatedArticles(seed int64, nq int) ([][]quad.Quad, int, error) {
	g := corpus.New(seed, nq/100+1)
	var arts [][]quad.Quad
	total := 0
	for i := 0; total < nq; i++ {
		qs, rej := schema.ToQuads(g.Article(i).Record, "gen/1")
		if len(rej) > 0 {
			return nil, 0, fmt.Errorf("generated article %d rejected: %v", i, rej[0])
		}
		arts = append(arts, qs)
		total += len(qs)
	}
	return arts, total, nil
}

// rebatch joins articles' quads into batches of at least size quads.
func rebatch(arts [][]quad.Quad, size int) [][]quad.Quad {
	var batches [][]quad.Quad
	var cur []quad.Quad
	for _, a := range arts {
		cur = append(cur, a...)
		if len(cur) >= size {
			batches = append(batches, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	return batches
}

// loader returns what loads one batch in the given mode.
func loader(ctx context.Context, st *graph.Store, mode string) (func([]quad.Quad) error, error) {
	switch mode {
	case "article", "tx":
		return func(b []quad.Quad) error {
			_, err := st.Replace(ctx, nil, b)
			return err
		}, nil
	case "copy":
		return func(b []quad.Quad) error { return st.BulkLoad(ctx, b) }, nil
	case "cayley":
		cw, err := cgraph.NewQuadWriter("single", st.QuadStore(), cgraph.Options{"ignore_duplicate": true})
		if err != nil {
			return nil, err
		}
		return func(b []quad.Quad) error {
			tx := cgraph.NewTransactionN(len(b))
			for _, q := range b {
				tx.AddQuad(q)
			}
			return cw.ApplyTransaction(tx)
		}, nil
	}
	return func([]quad.Quad) error { return fmt.Errorf("load: unknown mode %q", mode) }, nil
}

// loadAll loads the batches with workers concurrent loaders and returns
// the throughput of each tenth of the load, to see whether loading slows
// down as the store grows.
func loadAll(batches [][]quad.Quad, total, workers int, one func([]quad.Quad) error) ([]float64, error) {
	next := make(chan []quad.Quad)
	errs := make(chan error, workers)
	for k := 0; k < workers; k++ {
		go func() {
			var first error
			for b := range next {
				if err := one(b); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		}()
	}
	var tenths []float64
	sent, mark, markT := 0, 0, time.Now()
	for _, b := range batches {
		next <- b
		sent += len(b)
		if sent-mark >= total/10 {
			now := time.Now()
			tenths = append(tenths, float64(sent-mark)/now.Sub(markT).Seconds())
			mark, markT = sent, now
		}
	}
	close(next)
	var err error
	for k := 0; k < workers; k++ {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	return tenths, err
}

// paths measures path-query latency between random pairs of entities
// (or one pair, -from and -to), as a one-shot command reads the store, or
// with -index through the in-memory link index newsgraph serve builds.
func paths(args []string) error {
	fl := flag.NewFlagSet("paths", flag.ExitOnError)
	sf := addStoreFlags(fl)
	n := fl.Int("queries", 200, "number of path queries")
	seed := fl.Int64("seed", 1, "seed for choosing endpoints")
	timeout := fl.Duration("timeout", 10*time.Second, "timeout of one query")
	verbose := fl.Bool("v", false, "print each query's endpoints, latency and expanded nodes on stderr")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the queries to this file")
	index := fl.Bool("index", false, "build the in-memory link index first, as newsgraph serve does, and query through it")
	from := fl.String("from", "", "with -to, ask every query between these two IRIs instead of random endpoints")
	to := fl.String("to", "", "see -from")
	k := fl.Int("k", path.DefaultK, "paths per query")
	answers := fl.String("json", "", "write each query's answer (or error) to this file, one JSON line a query, to compare two builds' answers")
	fl.Parse(args)
	ctx := context.Background()
	t0 := time.Now()
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	openS := time.Since(t0).Seconds()
	// Endpoints: groups, bases and people, as an analyst would ask.
	var nodes []quad.Value
	for _, t := range []string{schema.ArmedGroup, schema.MilitaryBase, schema.Person} {
		vs, err := st.Subjects(ctx, schema.RDFType, schema.TypeIRI(t))
		if err != nil {
			return err
		}
		nodes = append(nodes, vs...)
	}
	if len(nodes) < 2 {
		return fmt.Errorf("paths: the store has %d groups, bases and people", len(nodes))
	}
	sort.Slice(nodes, func(i, j int) bool { return quad.StringOf(nodes[i]) < quad.StringOf(nodes[j]) })
	r := rand.New(rand.NewSource(*seed))
	f := path.New(st.Reader())
	indexS := 0.0
	if *index {
		t0 := time.Now()
		if _, err := f.BuildIndex(ctx); err != nil {
			return err
		}
		indexS = time.Since(t0).Seconds()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var out *json.Encoder
	if *answers != "" {
		f, err := os.Create(*answers)
		if err != nil {
			return err
		}
		defer f.Close()
		out = json.NewEncoder(f)
	}
	var lat, cpu []float64
	found, timeouts, failed, expanded := 0, 0, 0, 0
	start := time.Now()
	for i := 0; i < *n; i++ {
		a, b := nodes[r.Intn(len(nodes))], nodes[r.Intn(len(nodes))]
		if *from != "" && *to != "" {
			a, b = quad.IRI(*from), quad.IRI(*to)
		}
		qctx, cancel := context.WithTimeout(ctx, *timeout)
		t0, c0 := time.Now(), cpuTime()
		res, err := f.Paths(qctx, a, b, path.Options{K: *k})
		d := time.Since(t0)
		cancel()
		lat = append(lat, d.Seconds()*1000)
		cpu = append(cpu, (cpuTime()-c0).Seconds()*1000)
		switch {
		case err != nil && qctx.Err() != nil:
			timeouts++
		case err != nil:
			failed++
		default:
			expanded += res.Expanded
			if len(res.Paths) > 0 {
				found++
			}
		}
		if out != nil {
			line := map[string]any{"from": a, "to": b, "result": res}
			if err != nil {
				line["error"] = err.Error()
			}
			if err := out.Encode(line); err != nil {
				return err
			}
		}
		if *verbose {
			n := 0
			if res != nil {
				n = res.Expanded
			}
			fmt.Fprintf(os.Stderr, "%8.1f ms  %8.1f ms CPU  %s .. %s  expanded %d  err %v\n", d.Seconds()*1000, cpu[len(cpu)-1], a, b, n, err)
		}
	}
	sort.Float64s(lat)
	sort.Float64s(cpu)
	pct := func(p float64) float64 { return lat[int(p*float64(len(lat)-1)+0.5)] }
	cpct := func(p float64) float64 { return cpu[int(p*float64(len(cpu)-1)+0.5)] }
	return emit(map[string]any{
		"backend": *sf.backend, "queries": *n, "endpoints": len(nodes), "found": found, "timeouts": timeouts, "errors": failed,
		"p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99), "max_ms": lat[len(lat)-1],
		"cpu_p50_ms": cpct(0.50), "cpu_p99_ms": cpct(0.99), "cpu_ms": sum(cpu),
		"mean_expanded": float64(expanded) / float64(*n), "seconds": time.Since(start).Seconds(), "open_s": openS,
		"index": *index, "index_s": indexS,
	})
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// cpuTime is the CPU time (user and system) the process has used: a
// query's, measured around it, does not depend on what else runs on the
// machine the way its wall time does, so figures from a shared machine
// can be compared.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// size reports the store's size on disk and its counts.
func size(args []string) error {
	fl := flag.NewFlagSet("size", flag.ExitOnError)
	sf := addStoreFlags(fl)
	fl.Parse(args)
	ctx := context.Background()
	var bytes int64
	switch *sf.backend {
	case "bolt":
		err := filepath.WalkDir(*sf.path, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					bytes += info.Size()
				}
			}
			return err
		})
		if err != nil {
			return err
		}
	case "postgres":
		db, err := sql.Open("postgres", *sf.dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&bytes); err != nil {
			return err
		}
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	return emit(map[string]any{"backend": *sf.backend, "bytes": bytes, "quads": s.Quads, "nodes": s.Nodes})
}
