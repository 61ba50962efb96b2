package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Event rules: attacks and airstrikes, withdrawals, statements and
// threats, meetings, negotiations and agreements, each an Event node with
// its agent, target, location, date, status and claim kind, and the facts
// the same words give (attacked, withdrew_from, threatened, met_with …).

// addEvent records an event with a stable id: article, type, agent,
// target and sentence index.
func (v *view) addEvent(typ string, agent, target, loc *entity, k int, status string) *schema.Event {
	d := v.d
	kind, by := v.kindAt(k)
	if typ == schema.EvThreat {
		kind = schema.Threatened
	}
	if v.speakersThreat(typ, agent, by) {
		// "the ministry said Turkey will keep striking the PKK" is one
		// threat, the ministry's: its statement, or a threat of its own.
		if e := v.speechOf(by, typ, target); e != nil {
			return e
		}
		agent = by
	}
	whereOnly := false
	if sameEventKind(typ, schema.EvAttack) && v.regionOnly(target, k) {
		// "drone attacks on northeast Syria", "a base in eastern Syria was
		// struck": a region of a country says where an attack fell, not
		// whom it hit; with no hand named either, it is no event of its own.
		if loc == nil {
			loc = target
		}
		target, whereOnly = nil, agent == nil
	}
	date, note := v.date(k)
	if prev := v.countriesRetold(typ, agent, target, date); prev != nil {
		return prev
	}
	if prev := d.retold(typ, agent, target, status, date); prev != nil {
		return prev
	}
	if prev := v.toldInSentence(typ, agent, target); prev != nil {
		return prev
	}
	if prev := v.toldBefore(typ, agent, target, k, date); prev != nil {
		return prev
	}
	if prev := v.givenAsCause(typ, agent, target, k, date); prev != nil {
		return prev
	}
	if prev := v.claimOfAgentless(typ, kind, agent, target, date); prev != nil {
		return prev
	}
	if prev := v.saidBefore(typ, agent, target, k); prev != nil {
		return prev
	}
	ev := v.newEvent(typ, kind, agent, target, loc, by, status, date, note)
	if whereOnly {
		if d.whereOnly == nil {
			d.whereOnly = map[string]bool{}
		}
		d.whereOnly[ev.ID] = true
	}
	if sameEventKind(typ, schema.EvAttack) && v.causeWithin(k, 8) {
		if d.causeOnly == nil {
			d.causeOnly = map[string]bool{}
		}
		d.causeOnly[ev.ID] = true
	}
	return ev
}

// regionOnly reports a country c that the sentence names, where nearest
// to the trigger at item k, as a region of it ("northeast Syria", "in
// northern Iraq"; place_words before the name).
func (v *view) regionOnly(c *entity, k int) bool {
	if !is(c, schema.Country) {
		return false
	}
	at := -1
	for j := range v.it {
		if v.ent(j) == c && (at < 0 || abs(j-k) < abs(at-k)) {
			at = j
		}
	}
	return at > 0 && v.wordIn(at-1, v.d.lx.placeWords)
}

// newEvent records an event that no earlier one retells.
func (v *view) newEvent(typ, kind string, agent, target, loc, by *entity, status, date, note string) *schema.Event {
	d := v.d
	id := d.eventID(typ, agent, target, v.s.idx)
	ev := schema.Event{ID: id, Type: typ, Kind: kind, Status: status, Evidence: v.evidence(), Confidence: 0.6}
	if agent != nil {
		ev.Agent = agent.id
	}
	if target != nil && target != agent {
		ev.Target = target.id
	}
	if loc != nil {
		ev.Location = loc.id
	}
	if by != nil && by != agent {
		ev.AssertedBy = by.id
	}
	ev.Date, ev.DateNote = date, note
	if h, ok := happeningOf(typ, agent, target, status, date); ok {
		if d.happenings == nil {
			d.happenings = map[happening]int{}
		}
		d.happenings[h] = len(d.events)
	}
	if d.told == nil {
		d.told = map[string][]int{}
	}
	d.told[ev.Evidence] = append(d.told[ev.Evidence], len(d.events))
	d.events = append(d.events, ev)
	return &d.events[len(d.events)-1]
}

// speakersThreat reports a threat typ that another agent is said to make
// and that is the speaker by's: "the ministry said Turkey will keep
// striking the PKK". An outlet reports threats; it makes none ("the
// militia leader vowed revenge, The Associated Press reported").
func (v *view) speakersThreat(typ string, agent, by *entity) bool {
	return typ == schema.EvThreat && by != nil && by != agent && !reporter(by) && v.d.sameSide(by, agent)
}

// speechOf returns the sentence's act of speech by the speaker, made a
// threat of typ against target, or nil.
func (v *view) speechOf(speaker *entity, typ string, target *entity) *schema.Event {
	for e := range v.sentenceEvents() {
		if e.Agent == speaker.id && sameEventKind(e.Type, typ) {
			e.Type = typ
			if e.Target == "" && target != nil && target.id != e.Agent {
				e.Target = target.id
			}
			return e
		}
	}
	return nil
}

// sameSide reports an actor the speaker may speak as: itself, its state or
// that state's armed forces. Only states are told apart: an unknown
// speaker speaks for anyone, and a group's official for the groups and
// factions they name ("the factions would resume operations").
func (d *doc) sameSide(speaker, actor *entity) bool {
	if speaker == nil || actor == speaker {
		return true
	}
	if actor = d.forces(actor); actor.typ != schema.Country {
		return true
	}
	return d.speaksFor(speaker, actor)
}

// speaksFor reports a speaker that speaks for state: a body named after
// it ("the Turkish Defense Ministry" for Turkey), or someone the article
// says holds an office of it.
func (d *doc) speaksFor(speaker, state *entity) bool {
	if state == nil || state.typ != schema.Country || state.lex == nil {
		return false
	}
	return d.speaksAs(speaker, d.nameWords(speaker, nil), state)
}

// nameWord is a word of a speaker's name and the country it is the
// demonym of, if any.
type nameWord struct {
	w       string
	demonym *LexEntry
}

// nameWords appends the words of speaker's name to buf, each with its
// demonym's country: made once for all the states a speaker is tried
// against (stateOf), not once for each.
func (d *doc) nameWords(speaker *entity, buf []nameWord) []nameWord {
	for _, w := range strings.Fields(speaker.name) {
		buf = append(buf, nameWord{w, d.lx.demonym[normWord(w)]})
	}
	return buf
}

// speaksAs is speaksFor of a country state, with the words of speaker's
// name from nameWords.
func (d *doc) speaksAs(speaker *entity, words []nameWord, state *entity) bool {
	for _, w := range words {
		if w.demonym == state.lex || strings.EqualFold(w.w, state.name) {
			return true
		}
	}
	for _, f := range d.facts {
		if f.S == speaker.id && f.O == state.id && officePredicates[f.P] {
			return true
		}
	}
	return false
}

// officePredicates are the facts that make a person or body speak for
// the state they name.
var officePredicates = map[string]bool{
	"president_of": true, "prime_minister_of": true, "minister_of": true, "holds_role": true,
	"spokesperson_for": true, "leader_of": true, "member_of": true, "ambassador_to": true,
}

// retold returns the article's earlier event that a new one with the
// same agent and target retells ("the strikes", "Sunday's attack" told
// again further down), or nil: one happening is one event, whatever the
// number of sentences about it. Only events dated to the same day are
// one: two attacks on one base, or a series the article tells of after
// an attack ("attacks were carried out after these orders"), stay apart.
func (d *doc) retold(typ string, agent, target *entity, status, date string) *schema.Event {
	h, ok := happeningOf(typ, agent, target, status, date)
	if !ok {
		return nil
	}
	if i, seen := d.happenings[h]; seen {
		return &d.events[i]
	}
	return nil
}

// statementReach is how many sentences on a speaker's words still go on
// with the statement they made: the next one ("X said …. X also denied
// …"); further on, the annotators count a new statement as often as not.
const statementReach = 1

// saidBefore returns the speaker's statement of the sentence before that
// a new one of typ continues, or nil: a speaker quoted again at once
// ("the ministry also denied …") goes on with the one statement the
// annotators record, unless the words address someone the earlier ones
// did not. Further down the article, a plain report verb (plain_report:
// "…, the command said in a statement") goes on with the speaker's
// statement too, unless it gives the words to an outlet, and so does an
// act of speech the speaker "also" or "again" made ("the council also
// urged", "the spokesman once again warned"); only
// another act of speech (announced, denied, condemned) is a new one.
func (v *view) saidBefore(typ string, agent, target *entity, k int) *schema.Event {
	d := v.d
	if typ == schema.EvStatement && agent == nil && is(target, schema.MediaOutlet) {
		// "…, the source told Xinhua" after "a ministry source told
		// Xinhua": the outlet's source goes on with its statement.
		for i := range d.events {
			e := &d.events[i]
			if e.Type != schema.EvStatement || e.Agent == target.id {
				continue // the outlet's own report is not its source's
			}
			if e.Target == target.id {
				return e
			}
			if (e.Target == "" || d.aboutTarget[e.ID]) && v.s.idx-d.evSent[e.ID] <= 2 && d.evSent[e.ID] < v.s.idx {
				e.Target = target.id // "a ministry source said …. …, the source told Xinhua"
				return e
			}
		}
	}
	if typ != schema.EvStatement || agent == nil {
		return nil
	}
	plain := k >= 0 && k < len(v.it) && (d.lx.plainReport.hasID(v.it[k].id) || v.word(k-1, "also", "again"))
	for i := range d.events {
		e := &d.events[i]
		if e.Type != schema.EvStatement || e.Agent != agent.id {
			continue
		}
		if plain && !is(target, schema.MediaOutlet) {
			return e
		}
		if is(target, schema.MediaOutlet) && v.s.idx == d.evSent[e.ID] && !is(d.byID[e.Target], schema.MediaOutlet) {
			// "X condemned the raid in a statement sent to Rudaw": one
			// statement, given to the outlet.
			e.Target = target.id
			return e
		}
		if v.s.idx-d.evSent[e.ID] > statementReach {
			continue
		}
		if target == nil || e.Target == target.id {
			return e
		}
	}
	return nil
}

// toldInSentence returns the sentence's event that a new one retells: of
// the same kind, by the same state or its armed forces, on the same
// target ("the U.S. air strikes on Syria" read once as the United States'
// and once as its military's).
func (v *view) toldInSentence(typ string, agent, target *entity) *schema.Event {
	if e := v.toldInSameWords(typ, agent, target); e != nil {
		return e
	}
	if agent == nil || target == nil || typ == schema.EvStatement || typ == schema.EvThreat {
		return nil
	}
	a := v.d.forces(agent)
	for e := range v.sentenceEvents() {
		if sameEventKind(e.Type, typ) && e.Target == target.id && e.Agent != "" && v.d.forces(v.d.byID[e.Agent]) == a {
			return e
		}
	}
	return nil
}

// toldInSameWords returns the event of the same type, agent and target
// that the article already drew from a sentence of the same words: a
// headline the text repeats tells its happenings once.
func (v *view) toldInSameWords(typ string, agent, target *entity) *schema.Event {
	for _, i := range v.d.told[v.evidence()] {
		if e := &v.d.events[i]; e.Type == typ && e.Agent == idOf(agent) && e.Target == idOf(target) {
			return e
		}
	}
	return nil
}

// idOf is e's id, or "" for none.
func idOf(e *entity) string {
	if e == nil {
		return ""
	}
	return e.id
}

// toldBefore returns the article's earlier event that a definite
// description at trigger k refers back to ("the U.S. strikes on Iraq",
// "these attacks"): of the same kind, by the same state or its forces, on
// the same target or on none said, and not dated to another day. An
// indefinite one ("attacks were carried out") is a new happening.
func (v *view) toldBefore(typ string, agent, target *entity, k int, date string) *schema.Event {
	if agent == nil || typ == schema.EvStatement || typ == schema.EvThreat || !v.definiteAt(k) {
		return nil
	}
	a := v.d.forces(agent)
	// The events of an article told within reach: a definite description
	// does not reach back past some dozens of them.
	for i := len(v.d.events) - 1; i >= 0 && i >= len(v.d.events)-toldReach; i-- {
		e := &v.d.events[i]
		if !sameEventKind(e.Type, typ) || e.Agent == "" || v.d.forces(v.d.byID[e.Agent]) != a {
			continue
		}
		if (target == nil || e.Target == target.id) && (date == "" || e.Date == "" || e.Date == date) {
			return e
		}
	}
	return nil
}

// claimOfAgentless returns the article's earlier attack with no hand named
// that a claim retells ("Two rockets hit the base on Tuesday. ... the
// group said it had targeted the base"): of the same kind, on the same
// target, told within antecedentReach sentences before, undated or dated
// to the claim's day; the claimant is now its agent.
func (v *view) claimOfAgentless(typ, kind string, agent, target *entity, date string) *schema.Event {
	if kind != schema.Claimed || agent == nil || target == nil || agent == target || !sameEventKind(typ, schema.EvAttack) {
		return nil
	}
	if e := v.d.sentClaimed; e != nil && e.Agent == agent.id && e.Target == target.id {
		return e // the sentence's claim read again, by a frame
	}
	for i := len(v.d.events) - 1; i >= 0; i-- {
		e := &v.d.events[i]
		if v.s.idx-v.d.evSent[e.ID] > antecedentReach {
			return nil
		}
		if v.d.evSent[e.ID] >= v.s.idx || !sameEventKind(e.Type, typ) {
			continue
		}
		// A dated attack is claimed only by a claim of the same day (a
		// photo's caption of another year is another attack).
		if e.Agent == "" && e.Target == target.id && (e.Date == "" || e.Date == date) {
			e.Agent = agent.id
			v.d.sentClaimed = e
			return e
		}
	}
	return nil
}

// givenAsCause returns the article's earlier attack that one the sentence
// gives as the cause of what it tells retells ("These strikes came in
// response to a rocket attack on U.S. troops", "the order followed a drone
// attack on the base"): of the same kind, by the same hand or none named,
// on the same target, and not dated to another day (one whose hand the
// phrase does not name is the earlier attack, whoever made it). An attack
// named as a cause is mostly one the article told already: only its
// target and hand tell it, as the phrase is indefinite.
func (v *view) givenAsCause(typ string, agent, target *entity, k int, date string) *schema.Event {
	if target == nil || typ == schema.EvStatement || typ == schema.EvThreat || !v.causePhrase(k) && !(agent == nil && v.definiteAt(k)) {
		return nil
	}
	for i := len(v.d.events) - 1; i >= 0; i-- {
		e := &v.d.events[i]
		if v.d.evSent[e.ID] >= v.s.idx {
			continue
		}
		if sameEventKind(e.Type, typ) && (agent == nil || e.Agent == agent.id) && e.Target == target.id && (date == "" || e.Date == "" || e.Date == date) {
			return e
		}
	}
	return nil
}

// causePhrase reports an attack noun at item k inside a phrase that
// gives it as a cause: a cause word a few words before it ("in response
// to a missile attack", "after a drone attack on Monday"), with no clause
// break between.
func (v *view) causePhrase(k int) bool {
	return v.causeWithin(k, 5)
}

// causeWithin reports a cause word up to n items before the attack noun
// at item k, with no clause break or comma between ("in response to a
// series of escalatory attacks").
func (v *view) causeWithin(k, n int) bool {
	if k >= len(v.it) || !v.isNoun(v.it[k].w) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if clauseBreak(v.it[j].w) || v.word(j, ",") {
			return false
		}
		if v.wordIn(j, v.d.lx.causeWords) {
			return true
		}
	}
	return false
}

// toldReach is how many of the article's latest events a definite
// description of an attack may refer back to: more than an article tells,
// and a bound on the work a long text makes.
const toldReach = 64

// definiteAt reports a trigger noun under a definite determiner: "the
// overnight U.S. air strikes", "these attacks".
func (v *view) definiteAt(k int) bool {
	if !v.isNoun(v.it[k].w) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		switch {
		case v.word(j, "the", "these", "those", "this", "that"):
			return true
		case v.word(j, "a", "an", "of", "and"):
			return false
		case v.it[j].e != nil, v.it[j].dem != nil, v.dateish(j), v.d.lx.attackAdjectives.hasID(v.it[j].id):
			continue
		}
		return false
	}
	return false
}

