package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

func TestEntityCard(t *testing.T) {
	base, _ := start(t, Config{QueryTimeout: 5 * time.Second})
	code, body := get(t, base+"/api/entity?name=Kataib+Hizbollah")
	if code != 200 {
		t.Fatalf("card: %d %s", code, body)
	}
	var c Card
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if c.IRI != "ng:entity/kataib-hezbollah" || c.Name != "Kata'ib Hezbollah" || c.Type != "ArmedGroup" || c.Articles != 1 {
		t.Errorf("card head: %+v", c.Node)
	}
	if strings.Join(c.Aliases, "|") != "Kataib Hezbollah" {
		t.Errorf("aliases %q", c.Aliases)
	}
	if len(c.Outlets) != 1 || c.Outlets[0] != (OutletCount{"Example Wire", 1}) {
		t.Errorf("outlets %+v", c.Outlets)
	}
	if len(c.Facts) != 1 || c.Facts[0].Predicate != "member_of" || c.Facts[0].Direction != "out" || len(c.Facts[0].Facts) != 1 {
		t.Fatalf("facts %+v", c.Facts)
	}
	f := c.Facts[0].Facts[0]
	want := CardEvidence{Kind: "reported", Sentence: "KH is part of the IRI.", Article: "ng:article/a1",
		ArticleTitle: "Tower 22", Outlet: "Example Wire", ArticleDate: "2024-01-28"}
	if f.Other.Name != "Islamic Resistance in Iraq" || f.Other.Type != "Coalition" || f.Articles != 1 || f.Outlets != 1 ||
		f.Kinds["reported"] != 1 || len(f.Evidence) != 1 || f.Evidence[0] != want {
		t.Errorf("fact %+v", f)
	}

	// The same fact read from its object: direction in.
	_, body = get(t, base+"/api/entity?name=ng:entity/islamic-resistance-in-iraq")
	if !strings.Contains(body, `"predicate":"member_of","direction":"in"`) || !strings.Contains(body, `"name":"Kata'ib Hezbollah"`) {
		t.Errorf("card of the object: %s", body)
	}
	if code, body := get(t, base+"/api/entity?name=Nobody+At+All"); code != 404 || !strings.Contains(body, `"kind":"not_found"`) {
		t.Errorf("unknown name: %d %s", code, body)
	}
	if code, _ := get(t, base+"/api/entity"); code != 400 {
		t.Errorf("no name: %d", code)
	}
	// The card route is guarded like every API route.
	req, _ := http.NewRequest("GET", base+"/api/entity?name=Jordan", nil)
	req.Header.Set("Origin", "http://evil.example")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("card for another site's page: %v %v", resp.Status, err)
	}
}

func TestExplorerPage(t *testing.T) {
	base, _ := start(t, Config{})
	code, page := get(t, base+"/explore/")
	if code != 200 || !strings.Contains(page, `<div id="app">`) {
		t.Fatalf("GET /explore/: %d %.300s", code, page)
	}
	// Its assets are served from the binary, under /explore/.
	for _, m := range regexp.MustCompile(`(?:src|href)="(/explore/assets/[^"]+)"`).FindAllStringSubmatch(page, -1) {
		resp, err := http.Get(base + m[1])
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !(strings.Contains(ct, "javascript") || strings.Contains(ct, "css")) {
			t.Errorf("GET %s: %s %s", m[1], resp.Status, ct)
		}
	}
	if !strings.Contains(page, "/explore/assets/") {
		t.Error("the page loads no assets")
	}
}

