package source

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
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

// TestMayCredit checks that Credit skips the credit-line regexp only on
// lines whose capture it could not find in wires, on random short lines of
// wire names in any case, their parts, dashes, brackets and other scripts.
func TestMayCredit(t *testing.T) {
	pieces := []string{"Reuters", "REUTERS", "reu", "ters", "AP", "ap", "a", "A", "Agence France-Presse", "via ", "Source: ",
		"— ", "(", ")", ".", " ", "xinhua", "IANS", "\u212a", "é", "Tasnim", "capital", "aa"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		line := ""
		for range rng.IntN(6) {
			line += pieces[rng.IntN(len(pieces))]
		}
		if len(line) > 40 || mayCredit(line) {
			continue
		}
		if m := creditLine.FindStringSubmatch(line); m != nil && wires[strings.ToLower(strings.TrimSpace(m[1]))] != "" {
			t.Errorf("mayCredit(%q) = false, and the line credits %q", line, m[1])
		}
	}
}

// referenceDatelineCredit is datelineCredit as first written, searched
// over the whole text.
var referenceDatelineCredit = regexp.MustCompile(`(?m)^(?:[\p{Lu}][\p{Lu}\p{L} ,.'-]{0,40})?\(([^()\n]{2,40})\)\s*[-–—:]`)

// TestDatelineCreditsAsReference checks datelineCredits against a search
// of the whole text with referenceDatelineCredit, on the project's test
// articles and on random texts of lines, brackets, credits and dashes.
func TestDatelineCreditsAsReference(t *testing.T) {
	texts := testArticles(t)
	pieces := []string{"ERBIL", "Baghdad", "(", ")", "(AFP)", "(Reuters)", "AFP", "al-Asad", "ΣΟΦΙΑ", "قاعدة", "\xff", " ", "  ", "\n", "\n\n", "-", "—", ":", ", ", ".", "x", strings.Repeat("Y", 45)}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 2000 {
		var b strings.Builder
		for range rng.IntN(2 + n/20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		var want []string
		for _, m := range referenceDatelineCredit.FindAllStringSubmatch(text, -1) {
			want = append(want, m[1])
		}
		if got := slices.Collect(datelineCredits(text)); !slices.Equal(got, want) {
			t.Errorf("datelineCredits = %q, reference %q, for %q", got, want, text)
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

// referenceSketch is Sketch as first written: strings.FieldsFunc over
// strings.ToLower, the trigram's string hashed, and a count per bit.
func referenceSketch(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 3 {
		return ""
	}
	var ones [64]int
	n := 0
	for i := 0; i+3 <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(words[i] + " " + words[i+1] + " " + words[i+2]))
		sum := h.Sum64()
		for b := range ones {
			if sum&(1<<b) != 0 {
				ones[b]++
			}
		}
		n++
	}
	var sketch uint64
	for b, o := range ones {
		if 2*o > n {
			sketch |= 1 << b
		}
	}
	return fmt.Sprintf("%016x", sketch)
}

// testArticles are the texts of the project's test articles.
func testArticles(t *testing.T) []string {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "*.txt"))
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 10 {
		t.Fatalf("%d test articles found; want the testdata articles", len(texts))
	}
	return texts
}

// TestSketchAsReference checks Sketch against referenceSketch on the
// project's test articles and on random texts of every length up to
// thousands of words, with upper-case letters of other scripts, digits,
// marks, symbols and invalid UTF-8.
func TestSketchAsReference(t *testing.T) {
	texts := testArticles(t)
	// One trigram over and over: every count runs past a byte-wide lane.
	texts = append(texts, strings.Repeat("rocket ", 1000), strings.Repeat("rocket ", 257))
	pieces := []string{"Erbil", "AIN", "al-Asad", "Kata'ib", "2,500", "Şarku’l", "İstanbul", "ΣΟΦΙΑ", "قاعدة", "\xff", "\xe2\x80", "Ⓐ", "x̃", "�", " ", "\n", ". ", "—", "DŽ", "ǅ", "K"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var b strings.Builder
		for range rng.IntN(10 * (n + 1)) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		if got, want := Sketch(text), referenceSketch(text); got != want {
			t.Errorf("Sketch = %q, reference %q, for %.80q", got, want, text)
		}
	}
}
