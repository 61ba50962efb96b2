// Package server is newsgraph's HTTP server: the Cayley HTTP API (v2) and
// web console on the configured store, the query-shape route the console
// still calls (/api/v1/shape/gizmo), and newsgraph's own evidence-backed
// routes (/api/path, /api/neighbors, /api/timeline, /api/conflicts,
// /api/incidents, /api/resolve, /api/entity, /api/fact, /api/map) with the explorer page that
// reads them (/explore/). It is read-only unless told otherwise.
//
// It is also how several processes share one embedded store: bolt admits
// one process at a time, so while a server holds the store it writes its
// address into the data directory (AddrFileName), and the CLI's query, path,
// neighbors and timeline commands, finding the store locked, send their
// query to that address instead (Client).
package server

import (
	"context"
	"log/slog"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/names"
)

// Engine answers path, neighbourhood, timeline and name questions on the
// current store of a handle, resolving names first. It keeps, per store,
// a path finder and a name index, built lazily and dropped when the store
// is written to or swapped for a new generation.
type Engine struct {
	h     *graph.Handle
	index bool // build the path finder's link index (long-lived processes)
	log   *slog.Logger

	mu    sync.Mutex
	state map[*graph.Store]*storeState

	// The background builds, which Stop cancels and waits for: a build
	// pins its store, which must be closed when the server stops.
	builds     sync.WaitGroup
	stopBuilds context.CancelFunc
	buildCtx   context.Context
}

type storeState struct {
	finder *path.Finder
	once   sync.Once // guards the first link index build
	names  *names.Index
	nameMu sync.Mutex
}

// NewEngine returns an engine on h. With index set, the first query on a
// store starts building the link index in the background (see
// path.Finder.BuildIndex); queries read the store directly until it is
// ready.
func NewEngine(h *graph.Handle, index bool, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{h: h, index: index, log: log, state: map[*graph.Store]*storeState{}}
	e.buildCtx, e.stopBuilds = context.WithCancel(context.Background())
	h.OnSwap(func(st *graph.Store, _ string) {
		e.mu.Lock()
		clear(e.state) // older stores are closed once their last query ends
		e.mu.Unlock()
		if index {
			e.stateOf(st) // start indexing the new store at once
		}
	})
	return e
}

// Warm starts building the current store's link index, if the engine
// indexes at all.
func (e *Engine) Warm() {
	st, release := e.h.Acquire()
	defer release()
	e.stateOf(st)
}

func (e *Engine) stateOf(st *graph.Store) *storeState {
	e.mu.Lock()
	s := e.state[st]
	if s == nil {
		s = &storeState{finder: path.New(st.Reader())}
		e.state[st] = s
	}
	e.mu.Unlock()
	if e.index {
		s.once.Do(func() {
			e.builds.Add(1)
			go func() {
				defer e.builds.Done()
				e.build(e.buildCtx, st, s)
			}()
		})
	}
	return s
}

// Stop cancels the background index builds and waits for them to let go
// of their stores, so that closing the handle then closes the store: a
// server that stops leaves it free for the next command.
func (e *Engine) Stop() {
	e.stopBuilds()
	e.builds.Wait()
}

// build makes the name index and the link index of one store. The store
// stays pinned while it is read. Names come first: they take seconds on
// a large store, and every search, card and path needs them.
func (e *Engine) build(ctx context.Context, st *graph.Store, s *storeState) {
	cur, release := e.h.Acquire()
	defer release()
	if cur != st || ctx.Err() != nil {
		return // swapped meanwhile, or stopping
	}
	if _, err := e.namesOf(ctx, st, s); err != nil && ctx.Err() == nil {
		e.log.Warn("name index not loaded; the first query loads it", "err", err)
	}
	stats, err := s.finder.BuildIndex(ctx)
	if err != nil {
		if ctx.Err() == nil {
			e.log.Warn("path index not built; path queries read the store directly", "err", err)
		}
		return
	}
	e.log.Info("path index ready", "quads", stats.Quads, "nodes", stats.Nodes, "links", stats.HalfEdges/2, "took", stats.Took)
}

// Invalidate forgets everything derived from st; whoever writes to a store
// must call it. The index is rebuilt on the next query.
func (e *Engine) Invalidate(st *graph.Store) {
	e.mu.Lock()
	s := e.state[st]
	delete(e.state, st)
	e.mu.Unlock()
	if s != nil {
		s.finder.Invalidate()
	}
}

// Indexed reports whether path queries on the current store use an index.
func (e *Engine) Indexed() bool {
	st, release := e.h.Acquire()
	defer release()
	e.mu.Lock()
	s := e.state[st]
	e.mu.Unlock()
	return s != nil && s.finder.Indexed()
}

// namesOf returns the store's name index, loading it on first use: the
// index kept with the store (names.LoadKept), which build and rebuild
// keep, so that neither a one-shot command nor a server reads every
// entity of a large store before its first answer.
func (e *Engine) namesOf(ctx context.Context, st *graph.Store, s *storeState) (*names.Index, error) {
	s.nameMu.Lock()
	defer s.nameMu.Unlock()
	if s.names == nil {
		ix, err := names.LoadKept(ctx, st)
		if err != nil {
			return nil, err
		}
		s.names = ix
	}
	return s.names, nil
}

// PathRequest asks for the k shortest paths between two names.
type PathRequest struct {
	From, To string
	path.Options
}

