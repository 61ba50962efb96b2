package schema

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kata'ib Hezbollah", "kataib-hezbollah"},
		{"Kata’ib Hezbollah", "kataib-hezbollah"},
		{"Ain al-Asad Air Base", "ain-al-asad-air-base"},
		{"Şarku’l Avsat", "sarkul-avsat"},
		{"  U.S.-led coalition ", "u-s-led-coalition"},
		{"Mohammed Shia’ Al Sudani", "mohammed-shia-al-sudani"},
		{"افغانستان آزاد", "افغانستان-ازاد"},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckDate(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2024-03-10", true},
		{"2024-03", true},
		{"2024", true},
		{"2024-02-30", false}, // no such day
		{"2024-13", false},
		{"10/03/2024", false},
		{"2024-3-10", false},
		{"yesterday", false},
		{"", false},
	}
	for _, tt := range tests {
		if err := CheckDate(tt.in); (err == nil) != tt.ok {
			t.Errorf("CheckDate(%q) = %v, want ok %v", tt.in, err, tt.ok)
		}
	}
}

func TestVocabulary(t *testing.T) {
	for _, p := range Predicates {
		for _, ty := range append(append([]string{}, p.Domain...), p.Range...) {
			if !IsEntityType(ty) {
				t.Errorf("predicate %s names unknown type %q", p.Name, ty)
			}
		}
		if LookupPredicate(p.Name) != &Predicates[indexOf(p.Name)] {
			t.Errorf("LookupPredicate(%s) does not return the table entry", p.Name)
		}
	}
	if LookupPredicate("nope") != nil {
		t.Error("LookupPredicate found an unknown predicate")
	}
}

func indexOf(name string) int {
	for i, p := range Predicates {
		if p.Name == name {
			return i
		}
	}
	return -1
}

func sample() Record {
	return Record{
		Doc:     "a.txt",
		Article: Article{ID: "0123456789abcdef", Source: "corpus/a.txt", Title: "Drone attack on Ain al-Asad", Date: "2024-01-20"},
		Entities: []Entity{
			{ID: "kataib-hezbollah", Type: ArmedGroup, Name: "Kata'ib Hezbollah", Mentions: []string{"Kata'ib Hezbollah", "Hezbollah Brigades"}},
			{ID: "ain-al-asad", Type: MilitaryBase, Name: "Ain al-Asad Air Base", Mentions: []string{"Ain al-Asad"}},
			{ID: "iraq", Type: Country, Name: "Iraq", Mentions: []string{"Iraq"}},
			{ID: "reuters", Type: MediaOutlet, Name: "Reuters", Mentions: []string{"Reuters"}},
		},
		Facts: []Fact{
			{S: "kataib-hezbollah", P: "attacked", O: "ain-al-asad", Kind: Claimed, Evidence: "Kata'ib Hezbollah claimed the drone attack on Ain al-Asad.", AssertedBy: "kataib-hezbollah", Confidence: 0.8},
			{S: "ain-al-asad", P: "located_in", O: "iraq", Kind: Stated, Evidence: "Ain al-Asad in western Iraq"},
			{S: "kataib-hezbollah", P: "claimed_responsibility_for", O: "ev1", Kind: Claimed, Evidence: "Kata'ib Hezbollah claimed the drone attack on Ain al-Asad."},
			// outside the domain: a base cannot attack
			{S: "ain-al-asad", P: "attacked", O: "kataib-hezbollah", Kind: Stated, Evidence: "x"},
			// outside the range: a person-only predicate
			{S: "kataib-hezbollah", P: "met_with", O: "iraq", Kind: Stated, Evidence: "x"},
			{S: "kataib-hezbollah", P: "liked", O: "iraq", Kind: Stated, Evidence: "x"},
			{S: "kataib-hezbollah", P: "attacked", O: "nowhere", Kind: Stated, Evidence: "x"},
			{S: "kataib-hezbollah", P: "attacked", O: "iraq", Kind: "rumoured", Evidence: "x"},
		},
		Events: []Event{
			{ID: "ev1", Type: EvAttack, Agent: "kataib-hezbollah", Location: "ain-al-asad", Date: "2024-01-20", Kind: Claimed, Evidence: "Kata'ib Hezbollah claimed the drone attack on Ain al-Asad."},
			{ID: "ev2", Type: "Picnic", Agent: "kataib-hezbollah", Kind: Stated},
			{ID: "ev3", Type: EvThreat, Agent: "ghost", Kind: Threatened},
		},
	}
}

