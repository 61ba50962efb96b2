package extract

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph/schema"
)

// TestWordListsAreStrict: words.yaml is hand-edited, so a misspelt key, a
// missing list, a word that is not one token or a word listed twice is a
// clear error rather than a silently empty or changed list.
func TestWordListsAreStrict(t *testing.T) {
	files := embeddedLexiconFiles()
	words := string(files["words.yaml"].Data)
	for _, bad := range []struct {
		edit func(string) string
		want string
	}{
		{func(s string) string { return s + "\nmilitary_nounz: [troops]\n" }, "field military_nounz not found"},
		{func(s string) string { return strings.Replace(s, "\nspeech_verbs:", "\nunused_speech_verbs:", 1) }, "not found"},
		{func(s string) string { return strings.Replace(s, "\nstart_stop: [", "\nstart_stop: [officials, ", 1) }, `"officials" listed twice`},
		{func(s string) string { return strings.Replace(s, "\nstart_stop: [", "\nstart_stop: [two words, ", 1) }, "not one token"},
		{func(s string) string { return strings.Replace(s, "\n  attack: [", "\n  atack: [", 1) }, `unknown rule "atack"`},
		{func(s string) string { return strings.Replace(s, "\n  threat: [", "\n  threat: [truce, ", 1) }, `"truce" under both`},
	} {
		files["words.yaml"] = &fstest.MapFile{Data: []byte(bad.edit(words))}
		if _, err := LoadLexicon(files); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("err %v, want %q", err, bad.want)
		}
	}
	// A list left out is an error, not an empty list.
	files["words.yaml"] = &fstest.MapFile{Data: []byte(cutList(words, "group_words"))}
	if _, err := LoadLexicon(files); err == nil || !strings.Contains(err.Error(), "group_words missing") {
		t.Errorf("list left out: err %v", err)
	}
}

