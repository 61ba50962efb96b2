package eval

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// causeGold is a one-article gold: a militia attacked a base that hosts
// US troops; the militia is named in the second sentence only as "the
// group".
func causeGold() *Gold {
	doc := "a.txt"
	return &Gold{
		Documents: []GoldDocument{{Doc: doc}},
		Entities: []GoldEntity{
			{ID: "kh", Type: "ArmedGroup", Name: "Kataib Hezbollah", Aliases: []string{"Kataib Hezbollah"}, MentionedIn: []string{doc}},
			{ID: "asad", Type: "MilitaryBase", Name: "Ain al-Asad", Aliases: []string{"Ain al-Asad"}, MentionedIn: []string{doc}},
			{ID: "usmil", Type: "GovernmentBody", Name: "US forces", Aliases: []string{"US forces"}, MentionedIn: []string{doc}},
			{ID: "iran", Type: "Country", Name: "Iran", Aliases: []string{"Iran"}, MentionedIn: []string{doc}},
		},
		Facts: []GoldFact{
			{S: "kh", P: "attacked", O: "asad", Doc: doc, Evidence: "Kataib Hezbollah fired rockets at Ain al-Asad"},
			{S: "usmil", P: "deployed_at", O: "asad", Doc: doc, Evidence: "Ain al-Asad, which hosts US forces"},
			{S: "kh", P: "backed_by", O: "iran", Doc: doc, Evidence: "The group is backed by Iran"},
		},
		Events: []GoldEvent{
			{ID: "e1", Type: "Attack", Doc: doc, Agent: "kh", Target: "asad", Evidence: "Kataib Hezbollah fired rockets at Ain al-Asad"},
		},
	}
}

const causeText = "Kataib Hezbollah fired rockets at Ain al-Asad, which hosts US forces. The group is backed by Iran."

func ents(ids ...string) []schema.Entity {
	names := map[string]string{"kh": "Kataib Hezbollah", "asad": "Ain al-Asad", "usmil": "US forces", "iran": "Iran"}
	var out []schema.Entity
	for _, id := range ids {
		out = append(out, schema.Entity{ID: id, Name: names[id], Mentions: []string{names[id]}})
	}
	return out
}

func TestCauses(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rec        schema.Record
		fact, ev   string // cause of the first missed gold fact / event
		falseFact  string // cause of the first false fact
		falseEvent string
	}{
		{"host made attacker",
			schema.Record{Entities: ents("kh", "asad", "usmil", "iran"),
				Facts:  []schema.Fact{{S: "asad", P: "attacked", O: "kh"}},
				Events: []schema.Event{{Type: "Attack", Agent: "asad", Target: "kh"}}},
			CauseInverted, CauseInverted, CauseInverted, CauseInverted},
		{"wrong target",
			schema.Record{Entities: ents("kh", "asad", "usmil", "iran"),
				Facts:  []schema.Fact{{S: "kh", P: "attacked", O: "usmil"}},
				Events: []schema.Event{{Type: "Attack", Agent: "kh", Target: "usmil"}}},
			CauseArgument, CauseArgument, CauseArgument, CauseArgument},
		{"base not found",
			schema.Record{Entities: ents("kh", "usmil", "iran")},
			CauseEntity, CauseEntity, "", ""},
		{"another predicate",
			schema.Record{Entities: ents("kh", "asad", "usmil", "iran"),
				Facts:  []schema.Fact{{S: "kh", P: "targeted", O: "asad"}},
				Events: []schema.Event{{Type: "Threat", Agent: "kh", Target: "asad"}}},
			CauseLabel, CauseLabel, CauseLabel, CauseLabel},
		{"nothing extracted",
			schema.Record{Entities: ents("kh", "asad", "usmil", "iran"),
				Facts:  []schema.Fact{{S: "iran", P: "attacked", O: "usmil"}},
				Events: []schema.Event{{Type: "Withdrawal", Agent: "usmil"}}},
			CauseTrigger, CauseTrigger, CauseSpurious, CauseSpurious},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.rec.Doc = "a.txt"
			rep := ScoreTexts(causeGold(), []schema.Record{tc.rec}, nil, map[string]string{"a.txt": causeText})
			a := rep.Articles[0]
			if got := a.MissedFacts[0].Cause; got != tc.fact {
				t.Errorf("missed fact %v: cause %q, want %q", a.MissedFacts[0], got, tc.fact)
			}
			if got := a.MissedEvents[0].Cause; got != tc.ev {
				t.Errorf("missed event: cause %q, want %q", got, tc.ev)
			}
			if tc.falseFact != "" && (len(a.FalseFacts) == 0 || a.FalseFacts[0].Cause != tc.falseFact) {
				t.Errorf("false facts %+v, want cause %q", a.FalseFacts, tc.falseFact)
			}
			if tc.falseEvent != "" && (len(a.FalseEvents) == 0 || a.FalseEvents[0].Cause != tc.falseEvent) {
				t.Errorf("false events %+v, want cause %q", a.FalseEvents, tc.falseEvent)
			}
			n := 0
			for _, m := range []map[string]int{rep.Causes.MissedFacts, rep.Causes.FalseFacts, rep.Causes.MissedEvents, rep.Causes.FalseEvents} {
				for _, c := range m {
					n += c
				}
			}
			if want := len(a.MissedFacts) + len(a.FalseFacts) + len(a.MissedEvents) + len(a.FalseEvents); n != want {
				t.Errorf("causes count %d items, the article lists %d", n, want)
			}
		})
	}
}

