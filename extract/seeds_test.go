package extract

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// TestSeedInvariants runs the extractor over the seed articles (noise
// included) and checks what must hold for any article: evidence is
// verbatim, ids are stable, an id has one type, every reference resolves
// and the schema accepts every fact and event.
func TestSeedInvariants(t *testing.T) {
	x := NewRules(DefaultLexicon())
	types := map[string]string{}
	for _, a := range seedArticles(t) {
		rec, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := x.Extract(context.Background(), a)
		j1, _ := json.Marshal(rec)
		j2, _ := json.Marshal(again)
		if string(j1) != string(j2) {
			t.Errorf("%s: two runs differ", a.Doc)
		}
		if rec.Doc != a.Doc || rec.Article.ID != a.ID {
			t.Errorf("%s: record metadata %+v", a.Doc, rec.Article)
		}
		for _, e := range rec.Entities {
			if prev, ok := types[e.ID]; ok && prev != e.Type {
				t.Errorf("%s: entity %s is %s here and %s elsewhere", a.Doc, e.ID, e.Type, prev)
			}
			types[e.ID] = e.Type
			if e.ID != schema.Slug(e.ID) {
				t.Errorf("%s: entity id %q is not a slug", a.Doc, e.ID)
			}
			for _, m := range e.Mentions {
				if !strings.Contains(a.Text, m) {
					t.Errorf("%s: mention %q of %s is not in the text", a.Doc, m, e.ID)
				}
			}
		}
		seen := map[string]bool{}
		for _, ev := range rec.Events {
			if seen[ev.ID] {
				t.Errorf("%s: duplicate event id %s", a.Doc, ev.ID)
			}
			seen[ev.ID] = true
			if !strings.HasPrefix(ev.ID, a.ID+"-") {
				t.Errorf("%s: event id %s does not start with the article id", a.Doc, ev.ID)
			}
			if !strings.Contains(a.Text, ev.Evidence) || ev.Evidence == "" {
				t.Errorf("%s: event evidence not verbatim: %q", a.Doc, ev.Evidence)
			}
			if !schema.IsKind(ev.Kind) {
				t.Errorf("%s: event kind %q", a.Doc, ev.Kind)
			}
		}
		for _, f := range rec.Facts {
			if !strings.Contains(a.Text, f.Evidence) || f.Evidence == "" {
				t.Errorf("%s: fact evidence not verbatim: %q", a.Doc, f.Evidence)
			}
			if !schema.IsKind(f.Kind) || f.Confidence <= 0 || f.Confidence > 1 {
				t.Errorf("%s: fact %+v has a bad kind or confidence", a.Doc, f)
			}
		}
		if _, rejects := schema.ToQuads(rec, x.Name()); len(rejects) > 0 {
			t.Errorf("%s: schema rejects %v", a.Doc, rejects)
		}
	}
}

// TestSeedNoise checks that scrape furniture and bylines do not become
// entities.
func TestSeedNoise(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, a := range seedArticles(t) {
		rec, _ := x.Extract(context.Background(), a)
		for _, e := range rec.Entities {
			for _, m := range e.Mentions {
				low := strings.ToLower(m)
				for _, bad := range []string{"reply", "comment", "email", "share", "read more", "mins read", "@"} {
					if strings.Contains(low, bad) {
						t.Errorf("%s: boilerplate entity %s %q", a.Doc, e.ID, m)
					}
				}
			}
		}
	}
}

func TestRegistered(t *testing.T) {
	x, err := New("rules", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if x.Name() != RulesVersion || Version(x) != RulesVersion+"+"+x.Fingerprint()+"+"+schema.Layout || !reflect.DeepEqual(Names(), append([]string(nil), Names()...)) {
		t.Errorf("registered extractor %q", Version(x))
	}
}
