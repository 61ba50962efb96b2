package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/eval"
)

// TestExtractionTargets holds the rule-based extractor to the quality
// targets on the seed articles (the extraction issue's figures), and to a
// floor on the held-out articles, which were written and annotated without
// looking at the rules and so show how the rules generalise. A change that
// lowers either fails here with the misses listed by newsgraph eval.
func TestExtractionTargets(t *testing.T) {
	heldout, err := filepath.Glob(filepath.Join("..", "..", "testdata", "heldout", "*.txt"))
	if err != nil || len(heldout) == 0 {
		t.Fatalf("no held-out articles: %v", err)
	}
	tests := []struct {
		name                            string
		gold                            string
		paths                           []string
		entF1, typedP, factF1, kind, ev float64
	}{
		{"seeds", filepath.Join("..", "..", "extract", "eval", "testdata", "seeds.json"), []string{seedDir}, 0.90, 0.85, 0.60, 0.75, 0.60},
		{"heldout", filepath.Join("..", "..", "testdata", "heldout", "gold.json"), heldout, 0.85, 0.85, 0.40, 0.75, 0.40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			out := c.mustRun(append([]string{"eval", "--json", "--gold", tt.gold}, tt.paths...)...)
			var r eval.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			check := func(what string, got, floor float64) {
				if got < floor {
					t.Errorf("%s %.3f, below %.2f", what, got, floor)
				}
			}
			check("entity F1", r.Entities.F1, tt.entF1)
			check("typed entity precision", r.EntitiesTypedP, tt.typedP)
			check("fact F1", r.Facts.F1, tt.factF1)
			check("claim-kind accuracy", r.Facts.KindAcc, tt.kind)
			check("event F1", r.Events.F1, tt.ev)
			if tt.name == "seeds" && (len(r.SplitGoldEntities) > 0 || len(r.MergedSystemEntities) > 0) {
				t.Errorf("split gold entities %v, system ids spanning several %v", r.SplitGoldEntities, r.MergedSystemEntities)
			}
			if t.Failed() {
				text, _, _ := c.run(append([]string{"eval", "-q", "--gold", tt.gold}, tt.paths...)...)
				t.Logf("newsgraph eval says:\n%s", strings.TrimSpace(text))
			}
		})
	}
}
