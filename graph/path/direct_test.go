package path

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// TestDirectLinkBetweenHubs checks that a link between the two ends is
// the answer without either end being expanded: Iraq and Jordan are
// both mentioned in hundreds of articles, and reading the links of
// either would read every one of its quads. The link is looked up (on
// bolt, by the index of the link itself) and must carry the same
// evidence, support and other links as when it is read from the index.
func TestDirectLinkBetweenHubs(t *testing.T) {
	ctx := context.Background()
	recs := seedLike()
	for i := range 20 {
		id := fmt.Sprintf("c%d", i)
		rec := schema.Record{Doc: id + ".txt", Article: schema.Article{ID: id, Source: id + ".txt", Date: "2024-04-01"}}
		rec.Entities = []schema.Entity{ent("Iraq", schema.Country), ent("Jordan", schema.Country)}
		rec.Facts = []schema.Fact{{S: "Jordan", P: "allied_with", O: "Iraq", Kind: schema.Claimed, Evidence: fmt.Sprintf("Jordan calls Iraq an ally (%d).", i)}}
		recs = append(recs, rec)
	}
	iraq, jordan := schema.EntityIRI("Iraq"), schema.EntityIRI("Jordan")
	for _, backend := range graphtest.Local() {
		st := openStore(t, backend, recs...)
		var first []Hop
		for _, mode := range []string{"cold", "indexed"} {
			f := finders(t, st)[mode]
			res, err := f.Paths(ctx, iraq, jordan, Options{K: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Paths) != 1 || names(res.Paths[0]) != "Iraq > Jordan" || res.Paths[0].Cost != 1 {
				t.Fatalf("%s/%s: paths %+v, want Iraq > Jordan at cost 1", backend, mode, res.Paths)
			}
			if res.Expanded != 0 {
				t.Errorf("%s/%s: %d nodes expanded for a direct link", backend, mode, res.Expanded)
			}
			if mode == "cold" && st.Reader().Indexed() && res.stats.Loaded != 0 {
				t.Errorf("%s: the links of %d nodes read; the link between two hubs is looked up", backend, res.stats.Loaded)
			}
			h := res.Paths[0].Hops[0]
			if h.Predicate != "allied_with" || h.Direction != "out" || h.Support != 400 || h.Kind != schema.Stated ||
				len(h.Also) != 1 || h.Also[0].Direction != "in" || h.Also[0].Support != 20 || h.Also[0].Kind != schema.Claimed {
				t.Errorf("%s/%s: hop %+v, want allied_with out (400 articles, stated), also in (20, claimed)", backend, mode, h)
			}
			if first == nil {
				first = res.Paths[0].Hops
			} else if fmt.Sprintf("%+v", first) != fmt.Sprintf("%+v", res.Paths[0].Hops) {
				t.Errorf("%s: hops differ between cold and indexed reads:\n%+v\n%+v", backend, first, res.Paths[0].Hops)
			}
			// The next paths avoid the link, as Yen's algorithm bans it.
			res, err = f.Paths(ctx, iraq, jordan, Options{K: 3, MaxHops: 5})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Paths {
				got = append(got, names(p))
			}
			want := []string{"Iraq > Jordan", "Iraq > Kata'ib Hezbollah > Islamic Resistance in Iraq > Attack of 2024-01-28 > Tower 22 > Jordan"}
			if !slices.Equal(got, want) {
				t.Errorf("%s/%s: paths\n got %q\nwant %q", backend, mode, got, want)
			}
		}
	}
}

// TestSortTies checks that paths of equal cost are shown by their nodes'
// IRIs, and that paths of different costs keep their order.
func TestSortTies(t *testing.T) {
	p := func(cost float64, iris ...string) Path {
		out := Path{Cost: cost}
		for _, x := range iris {
			out.Nodes = append(out.Nodes, Node{IRI: x})
		}
		return out
	}
	ps := []Path{p(2, "a", "z", "b"), p(3, "a", "c", "d", "b"), p(3+1e-12, "a", "y", "b"), p(3, "a", "x", "b"), p(4, "a", "b")}
	sortTies(ps)
	var got []string
	for _, x := range ps {
		got = append(got, x.Nodes[1].IRI)
	}
	if want := []string{"z", "x", "y", "c", "b"}; !slices.Equal(got, want) {
		t.Errorf("middle nodes in the order %v, want %v", got, want)
	}
}
