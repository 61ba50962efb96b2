package main

import (
	"strings"
	"testing"
)

func TestQuery(t *testing.T) {
	c := seeded(t)
	// Spellings other than the name are the articles': one used by two
	// articles comes twice with --all (an entity's name is stored once).
	const q = `g.V().Has("<ng:alias>", "Ain al-Assad").In("<ng:attacked>").Out("<ng:alias>").All()`
	direct := c.mustRun("query", q)
	if !strings.Contains(direct, "Islamic Resistance in Iraq") {
		t.Fatalf("query on the store: %s", direct)
	}
	all := c.mustRun("query", "--all", q)
	if strings.Count(all, `"id"`) <= strings.Count(direct, `"id"`) {
		t.Errorf("--all kept no more rows than the default:\n%s\nvs\n%s", all, direct)
	}
	// A script's own value is its result: a count, not null; a path
	// left as the last expression adds nothing.
	if out := c.mustRun("query", `g.V().Has("<ng:alias>", "Ain al-Assad").Count()`); strings.Contains(out, "null") || !strings.Contains(out, "1") {
		t.Errorf("a count: %s", out)
	}
	if out := c.mustRun("query", `g.Emit("x"); g.V()`); strings.Contains(out, "null") {
		t.Errorf("a path as the script's value made a row: %s", out)
	}
	if _, errs, code := c.run("query", "g.V("); code == 0 || errs == "" {
		t.Errorf("a syntax error: exit %d, stderr %q", code, errs)
	}
	c.env["NEWSGRAPH_QUERY_TIMEOUT"] = "200ms"
	if _, errs, code := c.run("query", "while (true) {}"); code == 0 || !strings.Contains(errs, "timed out after 200ms (query.timeout; --timeout raises it)") {
		t.Errorf("an endless query: exit %d, stderr %q", code, errs)
	}
	delete(c.env, "NEWSGRAPH_QUERY_TIMEOUT")

	// A result cut by the limit says so; one that fits does not.
	const many = `for (var i = 0; i < 1e9; i++) g.Emit(i)`
	if _, errs, _ := c.run("query", "--limit", "5", many); !strings.Contains(errs, "result cut at 5 rows (query.limit; --limit raises it)") {
		t.Errorf("a cut result: stderr %q", errs)
	}
	if _, errs, _ := c.run("query", "--limit", "2", "g.Emit(1); g.Emit(2)"); strings.Contains(errs, "cut") {
		t.Errorf("a result that fits: stderr %q", errs)
	}
	// One row repeated forever stops after 100 times the limit in rows.
	const same = `for (var i = 0; i < 1e9; i++) g.Emit(1)`
	const stopped = "stopped after reading 500 rows (100 times query.limit; --limit raises it), 1 of them distinct"
	if out, errs, code := c.run("query", "--limit", "5", same); code != 0 || !strings.Contains(errs, stopped) || strings.Count(out, "1") != 1 {
		t.Errorf("one row repeated: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// While a server holds the store, the same queries go through it.
	serving(t, c)
	if through := c.mustRun("query", q); through != direct {
		t.Errorf("query through the server differs:\n%s\nvs\n%s", through, direct)
	}
	if through := c.mustRun("query", "--all", q); through != all {
		t.Errorf("query --all through the server differs:\n%s\nvs\n%s", through, all)
	}
	if _, errs, _ := c.run("query", "--limit", "5", many); !strings.Contains(errs, "result cut at 5 rows") {
		t.Errorf("a cut result through the server: stderr %q", errs)
	}
	if _, errs, _ := c.run("query", "--limit", "5", same); !strings.Contains(errs, stopped) {
		t.Errorf("one row repeated, through the server: stderr %q", errs)
	}
}
