package path

import (
	"context"
	"math"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// nodeID numbers the nodes one query has touched, densely, in the order
// it touched them, so that the search works on small integers rather than
// store references.
type nodeID int32

// halfEdge is one link seen from one of its ends: the node at the other
// end, the link predicate (an index into view.preds) and whether the quad
// points away from the node whose edge list holds it.
type halfEdge struct {
	to   nodeID
	pred uint8
	out  bool
}

// nodeInfo is what a query has learnt about one node so far. Everything
// is loaded lazily: most nodes a search discovers are never expanded.
type nodeInfo struct {
	ref      cgraph.Ref
	mentions int32 // articles mentioning the node; -1 until counted
	loaded   bool
	edges    []halfEdge
}

// linkPredicates are the predicates a path may follow: the closed set of
// fact predicates and the roles that tie an event to its participants.
// Everything else (types, names, aliases, mentions, statement reification,
// literal properties) describes a node and connects nothing.
var linkPredicates = func() []quad.IRI {
	var out []quad.IRI
	for _, p := range schema.Predicates {
		out = append(out, schema.PredicateIRI(p.Name))
	}
	return append(out, schema.Agent, schema.Target, schema.Location, schema.About, schema.AssertedBy)
}()

// rolePredicates are the link predicates whose subject is an event node;
// a hop over one of them takes its evidence from the event itself.
var rolePredicates = map[quad.IRI]bool{
	schema.Agent: true, schema.Target: true, schema.Location: true, schema.About: true, schema.AssertedBy: true,
}

// view is one query's window on the quad store, with everything it has
// read cached. It is not safe for concurrent use; every query makes its own.
//
// With a link index, the ids below idx.len() are the index's own (its
// edge lists point at them, so they need no translation); nodes the index
// lacks (articles, statements: nodes without links or mentions) get ids
// from idx.len() on, per query.
type view struct {
	ctx context.Context
	rd  graph.Reader // scans by node and predicate
	qs  cgraph.QuadStore
	// batch, when set (PostgreSQL), reads the links of a node and the
	// mention counts (and, with prefetchTypes, the types) of all its
	// neighbours in a few queries.
	batch         graph.BatchReader
	prefetchTypes bool
	typeNames     map[any]string // type node ref key -> local name
	preds         []cgraph.Ref   // refs of linkPredicates; nil where the store has never seen the predicate
	pidx          map[any]uint8  // ref key of a link predicate -> index in linkPredicates

	mentionRef, typeRef cgraph.Ref
	// eventTypeRef is ng:eventType: a node that has one and no rdf:type
	// is an event (layout 2 writes none for events, docs/schema.md).
	eventTypeRef cgraph.Ref

	idx   *linkIndex // when set, links and mention counts come from it
	base  nodeID     // idx.len(), or 0
	ids   map[any]nodeID
	nodes []nodeInfo // nodes from base on
	types map[nodeID]string
	// described holds what describeAll read of nodes through the batch
	// reader, for describe.
	described map[nodeID]Node
	stmts     map[stmtsKey][]stmtEnd // statements read by readStatementEnds
	propsOf   map[any]stmtProps      // properties read by propsBatch, by node ref key
	valsOf    map[any]quad.Value     // values read by valuesBatch, by ref key
	err       error                  // the first store error; once set, the view answers empty

	stats viewStats

	propRefs map[any]int   // predicates props reads, by ref key
	propList []cgraph.Ref  // the same, as a list
	articles map[any]Claim // article ref key -> its IRI, title and date
}

// viewStats count the store reads of one query, for benchmarks.
type viewStats struct {
	Loaded, Hubs, HalfEdges, Counted, Shifts int
	LoadTime, SearchTime                     time.Duration
}

// hubThreshold is the number of mentioning articles above which a node's
// edges are read predicate by predicate rather than by scanning every quad
// of the node: a hub such as Iraq has tens of thousands of name, alias and
// mention quads and a few thousand links, an ordinary node a dozen of
// each. Measured on the 1M-quad synthetic graph: a full scan costs about
// 1.7 µs per quad, a predicate-by-predicate read about 100 µs per node.
const hubThreshold = 12

func newView(ctx context.Context, rd graph.Reader, idx *linkIndex) *view {
	qs := rd.QuadStore()
	v := &view{ctx: ctx, rd: rd, qs: qs, pidx: map[any]uint8{}, ids: map[any]nodeID{}, types: map[nodeID]string{}, idx: idx}
	if idx != nil {
		v.base = idx.len()
	}
	v.preds = make([]cgraph.Ref, len(linkPredicates))
	for i, p := range linkPredicates {
		r, err := qs.ValueOf(p)
		if err != nil {
			v.fail(err)
			return v
		}
		if r != nil {
			v.preds[i] = r
			v.pidx[r.Key()] = uint8(i)
		}
	}
	v.mentionRef = v.ref(schema.MentionedIn)
	v.typeRef = v.ref(schema.RDFType)
	v.eventTypeRef = v.ref(schema.EventType)
	return v
}

func (v *view) fail(err error) {
	if v.err == nil && err != nil {
		v.err = err
	}
}

// stopped reports whether the query must stop: a store error, or its
// context ended (the timeout). Every loop that reads the store asks, so
// that a query stops within one store read of its deadline, wherever it
// is: searching, counting, or gathering evidence for paths already found.
// After that the view answers empty, and the query returns the error.
func (v *view) stopped() bool {
	if v.err == nil {
		v.fail(v.ctx.Err())
	}
	return v.err != nil
}

func (v *view) ref(val quad.Value) cgraph.Ref {
	r, err := v.qs.ValueOf(val)
	v.fail(err)
	return r
}

// node returns the id of the node with that store reference, adding it.
func (v *view) node(r cgraph.Ref) nodeID {
	k := r.Key()
	if v.idx != nil {
		if id, ok := v.idx.ids[k]; ok {
			return id
		}
	}
	if id, ok := v.ids[k]; ok {
		return id
	}
	id := v.base + nodeID(len(v.nodes))
	v.nodes = append(v.nodes, nodeInfo{ref: r, mentions: -1})
	v.ids[k] = id
	return id
}

// info is the per-query record of a node outside the index.
func (v *view) info(id nodeID) *nodeInfo { return &v.nodes[id-v.base] }

// refOf is a node's store reference.
func (v *view) refOf(id nodeID) cgraph.Ref {
	if id < v.base {
		return v.idx.refs[id]
	}
	return v.info(id).ref
}

// lookup returns the id of a value, or false when the store lacks it.
func (v *view) lookup(val quad.Value) (nodeID, bool) {
	r := v.ref(val)
	if r == nil {
		return 0, false
	}
	return v.node(r), true
}

// value is the quad value of a node.
func (v *view) value(id nodeID) quad.Value {
	val, err := v.qs.NameOf(v.refOf(id))
	v.fail(err)
	return val
}

// scan calls fn with the quad reference of every quad whose direction d
// is node and, when pred is not nil, whose predicate is pred (see
// graph.Reader.Scan), until fn returns false or a read in fn fails.
func (v *view) scan(node cgraph.Ref, d quad.Direction, pred cgraph.Ref, fn func(q cgraph.Ref) bool) {
	if v.stopped() || node == nil {
		return
	}
	v.fail(v.rd.Scan(v.ctx, node, d, pred, func(q cgraph.Ref) bool { return fn(q) && v.err == nil }))
}

// dir returns one direction of a quad reference.
func (v *view) dir(q cgraph.Ref, d quad.Direction) cgraph.Ref {
	r, err := v.qs.QuadDirection(q, d)
	v.fail(err)
	return r
}

// mentions is the number of articles that mention the node (its
// ng:mentionedIn quads): on an indexed store one exact index count,
// without reading the quads (graph.Reader.Count). Nodes that no article mentions by name
// (events, statements) count as one.
func (v *view) mentions(id nodeID) int {
	if v.idx != nil {
		if id < v.base {
			return int(max(v.idx.mentions[id], 1))
		}
		return 1 // the index has every node with a mention
	}
	n := v.info(id)
	if n.mentions >= 0 {
		return int(n.mentions)
	}
	if v.batch != nil {
		v.countMentions([]nodeID{id})
		return int(v.info(id).mentions)
	}
	count := int64(0)
	v.stats.Counted++
	if v.mentionRef != nil && !v.stopped() {
		var err error
		count, err = v.rd.Count(v.ctx, n.ref, quad.Subject, v.mentionRef)
		v.fail(err)
	}
	n.mentions = int32(max(count, 1))
	return int(n.mentions)
}

// penalty is the hub penalty of a node: ln(1 + articles mentioning it).
func (v *view) penalty(id nodeID) float64 {
	if v.idx != nil && id < v.base {
		return v.idx.pen[id]
	}
	return math.Log1p(float64(v.mentions(id)))
}

// edges returns the links of a node, loading them on first use. Parallel
// quads (the same link asserted by several articles) give one half-edge.
func (v *view) edges(id nodeID) []halfEdge {
	if v.idx != nil {
		if id < v.base {
			return v.idx.edges[id]
		}
		return nil // the index has every node with a link
	}
	if v.info(id).loaded {
		return v.info(id).edges
	}
	if v.batch != nil {
		v.loadBatch([]nodeID{id})
		return v.info(id).edges
	}
	ref := v.info(id).ref
	t0 := time.Now()
	type key struct {
		to   nodeID
		pred uint8
		out  bool
	}
	seen := map[key]bool{}
	var out []halfEdge
	add := func(other cgraph.Ref, pred uint8, isOut bool) {
		if other == nil {
			return
		}
		to := v.node(other)
		k := key{to, pred, isOut}
		if !seen[k] {
			seen[k] = true
			out = append(out, halfEdge{to: to, pred: pred, out: isOut})
		}
	}
	if v.rd.Indexed() && v.mentions(id) > hubThreshold {
		v.stats.Hubs++
		for i, p := range v.preds {
			if p == nil {
				continue
			}
			v.scan(ref, quad.Subject, p, func(q cgraph.Ref) bool { add(v.dir(q, quad.Object), uint8(i), true); return true })
			v.scan(ref, quad.Object, p, func(q cgraph.Ref) bool { add(v.dir(q, quad.Subject), uint8(i), false); return true })
		}
	} else {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			other, isOut := quad.Object, true
			if d == quad.Object {
				other, isOut = quad.Subject, false
			}
			v.scan(ref, d, nil, func(q cgraph.Ref) bool {
				p := v.dir(q, quad.Predicate)
				if p == nil {
					return true
				}
				if i, ok := v.pidx[p.Key()]; ok {
					add(v.dir(q, other), i, isOut)
				}
				return true
			})
		}
	}
	n := v.info(id)
	n.loaded, n.edges = true, out
	v.stats.Loaded++
	v.stats.HalfEdges += len(out)
	v.stats.LoadTime += time.Since(t0)
	return out
}

