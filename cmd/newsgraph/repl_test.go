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
		`{"id":"\u003cng:entity/us-military\u003e"}`, // a query over two lines
		"limit 1", "(1 rows,",
		"error:",        // the syntax error, after the blank line ends it
		"timeout 100ms", // then the endless loop is stopped
		":limit N",      // help
	} {
		if !strings.Contains(out, want) && !strings.Contains(out, strings.ReplaceAll(want, `\u003c`, "<")) {
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
