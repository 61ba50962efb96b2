package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Discourse state: what pronouns and definite descriptions ("the group",
// "the Iraqi official") refer back to. It is deliberately shallow — the
// most recent entity of the right kind — which is what wire copy, written
// for quick reading, mostly relies on.

// subj finds the subject of the verb at item k: the entity before it,
// across adverbs and an apposition, or what a pronoun or a definite
// description refers to. It returns the item (or -1 for a reference) and
// the entity (nil when there is none).
func (v *view) subj(k int) (int, *entity) {
	j := k - 1
	for j >= 0 {
		it := &v.it[j]
		if it.e != nil {
			if is(it.e, schema.Place) && v.word(j-1, "of") {
				return -1, nil // "the airstrikes north of Baghdad targeted": a place, no subject
			}
			// "U.S. troops in Syria support …", "militants in Iraq and
			// Syria have battled": the head, not the places.
			for is(it.e, schema.Place, schema.Country) && v.situated(j) {
				p := j - 1
				for p > 0 && !v.wordIn(p, v.d.lx.sitePrepositions) {
					p--
				}
				if v.ent(p-1) == nil {
					break
				}
				j = p - 1
				it = &v.it[j]
			}
			// "troops have been deployed in Iraq to support …": the
			// place is where, the subject comes before it.
			if v.locative(j) && v.ent(j-2) == nil {
				for j--; j >= 0 && !v.wordIn(j, v.d.lx.placePrepositions); j-- {
				}
				j--
				continue
			}
			// "the coalition against the Islamic State had ended its
			// mission": the name "against" governs qualifies the one
			// before it.
			if v.word(j-1, "against") || v.word(j-1, "the") && v.word(j-2, "against") {
				for j--; j >= 0 && !v.word(j, "against"); j-- {
				}
				j--
				continue
			}
			// "the SDF Media Center said": the office speaks for its body.
			if v.pressOffice(j) && is(v.ent(j-1), schema.ArmedGroup, schema.GovernmentBody, schema.Coalition) {
				return j - 1, v.it[j-1].e
			}
			// "the spokesman of X surprised …": X stands for its spokesman.
			return j, it.e
		}
		w := it.w
		switch {
		case w == "and" && j == k-1 && v.lowerWord(k) && v.d.lx.reportVerbs.has(v.it[k].w):
			// "The PKK denied the report and said it …": a reporting
			// verb joined to the clause's first verb shares its subject.
			return v.sharedSubject(j)
		case v.d.lx.adverbs.has(w) || w == `"` || w == "'" || v.d.lx.auxVerbs.has(w) || v.d.lx.speechTimeWords.has(w):
			j-- // "X has also said", "X yesterday announced"
			continue
		case (w == "which" || w == "who" || w == "that") && j == k-1 && j >= 1 && v.it[j-1].e != nil && !v.locative(j-1):
			return j - 1, v.it[j-1].e // "a coalition that came to the aid of Iraq"
		case (w == "which" || w == "who") && v.word(j-1, ",") && j >= 2 && v.it[j-2].e != nil:
			// "the coalition, which invaded Iraq"; "the airport in
			// Kurdistan, which houses U.S. troops": the airport.
			a := j - 2
			for a >= 0 && v.locative(a) {
				// Past the place and its preposition, to the name it
				// follows ("Harakat al-Nujaba group in Iraq, which").
				p := a - 1
				for p > 0 && !v.wordIn(p, v.d.lx.placePrepositions) {
					p--
				}
				a = -1
				for q := p - 1; q >= 0 && q >= p-2; q-- {
					if v.it[q].e != nil {
						a = q
						break
					}
				}
			}
			if a < 0 {
				return -1, nil
			}
			return a, v.it[a].e
		case v.d.lx.groupNouns.has(w) && v.wordIn(j-1, v.d.lx.affiliateWords) && v.word(j-2, "and"):
			j -= 3 // "X and affiliated groups attacked": X
			continue
		case v.d.lx.allyNouns.has(w) && v.word(j-1, "its", "their") && v.word(j-2, "and"):
			j -= 3 // "the US and its allies invaded": the US
			continue
		case v.d.lx.dateWords.has(w) || (w == "on" || w == "early") && j+1 < k && v.wordIn(j+1, v.d.lx.dateWords):
			j-- // "American forces (late) on Thursday struck": when, between subject and verb
			continue
		case v.d.lx.memberHeads.has(w) && is(v.ent(j-1), schema.ArmedGroup):
			return j - 1, v.it[j-1].e // "Kata'ib Hezbollah fighters attacked"
		case v.d.lx.bodyVoices.has(w) && v.voicedBody(j-1) && !v.locative(j-1):
			// "Syrian military sources said": the army; "Kurdistan
			// Region officials called on Baghdad": the region's
			// government. A state's officials are the frames' ("U.S.
			// officials said").
			return j - 1, v.politicalEntity(v.ent(j - 1))
		case v.d.lx.pressOffices.has(w) && v.wordIn(j-1, v.d.lx.pressWords) && is(v.ent(j-2), schema.ArmedGroup, schema.GovernmentBody, schema.Coalition):
			return j - 2, v.it[j-2].e // "the SDF media center confirmed"
		case (v.d.lx.troopNouns.has(w) || v.d.lx.forceHeads.has(w)) && is(v.ent(j-1), schema.GovernmentBody, schema.Coalition):
			return j - 1, v.it[j-1].e // "CENTCOM forces struck", "coalition troops withdrew"
		case (v.d.lx.memberHeads.has(w) || v.d.lx.airWeaponWords.has(w)) && v.word(j-1, "its", "their"):
			j-- // "the group said its fighters launched", "Ankara said its jets bombed": the group, the state
			continue
		case (w == "it" || w == "they" || (w == "its" || w == "their") && v.wordIn(j+1, v.d.lx.airWeaponWords)) && v.reportVerbBefore(j) >= 0:
			// "Kata'ib Hezbollah said (on Tuesday) it attacked …";
			// "Ankara said its jets bombed …": the capital's state.
			if _, e := v.subj(v.reportVerbBefore(j)); e != nil {
				return -1, v.politicalEntity(e)
			}

		case w == ",":
			// Skip an apposition: ", a senior representative of Y, part of
			// Z," — up to three commas back, to an entity before a comma.
			// "His successor, Joe Biden, announced": the name is the
			// apposition itself.
			if j >= 2 && v.it[j-1].e != nil && v.word(j-2, ",") && !v.locative(j-1) {
				return j - 1, v.it[j-1].e
			}
			if c := v.participleAside(j); c > 0 {
				// "Kataib Hezbollah fighters, moving at night,
				// attacked": past a participle's aside with no name,
				// the subject before it.
				return v.subj(c)
			}
			c := j - 1
			for commas := 0; c >= 0 && j-c <= 36; c-- {
				if clauseBreak(v.it[c].w) {
					break
				}
				if v.it[c].w != "," {
					continue
				}
				// "The PKK, listed as a terrorist group by Iraq, Iran,
				// and the EU, has …": the names of the agent phrase are
				// the apposition's, and its commas are the list's.
				if b := v.byListStart(c - 1); b >= 0 {
					c = b
					continue
				}
				// "operations in northern Iraq, …, targeting": a place
				// where the subject acts is no apposition to it; "The PKK,
				// designated a terrorist group by Turkey, the US and the
				// EU, took up arms": a comma inside a list of the
				// apposition is not where it opens.
				if c > 0 && v.it[c-1].e != nil && !v.locative(c-1) && !v.listGoesOn(c-1) {
					return c - 1, v.it[c-1].e
				}
				// "Kata'ib Hezbollah (Hezbollah Brigades), an Iraqi
				// group, announced": the name before its gloss.
				if o := v.openParen(c - 1); o > 0 && v.it[o-1].e != nil {
					return o - 1, v.it[o-1].e
				}
				if c > 1 && v.word(c-1, `"`) && v.it[c-2].e != nil {
					return c - 2, v.it[c-2].e
				}
				if commas++; commas == 3 {
					break
				}
			}
			return -1, nil
		case w == "he" || w == "she" || w == "his" || w == "her":
			return -1, v.personBefore(j)
		case w == "it" || w == "its":
			// "“A PKK official was killed,” it added": after a quotation,
			// the body that spoke last, not a name quoted.
			if v.word(j-1, `"`) || v.word(j-1, ",") && v.word(j-2, `"`) {
				return -1, v.d.lastSpeaker // none told: no one the article names
			}
			// "CENTCOM said it struck a depot. It added that …": opening
			// its sentence before a reporting verb, the body that spoke
			// last, within speakerReach sentences.
			if w == "it" && k < len(v.it) && v.d.lx.reportVerbs.has(v.it[k].w) && v.prev(j, j, nil) < 0 &&
				v.d.lastSpeaker != nil && v.s.idx-v.d.lastSpeakerSent <= speakerReach {
				return -1, v.d.lastSpeaker
			}
			// "Iran has struck X since 2022, and in March it fired
			// missiles": the sentence's own subject before the last actor.
			if e := v.firstActor(j); e != nil {
				return -1, e
			}
			// "Turkey struck PKK positions. It also shelled …": opening
			// its sentence, the last sentence's subject, not the last
			// name it held.
			if v.prev(j, j, nil) < 0 && v.d.lastSubject != nil {
				return -1, v.d.lastSubject
			}
			return -1, v.d.lastActor
		case w == "they" || w == "we" || w == "their" || w == "our":
			if v.unnamedGroupBefore(j) {
				return -1, nil // "Several Iraqi factions issued a statement in which they vowed"
			}
			// "After ISIS captured Mosul, they attacked Sinjar": the group
			// that heads the sentence, before the last one named.
			if e := v.firstActor(j); w == "they" && is(e, schema.ArmedGroup) {
				return -1, e
			}
			if w == "they" && v.prev(j, j, nil) < 0 && is(v.d.lastSubject, schema.Country) {
				// "Israel appears to have hit Iran-backed targets. They
				// also struck …": the last sentence's subject, not a group
				// it named.
				return -1, v.d.lastSubject
			}
			if v.d.lastGroup != nil {
				return -1, v.d.lastGroup
			}
			return -1, v.d.lastActor
		case v.d.lx.personNouns.has(w) && v.precededByThe(j):
			return -1, v.d.official(w)
		case v.d.lx.statementNouns.has(w) && v.word(j-1, "the") && j == k-1:
			// "“… our operations will go on,” the statement said": the
			// body whose statement the article told last.
			return -1, v.d.lastSpeaker
		case v.d.lx.groupNouns.has(w) && v.precededByThe(j):
			return -1, v.d.lastGroup
		case v.d.lx.countryNouns.has(w) && v.precededByThe(j):
			return -1, v.d.lastCountry
		}
		return -1, nil
	}
	return -1, nil
}

// participleAside returns the comma that opens an aside of a
// participle and a few plain words closed by the comma at item j
// (", flying low,", ", moving at night,"), or -1.
func (v *view) participleAside(j int) int {
	for c := j - 1; c > 0 && c >= j-6; c-- {
		if v.it[c].e != nil || clauseBreak(v.it[c].w) {
			return -1
		}
		if v.word(c, ",") {
			if w := v.itWord(c + 1); c+1 < j && len(w) > 4 && strings.HasSuffix(w, "ing") {
				return c
			}
			return -1
		}
	}
	return -1
}

// byListStart returns the "by" that opens a list of names ending at item
// j ("by Iraq, Iran, and the European Union"), or -1.
func (v *view) byListStart(j int) int {
	if v.ent(j) == nil {
		return -1
	}
	for i := j; i >= 0; i-- {
		switch {
		case v.ent(i) != nil || v.word(i, "the", ",", "and"):
		case v.word(i, "by"):
			return i
		default:
			return -1
		}
	}
	return -1
}

// speakerReach is how many sentences back "It said" opening a sentence
// takes up the body that spoke last.
const speakerReach = 2

// openParen returns the item of the "(" that the ")" at k closes, within
// a few items, or -1.
func (v *view) openParen(k int) int {
	if !v.word(k, ")") {
		return -1
	}
	for o := k - 1; o >= 0 && k-o <= 8; o-- {
		if v.word(o, "(") {
			return o
		}
	}
	return -1
}

// closeParen returns the ")" that closes the "(" at item k, or -1.
func (v *view) closeParen(k int) int {
	if !v.word(k, "(") {
		return -1
	}
	for c := k + 1; c < len(v.it) && c-k <= 8; c++ {
		if v.word(c, ")") {
			return c
		}
		if clauseBreak(v.it[c].w) {
			break
		}
	}
	return -1
}

// voicedBody reports a body, a group or a coalition at item k, or a place
// that stands for its government, whose unnamed voices speak for it.
func (v *view) voicedBody(k int) bool {
	e := v.ent(k)
	return is(e, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition) || e != nil && e.lex != nil && e.lex.metonym != nil
}

// listGoesOn reports a list of names of one type that goes on after the
// name at item k ("Turkey, the US and the EU").
func (v *view) listGoesOn(k int) bool {
	l := v.list(k)
	return len(l) > 1 && v.ent(l[1]).typ == v.ent(k).typ
}

// reportVerbBefore returns the reporting verb just before a pronoun,
// across "that" and a time phrase ("said on Tuesday that it …"), or -1.
func (v *view) reportVerbBefore(j int) int {
	for r := j - 1; r >= 0 && r >= j-5; r-- {
		w := v.it[r].w
		if v.d.lx.reportVerbs.has(w) {
			return r
		}
		if _, day := weekdays[w]; day || w == "that" || w == "on" || v.d.lx.speechTimeWords.hasID(v.it[r].id) {
			continue
		}
		return -1
	}
	return -1
}

// precededByThe reports "the [adjective] NOUN" ending at j.
func (v *view) precededByThe(j int) bool {
	for i := j - 1; i >= 0 && i >= j-3; i-- {
		if v.word(i, "the", "this", "that", "these", "those") {
			return true
		}
		if v.it[i].e != nil || v.it[i].w == "," {
			return false
		}
	}
	return false
}

// track updates the discourse state after a sentence.
func (d *doc) track(v *view) {
	d.lastSubject, d.lastTopic = nil, nil
	for _, it := range v.it {
		if it.e != nil && it.m != nil {
			d.lastTopic = it.e
			break
		}
	}
	for _, it := range v.it {
		if e := it.e; e != nil && it.m != nil && is(e, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition) {
			d.lastSubject = e
			if e.typ == schema.ArmedGroup {
				d.groupSubject, d.groupSubjectSent = e, v.s.idx
			}
			break
		}
	}
	v.noteAppositives()
	for j, it := range v.it {
		e := it.e
		if e == nil || it.m == nil {
			continue
		}
		switch e.typ {
		case schema.Person:
			d.lastPerson = e
			if d.affiliation[e] != nil {
				d.lastOfficial = e
			}
			if w := v.titleBefore(j); w != "" {
				if d.titled == nil {
					d.titled = map[string]*entity{}
				}
				d.titled[w] = e
			}
		}
	}
	for _, it := range v.it {
		e := it.e
		if e == nil || it.m == nil {
			continue
		}
		switch e.typ {
		case schema.ArmedGroup:
			d.lastGroup = e
			d.lastActor = e
		case schema.Country:
			d.lastCountry = e
			d.lastActor = e
		case schema.GovernmentBody:
			d.lastActor = e
		case schema.Coalition:
			d.lastActor = e
			d.lastCoalition = e
		}
	}
}

// appositiveRef is an armed group an apposition described, and the
// sentence it did so in.
type appositiveRef struct {
	e    *entity
	sent int
}

// appositiveReach is how many sentences back "the group" takes up the
// group an apposition called a group.
const appositiveReach = 6

// noteAppositives records the head noun of each apposition to an armed
// group in the sentence: "Kataib Hezbollah, an Iran-backed militia
// group," and "the YBS, a PKK-affiliated militant group" describe the
// group by "group", which "the militia group" and "the militant group"
// later take up.
func (v *view) noteAppositives() {
	for k := 0; k+2 < len(v.it); k++ {
		e := v.it[k].e
		if !is(e, schema.ArmedGroup) || v.it[k].m == nil {
			continue
		}
		c := k + 1
		if v.word(c, "(") { // "the Sinjar Resistance Units (YBS), a …"
			if c = v.closeParen(c); c < 0 {
				continue
			}
			c++
		}
		if !v.word(c, ",") || !v.word(c+1, "a", "an") {
			continue
		}
		head := ""
		for n := c + 2; n < len(v.it) && n <= c+7; n++ {
			w := v.it[n].w
			if clauseBreak(w) || w == "," || w == "of" || w == "and" {
				break
			}
			if v.d.lx.definiteGroupNouns.has(w) {
				head = w
				continue
			}
			if head != "" {
				break
			}
		}
		if head == "" {
			continue
		}
		if v.d.appositive == nil {
			v.d.appositive = map[string]appositiveRef{}
		}
		v.d.appositive[head] = appositiveRef{e: e, sent: v.s.idx}
	}
}

// titleBefore is the title noun (person_nouns) that stands before the
// person at item j, within the title ("Secretary of State X", "Senior
// Undersecretary Mr. X"), or "". A title lowered by a word before it
// ("Deputy Prime Minister X": title_lowering) gives none: "the Prime
// Minister" is not the deputy.
func (v *view) titleBefore(j int) string {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		w := v.it[i].w
		if clauseBreak(w) || w == "," || w == `"` || is(v.it[i].e, schema.Person) {
			return ""
		}
		if v.d.lx.personNouns.has(w) {
			if v.wordIn(i-1, v.d.lx.titleLowering) || v.wordIn(i-2, v.d.lx.titleLowering) {
				return ""
			}
			return w
		}
	}
	return ""
}

