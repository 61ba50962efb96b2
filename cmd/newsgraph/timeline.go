package main

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) timelineCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "timeline NAME",
		Short: "List the events an actor took part in, by date, with evidence",
		Long: `List the events NAME took part in — as agent, target, place, subject or
asserter, or by claiming, denying, announcing or stating them — ordered by
date, each with its participants, claim kind and evidence. Every date says
what it rests on: (day), (month) or (year) of the text, or (reported), the
article's date when the text gives none. NAME is resolved as in newsgraph path.`,
		Example: `  newsgraph timeline "Kata'ib Hezbollah"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			res, err := b.Timeline(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONOut(a.stdout, res)
			}
			fmt.Fprintf(a.stdout, "%s (%s): %d event(s)\n", res.Actor.Name, res.Actor.Type, len(res.Events))
			if res.Cut != nil {
				fmt.Fprintf(a.stdout, "(%s)\n", res.Cut.Note)
			}
			for _, e := range res.Events {
				fmt.Fprintf(a.stdout, "\n%-21s  %s  [%s]  as %s\n", timelineDate(e.Date, e.Precision), e.Type, orNone(e.Kind), strings.Join(e.Roles, ", "))
				var roles []string
				for r := range e.Participants {
					roles = append(roles, r)
				}
				sort.Strings(roles)
				for _, r := range roles {
					fmt.Fprintf(a.stdout, "            %s: %s\n", r, e.Participants[r])
				}
				if e.DateNote != "" {
					fmt.Fprintf(a.stdout, "            date: %s\n", e.DateNote)
				}
				writeClaimText(a.stdout, "            ", e.Claim)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// timelineDate shows a date with its precision: "2024-01-24 (reported)".
func timelineDate(date, precision string) string {
	if date == "" {
		return "undated"
	}
	return date + " (" + cmp.Or(precision, schema.PrecisionOf(date)) + ")"
}
