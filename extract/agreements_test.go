package extract

import (
	"context"
	"slices"
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

// TestAgreementsNamedByDateOrParties: an agreement noun after a month and
// a day ("the June 3 accord") or after two names joined by a hyphen ("the
// Ankara-Baghdad deal") names an agreement, which an article that also
// describes the agreement with its parties merges with that description.
// Sentences written for this test.
func TestAgreementsNamedByDateOrParties(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, c := range []struct {
		text    string
		mention string // a mention of the agreement entity; "" for none
	}{
		{"Both sides said the June 3 accord still held. Officials will meet again next month.", "June 3 accord"},
		{"Officials in both capitals said the Ankara-Baghdad deal would be reviewed next year.", "Ankara-Baghdad deal"},
		{"The Ankara-Baghdad deal will be reviewed next year, officials said.", "Ankara-Baghdad deal"},
		// Two names that are one entity name no parties.
		{"Officials said the Abu Dhabi deal would be reviewed next year.", ""},
		// A number that is no day of a month names nothing.
		{"Officials said the 2019 agreement would be reviewed next year.", ""},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Date: "2024-09-27", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range rec.Entities {
			if e.Type == schema.Agreement {
				got = append(got, e.Mentions...)
			}
		}
		if c.mention == "" && len(got) > 0 || c.mention != "" && !slices.Contains(got, c.mention) {
			t.Errorf("%q: agreement mentions %q, want %q", c.text, got, c.mention)
		}
	}
	// A headline's name and the body's description of the same agreement
	// are one entity, with the parties the body gives it.
	rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Date: "2024-09-27",
		Text: "Tehran-Baghdad pact eases border tension\n\nIran signed an agreement with Iraq to disarm the exiled groups near the border. The groups must leave their camps within six months."})
	if err != nil {
		t.Fatal(err)
	}
	var ag *schema.Entity
	for i, e := range rec.Entities {
		if e.Type == schema.Agreement {
			if ag != nil {
				t.Fatalf("two agreements: %+v", rec.Entities)
			}
			ag = &rec.Entities[i]
		}
	}
	if ag == nil || !slices.Contains(ag.Mentions, "Tehran-Baghdad pact") {
		t.Fatalf("want the headline's pact among the agreement's mentions, got %+v", rec.Entities)
	}
	for _, party := range []string{"iran", "iraq"} {
		if !hasFact(rec, wantFact{party, "party_to", ag.ID, ""}) {
			t.Errorf("%s is not party_to %s: %s", party, ag.ID, facts(rec))
		}
	}
}
