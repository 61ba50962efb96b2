package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// TestUnnamedAgreements: an agreement the text only describes is an
// entity named by its description, its parties are party_to it, it
// concerns the forces it is about, and two articles that describe it in
// other words give it one id, made of its parties' states and the forces
// it concerns. Sentences written for this test.
func TestUnnamedAgreements(t *testing.T) {
	x := NewRules(DefaultLexicon())
	extract := func(text string) schema.Record {
		t.Helper()
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Date: "2024-09-27", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	a := extract("Iraq and the United States reached an agreement to end the mission of the international coalition. Officials said the deal would take a year.")
	b := extract("The withdrawal of the international coalition follows the recent agreement between Baghdad and Washington, a security source said.")
	id := "agreement-iraq-united-states-international-coalition"
	for _, rec := range []schema.Record{a, b} {
		var ag *schema.Entity
		for i, e := range rec.Entities {
			if e.Type == schema.Agreement {
				ag = &rec.Entities[i]
			}
		}
		if ag == nil || ag.ID != id {
			t.Fatalf("want the agreement as %s, got %+v", id, rec.Entities)
		}
		for _, party := range []string{"iraq", "united-states"} {
			if !hasFact(rec, wantFact{party, "party_to", id, ""}) {
				t.Errorf("%s is not party_to %s: %s", party, id, facts(rec))
			}
		}
	}
	for _, rec := range []schema.Record{a, b} {
		if !hasFact(rec, wantFact{id, "concerns", "international-coalition", ""}) {
			t.Errorf("the agreement does not concern the coalition: %s", facts(rec))
		}
	}
	// A bare noun, and a date after "on", describe no agreement.
	for _, text := range []string{
		"Iraq and the United States reached an agreement.",
		"Iraq and the United States signed an agreement on Monday.",
	} {
		for _, e := range extract(text).Entities {
			if e.Type == schema.Agreement {
				t.Errorf("%q: an agreement entity %+v", text, e)
			}
		}
	}
}
