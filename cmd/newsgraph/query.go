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
once, and only distinct rows count toward the limit; --all keeps every row,
one per supporting quad. A query that reads 100 times the limit in rows
(repeats included) stops there, so that one repeating a row forever ends.

While "newsgraph serve" holds the embedded store, the query goes through
the server's API.`,
		Example: `  newsgraph query 'g.V("<ng:entity/kataib-hezbollah>").Out("<ng:attacked>").All()'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := a.queryOptions()
			opts.Distinct = !all
			res, err := a.query(cmd.Context(), args[0], opts)
			if err != nil {
				return err
			}
			if res.Truncated {
				fmt.Fprintf(a.stderr, "newsgraph: result cut at %d rows (query.limit; --limit raises it)\n", opts.Limit)
			}
			if res.ReadCut {
				fmt.Fprintf(a.stderr, "newsgraph: stopped after reading %d rows (%d times query.limit; --limit raises it), %d of them distinct (--all keeps repeats)\n",
					len(res.Rows)+res.Folded, graph.ReadPerRow, len(res.Rows))
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(map[string]any{"result": res.Rows})
		},
	}
	cmd.Flags().Duration("timeout", 0, "query timeout (query.timeout)")
	cmd.Flags().Int("limit", 0, "maximum number of results (query.limit)")
	cmd.Flags().BoolVar(&all, "all", false, "keep identical rows (one per supporting quad)")
	return cmd
}

// queryOptions are the configured query budgets.
func (a *app) queryOptions() graph.QueryOptions {
	return graph.QueryOptions{Timeout: a.cfg.Query.Timeout, Limit: a.cfg.Query.Limit}
}

// queryFunc runs one Gizmo query.
type queryFunc func(ctx context.Context, q string, opts graph.QueryOptions) (graph.Rows, error)

// query runs a Gizmo query on the store (see querier).
func (a *app) query(ctx context.Context, q string, opts graph.QueryOptions) (graph.Rows, error) {
	run, done, err := a.querier(ctx)
	if err != nil {
		return graph.Rows{}, err
	}
	defer done()
	return run(ctx, q, opts)
}

// querier opens the store for queries or, when a running server holds
// the embedded store, connects to that server's API; done closes what it
// opened. A query that times out says which setting raises the limit.
func (a *app) querier(ctx context.Context) (queryFunc, func(), error) {
	var run queryFunc
	var done func()
	st, err := a.openReadOnly(ctx)
	switch {
	case errors.Is(err, graph.ErrLocked):
		c, derr := a.viaServer(ctx)
		if derr != nil {
			return nil, nil, fmt.Errorf("%w, and %v", err, derr)
		}
		run = func(ctx context.Context, q string, opts graph.QueryOptions) (graph.Rows, error) {
			ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
			defer cancel()
			return c.Query(ctx, q, opts)
		}
		done = func() {}
	case err != nil:
		return nil, nil, err
	default:
		run, done = st.QueryRows, func() { st.Close() }
	}
	return func(ctx context.Context, q string, opts graph.QueryOptions) (graph.Rows, error) {
		res, err := run(ctx, q, opts)
		if errors.Is(err, graph.ErrTimeout) {
			err = fmt.Errorf("%w after %s (query.timeout; --timeout raises it)", err, opts.Timeout)
		}
		return res, err
	}, done, nil
}
