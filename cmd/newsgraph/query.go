package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) queryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query 'GIZMO'",
		Short: "Run a Gizmo query against the store and print its results as JSON",
		Long: `Run a Gizmo query against the store and print its results as JSON.

The query stops after query.timeout (--timeout) and returns at most
query.limit (--limit) results.`,
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
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(map[string]any{"result": res})
		},
	}
	cmd.Flags().Duration("timeout", 0, "query timeout (query.timeout)")
	cmd.Flags().Int("limit", 0, "maximum number of results (query.limit)")
	return cmd
}
