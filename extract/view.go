package extract

import (
	"github.com/newsgraph/newsgraph/schema"
	"unicode/utf8"
)

// The relation, event and claim rules read a sentence as a sequence of
// items: each entity mention is one item, every other token another. Rules
// fire on trigger words and look left and right for entity items, so a rule
// costs nothing in sentences without its trigger.

// item is one element of a sentence view.
type item struct {
	t0, t1 int       // token range
	m      *mention  // the mention, for entity items from the text
	e      *entity   // the entity: m's, or a virtual one ("American troops")
	w      string    // exact key of the token ("" for entity items)
	id     wordID    // w's number in the lexicon's vocab (0 for entity items)
	dem    *LexEntry // the country of a demonym, also kept on "American troops"
	bases  bool      // a virtual military named by its bases ("US bases")
}

// view is one sentence prepared for the rules.
type view struct {
	d     *doc
	s     *sentence
	it    []item
	attr  attribution
	quote []bool // item inside quotation marks

	dates     []dateExpr // the sentence's date expressions, found on first use
	datesDone bool
	gates     uint16 // the sentence gates its words open (opens)
}

// clauseBreak ends the reach of a rule looking for an argument.
func clauseBreak(w string) bool {
	switch w {
	case ".", ";", "!", "?", "…", "...", ":", "–", "—":
		return true
	}
	return false
}

// forcesNamed is the entry of the armed forces that country c's name and
// the force noun at token n stand for ("U.S. troops"), or nil when the
// country acts itself: it has no armed forces in the lexicon, or the
// noun is an aircraft and its entry does not say air_military ("Turkish
// warplanes" are Turkey's).
func (d *doc) forcesNamed(c *LexEntry, n int) *LexEntry {
	if c == nil {
		return nil
	}
	if d.lx.airWeaponWords.hasID(d.toks[n].id) {
		return c.airArm()
	}
	return c.military
}

