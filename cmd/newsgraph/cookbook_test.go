package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// The Gizmo cookbook in docs/gizmo.md: every recipe runs, as written, on
// the seed graph, and its rows are checked against the store's quads (read
// through `newsgraph export --format nquads`, not through Gizmo). The checks
// state what a correct graph must give, not a frozen list of rows, so that
// they hold while the extractor improves.

var cookbookDoc = filepath.Join("..", "..", "docs", "gizmo.md")

type recipe struct {
	name, query string
	line        int
}

var recipeMarker = regexp.MustCompile(`^<!-- recipe: ([a-z0-9-]+) -->$`)

// readRecipes returns the recipes of a Markdown page: a js block preceded by
// a `<!-- recipe: NAME -->` line (blank lines between are allowed). A js
// block without a marker, a marker without a js block and a name used twice
// are errors, so that no query on the page escapes the test.
func readRecipes(doc string) ([]recipe, []error) {
	lines := strings.Split(doc, "\n")
	var recipes []recipe
	var errs []error
	seen := map[string]int{}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "```js" {
			errs = append(errs, fmt.Errorf("line %d: js block without a <!-- recipe: NAME --> line before it", i+1))
			continue
		}
		m := recipeMarker.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name := m[1]
		if prev, ok := seen[name]; ok {
			errs = append(errs, fmt.Errorf("line %d: recipe %q already defined at line %d", i+1, name, prev))
		}
		seen[name] = i + 1
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j == len(lines) || strings.TrimSpace(lines[j]) != "```js" {
			errs = append(errs, fmt.Errorf("line %d: recipe %q is not followed by a js block", i+1, name))
			continue
		}
		var body []string
		k := j + 1
		for ; k < len(lines) && strings.TrimSpace(lines[k]) != "```"; k++ {
			body = append(body, lines[k])
		}
		if k == len(lines) {
			errs = append(errs, fmt.Errorf("line %d: recipe %q: unterminated block", j+1, name))
		}
		recipes = append(recipes, recipe{name: name, query: strings.Join(body, "\n"), line: j + 2})
		i = k
	}
	return recipes, errs
}

func TestReadRecipes(t *testing.T) {
	doc := "text\n<!-- recipe: a -->\n\n```js\ng.V()\n  .All()\n```\n```js\ng.V()\n```\n<!-- recipe: b -->\ntext\n<!-- recipe: a -->\n```js\nx\n```\n"
	recipes, errs := readRecipes(doc)
	if len(recipes) != 2 || recipes[0].name != "a" || recipes[0].query != "g.V()\n  .All()" || recipes[1].query != "x" {
		t.Errorf("recipes: %+v", recipes)
	}
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"line 8: js block without", `recipe "b" is not followed`, `recipe "a" already defined at line 2`} {
		if !strings.Contains(got, want) {
			t.Errorf("errors %q lack %q", got, want)
		}
	}
}

func TestCookbook(t *testing.T) {
	doc, err := os.ReadFile(cookbookDoc)
	if err != nil {
		t.Fatal(err)
	}
	recipes, errs := readRecipes(string(doc))
	for _, err := range errs {
		t.Errorf("%s: %v", cookbookDoc, err)
	}
	names := map[string]bool{}
	for _, r := range recipes {
		names[r.name] = true
	}
	for name := range cookbookChecks {
		if !names[name] {
			t.Errorf("check %q has no recipe in %s", name, cookbookDoc)
		}
	}
	// The seeds, and the articles of one incident told many ways, for the
	// recipes on incidents and contradictions.
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	g := loadSeedGraph(t, c)
	for _, r := range recipes {
		r := r
		t.Run(r.name, func(t *testing.T) {
			check, ok := cookbookChecks[r.name]
			if !ok {
				t.Fatalf("%s:%d: recipe %q has no check in cookbookChecks", cookbookDoc, r.line, r.name)
			}
			rows := recipeRows(t, c, r)
			if len(rows) == 0 {
				t.Fatalf("%s:%d: no rows", cookbookDoc, r.line)
			}
			if len(rows) >= 1000 {
				t.Errorf("%d rows: at query.limit, the result may be cut", len(rows))
			}
			again := func(t *testing.T, oldnew ...string) []map[string]any {
				t.Helper()
				q := r.query
				for i := 0; i+1 < len(oldnew); i += 2 {
					if !strings.Contains(q, oldnew[i]) {
						t.Fatalf("%s:%d: the recipe no longer contains %q", cookbookDoc, r.line, oldnew[i])
					}
					q = strings.ReplaceAll(q, oldnew[i], oldnew[i+1])
				}
				return recipeRows(t, c, recipe{name: r.name, query: q, line: r.line})
			}
			check(t, g, rows, again)
			if t.Failed() {
				t.Logf("%s:%d:\n%s", cookbookDoc, r.line, r.query)
			}
		})
	}
}