// forces is the state whose armed forces e are, or e: "U.S. strikes" and
// "strikes by U.S. forces" on one target and day are one happening.
func (d *doc) forces(e *entity) *entity {
	if e != nil {
		if c := d.lx.countryOf(e); c != nil {
			return d.virtual(c)
		}
	}
	return e
}

// happening is what makes two events one: their kind, agent, target,
// status and day.
type happening struct{ kind, agent, target, status, date string }

// happeningOf is the happening of an event, if it can be told again: an
// act with an agent, a target and a day (statements and threats are
// each speaker's own).
func happeningOf(typ string, agent, target *entity, status, date string) (happening, bool) {
	if agent == nil || target == nil || date == "" || typ == schema.EvStatement || typ == schema.EvThreat {
		return happening{}, false
	}
	kind := typ
	if sameEventKind(typ, schema.EvAttack) {
		kind = schema.EvAttack
	}
	return happening{kind, agent.id, target.id, status, date}, true
}
func (d *doc) hasEvent(id string) bool {
	_, ok := d.evSent[id]
	return ok
}

// eventID derives a globally unique, stable id; a repeat within one
// sentence gets a suffix.
func (d *doc) eventID(typ string, agent, target *entity, sent int) string {
	// Built in one buffer: every event of every article makes one.
	b := make([]byte, 0, 64)
	b = append(append(b, d.a.ID...), '-')
	b = append(append(b, strings.ToLower(typ)...), '-')
	if agent != nil {
		b = append(append(b, agent.id...), '-')
	} else if target != nil {
		b = append(b, "unknown-"...) // keep the target from reading as the agent
	}
	if target != nil {
		b = append(append(b, target.id...), '-')
	}
	id := string(strconv.AppendInt(b, int64(sent), 10))
	base := id
	for n := 2; d.hasEvent(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	d.evSent[id] = sent
	return id
}

// events fires the event rules of a sentence.
func (v *view) events() {
	if v.endsWithQuestion() {
		// A question asserts nothing ("Would American Occupiers Withdraw?").
		return
	}
	v.statement()
	// The items an attack read, up to done, start no other: the loop goes
	// right, so an int does what a set of items would.
	done := -1
	var threats []int
	for k := range v.it {
		if k <= done {
			continue
		}
		switch rule := v.d.lx.byWord[v.it[k].id].event; rule {
		case evAttack, evAttackIfWeapon, evAttackIfClaimed, evAttackIfObject:
			if rule == evAttackIfWeapon && !v.weaponAfter(k) || rule == evAttackIfClaimed && v.claimVerbBefore(k) < 0 && v.carriedOutBefore(k) < 0 || rule == evAttackIfObject && !v.verbBetween(k) {
				continue
			}
			if j := v.attack(k); j > k {
				done = j
			}
		case evThreat:
			threats = append(threats, k)
		case evSuspension:
			v.suspension(k)
		}
		if v.it[k].e != nil && v.it[k].e.typ == schema.EventEntity {
			v.warNamedBySides(k)
		}
	}
	// Threats after the attacks: "vowed that the killing by an Israeli
	// strike will not go unanswered" is aimed at the strike's agent.
	for _, k := range threats {
		v.threat(k)
	}
	v.namedOperations()
	if p := v.d.pendingAlly; p != nil && v.s.idx > 0 {
		if j := v.next(-1, len(v.it), ofType(schema.Country, schema.ArmedGroup)); j >= 0 && v.ent(j) != p.s {
			v.fact(j, v.ent(j), p.p, p.s, p.conf)
		}
		v.d.pendingAlly = nil
	}
}

// namedOperations: "The army launched three operations: A (2016), B
// (2018) and C (2019)". A verb of operation_verbs whose subject is an
// actor, a plural noun of the operations_in relation's triggers a few
// words after it, and two or more named operations listed after that
// (operationList): each operation named is an attack by the subject, an
// event of its own about the operation. One named operation alone is left
// to the frames.
func (v *view) namedOperations() {
	if !v.opens(gateOperationVerb) {
		return
	}
	for k := range v.it {
		if !v.wordIn(k, v.d.lx.operationVerbs) || v.word(k-1, "was", "were", "been", "be", "is", "are") {
			continue // "it was launched after operations A and B": no one's
		}
		var ops []int
		for j := k + 1; j < len(v.it) && j <= k+8; j++ {
			if v.it[j].e != nil || clauseBreak(v.it[j].w) {
				break
			}
			if v.wordIn(j, v.d.lx.operationNouns) {
				ops = v.operationList(j)
				break
			}
		}
		if ops == nil {
			continue
		}
		_, agent := v.subj(k)
		agent = v.politicalEntity(agent)
		if !is(agent, schema.Country, schema.GovernmentBody, schema.ArmedGroup, schema.Coalition) {
			continue
		}
		kind, by := v.kindAt(k)
		date, note := v.date(k)
	next:
		for _, j := range ops {
			op := v.ent(j)
			for i := range v.d.events {
				if e := &v.d.events[i]; e.About == op.id && sameEventKind(e.Type, schema.EvAttack) {
					continue next // the operation's attack told before
				}
			}
			v.newEvent(schema.EvAttack, kind, agent, nil, nil, by, "occurred", date, note).About = op.id
		}
	}
}

// warNamedBySides reads a war's name at item k that says who wages it
// on whom, "<A>'s <head> against|on <B>" ("Israel's war against Hamas",
// war_name_heads): A is a party to the war, and its ongoing attack on B.
func (v *view) warNamedBySides(k int) {
	d, it := v.d, &v.it[k]
	t := it.t0
	if t+5 != it.t1 || d.toks[t+1].kind != tPoss || !d.lx.warNameHeads.hasID(d.toks[t+2].id) || d.toks[t+3].norm != "against" && d.toks[t+3].norm != "on" {
		return
	}
	a, b := d.lx.oneWordName(&d.toks[t]), d.lx.oneWordName(&d.toks[t+4])
	if a == nil || b == nil || a == b {
		return
	}
	agent, target := d.lexEntity(a), d.lexEntity(b)
	if !is(agent, schema.Country, schema.ArmedGroup, schema.Coalition) || !is(target, schema.Country, schema.ArmedGroup, schema.Coalition, schema.Place) {
		return
	}
	kind, _ := v.kindAt(k)
	d.addFact(agent, "party_to", it.e, kind, v.attr.by, v.evidence(), "", 0.7)
	d.addFact(agent, "attacked", target, kind, v.attr.by, v.evidence(), "", 0.7)
	v.addEvent(schema.EvAttack, agent, target, nil, k, "ongoing")
}

// attack reads one attack construction at trigger k and returns the last
// item it used: who carried it out (readAttacker), then an attack by an
// unknown hand (agentlessAttack), else the agent's attack and its targets
// (recordAttack).
func (v *view) attack(k int) int {
	if v.negated(k) || v.deniedThat(k) || v.unrealised(k) {
		return k // "the coalition did not conduct airstrikes", "denied that a strike had taken place": no attack
	}
	r := v.readAttacker(k)
	if r.agent == nil {
		if last, ok := v.agentlessAttack(k); ok {
			return last
		}
	}
	if r.agent == nil || !is(r.agent, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Person) {
		return k
	}
	return v.recordAttack(&r)
}

// attackReading is what the attack rule read at trigger k of who carried
// the attack out, and how the article presents it.
type attackReading struct {
	k      int
	w      string
	kind   string    // the claim kind of its facts
	agent  *entity   // who carried it out
	agents []*entity // the rest of a listed subject, or a collective's members
	// claimed: the agent claimed it; blamed: someone blamed the agent;
	// attributed: the text puts it down to the agent ("an attack blamed
	// on X"): one attack, told as such, though no target is named.
	claimed, blamed, attributed bool
	// byPhrase: the agent was read from a "by" phrase after the trigger.
	byPhrase bool
	// droneAir: aircraft named with the agent ("a U.S. drone strike").
	droneAir bool
	byEnd    int // the last item of "by a Turkish drone" after the trigger, else k
}

// readAttacker finds who carried out the attack at trigger k, by the
// constructions in turn: a claim or a blame, a "by" phrase, a
// premodifier ("Israeli strikes"), a possessive, a verb's subject.
func (v *view) readAttacker(k int) attackReading {
	kind, _ := v.kindAt(k)
	r := attackReading{k: k, w: v.it[k].w, kind: kind, byEnd: k}
	v.claimedOrBlamed(&r)
	if r.agent == nil {
		v.attackerBy(&r)
	}
	if r.agent == nil && v.isNoun(r.w) {
		v.attackerBefore(&r)
	}
	v.attackerOfVerb(&r)
	return r
}

// claimedOrBlamed: "X claimed responsibility for the attack", "X claimed
// Saturday's attack", "Washington blamed X for the attack".
func (v *view) claimedOrBlamed(r *attackReading) {
	k, w, kind := r.k, r.w, r.kind
	claimed := false
	var agent *entity
	// "X claimed responsibility for the (rocket) attack on Y"
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if v.wordIn(j, v.d.lx.responsibilityNouns) && v.wordIn(j-1, v.d.lx.claimVerbs) {
			_, agent = v.subj(j - 1)
			claimed = true
			kind = schema.Claimed
			break
		}
	}
	// "X claimed Saturday's attack on Y", "X has claimed more than 150
	// attacks on Y", "X later claimed a drone attack on Y".
	if agent == nil && v.isNoun(w) {
		if j := v.claimVerbBefore(k); j >= 0 {
			if _, a := v.subj(j); is(a, schema.ArmedGroup) {
				agent, claimed, kind = a, true, schema.Claimed
			}
		}
	}
	// "Washington blamed X for the attack on Y", "X, which Washington
	// blames for the attack": an accusation, a claim of the accuser's
	// (claimed, as a claim of responsibility is), whoever reports it.
	blamed := false
	if agent == nil && v.isNoun(w) {
		if agent = v.blamedFor(k); agent == nil {
			if agent = v.blamedOn(k); agent != nil {
				v.d.sentBlamed = agent
			}
		}
		if agent != nil && kind != schema.Denied {
			kind = schema.Claimed
		}
		blamed = agent != nil
	}
	if agent == nil && v.isNoun(w) {
		// "a drone strike attributed to X": X's, from the air if an
		// aircraft names it.
		if agent, _ = v.attributedTo(k); agent != nil && v.wordIn(k-1, v.d.lx.airWeaponWords) {
			agent, r.droneAir = v.d.airStriker(agent), true
		}
		r.attributed = agent != nil
	}
	r.agent, r.claimed, r.blamed, r.kind = agent, claimed, blamed, kind
}

// attackerBy: "attacks by X", "attack carried out by X", "a strike by a
// Turkish drone"; not "positions held by X".
func (v *view) attackerBy(r *attackReading) {
	k, d := r.k, v.d
	var agent *entity
	droneAir, byEnd := false, k
	// "a raid thought to have been carried out by Turkish jets": eight
	// words reach the "by" past a participle's hedge.
	for j := k + 1; j < len(v.it) && j <= k+8; j++ {
		if v.word(j, "by") && v.wordIn(j-1, v.d.lx.usedByParticiples) {
			break
		}
		if v.word(j, "by") {
			a := v.next(j, 2, actor)
			if a >= 0 && v.sponsorModifier(a) {
				// "an attack by Iran-affiliated Kataib Hezbollah": the
				// group, not its sponsor.
				a = v.next(a, 2, actor)
			}
			if c, end := v.stateAircraft(j + 1); c != nil {
				agent, droneAir, byEnd = c, true, end
			} else if a >= 0 {
				agent = v.ent(a)
			} else if v.wordIn(j+1, v.d.lx.resistanceNouns) || v.wordIn(j+2, v.d.lx.resistanceNouns) {
				agent = d.lastResistance()
			} else if e := v.refer(j + 2); e != nil && v.word(j+1, "the") {
				agent = e
			}
			break
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			break
		}
	}
	r.agent, r.droneAir, r.byEnd, r.byPhrase = agent, droneAir, byEnd, agent != nil
}

// attackerBefore: "Iraqi resistance attacks", "Israeli strike", "the
// resistance attacks", "a U.S. drone strike" (the armed forces).
func (v *view) attackerBefore(r *attackReading) {
	k, d := r.k, v.d
	var agent *entity
	droneAir := r.droneAir
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if e := v.ent(j); e != nil {
			if is(e, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition) {
				agent = e
				if droneAir {
					agent = d.airStriker(e) // "a U.S. drone strike": the armed forces
				}
			}
			break
		}
		if c := v.country(j); c != nil {
			agent = c
			if droneAir {
				agent = d.airStriker(c) // "a U.S. drone strike": the country's armed forces
			}
			break
		}
		droneAir = droneAir || v.wordIn(j, v.d.lx.airWeaponWords)
		if c := v.sponsoredAttack(j); c != nil {
			agent = c // "Iranian-backed attacks": the state's militias
			break
		}
		if v.word(j, "and") && j > 0 && v.it[j-1].e != nil {
			break // "raids against X and a drone strike": the name ends another phrase
		}
		if v.wordIn(j, v.d.lx.resistanceNouns) {
			agent = d.lastResistance()
			break
		}
		if !v.d.lx.attackAdjectives.hasID(v.it[j].id) {
			break
		}
	}
	r.agent, r.droneAir = agent, droneAir
}

// sponsoredAttack returns the collective a sponsor's link word at item j
// makes the attacker of the attack noun after it ("Iranian-backed attacks
// against U.S. forces", "an Iran-aligned attack": the militias the state
// backs), with its link to the sponsor, or nil.
func (v *view) sponsoredAttack(j int) *entity {
	c := v.d.lx.collectives
	if c == nil || j < 1 || v.it[j].e != nil || !v.d.toks[v.it[j].t0].hyph {
		return nil
	}
	pred := c.links[v.it[j].w]
	sponsor := v.country(j - 1)
	if pred == "" || sponsor == nil || sponsor.lex == nil || c.bySponsor[sponsor.lex.id] == nil {
		return nil
	}
	coll := v.d.lexEntity(c.bySponsor[sponsor.lex.id])
	v.fact(j, coll, pred, sponsor, 0.7)
	return coll
}

