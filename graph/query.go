package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
)

// QueryOptions bound a query.
type QueryOptions struct {
	Language string        // "gizmo" (default)
	Timeout  time.Duration // 0 means no timeout
	Limit    int           // maximum number of results; 0 means no limit
	JSONLD   bool          // collate results as JSON-LD (the console asks for it)
}

// ErrTimeout is returned when a query runs past its timeout.
var ErrTimeout = errors.New("query timed out")

// Query runs a query and returns its results collated as JSON values
// (maps, slices, strings, numbers), at most opts.Limit of them.
func (s *Store) Query(ctx context.Context, q string, opts QueryOptions) ([]any, error) {
	lang := opts.Language
	if lang == "" {
		lang = "gizmo"
	}
	l := query.GetLanguage(lang)
	if l == nil {
		return nil, fmt.Errorf("graph: unknown query language %q", lang)
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	col := query.JSON
	if opts.JSONLD {
		col = query.JSONLD
	}
	it, err := l.Session(s.qs).Execute(ctx, q, query.Options{Collation: col, Limit: opts.Limit})
	if err != nil {
		return nil, queryErr(ctx, err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		out = append(out, it.Result())
		if opts.Limit > 0 && len(out) >= opts.Limit {
			break
		}
	}
	if ctx.Err() != nil {
		waitStopped(it)
		return out, queryErr(ctx, ctx.Err())
	}
	if err := it.Err(); err != nil {
		return out, queryErr(ctx, err)
	}
	return out, nil
}

// stopWait bounds how long a cancelled query is waited for.
const stopWait = 5 * time.Second

// waitStopped waits, after its context ended, for a query's script to
// stop. Gizmo interrupts the script but does not wait for it: until it
// stops, whatever it built (a string of gigabytes) is still reachable,
// and memory handed back to the system now would not include it.
func waitStopped(it query.Iterator) {
	ctx, cancel := context.WithTimeout(context.Background(), stopWait)
	defer cancel()
	for it.Next(ctx) {
	}
}

// queryErr is the error of a query whose context ended: ErrTimeout for
// a deadline, the cause for a context cancelled with one (a budget).
func queryErr(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return err
}