// personBefore is the person "he" or "she" at item k stands for: the
// first the sentence named before it ("X returned from Washington, where
// he met Y"), else the last one the article named.
func (v *view) personBefore(k int) *entity {
	for j := 0; j < k && j < len(v.it); j++ {
		if is(v.it[j].e, schema.Person) && v.it[j].m != nil {
			return v.it[j].e
		}
	}
	return v.d.lastPerson
}

// refer resolves a pronoun or definite description at item k, or nil.
func (v *view) refer(k int) *entity {
	if k < 0 || k >= len(v.it) {
		return nil
	}
	if e := v.it[k].e; e != nil {
		return e
	}
	w := v.it[k].w
	switch {
	case w == "he" || w == "she" || w == "him" || w == "her" || w == "his":
		return v.personBefore(k)
	case w == "it" || w == "its":
		if v.d.lastSubject != nil {
			return v.d.lastSubject
		}
		return v.d.lastActor
	case w == "they" || w == "them" || w == "their":
		return v.d.lastActor
	case v.d.lx.personNouns.has(w) && v.precededByThe(k):
		return v.d.official(w)
	case v.d.lx.groupNouns.has(w) && v.precededByThe(k):
		return v.d.lastGroup
	case v.d.lx.countryNouns.has(w) && v.precededByThe(k):
		// "the country": a country (or capital) earlier in the sentence,
		// else the last one.
		for j := k - 1; j >= 0; j-- {
			if e := v.ent(j); e != nil && (e.typ == schema.Country || e.lex != nil && e.lex.Metonym != "") {
				return v.politicalEntity(e)
			}
		}
		return v.d.lastCountry
	}
	return nil
}

