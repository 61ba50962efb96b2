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
	format := flag.String("format", "graphml", "export: format")
	out := flag.String("o", "", "export: output file (default: discard)")
	merge := flag.Bool("merge-edges", false, "export: merge edges")
	cpuprofile := flag.String("cpuprofile", "", "export: write a CPU profile")
	memprofile := flag.String("memprofile", "", "export: write a heap profile at the end")
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
	openTime := time.Since(opened)
	switch flag.Arg(0) {
	case "gen":
		start := time.Now()
		n, err := exporttest.LoadGenerated(ctx, st, exporttest.ArticlesFor(*quads), 20_000)
		if err != nil {
			log.Fatal(err)
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("generated %d quads (%d in the store, %d nodes) in %s\n", n, stats.Quads, stats.Nodes, time.Since(start).Round(time.Millisecond))
	case "export":
		e, err := export.Get(*format)
		if err != nil {
			log.Fatal(err)
		}
		var w io.Writer = io.Discard
		if *out != "" {
			f, err := os.Create(*out)
			if err != nil {
				log.Fatal(err)
			}
			defer f.Close()
			w = f
		}
		cw := &countWriter{w: w}
		var peakHeap atomic.Uint64
		stop := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peakHeap.Load() {
					peakHeap.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		}()
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		fmt.Printf("store opened in %s: RSS %s, Go heap in use %d MB\n", openTime.Round(time.Millisecond), vmRSS(), ms.HeapInuse>>20)
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err != nil {
				log.Fatal(err)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		start := time.Now()
		if err := e.Export(ctx, st.Reader(), cw, export.Options{MergeEdges: *merge}); err != nil {
			log.Fatal(err)
		}
		elapsed := time.Since(start)
		close(stop)
		if *memprofile != "" {
			f, err := os.Create(*memprofile)
			if err != nil {
				log.Fatal(err)
			}
			pprof.WriteHeapProfile(f)
			f.Close()
		}
		stats, _ := st.Stats(ctx)
		fmt.Printf("exported %d quads as %s (%d MB) in %s; peak RSS %s, peak Go heap in use %d MB\n",
			stats.Quads, *format, cw.n>>20, elapsed.Round(time.Millisecond), vmHWM(), peakHeap.Load()>>20)
	default:
		log.Fatalf("unknown command %q", flag.Arg(0))
	}
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
