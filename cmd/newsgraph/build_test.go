package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// queryJSON runs a Gizmo query through the CLI and decodes its result.
func (c *cli) queryJSON(q string) []map[string]any {
	c.t.Helper()
	out := c.mustRun("query", q)
	var res struct {
		Result []map[string]any `json:"result"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		c.t.Fatalf("query output is not JSON: %v\n%s", err, out)
	}
	return res.Result
}

func TestBuildSeeds(t *testing.T) {
	c := newCLI(t)
	out := c.mustRun("build", seedDir)
	if !strings.Contains(out, "articles  5 read: 5 added") {
		t.Fatalf("summary does not report 5 added articles:\n%s", out)
	}

	// The attacks on Ain al-Asad are linked to the group the text names:
	// find the base by one of its spellings, then who attacked it.
	bases := c.queryJSON(`g.V().Has("<ng:alias>", "Ain al-Assad").All()`)
	if len(bases) != 1 {
		t.Fatalf("%d nodes have the alias Ain al-Assad, want 1: %v", len(bases), bases)
	}
	base := bases[0]["id"].(string)
	for _, spelling := range []string{"Ain Al-Assad", "Ayn al-Asad Base"} {
		same := c.queryJSON(`g.V().Has("<ng:alias>", "` + spelling + `").All()`)
		if len(same) != 1 || same[0]["id"] != base {
			t.Errorf("spelling %q is on %v, not on %s", spelling, same, base)
		}
	}
	attackers := c.queryJSON(`g.V("` + base + `").In("<ng:attacked>").Tag("group").Out("<ng:name>").Tag("name").All()`)
	names := map[string]bool{}
	for _, a := range attackers {
		names[a["name"].(string)] = true
	}
	if !names["Islamic Resistance in Iraq"] {
		t.Errorf("attackers of %s: %v; want the Islamic Resistance in Iraq, which the seeds name", base, names)
	}

	// Every fact carries its article and evidence sentence, and the
	// evidence occurs in that article's text.
	stmts := c.queryJSON(`g.V().Has("<rdf:predicate>").Tag("st")` +
		`.Save("<ng:evidence>", "evidence").Save("<ng:article>", "article").Save("<ng:kind>", "kind").All()`)
	total := c.queryJSON(`g.V().Has("<rdf:predicate>").All()`)
	if len(stmts) == 0 || len(stmts) != len(total) {
		t.Fatalf("%d statements with evidence, article and kind, of %d", len(stmts), len(total))
	}
	sources := map[string]string{}
	for _, a := range c.queryJSON(`g.V().Has("<rdf:type>", "<ng:Article>").Tag("article").Out("<ng:source>").Tag("source").All()`) {
		sources[a["article"].(string)] = a["source"].(string)
	}
	for _, s := range stmts {
		path, ok := sources[s["article"].(string)]
		if !ok {
			t.Errorf("statement %v names an article that is not in the graph", s["st"])
			continue
		}
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if ev := s["evidence"].(string); !strings.Contains(normSpace(string(text)), normSpace(ev)) {
			t.Errorf("evidence of %v is not in %s: %q", s["st"], path, ev)
		}
	}

	// Building again loads nothing twice.
	out = c.mustRun("build", seedDir)
	if !strings.Contains(out, "5 unchanged") || !strings.Contains(out, "0 written") {
		t.Errorf("second build was not a no-op:\n%s", out)
	}
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestBuildBadFiles(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join(seedDir, "003_a81acf474c9df295.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"good.txt":   good,
		"empty.txt":  nil,
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
		"latin1.txt": []byte("Caf\xe9 in Baghdad, a report on the militias and the bases of the region."),
		"huge.txt":   []byte(strings.Repeat("The militia attacked the base again. ", 4000)),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newCLI(t)
	c.env["NEWSGRAPH_EXTRACT_MAX_FILE_BYTES"] = "100000"
	out, errs, code := c.run("build", dir)
	if code == 0 {
		t.Errorf("build with bad files exited 0")
	}
	if !strings.Contains(out, "articles  1 read: 1 added") || !strings.Contains(out, "4 failed") {
		t.Errorf("summary:\n%s", out)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "latin1.txt", "huge.txt"} {
		if !strings.Contains(out, filepath.Join(dir, name)+":") {
			t.Errorf("no error naming %s in:\n%s", name, out)
		}
	}
	if !strings.Contains(errs, "4 of 5 files failed") {
		t.Errorf("stderr: %s", errs)
	}
	// The good article is in the graph.
	if arts := c.queryJSON(`g.V().Has("<rdf:type>", "<ng:Article>").All()`); len(arts) != 1 {
		t.Errorf("%d articles in the graph, want 1", len(arts))
	}
	// The error lines and the article counts; the rest depends on the extractor.
	lines := strings.SplitAfter(strings.ReplaceAll(out, dir, "DIR"), "\n")
	golden(t, "build/bad-files.txt", strings.Join(lines[:5], ""))
}

// TestBuildReextractsOnLexiconChange: a lexicon directory of one's own is
// used by build, and changing a file in it re-extracts the articles (the
// extractor's name carries the fingerprint of the data it loaded), where
// an unchanged lexicon leaves them as they are.
func TestBuildReextractsOnLexiconChange(t *testing.T) {
	c := newCLI(t)
	lex := t.TempDir()
	c.env["NEWSGRAPH_EXTRACT_LEXICON_DIR"] = lex
	write := func(data string) {
		if err := os.WriteFile(filepath.Join(lex, "my_groups.yaml"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("- {name: Saraya Thawrat al-Ishreen, type: ArmedGroup}\n")
	if out := c.mustRun("build", seedDir); !strings.Contains(out, "5 added") {
		t.Fatalf("first build:\n%s", out)
	}
	if out := c.mustRun("build", seedDir); !strings.Contains(out, "0 changed, 5 unchanged") {
		t.Errorf("a build with the same lexicon re-extracted:\n%s", out)
	}
	write("- {name: Saraya Thawrat al-Ishreen, type: ArmedGroup, aliases: [Thawrat al-Ishreen]}\n")
	if out := c.mustRun("build", seedDir); !strings.Contains(out, "5 changed") {
		t.Errorf("a build after a lexicon change did not re-extract:\n%s", out)
	}
}

// TestBuildHostileDirectory builds a directory made to hurt: a page of
// 100,000 nested divs, a 5 MB line of one repeated sentence, an empty
// file whose name is a terminal escape, a FIFO and a symbolic link loop,
// and an empty directory beside it. Each bad file fails with an error
// naming it (the escape quoted), the entries that are not files are
// listed as skipped, and the good article is loaded. Inputs are made
// here; the golden file holds the error and skipped lines.
func TestBuildHostileDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	empty := filepath.Join(t.TempDir(), "nothing")
	for _, d := range []string{dir, empty} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	good, err := os.ReadFile(filepath.Join(seedDir, "003_a81acf474c9df295.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// One line of distinct sentences, each an attack: a sentence told
	// again word for word is one event, so the line must not repeat one.
	var line strings.Builder
	for i := 0; line.Len() < 5_000_000; i++ {
		fmt.Fprintf(&line, "Kataib Hezbollah attacked the US base at Ain al-Asad in raid %d. ", i)
	}
	files := map[string]string{
		"good.txt":                        string(good),
		"deep.html":                       "<html><body>" + strings.Repeat("<div>", 100000) + "<p>Iraqi forces attacked the base.</p>" + strings.Repeat("</div>", 100000) + "</body></html>",
		"line.txt":                        line.String(),
		"evil\x1b[2J\x1b]0;pwned\x07.txt": "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	out, errs, code := c.run("build", dir, empty)
	if code == 0 || !strings.Contains(errs, "4 of 5 files failed") {
		t.Errorf("exit %d, stderr %q; want 4 of 5 failed", code, errs)
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("raw escape in the output: %q", out)
	}
	if arts := c.queryJSON(`g.V().Has("<rdf:type>", "<ng:Article>").All()`); len(arts) != 1 {
		t.Errorf("%d articles in the graph, want the good one", len(arts))
	}
	out = strings.ReplaceAll(strings.ReplaceAll(out, dir, "DIR"), empty, "EMPTY")
	out = regexp.MustCompile(`\d+ events and \d+ facts`).ReplaceAllString(out, "N events and N facts") // the extractor's counts
	lines := strings.SplitAfter(out, "\n")
	golden(t, "build/hostile.txt", strings.Join(lines[:7], "")) // the rest depends on the extractor
}

// TestBuildPagesAndFeeds: build takes what rebuild --source takes, a
// page's URL and a feed (feed:URL) among them, from a loopback server; a
// second build finds them unchanged.
func TestBuildPagesAndFeeds(t *testing.T) {
	seed := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/0.txt", func(w http.ResponseWriter, _ *http.Request) { w.Write(seed("000_7af7e780556d5353.txt")) })
	mux.HandleFunc("/news/1.txt", func(w http.ResponseWriter, _ *http.Request) { w.Write(seed("001_523f84f5b651b2cc.txt")) })
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>wire</title>
<item><title>one</title><link>/news/1.txt</link></item></channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := newCLI(t)
	args := []string{"build", srv.URL + "/news/0.txt", "feed:" + srv.URL + "/rss.xml"}
	if out := c.mustRun(args...); !strings.Contains(out, "articles  2 read: 2 added, 0 changed, 0 unchanged; 0 failed") {
		t.Errorf("first build:\n%s", out)
	}
	if out := c.mustRun(args...); !strings.Contains(out, "articles  2 read: 0 added, 0 changed, 2 unchanged; 0 failed") {
		t.Errorf("second build:\n%s", out)
	}
	_, errs, code := c.run("build", "feed:"+srv.URL+"/missing.xml")
	if code != 1 || !strings.Contains(errs, "1 of 1 files failed") {
		t.Errorf("a missing feed: exit %d, %s", code, errs)
	}
}
