package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		fails  bool
	}{
		{"turkish-transliteration.txt", []string{"explain", "Cafer al-Husayni"}, false},
		{"typo-spelling.txt", []string{"explain", "Kataib Hizbollah"}, false},
		{"short-form-in-article.txt", []string{"explain", "Atwan", "--in", filepath.Join(seedDir, "001_523f84f5b651b2cc.txt")}, false},
		{"unknown.txt", []string{"explain", "Zorgon Brigade"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			c := newCLI(t)
			out, errs, code := c.run(tt.args...)
			if (code != 0) != tt.fails {
				t.Fatalf("exit %d, stderr %s", code, errs)
			}
			golden(t, filepath.Join("explain", tt.golden), out)
		})
	}
	// Different people who share a given name are not merged.
	c := newCLI(t)
	a := c.mustRun("explain", "Hussein Allawi")
	b, _, _ := c.run("explain", "Hussein al-Musawi")
	if strings.Contains(b, "hussein-allawi") || !strings.Contains(a, "hussein-allawi") {
		t.Errorf("Allawi and al-Musawi resolved together:\n%s\n%s", a, b)
	}
}