// view prepares sentence s for the rules. The view is the doc's one,
// valid until the next call: the sentences are read one at a time.
func (d *doc) view(s *sentence) *view {
	// The view and its item buffers are reused from sentence to sentence.
	v := &d.sentView
	*v = view{d: d, s: s, it: d.itemBuf[:0], quote: d.quoteBuf[:0]}
	defer func() { d.itemBuf, d.quoteBuf = v.it[:0], v.quote[:0] }()
	// A quotation opened in the sentence before is still open here when
	// this one has an odd number of quotation marks: it closes it. So it
	// is when the first of an odd number closes a quotation whose opening
	// the sentence splitter or an unmatched mark ('' for ") left behind:
	// "… in the region," the ministry said.
	inQuote := d.oddQuotes(s) && (d.quoteOpen || d.closesFirst(s))
	defer func() { d.quoteOpen = inQuote }()
	scare := -1        // the closing quote of a name or word in scare quotes
	scareWord := false // the word in scare quotes comes next
	aside := -1        // the closing dash of an aside opened by one
	for i := s.first; i < s.last; {
		t := &d.toks[i]
		if i == scare {
			i++
			continue
		}
		if c := d.scareQuote(i, s.last); c > 0 {
			// “international coalition” bases, an airstrike "neutralized"
			// three fighters: quotation marks around a lone name or word
			// quote no one; it reads as if unquoted. A lone word still
			// counts as quoted words for the statement rules.
			scare, scareWord = c, d.at[i+1] == nil
			i++
			continue
		}
		if m := d.at[i]; m != nil && m.first == i {
			it := item{t0: i, t1: m.last, m: m, e: m.ent}
			// "the US military strikes on Iraq": the state's strikes.
			if c := d.lx.countryOf(m.ent); c != nil && d.militaryAdjective(m.last-1, s) {
				it.e = d.virtual(c)
			}
			// "United States warplanes", "US occupying forces": a country
			// named for its forces.
			after := m.last
			if after < s.last && d.toks[after].kind == tPoss && m.ent.typ == schema.Country {
				after++ // "Iraq's military said", "Turkey's army shelled"
			}
			n := d.forceNoun(after, s, true)
			if after > m.last && n != after {
				n = -1 // "Iraq's new security plan", "Iran's proxies": only the noun right after
			}
			if m.ent.typ == schema.Country && n >= 0 && !d.lx.nonForceNouns.hasID(d.toks[n].id) && !d.militaryAdjective(n, s) && !d.verbOfObject(n, s) {
				if mil := d.forcesNamed(m.ent.lex, n); mil != nil {
					it.e, it.dem, it.t1 = d.virtual(mil), m.ent.lex, n+1
					it.bases = d.lx.baseWords.hasID(d.toks[n].id)
				}
			}
			// "U.S. and coalition forces", "US and Iraqi troops": the
			// country's forces, as in "U.S. forces".
			if m.ent.typ == schema.Country && it.e == m.ent && m.last+1 < s.last && d.toks[m.last].norm == "and" {
				n := m.last + 2
				if mm := d.at[m.last+1]; mm != nil && mm.first == m.last+1 {
					n = mm.last
				}
				if f := d.forceNoun(n, s, true); f >= 0 && !d.lx.nonForceNouns.hasID(d.toks[f].id) && !d.verbOfObject(f, s) {
					if mil := d.military(m.ent); mil != nil {
						it.e, it.dem = mil, m.ent.lex
					}
				}
			}
			// "the Sudani government", "Netanyahu's cabinet": the
			// government of the state the person heads.
			if g, end := d.headsGovernment(m, s); g != nil {
				it.e, it.t1 = g, end
			}
			// "the YPG/PKK": two names joined by a slash name one group,
			// the one the lexicon lists the compound under ("PKK/YPG" is
			// Turkey's name for the YPG), else the first.
			if n := it.t1; n+1 < s.last && d.toks[n].norm == "/" && d.at[n+1] != nil && d.at[n+1].first == n+1 && d.at[n+1].ent.typ == m.ent.typ && d.at[n+1].last <= s.last {
				it.t1 = d.at[n+1].last
				if le := d.lx.Lookup(d.text[d.toks[it.t0].start:d.toks[it.t1-1].end]); le != nil {
					it.e = d.lexEntity(le)
				}
			}
			v.it = append(v.it, it)
			v.quote = append(v.quote, inQuote)
			i = it.t1
			continue
		}
		if n := v.glossEnd(i); n > i {
			// "the Popular Mobilization Forces (PMF)", "the Revolutionary
			// Guard's (IRGC) strike": a name's short form in brackets says
			// the name again; the sentence reads on as if it were not there.
			i = n
			continue
		}
		if t.norm == "." && !t.space && i+1 < s.last && d.toks[i+1].kind != tQuote {
			// The dot of an abbreviation inside the sentence ("10 p.m.
			// (local time)", "Jan. 28") ends no clause.
			i++
			continue
		}
		// Most words are of no word rule's lists (viewWord): the five
		// calls below would each return at once.
		rules := d.lx.byWord[t.id].gates&viewWord != 0
		if rules {
			if n := d.lostLife(i, s); n > i {
				// "X lost his life in the attack": "X were killed in the
				// attack", the passive casualty verb the rules read.
				killed := d.lx.lossReading.list[0]
				v.it = append(v.it, item{t0: i, t1: i + 1, w: "were", id: d.lx.words.id("were")},
					item{t0: i + 1, t1: n, w: killed, id: d.lx.words.id(killed)})
				v.quote = append(v.quote, inQuote, inQuote)
				i = n
				continue
			}
		}
		it := item{t0: i, t1: i + 1, w: t.norm, id: t.id}
		if t.norm == "—" || t.norm == "–" {
			// "The Islamic Resistance in Iraq — a group armed by Iran —
			// claimed it": dashes around an aside after a name read as
			// the commas of an apposition, not as clause breaks.
			if i == aside {
				it.w, it.id = ",", d.lx.words.id(",")
			} else if n := len(v.it); n > 0 && v.it[n-1].e != nil {
				if c := d.dashAside(i, s); c > 0 {
					it.w, it.id, aside = ",", d.lx.words.id(","), c
				}
			}
		}
		if rules {
			if g, m := d.governmentOfHead(i, s); g != nil && v.afterThe() {
				// "the government of Prime Minister X said": the government
				// X heads, for the whole phrase, which names it as X's name
				// names X.
				v.it = append(v.it, item{t0: i, t1: m.last, e: g, m: m})
				v.quote = append(v.quote, inQuote || scareWord)
				scareWord = false
				i = m.last
				continue
			}
		}
		// The map last: the view asks this of every word.
		if t.cap && d.platformAt(i, s) && d.lx.onNames[t.norm] != nil {
			// "the ministry said on X", "his X account": the platform,
			// where a lone X names nothing.
			e := d.virtual(d.lx.onNames[t.norm])
			e.surfaces = appendUnique(e.surfaces, d.span(i, i+1))
			it.e = e
			v.it = append(v.it, it)
			v.quote = append(v.quote, inQuote || scareWord)
			scareWord = false
			i++
			continue
		}
		// "the SDF said two of its fighters were killed": the group the
		// possessive stands for, as its name would.
		if ref, end := d.possessed(i, s, v); ref != nil {
			it.e, it.t1 = ref, end
			it.w, it.id = "", 0
			v.it = append(v.it, it)
			v.quote = append(v.quote, inQuote || scareWord)
			scareWord = false
			i = end
			continue
		}
		// "the group claimed …", "the coalition said …": a definite
		// description of the last group or coalition acts for it.
		if rules {
			if ref := d.definite(t.norm, i, v); ref != nil {
				it.e = ref
			} else if ref := d.described(t.norm, i, v); ref != nil {
				it.e = ref
			} else if ref := d.bareCollective(i, v); ref != nil {
				it.e = ref
			}
		}
		if t.kind == tQuote {
			if t.norm == `"` {
				inQuote = !inQuote
			}
		}
		if t.kind == tWord {
			if c := d.lx.byWord[t.id].demonym; c != nil {
				it.dem = c
				// "American troops", "US-led forces": the country's military.
				if j := i + 1; j < s.last && d.at[j] == nil && d.lx.stateNouns.hasID(d.toks[j].id) {
					// "the Turkish state": the country.
					it.e, it.t1 = d.virtual(c), j+1
					it.w, it.id = "", 0
				} else if j := d.forceNoun(i+1, s, false); j >= 0 && !d.militaryAdjective(j, s) {
					// A country with no armed forces of its own in the
					// lexicon acts itself: "Iranian forces" are Iran's.
					it.e = d.virtual(c)
					if mil := d.forcesNamed(c, j); mil != nil {
						it.e = d.virtual(mil)
					}
					it.t1 = j + 1
					it.w, it.id = "", 0
					it.bases = d.lx.baseWords.hasID(d.toks[j].id)
				} else if a := i + 1; a+1 < s.last && d.toks[a].norm == "and" {
					// "American and coalition troops": the country's
					// military, as in "U.S. and coalition forces".
					n := a + 1
					if mm := d.at[n]; mm != nil && mm.first == n {
						n = mm.last
					} else {
						n++
					}
					if f := d.forceNoun(n, s, true); f >= 0 && !d.lx.nonForceNouns.hasID(d.toks[f].id) && !d.verbOfObject(f, s) {
						if mil := d.forcesNamed(c, f); mil != nil {
							it.e = d.virtual(mil)
							it.w, it.id = "", 0
						}
					}
				}
			}
		}
		v.it = append(v.it, it)
		v.quote = append(v.quote, inQuote || scareWord)
		scareWord = false
		i = it.t1
	}
	// "X, an umbrella group of Iran-backed militias", "It is a loose
	// alliance of pro-Iran fighters": the collective says what X is made
	// of; it is X, which takes its link to the sponsor.
	for k := range v.it {
		if it := &v.it[k]; it.m != nil && it.e.collective() {
			if x := v.umbrellaOf(k); x != nil {
				it.e = x
			}
		}
	}
	// "the last combat units of the USA", "United States warplanes": a
	// country named for its armed forces.
	for k := range v.it {
		it := &v.it[k]
		if !is(it.e, schema.Country) || it.m == nil || v.sponsorModifier(k) {
			continue // "the occupation of the US-backed YPG": the YPG's
		}
		mil := d.military(it.e)
		if mil == nil {
			continue
		}
		of := k - 1
		if v.word(of, "the") {
			of--
		}
		if v.word(of, "of") && (v.d.lx.militaryNouns.has(v.itWord(of-1)) || v.wordIn(of-1, v.d.lx.unitNouns)) {
			it.dem = it.e.lex
			it.e = mil
		}
		// "U.S. and Iraqi forces": the noun after the second country
		// stands for both.
		if n := k + 2; v.word(k+1, "and") && n < len(v.it) && v.it[n].e != nil && (d.lx.isMilitary(v.it[n].e) || is(v.it[n].e, schema.Coalition)) &&
			(d.lx.militaryNouns.hasID(d.toks[v.it[n].t1-1].id) || v.wordIn(n+1, d.lx.militaryNouns)) { // "U.S. and coalition forces"
			it.dem = it.e.lex
			it.e = mil
		}
	}
	for k := range v.it {
		v.gates |= d.lx.byWord[v.it[k].id].gates
	}
	return v
}

