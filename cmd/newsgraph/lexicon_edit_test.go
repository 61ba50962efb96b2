package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconEditAgreement edits the lexicon between runs, as a user does
// by adding an alias to armed_groups.yaml (here in extract.lexicon_dir,
// which overlays the embedded lexicon): build and rebuild both find every
// article unchanged before the edit, and none after it, since every
// article may now extract differently.
func TestLexiconEditAgreement(t *testing.T) {
	embedded, err := os.ReadFile(filepath.Join("..", "..", "extract", "lexicon", "armed_groups.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	commands := []struct {
		name      string
		args      []string
		unchanged func(n string) string // the summary's words for n unchanged articles
	}{
		{"build", []string{"build", seedDir}, func(n string) string { return "changed, " + n + " unchanged" }},
		{"rebuild", []string{"rebuild", "--source", seedDir}, func(n string) string { return "removed, " + n + " unchanged" }},
	}
	for _, cmd := range commands {
		t.Run(cmd.name, func(t *testing.T) {
			c := newCLI(t)
			lexicon := t.TempDir()
			c.env["NEWSGRAPH_EXTRACT_LEXICON_DIR"] = lexicon
			file := filepath.Join(lexicon, "armed_groups.yaml")
			if err := os.WriteFile(file, embedded, 0o644); err != nil {
				t.Fatal(err)
			}
			c.mustRun(cmd.args...)
			if out := c.mustRun(cmd.args...); !strings.Contains(out, cmd.unchanged("5")) {
				t.Errorf("again with the same lexicon: %s", out)
			}
			edited := strings.Replace(string(embedded), "aliases: [Hezbollah Brigades,", "aliases: [Kataib Hizbullah Brigades, Hezbollah Brigades,", 1)
			if edited == string(embedded) {
				t.Fatal("the alias list of Kata'ib Hezbollah was not found in armed_groups.yaml")
			}
			if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			if out := c.mustRun(cmd.args...); !strings.Contains(out, cmd.unchanged("0")) {
				t.Errorf("after an alias was added: %s", out)
			}
			if out := c.mustRun(cmd.args...); !strings.Contains(out, cmd.unchanged("5")) {
				t.Errorf("again after the edit: %s", out)
			}
		})
	}
}