func TestToQuads(t *testing.T) {
	quads, rejects := ToQuads(sample(), "rules/1")
	label := ArticleIRI("0123456789abcdef")
	has := map[string]bool{}
	for _, q := range quads {
		owned := q.Label == q.Subject && (q.Predicate == RDFType || q.Predicate == Name || q.Predicate == Alias)
		if q.Label != label && !owned {
			t.Errorf("quad neither the article's nor owned by its entity: %s", q.NQuad())
		}
		has[fmt.Sprintf("%v %v %v", q.Subject, q.Predicate, q.Object)] = true
	}
	for _, want := range []string{
		`<ng:entity/kataib-hezbollah> <rdf:type> <ng:ArmedGroup>`,
		`<ng:entity/kataib-hezbollah> <ng:alias> "Hezbollah Brigades"`,
		`<ng:entity/kataib-hezbollah> <ng:attacked> <ng:entity/ain-al-asad>`,
		`<ng:entity/ain-al-asad> <ng:located_in> <ng:entity/iraq>`,
		`<ng:entity/kataib-hezbollah> <ng:claimed_responsibility_for> <ng:event/ev1>`,
		`<ng:event/ev1> <ng:agent> <ng:entity/kataib-hezbollah>`,
		`<ng:event/ev1> <ng:eventType> "Attack"`,
		`<ng:event/ev1> <ng:kind> "claimed"`,
		`<ng:article/0123456789abcdef> <ng:extractor> "rules/1"`,
		`<ng:article/0123456789abcdef> <ng:source> "corpus/a.txt"`,
	} {
		if !has[want] {
			t.Errorf("missing quad %s", want)
		}
	}
	wantRejects := []string{
		"fact ain-al-asad attacked kataib-hezbollah: subject type MilitaryBase is outside the domain",
		"fact kataib-hezbollah met_with iraq: subject type ArmedGroup is outside the domain",
		`fact kataib-hezbollah liked iraq: unknown predicate "liked"`,
		`fact kataib-hezbollah attacked nowhere: object "nowhere" is not an entity`,
		`fact kataib-hezbollah attacked iraq: unknown claim kind "rumoured"`,
		`event ev2: unknown event type "Picnic"`,
		`event ev3: <ng:agent> "ghost" is not an entity`,
	}
	if len(rejects) != len(wantRejects) {
		t.Errorf("got %d rejects, want %d: %v", len(rejects), len(wantRejects), rejects)
	}
	for _, w := range wantRejects {
		found := false
		for _, r := range rejects {
			if strings.Contains(r.What+": "+r.Reason, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no reject like %q in %v", w, rejects)
		}
	}
	// Every accepted fact has a statement node carrying its evidence and kind.
	stmts := 0
	for _, q := range quads {
		if q.Predicate == RDFPredicate {
			stmts++
		}
	}
	if stmts != 3 {
		t.Errorf("%d statement nodes, want 3 (one per accepted fact)", stmts)
	}
}

// TestDefaults checks that the defaults (docs/schema.md, *Defaults*) are
// left unwritten and every other value is written, a missing estimate
// (0) included, and that DateNoteOf gives back what was left out.
func TestDefaults(t *testing.T) {
	rec := Record{Doc: "d.txt", Article: Article{ID: "0123456789abcdef", Source: "d.txt"},
		Entities: []Entity{{ID: "kh", Type: ArmedGroup, Name: "KH"}, {ID: "iraq", Type: Country, Name: "Iraq"}},
		Facts: []Fact{
			{S: "kh", P: "active_in", O: "iraq", Kind: Stated, Evidence: "a", Confidence: StatementConfidence},
			{S: "kh", P: "attacked", O: "iraq", Kind: Stated, Evidence: "b", Confidence: 0.8},
			{S: "kh", P: "threatened", O: "iraq", Kind: Stated, Evidence: "c"},
		},
		Events: []Event{
			{ID: "e1", Type: EvAttack, Kind: Stated, Evidence: "b", Confidence: EventConfidence, DateNote: NoDateNote},
			{ID: "e2", Type: EvAttack, Kind: Stated, Evidence: "b", Confidence: 0.9, DateNote: "only a weekday (Monday) is given"},
			{ID: "e3", Type: EvAttack, Kind: Stated, Evidence: "b", Date: "2024-01-02"},
		},
	}
	quads, rejects := ToQuads(rec, "x/1")
	if len(rejects) > 0 {
		t.Fatal(rejects)
	}
	conf := map[string]string{}
	notes := map[quad.Value]string{}
	for _, q := range quads {
		switch q.Predicate {
		case Confidence:
			conf[fmt.Sprint(q.Subject)] = fmt.Sprint(q.Object)
			if q.Subject == EventIRI("e1") {
				t.Errorf("event e1 has its default confidence written: %s", q.NQuad())
			}
		case RDFPredicate:
			conf[fmt.Sprint(q.Object)+" statement"] = fmt.Sprint(q.Subject)
		case DateNote:
			notes[q.Subject] = string(q.Object.(quad.String))
		}
	}
	for _, p := range []string{"active_in", "attacked", "threatened"} {
		st := conf["<ng:"+p+"> statement"]
		_, written := conf[st]
		if want := p != "active_in"; written != want {
			t.Errorf("%s's statement: confidence written %v, want %v (%v)", p, written, want, conf)
		}
	}
	if conf[fmt.Sprint(EventIRI("e2"))] != fmt.Sprint(quad.Float(0.9)) || conf[fmt.Sprint(EventIRI("e3"))] != fmt.Sprint(quad.Float(0)) {
		t.Errorf("confidences of e2 and e3: %v", conf)
	}
	for i, e := range rec.Events {
		if got := DateNoteOf(e.Date, notes[EventIRI(e.ID)]); got != e.DateNote {
			t.Errorf("event %d: read back note %q, want %q", i+1, got, e.DateNote)
		}
	}
	if _, ok := notes[EventIRI("e1")]; ok {
		t.Errorf("the default note is written")
	}
}

// TestLabelShape checks the invariant graph.Store.LabelQuads relies on to
// find an article's quads without a label index: every quad has the label
// node as subject or object, or a subject that points at the label node.
func TestLabelShape(t *testing.T) {
	quads, _ := ToQuads(sample(), "rules/1")
	label := quads[0].Label
	pointers := map[quad.Value]bool{label: true}
	for _, q := range quads {
		if q.Object == label {
			pointers[q.Subject] = true
		}
	}
	for _, q := range quads {
		if q.Label == q.Subject {
			continue // owned by its node: found from it (graph.Owned)
		}
		if !pointers[q.Subject] && q.Object != label {
			t.Errorf("quad not reachable from its label node: %s", q.NQuad())
		}
	}
}

func TestStableIRIs(t *testing.T) {
	a, _ := ToQuads(sample(), "rules/1")
	b, _ := ToQuads(sample(), "rules/1")
	if len(a) != len(b) {
		t.Fatal("two mappings of one record differ in length")
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("quad %d differs between runs: %s vs %s", i, a[i].NQuad(), b[i].NQuad())
		}
	}
}