// attackerOfVerb: a possessive's antecedent, who launched or ordered the
// attack, the subject of an attack verb (and the rest of a listed
// subject), of a gerund after "by", of "carried out"; in a passive, the
// sentence's agent.
func (v *view) attackerOfVerb(r *attackReading) {
	k, w := r.k, r.w
	agent := r.agent
	// "Israel in its attacks on Gaza", "condemning its military strikes
	// on Yemen": the possessive's antecedent.
	if p := v.possessiveBefore(k); agent == nil && v.isNoun(w) && p >= 0 {
		a := v.prev(p+1, 6, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition))
		for a >= 0 && v.situated(a) {
			// "groups in Iraq stopped their attacks": the groups, not
			// where they are.
			a = v.prev(a, 6, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition))
		}
		if a >= 0 {
			agent = v.ent(a)
		}
		if a >= 0 && v.asideBetween(a, p) {
			// "Turkey, which accuses the YPG of links to the PKK, has
			// stepped up its strikes": past an aside that closed before
			// the verb, "its" is the main clause's subject.
			if _, s := v.subj(p - 1); is(s, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition) {
				agent = s
			}
		}
	}
	// "ordering airstrikes on Yemen": who orders or launches them.
	if agent == nil && v.isNoun(w) {
		vb := k - 1
		for vb > 0 && v.d.lx.attackAdjectives.has(v.itWord(vb)) && !v.word(vb, "of", "'s") {
			vb--
		}
		if v.wordIn(vb, v.d.lx.launchParticles) && v.wordIn(vb-1, v.d.lx.attackLaunchVerbs) {
			vb-- // "stepped up attacks", "resorted to rocket attacks"
		}
		if v.word(vb, "with") && v.wordIn(vb-1, v.d.lx.responseVerbs) && v.it[vb-1].e == nil {
			// "Israel responded with airstrikes on Gaza", "led Iran to
			// counter with a missile attack": the responder (the object
			// of the verb before "to").
			if _, agent = v.subj(vb - 1); agent == nil && v.word(vb-2, "to") {
				if a := v.prev(vb-2, 2, actor); a >= 0 {
					agent = v.ent(a)
				}
			}
		}
		if v.wordIn(vb, v.d.lx.attackLaunchVerbs) && !v.word(vb-1, "the", "a", "an") {
			if v.wordIn(vb, v.d.lx.particleLaunchVerbs) {
				vb--
			}
			_, agent = v.subj(vb)
			if agent == nil {
				// "battled with U.S. forces, launching attacks on bases":
				// not the object of the clause before.
				if j, a := v.subjOfParticiple(vb); j < 0 || !v.prepObject(j) {
					agent = a
				}
			}
			if agent == nil && v.word(vb-1, "to") {
				// "Biden ordered the military to launch airstrikes":
				// who ordered them.
				for j := vb - 2; j >= 0 && j >= vb-5; j-- {
					if v.wordIn(j, v.d.lx.attackLaunchVerbs) {
						_, agent = v.subj(j)
						break
					}
				}
			}
		}
	}
	// "X attacked Y", "X have carried out air strikes against Y",
	// "Turkey regularly strikes PKK positions"
	var agents []*entity
	if agent == nil && (!v.isNoun(w) || v.nounAsVerb(k)) && !v.passiveVerb(k) {
		// "have been firing rockets" is no passive: its subject fired them.
		var j int
		j, agent = v.subj(k)
		if l := v.listBack(j); j >= 0 && len(l) > 1 && !agent.collective() {
			// "Asaib Ahl al-Haq and Kata'ib Hezbollah have targeted …":
			// the first of the list carries the event, all the facts.
			all := entities(v, l)
			agent, agents = all[0], all[1:]
		}
		if agent == nil || agent.collective() {
			// "Iran-backed militias have attacked …, with X among them",
			// "Iran-backed militias, including X and Y, have attacked …":
			// the collective and the groups named in it.
			agents = v.members(k)
			if len(agents) == 0 {
				agents = v.membersBefore(k)
			}
		}
	}
	if agent == nil && strings.HasSuffix(w, "ing") && v.word(k-1, "by") && k >= 2 {
		// "Israel responded by striking X": the gerund's subject is the
		// verb's before "by".
		_, agent = v.subj(k - 2)
	}
	if agent == nil && !v.isNoun(w) && v.word(k-1, "and") {
		// "The US military retaliated on Jan. 24 and targeted X": a verb
		// joined to the sentence's first shares its subject.
		agent = v.firstActor(k)
	}
	if agent == nil && v.isNoun(w) {
		// "carried out (more than 100 air) strikes": the subject of "carried".
		if j := v.carriedOutBefore(k); j >= 0 {
			_, agent = v.subj(j)
		}
	}
	if agent == nil && (v.word(k-1, "was", "were", "been") || v.word(k-2, "was", "were", "been")) {
		agent = v.d.sentAgent
	}
	if agent == nil && len(agents) > 0 {
		agent = agents[0]
	}
	r.agent, r.agents = agent, agents
}

// agentlessAttack records an attack by an unknown hand at trigger k: "A
// rocket attack hit X", "U.S. bases in Syria have been targeted with
// drones". It returns the last item it used and whether it recorded one.
func (v *view) agentlessAttack(k int) (int, bool) {
	w := v.it[k].w
	// "A drone strike (in Baghdad) killed X": the verb past where.
	vb := k + 1
	if v.word(vb, "in", "near", "at") && is(v.ent(vb+1), schema.Place, schema.Country) {
		vb += 2
	}
	carriedOut := v.word(k+1, "were", "was") && v.wordIn(k+2, v.d.lx.carriedOutParticiples)
	if a := v.pastAux(k + 1); a > k+1 {
		vb = a // "A drone strike has killed X"
	}
	// "a drone attack that killed three U.S. soldiers", "the rocket
	// attack which wounded two contractors": the relative clause says
	// whom it hurt, and names the attack, definite or not.
	killedWhom := v.isNoun(w) && v.word(k+1, "that", "which") && v.wordIn(v.pastAux(k+2), v.d.lx.casualtyVerbs) && !v.launchedBefore(k)
	told := v.isNoun(w) && (v.wordIn(vb, v.d.lx.hitVerbs) || v.wordIn(vb, v.d.lx.attackNounVerbs) || (v.word(k+1, "on", "against") || carriedOut || v.wordIn(vb, v.d.lx.casualtyVerbs)) && v.indefinite(k))
	// "Two U.S. soldiers were wounded in a rocket attack at a base": the
	// people the passive names before it were hurt in an attack.
	var hurt []*entity
	if !told && !killedWhom && v.isNoun(w) && v.indefinite(k) {
		hurt = v.victimsBefore(k)
	}
	if told || killedWhom || len(hurt) > 0 {
		if !killedWhom && v.refersBack(k) && v.antecedentEvent(func(*schema.Event) bool { return true }) != nil {
			// "A drone strike killed X. The strike targeted a car near
			// Y": the attack told before, no other.
			return k, false
		}
		// "A rocket attack hit X", "a missile attack was carried out on
		// X": an attack by an unknown hand.
		targets, last := v.attackTargets(k, nil)
		if len(targets) == 0 {
			targets, last = hurt, k
		}
		if len(targets) > 0 && (told || len(hurt) > 0 || v.d.lx.countryOf(targets[0]) != nil) {
			// A relative clause alone tells an attack on a state's
			// forces ("that killed three U.S. soldiers"); one that
			// killed a commander is most often a strike told elsewhere
			// with its hand.
			targets = v.victimsFirst(k, targets)
			ev := v.addEvent(schema.EvAttack, nil, targets[0], placeOf(targets), k, "occurred")
			v.d.lastAttack = ev.ID
			return last, true
		}
	}
	if t := v.underAttack(k); t != nil {
		// "The border villages have come under rocket attack": by an
		// unknown hand on the subject.
		ev := v.addEvent(schema.EvAttack, nil, t, placeOf([]*entity{t}), k, "occurred")
		v.d.lastAttack = ev.ID
		return k, true
	}
	if !v.isNoun(w) && !strings.HasSuffix(w, "ing") && (v.word(k-1, "were", "was", "been") || v.word(k-2, "were", "was", "been")) {
		// "U.S. bases in Syria have been targeted with drones": an
		// attack by an unknown hand on the verb's subject ("which has
		// been attacking" is no passive).
		j, t := v.subj(k)
		if t != nil && v.reportsBetween(j, k) {
			t = nil // "the Pentagon said the convoy was attacked": not the Pentagon
		}
		if t == nil {
			if ts := v.passiveSubjects(k); len(ts) > 0 {
				t = ts[0]
			}
		}
		if is(t, schema.MilitaryBase, schema.ArmedGroup, schema.GovernmentBody, schema.Coalition, schema.Place) {
			ev := v.addEvent(schema.EvAttack, nil, t, placeOf([]*entity{t}), k, "occurred")
			v.d.lastAttack = ev.ID
			return k, true
		}
	}
	return k, false
}

// launchedBefore reports a verb of launching within the few items
// before the attack noun at k ("X launched an airstrike that killed Y"):
// whoever launched it is the attack's hand, read by other rules.
func (v *view) launchedBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if clauseBreak(v.it[j].w) {
			return false
		}
		if v.wordIn(j, v.d.lx.launchVerbs) || v.wordIn(j, v.d.lx.attackLaunchVerbs) || v.wordIn(j, v.d.lx.carriedOutParticiples) {
			return true
		}
	}
	return false
}

// recordAttack records the attack r read, with its targets (after
// on/against/targeting, a direct object, the subject of a passive, the
// owner of the sites struck), its type, its place and its facts.
func (v *view) recordAttack(r *attackReading) int {
	if s := v.d.headedState(r.agent); s != nil {
		// "President X ordered air strikes on Y": the state's strikes,
		// and X's attack on Y.
		r.agent, r.agents = s, append(r.agents, r.agent)
	}
	k, w, kind, agent, agents := r.k, r.w, r.kind, r.agent, r.agents
	targets, last := v.attackTargets(k, agent)
	perfect := false // a passive's subject, its hand named after "by"
	if len(targets) == 0 {
		// "strikes on three facilities in Iraq used by X", "targets linked
		// to X": whose the sites are.
		targets = v.linkedOwner(k)
	}
	if len(targets) == 0 && (v.word(k-1, "were", "was") || v.word(k-2, "were", "was") || v.presentPassive(k)) {
		targets = v.passiveSubjects(k)
	} else if len(targets) == 0 && r.byPhrase && v.passiveVerb(k) {
		// "X has (often) been targeted by Y", "X, founded with help
		// from Z, has been targeted by Y": the subject, past adverbs
		// and an apposition, is what was struck, as the frames of a
		// passive with its hand named read it (attacked).
		if j, e := v.subj(k); j >= 0 && is(e, schema.Place, schema.MilitaryBase, schema.Country, schema.ArmedGroup, schema.GovernmentBody) {
			targets, perfect = []*entity{e}, true
		}
	}
	if len(targets) == 0 {
		targets = v.victimsBefore(k)
	} else if u := v.underAttack(k); u != nil && !slices.Contains(targets, u) && is(targets[0], schema.Place, schema.MilitaryBase) {
		// "X came under an Israeli airstrike near Y": the subject of
		// "come under" was struck, the place after the noun is where.
		targets = append([]*entity{u}, targets...)
	} else {
		targets = v.victimsFirst(k, targets)
	}
	if len(targets) == 0 {
		targets = v.objectOf(k)
	}
	if len(targets) == 0 {
		if t := v.underAttack(k); t != nil {
			targets = []*entity{t}
		}
	}
	if v.d.sentAgent == nil {
		v.d.sentAgent = agent
	}
	typ := schema.EvAttack
	air := v.d.lx.airAttackWords.has(w) || v.wordIn(k-1, v.d.lx.airModifiers) || r.droneAir || v.airContext(agent, k)
	if (air || v.fromTheAir(agent, k)) && is(agent, schema.Country, schema.GovernmentBody, schema.Coalition) {
		typ = schema.EvAirstrike
	}
	// "The ports were targeted", "the blockade of X": a hostile act of
	// no stated form; "X targeted Y" is told of strikes and raids, an
	// attack.
	pred := "attacked"
	passive := v.word(k-1, "was", "were", "been", "be") || v.word(k-2, "was", "were", "been", "be")
	if v.d.lx.blockadeNouns.has(w) || v.d.lx.targetingWords.has(w) && !air && passive && !perfect {
		pred = "targeted"
	}
	var target, loc *entity
	if v.basesTarget(k) && !(len(targets) > 0 && is(targets[0], schema.ArmedGroup)) {
		// "attacks against these bases in Erbil, …": the bases' army,
		// unless that army is the attacker ("US airstrikes targeted
		// their bases in X": someone else's) or the bases' group is
		// named ("the strikes that hit their positions in X").
		if m := v.d.dominantMilitary(); !v.ownForces(agent, m) {
			target = m
		}
	}
	for _, t := range targets {
		if t == agent {
			continue
		}
		if target == nil {
			target = t
		}
		if is(t, schema.Place, schema.MilitaryBase) && loc == nil {
			loc = t
		}
		if v.d.lx.assassinationVerbs.has(w) {
			continue // a killing: the killed rule records it
		}
		if is(t, schema.Person) && v.isNoun(w) {
			// "a drone strike … killed X": a killing, and an attack on X's group.
			if v.strikeKilled(k) {
				v.d.addFact(agent, "killed", t, kind, v.attr.by, v.evidence(), "", 0.7)
			}
			continue
		}
		for _, a := range append([]*entity{agent}, agents...) {
			v.d.addFact(a, pred, t, kind, v.attr.by, v.evidence(), "", 0.7)
		}
	}
	if target == nil && loc == nil {
		loc = v.strikeLocation(k)
	}
	if p := r.byEnd + 1; loc == nil && (v.word(p, "in", "near") || v.wordIn(p, v.d.lx.sitePrepositions) && !v.word(p, "at")) {
		// "a strike (by a Turkish drone) in Hasakeh"
		if x := v.next(p, 3, ofType(schema.Place, schema.Country, schema.MilitaryBase)); x >= 0 {
			loc = v.ent(x)
		}
	}
	if target == nil && is(loc, schema.Place, schema.MilitaryBase) && agent != nil && !v.circumstance(k) && !v.strikeKilled(k) {
		// "airstrikes near the Tishreen Dam": with no one named as
		// struck, the place is (the annotators record it as the target
		// four times in five); a strike that killed someone unnamed was
		// not aimed at the town it fell in.
		target = loc
		for _, a := range append([]*entity{agent}, agents...) {
			v.d.addFact(a, pred, loc, kind, v.attr.by, v.evidence(), "", 0.7)
		}
	}
	if target == nil && loc == nil && !r.claimed && !r.attributed && !air {
		// An attack without a target or place is too vague to record as
		// an event ("attacks on its military bases cease"); one blamed on
		// someone is the attack told before ("accused X of carrying out
		// the attack").
		// "The attack was carried out by X", "the attacks have been
		// claimed by X": a definite attack whose hand is named after it
		// is the attack told before, too.
		if r.blamed || r.byPhrase && agent != nil && v.definiteAt(k) && v.handNamedAfter(k) {
			v.blameAntecedent(agent, kind)
		}
		return last
	}
	if (r.claimed || r.blamed) && v.refersBack(k) {
		// "X has blamed Y for last night's attack in Z", "Y claimed
		// Tuesday's attack": the attack told before by an unknown hand
		// is Y's, not another one.
		if e := v.agentlessAntecedent(target, k); e != nil {
			e.Agent = agent.id
			if e.Kind != kind {
				e.Kind = kind
			}
			if t := v.d.byID[e.Target]; t != nil && t != target {
				v.d.addFact(agent, pred, t, kind, v.attr.by, v.evidence(), "", 0.6)
			}
			v.d.lastAttack = e.ID
			return last
		}
	}
	status := "occurred"
	if v.modalBefore(k) {
		status = "planned"
	}
	ev := v.addEvent(typ, agent, target, loc, k, status)
	if kind != ev.Kind && typ != schema.EvThreat {
		ev.Kind = kind
	}
	// "Iran-backed militias, with X among them, attacked …": X attacked
	// too, and an analyst following X looks for its attacks.
	for _, a := range agents {
		if a != agent && agent.collective() && v.sameEvent(typ, a, target) == nil {
			if e := v.addEvent(typ, a, target, loc, k, status); kind != e.Kind {
				e.Kind = kind
			}
		}
	}
	if r.claimed {
		v.d.addFact(agent, "claimed_responsibility_for", &entity{id: ev.ID, typ: schema.EventEntity}, schema.Claimed, nil, v.evidence(), "", 0.8)
		if is(agent, schema.GovernmentBody, schema.Country) {
			// "The Turkish defense ministry claimed responsibility for the
			// attack": a state body's claim is also its statement, as
			// its denial is (an armed group's claim is the attack alone).
			v.statementEvent(schema.EvStatement, agent, nil, k)
		}
	}
	v.d.lastAttack = ev.ID
	return last
}

// countriesRetold returns the article's earlier strike that one told as
// falling on two or more countries retells ("the U.S. strikes on Syria
// and Iraq", "the aggression against Iraq, Syria and Yemen"): a list of
// countries says where strikes fell, not whom they hit, and once the
// article has told a strike by the same forces, such a sentence tells it
// again. One with no hand named ("last night's attack on Syria and
// Iraq") retells an earlier strike on one of the countries. Nil when no
// strike was told before, or only one dated to another day.
func (v *view) countriesRetold(typ string, agent, target *entity, date string) *schema.Event {
	if !sameEventKind(typ, schema.EvAttack) || !is(target, schema.Country) {
		return nil
	}
	countries := v.countryList(target)
	if len(countries) < 2 {
		return nil
	}
	a := v.d.forces(agent)
	for i := range v.d.events {
		e := &v.d.events[i]
		if !sameEventKind(e.Type, typ) || date != "" && e.Date != "" && e.Date != date {
			continue
		}
		if agent != nil && e.Agent != "" && v.d.forces(v.d.byID[e.Agent]) == a {
			return e
		}
		if agent == nil && slices.Contains(countries, e.Target) {
			return e
		}
	}
	return nil
}

