package server

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoExtractor keeps the read side apart from the write side: the
// server resolves names with names and translit, and must not link the
// extractor (its lexicon, frames and rules) or the build pipeline.
func TestLinksNoExtractor(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"/extract", "/pipeline", "/rebuild", "/ingest"} {
			if strings.HasPrefix(dep, "github.com/newsgraph/newsgraph") && strings.Contains(dep, banned) {
				t.Errorf("graph/server links %s", dep)
			}
		}
	}
}
