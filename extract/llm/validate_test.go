package llm

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

const sampleText = "Kata’ib Hezbollah said on “Sunday” it fired\n\n  rockets — twelve of them — at Ain al-Asad.\tIraqi officials denied it. Iran's role is unclear."

func TestFindMentions(t *testing.T) {
	f := fold(sampleText)
	for _, c := range []struct {
		mention, want string
		ok            bool
	}{
		{"Kata'ib Hezbollah", "Kata’ib Hezbollah", true}, // quote style
		{"kata’ib hezbollah", "Kata’ib Hezbollah", true}, // case
		{"Ain al-Asad", "Ain al-Asad", true},
		{"  Ain al-Asad ", "Ain al-Asad", true}, // surrounding space
		{"Iraq", "", false},                     // only inside "Iraqi"
		{"Iraqi", "Iraqi", true},
		{"Iran", "Iran", true}, // before an apostrophe: a word boundary
		{"al-Asad", "al-Asad", true},
		{"Asad.", "Asad.", true},
		{"Hezbollah Brigades", "", false},
		{"", "", false},
	} {
		got, ok := f.find(foldString(c.mention), true)
		if got != c.want || ok != c.ok {
			t.Errorf("find(%q) = %q, %v; want %q, %v", c.mention, got, ok, c.want, c.ok)
		}
	}
}

func TestFindEvidence(t *testing.T) {
	f := fold(sampleText)
	for _, c := range []struct {
		evidence, want string
		ok             bool
	}{
		{"Iraqi officials denied it.", "Iraqi officials denied it.", true},
		{"it fired rockets - twelve of them - at Ain al-Asad", "it fired\n\n  rockets — twelve of them — at Ain al-Asad", true}, // spaces and dashes
		{`Kata'ib Hezbollah said on "Sunday"`, "Kata’ib Hezbollah said on “Sunday”", true},
		{"Iraqi officials denied it", "Iraqi officials denied it", true},
		{"“Iraqi officials denied it.”", "Iraqi officials denied it.", true}, // quotes added around it
		{"Iran's role is unclear", "Iran's role is unclear", true},
		{"Iraqi officials denied the attack.", "", false},
		{"Kata'ib Hezbollah fired rockets at Ain al-Asad.", "", false}, // words left out
		{"...", "", false},
	} {
		got, ok := f.findEvidence(c.evidence)
		if got != c.want || ok != c.ok {
			t.Errorf("findEvidence(%q) = %q, %v; want %q, %v", c.evidence, got, ok, c.want, c.ok)
		}
	}
}