// loaded reports whether the links of a node are at hand: in the index,
// or read already.
func (v *view) loaded(id nodeID) bool {
	return v.idx != nil || v.info(id).loaded
}

// between returns the links between a and b as half-edges of a, and
// whether they are known. They come from whichever end's links are at
// hand, else from the end fewer articles mention, read whole when that is
// a small node; between two nodes that are both popular, from look-ups of
// the link itself, two exact index reads a link predicate, on a store
// that has the indexes (bolt): reading either end whole would read
// thousands of quads. On a batch reader (PostgreSQL) they are not known
// until one end's links are loaded, which the search does in batches.
func (v *view) between(a, b nodeID) ([]halfEdge, bool) {
	if v.loaded(a) || v.loaded(b) {
		if v.loaded(a) && (!v.loaded(b) || len(v.edges(a)) <= len(v.edges(b))) {
			return v.via(a, a, b), true
		}
		return v.via(b, a, b), true
	}
	if v.batch != nil {
		return nil, false
	}
	small := a
	if v.mentions(b) < v.mentions(a) {
		small = b
	}
	if !v.rd.Indexed() || v.mentions(small) <= hubThreshold {
		return v.via(small, a, b), true
	}
	var out []halfEdge
	ra, rb := v.refOf(a), v.refOf(b)
	for i, p := range v.preds {
		for _, isOut := range []bool{true, false} {
			if p == nil || v.stopped() {
				continue
			}
			s, o := ra, rb
			if !isOut {
				s, o = rb, ra
			}
			found := false
			v.fail(v.rd.Between(v.ctx, s, p, o, func(cgraph.Ref) bool { found = true; return false }))
			if found {
				out = append(out, halfEdge{to: b, pred: uint8(i), out: isOut})
			}
		}
	}
	return out, !v.stopped()
}

