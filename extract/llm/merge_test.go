package llm

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func ent(id, typ, name string, mentions ...string) schema.Entity {
	return schema.Entity{ID: id, Type: typ, Name: name, Mentions: mentions}
}

func fact(s, p, o, kind, evidence string) schema.Fact {
	return schema.Fact{S: s, P: p, O: o, Kind: kind, Evidence: evidence}
}

func event(id, typ, agent, target, kind string) schema.Event {
	return schema.Event{ID: id, Type: typ, Agent: agent, Target: target, Kind: kind, Evidence: "ev " + id}
}

func rec(ents []schema.Entity, facts []schema.Fact, events []schema.Event) schema.Record {
	if ents == nil {
		ents = []schema.Entity{}
	}
	if facts == nil {
		facts = []schema.Fact{}
	}
	if events == nil {
		events = []schema.Event{}
	}
	return schema.Record{Doc: "d.txt", Article: schema.Article{ID: "abc"}, Entities: ents, Facts: facts, Events: events}
}

func TestMerge(t *testing.T) {
	kh := ent("kataib-hezbollah", "ArmedGroup", "Kata'ib Hezbollah", "Kata’ib Hezbollah")
	us := ent("united-states", "Country", "United States", "US")
	for _, c := range []struct {
		name    string
		a, b    schema.Record
		want    schema.Record
		comment string
	}{
		{
			name: "both empty",
			a:    schema.Record{}, b: schema.Record{},
			want: schema.Record{Entities: []schema.Entity{}, Facts: []schema.Fact{}, Events: []schema.Event{}},
		},
		{
			name: "disjoint: union, a first",
			a:    rec([]schema.Entity{kh}, []schema.Fact{fact("kataib-hezbollah", "attacked", "united-states", "claimed", "e1")}, nil),
			b:    rec([]schema.Entity{us}, []schema.Fact{fact("united-states", "threatened", "kataib-hezbollah", "threatened", "e2")}, nil),
			want: rec([]schema.Entity{kh, us}, []schema.Fact{
				fact("kataib-hezbollah", "attacked", "united-states", "claimed", "e1"),
				fact("united-states", "threatened", "kataib-hezbollah", "threatened", "e2"),
			}, nil),
		},
		{
			name: "same entity: mentions united, a's type and name",
			a:    rec([]schema.Entity{ent("kataib-hezbollah", "ArmedGroup", "Kata'ib Hezbollah", "Kata’ib Hezbollah", "KH")}, nil, nil),
			b:    rec([]schema.Entity{ent("kataib-hezbollah", "Organization", "Kataib Hezbollah", "Hezbollah Brigades", "KH")}, nil, nil),
			want: rec([]schema.Entity{ent("kataib-hezbollah", "ArmedGroup", "Kata'ib Hezbollah", "Kata’ib Hezbollah", "KH", "Hezbollah Brigades")}, nil, nil),
		},
		{
			name: "a's entity without type or name takes b's",
			a:    rec([]schema.Entity{ent("x", "", "", "X")}, nil, nil),
			b:    rec([]schema.Entity{ent("x", "Person", "Mr X", "X")}, nil, nil),
			want: rec([]schema.Entity{ent("x", "Person", "Mr X", "X")}, nil, nil),
		},
		{
			name: "same fact: a's kind is kept",
			a:    rec(nil, []schema.Fact{fact("s", "attacked", "o", "reported", "rule evidence")}, nil),
			b:    rec(nil, []schema.Fact{fact("s", "attacked", "o", "claimed", "model evidence")}, nil),
			want: rec(nil, []schema.Fact{fact("s", "attacked", "o", "reported", "rule evidence")}, nil),
		},
		{
			name: "same fact: a without kind takes b's, and its gaps are filled",
			a:    rec(nil, []schema.Fact{{S: "s", P: "holds_role", O: "o"}}, nil),
			b:    rec(nil, []schema.Fact{{S: "s", P: "holds_role", O: "o", Kind: "stated", Evidence: "model evidence", Role: "commander", AssertedBy: "z"}}, nil),
			want: rec(nil, []schema.Fact{{S: "s", P: "holds_role", O: "o", Kind: "stated", Evidence: "model evidence", Role: "commander", AssertedBy: "z"}}, nil),
		},
		{
			name: "duplicate facts within one input are dropped, events of one input are not merged",
			a: rec(nil, []schema.Fact{fact("s", "attacked", "o", "", "first"), fact("s", "attacked", "o", "stated", "second")},
				[]schema.Event{event("e1", "Attack", "s", "o", ""), event("e2", "Attack", "s", "o", "claimed")}),
			b: rec(nil, []schema.Fact{fact("s", "attacked", "o", "claimed", "third")},
				[]schema.Event{event("l1", "Attack", "s", "o", "stated"), event("l2", "Attack", "s", "o", "claimed"), event("l3", "Attack", "s", "o", "claimed")}),
			want: rec(nil, []schema.Fact{fact("s", "attacked", "o", "stated", "first")},
				[]schema.Event{event("e1", "Attack", "s", "o", "stated"), event("e2", "Attack", "s", "o", "claimed"), event("l3", "Attack", "s", "o", "claimed")}),
		},
		{
			name: "b alone: its events with one key all stay",
			a:    schema.Record{},
			b:    rec(nil, nil, []schema.Event{event("l1", "Withdrawal", "us", "", "stated"), event("l2", "Withdrawal", "us", "", "stated")}),
			want: rec(nil, nil, []schema.Event{event("l1", "Withdrawal", "us", "", "stated"), event("l2", "Withdrawal", "us", "", "stated")}),
		},
		{
			name: "same event by type, agent and target: a's id and kind; b's references follow",
			a:    rec(nil, nil, []schema.Event{event("rules-1", "Attack", "kh", "asad", "claimed")}),
			b: rec(nil,
				[]schema.Fact{fact("kh", "claimed_responsibility_for", "llm-1", "claimed", "x")},
				[]schema.Event{event("llm-1", "Attack", "kh", "asad", "stated"), {ID: "llm-2", Type: "Statement", Agent: "us", About: "llm-1", Kind: "reported"}}),
			want: rec(nil,
				[]schema.Fact{fact("kh", "claimed_responsibility_for", "rules-1", "claimed", "x")},
				[]schema.Event{event("rules-1", "Attack", "kh", "asad", "claimed"), {ID: "llm-2", Type: "Statement", Agent: "us", About: "rules-1", Kind: "reported"}}),
		},
		{
			name: "same event: a without kind takes b's, and its gaps are filled",
			a:    rec(nil, nil, []schema.Event{{ID: "r", Type: "Attack", Agent: "kh", Evidence: "rule"}}),
			b:    rec(nil, nil, []schema.Event{{ID: "l", Type: "Attack", Agent: "kh", Kind: "claimed", Date: "2024-01-20", Status: "occurred", Location: "erbil", Evidence: "model"}}),
			want: rec(nil, nil, []schema.Event{{ID: "r", Type: "Attack", Agent: "kh", Kind: "claimed", Date: "2024-01-20", Status: "occurred", Location: "erbil", Evidence: "rule"}}),
		},
		{
			name: "different events, same target but another type or agent, stay apart",
			a:    rec(nil, nil, []schema.Event{event("r1", "Attack", "kh", "asad", "claimed")}),
			b:    rec(nil, nil, []schema.Event{event("l1", "Airstrike", "kh", "asad", "stated"), event("l2", "Attack", "isis", "asad", "stated")}),
			want: rec(nil, nil, []schema.Event{event("r1", "Attack", "kh", "asad", "claimed"), event("l1", "Airstrike", "kh", "asad", "stated"), event("l2", "Attack", "isis", "asad", "stated")}),
		},
		{
			name: "an id clash between different events is resolved, with b's references",
			a:    rec(nil, nil, []schema.Event{event("e1", "Attack", "kh", "asad", "claimed")}),
			b:    rec(nil, []schema.Fact{fact("us", "stated", "e1", "stated", "x")}, []schema.Event{event("e1", "Statement", "us", "", "stated")}),
			want: rec(nil, []schema.Fact{fact("us", "stated", "e1-2", "stated", "x")}, []schema.Event{event("e1", "Attack", "kh", "asad", "claimed"), {ID: "e1-2", Type: "Statement", Agent: "us", Kind: "stated", Evidence: "ev e1"}}),
		},
		{
			name: "article metadata: a's, gaps filled from b",
			a:    schema.Record{Doc: "d.txt", Article: schema.Article{ID: "abc", Title: "Rules title"}},
			b:    schema.Record{Doc: "other.txt", Article: schema.Article{ID: "zzz", Title: "Model title", Date: "2024-01-20", Source: "p"}},
			want: schema.Record{Doc: "d.txt", Article: schema.Article{ID: "abc", Title: "Rules title", Date: "2024-01-20", Source: "p"},
				Entities: []schema.Entity{}, Facts: []schema.Fact{}, Events: []schema.Event{}},
		},
		{
			name: "a without doc takes b's",
			a:    schema.Record{},
			b:    rec([]schema.Entity{us}, nil, nil),
			want: rec([]schema.Entity{us}, nil, nil),
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := snapshot(t, c.a, c.b)
			got := Merge(c.a, c.b)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Merge:\n got  %+v\n want %+v", got, c.want)
			}
			if after := snapshot(t, c.a, c.b); after != before {
				t.Errorf("Merge modified its inputs:\n%s\n%s", before, after)
			}
		})
	}
}

