package path

import (
	"container/heap"
	"math"
	"slices"
)

// kShortest returns up to k cheapest loopless paths from s to t of at
// most maxHops hops, cheapest first, by Yen's algorithm: each next path
// deviates from an earlier one at some spur node, leaving the earlier
// path's prefix (its root) unchanged and avoiding the edges that earlier
// paths with the same root took from the spur node. Every spur search is
// a bidirectional search that shares the query's cache of edges, so most
// of them read nothing new from the store.
func (sr *searcher) kShortest(k int) []scored {
	first, c := sr.shortest(sr.s, sr.t, sr.maxHops, bans{}, math.Inf(1))
	if first == nil {
		return nil
	}
	found := []scored{{nodes: first, cost: c}}
	seen := map[string]bool{key(first): true}
	cand := &candidates{}
	for len(found) < k {
		last := found[len(found)-1]
		prev := last.nodes
		// Lawler: spurring before the node where this path left its parent
		// would only find its parent's candidates again.
		for i := last.dev; i < len(prev)-1; i++ {
			if sr.v.stopped() {
				return found
			}
			spur, root := prev[i], prev[:i+1]
			b := bans{nodes: map[nodeID]bool{}, edges: map[[2]nodeID]bool{}}
			for _, p := range found {
				if len(p.nodes) > i+1 && slices.Equal(p.nodes[:i+1], root) {
					b.edges[pair(p.nodes[i], p.nodes[i+1])] = true
				}
			}
			for _, x := range root[:i] {
				b.nodes[x] = true
			}
			// A spur path is only worth finding if it beats the candidate
			// that would otherwise be the last of the k.
			ceiling := math.Inf(1)
			if need := k - len(found); cand.Len() >= need {
				ceiling = cand.nth(need-1) - sr.cost(root)
			}
			tail, _ := sr.shortest(spur, sr.t, sr.maxHops-i, b, ceiling)
			if tail == nil {
				continue
			}
			p := append(append([]nodeID(nil), root[:i]...), tail...)
			if kk := key(p); !seen[kk] {
				seen[kk] = true
				heap.Push(cand, scored{nodes: p, cost: sr.cost(p), dev: i})
			}
		}
		if cand.Len() == 0 {
			break
		}
		found = append(found, heap.Pop(cand).(scored))
	}
	return found
}

// scored is a path with its cost, and the index of the node where it
// deviates from the path it was spurred from.
type scored struct {
	nodes []nodeID
	cost  float64
	dev   int
}

func key(p []nodeID) string {
	b := make([]byte, 0, 4*len(p))
	for _, x := range p {
		b = append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
	}
	return string(b)
}

// candidates is Yen's heap of paths not yet taken: cheapest first, then
// fewest hops, then the order they were found in, so that results do not
// depend on map iteration.
type candidates []scored

func (c candidates) Len() int { return len(c) }
func (c candidates) Less(i, j int) bool {
	if d := c[i].cost - c[j].cost; d < -1e-9 || d > 1e-9 {
		return d < 0
	}
	if len(c[i].nodes) != len(c[j].nodes) {
		return len(c[i].nodes) < len(c[j].nodes)
	}
	return key(c[i].nodes) < key(c[j].nodes)
}

// nth returns the cost of the (i+1)-th cheapest candidate.
func (c candidates) nth(i int) float64 {
	costs := make([]float64, len(c))
	for j, x := range c {
		costs[j] = x.cost
	}
	slices.Sort(costs)
	return costs[i]
}

func (c candidates) Swap(i, j int) { c[i], c[j] = c[j], c[i] }
func (c *candidates) Push(x any)   { *c = append(*c, x.(scored)) }
func (c *candidates) Pop() any {
	old := *c
	x := old[len(old)-1]
	*c = old[:len(old)-1]
	return x
}
