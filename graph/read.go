package graph

import (
	"context"
	"errors"
	"os"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// Reader reads a store's quads by reference: the one place the read side
// (graph/path, names, graph/export, the explorer's cards) scans the
// store, so that the fast path of each backend is written once.
//
// A scan by node and predicate is the read those packages make most: a
// hub such as Iraq has tens of thousands of name, alias and mention quads
// and a few hundred of the predicate wanted. On a Cayley key-value store
// (bolt) it is an exact key range of the subject-predicate or
// object-predicate-subject index; elsewhere every quad of the node is read
// and filtered.
type Reader struct {
	qs graph.QuadStore
	// kv is set on a key-value store created with Cayley's default
	// indexes, the ones the scans below name. A store created with others
	// (CAYLEY_KV_INDEXES) is read the generic way.
	kv    *kv.QuadStore
	batch BatchReader
}

// NewReader returns a Reader on a Cayley quad store (without a batch
// reader: Store.Reader has one where the backend does).
func NewReader(qs graph.QuadStore) Reader {
	r := Reader{qs: qs}
	if k, ok := qs.(*kv.QuadStore); ok && os.Getenv("CAYLEY_KV_INDEXES") == "" {
		r.kv = k
	}
	return r
}

// Reader returns a Reader on the store.
func (s *Store) Reader() Reader {
	r := NewReader(s.qs)
	r.batch = s.BatchReader()
	return r
}

// QuadStore is the Cayley store read, for the reads Reader does not make
// (values of references, directions of quads, whole-store passes).
func (r Reader) QuadStore() graph.QuadStore { return r.qs }

// Batch is the backend's batch reader, or nil (see Store.BatchReader).
func (r Reader) Batch() BatchReader { return r.batch }

// Indexed reports whether Scan with a predicate, Count and Between read
// an index (only the quads asked for) rather than every quad of a node.
// Callers choose between a read per predicate and one read of everything
// by it.
func (r Reader) Indexed() bool { return r.kv != nil }

// index is the key-value index and key prefix that hold the quads whose
// direction d is node and whose predicate is pred, or false when there
// is none.
func (r Reader) index(node graph.Ref, d quad.Direction, pred graph.Ref) (kv.IndexScan, bool) {
	if r.kv == nil || node == nil || pred == nil {
		return kv.IndexScan{}, false
	}
	n, nok := node.(kv.Int64Value)
	p, pok := pred.(kv.Int64Value)
	if !nok || !pok {
		return kv.IndexScan{}, false
	}
	switch d {
	case quad.Subject:
		return kv.IndexScan{Index: kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}, Values: []uint64{uint64(n), uint64(p)}}, true
	case quad.Object:
		return kv.IndexScan{Index: kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}, Values: []uint64{uint64(n), uint64(p)}}, true
	}
	return kv.IndexScan{}, false
}

// Scan calls fn with the reference of every quad whose direction d is
// node and, when pred is not nil, whose predicate is pred, until fn
// returns false or ctx ends. A nil node has no quads.
//
// The iterator stays open while fn runs; on bolt it holds a read
// transaction, so fn must not wait on a writer (see Refs).
func (r Reader) Scan(ctx context.Context, node graph.Ref, d quad.Direction, pred graph.Ref, fn func(q graph.Ref) bool) error {
	if node == nil {
		return ctx.Err()
	}
	var it iterator.Scanner
	filter := pred != nil
	if ind, ok := r.index(node, d, pred); ok {
		it, filter = ind.BuildIterator(r.kv).Iterate(), false
	} else {
		it = r.qs.QuadIterator(d, node).Iterate()
	}
	return r.drain(ctx, it, func(q graph.Ref) (bool, error) {
		if filter {
			p, err := r.qs.QuadDirection(q, quad.Predicate)
			if err != nil || p == nil || p.Key() != pred.Key() {
				return true, err
			}
		}
		return fn(q), nil
	})
}

// drain runs fn on each result of it until fn says stop, fn fails or ctx
// ends, and closes it.
func (r Reader) drain(ctx context.Context, it iterator.Scanner, fn func(graph.Ref) (bool, error)) error {
	var err error
	for err == nil && it.Next(ctx) {
		if err = ctx.Err(); err != nil {
			break
		}
		var more bool
		if more, err = fn(it.Result()); !more {
			break
		}
	}
	if err == nil {
		err = it.Err()
	}
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	// A store may report an ended context as an error of its own (Cayley's
	// SQL store does, unwrapped); callers tell a timeout by ctx's error.
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	return err
}

// Refs is Scan collected: the references of the quads Scan would visit,
// at most limit of them when limit > 0. The iterator is closed before
// Refs returns, so the caller may read each quad freely: on bolt, opening
// a second read transaction while the first is open and another
// goroutine commits a write that grows the file deadlocks (the commit
// waits for the first reader, the second reader behind the commit).
func (r Reader) Refs(ctx context.Context, node graph.Ref, d quad.Direction, pred graph.Ref, limit int) ([]graph.Ref, error) {
	var out []graph.Ref
	err := r.Scan(ctx, node, d, pred, func(q graph.Ref) bool {
		out = append(out, q)
		return limit <= 0 || len(out) < limit
	})
	return out, err
}

// Count is the number of quads Scan would visit. On an indexed store,
// counting by subject and predicate reads one index entry, not the quads:
// the key names the whole subject-predicate index. A key that is only a
// prefix of its index (object and predicate of object-predicate-subject)
// has no exact size of its own, and its range is read.
func (r Reader) Count(ctx context.Context, node graph.Ref, d quad.Direction, pred graph.Ref) (int64, error) {
	if ind, ok := r.index(node, d, pred); ok && len(ind.Values) == len(ind.Index.Dirs) {
		st, err := ind.BuildIterator(r.kv).Stats(ctx)
		if errors.Is(err, hkv.ErrNotFound) { // no such key: no quad
			return 0, nil
		}
		return st.Size.Value, err
	}
	var n int64
	err := r.Scan(ctx, node, d, pred, func(graph.Ref) bool { n++; return true })
	return n, err
}

// Between calls fn with the reference of every quad subj pred obj (the
// same triple under every label it has: one per article that states
// it), until fn returns false. On an indexed store it reads just those
// quads; elsewhere every quad of the object.
func (r Reader) Between(ctx context.Context, subj, pred, obj graph.Ref, fn func(q graph.Ref) bool) error {
	if subj == nil || pred == nil || obj == nil {
		return ctx.Err()
	}
	if ind, ok := r.index(obj, quad.Object, pred); ok {
		if s, ok := subj.(kv.Int64Value); ok {
			ind.Values = append(ind.Values, uint64(s))
			return r.drain(ctx, ind.BuildIterator(r.kv).Iterate(), func(q graph.Ref) (bool, error) { return fn(q), nil })
		}
	}
	var err error
	serr := r.Scan(ctx, obj, quad.Object, pred, func(q graph.Ref) bool {
		var s graph.Ref
		if s, err = r.qs.QuadDirection(q, quad.Subject); err != nil {
			return false
		}
		if s == nil || s.Key() != subj.Key() {
			return true
		}
		return fn(q)
	})
	if err == nil {
		err = serr
	}
	return err
}
