// Package graph is newsgraph's store: a Cayley quad store opened by backend
// name, loaded one article (one quad label) at a time, and queried with
// Gizmo. It knows quads and labels, not the rules that produced them.
package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	// The query language and the writer are registered by import.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/writer"
)

// Config says which backend to open and where.
type Config struct {
	Backend string // a registered backend's name; "" is DefaultBackend
	Path    string // directory of an embedded store
	DSN     string // connection string of a server backend
	// ReadOnly opens the store for reading: every write fails with
	// ErrReadOnly.
	ReadOnly bool
}

// Backend opens (creating if needed) a Cayley quad store. Each lives in a
// package of its own (graph/bolt, graph/memory, graph/postgres) that
// registers it in its init; graph/all links them all.
type Backend interface {
	// Open returns the store, creating an empty one if none exists.
	Open(ctx context.Context, cfg Config) (*Opened, error)
	// Capabilities says what the backend can do; callers ask it instead
	// of comparing backend names.
	Capabilities() Capabilities
	// Describe names the store cfg points at for messages: a directory,
	// or a server and database without the password.
	Describe(cfg Config) string
}

// Capabilities are what a backend declares of itself.
type Capabilities struct {
	// Persistent: the graph outlives the process (memory's does not).
	Persistent bool
	// Generations: the store is files under Config.Path, so a rebuild can
	// copy it into a new generation and swap it in whole (graph.Generations).
	// A backend without them is rebuilt in place.
	Generations bool
	// BulkLoad: the backend loads many quads at once faster than Cayley's
	// writer does (Store.BulkLoad uses it); its Opened.Bulk is set.
	BulkLoad bool
}

// Opened is a store as a backend opens it: Cayley's quad store and the
// faster ways of its own, where it has them, that Store uses instead of
// Cayley's generic ones.
type Opened struct {
	QuadStore graph.QuadStore
	// Release, if set, is called after the store is closed.
	Release func()
	// Writer replaces Cayley's writer; like the one Open makes otherwise,
	// it must ignore duplicate and missing quads.
	Writer graph.QuadWriter
	// Bulk is set exactly when the backend declares Capabilities.BulkLoad
	// (Open checks).
	Bulk BulkLoader
	// Batch reads around many nodes per round trip (Store.BatchReader).
	Batch BatchReader
	// Counter counts quads and nodes better than the quad store does.
	Counter Counter
	// Labels finds a label's quads by an index of its own.
	Labels LabelQuader
	// Indexes loads an empty store without the indexes that only reads
	// need (Store.DeferIndexes).
	Indexes IndexDeferrer
	// Stamper stamps what the store holds (Store.WriteStamp).
	Stamper Stamper
	// Keeper keeps data derived from the store with it (Store.Keep); it
	// is used only with a Stamper.
	Keeper Keeper
}

// BackendOf returns the backend registered under name.
func BackendOf(name string) (Backend, error) {
	backendsMu.RLock()
	b, ok := backends[name]
	backendsMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("graph: unknown backend %q (have %v)", name, Backends())
	}
	return b, nil
}

// Capabilities are the capabilities of the backend cfg names; an unknown
// backend has none (Open reports it).
func (cfg Config) Capabilities() Capabilities {
	b, err := BackendOf(cfg.backend())
	if err != nil {
		return Capabilities{}
	}
	return b.Capabilities()
}

// Describe names the store cfg points at, for messages.
func (cfg Config) Describe() string {
	b, err := BackendOf(cfg.backend())
	if err != nil {
		return cfg.Backend
	}
	return b.Describe(cfg)
}

// DefaultBackend is the backend of a Config that names none: the
// embedded store.
const DefaultBackend = "bolt"

func (cfg Config) backend() string {
	if cfg.Backend == "" {
		return DefaultBackend
	}
	return cfg.Backend
}

var (
	backendsMu sync.RWMutex
	backends   = map[string]Backend{}
)

// RegisterBackend makes a backend available by name to Open.
func RegisterBackend(name string, b Backend) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	if _, dup := backends[name]; dup {
		panic("graph: RegisterBackend called twice for " + name)
	}
	backends[name] = b
}

