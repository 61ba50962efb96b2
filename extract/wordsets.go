package extract

import (
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/schema"
)

// The closed word lists the rules read — nouns of a kind, verbs of a kind,
// the trigger words of the rules — live in lexicon/words.yaml, so that a
// domain expert edits them without touching Go. Each list is compiled at
// load time into a wordSet keyed as the tokeniser keys words (wordKey).

// wordSet is a closed list of words, keyed by the exact key a token of the
// word has.
type wordSet map[string]bool

// has reports whether w, an exact key, is in the set.
func (s wordSet) has(w string) bool { return s[w] }

// wordSets are the compiled word lists of words.yaml (besides given names,
// titles and heads, which Lexicon holds itself).
type wordSets struct {
	capStop        wordSet           // capitalised words that never start or continue a name
	startStop      wordSet           // nouns that open sentences but never start a name
	nameConnectors wordSet           // lower-case words inside a name
	groupWords     wordSet           // words before a quoted name that make it an armed group
	mediaWords     wordSet           // words before a quoted name that make it a media outlet
	speechVerbs    wordSet           // verbs after a bare name that make it a person
	genericWords   wordSet           // words that describe without naming
	placesBefore   wordSet           // "the town of X"
	headsAfter     map[string]string // lower-case head after a name -> its type

	reportVerbs    wordSet // verbs that introduce attributed content
	looseVerbs     wordSet // report verbs only when the speech is next to them
	plainReport    wordSet // report verbs that only attribute, never a Statement
	unnamedSources wordSet // nouns of anonymous attribution
	groupNouns     wordSet // "the militia": the last armed group
	personNouns    wordSet // "the official": the last person
	adverbs        wordSet // adverbs and auxiliaries between a subject and its verb
	auxVerbs       wordSet // "was forced to", "began": verbs before the action's verb

	militaryNouns    wordSet // "American troops": the country's armed forces
	skippable        wordSet // words between a trigger and its argument
	attackAdjectives wordSet // words between an attacker and the attack noun
	genericTargets   wordSet // nouns for what was hit, not who
	placeWords       wordSet // "the city center of": a part of a place
}

// setSpec ties a list of words.yaml to the set it compiles into.
type setSpec struct {
	name string // the key in words.yaml
	src  []string
	dst  *wordSet
}

// compile compiles the word lists of words.yaml. Every list must be
// there: a lexicon directory of one's own copies the whole file.
func (ws *wordSets) compile(w *wordLists) error {
	for _, s := range []setSpec{
		{"cap_stop", w.CapStop, &ws.capStop},
		{"start_stop", w.StartStop, &ws.startStop},
		{"name_connectors", w.NameConnectors, &ws.nameConnectors},
		{"group_words", w.GroupWords, &ws.groupWords},
		{"media_words", w.MediaWords, &ws.mediaWords},
		{"speech_verbs", w.SpeechVerbs, &ws.speechVerbs},
		{"generic_words", w.GenericWords, &ws.genericWords},
		{"places_before", w.PlacesBefore, &ws.placesBefore},
		{"report_verbs", w.ReportVerbs, &ws.reportVerbs},
		{"loose_verbs", w.LooseVerbs, &ws.looseVerbs},
		{"plain_report", w.PlainReport, &ws.plainReport},
		{"unnamed_sources", w.UnnamedSources, &ws.unnamedSources},
		{"group_nouns", w.GroupNouns, &ws.groupNouns},
		{"person_nouns", w.PersonNouns, &ws.personNouns},
		{"adverbs", w.Adverbs, &ws.adverbs},
		{"aux_verbs", w.AuxVerbs, &ws.auxVerbs},
		{"military_nouns", w.MilitaryNouns, &ws.militaryNouns},
		{"skippable", w.Skippable, &ws.skippable},
		{"attack_adjectives", w.AttackAdjs, &ws.attackAdjectives},
		{"generic_targets", w.GenericTargets, &ws.genericTargets},
		{"place_words", w.PlaceWords, &ws.placeWords},
	} {
		set, err := compileSet(s.name, s.src)
		if err != nil {
			return err
		}
		*s.dst = set
	}
	var err error
	if ws.headsAfter, err = compileTyped("heads_after", w.HeadsAfter); err != nil {
		return err
	}
	return nil
}

// compileSet compiles one list. A word must be one token; a word listed
// twice is an error (a sign of a hand-editing slip).
func compileSet(name string, words []string) (wordSet, error) {
	if words == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	set := make(wordSet, len(words))
	for _, w := range words {
		key, err := wordKey(w)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if set[key] {
			return nil, fmt.Errorf("%s: %q listed twice", name, w)
		}
		set[key] = true
	}
	return set, nil
}

// compileTyped compiles lists of words by entity type into word -> type.
func compileTyped(name string, byType map[string][]string) (map[string]string, error) {
	if byType == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	out := map[string]string{}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		if !schema.IsEntityType(t) {
			return nil, fmt.Errorf("%s: unknown type %q", name, t)
		}
		for _, w := range byType[t] {
			key, err := wordKey(w)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if prev, dup := out[key]; dup {
				return nil, fmt.Errorf("%s: %q listed under %s and %s", name, w, prev, t)
			}
			out[key] = t
		}
	}
	return out, nil
}

// militaryNouns is military_nouns of the embedded lexicon, for the one
// rule body not yet reading its lexicon's list (withdrawal, being
// rewritten elsewhere). TODO: make it read v.d.lx.militaryNouns, then
// delete this.
var militaryNouns = defaultLexicon.militaryNouns
