package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

func (a *app) extractCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract --format jsonl PATH...",
		Short: "Extract articles and print one record per article, without touching a store",
		Long: `Extract articles and print one JSON record per article (JSON Lines), in the
format of the gold standard: entities with their mentions, facts and events
with their evidence sentences and claim kinds. No store is opened.`,
		Example: `  newsgraph extract --format jsonl testdata/seeds > seeds.jsonl`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" {
				return fmt.Errorf("--format: unknown format %q (have jsonl)", format)
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetEscapeHTML(false)
			return a.extractAll(cmd.Context(), args, func(rec schema.Record) error { return enc.Encode(rec) })
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl")
	cmd.Flags().String("extractor", "", "extractor (extract.extractor)")
	return cmd
}

// extractAll extracts every article under paths with the configured
// extractor and hands each record to fn. A file that fails is reported on
// stderr and the rest go on; the error then counts the failures.
func (a *app) extractAll(ctx context.Context, paths []string, fn func(schema.Record) error) error {
	x, err := a.extractor()
	if err != nil {
		return err
	}
	failed, total := 0, 0
	err = source.Walk(paths, source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes}, func(art *source.Article, err error) error {
		total++
		if err == nil {
			rec, xerr := x.Extract(ctx, art)
			if xerr == nil {
				return fn(rec)
			}
			err = fmt.Errorf("%s: extracting: %w", art.Path, xerr)
		}
		failed++
		fmt.Fprintln(a.stderr, "newsgraph: error:", err)
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, total)
	}
	return nil
}