// Backends lists the registered backend names, sorted.
func Backends() []string {
	backendsMu.RLock()
	defer backendsMu.RUnlock()
	out := make([]string, 0, len(backends))
	for n := range backends {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Store is an open quad store.
type Store struct {
	qs       graph.QuadStore
	w        graph.QuadWriter
	opened   *Opened
	caps     Capabilities
	backend  string
	readOnly bool
}

// Open opens the store that cfg names.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg.Backend = cfg.backend()
	b, err := BackendOf(cfg.Backend)
	if err != nil {
		return nil, err
	}
	o, err := b.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if o.Release == nil {
		o.Release = func() {}
	}
	caps := b.Capabilities()
	w := o.Writer
	switch {
	case caps.BulkLoad != (o.Bulk != nil):
		err = fmt.Errorf("graph: backend %s declares bulk load %v but brings a bulk loader: %v", cfg.Backend, caps.BulkLoad, o.Bulk != nil)
	case w == nil:
		w, err = graph.NewQuadWriter("single", o.QuadStore, graph.Options{"ignore_duplicate": true, "ignore_missing": true})
	}
	if err != nil {
		if o.Writer != nil {
			o.Writer.Close()
		}
		o.QuadStore.Close()
		o.Release()
		return nil, err
	}
	return &Store{qs: o.QuadStore, w: w, opened: o, caps: caps, backend: cfg.Backend, readOnly: cfg.ReadOnly}, nil
}

// ErrReadOnly is returned by writes to a store opened with Config.ReadOnly.
var ErrReadOnly = errors.New("graph: the store was opened read-only")

// writable fails on a store opened read-only.
func (s *Store) writable() error {
	if s.readOnly {
		return ErrReadOnly
	}
	return nil
}

// QuadStore is the underlying Cayley store, for query engines and exporters.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Backend is the name of the backend the store was opened with.
func (s *Store) Backend() string { return s.backend }

// Close closes the store.
func (s *Store) Close() error {
	err := s.w.Close()
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	s.opened.Release()
	return err
}

// Stats counts the store's quads and nodes.
type Stats struct {
	Quads int64 `json:"quads"`
	Nodes int64 `json:"nodes"`
}

// Stats returns exact counts.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if c := s.opened.Counter; c != nil { // Cayley's SQL store caches stale counts (bulk.go)
		return c.Count(ctx)
	}
	st, err := s.qs.Stats(ctx, true)
	if errors.Is(err, kv.ErrNoBucket) {
		return Stats{}, nil // a key-value store nothing was ever written to
	}
	if err != nil {
		return Stats{}, err
	}
	return Stats{Quads: st.Quads.Value, Nodes: st.Nodes.Value}, nil
}

// QuadCount returns the number of quads, cheaply: exact on bolt (its
// count is kept as it writes) and on PostgreSQL (count(*), as Stats), an
// estimate only on backends that keep none. It never reads every node, as
// Stats does on bolt to count them.
func (s *Store) QuadCount(ctx context.Context) (int64, error) {
	if c := s.opened.Counter; c != nil {
		st, err := c.Count(ctx)
		return st.Quads, err
	}
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // Cayley keeps no count until the first write
	}
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

// HasQuad reports whether the store holds that exact quad (label included).
func (s *Store) HasQuad(ctx context.Context, q quad.Quad) (bool, error) {
	found := false
	err := s.eachQuad(ctx, quad.Subject, q.Subject, func(x quad.Quad) bool {
		if x == q {
			found = true
			return false
		}
		return true
	})
	return found, err
}

// Subjects returns the subjects of quads (any label) with that predicate and object.
func (s *Store) Subjects(ctx context.Context, p quad.Value, o quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	err := s.eachQuad(ctx, quad.Object, o, func(x quad.Quad) bool {
		if x.Predicate == p {
			out = append(out, x.Subject)
		}
		return true
	})
	return out, err
}

// Quads returns every quad (any label) whose value in direction d is v:
// a node's outgoing quads with quad.Subject, its incoming ones with
// quad.Object.
func (s *Store) Quads(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachQuad(ctx, d, v, func(q quad.Quad) bool { out = append(out, q); return true })
	return out, err
}

