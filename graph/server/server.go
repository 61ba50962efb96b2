package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	chttp "github.com/cayleygraph/cayley/server/http"
	// N-Quads is the format of the console's write page and of /api/v2/read.
	_ "github.com/cayleygraph/quad/nquads"
	"github.com/julienschmidt/httprouter"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/names"
)

// Config configures a server.
type Config struct {
	Handle      *graph.Handle
	AllowWrites bool // accept /api/v2/write, /delete and /node/delete
	// WriteToken is the token writes must carry (see checkWrite); with
	// AllowWrites and no token, New makes a random one (WriteToken()).
	WriteToken   string
	QueryTimeout time.Duration // per query; 0 means none
	QueryLimit   int           // results per query; 0 means Cayley's default (100)
	QueryMemory  int64         // heap budget of running queries; 0 means DefaultQueryMemory
	MaxItems     int           // items a list route answers with (cut.go); 0 means DefaultMaxItems
	Index        bool          // keep the path finder's link index in memory
	HTTP         HTTPOptions   // for Serve
	Log          *slog.Logger
}

// Server serves the Cayley API and console and newsgraph's own routes.
type Server struct {
	cfg     Config
	engine  *Engine
	console *console
	mux     *http.ServeMux
	log     *slog.Logger
	mem     *memBudget

	mu   sync.Mutex
	apis map[*graph.Store]*chttp.APIv2 // the Cayley API bound to each store
}

// New makes a server. It starts building the path index in the
// background when cfg.Index is set.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	con, err := loadConsole(!cfg.AllowWrites)
	if err != nil {
		return nil, err
	}
	if cfg.AllowWrites && cfg.WriteToken == "" {
		if cfg.WriteToken, err = newToken(); err != nil {
			return nil, err
		}
	}
	s := &Server{cfg: cfg, console: con, log: cfg.Log, apis: map[*graph.Store]*chttp.APIv2{},
		engine: NewEngine(cfg.Handle, cfg.Index, cfg.Log), mem: newMemBudget(cfg.QueryMemory)}
	cfg.Handle.OnSwap(func(*graph.Store, string) {
		s.mu.Lock()
		clear(s.apis)
		s.mu.Unlock()
	})
	if cfg.Index {
		s.engine.Warm()
	}
	m := http.NewServeMux()
	m.HandleFunc("/api/v2/query", s.serveQuery)
	m.HandleFunc("/api/v2/", s.serveCayley)
	m.HandleFunc("POST /api/v1/shape/{lang}", s.serveShape)
	m.HandleFunc("GET /api/path", s.servePath)
	m.HandleFunc("GET /api/neighbors", s.serveNeighbors)
	m.HandleFunc("GET /api/timeline", s.serveTimeline)
	m.HandleFunc("GET /api/conflicts", s.serveConflicts)
	m.HandleFunc("GET /api/incidents", s.serveIncidents)
	m.HandleFunc("GET /api/resolve", s.serveResolve)
	m.HandleFunc("GET /api/status", s.serveStatus)
	s.explorerRoutes(m)
	m.HandleFunc("/", s.serveConsole)
	s.mux = m
	return s, nil
}

// WriteToken is the token writes must carry; "" for a read-only server.
func (s *Server) WriteToken() string { return s.cfg.WriteToken }

// Engine is the server's query engine.
func (s *Server) Engine() *Engine { return s.engine }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// writeRoutes are the Cayley routes that change the store.
var writeRoutes = map[string]bool{"/api/v2/write": true, "/api/v2/delete": true, "/api/v2/node/delete": true}

// serveCayley passes a request to the Cayley API of the current store,
// which stays open until the request is done. Writes must pass
// checkWrite; after a write, everything derived from the store (path
// index, names) is dropped.
func (s *Server) serveCayley(w http.ResponseWriter, r *http.Request) {
	write := writeRoutes[r.URL.Path]
	if write {
		if code, err := s.checkWrite(r); err != nil {
			writeJSON(w, code, errorBody{Error: err.Error(), Kind: "write"})
			return
		}
	}
	st, release := s.cfg.Handle.Acquire()
	defer release()
	api, err := s.apiFor(st)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	api.ServeHTTP(w, r)
	if write {
		s.engine.Invalidate(st)
	}
}

func (s *Server) apiFor(st *graph.Store) (*chttp.APIv2, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if api := s.apis[st]; api != nil {
		return api, nil
	}
	h := &cgraph.Handle{QuadStore: st.QuadStore()}
	if s.cfg.AllowWrites {
		w, err := cgraph.NewQuadWriter("single", st.QuadStore(), cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
		if err != nil {
			return nil, err
		}
		h.QuadWriter = w
	}
	api := chttp.NewBoundAPIv2(h, httprouter.New())
	if s.cfg.QueryTimeout > 0 {
		api.SetQueryTimeout(s.cfg.QueryTimeout)
	}
	if s.cfg.QueryLimit > 0 {
		api.SetQueryLimit(s.cfg.QueryLimit)
	}
	s.apis[st] = api
	return api, nil
}

func (s *Server) serveShape(w http.ResponseWriter, r *http.Request) {
	if lang := r.PathValue("lang"); lang != "gizmo" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf("query shapes are available for gizmo, not %q", lang)})
		return
	}
	body, err := readQuery(r.Body)
	if err != nil {
		writeJSON(w, err.(*requestError).code, errorBody{Error: err.Error()})
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	ctx, done := s.mem.watch(ctx)
	sh, err := queryShape(ctx, body)
	done()
	s.reply(w, sh, err)
}

