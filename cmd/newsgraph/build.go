package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

func (a *app) buildCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build SOURCE...",
		Short: "Extract articles (files, directories, pages, feeds) and load them into the store",
		Long: `Extract articles and load them into the store. A SOURCE is what
"rebuild --source" takes: a plain-text or HTML file or a directory of them,
an http or https URL of an article page, or KIND:VALUE for any kind of
source (` + strings.Join(ingest.SourceKinds(), ", ") + `), such as
feed:https://example.org/rss.xml for the items of an RSS, Atom or JSON feed.

An article already loaded by the same extractor is left alone; an article
whose file changed has its quads replaced. An article or source that cannot
be read is reported and the rest of the batch goes on; the exit status is 1
if any failed.`,
		Example: `  newsgraph build testdata/seeds
  newsgraph build feed:https://example.org/rss.xml https://example.org/news/1.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sources, err := parseSources(args)
			if err != nil {
				return err
			}
			x, err := a.extractor()
			if err != nil {
				return err
			}
			st, cfg, err := a.openAt(cmd.Context(), false)
			if err != nil {
				return err
			}
			closed := false
			defer func() {
				if !closed {
					st.Close()
				}
			}()
			opts := pipeline.Options{
				Env:      a.sourceEnv(),
				Budget:   a.budget(),
				Workers:  a.cfg.Extract.Workers,
				Logger:   a.log,
				Analysis: analysis.Options{Window: a.cfg.Analysis.IncidentWindow},
			}
			if bar := a.progress(); bar != nil {
				defer bar.Finish()
				opts.Progress = func(done int) { bar.Set(done) }
			}
			sum, err := pipeline.Build(cmd.Context(), st, x, sources, opts)
			if err != nil {
				return err
			}
			// QuadCount, not Stats: Stats counts nodes too, and fails on
			// a bolt store that nothing was ever written to.
			quads, err := st.QuadCount(cmd.Context())
			if err != nil {
				return err
			}
			closed = true
			if err := st.Close(); err != nil {
				return err
			}
			if err := a.compact(cmd.Context(), cfg, sum, quads); err != nil {
				return err
			}
			writeSummary(a.stdout, sum, quads)
			if sum.Failed > 0 {
				return fmt.Errorf("%d of %d files failed", sum.Failed, sum.Failed+sum.Articles)
			}
			return nil
		},
	}
	cmd.Flags().String("extractor", "", "extractor (extract.extractor)")
	cmd.Flags().Int("workers", 0, "extraction workers, 0 for one per CPU (extract.workers)")
	return cmd
}

// compact rewrites the store at its smallest (graph.Compact: bolt's
// pages full, half the file; PostgreSQL's indexes rebuilt, an eighth of
// the database) after a build that wrote at least half of
// what it holds, such as a first build: rewriting the whole store after a
// few articles would cost more than it saves.
func (a *app) compact(ctx context.Context, cfg graph.Config, sum pipeline.Summary, quads int64) error {
	if int64(sum.Quads)*2 < quads {
		return nil
	}
	start := time.Now()
	// What the build held is garbage now: give it back before the copy
	// maps the store, so that the two do not add up in the peak.
	debug.FreeOSMemory()
	c, err := graph.Compact(ctx, cfg)
	if errors.Is(err, graph.ErrLocked) {
		// Another process opened the store once the build let it go:
		// the store is whole, only larger.
		a.log.Warn("store not compacted: in use by another process")
		return nil
	}
	if err != nil {
		return err
	}
	if c.Before > 0 {
		a.log.Info("compacted the store", "before", c.Before, "after", c.After, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// parseSources makes sources of command-line arguments (ingest.ParseSource).
func parseSources(args []string) ([]config.Source, error) {
	out := make([]config.Source, 0, len(args))
	for _, arg := range args {
		s, err := ingest.ParseSource(arg)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// sourceEnv reads sources within the configured file size limit
// (extract.max_file_bytes) and fetch settings (fetch.*).
func (a *app) sourceEnv() *ingest.Env {
	return ingest.NewEnv(source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes}, a.fetchOptions(), a.cfg.Fetch.Concurrency)
}

// fetchOptions are the configured fetch settings (fetch.*).
func (a *app) fetchOptions() fetch.Options {
	fc := a.cfg.Fetch
	return fetch.Options{Timeout: fc.Timeout, MaxBytes: fc.MaxBytes, UserAgent: fc.UserAgent,
		Retries: fc.Retries, Backoff: fc.Backoff, MaxBackoff: fc.MaxBackoff, Logger: a.log}
}

// budget is what one article may cost (extract.article_timeout,
// extract.max_article_quads).
func (a *app) budget() pipeline.Budget {
	return pipeline.Budget{Timeout: a.cfg.Extract.ArticleTimeout, MaxQuads: a.cfg.Extract.MaxArticleQuads}
}

// progress returns a progress bar when stderr is a terminal, else nil.
func (a *app) progress() *progressbar.ProgressBar {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("articles"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
	)
}

func writeSummary(w io.Writer, s pipeline.Summary, storeQuads int64) {
	for _, e := range s.Errors {
		fmt.Fprintln(w, "error:", e)
	}
	for _, e := range s.Skipped {
		fmt.Fprintln(w, "skipped:", e)
	}
	fmt.Fprintf(w, "articles  %d read: %d added, %d changed, %d unchanged; %d failed\n", s.Articles, s.Added, s.Changed, s.Unchanged, s.Failed)
	fmt.Fprintf(w, "entities  %d\n", s.Entities)
	fmt.Fprintf(w, "facts     %d\n", s.Facts)
	fmt.Fprintf(w, "events    %d\n", s.Events)
	fmt.Fprintf(w, "quads     %d written, %d removed, %d rejected; %d in the store\n", s.Quads, s.Removed, s.Rejects, storeQuads)
	writeAnalysisLine(w, s.Analysis)
	fmt.Fprintf(w, "time      %s\n", s.Duration.Round(time.Millisecond))
}

// writeAnalysisLine says what build or rebuild recomputed across articles.
func writeAnalysisLine(w io.Writer, s analysis.Summary) {
	fmt.Fprintf(w, "analysis  %d incidents, %d facts of several articles, %d contradictions written in %s\n",
		s.Incidents, s.Facts, s.Contradictions, time.Duration(s.Seconds*float64(time.Second)).Round(time.Millisecond))
}
