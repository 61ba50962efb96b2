// Package path answers questions about how things in the graph connect:
// the k shortest paths between two nodes, a node's neighbourhood, and the
// timeline of an actor's events — each step shown with the evidence that
// supports it.
//
// Cayley has no shortest-path step, and its FollowRecursive can neither
// return the path it followed nor follow links in both directions, so the
// search is done here, in Go, directly on the quad store's indexes: a
// bidirectional Dijkstra over both edge directions (search.go) inside
// Yen's k-shortest-paths algorithm (yen.go). Only links are followed: the
// closed set of fact predicates and the roles tying an event to its
// participants. Each hop's evidence comes from the rdf:Statement node that
// records the fact, or, for an event's role, from the event node itself.
//
// Paths are ranked by cost, not by hop count: a hop costs 1, and passing
// through a node costs ln(1 + the number of articles that mention it). A
// hub such as Iraq or the United States, mentioned in thousands of
// articles, costs about 8, so a two-hop path through it ranks below a
// three- or four-hop path through specific groups, bases and people —
// which are the links an analyst is after. The endpoints themselves cost
// nothing.
package path

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Defaults of Options.
const (
	DefaultK       = 3
	DefaultMaxHops = 4
	// MaxHopsLimit bounds MaxHops: past it, almost everything connects to
	// everything through a hub, and the search only costs time.
	MaxHopsLimit = 8
	// MaxK bounds K: each path past the first is a round of Yen's spur
	// searches plus the evidence of every hop, and no one reads a
	// hundred paths.
	MaxK = 100
	// DefaultHubLimit is the default Options.HubLimit. A node mentioned in
	// over a thousand articles (a country, a superpower, a capital) links
	// thousands of events: a path through it says little, costs ln(1001) ≈ 7
	// (as much as seven more hops through specific nodes), and reading its
	// links grows with the corpus, so a search that passes through hubs
	// slows down as the corpus grows. As an endpoint a hub is always allowed.
	DefaultHubLimit = 1000
)

// Options shape a path search.
type Options struct {
	K       int      // number of paths; 0 means DefaultK
	MaxHops int      // longest path in hops; 0 means DefaultMaxHops
	Via     []string // types an intermediate node may have ("ArmedGroup", "Event", ...); empty admits all
	// HubLimit keeps paths out of hubs: no intermediate node may be
	// mentioned in more than HubLimit articles. 0 means DefaultHubLimit;
	// a negative limit admits every node.
	HubLimit int
}

