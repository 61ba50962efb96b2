package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// cli runs one command line in-process with its own environment.
type cli struct {
	t   *testing.T
	env map[string]string
}

// newCLI returns a CLI with a data directory of its own and an empty store
// of its own: on bolt (the default), the store in the data directory; with
// NEWSGRAPH_TEST_BACKEND=postgres, a fresh database on the server that
// NEWSGRAPH_TEST_PG_DSN names, dropped when the test ends. A test that
// needs several commands on one graph runs them all on this CLI.
func newCLI(t *testing.T) *cli {
	t.Helper()
	c := &cli{t: t, env: map[string]string{
		"NEWSGRAPH_DATA_DIR": filepath.Join(t.TempDir(), "data"),
	}}
	if onPostgres(t) {
		dsn, drop, err := graphtest.CreateDatabase(context.Background(), os.Getenv("NEWSGRAPH_TEST_PG_DSN"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := drop(); err != nil {
				t.Errorf("dropping the test database: %v", err)
			}
		})
		c.env["NEWSGRAPH_STORE_BACKEND"] = "postgres"
		c.env["NEWSGRAPH_STORE_DSN"] = dsn
	}
	return c
}

// onPostgres reports whether the end-to-end tests run on PostgreSQL
// (NEWSGRAPH_TEST_BACKEND=postgres) instead of bolt. It fails the test
// when PostgreSQL is asked for but NEWSGRAPH_TEST_PG_DSN is not set.
func onPostgres(t *testing.T) bool {
	t.Helper()
	switch b := os.Getenv("NEWSGRAPH_TEST_BACKEND"); b {
	case "", "bolt":
		return false
	case "postgres":
		if os.Getenv("NEWSGRAPH_TEST_PG_DSN") == "" {
			t.Fatal("NEWSGRAPH_TEST_BACKEND=postgres needs NEWSGRAPH_TEST_PG_DSN (bash .ci/postgres.sh prints one)")
		}
		return true
	default:
		t.Fatalf("NEWSGRAPH_TEST_BACKEND=%q: want bolt or postgres", b)
		return false
	}
}

// boltOnly skips a test of something only the embedded store has.
func boltOnly(t *testing.T, why string) {
	t.Helper()
	if onPostgres(t) {
		t.Skip("bolt only: " + why)
	}
}

// storeConfig is the store the CLI's commands open, for tests that load
// it directly.
func (c *cli) storeConfig() graph.Config {
	if b := c.env["NEWSGRAPH_STORE_BACKEND"]; b != "" {
		return graph.Config{Backend: b, DSN: c.env["NEWSGRAPH_STORE_DSN"]}
	}
	return graph.Config{Path: filepath.Join(c.env["NEWSGRAPH_DATA_DIR"], "store")}
}

func (c *cli) run(args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb, c.environ())
	return out.String(), errb.String(), code
}

// environ is the CLI's environment in os.Environ's form.
func (c *cli) environ() []string {
	out := []string{}
	for k, v := range c.env {
		out = append(out, k+"="+v)
	}
	return out
}

// mustRun runs a command line that must succeed.
func (c *cli) mustRun(args ...string) string {
	c.t.Helper()
	out, errs, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("newsgraph %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// seedDir holds the seed articles shipped in testdata.
var seedDir = filepath.Join("..", "..", "testdata", "seeds")
