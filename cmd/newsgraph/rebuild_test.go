package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rbCorpus copies testdata/rebuild/corpus into a temporary directory the
// test may change.
func rbCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(filepath.Join("testdata", "rebuild", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata", "rebuild", "corpus", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var (
	rbTime  = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^ ,\n]*`)
	rbTook  = regexp.MustCompile(`(time +|in )[0-9.]+(ms|s|µs|m[0-9.]+s)`)
	rbQuads = regexp.MustCompile(`(quads +)\d+`)
)

// rbNormal makes rebuild and status output stable: temporary paths,
// times, durations and quad counts (checked separately) are replaced.
func rbNormal(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "$CORPUS")
	s = rbTime.ReplaceAllString(s, "$$TIME")
	s = rbTook.ReplaceAllString(s, "${1}$$DURATION")
	return rbQuads.ReplaceAllString(s, "${1}$$N")
}

// rbSummary runs rebuild --format json and decodes its summary.
func rbSummary(c *cli, args ...string) map[string]any {
	c.t.Helper()
	out := c.mustRun(append([]string{"rebuild", "--format", "json"}, args...)...)
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		c.t.Fatalf("rebuild --format json printed %q: %v", out, err)
	}
	return m
}

// rbNodeCount counts the nodes of the live store with a Gizmo query.
func rbNodeCount(c *cli) float64 {
	c.t.Helper()
	var res struct{ Result []float64 }
	out := c.mustRun("query", `g.Emit(g.V().Count())`)
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Result) != 1 {
		c.t.Fatalf("query printed %q: %v", out, err)
	}
	return res.Result[0]
}

// rbQuadsExported counts the quads of the store in an N-Quads export.
func rbQuadsExported(c *cli) float64 {
	c.t.Helper()
	return float64(strings.Count(c.mustRun("export", "--format", "nquads"), "\n"))
}

// TestRebuildCommand runs rebuild, status and rollback on one store: on
// bolt a generation per rebuild, on PostgreSQL in place (no generations,
// so rollback refuses).
func TestRebuildCommand(t *testing.T) {
	c := newCLI(t)
	pg := onPostgres(t)
	dir := rbCorpus(t)
	// Goldens that differ by backend: generations on bolt, none on PostgreSQL.
	backendGolden := func(name string) string {
		if pg {
			return strings.TrimSuffix(name, ".golden") + "-postgres.golden"
		}
		return name
	}

	sum := rbSummary(c, "--source", dir)
	for _, k := range []string{"added", "changed", "removed", "unchanged", "failed", "quads", "seconds"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("json summary lacks %q: %v", k, sum)
		}
	}
	wantGen, wantMode := "gen-000001", "incremental"
	if pg {
		wantGen, wantMode = "", "in-place"
	}
	if gen, _ := sum["generation"].(string); sum["added"] != 4.0 || sum["failed"] != 0.0 || gen != wantGen || sum["mode"] != wantMode || sum["quads"].(float64) <= 0 {
		t.Fatalf("first rebuild: %v", sum)
	}
	firstQuads := sum["quads"].(float64)
	if n := rbQuadsExported(c); n != firstQuads {
		t.Errorf("the rebuild reports %v quads; the store exports %v", firstQuads, n)
	}
	firstNodes := rbNodeCount(c)
	if firstNodes <= 0 {
		t.Errorf("query on the live generation counts %v nodes", firstNodes)
	}

	// One article changed, one removed, one unreadable.
	changed, err := os.ReadFile(filepath.Join("testdata", "rebuild", "changed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "000001.txt"), changed, 0o644)
	os.Remove(filepath.Join(dir, "000002.txt"))
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("\x00\x00binary\x00"), 0o644)
	out := c.mustRun("rebuild", "--source", dir)
	golden(t, backendGolden("rebuild/second.golden"), rbNormal(out, dir))
	secondNodes := rbNodeCount(c)

	status := c.mustRun("status")
	golden(t, backendGolden("status/after-second.golden"), rbNormal(status, dir))
	var st struct {
		Running    bool
		Generation string
		LastRun    struct {
			OK                      bool
			Added, Changed, Removed int
			Unchanged, Failed       int
			Errors                  []string
			Seconds                 float64
			Quads                   float64
		} `json:"last_run"`
	}
	if err := json.Unmarshal([]byte(c.mustRun("status", "--format", "json")), &st); err != nil {
		t.Fatal(err)
	}
	wantGen = "gen-000002"
	if pg {
		wantGen = ""
	}
	if st.Running || st.Generation != wantGen || !st.LastRun.OK || st.LastRun.Changed != 1 || st.LastRun.Removed != 1 ||
		st.LastRun.Unchanged != 2 || st.LastRun.Failed != 1 || len(st.LastRun.Errors) != 1 || st.LastRun.Seconds <= 0 {
		t.Errorf("status --format json: %+v", st)
	}
	if n := rbQuadsExported(c); st.LastRun.Quads != n {
		t.Errorf("status reports %v quads; the store exports %v", st.LastRun.Quads, n)
	}

	if pg {
		// No generations: rollback says so, and a full rebuild re-extracts
		// everything in place into the same graph.
		if _, errs, code := c.run("rollback"); code == 0 || !strings.Contains(errs, "rollback needs generations, which the postgres backend does not have; see docs/operations.md") {
			t.Errorf("rollback on PostgreSQL: exit %d, %q", code, errs)
		}
		sum = rbSummary(c, "--source", dir, "--full")
		if sum["mode"] != "in-place-full" || sum["generation"] != nil || sum["changed"] != 3.0 || sum["failed"] != 1.0 {
			t.Errorf("full rebuild in place: %v", sum)
		}
		if n := rbNodeCount(c); n != secondNodes {
			t.Errorf("after a full rebuild of the same articles the graph has %v nodes, want %v", n, secondNodes)
		}
		if n := rbQuadsExported(c); sum["quads"] != n {
			t.Errorf("the full rebuild reports %v quads; the store exports %v", sum["quads"], n)
		}
		return
	}

	// Rollback returns to the first generation's graph; so does a rollback
	// after a full rebuild.
	if out := c.mustRun("rollback"); out != "rolled back from gen-000002 to gen-000001\n" {
		t.Errorf("rollback printed %q", out)
	}
	if n := rbNodeCount(c); n != firstNodes {
		t.Errorf("after rollback the graph has %v nodes, want the first generation's %v", n, firstNodes)
	}
	sum = rbSummary(c, "--source", dir, "--full")
	if sum["mode"] != "full" || sum["generation"] != "gen-000003" || sum["changed"] != 3.0 || sum["removed"] != 1.0 {
		t.Errorf("full rebuild after rollback: %v", sum)
	}
	if n := rbNodeCount(c); n != secondNodes {
		t.Errorf("after a full rebuild of the second articles the graph has %v nodes, want %v", n, secondNodes)
	}
	if out := c.mustRun("rollback"); out != "rolled back from gen-000003 to gen-000001\n" {
		t.Errorf("rollback after a full rebuild printed %q", out)
	}
	if _, errs, code := c.run("rollback"); code == 0 || !strings.Contains(errs, "no earlier generation") {
		t.Errorf("rollback past the first generation: exit %d, %q", code, errs)
	}
}

func TestRebuildErrors(t *testing.T) {
	c := newCLI(t)
	noRollback := "holds no generations"
	if onPostgres(t) {
		noRollback = "rollback needs generations, which the postgres backend does not have; see docs/operations.md"
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"rebuild"}, "no sources"},
		{[]string{"rebuild", "--source", ".", "--format", "xml"}, "--format must be text or json"},
		{[]string{"rebuild", "--source", ".", "--backend", "memory"}, "keeps nothing"},
		{[]string{"rollback"}, noRollback},
		{[]string{"status", "--format", "yaml"}, "--format must be text or json"},
	} {
		_, errs, code := c.run(tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("newsgraph %s: exit %d, stderr %q; want an error containing %q", strings.Join(tt.args, " "), code, errs, tt.want)
		}
	}
	if out := c.mustRun("status"); !strings.Contains(out, "last run    never") {
		t.Errorf("status before any rebuild: %q", out)
	}
}
