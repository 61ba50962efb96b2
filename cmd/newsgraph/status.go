package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/rebuild"
)

func (a *app) statusCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the last rebuild: when, how long, articles added, changed and removed, errors",
		Long: `Show the last rebuild (when it ran, how long it took, the articles it
added, changed and removed, and its errors), whether one is running now,
and the store's generations. The same report is served at GET /status.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format must be text or json, not %q", format)
			}
			s, err := rebuild.ReadStatus(a.cfg.DataDir, a.storeConfig(false))
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(s)
			}
			writeStatus(a.stdout, s)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func writeStatus(w io.Writer, s rebuild.Status) {
	running := "no"
	if s.Running {
		running = "yes"
	}
	fmt.Fprintf(w, "running     %s\n", running)
	if u := s.Unfinished; s.Interrupted {
		fmt.Fprintf(w, "interrupted a rebuild begun %s by process %d never finished (killed or crashed): the live graph is as it was before it\n",
			u.Started.Local().Format(time.RFC3339), u.PID)
	}
	if s.LastRun == nil {
		fmt.Fprintln(w, "last run    never")
	} else {
		r := s.LastRun
		outcome := "completed"
		if !r.OK {
			outcome = "failed: " + r.Error
		}
		fmt.Fprintf(w, "last run    %s, %s in %s (%s)\n", r.Finished.Local().Format(time.RFC3339), outcome,
			(time.Duration(r.Seconds * float64(time.Second))).Round(time.Millisecond), r.Mode)
		fmt.Fprintf(w, "articles    %d added, %d changed, %d removed, %d unchanged; %d failed\n", r.Added, r.Changed, r.Removed, r.Unchanged, r.Failed)
		if r.OK {
			fmt.Fprintf(w, "quads       %d\n", r.Quads)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(w, "error       %s\n", e)
		}
		for _, e := range r.Skipped {
			fmt.Fprintf(w, "skipped     %s\n", e)
		}
	}
	if s.LastSuccess != nil {
		fmt.Fprintf(w, "last ok     %s\n", s.LastSuccess.Local().Format(time.RFC3339))
	}
	fmt.Fprintf(w, "runs        %d (%d could not complete)\n", s.Runs, s.Failures)
	if s.Generation != "" {
		var others []string
		for _, g := range s.Generations {
			if !g.Current {
				others = append(others, g.Name)
			}
		}
		kept := "none"
		if len(others) > 0 {
			kept = strings.Join(others, ", ")
		}
		fmt.Fprintf(w, "generation  %s (also kept: %s)\n", s.Generation, kept)
	}
}
