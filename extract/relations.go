package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// Relation rules. Each rule is written for a construction of conflict
// reporting, not for a sentence: appositions and titles give roles,
// "Iran-backed X" and "X, backed by Y" give backing, "X, part of Y"
// membership, "X claimed responsibility for the attack on Y" attacks and
// claims, and so on. A fact is only kept if its subject and object fit the
// predicate's domain and range.

// relations runs every rule over every sentence.
func (d *doc) relations() {
	d.affiliation = map[*entity]*entity{}
	d.commentator = map[*entity]bool{}
	d.office = map[*entity]*entity{}
	// carry is a quotation left open by the sentence before; quoted, the
	// last sentence's quotation of a named speaker, whose words a
	// quotation opening the next sentence without a speaker of its own
	// goes on with ("“…,” Austin said. “No group will …”").
	var carry, quoted *attribution
	indirect := false // quoted reported the speaker's words without quoting them
	for i := range d.sents {
		s := &d.sents[i]
		if s.boiler {
			continue
		}
		v := d.view(s)
		d.sentAgent = nil
		d.sentBlamed = nil
		d.sentClaimed = nil
		v.attribute(carry)
		if carry == nil && quoted != nil && v.word(0, `"`) && v.attr.verb < 0 && v.attr.by == nil && !(indirect && d.closedBySpeaker(i)) {
			v.attribute(quoted)
		}
		v.roles()
		v.describedSpeakerRole()
		if v.attr.kind == schema.Reported && d.partisan(v.attr.by) {
			v.attr.kind = schema.Claimed
		}
		carry, quoted = nil, nil
		if v.attr.kind != "" && v.openQuote() && d.opensLast(s) {
			a := v.attr
			carry = &a
		}
		if v.attr.by != nil && v.attr.kind != "" {
			// "“…,” Austin said. “…”", and "He added that … . “…”": a
			// quotation that opens the next sentence with no speaker of
			// its own goes on with this speaker's words.
			a := v.attr
			quoted = &a
			indirect = !v.attr.carried && !v.quotedContent()
		}
		from := len(d.facts)
		d.sentDeployed = d.sentDeployed[:0]
		v.rules()
		v.events()
		v.collectiveFacts()
		v.applyFrames()
		d.nearestAreas(from)
		d.nearestSites(from)
		d.track(v)
	}
}

// nearestAreas drops, among the facts from index from on (one
// sentence's), a place's located_in an area that the sentence also puts
// the place's own area in: "Hajin in Syria's Deir ez-Zor province" says
// Hajin is in Deir ez-Zor and Deir ez-Zor in Syria; that Hajin is in
// Syria follows, and the graph infers it rather than repeat it.
func (d *doc) nearestAreas(from int) {
	n := 0
	for _, f := range d.facts[from:] {
		if f.P == "located_in" {
			n++
		}
	}
	if n < 3 {
		return // most sentences: no map made
	}
	type in struct{ place, area string }
	stated := make(map[in]bool, n)
	for _, f := range d.facts[from:] {
		if f.P == "located_in" {
			stated[in{f.S, f.O}] = true
		}
	}
	implied := func(f schema.Fact) bool {
		for p := range stated {
			if p.place == f.S && stated[in{p.area, f.O}] {
				return true
			}
		}
		return false
	}
	d.dropFacts(from, func(f schema.Fact) bool { return f.P == "located_in" && implied(f) })
}

// nearestSites drops, among the facts from index from on (one
// sentence's), a force's deployed_at an area when the sentence also puts
// the force at a site located in that area: "the Harir air base in the
// Kurdistan Region, where U.S. troops are stationed" puts the troops at
// the base, and the base's located_in already says where that is.
func (d *doc) nearestSites(from int) {
	// The sentence's deployments, those an earlier sentence told first
	// too: the site's fact has that sentence's evidence.
	at := d.sentDeployed
	if len(at) < 2 {
		return
	}
	within := func(f schema.Fact) bool {
		for _, g := range at {
			if _, ok := d.factAt[factKey{g.o, "located_in", f.O}]; ok && g.s == f.S {
				return true
			}
		}
		return false
	}
	d.dropFacts(from, func(f schema.Fact) bool { return f.P == "deployed_at" && within(f) })
}

// dropFacts removes, among the facts from index from on, those drop
// reports, and keeps factAt indexing the ones that stay.
func (d *doc) dropFacts(from int, drop func(schema.Fact) bool) {
	kept := d.facts[:from]
	for _, f := range d.facts[from:] {
		if drop(f) {
			delete(d.factAt, factKey{f.S, f.P, f.O})
			continue
		}
		d.factAt[factKey{f.S, f.P, f.O}] = len(kept)
		kept = append(kept, f)
	}
	d.facts = kept
}

