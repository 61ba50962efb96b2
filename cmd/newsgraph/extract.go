package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"

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
	cmd.Flags().Int("workers", 0, "extraction workers, 0 for one per CPU (extract.workers)")
	return cmd
}

// extractAll extracts every article under paths with the configured
// extractor and hands each record to fn, in the order the files are read
// (sorted), whatever order the workers finish in. A file that fails is
// reported on stderr and the rest go on; the error then counts the
// failures.
func (a *app) extractAll(ctx context.Context, paths []string, fn func(schema.Record) error) error {
	x, err := a.extractor()
	if err != nil {
		return err
	}
	workers := a.cfg.Extract.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Each file gets a one-slot result channel, queued in reading order;
	// the workers fill them in any order and the loop below drains the
	// queue in order. The queue's capacity bounds how far reading runs
	// ahead of writing.
	type result struct {
		rec schema.Record
		err error
	}
	type job struct {
		art *source.Article
		res chan result
	}
	jobs := make(chan job)
	queue := make(chan chan result, 4*workers)
	var walkErr error
	go func() {
		defer close(queue)
		defer close(jobs)
		walkErr = source.Walk(paths, source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes}, func(art *source.Article, err error) error {
			res := make(chan result, 1)
			select {
			case queue <- res:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err != nil {
				res <- result{err: err}
				return nil
			}
			select {
			case jobs <- job{art, res}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	for range workers {
		go func() {
			for j := range jobs {
				rec, err := x.Extract(ctx, j.art)
				if err != nil {
					err = fmt.Errorf("%s: extracting: %w", j.art.Path, err)
				}
				j.res <- result{rec, err}
			}
		}()
	}

	failed, total := 0, 0
	for res := range queue {
		r := <-res
		total++
		if r.err != nil {
			failed++
			fmt.Fprintln(a.stderr, "newsgraph: error:", r.err)
			continue
		}
		if err := fn(r.rec); err != nil {
			return err
		}
	}
	if walkErr != nil {
		return walkErr
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, total)
	}
	return nil
}