// countryList returns the ids of the countries the sentence lists with
// country c ("Syria and Iraq", "Iraq, Syria, and Yemen"), c's first,
// or c's alone when no list holds it.
func (v *view) countryList(c *entity) []string {
	ids := []string{c.id}
	for j := range v.it {
		if v.ent(j) != c {
			continue
		}
		for _, step := range []int{-1, 1} {
			for x := j + step; x >= 0 && x < len(v.it); x += step {
				if v.word(x, ",", "and") {
					continue
				}
				if e := v.ent(x); is(e, schema.Country) && e != c && !slices.Contains(ids, e.id) && x != j+step {
					ids = append(ids, e.id)
					continue
				}
				break
			}
		}
	}
	return ids
}

// passiveVerb reports an attack verb at k in the passive: a participle
// after a form of "be", with at most one adverb between (an -ly word or one of
// `adverbs`: "bases are regularly attacked by X", "was also struck"). A gerund is no passive
// ("have been firing rockets": the subject fired them).
func (v *view) passiveVerb(k int) bool {
	if k < 1 || strings.HasSuffix(v.it[k].w, "ing") || v.isNoun(v.it[k].w) && !v.nounAsVerb(k) {
		return false
	}
	be := func(j int) bool { return v.word(j, "is", "are", "was", "were", "been", "be", "being") }
	if be(k - 1) {
		return true
	}
	adverb := v.it[k-1].e == nil && (strings.HasSuffix(v.it[k-1].w, "ly") || v.wordIn(k-1, v.d.lx.adverbs))
	return adverb && be(k-2)
}

// presentPassive reports an attack verb at k in the present passive
// ("bases are regularly attacked by X"): its subject is what is struck.
func (v *view) presentPassive(k int) bool {
	if !v.passiveVerb(k) {
		return false
	}
	return v.word(k-1, "is", "are") || !v.word(k-1, "is", "are", "was", "were", "been", "be", "being") && v.word(k-2, "is", "are")
}

// refersBack reports an attack noun at k that names one attack already
// told: under a definite determiner ("the attack") or a day's possessive
// ("Tuesday's attack", "last night's attack").
func (v *view) refersBack(k int) bool {
	if v.definiteAt(k) {
		return true
	}
	if !v.isNoun(v.it[k].w) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if v.it[j].e != nil || !(v.dateish(j) || v.word(j, "'s") || v.d.lx.attackAdjectives.hasID(v.it[j].id)) {
			return false
		}
		if v.dateish(j) && (strings.HasSuffix(v.it[j].w, "'s") || v.word(j+1, "'s")) {
			return true
		}
	}
	return false
}

// agentlessAntecedent returns the article's latest attack within reach
// that no one carried out yet and that the attack noun at k, on target,
// may retell: on the same target, or target only says where (a place or
// country) or is not said, and not dated to another day. Otherwise nil.
func (v *view) agentlessAntecedent(target *entity, k int) *schema.Event {
	date, _ := v.date(k)
	return v.antecedentEvent(func(e *schema.Event) bool {
		if e.Agent != "" || v.d.evSent[e.ID] == v.s.idx || date != "" && e.Date != "" && e.Date != date {
			return false
		}
		return target == nil || e.Target == target.id || is(target, schema.Place, schema.Country)
	})
}

// headedState is the state that a president or prime minister heads, by
// the lexicon or by the article's facts, or nil: strikes they order or
// launch are their state's.
func (d *doc) headedState(e *entity) *entity {
	if !is(e, schema.Person) {
		return nil
	}
	if e.lex != nil {
		if c := d.lx.stateOf(e.lex); c != nil {
			return d.virtual(c)
		}
	}
	for _, f := range d.facts {
		if f.S == e.id && (f.P == "president_of" || f.P == "prime_minister_of") {
			if c := d.byID[f.O]; is(c, schema.Country) {
				return c
			}
		}
	}
	return nil
}

// handNamedAfter reports "carried out" (carried_out_participles), a
// participle of hand_by_participles before "by", or a claim verb just
// after the attack noun at k, before its "by" ("the attack was carried out
// by X", "the bombing was perpetrated by X", "the attacks were claimed by
// X").
func (v *view) handNamedAfter(k int) bool {
	for j := k + 1; j < len(v.it) && j <= k+4; j++ {
		if v.wordIn(j, v.d.lx.carriedOutParticiples) && v.word(j+1, "out") || v.wordIn(j, v.d.lx.claimVerbs) ||
			v.wordIn(j, v.d.lx.handByParticiples) && v.word(j+1, "by") {
			return true
		}
	}
	return false
}

// blameAntecedent gives the attack told before, if no one carried it out
// yet, the agent a sentence blames for it, and records that the agent
// attacked its target, of kind.
func (v *view) blameAntecedent(agent *entity, kind string) {
	e := v.antecedentBy(agent)
	if e == nil || e.Target == agent.id {
		return
	}
	if t := v.d.byID[e.Target]; t != nil {
		v.d.addFact(agent, "attacked", t, kind, v.attr.by, v.evidence(), "", 0.6)
	}
}

// antecedentBy returns the attack told before that no one, or agent,
// carried out, with agent as its agent unless agent is its target: "X was
// behind the attack", "accused X of carrying out the attack". Otherwise
// nil.
func (v *view) antecedentBy(agent *entity) *schema.Event {
	e := v.antecedentEvent(func(e *schema.Event) bool { return e.Agent == "" || e.Agent == agent.id })
	if e != nil && e.Target != agent.id {
		e.Agent = agent.id
	}
	return e
}

// membersBefore: the groups a plural subject is said to include before
// its verb ("Iran-backed militias, including X and Y, have attacked").
func (v *view) membersBefore(k int) []*entity {
	for j := k - 1; j >= 0; j-- {
		if clauseBreak(v.it[j].w) {
			return nil
		}
		if v.word(j, "including") || v.word(j, "such") && v.word(j+1, "as") {
			if x := v.next(j, 3, ofType(schema.ArmedGroup)); x >= 0 && x < k {
				return entities(v, v.list(x))
			}
			return nil
		}
	}
	return nil
}

// basesTarget reports an attack on bases named only by place ("against
// these bases in Erbil").
func (v *view) basesTarget(k int) bool {
	for j := k + 1; j < len(v.it) && j <= k+4; j++ {
		if v.wordIn(j, v.d.lx.baseNouns) {
			return v.word(j+1, "in", "at")
		}
		if v.it[j].e != nil {
			return false
		}
	}
	return false
}

// strikeLocation: "struck 85 targets in Iraq and Syria" — the place of an
// attack whose targets are only described.
func (v *view) strikeLocation(k int) *entity {
	generic := false
	for j := k + 1; j < len(v.it) && j <= k+7; j++ {
		w := v.it[j].w
		if clauseBreak(w) || w == "," {
			return nil
		}
		if w == "in" && generic {
			if x := v.next(j, 2, ofType(schema.Country, schema.Place)); x >= 0 {
				return v.ent(x)
			}
			return nil
		}
		generic = generic || v.d.lx.genericTargets.has(w)
	}
	return nil
}

// indefinite reports "a (deadly drone) attack": an article before the
// noun, across adjectives.
func (v *view) indefinite(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if v.word(j, "a", "an") {
			return true
		}
		if !v.d.lx.attackAdjectives.has(v.itWord(j)) || v.it[j].e != nil {
			return false
		}
	}
	return false
}

// pastAux returns the first item from j on that is not an auxiliary or
// an adverb between an attack noun and its verb ("the strike has also
// killed", "a raid reportedly hit").
func (v *view) pastAux(j int) int {
	for v.word(j, "has", "have", "had") || v.wordIn(j, v.d.lx.auxAdverbs) {
		j++
	}
	return j
}

// underAttack returns the subject of "come under" before the attack noun
// at k ("the villages have come under rocket attack", "the base came
// under drone attack"), the attack's target, or nil.
func (v *view) underAttack(k int) *entity {
	if !v.isNoun(v.it[k].w) {
		return nil
	}
	j := k - 1
	for j >= 0 && j > k-4 && (v.wordIn(j, v.d.lx.airWeaponWords) || v.d.lx.attackAdjectives.hasID(v.it[j].id) && !v.word(j, "the", "a", "an", "of", "and")) {
		j--
	}
	// "came under an Israeli airstrike": the hand's demonym and the
	// article between "under" and the noun.
	if v.country(j) != nil && v.it[j].e == nil {
		j--
	}
	if v.word(j, "a", "an") {
		j--
	}
	if !v.word(j, "under") || !v.wordIn(j-1, v.d.lx.comeVerbs) {
		return nil
	}
	if s, t := v.subj(j - 1); is(t, schema.Place, schema.MilitaryBase, schema.ArmedGroup, schema.GovernmentBody, schema.Coalition, schema.Country) && !v.reportsBetween(s, j-1) {
		return t
	}
	// "villages near Amadiya have come under …": the place the clause
	// names first.
	if ts := v.passiveSubjects(j - 1); len(ts) > 0 {
		return ts[0]
	}
	return nil
}

// objectOf returns what the action noun at k does to after "of" ("the
// bombardment of Zakho", "the shelling of the PMF's positions"), or nil.
func (v *view) objectOf(k int) []*entity {
	if !v.wordIn(k, v.d.lx.objectOfNouns) || !v.word(k+1, "of") {
		return nil
	}
	x := v.next(k+1, 3, ofType(schema.Place, schema.MilitaryBase, schema.ArmedGroup, schema.GovernmentBody))
	if x < 0 {
		return nil
	}
	return entities(v, v.list(x))
}

// placeOf returns the first place or base among targets, or nil.
func placeOf(targets []*entity) *entity {
	for _, t := range targets {
		if is(t, schema.Place, schema.MilitaryBase) {
			return t
		}
	}
	return nil
}

// isNoun reports the attack nouns (as opposed to verbs).
func (v *view) isNoun(w string) bool { return v.d.lx.attackNouns.has(w) }

// nounAsVerb reports the present tense of a verb spelt as an attack noun:
// "Turkey regularly strikes PKK positions", "the group often attacks
// the base". An adverb stands between a name and the word ("U.S.
// strikes on Iraq" and "Israeli strikes killed" stay nouns).
func (v *view) nounAsVerb(k int) bool {
	return v.wordIn(k-1, v.d.lx.adverbs) && v.verbBetween(k)
}

// verbBetween reports item k between its subject, a name past any
// adverbs, and its object: a name, a determiner or a site.
func (v *view) verbBetween(k int) bool {
	j := k - 1
	for j >= 0 && v.wordIn(j, v.d.lx.adverbs) {
		j--
	}
	if !is(v.ent(j), schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition) {
		return false
	}
	return v.ent(k+1) != nil || k+1 < len(v.it) && v.d.lx.opensObject(v.it[k+1].id)
}

// airContext reports aircraft as the instrument of the attack at k: named
// with the attacker ("US warplanes targeted …") or just before the trigger.
func (v *view) airContext(agent *entity, k int) bool {
	aircraft := func(s string) bool { return containsKey(strings.ToLower(s), v.d.lx.aircraftStems) }
	for j := max(0, k-8); j < k; j++ {
		it := &v.it[j]
		if it.e == nil && aircraft(it.w) || it.e != nil && it.e == agent && aircraft(v.d.span(it.t0, it.t1)) {
			return true
		}
	}
	return false
}

// unrealised reports an attack trigger at k that a condition, an attempt
// or an intention governs in its clause: "if rocket attacks continue",
// "gunmen were trying to attack a checkpoint", "decided to resume
// attacks": no attack is told.
func (v *view) unrealised(k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if clauseBreak(v.it[j].w) || v.it[j].w == "," {
			return false
		}
		if v.wordIn(j, v.d.lx.unrealisedWords) || v.intendedAttack(j, k) {
			return true
		}
	}
	return false
}

// intendedAttack reports an intention verb at j whose infinitive is the
// attack trigger at k or an attack launch verb before it: "threatened to
// strike", "decided to resume attacks"; not "vowed to avenge the
// killing", an attack done.
func (v *view) intendedAttack(j, k int) bool {
	return v.wordIn(j, v.d.lx.intentionVerbs) && v.word(j+1, "to") && (j+2 == k || v.wordIn(j+2, v.d.lx.attackLaunchVerbs))
}

// modalBefore reports a planned or hypothetical action: "will", "would",
// "plans to", "must", "no choice but to".
func (v *view) modalBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if v.it[j].w == "to" {
			// "was forced to close", "decided to withdraw": it happened.
			return !v.wordIn(j-1, v.d.lx.doneBeforeTo)
		}
		if v.d.lx.modalWords.hasID(v.it[j].id) {
			return true
		}
		if clauseBreak(v.it[j].w) || v.it[j].w == "," {
			return false
		}
	}
	return false
}

// deniedThat reports an attack noun or verb at k in the clause a denial
// governs: "the army denied that an air strike on a convoy had taken
// place", "the militia denied that its leader had been killed in the
// attack".
func (v *view) deniedThat(k int) bool {
	for j := k - 1; j >= 1 && j >= k-10; j-- {
		if clauseBreak(v.it[j].w) {
			return false
		}
		if v.word(j, "that") && v.wordIn(j-1, v.d.lx.denialVerbs) {
			return true
		}
	}
	return false
}

// circumstance reports an attack noun at k in a phrase that tells how
// something else came about: "killed in a U.S. airstrike", "by an Israeli
// strike", "during the raid".
func (v *view) circumstance(k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if v.word(j, "in", "by", "during", "after", "following", "amid") {
			return true
		}
		if v.it[j].e == nil && v.it[j].dem == nil && !v.d.lx.attackAdjectives.hasID(v.it[j].id) && !v.word(j, "a", "an", "the") {
			return false
		}
	}
	return false
}

// asideBetween reports a comma between the name at a and the possessive
// at p, closing an aside that opened before a with a comma and a
// relative or a participle ("X, which accuses Y of links to Z, has
// intensified its strikes"), with a verb, not a name, just before p.
func (v *view) asideBetween(a, p int) bool {
	closed := false
	for j := a + 1; j < p; j++ {
		if v.word(j, ",") {
			closed = true
		}
		if clauseBreak(v.it[j].w) || v.word(j, "and", "but") {
			return false
		}
	}
	if !closed || v.ent(p-1) != nil {
		return false
	}
	for j := a - 1; j >= 0 && j >= a-12; j-- {
		if clauseBreak(v.it[j].w) {
			return false
		}
		if v.word(j, ",") {
			return true
		}
	}
	return false
}

// ownForces reports that m is the attacker a's own side (ownSide) or the
// arm it strikes from the air with: no one strikes its own bases.
func (v *view) ownForces(a, m *entity) bool {
	return v.d.ownSide(a, m) || a != nil && v.d.airStriker(a) == m
}

// possessiveBefore returns the item of "its" or "their" before the attack
// noun at k, past the words that may qualify an attack ("its military
// strikes"), or -1.
func (v *view) possessiveBefore(k int) int {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if v.word(j, "its", "their") {
			return j
		}
		if v.it[j].e != nil || !v.d.lx.attackAdjectives.hasID(v.it[j].id) || v.word(j, "the", "a", "an", "of", "and", "'s") {
			return -1
		}
	}
	return -1
}

// pastBy skips an attacker's by-phrase at j ("attacks by X against Y"):
// it returns the target preposition after it, or j.
func (v *view) pastBy(j int) int {
	if v.word(j, "by") {
		for n := j + 1; n < len(v.it) && n <= j+4; n++ {
			if v.wordIn(n, v.d.lx.targetPrepositions) {
				return n
			}
		}
	}
	return j
}

