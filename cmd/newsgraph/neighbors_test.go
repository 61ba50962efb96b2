package main

import "testing"

func TestNeighborsGolden(t *testing.T) {
	c := seeded(t)
	golden(t, "neighbors/kataib-hezbollah.txt", c.mustRun("neighbors", "Kata'ib Hezbollah"))
	golden(t, "neighbors/ain-al-asad-2.json", c.mustRun("neighbors", "Ayn al-Asad", "--hops", "2", "--limit", "15", "--format", "json"))
}
