package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/translit"
)

// TestTranslitAgrees checks that the read side, which splits names with
// translit.Split, keys every name and alias of the lexicon as the
// extractor, which splits them with its tokenizer, does: a name the
// extractor merges must be one a user can look up.
func TestTranslitAgrees(t *testing.T) {
	n := 0
	for _, e := range DefaultLexicon().byID {
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			n++
			if got, want := translit.Normalize(name), Normalize(name); got != want {
				t.Errorf("%q: translit.Normalize %q, extract.Normalize %q", name, got, want)
			}
			if got, want := translit.NameKeys(name), nameKeys(name); !slices.Equal(got, want) {
				t.Errorf("%q: translit.NameKeys %v, nameKeys %v", name, got, want)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d names in the lexicon", n)
	}
}
