package export

import (
	"cmp"
	"context"
	"io"
	"slices"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// writeNQuads writes the quads themselves, labels included, in N-Quads,
// the format Cayley's loader reads back (IRIs in their short ng: form).
//
// The whole graph is every quad of the store, streamed in the store's own
// order (insertion order on bolt and on a PostgreSQL store that was only
// ever added to; after replacements PostgreSQL may list reused space
// first): sorting it would hold the whole graph in memory, and the order
// of quads means nothing to a loader. A selection, sorted, is the selected
// nodes' own quads (except edges to nodes outside it), the statements of
// the facts among them, and the quads of the articles they come from, so
// that the subgraph loads with its provenance.
func writeNQuads(ctx context.Context, rd graph.Reader, out io.Writer, opts Options) error {
	enc := nquads.NewWriter(out)
	if opts.Nodes == nil {
		if err := writeAllQuads(ctx, rd, enc); err != nil {
			return err
		}
		return enc.Close()
	}
	opts.ArticleNodes = false
	w, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	sq := &selectedQuads{w: w, articles: map[quad.Value]bool{}}
	if err := w.nodes(func(n quad.Value) error {
		buf, err := sq.of(n)
		if err != nil {
			return err
		}
		sortQuads(buf)
		_, err = enc.WriteQuads(buf)
		return err
	}); err != nil {
		return err
	}
	if err := sq.writeArticles(enc); err != nil {
		return err
	}
	return enc.Close()
}

// writeAllQuads writes every quad of the store, in the store's order.
func writeAllQuads(ctx context.Context, rd graph.Reader, enc *nquads.Writer) error {
	qs := rd.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := enc.WriteQuad(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// selectedQuads gathers the quads of a selection, node by node, and the
// articles they come from.
type selectedQuads struct {
	w        *walker
	articles map[quad.Value]bool
}

// keep says whether a quad of a selected node is written (not an edge to
// a node outside the selection) and notes its articles.
func (sq *selectedQuads) keep(q quad.Quad) bool {
	switch kindOf(q.Object) {
	case kindEntity, kindEvent:
		return sq.w.sel[q.Object]
	case kindArticle:
		sq.articles[q.Object] = true
	}
	if kindOf(q.Label) == kindArticle {
		sq.articles[q.Label] = true
	}
	return true
}

// of returns the quads written for selected node n: its own that keep
// takes, and every quad of the statements of its facts whose object is
// selected too.
func (sq *selectedQuads) of(n quad.Value) ([]quad.Quad, error) {
	w := sq.w
	var buf []quad.Quad
	if err := w.each(quad.Subject, n, func(q quad.Quad) error {
		if sq.keep(q) {
			buf = append(buf, q)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var stmts []quad.Value
	if err := w.each(quad.Object, n, func(q quad.Quad) error {
		if q.Predicate == schema.RDFSubject && kindOf(q.Subject) == kindStatement {
			stmts = append(stmts, q.Subject)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, st := range stmts {
		var stq []quad.Quad
		in := false
		if err := w.each(quad.Subject, st, func(q quad.Quad) error {
			stq = append(stq, q)
			if q.Predicate == schema.RDFObject {
				in = w.sel[q.Object]
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if in {
			for _, q := range stq {
				sq.keep(q)
			}
			buf = append(buf, stq...)
		}
	}
	return buf, nil
}

// writeArticles writes the quads of the articles the selection's quads
// come from, sorted by article.
func (sq *selectedQuads) writeArticles(enc *nquads.Writer) error {
	list := make([]quad.Value, 0, len(sq.articles))
	for a := range sq.articles {
		list = append(list, a)
	}
	slices.SortFunc(list, func(a, b quad.Value) int { return cmp.Compare(text(a), text(b)) })
	for _, a := range list {
		var buf []quad.Quad
		if err := sq.w.each(quad.Subject, a, func(q quad.Quad) error {
			buf = append(buf, q)
			return nil
		}); err != nil {
			return err
		}
		sortQuads(buf)
		if _, err := enc.WriteQuads(buf); err != nil {
			return err
		}
	}
	return nil
}

func sortQuads(qs []quad.Quad) {
	slices.SortFunc(qs, func(a, b quad.Quad) int { return cmp.Compare(a.NQuad(), b.NQuad()) })
}
