package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/rebuild"
	"github.com/newsgraph/newsgraph/source"
)

func (a *app) rebuildCmd() *cobra.Command {
	var (
		srcs   []string
		full   bool
		format string
	)
	cmd := &cobra.Command{
		Use:   "rebuild",
		Short: "Bring the store up to date with its sources, incrementally and atomically",
		Long: `Bring the store up to date with the configured sources (directories, URLs,
RSS and Atom feeds; see "sources" in newsgraph.yaml) and any --source
(what build takes: a path, a page's URL, feed:URL), then exit: for cron, systemd timers and Kubernetes CronJobs
(docs/operations.md).

Only new and changed articles are extracted; changed articles have their
quads replaced and removed ones their quads removed. A new extractor or
lexicon re-extracts everything. On the embedded store the rebuild writes a
new generation and makes it live only when complete: a server switches to
it without a restart, the previous one is kept for "newsgraph rollback",
and a rebuild killed at any point leaves the live graph as it was.

A source or article that fails is reported (here, in "newsgraph status" and
in the metrics) and retried on the next run; the others go on, and the exit
status is 0. It is 1 when the rebuild could not complete (the live graph is
then unchanged).`,
		Example: `  newsgraph rebuild --source /srv/articles
  newsgraph rebuild --format json
  newsgraph rebuild --full`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format must be text or json, not %q", format)
			}
			r, err := a.rebuilder(srcs, full, nil, nil)
			if err != nil {
				return err
			}
			sum, err := r.Run(cmd.Context())
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				if jerr := enc.Encode(sum); jerr != nil && err == nil {
					err = jerr
				}
			} else if err == nil || sum.Mode != "" {
				writeRebuildSummary(a.stdout, sum)
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&srcs, "source", nil, "add a source to the configured ones: a directory or file, a page's URL, or KIND:VALUE (feed:URL); repeatable")
	f.BoolVar(&full, "full", false, "re-extract everything into an empty generation")
	f.StringVar(&format, "format", "text", "summary format: text or json")
	f.Int("keep", 0, "earlier generations kept for rollback (rebuild.keep)")
	f.String("extractor", "", "extractor (extract.extractor)")
	f.Int("workers", 0, "extraction workers, 0 for one per CPU (extract.workers)")
	return cmd
}

// rebuilder makes a Rebuilder of the configuration plus extra directory
// sources. h is the handle of a server in the same process (nil for a
// one-shot rebuild), m its metrics (may be nil).
func (a *app) rebuilder(args []string, full bool, h *graph.Handle, m *rebuild.Metrics) (*rebuild.Rebuilder, error) {
	extra, err := parseSources(args)
	if err != nil {
		return nil, err
	}
	sources := append(append([]config.Source{}, a.cfg.Sources...), extra...)
	if len(sources) == 0 {
		return nil, errors.New("no sources: list them under sources in " + config.FileName + ", or pass --source DIR")
	}
	if !a.storeConfig(false).Capabilities().Persistent && h == nil {
		return nil, errors.New("the memory backend keeps nothing after the command ends: rebuild needs a persistent store (or serve --schedule)")
	}
	x, err := a.extractor()
	if err != nil {
		return nil, err
	}
	return rebuild.New(x, rebuild.Options{
		Store:       a.storeConfig(false),
		DataDir:     a.cfg.DataDir,
		Sources:     sources,
		Fetch:       a.fetchOptions(),
		Concurrency: a.cfg.Fetch.Concurrency,
		Source:      source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes},
		Budget:      a.budget(),
		Workers:     a.cfg.Extract.Workers,
		Keep:        a.cfg.Rebuild.Keep,
		Full:        full,
		Analysis:    analysis.Options{Window: a.cfg.Analysis.IncidentWindow},
		Handle:      h,
		Logger:      a.log,
		Metrics:     m,
	}), nil
}

func writeRebuildSummary(w io.Writer, s rebuild.Summary) {
	for _, e := range s.Errors {
		fmt.Fprintln(w, "error:", e)
	}
	for _, e := range s.Skipped {
		fmt.Fprintln(w, "skipped:", e)
	}
	fmt.Fprintf(w, "articles  %d added, %d changed, %d removed, %d unchanged; %d failed\n", s.Added, s.Changed, s.Removed, s.Unchanged, s.Failed)
	fmt.Fprintf(w, "quads     %d in the store\n", s.Quads)
	writeAnalysisLine(w, s.Analysis)
	gen := s.Generation
	if gen == "" {
		gen = "none (written in place)"
	}
	fmt.Fprintf(w, "store     %s rebuild; generation %s\n", s.Mode, gen)
	var srcs []string
	for _, src := range s.Sources {
		line := fmt.Sprintf("%s (%s): %d read", source.QuotePath(src.Name), src.Kind, src.Articles)
		if src.Failed > 0 {
			line += fmt.Sprintf(", %d failed", src.Failed)
		}
		if src.Error != "" {
			line += ", failed: " + src.Error
		}
		srcs = append(srcs, line)
	}
	if len(srcs) > 0 {
		fmt.Fprintf(w, "sources   %s\n", strings.Join(srcs, "\n          "))
	}
	fmt.Fprintf(w, "time      %s\n", (time.Duration(s.Seconds * float64(time.Second))).Round(time.Millisecond))
}

// serveOps is what serve adds for rebuilds: rebuilds on a schedule
// (rebuild.schedule, serve --schedule) that switch the served store to
// each new generation, GET /status, GET /metrics, and the latency of the
// API's queries in the metrics. It returns the handler to serve instead of
// next and a func that stops the schedule (cancelling a run in progress,
// which leaves the live generation as it was).
func (a *app) serveOps(h *graph.Handle, next http.Handler) (http.Handler, func(), error) {
	reg, m := rebuild.NewRegistry()
	stop := func() {}
	if spec := a.cfg.Rebuild.Schedule; spec != "" {
		r, err := a.rebuilder(nil, false, h, m)
		if err != nil {
			return nil, nil, fmt.Errorf("--schedule: %w", err)
		}
		s, err := rebuild.NewScheduler(spec, r, a.log)
		if err != nil {
			return nil, nil, err
		}
		s.Start()
		stop = s.Stop
		a.log.Info("rebuilds scheduled", "schedule", spec, "sources", len(a.cfg.Sources))
	}
	store := a.storeConfig(false)
	mux := http.NewServeMux()
	mux.Handle("GET /status", rebuild.StatusHandler(a.cfg.DataDir, store))
	mux.Handle("GET /metrics", rebuild.MetricsHandler(reg))
	mux.Handle("/api/", m.InstrumentQueries(next))
	mux.Handle("/", next)
	return mux, stop, nil
}
