package server

import (
	"fmt"
	"net/http"
)

// The list routes (/api/incidents, /api/conflicts, /api/timeline and
// /api/map) are bounded in time by the query timeout and in size by
// query.max_items (Config.MaxItems): past it an answer keeps its first
// items, in its own order, and says in "cut" which limit cut it and what
// raises it. A request may ask for fewer (limit=N), never for more.

// DefaultMaxItems is the most items a list route answers with unless the
// server is configured otherwise (query.max_items).
const DefaultMaxItems = 5000

// Cut says that a list was cut: to Limit of its Total items, by the
// server's limit (Setting "query.max_items") or by the request's
// (Setting "limit").
type Cut struct {
	Limit   int    `json:"limit"`
	Total   int    `json:"total"`
	Setting string `json:"setting"`
	Note    string `json:"note"`
}

// itemLimit is the bound of one list request: the server's, or the
// request's limit=N where it asks for fewer.
type itemLimit struct {
	n     int
	asked bool
}

// listLimit reads a list route's limit=N against the server's
// query.max_items; ok is false (and a 400 written) for a bad number.
func (s *Server) listLimit(w http.ResponseWriter, r *http.Request) (itemLimit, bool) {
	max := s.cfg.MaxItems
	if max <= 0 {
		max = DefaultMaxItems
	}
	n, err := intParam(r.URL.Query().Get("limit"))
	if err != nil || n < 0 {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: fmt.Sprintf("limit must be a whole number, not %q", r.URL.Query().Get("limit"))})
		return itemLimit{}, false
	}
	if n > 0 && n < max {
		return itemLimit{n, true}, true
	}
	return itemLimit{max, false}, true
}

// cut keeps the first l.n items of a list of what (incidents, events...)
// and says so when there were more; nil when nothing was cut.
func cut[T any](items []T, l itemLimit, what string) ([]T, *Cut) {
	if l.n <= 0 || len(items) <= l.n {
		return items, nil
	}
	c := &Cut{Limit: l.n, Total: len(items), Setting: "query.max_items"}
	if l.asked {
		c.Setting = "limit"
		c.Note = fmt.Sprintf("cut at %d of %d %s, as asked (limit=%d)", l.n, len(items), what, l.n)
	} else {
		c.Note = fmt.Sprintf("cut at %d of %d %s, the server's limit (query.max_items raises it)", l.n, len(items), what)
	}
	return items[:l.n], c
}
