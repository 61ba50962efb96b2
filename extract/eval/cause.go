package eval

import (
	"sort"
	"strings"
)

// Causes of a miss or a false hit. They are read off the gold and the
// record, not off the extractor's internals, so they hold for any
// extractor; each item gets the first cause that fits, in this order.
const (
	// CauseEntity: an argument the gold names is not among the entities the
	// extractor found in the article (for a false hit: an argument maps to
	// no gold entity).
	CauseEntity = "entity not recognised"
	// CauseCoref: the evidence sentence names an argument only by a
	// pronoun or a description ("the base", "the group", "it"), or not at
	// all ("a U.S. drone strike" for the US military).
	CauseCoref = "coreference or implicit"
	// CauseInverted: the extractor has the two arguments the other way
	// round (the host of a base made its attacker).
	CauseInverted = "role inverted"
	// CauseArgument: the extractor has the relation or event from the same
	// trigger with one argument right and the other wrong.
	CauseArgument = "argument attached wrongly"
	// CauseLabel: the right arguments under another predicate or event type.
	CauseLabel = "predicate or event type"
	// CauseTrigger: nothing of the kind was extracted: the trigger or its
	// frame is unknown.
	CauseTrigger = "unknown trigger or frame"
	// CauseSpurious: a false hit with no gold counterpart at all.
	CauseSpurious = "no gold counterpart"
)

// Causes counts misses and false hits by cause, plus the matched items
// whose claim kind or date differs from the gold's.
type Causes struct {
	MissedFacts  map[string]int `json:"missed_facts"`
	FalseFacts   map[string]int `json:"false_facts"`
	MissedEvents map[string]int `json:"missed_events"`
	FalseEvents  map[string]int `json:"false_events"`
	WrongKind    int            `json:"wrong_kind"` // matched facts with another claim kind
	WrongDate    int            `json:"wrong_date"` // matched events whose date is not the gold's (gold dates only)
}

func newCauses() Causes {
	return Causes{MissedFacts: map[string]int{}, FalseFacts: map[string]int{},
		MissedEvents: map[string]int{}, FalseEvents: map[string]int{}}
}

// CauseNames lists the causes in the order the report prints them.
var CauseNames = []string{CauseEntity, CauseCoref, CauseInverted, CauseArgument, CauseLabel, CauseTrigger, CauseSpurious}

// articleView is what classifying needs of one scored article.
type articleView struct {
	text    string              // the article, if known: evidence is widened to its sentence
	found   map[string]bool     // gold entities some system entity of the article matches
	aliases map[string][]string // gold id -> normalised aliases and name
	sysFact []mappedFact        // system facts, arguments mapped to gold ids
	sysEv   []mappedEvent       // system events, arguments mapped to gold ids
	gFacts  []mappedFact        // gold facts of the article
	gEvents []mappedEvent       // gold events of the article
}

type mappedFact struct{ s, p, o string }

type mappedEvent struct{ typ, agent, target string }

// named reports whether the sentence of the evidence names gold entity id
// by one of its aliases, as whole words; hyphens separate words here, so
// that "Iran-aligned" names Iran.
func (v *articleView) named(id, evidence string) bool {
	ev := unhyphen(Norm(v.sentence(evidence)))
	for _, a := range v.aliases[id] {
		if containsWords(ev, unhyphen(a)) {
			return true
		}
	}
	return false
}

func unhyphen(s string) string { return strings.ReplaceAll(s, "-", " ") }

// sentence widens evidence to the sentence of the article around it, when
// the text is known and holds the evidence verbatim.
func (v *articleView) sentence(evidence string) string {
	i := strings.Index(v.text, evidence)
	if i < 0 || evidence == "" {
		return evidence
	}
	start := i
	for start > 0 && !sentenceEnd(v.text, start-1) {
		start--
	}
	end := i + len(evidence)
	for end < len(v.text) && !sentenceEnd(v.text, end) {
		end++
	}
	return v.text[start:end]
}

