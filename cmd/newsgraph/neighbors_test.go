package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/names/namestest"
)

func TestNeighborsGolden(t *testing.T) {
	c := seeded(t)
	golden(t, "neighbors/kataib-hezbollah.txt", c.mustRun("neighbors", "Kata'ib Hezbollah"))
	golden(t, "neighbors/ain-al-asad-2.json", c.mustRun("neighbors", "Ayn al-Asad", "--hops", "2", "--limit", "15", "--format", "json"))
}

// TestNeighborsWithin lists the seeds' events near Erbil, nearest first:
// the attacks on bases "in Erbil" and the withdrawal from Harir, and
// nothing placed only at Iraq's centre; a name with no coordinates is an
// error that says so.
func TestNeighborsWithin(t *testing.T) {
	c := seeded(t)
	golden(t, "neighbors/erbil-within-100.txt", c.mustRun("neighbors", "Arbil", "--within", "100"))
	_, stderr, code := c.run("neighbors", "Kata'ib Hezbollah", "--within", "50")
	if code == 0 || !strings.Contains(stderr, "has no coordinates") {
		t.Errorf("--within around a militia: exit %d, %s", code, stderr)
	}
}

// TestNamesFollowTheStore: a build keeps its store's name index, which
// a one-shot command reads instead of every entity, and a build that adds
// an entity keeps it anew, so that the next command finds the entity (the
// kept index is never stale).
func TestNamesFollowTheStore(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	link := func(name string) {
		t.Helper()
		if err := os.Link(filepath.Join("..", "..", "testdata", "seeds", name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("000_7af7e780556d5353.txt")
	c.mustRun("build", dir)
	c.namesKept()
	if _, errs, code := c.run("neighbors", "Viktor Mikhin"); code == 0 || !strings.Contains(errs, "no entity") {
		t.Fatalf("Viktor Mikhin found before the article that names him: exit %d, %s", code, errs)
	}
	link("004_a6efed5ff8a300ec.txt")
	c.mustRun("build", dir)
	if ix := c.namesKept(); len(ix.Candidates("Viktor Mikhin", 1)) == 0 {
		t.Fatal("the index kept by the build that added Viktor Mikhin lacks him")
	}
	if out := c.mustRun("neighbors", "Viktor Mikhin"); !strings.Contains(out, "Viktor Mikhin") {
		t.Fatalf("neighbors after the build that added him:\n%s", out)
	}
}

// namesKept returns the name index kept with the CLI's store, failing the
// test unless it is current and the one read from the store.
func (c *cli) namesKept() *names.Index {
	c.t.Helper()
	ctx := context.Background()
	cfg := c.storeConfig()
	cfg.ReadOnly = true
	cfg, err := graph.ResolveConfig(cfg)
	if err != nil {
		c.t.Fatal(err)
	}
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		c.t.Fatal(err)
	}
	defer st.Close()
	return namestest.Kept(c.t, st)
}

// TestNeighborsWithinIncident: around Harir, the drone attack that six
// articles of testdata/incidents report is listed once, as an incident
// with its reports, and not again as six events.
func TestNeighborsWithinIncident(t *testing.T) {
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	out := c.mustRun("neighbors", "Harir Airbase", "--within", "20")
	for _, want := range []string{
		"1 incident(s) within 20 km",
		"0.0 km  Attack 2024-03-10 (day) at Harir Air Base (site): 6 article(s), 5 independent outlet(s)",
		"Baghdad Gazette",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("neighbors within 20 km of Harir lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Attack 2024-03-10"); n != 1 {
		t.Errorf("the attack of 2024-03-10 is listed %d times, want once (as its incident):\n%s", n, out)
	}
}
