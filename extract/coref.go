package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Definite descriptions that refer back: "the base" after Ain al-Asad was
// named is Ain al-Asad, so "the base hosts U.S. troops" is a fact about
// it. Which nouns refer back to which type is data (descriptions in
// frames.yaml); the engine takes the latest entity of that type the
// article named within the last few sentences.

// corefReach is how many sentences back a description may reach.
const corefReach = 2

// headReach is how far back a name's own head word reaches ("the dam"
// for the Tishreen Dam named four sentences before): the head names one
// entity, where a type's noun ("the base") could be any of several.
const headReach = 4

// compileDescriptions checks and inverts the descriptions section: noun ->
// entity type.
func compileDescriptions(byType map[string][]string) (map[string]string, error) {
	out := map[string]string{}
	for typ, nouns := range byType {
		if !schema.IsEntityType(typ) && typ != militaryType {
			return nil, fmt.Errorf("descriptions: unknown type %q", typ)
		}
		for _, n := range nouns {
			key, err := wordKey(n)
			if err != nil {
				return nil, fmt.Errorf("descriptions: %w", err)
			}
			out[key] = typ
		}
	}
	return out, nil
}

// described returns what "the <noun>" at token i refers back to, or nil:
// the latest entity of the noun's type named in this sentence or the
// corefReach before it. "The base of the brigade" and "the city of Mosul"
// name, they do not refer back.
func (d *doc) described(w string, i int, v *view) *entity {
	if len(v.it) == 0 {
		return nil
	}
	if det := v.it[len(v.it)-1].w; det != "the" && det != "these" && det != "those" {
		return nil // before the look-up: the view asks for every word
	}
	if n := i + 1; n < len(d.toks) && (d.toks[n].norm == "of" || d.toks[n].cap) {
		return nil
	}
	typ := d.lx.descriptions[w]
	if n := i + 1; typ != "" && n < len(d.toks) && d.lx.descriptions[d.toks[n].norm] == typ {
		return nil // "the militia group": the last noun is the head
	}
	if h := d.lx.heads[w]; typ == "" && v.it[len(v.it)-1].w == "the" && h != "" && h != schema.ArmedGroup {
		// "the committee": the Coordination Committee; "the airport":
		// Baghdad International Airport. Groups have their own
		// descriptions ("the group", "the resistance").
		return d.namedByHead(w, i, v.s.idx)
	}
	if typ == "" || typ != militaryType && v.it[len(v.it)-1].w != "the" {
		return nil // "these troops", but not "these bases": they list
	}
	sent := v.s.idx
	j := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].first >= i })
	for j--; j >= 0 && d.ments[j].sent >= sent-corefReach; j-- {
		if e := d.ments[j].ent; e.typ == typ || typ == militaryType && d.lx.isMilitary(e) {
			return e
		}
	}
	if le := d.lx.descriptionDefaults[w]; le != nil {
		// The article mentions it by this noun alone: the noun is its
		// surface here.
		e := d.virtual(le)
		if surface := d.span(i, i+1); !slices.Contains(e.surfaces, surface) {
			e.surfaces = append(e.surfaces, surface)
		}
		return e
	}
	return nil
}

// namedByHead returns the latest entity named in this sentence or the
// headReach before it whose name ends with the head word w ("the
// committee" after "the Iraqi Resistance Coordination Committee", "the
// ministry" after "the Turkish Defense Ministry"), or nil. The head
// words are those that type names (heads in words.yaml).
func (d *doc) namedByHead(w string, i, sent int) *entity {
	j := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].first >= i })
	for j--; j >= 0 && d.ments[j].sent >= sent-headReach; j-- {
		m := d.ments[j]
		if m.last > m.first+1 && (d.toks[m.last-1].norm == w || d.leadingHead(m, w)) {
			return m.ent
		}
	}
	return nil
}

// leadingHead reports a mention whose name opens with the head word w
// before "of": "the ministry" after "Turkey's Ministry of National
// Defense".
func (d *doc) leadingHead(m *mention, w string) bool {
	for k := m.first; k+1 < m.last; k++ {
		if d.toks[k].norm == w && d.toks[k+1].norm == "of" {
			return true
		}
	}
	return false
}

// compileDescriptionDefaults resolves description_defaults against the
// lexicon: each noun must be a description of the entry's type.
func compileDescriptionDefaults(defaults map[string]string, descriptions map[string]string, lookup func(string) *LexEntry) (map[string]*LexEntry, error) {
	out := map[string]*LexEntry{}
	for noun, name := range defaults {
		key, err := wordKey(noun)
		if err != nil {
			return nil, fmt.Errorf("description_defaults: %w", err)
		}
		le := lookup(name)
		switch {
		case le == nil:
			return nil, fmt.Errorf("description_defaults: %q is not in the lexicon", name)
		case descriptions[key] != le.Type:
			return nil, fmt.Errorf("description_defaults: %q is no description of a %s", noun, le.Type)
		}
		out[key] = le
	}
	return out, nil
}

