package exporttest

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// pool sizes of the generated graph's entities, by type.
var poolTypes = []struct {
	typ string
	n   int
}{
	{schema.ArmedGroup, 1500}, {schema.Country, 200}, {schema.MilitaryBase, 1200},
	{schema.Person, 3000}, {schema.Place, 1500},
}

// templates are facts allowed by the schema's domains and ranges.
var templates = []struct{ s, p, o string }{
	{schema.ArmedGroup, "attacked", schema.MilitaryBase},
	{schema.ArmedGroup, "member_of", schema.ArmedGroup},
	{schema.MilitaryBase, "located_in", schema.Country},
	{schema.Country, "deployed_at", schema.MilitaryBase},
	{schema.Person, "leader_of", schema.ArmedGroup},
	{schema.ArmedGroup, "threatened", schema.Country},
	{schema.Person, "met_with", schema.Person},
	{schema.ArmedGroup, "backed_by", schema.Country},
	{schema.ArmedGroup, "active_in", schema.Place},
	{schema.Place, "located_in", schema.Country},
}

// Generate calls fn with n deterministic article records shaped like the
// real ones: eight to twelve entities drawn from a fixed pool with a
// skewed popularity (some entities are hubs mentioned everywhere), six
// facts with evidence and claim kinds, and two events. An article maps
// to about 170 quads, so 5,900 articles make about a million.
func Generate(n int, fn func(schema.Record) error) error {
	r := rand.New(rand.NewPCG(5, 2024))
	kinds := schema.Kinds
	for i := range n {
		rec := schema.Record{
			Doc: fmt.Sprintf("gen-%06d.txt", i),
			Article: schema.Article{
				ID:     fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15),
				Source: fmt.Sprintf("gen/%06d.txt", i),
				Title:  fmt.Sprintf("Generated report %d", i),
				Outlet: fmt.Sprintf("Outlet %d", i%37),
				Date:   fmt.Sprintf("20%02d-%02d-%02d", 15+i%10, 1+i%12, 1+i%28),
			},
		}
		byType := map[string][]string{}
		have := map[string]bool{}
		pick := func(typ string) string {
			for _, pt := range poolTypes {
				if pt.typ != typ {
					continue
				}
				// Squaring a uniform number favours small indexes: hubs.
				u := r.Float64()
				k := int(u * u * float64(pt.n))
				id := fmt.Sprintf("%s-%d", typ, k)
				if !have[id] {
					have[id] = true
					byType[typ] = append(byType[typ], id)
					rec.Entities = append(rec.Entities, schema.Entity{
						ID: id, Type: typ, Name: fmt.Sprintf("%s %d", typ, k),
						Mentions: []string{fmt.Sprintf("%s %d", typ, k), fmt.Sprintf("the %s %d", typ, k)},
					})
				}
				return id
			}
			panic("exporttest: no pool for " + typ)
		}
		for j := range 6 {
			t := templates[r.IntN(len(templates))]
			s, o := pick(t.s), pick(t.o)
			if s == o {
				continue
			}
			rec.Facts = append(rec.Facts, schema.Fact{
				S: s, P: t.p, O: o, Kind: kinds[r.IntN(len(kinds))],
				Evidence:   fmt.Sprintf("Sentence %d of report %d says that %s %s %s.", j, i, s, t.p, o),
				Confidence: float64(50+r.IntN(50)) / 100,
			})
		}
		for j := range 2 {
			ev := schema.Event{
				ID: fmt.Sprintf("gen-%06d-%d", i, j), Type: schema.EventTypes[r.IntN(len(schema.EventTypes))],
				Agent: pick(schema.ArmedGroup), Target: pick(schema.Country), Location: pick(schema.MilitaryBase),
				Date: rec.Article.Date, Kind: kinds[r.IntN(len(kinds))], Status: "occurred",
				Evidence: fmt.Sprintf("Event sentence %d of report %d.", j, i),
			}
			rec.Events = append(rec.Events, ev)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	return nil
}

// ArticlesFor is about how many generated articles make that many quads.
func ArticlesFor(quads int) int { return max(1, quads/169) }

// LoadGenerated generates n articles into st in transactions of about
// batch quads, and returns how many quads it wrote.
func LoadGenerated(ctx context.Context, st *graph.Store, n, batch int) (int, error) {
	var buf []quad.Quad
	total := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := st.Replace(ctx, nil, buf); err != nil {
			return err
		}
		total += len(buf)
		buf = buf[:0]
		return nil
	}
	err := Generate(n, func(rec schema.Record) error {
		qs, rejects := schema.ToQuads(rec, Extractor)
		if len(rejects) > 0 {
			return fmt.Errorf("exporttest: generated %s: %v", rec.Doc, rejects)
		}
		buf = append(buf, qs...)
		if len(buf) >= batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return total, err
	}
	return total, flush()
}
