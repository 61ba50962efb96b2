package extract

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A border named by one side is the border between that side and the
// country the sentence or the article is in.
func TestBordersNamedByOneSide(t *testing.T) {
	for _, c := range []struct {
		text, want string // want: the border entity's id, "" for none
	}{
		// A place the sentence names says which side the article is on.
		{"Militia convoys gathered in Albu Kamal, close to the Iraqi border.", "iraqi-syrian-border"},
		{"Turkish jets struck caves in Qandil near the Iranian border.", "iraqi-iranian-border"},
		// "with" and "of" name the side after the noun.
		{"The town of Qaim sits on the border with Syria.", "iraqi-syrian-border"},
		// With no place, the country the article names most often.
		{"Syria said its troops were on alert. Syria closed the crossings and sent troops to the Turkish border.", "syrian-turkish-border"},
		// A border the lexicon does not know, and a noun no country names.
		{"Officials in Baghdad spoke of the Kuwaiti border.", ""},
		{"Syria reinforced the border last week.", ""},
	} {
		rec := extractText(t, c.text)
		got := ""
		for _, e := range rec.Entities {
			if strings.HasSuffix(e.ID, "-border") {
				got = e.ID
			}
		}
		if got != c.want {
			t.Errorf("%q: border %q, want %q", c.text, got, c.want)
		}
	}
}

func TestBordersBetweenIsChecked(t *testing.T) {
	for _, c := range []struct{ yaml, err string }{
		{"- {name: Nowhere border, type: Place, between: [Iraq]}\n", "not two"},
		{"- {name: Nowhere border, type: Place, between: [Iraq, Atlantis]}\n", "no country"},
		{"- {name: Nowhere border, type: Place, between: [Iraq, Baghdad]}\n", "no country"},
	} {
		fsys := fstest.MapFS{
			"countries.yaml": {Data: []byte("- {name: Iraq, type: Country}\n- {name: Baghdad, type: Place}\n")},
			"places.yaml":    {Data: []byte(c.yaml)},
		}
		_, err := LoadLexicon(fsys)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want one saying %q", c.yaml, err, c.err)
		}
	}
}
