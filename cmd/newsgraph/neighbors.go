package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph/path"
)

func (a *app) neighborsCmd() *cobra.Command {
	var opts path.NeighborOptions
	var format string
	cmd := &cobra.Command{
		Use:   "neighbors NAME [--hops N]",
		Short: "List what an entity is linked to, within N hops, with the evidence of each link",
		Long: `List the entities and events within --hops links of NAME, in both edge
directions, nearest first (at the same distance, the ones more articles
mention first), each with the link that reached it and its evidence.
NAME is resolved as in newsgraph path.`,
		Example: `  newsgraph neighbors "Kata'ib Hezbollah" --hops 2`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format: unknown format %q (have text, json)", format)
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
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
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
