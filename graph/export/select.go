package export

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	ngraph "github.com/newsgraph/newsgraph/graph"
)

func sortedValues(set map[quad.Value]bool) []quad.Value {
	out := make([]quad.Value, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b quad.Value) int { return cmp.Compare(text(a), text(b)) })
	return out
}

// Around returns the nodes at most hops edges away from start, start
// included, following exported edges (facts and event roles) in both
// directions: the neighbourhood that a GraphML or DOT export of it shows.
// Articles and statements are not crossed. The result is sorted.
func Around(ctx context.Context, rd ngraph.Reader, start []quad.Value, hops int) ([]quad.Value, error) {
	w := baseWalker(ctx, rd)
	seen := map[quad.Value]bool{}
	frontier := []quad.Value{}
	for _, s := range start {
		if k := kindOf(s); (k == kindEntity || k == kindEvent) && !seen[s] {
			seen[s] = true
			frontier = append(frontier, s)
		}
	}
	edge := func(q quad.Quad) bool { return isFact(q.Predicate) || roles[q.Predicate] }
	// ends reads the other end of edges only.
	ends := func(other need) func(quad.Value) need {
		return func(p quad.Value) need {
			if isFact(p) || roles[p] {
				return other
			}
			return 0
		}
	}
	node := func(v quad.Value) bool { k := kindOf(v); return k == kindEntity || k == kindEvent }
	for h := 0; h < hops && len(frontier) > 0; h++ {
		var next []quad.Value
		add := func(v quad.Value) {
			if node(v) && !seen[v] {
				seen[v] = true
				next = append(next, v)
			}
		}
		for _, n := range frontier {
			if err := w.eachNeed(quad.Subject, n, ends(needObject), func(q quad.Quad) error {
				if edge(q) {
					add(q.Object)
				}
				return nil
			}); err != nil {
				return nil, err
			}
			if err := w.eachNeed(quad.Object, n, ends(needSubject), func(q quad.Quad) error {
				if edge(q) {
					add(q.Subject)
				}
				return nil
			}); err != nil {
				return nil, err
			}
		}
		frontier = next
	}
	return sortedValues(seen), nil
}

// FromResults takes the entity and event IRIs out of Gizmo query results
// as graph.Store.Query returns them (JSON values: "<ng:entity/x>" strings
// in maps and arrays, tags included). Other values are ignored. The
// result is sorted and has no duplicates.
func FromResults(results []any) []quad.Value {
	seen := map[quad.Value]bool{}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case string:
			if strings.HasPrefix(x, "<") && strings.HasSuffix(x, ">") {
				v := quad.IRI(x[1 : len(x)-1])
				if k := kindOf(v); k == kindEntity || k == kindEvent {
					seen[v] = true
				}
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(results)
	return sortedValues(seen)
}