// closedBySpeaker reports that the quotation sentence i opens is closed,
// in it or a few sentences on, by a sentence that names a speaker after
// the closing mark ("“We will not tolerate it. We will act,” said X",
// "“…,” said an official"): the words are that speaker's, not those of
// the one who spoke before.
func (d *doc) closedBySpeaker(i int) bool {
	for j := i; j < len(d.sents) && j <= i+6; j++ {
		s := &d.sents[j]
		first := s.first
		if j == i {
			first++ // the mark that opens the quotation
		}
		for t := first; t < s.last; t++ {
			if d.toks[t].kind != tQuote || d.toks[t].norm != `"` {
				continue
			}
			for u := t + 1; u < s.last; u++ {
				if d.lx.byWord[d.toks[u].id].attrib&bitReport != 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// openQuote reports whether the sentence leaves a quotation open.
func (v *view) openQuote() bool {
	n := 0
	for _, it := range v.it {
		if it.w == `"` {
			n++
		}
	}
	return n%2 == 1
}

// addFact records a fact if it fits the predicate. A person standing for
// an organisation in a predicate that only organisations take ("Yasir
// demanded the withdrawal") is replaced by the organisation.
// holdsOther reports a person the lexicon knows to hold the office p of
// another state than o ("Joe Biden": president_of the United States): in
// "a rocket attack in Irbil, Iraq, President Biden ordered", the country
// before the title is where, not what he presides over.
func (e *entity) holdsOther(p string, o *entity) bool {
	if e.lex == nil || e.typ != schema.Person || o.typ != schema.Country || !stateOffices[p] {
		return false
	}
	for _, f := range e.lex.Facts {
		if stateOffices[f[0]] && !strings.EqualFold(f[1], o.name) {
			return true
		}
	}
	return false
}

// stateOffices are the predicates of a person's office in a state.
var stateOffices = map[string]bool{"president_of": true, "prime_minister_of": true, "minister_of": true, "holds_role": true}

func (d *doc) addFact(s *entity, p string, o *entity, kind string, by *entity, evidence, role string, conf float64) bool {
	if s == nil || o == nil || s == o {
		return false
	}
	pred := schema.LookupPredicate(p)
	if pred == nil {
		return false
	}
	if !contains(pred.Domain, s.typ) {
		// A person acts for the organisation they speak for, or else the
		// state they lead ("Prime Minister X pushed for the withdrawal").
		if a := d.affiliation[s]; a != nil && contains(pred.Domain, a.typ) {
			s = a
		} else if o := d.office[s]; o != nil && contains(pred.Domain, o.typ) {
			s = o
		} else {
			return false
		}
	}
	if p == "threatened" && s.typ == schema.Person {
		// A threat's fact goes to the party that would act: an official
		// speaks for the state or body of his office, a leader for his
		// group ("the defense secretary warned that no group will strike
		// our troops": the United States threatened them).
		a := d.affiliation[s]
		if !is(a, schema.ArmedGroup) {
			a = d.sideOf(s) // the state of his office
		}
		if a != s && is(a, schema.Country, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition) && a != o && !d.ownSide(a, o) {
			s = a
		}
	}
	if !contains(pred.Range, o.typ) || s == o || s.holdsOther(p, o) {
		return false
	}
	if p == "deployed_at" && o.lex != nil && o.lex.Theatre {
		return false // "troops across the Middle East" are at no post
	}
	switch p {
	case "located_in", "located_near", "capital_of",
		"president_of", "prime_minister_of", "minister_of", "ambassador_to", "spokesperson_for", "holds_role":
		// Geography and titles are not claims: "the base in Anbar
		// province" or "US President Joe Biden" in a group's statement is
		// the narrator's description, as true as in the narrator's words.
		kind, by = schema.Stated, nil
	}
	key := factKey{s.id, p, o.id}
	if p == "deployed_at" {
		d.sentDeployed = append(d.sentDeployed, key)
	}
	if i, dup := d.factAt[key]; dup {
		if kind == schema.Stated && d.facts[i].Kind == schema.Reported && d.facts[i].AssertedBy == "" {
			// Told by an unnamed source ("…, sources said"), then in the
			// article's own voice: the article asserts it.
			d.facts[i].Kind = schema.Stated
		}
		return false
	}
	f := schema.Fact{S: s.id, P: p, O: o.id, Kind: kind, Evidence: evidence, Role: role, Confidence: conf}
	if by != nil && by != s {
		f.AssertedBy = by.id
	}
	d.factAt[key] = len(d.facts)
	d.facts = append(d.facts, f)
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fact adds a fact triggered at item k, with the sentence's claim kind.
func (v *view) fact(k int, s *entity, p string, o *entity, conf float64) bool {
	kind, by := v.kindAt(k)
	if p == "threatened" {
		kind = schema.Threatened
	}
	return v.d.addFact(s, p, o, kind, by, v.evidence(), "", conf)
}

// rules fires the trigger-word rules of a sentence.
func (v *view) rules() {
	for k := range v.it {
		if v.it[k].w == "" {
			v.entityRules(k)
			continue
		}
		if rule := v.d.lx.byWord[v.it[k].id].rule; rule != nil {
			rule(v, k)
		}
	}
}

// entityRules fire on an entity item: "X-led", "X-backed".
func (v *view) entityRules(k int) {
	it := &v.it[k]
	switch {
	case is(it.e, schema.Agreement):
		v.partyTo(k)
	case is(it.e, schema.Place, schema.Country) && v.word(k+1, "'s"):
		// "Baghdad’s Green Zone", "Anbar's Ain al-Asad", "Iraq's
		// semi-autonomous Kurdistan Region".
		if p := v.ent(v.pastPlaceAdjectives(k + 2)); is(p, schema.Place, schema.MilitaryBase) {
			v.d.addFact(p, "located_in", it.e, schema.Stated, nil, v.evidence(), "", 0.75)
		}
	case is(it.e, schema.GovernmentBody) && v.d.lx.isMilitary(it.e):
		v.deployedIn(k)
	case is(it.e, schema.Place) && it.e.lex != nil && it.e.lex.border:
		v.onBorder(k)
	}
	if it.m == nil {
		return
	}
	// "US-led coalition", "U.S. led Coalition": a mention whose own
	// tokens say who leads it.
	toks := v.d.toks
	for t := it.t0; t+1 < it.t1; t++ {
		if v.d.lx.ledWords.hasID(toks[t+1].id) {
			if c := v.d.countryOfToken(t); c != nil {
				v.d.addFact(c, "leader_of", it.e, schema.Stated, nil, v.evidence(), "", 0.8)
			}
		}
		// "the Global Coalition to Defeat Da'esh": a name that says whom
		// it fights.
		if v.d.lx.opposedWords.hasID(toks[t].id) && is(it.e, schema.Coalition, schema.GovernmentBody) {
			if le := v.d.lx.Lookup(v.d.span(t+1, it.t1)); le != nil && le.Type == schema.ArmedGroup {
				v.d.addFact(it.e, "fought_against", v.d.lexEntity(le), schema.Stated, nil, v.evidence(), "", 0.75)
			}
		}
	}
	v.namedLocation(k)
}

// onBorder: "a crossing at the Iraq-Syria border", "Qaim, on the Iraqi
// side of the Syria-Iraq border", "an outpost close to the Jordan-Syria
// border": the place before the preposition lies near the border item k
// names. A border named by one side is the article's guess at the other
// (borders.go): it places a town where the mention names that side ("a
// village close to the Iranian border"), or where an apposition says
// what the town is ("Rabia, a town on the border with Syria"); not in
// passing ("near al-Qaim on the border with Syria").
func (v *view) onBorder(k int) {
	m := v.it[k].m
	if m == nil {
		return
	}
	j := k - 1
	if v.word(j, "the") {
		j--
	}
	if v.word(j, "of") && v.wordIn(j-1, v.d.lx.sideNouns) {
		// "on the Syrian side of the border"
		j -= 3 // the side's adjective
		if v.word(j, "the") {
			j--
		}
	}
	if v.word(j, "to") && v.wordIn(j-1, v.d.lx.nearWords) {
		j-- // "close to the border"
	}
	if !v.wordIn(j, v.d.lx.borderPrepositions) {
		return
	}
	p := v.prev(j, 4, ofType(schema.Place, schema.MilitaryBase))
	if m.how == ReasonBorder && m.last-m.first == 1 {
		// The head alone ("the border with Syria"): an apposition.
		if p = v.prev(j, 6, ofType(schema.Place, schema.MilitaryBase)); p >= 0 && !v.settlementApposition(p, j) {
			return
		}
	}
	if p >= 0 {
		v.fact(k, v.ent(p), "located_near", v.ent(k), 0.65)
	}
}

// settlementApposition reports whether the items between the place p
// and the preposition j are an apposition naming a settlement: ", a
// town", ", a small village" (settlement_heads).
func (v *view) settlementApposition(p, j int) bool {
	if !v.word(p+1, ",") || !v.word(p+2, "a", "an") || j-1 < p+3 {
		return false
	}
	return v.it[j-1].e == nil && v.d.lx.settlementHeads.hasID(v.it[j-1].id)
}

// namedLocation: a site whose name says where it is ("the U.S. Embassy in
// Baghdad", "the Kurdistan Region of Iraq") is located there.
func (v *view) namedLocation(k int) {
	it := &v.it[k]
	if !is(it.e, schema.Place, schema.MilitaryBase) {
		return
	}
	toks := v.d.toks
	for t := it.t0 + 1; t+1 < it.t1; t++ {
		if w := toks[t].norm; w != "in" && w != "of" {
			continue
		}
		le := v.d.lx.Lookup(v.d.text[toks[t+1].start:toks[it.t1-1].end])
		if le != nil && le != it.e.lex && (le.Type == schema.Place || le.Type == schema.Country) {
			v.d.addFact(it.e, "located_in", v.d.virtual(le), schema.Stated, nil, v.evidence(), "", 0.75)
		}
		return
	}
}

// countryOfToken returns the country a token names or qualifies.
func (d *doc) countryOfToken(t int) *entity {
	if le := d.lx.demonym[d.toks[t].norm]; le != nil {
		return d.virtual(le)
	}
	if le := d.lx.Lookup(d.text[d.toks[t].start:d.toks[t].end]); le != nil && le.Type == schema.Country {
		return d.virtual(le)
	}
	return nil
}

// backed: "Iran-backed X", "X, backed by Y and Z", "X is supported by Y".
func (v *view) backed(k int) {
	// "by Y": the backers follow.
	if v.word(k+1, "by") {
		j := v.next(k+1, 3, ofType(schema.Country, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition, schema.Person))
		if j < 0 {
			return
		}
		_, s := v.subjOfParticiple(k)
		prev := j
		for _, o := range v.list(j) {
			if v.includesBetween(prev, o) {
				break // "supported by Iran, including X and Y": X and Y are the factions, not backers
			}
			v.fact(k, s, "backed_by", v.ent(o), 0.8)
			v.otherMembers(o)
			prev = o
		}
		return
	}
	// "Iran-backed": the backer is hyphen-joined before the trigger;
	// "Iranian sponsored Kataib Hezbollah": or written apart, before a
	// group's name.
	if k == 0 || !v.d.toks[v.it[k].t0].hyph && !is(v.ent(k+1), schema.ArmedGroup) {
		return
	}
	backer := v.sponsorBefore(k)
	if backer == nil || !v.d.toks[v.it[k].t0].hyph && !is(backer, schema.Country) {
		return
	}
	for _, s := range v.backedGroups(k) {
		v.fact(k, s, "backed_by", backer, 0.85)
	}
}

// sponsorBefore returns the backer named right before the link word at k
// ("Iran-backed", "Iranian-sponsored"): a name, a country's demonym, or a
// capital that stands for its state ("Tehran-backed", "Ankara-aligned").
func (v *view) sponsorBefore(k int) *entity {
	e := v.ent(k - 1)
	if e == nil {
		return v.country(k - 1)
	}
	if e.typ == schema.Place && e.lex != nil && e.lex.metonym != nil {
		return v.d.virtual(e.lex.metonym)
	}
	return e
}

// asideHead returns the item of the name a non-restrictive relative
// clause that holds item j is about ("the YPG, which dominates the SDF":
// the YPG for the SDF), or -1 when j is in none.
func (v *view) asideHead(j int) int {
	for r := j - 1; r >= 2 && r >= j-4; r-- {
		if v.word(r, "which", "who") && v.word(r-1, ",") && v.ent(r-2) != nil {
			return r - 2
		}
		if v.it[r].e != nil || v.word(r, ",") || clauseBreak(v.it[r].w) {
			return -1
		}
	}
	return -1
}

// includesBetween reports "including", "such as" or "like" between items
// a and b: a list's items after it are what the phrase before includes.
func (v *view) includesBetween(a, b int) bool {
	for j := a + 1; j < b; j++ {
		if v.word(j, "including", "like") || v.word(j, "such") && v.word(j+1, "as") {
			return true
		}
	}
	return false
}

// backedGroups are the groups an "X-backed" qualifies: the entity it
// precedes ("Iran-backed Kata'ib Hezbollah"), or, for a description
// ("Iran-backed militias"), the groups it is said to include.
func (v *view) backedGroups(k int) []*entity {
	for j := k + 1; j < len(v.it) && j <= k+3; j++ {
		if j == k+1 && v.word(j, ",") && is(v.ent(j+1), schema.ArmedGroup, schema.GovernmentBody, schema.Coalition) {
			return []*entity{v.ent(j + 1)} // "the US-backed, Kurdish-led SDF"
		}
		if v.word(j, "including", "such", "among", ",", "of", "and") {
			break // the groups a description includes are not it
		}
		if v.wordIn(j, v.d.lx.targetPrepositions) {
			return nil // "Iran-backed attacks against U.S. forces": the forces are struck, not backed
		}
		if e := v.ent(j); e != nil {
			if is(e, schema.ArmedGroup, schema.GovernmentBody, schema.Coalition) {
				return []*entity{e}
			}
			if !is(e, schema.Country) {
				return nil
			}
		}
		if clauseBreak(v.it[j].w) {
			return nil
		}
	}
	// "Kata'ib Hezbollah, an Iran-backed militia, …", "the Islamic
	// Resistance in Iraq, an umbrella group of Iran-aligned militias":
	// the apposition's head.
	if h := v.appositionHead(k - 1); is(h, schema.ArmedGroup, schema.GovernmentBody, schema.Coalition) {
		return []*entity{h}
	}
	return v.members(k)
}

// appositionHead returns E in "E, a/an/the … k": the entity an indefinite
// or definite description at k is in apposition to.
func (v *view) appositionHead(k int) *entity {
	for j := k - 1; j >= 1 && j >= k-8; j-- {
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			return nil
		}
		if v.word(j, ",") {
			if !v.word(j+1, "a", "an", "the") {
				return nil
			}
			h := j - 1
			if v.word(h, `"`) {
				h--
			}
			return v.ent(h)
		}
	}
	return nil
}

// members are the groups a generic plural is said to include later in the
// sentence: "militias …, including X and Y", "…, with X being among them".
func (v *view) members(k int) []*entity {
	for j := k + 1; j < len(v.it); j++ {
		w := v.it[j].w
		if clauseBreak(w) && w != "–" && w != "—" {
			return nil
		}
		if w == "including" || w == "such" && v.word(j+1, "as") || w == "among" && v.word(j+1, "them", "which", "whom") {
			if x := v.next(j, 4, ofType(schema.ArmedGroup)); x >= 0 {
				return entities(v, v.list(x))
			}
		}
		if w == "with" {
			if x := v.next(j, 3, ofType(schema.ArmedGroup)); x >= 0 {
				for y := x + 1; y < len(v.it) && y <= x+4; y++ {
					if v.word(y, "among") {
						return entities(v, v.list(x))
					}
				}
			}
		}
	}
	return nil
}

func entities(v *view, idx []int) []*entity {
	out := make([]*entity, 0, len(idx))
	for _, i := range idx {
		out = append(out, v.ent(i))
	}
	return out
}

// subjOfParticiple finds what a participle phrase describes: "X, backed by
// Y", "X, which is backed by Y", "X is backed by Y".
func (v *view) subjOfParticiple(k int) (int, *entity) {
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		if e := v.ent(j); e != nil && !v.locative(j) {
			return j, e
		}
		if w := v.it[j].w; clauseBreak(w) {
			break
		}
		if v.word(j, "he", "she", "it", "they") {
			return -1, v.refer(j)
		}
	}
	return v.subj(k)
}

// prepObject reports an entity at item k that a preposition governs, alone
// or as the last of a pair ("battled with U.S. and coalition forces,
// launching attacks"): the object of the clause before, not the one who
// does what the participle after it says.
func (v *view) prepObject(k int) bool {
	j := k - 1
	if v.word(j, "the") {
		j--
	}
	if v.word(j, "and", ",") && v.ent(j-1) != nil {
		j -= 2
		if v.word(j, "the") {
			j--
		}
	}
	return v.word(j, "with", "against", "on", "at", "to", "from", "for", "into", "toward", "towards")
}

// locative reports a place at item k that a place preposition governs
// ("operations in northern Iraq, targeting PKK fighters", "deployed in
// Iraq to support"): where the act happens, not who acts.
func (v *view) locative(k int) bool { return v.governedBy(k, v.d.lx.placePrepositions) }

// situated reports a place or country at item k that a preposition of
// where ("in", "near") governs: it says where something is, never who
// acts ("facilities in northern Iraq for its war").
func (v *view) situated(k int) bool { return v.governedBy(k, v.d.lx.sitePrepositions) }

// governedBy reports a place or country at item k governed by one of
// preps, past a place word or "the", and over a list ("in Iraq and
// Syria", "in Yemen, Lebanon, and Iraq").
func (v *view) governedBy(k int, preps wordSet) bool {
	if !is(v.ent(k), schema.Place, schema.Country, schema.MilitaryBase) {
		return false
	}
	j := k - 1
	if j >= 0 && v.it[j].e == nil && (v.d.lx.placeWords.hasID(v.it[j].id) || v.word(j, "the")) {
		j-- // "in northern Iraq", "in the Gara region"
	}
	if v.word(j, "and", "or") && v.word(j-1, ",") {
		j-- // "in Yemen, Lebanon, and Iraq"
	}
	if v.word(j, "and", ",") && j > 0 && v.it[j-1].e != nil {
		return v.governedBy(j-1, preps) // "in Iraq and Syria"
	}
	return v.wordIn(j, preps)
}

// otherMembers: "Iran and other forces of the Axis of Resistance" — the
// first is a member of the second.
func (v *view) otherMembers(o int) {
	if !v.word(o+1, "and") || !v.word(o+2, "other") {
		return
	}
	if v.wordIn(o+3, v.d.lx.otherMemberNouns) {
		if j := v.next(o+3, 4, ofType(schema.Coalition, schema.ArmedGroup)); j >= 0 {
			v.fact(o, v.ent(o), "member_of", v.ent(j), 0.7)
		}
	}
}

// supports: "Y, which supplies X with military cover", "Y supports X",
// "Y as the main supporter of X", "X acts with the approval of Y".
func (v *view) supports(k int) {
	w := v.it[k].w
	switch {
	case v.d.lx.supporterNouns.has(w):
		// "Y as the main (military) supporter of X"
		if !v.word(k+1, "of") {
			return
		}
		o := v.next(k+1, 3, actor)
		s := v.prev(k, 5, actor)
		if o >= 0 && s >= 0 {
			v.fact(k, v.ent(o), "backed_by", v.ent(s), 0.7)
		}
		return
	case v.d.lx.approvalNouns.hasID(v.it[k].id) || v.word(k-1, "the") && v.word(k+1, "of"):
		// "X acts with the (tacit) approval of Y", "the town was retaken
		// by X with the support of Y": Y backs X, whatever X is to Y.
		if v.word(k+1, "of") {
			if o := v.next(k+1, 3, actor); o >= 0 {
				if _, s := v.subj(v.verbBefore(k)); s != nil {
					v.fact(k, s, "backed_by", v.ent(o), 0.6)
				}
			}
		}
		return
	}
	// "to support X": the purpose of the subject ("established in 2013 to
	// support the Syrian government"); "Y supports X".
	o := v.next(k, 3, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition))
	if o < 0 {
		return
	}
	// "support Israel in its attacks": the object must follow directly.
	for j := k + 1; j < o; j++ {
		if !v.d.lx.skippable.hasID(v.it[j].id) && !v.d.lx.supportModifiers.hasID(v.it[j].id) {
			return
		}
	}
	var s *entity
	if sj, se := v.subj(k); se != nil {
		s = se
		_ = sj
	} else {
		_, s = v.subjOfParticiple(k)
	}
	if s == nil || s == v.ent(o) {
		return
	}
	v.fact(k, v.ent(o), "backed_by", s, 0.65)
}

// possessorBefore returns the item of a group or coalition whose
// possessive stands before the noun at k, over up to two words or a
// country's demonym ("the PKK's Syrian offshoot"), or -1.
func (v *view) possessorBefore(k int) int {
	j := k - 1
	for n := 0; n < 2 && j > 0 && !v.word(j, "'s", "'") && (v.it[j].e == nil || is(v.ent(j), schema.Country)); n++ {
		if clauseBreak(v.it[j].w) || v.word(j, ",", "of", "and") {
			return -1
		}
		j--
	}
	if v.word(j, "'s", "'") && is(v.ent(j-1), schema.ArmedGroup, schema.Coalition) {
		return j - 1
	}
	return -1
}

// possessedMember returns the group a possessive member noun (at k, its
// possessor at y) describes: the subject of "is" before it ("the YPG is
// the PKK's offshoot"), the name it stands in apposition to ("the YPG,
// the PKK's offshoot,"), or the name in apposition after it ("the SDF's
// main component, the YPG").
func (v *view) possessedMember(y, k int) *entity {
	j := y - 1
	if v.word(j, "the") {
		j--
	}
	switch {
	case v.word(j, "is", "was", "are", "remains", "became"):
		if s := v.prev(j, 3, ofType(schema.ArmedGroup)); s >= 0 {
			return v.ent(s)
		}
	case v.word(j, ","):
		return v.ent(j - 1)
	}
	if n := k + 1; v.word(n, ",") {
		if v.word(n+1, "the") {
			n++
		}
		return v.ent(n + 1)
	}
	return nil
}

// verbBefore returns the item of the verb before a prepositional phrase
// ("acts with the approval of"): the first plain word after the subject.
func (v *view) verbBefore(k int) int {
	for j := k - 1; j > 0; j-- {
		if v.it[j-1].e != nil {
			return j
		}
	}
	return k
}

// memberOf: "X, part of Y", "X, a member of Y", "X, one of the factions of
// Y", "X, under the umbrella of Y", "alongside other groups of Y, X …".
func (v *view) memberOf(k int) {
	w := v.it[k].w
	of := k + 1
	// "The YPG is the PKK's Syrian offshoot", "the SDF's main component,
	// the YPG": the whole is the possessor before the member noun.
	if y := v.possessorBefore(k); y >= 0 {
		if m := v.possessedMember(y, k); is(m, schema.ArmedGroup) && m != v.ent(y) {
			v.fact(k, m, "member_of", v.ent(y), 0.7)
		}
		return
	}
	if v.d.lx.memberNounsIn.has(w) && v.word(k+1, "in", "within") {
		// "X, the most powerful faction in Y"
		if y := v.next(k+1, 2, ofType(schema.ArmedGroup, schema.Coalition)); y >= 0 {
			if head := v.appositionHead(k); is(head, schema.ArmedGroup) {
				v.fact(k, head, "member_of", v.ent(y), 0.7)
			}
		}
		return
	}
	if v.d.lx.umbrellaWords.hasID(v.it[k].id) {
		if v.wordIn(k+1, v.d.lx.umbrellaHeads) {
			// "X, an umbrella group of militias including Y and Z"
			if head := v.appositionHead(k); is(head, schema.ArmedGroup, schema.Coalition) {
				for _, m := range v.members(k) {
					v.fact(k, m, "member_of", head, 0.7)
				}
			}
			return
		}
		if !v.word(k-1, "the") || !v.word(k-2, "under") {
			return
		}
	}
	if v.d.lx.pluralMemberNouns.has(w) {
		// "alongside other groups of Y, X …" and "X and other members of Y"
		if !v.word(k-1, "other") || !v.word(of, "of") {
			return
		}
		y := v.next(of, 3, ofType(schema.Coalition, schema.ArmedGroup))
		if y < 0 {
			return
		}
		if v.word(k-2, "alongside", "with") && k-2 == 0 || v.word(k-3, "alongside") {
			// The subject follows the comma.
			for j := y + 1; j < len(v.it) && j <= y+3; j++ {
				if e := v.refer(j); e != nil && is(e, schema.ArmedGroup) {
					v.fact(k, e, "member_of", v.ent(y), 0.7)
					return
				}
			}
			return
		}
		if v.word(k-2, "with") {
			// "coordinating our actions with other members of Y": the
			// speaker's side.
			if by := v.attr.by; by != nil {
				v.fact(k, by, "member_of", v.ent(y), 0.6)
			}
		}
		return
	}
	if !v.word(of, "of", "within") {
		return
	}
	y := v.next(of, 3, ofType(schema.Coalition, schema.ArmedGroup))
	if y < 0 {
		return
	}
	// The member is the entity the phrase is in apposition to.
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if e := v.ent(j); e != nil {
			a := v.afterName(j)
			if v.locative(j) {
				return // "troops stationed in Iraq, deployed as part of the coalition"
			}
			if h := v.asideHead(j); h >= 0 {
				e = v.ent(h) // "the YPG, which dominates the SDF, to be an offshoot of": the YPG
			}
			if is(e, schema.ArmedGroup, schema.Country) && (v.word(a, ",") || v.word(a, "is", "was", "are", "became")) {
				v.fact(k, e, "member_of", v.ent(y), 0.75)
			}
			return
		}
		if clauseBreak(v.it[j].w) {
			return
		}
	}
}

// afterName returns the item after entity j and its closing quote and
// head noun ("the «al-Nujaba» movement, …").
func (v *view) afterName(j int) int {
	a := j + 1
	if v.word(a, `"`, "'") {
		a++
	}
	if v.wordIn(a, v.d.lx.organizationNouns) {
		a++
	}
	return a
}

// located: "X, located in/near Y", "X in Y" for bases and places, "Y’s X",
// "bases in Syria, such as X and Y".
func (v *view) located(k int) {
	w := v.it[k].w
	switch {
	case v.d.lx.locatedParticiples.has(w):
		s := v.prev(k, 3, ofType(schema.MilitaryBase, schema.Place))
		if s < 0 {
			return
		}
		prep := k + 1
		if v.wordIn(prep, v.d.lx.nearWords) {
			if o := v.next(prep, 3, ofType(schema.MilitaryBase, schema.Place)); o >= 0 {
				v.fact(k, v.ent(s), "located_near", v.ent(o), 0.8)
				// "… near Erbil Airport in the KRG": both are in the region.
				if v.word(o+1, "in") {
					if r := v.next(o+1, 3, ofType(schema.Place, schema.Country, schema.GovernmentBody)); r >= 0 {
						v.fact(k, v.ent(s), "located_in", v.ent(r), 0.7)
						v.fact(k, v.ent(o), "located_in", v.ent(r), 0.7)
					}
				}
			}
			return
		}
		if v.word(prep, "in", "at", "inside") {
			if o := v.next(prep, 3, ofType(schema.Place, schema.Country)); o >= 0 {
				v.fact(k, v.ent(s), "located_in", v.ent(o), 0.8)
			}
		}
	case w == "near":
		s := k - 1
		if v.word(s, ",") {
			s--
		}
		if is(v.ent(s), schema.MilitaryBase, schema.Place) {
			if o := v.next(k, 2, ofType(schema.MilitaryBase, schema.Place)); o >= 0 {
				v.fact(k, v.ent(s), "located_near", v.ent(o), 0.7)
			}
		}
	case w == "in":
		si := k - 1
		if v.word(si, `"`, "'") {
			si--
		}
		s := v.ent(si)
		if s == nil {
			// "bases in Syria, such as X and Y"
			v.examplesIn(k)
			return
		}
		if !is(s, schema.MilitaryBase, schema.Place) || s.typ == schema.Place && s.lex != nil && s.lex.Metonym != "" {
			return
		}
		// "the largest embassy in the Middle East" ranks, it does not place.
		for j := si - 1; j >= 0 && j >= si-3; j-- {
			if w := v.it[j].w; len(w) > 4 && strings.HasSuffix(w, "est") {
				return
			}
		}
		o := k + 1
		for o < len(v.it) && v.it[o].e == nil && (v.d.lx.skippable.hasID(v.it[o].id) && v.it[o].w != "in" || v.d.lx.placeWords.hasID(v.it[o].id) || v.regionDemonym(o)) {
			o++
		}
		// "Iraq’s capital Baghdad": the place named after the possessive.
		if v.ent(o) != nil && v.word(o+1, "'s") {
			if p := v.next(o+1, 3, ofType(schema.Place)); p >= 0 {
				o = p
			}
		}
		if is(v.ent(o), schema.Place, schema.Country) && !v.attributive(k+1, o) {
			for _, x := range v.listBack(si) {
				v.fact(k, v.ent(x), "located_in", v.ent(o), 0.75)
			}
		}
	}
}

// attributive reports a name at item o, read after "in" from item from,
// that qualifies a noun rather than names where something is: "killed in
// Baghdad in a US strike" (an indefinite article before the name; a place
// takes none), "in the Turkish shelling" (an attack noun after it).
func (v *view) attributive(from, o int) bool {
	for j := from; j < o; j++ {
		if v.word(j, "a", "an") {
			return true
		}
	}
	return o+1 < len(v.it) && v.it[o+1].e == nil && v.d.lx.attackNouns.hasID(v.it[o+1].id)
}

// regionDemonym reports a demonym at item k that qualifies the place
// word after it ("in the eastern Syrian province of Deir ez-Zor"): it says
// whose the province is, and the place named after it is where.
func (v *view) regionDemonym(k int) bool {
	return v.it[k].dem != nil && v.it[k].e == nil && v.wordIn(k+1, v.d.lx.placeWords)
}

// examplesIn: "their counterparts in Syria, like the Al-Omar and Kiniko
// field", "the bases of this country in Syria, such as Koniko and al-Tanf".
func (v *view) examplesIn(k int) {
	c := k + 1
	if !is(v.ent(c), schema.Country, schema.Place) {
		return
	}
	j := c + 1
	if v.word(j, ",") {
		j++
	}
	if !(v.word(j, "like", "including") || v.word(j, "such") && v.word(j+1, "as")) {
		return
	}
	x := v.next(j, 3, ofType(schema.MilitaryBase, schema.Place))
	if x < 0 {
		return
	}
	for _, b := range v.list(x) {
		if is(v.ent(b), schema.MilitaryBase, schema.Place) {
			v.fact(k, v.ent(b), "located_in", v.ent(c), 0.7)
		}
	}
}

// capital: "Iraq’s capital Baghdad", "Baghdad, the capital of Iraq".
func (v *view) capital(k int) {
	if c := v.prev(k, 2, ofType(schema.Country)); c >= 0 {
		if p := v.next(k, 1, ofType(schema.Place)); p >= 0 {
			v.fact(k, v.ent(p), "capital_of", v.ent(c), 0.9)
		}
		return
	}
	if v.word(k+1, "of") {
		if c := v.next(k+1, 2, ofType(schema.Country)); c >= 0 {
			if p := v.prev(k, 3, ofType(schema.Place)); p >= 0 {
				v.fact(k, v.ent(p), "capital_of", v.ent(c), 0.9)
			}
		}
	}
}

// allied: "X’s ally Y", "Y, an ally of X", "X-aligned Y", "allied with X".
func (v *view) allied(k int) {
	w := v.it[k].w
	if v.d.lx.allianceParticiples.has(w) && k > 0 && v.d.toks[v.it[k].t0].hyph {
		a := v.sponsorBefore(k)
		if a == nil {
			return
		}
		for _, s := range v.backedGroups(k) {
			v.fact(k, s, "allied_with", a, 0.7)
		}
		return
	}
	if v.d.lx.alliedWords.hasID(v.it[k].id) && v.word(k+1, "with", "to") {
		if o := v.next(k+1, 2, actor); o >= 0 {
			if _, s := v.subjOfParticiple(k); s != nil {
				v.fact(k, s, "allied_with", v.ent(o), 0.7)
			}
		}
		return
	}
	if v.d.lx.allyNouns.has(w) {
		var of *entity
		if v.word(k+1, "of") {
			if o := v.next(k+1, 2, actor); o >= 0 {
				of = v.ent(o)
			}
		} else if p := v.prev(k, 2, actor); p >= 0 {
			of = v.ent(p) // "the U.S. ally", "Washington’s ally"
		}
		if of == nil {
			return
		}
		// The ally: named after it ("Turkey's ally Azerbaijan"), an
		// apposition, or the answer to a question ("And who was the U.S.
		// ally …? Of course, Israel").
		if s := v.next(k, 1, ofType(schema.Country, schema.ArmedGroup)); s >= 0 && v.ent(s) != of {
			v.fact(k, v.ent(s), "allied_with", of, 0.6)
			return
		}
		if s := v.prev(k, 6, ofType(schema.Country, schema.ArmedGroup)); s >= 0 && v.ent(s) != of {
			v.fact(k, v.ent(s), "allied_with", of, 0.6)
			return
		}
		if v.endsWithQuestion() {
			v.d.pendingAlly = &pendingRel{s: of, p: "allied_with", conf: 0.5}
		}
	}
}

// pendingRel is a relation whose other end the next sentence gives.
type pendingRel struct {
	s    *entity
	p    string
	conf float64
}

func (v *view) endsWithQuestion() bool {
	// "Would the occupiers withdraw?!": the question mark may come
	// before the end's other marks.
	for k := len(v.it) - 1; k >= 0 && k >= len(v.it)-3; k-- {
		switch v.it[k].w {
		case "?", "?!", "!?":
			return true
		case "!", `"`, "'", ")":
			continue
		}
		return false
	}
	return false
}

// killed: "X killed/assassinated Y (and Z)", "Y was killed by X", "the
// killing of Y by X".
func (v *view) killed(k int) {
	victims := func(from int) []*entity {
		var out []*entity
		if o := v.next(from, 4, ofType(schema.Person)); o >= 0 {
			last := o
			for _, i := range v.list(o) {
				if is(v.ent(i), schema.Person) {
					out = append(out, v.ent(i))
					last = i
				}
			}
			if p := v.titledPersonAfterAnd(last); p >= 0 && !slices.Contains(out, v.ent(p)) {
				out = append(out, v.ent(p)) // "X and Iraqi PMF commander Y"
			}
		}
		return out
	}
	// "Salim Jaber, killed in the Israeli strikes, ...": the apposition's
	// victim is the name before the comma.
	appos := v.word(k-1, ",") && is(v.ent(k-2), schema.Person) && v.word(k+1, "in")
	if v.word(k-1, "was", "were") || v.word(k+1, "by") || appos {
		// "X was killed in a U.S. strike", "X was killed and two others
		// were hurt on Monday in a Turkish strike": the strike noun after
		// "in", past a coordinated casualty clause or a time phrase that
		// names no one.
		if p := v.killedIn(k); p > 0 {
			for j := p + 1; j < len(v.it) && j <= p+5; j++ {
				if v.wordIn(j, v.d.lx.attackInNouns) {
					var a *entity
					for i := j - 1; i > p && a == nil; i-- {
						if a = v.ent(i); a == nil {
							a = v.country(i)
						}
					}
					if a == nil && v.word(j+1, "by") {
						// "in an airstrike by U.S. jets"
						if b := v.next(j+1, 2, ofType(schema.Country, schema.ArmedGroup, schema.GovernmentBody)); b >= 0 {
							a = v.ent(b)
						} else {
							a = v.country(j + 2)
						}
					}
					if a == nil && v.definiteAt(j) {
						// "X, killed in the strike"
						a = v.strikingState()
					}
					if a == nil {
						return
					}
					s, e := v.subj(k)
					if appos {
						s, e = k-2, v.ent(k-2)
					}
					if s < 0 || !is(e, schema.Person) {
						return
					}
					for _, vic := range v.victimList(s) {
						if vic != a {
							v.fact(k, a, "killed", vic, 0.75)
						}
					}
					return
				}
			}
		}
		if v.word(k+1, "by") {
			if a := v.next(k+1, 3, ofType(schema.Country, schema.ArmedGroup, schema.GovernmentBody)); a >= 0 {
				if s, e := v.subj(k); s >= 0 && is(e, schema.Person) {
					v.fact(k, v.ent(a), "killed", e, 0.8)
				}
			}
		}
		return
	}
	_, agent := v.subj(k)
	if agent == nil && v.word(k-1, "by") && strings.HasSuffix(v.it[k].w, "ing") && k >= 2 {
		// "the U.S. escalated by assassinating X": the gerund's subject
		// is the verb's before "by".
		if _, agent = v.subj(k - 2); agent == nil {
			agent = v.firstActor(k) // "X dealt a blow by assassinating Y"
		}
	}
	noun := k - 1
	if v.word(noun, "that", "which") {
		noun-- // "the drone strike that killed X"
	}
	if agent == nil && v.wordIn(noun, v.d.lx.killerAttackNouns) {
		// "a U.S. drone strike killed X": the striker.
		for j := noun - 1; j >= 0 && j >= noun-4; j-- {
			if noun != k-1 && v.word(j, "a", "an", "and", ",") {
				break // "raids against X and a drone strike which killed Y"
			}
			if e := v.ent(j); e != nil {
				agent = e
				break
			}
			if c := v.country(j); c != nil {
				agent = c
				break
			}
		}
		if agent == nil && v.definiteAt(noun) {
			// "The strike killed X": the strike the article told, where
			// a state or its forces carried it out.
			agent = v.strikingState()
		}
	}
	if v.d.lx.killingNouns.hasID(v.it[k].id) {
		if !v.word(k+1, "of") {
			return
		}
		agent = nil
		if a := v.prev(k, 2, ofType(schema.Country, schema.ArmedGroup, schema.GovernmentBody)); a >= 0 {
			agent = v.ent(a)
		} else if c := v.country(k - 1); c != nil {
			agent = c
		}
	}
	if agent == nil {
		return
	}
	for _, vic := range victims(k) {
		v.fact(k, agent, "killed", vic, 0.8)
	}
}

// strikingState is the agent of the attack the article told in this
// sentence or the few before, where a state or its forces carried it out:
// the hand of "the strike" that killed someone. A group's attack is not
// taken, lest the victim's own side be given the hand.
func (v *view) strikingState() *entity {
	if ev := v.antecedentEvent(func(ev *schema.Event) bool {
		return is(v.d.byID[ev.Agent], schema.Country, schema.GovernmentBody, schema.Coalition)
	}); ev != nil {
		return v.d.byID[ev.Agent]
	}
	return nil
}

// killedIn returns the "in" that introduces the attack a passive killed
// at k was suffered in: right after the verb, or past items that name no
// one (a coordinated casualty clause, "and four others were hurt"; a time
// phrase, "on Monday night, June 4,"), up to twelve items, none a clause
// break, a quotation mark or a report verb; or -1.
func (v *view) killedIn(k int) int {
	for p := k + 1; p < len(v.it) && p <= k+12; p++ {
		if v.word(p, "in") {
			return p
		}
		if v.ent(p) != nil || clauseBreak(v.it[p].w) || v.it[p].w == `"` || v.quote[p] != v.quote[k] ||
			v.d.lx.reportVerbs.hasID(v.it[p].id) || v.wordIn(p, v.d.lx.attackInNouns) {
			return -1
		}
	}
	return -1
}

// victimList returns the persons of the coordinated list that ends at s
// ("Salim Jaber, Omar Saleh, and Ali Hassan were killed").
func (v *view) victimList(s int) []*entity {
	out := []*entity{v.ent(s)}
	for s >= 2 {
		p := s - 1
		if v.word(p, "and") && v.word(p-1, ",") {
			p-- // "A, B, and C"
		}
		if !v.word(p, "and", ",") || !is(v.ent(p-1), schema.Person) {
			break
		}
		s = p - 1
		out = append(out, v.ent(s))
	}
	return out
}

// titledPersonAfterAnd returns the person named after "and" past a title
// that may hold names and one comma ("Qasem Soleimani and Iraqi
// Popular Mobilization Forces powerbroker Abu Mahdi al-Muhandis", "and the
// deputy head of the PMF, Abu Mahdi al-Muhandis"), within eight items
// of the item last, or -1.
func (v *view) titledPersonAfterAnd(last int) int {
	if !v.word(last+1, "and") {
		return -1
	}
	for n := last + 2; n < len(v.it) && n <= last+9; n++ {
		if is(v.ent(n), schema.Person) {
			return n
		}
		if clauseBreak(v.it[n].w) || v.word(n, "and", "who", "which", "that") || v.word(n, ",") && !is(v.ent(n+1), schema.Person) {
			return -1
		}
	}
	return -1
}

// overthrew: "X toppled Y".
func (v *view) overthrew(k int) {
	_, s := v.subj(k)
	if s == nil {
		// "…, toppled Saddam Hussein": a verb in a series shares the
		// sentence's subject.
		if j := v.prev(k, 12, ofType(schema.Country)); j >= 0 {
			s = v.ent(j)
		}
	}
	if o := v.next(k, 3, ofType(schema.Person, schema.GovernmentBody)); o >= 0 {
		v.fact(k, s, "overthrew", v.ent(o), 0.75)
	}
}

// fought: "X’s fight against Y", "the mission of the coalition against
// ISIS", "X contributed to the defeat of Y".
func (v *view) fought(k int) {
	id := v.it[k].id
	if v.d.lx.defeatNouns.hasID(id) {
		if !v.word(k+1, "of") {
			return
		}
		o := v.next(k+1, 2, ofType(schema.ArmedGroup))
		if o < 0 {
			return
		}
		for _, s := range v.sentenceSubjects(k) {
			v.fact(k, s, "fought_against", v.ent(o), 0.65)
		}
		return
	}
	// "X’s fight against Y", "X fought (against) Y", "the mission of X against Y"
	a := k + 1
	if !v.word(a, "against") && !v.d.lx.directFightVerbs.hasID(id) {
		if !(v.word(a, "of") && v.word(a+2, "against")) && !(v.word(a, "of") && v.word(a+3, "against")) {
			return
		}
	}
	o := v.next(k, 5, ofType(schema.ArmedGroup))
	if o < 0 {
		return
	}
	var s *entity
	if j := v.prev(k, 2, ofType(schema.ArmedGroup, schema.Country, schema.Coalition, schema.GovernmentBody)); j >= 0 {
		s = v.ent(j)
	} else if j := v.prev(k, 5, ofType(schema.ArmedGroup, schema.Country, schema.Coalition, schema.GovernmentBody)); j >= 0 && v.word(k-1, "their", "its") && !v.locative(j) {
		s = v.ent(j) // "support the SDF in their fight against ISIS"; not "bases in Iraq for its war"
	} else if j := v.next(k, 3, ofType(schema.Coalition, schema.Country, schema.GovernmentBody)); j >= 0 && j < o && v.word(k+1, "of") {
		s = v.ent(j) // "the mission of the coalition against ISIS"; not "its campaign against Turkey, the PKK"
	} else if _, e := v.subj(k); e != nil {
		s = e
	}
	v.fact(k, s, "fought_against", v.ent(o), 0.7)
}

// sentenceSubjects: the subject of the main clause and the groups it is
// said to act alongside ("Alongside other groups of the PMF, it …").
func (v *view) sentenceSubjects(k int) []*entity {
	var out []*entity
	for j := 0; j < k; j++ {
		if v.word(j, "it", "they", "he") && (j == 0 || v.it[j-1].w == ",") {
			if e := v.refer(j); e != nil {
				out = append(out, e)
			}
			break
		}
	}
	for j := 0; j < k; j++ {
		if v.word(j, "alongside", "with") && v.word(j+1, "other") {
			if g := v.next(j+1, 6, ofType(schema.ArmedGroup, schema.Coalition)); g >= 0 && g < k {
				out = append(out, v.ent(g))
			}
		}
	}
	if len(out) == 0 {
		if _, e := v.subj(v.firstVerb(k)); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// firstVerb approximates the main verb before k: the first plain word
// after the first entity.
func (v *view) firstVerb(k int) int {
	for j := 1; j < k; j++ {
		if v.it[j].e == nil && v.it[j-1].e != nil && !v.d.lx.skippable.hasID(v.it[j].id) && v.it[j].w != "," {
			return j
		}
	}
	return k
}

// partyTo: parties to a named agreement or negotiation track: "the
// Strategic Framework Agreement reached between X and Y", "the Strategic
// Dialogue with the US", "X continues to implement the agreement".
func (v *view) partyTo(ag int) {
	k := ag
	for j := ag + 1; j < len(v.it) && j <= ag+6; j++ {
		if v.word(j, "between") {
			if a := v.next(j, 2, party); a >= 0 {
				for _, p := range v.list(a) {
					v.fact(k, v.political(p), "party_to", v.ent(ag), 0.8)
				}
			}
			break
		}
		if v.word(j, "with") {
			if a := v.next(j, 2, ofType(schema.Country, schema.GovernmentBody)); a >= 0 {
				v.fact(k, v.political(a), "party_to", v.ent(ag), 0.75)
			}
			break
		}
		if clauseBreak(v.it[j].w) {
			break
		}
	}
	// The subject of a clause that implements, resumes, signs … it.
	for j := ag - 1; j >= 0 && j >= ag-14; j-- {
		if v.d.lx.implementVerbs.hasID(v.it[j].id) {
			if _, s := v.subj(v.verbStart(j)); s != nil {
				v.fact(k, s, "party_to", v.ent(ag), 0.7)
			}
			return
		}
	}
}

// verbStart walks back over "continues to", "has taken on the
// responsibility of" to where the subject should be.
func (v *view) verbStart(j int) int {
	for i := j - 1; i >= 0 && i >= j-8; i-- {
		if v.it[i].e != nil {
			return i + 1
		}
		if clauseBreak(v.it[i].w) || v.it[i].w == "," {
			return i + 1
		}
	}
	return j
}

// names reports whether an item of the sentence is a mention of e.
func (v *view) names(e *entity) bool {
	for k := range v.it {
		if v.it[k].e == e && v.it[k].m != nil && v.it[k].m.ent == e {
			return true
		}
	}
	return false
}

// political maps a capital used for its government ("between Baghdad and
// Washington") to the country.
func (v *view) political(k int) *entity { return v.politicalEntity(v.ent(k)) }

// deployed: "2,500 American soldiers in Iraq", "US forces stationed in
// Syria", "the American bases in Erbil, …", "X, where they were deployed".
func (v *view) deployed(k int) {
	w := v.it[k].w
	if v.d.lx.stationedParticiples.has(w) && (v.word(k+1, "in", "at", "to") || v.word(k-1, "were", "was", "are", "is", "they")) {
		// "… left the Ayn al-Asad Base, where they were deployed"
		if v.word(k-2, "they") && v.word(k-3, "where") {
			if b := v.prev(k-3, 6, ofType(schema.MilitaryBase, schema.Place)); b >= 0 {
				if a := v.prev(b, 8, ofType(schema.GovernmentBody, schema.Country, schema.Coalition)); a >= 0 {
					v.fact(k, v.ent(a), "deployed_at", v.ent(b), 0.7)
				}
			}
			return
		}
		var s *entity
		if x := v.prev(k, 4, ofType(schema.GovernmentBody, schema.Country, schema.Coalition)); x >= 0 {
			s = v.ent(x)
		} else if v.wordIn(k-1, v.d.lx.troopNouns) {
			// "the 2500 troops stationed in Iraq": the article's army.
			s = v.d.dominantMilitary()
		}
		if s != nil && v.word(k+1, "in", "at", "to") {
			if o := v.next(k+1, 3, ofType(schema.Place, schema.MilitaryBase, schema.Country)); o >= 0 {
				for _, x := range v.list(o) {
					v.fact(k, s, "deployed_at", v.ent(x), 0.75)
				}
			}
		}
		return
	}
	// "The Pentagon deployed 2,000 troops to Jordan", "Washington sent
	// additional forces to the region": a Deployment.
	_, s := v.subj(k)
	if s == nil || !is(s, schema.Country, schema.GovernmentBody, schema.Coalition) {
		return
	}
	for j := k + 1; j < len(v.it) && j <= k+6; j++ {
		if v.word(j, "to", "in", "at") {
			troops := false
			for i := k + 1; i < j; i++ {
				troops = troops || v.d.lx.militaryNouns.hasID(v.it[i].id) || v.it[i].e != nil && v.d.lx.isMilitary(v.it[i].e) || v.wordIn(i, v.d.lx.deployableAssets)
			}
			o := v.next(j, 3, ofType(schema.Place, schema.MilitaryBase, schema.Country))
			if !troops || o < 0 {
				return
			}
			for _, x := range v.list(o) {
				v.fact(k, s, "deployed_at", v.ent(x), 0.7)
			}
			status := "occurred"
			if v.modalBefore(k) {
				status = "planned"
			}
			v.addEvent(schema.EvDeployment, s, nil, v.ent(o), k, status)
			return
		}
		if clauseBreak(v.it[j].w) {
			return
		}
	}
}

// deployedIn: "2,500 American soldiers in Iraq", "US forces in Syria",
// "the American bases in Erbil, …". Bases are the armed forces' ("drones
// hit US bases in Syria"), unless the sentence makes the state act on them
// ("the United States closed the American bases in Erbil"): the state's.
func (v *view) deployedIn(k int) {
	s := v.ent(k)
	if c := v.it[k].dem; c != nil && v.it[k].bases && v.names(v.d.virtual(c)) {
		s = v.d.virtual(c)
	}
	// "…, where some 200 U.S. troops train local forces": the place
	// before "where".
	j := k - 1
	for j >= 0 && (v.wordIn(j, v.d.lx.approximators) || v.word(j, "up", "to") || v.dateish(j)) {
		j--
	}
	if v.word(j, "where") {
		c := j - 1
		if v.word(c, ",") {
			c--
		}
		if v.word(c-1, "of") && v.wordIn(c-2, v.d.lx.directions) {
			// "the al-Taji base, some 20 km north of Baghdad, where U.S.
			// troops are stationed": the base the bearing places.
			if b := v.prev(c-2, 6, ofType(schema.MilitaryBase, schema.Place)); b >= 0 {
				c = b
			}
		}
		if is(v.ent(c), schema.Place, schema.MilitaryBase, schema.Country) {
			v.fact(k, s, "deployed_at", v.ent(c), 0.65)
		}
	}
	// "the American outpost Tower 22", "the Al-Tanf US base": the base
	// named beside the state's base word is the forces'.
	if v.it[k].bases {
		for _, b := range []int{k + 1, k - 1} {
			if is(v.ent(b), schema.MilitaryBase) {
				v.fact(k, s, "deployed_at", v.ent(b), 0.7)
				return
			}
		}
		// "a US base in Syria" in an article on US forces that names one
		// base, Tower 22: the base named is the one the forces are at.
		// Not "an Iraqi base housing US troops": the forces it hosts are.
		if f := v.ent(k); f == v.d.dominantMilitary() && v.singleBase(k) && !v.wordIn(k+1, v.d.lx.hostWords) {
			if b := v.d.onlyBase(); b != nil {
				v.fact(k, f, "deployed_at", b, 0.6)
			}
		}
	}
	// "U.S. troops remain in Iraq", "the American occupation base at X",
	// "coalition forces are based at X".
	n := k + 1
	for n <= k+3 && (v.wordIn(n, v.d.lx.presenceWords) || v.word(n, "are", "were", "is")) {
		n++
	}
	if !v.word(n, "in", "at", "inside") {
		return
	}
	o := v.next(n, 2, ofType(schema.Place, schema.MilitaryBase, schema.Country))
	if o < 0 {
		return
	}
	idx := v.list(o)
	v.deployedAtPosts(k, s, idx, 0.7)
	// "American soldiers in Syria's northeastern Hasakah province": in the country
	// and in the part of it the possessive names.
	if p := v.countrysPart(o); len(idx) == 1 && p > o {
		v.fact(k, s, "deployed_at", v.ent(p), 0.65)
	}
	// "…, mostly at Ain al-Asad in Anbar and at Harir and Erbil": the
	// places named after a qualifier, not the regions that locate them.
	e := idx[len(idx)-1]
	if v.word(e+1, ",") && v.wordIn(e+2, v.d.lx.focusAdverbs) {
		for x := e + 3; x < len(v.it) && x <= e+16; x++ {
			if clauseBreak(v.it[x].w) || v.word(x, "where", "which", "who") {
				break
			}
			if v.ent(x) == nil || !v.word(x-1, "at", "in") || !(v.wordIn(x-2, v.d.lx.focusAdverbs) || v.word(x-2, "and", ",")) {
				continue
			}
			if !is(v.ent(x), schema.Place, schema.MilitaryBase) {
				continue
			}
			for _, y := range v.list(x) {
				v.fact(k, s, "deployed_at", v.ent(y), 0.65)
			}
		}
	}
}

// singleBase reports whether item k names forces by one base of theirs
// ("a US base", "the American outpost"), not by their bases.
func (v *view) singleBase(k int) bool {
	return k >= 0 && k < len(v.it) && v.it[k].bases && v.d.lx.singleBaseWords.hasID(v.d.toks[v.it[k].t1-1].id)
}

// onlyBase returns the one military base of the lexicon the article
// names, or nil when it names none or several.
func (d *doc) onlyBase() *entity {
	if !d.onlyDone {
		d.only, d.onlyDone = d.findOnlyBase(), true
	}
	return d.only
}

func (d *doc) findOnlyBase() *entity {
	var b *entity
	for _, m := range d.ments {
		if m.ent.typ != schema.MilitaryBase || m.ent == b || m.ent.lex == nil {
			continue
		}
		if b != nil {
			return nil
		}
		b = m.ent
	}
	return b
}

// countrysPart returns the item of the place a country's possessive at
// item j names, past place words and adjectives ("Syria's northern
// province of Raqqa", "Iraq's southern Basra province"), or j.
func (v *view) countrysPart(j int) int {
	if !is(v.ent(j), schema.Country) || !v.word(j+1, "'s", "'") {
		return j
	}
	p := j + 2
	for n := 0; p < len(v.it) && n < 3 && v.it[p].e == nil; p, n = p+1, n+1 {
		if !(v.wordIn(p, v.d.lx.placeWords) || v.wordIn(p, v.d.lx.placesBefore) || v.word(p, "of") || adjectiveEnding(v.it[p].w) && !v.d.toks[v.it[p].t0].cap) {
			return j
		}
	}
	if is(v.ent(p), schema.Place) {
		return p
	}
	return j
}

// hosts: "Iraq, which hosts about 2,500 U.S. troops", "X air base, which
// houses American forces", "Y hosts coalition troops": the military is
// deployed at the host.
func (v *view) hosts(k int) {
	var host *entity
	if v.word(k-1, "which", "that") {
		c := k - 2
		if v.word(c, ",") {
			c--
		}
		if x := v.prev(c+1, 6, ofType(schema.Place, schema.MilitaryBase, schema.Country)); x >= 0 {
			host = v.ent(x)
		}
	} else if _, e := v.subj(k); is(e, schema.Place, schema.MilitaryBase, schema.Country) {
		host = e
	}
	if host == nil {
		return
	}
	for j := k + 1; j < len(v.it) && j <= k+6; j++ {
		e := v.ent(j)
		if e == nil {
			if clauseBreak(v.it[j].w) || v.word(j, ",") {
				return
			}
			continue
		}
		if is(e, schema.Coalition) || is(e, schema.GovernmentBody) && v.d.lx.isMilitary(e) {
			if v.it[j].m != nil && !v.wordIn(j+1, v.d.lx.presenceNouns) && e.typ != schema.GovernmentBody {
				return
			}
			v.fact(k, e, "deployed_at", host, 0.65)
		}
		return
	}
}

// troopsHeld: "The United States has about 2,500 troops in Iraq and 900
// in Syria", "Britain keeps some 400 soldiers at X".
func (v *view) troopsHeld(k int) {
	j := k - 1
	for j >= 0 && j >= k-4 && (v.wordIn(j, v.d.lx.approximators) || v.word(j, "more", "than") || v.wordIn(j, v.d.lx.troopModifiers) || v.dateish(j)) {
		j--
	}
	if v.word(j, "its", "their") {
		v.possessedTroops(k)
		return
	}
	if j == k-1 || !(v.word(j, "has", "have", "had") || v.wordIn(j, v.d.lx.keepVerbs)) {
		return
	}
	_, s := v.subj(j)
	if !is(s, schema.Country, schema.Coalition) {
		return
	}
	if m := v.d.military(s); m != nil {
		s = m // a state's troops are its armed forces, where they are
	}
	for n := k + 1; n < len(v.it) && n <= k+12; n++ {
		if clauseBreak(v.it[n].w) || v.word(n, "but", "while", "which", "who") {
			return
		}
		if v.word(n, "in", "at") && is(v.ent(n+1), schema.Country, schema.Place, schema.MilitaryBase) {
			v.fact(k, s, "deployed_at", v.ent(n+1), 0.65)
		}
		if v.word(n, "in", "at") && v.wordIn(n+1, v.d.lx.regionAdjectives) && is(v.ent(n+2), schema.Country, schema.Place) {
			v.fact(k, s, "deployed_at", v.ent(n+2), 0.65)
		}
	}
}

// possessedTroops: "Washington says its 900 troops in Syria will stay",
// "Britain vowed to protect their soldiers in Iraq": the troops item k
// names, behind "its" or "their", are the armed forces of the state or
// coalition the sentence opens with, and they are in the places named
// right after "in".
func (v *view) possessedTroops(k int) {
	s := v.firstActor(k)
	if !is(s, schema.Country, schema.Coalition) {
		return
	}
	if m := v.d.military(s); m != nil {
		s = m
	}
	if !v.word(k+1, "in", "inside") {
		return
	}
	o := k + 2
	if v.wordIn(o, v.d.lx.regionAdjectives) {
		o++
	}
	if !is(v.ent(o), schema.Country, schema.Place, schema.MilitaryBase) {
		return
	}
	v.deployedAtPosts(k, s, v.list(o), 0.65)
}

// deployedAtPosts: the forces s are deployed_at the places listed at idx
// (with confidence conf) and at the posts that follow the list
// (morePosts), for the trigger at item k.
func (v *view) deployedAtPosts(k int, s *entity, idx []int, conf float64) {
	for _, x := range idx {
		v.fact(k, s, "deployed_at", v.ent(x), conf)
	}
	for _, x := range v.morePosts(idx[len(idx)-1]) {
		v.fact(k, s, "deployed_at", v.ent(x), 0.65)
	}
}

// morePosts returns the places that follow the last place e of forces'
// posts with a second count or a region adjective, which the plain list
// stops before: "900 troops in Syria and 2,500 in Iraq", "its bases in
// Syria and neighbouring Iraq".
func (v *view) morePosts(e int) []int {
	if !v.word(e+1, "and") {
		return nil
	}
	j := e + 2
	if j < len(v.it) && v.it[j].e == nil && isNumber(v.it[j].w) {
		if !v.word(j+1, "in", "at") {
			return nil
		}
		j += 2
	}
	if v.wordIn(j, v.d.lx.regionAdjectives) {
		j++
	}
	if j == e+2 || !is(v.ent(j), schema.Country, schema.Place, schema.MilitaryBase) {
		return nil // "in Syria and Iraq" is the list's
	}
	return v.list(j)
}

// activeIn: "X, which operates in Y", "X is active in Y", "Y-based X".
func (v *view) activeIn(k int) {
	if !v.word(k+1, "in", "across", "throughout") {
		return
	}
	o := v.next(k+1, 3, ofType(schema.Country, schema.Place))
	if o < 0 {
		return
	}
	_, s := v.subjOfParticiple(k)
	if v.word(k-1, "which", "that") {
		if j := v.prev(k, 3, nil); j >= 0 {
			s = v.ent(j)
		}
	}
	for _, x := range v.list(o) {
		v.fact(k, s, "active_in", v.ent(x), 0.65)
	}
}

// operationsIn: "Turkey launched three operations in northern Syria:
// Euphrates Shield, Olive Branch and Peace Spring", "a trio of offensives
// — A (2016), B (2018) and C (2019) — in northern Syria": the operations
// a plural noun announces and a colon or a dash lists are located in the
// one area the sentence puts them in.
func (v *view) operationsIn(k int) {
	ops := v.operationList(k)
	if ops == nil {
		return
	}
	var area *entity
	for j := 1; j < len(v.it); j++ {
		if !v.word(j-1, "in") || slices.Contains(ops, j) {
			continue
		}
		o := j
		for o < len(v.it) && v.wordIn(o, v.d.lx.placeWords) {
			o++ // "in northern Syria"
		}
		if e := v.ent(o); is(e, schema.Country, schema.Place) {
			if area != nil && area != e {
				return // two areas: which holds the operations is not said
			}
			area = e
		}
	}
	for _, j := range ops {
		v.fact(k, v.ent(j), "located_in", area, 0.65)
	}
}

// operationList returns the items of the named operations (the lexicon's
// Event entities) that the plural noun at item n announces and a colon, a
// dash or "including" lists ("three operations: A (2016), B (2018) and
// C"), or nil unless there are two or more. Both the operations' place
// (operationsIn) and their attacks (namedOperations) read the list here.
func (v *view) operationList(n int) []int {
	open := -1
	for j := n + 1; j < len(v.it) && j <= n+24; j++ {
		if v.word(j, ":", "—", "–", "including") {
			open = j
			break
		}
		if clauseBreak(v.it[j].w) {
			return nil
		}
	}
	if open < 0 {
		return nil
	}
	var ops []int
	for j := open + 1; j < len(v.it); j++ {
		if e := v.ent(j); e != nil {
			if !is(e, schema.EventEntity) {
				return nil
			}
			ops = append(ops, j)
			continue
		}
		// "A (2016), B (2018) and C (2019)": the years stay in the list.
		if !v.word(j, ",", "and", "(", ")") && !isNumber(v.it[j].w) {
			break
		}
	}
	if len(ops) < 2 {
		return nil
	}
	return ops
}

// denied: "X denied responsibility for the attack", "X denied any
// involvement in the strike" — the attack of the sentence, or the last one.
func (v *view) denied(k int) {
	ok := false
	for j := k + 1; j < len(v.it) && j <= k+3; j++ {
		if v.wordIn(j, v.d.lx.deniedObjects) {
			ok = true
		}
	}
	if !ok || v.d.lastAttack == "" {
		return
	}
	_, s := v.subj(k)
	if s == nil {
		return
	}
	ev := &entity{id: v.d.lastAttack, typ: schema.EventEntity}
	v.d.addFact(s, "denied_responsibility_for", ev, schema.Denied, nil, v.evidence(), "", 0.7)
}

// military returns the armed forces entity of a country, or nil.
func (d *doc) military(c *entity) *entity {
	if c == nil || c.lex == nil || c.lex.military == nil {
		return nil
	}
	return d.virtual(c.lex.military)
}

// airMilitary is the armed forces a country's drones and warplanes are
// of, or nil when they are the state's.
func (d *doc) airMilitary(c *entity) *entity {
	if c == nil {
		return nil
	}
	if le := c.lex.airArm(); le != nil {
		return d.virtual(le)
	}
	return nil
}

// airStriker is who a state's drones and warplanes strike for: its
// armed forces where its entry says so (air_military), else the state.
func (d *doc) airStriker(c *entity) *entity {
	if mil := d.airMilitary(c); mil != nil {
		return mil
	}
	return c
}

// roles reads titles and appositions: "Iraqi Foreign Minister Fuad
// Hussein", "Hezbollah Brigades Military Spokesperson X", "X, the US
// Ambassador to Iraq", "X, a senior representative of the Y movement",
// "a security official of Y, X".
func (v *view) roles() {
	for k := range v.it {
		if it := &v.it[k]; it.m != nil && it.e != it.m.ent && is(it.m.ent, schema.Person) {
			// "the government of Prime Minister X": X still holds the
			// office the title names.
			if title, _ := v.titleBeforeToken(it.m.first); title != "" {
				if org := v.d.knownOffice(it.m.ent, title); org != nil {
					v.role(k, it.m.ent, title, org, false)
				}
			}
			continue
		}
		e := v.ent(k)
		if !is(e, schema.Person) || v.it[k].m == nil {
			continue
		}
		if title, t0 := v.titleBeforePerson(k); title != "" {
			org := v.roleOrg(t0, title)
			if org == nil {
				org = v.roleOrgAfterOf(t0, k)
			}
			if org == nil {
				org = v.d.knownOffice(e, title)
			}
			v.role(k, e, title, org, false)
		} else if title, org := v.titleOfOrgBefore(k); org != nil {
			v.role(k, e, title, org, true)
		}
		if svc, rank := v.rankService(k); svc != nil {
			v.role(k, e, rank, svc, false)
		}
		// Apposition after the name: ", (a|an|the) [mods] TITLE (of|for|to|at) ORG".
		j := k + 1
		if v.word(j, `"`) {
			j++
		}
		if !v.word(j, ",") {
			continue
		}
		j++
		det := v.word(j, "a", "an", "the")
		if det {
			j++
		}
		if j >= len(v.it) {
			continue
		}
		// Modifiers and a qualifying entity before the title ("the US
		// Ambassador", "a Hezbollah commander").
		var qual *entity
		for n := 0; n < 4 && j < len(v.it); n++ {
			if q := v.ent(j); q != nil && is(q, schema.Country, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.MediaOutlet) {
				qual = q
				j++
				continue
			}
			if c := v.country(j); c != nil {
				qual = c
				j++
				continue
			}
			if v.d.lx.genericWords.hasID(v.it[j].id) || v.it[j].w == "'s" || v.d.lx.roleModifiers.hasID(v.it[j].id) {
				j++
				continue
			}
			break
		}
		if j >= len(v.it) {
			continue
		}
		t0 := v.it[j].t0
		end := v.d.titleEnd(t0, min(t0+5, v.s.last))
		for extra := 1; end == t0 && extra <= 2 && j+extra < len(v.it) && v.it[j+extra-1].e == nil && !v.word(j+extra-1, ",", "the", "a", "an"); extra++ {
			// "Corresponding Member of …": an unlisted qualifier; an
			// article opens another phrase ("X, alongside the commander
			// of Y": the commander is another person).
			if t := v.it[j+extra].t0; v.d.titleEnd(t, min(t+5, v.s.last)) > t {
				end = v.d.titleEnd(t, min(t+5, v.s.last))
			}
		}
		if end == t0 {
			continue
		}
		// Include the modifiers in the role ("senior representative").
		roleStart := t0
		for back := j - 1; back >= 0 && v.it[back].e == nil && v.d.lx.roleQualifiers.hasID(v.it[back].id); back-- {
			roleStart = v.it[back].t0
		}
		title := v.d.text[v.d.toks[roleStart].start:v.d.toks[end-1].end]
		// The end item of the title.
		te := j
		for te < len(v.it) && v.it[te].t1 <= end {
			te++
		}
		org, posted := qual, false
		if v.word(te, "of", "for", "to", "at", "in") {
			if o := v.next(te, 5, ofType(schema.Country, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.MediaOutlet, schema.Coalition)); o >= 0 && !(is(v.ent(o), schema.Country) && v.placeAfterIn(o)) {
				// "the US Ambassador to Iraq": posted to the object. Not
				// "a Hezbollah commander in Syria": a state after "in" is
				// where the role is held, not whose it is.
				org, posted = v.ent(o), true
				if h := v.phraseHeadBody(o); h >= 0 {
					// "the head of Iraq's Badr Organization", "leader of
					// the Iran-backed militia Kataib Hezbollah": the body
					// the phrase names last, not the state or the
					// collective that qualify it.
					org = v.ent(h)
				}
			}
		}
		if org != nil || det || v.word(te, "of") {
			v.role(k, e, title, org, posted)
		}
	}
}

// placeAfterIn reports a name that "in" or "at" governs, past the
// words that place it ("in eastern Syria", "in northern Iraq").
func (v *view) placeAfterIn(j int) bool {
	i := j - 1
	for i >= 0 && j-i <= 3 && (v.wordIn(i, v.d.lx.directions) || v.d.lx.placeWords.hasID(v.it[i].id) || v.word(i, "the")) {
		i--
	}
	return v.word(i, "in", "at")
}

// phraseHeadBody returns the item of the organisation that heads the
// noun phrase item o opens when o only qualifies it: a state's
// possessive or a collective before a named body ("Iraq's paramilitary
// Hashd Shaabi forces", "the Iran-backed Shiite militia Asaib Ahl
// al-Haq"); -1 when o heads it itself or the phrase names no body after
// it. The phrase ends at a comma, a clause break, a preposition, a
// conjunction or a relative pronoun.
func (v *view) phraseHeadBody(o int) int {
	if e := v.ent(o); !is(e, schema.Country) && !e.collective() {
		return -1
	}
	for j := o + 1; j < len(v.it) && j <= o+6; j++ {
		if e := v.it[j].e; e != nil {
			if !is(e, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.MediaOutlet, schema.Coalition) {
				return -1
			}
			if e.collective() {
				continue
			}
			return j
		}
		w := v.it[j].w
		if clauseBreak(w) || w == "," || w == "(" || w == `"` || v.word(j, "of", "for", "to", "in", "at", "on", "from", "with", "by", "and", "or", "who", "which", "that", "whose") {
			return -1
		}
	}
	return -1
}

// titleBeforePerson returns the title just before the person item k and
// the token where it starts: "Foreign Minister Fuad Hussein".
func (v *view) titleBeforePerson(k int) (string, int) {
	first := v.it[k].t0
	toks := v.d.toks
	// "US Secretary of State, Antony Blinken", "the SDF's top commander,
	// Mazloum Abdi": a title set off from the name by a comma.
	if c := first - 1; c > v.s.first && toks[c].norm == "," && v.titleEndsAt(c) {
		first = c
	} else if c > v.s.first && toks[c].norm == "," {
		// "a senior Kataib Hezbollah official in Iraq, X": the place
		// the office is held in stands between the title and the name.
		if m := v.d.at[c-1]; m != nil && is(m.ent, schema.Place, schema.Country) {
			i := m.first - 1
			for i > v.s.first && m.first-i <= 3 && v.d.at[i] == nil && (v.d.lx.directions.has(toks[i].norm) || v.d.lx.placeWords.has(toks[i].norm) || toks[i].norm == "the") {
				i--
			}
			if i > v.s.first && v.d.at[i] == nil && (toks[i].norm == "in" || toks[i].norm == "at") && v.titleEndsAt(i) {
				first = i
			}
		}
	}
	// Titles chain ("Pentagon spokesman Maj. Gen. Pat Ryder"): take the
	// longest title ending at the name, then the one before it, and so on.
	pos := first
	for {
		best := v.titleStart(pos)
		if best < 0 {
			// "Press Secretary Air Force Brig. Gen. X": the chain goes on
			// past a service branch between two titles.
			b, _ := v.d.branchBefore(pos)
			if pos == first || b < 0 || !v.d.titleBefore(b) {
				break
			}
			best = b
		}
		pos = best
	}
	if pos == first {
		return "", -1
	}
	title := strings.TrimSpace(v.d.text[toks[pos].start:toks[first-1].end])
	// "Dr." is a courtesy, not a role.
	if v.d.lx.courtesyTitles.has(strings.ToLower(strings.TrimSuffix(title, "."))) {
		// A role may stand before the courtesy: "Security Advisor Dr. X".
		if t, t0 := v.titleBeforeToken(pos); t != "" {
			return t, t0
		}
		return "", -1
	}
	return strings.TrimSuffix(title, ","), pos
}

// titleStart returns the first token of the longest title, of up to five
// tokens outside mentions, that ends right before token n, or -1.
func (v *view) titleStart(n int) int {
	for back := 5; back >= 1; back-- {
		if t0 := n - back; t0 >= v.s.first && v.d.at[t0] == nil && v.d.titleEnd(t0, n) == n {
			return t0
		}
	}
	return -1
}

// titleEndsAt reports a title that ends right before token n.
func (v *view) titleEndsAt(n int) bool {
	t0 := v.titleStart(n)
	// "Damascus, SANA- Prime Minister, X": a dateline's outlet is not the
	// office's.
	return t0 == v.s.first || t0 > v.s.first && !v.d.toks[t0-1].hyph && v.d.toks[t0-1].norm != "-"
}

// branchBefore returns the start of the service branch that ends at token
// pos ("Navy" in "Navy Cmdr. X") and the service it names, or -1 and nil.
func (d *doc) branchBefore(pos int) (int, *LexEntry) {
	for _, b := range d.lx.serviceBranches {
		if i := pos - len(b.words); i >= 0 && d.toks[i].cap && d.at[i] == nil && b.words.at(d.toks, i, pos) {
			return i, d.lx.Lookup(b.service)
		}
	}
	return -1, nil
}

// rankService returns the service a branch before the person's rank
// names, and the rank: "Navy Cmdr. Sean Robertson" serves in the Navy.
func (v *view) rankService(k int) (*entity, string) {
	title, t0 := v.titleBeforeToken(v.it[k].t0)
	if title == "" {
		return nil, ""
	}
	if b, svc := v.d.branchBefore(t0); b >= 0 && svc != nil {
		return v.d.virtual(svc), title
	}
	return nil, ""
}

// titleOfOrgBefore reads "a security official of the Kata’ib Hezbollah
// (Iraqi Hezbollah Brigades) Abu Ali al-Askari": a title, "of", an
// organisation (with a parenthetical alias) and then the name.
func (v *view) titleOfOrgBefore(k int) (string, *entity) {
	j := k - 1
	if j > 0 && v.it[j].e == nil && v.d.titleEnd(v.it[j].t0, v.it[k].t0) == v.it[k].t0 {
		j-- // "the leader of the Shammar tribe, Sheikh X": past the courtesy title
	}
	if v.word(j, ",") && (v.word(j-1, ")") || v.ent(j-1) != nil || v.wordIn(j-1, v.d.lx.groupNouns)) {
		j-- // "the head of the Deir ez-Zor Military Council (DEMC), Ahmed al-Khabil"
	}
	if v.word(j, ")") {
		for j >= 0 && !v.word(j, "(") {
			j--
		}
		j--
	}
	if v.wordIn(j, v.d.lx.groupNouns) && v.ent(j-1) != nil {
		j-- // "the leader of the Shammar tribe, X": the group noun after its name
	}
	org := v.ent(j)
	if !is(org, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.MediaOutlet) {
		return "", nil
	}
	j--
	// Past "the" and the words that qualify the name ("the formerly
	// US-allied Deir ez-Zor Military Council").
	for n := 0; n < 4 && j > 0 && !v.word(j, "of", "for") && (v.it[j].e == nil || v.sponsorModifier(j)) && !clauseBreak(v.it[j].w) && !v.word(j, ","); n++ {
		j--
	}
	if !v.word(j, "of", "for") || j < 1 {
		return "", nil
	}
	t := v.it[j].t0
	title, _ := v.titleBeforeToken(t)
	if title == "" {
		return "", nil
	}
	return title, org
}

// titleBeforeToken returns a title ending just before token t.
func (v *view) titleBeforeToken(t int) (string, int) {
	best := -1
	for back := 1; back <= 4 && t-back >= v.s.first; back++ {
		if v.d.at[t-back] != nil {
			break
		}
		if v.d.titleEnd(t-back, t) == t {
			best = t - back
		}
	}
	if best < 0 {
		return "", -1
	}
	return v.d.text[v.d.toks[best].start:v.d.toks[t-1].end], best
}

// roleOrg finds whose title it is from what precedes the title: an entity
// ("Hezbollah Brigades Military Spokesperson"), a demonym ("Iraqi Foreign
// Minister"), a possessive ("Iraq’s foreign minister"), or a head of
// government's office ("Iraqi Prime Minister’s Security Advisor").
func (v *view) roleOrg(t0 int, title string) *entity {
	toks := v.d.toks
	p := t0 - 1
	if p < v.s.first {
		return nil
	}
	// "Iraqi Prime Minister’s Security Advisor": the government.
	if toks[p].kind == tPoss {
		q := p - 1
		lead := -1
		for l := max(v.s.first, q-3); l <= q; l++ {
			if v.d.titleEnd(l, q+1) == q+1 {
				lead = l
				break
			}
		}
		if lead > v.s.first {
			if c := v.d.countryOfToken(lead - 1); c != nil {
				if g := v.d.lx.Lookup(v.d.text[toks[lead-1].start:toks[lead-1].end] + " government"); g != nil {
					return v.d.virtual(g)
				}
				return c
			}
		}
		p--
	}
	if m := v.d.at[p]; m != nil {
		if m.ent.typ == schema.Person {
			return nil
		}
		// "Kurdistan Region President X": the region's government.
		if le := m.ent.lex; m.ent.typ == schema.Place && le != nil && le.metonym != nil && le.metonym.Type == schema.GovernmentBody {
			return v.d.virtual(le.metonym)
		}
		return m.ent
	}
	if toks[p].norm == "its" && v.d.lx.spokespersonTitle(title) {
		// "Its spokesman Hussein al-Musawi": the group the article was
		// last about.
		if is(v.d.lastSubject, schema.ArmedGroup, schema.GovernmentBody) {
			return v.d.lastSubject
		}
		if v.d.lastGroup != nil {
			return v.d.lastGroup
		}
	}
	if toks[p].norm == "»" || toks[p].kind == tQuote {
		if m := v.d.at[p-1]; p-1 >= v.s.first && m != nil {
			return m.ent
		}
	}
	return v.d.countryOfToken(p)
}

// roleOrgAfterOf: "a security official of the Kata’ib Hezbollah (…) Abu Ali
// al-Askari": the organisation between the title and the name, or just
// before the title ("SDF commander-in-chief X"), never inside a quotation
// the title follows.
func (v *view) roleOrgAfterOf(t0, k int) *entity {
	for j := k - 1; j >= 0 && j >= k-6 && !v.word(j, `"`); j-- { // not into a quotation the name follows
		// Before the title, a preposition, a conjunction or a verb in the
		// past right before the title ends the phrase the title heads
		// (not "Hamas armed wing commander X"): "to expel the U.S. military
		// from Iraq after President X", "jets struck Syria on Sunday, with
		// President X", "Turkey killed Gen. X" name no body of X's; "the
		// SDF's press office chief, X" and "Hezbollah drone commander X"
		// do.
		if it := v.it[j]; it.t1 <= t0 && it.e == nil && v.lowerWord(j) && !v.d.lx.roleModifiers.hasID(it.id) && !v.d.lx.roleQualifiers.hasID(it.id) &&
			(v.word(j, "after", "before", "with", "from", "on", "in", "at", "to", "by", "against", "and", "or", "since", "as", "than", "into", "over", "under", "following", "that", "which", "who", "whom") || strings.HasSuffix(it.w, "ed") && v.it[j+1].t0 >= t0) {
			break
		}
		if e := v.ent(j); e != nil && is(e, schema.ArmedGroup, schema.GovernmentBody, schema.Organization, schema.MediaOutlet, schema.Country) {
			if is(e, schema.Country) && v.placeAfterIn(j) {
				continue // "a Kataib Hezbollah official in Iraq, X": where, not whose
			}
			return e
		}
	}
	return nil
}

// lowerWord reports an item that is one word in lower case, not a part
// glued by a hyphen ("commander-in-chief").
func (v *view) lowerWord(j int) bool {
	t := v.d.toks[v.it[j].t0]
	if v.it[j].t1-v.it[j].t0 != 1 || t.hyph || t.cap || j+1 < len(v.it) && v.d.toks[v.it[j+1].t0].hyph {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.norm)
	return unicode.IsLetter(r)
}

// role records the facts a title gives a person in or for an organisation.
// posted marks an organisation named after the title ("Ambassador to
// Iraq") rather than before it ("U.S. Ambassador").
func (v *view) role(k int, p *entity, title string, org *entity, posted bool) {
	if org == nil {
		return
	}
	lt := strings.ToLower(title)
	d := v.d
	if containsKey(lt, d.lx.commentatorNouns) {
		d.commentator[p] = true
	}
	ev := v.evidence()
	kind, by := v.kindAt(k)
	add := func(pred string, o *entity) bool {
		return d.addFact(p, pred, o, kind, by, ev, title, 0.85)
	}
	for _, r := range d.lx.roleOffices {
		if !r.names(d.lx, lt) {
			continue
		}
		if r.Predicate == "ambassador_to" && !posted {
			continue // "U.S. Ambassador": the sending state, not the post
		}
		if _, again := d.factAt[factKey{p.id, r.Predicate, org.id}]; again {
			// The title named again ("President Biden" after "President
			// Joe Biden") is the office already recorded, not another role.
			return
		}
		if !add(r.Predicate, org) {
			break
		}
		switch r.Predicate {
		case "spokesperson_for", "editor_of":
			d.affiliate(p, org)
		case "prime_minister_of", "president_of":
			d.office[p] = org
		}
		return
	}
	if add("holds_role", org) {
		d.affiliate(p, org)
	}
}

// spokespersonTitle: "Its spokesman X" — a title of spokesperson_stems.
func (lx *Lexicon) spokespersonTitle(title string) bool {
	return containsKey(strings.ToLower(title), lx.spokespersonStems)
}

// containsKey reports whether s holds one of the words of set.
func containsKey(s string, set wordSet) bool {
	for _, w := range set.list {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// cabinetSecretary: "Defense Secretary", "Secretary of State" — a
// minister; not a press secretary, a secretary-general or an assistant.
func (lx *Lexicon) cabinetSecretary(lt string) bool {
	if !containsKey(lt, lx.secretaryWords) {
		return false
	}
	return !containsKey(lt, lx.nonCabinetSecretaryWords) && containsKey(lt, lx.cabinetDepartments)
}

// knownOffice: a bare title before a known office holder ("Prime
// Minister Mohammed Shia al-Sudani", "President Joe Biden") is the office
// the lexicon knows them to hold, when the title names that office.
func (d *doc) knownOffice(p *entity, title string) *entity {
	if p.lex == nil || len(p.lex.Facts) == 0 {
		return nil
	}
	lt := strings.ToLower(title)
	var pred string
	for _, r := range d.lx.knownOffices {
		if r.names(d.lx, lt) {
			pred = r.Predicate
			break
		}
	}
	if pred == "" {
		return nil
	}
	for _, f := range p.lex.Facts {
		if f[0] == pred {
			if le := d.lx.Lookup(f[1]); le != nil {
				return d.virtual(le)
			}
		}
	}
	return nil
}

// affiliate remembers whom a person speaks for.
func (d *doc) affiliate(p, org *entity) {
	if _, ok := d.affiliation[p]; !ok && org.typ != schema.Country {
		d.affiliation[p] = org
	}
}

// ledBy: "Harakat al-Nujaba, led by X", "the Badr Organisation, headed by
// X": X holds the role of the group's leader (a person's office in a group
// is holds_role, as the annotators record it; leader_of is a state's
// lead of a coalition).
func (v *view) ledBy(k int) {
	if !v.word(k+1, "by") || !v.word(k-1, ",") {
		return
	}
	g := v.prev(k-1, 3, nil)
	if g < 0 || !is(v.ent(g), schema.ArmedGroup, schema.Coalition) {
		return
	}
	if p := v.next(k+1, 3, ofType(schema.Person)); p >= 0 {
		kind, by := v.kindAt(k)
		v.d.addFact(v.ent(p), "holds_role", v.ent(g), kind, by, v.evidence(), "leader", 0.75)
		v.d.affiliate(v.ent(p), v.ent(g))
	}
}

// includes: "Y, an umbrella that includes X", "Y, whose members also
// include X and Z", "a grouping that includes X (KH) and Z": the groups
// named are members of the head of the description.
func (v *view) includes(k int) {
	rel := k - 1
	if v.word(rel, "also") {
		rel--
	}
	if v.wordIn(rel, v.d.lx.membershipNouns) && v.word(rel-1, "whose") {
		rel--
	} else if !v.word(rel, "that", "which") {
		return
	}
	h := v.prev(rel, 12, ofType(schema.ArmedGroup, schema.Coalition))
	if h < 0 {
		return
	}
	head := v.ent(h)
	// "the Islamic Resistance in Iraq, a coalition of Tehran-backed
	// militias that includes X": the named coalition the description
	// is in apposition to, not the collective it is made of.
	if head.collective() && v.word(h-1, "of") && v.wordIn(h-2, v.d.lx.groupingNouns) {
		if a := v.appositionHead(h - 2); is(a, schema.ArmedGroup, schema.Coalition) {
			head = a
		}
	}
	x := v.next(k, 3, nil)
	if x < 0 {
		return
	}
	for _, i := range v.list(x) {
		if m := v.ent(i); is(m, schema.ArmedGroup) && m != head {
			v.fact(k, m, "member_of", head, 0.7)
		}
	}
}

// pastPlaceAdjectives is the item after the adjectives that describe a
// place from item k on, up to three and the commas between them
// ("mountainous, semi-autonomous", "restive eastern"); k if there are
// none. An adjective is a place word ("northern") or a lower-case word
// with an adjective's ending.
func (v *view) pastPlaceAdjectives(k int) int {
	j := k
	for n := 0; j < len(v.it) && n < 4; j, n = j+1, n+1 {
		it := &v.it[j]
		if it.e != nil {
			break
		}
		joined := j+1 < len(v.it) && v.it[j+1].e == nil && v.d.toks[v.it[j+1].t0].hyph // "semi-autonomous"
		if it.w == "," && j > k || joined || v.d.lx.placeWords.hasID(it.id) || adjectiveEnding(it.w) && !v.d.toks[it.t0].cap {
			continue
		}
		return k
	}
	if v.word(j-1, ",") {
		return k
	}
	return j
}

// adjectiveEnding reports a word ending as English adjectives do:
// "mountainous", "autonomous", "largest", "strategic". Not "-al":
// "Iraq's capital Baghdad" ranks the city; "central" is a place word.
func adjectiveEnding(w string) bool {
	for _, suf := range [...]string{"ous", "est", "ic", "ern", "ive"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
