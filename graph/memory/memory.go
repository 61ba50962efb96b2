// Package memory registers the "memory" backend: Cayley's volatile
// in-memory store, for tests and one-off runs. It declares no
// capabilities: the graph goes with the process.
package memory

import (
	"context"

	"github.com/cayleygraph/cayley/graph/memstore"

	"github.com/newsgraph/newsgraph/graph"
)

// Name is the backend's name in Config.Backend.
const Name = "memory"

func init() { graph.RegisterBackend(Name, backend{}) }

type backend struct{}

func (backend) Open(context.Context, graph.Config) (*graph.Opened, error) {
	return &graph.Opened{QuadStore: memstore.New()}, nil
}

func (backend) Capabilities() graph.Capabilities { return graph.Capabilities{} }

func (backend) Describe(graph.Config) string { return "a memory store" }
