package names

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/schema"
)

func testIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := Load(context.Background(), testStore(t, testRecords()).Reader())
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// testStore is a bolt store of recs, written in order.
func testStore(t *testing.T, recs []schema.Record) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, r := range recs {
		if _, err := st.Replace(ctx, nil, recordQuads(t, r)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func recordQuads(t *testing.T, r schema.Record) []quad.Quad {
	t.Helper()
	qs, rej := schema.ToQuads(r, "test")
	if len(rej) > 0 {
		t.Fatal(rej)
	}
	return qs
}

func testRecords() []schema.Record {
	e := func(id, typ string, mentions ...string) schema.Entity {
		return schema.Entity{ID: id, Type: typ, Name: id, Mentions: append([]string{id}, mentions...)}
	}
	return []schema.Record{{
		Doc: "a", Article: schema.Article{ID: "a", Source: "a"},
		Entities: []schema.Entity{
			e("Kata'ib Hezbollah", schema.ArmedGroup, "Kataib Hezbollah", "KH"),
			e("Hezbollah", schema.ArmedGroup, "Lebanese Hezbollah"),
			e("Harakat Hezbollah al-Nujaba", schema.ArmedGroup, "al-Nujaba"),
			e("Asa'ib Ahl al-Haq", schema.ArmedGroup),
			e("Ain al-Asad Air Base", schema.MilitaryBase, "Ain al-Asad"),
			e("Abu Fadak al-Mohammadawi", schema.Person, "Abu Fadak"),
			e("Popular Mobilization Forces", schema.ArmedGroup, "PMF", "Hashd al-Shaabi"),
			e("Islamic Resistance in Iraq", schema.Coalition),
			e("Islamic Resistance in Lebanon", schema.ArmedGroup),
			e("Qasem Soleimani", schema.Person),
		},
		Events: []schema.Event{{ID: "ev1", Type: schema.EvAttack, Kind: schema.Stated, Evidence: "x"}},
	}, {
		Doc: "b", Article: schema.Article{ID: "b", Source: "b"},
		Entities: []schema.Entity{e("Kata'ib Hezbollah", schema.ArmedGroup, "Kata’ib Hizballah")},
	}}
}

func TestResolve(t *testing.T) {
	ix := testIndex(t)
	if n := len(ix.Entries()); n != 10 {
		t.Fatalf("%d entries, want 10 (events are not entities): %v", n, ix.Entries())
	}
	tests := []struct {
		name, want, how string
	}{
		{"Kata'ib Hezbollah", "ng:entity/kataib-hezbollah", "exact"},
		{"kataib hezbollah", "ng:entity/kataib-hezbollah", "exact"},
		{"Kataib Hizbollah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kataeb Hizballah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Katayib Hezbolah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kata'ib Hezbolah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kataib Hezbolluh", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kataib Hezbllah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kaitab Hezbollah", "ng:entity/kataib-hezbollah", "spelling"},
		{"Kataib Hezbolkah", "ng:entity/kataib-hezbollah", "typo"},
		{"Kataib Hexbollah", "ng:entity/kataib-hezbollah", "typo"},
		{"KH", "ng:entity/kataib-hezbollah", "exact"},
		{"Hizbullah", "ng:entity/hezbollah", "spelling"},
		{"Asaib Ahl al Haqq", "ng:entity/asaib-ahl-al-haq", "spelling"},
		{"Ayn al-Assad", "ng:entity/ain-al-asad-air-base", "spelling"},
		{"Ain Asad", "ng:entity/ain-al-asad-air-base", "spelling"},
		{"Forces Popular Mobilization", "ng:entity/popular-mobilization-forces", "words"},
		{"abu fadak", "ng:entity/abu-fadak-al-mohammadawi", "exact"},
		{"Abu Fadak al-Muhammadawi", "ng:entity/abu-fadak-al-mohammadawi", "spelling"},
		{"Qassem Suleimani", "ng:entity/qasem-soleimani", "spelling"},
		{"Qasim Sulaymani", "ng:entity/qasem-soleimani", "spelling"},
		{"Popular Mobilisation Forces", "ng:entity/popular-mobilization-forces", "typo"},
		{"Hashd al-Shaabi", "ng:entity/popular-mobilization-forces", "exact"},
		{"Nujaba", "ng:entity/harakat-hezbollah-al-nujaba", "spelling"},
		{"ng:entity/hezbollah", "ng:entity/hezbollah", "exact"},
		{"<ng:event/ev1>", "ng:event/ev1", "iri"},
	}
	for _, tt := range tests {
		c, err := ix.Resolve(tt.name)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.name, err)
			continue
		}
		if c.IRI != tt.want || c.How != tt.how {
			t.Errorf("Resolve(%q) = %s (%s, %.2f), want %s (%s)", tt.name, c.IRI, c.How, c.Score, tt.want, tt.how)
		}
	}
}

func TestAmbiguous(t *testing.T) {
	ix := testIndex(t)
	_, err := ix.Resolve("Islamic Resistance")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("Resolve(Islamic Resistance): err = %v, want ambiguous", err)
	}
	got := map[string]bool{}
	for _, c := range amb.Candidates {
		got[c.IRI] = true
	}
	if len(got) != 2 || !got["ng:entity/islamic-resistance-in-iraq"] || !got["ng:entity/islamic-resistance-in-lebanon"] {
		t.Errorf("candidates %v", amb.Candidates)
	}
	if _, err := ix.Resolve("Qais al-Khazali"); !errors.As(err, new(*NotFoundError)) {
		t.Errorf("unknown name: err = %v, want not found", err)
	}
	var nf *NotFoundError
	if _, err := ix.Resolve("Hezbolla Nujabaa Harakat"); err != nil && !errors.As(err, &nf) {
		t.Errorf("err = %v", err)
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "abc", 3}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3}, {"hezbollah", "hezbolah", 1}} {
		if d := damerauLevenshtein(tt.a, tt.b); d != tt.d {
			t.Errorf("d(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
}
