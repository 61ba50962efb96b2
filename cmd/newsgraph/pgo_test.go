package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
)

// TestPGOProfile writes default.pgo, the CPU profile the go command builds
// newsgraph with (profile-guided optimisation: `go build` and `go test` use
// a main package's default.pgo unless -pgo says otherwise). It runs only
// when NEWSGRAPH_PGO_DIR names a directory of articles, and profiles
// `newsgraph extract --format jsonl` over it, a few passes; extract/default.pgo
// (the same profile, for the extractor's benchmark) is a copy:
//
//	go run ./cmd/newsgraph-bench gen -n 2000 -seed 1 -out /tmp/gen2k
//	NEWSGRAPH_PGO_DIR=/tmp/gen2k go test ./cmd/newsgraph -run '^TestPGOProfile$' -count 1
//	cp cmd/newsgraph/default.pgo extract/default.pgo
//
// docs/performance.md ("the third round") says when to make it again.
func TestPGOProfile(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_PGO_DIR")
	if dir == "" {
		t.Skip("NEWSGRAPH_PGO_DIR is not set")
	}
	env := []string{"NEWSGRAPH_DATA_DIR=" + filepath.Join(t.TempDir(), "data")}
	args := []string{"extract", "--format", "jsonl", dir}
	var prof bytes.Buffer
	if err := pprof.StartCPUProfile(&prof); err != nil {
		t.Fatal(err)
	}
	for range pgoPasses {
		var errb bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader(""), io.Discard, &errb, env); code != 0 {
			pprof.StopCPUProfile()
			t.Fatalf("newsgraph %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
	}
	pprof.StopCPUProfile()
	if err := os.WriteFile("default.pgo", prof.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("default.pgo: %d bytes", prof.Len())
}

// pgoPasses is how many times TestPGOProfile extracts its directory: on
// 2,000 generated articles, some 2,300 samples (75 KB). Twelve passes
// (1,200 samples) left the compiler's inlining to chance: two profiles
// made one after the other built binaries 1.5 % apart in instructions.
const pgoPasses = 36
