package source

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// BenchmarkParse measures Parse on plain text, article by article: the
// five seed articles, noise and all, as separate inputs (validation,
// hashing, decoding and cleaning). Run:
//
//	go test ./source -run '^$' -bench 'Parse' -benchmem
func BenchmarkParse(b *testing.B) {
	var raws [][]byte
	total := 0
	for _, path := range seedFiles(b) {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	defer reportCPURate(b, int64(total))()
	for b.Loop() {
		for _, raw := range raws {
			if _, err := Parse("seed.txt", "", raw, "text/plain", Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// reportCPURate reports MB per CPU-second of the process (with -cpu 1,
// the benchmark's own CPU time plus a little runtime overhead) next to
// MB/s of wall time. Call as defer reportCPURate(b, bytesPerOp)().
func reportCPURate(b *testing.B, bytesPerOp int64) func() {
	start, ok := cpuTime()
	return func() {
		end, _ := cpuTime()
		if ok && end > start && b.N > 0 {
			b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/(end-start).Seconds(), "MB/cpu-s")
		}
	}
}

// BenchmarkParseLarge measures Parse on one 4 MiB plain text: the seeds
// repeated, without their comment forms (which would cut the rest), so
// every line goes through every stage. The kept/op metric is the
// fraction of the input that survives as text.
func BenchmarkParseLarge(b *testing.B) {
	var buf bytes.Buffer
	for _, path := range seedFiles(b) {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if classifyBoiler(tidyLine(line)) != boilerComment {
				buf.WriteString(line)
				buf.WriteByte('\n')
			}
		}
		buf.WriteString("\n")
	}
	raw := bytes.Repeat(buf.Bytes(), (4<<20)/buf.Len()+1)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	defer reportCPURate(b, int64(len(raw)))()
	var a *Article
	for b.Loop() {
		var err error
		if a, err = Parse("large.txt", "", raw, "text/plain", Options{MaxBytes: -1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a.Text))/float64(len(raw)), "kept/op")
}

// BenchmarkParseHTML measures Parse on the test news page (readability
// dominates).
func BenchmarkParseHTML(b *testing.B) {
	raw, err := os.ReadFile(newsPagePath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("page.html", "", raw, "text/html", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
