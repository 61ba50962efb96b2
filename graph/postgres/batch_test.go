package postgres

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestPostgresBatchReader checks the batch reads against Cayley's own
// iterators on the same store: triples by subject and by object (the
// quads of one fact in several articles come once), counts, values of
// every value type.
func TestPostgresBatchReader(t *testing.T) {
	ctx := context.Background()
	st := openPG(t, freshPG(t))
	br := st.BatchReader()
	if br == nil {
		t.Fatal("the postgres store offers no batch reader")
	}
	quads := zooQuads()
	for i := 0; i < 3; i++ { // one fact, three articles
		quads = append(quads, graphtest.Quad("ng:entity/kh", "ng:attacked", "ng:entity/ain", fmt.Sprintf("ng:article/%d", i)))
		quads = append(quads, graphtest.Quad("ng:entity/kh", "ng:mentionedIn", fmt.Sprintf("ng:article/%d", i), fmt.Sprintf("ng:article/%d", i)))
	}
	if err := st.BulkLoad(ctx, quads); err != nil {
		t.Fatal(err)
	}
	qs := st.QuadStore()
	ref := func(v quad.Value) cgraph.Ref {
		r, err := qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("ValueOf(%v) = %v, %v", v, r, err)
		}
		return r
	}
	name := func(r cgraph.Ref) quad.Value {
		v, err := qs.NameOf(r)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	nodes := []quad.Value{quad.IRI("ng:s/0"), quad.IRI("ng:s/3"), quad.IRI("ng:entity/kh"), quad.IRI("ng:entity/ain"), quad.IRI("ng:self"), quad.IRI("ng:nothing-here")}
	var nrefs []cgraph.Ref
	for _, n := range nodes {
		nrefs = append(nrefs, ref(n))
	}
	preds := []cgraph.Ref{ref(quad.IRI("ng:p")), ref(quad.IRI("ng:attacked"))}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		// What Cayley's iterators say, as distinct triples.
		want := map[string]bool{}
		for _, n := range nodes {
			nref, _ := qs.ValueOf(n)
			refs, err := st.Reader().Refs(ctx, nref, d, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range refs {
				x, err := qs.Quad(r)
				if err != nil {
					t.Fatal(err)
				}
				if x.Predicate == quad.IRI("ng:p") || x.Predicate == quad.IRI("ng:attacked") {
					want[quad.Quad{Subject: x.Subject, Predicate: x.Predicate, Object: x.Object}.NQuad()] = true
				}
			}
		}
		ts, err := br.Triples(ctx, d, nrefs, preds)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, tr := range ts {
			k := quad.Quad{Subject: name(tr.Subject), Predicate: name(tr.Predicate), Object: name(tr.Object)}.NQuad()
			if got[k] {
				t.Errorf("%v: triple %s twice", d, k)
			}
			got[k] = true
		}
		if !reflect.DeepEqual(got, want) || len(got) == 0 {
			t.Errorf("%v: Triples = %v, want %v", d, keys(got), keys(want))
		}
	}
	counts, err := br.CountQuads(ctx, quad.Subject, nrefs, ref(quad.IRI("ng:mentionedIn")))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{0, 0, 3, 0, 0, 0}; !reflect.DeepEqual(counts, want) {
		t.Errorf("CountQuads = %v, want %v", counts, want)
	}
	zoo := valueZoo()
	var zrefs []cgraph.Ref
	for _, v := range zoo {
		zrefs = append(zrefs, ref(v))
	}
	vals, err := br.Values(ctx, append(zrefs, ref(quad.IRI("ng:not-stored"))))
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range zoo {
		if !reflect.DeepEqual(vals[i], v) {
			t.Errorf("Values[%d] = %#v, want %#v", i, vals[i], v)
		}
	}
	if last := vals[len(vals)-1]; last != nil {
		t.Errorf("the value of a node the store lacks is %v", last)
	}
	if _, err := br.Triples(ctx, quad.Predicate, nrefs, preds); err == nil {
		t.Error("Triples by predicate: no error")
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
