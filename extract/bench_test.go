package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
)

// BenchmarkExtract measures end-to-end throughput (text in, records out)
// over the seed articles:
//
//	go test ./extract -run '^$' -bench BenchmarkExtract -cpu 1,2
//
// BenchmarkExtractCommand in cmd/newsgraph measures the whole command on
// the same articles; the difference is what reading files, the workers and
// the JSON cost.
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
	defer benchcpu.ReportCPU(b, size)()
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
