package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// docs returns the doc field of each JSON Lines record, in output order.
func docs(t *testing.T, jsonl string) []string {
	t.Helper()
	var out []string
	for line := range strings.Lines(jsonl) {
		var r struct{ Doc string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v in %q", err, line)
		}
		out = append(out, r.Doc)
	}
	return out
}

// Records come out in file order, and the same bytes, however many
// workers extract them.
func TestExtractOrder(t *testing.T) {
	dir := t.TempDir()
	seeds, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	// Several copies of every seed under names that interleave them, so
	// that long and short articles alternate and workers finish out of order.
	var want []string
	for i := range 4 {
		for _, s := range seeds {
			b, err := os.ReadFile(s)
			if err != nil {
				t.Fatal(err)
			}
			name := string(rune('a'+i)) + "-" + filepath.Base(s)
			b = append(b, []byte("\n\nCopy "+name+".\n")...)
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
			want = append(want, name)
		}
	}
	slices.Sort(want)

	var first string
	for _, w := range []string{"1", "2", "7", "32"} {
		out := newCLI(t).mustRun("extract", "--workers", w, dir)
		if got := docs(t, out); !slices.Equal(got, want) {
			t.Errorf("--workers %s: docs in order\n%v\nwant\n%v", w, got, want)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("--workers %s: output differs from --workers 1", w)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(seedDir, "000_7af7e780556d5353.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"a-good.txt":   seed,
		"b-empty.txt":  nil,
		"c-binary.txt": {0, 1, 2, 0xff, 0xfe, 0},
		"d-good.txt":   seed,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		args     []string
		docs     []string
		stderr   []string // substrings, each on its own line
		exitCode int
	}{
		{"bad files reported, the rest extracted", []string{"extract", dir}, []string{"a-good.txt", "d-good.txt"},
			[]string{"b-empty.txt", "c-binary.txt", "2 of 4 files failed"}, 1},
		{"unknown format", []string{"extract", "--format", "csv", dir}, nil, []string{`--format: unknown format "csv"`}, 1},
		{"missing path", []string{"extract", filepath.Join(dir, "nope")}, nil, []string{"nope"}, 1},
		{"negative workers", []string{"extract", "--workers", "-1", dir}, nil, []string{"extract.workers"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := newCLI(t).run(tt.args...)
			if code != tt.exitCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.exitCode, errs)
			}
			if got := docs(t, out); !slices.Equal(got, tt.docs) {
				t.Errorf("docs %v, want %v", got, tt.docs)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
		})
	}
}

// TestExtractGCRestored: extract raises the collector's target only while
// it runs (the tests and benchmarks run it in their own process), and
// leaves it alone when GOGC is set.
func TestExtractGCRestored(t *testing.T) {
	for _, gogc := range []string{"", "100"} {
		t.Setenv("GOGC", gogc)
		prev := debug.SetGCPercent(123)
		newCLI(t).mustRun("extract", filepath.Join(seedDir, "000_7af7e780556d5353.txt"))
		if got := debug.SetGCPercent(prev); got != 123 {
			t.Errorf("GOGC=%q: the collector's target after extract is %d, want 123 as before", gogc, got)
		}
	}
}
