package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Unnamed agreements: "an agreement to dissolve the alliance", "the recent
// agreement between Baghdad and Washington", "the agreement signed in the
// 4th round of the Strategic Dialogue". Reporting names most agreements
// only by what they do or who made them, and an analyst following the
// coalition's withdrawal needs them as nodes the parties are party_to.
// An agreement noun after a determiner, with a phrase that says which
// agreement it is, is one entity named by that description. Its mention
// is the noun and its modifiers, so that the names in the description
// stay mentions of their own for the frames (agreements in frames.yaml).
// The words are data: agreement_heads, agreement_complements and
// agreement_stops in words.yaml.

// scanAgreements adds the unnamed agreements of a sentence.
func (d *doc) scanAgreements(s *sentence) {
	lx := d.lx
	for i := s.first; i < s.last; i++ {
		t := &d.toks[i]
		if t.cap || d.at[i] != nil || !lx.agreementHeads.hasID(t.id) {
			continue
		}
		if d.namedAgreement(i, s) {
			continue
		}
		if i+1 >= s.last || !lx.agreementComplements.hasID(d.toks[i+1].id) {
			continue
		}
		if d.toks[i+1].norm == "on" && i+2 < s.last && d.lx.dateWords.hasID(d.toks[i+2].id) {
			continue // "an agreement on Monday": when, not which
		}
		start, ok := d.agreementStart(i, s.first)
		if !ok {
			continue
		}
		end := d.descriptionEnd(i+1, s.last)
		if end <= i+2 {
			continue
		}
		d.addAgreement(start, i+1, d.span(start, end), s.idx)
		i = end - 1
	}
}

// addAgreement adds an unknown agreement with a mention at tokens [first,
// last) of sentence sent, known by name: its whole description or name,
// not by the noun alone.
func (d *doc) addAgreement(first, last int, name string, sent int) {
	e := &entity{typ: schema.Agreement, unknown: true, named: name}
	d.ents = append(d.ents, e)
	d.addMention(first, last, sent, e, ReasonDescribed)
	e.surfaces[0], e.allKeys[0], e.merges[0].Surface = name, d.keys.keys(name), name
}

// namedAgreement adds the agreement the noun at token i names by its
// date or by its two parties joined by a hyphen: "the March 10
// agreement", "the Baghdad-Erbil deal". The parties' names stay items of
// their own for the frames; the date is part of the mention.
func (d *doc) namedAgreement(i int, s *sentence) bool {
	// A month and a day: "the April 5 agreement".
	if i-2 >= s.first && d.toks[i-1].kind == tNum && !d.toks[i-1].hyph && d.at[i-1] == nil && d.at[i-2] == nil {
		if _, ok := monthAt(&d.toks[i-2]); ok {
			d.addAgreement(i-2, i+1, d.span(i-2, i+1), s.idx)
			return true
		}
	}
	// Two names joined by a hyphen: "the SDF-Damascus deal". The names
	// are two different entities, the second glued to the first.
	if i-1 < s.first || d.at[i-1] == nil || !d.toks[i-1].cap {
		return false
	}
	second := d.at[i-1]
	if second.last != i || !d.toks[second.first].hyph || second.first-1 < s.first {
		return false
	}
	first := d.at[second.first-1]
	if first == nil || first.ent == second.ent || first.last != second.first {
		return false
	}
	start := first.first
	if d.lx.agreementDeterminers.hasID(d.toks[start].id) {
		start++ // "The Baghdad" at a sentence's start
	}
	d.addAgreement(i, i+1, d.span(start, i+1), s.idx)
	return true
}

// agreementStart returns where the description of the agreement noun at
// token i begins, past up to three modifiers after a determiner ("the
// recent", "a 2024"), and whether a determiner opens it.
func (d *doc) agreementStart(i, first int) (int, bool) {
	j := i
	for n := 0; n < 3 && j-1 >= first; n++ {
		p := &d.toks[j-1]
		if d.at[j-1] != nil || p.cap || p.kind != tWord && p.kind != tNum || d.lx.agreementDeterminers.hasID(p.id) {
			break
		}
		j--
	}
	if j-1 < first || !d.lx.agreementDeterminers.hasID(d.toks[j-1].id) {
		return j, false
	}
	return j, true
}

