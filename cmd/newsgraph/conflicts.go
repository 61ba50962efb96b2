package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph/server"
)

func (a *app) conflictsCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "conflicts [NAME]",
		Short: "List contradictions: claims against denials, rival attributions, facts denied",
		Long: `List the contradictions build and rebuild found between reports: a claim
of responsibility for an incident against a denial of it, one incident
attributed to rival agents, and a fact stated by one source and denied by
another. Each side shows whom it names, its independent sources (copies of
one wire story count once) and every report's evidence. With NAME (resolved
as in newsgraph path), only the contradictions whose sides name it.`,
		Example: `  newsgraph conflicts
  newsgraph conflicts "Kata'ib Hezbollah" --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			res, err := b.Conflicts(cmd.Context(), name)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONOut(a.stdout, res)
			}
			writeConflictsText(a.stdout, res)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// conflictLabels name the two sides of each kind of contradiction.
var conflictLabels = map[string][2]string{
	"claim_denial":      {"claimed by", "denied by"},
	"rival_attribution": {"attributed to", "attributed to"},
	"denied_fact":       {"stated", "denied"},
}

func writeConflictsText(w io.Writer, res *server.ConflictsResult) {
	if res.Around != nil {
		fmt.Fprintf(w, "%s (%s): ", res.Around.Name, res.Around.Type)
	}
	fmt.Fprintf(w, "%d contradiction(s)\n", len(res.Contradictions))
	if res.Cut != nil {
		fmt.Fprintf(w, "(%s)\n", res.Cut.Note)
	}
	for _, c := range res.Contradictions {
		fmt.Fprintf(w, "\n%s: %s\n", c.Kind, c.About)
		if c.Incident != "" {
			fmt.Fprintf(w, "    incident %s\n", c.Incident)
		}
		for i, s := range c.Sides {
			label := conflictLabels[c.Kind][i]
			if len(s.Agents) > 0 {
				label += " " + strings.Join(s.Agents, ", ")
			}
			fmt.Fprintf(w, "  %s: %s (%d independent source(s))\n", string(rune('A'+i)), label, s.Outlets)
			for _, r := range s.Reports {
				fmt.Fprintf(w, "      [%s] %q\n", r.Kind, r.Evidence)
				fmt.Fprintf(w, "        %s · %s · %s\n", orNone(r.Outlet), r.Title, orNone(r.Date))
			}
		}
	}
}
