package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// The test articles of testdata/incidents (written for the tests): one
// drone attack, its claim and denial by Kata'ib Hezbollah, and its rival
// attribution to Harakat Hezbollah al-Nujaba.
var incidentDir = filepath.Join("..", "..", "testdata", "incidents", "articles")

func TestConflictsGolden(t *testing.T) {
	c := newCLI(t)
	c.mustRun("build", seedDir, incidentDir)
	golden(t, "conflicts/all.txt", c.mustRun("conflicts"))
	// By any spelling of a name on one side.
	golden(t, "conflicts/nujaba.txt", c.mustRun("conflicts", "Harakat al-Nujaba"))
	var res struct {
		Contradictions []struct {
			Kind  string `json:"kind"`
			Sides [2]struct {
				Outlets int `json:"outlets"`
				Reports []struct {
					Evidence, Outlet string
				} `json:"reports"`
			} `json:"sides"`
		} `json:"contradictions"`
	}
	if err := json.Unmarshal([]byte(c.mustRun("conflicts", "Kataib Hezbollah", "--format", "json")), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Contradictions) != 2 {
		t.Fatalf("%d contradictions naming Kata'ib Hezbollah, want 2 (the claim and denial, the rival attribution)", len(res.Contradictions))
	}
	for _, k := range res.Contradictions {
		for _, s := range k.Sides {
			if s.Outlets < 1 || len(s.Reports) == 0 || s.Reports[0].Evidence == "" || s.Reports[0].Outlet == "" {
				t.Errorf("%s: a side without outlets or evidence: %+v", k.Kind, s)
			}
		}
	}
}