// lostLife returns the end of "lost his life", "lost their lives" at
// token i (loss_verbs, a possessive pronoun, life_nouns), or i.
func (d *doc) lostLife(i int, s *sentence) int {
	if i+2 >= s.last || !d.lx.lossVerbs.hasID(d.toks[i].id) || d.at[i+1] != nil || d.at[i+2] != nil {
		return i
	}
	switch d.toks[i+1].norm {
	case "his", "her", "their", "its":
	default:
		return i
	}
	if !d.lx.lifeNouns.hasID(d.toks[i+2].id) {
		return i
	}
	return i + 3
}

// oddQuotes reports an odd number of double quotation marks in s.
func (d *doc) oddQuotes(s *sentence) bool {
	n := 0
	for i := s.first; i < s.last; i++ {
		if t := &d.toks[i]; t.kind == tQuote && t.norm == `"` {
			n++
		}
	}
	return n%2 == 1
}

// closesFirst reports that the first double quotation mark of sentence s
// closes a quotation: a right quotation mark, or a straight one glued to
// the word or comma before it.
func (d *doc) closesFirst(s *sentence) bool {
	for i := s.first; i < s.last; i++ {
		if t := &d.toks[i]; t.kind == tQuote && t.norm == `"` {
			r, _ := utf8.DecodeRuneInString(d.text[t.start:])
			return r == '”' || r == '»' || r == '"' && !t.space && i > s.first
		}
	}
	return false
}

// opensLast reports that the last double quotation mark of sentence s
// opens a quotation: a left quotation mark, or a straight one with
// whitespace before it. An odd number of marks whose last one closes
// ("… the border,” he said") closes a quotation opened before.
func (d *doc) opensLast(s *sentence) bool {
	for i := s.last - 1; i >= s.first; i-- {
		if t := &d.toks[i]; t.kind == tQuote && t.norm == `"` {
			r, _ := utf8.DecodeRuneInString(d.text[t.start:])
			return r == '“' || r == '«' || r == '"' && (t.space || i == s.first)
		}
	}
	return false
}

