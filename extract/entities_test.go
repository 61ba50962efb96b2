package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// Entities of real reporting that the lexicon or the name patterns must
// find, each as its own node. The sentences are written for these tests.

type wantEntity struct{ id, typ, mention string }

// checkEntities extracts text and reports each wanted entity that is
// missing, of another type, or found without the wanted mention.
func checkEntities(t *testing.T, text string, want []wantEntity) {
	t.Helper()
	rec := extractText(t, text)
	for _, w := range want {
		e := entityByID(rec, w.id)
		switch {
		case e == nil:
			t.Errorf("%q: no entity %s in %v", text, w.id, ids(rec))
		case e.Type != w.typ || !contains(e.Mentions, w.mention):
			t.Errorf("%q: %s is %s %v, want %s with mention %q", text, w.id, e.Type, e.Mentions, w.typ, w.mention)
		}
	}
}

// TestPartisanAndSiteNames: the partisan names Syrian state and Kurdish
// outlets give Turkey and its army, and a coalition site that reports
// name apart from the oil field beside it.
func TestPartisanAndSiteNames(t *testing.T) {
	checkEntities(t, "Shells fired by the Turkish occupation fell on farms near Tal Tamr, and the Turkish regime was blamed for the damage.",
		[]wantEntity{{"turkish-armed-forces", schema.GovernmentBody, "Turkish occupation"}, {"turkey", schema.Country, "Turkish regime"}})
	checkEntities(t, "Two drones were downed over the Green Village while a third fell near the al-Omar oil field.",
		[]wantEntity{{"green-village", schema.MilitaryBase, "Green Village"}, {"al-omar", schema.MilitaryBase, "al-Omar oil field"}})
}