// recipeRows runs a recipe through `newsgraph query --all`: every row, as
// the console and the HTTP API return them.
func recipeRows(t *testing.T, c *cli, r recipe) []map[string]any {
	t.Helper()
	sc := &cli{t: t, env: c.env}
	out := sc.mustRun("query", "--all", r.query)
	var res struct {
		Result []map[string]any `json:"result"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("query output is not JSON: %v\n%s", err, out)
	}
	return res.Result
}

// seedGraph is the store's quads, indexed for the checks. Values are
// written as `newsgraph query` prints them: IRIs as "<...>", strings bare,
// numbers in Go's %v.
type seedGraph struct {
	out     map[string]map[string][]string // subject, predicate -> objects
	in      map[string]map[string][]string // object, predicate -> subjects
	byLabel map[string]map[string]bool     // label -> "s p o"
	text    map[string]string              // article -> its text, spaces folded
}

func quadTerm(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return "<" + string(v) + ">"
	case quad.String:
		return string(v)
	default:
		return fmt.Sprint(v.Native())
	}
}

func loadSeedGraph(t *testing.T, c *cli) *seedGraph {
	t.Helper()
	g := &seedGraph{out: map[string]map[string][]string{}, in: map[string]map[string][]string{},
		byLabel: map[string]map[string]bool{}, text: map[string]string{}}
	r := nquads.NewReader(strings.NewReader(c.mustRun("export", "--format", "nquads")), false)
	add := func(m map[string]map[string][]string, a, p, b string) {
		if m[a] == nil {
			m[a] = map[string][]string{}
		}
		for _, x := range m[a][p] {
			if x == b {
				return
			}
		}
		m[a][p] = append(m[a][p], b)
	}
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		s, p, o, l := quadTerm(q.Subject), quadTerm(q.Predicate), quadTerm(q.Object), quadTerm(q.Label)
		add(g.out, s, p, o)
		add(g.in, o, p, s)
		if g.byLabel[l] == nil {
			g.byLabel[l] = map[string]bool{}
		}
		g.byLabel[l][s+" "+p+" "+o] = true
	}
	for _, a := range g.in["<ng:Article>"]["<rdf:type>"] {
		src := g.one(t, a, "<ng:source>")
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatalf("article %s: %v", a, err)
		}
		g.text[a] = normSpace(string(b))
	}
	if len(g.text) == 0 {
		t.Fatal("no articles in the exported quads")
	}
	return g
}

func (g *seedGraph) objs(s, p string) []string { return g.out[s][p] }

func (g *seedGraph) has(s, p, o string) bool {
	for _, x := range g.out[s][p] {
		if x == o {
			return true
		}
	}
	return false
}

// one returns the single object of s p, failing when there is none or more.
func (g *seedGraph) one(t *testing.T, s, p string) string {
	t.Helper()
	vals := g.out[s][p]
	if len(vals) != 1 {
		t.Errorf("%s %s: %d values %v, want 1", s, p, len(vals), vals)
		return ""
	}
	return vals[0]
}

func (g *seedGraph) isA(node, typ string) bool { return g.has(node, "<rdf:type>", typ) }

// isEvent reports whether node is an event: an event node (its IRI) with
// an event type; events have no rdf:type (docs/schema.md, Events).
func (g *seedGraph) isEvent(node string) bool {
	return strings.HasPrefix(node, "<ng:event/") && len(g.out[node]["<ng:eventType>"]) > 0
}

// named returns the one entity whose name or an alias is name.
func (g *seedGraph) named(t *testing.T, name string) string {
	t.Helper()
	set := map[string]bool{}
	for _, p := range []string{"<ng:name>", "<ng:alias>"} {
		for _, s := range g.in[name][p] {
			set[s] = true
		}
	}
	if len(set) != 1 {
		t.Fatalf("%d entities are called %q: %v", len(set), name, set)
	}
	for s := range set {
		return s
	}
	return ""
}

// cell returns a row's value as a string ("" when absent).
func cell(row map[string]any, key string) string {
	switch v := row[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// column returns the set of a column's values.
func column(rows []map[string]any, keys ...string) map[string]bool {
	set := map[string]bool{}
	for _, r := range rows {
		var parts []string
		for _, k := range keys {
			parts = append(parts, cell(r, k))
		}
		set[strings.Join(parts, " ")] = true
	}
	return set
}

// sameSet reports what got lacks of want and what it has in excess.
func sameSet(t *testing.T, what string, got, want map[string]bool) {
	t.Helper()
	sameSetOrNone(t, what, got, want)
	if len(want) == 0 {
		t.Errorf("%s: the seed graph has none: the check proves nothing", what)
	}
}

// sameSetOrNone is sameSet where want may be empty.
func sameSetOrNone(t *testing.T, what string, got, want map[string]bool) {
	t.Helper()
	var missing, extra []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("%s: %d missing, e.g. %v", what, len(missing), head(missing))
	}
	if len(extra) > 0 {
		t.Errorf("%s: %d not expected, e.g. %v", what, len(extra), head(extra))
	}
}

func head(s []string) []string {
	if len(s) > 5 {
		return s[:5]
	}
	return s
}

// evidenceHolds checks that a row's evidence is a sentence of its article.
func (g *seedGraph) evidenceHolds(t *testing.T, row map[string]any, node string) {
	t.Helper()
	ev, art := cell(row, "evidence"), cell(row, "article")
	if art == "" {
		arts := g.objs(node, "<ng:article>")
		if len(arts) == 1 {
			art = arts[0]
		}
	}
	text, ok := g.text[art]
	switch {
	case strings.TrimSpace(ev) == "":
		t.Errorf("%s: empty evidence", node)
	case !ok:
		t.Errorf("%s: article %q is not in the graph", node, art)
	case !strings.Contains(text, normSpace(ev)):
		t.Errorf("%s: evidence is not in %s: %q", node, art, ev)
	}
}

// noDuplicates fails on identical rows.
func noDuplicates(t *testing.T, rows []map[string]any) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rows {
		b, _ := json.Marshal(r)
		if seen[string(b)] {
			t.Errorf("row repeated: %s", b)
		}
		seen[string(b)] = true
	}
}

const (
	kataibHezbollah = "<ng:entity/kataib-hezbollah>"
	firasAlYasir    = "<ng:entity/firas-al-yasir>"
	seedArticle     = "<ng:article/9cbfaba1a5f9c0a7>" // 003_a81acf474c9df295.txt
)

var officialPredicates = []string{"<ng:holds_role>", "<ng:spokesperson_for>", "<ng:leader_of>"}

// attackedBases is every (group, base) pair with a direct attacked edge.
func (g *seedGraph) attackedBases() map[string]bool {
	want := map[string]bool{}
	for s, ps := range g.out {
		if !g.isA(s, "<ng:ArmedGroup>") {
			continue
		}
		for _, o := range ps["<ng:attacked>"] {
			if g.isA(o, "<ng:MilitaryBase>") {
				want[s+" "+o] = true
			}
		}
	}
	return want
}

// checkAinAlAssad: the seeds name the Islamic Resistance in Iraq as an
// attacker of the base they also spell Ain al-Assad.
func checkAinAlAssad(t *testing.T, g *seedGraph, pairs map[string]bool) {
	t.Helper()
	base := g.named(t, "Ain al-Assad")
	group := g.named(t, "Islamic Resistance in Iraq")
	if !pairs[group+" "+base] {
		t.Errorf("no row says %s attacked %s (the base spelled Ain al-Assad)", group, base)
	}
}

// rerun runs the recipe again with each old string of the pairs replaced by
// the new one: a check tries a recipe's parameters on other values, so that
// a clause the seeds do not exercise with the doc's values is still tested.
type rerun func(t *testing.T, oldnew ...string) []map[string]any

var cookbookChecks = map[string]func(t *testing.T, g *seedGraph, rows []map[string]any, again rerun){
	"incidents-two-outlets": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, inc := range g.in["<ng:Incident>"]["<rdf:type>"] {
			if n, _ := strconv.Atoi(strings.Trim(strings.Split(g.one(t, inc, "<ng:outlets>"), "^^")[0], `"`)); n >= 2 {
				want[inc] = true
			}
		}
		sameSet(t, "incidents", column(rows, "incident"), want)
	},

	"facts-by-outlets": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, f := range g.in["<ng:Fact>"]["<rdf:type>"] {
			want[f] = true
		}
		sameSet(t, "facts", column(rows, "fact"), want)
		for i, r := range rows {
			if r["articles"].(float64) < 2 || r["outlets"].(float64) > r["articles"].(float64) {
				t.Errorf("row %v: a fact node of fewer than two articles, or more sources than articles", r)
			}
			if i > 0 && r["outlets"].(float64) > rows[i-1]["outlets"].(float64) {
				t.Errorf("row %d (%v outlets) ranks below one of %v", i, r["outlets"], rows[i-1]["outlets"])
			}
		}
	},

	"claims-denials": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		for _, r := range rows {
			if !strings.Contains(r["claimed"].(string), "claimed") || !strings.Contains(r["denied"].(string), "denied") || r["claimedIn"] == r["deniedIn"] {
				t.Errorf("row %v: not a claim in one article against a denial in another", r)
			}
		}
	},

	"attacked-bases": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		got := column(rows, "group", "base")
		sameSet(t, "group-base pairs", got, g.attackedBases())
		checkAinAlAssad(t, g, got)
	},

	"attacked-bases-once": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		got := column(rows, "group", "base")
		sameSet(t, "group-base pairs", got, g.attackedBases())
		if len(rows) != len(got) {
			t.Errorf("%d rows for %d pairs: a pair is repeated", len(rows), len(got))
		}
		for _, r := range rows {
			if len(r) != 2 {
				t.Errorf("row %v: want exactly group and base", r)
			}
		}
		checkAinAlAssad(t, g, got)
	},

	"attack-evidence": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, st := range g.in["<ng:attacked>"]["<rdf:predicate>"] {
			for _, s := range g.objs(st, "<rdf:subject>") {
				for _, o := range g.objs(st, "<rdf:object>") {
					if g.isA(s, "<ng:ArmedGroup>") && g.isA(o, "<ng:MilitaryBase>") {
						want[st] = true
					}
				}
			}
		}
		sameSet(t, "attack statements", column(rows, "statement"), want)
		if len(rows) != len(column(rows, "statement")) {
			t.Errorf("%d rows for %d statements: Unique() did not remove the repeats", len(rows), len(column(rows, "statement")))
		}
		pairs := map[string]bool{}
		for _, r := range rows {
			st := cell(r, "statement")
			for key, p := range map[string]string{"group": "<rdf:subject>", "base": "<rdf:object>", "kind": "<ng:kind>", "article": "<ng:article>"} {
				if got := cell(r, key); got != g.one(t, st, p) {
					t.Errorf("%s: %s = %q, the statement's %s is %v", st, key, got, p, g.objs(st, p))
				}
			}
			g.evidenceHolds(t, r, st)
			pairs[cell(r, "group")+" "+cell(r, "base")] = true
		}
		// Every attack edge has its statement, with evidence.
		sameSet(t, "pairs with evidence", pairs, g.attackedBases())
	},

	"group-officials": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, p := range officialPredicates {
			for _, s := range g.in[kataibHezbollah][p] {
				want[s+" "+p] = true
			}
		}
		got := column(rows, "person", "relation")
		sameSet(t, "officials of Kata'ib Hezbollah", got, want)
		for _, r := range rows {
			person, name := cell(r, "person"), cell(r, "name")
			if !g.isA(person, "<ng:Person>") {
				t.Errorf("%s is not a Person", person)
			}
			if !g.has(person, "<ng:name>", name) {
				t.Errorf("%s: name %q is not its ng:name %v", person, name, g.objs(person, "<ng:name>"))
			}
		}
		// "a security official of the Kata'ib Hezbollah ... Abu Ali al-Askari"
		askari := g.named(t, "Abu Ali al-Askari")
		if !column(rows, "person")[askari] {
			t.Errorf("Abu Ali al-Askari (%s) is not among the officials", askari)
		}
	},

	"group-officials-roles": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, st := range g.in[kataibHezbollah]["<rdf:object>"] {
			for _, p := range officialPredicates {
				if g.has(st, "<rdf:predicate>", p) {
					want[st] = true
				}
			}
		}
		sameSet(t, "role statements", column(rows, "statement"), want)
		askari := g.named(t, "Abu Ali al-Askari")
		for _, r := range rows {
			st := cell(r, "statement")
			if cell(r, "person") != g.one(t, st, "<rdf:subject>") || cell(r, "relation") != g.one(t, st, "<rdf:predicate>") {
				t.Errorf("%s: row %v does not match the statement", st, r)
			}
			g.evidenceHolds(t, r, st)
			role := cell(r, "role")
			if role == "" && cell(r, "relation") == "<ng:holds_role>" {
				t.Errorf("%s: holds_role without its ng:role", st)
			}
			if role != "" && !strings.Contains(strings.ToLower(normSpace(cell(r, "evidence"))), strings.ToLower(role)) {
				t.Errorf("%s: role %q is not in the evidence (ng:role is the exact title)", st, role)
			}
			if cell(r, "person") == askari && role == "" {
				t.Errorf("%s: Abu Ali al-Askari's role is missing", st)
			}
		}
	},

	"actor-claims": func(t *testing.T, g *seedGraph, rows []map[string]any, again rerun) {
		claims := checkClaims(t, g, rows, firasAlYasir)
		// He threatened "advanced and modern strikes" against U.S. forces.
		threatUS := false
		for _, r := range claims {
			if cell(r, "kind") == "threatened" {
				for _, k := range []string{"object", "target"} {
					if v := cell(r, k); v == "<ng:entity/us-military>" || v == "<ng:entity/united-states>" {
						threatUS = true
					}
				}
			}
		}
		if !threatUS {
			t.Error("no threat against the US military or the United States among his claims")
		}
		// His group, whose claims and threats have it as their subject.
		const nujaba = "<ng:entity/harakat-hezbollah-al-nujaba>"
		checkClaims(t, g, again(t, firasAlYasir, nujaba), nujaba)
	},

	"events-at-place": func(t *testing.T, g *seedGraph, rows []map[string]any, again rerun) {
		checkEvents(t, g, rows, "<ng:entity/iraq>", "2025", "2025-12-31", true)
		// Other bounds on the same recipe, so that each bound is exercised.
		checkEvents(t, g, again(t, `gte("2025")`, `gte("2025-10")`), "<ng:entity/iraq>", "2025-10", "2025-12-31", false)
		checkEvents(t, g, again(t, `lte("2025-12-31")`, `lte("2025-08-31")`), "<ng:entity/iraq>", "2025", "2025-08-31", false)
		checkEvents(t, g, again(t, `gte("2025")`, `gte("2000")`, `lte("2025-12-31")`, `lt("2100")`), "<ng:entity/iraq>", "2000", "2099-99", false)
	},

	"article-quads": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		sameSet(t, "quads under "+seedArticle, column(rows, "subject", "predicate", "object"), g.byLabel[seedArticle])
		noDuplicates(t, rows)
		title := g.one(t, seedArticle, "<ng:title>")
		if !column(rows, "subject", "predicate", "object")[seedArticle+" <ng:title> "+title] {
			t.Errorf("the article's title %q is not among the rows", title)
		}
	},

	"article-facts": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		want := map[string]bool{}
		for _, x := range g.in[seedArticle]["<ng:article>"] {
			want[x] = true
		}
		sameSet(t, "statements and events of "+seedArticle, column(rows, "fact"), want)
		noDuplicates(t, rows)
		for _, r := range rows {
			x := cell(r, "fact")
			if cell(r, "kind") != g.one(t, x, "<ng:kind>") {
				t.Errorf("%s: kind %q", x, cell(r, "kind"))
			}
			for key, p := range map[string]string{"subject": "<rdf:subject>", "predicate": "<rdf:predicate>", "object": "<rdf:object>", "eventType": "<ng:eventType>", "agent": "<ng:agent>", "target": "<ng:target>", "date": "<ng:date>"} {
				if v := cell(r, key); v != "" && !g.has(x, p, v) {
					t.Errorf("%s: %s %q is not its %s %v", x, key, v, p, g.objs(x, p))
				} else if v == "" && len(g.objs(x, p)) > 0 {
					t.Errorf("%s: %s is empty, the node has %v", x, key, g.objs(x, p))
				}
			}
			r["article"] = seedArticle
			g.evidenceHolds(t, r, x)
		}
	},

	"umbrella-fronts": func(t *testing.T, g *seedGraph, rows []map[string]any, _ rerun) {
		const umbrella = "<ng:entity/islamic-resistance-in-iraq>"
		depth := map[string]int{umbrella: 0}
		frontier := []string{umbrella}
		for d := 1; d <= 3; d++ {
			var next []string
			for _, n := range frontier {
				for _, m := range g.in[n]["<ng:member_of>"] {
					if _, ok := depth[m]; !ok {
						depth[m] = d
						next = append(next, m)
					}
				}
			}
			frontier = next
		}
		want := map[string]bool{}
		for n, d := range depth {
			if d > 0 {
				want[n+" "+fmt.Sprint(d)] = true
			}
		}
		sameSet(t, "fronts and their depth", column(rows, "front", "depth"), want)
		for _, r := range rows {
			if !g.has(cell(r, "front"), "<ng:name>", cell(r, "name")) {
				t.Errorf("%s: name %q", cell(r, "front"), cell(r, "name"))
			}
		}
		// "the «al-Nujaba» movement, part of the «Islamic Resistance in Iraq»"
		nujaba := g.named(t, "Harakat Hezbollah al-Nujaba")
		if !column(rows, "front")[nujaba] {
			t.Errorf("al-Nujaba (%s) is not among the fronts", nujaba)
		}
	},
}

