package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The query route (/api/v2/query) is the server's own rather than
// Cayley's, so that every query runs under the server's budgets: the
// timeout, the row limit and the memory budget (see budget.go), each
// failing with an error that says which. It answers in Cayley's format:
// {"result": [...]} or {"error": "..."}.

// maxQueryBytes bounds the text of a query, as Cayley's own route did.
const maxQueryBytes = 1 << 20

// queryRequest is a Gizmo query as received.
type queryRequest struct {
	Query  string
	Limit  int  // rows; never over the server's limit
	Asked  bool // Limit is the client's (limit=N), below the server's
	JSONLD bool // the console asks for JSON-LD
	All    bool // keep rows identical to an earlier one (all=1)
}

// requestError is a request the server cannot run, with its status.
type requestError struct {
	code int
	msg  string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// parseQuery reads a query request: the query is the body of a POST or
// the qu parameter of a GET, in the language lang (gizmo, the only one
// this server speaks); limit asks for fewer rows than the server's
// maxRows, never more (a larger limit is cut to maxRows).
func parseQuery(r *http.Request, maxRows int) (queryRequest, error) {
	var req queryRequest
	v := r.URL.Query()
	switch lang := v.Get("lang"); lang {
	case "gizmo":
	case "":
		return req, badRequest("query language not specified: add ?lang=gizmo")
	default:
		return req, badRequest("unknown query language %q: this server speaks gizmo", lang)
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		req.Query = v.Get("qu")
	case http.MethodPost:
		q, err := readQuery(r.Body)
		if err != nil {
			return req, err
		}
		req.Query = q
	default:
		return req, &requestError{http.StatusMethodNotAllowed, "queries are sent with POST (or GET with qu=...)"}
	}
	if strings.TrimSpace(req.Query) == "" {
		return req, badRequest("query is empty")
	}
	if len(req.Query) > maxQueryBytes {
		return req, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("query is over %d bytes", maxQueryBytes)}
	}
	req.Limit = maxRows
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return req, badRequest("limit must be a whole number, not %q", s)
		}
		if n > 0 && (maxRows <= 0 || n < maxRows) {
			req.Limit, req.Asked = n, true
		}
	}
	if a := v.Get("all"); a != "" {
		all, err := strconv.ParseBool(a)
		if err != nil {
			return req, badRequest("all must be true or false (1 or 0), not %q", a)
		}
		req.All = all
	}
	req.JSONLD = acceptsJSONLD(r.Header.Get("Accept"))
	return req, nil
}

// readQuery reads a query body of at most maxQueryBytes.
func readQuery(body io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(body, maxQueryBytes+1))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge) || len(b) > maxQueryBytes:
		return "", &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("query is over %d bytes", maxQueryBytes)}
	case err != nil:
		return "", badRequest("reading the query: %v", err)
	}
	return string(b), nil
}

// acceptsJSONLD reports whether the first type of an Accept header is
// JSON-LD, as Cayley's route decided.
func acceptsJSONLD(accept string) bool {
	first, _, _ := strings.Cut(accept, ",")
	mt, _, err := mime.ParseMediaType(strings.TrimSpace(first))
	return err == nil && mt == "application/ld+json"
}

func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	req, err := parseQuery(r, s.cfg.QueryLimit)
	if err != nil {
		var re *requestError
		errors.As(err, &re)
		writeJSON(w, re.code, errorBody{Error: re.msg})
		return
	}
	st, release := s.cfg.Handle.Acquire()
	defer release()
	ctx, cancel := s.queryContext(r)
	defer cancel()
	ctx, done := s.mem.watch(ctx)
	res, err := st.QueryRows(ctx, req.Query, graph.QueryOptions{Limit: req.Limit, JSONLD: req.JSONLD, Distinct: !req.All})
	done()
	if errors.Is(err, ErrMemoryBudget) {
		s.log.Warn("query stopped by the memory budget", "query", truncate(req.Query, 200))
	}
	if err == nil && req.JSONLD {
		w.Header().Set("Content-Type", "application/ld+json")
	}
	s.reply(w, queryReply{Note: req.note(res), Truncated: res.Truncated, ReadCut: res.ReadCut, Folded: res.Folded, Result: res.Rows}, err)
}

// queryReply is the answer of /api/v2/query: Cayley's {"result": [...]}
// and, first, so that the console shows them above the rows, whether the
// row limit cut the result (or the bound on the rows read,
// graph.ReadPerRow times the limit: read_cut) and how many identical rows
// were folded.
type queryReply struct {
	Note      string `json:"note,omitempty"`
	Truncated bool   `json:"truncated,omitempty"`
	ReadCut   bool   `json:"read_cut,omitempty"`
	Folded    int    `json:"folded,omitempty"`
	Result    []any  `json:"result"`
}

// note says, in words, what was left out of a result and how to get it.
func (req queryRequest) note(res graph.Rows) string {
	var parts []string
	switch {
	case res.Truncated && req.Asked:
		parts = append(parts, fmt.Sprintf("cut at %d rows, as asked (limit=%d)", req.Limit, req.Limit))
	case res.Truncated:
		parts = append(parts, fmt.Sprintf("cut at %d rows, the server's limit (query.limit; newsgraph serve --limit raises it)", req.Limit))
	case res.ReadCut:
		// Repeats do not count toward the limit; the rows read do.
		how := "the server's limit (query.limit; newsgraph serve --limit raises it)"
		if req.Asked {
			how = fmt.Sprintf("as asked (limit=%d)", req.Limit)
		}
		parts = append(parts, fmt.Sprintf("stopped after reading %d rows, %d times the row limit of %d, %s: %d of them distinct (all=1 keeps repeats, and they count toward the limit)",
			len(res.Rows)+res.Folded, graph.ReadPerRow, req.Limit, how, len(res.Rows)))
	}
	if res.Folded > 0 {
		parts = append(parts, fmt.Sprintf("%d rows identical to an earlier one left out (each article has its own copy of a fact; all=1 keeps them)", res.Folded))
	}
	return strings.Join(parts, "; ")
}

// queryErrOf is the error of a query whose context ended: graph.ErrTimeout
// for the deadline, else the cause (the memory budget).
func queryErrOf(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return graph.ErrTimeout
	}
	return context.Cause(ctx)
}

// truncate shortens a string for a log line.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
