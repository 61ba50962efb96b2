package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
)

// QueryOptions bound a query.
type QueryOptions struct {
	Language string        // "gizmo" (default)
	Timeout  time.Duration // 0 means no timeout
	Limit    int           // maximum number of results; 0 means no limit
	JSONLD   bool          // collate results as JSON-LD (the console asks for it)
	// Distinct drops rows identical to an earlier one as they come, so
	// that they do not count toward Limit. Every article carries its own
	// copy of the quads it supports, so a traversal meets a fact once per
	// article that states it, and its rows repeat as many times.
	Distinct bool
	// MaxRead, with Distinct and a Limit, stops the query after it has
	// read this many rows, repeats included; 0 means ReadPerRow times
	// Limit. Repeats do not count toward Limit, so without it a script
	// that emits one row forever would run until its timeout.
	MaxRead int
}

// ReadPerRow bounds the rows a distinct query reads (QueryOptions.MaxRead)
// to this many times its limit: a fact that a hundred articles state is
// read a hundred times and kept once, and a limit of 1000 rows reads
// 100,000 at the most.
const ReadPerRow = 100

// maxRead is the bound on the rows read, repeats included; 0 for none.
func (o QueryOptions) maxRead() int {
	if !o.Distinct || o.Limit <= 0 {
		return 0
	}
	if o.MaxRead > 0 {
		return o.MaxRead
	}
	return ReadPerRow * o.Limit
}

// Rows is the answer to a query.
type Rows struct {
	Rows []any
	// Truncated reports that the query had rows past Limit.
	Truncated bool
	// Folded counts the rows dropped as identical to an earlier one
	// (QueryOptions.Distinct), among those read.
	Folded int
	// ReadCut reports that the query was stopped after QueryOptions.MaxRead
	// rows, before Limit distinct ones: it had more.
	ReadCut bool
}

// ErrTimeout is returned when a query runs past its timeout.
var ErrTimeout = errors.New("query timed out")

// Query runs a query and returns its results collated as JSON values
// (maps, slices, strings, numbers), at most opts.Limit of them.
func (s *Store) Query(ctx context.Context, q string, opts QueryOptions) ([]any, error) {
	r, err := s.QueryRows(ctx, q, opts)
	return r.Rows, err
}

// QueryRows is Query that also says whether the limit cut the rows and
// how many identical rows it folded. The script stops as soon as the
// limit is reached: one row past it is read, to tell a cut result from
// one that just fits.
func (s *Store) QueryRows(ctx context.Context, q string, opts QueryOptions) (Rows, error) {
	lang := opts.Language
	if lang == "" {
		lang = "gizmo"
	}
	l := query.GetLanguage(lang)
	if l == nil {
		return Rows{}, fmt.Errorf("graph: unknown query language %q", lang)
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	// Rows are collated here, from the raw results, so that the script's
	// own value ("g.V().Count()") is a row and not the null Cayley's JSON
	// collations make of it.
	col := query.Raw
	// The session's own limit counts every row sent, repeats included:
	// with Distinct, only this loop can count.
	sessionLimit := 0
	if opts.Limit > 0 && !opts.Distinct {
		sessionLimit = opts.Limit + 1
	}
	it, err := l.Session(s.qs).Execute(ctx, q, query.Options{Collation: col, Limit: sessionLimit})
	if err != nil {
		return Rows{Rows: []any{}}, queryErr(ctx, err)
	}
	defer it.Close()
	out := Rows{Rows: []any{}}
	seen := map[string]bool{}
	read, maxRead := 0, opts.maxRead()
	for it.Next(ctx) {
		r, ok := s.jsonRow(it.Result(), opts.JSONLD)
		if !ok {
			continue
		}
		if maxRead > 0 && read == maxRead {
			out.ReadCut = true
			break
		}
		read++
		if opts.Distinct {
			if b, err := json.Marshal(r); err == nil {
				if seen[string(b)] {
					out.Folded++
					continue
				}
				seen[string(b)] = true
			}
		}
		if opts.Limit > 0 && len(out.Rows) == opts.Limit {
			out.Truncated = true
			break
		}
		out.Rows = append(out.Rows, r)
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

// jsonRow collates a raw Gizmo result as a JSON value: a map of its tags
// to their values (as JSON-LD values if asked), what the script emitted,
// or the script's own value when that is a plain value (a count, a
// string, a list). A script whose value is a path, or none, adds no row.
func (s *Store) jsonRow(r any, ld bool) (any, bool) {
	res, ok := r.(*gizmo.Result)
	switch {
	case !ok:
		return r, true
	case res.Meta:
		return res.Val, plainValue(res.Val)
	case res.Val != nil:
		return res.Val, true
	}
	row := make(map[string]any, len(res.Tags))
	for k, ref := range res.Tags {
		v, err := s.qs.NameOf(ref)
		if err != nil || v == nil {
			continue
		}
		switch n := v.Native(); {
		case ld:
			row[k] = jsonld.FromValue(v)
		case n != v:
			row[k] = n
		default:
			row[k] = quad.StringOf(v)
		}
	}
	return row, true
}

// plainValue reports a value JSON can carry as it is: not a script's path
// or graph object.
func plainValue(v any) bool {
	switch v.(type) {
	case nil:
		return false
	case bool, string, float64, int64, int, []any, map[string]any:
		return true
	}
	return false
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
