package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/graph/server"
)

func (a *app) neighborsCmd() *cobra.Command {
	var opts path.NeighborOptions
	var format string
	var within float64
	cmd := &cobra.Command{
		Use:   "neighbors NAME [--hops N | --within KM]",
		Short: "List what an entity is linked to, within N hops, with the evidence of each link",
		Long: `List the entities and events within --hops links of NAME, in both edge
directions, nearest first (at the same distance, the ones more articles
mention first), each with the link that reached it and its evidence.
NAME is resolved as in newsgraph path.

With --within KM, list instead the events and incidents (events of several
articles that are one happening, listed once with every report) that
happened within KM kilometres of NAME (a base, place or country the lexicon places), nearest
first, each with where it is placed and how precisely (site, town,
province). Events placed no nearer than a country, and events the text
gives no place, are never listed.`,
		Example: `  newsgraph neighbors "Kata'ib Hezbollah" --hops 2
  newsgraph neighbors "Ain al-Asad" --within 100`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			if cmd.Flags().Changed("within") {
				return a.writeNear(b, cmd, args[0], within, opts.Limit, format)
			}
			res, err := b.Neighbors(cmd.Context(), args[0], opts)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONOut(a.stdout, res)
			}
			fmt.Fprintf(a.stdout, "%s (%s): %d neighbour(s) within %d hop(s)\n", res.Node.Name, res.Node.Type, len(res.Neighbors), res.Hops)
			last := 0
			for _, n := range res.Neighbors {
				if n.Hops != last {
					last = n.Hops
					fmt.Fprintf(a.stdout, "\n%d hop(s):\n", n.Hops)
				}
				fmt.Fprintf(a.stdout, "  %s (%s)\n", n.Name, n.Type)
				writeHopText(a.stdout, "    ", n.Via)
			}
			if res.Truncated {
				fmt.Fprintf(a.stdout, "\n(cut at %d; raise --limit for more)\n", len(res.Neighbors))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Hops, "hops", 1, "radius, in hops")
	cmd.Flags().IntVar(&opts.Limit, "limit", 100, "most neighbours listed")
	cmd.Flags().Float64Var(&within, "within", 0, "list the events within this many km of NAME instead")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.MarkFlagsMutuallyExclusive("hops", "within")
	return cmd
}

// writeNear prints the events within km of a place.
func (a *app) writeNear(b pathBackend, cmd *cobra.Command, name string, km float64, limit int, format string) error {
	res, err := b.Map(cmd.Context(), server.MapOptions{Near: name, Km: km, Limit: limit})
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSONOut(a.stdout, res)
	}
	n := res.Near
	fmt.Fprintf(a.stdout, "%s (%s, %g, %g): %d event(s) within %g km\n", n.Name, n.Type, n.Place.Lat, n.Place.Lon, len(res.Events), km)
	for _, e := range res.Events {
		at := "?"
		if e.At != nil {
			at = e.At.Name
		}
		fmt.Fprintf(a.stdout, "\n  %.1f km  %s %s at %s (%s)\n", *e.DistanceKm, e.EventType, cmp.Or(e.Date, "undated"), at, e.Place.Precision)
		var who []string
		for _, x := range e.Agents {
			who = append(who, "agent "+x.Name)
		}
		for _, x := range e.Targets {
			who = append(who, "target "+x.Name)
		}
		if len(who) > 0 {
			fmt.Fprintf(a.stdout, "    %s\n", strings.Join(who, " · "))
		}
		fmt.Fprintf(a.stdout, "    [%s] %q\n    %s · %s · %s\n", e.Kind, e.Evidence, cmp.Or(e.ArticleTitle, e.Article), cmp.Or(e.Outlet, "outlet not given"), cmp.Or(e.ArticleDate, "undated"))
	}
	if len(res.Incidents) > 0 {
		fmt.Fprintf(a.stdout, "\n%d incident(s) within %g km (events of several articles that are one happening; their reports are not listed above)\n", len(res.Incidents), km)
	}
	for _, inc := range res.Incidents {
		at := "?"
		if inc.At != nil {
			at = inc.At.Name
		}
		fmt.Fprintf(a.stdout, "\n  %.1f km  %s %s at %s (%s): %d article(s), %d independent outlet(s)\n", *inc.DistanceKm, inc.EventType,
			timelineDate(inc.Date, inc.Precision), at, inc.Place.Precision, inc.Articles, inc.Outlets)
		for _, r := range inc.Reports {
			fmt.Fprintf(a.stdout, "    [%s] %q\n      %s · %s · %s\n", r.Kind, r.Evidence, cmp.Or(r.ArticleTitle, r.Article), cmp.Or(r.Outlet, "outlet not given"), cmp.Or(r.ArticleDate, "undated"))
		}
	}
	if res.Cut != nil {
		fmt.Fprintf(a.stdout, "\n(%s; --limit sets it)\n", res.Cut.Note)
	}
	return nil
}
