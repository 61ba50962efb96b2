package path

import (
	"container/heap"
	"math"
)

// The search is a bidirectional Dijkstra over states (node, hops so far),
// with edge weights that make hubs expensive:
//
//	w(a, b) = 1 + (p(a) + p(b)) / 2,  p(x) = ln(1 + articles mentioning x)
//
// except that the query's two endpoints cost nothing (p = 0): asking about
// Iraq should not make every path from Iraq expensive. Along a path every
// intermediate node is paid exactly once (half on the way in, half on the
// way out), so a path costs its hop count plus the sum of the penalties of
// the nodes it passes through. The weight is symmetric, so the backward
// search from the target uses it unchanged, and it only needs the penalty
// of a neighbour, which is one index count, never the neighbour's edges:
// hubs are discovered but, being expensive, seldom expanded.
//
// Hops are part of the state so that a hop limit is exact: the cheapest
// path may be long, and a cheap-but-long label must not hide a
// dearer-but-shorter one that still fits the limit. Each side searches at
// most half the hop limit (the forward side gets the odd hop), so that
// when there is no path, each side reads a neighbourhood of radius H/2
// rather than H. With capped sides the textbook stopping rule
// (top_f + top_b >= mu) is not enough: a path may continue, beyond the
// backward side's cap, through states only the forward side can reach.
// Such a path still costs at least top_f plus one per hop it lacks, which
// gives the two extra terms of the rule in shortest (see stopBound).
//
// An even split of the hops is wrong when one endpoint has far more links
// than the other: an official in a thousand events, asked about a small
// militia. Its side would expand every one of those events, whose number
// grows with the corpus, while the militia's side sits idle at its cap.
// So the split moves: when one side has settled everything within its cap
// and the states waiting at its cap weigh less than the states the other
// side would still expand at its last hop, one hop of the cap passes from
// the other side to this one (see rebalance). The rule above holds for
// any split, at every moment, so paths and costs do not change.

// searcher holds the parameters every search of one query shares.
type searcher struct {
	v        *view
	s, t     nodeID // the query's endpoints: no penalty
	maxHops  int
	allowed  func(nodeID) bool // filter for intermediate nodes; nil admits all
	hubLimit int               // most articles an intermediate node may be mentioned in; < 0: no limit
	avoided  map[nodeID]bool   // hubs the searches met and did not pass through
	expanded int               // nodes whose edges a search asked for, for tests and metrics
	shifts   int               // hops of cap moved between the sides, for tests and metrics
	sides    [2]*side          // the forward and backward sides, reused by each search (side.reset)
}

func (sr *searcher) pen(x nodeID) float64 {
	if x == sr.s || x == sr.t {
		return 0
	}
	return sr.v.penalty(x)
}

func (sr *searcher) weight(a, b nodeID) float64 { return 1 + (sr.pen(a)+sr.pen(b))/2 }

// hub reports whether x may not be passed through for being mentioned in
// more articles than the limit, and notes it. The query's endpoints never
// are: a spur search may start or end at them, but no path passes through.
func (sr *searcher) hub(x nodeID) bool {
	if sr.hubLimit < 0 || x == sr.s || x == sr.t || sr.v.mentions(x) <= sr.hubLimit {
		return false
	}
	if sr.avoided == nil {
		sr.avoided = map[nodeID]bool{}
	}
	sr.avoided[x] = true
	return true
}

// bans restrict one search, as Yen's algorithm needs.
type bans struct {
	nodes map[nodeID]bool
	edges map[[2]nodeID]bool // unordered pairs, smaller id first
}

func pair(a, b nodeID) [2]nodeID {
	if a > b {
		a, b = b, a
	}
	return [2]nodeID{a, b}
}

func (b bans) edge(x, y nodeID) bool { return b.edges != nil && b.edges[pair(x, y)] }

// labels are one side's best costs to a node, by hop count.
type labels struct {
	cost    []float64
	prev    []nodeID
	settled int // the fewest hops at which the node was settled; maxHops+1 if never
}