// scareQuote returns the closing quotation mark when the one at token i
// opens quotes around one mention or one word and nothing else
// (“international coalition”, "neutralized"), or -1. The view asks it of
// every token, most of them no quotation mark: the test of the token's
// kind is small enough for the compiler to inline there, and the rest is
// scareQuoteEnd (with glossEnd, 220,000 calls a pass over 500 generated
// articles before).
func (d *doc) scareQuote(i, last int) int {
	if d.toks[i].kind != tQuote {
		return -1
	}
	return d.scareQuoteEnd(i, last)
}

// scareQuoteEnd is scareQuote past its first test.
func (d *doc) scareQuoteEnd(i, last int) int {
	q := d.toks[i].norm // “…” or ‘…’: the same mark closes
	if q != `"` && q != "'" || i+1 >= last {
		return -1
	}
	end := i + 2
	if m := d.at[i+1]; m != nil && m.first == i+1 {
		end = m.last
	} else if d.toks[i+1].kind != tWord || d.toks[i+1].space || i+2 < last && d.toks[i+2].space {
		return -1 // a word glued to both marks: not `…,” said «…`
	}
	if end < last && d.toks[end].kind == tQuote && d.toks[end].norm == q {
		return end
	}
	return -1
}

// militaryAdjective reports "military" at token n qualifying an attack
// noun: "the US military strikes on Iraq" are the United States' strikes,
// where "the US military struck" is its armed forces.
func (d *doc) militaryAdjective(n int, s *sentence) bool {
	return d.lx.militaryAdjectives.hasID(d.toks[n].id) && n+1 < s.last && d.lx.attackNouns.hasID(d.toks[n+1].id)
}

// governmentOfHead reads "government of (title) X" at token i, where X is a
// person the lexicon knows to head a state: it returns the entry of that
// state's government, as an article entity, and X's mention, which ends
// the phrase.
func (d *doc) governmentOfHead(i int, s *sentence) (*entity, *mention) {
	if !d.lx.governmentNouns.hasID(d.toks[i].id) || i+2 >= s.last || d.toks[i+1].norm != "of" {
		return nil, nil
	}
	n := i + 2
	if e := d.titleEnd(n, s.last); e > n {
		n = e
	}
	m := d.at[n]
	if m == nil || m.first != n || m.ent.typ != schema.Person || m.ent.lex == nil {
		return nil, nil
	}
	if g := d.lx.governmentOf(m.ent.lex); g != nil {
		return d.virtual(g), m
	}
	return nil, nil
}

// headsGovernment reads "X government", "X's cabinet", "the X
// administration" after the mention m of a person the lexicon has head
// a state: that state's government, up to the token it returns.
func (d *doc) headsGovernment(m *mention, s *sentence) (*entity, int) {
	if m.ent.typ != schema.Person || m.ent.lex == nil {
		return nil, 0
	}
	n := m.last
	if n < s.last && d.toks[n].kind == tPoss {
		n++
	}
	if n >= s.last || d.at[n] != nil || !d.lx.governmentNouns.hasID(d.toks[n].id) {
		return nil, 0
	}
	if g := d.lx.governmentOf(m.ent.lex); g != nil {
		return d.virtual(g), n + 1
	}
	return nil, 0
}

// governmentOf returns the entry of the government of the state the
// person le heads (president_of, prime_minister_of), or nil.
func (lx *Lexicon) governmentOf(le *LexEntry) *LexEntry {
	for _, f := range le.Facts {
		if f[0] != "president_of" && f[0] != "prime_minister_of" {
			continue
		}
		if c := lx.Lookup(f[1]); c != nil {
			for _, name := range []string{"Government of " + c.Name, c.Name + " government"} {
				if g := lx.Lookup(name); g != nil && g.Type == schema.GovernmentBody {
					return g
				}
			}
		}
	}
	return nil
}

// verbOfObject reports a word at token n that names forces ("US
// targets") but is a verb when an object follows it: "Turkey targets PKK
// positions", "Israel targets the group".
func (d *doc) verbOfObject(n int, s *sentence) bool {
	if d.lx.byWord[d.toks[n].id].event != evAttackIfObject || n+1 >= s.last {
		return false
	}
	return d.at[n+1] != nil || d.lx.opensObject(d.toks[n+1].id)
}

// opensObject reports a word that may open the object of an attack verb:
// a site's determiner or a site noun ("targets the group", "targets PKK
// positions", "strikes hideouts of the PKK").
func (lx *Lexicon) opensObject(id wordID) bool {
	return lx.siteDeterminers.hasID(id) || lx.ownedSites.hasID(id) || lx.genericTargets.hasID(id)
}

