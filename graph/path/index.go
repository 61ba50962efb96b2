package path

import (
	"context"
	"math"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// linkIndex is an in-memory copy of the graph's link structure — every
// node's links and its mention count — made by one sequential pass over
// the store. Read cold, a path query spends nearly all its time fetching
// the quads of popular nodes one index lookup at a time (a node mentioned
// in a few hundred articles has thousands of link quads, mostly the same
// fact repeated by many articles); a long-lived process (newsgraph serve)
// builds the index once and answers from it, and still reads the evidence
// of the hops it returns from the store.
//
// Nodes are numbered densely; edge lists point at those numbers, so that a
// query walks the index without translating anything.
type linkIndex struct {
	ids      map[any]nodeID
	refs     []cgraph.Ref
	edges    [][]halfEdge
	mentions []int32
	pen      []float64 // each node's hub penalty, ln(1 + mentions), which a search reads for every link it follows
	stats    IndexStats
}

func (x *linkIndex) len() nodeID { return nodeID(len(x.refs)) }

// IndexStats describe a link index.
type IndexStats struct {
	Quads     int           `json:"quads"`      // quads read
	Nodes     int           `json:"nodes"`      // nodes with a link or a mention
	HalfEdges int           `json:"half_edges"` // links, counted from both ends, parallel quads merged
	Took      time.Duration `json:"took"`
}

func (x *linkIndex) id(r cgraph.Ref) nodeID {
	k := r.Key()
	if id, ok := x.ids[k]; ok {
		return id
	}
	id := nodeID(len(x.refs))
	x.ids[k] = id
	x.refs = append(x.refs, r)
	x.edges = append(x.edges, nil)
	x.mentions = append(x.mentions, 0)
	return id
}

func buildIndex(ctx context.Context, rd graph.Reader) (*linkIndex, error) {
	t0 := time.Now()
	v := newView(ctx, rd, nil)
	qs := rd.QuadStore()
	if v.err != nil {
		return nil, v.err
	}
	x := &linkIndex{ids: map[any]nodeID{}}
	var mention any
	if v.mentionRef != nil {
		mention = v.mentionRef.Key()
	}
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		n++
		q := it.Result()
		p, err := qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return nil, err
		}
		if p == nil {
			continue
		}
		pk := p.Key()
		i, link := v.pidx[pk]
		if pk != mention && !link {
			continue
		}
		s, err := qs.QuadDirection(q, quad.Subject)
		if err != nil || s == nil {
			return nil, err
		}
		if !link {
			x.mentions[x.id(s)]++
			continue
		}
		o, err := qs.QuadDirection(q, quad.Object)
		if err != nil || o == nil {
			return nil, err
		}
		si, oi := x.id(s), x.id(o)
		x.edges[si] = append(x.edges[si], halfEdge{to: oi, pred: i, out: true})
		x.edges[oi] = append(x.edges[oi], halfEdge{to: si, pred: i, out: false})
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Merge the parallel quads of a link (one per article that states it).
	seen := map[halfEdge]bool{}
	halves := 0
	for k, es := range x.edges {
		clear(seen)
		out := es[:0]
		for _, e := range es {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
		x.edges[k] = out[:len(out):len(out)]
		halves += len(out)
	}
	x.pen = make([]float64, len(x.mentions))
	for i, m := range x.mentions {
		x.pen[i] = math.Log1p(float64(max(m, 1)))
	}
	x.stats = IndexStats{Quads: n, Nodes: len(x.refs), HalfEdges: halves, Took: time.Since(t0)}
	return x, nil
}