// Node is a node as shown to a user.
type Node struct {
	IRI  string `json:"iri"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// Hop is one step of a path, from the node before to the node after.
// Its Link is the strongest of the links between the two; Also lists the
// others, if any.
type Hop struct {
	From     string `json:"from"`
	FromName string `json:"from_name"`
	To       string `json:"to"`
	ToName   string `json:"to_name"`
	Link
	Also []Link `json:"also,omitempty"`
}

// Path is one path, with its cost (hops plus hub penalties; lower is better).
type Path struct {
	Cost  float64 `json:"cost"`
	Nodes []Node  `json:"nodes"`
	Hops  []Hop   `json:"hops"`
}

// Result is the answer to a path query.
type Result struct {
	From  Node   `json:"from"`
	To    Node   `json:"to"`
	Paths []Path `json:"paths"`
	// Expanded counts the nodes whose links the search read: a measure of
	// the work done, for benchmarks and for tuning.
	Expanded int `json:"expanded"`
	// HubsAvoided lists the hubs (Options.HubLimit) a path could have
	// passed through but did not, by name: the paths shown are the best
	// that avoid them.
	HubsAvoided []Node `json:"hubs_avoided,omitempty"`

	stats viewStats
}

// ErrNotFound is returned when an endpoint is not in the store.
var ErrNotFound = errors.New("not in the graph")

// Finder answers path, neighbourhood and timeline queries on a store.
// Without an index it reads what each query needs straight from the
// store; BuildIndex makes it keep the link structure in memory, which a
// long-lived process should do (see linkIndex). It is safe for concurrent
// use.
type Finder struct {
	rd    graph.Reader
	batch graph.BatchReader // nil: read through Cayley's iterators
	mu    sync.Mutex
	idx   *linkIndex
	gen   uint64 // bumped by Invalidate, so that a build racing a write is dropped
}

// New returns a Finder on a store's reader (graph.Store.Reader), without
// an index. On a backend that reads many nodes per round trip
// (graph.Reader.Batch: PostgreSQL), a query reads the links of the node
// it expands and the mention counts of all its neighbours in a few
// queries, instead of one round trip per neighbour.
func New(rd graph.Reader) *Finder { return &Finder{rd: rd, batch: rd.Batch()} }

// BuildIndex reads the store's links and mention counts into memory, in
// one pass over every quad; queries use the index from then on, until
// Invalidate. If the store is invalidated while the index is being built,
// the index is dropped.
func (f *Finder) BuildIndex(ctx context.Context) (IndexStats, error) {
	f.mu.Lock()
	gen := f.gen
	f.mu.Unlock()
	idx, err := buildIndex(ctx, f.rd)
	if err != nil {
		return IndexStats{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gen != gen {
		return idx.stats, errors.New("path: the store changed while the index was built")
	}
	f.idx = idx
	return idx.stats, nil
}

// Invalidate drops the index. Whoever writes to the store must call it;
// queries read the store directly until the next BuildIndex.
func (f *Finder) Invalidate() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gen++
	f.idx = nil
}

// Indexed reports whether queries are answered from an index.
func (f *Finder) Indexed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.idx != nil
}

// view starts a query.
func (f *Finder) view(ctx context.Context) *view {
	f.mu.Lock()
	idx := f.idx
	f.mu.Unlock()
	v := newView(ctx, f.rd, idx)
	// With an index the search reads nothing, but the answer's names,
	// types and evidence still come from the store: on PostgreSQL, read
	// one node or quad at a time, they were thousands of round trips a
	// query.
	v.batch = f.batch
	return v
}

// Check reports options out of bounds. Callers that must resolve names
// first call it before, so that a refused query costs nothing.
func (o Options) Check() error {
	if o.K > MaxK {
		return fmt.Errorf("path: k %d is over the limit of %d", o.K, MaxK)
	}
	if o.MaxHops > MaxHopsLimit {
		return fmt.Errorf("path: max hops %d is over the limit of %d", o.MaxHops, MaxHopsLimit)
	}
	for _, t := range o.Via {
		if !slices.Contains(ValidTypes(), t) {
			return fmt.Errorf("path: unknown type %q in via (have %v)", t, ValidTypes())
		}
	}
	return nil
}

// ValidTypes lists the types Options.Via accepts.
func ValidTypes() []string { return schema.EntityTypes }

// Paths returns the k cheapest paths between two nodes (entities or
// events), in both edge directions.
func (f *Finder) Paths(ctx context.Context, from, to quad.Value, opts Options) (*Result, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if opts.K <= 0 {
		opts.K = DefaultK
	}
	if opts.MaxHops <= 0 {
		opts.MaxHops = DefaultMaxHops
	}
	v := f.view(ctx)
	s, ok := v.lookup(from)
	if !ok {
		return nil, fmt.Errorf("path: %v: %w", from, ErrNotFound)
	}
	t, ok := v.lookup(to)
	if !ok {
		return nil, fmt.Errorf("path: %v: %w", to, ErrNotFound)
	}
	if s == t {
		return nil, fmt.Errorf("path: %v is both ends", from)
	}
	sr := &searcher{v: v, s: s, t: t, maxHops: opts.MaxHops, hubLimit: opts.HubLimit}
	if sr.hubLimit == 0 {
		sr.hubLimit = DefaultHubLimit
	}
	if len(opts.Via) > 0 {
		sr.allowed = func(x nodeID) bool { return slices.Contains(opts.Via, v.typeOf(x)) }
		v.prefetchTypes = true
	}
	t0 := time.Now()
	found := sr.kShortest(opts.K)
	v.stats.SearchTime = time.Since(t0)
	if v.stopped() {
		return nil, v.err
	}
	shown := []nodeID{s, t}
	for _, p := range found {
		shown = append(shown, p.nodes...)
	}
	shown = append(shown, slices.Collect(maps.Keys(sr.avoided))...)
	v.describeAll(shown)
	var hops [][2]nodeID
	for _, p := range found {
		for i := 1; i < len(p.nodes); i++ {
			hops = append(hops, [2]nodeID{p.nodes[i-1], p.nodes[i]})
		}
	}
	v.evidenceAll(hops)
	res := &Result{From: v.describe(s), To: v.describe(t), Paths: []Path{}}
	for _, p := range found {
		if v.stopped() {
			return nil, v.err
		}
		res.Paths = append(res.Paths, v.path(p))
	}
	sortTies(res.Paths)
	res.Expanded = sr.expanded
	for x := range sr.avoided {
		res.HubsAvoided = append(res.HubsAvoided, v.describe(x))
	}
	slices.SortFunc(res.HubsAvoided, func(a, b Node) int { return strings.Compare(a.Name, b.Name) })
	v.stats.Shifts = sr.shifts
	res.stats = v.stats
	if v.stopped() {
		return nil, v.err
	}
	return res, nil
}

// sortTies orders paths of equal cost (cheapest first as found) by the
// IRIs of their nodes. The search breaks ties by node ids, which a query
// gives nodes in the order the store lists their links, and bolt and
// PostgreSQL list them in orders of their own.
func sortTies(ps []Path) {
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].Cost-ps[i].Cost <= 1e-9 {
			j++
		}
		slices.SortStableFunc(ps[i:j], func(a, b Path) int {
			if len(a.Nodes) != len(b.Nodes) {
				return len(a.Nodes) - len(b.Nodes)
			}
			return slices.CompareFunc(a.Nodes, b.Nodes, func(x, y Node) int { return strings.Compare(x.IRI, y.IRI) })
		})
		i = j
	}
}

// path turns a found path into its user-facing form with evidence.
func (v *view) path(p scored) Path {
	out := Path{Cost: p.cost}
	for _, x := range p.nodes {
		out.Nodes = append(out.Nodes, v.describe(x))
	}
	for i := 1; i < len(p.nodes); i++ {
		a, b := out.Nodes[i-1], out.Nodes[i]
		h := Hop{From: a.IRI, FromName: a.Name, To: b.IRI, ToName: b.Name}
		if ls := v.links(p.nodes[i-1], p.nodes[i]); len(ls) > 0 {
			h.Link, h.Also = ls[0], ls[1:]
		}
		out.Hops = append(out.Hops, h)
	}
	return out
}

// describe returns a node's IRI, display name and type. An event has no
// name of its own: it is shown as its event type and date.
func (v *view) describe(id nodeID) Node {
	if v.batch != nil {
		if n, ok := v.described[id]; ok {
			return n
		}
		v.describeAll([]nodeID{id})
		return v.described[id]
	}
	n := Node{IRI: iriString(v.value(id)), Type: v.typeOf(id)}
	return withName(n, func(p quad.IRI) string { return v.literal(id, p) })
}

// withName gives n its display name from the literals lit reads of the
// node by predicate: its name, else for an event its type and date, else
// its IRI. lit is asked only for what the name needs.
func withName(n Node, lit func(pred quad.IRI) string) Node {
	n.Name = lit(schema.Name)
	if n.Name == "" && n.Type == eventType {
		n.Name = lit(schema.EventType)
		if d := lit(schema.Date); d != "" {
			n.Name += " of " + d
		}
	}
	if n.Name == "" {
		n.Name = n.IRI
	}
	return n
}

// describeAll reads what describe shows of the nodes ids through the
// batch reader, in two queries whatever their number: their types,
// names, event types and dates, then the values of these and of the
// nodes themselves. Without a batch reader it does nothing: describe
// reads each node as it comes, from a store where a read is cheap.
func (v *view) describeAll(ids []nodeID) {
	if v.batch == nil || v.err != nil {
		return
	}
	if v.described == nil {
		v.described = map[nodeID]Node{}
	}
	var want []nodeID
	var refs []cgraph.Ref
	for _, id := range ids {
		if _, ok := v.described[id]; !ok {
			v.described[id] = Node{}
			want = append(want, id)
			refs = append(refs, v.refOf(id))
		}
	}
	if len(want) == 0 {
		return
	}
	name, date := v.ref(schema.Name), v.ref(schema.Date)
	// The first object of each node and predicate, in the batch reader's
	// order: a node has one type, name, event type and date.
	firsts := map[[2]any]cgraph.Ref{}
	var preds []cgraph.Ref
	for _, p := range []cgraph.Ref{v.typeRef, name, v.eventTypeRef, date} {
		if p != nil {
			preds = append(preds, p)
		}
	}
	if len(preds) > 0 {
		ts, err := v.batch.Triples(v.ctx, quad.Subject, refs, preds)
		if err != nil {
			v.fail(err)
			return
		}
		for _, t := range ts {
			k := [2]any{t.Subject.Key(), t.Predicate.Key()}
			if _, ok := firsts[k]; !ok {
				firsts[k] = t.Object
				refs = append(refs, t.Object)
			}
		}
	}
	valueOf := map[any]quad.Value{}
	if v.valuesBatch(refs, valueOf); v.err != nil {
		return
	}
	get := func(id nodeID, p cgraph.Ref) quad.Value {
		if p == nil {
			return nil
		}
		if o, ok := firsts[[2]any{v.refOf(id).Key(), p.Key()}]; ok {
			return valueOf[o.Key()]
		}
		return nil
	}
	byPred := map[quad.IRI]cgraph.Ref{schema.Name: name, schema.EventType: v.eventTypeRef, schema.Date: date}
	for _, id := range want {
		n := Node{IRI: iriString(valueOf[v.refOf(id).Key()])}
		if t, ok := get(id, v.typeRef).(quad.IRI); ok {
			n.Type = localName(t)
		}
		if n.Type == "" && get(id, v.eventTypeRef) != nil {
			n.Type = eventType
		}
		v.types[id] = n.Type
		v.described[id] = withName(n, func(p quad.IRI) string { return literalString(get(id, byPred[p])) })
	}
}

// iriString is an IRI without its angle brackets, any other value as written.
func iriString(val quad.Value) string {
	if iri, ok := val.(quad.IRI); ok {
		return string(iri)
	}
	if val == nil {
		return ""
	}
	return val.String()
}
