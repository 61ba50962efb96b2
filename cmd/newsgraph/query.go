package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) queryCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "query 'GIZMO'",
		Short: "Run a Gizmo query against the store and print its results as JSON",
		Long: `Run a Gizmo query against the store and print its results as JSON.

The query stops after query.timeout (--timeout) and returns at most
query.limit (--limit) results.

Every article carries its own copy of the quads it supports (the quad label
is the article), so a fact found in three articles is three edges and a
traversal meets it three times. Identical result rows are therefore printed
once; --all keeps every row, one per supporting quad.`,
		Example: `  newsgraph query 'g.V("<ng:entity/kataib-hezbollah>").Out("<ng:attacked>").All()'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Query(cmd.Context(), args[0], graph.QueryOptions{Timeout: a.cfg.Query.Timeout, Limit: a.cfg.Query.Limit})
			if err != nil {
				return err
			}
			if !all {
				res = uniqueRows(res)
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(map[string]any{"result": res})
		},
	}
	cmd.Flags().Duration("timeout", 0, "query timeout (query.timeout)")
	cmd.Flags().Int("limit", 0, "maximum number of results (query.limit)")
	cmd.Flags().BoolVar(&all, "all", false, "keep identical rows (one per supporting quad)")
	return cmd
}

// uniqueRows drops rows identical to an earlier one, keeping the order.
func uniqueRows(rows []any) []any {
	seen := make(map[string]bool, len(rows))
	out := rows[:0:0]
	for _, r := range rows {
		b, err := json.Marshal(r)
		if err != nil || !seen[string(b)] {
			seen[string(b)] = true
			out = append(out, r)
		}
	}
	return out
}
