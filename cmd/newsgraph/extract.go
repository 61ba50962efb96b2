package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/pipeline"
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
	type job struct {
		path string
		res  chan result
	}
	jobs := make(chan job)
	queue := make(chan chan result, 4*workers)
	var walkErr error
	go func() {
		defer close(queue)
		defer close(jobs)
		walkErr = source.WalkPaths(paths, func(path string, err error) error {
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
			case jobs <- job{path, res}:
				return nil
			case <-ctx.Done():
				res <- result{err: ctx.Err()} // queued already: the loop below waits for it
				return ctx.Err()
			}
		})
	}()
	budget := a.budget()
	opts := source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes}
	for range workers {
		go func() {
			for j := range jobs {
				j.res <- extractOne(ctx, x, budget, j.path, opts)
			}
		}()
	}

	failed, total := 0, 0
	for res := range queue {
		r := <-res
		total++
		if errors.Is(r.err, source.ErrSkipped) {
			total--
			fmt.Fprintln(a.stderr, "newsgraph: skipped:", r.err)
			continue
		}
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
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, total)
	}
	return nil
}

// result is one file's record, or why it has none.
type result struct {
	rec schema.Record
	err error
}

// extractOne reads and extracts one file within the article budget.
func extractOne(ctx context.Context, x extract.Extractor, b pipeline.Budget, path string, opts source.Options) result {
	ctx, cancel := b.Start(ctx)
	defer cancel()
	art, err := b.Read(ctx, path, opts)
	if err != nil {
		return result{err: err}
	}
	e, err := b.Extract(ctx, x, art)
	return result{e.Rec, err}
}
