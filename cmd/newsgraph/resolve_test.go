package main

import (
	"strings"
	"testing"
)

// TestOneResolver runs every command that takes a name with the same
// names: a transliterated one ("Kataib Hizbollah", "Ain al Asad") works in
// all of them, an ambiguous one lists its candidates in all of them, and
// an unknown one fails in all of them the same way.
func TestOneResolver(t *testing.T) {
	c := seeded(t)
	commands := []struct {
		name string
		args func(from, to string) []string
	}{
		{"path", func(f, to string) []string { return []string{"path", f, to, "--k", "1"} }},
		{"neighbors", func(f, _ string) []string { return []string{"neighbors", f} }},
		{"timeline", func(f, _ string) []string { return []string{"timeline", f} }},
		{"export --around", func(f, _ string) []string { return []string{"export", "--format", "jsonl", "--around", f} }},
		{"export --path", func(f, to string) []string { return []string{"export", "--format", "jsonl", "--path", f, to} }},
	}
	names := []struct {
		name, from, to string
		want           []string // in the output, or in the error when fail
		fail           bool
	}{
		{"transliterated", "Kataib Hizbollah", "Ain al Asad", nil, false},
		{"ambiguous", "Kataib", "Ain al Asad", []string{"ambiguous", "Kata'ib Hezbollah", "Kata'ib Sayyid al-Shuhada"}, true},
		{"unknown", "Nobody At All", "Ain al Asad", []string{`no entity is called "Nobody At All"`}, true},
	}
	for _, cmd := range commands {
		for _, n := range names {
			t.Run(cmd.name+"/"+n.name, func(t *testing.T) {
				out, errs, code := c.run(cmd.args(n.from, n.to)...)
				if (code != 0) != n.fail {
					t.Fatalf("exit %d, want failure %v\nstdout: %.300s\nstderr: %s", code, n.fail, out, errs)
				}
				got := out
				if n.fail {
					got = errs
				} else if !strings.Contains(out, "kataib-hezbollah") && !strings.Contains(out, "Kata'ib Hezbollah") {
					t.Errorf("the output does not name Kata'ib Hezbollah: %.300s", out)
				}
				for _, w := range n.want {
					if !strings.Contains(got, w) {
						t.Errorf("%q missing from %s", w, got)
					}
				}
			})
		}
	}
}
