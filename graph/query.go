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
	it, err := l.Session(s.qs).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: opts.Limit})
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
	if err := it.Err(); err != nil {
		return out, queryErr(ctx, err)
	}
	if ctx.Err() != nil {
		return out, queryErr(ctx, ctx.Err())
	}
	return out, nil
}

func queryErr(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return err
}
