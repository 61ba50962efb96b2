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
