package pipeline

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/graph"
)

// WriteMode is how a Writer groups its writes into transactions, which
// depends on who else reads the store while it is written.
type WriteMode int

const (
	// PerArticle writes each article in a transaction of its own with
	// the removal of what it replaces, so that a store served while it is
	// written never holds half an article (rebuild in place).
	PerArticle WriteMode = iota
	// Bulk writes an article that replaces another as PerArticle does,
	// and gathers new articles, which replace nothing, into loads of
	// BatchQuads quads through Store.BulkLoad (build).
	Bulk
	// Batched gathers removals and additions alike into transactions of
	// about BatchQuads quads: the store is a private generation that
	// nothing reads until it is committed (rebuild).
	Batched
)

// BatchQuads is how many quads of articles (or of a rebuild's journal,
// replayed) are written in one transaction: large enough that commits and
// round trips do not dominate, small enough that memory stays bounded.
const BatchQuads = 20000

// Writer writes articles into a store in the order Run hands them on:
// build's and rebuild's one way of writing. A removal is of what the store
// holds, not of what the Writer has gathered and not yet flushed: build
// and rebuild remove only what was in the store before they ran.
type Writer struct {
	st     *graph.Store
	mode   WriteMode
	record func(remove []quad.Value, removeQuads, quads []quad.Quad)

	pending Changes // gathered, not yet written

	removed int // quads removed by PerArticle writes, as Store.Replace counts them
}

// NewWriter returns a Writer to st. record, if not nil, is told of every
// change before it is written (rebuild's journal).
func NewWriter(st *graph.Store, mode WriteMode, record func(remove []quad.Value, removeQuads, quads []quad.Quad)) *Writer {
	return &Writer{st: st, mode: mode, record: record}
}

// Removed is how many quads the articles written one at a time replaced.
func (w *Writer) Removed() int { return w.removed }

// Load writes (or gathers, see WriteMode) one change: the quads of the
// labels remove and the quads removeQuads go, quads come.
func (w *Writer) Load(ctx context.Context, remove []quad.Value, removeQuads, quads []quad.Quad) error {
	if w.record != nil {
		w.record(remove, removeQuads, quads)
	}
	replaces := len(remove) > 0 || len(removeQuads) > 0
	switch {
	case w.mode == Batched:
		w.pending.Add(remove, removeQuads, quads)
		if p := &w.pending; len(p.Quads)+len(p.RemoveQuads) >= BatchQuads || len(p.Remove) >= 1000 {
			return w.Flush(ctx)
		}
		return nil
	case w.mode == Bulk && !replaces:
		w.pending.Quads = append(w.pending.Quads, quads...)
		if len(w.pending.Quads) >= BatchQuads {
			return w.Flush(ctx)
		}
		return nil
	}
	if err := w.st.RemoveQuads(ctx, removeQuads); err != nil {
		return err
	}
	n, err := w.st.Replace(ctx, remove, quads)
	w.removed += n
	return err
}

// Changes are writes gathered to be made together: the labels whose quads
// go (each once), quads that go one by one, and quads that come. A Writer
// gathers its batch in them, rebuild's journal a generation's changes.
type Changes struct {
	Remove      []quad.Value
	RemoveQuads []quad.Quad
	Quads       []quad.Quad
	seen        map[quad.Value]bool
}

// Add gathers one change.
func (c *Changes) Add(remove []quad.Value, removeQuads, quads []quad.Quad) {
	if c.seen == nil {
		c.seen = map[quad.Value]bool{}
	}
	for _, l := range remove {
		if !c.seen[l] {
			c.seen[l] = true
			c.Remove = append(c.Remove, l)
		}
	}
	c.RemoveQuads = append(c.RemoveQuads, removeQuads...)
	c.Quads = append(c.Quads, quads...)
}

// Len is how many labels and quads the changes hold.
func (c *Changes) Len() int { return len(c.Remove) + len(c.RemoveQuads) + len(c.Quads) }

// Flush writes what Load gathered.
func (w *Writer) Flush(ctx context.Context) error {
	p := w.pending
	w.pending = Changes{Quads: p.Quads[:0]}
	if w.mode == Bulk {
		if err := w.st.BulkLoad(ctx, p.Quads); err != nil {
			return fmt.Errorf("pipeline: loading %d quads: %w", len(p.Quads), err)
		}
		return nil
	}
	w.pending.Quads = nil
	if p.Len() == 0 {
		return nil
	}
	// Removals and additions go in separate transactions: the generation
	// is private, and Cayley's key-value stores corrupt a transaction that
	// both removes and adds quads of a node whose count of quads falls
	// (the added quads lose that node; rebuild's TestIncrementalDirectory
	// compares with a full build and catches it).
	err := w.st.RemoveQuads(ctx, p.RemoveQuads)
	if err == nil {
		_, err = w.st.Replace(ctx, p.Remove, nil)
	}
	if err == nil {
		_, err = w.st.Replace(ctx, nil, p.Quads)
	}
	return err
}

// Analyse recomputes what the analysis finds across the touched articles
// (incidents, fact counts, contradictions) and writes it through w, so
// that a generation's journal records it too. Call it after the last
// Flush.
func (w *Writer) Analyse(ctx context.Context, touched []quad.Value, opts analysis.Options) (analysis.Summary, error) {
	if len(touched) == 0 {
		return analysis.Summary{}, nil
	}
	return analysis.Update(ctx, w.st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
		if err := w.Load(ctx, labels, nil, quads); err != nil {
			return err
		}
		return w.Flush(ctx)
	}, touched, opts)
}
