package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// OpenGeneration opens the store in one generation's directory, of cfg's
// backend: a served generation, or one a rebuild writes.
func OpenGeneration(ctx context.Context, cfg Config, dir string) (*Store, error) {
	return Open(ctx, Config{Backend: cfg.Backend, Path: dir})
}

// openLive opens what cfg names for serving: a generation as
// OpenGeneration does, anything else as Open does.
func openLive(ctx context.Context, cfg Config, generation string) (*Store, error) {
	if generation != "" {
		return OpenGeneration(ctx, cfg, cfg.Path)
	}
	return Open(ctx, cfg)
}

// RemoveQuads removes exactly these quads (labels included) in one
// transaction; quads the store does not hold are skipped. A rebuild that
// knows what an article wrote removes it this way, without the walk over
// the article's nodes that Replace needs to find a label's quads. A quad
// a node owns (Owned: an entity's name, type, aliases) is not removed by
// being listed, since other articles may still mention its node: it goes
// with the last quad another label holds of the node, as in Replace.
func (s *Store) RemoveQuads(ctx context.Context, quads []quad.Quad) error {
	if err := s.writable(); err != nil || len(quads) == 0 {
		return err
	}
	tx := graph.NewTransactionN(len(quads))
	for _, q := range quads {
		if !Owned(q) {
			tx.RemoveQuad(q)
		}
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("graph: removing %d quads: %w", len(quads), err)
	}
	_, err := s.sweep(ctx, quads, nil)
	return err
}