// via returns the links between a and b as half-edges of a, read from
// the links of x, which is one of them.
func (v *view) via(x, a, b nodeID) []halfEdge {
	if x == a {
		return linksTo(v.edges(a), b)
	}
	return reversed(linksTo(v.edges(b), a), a)
}

// linksTo keeps the half-edges of es that reach y.
func linksTo(es []halfEdge, y nodeID) []halfEdge {
	var out []halfEdge
	for _, e := range es {
		if e.to == y {
			out = append(out, e)
		}
	}
	return out
}

// reversed turns half-edges of b that reach a into the same links as
// half-edges of a.
func reversed(es []halfEdge, a nodeID) []halfEdge {
	for i := range es {
		es[i].to, es[i].out = a, !es[i].out
	}
	return es
}

// loadBatch loads the links of the nodes ids (those not loaded yet)
// through the batch reader: one query per direction for all of them,
// then one for the mention counts of every neighbour, which the search
// weighs them by (and one for their types, when the query filters by
// type).
func (v *view) loadBatch(ids []nodeID) {
	var want []nodeID
	var refs []cgraph.Ref
	from := map[any]nodeID{}
	for _, id := range ids {
		if id >= v.base && !v.info(id).loaded {
			want = append(want, id)
			r := v.info(id).ref
			refs = append(refs, r)
			from[r.Key()] = id
		}
	}
	if len(want) == 0 || v.err != nil {
		return
	}
	t0 := time.Now()
	var preds []cgraph.Ref
	for _, p := range v.preds {
		if p != nil {
			preds = append(preds, p)
		}
	}
	edges := map[nodeID][]halfEdge{}
	var neighbours []nodeID
	if len(preds) > 0 {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			ts, err := v.batch.Triples(v.ctx, d, refs, preds)
			if err != nil {
				v.fail(err)
				return
			}
			// The triples are distinct: one half-edge each.
			for _, t := range ts {
				i, ok := v.pidx[t.Predicate.Key()]
				if !ok {
					continue
				}
				node, other, isOut := t.Subject, t.Object, true
				if d == quad.Object {
					node, other, isOut = t.Object, t.Subject, false
				}
				id, ok := from[node.Key()]
				if !ok {
					continue
				}
				to := v.node(other)
				edges[id] = append(edges[id], halfEdge{to: to, pred: i, out: isOut})
				neighbours = append(neighbours, to)
			}
		}
	}
	for _, id := range want {
		n := v.info(id)
		n.loaded, n.edges = true, edges[id]
		v.stats.Loaded++
		v.stats.HalfEdges += len(n.edges)
	}
	v.countMentions(neighbours)
	if v.prefetchTypes {
		v.loadTypes(neighbours)
	}
	v.stats.LoadTime += time.Since(t0)
}

