package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// BulkLoader is implemented by a backend that can load many
// quads faster than through Cayley's writer. BulkLoad must add the quads
// (those already present are skipped) in one transaction, leaving the
// store as Cayley's writer would.
type BulkLoader interface {
	BulkLoad(ctx context.Context, quads []quad.Quad) error
}

// Counter is implemented by a backend that counts quads and nodes better
// than its quad store (Cayley's SQL store caches counts until its own
// writer runs, so another process's writes go unseen).
type Counter interface {
	Count(ctx context.Context) (Stats, error)
}

// LabelQuader is implemented by a backend that can find a label's quads
// directly (Cayley's key-value stores have no label index).
type LabelQuader interface {
	LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error)
}

// BulkLoad adds quads in one transaction; quads already in the store are
// skipped. It uses the backend's fast path when it has one (PostgreSQL:
// COPY) and Cayley's writer otherwise. It is meant for loading many quads
// at once — a fresh build, an import — in batches of some thousands to
// some hundred thousands of quads; Replace stays the way to change one
// article.
func (s *Store) BulkLoad(ctx context.Context, quads []quad.Quad) error {
	if err := s.writable(); err != nil || len(quads) == 0 {
		return err
	}
	if s.caps.BulkLoad {
		return s.opened.Bulk.BulkLoad(ctx, quads)
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

// IndexDeferrer is implemented by a backend whose store loads faster
// without some of its indexes, built once at the end: PostgreSQL keeps
// every quad in several B-tree indexes keyed in random order, and past
// memory each insert into each of them is a disk read and write; built at
// the end from the whole table, each is one sort.
type IndexDeferrer interface {
	// DeferIndexes drops the indexes and constraints that loading does
	// not need, if the store holds no quad and no other process is doing
	// the same, and returns what builds them again. The store must be
	// whole without that call: a process that dies before it leaves the
	// next Open to build them.
	DeferIndexes(ctx context.Context) (restore func(context.Context) error, err error)
}

// DeferIndexes prepares an empty store for a large load (a first build):
// on a backend that has an IndexDeferrer, it drops the indexes that
// loading does not need, and restore builds them again. Call restore once
// the load is done, before reading much: the store is complete without it
// but its reads are slow. On a store that holds quads (an incremental
// load), a read-only store or another backend, it does nothing and
// restore does nothing.
func (s *Store) DeferIndexes(ctx context.Context) (restore func(context.Context) error, err error) {
	none := func(context.Context) error { return nil }
	if s.readOnly || s.opened.Indexes == nil {
		return none, nil
	}
	restore, err = s.opened.Indexes.DeferIndexes(ctx)
	if err != nil {
		return none, fmt.Errorf("graph: preparing a bulk load: %w", err)
	}
	return restore, nil
}

// BatchReader is implemented by a backend that reads the quads
// around many nodes in one round trip, where Cayley's iterators take one
// round trip per node, and a node's every quad where only some are wanted:
// on a database server, round trips are what a graph walk pays for.
// graph/path reads the links of the nodes it expands, and the mention
// counts of their neighbours, through it. References are those of the
// store's own QuadStore, in and out.
type BatchReader interface {
	// Triples returns the distinct (subject, predicate, object) of the
	// quads whose direction d (quad.Subject or quad.Object) is one of
	// nodes and whose predicate is one of preds. The quads of one fact
	// stated by many articles differ only in their labels, and come once.
	Triples(ctx context.Context, d quad.Direction, nodes, preds []graph.Ref) ([]Triple, error)
	// CountQuads counts, for each of nodes, the quads with that node in
	// direction d (quad.Subject or quad.Object) and predicate pred.
	CountQuads(ctx context.Context, d quad.Direction, nodes []graph.Ref, pred graph.Ref) ([]int64, error)
	// Values returns the values of nodes (nil for a node the store lacks).
	Values(ctx context.Context, nodes []graph.Ref) ([]quad.Value, error)
}

// Triple is a quad without its label, as references.
type Triple struct {
	Subject, Predicate, Object graph.Ref
}

// BatchReader returns the backend's batch reader (PostgreSQL has one), or
// nil when the store is best read through Cayley's iterators (bolt reads
// are local and cheap).
func (s *Store) BatchReader() BatchReader { return s.opened.Batch }