// TestCauseCoreference: "The group is backed by Iran" names the group by a
// description only; with the text, the whole sentence is searched for a
// name; without it, the quoted evidence.
func TestCauseCoreference(t *testing.T) {
	rec := schema.Record{Doc: "a.txt", Entities: ents("kh", "asad", "usmil", "iran"),
		Facts: []schema.Fact{{S: "kh", P: "attacked", O: "asad"}, {S: "usmil", P: "deployed_at", O: "asad"}}}
	rep := ScoreTexts(causeGold(), []schema.Record{rec}, nil, map[string]string{"a.txt": causeText})
	if got := rep.Articles[0].MissedFacts; len(got) != 1 || got[0].Cause != CauseCoref {
		t.Errorf("missed %+v, want backed_by by %q", got, CauseCoref)
	}
	g := causeGold()
	g.Facts[2].Evidence = "Kataib Hezbollah is backed by Iran"
	rep = ScoreTexts(g, []schema.Record{rec}, nil, nil)
	if got := rep.Articles[0].MissedFacts; len(got) != 1 || got[0].Cause != CauseTrigger {
		t.Errorf("missed %+v, want backed_by by %q", got, CauseTrigger)
	}
}

// TestSentenceAroundEvidence: the evidence is widened to its sentence,
// which an initial, an abbreviation or a decimal point does not end.
func TestSentenceAroundEvidence(t *testing.T) {
	text := "Rockets fell on the base. Two U.S. troops were hurt, Lt. Gen. Smith said. Damage was 2.5 times the last. It ended."
	for _, tc := range []struct{ evidence, want string }{
		{"troops were hurt", "Two U.S. troops were hurt, Lt. Gen. Smith said"},
		{"Smith said", "Two U.S. troops were hurt, Lt. Gen. Smith said"},
		{"2.5 times", "Damage was 2.5 times the last"},
		{"Rockets fell", "Rockets fell on the base"},
		{"not in the text", "not in the text"},
	} {
		v := &articleView{text: text}
		if got := strings.TrimSpace(v.sentence(tc.evidence)); got != tc.want {
			t.Errorf("sentence(%q) = %q, want %q", tc.evidence, got, tc.want)
		}
	}
}

func TestDateAgrees(t *testing.T) {
	for _, tc := range []struct {
		sys, gold string
		want      bool
	}{
		{"2024-01-20", "2024-01-20", true}, {"2024-01-20", "2024-01", true}, {"2024-01-20", "2024", true},
		{"2024-01-21", "2024-01-20", false}, {"", "2024", false}, {"", "", true}, {"2023", "", true},
		{"2024-01-20", "--01-20", true}, {"--01-20", "--01-20", true}, {"2024-02-20", "--01-20", false}, {"2024", "2024-01", false},
	} {
		if got := dateAgrees(tc.sys, tc.gold); got != tc.want {
			t.Errorf("dateAgrees(%q, %q) = %v", tc.sys, tc.gold, got)
		}
	}
}
