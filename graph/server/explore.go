package server

import (
	"context"
	"net/http"

	"github.com/newsgraph/newsgraph/explore"
)

// The explorer (/explore/) is a page for reading the graph without
// writing Gizmo: search by any spelling of a name, an entity's card,
// its timeline, paths and neighbourhood. The page is static (package
// explore) and reads the JSON routes: /api/resolve, /api/entity (here),
// /api/map (geo.go), /api/timeline, /api/path and /api/neighbors. Those run under the same
// guard and query timeout as every other route.

// explorerRoutes adds the explorer's page and its card route to m.
func (s *Server) explorerRoutes(m *http.ServeMux) {
	m.Handle("GET /explore/", http.StripPrefix("/explore/", http.FileServerFS(explore.FS())))
	m.HandleFunc("GET /api/entity", s.serveEntity)
	m.HandleFunc("GET /api/map", s.serveMap)
}

func (s *Server) serveEntity(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want name (a name in any spelling, or an IRI)"})
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Card(ctx, name)
	s.reply(w, res, err)
}

// Card resolves a name as Paths does and returns the entity's card.
func (e *Engine) Card(ctx context.Context, name string) (*Card, error) {
	st, release := e.h.Acquire()
	defer release()
	c, err := e.resolve(ctx, st, e.stateOf(st), name)
	if err != nil {
		return nil, err
	}
	return cardOf(ctx, st.Reader(), c.IRI)
}