// countMentions counts, in one query, the mentions of the nodes among ids
// not counted yet (batch reader only).
func (v *view) countMentions(ids []nodeID) {
	var want []nodeID
	var refs []cgraph.Ref
	seen := map[nodeID]bool{}
	for _, id := range ids {
		if id >= v.base && v.info(id).mentions < 0 && !seen[id] {
			seen[id] = true
			want = append(want, id)
			refs = append(refs, v.info(id).ref)
		}
	}
	if len(want) == 0 {
		return
	}
	counts := make([]int64, len(want))
	if v.mentionRef != nil && v.err == nil {
		c, err := v.batch.CountQuads(v.ctx, quad.Subject, refs, v.mentionRef)
		if err != nil {
			v.fail(err)
		} else {
			counts = c
		}
	}
	v.stats.Counted += len(want)
	for i, id := range want {
		v.info(id).mentions = int32(max(counts[i], 1))
	}
}

// loadTypes reads, in one query, the types of the nodes among ids whose
// type is not known yet (batch reader only).
func (v *view) loadTypes(ids []nodeID) {
	var want []nodeID
	var refs []cgraph.Ref
	from := map[any]nodeID{}
	for _, id := range ids {
		if _, ok := v.types[id]; ok {
			continue
		}
		if _, ok := from[v.refOf(id).Key()]; ok {
			continue
		}
		want = append(want, id)
		r := v.refOf(id)
		refs = append(refs, r)
		from[r.Key()] = id
	}
	if len(want) == 0 || v.err != nil {
		return
	}
	for _, id := range want {
		v.types[id] = ""
	}
	preds := v.typePreds()
	if len(preds) == 0 {
		return
	}
	ts, err := v.batch.Triples(v.ctx, quad.Subject, refs, preds)
	if err != nil {
		v.fail(err)
		return
	}
	for _, t := range ts {
		id, ok := from[t.Subject.Key()]
		switch {
		case !ok:
		case v.typeRef != nil && t.Predicate.Key() == v.typeRef.Key():
			v.types[id] = v.typeName(t.Object)
		case v.types[id] == "":
			v.types[id] = eventType
		}
	}
}

