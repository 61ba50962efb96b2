package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
)

// BenchmarkExtractCommand measures `newsgraph extract --format jsonl` on
// the seed articles, the text BenchmarkExtract (package extract) gives the
// extractor alone: reading the files, the workers (one per CPU; -cpu sets
// how many run at once) and the JSON out are the difference between the two.
//
//	go test ./cmd/newsgraph -run '^$' -bench BenchmarkExtractCommand -cpu 1,2
func BenchmarkExtractCommand(b *testing.B) {
	root := filepath.Join("..", "..")
	_, size := benchcpu.Seeds(b, root)
	env := []string{"NEWSGRAPH_DATA_DIR=" + filepath.Join(b.TempDir(), "data")}
	args := []string{"extract", "--format", "jsonl", filepath.Join(root, benchcpu.SeedsDir)}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	defer benchcpu.ReportCPU(b, size)()
	for b.Loop() {
		var errb bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader(""), io.Discard, &errb, env); code != 0 {
			b.Fatalf("newsgraph %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
	}
}