type item struct {
	cost float64
	node nodeID
	hops int
}

type pq []item

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	if q[i].cost != q[j].cost {
		return q[i].cost < q[j].cost
	}
	if q[i].hops != q[j].hops {
		return q[i].hops < q[j].hops
	}
	return q[i].node < q[j].node
}
func (q pq) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)   { *q = append(*q, x.(item)) }
func (q *pq) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

type side struct {
	lab  map[nodeID]*labels
	heap pq
	cap  int    // the most hops this side searches
	held []item // states settled at the cap, not expanded: expanded if the cap grows
	// nextTry is the first iteration at which rebalance may weigh this
	// side's case again after declining it: weighing reads the other
	// side's whole heap, so it waits as many iterations as that heap holds.
	nextTry int
	// The nodes' labels, allocated labelChunk at a time, each with room
	// for stride hop counts, the first used of them in use. A side, its
	// map, heap and labels serve every search of one query (reset): Yen's
	// algorithm runs dozens, and allocating the labels of each afresh and
	// growing its map was a third of the CPU time of a query answered
	// from the link index.
	chunks [][]labels
	used   int
	stride int
}

const labelChunk = 256

// reset empties the side for a new search that goes at most capHops hops
// from its end, keeping what it allocated.
func (sd *side) reset(capHops int) {
	clear(sd.lab)
	sd.heap, sd.held = sd.heap[:0], sd.held[:0]
	sd.cap, sd.nextTry, sd.used = capHops, 0, 0
}

func (sd *side) labels(x nodeID, maxHops int) *labels {
	if l := sd.lab[x]; l != nil {
		return l
	}
	if sd.used == len(sd.chunks)*labelChunk {
		chunk := make([]labels, labelChunk)
		costs := make([]float64, labelChunk*sd.stride)
		prevs := make([]nodeID, labelChunk*sd.stride)
		for i := range chunk {
			chunk[i].cost = costs[i*sd.stride : (i+1)*sd.stride]
			chunk[i].prev = prevs[i*sd.stride : (i+1)*sd.stride]
		}
		sd.chunks = append(sd.chunks, chunk)
	}
	l := &sd.chunks[sd.used/labelChunk][sd.used%labelChunk]
	sd.used++
	n := maxHops + 1
	l.cost, l.prev, l.settled = l.cost[:n], l.prev[:n], n
	for i := range l.cost {
		l.cost[i] = math.Inf(1)
	}
	sd.lab[x] = l
	return l
}

func (sd *side) top() float64 {
	if len(sd.heap) == 0 {
		return math.Inf(1)
	}
	return sd.heap[0].cost
}