// forceNoun returns the token of the noun for a state's forces that
// starts at i or follows a few modifiers ("U.S. troops", "US occupation
// forces", "U.S. F-15 fighter jets"), or -1. With firstMilitary, the
// word "military" ends the search: "the US military" is the noun.
func (d *doc) forceNoun(i int, s *sentence, firstMilitary bool) int {
	found := -1
	for n := i; n < s.last && n-i <= 4 && d.at[n] == nil; n++ {
		if d.lx.militaryNouns.hasID(d.toks[n].id) {
			found = n
			if firstMilitary && d.lx.militaryAdjectives.hasID(d.toks[n].id) {
				break
			}
			if a := n + 2; a < s.last && d.toks[n+1].norm == "and" && d.at[a] == nil && d.lx.militaryNouns.hasID(d.toks[a].id) {
				return a // "Turkish warplanes and drones": both are the state's
			}
		}
		if !d.forceModifierAt(n) {
			break
		}
	}
	return found
}

// forceModifierAt reports a word that may stand between a state and the
// noun of its forces: "combat", "fighter", or an aircraft's model, a
// short code hyphen-joined to a number ("U.S. F-15 fighter jets", "US
// MQ-9 drones").
func (d *doc) forceModifierAt(n int) bool {
	t := &d.toks[n]
	if d.lx.forceModifiers.hasID(t.id) {
		return true
	}
	if t.hyph && t.norm != "" && t.norm[0] >= '0' && t.norm[0] <= '9' {
		return true // the number of "F-15"
	}
	next := n + 1
	return t.kind == tWord && len(t.norm) <= 3 && t.cap && next < len(d.toks) && d.toks[next].hyph && d.toks[next].norm != "" && d.toks[next].norm[0] >= '0' && d.toks[next].norm[0] <= '9'
}

// definite returns what "the group", "the militia", "the coalition"
// (right after "the") refers to, or nil.
func (d *doc) definite(w string, i int, v *view) *entity {
	if id := d.toks[i].id; !d.lx.definiteGroupNouns.hasID(id) && !d.lx.coalitionNouns.hasID(id) || !v.afterThe() {
		return nil // the nouns first: the view asks for every word
	}
	if n := i + 1; n < len(d.toks) && d.toks[n].cap {
		return nil // "the Iraqi militia Harakat al-Nujaba": the name follows
	}
	if n := i + 1; n < len(d.toks) && d.lx.definiteGroupNouns.hasID(d.toks[n].id) {
		return nil // "the militia group": the last noun is the head
	}
	switch {
	case d.lx.definiteGroupNouns.has(w):
		if a, ok := d.appositive[w]; ok && v.s.idx-a.sent <= appositiveReach && v.s.idx > a.sent {
			return a.e // "X, an Iran-backed militia group, …. The militia group said"
		}
		if is(d.lastSubject, schema.ArmedGroup) {
			return d.lastSubject // the group the last sentence was about
		}
		if d.groupSubject != nil && v.s.idx-d.groupSubjectSent <= groupSubjectReach {
			return d.groupSubject // the group a sentence before was about
		}
		return d.lastGroup
	case d.lx.coalitionNouns.has(w):
		return d.lastCoalition
	}
	return nil
}

// groupSubjectReach is how many sentences back "the group" takes up the
// group a sentence opened with, past the groups named since.
const groupSubjectReach = 2

// umbrellaOf returns the armed group that the collective at item k
// makes up: "X, an umbrella group of (mostly) …", "X — a coalition of …",
// "X is a loose alliance of …" (X a name, or "it" taking one up), or nil.
func (v *view) umbrellaOf(k int) *entity {
	o := k - 1
	if w := v.itWord(o); w != "" && (v.d.lx.adverbs.has(w) || v.d.lx.collectives.modifiers[w]) {
		o-- // "a coalition of mainly pro-Iran paramilitaries"
	}
	if !v.word(o, "of") || !v.wordIn(o-1, v.d.lx.groupingNouns) {
		return nil
	}
	det := -1
	for j := o - 2; j >= 0 && j >= o-4; j-- {
		if v.word(j, "a", "an") {
			det = j
			break
		}
		if v.it[j].e != nil || v.it[j].w == "" || clauseBreak(v.it[j].w) || v.it[j].w == "," {
			return nil
		}
	}
	if det < 1 {
		return nil
	}
	var x *entity
	switch p := det - 1; {
	case v.word(p, ",", "—", "–", "("):
		x = v.ent(p - 1)
	case v.word(p, "is", "was"):
		if x = v.ent(p - 1); x == nil && v.word(p-1, "it") && p-1 == 0 {
			x = v.refer(p - 1) // "It is a loose alliance of …" opening the sentence
		}
	}
	if !is(x, schema.ArmedGroup) || x.collective() {
		return nil
	}
	return x
}

// afterThe reports "the" just before the word being read, or before up
// to two plain modifiers of it ("the group", "the Sunni extremist group").
func (v *view) afterThe() bool {
	n := len(v.it)
	for m := 1; m <= 3 && n-m >= 0; m++ {
		it := &v.it[n-m]
		if it.w == "the" && it.e == nil {
			return true
		}
		if it.e != nil || it.w == "" || clauseBreak(it.w) || it.w == "," || it.w == "of" || it.w == "and" || it.w == `"` || v.d.lx.skippable.hasID(it.id) {
			return false
		}
	}
	return false
}