// attackTargets collects the targets after an attack trigger.
func (v *view) attackTargets(k int, agent *entity) ([]*entity, int) {
	noun := v.isNoun(v.it[k].w) && !v.nounAsVerb(k)
	relHit := false // "the strikes that hit their positions"
	j := k + 1
	for noun && j < len(v.it) && v.dateish(j) {
		j++ // "a U.S. strike last week in Baghdad killed X"
	}
	if noun && v.word(j, ",") && v.wordIn(j+1, v.d.lx.targetPrepositions) && strings.HasSuffix(v.it[j+1].w, "ing") {
		j++ // "Turkish air raids, targeting fighters of X": the participle's object
	}
	j = v.pastBy(j) // "attacks by X against Y"
	if _, a := v.attributedTo(k); noun && a > k {
		j = a + 1 // "strikes attributed to X on Y"
	}
	if noun {
		j = v.pastAux(j) // "a drone strike has killed X"
		if v.word(j, "that", "which") {
			// "a drone attack which targeted a car in Qamishli claimed
			// the lives of three SDF fighters": whom it killed; "a drone
			// attack that killed three U.S. soldiers": whom it killed.
			if c := v.pastAux(j + 1); v.wordIn(c, v.d.lx.casualtyVerbs) {
				return v.killedAfter(c, k)
			}
			if c := v.casualtyAfter(j); c >= 0 {
				return v.killedAfter(c, k)
			}
			if c := v.pastAux(j + 1); v.wordIn(c, v.d.lx.hitVerbs) && v.word(c+1, "its", "their") {
				// "died in the Israeli strikes that hit their
				// positions": whose positions (below).
				j, relHit = c, true
			}
		}
	}
	// "attacks were carried out (Monday) (by X) against Y"
	if v.word(j, "were", "was") && v.wordIn(j+1, v.d.lx.carriedOutParticiples) && v.word(j+2, "out") {
		j += 3
		for j < len(v.it) && v.dateish(j) {
			j++
		}
		j = v.pastBy(j)
	}
	if v.word(j, "in", "near", "on") && noun {
		// "a drone strike in eastern Baghdad": where, not whom — unless a
		// verb follows: "a drone strike on a car in Baghdad killed X".
		vb := -1
		for n := j + 1; n < len(v.it) && n <= j+7; n++ {
			if clauseBreak(v.it[n].w) || v.word(n, ",", "that", "which", "by") {
				break
			}
			if v.wordIn(n, v.d.lx.casualtyVerbs) || v.wordIn(n, v.d.lx.hitVerbs) {
				vb = n
				break
			}
		}
		// "an attack on the Ain al-Asad air base wounded troops": a base
		// or a force after "on" is the target, not a car.
		if vb >= 0 && v.word(j, "on") && v.next(j, vb-j-1, ofType(schema.MilitaryBase, schema.ArmedGroup, schema.GovernmentBody, schema.Coalition)) >= 0 {
			goto prep
		}
		if vb < 0 {
			if v.word(j, "on") {
				goto prep
			}
			// "Turkish drone attacks in the Kurdistan Region have
			// increased": with no target named, the place struck (the
			// annotators record it as the target); not the attack of a
			// killing told before ("the assassination of X in a U.S.
			// airstrike in Baghdad").
			// "in the city of Qamishli": past the place word and "of".
			if p := v.next(j, 4, nil); v.word(j, "in") && is(v.ent(p), schema.Place) && (p <= j+3 || v.word(p-1, "of") && v.d.lx.placesBefore.hasID(v.it[p-2].id)) && !v.circumstance(k) {
				idx := v.list(p)
				return entities(v, idx), idx[len(idx)-1]
			}
			return nil, k
		}
		j = vb
	}
	if v.wordIn(j, v.d.lx.casualtyVerbs) && noun {
		return v.killedAfter(j, k)
	}
prep:
	if v.wordIn(j, v.d.lx.targetPrepositions) || v.word(j, "at", "to") || !noun {
		if v.wordIn(j, v.d.lx.targetPrepositions) || v.word(j, "at", "to") {
			j++
		}
	} else if v.wordIn(j, v.d.lx.casualtyVerbs) || v.wordIn(j, v.d.lx.hitVerbs) || v.wordIn(j, v.d.lx.attackNounVerbs) {
		// "a U.S. drone strike killed X and Y", "a rocket attack hit X"
		if x := v.next(j, 3, ofType(schema.Person, schema.ArmedGroup, schema.MilitaryBase, schema.Place, schema.GovernmentBody)); x >= 0 {
			idx := v.list(x)
			return entities(v, idx), idx[len(idx)-1]
		}
		j++ // "a strike destroyed a weapons depot in X": past the generic head
	} else {
		return nil, k
	}
	// "Washington accuses X of launching attacks against its troops": the
	// forces of the state the sentence opens with.
	if v.word(j, "its", "their") && (v.wordIn(j+1, v.d.lx.troopNouns) || v.wordIn(j+1, v.d.lx.baseNouns)) {
		// Not the attacker's own: "militias say US airstrikes targeted
		// their bases" are the militias' bases, not the US forces'.
		if m := v.d.military(v.firstActor(k)); m != nil && !v.ownForces(agent, m) {
			return []*entity{m}, j + 1
		}
		if relHit && agent != nil {
			// "fighters of X died in the strikes that hit their
			// positions": the group the sentence opened with.
			if a := v.prev(k, 12, ofType(schema.ArmedGroup)); a >= 0 && v.ent(a) != agent {
				return []*entity{v.ent(a)}, j + 1
			}
		}
	}
	// A site named by its holder or by the bases it lists ("two bases of
	// the occupation in Syria, the al-Omar field and Shaddadi").
	if o := v.siteOwner(j); o != j && is(v.ent(o), schema.MilitaryBase) {
		j = o
	}
	// Skip determiners and generic heads: "these bases in", "positions of",
	// "targets deep inside", "include"; past one plain phrase joined by
	// "and" ("destroyed a research centre and other army posts in X"),
	// three more items.
	generic := false
	limit := 6
	for n := 0; j < len(v.it) && n < limit && v.it[j].e == nil; n++ {
		w := v.it[j].w
		if w == "and" && limit == 6 {
			limit = 9
		}
		if clauseBreak(w) || w == "," || w == "by" || w == "that" || w == "which" || w == "were" || w == "was" || v.d.lx.targetStopVerbs.has(w) || v.d.lx.gapStops.has(w) {
			return nil, k // "struck back three times as the administration …": another clause
		}
		if w == "from" {
			return nil, k // "fired rockets at the embassy from Zafaraniya": whence, not whom
		}
		if w == "in" && (generic || v.siteOfCountry(v.next(j, 3, nil))) {
			// "struck 85 targets in Iraq and Syria", "bombed a depot in
			// eastern Syria": where, not whom.
			return nil, k
		}
		generic = v.d.lx.genericTargets.has(w)
		j++
	}
	if j >= len(v.it) || v.it[j].e == nil {
		return nil, k
	}
	if p := v.siteInCountry(j); p > j {
		j = p // "Iraq's Ain al-Asad air base", "Syria's province of Deir ez-Zor": the site
	}
	if f := v.hostedForce(j); f >= 0 {
		j = f // "an attack on an Iraqi base housing U.S. troops": the troops
	} else if v.qualifier(j) && v.ent(j+2) != nil {
		j += 2 // "positions of Iran's Revolutionary Guard", "the Iran-backed Kata'ib Hezbollah"
	} else if v.sponsorModifier(j) {
		// "attacks on US-occupied bases": the state's forces hold them;
		// "airstrikes against an Iran-backed militia": not Iran.
		if m := v.d.military(v.ent(j)); m != nil && v.wordIn(j+1, v.d.lx.usedByParticiples) && v.wordIn(j+2, v.d.lx.baseNouns) {
			return []*entity{m}, j + 2
		}
		// "against the Iran-backed militia Kataib Hezbollah": the group
		// the description names.
		g := v.next(j, 4, ofType(schema.ArmedGroup))
		if g < 0 || !v.wordIn(g-1, v.d.lx.groupNouns) {
			return nil, k
		}
		j = g
	}
	j = v.namedBase(j) // "on the American outpost Tower 22": the base
	idx := v.list(j)
	idx = v.targetsPastPhrases(idx)
	// "… in Erbil and Ain al-Asad as well as their counterparts in Syria,
	// like the Al-Omar and Conoco field"
	if e := idx[len(idx)-1]; v.word(e+1, "as") && v.word(e+2, "well") && v.word(e+3, "as") {
		for x := e + 4; x < len(v.it) && x <= e+12; x++ {
			if v.word(x, "like", "including") || v.word(x, "such") && v.word(x+1, "as") {
				if y := v.next(x, 3, ofType(schema.MilitaryBase, schema.Place)); y >= 0 {
					idx = append(idx, v.list(y)...)
				}
				break
			}
			if clauseBreak(v.it[x].w) {
				break
			}
		}
	}
	out := make([]*entity, 0, len(idx))
	for _, i := range idx {
		e := v.ent(i)
		if is(e, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Person, schema.MilitaryBase, schema.Place) {
			out = append(out, e)
		}
	}
	return out, idx[len(idx)-1]
}

// targetsPastPhrases carries a list of targets on past plain noun phrases
// that name no entity ("the centres of X, special forces, Y bases and Z";
// "targeted X, as well as an airport in southern Y"): each is another
// item struck, and the names after them are targets too. A phrase with a
// word of another clause (a verb, "by", "said") ends the list.
func (v *view) targetsPastPhrases(idx []int) []int {
	for {
		e := idx[len(idx)-1]
		j, sep, words := e+1, false, 0
		for ; j < len(v.it) && words <= 6 && v.it[j].e == nil; j++ {
			w := v.it[j].w
			if v.dateish(j) || w == "on" && j+1 < len(v.it) && v.dateish(j+1) {
				continue // "struck X on Monday, as well as Y"
			}
			if clauseBreak(w) || v.d.lx.targetListBreaks.has(w) || v.d.lx.gapStops.has(w) && w != "as" ||
				v.wordIn(j, v.d.lx.casualtyVerbs) || v.wordIn(j, v.d.lx.hitVerbs) || v.wordIn(j, v.d.lx.speechVerbs) || verbForm(w) {
				return idx
			}
			if w == "," && v.word(j+1, "a", "an") {
				return idx // ", a U.S. outpost": an apposition
			}
			if w == "," || w == "and" || w == "as" && v.word(j+1, "well") || w == "well" {
				sep = true
				continue
			}
			if !sep {
				return idx // "X bases in Y": a phrase of its own, not the next item
			}
			words++
		}
		if !sep || words == 0 || words > 6 || j >= len(v.it) || v.it[j].e == nil {
			return idx
		}
		if !is(v.ent(j), schema.ArmedGroup, schema.GovernmentBody, schema.Coalition, schema.MilitaryBase, schema.Place) {
			return idx
		}
		next := v.list(j)
		if l := next[len(next)-1]; l+1 < len(v.it) && (v.wordIn(l+1, v.d.lx.speechVerbs) || v.d.lx.targetListBreaks.has(v.it[l+1].w) || verbForm(v.it[l+1].w)) {
			return idx // "…, officials in Baghdad said", "…, the group has launched": a subject
		}
		idx = append(idx, next...)
	}
}