// describedSpeaker is a speaker an article gives first by an office of a
// body alone ("a Pentagon spokesman denied …"): the title, the body and
// the sentence.
type describedSpeaker struct {
	title string
	org   *entity
	sent  int
}

// describedReach is how many sentences on the person who speaks next may
// be named: a quotation of a few sentences may stand before the name.
const describedReach = 3

// describedSpeakerRole reads the sentence's reporting frame: a speaker
// given by an office of a body alone ("a spokesperson for the government
// stated …", "The head of the X, …, reiterated …") is remembered; a person
// first named after it who speaks within describedReach sentences of it,
// with no office of their own, holds that office ("… ,” Navy
// Cmdr. X said": X is the Pentagon's spokesman).
func (v *view) describedSpeakerRole() {
	d := v.d
	a := v.attr
	if p := a.by; a.verb >= 0 && !a.carried && is(p, schema.Person) && a.speaker >= 0 && d.descSpeaker != nil {
		ds := d.descSpeaker
		if n := v.s.idx - ds.sent; n >= 1 && n <= describedReach && d.firstNamedAfter(p, ds.sent) && !d.holdsOffice(p) && !v.commentatorAt(a.speaker) {
			v.role(a.speaker, p, ds.title, ds.org, false)
			d.restate(ds, p)
			d.descSpeaker = nil
			return
		}
	}
	// A description has a title of describedSpeakerTitles (speakerDescription):
	// most sentences have none, and their every item would be tested.
	for k := 0; k < len(v.it) && v.opens(gateSpeakerTitle); k++ {
		// The description's verb: a reporting verb, or one in the past
		// ("denied", "reiterated").
		if w := v.it[k].w; v.lowerWord(k) && (v.d.lx.reportVerbs.has(w) || strings.HasSuffix(w, "ed")) {
			if ds := v.speakerDescription(k); ds != nil {
				d.descSpeaker = ds
				return
			}
		}
	}
}

// commentatorAt reports a person at item k whom a title before the name
// or an apposition after it calls a commentator ("political analyst X",
// "X, a columnist,"): their words are their own.
func (v *view) commentatorAt(k int) bool {
	if d := v.d; d.commentator[v.ent(k)] {
		return true
	}
	if title, _ := v.titleBeforePerson(k); title != "" && containsKey(strings.ToLower(title), v.d.lx.commentatorNouns) {
		return true
	}
	if !v.word(k+1, ",") {
		return false
	}
	for j := k + 2; j < len(v.it) && j <= k+6; j++ {
		if v.it[j].e != nil || v.word(j, ",") || clauseBreak(v.it[j].w) {
			return false
		}
		if containsKey(v.it[j].w, v.d.lx.commentatorNouns) {
			return true
		}
	}
	return false
}

// firstNamedAfter reports a person the article first names after
// sentence sent.
func (d *doc) firstNamedAfter(p *entity, sent int) bool {
	for _, m := range d.ments {
		if m.ent == p {
			return m.sent > sent
		}
	}
	return false
}

// holdsOffice reports a person the article gave an office of a body
// (role_offices), or a role in a group or an organisation ("Kata'ib
// Hezbollah commander X"; not a state's body or service: "Navy Cmdr.
// X"): such a person speaks for their own.
func (d *doc) holdsOffice(p *entity) bool {
	for _, f := range d.facts {
		if f.S != p.id {
			continue
		}
		if f.P == "holds_role" {
			if o := d.byID[f.O]; o != nil && !d.lx.isMilitary(o) && o.typ != schema.GovernmentBody {
				return true
			}
			continue
		}
		for _, r := range d.lx.roleOffices {
			if f.P == r.Predicate {
				return true
			}
		}
	}
	return false
}

