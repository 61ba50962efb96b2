package extract

import "testing"

// TestWordMaps holds the look-ups by word number (oneWordName, headOf,
// leadHeadOf, the border flag) to the maps they answer for, on every word of the
// embedded lexicon's vocab, every key of the maps and words outside the
// vocab, each as the tokeniser numbers it.
func TestWordMaps(t *testing.T) {
	lx := DefaultLexicon()
	if lx.wordMaps != (wordMaps{}) {
		t.Errorf("wordMaps = %+v: a key outside the vocab makes tokens of number 0 hash their text", lx.wordMaps)
	}
	words := []string{"", "sunima", "Brigades", "a b", "ministry", "zzzqx", "al-Nujaba"}
	for w := range lx.words.all() {
		words = append(words, w)
	}
	for _, m := range []map[string]string{lx.heads, lx.leadHeads} {
		for w := range m {
			words = append(words, w, w+"x")
		}
	}
	for w := range lx.byName {
		words = append(words, w)
	}
	for w := range lx.borderHeads {
		words = append(words, w, w+"s")
	}
	for _, w := range words {
		tok := token{norm: w, id: lx.words.id(w)} // as numberTokens numbers it
		if got, want := lx.oneWordName(&tok), lx.byName[w]; got != want {
			t.Errorf("oneWordName(%q) = %v, byName has %v", w, got, want)
		}
		if got, want := lx.headOf(&tok), lx.heads[w]; got != want {
			t.Errorf("headOf(%q) = %q, heads has %q", w, got, want)
		}
		if got, want := lx.leadHeadOf(&tok), lx.leadHeads[w]; got != want {
			t.Errorf("leadHeadOf(%q) = %q, leadHeads has %q", w, got, want)
		}
		if got, want := lx.byWord[tok.id].border, lx.borderHeads[w]; got != want {
			t.Errorf("byWord border of %q = %v, borderHeads has %v", w, got, want)
		}
	}
}

// TestWordGates holds byWord's facility flag, sentence gates and mention
// scans to the lists and bits they are made from, on every word of the
// embedded lexicon's vocab and words outside it, each as the tokeniser
// numbers it: a gate closed for a word a rule acts at would change its
// output.
func TestWordGates(t *testing.T) {
	lx := DefaultLexicon()
	words := []string{"", "zzzqx", "airport", "statement", "said", "according"}
	for w := range lx.words.all() {
		words = append(words, w)
	}
	for _, h := range lx.facilityHeads {
		words = append(words, h.words[0], h.words[0]+"x")
	}
	for _, w := range words {
		id := lx.words.id(w) // as numberTokens numbers it
		starts := false
		for _, h := range lx.facilityHeads {
			starts = starts || h.words[0] == w
		}
		if got := lx.byWord[id].facility; got != starts {
			t.Errorf("byWord facility of %q = %v, a facility head starts with it: %v", w, got, starts)
		}
		gates := map[uint16]bool{
			scanCollective:    lx.byWord[id].coll != 0,
			scanPlatform:      lx.platformActs.hasID(id),
			scanAgreement:     lx.agreementHeads.hasID(id),
			scanBorder:        lx.borderHeads[w],
			scanHomeForce:     lx.governmentNouns.hasID(id),
			gateStatementNoun: lx.issuedStatementNouns.hasID(id) || lx.messageNouns.hasID(id),
			gateAct:           lx.byWord[id].act != 0,
			gateOperationVerb: lx.operationVerbs.hasID(id),
			gateSpeakerTitle:  lx.describedSpeakerTitles.hasID(id),
			viewWord: lx.lossVerbs.hasID(id) || lx.governmentNouns.hasID(id) || lx.definiteGroupNouns.hasID(id) || lx.coalitionNouns.hasID(id) ||
				lx.byWord[id].coll&collBare != 0 || lx.byWord[id].head != "" || lx.descriptions[w] != "" || id == 0 && outside(lx.descriptions, &lx.words, false),
		}
		for gate, want := range gates {
			if got := lx.byWord[id].gates&gate != 0; got != want {
				t.Errorf("word %q opens gate %b: %v, its lists say %v", w, gate, got, want)
			}
		}
	}
}
