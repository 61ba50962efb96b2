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
		if err := ctx.Err(); err != nil {
			return err
		}
		return enc.Close()
	}
	opts.ArticleNodes = false
	w, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	articles := map[quad.Value]bool{}
	keep := func(q quad.Quad) bool {
		switch kindOf(q.Object) {
		case kindEntity, kindEvent:
			return w.sel[q.Object]
		case kindArticle:
			articles[q.Object] = true
		}
		if kindOf(q.Label) == kindArticle {
			articles[q.Label] = true
		}
		return true
	}
	err = w.nodes(func(n quad.Value) error {
		var buf []quad.Quad
		if err := w.each(quad.Subject, n, func(q quad.Quad) error {
			if keep(q) {
				buf = append(buf, q)
			}
			return nil
		}); err != nil {
			return err
		}
		var stmts []quad.Value
		if err := w.each(quad.Object, n, func(q quad.Quad) error {
			if q.Predicate == schema.RDFSubject && kindOf(q.Subject) == kindStatement {
				stmts = append(stmts, q.Subject)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, st := range stmts {
			var sq []quad.Quad
			in := false
			if err := w.each(quad.Subject, st, func(q quad.Quad) error {
				sq = append(sq, q)
				if q.Predicate == schema.RDFObject {
					in = w.sel[q.Object]
				}
				return nil
			}); err != nil {
				return err
			}
			if in {
				for _, q := range sq {
					keep(q)
				}
				buf = append(buf, sq...)
			}
		}
		sortQuads(buf)
		_, err := enc.WriteQuads(buf)
		return err
	})
	if err != nil {
		return err
	}
	list := make([]quad.Value, 0, len(articles))
	for a := range articles {
		list = append(list, a)
	}
	slices.SortFunc(list, func(a, b quad.Value) int { return cmp.Compare(text(a), text(b)) })
	for _, a := range list {
		var buf []quad.Quad
		if err := w.each(quad.Subject, a, func(q quad.Quad) error {
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
	return enc.Close()
}

func sortQuads(qs []quad.Quad) {
	slices.SortFunc(qs, func(a, b quad.Quad) int { return cmp.Compare(a.NQuad(), b.NQuad()) })
}