// official is what "the official", "the Secretary" (title noun w) refer
// to: the last person the article named with that title, else the last
// person whose role it gave, else the last person. The title outranks
// recency: a release names the official it is about once, then others.
func (d *doc) official(w string) *entity {
	if e := d.titled[w]; e != nil {
		return e
	}
	if d.lastOfficial != nil {
		return d.lastOfficial
	}
	return d.lastPerson
}

// firstActor is the first state, body or group the sentence names before
// item k, when it heads the sentence (no preposition governs it): the
// subject a later "it" most often takes up.
func (v *view) firstActor(k int) *entity {
	for j := 0; j < k; j++ {
		e := v.it[j].e
		if e == nil {
			continue
		}
		if is(e, schema.Country, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition) && !v.locative(j) && !v.wordIn(j-1, v.d.lx.placePrepositions) && !v.word(j-1, "of", "by", "with", "for", "against", "on") {
			return e
		}
		return nil
	}
	return nil
}

// unnamedGroupBefore reports an unnamed group ("several Iraqi factions",
// "the militias") heading the sentence before item k, with no named one
// before it: what "they" takes up there.
func (v *view) unnamedGroupBefore(k int) bool {
	start := 0 // past a dateline ("BEIRUT, LEBANON – Several factions …")
	for j := k - 1; j >= 0; j-- {
		if clauseBreak(v.it[j].w) {
			start = j + 1
			break
		}
	}
	for j := start; j < k; j++ {
		if e := v.it[j].e; e != nil && is(e, schema.ArmedGroup, schema.Coalition, schema.Country, schema.GovernmentBody) && !v.locative(j) && v.it[j].dem == nil {
			return false
		}
		if v.wordIn(j, v.d.lx.groupNouns) && !v.word(j-1, "the") {
			return true
		}
	}
	return false
}