// QuadsWith returns the quads (any label) whose value in direction d
// (quad.Subject or quad.Object) is v and whose predicate is p: on bolt by
// an index (Reader.Scan), so that the few quads of one predicate of a hub
// cost no read of its many others.
func (s *Store) QuadsWith(ctx context.Context, d quad.Direction, v, p quad.Value) ([]quad.Quad, error) {
	pred, err := s.qs.ValueOf(p)
	if err != nil || pred == nil {
		return nil, err
	}
	var out []quad.Quad
	err = s.eachQuadOf(ctx, d, v, pred, func(q quad.Quad) bool { out = append(out, q); return true })
	return out, err
}

// LabelQuads returns every quad labelled label.
//
// Cayley's key-value stores keep no label index, so the quads are found from
// the label's own node: quads whose subject or object is the label node,
// and the quads with that label of every node that points at the label
// node. Writers must keep to that shape (schema.ToQuads does: entities,
// events and statements all point at their article), or the quads they
// write cannot be replaced.
func (s *Store) LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error) {
	if lq := s.opened.Labels; lq != nil { // a backend with a label index (bulk.go)
		return lq.LabelQuads(ctx, label)
	}
	seen := map[quad.Quad]struct{}{}
	var out []quad.Quad
	keep := func(q quad.Quad) {
		if q.Label == label {
			if _, dup := seen[q]; !dup {
				seen[q] = struct{}{}
				out = append(out, q)
			}
		}
	}
	var pointers []quad.Value
	pointed := map[quad.Value]bool{}
	if err := s.eachQuad(ctx, quad.Object, label, func(q quad.Quad) bool {
		keep(q)
		if q.Label == label && !pointed[q.Subject] {
			pointed[q.Subject] = true
			pointers = append(pointers, q.Subject)
		}
		return true
	}); err != nil {
		return nil, err
	}
	for _, n := range append([]quad.Value{label}, pointers...) {
		if err := s.eachQuad(ctx, quad.Subject, n, func(q quad.Quad) bool { keep(q); return true }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eachQuad calls fn for every quad with value v in direction d, until fn
// returns false. The quads' references are read first (Reader.Refs), so
// that reading the quads opens no second read transaction on bolt.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) bool) error {
	return s.eachQuadOf(ctx, d, v, nil, fn)
}

// eachQuadOf is eachQuad for the quads of one predicate, or of any if
// pred is nil.
func (s *Store) eachQuadOf(ctx context.Context, d quad.Direction, v quad.Value, pred graph.Ref, fn func(quad.Quad) bool) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	qrefs, err := NewReader(s.qs).Refs(ctx, ref, d, pred, 0)
	if err != nil {
		return err
	}
	for _, r := range qrefs {
		q, err := s.qs.Quad(r)
		if err != nil {
			return err
		}
		if !fn(q) {
			break
		}
	}
	return ctx.Err()
}

// Replace adds quads, then removes every other quad labelled by one of
// remove. Adding a quad that exists already is a no-op, so replacing a label
// by itself removes only what its new quads no longer hold.
//
// The two steps are separate transactions because Cayley's key-value
// stores mis-write a transaction that both adds and removes quads of a node
// whose quad count falls (the added quads lose that node). Adding first
// means a crash between the steps leaves both versions, never neither:
// nothing already in the graph is lost, and the next build removes the
// stale one.
func (s *Store) Replace(ctx context.Context, remove []quad.Value, quads []quad.Quad) (removed int, err error) {
	if err := s.writable(); err != nil {
		return 0, err
	}
	var old []quad.Quad
	for _, l := range remove {
		lq, err := s.LabelQuads(ctx, l)
		if err != nil {
			return 0, fmt.Errorf("graph: finding quads of %v: %w", l, err)
		}
		old = append(old, lq...)
	}
	if len(quads) > 0 {
		add := graph.NewTransactionN(len(quads))
		for _, q := range quads {
			add.AddQuad(q)
		}
		if err := s.w.ApplyTransaction(add); err != nil {
			return 0, fmt.Errorf("graph: adding %d quads: %w", len(add.Deltas), err)
		}
	}
	keep := make(map[quad.Quad]bool, len(quads))
	for _, q := range quads {
		keep[q] = true
	}
	del := graph.NewTransactionN(len(old))
	for _, q := range old {
		if !keep[q] {
			del.RemoveQuad(q)
		}
	}
	if len(del.Deltas) == 0 {
		return 0, nil
	}
	if err := s.w.ApplyTransaction(del); err != nil {
		return 0, fmt.Errorf("graph: removing %d quads: %w", len(del.Deltas), err)
	}
	swept, err := s.sweep(ctx, old, remove)
	return len(del.Deltas) + swept, err
}

// Owned reports whether q is owned by its subject: labelled with the
// subject's own IRI. An entity owns its type, name and aliases, which
// every article that mentions it writes alike and the store holds once;
// an article owns its metadata, and the nodes the analysis writes all
// their quads. Owned quads of a node go when nothing else is said of it
// (Replace, RemoveQuads).
func Owned(q quad.Quad) bool { return q.Label != nil && q.Label == q.Subject }

// sweep removes the owned quads of every subject of removed quads (but
// the labels in except, which the caller is replacing) of which nothing is
// said any more but what it owns: an entity goes with the last article
// that mentions it, an article with its last quad. It returns how many
// quads it removed.
func (s *Store) sweep(ctx context.Context, removed []quad.Quad, except []quad.Value) (int, error) {
	seen := map[quad.Value]bool{}
	for _, l := range except {
		seen[l] = true
	}
	del := graph.NewTransaction()
	for _, q := range removed {
		if seen[q.Subject] {
			continue
		}
		seen[q.Subject] = true
		own, err := s.orphaned(ctx, q.Subject)
		if err != nil {
			return 0, err
		}
		for _, x := range own {
			del.RemoveQuad(x)
		}
	}
	if len(del.Deltas) == 0 {
		return 0, nil
	}
	if err := s.w.ApplyTransaction(del); err != nil {
		return 0, fmt.Errorf("graph: removing %d quads of nodes no label mentions: %w", len(del.Deltas), err)
	}
	return len(del.Deltas), nil
}

// ErrLocked is returned when another process holds an embedded store.
var ErrLocked = errors.New("the store is in use by another newsgraph process")

// ensureDir creates the directory of an embedded store.
func ensureDir(path string) error {
	if path == "" {
		return errors.New("graph: no path given for an embedded store (set data_dir)")
	}
	return os.MkdirAll(filepath.Clean(path), 0o755)
}

// sweepProbe is how many of a node's quads sweep reads first: an entity
// owns a handful, so among that many one is another label's unless the
// node is an orphan, and a hub mentioned by thousands of articles costs
// no read of all its quads.
const sweepProbe = 64

// orphaned returns the owned quads of v if nothing else is said of v,
// and nothing otherwise.
func (s *Store) orphaned(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	for limit := sweepProbe; ; limit = 0 {
		qrefs, err := NewReader(s.qs).Refs(ctx, ref, quad.Subject, nil, limit)
		if err != nil {
			return nil, err
		}
		var own []quad.Quad
		for _, r := range qrefs {
			q, err := s.qs.Quad(r)
			if err != nil {
				return nil, err
			}
			if !Owned(q) {
				return nil, nil
			}
			own = append(own, q)
		}
		if limit == 0 || len(qrefs) < limit {
			return own, nil
		}
	}
}

// Compacter is implemented by a backend whose store takes less room
// rewritten at rest (bolt: its pages full; PostgreSQL: its indexes
// rebuilt from the tables).
type Compacter interface {
	// Compact rewrites the closed store cfg names.
	Compact(ctx context.Context, cfg Config) (Compacted, error)
}

// Compacted is what a compaction did: the store's size in bytes before
// and after.
type Compacted struct{ Before, After int64 }

// Compact rewrites the store cfg names, which must be closed, at its
// smallest, if its backend can (Compacter); otherwise it does nothing.
// The graph is the same after.
func Compact(ctx context.Context, cfg Config) (Compacted, error) {
	cfg.Backend = cfg.backend()
	b, err := BackendOf(cfg.Backend)
	if err != nil {
		return Compacted{}, err
	}
	c, ok := b.(Compacter)
	if !ok || cfg.ReadOnly {
		return Compacted{}, nil
	}
	return c.Compact(ctx, cfg)
}
