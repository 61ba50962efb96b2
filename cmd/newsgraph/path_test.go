package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// seeded returns a CLI whose store holds the seed articles.
func seeded(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	c.mustRun("build", seedDir)
	return c
}

func TestPathGolden(t *testing.T) {
	c := seeded(t)
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		// A transliteration variant of the group's name.
		{"path/kataib-hizbollah-ain-al-asad.txt", []string{"path", "Kataib Hizbollah", "Ain al-Asad"}},
		{"path/kataib-hizbollah-ain-al-asad.json", []string{"path", "Kataib Hizbollah", "Ain al-Asad", "--format", "json"}},
		{"path/kataib-hizbollah-ain-al-asad.dot", []string{"path", "Kataib Hizbollah", "Ain al-Asad", "--format", "dot"}},
		{"path/via-armed-groups.txt", []string{"path", "Kataib Hizbollah", "Ain al-Asad", "--via", "ArmedGroup,Coalition", "--k", "2"}},
		// With a limit this low the seeds' most mentioned nodes are hubs:
		// the paths avoid them and the output names them.
		{"path/hub-limit.txt", []string{"path", "Kataib Hizbollah", "Ain al-Asad", "--hub-limit", "3"}},
	} {
		golden(t, tt.golden, c.mustRun(tt.args...))
	}
}

func TestPathJSONShape(t *testing.T) {
	c := seeded(t)
	out := c.mustRun("path", "Kataib Hizbollah", "Ain al-Asad", "--format", "json", "--k", "5")
	var res struct {
		Paths []struct {
			Hops []map[string]any `json:"hops"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Paths) == 0 {
		t.Fatal("no paths")
	}
	for _, p := range res.Paths {
		for _, h := range p.Hops {
			for _, k := range []string{"from", "predicate", "direction", "to", "kind", "evidence", "article"} {
				if s, _ := h[k].(string); s == "" {
					t.Errorf("hop without %s: %v", k, h)
				}
			}
		}
	}
}

func TestPathErrors(t *testing.T) {
	c := seeded(t)
	_, errs, code := c.run("path", "Kataib", "Ain al-Asad")
	if code == 0 || !strings.Contains(errs, "ambiguous") || !strings.Contains(errs, "Kata'ib Sayyid al-Shuhada") || !strings.Contains(errs, "Kata'ib Hezbollah") {
		t.Errorf("ambiguous name: exit %d, %s", code, errs)
	}
	_, errs, code = c.run("path", "Nobody At All", "Ain al-Asad")
	if code == 0 || !strings.Contains(errs, "no entity is called") {
		t.Errorf("unknown name: exit %d, %s", code, errs)
	}
	if _, errs, code = c.run("path", "Iraq", "Ain al-Asad", "--format", "xml"); code == 0 || !strings.Contains(errs, "unknown format") {
		t.Errorf("bad format: exit %d, %s", code, errs)
	}
	if _, errs, code = c.run("path", "Iraq", "Ain al-Asad", "--via", "Planet"); code == 0 || !strings.Contains(errs, "unknown type") {
		t.Errorf("bad via: exit %d, %s", code, errs)
	}
}
