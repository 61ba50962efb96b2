package memory

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestStoreSuite runs the store suite (graphtest.TestStore) on a memory
// store of its own for each check.
func TestStoreSuite(t *testing.T) {
	graphtest.TestStore(t, func(*testing.T) graph.Config { return graph.Config{Backend: Name} })
}