// resolve turns a name (or an IRI) into a node. An IRI is looked up in
// the index too, for the name and type shown with it (the explorer's
// links name entities by IRI).
func (e *Engine) resolve(ctx context.Context, st *graph.Store, s *storeState, name string) (names.Candidate, error) {
	ix, err := e.namesOf(ctx, st, s)
	if err != nil {
		return names.Candidate{}, err
	}
	return ix.Resolve(name)
}

// Resolve returns the entity a name means.
func (e *Engine) Resolve(ctx context.Context, name string) (names.Candidate, error) {
	st, release := e.h.Acquire()
	defer release()
	return e.resolve(ctx, st, e.stateOf(st), name)
}

// Paths resolves both names and returns the paths between them.
func (e *Engine) Paths(ctx context.Context, req PathRequest) (*path.Result, error) {
	if err := req.Options.Check(); err != nil {
		return nil, err
	}
	st, release := e.h.Acquire()
	defer release()
	s := e.stateOf(st)
	from, err := e.resolve(ctx, st, s, req.From)
	if err != nil {
		return nil, err
	}
	to, err := e.resolve(ctx, st, s, req.To)
	if err != nil {
		return nil, err
	}
	return s.finder.Paths(ctx, quad.IRI(from.IRI), quad.IRI(to.IRI), req.Options)
}

// NeighborsResult is the answer to a neighbourhood query.
type NeighborsResult struct {
	Node      path.Node       `json:"node"`
	Hops      int             `json:"hops"`
	Neighbors []path.Neighbor `json:"neighbors"`
	Truncated bool            `json:"truncated"`
}

// Neighbors resolves a name and returns its neighbourhood.
func (e *Engine) Neighbors(ctx context.Context, name string, opts path.NeighborOptions) (*NeighborsResult, error) {
	st, release := e.h.Acquire()
	defer release()
	s := e.stateOf(st)
	c, err := e.resolve(ctx, st, s, name)
	if err != nil {
		return nil, err
	}
	ns, trunc, err := s.finder.Neighbors(ctx, quad.IRI(c.IRI), opts)
	if err != nil {
		return nil, err
	}
	if ns == nil {
		ns = []path.Neighbor{}
	}
	hops := max(opts.Hops, 1)
	return &NeighborsResult{Node: path.Node{IRI: c.IRI, Name: c.Name, Type: c.Type}, Hops: hops, Neighbors: ns, Truncated: trunc}, nil
}

// TimelineResult is the answer to a timeline query.
type TimelineResult struct {
	Actor  path.Node            `json:"actor"`
	Events []path.TimelineEntry `json:"events"`
	Cut    *Cut                 `json:"cut,omitempty"` // the route's size limit cut Events (cut.go)
}

// Timeline resolves a name and returns the events the actor took part in.
func (e *Engine) Timeline(ctx context.Context, name string) (*TimelineResult, error) {
	st, release := e.h.Acquire()
	defer release()
	s := e.stateOf(st)
	c, err := e.resolve(ctx, st, s, name)
	if err != nil {
		return nil, err
	}
	evs, err := s.finder.Timeline(ctx, quad.IRI(c.IRI))
	if err != nil {
		return nil, err
	}
	return &TimelineResult{Actor: path.Node{IRI: c.IRI, Name: c.Name, Type: c.Type}, Events: evs}, nil
}

// ConflictsResult is the answer to a conflicts query.
type ConflictsResult struct {
	Around         *path.Node               `json:"around,omitempty"`
	Contradictions []analysis.Contradiction `json:"contradictions"`
	Cut            *Cut                     `json:"cut,omitempty"` // the route's size limit cut Contradictions (cut.go)
}

// Conflicts returns the store's contradictions; with a name, those whose
// sides name what it resolves to.
func (e *Engine) Conflicts(ctx context.Context, name string) (*ConflictsResult, error) {
	st, release := e.h.Acquire()
	defer release()
	node, around, err := e.around(ctx, st, name)
	if err != nil {
		return nil, err
	}
	res := &ConflictsResult{Around: node}
	res.Contradictions, err = analysis.Contradictions(ctx, st, around)
	return res, err
}

// around resolves the name a list is narrowed to: the entity and its IRI,
// or nothing for "".
func (e *Engine) around(ctx context.Context, st *graph.Store, name string) (*path.Node, quad.Value, error) {
	if name == "" {
		return nil, nil, nil
	}
	c, err := e.resolve(ctx, st, e.stateOf(st), name)
	if err != nil {
		return nil, nil, err
	}
	return &path.Node{IRI: c.IRI, Name: c.Name, Type: c.Type}, quad.IRI(c.IRI), nil
}

// IncidentsResult is the answer to an incidents query.
type IncidentsResult struct {
	Around    *path.Node          `json:"around,omitempty"`
	Incidents []analysis.Incident `json:"incidents"`
	Cut       *Cut                `json:"cut,omitempty"` // the route's size limit cut Incidents (cut.go)
}

// Incidents returns the store's incidents dated since (a day, month or
// year; "" for all) and, with a name, those one of whose reports names
// what it resolves to as agent, target or place.
func (e *Engine) Incidents(ctx context.Context, name, since string) (*IncidentsResult, error) {
	st, release := e.h.Acquire()
	defer release()
	node, around, err := e.around(ctx, st, name)
	if err != nil {
		return nil, err
	}
	res := &IncidentsResult{Around: node}
	res.Incidents, err = analysis.Incidents(ctx, st, around, since)
	return res, err
}