// verbForm reports a lower-case word with a verb's ending ("killing",
// "wounded"): in a list of targets, the start of another clause.
func verbForm(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z' && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// passiveSubjects are the first entities of the clause of the passive
// attack verb at item k: "…, and the ports of X and Y in Z were
// targeted".
func (v *view) passiveSubjects(k int) []*entity {
	c := k - 1
	for c > 0 && !clauseBreak(v.it[c-1].w) && !(v.word(c-1, "and") && v.word(c-2, ",")) && !v.wordIn(c-1, v.d.lx.reportVerbs) {
		if v.word(c-1, "which", "that") && c-1 >= k-3 {
			// "the outpost, which is often shelled by X": the relative's
			// head, not the clause's subject; after "said that", the
			// clause's own subject.
			h := c - 2
			if v.word(h, ",") {
				h--
			}
			if is(v.ent(h), schema.Place, schema.MilitaryBase, schema.Country, schema.ArmedGroup, schema.GovernmentBody) {
				return []*entity{v.ent(h)}
			}
			break
		}
		c--
	}
	j := v.next(c-1, k-c, ofType(schema.Place, schema.MilitaryBase, schema.Country, schema.ArmedGroup, schema.GovernmentBody))
	if j < 0 {
		return nil
	}
	return entities(v, v.list(j))
}

// reportsBetween reports a report verb between items j and k: the name at
// j is the speaker of the clause k is in, and no party to what it reports
// ("the Pentagon said the convoy was attacked": the convoy was, not the
// Pentagon).
func (v *view) reportsBetween(j, k int) bool {
	for x := j + 1; x < k; x++ {
		if v.wordIn(x, v.d.lx.reportVerbs) {
			return true
		}
	}
	return false
}

// hostedForce returns the item of the forces a base qualified by the name
// at item j houses ("an Iraqi base housing U.S. troops"), or -1: an
// attack on such a base is, in reporting and in the gold, an attack on
// the forces it houses.
func (v *view) hostedForce(j int) int {
	if j >= len(v.it) || v.it[j].e == nil {
		return -1
	}
	h := j + 1
	if v.wordIn(h, v.d.lx.baseNouns) {
		h++
	} else if !v.d.lx.baseNouns.has(v.d.toks[v.it[j].t1-1].norm) {
		return -1 // the base noun is not inside the item either ("an Iraqi base")
	}
	if !v.wordIn(h, v.d.lx.hostWords) {
		return -1
	}
	if f := v.next(h, 3, ofType(schema.GovernmentBody, schema.Coalition)); f >= 0 && (is(v.ent(f), schema.Coalition) || v.d.lx.isMilitary(v.ent(f))) {
		return f
	}
	return -1
}

// listBack returns the coordinated entities ending at item j ("Reuters
// and CNN", "Ashdod and Haifa"), in text order.
func (v *view) listBack(j int) []int {
	out := []int{j}
	for i := j - 1; i >= 1; {
		if v.word(i, "and", ",", "or") || v.word(i, `"`) {
			k := i - 1
			for k >= 0 && v.word(k, `"`, ",") {
				k--
			}
			if k >= 0 && v.ent(k) != nil && v.ent(k).typ == v.ent(j).typ {
				out = append([]int{k}, out...)
				i = k - 1
				continue
			}
		}
		break
	}
	return out
}

// lastResistance is the group "the resistance" refers to: the last armed
// group with one of resistance_nouns in its name, else the last group.
func (d *doc) lastResistance() *entity {
	for i := len(d.ents) - 1; i >= 0; i-- {
		if e := d.ents[i]; e.typ == schema.ArmedGroup && containsKey(strings.ToLower(e.name), d.lx.resistanceNouns) {
			return e
		}
	}
	return d.lastGroup
}

// itWord is the word of item k, or "".
func (v *view) itWord(k int) string {
	if k < 0 || k >= len(v.it) {
		return ""
	}
	return v.it[k].w
}

// politicalEntity maps a capital used for its government to the country.
func (v *view) politicalEntity(e *entity) *entity {
	if e != nil && e.lex != nil && e.lex.metonym != nil {
		return v.d.virtual(e.lex.metonym)
	}
	return e
}

// dominantMilitary is the foreign military an article is about: the
// military entity mentioned most.
func (d *doc) dominantMilitary() *entity {
	if !d.domDone {
		d.dominant, d.domDone = d.findDominantMilitary(), true
	}
	return d.dominant
}

func (d *doc) findDominantMilitary() *entity {
	count := map[*entity]int{}
	for _, m := range d.ments {
		e := m.ent
		if e.typ == schema.GovernmentBody && d.lx.isMilitary(e) {
			count[e]++
		}
	}
	var best *entity
	for e, n := range count {
		if best == nil || n > count[best] || n == count[best] && e.id < best.id {
			best = e
		}
	}
	if best == nil {
		// Only indirect mentions ("American troops"): the virtual ones.
		for _, e := range d.ents {
			if len(e.surfaces) == 0 && d.lx.isMilitary(e) {
				return e
			}
		}
	}
	return best
}

// isMilitary reports an entity that some country names as its military.
func (lx *Lexicon) isMilitary(e *entity) bool {
	if e.lex == nil {
		return false
	}
	n := strings.ToLower(e.lex.Name)
	for w := range lx.militaryNameWords.keys {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// threat: "X threatened Y", "an impending Israeli strike on Y", "X vowed
// to attack Y".
func (v *view) threat(k int) {
	w := v.it[k].w
	var agent, target *entity
	listed := -1 // the item of the target, when a list may start there
	if v.d.lx.imminenceWords.has(w) {
		// "an impending Israeli strike on the country"
		j := k + 1
		if c := v.country(j); c != nil {
			agent = c
			j++
		} else if e := v.ent(j); e != nil {
			agent = e
			j++
		}
		if !v.wordIn(j, v.d.lx.imminentAttackNouns) {
			return
		}
		if v.word(j+1, "on", "against") {
			if t := v.ent(j + 2); t != nil {
				target = t
			} else {
				target = v.refer(j + 3)
				if target == nil {
					target = v.refer(j + 2)
				}
			}
		}
	} else {
		_, agent = v.clauseSubject(k)    // "X on Friday threatened"
		agent = v.politicalEntity(agent) // "Ankara threatened"
		if t := v.next(k, 3, nil); t >= 0 {
			target, listed = v.ent(t), t
		}
		// "vowed to continue attacks against U.S. bases"
		for j := k + 1; target == nil && j < len(v.it) && j <= k+14; j++ {
			// "vowed to strike X", "vowed they would attack X"; not
			// "vowed that the killing by an Israeli strike in Syria will
			// not go unanswered", where the word is a noun.
			if v.wordIn(j, v.d.lx.targetPrepositions) || v.wordIn(j, v.d.lx.threatTargetWords) && v.word(j-1, "to", "would", "will", "could", "shall") {
				if t := v.next(j, 3, actor); t >= 0 && !v.locative(t) {
					target, listed = v.ent(t), t
				} else {
					target = v.peopleAsForces(j+1, 2)
				}
			}
			if clauseBreak(v.it[j].w) {
				break
			}
			// "threatened to continue the attacks unless the US
			// withdraws": a menace at the foreign forces.
			if v.wordIn(j, v.d.lx.departureConditions) && v.untilLeave(j) {
				target = v.d.dominantMilitary()
			}
		}
	}
	if target == nil && agent != nil && v.menaceAfter(k) {
		// "vowed that the killing by an Israeli strike will not go
		// unanswered": at whoever struck.
		target = v.struckBy(agent)
	}
	agents := []*entity{agent}
	if agent == nil {
		// "Several militias, including X, vowed …"
		agents = v.membersBefore(k)
	}
	if len(agents) == 0 || agents[0] == nil || target == nil || agents[0] == target {
		return
	}
	agent = agents[0]
	kind, _ := v.kindAt(k)
	// "threatened Israel and the United States": each is threatened;
	// the event names the first.
	targets := []*entity{target}
	if listed >= 0 {
		targets = entities(v, v.list(listed))
	}
	for _, a := range agents {
		for _, t := range targets {
			if t != a && is(t, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Person, schema.MilitaryBase, schema.Place) {
				v.fact(k, a, "threatened", t, 0.7)
			}
		}
	}
	ev := v.addEvent(schema.EvThreat, agent, target, nil, k, "")
	if kind == schema.Reported || kind == schema.Claimed {
		ev.Status = kind
	}
}

// struckBy returns the agent of the latest attack told in this sentence or
// the few before, unless the speaker speaks for it: whom a menace of
// revenge is aimed at. Otherwise nil.
func (v *view) struckBy(speaker *entity) *entity {
	e := v.antecedentEvent(func(e *schema.Event) bool { return e.Agent != "" })
	if e == nil {
		return nil
	}
	if a := v.d.byID[e.Agent]; a != nil && !v.d.sameSide(speaker, a) {
		return a
	}
	return nil
}

// menaceAfter reports a menace word (words.yaml, menace_words) after the
// threat word at item k, in its sentence: "vowed that … will not go
// unanswered".
func (v *view) menaceAfter(k int) bool {
	for j := k + 1; j < len(v.it); j++ {
		if v.wordIn(j, v.d.lx.menaceWords) {
			return true
		}
	}
	return false
}

// roleNoun: a deputy or envoy named by a possessive, "X's deputy, Y".
func (v *view) roleNoun(w string) bool { return v.d.lx.roleNouns.has(w) }

// quoteWithin reports whether a quoted item starts within n items of k.
func (v *view) quoteWithin(k, n int) bool {
	for j := k; j < len(v.it) && j < k+n; j++ {
		if v.quote[j] || v.word(j, "\"") {
			return true
		}
	}
	return false
}

// suspension: "X announced a suspension of attacks on Y", "X suspended its
// military operations against Y", "X halted attacks".
func (v *view) suspension(k int) {
	if v.negated(k) || v.word(k-1, "to") && !v.wordIn(k-2, v.d.lx.suspensionCommitments) {
		// "has not stopped its attacks"; "urged the militias to stop
		// attacks", "were unable to stop the attacks": none made.
		return
	}
	ops := -1
	for j := k + 1; j < len(v.it) && j <= k+5; j++ {
		if v.wordIn(j, v.d.lx.suspendedActivities) {
			ops = j
			break
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			break
		}
	}
	if ops < 0 && !v.wordIn(k, v.d.lx.truceNouns) {
		return
	}
	var agent *entity
	if x, e := v.subj(k); e != nil {
		agent = e
		_ = x
	} else if j := v.prev(k, 4, actor); j >= 0 {
		agent = v.ent(j) // "X announced a suspension"
	} else if _, e := v.subj(v.verbStart(k)); e != nil {
		agent = e
	}
	if agent == nil {
		return
	}
	var target *entity
	if ops >= 0 {
		for j := ops + 1; j < len(v.it) && j <= ops+3; j++ {
			if v.wordIn(j, v.d.lx.targetPrepositions) {
				if t := v.next(j, 3, actor); t >= 0 {
					target = v.ent(t)
				} else if m := v.peopleAsForces(j+1, 2); m != nil {
					target = m
				}
				break
			}
		}
	}
	v.statementEvent(schema.EvStatement, agent, target, k)
}

// statement: each reporting frame of a sentence as a Statement or Threat
// event by its speaker; "X has issued a statement directed at Y"; "a
// message from X to Y". Commentators quoted in an article (analysts,
// editors) frame it, they do not make news, and a quotation running on
// from an earlier sentence is the same statement.
func (v *view) statement() {
	a := v.attr
	d := v.d
	if v.endsWithQuestion() || a.carried {
		return
	}
	// Items of a statement noun, in a sentence that holds one.
	for k := 0; k < len(v.it) && v.opens(gateStatementNoun); k++ {
		if iv := v.issuedAt(k); iv >= 0 {
			// "X has issued a (sharp) statement directed at Y"
			_, s := v.subj(v.verbStart(iv))
			if s == nil {
				continue
			}
			var t *entity
			if v.wordIn(k+1, v.d.lx.addressedParticiples) {
				if x := v.next(k+1, 3, actor); x >= 0 {
					t = v.ent(x)
				}
			}
			v.statementEvent(schema.EvStatement, s, t, k)
		}
		if v.wordIn(k, v.d.lx.messageNouns) && v.word(k+1, "from") {
			// "a message from the US administration to the Iraqi government"
			if x := v.next(k+1, 3, actor); x >= 0 && v.word(x+1, "to") {
				if y := v.next(x+1, 3, actor); y >= 0 {
					v.statementEvent(schema.EvStatement, v.ent(x), v.ent(y), k)
				}
			}
		}
	}
	v.institutionalActs()
	if a.verb >= 0 && v.wordIn(a.verb, v.d.lx.accordingWords) {
		// "According to the Iraqi Foreign Ministry’s statement": the body
		// made a statement; "according to officials" is only a source.
		if a.speaker >= 0 && v.word(a.speaker+1, "'s") && v.wordIn(a.speaker+2, v.d.lx.possessiveStatementNouns) {
			v.statementEvent(schema.EvStatement, a.by, nil, a.verb)
		}
	}
	for _, f := range a.frames {
		if v.d.lx.byWord[v.it[f.verb].id].event == evThreat {
			continue // a threat event of its own (threat)
		}
		if v.wordIn(f.verb, v.d.lx.claimVerbs) && v.attackNounAfter(f.verb) {
			continue // "X claimed the attack on Y": an attack claim (attack)
		}
		if v.announcesAgreement(f.verb) {
			continue // "X announced an agreement with Y": the agreement (agreements)
		}
		speakers := []*entity{f.by}
		if f.speaker >= 0 {
			speakers = speakers[:0]
			for _, x := range v.listBack(f.speaker) {
				speakers = append(speakers, v.ent(x))
			}
			if x := v.jointSpeaker(f.speaker); x >= 0 && len(speakers) == 1 {
				speakers = []*entity{v.speakerAt(x), speakers[0]}
			}
		}
		var target *entity
		if v.wordIn(f.verb, v.d.lx.addresseeReportVerbs) {
			if x := v.next(f.verb, 2, ofType(schema.MediaOutlet, schema.Person, schema.GovernmentBody, schema.Country)); x >= 0 {
				target = v.ent(x)
			}
		}
		if x := v.toOutlet(f.verb); target == nil && x >= 0 {
			target = v.ent(x) // "the governor confirmed to Kurdistan 24"
		}
		if f.by == nil && target == nil {
			// "A source providing information to X … said"
			for j := 0; j < f.verb; j++ {
				if is(v.ent(j), schema.MediaOutlet) {
					target = v.ent(j)
					break
				}
			}
		}
		typ := schema.EvStatement
		threats := v.threatTargets()
		if f.threat || len(threats) > 0 {
			typ = schema.EvThreat
		}
		if target == nil {
			target = v.addressee(f)
		}
		about := target == nil && typ == schema.EvStatement
		if about {
			target = v.reportedParty(f)
			about = target != nil
		}
		var joint *schema.Event // the statement the speakers make together
		for i, s := range speakers {
			s = v.politicalEntity(s) // "Tehran said", "Baghdad said"
			if s != nil && (!is(s, schema.Person, schema.GovernmentBody, schema.ArmedGroup, schema.Country, schema.MediaOutlet, schema.Coalition) && !reporter(s) && !v.speakingOrganization(s) || d.commentator[s]) {
				continue
			}
			if i > 0 {
				// "X and Y said in a joint statement": one statement, the
				// first speaker's, that each of them stated.
				if joint != nil && s != nil && !reporter(s) {
					d.addFact(s, "stated", &entity{id: joint.ID, typ: schema.EventEntity}, schema.Stated, nil, v.evidence(), "", 0.7)
				}
				continue
			}
			if typ == schema.EvStatement && !v.newsworthy(f, s) {
				continue // reportage: the fact keeps its speaker as asserted_by
			}
			t, et := target, typ
			pending := false
			if reporter(s) {
				// An outlet reports a threat; it makes none ("the militia
				// leader vowed revenge, The Associated Press reported").
				et = schema.EvStatement
			} else if typ == schema.EvThreat && len(threats) > 0 {
				t = threats[0]
			}
			if d.ownSide(s, t) {
				// "the U.S. would strike again if American forces are
				// targeted": its own forces are what it protects.
				t = nil
			}
			if et == schema.EvThreat && (t == nil && len(threats) > 0 || d.oneState(s, t)) {
				// A threat at no one but its own side ("the ministry
				// said our operations will go on") is at whom its side
				// fights.
				t = d.enemyOf(s)
				pending = t == nil
			}
			if et == schema.EvThreat && t == nil {
				// "warned that ISIS remains a threat", "warned of
				// lawlessness": a warning that menaces no one is a
				// statement.
				et = schema.EvStatement
			}
			joint = v.statementEvent(et, s, t, f.verb)
			if pending {
				if d.noEnemyYet == nil {
					d.noEnemyYet = map[string]bool{}
				}
				d.noEnemyYet[joint.ID] = true
			}
			if about && t != nil && joint.Target == t.id {
				if d.aboutTarget == nil {
					d.aboutTarget = map[string]bool{}
				}
				d.aboutTarget[joint.ID] = true
			}
			if s == nil {
				continue
			}
			group := s
			if g := d.affiliation[s]; g != nil {
				group = g
			}
			for _, tt := range threats {
				if !d.ownSide(group, tt) && !d.oneState(group, tt) {
					d.addFact(group, "threatened", tt, schema.Threatened, s, v.evidence(), "", 0.65)
				}
			}
		}
	}
}

// speakingOrganization reports an organisation whose words are a statement
// ("the UN said", "the monitor tweeted that"): not a political party
// (party_name_words).
func (v *view) speakingOrganization(s *entity) bool {
	if !is(s, schema.Organization) {
		return false
	}
	for _, w := range strings.Fields(s.name) {
		if v.d.lx.partyNameWords.has(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// jointSpeaker returns the item of a first speaker that the subject of
// a report verb coordinates with the speaker at sp, across the words
// that describe either ("Washington and the Iraqi government say", "the
// Observatory and the monitor Deir Ezzor 24 said", "US and Iraqi sources
// said"), or -1. The first speaker heads its clause: "Rockets hit Erbil
// and officials said" joins two clauses, not two speakers.
func (v *view) jointSpeaker(sp int) int {
	j := v.skipPlain(sp-1, -1)
	if !v.word(j, "and") {
		return -1
	}
	first := v.skipPlain(j-1, -1)
	if first < 0 || v.speakerAt(first) == nil {
		return -1
	}
	if start := v.skipPlain(first-1, -1); start >= 0 && !v.word(start, ",", `"`) && !clauseBreak(v.it[start].w) {
		return -1
	}
	return first
}

// skipPlain returns the first item from k, going by step, that is not a
// plain word (a name, a demonym, a conjunction, a trigger or speech
// word), within four items; -1 past the sentence's edge.
func (v *view) skipPlain(k, step int) int {
	for n := 0; k >= 0 && k < len(v.it) && n < 4; k, n = k+step, n+1 {
		it := &v.it[k]
		if it.e != nil || it.dem != nil || v.word(k, "and", ",", `"`) || clauseBreak(it.w) {
			return k
		}
		if t := &v.d.lx.byWord[it.id]; t.event != 0 || t.rule != nil || t.attrib != 0 || t.act != 0 {
			return k
		}
	}
	if k >= len(v.it) {
		return -1
	}
	return k
}

// speakerAt is the speaker an item names: its entity, or the country of a
// demonym ("US and Iraqi sources").
func (v *view) speakerAt(k int) *entity {
	if e := v.ent(k); e != nil {
		return e
	}
	return v.country(k)
}

// issuedAt returns the item of the verb that issues the statement noun at
// k ("issued a statement", "issued on Friday a sharp statement"), or -1.
func (v *view) issuedAt(k int) int {
	if !v.wordIn(k, v.d.lx.issuedStatementNouns) {
		return -1
	}
	j := k - 1
	if !v.word(j, "a") {
		j-- // one modifier: "a sharp statement"
	}
	if !v.word(j, "a") {
		return -1
	}
	for j--; j >= 0 && (v.dateish(j) || v.word(j, "on")); j-- {
	}
	if v.wordIn(j, v.d.lx.issueVerbs) {
		return j
	}
	return -1
}

// newsworthy decides whether a reporting frame is a Statement an analyst
// records, or reportage that merely attributes a fact. An act of speech
// is; "said in a statement" is; a direct quotation or an interview
// ("told The National") by a named speaker is, the first time the
// article quotes them. A claim of the sentence's own attack is the attack.
func (v *view) newsworthy(f frame, s *entity) bool {
	if s == nil {
		return false
	}
	if v.ownAttackClaim(f, s) {
		return false
	}
	if !v.d.lx.plainReport.hasID(v.it[f.verb].id) {
		return true
	}
	for j := f.verb + 1; j < len(v.it) && j <= f.verb+6; j++ {
		if v.wordIn(j, v.d.lx.statementNouns) {
			return true
		}
		if clauseBreak(v.it[j].w) || v.word(j, "that") {
			break
		}
	}
	named := f.speaker >= 0 && v.it[f.speaker].m != nil || v.heSaid(f)
	if !named || v.d.hasStatement(s) {
		return false
	}
	if v.quotedContent() {
		return true
	}
	if f.speaker < f.verb && !v.wordIn(f.verb, v.d.lx.addresseeReportVerbs) {
		// "The Syrian Observatory said at least 23 fighters were killed",
		// "…, the Pentagon said Monday": the first time the article
		// reports the speaker's words.
		return true
	}
	// "Foreign Minister X told The National", "spokesman X told state television"
	return v.wordIn(f.verb, v.d.lx.addresseeReportVerbs) && is(s, schema.Person)
}

// heSaid reports a frame whose speaker is "he" or "she" standing for a
// person named before who has not spoken yet in the article ("“…,” he
// said", "He said the sites included …"): the person speaks, as if named;
// after a threat of theirs, "he added" goes on with it.
func (v *view) heSaid(f frame) bool {
	if f.speaker >= 0 || !is(f.by, schema.Person) {
		return false
	}
	for i := range v.d.events {
		if e := &v.d.events[i]; e.Type == schema.EvThreat && e.Agent == f.by.id {
			return false
		}
	}
	for _, j := range []int{f.verb - 1, f.verb - 2, f.verb + 1} {
		if v.word(j, "he", "she") {
			return true
		}
	}
	return false
}

// ownAttackClaim: "the Resistance said its fighters struck the base", "X
// claimed it had targeted three bases" — the speaker claims an attack of
// its own, which the attack rules record as a claimed attack.
func (v *view) ownAttackClaim(f frame, s *entity) bool {
	if !is(s, schema.ArmedGroup, schema.Coalition) || v.threatTargets() != nil {
		return false
	}
	for j := f.verb + 1; j < len(v.it) && j <= f.verb+12; j++ {
		if v.d.lx.ownAttackVerbs.hasID(v.it[j].id) {
			return !v.attackNounSubject(f.verb, j)
		}
	}
	return false
}

// attackNounSubject reports an attack noun between the report verb at r
// and the attack verb at j with nothing of the speaker's between: "the
// SDF said the drone attack targeted a village" reports an attack by
// another hand, where "said its drones targeted" claims one.
func (v *view) attackNounSubject(r, j int) bool {
	noun := false
	for n := r + 1; n < j; n++ {
		if v.it[n].e != nil || v.word(n, "its", "it", "our", "we", "their", "they") {
			return false
		}
		noun = noun || v.wordIn(n, v.d.lx.attackNouns)
	}
	return noun
}

// hasStatement reports whether s already made a statement in the article.
func (d *doc) hasStatement(s *entity) bool {
	for i := range d.events {
		if d.events[i].Type == schema.EvStatement && d.events[i].Agent == s.id {
			return true
		}
	}
	return false
}

// statementEvent records a statement or threat and the speaker's stated fact.
func (v *view) statementEvent(typ string, s, t *entity, k int) *schema.Event {
	ev := v.addEvent(typ, s, t, nil, k, "")
	ev.Kind = schema.Stated
	if typ == schema.EvThreat {
		ev.Kind = schema.Threatened
	}
	if s != nil {
		v.d.addFact(s, "stated", &entity{id: ev.ID, typ: schema.EventEntity}, schema.Stated, nil, v.evidence(), "", 0.7)
		if !is(s, schema.Person) && !reporter(s) {
			v.d.lastSpeaker = s // an outlet reports: "it added in a statement" is not the outlet
			v.d.lastSpeakerSent = v.s.idx
		}
	}
	return ev
}

// ownSide reports that t is a itself, its armed forces or the state whose
// armed forces a is: no one threatens their own side.
func (d *doc) ownSide(a, t *entity) bool {
	if a == nil || t == nil {
		return false
	}
	return a == t || d.military(a) == t || d.military(t) == a
}

// oneState reports a speaker and a party that the same state speaks or
// fights for: a ministry warning of operations that go on means its
// state's army's operations, which it does not threaten.
func (d *doc) oneState(a, t *entity) bool {
	if a == nil || t == nil {
		return false
	}
	s := d.sideOf(a)
	return s.typ == schema.Country && s == d.sideOf(t)
}

// eventReach is how many events a threat that names no one looks back
// (enemyOf) or ahead (lateEnemies) for the attack it answers: more than
// any real article tells (the development set's most is a dozen), and a
// bound on the work of an article that tells thousands of threats.
const eventReach = 64

// enemyOf is whom the speaker's side fights in the article: the other
// party of the latest attack told so far in which its side struck or was
// struck. A warning that "attacks will not be tolerated" or that "our
// operations will go on" names no one; it is aimed at that party.
func (d *doc) enemyOf(speaker *entity) *entity {
	if speaker == nil {
		return nil
	}
	side := d.sideOf(speaker)
	for i := len(d.events) - 1; i >= 0 && i >= len(d.events)-eventReach; i-- {
		if x := d.enemyIn(&d.events[i], side); x != nil {
			return x
		}
	}
	return nil
}

// enemyIn is the other party of e, an attack in which side struck or was
// struck, or nil.
func (d *doc) enemyIn(e *schema.Event, side *entity) *entity {
	if !sameEventKind(e.Type, schema.EvAttack) {
		return nil
	}
	agent, target := d.byID[e.Agent], d.byID[e.Target]
	if agent == nil && is(target, schema.ArmedGroup) && d.sideOf(target) != side && d.toldBy(e, side) {
		// "Four PKK terrorists were neutralised, the ministry
		// said": a side that tells of losses it names no author
		// for tells of its own strike.
		return target
	}
	if agent == nil || target == nil {
		return nil
	}
	switch as, ts := d.sideOf(agent) == side, d.sideOf(target) == side; {
	case as && !ts:
		return d.groupOf(target)
	case ts && !as:
		return d.groupOf(agent)
	}
	return nil
}

// lateEnemies gives a threat that named no one, and found no attack of
// its speaker's side told before it, the other party of the first such
// attack told after it: "we have sent a clear message that any threat to
// our forces will not be tolerated," a spokesman said, before the story
// tells of the strikes on the militias.
func (d *doc) lateEnemies() {
	for i := range d.events {
		e := &d.events[i]
		if e.Type != schema.EvThreat && !d.noEnemyYet[e.ID] || e.Target != "" {
			continue
		}
		s := d.byID[e.Agent]
		if s == nil {
			continue
		}
		side := d.sideOf(s)
		for j := i + 1; j < len(d.events) && j <= i+eventReach; j++ {
			x := d.enemyIn(&d.events[j], side)
			if !is(x, schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Person) {
				continue // "strikes in Deir ez-Zor": where, not whom
			}
			if x.id != e.Agent && !d.ownSide(s, x) {
				e.Target = x.id
				e.Type, e.Kind = schema.EvThreat, schema.Threatened
			}
			break
		}
	}
}

// groupOf is the armed group a person the article ties to one fights for
// ("a raid killed ISIS official X": the side fights ISIS, not X), or e.
func (d *doc) groupOf(e *entity) *entity {
	if g := d.affiliation[e]; is(e, schema.Person) && is(g, schema.ArmedGroup) {
		return g
	}
	return e
}

// toldBy reports an event that side's speaker asserts, or that a
// statement of side's tells in its sentence or the one before (whose
// quotation it goes on with: "…, the ministry said in a statement.
// “Three terrorists were neutralised …”").
func (d *doc) toldBy(e *schema.Event, side *entity) bool {
	if a := d.byID[e.AssertedBy]; a != nil && d.sideOf(a) == side {
		return true
	}
	for i := range d.events {
		x := &d.events[i]
		if n := d.evSent[e.ID] - d.evSent[x.ID]; x.Type == schema.EvStatement && n >= 0 && n <= statementReach {
			if a := d.byID[x.Agent]; a != nil && d.sideOf(a) == side {
				return true
			}
		}
	}
	return false
}

// sideOf is the party e speaks or fights for: a group's official's group,
// a state body's, its forces' or its officer's state, else e. A body the
// lexicon files under no state is its state's by a name it goes by
// ("Pentagon", also "US Department of Defense"); a person, the state of
// an office the lexicon gives them (a minister's).
func (d *doc) sideOf(e *entity) *entity {
	if g := d.affiliation[e]; g != nil && e.typ == schema.Person {
		e = g
	}
	if s := d.stateOf(e); s != e || e.lex == nil {
		return s
	}
	var c *LexEntry
	switch e.typ {
	case schema.GovernmentBody:
		c = d.lx.namedState(e.lex)
	case schema.Person:
		for _, f := range e.lex.Facts {
			if o := d.lx.Lookup(f[1]); officePredicates[f[0]] && o != nil && o.Type == schema.Country {
				c = o
				break
			}
		}
	}
	if c != nil {
		return d.virtual(c)
	}
	return e
}

// addressee is whom a direct quotation speaks about first: "“Trump must
// fulfill …,” the Iraqi official declared" is addressed to Trump; "“We do
// not trust American promises,” said X" to the United States.
func (v *view) addressee(f frame) *entity {
	a := v.attr
	if a.c0 >= a.c1 || !v.quotedContent() {
		return nil
	}
	for j := a.c0; j < a.c1 && j < len(v.it); j++ {
		if e := v.ent(j); e != nil {
			if is(e, schema.Person, schema.Country, schema.GovernmentBody, schema.ArmedGroup) && e != f.by && !v.d.oneState(f.by, e) {
				return e // not the speaker's own state ("the Pentagon said … “the U.S. will …”")
			}
			continue
		}
		if c := v.country(j); c != nil {
			return c
		}
	}
	return nil
}

// reportedParty is whom reported words speak about first: "the
// ministry said the US had broken international law" is addressed to the
// United States, "the groups said they oppose a continued US military
// presence" to the US military. A party of the speaker's own side is
// none ("the KRG said an attack on the Peshmerga ..."), nor is a place,
// nor a country named as where ("in Iraq", a dateline's "ERBIL, Iraq").
func (v *view) reportedParty(f frame) *entity {
	a := v.attr
	if f.by == nil || a.c0 >= a.c1 || v.quotedContent() {
		return nil
	}
	side := v.d.sideOf(f.by)
	for j := a.c0; j < a.c1 && j < len(v.it); j++ {
		e := v.ent(j)
		if e == nil {
			continue
		}
		if v.situated(j) || is(e, schema.Country) && v.word(j-1, ",") && is(v.ent(j-2), schema.Place) {
			continue // where: "rockets hit a base in Iraq", "ERBIL, Iraq — ..."
		}
		if is(e, schema.Person, schema.Country, schema.GovernmentBody, schema.ArmedGroup) && e != f.by && v.d.sideOf(e) != side && !v.d.oneState(f.by, e) {
			return e
		}
	}
	return nil
}

// quotedContent reports whether the attributed content is a direct quote.
func (v *view) quotedContent() bool {
	for j := v.attr.c0; j < v.attr.c1 && j < len(v.it); j++ {
		if v.quote[j] {
			return true
		}
	}
	return false
}

// threatTargets finds what a threat in attributed content is aimed at:
// "If the U.S. or Israel dares to strike Iraq, they will face …", "would
// carry out strikes against U.S. forces", "operations against the
// American occupiers will continue", "they would target the Americans".
func (v *view) threatTargets() []*entity {
	a := v.attr
	var out []*entity
	for k := a.c0; k < a.c1 && k < len(v.it); k++ {
		switch w := v.it[k].w; {
		case w == "if":
			var l []*entity
			last := k
			if x := v.next(k, 3, actor); x >= 0 {
				idx := v.list(x)
				l, last = entities(v, idx), idx[len(idx)-1]
			} else if m := v.peopleAsForces(k+1, 2); m != nil {
				l = []*entity{m}
			}
			// Only a conditional followed by a menace is a threat.
			for j := last + 1; len(l) > 0 && j < a.c1 && j < len(v.it); j++ {
				if v.wordIn(j, v.d.lx.consequenceWords) {
					return append(out, l...)
				}
			}
		case w == "would" || w == "will":
			// "the U.S. would pay a price", "Israel will regret it"
			if v.wordIn(k+1, v.d.lx.priceVerbs) && k > 0 && actor(orNone(v.ent(k-1))) {
				return append(out, v.ent(k-1))
			}
			if _, subj := v.subj(k); subj != nil && !v.d.sameSide(v.attr.by, subj) {
				continue // "the minister said Israel will strike Iraq": Israel's menace, told
			}
			for j := k + 1; j < len(v.it) && j <= k+8; j++ {
				if v.wordIn(j, v.d.lx.futureAttackWords) {
					if x := v.next(j, 6, actor); x >= 0 {
						return append(out, v.ent(x))
					}
					// "they would target the Americans"
					if m := v.peopleAsForces(j+1, 2); m != nil {
						return append(out, m)
					}
				}
			}
		case v.d.lx.menaceWords.has(w) || v.d.lx.departureConditions.has(w):
			// "the strikes will not go unanswered", "vowed to take revenge",
			// "operations will continue until the occupation forces leave",
			// "the coming days will carry surprises": a menace at the
			// foreign forces the article is about.
			if v.d.lx.departureConditions.has(w) && !v.untilLeave(k) || v.d.lx.surpriseNouns.has(w) && !v.wordIn(k-1, v.d.lx.surpriseVerbs) {
				continue
			}
			if v.word(k-1, "as", "in", "is", "are", "was", "were") {
				// "the attack was carried out as retaliation for …",
				// "the strikes are revenge for …": an act told, no menace.
				continue
			}
			if a := v.struckBy(v.attr.by); a != nil {
				return append(out, a) // "the killing … will not go unanswered": at whoever struck
			}
			if m := v.d.dominantMilitary(); m != nil {
				return append(out, m)
			}
		case v.d.lx.ongoingAttackNouns.has(w):
			if v.word(k+1, "against") {
				if x := v.next(k+1, 3, actor); x >= 0 {
					for j := x + 1; j < len(v.it) && j <= x+3; j++ {
						if v.wordIn(j, v.d.lx.escalationVerbs) {
							return append(out, v.ent(x))
						}
					}
				}
			}
		}
	}
	return out
}

// orNone lets a nil entity pass through type filters as "no entity".
func orNone(e *entity) *entity {
	if e == nil {
		return &entity{}
	}
	return e
}

// peopleAsForces: a people named as a target stands for its troops ("if
// the Americans do not leave", "target the Americans").
func (v *view) peopleAsForces(from, n int) *entity {
	for x := from; x < len(v.it) && x < from+n; x++ {
		if c := v.it[x].dem; c != nil && v.it[x].e == nil && strings.HasSuffix(v.it[x].w, "s") {
			return v.d.military(v.d.virtual(c))
		}
	}
	return nil
}

// strikeKilled reports "killed" as the verb of the attack noun at k.
func (v *view) strikeKilled(k int) bool {
	for n := k + 1; n < len(v.it) && n <= k+9; n++ {
		if clauseBreak(v.it[n].w) || v.word(n, ",") {
			return false
		}
		if v.wordIn(n, v.d.lx.killWords) {
			return true
		}
	}
	return false
}

// claimVerbBefore returns the item of "claimed" governing the attack noun
// at k across determiners, numbers and modifiers ("claimed Saturday's
// rocket attack", "has claimed more than 150 attacks"), or -1.
func (v *view) claimVerbBefore(k int) int {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if v.wordIn(j, v.d.lx.claimVerbs) {
			return j
		}
		it := &v.it[j]
		if it.e != nil || clauseBreak(it.w) {
			return -1
		}
		switch it.w {
		case ",", "that", "which", "who", "on", "against", "by", "for", `"`:
			return -1
		}
		if v.d.lx.clauseReportVerbs.hasID(it.id) || v.d.lx.responsibilityNouns.hasID(it.id) {
			return -1
		}
	}
	return -1
}

// blamedFor: "Washington blamed X for the attack", "X, which the Pentagon
// blames for the strike", "held X responsible for the attack", "accused
// X of carrying out the attack".
func (v *view) blamedFor(k int) *entity {
	j := k - 1
	// "held X responsible for this attack": a demonstrative, as in blamedOn.
	for j >= 0 && j >= k-6 && (v.d.lx.attackAdjectives.has(v.itWord(j)) || v.dateish(j) || v.word(j, "this", "that", "those")) && !v.word(j, "of") {
		j--
	}
	// "accused X of carrying out the attack": the act's verb before it.
	if v.word(j, "out") && v.wordIn(j-1, v.d.lx.carryVerbs) {
		j -= 2
	} else if v.wordIn(j, v.d.lx.launchVerbs) {
		j--
	}
	if !v.word(j, "for", "of") {
		return nil
	}
	if v.wordIn(j-1, v.d.lx.responsibleWords) {
		j--
	}
	for n := j - 1; n >= 0 && n >= j-4; n-- {
		if v.wordIn(n, v.d.lx.blameVerbs) {
			if a := v.next(n, j-n, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody)); a >= 0 {
				return v.ent(a)
			}
			if v.word(n+1, "it", "them") {
				if e := v.d.lastGroup; e != nil {
					return e
				}
			}
			if n == j-1 && v.wordIn(n, v.d.lx.blamesRelative) {
				return v.blamedRelative(n)
			}
			return nil
		}
		if clauseBreak(v.itWord(n)) {
			return nil
		}
	}
	return nil
}

// blamedRelative: the head of a relative clause whose verb at n blames it
// and has no object of its own ("X, which Washington blames for the
// attack", "groups that it blamed for the drone attack"): the group or
// state before the relative pronoun, past the clause's subject.
func (v *view) blamedRelative(n int) *entity {
	for r := n - 1; r >= 0 && r >= n-4; r-- {
		if v.word(r, "which", "whom", "that") {
			if a := v.prev(r, 2, ofType(schema.ArmedGroup, schema.Country)); a >= 0 {
				return v.ent(a)
			}
			return nil
		}
		if clauseBreak(v.itWord(r)) || v.word(r, ",") || is(v.ent(r), schema.ArmedGroup) {
			return nil
		}
	}
	return nil
}

// blamedOn: "officials blamed the attack on X", "blaming Monday's drone
// strike on the base on X": the attack noun at k is the object of a
// verb of blame (blame_on_verbs), and the last "on" of its clause names
// whom the blame falls on, not what was struck ("on Monday" aside). A
// last "on" phrase that names a base or a place is the attack's target
// ("blamed the attack on the base"), and no one is blamed.
func (v *view) blamedOn(k int) *entity {
	j := k - 1
	for j >= 0 && j >= k-6 && (v.d.lx.attackAdjectives.has(v.itWord(j)) || v.dateish(j) || v.word(j, "this", "that", "those")) && !v.word(j, "of") {
		j--
	}
	if !v.wordIn(j, v.d.lx.blameOnVerbs) {
		return nil
	}
	var blamed *entity
	for n := k + 1; n < len(v.it) && n <= k+12; n++ {
		if clauseBreak(v.itWord(n)) || v.word(n, ",", "which", "that", "who", "after", "as", "because") {
			break
		}
		if !v.word(n, "on") || v.dateish(n+1) {
			continue // "on Monday" says when
		}
		blamed = nil
		if a := v.next(n, 3, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition)); a >= 0 {
			blamed = v.ent(a)
		}
	}
	return blamed
}

// attributedTo: "a drone strike (also) attributed to X", "an attack,
// blamed on X,", "strikes which they attributed to X": whom the attack
// noun at k is put down to, past a relative pronoun, its subject pronoun
// and auxiliaries; a capital stands for its state.
func (v *view) attributedTo(k int) (*entity, int) {
	j := k + 1
	for n := 0; j < len(v.it) && n < 4 && (v.word(j, ",", "which", "that", "they", "it") || v.wordIn(j, v.d.lx.adverbs)); n++ {
		j++
	}
	if !v.wordIn(j, v.d.lx.attributedParticiples) || !v.word(j+1, "to", "on") {
		return nil, k
	}
	if a := v.next(j+1, 2, ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Place)); a >= 0 {
		if e := v.politicalEntity(v.ent(a)); !is(e, schema.Place) {
			return e, a
		}
	}
	return nil, k
}

// dateish reports a word of a date phrase at item j ("January", "28",
// "Saturday's").
func (v *view) dateish(j int) bool {
	it := &v.it[j]
	if it.e != nil || it.w == "" {
		return false
	}
	if it.w[0] >= '0' && it.w[0] <= '9' {
		return true
	}
	return v.d.lx.dateWords.has(strings.TrimSuffix(it.w, "'s"))
}

// linkedOwner: "strikes on three facilities in Iraq used by X and other
// groups", "targets linked to X", "sites belonging to X" — the owners
// of generic targets, within the clause.
func (v *view) linkedOwner(k int) []*entity {
	generic := false
	for j := k + 1; j < len(v.it) && j <= k+16; j++ {
		w := v.it[j].w
		if clauseBreak(w) || v.d.lx.clauseReportVerbs.hasID(v.it[j].id) {
			return nil
		}
		generic = generic || v.d.lx.genericTargets.has(w) || v.d.lx.ownedSites.has(w)
		if !generic {
			continue
		}
		if v.wordIn(j, v.d.lx.usedByParticiples) && v.word(j+1, "by") ||
			v.wordIn(j, v.d.lx.linkedToParticiples) && v.word(j+1, "to") ||
			v.wordIn(j, v.d.lx.affiliatedWithParticiples) && v.word(j+1, "with") {
			n := j + 2
			for v.word(n, "the") {
				n++
			}
			if x := v.next(n-1, 3, ofType(schema.ArmedGroup, schema.GovernmentBody)); x >= 0 {
				var out []*entity
				for _, i := range v.list(x) {
					if is(v.ent(i), schema.ArmedGroup, schema.GovernmentBody) {
						out = append(out, v.ent(i))
					}
				}
				return out
			}
			return nil
		}
	}
	return nil
}

// weaponAfter reports "fired (a barrage of) ballistic missiles at": a
// weapon, then a preposition of aim, right after a verb of launching.
func (v *view) weaponAfter(k int) bool {
	weapon := false
	for j := k + 1; j < len(v.it) && j <= k+7; j++ {
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			return false
		}
		switch w := v.it[j].w; {
		case v.d.lx.weaponNouns.has(w):
			weapon = true
		case w == "at" || w == "on" || w == "against" || w == "toward" || w == "towards":
			return weapon
		}
	}
	return false
}

// carriedOutBefore returns the item of "carried (out)", "launched",
// "conducted" governing the attack noun at k across numbers and
// modifiers ("has carried out more than 160 operations"), or -1.
func (v *view) carriedOutBefore(k int) int {
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		if v.word(j, "out") && v.wordIn(j-1, v.d.lx.carryVerbs) {
			return j - 1
		}
		if v.wordIn(j, v.d.lx.launchVerbs) {
			return j
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) || v.word(j, ",", "that", "which", "on", "against", "by", `"`) || v.wordIn(j, v.d.lx.saidVerbs) {
			return -1
		}
	}
	return -1
}