// virtual returns the article entity of a lexicon entry named only
// indirectly ("American troops" for the US military).
func (d *doc) virtual(le *LexEntry) *entity {
	if e := d.byID[le.id]; e != nil {
		return e
	}
	e := d.newLexEntity(le)
	d.byID[e.id] = e
	d.ents = append(d.ents, e)
	return e
}

// word reports whether item k is the plain word w.
func (v *view) word(k int, ws ...string) bool {
	if k < 0 || k >= len(v.it) || v.it[k].e != nil {
		return false
	}
	// Read once: the rules ask it of a list of words at every item.
	word := v.it[k].w
	for _, w := range ws {
		if word == w {
			return true
		}
	}
	return false
}

// wordIn reports whether item k is a plain word of the set s.
func (v *view) wordIn(k int, s wordSet) bool {
	return k >= 0 && k < len(v.it) && v.it[k].e == nil && s.hasID(v.it[k].id)
}

// ent returns the entity of item k, or nil.
func (v *view) ent(k int) *entity {
	if k < 0 || k >= len(v.it) {
		return nil
	}
	return v.it[k].e
}

// country returns the country an item names: a country entity or a
// demonym ("Iraqi", "Iran-backed").
func (v *view) country(k int) *entity {
	if k < 0 || k >= len(v.it) {
		return nil
	}
	if e := v.it[k].e; e != nil && e.typ == schema.Country {
		return e
	}
	if c := v.it[k].dem; c != nil && v.it[k].e == nil {
		return v.d.virtual(c)
	}
	return nil
}

// next returns the first entity item right of k within max items, stopping
// at clause breaks; ok filters entities (nil accepts all).
func (v *view) next(k, max int, ok func(*entity) bool) int {
	for j := k + 1; j < len(v.it) && j <= k+max; j++ {
		if e := v.it[j].e; e != nil {
			if ok == nil || ok(e) {
				return j
			}
			continue
		}
		if clauseBreak(v.it[j].w) {
			return -1
		}
	}
	return -1
}

// prev returns the first entity item left of k within max items.
func (v *view) prev(k, max int, ok func(*entity) bool) int {
	for j := k - 1; j >= 0 && j >= k-max; j-- {
		if e := v.it[j].e; e != nil {
			if ok == nil || ok(e) {
				return j
			}
			continue
		}
		if clauseBreak(v.it[j].w) {
			return -1
		}
	}
	return -1
}

// list returns the coordinated entity items starting at k: "Erbil,
// Al-Shaddadi, and Ain Al-Assad", "Iran and other forces of the Axis".
func (v *view) list(k int) []int { return v.appendList(nil, k) }

// appendList is list appending to out[:0]: the frames, which ask it of
// every list slot they try, lend it a buffer from their stacks, where most
// lists are one item.
func (v *view) appendList(out []int, k int) []int {
	if k < 0 || v.ent(k) == nil {
		return nil
	}
	out = append(out[:0], k)
	j := k + 1
	for j < len(v.it) {
		// "X, commander of the Y, and Z": a person's apposition is
		// passed over to the next person.
		appos := false
		if is(v.ent(out[len(out)-1]), schema.Person) {
			if m := v.appositionEnd(j); m > j {
				j, appos = m, true
			}
		}
		// A separator, then optional determiners, then an entity.
		sep, comma, conj, site := false, false, false, false
		n := j
		for n < len(v.it) && n-j < 6 {
			w := v.it[n].w
			if v.it[n].e != nil {
				break
			}
			if n == j && v.siteNoun(n) {
				n++ // "Iraqi army bases and Karbala airport": the army is the item
				site = true
				continue
			}
			if w == "," && v.word(n+1, "a", "an") {
				break // ", a U.S. outpost": an apposition, not another item
			}
			if w == "," || w == "and" || w == "or" || w == "as" && v.word(n+1, "well") || w == "well" || w == "nor" || w == "&" {
				sep, comma, conj = true, comma || w == ",", conj || w != ","
				n++
				continue
			}
			if sep && (v.d.lx.skippable.has(w) || v.d.lx.listFillerNouns.has(w) || w == "like" || w == "such" || w == "including") {
				n++
				continue
			}
			// "Soleimani and Iraqi commander Abu Mahdi al-Muhandis": a
			// demonym and a title before the next name.
			if sep && (v.it[n].dem != nil || v.d.titleEnd(v.it[n].t0, v.it[n].t1) == v.it[n].t1) {
				n++
				continue
			}
			// "X and the deputy head of the Y, Z": a person named
			// after the role that describes them.
			if sep && is(v.ent(out[len(out)-1]), schema.Person) {
				if p := v.describedPerson(j, n); p > 0 {
					n, appos = p, true
				}
			}
			break
		}
		if !sep || n >= len(v.it) || v.it[n].e == nil {
			break
		}
		if appos && !is(v.it[n].e, schema.Person) {
			break // only a person goes on a list past a person's role
		}
		if site && comma && conj {
			break // "attacks on U.S. bases, and the U.S. says": a clause, not an item
		}
		if comma && !conj {
			// "…, the Pentagon said", "…, the Pentagon announced", "…,
			// U.S. officials say": the source, not another item.
			m := n + 1
			for m < len(v.it) && m <= n+2 && v.d.lx.unnamedSources.hasID(v.it[m].id) {
				m++
			}
			if m < len(v.it) && (v.d.lx.speechVerbs.hasID(v.it[m].id) || v.d.lx.reportVerbs.hasID(v.it[m].id)) {
				break
			}
		}
		if n+1 < len(v.it) && v.it[n+1].e == nil && v.it[n+1].w != "" && v.d.toks[v.it[n+1].t0].hyph {
			break // "in Lebanon and Yemen-based Houthis": Yemen qualifies the next name
		}
		out = append(out, n)
		j = n + 1
	}
	return out
}

