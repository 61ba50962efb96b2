// Package exporttest builds graphs for testing and measuring exporters:
// a small, realistic hand-made graph (militias, bases, an attack, claims
// and denials, names that are hard to escape) and a deterministic
// generator of graphs of any size.
package exporttest

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Extractor is the extractor name recorded on the articles it builds.
const Extractor = "exporttest/1"

// Weird is the name of an entity of Records that XML cannot carry as it
// is: markup characters, quotes and a control character.
const Weird = "Al-Nujaba & \"Friends\" <Brigade>\x01 'Ltd'"

// Records returns three articles' worth of records:
//
//   - a1 (2024-01-29): the Islamic Resistance in Iraq claims the drone
//     attack on Tower 22 in Jordan; Kata'ib Hezbollah is a member of it.
//   - a2 (2024-01-31): Kata'ib Hezbollah, again a member (now reported),
//     denies the attack, suspends operations and threatens US forces at
//     Ain al-Asad.
//   - Tower 22, Ain al-Asad, Jordan and Iraq have coordinates (and the
//     countries Wikidata ids), so the attack on Tower 22 and the threat
//     at Ain al-Asad are placed; a2's attack names no place and is not.
//   - a3 (undated): names in Arabic and Persian script, with a
//     right-to-left mark, and Weird.
func Records() []schema.Record {
	kh := schema.Entity{ID: "kataib-hezbollah", Type: schema.ArmedGroup, Name: "Kata'ib Hezbollah", Mentions: []string{"Kata’ib Hezbollah", "Hezbollah Brigades"}}
	iri := schema.Entity{ID: "islamic-resistance-in-iraq", Type: schema.ArmedGroup, Name: "Islamic Resistance in Iraq", Mentions: []string{"Islamic Resistance in Iraq", "the resistance"}}
	us := schema.Entity{ID: "united-states", Type: schema.Country, Name: "United States", Mentions: []string{"US", "Washington"}}
	return []schema.Record{
		{
			Doc:     "a1.txt",
			Article: schema.Article{ID: "a1a1a1a1a1a1a1a1", Source: "testdata/a1.txt", Title: "Drone attack kills three US soldiers at Tower 22", Outlet: "Rudaw", Date: "2024-01-29"},
			Entities: []schema.Entity{
				kh, iri, us,
				{ID: "tower-22", Type: schema.MilitaryBase, Name: "Tower 22", Mentions: []string{"Tower 22"}, Coords: []float64{33.32, 38.7}},
				{ID: "jordan", Type: schema.Country, Name: "Jordan", Mentions: []string{"Jordan"}, Wikidata: "Q810", Coords: []float64{31.24, 36.51}},
			},
			Facts: []schema.Fact{
				{S: "islamic-resistance-in-iraq", P: "attacked", O: "tower-22", Kind: schema.Claimed, Evidence: "The Islamic Resistance in Iraq said it attacked Tower 22.", Confidence: 0.8},
				{S: "kataib-hezbollah", P: "member_of", O: "islamic-resistance-in-iraq", Kind: schema.Stated, Evidence: "Kata'ib Hezbollah, part of the Islamic Resistance in Iraq,"},
				{S: "tower-22", P: "located_in", O: "jordan", Kind: schema.Stated, Evidence: "Tower 22, a base in Jordan,"},
				{S: "united-states", P: "deployed_at", O: "tower-22", Kind: schema.Stated, Evidence: "US forces at Tower 22"},
			},
			Events: []schema.Event{
				{ID: "a1-attack-tower-22", Type: schema.EvAttack, Agent: "islamic-resistance-in-iraq", Target: "united-states", Location: "tower-22", Date: "2024-01-28", Status: "occurred", Kind: schema.Claimed, Evidence: "A drone attack on Tower 22 killed three US soldiers on Sunday.", Confidence: 0.9},
			},
		},
		{
			Doc:     "a2.txt",
			Article: schema.Article{ID: "a2a2a2a2a2a2a2a2", Source: "testdata/a2.txt", Title: "Kata'ib Hezbollah suspends operations", Outlet: "Al-Monitor", Author: "A. Reporter", Date: "2024-01-31"},
			Entities: []schema.Entity{
				kh, iri, us,
				{ID: "ain-al-asad", Type: schema.MilitaryBase, Name: "Ain al-Asad", Mentions: []string{"Ain Al-Assad", "Ayn al-Asad"}, Coords: []float64{33.79, 42.44}},
				{ID: "iraq", Type: schema.Country, Name: "Iraq", Mentions: []string{"Iraq"}, Wikidata: "Q796", Coords: []float64{33.22, 43.68}},
				{ID: "abu-hussein-al-hamidawi", Type: schema.Person, Name: "Abu Hussein al-Hamidawi", Mentions: []string{"Abu Hussein al-Hamidawi"}},
			},
			Facts: []schema.Fact{
				{S: "kataib-hezbollah", P: "member_of", O: "islamic-resistance-in-iraq", Kind: schema.Reported, Evidence: "the group, one of the factions of the Islamic Resistance in Iraq, said"},
				{S: "abu-hussein-al-hamidawi", P: "leader_of", O: "kataib-hezbollah", Kind: schema.Stated, Evidence: "its secretary-general Abu Hussein al-Hamidawi", Role: "secretary-general"},
				{S: "kataib-hezbollah", P: "threatened", O: "united-states", Kind: schema.Threatened, Evidence: "vowed to keep striking US forces", AssertedBy: "abu-hussein-al-hamidawi"},
				{S: "united-states", P: "deployed_at", O: "ain-al-asad", Kind: schema.Stated, Evidence: "US troops at Ain al-Asad"},
				{S: "ain-al-asad", P: "located_in", O: "iraq", Kind: schema.Stated, Evidence: "Ain al-Asad air base in western Iraq"},
				{S: "kataib-hezbollah", P: "denied_responsibility_for", O: "a2-attack-tower-22", Kind: schema.Denied, Evidence: "Kata'ib Hezbollah denied any role in the Tower 22 attack."},
			},
			Events: []schema.Event{
				{ID: "a2-attack-tower-22", Type: schema.EvAttack, Target: "united-states", Date: "2024-01-28", Kind: schema.Reported, Evidence: "the attack that killed three US soldiers"},
				{ID: "a2-suspension", Type: schema.EvSuspension, Agent: "kataib-hezbollah", Target: "united-states", Date: "2024-01-30", Status: "occurred", Kind: schema.Stated, Evidence: "Kata'ib Hezbollah announced the suspension of military operations against US forces.", AssertedBy: "abu-hussein-al-hamidawi"},
				{ID: "a2-threat", Type: schema.EvThreat, Agent: "kataib-hezbollah", Target: "united-states", Location: "ain-al-asad", Kind: schema.Threatened, DateNote: "no date given", Evidence: "vowed to keep striking US forces at Ain al-Asad"},
			},
		},
		{
			Doc:     "a3.txt",
			Article: schema.Article{ID: "a3a3a3a3a3a3a3a3", Source: "testdata/a3.txt", Title: "خبر: النجباء \u200fتهدد"},
			Entities: []schema.Entity{
				kh,
				{ID: "harakat-al-nujaba", Type: schema.ArmedGroup, Name: "حركة النجباء", Mentions: []string{"حركة النجباء", "نجباء", "\u200fالنجباء\u200f"}},
				{ID: "weird", Type: schema.ArmedGroup, Name: Weird, Mentions: []string{"A & B", "<x>", "tab\there", "line\nbreak"}},
			},
			Facts: []schema.Fact{
				{S: "harakat-al-nujaba", P: "allied_with", O: "kataib-hezbollah", Kind: schema.Stated, Evidence: "قال \"الحركة\" & <الكتائب>\x02"},
				{S: "weird", P: "allied_with", O: "harakat-al-nujaba", Kind: schema.Claimed, Evidence: "x < y && \"q\" 'r' \x1b[0m"},
			},
		},
	}
}

// Quads maps records to quads with schema.ToQuads, failing on any reject.
func Quads(recs []schema.Record) ([]quad.Quad, error) {
	var out []quad.Quad
	for _, r := range recs {
		qs, rejects := schema.ToQuads(r, Extractor)
		if len(rejects) > 0 {
			return nil, fmt.Errorf("exporttest: %s: %v", r.Doc, rejects)
		}
		out = append(out, qs...)
	}
	return out, nil
}

// Load writes records into a store, one article (one transaction) at a
// time, as the pipeline does.
func Load(ctx context.Context, st *graph.Store, recs []schema.Record) error {
	for _, r := range recs {
		qs, err := Quads([]schema.Record{r})
		if err != nil {
			return err
		}
		if _, err := st.Replace(ctx, []quad.Value{schema.ArticleIRI(r.Article.ID)}, qs); err != nil {
			return err
		}
	}
	return nil
}
