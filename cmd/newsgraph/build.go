package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/source"
)

func (a *app) buildCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract articles (files or directories) and load them into the store",
		Long: `Extract articles (plain-text or HTML files, or directories of them) and
load them into the store.

An article already loaded by the same extractor is left alone; an article
whose file changed has its quads replaced. A file that cannot be read is
reported and the rest of the batch goes on; the exit status is 1 if any
file failed.`,
		Example: `  newsgraph build testdata/seeds`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.extractor()
			if err != nil {
				return err
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			opts := pipeline.Options{
				Source:  source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes},
				Budget:  a.budget(),
				Workers: a.cfg.Extract.Workers,
				Logger:  a.log,
			}
			if bar := a.progress(); bar != nil {
				defer bar.Finish()
				opts.Progress = func(done int) { bar.Set(done) }
			}
			sum, err := pipeline.Build(cmd.Context(), st, x, args, opts)
			if err != nil {
				return err
			}
			// QuadCount, not Stats: Stats counts nodes too, and fails on
			// a bolt store that nothing was ever written to.
			quads, err := st.QuadCount(cmd.Context())
			if err != nil {
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
	fmt.Fprintf(w, "time      %s\n", s.Duration.Round(time.Millisecond))
}