// pressOffice reports a capitalised press office read as a name of its
// own at item j: "Media Center", "Press Office" (press_words,
// press_offices).
func (v *view) pressOffice(j int) bool {
	it := &v.it[j]
	return it.t1-it.t0 == 2 && v.d.lx.pressWords.hasID(v.d.toks[it.t0].id) && v.d.lx.pressOffices.hasID(v.d.toks[it.t1-1].id)
}

// sharedSubject returns the name that opens the clause holding item j,
// past a determiner or a time word, when no relative word stands between
// it and j: the subject a second verb joined by "and" shares ("Hezbollah
// condemned the killing and said …"). Else -1 and nil.
func (v *view) sharedSubject(j int) (int, *entity) {
	start := 0
	for c := j - 1; c >= 0; c-- {
		if clauseBreak(v.it[c].w) || v.word(c, `"`) {
			start = c + 1
			break
		}
	}
	f := start
	for f < j && v.it[f].e == nil && (v.word(f, "the") || v.d.lx.dateWords.has(v.it[f].w) || v.d.lx.adverbs.has(v.it[f].w)) {
		f++
	}
	e := v.ent(f)
	if f >= j || !is(e, schema.Person, schema.Country, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition) || v.locative(f) {
		return -1, nil
	}
	for c := f + 1; c < j; c++ {
		if v.word(c, "which", "who", "that", "whose", "and", "but", ",") {
			return -1, nil // another clause, or another subject
		}
	}
	return f, e
}