// TestCountQuads checks that CountQuads counts what ToQuads makes, on
// records with rejects of every kind, coordinates and duplicate ids.
func TestCountQuads(t *testing.T) {
	withGeo := sample()
	withGeo.Entities = append(withGeo.Entities,
		Entity{ID: "erbil", Type: Place, Name: "Erbil", Coords: []float64{36.19, 44.01}, Wikidata: "Q133025"},
		Entity{ID: "x", Type: Place, Name: "X", Coords: []float64{91, 0}},
		Entity{ID: "y", Type: Person, Name: "Y", Coords: []float64{30, 40}, Wikidata: "Q-1"},
		Entity{ID: "iraq", Type: Country, Name: "Iraq again"},
		Entity{ID: "--", Type: Country, Name: "No id"},
		Entity{ID: "z", Type: "Planet", Name: "Z"},
	)
	withGeo.Events = append(withGeo.Events,
		Event{ID: "ev4", Type: EvAttack, Target: "erbil", Kind: Stated, Confidence: 0.5, DateNote: "Monday", Date: "2024-01"},
		Event{ID: "ev4", Type: EvAttack, Kind: Stated})
	for name, rec := range map[string]Record{"sample": sample(), "geo": withGeo, "empty": {Article: Article{ID: "e"}}} {
		for _, x := range []string{"rules/1", ""} {
			qs, rejects := ToQuads(rec, x)
			if len(rejects) == 0 && name != "empty" {
				t.Fatalf("%s: no rejects; the test wants some", name)
			}
			if got := CountQuads(rec, x); got != len(qs) {
				t.Errorf("%s, extractor %q: CountQuads = %d, ToQuads made %d", name, x, got, len(qs))
			}
		}
	}
}