// eventType is the type of an event node, which has no rdf:type.
const eventType = "Event"

// typePreds are the predicates a node's type is read from: rdf:type, and
// ng:eventType for events; those the store has.
func (v *view) typePreds() []cgraph.Ref {
	var preds []cgraph.Ref
	for _, p := range []cgraph.Ref{v.typeRef, v.eventTypeRef} {
		if p != nil {
			preds = append(preds, p)
		}
	}
	return preds
}

// typeName is the local name of a type node, read once per query.
func (v *view) typeName(o cgraph.Ref) string {
	if v.typeNames == nil {
		v.typeNames = map[any]string{}
	}
	k := o.Key()
	if t, ok := v.typeNames[k]; ok {
		return t
	}
	t := ""
	val, err := v.qs.NameOf(o)
	v.fail(err)
	if iri, ok := val.(quad.IRI); ok {
		t = localName(iri)
	}
	v.typeNames[k] = t
	return t
}

// typeOf returns the local name of a node's rdf:type ("ArmedGroup",
// "Event"), or "" when it has none.
func (v *view) typeOf(id nodeID) string {
	if t, ok := v.types[id]; ok {
		return t
	}
	if v.batch != nil {
		v.loadTypes([]nodeID{id})
		return v.types[id]
	}
	t := ""
	if v.typeRef != nil {
		v.scan(v.refOf(id), quad.Subject, v.typeRef, func(q cgraph.Ref) bool {
			o := v.dir(q, quad.Object)
			if o == nil {
				return true
			}
			val, err := v.qs.NameOf(o)
			v.fail(err)
			if iri, ok := val.(quad.IRI); ok {
				t = localName(iri)
			}
			return false // every rdf:type quad of a node names the same type
		})
	}
	if t == "" && v.eventTypeRef != nil {
		v.scan(v.refOf(id), quad.Subject, v.eventTypeRef, func(cgraph.Ref) bool {
			t = eventType
			return false
		})
	}
	v.types[id] = t
	return t
}

// localName strips the "ng:" prefix of a newsgraph IRI.
func localName(iri quad.IRI) string {
	s := string(iri)
	if len(s) > len(schema.Prefix) && s[:len(schema.Prefix)] == schema.Prefix {
		return s[len(schema.Prefix):]
	}
	return s
}