// queryContext bounds one of newsgraph's own queries by the query timeout.
func (s *Server) queryContext(r *http.Request) (context.Context, context.CancelFunc) {
	if s.cfg.QueryTimeout > 0 {
		return context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	}
	return context.WithCancel(r.Context())
}

func (s *Server) servePath(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := PathRequest{From: q.Get("from"), To: q.Get("to")}
	var err error
	if req.K, err = intParam(q.Get("k")); err == nil {
		if req.MaxHops, err = intParam(q.Get("max_hops")); err == nil {
			req.HubLimit, err = intParam(q.Get("hub_limit"))
		}
	}
	if err != nil || req.From == "" || req.To == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want from, to and optionally k, max_hops, hub_limit (numbers) and via (types, comma-separated)"})
		return
	}
	if v := q.Get("via"); v != "" {
		req.Via = strings.Split(v, ",")
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Paths(ctx, req)
	s.reply(w, res, err)
}

func (s *Server) serveNeighbors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	hops, err := intParam(q.Get("hops"))
	limit, err2 := intParam(q.Get("limit"))
	if err != nil || err2 != nil || q.Get("name") == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want name and optionally hops and limit (numbers)"})
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Neighbors(ctx, q.Get("name"), path.NeighborOptions{Hops: hops, Limit: limit})
	s.reply(w, res, err)
}

func (s *Server) serveTimeline(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want name"})
		return
	}
	limit, ok := s.listLimit(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Timeline(ctx, name)
	if err == nil {
		res.Events, res.Cut = cut(res.Events, limit, "events")
	}
	s.reply(w, res, err)
}

// serveConflicts lists contradictions, all or (name=NAME) those naming one
// entity, at most query.max_items of them (or limit=N).
func (s *Server) serveConflicts(w http.ResponseWriter, r *http.Request) {
	limit, ok := s.listLimit(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	res, err := s.engine.Conflicts(ctx, r.URL.Query().Get("name"))
	if err == nil {
		res.Contradictions, res.Cut = cut(res.Contradictions, limit, "contradictions")
	}
	s.reply(w, res, err)
}

// serveIncidents lists incidents, all or those naming one entity
// (name=NAME), dated since a day, month or year (since=DATE; a bad date is
// a 400), at most query.max_items of them (or limit=N).
func (s *Server) serveIncidents(w http.ResponseWriter, r *http.Request) {
	limit, ok := s.listLimit(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.queryContext(r)
	defer cancel()
	q := r.URL.Query()
	res, err := s.engine.Incidents(ctx, q.Get("name"), q.Get("since"))
	if err == nil {
		res.Incidents, res.Cut = cut(res.Incidents, limit, "incidents")
	}
	s.reply(w, res, err)
}

func (s *Server) serveResolve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want name"})
		return
	}
	res, err := s.engine.Resolve(r.Context(), name)
	s.reply(w, res, err)
}

func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"generation":   s.cfg.Handle.Generation(),
		"allow_writes": s.cfg.AllowWrites,
		"path_index":   s.engine.Indexed(),
	})
}

// errorBody is the JSON of an error reply. Ambiguous and unknown names
// carry their candidates, so that a client can show them.
type errorBody struct {
	Error      string            `json:"error"`
	Kind       string            `json:"kind,omitempty"` // ambiguous, not_found, timeout, memory, and the guard's refusals
	Name       string            `json:"name,omitempty"`
	Candidates []names.Candidate `json:"candidates,omitempty"`
}

func (s *Server) reply(w http.ResponseWriter, v any, err error) {
	if err == nil {
		writeJSON(w, http.StatusOK, v)
		return
	}
	var amb *names.AmbiguousError
	var nf *names.NotFoundError
	switch {
	case errors.As(err, &amb):
		writeJSON(w, http.StatusConflict, errorBody{Error: err.Error(), Kind: "ambiguous", Name: amb.Name, Candidates: amb.Candidates})
	case errors.As(err, &nf):
		writeJSON(w, http.StatusNotFound, errorBody{Error: err.Error(), Kind: "not_found", Name: nf.Name, Candidates: nf.Nearest})
	case errors.Is(err, path.ErrNotFound):
		writeJSON(w, http.StatusNotFound, errorBody{Error: err.Error(), Kind: "not_found"})
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, graph.ErrTimeout):
		writeJSON(w, http.StatusGatewayTimeout, errorBody{Error: fmt.Sprintf("query stopped after %s, the server's time limit (query.timeout; newsgraph serve --timeout raises it)", s.cfg.QueryTimeout), Kind: "timeout"})
	case errors.Is(err, ErrMemoryBudget):
		writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: err.Error(), Kind: "memory"})
	default:
		s.log.Debug("query failed", "err", err)
		writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
	}
}

func intParam(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// IsLoopback reports whether a listen address binds only loopback
// interfaces. An empty host ("":64210) binds every interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve serves on ln until ctx ends, behind the guard and with the
// timeouts of cfg.HTTP (see ServeHandler).
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	return ServeHandler(ctx, ln, s, s.cfg.HTTP, s.cfg.QueryTimeout, grace)
}
