package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzSeeds are small inputs that reach every rule.
var fuzzSeeds = []string{
	"",
	"Title of the article\n\nBody text in Iraq.Al-Tanf as well.",
	"افغانستان آزاد\n\nwww.afgazad.com\n\nafgazad@gmail.com\n\nJane Roe\n\n26.03.2025\n\nA headline for the story\n\nBody.",
	"Iraq bids farewell to its last combatant US soldiers\n\n7 mins read\nIraq bids farewell to its last combatant US soldiers\n\nIraq bids farewell to its last combatant US soldiersThe government said.\n\nLeave a Reply\n\nx",
	"Author: ISWNews Analysis Group\nThursday 25 January 2024 - 15:50\n\nText.\n\nRead more: other\n\nShare it:",
	"Iraqi News - Headline words here\r\n\r\nA sentence that cannot\r\n\r\nbe ignored.\r\n\r\nViktor Mikhin, March 24, 2025",
	"\ufeff\u200b\u00a0 x \x01\x7f “q” ‘q’ «q» e.g.The U.S.A 2.5 McDonald iPhone al-Askari soldiersThe",
	"<html><head><title>T - Example News</title></head><body><article><p>Paragraph one is here.</p><p>Two.</p></article></body></html>",
	"<p>unclosed <div>",
}

// checkArticle asserts what any article must satisfy.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	for name, s := range map[string]string{"Title": a.Title, "Outlet": a.Outlet, "Author": a.Author, "Date": a.Date, "Text": a.Text} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", name, s)
		}
	}
	checkCleanText(t, a.Text)
	if a.Date != "" {
		if _, ok := dateLine(a.Date); !ok || len(a.Date) != 10 {
			t.Fatalf("Date %q is not YYYY-MM-DD", a.Date)
		}
	}
}

// checkCleanText asserts the shape of a cleaned body: paragraphs separated by
// exactly one blank line, no surrounding or doubled whitespace.
func checkCleanText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	if text == "" {
		return
	}
	for _, p := range strings.Split(text, "\n\n") {
		if p == "" || strings.Contains(p, "\n") || p != strings.TrimSpace(p) || strings.Contains(p, "  ") {
			t.Fatalf("bad paragraph %q in %q", p, text)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("Caf\xe9"), "text/plain; charset=windows-1252")
	f.Add([]byte{0xFF, 0xFE, 'h', 0, 'i', 0}, "")
	f.Add([]byte("x\x00y"), "text/html")
	f.Add([]byte("# Title line here\n\n## Sub\n\nText."), "text/markdown")
	if b, err := os.ReadFile(filepath.Join("testdata", "html", "news_page.html")); err == nil {
		f.Add(b, "text/html")
	}
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		a, err := Parse("doc", "path", raw, contentType, Options{MaxBytes: 1 << 20})
		if err != nil {
			if a != nil {
				t.Fatalf("article and error: %v", err)
			}
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error %T is not a *FileError", err)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error message is not valid UTF-8: %q", err.Error())
			}
			return
		}
		if a.ID != ContentID(raw) || a.Text == "" {
			t.Fatalf("bad article %+v", a)
		}
		checkArticle(t, a)
	})
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
	}
	f.Add("# Heading\n\nText", true)
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		m := clean(text, markdown)
		for name, s := range map[string]string{"Title": m.Title, "Outlet": m.Outlet, "Author": m.Author, "Date": m.Date} {
			if !utf8.ValidString(s) || strings.Contains(s, "\n") {
				t.Fatalf("%s is not one valid line: %q", name, s)
			}
		}
		checkCleanText(t, m.Text)
		for _, p := range strings.Split(m.Text, "\n\n") {
			got := splitGlue(p)
			if len(got) != 1 || got[0] != p {
				t.Fatalf("glue left in %q: %q", p, got)
			}
		}
	})
}

// TestPathologicalInputs feeds 1 MiB inputs shaped to make a quadratic
// step blow up (a long token full of glue, thousands of domain lines,
// one huge line, thousands of title repeats). Each must finish in well
// under the time a quadratic pass would need (minutes); the bound is
// loose so a loaded machine does not fail it.
func TestPathologicalInputs(t *testing.T) {
	const size = 1 << 20
	rep := func(s string) string { return strings.Repeat(s, size/len(s)+1)[:size] }
	inputs := map[string]string{
		"glued token":   rep("ab!Cd"),
		"dotted token":  rep("ab.Cd"),
		"word glue":     rep("xyThe,"),
		"domain lines":  rep("www.example.com\n"),
		"one line":      rep("word "),
		"title repeats": "A headline of some words\n\n" + rep("A headline of some words\n"),
		"blank lines":   rep("\n"),
		"name lines":    rep("Jane Roe\n"),
		"date lines":    rep("26.03.2025\n"),
		"no letters":    rep("1234 "),
	}
	// A title and a first body line, so the input is body, not header.
	const head = "A headline of some words\n\nThe ministry said on Thursday that the talks would resume.\n\n"
	// The bound is relative to a normal text of the same size, so a slow
	// or loaded machine, or the race detector, slows both alike; a
	// quadratic step is thousands of times slower than linear at 1 MiB.
	var normal strings.Builder
	for normal.Len() < size {
		normal.WriteString(head)
	}
	start := time.Now()
	clean(normal.String(), false)
	bound := 50*time.Since(start) + time.Second
	for name, in := range inputs {
		start := time.Now()
		m := clean(head+in, false)
		if d := time.Since(start); d > bound {
			t.Errorf("%s: %v (bound %v)", name, d, bound)
		}
		t.Logf("%s: %v", name, time.Since(start))
		checkCleanText(t, m.Text)
		if !strings.HasPrefix(m.Text, "The ministry said") {
			t.Errorf("%s: body lost: %.80q", name, m.Text)
		}
	}
}
