package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/newsgraph/newsgraph/explore"
	"github.com/newsgraph/newsgraph/graph/path"
)

// The explorer (/explore/) is a page for reading the graph without
// writing Gizmo: search by any spelling of a name, an entity's card,
// its timeline, paths and neighbourhood. The page is static (package
// explore) and reads the JSON routes: /api/resolve, /api/entity (here),
// /api/fact (a fact's evidence past the card's five), /api/map (geo.go),
// /api/timeline, /api/path and /api/neighbors. Those run under the same
// guard and query timeout as every other route.

// explorerRoutes adds the explorer's page and its card route to m.
func (s *Server) explorerRoutes(m *http.ServeMux) {
	m.Handle("GET /explore/", http.StripPrefix("/explore/", http.FileServerFS(explore.FS())))
	m.HandleFunc("GET /api/entity", s.serveEntity)
	m.HandleFunc("GET /api/fact", s.serveFact)
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

// FactResult is one fact of a card with more of its evidence: up to
// MaxFactEvidenceAll sentences (Fact.Statements counts them all).
type FactResult struct {
	Entity    path.Node `json:"entity"`
	Predicate string    `json:"predicate"`
	Direction string    `json:"direction"`
	Fact      Fact      `json:"fact"`
}

// serveFact answers /api/fact?name=E&predicate=P&direction=out|in&other=IRI:
// the fact of E's card with up to MaxFactEvidenceAll evidence sentences,
// for the card's "show more".
func (s *Server) serveFact(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name, pred, dir, other := q.Get("name"), q.Get("predicate"), q.Get("direction"), q.Get("other")
	if name == "" || pred == "" || other == "" || (dir != "out" && dir != "in") {
		writeJSON(w, http.StatusBadRequest, errorBody{Error: "want name, predicate, direction (out or in) and other (the IRI of the fact's other end)"})
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Fact(ctx, name, pred, dir, other)
	s.reply(w, res, err)
}

// Fact resolves a name as Card does and returns one fact of its card, the
// one linking it by pred in direction dir to the node other, with up to
// MaxFactEvidenceAll evidence sentences.
func (e *Engine) Fact(ctx context.Context, name, pred, dir, other string) (*FactResult, error) {
	st, release := e.h.Acquire()
	defer release()
	c, err := e.resolve(ctx, st, e.stateOf(st), name)
	if err != nil {
		return nil, err
	}
	card, err := cardWith(ctx, st.Reader(), c.IRI, MaxFactEvidenceAll)
	if err != nil {
		return nil, err
	}
	for _, g := range card.Facts {
		if g.Predicate != pred || g.Direction != dir {
			continue
		}
		for _, f := range g.Facts {
			if f.Other.IRI == other {
				return &FactResult{Entity: card.Node, Predicate: pred, Direction: dir, Fact: f}, nil
			}
		}
	}
	return nil, fmt.Errorf("%s has no fact %s (%s) with %s: %w", card.Name, pred, dir, other, path.ErrNotFound)
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
