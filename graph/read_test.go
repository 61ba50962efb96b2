package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// readerQuads is a hub with many quads of other predicates besides the
// few a scan wants, stated by three articles.
func readerQuads() []quad.Quad {
	var out []quad.Quad
	for a := range 3 {
		l := fmt.Sprintf("ng:article/%d", a)
		out = append(out,
			q("ng:entity/kh", "ng:attacked", "ng:entity/ain", l),
			q("ng:entity/kh", "ng:threatened", "ng:entity/ain", l),
			q("ng:entity/pmf", "ng:attacked", "ng:entity/ain", l),
			q("ng:entity/kh", "ng:mentionedIn", l, l),
			q("ng:entity/ain", "ng:mentionedIn", l, l))
		for i := range 20 {
			out = append(out, q("ng:entity/kh", "ng:alias", fmt.Sprintf("ng:x/%d-%d", a, i), l))
		}
	}
	return out
}

// suiteReader checks graph.Reader on a store, and, where the store is
// indexed, that the generic reads (a Reader on the same store with
// CAYLEY_KV_INDEXES set, which must not trust the default indexes)
// answer the same.
func suiteReader(t *testing.T, st *Store) {
	ctx := context.Background()
	if _, err := st.Replace(ctx, nil, readerQuads()); err != nil {
		t.Fatal(err)
	}
	readers := map[string]Reader{"store": st.Reader()}
	if st.Reader().Indexed() {
		t.Setenv("CAYLEY_KV_INDEXES", "custom")
		generic := NewReader(st.QuadStore())
		if generic.Indexed() {
			t.Fatal("a Reader trusts the default indexes although CAYLEY_KV_INDEXES is set")
		}
		readers["generic"] = generic
	}
	qs := st.QuadStore()
	ref := func(s string) cgraph.Ref {
		r, err := qs.ValueOf(quad.IRI(s))
		if err != nil || r == nil {
			t.Fatalf("ValueOf(%s) = %v, %v", s, r, err)
		}
		return r
	}
	kh, ain, pmf := ref("ng:entity/kh"), ref("ng:entity/ain"), ref("ng:entity/pmf")
	attacked, alias := ref("ng:attacked"), ref("ng:alias")
	for name, r := range readers {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				what string
				node cgraph.Ref
				d    quad.Direction
				pred cgraph.Ref
				want int64
			}{
				{"kh attacked ?", kh, quad.Subject, attacked, 3},
				{"kh alias ?", kh, quad.Subject, alias, 60},
				{"kh ?", kh, quad.Subject, nil, 3 * 23},
				{"? attacked ain", ain, quad.Object, attacked, 6},
				{"? alias ain", ain, quad.Object, alias, 0},
				{"pmf ? as object", pmf, quad.Object, nil, 0},
			} {
				n, err := r.Count(ctx, c.node, c.d, c.pred)
				if err != nil || n != c.want {
					t.Errorf("Count(%s) = %d, %v; want %d", c.what, n, err, c.want)
				}
				refs, err := r.Refs(ctx, c.node, c.d, c.pred, 0)
				if err != nil || int64(len(refs)) != c.want {
					t.Errorf("Refs(%s): %d quads, %v; want %d", c.what, len(refs), err, c.want)
				}
				for _, x := range refs {
					if p, _ := qs.QuadDirection(x, quad.Predicate); c.pred != nil && p.Key() != c.pred.Key() {
						t.Errorf("Refs(%s) returned a quad of another predicate", c.what)
					}
				}
			}
			if refs, err := r.Refs(ctx, kh, quad.Subject, alias, 7); err != nil || len(refs) != 7 {
				t.Errorf("Refs with a limit of 7: %d, %v", len(refs), err)
			}
			var labels []string
			if err := r.Between(ctx, kh, attacked, ain, func(x cgraph.Ref) bool {
				l, _ := qs.QuadDirection(x, quad.Label)
				v, _ := qs.NameOf(l)
				labels = append(labels, fmt.Sprint(v))
				return true
			}); err != nil || len(labels) != 3 {
				t.Errorf("Between(kh, attacked, ain): labels %v, %v; want the three articles", labels, err)
			}
			stopped := 0
			if err := r.Between(ctx, kh, attacked, ain, func(cgraph.Ref) bool { stopped++; return false }); err != nil || stopped != 1 {
				t.Errorf("Between went on after fn said stop: %d calls, %v", stopped, err)
			}
			if err := r.Scan(ctx, nil, quad.Subject, attacked, func(cgraph.Ref) bool { t.Error("a nil node has a quad"); return true }); err != nil {
				t.Error(err)
			}
			done, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := r.Refs(done, kh, quad.Subject, nil, 0); !errors.Is(err, context.Canceled) {
				t.Errorf("a scan on an ended context: %v, want context.Canceled", err)
			}
		})
	}
}
