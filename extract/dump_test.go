package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
	"github.com/newsgraph/newsgraph/source"
)

var dumpPath = flag.String("dump", "", "write the records of the seed articles as JSON Lines to this file")

// seedArticles reads the seed articles as the source package would hand
// them over: raw text (noise included), the first line as title.
func seedArticles(t testing.TB) []*source.Article {
	t.Helper()
	files, _ := benchcpu.Seeds(t, "..")
	var out []*source.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		title, _, _ := strings.Cut(text, "\n")
		out = append(out, &source.Article{
			ID: source.ContentID(raw), Doc: filepath.Base(f), Path: f,
			Title: strings.TrimSpace(title), Text: text,
		})
	}
	return out
}

// TestDump writes the seed records for score.py:
//
//	go test ./extract -run TestDump -dump=/tmp/out.jsonl
func TestDump(t *testing.T) {
	if *dumpPath == "" {
		t.Skip("no -dump file given")
	}
	x := NewRules(DefaultLexicon())
	f, err := os.Create(*dumpPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, a := range seedArticles(t) {
		rec, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
}
