package main

import (
	"strings"
	"testing"
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