func TestQueryFoldsAndCuts(t *testing.T) {
	base, _ := start(t, Config{QueryLimit: 3, QueryTimeout: 20 * time.Second})
	q := func(params, query string) queryReply {
		t.Helper()
		code, body := post(t, base+"/api/v2/query?lang=gizmo"+params, query)
		var r queryReply
		if err := json.Unmarshal([]byte(body), &r); err != nil || code != 200 {
			t.Fatalf("%s %q: %d %s", params, query, code, body)
		}
		return r
	}
	// Identical rows are folded by default, and do not count toward the limit.
	if r := q("", `g.Emit(1); g.Emit(1); g.Emit(2); g.Emit(1); g.Emit(3)`); len(r.Result) != 3 || r.Folded != 2 || r.Truncated ||
		!strings.Contains(r.Note, "2 rows identical to an earlier one left out") {
		t.Errorf("folded: %+v", r)
	}
	if r := q("&all=1", `g.Emit(1); g.Emit(1); g.Emit(2)`); len(r.Result) != 3 || r.Folded != 0 || r.Note != "" {
		t.Errorf("all=1: %+v", r)
	}
	if code, _ := post(t, base+"/api/v2/query?lang=gizmo&all=maybe", `g.Emit(1)`); code != 400 {
		t.Errorf("all=maybe: %d", code)
	}
	// A result that just fits is not cut; one more row is.
	if r := q("", `g.Emit(1); g.Emit(2); g.Emit(3)`); r.Truncated || r.Note != "" {
		t.Errorf("three rows under a limit of three: %+v", r)
	}
	// The limit stops the script as soon as it is reached, and the reply
	// says which limit cut it.
	t0 := time.Now()
	r := q("", `for (var i = 0; i < 1e9; i++) g.Emit(i)`)
	if took := time.Since(t0); took > 3*time.Second {
		t.Errorf("a script past the limit ran %s", took)
	}
	if len(r.Result) != 3 || !r.Truncated || !strings.Contains(r.Note, "cut at 3 rows, the server's limit (query.limit; newsgraph serve --limit raises it)") {
		t.Errorf("cut by the server's limit: %+v", r)
	}
	if r := q("&limit=2", `g.V().All()`); len(r.Result) != 2 || !strings.Contains(r.Note, "cut at 2 rows, as asked (limit=2)") {
		t.Errorf("cut by the request's limit: %+v", r)
	}
	// Repeats do not count toward the limit, but the rows read do: a
	// script emitting one row forever stops after graph.ReadPerRow times
	// the limit, and the note says which limit stopped it.
	r = q("", `for (var i = 0; i < 1e9; i++) g.Emit(1)`)
	if len(r.Result) != 1 || r.Folded != 299 || !r.ReadCut || r.Truncated ||
		!strings.Contains(r.Note, "stopped after reading 300 rows, 100 times the row limit of 3, the server's limit (query.limit; newsgraph serve --limit raises it): 1 of them distinct") {
		t.Errorf("one row repeated: %+v", r)
	}
	r = q("&limit=2", `for (var i = 0; i < 1e9; i++) g.Emit(i % 2)`)
	if len(r.Result) != 2 || r.Folded != 198 || !r.ReadCut || !strings.Contains(r.Note, "200 rows, 100 times the row limit of 2, as asked (limit=2)") {
		t.Errorf("two rows repeated, limit=2: %+v", r)
	}
	// With all=1 every row counts, and the limit cuts as before.
	if r := q("&all=1", `for (var i = 0; i < 1e9; i++) g.Emit(1)`); len(r.Result) != 3 || !r.Truncated || r.ReadCut {
		t.Errorf("one row repeated, all=1: %+v", r)
	}
	// The note comes before the rows, where the console shows it first.
	if _, body := post(t, base+"/api/v2/query?lang=gizmo", `g.V().All()`); !strings.HasPrefix(body, `{"note":"cut at 3 rows`) {
		t.Errorf("reply starts %.80s", body)
	}
}

