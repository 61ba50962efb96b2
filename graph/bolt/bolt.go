// Package bolt registers newsgraph's default backend, "bolt": Cayley's
// bolt key-value store, one file in a directory, guarded by graph.LockDir.
// It persists, and its store is files under Config.Path, so a rebuild can
// copy it into a new generation and swap it in whole.
package bolt

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/kv/bolt"

	"github.com/newsgraph/newsgraph/graph"
)

// Name is the backend's name in Config.Backend (graph.DefaultBackend).
const Name = "bolt"

func init() { graph.RegisterBackend(Name, backend{}) }

type backend struct{}

func (backend) Open(ctx context.Context, cfg graph.Config) (*graph.Opened, error) {
	release, err := graph.LockDir(cfg.Path)
	if err != nil {
		return nil, err
	}
	err = cgraph.InitQuadStore(bolt.Type, cfg.Path, nil)
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		release()
		return nil, fmt.Errorf("graph: creating bolt store in %s: %w", cfg.Path, err)
	}
	var opts cgraph.Options
	if cfg.ReadOnly || cfg.FewWrites {
		opts = cgraph.Options{kv.OptNoBloom: true}
	}
	qs, err := cgraph.NewQuadStore(bolt.Type, cfg.Path, opts)
	if err != nil {
		release()
		return nil, fmt.Errorf("graph: opening bolt store in %s: %w", cfg.Path, err)
	}
	return &graph.Opened{QuadStore: qs, Release: release}, nil
}

func (backend) Capabilities() graph.Capabilities {
	return graph.Capabilities{Persistent: true, Generations: true}
}

func (backend) Describe(cfg graph.Config) string { return cfg.Path }
