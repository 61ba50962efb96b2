package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja/parser"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) replCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "repl",
		Short: "An interactive Gizmo shell on the store",
		Long: `Read Gizmo queries from standard input, one at a time, and print each
result row as a line of JSON, then the row count and the time taken.
A query may span several lines: input runs as soon as it parses, so end a
line with an open bracket or a dot to continue it on the next; a blank
line runs whatever was typed.
As with newsgraph query, identical rows are printed once, each query stops
after query.timeout (--timeout) and returns at most query.limit (--limit)
rows.
When another process (newsgraph serve) holds the store, queries go to it.

Commands: :limit N (rows per query), :timeout DURATION, :all (keep
identical rows, or fold them again), :help, :quit.`,
		Example: `  newsgraph repl
  newsgraph repl --timeout 5s --limit 50
  echo 'g.V("<ng:entity/kataib-hezbollah>").Out().All()' | newsgraph repl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			run, done, err := a.querier(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			opts := a.queryOptions()
			opts.Distinct = true
			return a.repl(cmd.Context(), run, opts)
		},
	}
	cmd.Flags().Duration("timeout", 0, "query timeout (query.timeout)")
	cmd.Flags().Int("limit", 0, "maximum number of results per query (query.limit)")
	return cmd
}

// repl is the read-eval-print loop.
func (a *app) repl(ctx context.Context, run queryFunc, opts graph.QueryOptions) error {
	in := bufio.NewScanner(a.stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	var buf strings.Builder
	prompt := func() {
		if buf.Len() == 0 {
			fmt.Fprint(a.stdout, "gizmo> ")
		} else {
			fmt.Fprint(a.stdout, "  ...> ")
		}
	}
	prompt()
	for in.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		line := in.Text()
		if buf.Len() == 0 && strings.HasPrefix(strings.TrimSpace(line), ":") {
			if quit := a.replCommand(strings.Fields(strings.TrimSpace(line)), &opts); quit {
				return nil
			}
			prompt()
			continue
		}
		buf.WriteString(line)
		buf.WriteByte('\n')
		q := buf.String()
		if strings.TrimSpace(q) == "" {
			buf.Reset()
			prompt()
			continue
		}
		// Wait for more lines while the input is an unfinished statement.
		if _, err := parser.ParseFile(nil, "", q, 0); err != nil && incomplete(err) && line != "" {
			prompt()
			continue
		}
		buf.Reset()
		t0 := time.Now()
		res, err := run(ctx, q, opts)
		if err != nil {
			fmt.Fprintln(a.stdout, "error:", err)
		} else {
			// IRIs as Gizmo writes them, <ng:entity/x>, not JSON-escaped.
			enc := json.NewEncoder(a.stdout)
			enc.SetEscapeHTML(false)
			for _, r := range res.Rows {
				enc.Encode(r)
			}
			cut := ""
			switch {
			case res.Truncated:
				cut = fmt.Sprintf(", cut at the limit of %d: :limit N raises it", opts.Limit)
			case res.ReadCut:
				cut = fmt.Sprintf(", stopped after reading %d rows, %d times the limit of %d (repeats count there): :limit N raises it, :all keeps repeats",
					len(res.Rows)+res.Folded, graph.ReadPerRow, opts.Limit)
			}
			fmt.Fprintf(a.stdout, "(%d rows%s, %s)\n", len(res.Rows), cut, time.Since(t0).Round(time.Millisecond))
		}
		prompt()
	}
	fmt.Fprintln(a.stdout)
	return in.Err()
}

// incomplete reports a parse error that more input could fix.
func incomplete(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Unexpected end of input") || strings.Contains(s, "Unexpected token EOF") || strings.Contains(s, "unexpected EOF")
}

// replCommand runs a :command and reports whether to quit.
func (a *app) replCommand(f []string, opts *graph.QueryOptions) bool {
	switch f[0] {
	case ":quit", ":q", ":exit":
		return true
	case ":limit":
		if n, err := strconv.Atoi(at(f, 1)); err == nil && n > 0 {
			opts.Limit = n
			fmt.Fprintf(a.stdout, "limit %d\n", n)
		} else {
			fmt.Fprintln(a.stdout, "usage: :limit N (N > 0)")
		}
	case ":all":
		opts.Distinct = !opts.Distinct
		if opts.Distinct {
			fmt.Fprintln(a.stdout, "identical rows folded")
		} else {
			fmt.Fprintln(a.stdout, "every row kept, identical ones too")
		}
	case ":timeout":
		if d, err := time.ParseDuration(at(f, 1)); err == nil && d > 0 {
			opts.Timeout = d
			fmt.Fprintf(a.stdout, "timeout %s\n", d)
		} else {
			fmt.Fprintln(a.stdout, "usage: :timeout DURATION (such as 5s)")
		}
	default:
		fmt.Fprintln(a.stdout, `Type a Gizmo query, e.g. g.V("<ng:entity/kataib-hezbollah>").Out("<ng:attacked>").All()
:limit N     rows per query
:timeout D   time per query (e.g. 10s)
:all         keep identical rows (again: fold them)
:quit        leave`)
	}
	return false
}

func at(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}