// speakerDescription reads the subject of the reporting verb at item verb
// as an office of a body with no name: "a|an|the [mods] [BODY] TITLE [for|of
// [the] BODY]", a title of described_speaker_titles, the body before the
// title or after the preposition, and at most an apposition (", X,")
// between it and the verb. Nil otherwise.
func (v *view) speakerDescription(verb int) *describedSpeaker {
	j := verb - 1
	if j >= 0 && v.word(j, ",") && is(v.ent(j-1), schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.Coalition) && v.word(j-2, ",") {
		j -= 3 // "The head of the X, al-Y, reiterated"
	}
	body := func(k int) *entity {
		if e := v.ent(k); is(e, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.Coalition) {
			return e
		}
		return nil
	}
	var org *entity
	end := j
	if j >= 0 && body(j) != nil {
		org = body(j)
		j--
		if v.word(j, "the") {
			j--
		}
		if !v.word(j, "for", "of") {
			return nil
		}
		j--
	}
	if j < 0 || !v.wordIn(j, v.d.lx.describedSpeakerTitles) {
		return nil
	}
	ti := j
	for j--; j >= 0 && ti-j <= 4; j-- {
		if v.word(j, "a", "an", "the") {
			break
		}
		if e := body(j); e != nil && org == nil {
			org = e
			continue
		}
		if v.it[j].e != nil || !v.lowerWord(j) {
			return nil
		}
	}
	if j < 0 || !v.word(j, "a", "an", "the") || org == nil || end < ti {
		return nil
	}
	if j > 0 && !clauseBreak(v.it[j-1].w) && !v.word(j-1, ",") {
		return nil // "after a spokesman …": the description opens its clause
	}
	return &describedSpeaker{title: v.it[ti].w, org: org, sent: v.s.idx}
}

// restate gives the statements the description made in its sentence (the
// body's, for want of a name) to the person it turned out to be, under the
// id their agent gives.
func (d *doc) restate(ds *describedSpeaker, p *entity) {
	for i := range d.events {
		e := &d.events[i]
		if e.Type != schema.EvStatement || e.Agent != ds.org.id || d.evSent[e.ID] != ds.sent {
			continue
		}
		old := e.ID
		e.Agent = p.id
		e.ID = d.eventID(e.Type, p, d.byID[e.Target], ds.sent)
		delete(d.evSent, old)
		for _, m := range []map[string]bool{d.aboutTarget, d.noEnemyYet} {
			if m[old] {
				delete(m, old)
				m[e.ID] = true
			}
		}
		for j := range d.facts {
			f := &d.facts[j]
			if f.O != old && f.S != old {
				continue
			}
			delete(d.factAt, factKey{f.S, f.P, f.O})
			if f.S == old {
				f.S = e.ID
			}
			if f.O == old {
				f.O = e.ID
				if f.P == "stated" && f.S == ds.org.id {
					f.S = p.id
				}
			}
			d.factAt[factKey{f.S, f.P, f.O}] = j
		}
	}
}

// possessed reads "its" or "their" at token i before the noun of a
// group's members as the rules read the group's name there: "the SDF said
// two of its fighters were killed in a Turkish strike" is as "two of the
// SDF's fighters". It returns the group and the end of the pronoun's item
// (the noun stays a word of its own, as after a name), or nil.
func (d *doc) possessed(i int, s *sentence, v *view) (*entity, int) {
	if w := d.toks[i].norm; w != "its" && w != "their" || d.at[i] != nil {
		return nil, i
	}
	if n := i + 1; n >= s.last || d.at[n] != nil || !d.lx.memberHeads.hasID(d.toks[n].id) {
		return nil, i
	}
	if e := v.pronounOwner(); is(e, schema.ArmedGroup) {
		return e, i + 1
	}
	return nil, i
}

// pronounOwner is what "its" or "their" before the item being read takes
// up: the subject of the reporting verb before it ("The PMF, an umbrella
// that includes X, said one of its members …": the PMF, not X), else the
// nearest state, body, coalition or group the sentence named before it
// that no preposition governs, but for the subject of an infinitive ("the
// need for the Turkish government to withdraw its forces"). Nil when the
// clause names none.
func (v *view) pronounOwner() *entity {
	actor := func(e *entity) bool {
		return is(e, schema.Country, schema.GovernmentBody, schema.Coalition, schema.ArmedGroup)
	}
	for r := len(v.it) - 1; r > 0; r-- {
		if clauseBreak(v.it[r].w) {
			break
		}
		if v.it[r].e == nil && v.lowerWord(r) && v.d.lx.reportVerbs.has(v.it[r].w) {
			if _, e := v.subj(r); actor(e) {
				return e
			}
			break
		}
	}
	for j := len(v.it) - 1; j >= 0; j-- {
		it := &v.it[j]
		if it.e == nil {
			if clauseBreak(it.w) {
				return nil
			}
			continue
		}
		if !actor(it.e) {
			continue
		}
		p := j - 1
		if v.word(p, "the") {
			p--
		}
		if v.word(p, "for") && v.word(j+1, "to") {
			return it.e
		}
		if v.wordIn(p, v.d.lx.placePrepositions) || v.word(p, "of", "with", "against", "on", "by", "for") {
			continue
		}
		return it.e
	}
	return nil
}