// TestQuadBound checks QuadBound against a record that makes every quad
// the mapper can make of each part (every field set, every reference
// good, places with coordinates), where the bound is the count itself:
// a quad added to the mapper makes the count exceed it.
func TestQuadBound(t *testing.T) {
	ent := func(id, typ string) Entity {
		e := Entity{ID: id, Type: typ, Name: id + " name", Mentions: []string{id + " a", id + " b"}, Wikidata: "Q1"}
		if Placeable(typ) {
			e.Coords, e.GeoPrecision = []float64{33.3, 44.4}, GeoTown
		}
		return e
	}
	rec := Record{
		Doc: "a.txt",
		Article: Article{ID: "0123456789abcdef", Source: "a.txt", Title: "t", Outlet: "o", Author: "a",
			Date: "2024-01-20", Credit: "AFP", Sketch: "0123456789abcdef"},
		Entities: []Entity{ent("kh", ArmedGroup), ent("base", MilitaryBase), ent("iraq", Country), ent("erbil", Place)},
		Facts: []Fact{{S: "kh", P: "attacked", O: "base", Kind: Claimed, Evidence: "e", Role: "r",
			AssertedBy: "kh", Confidence: 0.8}},
		Events: []Event{
			{ID: "ev1", Type: EvAttack, Agent: "kh", Target: "base", Location: "erbil", About: "iraq",
				Date: "2024-01-20", DatePrecision: "day", DateNote: "n", Status: "occurred", Kind: Claimed,
				Evidence: "e", AssertedBy: "kh", Confidence: 0.5},
			{ID: "ev2", Type: EvAttack, Agent: "kh", Target: "base", Location: "erbil", About: "ev1",
				Date: "2024-01", DatePrecision: "month", DateNote: "n", Status: "occurred", Kind: Stated,
				Evidence: "e", AssertedBy: "kh", Confidence: 0.5},
		},
	}
	for _, v := range []any{rec, rec.Article, rec.Entities[1], rec.Facts[0], rec.Events[0]} {
		rv := reflect.ValueOf(v)
		for i := range rv.NumField() {
			if rv.Field(i).IsZero() {
				t.Errorf("%s.%s is not set: the record must set every field", rv.Type().Name(), rv.Type().Field(i).Name)
			}
		}
	}
	qs, rejects := ToQuads(rec, "rules/1")
	if len(rejects) > 0 {
		t.Fatalf("rejects: %v", rejects)
	}
	// An armed group has no place: three quads fewer than the bound.
	if b := QuadBound(rec) - 3; len(qs) != b {
		t.Errorf("the record makes %d quads, QuadBound says %d (less the armed group's place): a part makes more or fewer quads than its max…Quads", len(qs), b)
	}
	for _, r := range []Record{sample(), {}} {
		if n, b := CountQuads(r, "rules/1"), QuadBound(r); n > b {
			t.Errorf("CountQuads %d > QuadBound %d", n, b)
		}
	}
}

// TestSlugASCII checks Slug's path for ASCII names against its path for
// any name, on names made of the characters that matter to a slug.
func TestSlugASCII(t *testing.T) {
	const chars = "aZ9-' `._x"
	names := []string{"", "-", "a-", "-a", "a--b", "kataib-hezbollah", "Kata'ib Hezbollah", "U.S.-led", "a`b"}
	for n := 0; n < 5000; n++ {
		var b []byte
		for i, k := 0, n; i < 6 && k > 0; i, k = i+1, k/len(chars) {
			b = append(b, chars[k%len(chars)])
		}
		names = append(names, string(b))
	}
	for _, s := range names {
		got, ok := asciiSlug(s)
		if !ok {
			t.Fatalf("asciiSlug(%q) refused an ASCII name", s)
		}
		if want := unicodeSlug(s); got != want {
			t.Errorf("asciiSlug(%q) = %q, unicodeSlug %q", s, got, want)
		}
	}
	if _, ok := asciiSlug("Şarku’l"); ok {
		t.Error("asciiSlug took a name that is not ASCII")
	}
}