// untilLeave reports "(continue/keep fighting) until the last soldier
// leaves", "until the withdrawal of the occupation forces".
func (v *view) untilLeave(k int) bool {
	cont := false
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if v.wordIn(j, v.d.lx.fightOnWords) {
			cont = true
		}
	}
	if !cont {
		return false
	}
	for j := k + 1; j < len(v.it) && j <= k+8; j++ {
		if v.wordIn(j, v.d.lx.departureWords) {
			return true
		}
	}
	return false
}

// attackNounAfter reports an attack noun governed by the verb at k.
func (v *view) attackNounAfter(k int) bool {
	for j := k + 1; j < len(v.it) && j <= k+9; j++ {
		if v.isNoun(v.it[j].w) {
			return v.claimVerbBefore(j) == k
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			return false
		}
	}
	return false
}

// outletStaff reports an outlet at item k followed by a noun of its own
// staff, past one plain word ("North Press correspondent", "SOHR
// activists", "Deir Ezzor 24 network correspondent"), not after a
// possessive ("ANHA's correspondent": another outlet quoting it).
func (v *view) outletStaff(k int) bool {
	if !reporter(v.ent(k)) {
		return false
	}
	for j := k + 1; j < len(v.it) && j <= k+2; j++ {
		if v.wordIn(j, v.d.lx.outletStaffNouns) {
			return true
		}
		if v.it[j].e != nil || v.it[j].w == "" || clauseBreak(v.it[j].w) || v.word(j, ",", "'s", "'", `"`) {
			return false
		}
	}
	return false
}