func TestToRecordIDsAndReferences(t *testing.T) {
	a := &source.Article{ID: "feed", Doc: "x.txt", Text: sampleText}
	ans := &answer{
		Entities: []answerEntity{
			{Name: "Kata’ib Hezbollah", Type: "ArmedGroup", Mentions: []string{"Kata'ib Hezbollah"}},
			{Name: "Kataib Hezbollah", Type: "ArmedGroup", Mentions: []string{"KATA'IB HEZBOLLAH"}}, // same slug: one entity
			{Name: "Ain al-Asad Air Base", Type: "MilitaryBase", Mentions: []string{"Ain al-Asad"}},
			{Name: "Iraqi government", Type: "GovernmentBody", Mentions: []string{"Iraqi officials"}},
		},
		Facts: []answerFact{
			// by mention rather than name, and by slug-equal spelling
			{Subject: "Kata'ib Hezbollah", Predicate: "attacked", Object: "Ain al-Asad", Kind: "claimed", Evidence: "it fired rockets - twelve of them - at Ain al-Asad"},
			{Subject: "Iraqi officials", Predicate: "denied_responsibility_for", Object: "E1", Kind: "denied", Evidence: "Iraqi officials denied it.", AssertedBy: "Iraqi government"},
		},
		Events: []answerEvent{
			{Ref: "E1", Type: "Attack", Agent: "kataib hezbollah", Target: "Ain al-Asad Air Base", Date: "--01-21", Status: "happened", Kind: "claimed",
				Evidence: "fired rockets — twelve of them — at Ain al-Asad"},
		},
	}
	rec, drops := toRecord(a, ans)
	if drops != (Drops{}) {
		t.Errorf("drops %+v", drops)
	}
	if len(rec.Entities) != 3 || rec.Entities[0].ID != "kataib-hezbollah" || !reflect.DeepEqual(rec.Entities[0].Mentions, []string{"Kata’ib Hezbollah"}) {
		t.Errorf("entities %+v", rec.Entities)
	}
	ev := rec.Events[0]
	if ev.Agent != "kataib-hezbollah" || ev.Target != "ain-al-asad-air-base" || ev.Date != "--01-21" || ev.Status != "" {
		t.Errorf("event %+v (status outside the conventions must be dropped)", ev)
	}
	if ev.ID != eventID("feed", ev) || !strings.HasPrefix(ev.ID, "attack-") {
		t.Errorf("event id %q", ev.ID)
	}
	want := []schema.Fact{
		{S: "kataib-hezbollah", P: "attacked", O: "ain-al-asad-air-base", Kind: "claimed", Evidence: "it fired\n\n  rockets — twelve of them — at Ain al-Asad"},
		{S: "iraqi-government", P: "denied_responsibility_for", O: ev.ID, Kind: "denied", Evidence: "Iraqi officials denied it.", AssertedBy: "iraqi-government"},
	}
	if !reflect.DeepEqual(rec.Facts, want) {
		t.Errorf("facts\n got  %+v\n want %+v", rec.Facts, want)
	}
	// The ids are stable: the same answer gives the same record.
	again, _ := toRecord(a, ans)
	if !reflect.DeepEqual(rec, again) {
		t.Error("toRecord is not deterministic")
	}
}

