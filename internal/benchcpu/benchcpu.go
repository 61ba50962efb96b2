// Package benchcpu holds what the extraction benchmarks share, so that
// BenchmarkExtract (the extractor alone, package extract) and
// BenchmarkExtractCommand (the whole `newsgraph extract`: reading files,
// workers, JSON out, package main) read the same text and report the same
// figures, and the one cannot drift from the other unnoticed.
package benchcpu

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// SeedsDir is the directory of the articles both benchmarks extract,
// relative to the module's root.
const SeedsDir = "testdata/seeds"

// Seeds returns the seed articles' files (sorted) and their total size in
// bytes; root is the module's root relative to the caller's directory.
func Seeds(tb testing.TB, root string) ([]string, int64) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(root, SeedsDir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles in %s: %v", filepath.Join(root, SeedsDir), err)
	}
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			tb.Fatal(err)
		}
		size += fi.Size()
	}
	return files, size
}

// ReportCPU makes b report MB of text per CPU-second of the process, for
// size bytes an operation, from now until the function it returns is
// called (when the timed loop ends). On a shared machine wall time says
// little; CPU time per byte is what extraction costs, and throughput on n
// cores is about n times this figure.
func ReportCPU(b *testing.B, size int64) (stop func()) {
	cpu0 := cpuTime()
	return func() {
		if s := (cpuTime() - cpu0).Seconds(); s > 0 {
			b.ReportMetric(float64(size)*float64(b.N)/s/1e6, "MB/cpu-s")
		}
	}
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
