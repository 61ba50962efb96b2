package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract/eval"
	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) evalCmd() *cobra.Command {
	var goldFile string
	var asJSON, quiet, byRegister bool
	var split string
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score the extractor against annotated articles and list its misses and false hits",
		Long: `Extract the articles under PATH and score the records against a gold
standard (the format of shared/gold/README.md): precision, recall and F1 for
entities, facts and events, then, per article, the gold items missed and the
extracted items with no gold match.`,
		Example: `  newsgraph eval --gold ../shared/gold/seeds.json testdata/seeds`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(goldFile)
			if err != nil {
				return fmt.Errorf("--gold: %w", err)
			}
			g, err := eval.LoadGold(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("--gold %s: %w", goldFile, err)
			}
			var recs []schema.Record
			if err := a.extractAll(cmd.Context(), args, func(r schema.Record) error { recs = append(recs, r); return nil }); err != nil {
				return err
			}
			texts := goldTexts(g, args)
			only := docsWhere(g, func(d eval.GoldDocument) bool { return split == "" || d.Split == split })
			if split != "" && len(only) == 0 {
				return fmt.Errorf("--split %s: no document of %s is in that split", split, goldFile)
			}
			rep := eval.ScoreTexts(g, recs, only, texts)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", " ")
				enc.SetEscapeHTML(false)
				return enc.Encode(rep)
			}
			write := func(w io.Writer) error { return rep.WriteText(w, true) }
			if quiet {
				write = rep.WriteSummary
			}
			if err := write(a.stdout); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout)
			if err := rep.WriteCauses(a.stdout); err != nil {
				return err
			}
			if byRegister {
				return writeByRegister(a.stdout, g, recs, only, texts)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldFile, "gold", "", "gold standard JSON file (required)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print the summary only, not the per-article misses and false hits")
	cmd.Flags().String("extractor", "", "extractor (extract.extractor)")
	cmd.Flags().Int("workers", 0, "extraction workers, 0 for one per CPU (extract.workers)")
	cmd.Flags().StringVar(&split, "split", "", "score only the gold documents of this split (dev, blind)")
	cmd.Flags().BoolVar(&byRegister, "by-register", false, "also print entity, fact and event F1 for each register of the gold's documents")
	cmd.MarkFlagRequired("gold")
	return cmd
}

// goldTexts reads the texts of the gold's articles found directly in the
// directories of paths, for judging the causes of misses. An article not
// found is left out: its misses are judged on their evidence alone.
func goldTexts(g *eval.Gold, paths []string) map[string]string {
	texts := map[string]string{}
	for _, p := range paths {
		for _, d := range g.Documents {
			if b, err := os.ReadFile(filepath.Join(p, d.Doc)); err == nil {
				texts[d.Doc] = string(b)
			}
		}
	}
	return texts
}

// docsWhere lists the gold's documents that keep accepts.
func docsWhere(g *eval.Gold, keep func(eval.GoldDocument) bool) []string {
	var out []string
	for _, d := range g.Documents {
		if keep(d) {
			out = append(out, d.Doc)
		}
	}
	return out
}

// writeByRegister prints one line of F1 scores for each register among
// the documents of only, in order of first appearance.
func writeByRegister(w io.Writer, g *eval.Gold, recs []schema.Record, only []string, texts map[string]string) error {
	in := map[string]bool{}
	for _, d := range only {
		in[d] = true
	}
	var registers []string
	seen := map[string]bool{}
	for _, d := range g.Documents {
		if in[d.Doc] && !seen[d.Register] {
			seen[d.Register] = true
			registers = append(registers, d.Register)
		}
	}
	fmt.Fprintf(w, "\n%-16s %4s %9s %9s %9s\n", "register", "docs", "entity F1", "fact F1", "event F1")
	for _, r := range registers {
		docs := docsWhere(g, func(d eval.GoldDocument) bool { return in[d.Doc] && d.Register == r })
		rep := eval.ScoreTexts(g, recs, docs, texts)
		name := r
		if name == "" {
			name = "(none)"
		}
		if _, err := fmt.Fprintf(w, "%-16s %4d %9.3f %9.3f %9.3f\n", name, rep.Docs, rep.Entities.F1, rep.Facts.F1, rep.Events.F1); err != nil {
			return err
		}
	}
	return nil
}