func TestStripFence(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": 1}`:                  `{"a": 1}`,
		"  {\"a\": 1}\n":            `{"a": 1}`,
		"```json\n{\"a\": 1}\n```":  `{"a": 1}`,
		"```\n{\"a\": 1}\n```\n":    `{"a": 1}`,
		"```json\n{\"a\": \"```\"}": `{"a": "` + "```" + `"}`,
	} {
		if got := stripFence(in); got != want {
			t.Errorf("stripFence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestResponseSchema checks the schema against the vocabulary and against
// the rules of strict structured output.
func TestResponseSchema(t *testing.T) {
	// Round-trip through JSON, as the server sees it.
	data, err := json.Marshal(responseSchema)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	checkStrict(t, "schema", s)

	item := func(list string) map[string]any {
		return s["properties"].(map[string]any)[list].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	}
	enum := func(prop any) []string {
		var out []string
		for _, v := range prop.(map[string]any)["enum"].([]any) {
			if v != nil {
				out = append(out, v.(string))
			}
		}
		return out
	}
	for _, c := range []struct {
		what string
		got  []string
		want []string
	}{
		{"entity types", enum(item("entities")["type"]), schema.EntityTypes},
		{"predicates", enum(item("facts")["predicate"]), schema.PredicateNames()},
		{"fact kinds", enum(item("facts")["kind"]), schema.Kinds},
		{"event types", enum(item("events")["type"]), schema.EventTypes},
		{"event kinds", enum(item("events")["kind"]), schema.Kinds},
		{"statuses", enum(item("events")["status"]), statuses},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
	// Every field the answer type decodes is in the schema, and back.
	for list, typ := range map[string]any{"entities": answerEntity{}, "facts": answerFact{}, "events": answerEvent{}} {
		var fields, props []string
		rt := reflect.TypeOf(typ)
		for i := range rt.NumField() {
			fields = append(fields, rt.Field(i).Tag.Get("json"))
		}
		for k := range item(list) {
			props = append(props, k)
		}
		sort.Strings(fields)
		sort.Strings(props)
		if !slices.Equal(fields, props) {
			t.Errorf("%s: answer fields %v, schema properties %v", list, fields, props)
		}
	}
}

// checkStrict fails where an object schema does not list all its
// properties as required or admits additional ones.
func checkStrict(t *testing.T, path string, node any) {
	t.Helper()
	m, ok := node.(map[string]any)
	if !ok {
		return
	}
	if m["type"] == "object" {
		if m["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is not false", path)
		}
		props, _ := m["properties"].(map[string]any)
		var req []string
		for _, r := range m["required"].([]any) {
			req = append(req, r.(string))
		}
		for k := range props {
			if !slices.Contains(req, k) {
				t.Errorf("%s: property %q is not required", path, k)
			}
		}
		if len(req) != len(props) {
			t.Errorf("%s: required %v, properties %d", path, req, len(props))
		}
	}
	for k, v := range m {
		checkStrict(t, path+"."+k, v)
	}
}

func TestPromptCoversVocabulary(t *testing.T) {
	for _, typ := range schema.EntityTypes {
		if typeMeanings[typ] == "" || !strings.Contains(systemPrompt, "- "+typ+": "+typeMeanings[typ]) {
			t.Errorf("entity type %s is not explained", typ)
		}
	}
	for _, p := range schema.Predicates {
		if !strings.Contains(systemPrompt, "- "+p.Name+" (") || !strings.Contains(systemPrompt, p.Meaning) {
			t.Errorf("predicate %s is not explained", p.Name)
		}
	}
	for _, typ := range schema.EventTypes {
		if eventMeanings[typ] == "" || !strings.Contains(systemPrompt, "- "+typ+": "+eventMeanings[typ]) {
			t.Errorf("event type %s is not explained", typ)
		}
	}
	for _, k := range schema.Kinds {
		if kindMeanings[k] == "" || !strings.Contains(systemPrompt, "- "+k+": "+kindMeanings[k]) {
			t.Errorf("kind %s is not explained", k)
		}
	}
	if len(typeMeanings) != len(schema.EntityTypes) || len(eventMeanings) != len(schema.EventTypes) || len(kindMeanings) != len(schema.Kinds) {
		t.Error("a meaning is given for a word the vocabulary does not have")
	}
	u := userPrompt(&source.Article{Title: "T", Outlet: "O", Author: "A", Date: "2024-01-20", Text: "Body."})
	if u != "Title: T\nOutlet: O\nAuthor: A\nDate: 2024-01-20\n\nArticle:\nBody." {
		t.Errorf("user prompt %q", u)
	}
}

// TestMetadataIsSearched checks that the headline, outlet and author,
// which the prompt gives, count as text of the article.
func TestMetadataIsSearched(t *testing.T) {
	a := &source.Article{ID: "feed", Doc: "x.txt", Title: "US troops leave Ain al-Asad", Outlet: "Example Wire",
		Author: "ISWNews Analysis Group", Text: "The withdrawal was completed on Sunday."}
	ans := &answer{
		Entities: []answerEntity{
			{Name: "Example Wire", Type: "MediaOutlet", Mentions: []string{"Example Wire"}},
			{Name: "ISWNews Analysis Group", Type: "Organization", Mentions: []string{"ISWNews Analysis Group"}},
			{Name: "US military", Type: "GovernmentBody", Mentions: []string{"US troops"}},
			{Name: "Ain al-Asad", Type: "MilitaryBase", Mentions: []string{"Ain al-Asad"}},
		},
		Facts: []answerFact{
			{Subject: "US military", Predicate: "withdrew_from", Object: "Ain al-Asad", Kind: "stated", Evidence: "US troops leave Ain al-Asad"},
		},
	}
	rec, drops := toRecord(a, ans)
	if len(rec.Entities) != 4 || len(rec.Facts) != 1 || drops != (Drops{}) {
		t.Errorf("entities %+v, facts %+v, drops %+v", rec.Entities, rec.Facts, drops)
	}
}