// announcesAgreement reports an announcing verb at k whose object is an
// agreement ("announced an agreement to end the mission", "jointly
// announced on Monday a deal"): the announcement is the agreement's.
func (v *view) announcesAgreement(k int) bool {
	if !v.wordIn(k, v.d.lx.agreementAnnouncing) {
		return false
	}
	for j := k + 1; j < len(v.it) && j <= k+5; j++ {
		if is(v.ent(j), schema.Agreement) || v.wordIn(j, v.d.lx.agreementHeads) {
			return true
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) || v.word(j, ",", "that", `"`) {
			return false
		}
	}
	return false
}

// institutionalActs: official acts of speech that are not reporting
// verbs: "Amman condemned the attack", "Iraq recalled its ambassador to
// Tehran", "the foreign ministry summoned Iran's charge d'affaires",
// "Washington informed Baghdad". Each is a Statement by its subject,
// addressed to the state it concerns.
func (v *view) institutionalActs() {
	if !v.opens(gateAct) {
		return
	}
	for k := range v.it {
		bits := v.d.lx.byWord[v.it[k].id].act
		switch {
		case bits&(bitAct|bitSummon|bitVote) != 0:
		case bits&bitCall != 0:
			// "called on Baghdad to …", "called for …", "called the strikes
			// “a clear aggression”" — not "what it called", "so-called".
			if !(v.word(k+1, "on", "for") || v.word(k+1, "the") && v.quoteWithin(k+2, 4)) || v.word(k-1, "it", "what", "so", "they") {
				continue
			}
		default:
			continue
		}
		if v.word(k-1, "was", "were", "been", "be", "is", "are", "not", "never") || v.quote[k] {
			continue
		}
		j, s := v.subj(k)
		if j < 0 && s == nil {
			continue
		}
		s = v.politicalEntity(s)
		if !is(s, schema.Country, schema.GovernmentBody, schema.Person, schema.ArmedGroup) || v.d.commentator[s] {
			continue
		}
		dup := false
		for _, e := range v.d.events {
			if e.Type == schema.EvStatement && e.Agent == s.id && strings.HasPrefix(e.Evidence, v.evidence()) && e.Evidence == v.evidence() {
				dup = true
			}
		}
		if dup {
			continue
		}
		var t *entity
		switch {
		case bits&bitVote != 0:
			// "parliament voted to expel foreign troops"
			if !v.word(k+1, "to") {
				continue
			}
			t = v.d.dominantMilitary()
		case bits&bitSummon != 0:
			// "summoned Iran's envoy", "recalled its ambassador to Tehran"
			if x := v.next(k, 5, ofType(schema.Country, schema.GovernmentBody, schema.Place)); x >= 0 {
				t = v.politicalEntity(v.ent(x))
			} else if c := v.countryAfter(k, 5); c != nil {
				t = c
			}
		}
		if t == s {
			t = nil
		}
		v.statementEvent(schema.EvStatement, s, t, k)
	}
}

// countryAfter returns a country named by a demonym within n items after k.
func (v *view) countryAfter(k, n int) *entity {
	for j := k + 1; j < len(v.it) && j <= k+n; j++ {
		if c := v.country(j); c != nil {
			return c
		}
		if clauseBreak(v.it[j].w) {
			return nil
		}
	}
	return nil
}

// stateAircraft returns the state, or its air arm, whose aircraft the
// phrase at item j names: "(by) a Turkish drone", "(by) Israeli
// warplanes", "(by) a US drone". Without an aircraft word a demonym may
// be anyone's ("by Turkish-backed factions"), so it names no one here.
// It also returns the phrase's last item.
func (v *view) stateAircraft(j int) (*entity, int) {
	if v.word(j, "a", "an", "the") {
		j++
	}
	c := v.country(j)
	if c == nil || !v.wordIn(j+1, v.d.lx.airWeaponWords) {
		return nil, j
	}
	return v.d.airStriker(c), j + 1
}

// victimsFirst puts whom the attack noun at k hurt before targets that
// are only where it struck: "Five U.S. soldiers were wounded in a rocket
// attack on the Ain al-Asad base" has the soldiers for target, the base
// for place.
func (v *view) victimsFirst(k int, targets []*entity) []*entity {
	if !is(targets[0], schema.Place, schema.MilitaryBase) {
		return targets
	}
	return append(v.victimsBefore(k), targets...)
}

// victimsBefore returns who a casualty verb in the passive says the
// attack noun at k struck: "A commander of X was killed in a Turkish drone
// strike" (X), "Y was wounded by an Israeli strike" (Y). The person comes
// first, else the group the victims served.
func (v *view) victimsBefore(k int) []*entity {
	if !v.isNoun(v.it[k].w) {
		return nil
	}
	j := k - 1
	for j >= 0 && !v.word(j, "the", "a", "an", "of", "and", "'s") && (v.d.lx.attackAdjectives.hasID(v.it[j].id) || v.wordIn(j, v.d.lx.airWeaponWords) || v.country(j) != nil && v.it[j].e == nil) {
		j-- // the modifiers ("Turkish drone"); attack_adjectives also holds determiners
	}
	if is(v.ent(j), schema.ArmedGroup, schema.Country) && v.word(j-1, "a", "an") {
		j-- // "killed in a PKK attack": the attacker names the attack
	}
	if v.word(j, "the") {
		return nil // "killed in the Syrian strikes": the strikes told before, maybe those in Syria
	}
	if v.word(j, "a", "an") {
		j--
	}
	if !v.word(j, "in", "by") {
		return nil
	}
	if !v.wordIn(j-1, v.d.lx.casualtyVerbs) {
		// "were killed near X in a drone strike", "were killed in the
		// same area in a strike": past where they fell.
		for n := j - 1; n > 0 && n >= j-5; n-- {
			if e := v.ent(n); clauseBreak(v.it[n].w) || v.word(n, ",") || e != nil && !is(e, schema.Place, schema.Country) {
				break
			}
			if (v.word(n, "in", "near", "outside", "at", "on") || v.dateish(n)) && v.wordIn(n-1, v.d.lx.casualtyVerbs) {
				// "were killed on Monday in", "were hurt Friday in": past when too.
				j = n
				break
			}
		}
	}
	if !v.wordIn(j-1, v.d.lx.casualtyVerbs) {
		return nil
	}
	vb := j - 1
	if !v.word(vb-1, "was", "were") {
		// "X were killed and four others wounded in a strike": the
		// first verb of the pair, with its auxiliary.
		vb = -1
		for n := j - 2; n > 0 && n >= j-6; n-- {
			if clauseBreak(v.it[n].w) || v.word(n, ",") || v.ent(n) != nil {
				break
			}
			if v.word(n, "and") && v.wordIn(n-1, v.d.lx.casualtyVerbs) && v.word(n-2, "was", "were") {
				vb = n - 1
				break
			}
		}
		if vb < 0 {
			return nil
		}
	}
	var person, group *entity
	for n := vb - 2; n >= 0; n-- {
		w := v.it[n].w
		if clauseBreak(w) || v.wordIn(n, v.d.lx.casualtyVerbs) || w == "that" || v.wordIn(n, v.d.lx.reportVerbs) {
			break // "X said that three civilians were killed": X spoke, no one says it was hit
		}
		switch e := v.ent(n); {
		case is(e, schema.Person):
			person = e
		case is(e, schema.ArmedGroup, schema.GovernmentBody) && group == nil:
			group = e
		}
	}
	if person != nil {
		return []*entity{person}
	}
	if group != nil {
		return []*entity{group}
	}
	return nil
}

// casualtyAfter returns the item of the casualty verb that ends the
// relative clause opened at j ("which targeted a car ... killed X"), or of
// "of" in "claimed the lives of X", within the sentence's clause; or -1.
func (v *view) casualtyAfter(j int) int {
	for n := j + 2; n < len(v.it) && n <= j+16; n++ {
		if clauseBreak(v.it[n].w) || v.word(n, ",", "that", "which", "while") {
			return -1
		}
		if v.wordIn(n, v.d.lx.casualtyVerbs) {
			return n
		}
		if v.wordIn(n, v.d.lx.lifeNouns) && v.word(n+1, "of") {
			return n + 1
		}
	}
	return -1
}

// killedAfter returns whom the casualty verb at item j says the attack
// at k struck: "a U.S. drone strike killed a senior Nujaba commander, X":
// the person killed, and the group they served ("killed a senior member
// and three militants of the PKK": ten items reach past the list); and
// the last item it used.
func (v *view) killedAfter(j, k int) ([]*entity, int) {
	var people, groups []*entity
	last := k
	more := false // past a further casualty verb of the clause
	for n, end := j+1, j+10; n < len(v.it) && n <= end; n++ {
		if clauseBreak(v.it[n].w) || more && v.word(n, "in", "at", "near", "on") {
			break // "… and injured others in Raparin": where, not whom
		}
		if v.wordIn(n, v.d.lx.casualtyVerbs) {
			// "killed a contractor, wounded another and hurt five U.S.
			// troops": the verbs go on naming whom the attack hurt.
			end, more = n+10, true
		}
		e := v.ent(n)
		if e == nil {
			continue
		}
		if v.wordIn(n+1, v.d.lx.clauseReportVerbs) {
			break // "…, the Pentagon said": the speaker was not hurt
		}
		if is(e, schema.Person) {
			people = append(people, e)
			last = n
			continue
		}
		if is(e, schema.ArmedGroup, schema.GovernmentBody) {
			groups = append(groups, e)
			last = n
			continue
		}
		if !is(e, schema.Place, schema.Country) {
			break
		}
	}
	// The people first, in the order named: the first is the target.
	return append(people, groups...), last
}