// cutList removes the list key (and its lines) from a words.yaml text.
func cutList(words, key string) string {
	lines := strings.Split(words, "\n")
	var out []string
	skip := false
	for _, l := range lines {
		if strings.HasPrefix(l, key+":") {
			skip = true
			continue
		}
		if skip && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) {
			continue
		}
		skip = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// embeddedLexiconFiles is a copy of the embedded lexicon that a test may
// edit.
func embeddedLexiconFiles() fstest.MapFS {
	files := fstest.MapFS{}
	entries, _ := lexiconFS.ReadDir("lexicon")
	for _, e := range entries {
		data, _ := lexiconFS.ReadFile("lexicon/" + e.Name())
		files[e.Name()] = &fstest.MapFile{Data: data}
	}
	return files
}

// TestWordBitsAgree: the derived one-lookup indexes say of every word
// exactly what the sets they are built from say.
func TestWordBitsAgree(t *testing.T) {
	lx := DefaultLexicon()
	for _, c := range []struct {
		name string
		bits wordBits
		sets []wordSet
	}{
		{"attributionBits", lx.attributionBits, []wordSet{lx.hearsayWords, lx.reportVerbs}},
		{"actBits", lx.actBits, []wordSet{lx.institutionalActVerbs, lx.summonVerbs, lx.voteVerbs, lx.callVerbs}},
	} {
		words := map[string]bool{}
		for _, s := range c.sets {
			for w := range s.keys {
				words[w] = true
			}
		}
		if len(c.bits) != len(words) {
			t.Errorf("%s: %d words, the sets have %d", c.name, len(c.bits), len(words))
		}
		for w := range words {
			for i, s := range c.sets {
				if got := c.bits[w]&(1<<i) != 0; got != s.has(w) {
					t.Errorf("%s: %q bit %d is %v, the set says %v", c.name, w, i, got, s.has(w))
				}
			}
		}
	}
}

// TestWordSetNumbers: a word set answers by number as it answers by word,
// for the words of every set, in it or not, and a word the lexicon does not
// know (number 0) is in no set.
func TestWordSetNumbers(t *testing.T) {
	lx := DefaultLexicon()
	if len(lx.all) < 100 {
		t.Fatalf("%d word sets listed for numbering; words.yaml has more", len(lx.all))
	}
	words := map[string]bool{}
	for _, s := range lx.all {
		for w := range s.keys {
			words[w] = true
		}
	}
	for i, s := range lx.all {
		if s.hasID(0) {
			t.Errorf("set %d holds number 0", i)
		}
		for w := range words {
			if got, want := s.hasID(lx.words.id(w)), s.has(w); got != want {
				t.Errorf("set %d, %q: by number %v, by word %v", i, w, got, want)
			}
		}
	}
}

// TestMovedListsAreData: the word lists and tables the rules once wrote
// in Go are lexicon data like the others: an edit to any of them reaches
// the compiled lexicon and changes its fingerprint, so that stored
// articles are re-extracted.
func TestMovedListsAreData(t *testing.T) {
	files := embeddedLexiconFiles()
	words := string(files["words.yaml"].Data)
	base, err := LoadLexicon(files)
	if err != nil {
		t.Fatal(err)
	}
	setHas := func(lx *Lexicon, w string) bool {
		for _, s := range lx.all {
			if s.has(w) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		list, old, new string
		reached        func(*Lexicon) bool
	}{
		{"responsibility_nouns", "[responsibility", "[zzword, responsibility", func(lx *Lexicon) bool { return lx.responsibilityNouns.has("zzword") }},
		{"date_words", "[january", "[zzword, january", func(lx *Lexicon) bool { return lx.dateWords.has("zzword") }},
		{"addressee_report_verbs", "[told", "[zzword, told", func(lx *Lexicon) bool { return setHas(lx, "zzword") }},
		{"military_adjectives", "[military", "[zzword, military", func(lx *Lexicon) bool { return lx.militaryAdjectives.has("zzword") }},
		{"abbreviations", "[dr", "[zzword, dr", func(lx *Lexicon) bool { return lx.abbreviations.has("zzword") }},
		{"sentence_starters", "[the", "[zzword, the", func(lx *Lexicon) bool { return lx.sentenceStarters.has("zzword") }},
		{"spokesperson_stems", "[spokes", "[zzword, spokes", func(lx *Lexicon) bool { return lx.spokespersonTitle("zzword") }},
		{"border_prepositions", "[on", "[zzword, on", func(lx *Lexicon) bool { return lx.borderPrepositions.has("zzword") }},
		{"side_nouns", "[side", "[zzword, side", func(lx *Lexicon) bool { return lx.sideNouns.has("zzword") }},
		{"near_words", "[near", "[zzword, near", func(lx *Lexicon) bool { return lx.nearWords.has("zzword") }},
		{"loss_reading", "[killed]", "[zzword]", func(lx *Lexicon) bool { return lx.lossReading.list[0] == "zzword" }},
		{"aux_adverbs", "[also", "[zzword, also", func(lx *Lexicon) bool { return lx.auxAdverbs.has("zzword") }},
		{"known_words", "[known", "[zzword, known", func(lx *Lexicon) bool { return lx.knownWords.has("zzword") }},
		{"naming_words", "[named", "[zzword, named", func(lx *Lexicon) bool { return lx.namingWords.has("zzword") }},
		{"boilerplate_prefixes", "[leave a reply", "[zz word, leave a reply", func(lx *Lexicon) bool {
			return slices.Contains(lx.boilerplatePrefixes, "zz word") && slices.Contains(lx.boilerplateBy['z'], "zz word")
		}},
		{"service_branches", "\n  - {branch: air force", "\n  - {branch: coast guard, service: US Navy}\n  - {branch: air force", func(lx *Lexicon) bool { return len(lx.serviceBranches) == len(base.serviceBranches)+1 }},
		{"head_phrases", "\n  MediaOutlet: [", "\n  MediaOutlet: [press service, ", func(lx *Lexicon) bool { return len(lx.headPhrases) == len(base.headPhrases)+1 }},
		{"role_offices", "\n  - {predicate: editor_of", "\n  - {predicate: leader_of, has: [chief]}\n  - {predicate: editor_of", func(lx *Lexicon) bool { return len(lx.roleOffices) == len(base.roleOffices)+1 }},
		{"known_offices", "\n  - {predicate: president_of, has: [president], not: [vice]}\n  - {predicate: minister_of, has: [minister], cabinet: true}", "\n  - {predicate: minister_of, has: [minister], cabinet: true}", func(lx *Lexicon) bool { return len(lx.knownOffices) == len(base.knownOffices)-1 }},
	} {
		t.Run(c.list, func(t *testing.T) {
			i := strings.Index(words, "\n"+c.list+":")
			if i < 0 || !strings.Contains(words[i:], c.old) {
				t.Fatalf("words.yaml has no %s holding %q", c.list, c.old)
			}
			edited := words[:i] + strings.Replace(words[i:], c.old, c.new, 1)
			files["words.yaml"] = &fstest.MapFile{Data: []byte(edited)}
			defer func() { files["words.yaml"] = &fstest.MapFile{Data: []byte(words)} }()
			lx, err := LoadLexicon(files)
			if err != nil {
				t.Fatal(err)
			}
			if !c.reached(lx) {
				t.Errorf("the edit to %s did not reach the compiled lexicon", c.list)
			}
			if lx.Fingerprint() == base.Fingerprint() {
				t.Errorf("an edit to %s leaves the fingerprint %s", c.list, lx.Fingerprint())
			}
		})
	}
	// The tables are checked as the lists are.
	for _, bad := range []struct{ old, new, want string }{
		{"{predicate: editor_of,", "{predicate: editor_off,", `unknown predicate "editor_off"`},
		{"has: [ambassador]", "has: [Ambassador]", "not a lower-case part"},
		{"head_phrases:\n  MediaOutlet: [", "head_phrases:\n  Outlet: [", `unknown type "Outlet"`},
		{"[leave a reply", "[Leave a reply", "not a lower-case text"},
		{"loss_reading: [killed]", "loss_reading: [killed, slain]", "loss_reading: want one word"},
		{"on_names: {X: Twitter}", "on_names: {X: Twittr}", `"Twittr" is not an entry`},
		{"platform_words: {Twitter:", "platform_words: {Twittr:", `"Twittr" is not an entry`},
	} {
		files["words.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(words, bad.old, bad.new, 1))}
		if _, err := LoadLexicon(files); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err %v, want %q", bad.new, err, bad.want)
		}
	}
}

// TestCountryOf holds countryOf to the lexicon's data: the entry whose
// Military names an entry is that entry's country, for the entry's
// entity, for one renamed away from its id (none), and for an unknown
// entity that goes by its id.
func TestCountryOf(t *testing.T) {
	lx := DefaultLexicon()
	country := map[string]*LexEntry{}
	for _, le := range lx.Entries {
		if le.Military != "" {
			country[schema.Slug(le.Military)] = le
		}
	}
	found := 0
	for _, le := range lx.Entries {
		e := &entity{id: le.id, lex: le}
		if got, want := lx.countryOf(e), country[le.id]; got != want {
			t.Errorf("countryOf(%s) = %v, want %v", le.id, got, want)
		}
		if country[le.id] != nil {
			found++
			other := &entity{id: "not-" + le.id, lex: le}
			if got := lx.countryOf(other); got != nil {
				t.Errorf("countryOf(%s) renamed = %v, want nil", other.id, got)
			}
			unknown := &entity{id: le.id, unknown: true}
			if got := lx.countryOf(unknown); got != country[le.id] {
				t.Errorf("countryOf(unknown %s) = %v", le.id, got)
			}
		}
	}
	if found == 0 {
		t.Fatal("no military in the lexicon")
	}
}