func TestConsoleWriteTab(t *testing.T) {
	// The tab as the stock console bundle draws it (readOnlyPatches).
	const tab = `c("write")}},"Write")`
	for _, readOnly := range []bool{true, false} {
		c, err := loadConsole(readOnly)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for p, b := range c.files {
			if strings.HasPrefix(p, "/static/js/main.") && strings.HasSuffix(p, ".js") {
				found = found || strings.Contains(string(b), tab)
			}
		}
		if found == readOnly {
			t.Errorf("read-only %v: Write tab shown %v", readOnly, found)
		}
	}
}

// TestFactEvidence: a card shows MaxFactEvidence sentences of a fact that
// seven articles state; /api/fact gives all seven, and refuses what does
// not name one fact.
func TestFactEvidence(t *testing.T) {
	var recs []schema.Record
	for i := range 7 {
		id := fmt.Sprintf("f%d", i)
		recs = append(recs, schema.Record{
			Doc: id, Article: schema.Article{ID: id, Source: id, Title: "Report " + id, Outlet: fmt.Sprintf("Outlet %d", i%3), Date: fmt.Sprintf("2024-02-%02d", i+1)},
			Entities: []schema.Entity{ent("Kata'ib Hezbollah", schema.ArmedGroup), ent("Islamic Resistance in Iraq", schema.Coalition)},
			Facts: []schema.Fact{{S: "Kata'ib Hezbollah", P: "member_of", O: "Islamic Resistance in Iraq", Kind: schema.Reported,
				Evidence: fmt.Sprintf("KH is part of the IRI (report %d).", i)}},
		})
	}
	base, _ := startRecords(t, Config{QueryTimeout: 10 * time.Second}, recs, false)
	_, body := get(t, base+"/api/entity?name=Kataib+Hezbollah")
	var c Card
	if err := json.Unmarshal([]byte(body), &c); err != nil || len(c.Facts) != 1 {
		t.Fatalf("card: %v %.300s", err, body)
	}
	if f := c.Facts[0].Facts[0]; f.Statements != 7 || len(f.Evidence) != MaxFactEvidence {
		t.Fatalf("the card's fact: %d statements, %d shown", f.Statements, len(f.Evidence))
	}
	code, body := get(t, base+"/api/fact?name=Kataib+Hezbollah&predicate=member_of&direction=out&other=ng:entity/islamic-resistance-in-iraq")
	var fr FactResult
	if err := json.Unmarshal([]byte(body), &fr); err != nil || code != 200 {
		t.Fatalf("/api/fact: %d %.300s", code, body)
	}
	seen := map[string]bool{}
	for _, ev := range fr.Fact.Evidence {
		seen[ev.Sentence] = ev.Outlet != "" && ev.ArticleTitle != ""
	}
	if fr.Fact.Statements != 7 || len(seen) != 7 || fr.Entity.Name != "Kata'ib Hezbollah" {
		t.Errorf("/api/fact: %d statements, %d distinct sentences: %+v", fr.Fact.Statements, len(seen), fr)
	}
	// From the other end: direction in.
	if code, body := get(t, base+"/api/fact?name=ng:entity/islamic-resistance-in-iraq&predicate=member_of&direction=in&other=ng:entity/kataib-hezbollah"); code != 200 ||
		!strings.Contains(body, "(report 6)") {
		t.Errorf("the fact from its object: %d %.300s", code, body)
	}
	for q, want := range map[string]int{
		"name=Kataib+Hezbollah&predicate=member_of&direction=sideways&other=ng:entity/islamic-resistance-in-iraq": 400,
		"name=Kataib+Hezbollah&predicate=member_of&direction=out":                                                 400,
		"name=Kataib+Hezbollah&predicate=backed_by&direction=out&other=ng:entity/islamic-resistance-in-iraq":      404,
		"name=Nobody+At+All&predicate=member_of&direction=out&other=ng:entity/islamic-resistance-in-iraq":         404,
	} {
		if code, body := get(t, base+"/api/fact?"+q); code != want {
			t.Errorf("/api/fact?%s: %d %.200s, want %d", q, code, body, want)
		}
	}
}
