package main

import (
	"strings"
	"testing"
)

func TestREPL(t *testing.T) {
	c := seeded(t)
	in := strings.Join([]string{
		`g.V("<ng:entity/kataib-hezbollah>").`,
		`  Out("<ng:threatened>").All()`,
		`:limit 1`,
		`g.V("<ng:entity/united-states>").Both().All()`,
		`g.V(`,
		``,
		`:timeout 100ms`,
		`while (true) {}`,
		`:help`,
		`:quit`,
		`g.V().All()`,
	}, "\n") + "\n"
	out := runIn(t, c, in, "repl")
	for _, want := range []string{
		`{"id":"<ng:entity/us-military>"}`, // a query over two lines, IRIs as Gizmo writes them
		"limit 1", "(1 rows, cut at the limit of 1: :limit N raises it,",
		"error:",        // the syntax error, after the blank line ends it
		"timeout 100ms", // then the endless loop is stopped
		":limit N",      // help
	} {
		if !strings.Contains(out, want) {
			t.Errorf("repl output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "error:") != 2 {
		t.Errorf("want 2 errors (syntax, timeout):\n%s", out)
	}
	if strings.Contains(out, "(0 rows") && strings.Count(out, "rows,") > 2 {
		t.Errorf("ran input after :quit:\n%s", out)
	}
}

// TestREPLFlags: the REPL takes query's --timeout and --limit, and folds
// identical rows unless told :all. The timeout leaves the first, real
// query room on a loaded machine and on PostgreSQL; the endless loop
// still meets it.
func TestREPLFlags(t *testing.T) {
	c := seeded(t)
	in := "g.V().Has(\"<rdf:type>\", \"<ng:ArmedGroup>\").All()\ng.Emit(1); g.Emit(1)\nfor (var i = 0; i < 1e9; i++) g.Emit(1)\n:all\ng.Emit(1); g.Emit(1)\nwhile (true) {}\n"
	out := runIn(t, c, in, "repl", "--limit", "2", "--timeout", "2s")
	for _, want := range []string{
		"(2 rows, cut at the limit of 2",
		"1\n(1 rows,", "every row kept",
		"(1 rows, stopped after reading 200 rows, 100 times the limit of 2 (repeats count there): :limit N raises it, :all keeps repeats", "1\n1\n(2 rows,",
		"error: query timed out after 2s (query.timeout; --timeout raises it)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("repl --limit 2 --timeout 2s lacks %q:\n%s", want, out)
		}
	}
}
