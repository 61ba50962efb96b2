package main

import (
	"cmp"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) incidentsCmd() *cobra.Command {
	var format, around, since string
	cmd := &cobra.Command{
		Use:   "incidents",
		Short: "List incidents: one happening reported by several articles, with its independent outlets",
		Long: `List the incidents build and rebuild found: events of several articles that
are one real-world happening (same type, compatible agents, a common place,
dates within analysis.incident_window). Each shows its type, its date and
what the date rests on — (day) of the text, or (reported), the article's
date — how many articles report it and how many independent outlets they
are (copies of one wire story count once), and every report's outlet and
evidence. --around NAME (resolved as in newsgraph path) keeps the incidents
one of whose reports names it as agent, target or place; --since keeps
those dated on or after a day, month or year.`,
		Example: `  newsgraph incidents
  newsgraph incidents --around "Harir Air Base" --since 2024-03
  newsgraph incidents --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			if since != "" {
				if err := schema.CheckDate(since); err != nil {
					return fmt.Errorf("--since: %w", err)
				}
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			res, err := b.Incidents(cmd.Context(), around, since)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONOut(a.stdout, res)
			}
			writeIncidentsText(a.stdout, res, since)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&around, "around", "", "only incidents whose reports name this entity as agent, target or place")
	cmd.Flags().StringVar(&since, "since", "", "only incidents dated on or after this day, month or year (2024-03-10, 2024-03, 2024)")
	return cmd
}

func writeIncidentsText(w io.Writer, res *server.IncidentsResult, since string) {
	if res.Around != nil {
		fmt.Fprintf(w, "%s (%s): ", res.Around.Name, res.Around.Type)
	}
	fmt.Fprintf(w, "%d incident(s)", len(res.Incidents))
	if since != "" {
		fmt.Fprintf(w, " since %s", since)
	}
	fmt.Fprintln(w)
	if res.Cut != nil {
		fmt.Fprintf(w, "(%s)\n", res.Cut.Note)
	}
	for _, inc := range res.Incidents {
		fmt.Fprintf(w, "\n%s, %s: %d article(s), %d independent outlet(s)\n", inc.Type, timelineDate(inc.Date, inc.Precision), inc.Articles, inc.Outlets)
		fmt.Fprintf(w, "    incident %s\n", inc.ID)
		for _, r := range inc.Reports {
			fmt.Fprintf(w, "  %s: %q\n", cmp.Or(r.Outlet, "no outlet recorded"), r.Evidence)
		}
	}
}
