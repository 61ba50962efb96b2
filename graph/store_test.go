package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph/memstore"
)

// The store suite runs in each backend's package (graphtest.TestStore);
// generations are tested on every backend that declares them
// (generation_test.go).

func TestUnknownBackend(t *testing.T) {
	if _, err := Open(context.Background(), Config{Backend: "nope"}); err == nil {
		t.Fatal("unknown backend opened")
	}
}

// claimsBulkLoad declares a bulk loader it does not bring.
type claimsBulkLoad struct{}

func (claimsBulkLoad) Open(context.Context, Config) (*Opened, error) {
	return &Opened{QuadStore: memstore.New()}, nil
}
func (claimsBulkLoad) Capabilities() Capabilities { return Capabilities{BulkLoad: true} }
func (claimsBulkLoad) Describe(Config) string     { return "a store that claims too much" }

// TestOpenHoldsBackendsToTheirWord: Store.BulkLoad trusts the declared
// capability, so a backend that declares bulk load without bringing a
// loader is refused at open, not at the first load.
func TestOpenHoldsBackendsToTheirWord(t *testing.T) {
	RegisterBackend("test-claims-bulk-load", claimsBulkLoad{})
	_, err := Open(context.Background(), Config{Backend: "test-claims-bulk-load"})
	if err == nil || !strings.Contains(err.Error(), "declares bulk load") {
		t.Fatalf("open of a backend that declares a bulk loader it lacks: %v", err)
	}
}

// TestQuadsWith: the index scan of bolt and the filter of the memory store
// give the quads of one node and predicate, in either direction, and
// nothing of an unknown node or predicate.
func TestQuadsWith(t *testing.T) {
	for _, backend := range []string{"bolt", "memory"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st := openTest(t, backend)
			quads := append(article("A1", [2]string{"kh", "base"}, [2]string{"kh", "embassy"}), article("A2", [2]string{"iri", "base"})...)
			if err := st.BulkLoad(ctx, quads); err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				d    quad.Direction
				v, p string
				want []quad.Quad
			}{
				{quad.Subject, "kh", "ng:attacked", []quad.Quad{q("kh", "ng:attacked", "base", "A1"), q("kh", "ng:attacked", "embassy", "A1")}},
				{quad.Object, "base", "ng:attacked", []quad.Quad{q("kh", "ng:attacked", "base", "A1"), q("iri", "ng:attacked", "base", "A2")}},
				{quad.Object, "A1", "ng:mentionedIn", []quad.Quad{q("kh", "ng:mentionedIn", "A1", "A1"), q("base", "ng:mentionedIn", "A1", "A1"), q("embassy", "ng:mentionedIn", "A1", "A1")}},
				{quad.Subject, "kh", "ng:nothing", nil},
				{quad.Subject, "nobody", "ng:attacked", nil},
			} {
				got, err := st.QuadsWith(ctx, c.d, quad.IRI(c.v), quad.IRI(c.p))
				if err != nil {
					t.Fatal(err)
				}
				if g, w := sorted(got), sorted(c.want); !reflect.DeepEqual(g, w) {
					t.Errorf("%v %s %s: got %v, want %v", c.d, c.v, c.p, g, w)
				}
			}
		})
	}
}