// roleWord reports whether item n is a word of a role phrase ("the
// deputy chief", "a senior commander"), and whether it is its head: a
// title or a role noun.
func (v *view) roleWord(n int) (word, head bool) {
	if n < 0 || n >= len(v.it) || v.it[n].e != nil || v.it[n].w == "" {
		return false, false
	}
	it, lx := &v.it[n], v.d.lx
	if v.d.titleEnd(it.t0, it.t1) == it.t1 || lx.roleNouns.hasID(it.id) {
		return true, true
	}
	return it.dem != nil || v.word(n, "the", "a", "an", "its", "their", "his", "her") || lx.roleModifiers.hasID(it.id) || lx.roleQualifiers.hasID(it.id) || lx.titleLowering.hasID(it.id), false
}

// roleOf returns the item after a role and the group or state it is a
// role in ("deputy head of Iraq's PMF", "commander in the YPJ"), from
// item n, or -1.
func (v *view) roleOf(n int) int {
	head := false
	for ; n < len(v.it); n++ {
		w, h := v.roleWord(n)
		if !w {
			break
		}
		head = head || h
	}
	if !head || !v.word(n, "of", "in") {
		return -1
	}
	n++
	for v.word(n, "the") || n < len(v.it) && v.it[n].e == nil && v.it[n].dem != nil {
		n++
	}
	if v.ent(n) == nil || is(v.ent(n), schema.Person) {
		return -1
	}
	n++
	if v.word(n, "'s", "'") && v.ent(n+1) != nil {
		n += 2
	}
	return n
}

// describedPerson returns the person named after a role that opens a
// list's next item at item j ("and the deputy head of the Y, Z"; item n
// is where the separator's words end), or -1.
func (v *view) describedPerson(j, n int) int {
	for j < n && !v.word(j, "and") {
		j++
	}
	if j >= n {
		return -1
	}
	p := v.roleOf(j + 1)
	if p < 0 {
		return -1
	}
	if v.word(p, ",") {
		p++
	}
	if !is(v.ent(p), schema.Person) {
		return -1
	}
	return p
}

// appositionEnd returns the comma before "and" that ends a role in
// apposition after a person opening at item j ("X, commander of the Y,
// and Z"), or -1.
func (v *view) appositionEnd(j int) int {
	if !v.word(j, ",") {
		return -1
	}
	n := v.roleOf(j + 1)
	if n < 0 {
		return -1
	}
	for m := n; m < len(v.it) && m <= n+8; m++ {
		if v.word(m, ",") {
			if v.word(m+1, "and") {
				return m
			}
			return -1
		}
		if it := &v.it[m]; it.e == nil && (clauseBreak(it.w) || it.w == `"` || it.w == "and" || it.w == "or" || v.d.lx.speechVerbs.hasID(it.id)) {
			return -1
		}
	}
	return -1
}

// is reports whether an entity has one of the types.
func is(e *entity, types ...string) bool {
	if e == nil {
		return false
	}
	for _, t := range types {
		if e.typ == t {
			return true
		}
	}
	return false
}

// reporter reports an entity that reports the news: an outlet, or an
// organisation the lexicon marks as reporting (a monitor, a rights group).
func reporter(e *entity) bool {
	return is(e, schema.MediaOutlet) || e != nil && e.lex != nil && e.lex.Reporting
}

func ofType(types ...string) func(*entity) bool {
	return func(e *entity) bool { return is(e, types...) }
}

// actor accepts the entities that act: groups, states, their bodies,
// coalitions, people.
var actor = ofType(schema.ArmedGroup, schema.Country, schema.GovernmentBody, schema.Coalition, schema.Person)

// party accepts actors and capitals that stand for their state
// ("talks between Baghdad and Washington").
func party(e *entity) bool {
	return actor(e) || e.typ == schema.Place && e.lex != nil && e.lex.Metonym != ""
}

// evidence is the sentence, verbatim.
func (v *view) evidence() string { return v.d.text[v.s.start:v.s.end] }

// glossEnd is the token after the bracketed short form that opens at
// token i, when it names the entity of the item before it, or of the
// item before a possessive ("X (ACR)", "X's (ACR)", "X (the Y)");
// otherwise i. The view asks it of every token, most of them no bracket:
// the test for one is small enough for the compiler to inline there, and
// the rest is glossAfter.
func (v *view) glossEnd(i int) int {
	if v.d.toks[i].norm != "(" {
		return i
	}
	return v.glossAfter(i)
}

