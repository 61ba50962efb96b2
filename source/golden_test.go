package source

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.txt from the current output")

// seedDir holds the project's seed articles, real scrapes with their noise.
const seedDir = "../testdata/seeds"

// renderGolden is the golden form of an article: the metadata as
// "key: value" lines, a "---" line, then the cleaned text.
func renderGolden(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\ndoc: %s\ntitle: %s\noutlet: %s\nauthor: %s\ndate: %s\n---\n%s\n",
		a.ID, a.Doc, a.Title, a.Outlet, a.Author, a.Date, a.Text)
	return b.String()
}

func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles in %s: %v", seedDir, err)
	}
	return files
}

// TestGoldenSeeds compares the cleaned seed articles with
// testdata/golden. Run `go test ./source -run Golden -update` to rewrite
// the goldens, then read the diff.
func TestGoldenSeeds(t *testing.T) {
	for _, path := range seedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			a, err := ReadFile(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := renderGolden(a)
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update and read the diff):\n%s", golden, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}

// TestSeedMetadata checks the metadata the seeds are known to carry,
// independently of the goldens (so a careless -update cannot hide a
// regression in the rules).
func TestSeedMetadata(t *testing.T) {
	type check struct{ title, titleNot, outlet, author, date string }
	want := map[string]check{
		"000": {titleNot: "Iraqi News - ", outlet: "Iraqi News"},
		"001": {title: "Washington’s great defeat in Iraq/ How does the resistance escape the American invaders?", outlet: "rahnam"},
		"002": {title: "Iraq bids farewell to its last combatant US soldiers"},
		"003": {author: "ISWNews Analysis Group", date: "2024-01-25"},
		"004": {title: "Iraq Demands the Withdrawal of U.S. Troops", outlet: "afgazad.com", author: "Viktor Mikhin", date: "2025-03-26"},
	}
	for _, path := range seedFiles(t) {
		name := filepath.Base(path)
		w, ok := want[name[:3]]
		if !ok {
			continue
		}
		a, err := ReadFile(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if w.title != "" && a.Title != w.title {
			t.Errorf("%s: title %q, want %q", name, a.Title, w.title)
		}
		if w.titleNot != "" && (a.Title == "" || strings.Contains(a.Title, w.titleNot)) {
			t.Errorf("%s: title %q should be there without %q", name, a.Title, w.titleNot)
		}
		if w.outlet != "" && !strings.Contains(a.Outlet, w.outlet) {
			t.Errorf("%s: outlet %q, want it to contain %q", name, a.Outlet, w.outlet)
		}
		if w.author != "" && a.Author != w.author {
			t.Errorf("%s: author %q, want %q", name, a.Author, w.author)
		}
		if w.date != "" && a.Date != w.date {
			t.Errorf("%s: date %q, want %q", name, a.Date, w.date)
		}
	}
}

// TestSeedNoise checks that the seeds' noise is gone and their text
// kept, again independently of the goldens.
func TestSeedNoise(t *testing.T) {
	var all strings.Builder
	for _, path := range seedFiles(t) {
		a, err := ReadFile(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(a.Text)
		all.WriteString("\n\n")
		if strings.HasPrefix(a.Text, a.Title) {
			t.Errorf("%s: text starts with the title", a.Doc)
		}
	}
	text := all.String()
	for _, noise := range []string{
		"افغانستان", "AA-AA", "www.afgazad.com", "afgazad@gmail.com", "European Languages",
		"Leave a Reply", "Leave a Comment", "Your email address", "Required fields", "Comment moderation",
		"Share it:", "Read more:", "end of message", "7 mins read", "Author:",
		"Thursday 25 January 2024", "26.03.2025", "Viktor Mikhin, March 24, 2025",
		"soldiersThe", "Iraq.Al-Tanf", "cannot\n\nbe ignored",
	} {
		if strings.Contains(text, noise) {
			t.Errorf("noise %q left in the text", noise)
		}
	}
	for _, keep := range []string{
		"in Iraq. Al-Tanf as well.",
		"The Iraqi government continues to implement the provisions",
		"a real force that cannot be ignored.",
		"U.S.-led international coalition troops",
		"“Trump must fulfill the promises of his predecessor and get out of Iraq,”",
		"Abu Ali al-Askari",
		"Şarku’l Avsat",
		"– The first order is related to intensifying military strikes",
	} {
		if !strings.Contains(text, keep) {
			t.Errorf("text lost %q", keep)
		}
	}
}
