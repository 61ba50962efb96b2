package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/source"
)

// TestRunDecidesBeforeParsing: Decide sees an article's content hash
// before its bytes are parsed, and an article it skips is neither parsed
// nor extracted: bytes that are no article pass when skipped and fail
// when not. Jobs come to Done in the order listed.
func TestRunDecidesBeforeParsing(t *testing.T) {
	noText := []byte("   \n") // source.Parse: no body text
	good := []byte(body("Alpha attacked Harir."))
	jobs := []*Job[string]{
		{Key: "skipped.txt", Doc: "skipped.txt", Content: ingest.Content{Raw: noText}, Of: "skip"},
		{Key: "failed.txt", Doc: "failed.txt", Content: ingest.Content{Raw: noText}},
		{Key: "good.txt", Doc: "good.txt", Read: func(context.Context) (ingest.Content, error) { return ingest.Content{Raw: good}, nil }},
	}
	var order []string
	run := Run[string]{Extractor: lineExtractor{"1"}, Workers: 3,
		Decide: func(_ context.Context, j *Job[string]) error {
			want := source.ContentID(noText)
			if j.Key == "good.txt" {
				want = source.ContentID(good)
			}
			if j.ID != want {
				t.Errorf("%s: Decide saw ID %q, want the content hash %q", j.Key, j.ID, want)
			}
			j.Skip = j.Of == "skip"
			return nil
		},
		Done: func(j *Job[string]) error {
			order = append(order, j.Key)
			return nil
		}}
	err := run.Do(context.Background(), func(yield func(*Job[string]) bool) error {
		for _, j := range jobs {
			if !yield(j) {
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"skipped.txt", "failed.txt", "good.txt"}; !slices.Equal(order, want) {
		t.Errorf("Done saw %q, want %q", order, want)
	}
	if j := jobs[0]; j.Err != nil || !j.Skip || j.Rec.Doc != "" {
		t.Errorf("skipped: err %v, skip %v, record of %q; want skipped, never parsed", j.Err, j.Skip, j.Rec.Doc)
	}
	if j := jobs[1]; j.Err == nil || !strings.HasPrefix(j.Err.Error(), "failed.txt: ") {
		t.Errorf("not skipped: err %v, want the parse error naming failed.txt", j.Err)
	}
	if j := jobs[2]; j.Err != nil || len(j.Rec.Facts) != 1 || len(j.Quads) != 0 {
		t.Errorf("good: err %v, %d facts, %d quads; want one fact and no quads without a writer", j.Err, len(j.Rec.Facts), len(j.Quads))
	}
}

// TestWriterModes: the same changes written per article, in bulk loads
// and in batches leave the same quads. The changes remove what the store
// held before them, as build's and rebuild's do.
func TestWriterModes(t *testing.T) {
	ctx := context.Background()
	art := func(label, s string) []quad.Quad {
		l := quad.IRI(label)
		return []quad.Quad{
			{Subject: quad.IRI("ng:entity/" + s), Predicate: quad.IRI("ng:name"), Object: quad.String(s), Label: l},
			{Subject: quad.IRI("ng:entity/" + s), Predicate: quad.IRI("ng:mentionedIn"), Object: l, Label: l},
		}
	}
	type change struct {
		remove      []quad.Value
		removeQuads []quad.Quad
		quads       []quad.Quad
	}
	changes := [][]change{{
		{quads: art("ng:article/a", "alpha")},
		{quads: art("ng:article/b", "bravo")},
		{quads: art("ng:article/c", "charlie")},
	}, {
		{remove: []quad.Value{quad.IRI("ng:article/a")}, quads: art("ng:article/a2", "alpha")}, // a changed
		{removeQuads: art("ng:article/b", "bravo")},                                            // b gone, its quads known
		{quads: art("ng:article/d", "delta")},
	}}
	var want []string
	for _, mode := range []WriteMode{PerArticle, Bulk, Batched} {
		st := openBolt(t)
		var recorded int
		w := NewWriter(st, mode, func(remove []quad.Value, removeQuads, quads []quad.Quad) { recorded++ })
		for _, run := range changes {
			for _, c := range run {
				if err := w.Load(ctx, c.remove, c.removeQuads, c.quads); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if recorded != 6 {
			t.Errorf("mode %d: %d changes recorded, want 6", mode, recorded)
		}
		got := allQuads(t, st)
		if want == nil {
			want = got
			if len(want) != 6 {
				t.Fatalf("per article: %d quads, want 6: %q", len(want), want)
			}
		} else if !slices.Equal(got, want) {
			t.Errorf("mode %d: quads %q, per article %q", mode, got, want)
		}
	}
}

func allQuads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	qs := st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []string
	for it.Next(context.Background()) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
