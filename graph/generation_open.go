package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// OpenGeneration opens the bolt store in one generation's directory for
// reading and small updates: a served generation, or one an incremental
// rebuild brings up to date. It is Open with backend "bolt" less one cost:
// at open, Cayley's key-value store reads every quad of the store to fill
// an existence filter that only speeds up large loads, which takes seconds
// on a store of millions of quads, on every swap and every rebuild. Use
// Open for a large load into an empty store.
func OpenGeneration(ctx context.Context, dir string) (*Store, error) {
	return Open(ctx, Config{Backend: "bolt", Path: dir, noFilter: true})
}

// openLive opens what cfg names for serving: a generation without the
// existence filter, anything else as Open does.
func openLive(ctx context.Context, cfg Config, generation string) (*Store, error) {
	if generation != "" && (cfg.Backend == "" || cfg.Backend == "bolt") {
		return OpenGeneration(ctx, cfg.Path)
	}
	return Open(ctx, cfg)
}

// RemoveQuads removes exactly these quads (labels included) in one
// transaction; quads the store does not hold are skipped. A rebuild that
// knows what an article wrote removes it this way, without the walk over
// the article's nodes that Replace needs to find a label's quads.
func (s *Store) RemoveQuads(ctx context.Context, quads []quad.Quad) error {
	if err := s.writable(); err != nil || len(quads) == 0 {
		return err
	}
	tx := graph.NewTransactionN(len(quads))
	for _, q := range quads {
		tx.RemoveQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("graph: removing %d quads: %w", len(quads), err)
	}
	return nil
}
