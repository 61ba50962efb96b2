package analysis

import (
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// sources counts the independent sources among articles: articles of one
// outlet, articles crediting one wire service (or the wire's own), and
// near-identical texts are one source each.
func (u *update) sources(arts []quad.Value) (int, error) {
	as := make([]*article, len(arts))
	for i, v := range arts {
		a, err := u.r.article(v)
		if err != nil {
			return 0, err
		}
		as[i] = a
	}
	parent := make([]int, len(as))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) { parent[root(i)] = root(j) }
	byName := map[string]int{}
	sketches := make([]uint64, len(as))
	hasSketch := make([]bool, len(as))
	for i, a := range as {
		for _, name := range []string{a.outlet, a.credit} {
			if k := schema.Slug(name); k != "" {
				if j, ok := byName[k]; ok {
					union(i, j)
				} else {
					byName[k] = i
				}
			}
		}
		sketches[i], hasSketch[i] = source.ParseSketch(a.sketch)
		for j := range i {
			if hasSketch[i] && hasSketch[j] && source.Near(sketches[i], sketches[j]) {
				union(i, j)
			}
		}
	}
	n := 0
	for i := range parent {
		if root(i) == i {
			n++
		}
	}
	return n, nil
}

// articlesOf lists the distinct articles of reports, in order of first
// appearance.
func articlesOf[T any](reports []T, of func(T) quad.Value) []quad.Value {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	for _, r := range reports {
		if a := of(r); a != nil && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}
