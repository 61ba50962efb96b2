package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7, 1000), New(7, 1000)
	for _, i := range []int{0, 1, 999, 5} { // any order
		x, y := a.Article(i), b.Article(i)
		if x.Text != y.Text || !reflect.DeepEqual(x.Record, y.Record) {
			t.Fatalf("article %d differs between two generators with the same seed", i)
		}
	}
	if New(8, 1000).Article(3).Text == a.Article(3).Text {
		t.Error("another seed gives the same article")
	}
	if a.Article(3).Text == a.Article(4).Text {
		t.Error("two articles are the same")
	}
}

// TestRecordsAreValid: every generated record maps to quads with no
// rejects, and its evidence is text of the article.
func TestRecordsAreValid(t *testing.T) {
	g := New(1, 2000)
	ids := map[string]bool{}
	var quads, bytes int
	for i := 0; i < 300; i++ {
		a := g.Article(i)
		if ids[a.Record.Article.ID] {
			t.Fatalf("article %d: duplicate content id", i)
		}
		ids[a.Record.Article.ID] = true
		qs, rejects := schema.ToQuads(a.Record, "gen/1")
		if len(rejects) > 0 {
			t.Fatalf("article %d: %v", i, rejects)
		}
		quads += len(qs)
		bytes += len(a.Text)
		for _, f := range a.Record.Facts {
			if !strings.Contains(a.Text, f.Evidence) {
				t.Fatalf("article %d: evidence %q not in the text", i, f.Evidence)
			}
		}
		for _, e := range a.Record.Entities {
			for _, m := range e.Mentions {
				if !strings.Contains(a.Text, m) {
					t.Fatalf("article %d: mention %q not in the text", i, m)
				}
			}
		}
	}
	if per := quads / 300; per < 30 || per > 400 {
		t.Errorf("%d quads per article: not news-like", per)
	}
	if per := bytes / 300; per < 500 || per > 10000 {
		t.Errorf("%d bytes per article: not news-like", per)
	}
}

// TestManyActors: the pools grow with the corpus, and a large corpus
// mentions many distinct entities with several spellings.
func TestManyActors(t *testing.T) {
	small, large := New(1, 1000), New(1, 100000)
	if len(large.groups) <= 10*len(small.groups)/2 || len(large.people) <= 10*len(small.people)/2 {
		t.Errorf("pools do not grow: %d/%d groups, %d/%d people", len(small.groups), len(large.groups), len(small.people), len(large.people))
	}
	ents := map[string]map[string]bool{}
	for i := 0; i < 2000; i++ {
		for _, e := range large.Article(i).Record.Entities {
			if ents[e.ID] == nil {
				ents[e.ID] = map[string]bool{}
			}
			for _, m := range e.Mentions {
				ents[e.ID][m] = true
			}
		}
	}
	multi := 0
	for _, sp := range ents {
		if len(sp) > 1 {
			multi++
		}
	}
	if len(ents) < 1000 || multi < 100 {
		t.Errorf("2000 articles mention %d entities, %d with several spellings", len(ents), multi)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	n, err := WriteDir(dir, 3, 1200, 4)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) != 1200 || n <= 0 {
		t.Fatalf("%d files, %d bytes", len(files), n)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "001", "001100.txt"))
	if string(b) != New(3, 1200).Article(1100).Text {
		t.Error("file 1100 is not article 1100")
	}
}
