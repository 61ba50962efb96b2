package source

import (
	"strings"
	"testing"
)

func TestCredit(t *testing.T) {
	for text, want := range map[string]string{
		"ERBIL (AFP) - A drone attack targeted Harir Air Base.":         "AFP",
		"BAGHDAD (Reuters) — Rockets hit the Green Zone.":               "Reuters",
		"Rockets hit the Green Zone.\n\nvia Reuters\n":                  "Reuters",
		"Rockets hit the Green Zone.\n\n— Associated Press":             "AP",
		"Rockets hit the Green Zone, officials told Reuters on Monday.": "", // a source, not a credit
		"The Popular Mobilisation Forces (PMF) - a state body - said.":  "",
	} {
		if got := Credit(text); got != want {
			t.Errorf("Credit(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSketchNear(t *testing.T) {
	story := "ERBIL (AFP) - A drone attack targeted Harir Air Base on Sunday, officials said, causing no casualties. " +
		"The base, north of Erbil in the Kurdistan Region, hosts coalition troops. Air defences intercepted a second drone over the airfield, " +
		"a security source said, and the damage was limited to a hangar. No group has yet claimed the strike."
	copyOf := "Gulf Daily Mirror\n\n" + story + "\n\nRead more on the Gulf Daily Mirror."
	other := "Kata'ib Hezbollah attacked Harir Air Base with drones on Sunday, two Iraqi security officials said. " +
		"The officials said the drones were launched from a farm south of Mosul. A hangar was damaged and a runway was closed for several hours."
	a, _ := ParseSketch(Sketch(story))
	b, _ := ParseSketch(Sketch(copyOf))
	c, ok := ParseSketch(Sketch(other))
	if !ok || !Near(a, b) || Near(a, c) {
		t.Errorf("sketches %016x, copy %016x, other %016x: copy near %v, other near %v", a, b, c, Near(a, b), Near(a, c))
	}
	if Sketch("two words") != "" || strings.Count(Sketch(story), "") != 17 {
		t.Errorf("sketch of a short text %q, of the story %q", Sketch("two words"), Sketch(story))
	}
}