// TestMergeDoesNotAlias checks that the merged record's mention lists are
// its own: appending to them leaves the inputs alone.
func TestMergeDoesNotAlias(t *testing.T) {
	m := make([]string, 1, 10)
	m[0] = "X"
	a := rec([]schema.Entity{{ID: "x", Mentions: m}}, nil, nil)
	b := rec([]schema.Entity{{ID: "x", Mentions: []string{"Y"}}}, nil, nil)
	out := Merge(a, b)
	out.Entities[0].Mentions[0] = "changed"
	if a.Entities[0].Mentions[0] != "X" || m[:2][1] == "Y" {
		t.Errorf("inputs changed through the output: %v %v", a.Entities[0].Mentions, m[:2])
	}
}

func snapshot(t *testing.T, recs ...schema.Record) string {
	t.Helper()
	data, err := json.Marshal(recs)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestAlign(t *testing.T) {
	rules := rec([]schema.Entity{
		ent("united-states", "Country", "United States", "Washington", "US"),
		ent("ain-al-asad", "MilitaryBase", "Ain al-Asad Air Base", "Ain al-Asad"),
	}, nil, nil)
	model := rec([]schema.Entity{
		ent("usa", "Country", "USA", "the US", "America"),                       // shares "US" (a leading "the" aside)
		ent("ayn-al-asad", "MilitaryBase", "Ayn al-Asad", "Ain  Al-Asad"),       // spacing and case aside
		ent("ain-al-asad-base", "MilitaryBase", "Ain al-Asad base", "the base"), // no shared surface form
		ent("united-states", "Country", "United States", "U.S."),                // already the same id
		ent("us-military", "GovernmentBody", "US military", "US"),               // shares "US", but not the type
		ent("washington-dc", "Place", "Washington", "Washington D.C."),          // its name is a's mention: the type does not matter
	}, []schema.Fact{
		fact("usa", "deployed_at", "ayn-al-asad", "stated", "x"),
	}, []schema.Event{
		{ID: "e", Type: "Withdrawal", Agent: "usa", Target: "", Location: "ayn-al-asad", Kind: "stated"},
	})
	got := align(rules, model)
	var ids []string
	for _, e := range got.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"united-states", "ain-al-asad", "ain-al-asad-base", "us-military"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	if m := got.Entities[0].Mentions; !reflect.DeepEqual(m, []string{"the US", "America", "U.S.", "Washington D.C."}) {
		t.Errorf("united entity mentions %v", m)
	}
	if f := got.Facts[0]; f.S != "united-states" || f.O != "ain-al-asad" {
		t.Errorf("fact %+v", f)
	}
	if e := got.Events[0]; e.Agent != "united-states" || e.Location != "ain-al-asad" {
		t.Errorf("event %+v", e)
	}
	if model.Entities[0].ID != "usa" || model.Facts[0].S != "usa" {
		t.Error("align modified its input")
	}
	if same := align(rec(nil, nil, nil), model); !reflect.DeepEqual(same, model) {
		t.Error("align without rules entities changed the record")
	}
}