// glossAfter is glossEnd past its first test.
func (v *view) glossAfter(i int) int {
	d := v.d
	n := len(v.it)
	if n == 0 || i+1 >= v.s.last {
		return i
	}
	prev := v.it[n-1].e
	if prev == nil && n > 1 && v.word(n-1, "'s", "'") {
		prev = v.it[n-2].e
	}
	t := i + 1
	if d.toks[t].norm == "the" && t+1 < v.s.last {
		t++ // "the US Defense Department (the Pentagon)"
	}
	m := d.at[t]
	if prev == nil || m == nil || m.first != t || m.ent != prev || m.last >= v.s.last || d.toks[m.last].norm != ")" {
		return i
	}
	return m.last + 1
}

// dashAside returns the token of the dash that closes an aside the dash
// at token i opens ("— a terrorist group armed by Iran —"), or -1: the
// aside opens with an article and closes before the clause ends.
func (d *doc) dashAside(i int, s *sentence) int {
	if i+1 >= s.last {
		return -1
	}
	if w := d.toks[i+1].norm; w != "a" && w != "an" && w != "the" {
		return -1
	}
	for c := i + 2; c < s.last && c <= i+20; c++ {
		switch d.toks[c].norm {
		case d.toks[i].norm:
			return c
		case ".", ";", ":", "!", "?":
			return -1
		}
	}
	return -1
}

// platformAt reports the context that makes the on_name at token i a
// platform: "on X", "the platform X", "X account".
func (d *doc) platformAt(i int, s *sentence) bool {
	if i > s.first {
		if p := &d.toks[i-1]; p.norm == "on" || d.lx.platformBefore.hasID(p.id) {
			return true
		}
	}
	return i+1 < s.last && d.lx.platformAfter.hasID(d.toks[i+1].id)
}

// Gates. A mention scan, or a rule family, that acts only at a word of
// its lists is skipped, whole, in a sentence with no such word: most
// sentences hold no collective, border or statement noun, and each scan or
// family would otherwise test every token or item for one. A word's bits
// are set from the very lists and bits the scan or family tests
// (setGates), so a gate cannot hold back a word it would act on. The
// scans read a sentence's tokens (doc.scansOf), the families its items
// (view.gates).
const (
	// scanCollective: a word of the collectives' lists (a coll bit). Each
	// collective ends in one: a head or a modified head (collectiveHead),
	// a proxy or a demonymic head (matchCollective, proxyHead) or a mass
	// head (massHead).
	scanCollective    = 1 << iota
	scanPlatform      // platformActs: scanPlatformWords
	scanAgreement     // agreementHeads: scanAgreements
	scanBorder        // a border's head: scanBorders
	scanHomeForce     // governmentNouns: scanHomeForces
	scanHomeBody      // homeBodyHeads, stateBodyHeads: scanHomeBodies
	gateStatementNoun // issuedStatementNouns, messageNouns: statement's items
	gateAct           // a word with actBits: institutionalActs
	gateOperationVerb // operationVerbs: namedOperations
	gateSpeakerTitle  // describedSpeakerTitles: describedSpeakerRole's look for a description
	// viewWord: a word the view's word rules act at, read token by token
	// rather than by sentence: lostLife (lossVerbs), governmentOfHead
	// (governmentNouns), definite (definiteGroupNouns, coalitionNouns),
	// described (descriptions, heads) and bareCollective (collBare) each
	// return at once for any other word.
	viewWord
)

// setGates marks in byWord the scans and families each word lets run. It
// runs once the word sets are numbered and the act and collective bits
// set.
func (lx *Lexicon) setGates() {
	for _, g := range []struct {
		set  wordSet
		gate uint16
	}{
		{lx.platformActs, scanPlatform},
		{lx.agreementHeads, scanAgreement},
		{lx.governmentNouns, scanHomeForce},
		{lx.homeBodyHeads, scanHomeBody},
		{lx.stateBodyHeads, scanHomeBody},
		{lx.issuedStatementNouns, gateStatementNoun},
		{lx.messageNouns, gateStatementNoun},
		{lx.operationVerbs, gateOperationVerb},
		{lx.describedSpeakerTitles, gateSpeakerTitle},
		{lx.lossVerbs, viewWord},
		{lx.governmentNouns, viewWord},
		{lx.definiteGroupNouns, viewWord},
		{lx.coalitionNouns, viewWord},
	} {
		for id := range g.set.eachID() {
			lx.byWord[id].gates |= g.gate
		}
	}
	for i := range lx.byWord {
		w := &lx.byWord[i]
		if w.coll != 0 {
			w.gates |= scanCollective
		}
		if w.coll&collBare != 0 || w.head != "" {
			w.gates |= viewWord
		}
		if w.border {
			w.gates |= scanBorder
		}
		if w.act != 0 {
			w.gates |= gateAct
		}
	}
	// A description outside the vocab is a word of number 0, as every
	// token outside it: those tokens are then all tried.
	for w := range lx.descriptions {
		lx.byWord[lx.words.id(w)].gates |= viewWord
	}
}

// opens reports whether a word of the sentence opens gate: the family
// behind it has a word to act at.
func (v *view) opens(gate uint16) bool { return v.gates&gate != 0 }