// descriptionEnd returns the end of the phrase that describes an
// agreement from token k: up to punctuation or a word that opens another
// clause (agreement_stops), with one "and" for "between X and Y" wherever
// the pair comes ("the agreement reached between X and Y on ..."), and
// without trailing function words.
func (d *doc) descriptionEnd(k, last int) int {
	between, paired := false, false
	end := k
	for end < last && end-k < 16 {
		t := &d.toks[end]
		if t.norm == "between" && !paired {
			between = true
		}
		if t.kind != tWord && t.kind != tNum && t.kind != tPoss || d.lx.agreementStops.hasID(t.id) && !(between && t.norm == "and") {
			break
		}
		if t.norm == "and" {
			between, paired = false, true // the pair is named; a second "and" ends it
		}
		end++
	}
	for end > k && d.lx.skippable.hasID(d.toks[end-1].id) {
		end--
	}
	return end
}

// agreementIDs names each unnamed agreement after the states that are
// party to it and the forces it concerns ("agreement-iraq-united-states-
// international-coalition"), so that articles which describe one
// agreement in other words give it one id, and two descriptions of it in
// one article are one entity; one without parties keeps the id of its
// description. The year is left out: articles of 2024 tell of the 2021
// agreement. It runs after the facts, on the ids they hold.
func (d *doc) agreementIDs() {
	parties, concerns := map[string][]string{}, map[string][]string{}
	for _, f := range d.facts {
		switch f.P {
		case "party_to":
			if p := d.byID[f.S]; p != nil {
				parties[f.O] = appendUnique(parties[f.O], d.stateOf(p).id)
			}
		case "concerns":
			concerns[f.S] = appendUnique(concerns[f.S], f.O)
		}
	}
	var described []*entity
	for _, e := range d.ents {
		if e.typ == schema.Agreement && e.named != "" && e.id != "" {
			described = append(described, e)
		}
	}
	// An article that tells of one agreement's parties tells of that
	// agreement where it describes one without them.
	var partied []*entity
	for _, e := range described {
		if len(parties[e.id]) > 0 {
			partied = append(partied, e)
		}
	}
	key := func(group []*entity) string {
		var ps, cs []string
		for _, e := range group {
			for _, p := range parties[e.id] {
				ps = appendUnique(ps, p)
			}
			for _, c := range concerns[e.id] {
				cs = appendUnique(cs, c)
			}
		}
		slices.Sort(ps)
		slices.Sort(cs)
		return schema.Slug("agreement " + strings.Join(ps, " ") + " " + strings.Join(cs, " "))
	}
	renamed := map[string]string{}
	switch {
	case len(partied) == 1 || len(partied) > 1 && sameParties(partied, parties):
		id := key(described)
		for _, e := range described {
			renamed[e.id] = id
		}
	default:
		for _, e := range partied {
			renamed[e.id] = key([]*entity{e})
		}
	}
	if len(renamed) == 0 {
		return
	}
	for _, e := range described {
		id, ok := renamed[e.id]
		if !ok {
			continue
		}
		delete(d.byID, e.id)
		if first := d.byID[id]; first != nil && first != e {
			for _, sf := range e.surfaces {
				first.surfaces = appendUnique(first.surfaces, sf)
			}
			e.id, e.surfaces = "", nil
			continue
		}
		e.id = id
		d.byID[id] = e
	}
	rename := func(s *string) {
		if n, ok := renamed[*s]; ok {
			*s = n
		}
	}
	for i := range d.facts {
		rename(&d.facts[i].S)
		rename(&d.facts[i].O)
	}
	for i := range d.events {
		rename(&d.events[i].Agent)
		rename(&d.events[i].Target)
		rename(&d.events[i].About)
	}
}

// sameParties reports whether the agreements all have the same parties:
// one agreement the article describes several times.
func sameParties(es []*entity, parties map[string][]string) bool {
	first := slices.Sorted(slices.Values(parties[es[0].id]))
	for _, e := range es[1:] {
		if !slices.Equal(first, slices.Sorted(slices.Values(parties[e.id]))) {
			return false
		}
	}
	return true
}

// stateOf returns the state a party acts for: a country itself, the
// country whose armed forces or capital it is, or the country of the
// article it speaks for ("the Iraqi Foreign Ministry", "the US
// government"); otherwise the party.
func (d *doc) stateOf(e *entity) *entity {
	if c := d.lx.countryOf(e); c != nil {
		return d.virtual(c)
	}
	if e.lex != nil && e.lex.metonym != nil {
		return d.virtual(e.lex.metonym)
	}
	if e.typ == schema.Country {
		return e
	}
	var buf [8]nameWord
	var words []nameWord // made at the first state tried
	for _, c := range d.ents {
		if c.typ != schema.Country || c.lex == nil {
			continue
		}
		if words == nil {
			words = d.nameWords(e, buf[:0])
		}
		if d.speaksAs(e, words, c) {
			return c
		}
	}
	return e
}
