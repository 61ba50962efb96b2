// Command bigexport measures the exporters on a large generated graph.
//
//	go run ./graph/export/internal/bigexport -dir /tmp/big -quads 1000000 gen
//	go run ./graph/export/internal/bigexport -dir /tmp/big -format graphml -o /tmp/big.graphml export
//
// gen writes a bolt store of about that many quads (exporttest.Generate);
// export writes it in one format and reports the time, the size of the
// output, the peak resident set (VmHWM, which includes the pages of the
// bolt file mapped into memory) and the peak Go heap, sampled.
// Run export under /usr/bin/time -v for an outside view of the same.
//
// Measured 2026-11-22 on the 2-core development machine, shared with
// other builds (load average 10 to 13, so wall times vary; CPU time is
// the steadier figure), on a generated bolt store of 1,000,829 quads
// (134,316 nodes; 19,000 of them entities and events; 277 MB file):
//
//	format            output   wall    CPU (user+sys)  peak RSS  peak Go heap
//	graphml           42 MB    13-43 s  9.0 s          445 MB    165 MB
//	graphml --merge   51 MB    16 s     8.5 s          443 MB    164 MB
//	jsonl             24 MB    13 s     7.9 s          467 MB    166 MB
//	nquads            89 MB    16 s     7.5 s          389 MB    158 MB
//
// Opening the store alone takes 300 MB of RSS (the bolt file's pages and
// Cayley's 74 MB bloom filter of quads); the exporter's own heap does not
// grow with the graph: on a 143,162-quad store the peak Go heap was
// 156 MB, on the million-quad store 165 MB (the garbage collector lets
// the heap reach twice the live 80 MB).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/export/exporttest"
)

func main() {
	dir := flag.String("dir", "", "store directory (bolt)")
	quads := flag.Int("quads", 1_000_000, "gen: about how many quads")
	var o exportOptions
	flag.StringVar(&o.format, "format", "graphml", "export: format")
	flag.StringVar(&o.out, "o", "", "export: output file (default: discard)")
	flag.BoolVar(&o.merge, "merge-edges", false, "export: merge edges")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "export: write a CPU profile")
	flag.StringVar(&o.memprofile, "memprofile", "", "export: write a heap profile at the end")
	flag.Parse()
	if *dir == "" || flag.NArg() != 1 {
		log.Fatal("usage: bigexport -dir DIR [flags] gen|export")
	}
	ctx := context.Background()
	opened := time.Now()
	st, err := graph.Open(ctx, graph.Config{Path: *dir})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	o.openTime = time.Since(opened)
	switch flag.Arg(0) {
	case "gen":
		err = gen(ctx, st, *quads)
	case "export":
		err = exportOnce(ctx, st, o)
	default:
		err = fmt.Errorf("unknown command %q", flag.Arg(0))
	}
	if err != nil {
		log.Fatal(err)
	}
}

// gen loads a generated graph of about quads quads into st.
func gen(ctx context.Context, st *graph.Store, quads int) error {
	start := time.Now()
	n, err := exporttest.LoadGenerated(ctx, st, exporttest.ArticlesFor(quads), 20_000)
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("generated %d quads (%d in the store, %d nodes) in %s\n", n, stats.Quads, stats.Nodes, time.Since(start).Round(time.Millisecond))
	return nil
}

// exportOptions are export's flags, and how long opening the store took.
type exportOptions struct {
	format, out, cpuprofile, memprofile string
	merge                               bool
	openTime                            time.Duration
}

// exportOnce exports st once and reports the time, the output's size and
// the peak memory.
func exportOnce(ctx context.Context, st *graph.Store, o exportOptions) error {
	e, err := export.Get(o.format)
	if err != nil {
		return err
	}
	var w io.Writer = io.Discard
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	cw := &countWriter{w: w}
	peakHeap, stop := sampleHeap()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("store opened in %s: RSS %s, Go heap in use %d MB\n", o.openTime.Round(time.Millisecond), vmRSS(), ms.HeapInuse>>20)
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	if err := e.Export(ctx, st.Reader(), cw, export.Options{MergeEdges: o.merge}); err != nil {
		return err
	}
	elapsed := time.Since(start)
	stop()
	if o.memprofile != "" {
		f, err := os.Create(o.memprofile)
		if err != nil {
			return err
		}
		pprof.WriteHeapProfile(f)
		f.Close()
	}
	stats, _ := st.Stats(ctx)
	fmt.Printf("exported %d quads as %s (%d MB) in %s; peak RSS %s, peak Go heap in use %d MB\n",
		stats.Quads, o.format, cw.n>>20, elapsed.Round(time.Millisecond), vmHWM(), peakHeap.Load()>>20)
	return nil
}

// sampleHeap samples the Go heap in use every 100 ms until stop is
// called, keeping the peak: an outside tool sees the resident set, not
// the heap.
func sampleHeap() (peak *atomic.Uint64, stop func()) {
	peak = new(atomic.Uint64)
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	return peak, func() { close(done) }
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// vmHWM is the process's peak resident set size, from /proc.
func vmHWM() string { return procStatus("VmHWM:") }

// vmRSS is the process's resident set size now, from /proc.
func vmRSS() string { return procStatus("VmRSS:") }

func procStatus(field string) string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
