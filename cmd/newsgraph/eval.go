package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract/eval"
	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) evalCmd() *cobra.Command {
	var goldFile string
	var asJSON, quiet bool
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
			rep := eval.Score(g, recs)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", " ")
				enc.SetEscapeHTML(false)
				return enc.Encode(rep)
			}
			return rep.WriteText(a.stdout, !quiet)
		},
	}
	cmd.Flags().StringVar(&goldFile, "gold", "", "gold standard JSON file (required)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print the summary only, not the per-article misses and false hits")
	cmd.Flags().String("extractor", "", "extractor (extract.extractor)")
	cmd.Flags().Int("workers", 0, "extraction workers, 0 for one per CPU (extract.workers)")
	cmd.MarkFlagRequired("gold")
	return cmd
}