// sentenceEnd reports whether the byte at i of text ends a sentence: a
// newline, "!", "?", or a full stop that no initial or abbreviation makes
// part of a name ("U.S. forces", "Lt. Gen. X") and no lower-case word
// continues.
func sentenceEnd(text string, i int) bool {
	switch text[i] {
	case '\n', '!', '?':
		return true
	case '.':
	default:
		return false
	}
	w := i // the word the full stop ends
	for w > 0 && isASCIILetter(text[w-1]) {
		w--
	}
	if n := i - w; n >= 1 && n <= 3 && text[w] >= 'A' && text[w] <= 'Z' {
		return false // "U.S.", "Gen.", "Lt."
	}
	if i+1 < len(text) && !strings.ContainsRune(" \n\"')", rune(text[i+1])) && text[i+1] < 0x80 {
		return false // "3.5", "news.com"
	}
	j := i + 1
	for j < len(text) && text[j] == ' ' {
		j++
	}
	return j >= len(text) || !(text[j] >= 'a' && text[j] <= 'z')
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// missedFact classifies a gold fact no system fact matched.
func (v *articleView) missedFact(f *GoldFact) string {
	switch {
	case !v.found[f.S] || !v.found[f.O]:
		return CauseEntity
	case f.Evidence != "" && (!v.named(f.S, f.Evidence) || !v.named(f.O, f.Evidence)):
		return CauseCoref
	}
	return v.factNeighbour(mappedFact{f.S, f.P, f.O}, v.sysFact)
}

// falseFact classifies a system fact that matched no gold fact.
func (v *articleView) falseFact(f mappedFact) string {
	if f.s == "" || f.o == "" {
		return CauseEntity
	}
	if c := v.factNeighbour(f, v.gFacts); c != CauseTrigger {
		return c
	}
	return CauseSpurious
}

// factNeighbour finds the nearest fact to f among others: inverted,
// one argument off, or the right pair under another predicate.
func (v *articleView) factNeighbour(f mappedFact, others []mappedFact) string {
	cause := CauseTrigger
	for _, g := range others {
		switch {
		case g.p == f.p && g.s == f.o && g.o == f.s:
			return CauseInverted
		case g.p == f.p && (g.s == f.s) != (g.o == f.o):
			cause = CauseArgument
		case g.p != f.p && g.s == f.s && g.o == f.o && cause == CauseTrigger:
			cause = CauseLabel
		}
	}
	return cause
}

// missedEvent classifies a gold event no system event matched.
func (v *articleView) missedEvent(e *GoldEvent) string {
	switch {
	case e.Agent != "" && !v.found[e.Agent], e.Target != "" && v.aliases[e.Target] != nil && !v.found[e.Target]:
		return CauseEntity
	case e.Evidence != "" && e.Agent != "" && !v.named(e.Agent, e.Evidence):
		return CauseCoref
	}
	return v.eventNeighbour(mappedEvent{e.Type, e.Agent, e.Target}, v.sysEv)
}

// falseEvent classifies a system event that matched no gold event.
func (v *articleView) falseEvent(e mappedEvent, rawAgent, rawTarget string) string {
	if rawAgent != "" && e.agent == "" || rawTarget != "" && e.target == "" {
		return CauseEntity
	}
	if c := v.eventNeighbour(e, v.gEvents); c != CauseTrigger {
		return c
	}
	return CauseSpurious
}

func (v *articleView) eventNeighbour(e mappedEvent, others []mappedEvent) string {
	cause := CauseTrigger
	for _, g := range others {
		switch {
		case g.typ == e.typ && e.agent != "" && g.agent == e.target && g.target == e.agent:
			return CauseInverted
		case g.typ == e.typ && (g.agent == e.agent || g.target == e.target && e.target != ""):
			cause = CauseArgument
		case g.typ != e.typ && g.agent == e.agent && g.target == e.target && cause == CauseTrigger:
			cause = CauseLabel
		}
	}
	return cause
}

// sortedCauses returns the causes of m in CauseNames order, then any other.
func sortedCauses(m map[string]int) []string {
	rank := map[string]int{}
	for i, c := range CauseNames {
		rank[c] = i
	}
	var out []string
	for c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return rank[out[i]] < rank[out[j]] })
	return out
}

// dateAgrees reports whether a system date agrees with a gold one. A gold
// date may be partial (2024, 2024-01) or yearless (--01-20): the system
// date agrees when it says the same as far as the gold does.
func dateAgrees(sys, gold string) bool {
	if gold == "" {
		return true
	}
	if len(gold) > 2 && gold[:2] == "--" {
		return len(sys) >= len(gold)-2+5 && sys[5:5+len(gold)-2] == gold[2:] || sys == gold
	}
	return len(sys) >= len(gold) && sys[:len(gold)] == gold
}