// checkClaims checks the rows of the actor-claims recipe for actor and
// returns them.
func checkClaims(t *testing.T, g *seedGraph, rows []map[string]any, actor string) []map[string]any {
	t.Helper()
	want := map[string]bool{}
	for _, x := range g.in[actor]["<ng:assertedBy>"] {
		want[x] = true
	}
	for _, p := range []string{"<rdf:subject>", "<ng:agent>"} {
		for _, x := range g.in[actor][p] {
			if g.has(x, "<ng:kind>", "claimed") || g.has(x, "<ng:kind>", "threatened") {
				want[x] = true
			}
		}
	}
	sameSet(t, "claims of "+actor, column(rows, "claim"), want)
	noDuplicates(t, rows)
	for _, r := range rows {
		x := cell(r, "claim")
		if cell(r, "kind") != g.one(t, x, "<ng:kind>") || cell(r, "article") != g.one(t, x, "<ng:article>") {
			t.Errorf("%s: row %v does not match the node", x, r)
		}
		g.evidenceHolds(t, r, x)
	}
	return rows
}

// checkEvents checks the rows of the events-at-place recipe: exactly the
// events located at place with a date within [from, to] (ISO strings compare
// as dates); there may be none unless nonEmpty.
func checkEvents(t *testing.T, g *seedGraph, rows []map[string]any, place, from, to string, nonEmpty bool) {
	t.Helper()
	want := map[string]bool{}
	for _, ev := range g.in[place]["<ng:location>"] {
		for _, d := range g.objs(ev, "<ng:date>") {
			if from <= d && d <= to {
				want[ev] = true
			}
		}
	}
	what := fmt.Sprintf("events at %s within [%s, %s]", place, from, to)
	if nonEmpty {
		sameSet(t, what, column(rows, "event"), want)
	} else {
		sameSetOrNone(t, what, column(rows, "event"), want)
	}
	for _, r := range rows {
		ev, d := cell(r, "event"), cell(r, "date")
		if !g.has(ev, "<ng:location>", place) || !g.isEvent(ev) {
			t.Errorf("%s is not an event at %s", ev, place)
		}
		if d < from || d > to || !g.has(ev, "<ng:date>", d) {
			t.Errorf("%s: date %q is not one of its dates %v within [%s, %s]", ev, d, g.objs(ev, "<ng:date>"), from, to)
		}
		if cell(r, "type") != g.one(t, ev, "<ng:eventType>") {
			t.Errorf("%s: type %q", ev, cell(r, "type"))
		}
		g.evidenceHolds(t, r, ev)
	}
}
