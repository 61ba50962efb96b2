package extract

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// BenchmarkExtract measures end-to-end throughput (text in, records out)
// over the seed articles:
//
//	go test ./extract -run '^$' -bench BenchmarkExtract -cpu 2
func BenchmarkExtract(b *testing.B) {
	arts := seedArticles(b)
	x := NewRules(DefaultLexicon())
	var size int64
	for _, a := range arts {
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() {
		// On a shared machine wall time says little; CPU time per byte is
		// what the extractor costs. Throughput on n cores is about n times
		// this figure.
		if s := (cpuTime() - cpu0).Seconds(); s > 0 {
			b.ReportMetric(float64(size)*float64(b.N)/s/1e6, "MB/cpu-s")
		}
	}()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			for _, a := range arts {
				if _, err := x.Extract(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
