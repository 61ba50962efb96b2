package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// BulkLoader is implemented by a backend's writer that can load many
// quads faster than through Cayley's writer. BulkLoad must add the quads
// (those already present are skipped) in one transaction, leaving the
// store as Cayley's writer would.
type BulkLoader interface {
	BulkLoad(ctx context.Context, quads []quad.Quad) error
}

// counter is implemented by a backend's writer that counts quads and nodes
// better than its quad store (Cayley's SQL store caches counts until its
// own writer runs, so another process's writes go unseen).
type counter interface {
	Count(ctx context.Context) (Stats, error)
}

// labelQuader is implemented by a backend's writer that can find a
// label's quads directly (Cayley's key-value stores have no label index).
type labelQuader interface {
	LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error)
}

// BulkLoad adds quads in one transaction; quads already in the store are
// skipped. It uses the backend's fast path when it has one (PostgreSQL:
// COPY) and Cayley's writer otherwise. It is meant for loading many quads
// at once — a fresh build, an import — in batches of some thousands to
// some hundred thousands of quads; Replace stays the way to change one
// article.
func (s *Store) BulkLoad(ctx context.Context, quads []quad.Quad) error {
	if len(quads) == 0 {
		return nil
	}
	if bl, ok := s.w.(BulkLoader); ok {
		return bl.BulkLoad(ctx, quads)
	}
	tx := graph.NewTransactionN(len(quads))
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("graph: bulk loading %d quads: %w", len(quads), err)
	}
	return nil
}
