package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

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
once; --all keeps every row, one per supporting quad.

While "newsgraph serve" holds the embedded store, the query goes through
the server's API.`,
		Example: `  newsgraph query 'g.V("<ng:entity/kataib-hezbollah>").Out("<ng:attacked>").All()'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := a.query(cmd.Context(), args[0])
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

// query runs a Gizmo query on the store or, when a running server holds
// the embedded store, through that server's API.
func (a *app) query(ctx context.Context, q string) ([]any, error) {
	st, err := a.openReadOnly(ctx)
	if errors.Is(err, graph.ErrLocked) {
		c, derr := a.viaServer(ctx)
		if derr != nil {
			return nil, fmt.Errorf("%w, and %v", err, derr)
		}
		ctx, cancel := context.WithTimeout(ctx, a.cfg.Query.Timeout)
		defer cancel()
		return c.Query(ctx, q, a.cfg.Query.Limit)
	}
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Query(ctx, q, graph.QueryOptions{Timeout: a.cfg.Query.Timeout, Limit: a.cfg.Query.Limit})
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