// shortest returns the cheapest path from src to dst of at most hopLimit
// hops that avoids the banned nodes and edges and costs no more than
// maxCost, and its cost; nil if none. The cost ceiling lets Yen's
// algorithm abandon a spur search as soon as it cannot beat the paths it
// already holds, which is most of them.
func (sr *searcher) shortest(src, dst nodeID, hopLimit int, b bans, maxCost float64) ([]nodeID, float64) {
	if src == dst || hopLimit < 1 {
		return nil, 0
	}
	if p, c, ok := sr.direct(src, dst, b, maxCost); ok {
		return p, c
	}
	H := hopLimit
	for i := range sr.sides {
		if sr.sides[i] == nil {
			sr.sides[i] = &side{lab: map[nodeID]*labels{}, stride: sr.maxHops + 1}
		}
	}
	fw, bw := sr.sides[0], sr.sides[1]
	fw.reset((H + 1) / 2)
	bw.reset(H / 2)
	var shiftedTo *side // the split only ever moves one way, so it ends
	iter := 0
	fw.labels(src, H).cost[0] = 0
	bw.labels(dst, H).cost[0] = 0
	heap.Push(&fw.heap, item{0, src, 0})
	heap.Push(&bw.heap, item{0, dst, 0})

	mu := maxCost + 1e-9 // ties with the ceiling still count
	found := false
	var meet nodeID
	var meetF, meetB int
	// check records a better meeting at x when the other side has a label
	// that fits the hop limit together with this one.
	check := func(other *side, x nodeID, cost float64, hops int, forward bool) {
		ol := other.lab[x]
		if ol == nil {
			return
		}
		for h2 := 0; h2 <= H-hops; h2++ {
			if c := cost + ol.cost[h2]; c < mu {
				mu, meet, found = c, x, true
				if forward {
					meetF, meetB = hops, h2
				} else {
					meetF, meetB = h2, hops
				}
			}
		}
	}
	for ; ; iter++ {
		if sr.v.stopped() {
			return nil, 0
		}
		for _, sd := range [2]*side{fw, bw} {
			if len(sd.heap) == 0 && (shiftedTo == nil || shiftedTo == sd) && iter >= sd.nextTry {
				o := opposite(sd, fw, bw)
				if sr.rebalance(sd, o, H) {
					shiftedTo = sd
				} else {
					sd.nextTry = iter + len(o.heap)
				}
			}
		}
		if len(fw.heap) == 0 && len(bw.heap) == 0 {
			break
		}
		if stopBound(fw.top(), bw.top(), fw.cap, bw.cap) >= mu {
			break
		}
		// Grow the smaller frontier: expansions are what costs store reads.
		this, forward := fw, true
		if len(fw.heap) == 0 || (len(bw.heap) > 0 && len(bw.heap) < len(fw.heap)) {
			this, forward = bw, false
		}
		other := opposite(this, fw, bw)
		it := heap.Pop(&this.heap).(item)
		l := this.lab[it.node]
		if it.cost > l.cost[it.hops] || l.settled <= it.hops {
			continue // stale, or dominated by a cheaper label with fewer hops
		}
		l.settled = it.hops
		if it.hops >= this.cap {
			this.held = append(this.held, it)
			continue
		}
		sr.expanded++
		if sr.v.batch != nil {
			sr.prefetch(it.node, this, this.cap)
		}
		for _, e := range sr.v.edges(it.node) {
			y := e.to
			if y == it.node || b.nodes[y] || b.edge(it.node, y) {
				continue
			}
			if y != src && y != dst && sr.allowed != nil && !sr.allowed(y) {
				continue
			}
			if sr.hub(y) {
				continue
			}
			// Endpoints of the whole walk stay endpoints: no path passes
			// through the source or the target of this search.
			if (forward && y == src) || (!forward && y == dst) {
				continue
			}
			nc, nh := it.cost+sr.weight(it.node, y), it.hops+1
			yl := this.labels(y, H)
			if nc >= yl.cost[nh] || dominated(yl, nc, nh) {
				continue
			}
			yl.cost[nh], yl.prev[nh] = nc, it.node
			check(other, y, nc, nh, forward)
			if (forward && y == dst) || (!forward && y == src) {
				continue // reaching the far end needs no further expansion
			}
			heap.Push(&this.heap, item{nc, y, nh})
		}
	}
	if !found {
		return nil, 0
	}
	// Forward half: meet back to src; backward half: meet on to dst.
	var path []nodeID
	x, h := meet, meetF
	for {
		path = append(path, x)
		if h == 0 {
			break
		}
		x, h = fw.lab[x].prev[h], h-1
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	x, h = meet, meetB
	for h > 0 {
		x, h = bw.lab[x].prev[h], h-1
		path = append(path, x)
	}
	return path, mu
}

// direct returns the one-hop path src, dst when the two are linked, the
// link is not banned and the hop costs no more than maxCost; ok is false
// otherwise, and the search must run. Such a hop is the cheapest path
// between them: it costs 1 plus half the penalties of its two ends, which
// every path between them pays too, and any other path has at least two
// hops of at least 1 each. It is found by looking the link up (view.between),
// without expanding either end: for two hubs, expanding one means reading
// every one of its links, tens of thousands of quads.
func (sr *searcher) direct(src, dst nodeID, b bans, maxCost float64) ([]nodeID, float64, bool) {
	if b.nodes[src] || b.nodes[dst] || b.edge(src, dst) {
		return nil, 0, false
	}
	es, known := sr.v.between(src, dst)
	if !known || len(es) == 0 {
		return nil, 0, false
	}
	c := sr.weight(src, dst)
	if c >= maxCost+1e-9 {
		return nil, 0, false
	}
	return []nodeID{src, dst}, c, true
}

// prefetchNodes is how many nodes a batch read loads at once: the node
// being expanded and the cheapest others near the top of its side's heap,
// which the search is likely to expand next.
const prefetchNodes = 32

// prefetch loads the links of x, which is about to be expanded, together
// with those of other states near the top of its side's heap that the
// side may expand (under its hop cap), in one batch read: on a database
// server a round trip costs far more than reading a few more rows.
func (sr *searcher) prefetch(x nodeID, sd *side, hopCap int) {
	v := sr.v
	if x < v.base || v.info(x).loaded {
		return
	}
	ids := []nodeID{x}
	for _, it := range sd.heap[:min(len(sd.heap), 4*prefetchNodes)] {
		if len(ids) == prefetchNodes {
			break
		}
		if it.node < v.base || it.hops >= hopCap || v.info(it.node).loaded {
			continue
		}
		if l := sd.lab[it.node]; l == nil || it.cost > l.cost[it.hops] || l.settled <= it.hops {
			continue // stale
		}
		ids = append(ids, it.node)
	}
	v.loadBatch(ids)
}

// opposite is the side of the search facing sd.
func opposite(sd, fw, bw *side) *side {
	if sd == fw {
		return bw
	}
	return fw
}

// rebalance moves one hop of cap from side o to side sd, which has
// settled everything within its cap, when that is the cheaper way on:
// when sd's states held at its cap, which it would then expand, weigh
// less than o's states one hop short of o's cap, which o would then no
// longer expand. A state weighs the number of articles mentioning it, for
// its links grow with them. It reports whether it moved the hop.
//
// Moving is safe at any moment: o keeps what it has found (labels beyond
// its new cap are still met by check), and sd's held states go back on its
// heap, so each side has still settled every state cheaper than its top
// within its cap, which is all stopBound assumes.
func (sr *searcher) rebalance(sd, o *side, H int) bool {
	if len(sd.held) == 0 || o.cap < 2 || len(o.heap) == 0 {
		return false
	}
	held := 0
	for _, it := range sd.held {
		held += sr.v.mentions(it.node)
	}
	waiting := 0 // o's live states one hop short of its cap
	for _, it := range o.heap {
		if l := o.lab[it.node]; it.hops == o.cap-1 && it.cost <= l.cost[it.hops] && l.settled > it.hops {
			waiting += sr.v.mentions(it.node)
		}
	}
	if held >= waiting {
		return false
	}
	o.cap--
	sd.cap++
	for _, it := range sd.held {
		l := sd.lab[it.node]
		if l.settled == it.hops {
			l.settled = H + 1
		}
		heap.Push(&sd.heap, it)
	}
	sd.held = sd.held[:0]
	sr.shifts++
	return true
}

// stopBound is a lower bound on the cost of any path the search has not
// found yet, given the cheapest unsettled state of each side (+Inf when a
// side is exhausted). A path not found yet either has an unsettled state
// on both sides (cost >= topF + topB), or runs past one side's cap: then
// the other side must still settle a state of it, and the capped side's
// part has more than its cap in hops, each costing at least 1.
func stopBound(topF, topB float64, capF, capB int) float64 {
	return min(topF+topB, topF+float64(capB+1), topB+float64(capF+1))
}

// dominated reports whether some label with no more hops is no dearer.
func dominated(l *labels, cost float64, hops int) bool {
	for h := 0; h < hops; h++ {
		if l.cost[h] <= cost {
			return true
		}
	}
	return false
}

// cost is the cost of a whole path under the searcher's weights.
func (sr *searcher) cost(p []nodeID) float64 {
	c := 0.0
	for i := 1; i < len(p); i++ {
		c += sr.weight(p[i-1], p[i])
	}
	return c
}
