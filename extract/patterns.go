package extract

import (
	"cmp"
	"iter"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/translit"
)

// Entity patterns: the lexicon matched over tokens, then names the lexicon
// does not know, found by their shape and context — a head word ("…
// Brigades", "Ministry of …"), a title or role ("Foreign Minister X",
// "X, a spokesman for Y"), a given name, quotes after a group word ("an
// armed group named ‘X’"), and acronyms defined in the text.

func (d *doc) findMentions() {
	// Quoted names a group word introduces come first: the quotes delimit
	// the name even when a lexicon name hides inside it ("‘Saraya Thar
	// al-Muhandis’").
	var cands []*candidate
	for i := range d.sents {
		if s := &d.sents[i]; !s.boiler {
			cands = append(cands, d.quotedNames(s)...)
		}
	}
	for i := range d.sents {
		if s := &d.sents[i]; !s.boiler {
			s.scans = d.scansOf(s)
			d.scanLexicon(s)
			if s.scans&scanCollective != 0 {
				d.scanCollectives(s)
			}
			if s.scans&scanPlatform != 0 {
				d.scanPlatformWords(s)
			}
		}
	}
	for i := range d.sents {
		s := &d.sents[i]
		if s.boiler {
			continue
		}
		cands = append(cands, d.nameRuns(s)...)
	}
	d.resolveCandidates(cands)
	d.groupKinds()
	d.acronyms()
	d.knownAs()
	for i := range d.sents {
		if s := &d.sents[i]; !s.boiler {
			if s.scans&scanAgreement != 0 {
				d.scanAgreements(s)
			}
			if s.scans&scanBorder != 0 {
				d.scanBorders(s)
			}
			if s.scans&scanHomeForce != 0 {
				d.scanHomeForces(s)
			}
			if s.scans&scanHomeBody != 0 {
				d.scanHomeBodies(s)
			}
		}
	}
	// slices.SortFunc runs the same pdqsort as sort.Slice, comparison for
	// comparison, without its reflective swaps.
	slices.SortFunc(d.ments, func(a, b *mention) int { return cmp.Compare(a.first, b.first) })
	d.finishEntities()
	d.innerNames()
}

// scansOf returns the mention scans sentence s has a word for (the
// scan* bits of setGates).
func (d *doc) scansOf(s *sentence) uint16 {
	var scans uint16
	for i := s.first; i < s.last; i++ {
		scans |= d.lx.byWord[d.toks[i].id].gates
	}
	return scans
}

// groupKinds extends an armed group's mention over a noun of its kind
// right after it (words.yaml, group_kind_nouns): "the Kataib Hezbollah
// militia fired", "the X group said" name the group as the actor, where
// the noun between name and verb hid it from the rules. The entity keeps
// its surface; a noun before "of" or a name, or after "a" ("a X
// militia"), is left alone ("the X group of fighters").
func (d *doc) groupKinds() {
	for _, m := range d.ments {
		if m.ent.typ != schema.ArmedGroup {
			continue
		}
		k := m.last
		if k >= d.sents[m.sent].last || d.at[k] != nil || d.reserved[k] {
			continue
		}
		if t := &d.toks[k]; t.kind != tWord || t.cap || t.nl > 0 || !d.lx.groupKindNouns.hasID(t.id) {
			continue
		}
		if n := k + 1; n < len(d.toks) && (d.toks[n].norm == "of" || d.nameWordAt(n)) {
			continue
		}
		if p := m.first - 1; p >= 0 && (d.toks[p].norm == "a" || d.toks[p].norm == "an") {
			continue // "a Yazidi militia active in ...": a description, not a name
		}
		m.last = k + 1
		d.at[k] = m
	}
}

// innerNames counts a country or place named by one word inside a longer
// name as mentioned ("the Syria-Iraq border", "the U.S. Embassy in
// Baghdad"), and a group inside the name of a coalition, a war or a body
// ("the Israel-Hamas war", "the coalition to defeat ISIS"): a reader, and
// the gold, take the article to mention it. A place inside a named
// event's name counts however much of it the place is ("Euphrates
// Shield", "the Gaza war"); a longer name of a place or body that is
// mostly one name is a variant of it ("occupied Palestine"). The entity gets the surface,
// not a mention: the tokens stay the longer name's. A group inside a
// group's name is another one ("Hezbollah" inside "Kata'ib Hezbollah" is
// not the Lebanese party), and people are left out: the seeds' gold does
// not take "the Assad regime" to mention the man. A government named for
// its head is the exception ("the Biden administration"): the annotation
// guideline lists the president as mentioned.
func (d *doc) innerNames() {
	for _, m := range d.ments {
		if m.last-m.first < 2 {
			continue
		}
		d.governmentHead(m)
		for t := m.first; t < m.last; t++ {
			if d.toks[t].kind != tWord || !d.toks[t].cap {
				continue
			}
			le := d.lx.oneWordName(&d.toks[t]) // a one-word name's key is its norm
			if le == nil || le.id == m.ent.id || !innerKind(le.Type, m.ent.typ) {
				continue
			}
			if m.ent.typ != schema.EventEntity && 2*(d.toks[t].end-d.toks[t].start) >= d.toks[m.last-1].end-d.toks[m.first].start {
				continue // "occupied Palestine": a variant of the name, not a name containing it
			}
			if shortened(le, d.span(t, t+1)) {
				continue // "Kurdistan" in the Kurdistan Workers' Party's name is not the Kurdistan Region
			}
			e := d.lexEntity(le)
			if surface := d.span(t, t+1); !slices.Contains(e.surfaces, surface) {
				e.surfaces = append(e.surfaces, surface)
			}
		}
	}
}

// shortened reports whether word is one word of le's longer name: such a
// short form ("Kurdistan" for the Kurdistan Region) names le standing
// alone, but inside another name it is that name's own word, where an
// acronym or a one-word name ("UN", "Iraq") still names its entity.
func shortened(le *LexEntry, word string) bool {
	words := strings.Fields(le.Name)
	return len(words) > 1 && slices.ContainsFunc(words, func(w string) bool { return strings.EqualFold(w, word) })
}

// governmentHead gives the person a government's name begins with ("the
// Biden administration", "Sudani government") the surface, when the
// lexicon has the person head a state.
func (d *doc) governmentHead(m *mention) {
	last := m.last - 1
	if m.ent.typ != schema.GovernmentBody || !d.lx.governmentNouns.hasID(d.toks[last].id) {
		return
	}
	first := m.first
	if d.article(first) {
		first++
	}
	if first >= last {
		return
	}
	le := d.lx.Lookup(d.span(first, last))
	if le == nil || le.Type != schema.Person || d.lx.governmentOf(le) == nil {
		return
	}
	if last-first < 2 && d.lx.partisanGovernmentNouns.hasID(d.toks[last].id) {
		return // "the Assad regime"
	}
	e := d.lexEntity(le)
	if surface := d.span(first, last); !slices.Contains(e.surfaces, surface) {
		e.surfaces = append(e.surfaces, surface)
	}
}

// innerKind reports whether a name of type inner, inside a longer name of
// type outer, names an entity of its own.
func innerKind(inner, outer string) bool {
	switch inner {
	case schema.Country, schema.Place:
		return true
	case schema.ArmedGroup:
		return outer != schema.Person && outer != schema.ArmedGroup
	}
	return false
}

// addMention records a mention of tokens [first, last).
func (d *doc) addMention(first, last, sent int, e *entity, how string) *mention {
	// Mentions come from slabs: a chunk is never grown, so pointers into
	// it stay valid.
	if len(d.mentSlab) == cap(d.mentSlab) {
		d.mentSlab = make([]mention, 0, 64)
	}
	d.mentSlab = append(d.mentSlab, mention{first: first, last: last, sent: sent, ent: e, how: how})
	m := &d.mentSlab[len(d.mentSlab)-1]
	d.ments = append(d.ments, m)
	for t := first; t < last; t++ {
		d.at[t] = m
	}
	surface := d.span(first, last)
	for _, s := range e.surfaces {
		if s == surface {
			return m
		}
	}
	e.surfaces = append(e.surfaces, surface)
	e.merges = append(e.merges, Merge{Surface: surface, Reason: how})
	ks := d.keys.keys(surface)
	e.allKeys = append(e.allKeys, ks)
	d.indexSurname(e, ks)
	return m
}

// scanPlatformWords records the platform a word of s names by being done
// on it ("the ministry tweeted": Twitter), the word its mention. The word
// stays a word for the rules: "tweeted" is still a verb of speech.
func (d *doc) scanPlatformWords(s *sentence) {
	for i := s.first; i < s.last; i++ {
		if t := &d.toks[i]; d.lx.platformActs.hasID(t.id) {
			e := d.virtual(d.lx.platformWords[t.norm])
			e.surfaces = appendUnique(e.surfaces, d.span(i, i+1))
		}
	}
}

// span is the verbatim text of tokens [first, last).
func (d *doc) span(first, last int) string { return d.text[d.toks[first].start:d.toks[last-1].end] }

// lexEntity returns the article's entity for a lexicon entry.
func (d *doc) lexEntity(le *LexEntry) *entity {
	if e := d.byID[le.id]; e != nil {
		return e
	}
	e := d.newLexEntity(le)
	d.byID[le.id] = e
	d.indexSurname(e, e.keys)
	d.ents = append(d.ents, e)
	return e
}

// newLexEntity makes the article entity of a lexicon entry. Its keys come
// first in allKeys; unknown entities have one key list per surface.
func (d *doc) newLexEntity(le *LexEntry) *entity {
	e := newEntity(entity{id: le.id, name: le.Name, typ: le.Type, lex: le, keys: le.keys})
	e.allKeys = append(e.allKeys, le.keys)
	return e
}

// newEntity allocates e with the room its first mention's surface takes
// in surfaces, merges and allKeys (addMention), and a lexicon entity's
// keys before it in allKeys: one allocation where an entity with a
// mention made four.
func newEntity(e entity) *entity {
	b := &entityBlock{e: e}
	b.e.surfaces, b.e.merges, b.e.allKeys = b.surfaces[:0], b.merges[:0], b.allKeys[:0]
	return &b.e
}

// entityBlock is an entity and the first elements of its slices
// (newEntity).
type entityBlock struct {
	e        entity
	surfaces [1]string
	merges   [1]Merge
	allKeys  [2][]string
}

// scanLexicon finds lexicon names in a sentence, longest match first.
func (d *doc) scanLexicon(s *sentence) {
	for i := s.first; i < s.last; {
		t := &d.toks[i]
		if d.at[i] != nil || d.reserved[i] || t.kind != tWord && t.kind != tNum {
			i++
			continue
		}
		end, ref, how := d.matchLexicon(i, s.last)
		if end > i && d.article(i) && i+1 < s.last {
			// "The Syrian Observatory for Human Rights": the name after
			// the article may match further than the article's skeleton.
			if e2, ref2, how2 := d.matchLexicon(i+1, s.last); e2 > end {
				i, end, ref, how = i+1, e2, ref2, how2
			}
		}
		if end > i && d.embedded(i, end, s) {
			i++ // part of a longer name that nameRuns will find
			continue
		}
		if end == i+1 && ref.entry.Type == schema.Place && d.titledNameBefore(i, s.first) {
			i++ // "SDF commander Şiblî Dêrik": Kurdish surnames are often towns
			continue
		}
		if end == i+1 && d.bareArticleName(i, ref) {
			i++ // "Army National Guard", "the National Interest": not The National
			continue
		}
		if end > i && ref.entry.Common && !d.placeCue(i, s.first) && !d.placeListHead(end, s) {
			i++ // "Drone Strike Hit Militia Headquarters"
			continue
		}
		if end > i {
			start := i
			if d.givenNameBefore(i, s.first, ref.entry) {
				start-- // "Mohammed Sudani": the given name of Mohammed Shia al-Sudani
			}
			d.addMention(start, end, s.idx, d.lexEntity(ref.entry), how)
			i = end
			continue
		}
		i++
	}
}

// titledNameBefore reports a capitalised word before token i, outside any
// mention, that a title opens: the given name of the person that token i
// ends ("commander Şiblî Dêrik"), not a word before a place.
func (d *doc) titledNameBefore(i, first int) bool {
	p := i - 1
	if p <= first || d.at[p] != nil || !d.nameWord(p) || d.toks[p].nl > 0 || d.toks[i].nl > 0 {
		return false
	}
	return d.titleBefore(p)
}

// placeCue reports a word before token i, and after token first, that
// says a place follows: a preposition of place or "of" ("in Hit", "the
// town of Hit").
func (d *doc) placeCue(i, first int) bool {
	return i > first && (d.lx.placePrepositions.hasID(d.toks[i-1].id) || d.toks[i-1].norm == "of")
}

// placeListHead reports whether the names from token end on run, as a
// list, into a lower-case head that makes them places: "the Metina, Zap
// and Avasin-Basyan regions" types Zap as the head types the others.
func (d *doc) placeListHead(end int, s *sentence) bool {
	for j := end; j < s.last && j < end+10; j++ {
		t := &d.toks[j]
		switch {
		case d.lx.headsAfter[t.norm] == schema.Place:
			return true
		case t.norm == "," || t.norm == "and" || t.norm == "-" || d.nameWordAt(j):
			continue
		}
		return false
	}
	return false
}

// embedded reports whether the lexicon match [i, end), made only of
// generic words and a head ("Security Council", "National"), is part of
// a longer capitalised name: "the Kurdistan Region Security Council",
// "the National Security Council of Iraq" are other bodies than the
// UN's council or a newspaper. A place named just before joins the
// longer name, whose mention it gives way to.
func (d *doc) embedded(i, end int, s *sentence) bool {
	if !d.generic(i, end) && !(d.generic(i, end-1) && d.lx.headOf(&d.toks[end-1]) != "") {
		return false
	}
	if p := i - 1; p >= s.first && d.nameWordAt(p) && d.lx.demonym[d.toks[p].norm] == nil {
		if m := d.at[p]; m != nil {
			if m.ent.typ != schema.Place {
				return false // "US Central Command" has its own alias
			}
			d.dropMention(m)
		}
		return true
	}
	if end+1 < s.last && d.toks[end].norm == "of" && d.nameWordAt(end+1) {
		return true // "the Security Council of Kurdistan"
	}
	for j := end; j < s.last && j < end+3 && d.nameWordAt(j); j++ {
		if d.at[j] == nil && d.lx.headOf(&d.toks[j]) != "" {
			return true // "National Security Council"
		}
	}
	return false
}

// bareArticleName reports a one-word match at token i of a name that is
// one word after "The" ("The National", "The Independent"): the word names
// the outlet only after "the" and not going on into a longer name ("the
// National Interest", "Army National Guard", "National Security Advisor").
func (d *doc) bareArticleName(i int, ref aliasRef) bool {
	if len(ref.alias) < 5 || !strings.EqualFold(ref.alias[:4], "the ") || len(exactKeys(ref.alias)) != 1 {
		return false
	}
	return i == 0 || d.toks[i-1].norm != "the" || i+1 < len(d.toks) && d.nameWordAt(i+1)
}

// nameWordAt reports a capitalised word at token i on the same line, in a
// mention or not, that may continue a name.
func (d *doc) nameWordAt(i int) bool {
	t := &d.toks[i]
	return t.kind == tWord && (t.cap || t.allCaps) && t.nl == 0 && !d.lx.capStop.hasID(t.id)
}

// givenNameBefore reports whether the word before token i, outside any
// mention, is the first name of person le, whose match starts at i: a
// short form with the given name kept and the middle names left out.
func (d *doc) givenNameBefore(i, first int, le *LexEntry) bool {
	if le.Type != schema.Person || i == first || len(le.keys) < 3 {
		return false
	}
	t := &d.toks[i-1]
	if t.kind != tWord || !t.cap || d.at[i-1] != nil || d.reserved[i-1] || t.nl > 0 || d.toks[i].nl > 0 {
		return false
	}
	k := d.keys.keys(d.span(i-1, i))
	return len(k) == 1 && k[0] == le.keys[0]
}

// matchLexicon returns the longest lexicon match starting at token i: by
// exact keys, or by transliteration skeletons for capitalised names.
func (d *doc) matchLexicon(i, last int) (int, aliasRef, string) {
	bestEnd := -1
	var best aliasRef
	how := ""
	n := &d.lx.exact.trie
	for j := i; j < last; j++ {
		t := &d.toks[j]
		if t.kind != tWord && t.kind != tNum && t.kind != tPoss || d.at[j] != nil || d.reserved[j] || j > i && t.nl > 0 {
			break
		}
		if j > i && d.middleInitial(j) {
			continue // "Antony J. Blinken" is the lexicon's Antony Blinken
		}
		n = d.lx.exact.step(n, t.id)
		if n == nil {
			break
		}
		if h, ok := d.pickHit(n.hits, i, j+1, last); ok {
			bestEnd, best, how = j+1, h, ReasonExactAlias
		}
	}
	// Skeletons match capitalised names only; a leading article joined to
	// one ("Al-Shadadi") is part of the mention.
	if !d.toks[i].cap && !(i+1 < last && d.toks[i+1].hyph && d.toks[i+1].cap && d.article(i)) {
		return bestEnd, best, how
	}
	sn := d.lx.skel
	for j := i; j < last; j++ {
		t := &d.toks[j]
		if t.kind != tWord || d.at[j] != nil || d.reserved[j] || j > i && t.nl > 0 {
			break
		}
		if a := d.lx.byWord[t.id].article; a&wordArticle != 0 || a&wordSunArticle != 0 && j+1 < last && d.toks[j+1].hyph {
			continue
		}
		// A base's head may be lower case ("the al Assad airbase").
		if !t.cap && !(j > i && d.lx.byWord[t.id].base) || j == i && j+1 < last && !d.toks[j+1].cap && d.lx.byWord[t.id].given && !d.articleBeforeName(j+1, last) {
			break
		}
		// The keys wordKeys gives the word, walked without making them: a
		// word of the vocab has its step made (skelStep); another's
		// skeleton goes to a stack buffer and the map lookup does not copy
		// it.
		beforeName := j+1 < last && d.toks[j+1].kind == tWord && d.toks[j+1].cap
		if t.id != 0 {
			st := &d.lx.byWord[t.id].skel[0]
			if beforeName {
				st = &d.lx.byWord[t.id].skel[1]
			}
			switch {
			case sn == d.lx.skel && !st.abd && st.rest:
				sn = st.root
			case st.abd:
				sn = sn.next[abdSkel]
				fallthrough
			default:
				if sn != nil && st.rest {
					sn = sn.next[st.key]
				}
			}
		} else {
			abd, rest := skelParts(t.norm, beforeName)
			if abd {
				sn = sn.next[abdSkel]
			}
			if sn != nil && rest != "" {
				var buf [64]byte
				sn = sn.next[string(appendSkeleton(buf[:0], rest))]
			}
		}
		if sn == nil {
			break
		}
		if len(sn.hits) > 0 && j+1 > bestEnd && !d.partOfLongerName(i, j+1, last) && !d.nisba(i, j, sn.hits[0]) && d.spelledNear(i, j+1, sn.hits[0].alias) {
			bestEnd, best, how = j+1, sn.hits[0], ReasonKeyEqual
		}
	}
	return bestEnd, best, how
}

// spelledNear reports whether the words [i, end) a skeleton matched are
// spelt near enough the alias they matched. A name of several words is
// (its skeletons' agreement is evidence enough), and so is one word
// translit.SpeltNear the alias ("Qamishlo", "Koniko", "Sweida"); a word
// that shares only its consonants with the alias is not: "Mohammed" is
// not Mahmudiya, "Tens" not Tennessee, "Counter" not Quneitra.
func (d *doc) spelledNear(i, end int, alias string) bool {
	word := ""
	for k := i; k < end; k++ {
		if w := d.toks[k].norm; !articles[w] {
			if word != "" {
				return true
			}
			word = w
		}
	}
	other := ""
	for _, k := range exactKeys(alias) {
		if !articles[k] {
			if other != "" {
				return true
			}
			other = k
		}
	}
	return translit.SpeltNear(word, other)
}

// middleInitial reports a capital and its dot between two capitalised
// words of a name: the "J." of "Antony J. Blinken".
func (d *doc) middleInitial(j int) bool {
	t := &d.toks[j]
	return t.cap && t.end-t.start == 2 && d.text[t.end-1] == '.' && j+1 < len(d.toks) && d.toks[j+1].cap && d.toks[j+1].nl == 0
}

// nisba reports a place's skeleton matched by the end of a person's name
// at tokens [i, j]: "Abu Ali al-Basri" (of Basra) names a man, and its
// "al-Basri" is no mention of the city.
func (d *doc) nisba(i, j int, h aliasRef) bool {
	if t := h.entry.Type; t != schema.Place && t != schema.Country {
		return false
	}
	w := d.toks[j].norm
	p := i - 1
	if p >= 0 && articles[d.toks[p].norm] {
		p-- // "Ali al-Basri", the article matched or not
	}
	return (strings.HasSuffix(w, "i") || strings.HasSuffix(w, "y")) && p >= 0 && d.toks[p].kind == tWord && d.toks[p].cap && d.toks[p].nl == 0
}

// pickHit chooses among the entries an alias at [i, end) names: the
// first whose case rule the text meets, unless a place among them fits
// the words around it ("on the outskirts of Al-Mayadeen city" is the town,
// "Al-Mayadeen reported" the channel).
func (d *doc) pickHit(hits []aliasRef, i, end, last int) (aliasRef, bool) {
	var first aliasRef
	found := false
	for _, h := range hits {
		if !d.caseOK(i, end, h.rule) {
			continue
		}
		if !found {
			first, found = h, true
			continue
		}
		if t := h.entry.Type; (t == schema.Place || t == schema.MilitaryBase) && first.entry.Type != t && d.placeContext(i, end, last) {
			return h, true
		}
	}
	return first, found
}

// placeContext reports words around the name at [i, end) that make it a
// place: a preposition of place or "of" before it, a place's head after
// it ("Al-Mayadeen city", "Mayadin countryside").
func (d *doc) placeContext(i, end, last int) bool {
	if i >= 2 && d.toks[i-1].norm == "to" && (d.lx.accordingWords.hasID(d.toks[i-2].id) || d.lx.reportVerbs.hasID(d.toks[i-2].id)) {
		return false // "according to Al-Mayadeen", "confirmed to Al-Mayadeen": a source or the one told, not a place
	}
	if d.placeCue(i, 0) {
		return true
	}
	if end < last {
		return d.lx.headOf(&d.toks[end]) == schema.Place || d.lx.placesBefore.hasID(d.toks[end].id) || d.lx.placeWordsAfter.hasID(d.toks[end].id)
	}
	return false
}

// partOfLongerName reports a single word [i, end) that goes on, by a
// hyphen or another capitalised word, into a longer name: "Counter" in
// "Counter-Terrorism" or "Counter Terrorism Service" is not Quneitra,
// whatever its skeleton.
func (d *doc) partOfLongerName(i, end, last int) bool {
	if end != i+1 || end >= last {
		return false
	}
	t := &d.toks[end]
	return t.hyph || t.kind == tWord && t.cap && d.at[end] == nil
}

// articleBeforeName reports an article standing apart before a
// capitalised word, "al Sharaa" in "Ahmad al Sharaa".
func (d *doc) articleBeforeName(j, last int) bool {
	return d.article(j) && j+1 < last && d.toks[j+1].kind == tWord && d.toks[j+1].cap
}

// article reports an article of names at token i ("al", "the").
func (d *doc) article(i int) bool { return d.lx.byWord[d.toks[i].id].article&wordArticle != 0 }

// caseOK checks the case rule of an alias against tokens [i, end).
func (d *doc) caseOK(i, end int, rule caseRule) bool {
	switch rule {
	case caseUpper:
		for j := i; j < end; j++ {
			if t := &d.toks[j]; t.kind == tWord && !t.allCaps {
				return false
			}
		}
	case caseCap:
		for j := i; j < end; j++ {
			t := &d.toks[j]
			if t.kind != tWord || d.article(j) {
				continue
			}
			return t.cap || t.allCaps
		}
	}
	return true
}

// candidate is a name the lexicon does not know, found by a pattern.
type candidate struct {
	first, last int
	sent        int
	typ         string // "" for a bare short form ("Yasir") to resolve within the article
	after       *mention
	afterCand   *candidate // the new name before the brackets this one is in, when after is nil
	how         string
	home        *LexEntry // "the Foreign Ministry": the body of the article's country
}

// isHeadline reports a title-case line ("Would American Occupiers Withdraw
// From Iraq?!"), where capitals say nothing about names.
func (d *doc) isHeadline(s *sentence) bool {
	words, caps := 0, 0
	for i := s.first; i < s.last; i++ {
		t := &d.toks[i]
		if t.kind != tWord {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

// bylineLine reports a short line of names only ("Dan Sabbagh and Julian
// Borger", "By Jim Garamone"): a byline, whose capitals are names, not a
// headline's.
func (d *doc) bylineLine(s *sentence) bool {
	words := 0
	for i := s.first; i < s.last; i++ {
		t := &d.toks[i]
		if t.kind != tWord {
			continue
		}
		words++
		if !t.cap && t.norm != "and" && t.norm != "by" {
			return false
		}
	}
	return words <= 8 && d.toks[s.last-1].norm != "."
}

// nameRuns finds runs of capitalised words outside lexicon mentions and
// keeps those whose shape or context types them.
func (d *doc) nameRuns(s *sentence) []*candidate {
	out := d.facilities(s)
	sites := len(out)
	headline := d.isHeadline(s)
	for i, f := s.first, 0; i < s.last; {
		if f < sites && i >= out[f].first {
			i, f = max(i, out[f].last), f+1 // a facility's name words are its own
			continue
		}
		if !d.nameWord(i) && !d.groupAdjective(i, s.last) || d.lx.startStop.hasID(d.toks[i].id) && !d.headAhead(i+1, s.last) {
			i++
			continue
		}
		j := i + 1
		for j < s.last {
			if (d.nameWord(j) || d.numberSuffix(j) || d.openedPlaceWord(j)) && d.toks[j].nl == 0 {
				j++
				continue
			}
			// Connectors ("of", "of the", "al-") continue a name only
			// between name words.
			k := j
			for k < s.last && k-j < 2 && d.at[k] == nil && d.toks[k].kind == tWord && d.lx.nameConnectors.hasID(d.toks[k].id) {
				k++
			}
			if k > j && k < s.last && d.nameWord(k) && d.toks[k].nl == 0 {
				j = k + 1
				continue
			}
			if m := d.nameInGroupName(i, j, s); m != nil {
				d.dropMention(m)
				if m.ent.typ == schema.Person || m.how == ReasonKeyEqual {
					d.dropUnmentioned(m.ent) // a place only spelt like one ("Ashab al-Raya al-Sawda") is not named
				}
				j = m.last
				continue
			}
			break
		}
		j = d.ofPlace(i, j, s)
		i = d.placeBefore(i, j, s)
		var prev *candidate
		if n := len(out); n > sites {
			prev = out[n-1]
		}
		if c := d.classifyRun(s, i, j, headline, prev); c != nil {
			if typ, n := d.facilityHead(c.last, s.last); n > 0 && c.after == nil && c.home == nil && !d.toks[c.first].hyph {
				c.last, c.typ = c.last+n, typ // "the Jarrah airbase", "the Germke road"
			}
			out = append(out, c)
		}
		i = j
	}
	return out
}

// nameInGroupName returns the lexicon's person, place or country named at
// token j (after up to two connectors) inside the name of an armed group
// that the run [i, j) opens: a group's leading head before it ("Saraya
// Thar al-Muhandis", "Liwa Thar Soleimani": a group named for a man
// avenged, not the man), or a group's head after it ("the Martyr
// Soleimani Brigades", "the Ahrar al-Iraq Brigades"). The run takes over
// its mention; a place or country inside still counts as mentioned
// (innerNames). Nil when no such name goes on the run.
func (d *doc) nameInGroupName(i, j int, s *sentence) *mention {
	k := j
	for k < s.last && k-j < 2 && d.at[k] == nil && d.toks[k].kind == tWord && d.lx.nameConnectors.hasID(d.toks[k].id) {
		k++
	}
	if k >= s.last || d.toks[k].nl > 0 {
		return nil
	}
	m := d.at[k]
	if m == nil || m.first != k || m.last > s.last {
		return nil
	}
	if t := m.ent.typ; t != schema.Person && t != schema.Place && t != schema.Country {
		return nil
	}
	if d.lx.leadHeadOf(&d.toks[i]) == schema.ArmedGroup {
		return m
	}
	for e := m.last; e < s.last && e < m.last+3 && d.nameWord(e) && d.toks[e].nl == 0; e++ {
		if d.lx.headOf(&d.toks[e]) == schema.ArmedGroup {
			return m
		}
	}
	return nil
}

// dropUnmentioned drops entity e when no mention of it is left: a man
// named only inside a group's name is not mentioned (innerNames).
func (d *doc) dropUnmentioned(e *entity) {
	for _, m := range d.ments {
		if m.ent == e {
			return
		}
	}
	if k := slices.Index(d.ents, e); k >= 0 {
		d.ents = slices.Delete(d.ents, k, k+1)
	}
	if d.byID[e.id] == e {
		delete(d.byID, e.id)
	}
}

// groupAdjective reports a descriptor at token i that opens a group's
// name: capitalised, of words.yaml group_adjectives, before up to three
// name words that end in a group's head ("the Northern Liberation
// Front"; not "Northern Iraq").
func (d *doc) groupAdjective(i, last int) bool {
	t := &d.toks[i]
	if t.kind != tWord || !t.cap || d.at[i] != nil || d.reserved[i] || !d.lx.groupAdjectives.hasID(t.id) {
		return false
	}
	for k := i + 1; k < last && k <= i+3 && d.nameWord(k) && d.toks[k].nl == 0; k++ {
		if d.lx.headOf(&d.toks[k]) == schema.ArmedGroup {
			return true
		}
	}
	return false
}

// facilities turns a place the lexicon found, with the names a hyphen
// joins to it ("the Erbil-Pirmam road"), into the site a facility head
// after it names: "the Arbat airport", "the Hasakah detention center". The
// place keeps its surface (innerNames), so it still counts as mentioned.
func (d *doc) facilities(s *sentence) []*candidate {
	var out []*candidate
	for i := s.first; i < s.last; i++ {
		m := d.at[i]
		if m == nil || m.first != i || m.ent.typ != schema.Place {
			continue
		}
		if d.endsInFacility(m) {
			continue // "the Baghdad airport road": the airport's
		}
		end := m.last
		for end < s.last && d.toks[end].hyph && (d.at[end] != nil || d.nameWord(end)) {
			if n := d.at[end]; n != nil {
				end = n.last
			} else {
				end++
			}
		}
		typ, n := d.facilityHead(end, s.last)
		if n == 0 {
			i = end - 1
			continue
		}
		for t := i; t < end; t++ {
			if x := d.at[t]; x != nil {
				d.dropMention(x)
			}
		}
		out = append(out, &candidate{first: i, last: end + n, sent: s.idx, typ: typ, how: ReasonPattern})
		i = end + n - 1
	}
	return out
}

// endsInFacility reports a mention whose last words are a facility head:
// "Baghdad airport" is a site already.
func (d *doc) endsInFacility(m *mention) bool {
	for _, h := range d.lx.facilityHeads {
		if h.words.at(d.toks, m.last-len(h.words), m.last) {
			return true
		}
	}
	return false
}

// facilityHead returns the type a facility head at token j gives and its
// length in tokens, or 0 (words.yaml, facility_heads).
func (d *doc) facilityHead(j, last int) (string, int) {
	if j >= last || d.at[j] != nil || d.toks[j].nl > 0 || !d.lx.byWord[d.toks[j].id].facility {
		return "", 0 // most tokens start no facility head
	}
	for _, h := range d.lx.facilityHeads {
		if h.words.at(d.toks, j, last) {
			return h.typ, len(h.words)
		}
	}
	return "", 0
}

// openedPlaceWord reports a capitalised descriptor at token j that a
// place opener before it makes part of a toponym: "Bir Arab", "Tal
// Kurdi", where "Arab" alone names nothing (cap_stop).
func (d *doc) openedPlaceWord(j int) bool {
	t := &d.toks[j]
	return j > 0 && t.kind == tWord && t.cap && d.at[j] == nil && d.lx.placeOpeners.hasID(d.toks[j-1].id) && d.lx.capStop.hasID(t.id)
}

// numberSuffix reports a number joined by a hyphen to the name word
// before it: "Operation Claw-2", "Tower-22".
func (d *doc) numberSuffix(i int) bool {
	t := &d.toks[i]
	return t.kind == tNum && t.hyph && d.at[i] == nil && i > 0 && d.toks[i-1].kind == tWord
}

// headAhead reports a head word ("Council", "Cell") among the next few
// capitalised words from token i: "Security" starts no name ("Security
// forces said"), but "the Security Council of Kurdistan" is one.
func (d *doc) headAhead(i, last int) bool {
	for j := i; j < last && j < i+3 && d.nameWord(j); j++ {
		if w := d.toks[j].id; d.lx.headOf(&d.toks[j]) != "" && !d.lx.startStop.hasID(w) {
			return true
		}
	}
	return false
}

// ofPlace extends the run [i, j) of generic words and a head, or of a
// state body, over "of" and the place or country named after it, whose
// mention it takes over: "the Security Council of Kurdistan" and "the
// National Security Council of Iraq" are names, where "the Security
// Council" alone describes; "the Interior Ministry of Syria" is Syria's,
// not the article's country's. It returns the run's new end.
func (d *doc) ofPlace(i, j int, s *sentence) int {
	head := d.lx.headOf(&d.toks[j-1])
	if j-i < 2 || j+1 >= s.last || d.toks[j].norm != "of" || head == "" || !d.generic(i, j-1) && head != schema.GovernmentBody {
		return j
	}
	m := d.at[j+1]
	if m == nil || m.first != j+1 || m.last > s.last || m.ent.typ != schema.Place && m.ent.typ != schema.Country {
		return j
	}
	d.dropMention(m)
	return m.last
}

// placeBefore extends the run [i, j) of generic words and a group's or
// body's head back over the place named right before it, whose mention it
// takes over: "the Manbij Military Council", "the Anbar Operations
// Command" are names, where "Military Council" alone describes. It
// returns the run's new start.
func (d *doc) placeBefore(i, j int, s *sentence) int {
	if i == 0 || j-i < 2 || !d.generic(i, j-1) {
		return i
	}
	if head := d.lx.headOf(&d.toks[j-1]); head != schema.GovernmentBody && head != schema.ArmedGroup {
		return i
	}
	m := d.at[i-1]
	if m == nil || m.last != i || m.first < s.first || m.ent.typ != schema.Place || d.toks[i].nl > 0 {
		return i
	}
	d.dropMention(m)
	if d.toks[m.first].norm == "the" {
		return m.first + 1 // a capitalised "The" the place's match took in
	}
	return m.first
}

// nameWord reports a capitalised word outside mentions that may be part of
// a name.
func (d *doc) nameWord(i int) bool {
	t := &d.toks[i]
	if t.kind != tWord || d.at[i] != nil || d.reserved[i] {
		return false
	}
	if !(t.cap || t.allCaps) {
		// "al-Saadi": a lower-case article joined to a name.
		return i+1 < len(d.toks) && d.toks[i+1].hyph && d.toks[i+1].cap && d.at[i+1] == nil && d.article(i) && t.norm != "the"
	}
	return !d.lx.capStop.hasID(t.id)
}

// classifyRun types the run [i, j), or returns nil when nothing marks it as
// a name of a known kind.
func (d *doc) classifyRun(s *sentence, i, j int, headline bool, prev *candidate) *candidate {
	// Titles and demonyms at the start describe the name ("Iraqi
	// commander", "Military Spokesperson"), they are not part of it.
	typ := d.headType(i, j)
	start := i
	if n := d.branchAt(i, j); n > 0 && i+n < j && d.titleEnd(i+n, j) == j {
		return nil // "Air Force Major General" before a name the lexicon knows: no name
	}
	if typ == "" || typ == schema.Person {
		start = d.pastInnerTitles(i, j)
		if start > i {
			typ = schema.Person
		}
	}
	if typ == "" || typ == schema.Person {
		if k := d.titleEnd(start, j); k > start {
			start = k
			typ = schema.Person
		}
		for start < j && d.lx.demonym[d.toks[start].norm] != nil {
			start++
		}
		if k := d.titleEnd(start, j); k > start {
			start = k
			typ = schema.Person
		}
		// "Press Secretary Air Force Maj. Gen. Pat Ryder": a service
		// branch between two titles belongs to the titles.
		if typ == schema.Person && start+1 < j {
			if n := d.branchAt(start, j); n > 0 {
				if k := d.titleEnd(start+n, j); k > start+n {
					start = k
				}
			}
		}
	}
	// "Corresponding Member of the Russian Academy …": a role of the
	// organisation named after "of", not part of its name.
	for k := start; k+1 < j; k++ {
		if d.toks[k].norm != "of" {
			continue
		}
		for t := start; t < k; t++ {
			// "Directorate-General of …": half a compound is no title.
			if !d.toks[t].hyph && d.titleEnd(t, k) == k {
				start = k + 1
				if start < j && d.toks[start].norm == "the" {
					start++
				}
				typ = d.headType(start, j)
				break
			}
		}
		break
	}
	if start >= j {
		return nil
	}
	// "Press Secretary Air Force Maj. Gen. X": a service branch between
	// titles names no one.
	if b, _ := d.branchBefore(j); b == start {
		return nil
	}
	// A title just before the run ("spokesman X", "said representative X").
	if typ == "" && d.titleBefore(start) {
		typ = schema.Person
	}
	n := j - start
	if n == 1 && start == s.first && d.lx.triggerWord(d.toks[start].id) && !d.toks[start].allCaps {
		// "Killing of militia commander Muhandis …": a word the lexicon
		// knows in lower case, capitalised only because it opens the
		// sentence.
		return nil
	}
	// Arabic and Kurdish names run to five or six words after a given
	// name ("Karrar Abdul Aziz al-Shabaqi"); without one, four.
	if typ == "" && n >= 2 && (n <= 4 || n <= 6 && d.lx.given[d.toks[start].norm]) && d.personShape(start, j) {
		typ = schema.Person
	}
	if typ == "" {
		typ = d.contextType(start, j)
	}
	if typ == "" && n >= 2 && d.lx.placeOpeners.hasID(d.toks[start].id) {
		typ = schema.Place // "Mount Qasioun", "Tal Abyad"; not "the Tal Zaytun air base"
	}
	if typ == "" && n >= 2 && n <= 4 && (d.personCueBefore(start) || d.personCueAfter(start, j) || d.personList(s, start, j)) {
		typ = schema.Person
	}
	if typ == "" && n <= 4 && start == i && !headline && d.placeList(s, start, j) {
		// "between Sinjar and Qorzenar", "al-Hol and al-Zeynab"; not a
		// demonym's noun ("American Presence, Gaza ...").
		typ = schema.Place
	}
	credit := (typ == "" || typ == schema.Person) && n >= 2 && n <= 4 && d.photoCredit(start, j)
	if credit {
		typ = schema.Person // "Jalaa Marey/AFP", "Staff Sgt. Corey Hook/US Air Force"
	}
	c := &candidate{first: start, last: j, sent: s.idx, typ: typ, how: ReasonPattern}
	if d.datelineOutlet(start, j) {
		c.typ = schema.MediaOutlet
		return c
	}
	if o := d.bracketOpen(start, j); o > 0 {
		if d.at[o-1] != nil {
			c.after = d.at[o-1]
		} else if prev != nil && prev.last == o && prev.sent == s.idx && prev.after == nil && prev.home == nil && pairedName(prev.typ, typ) {
			c.afterCand = prev // "Saraya X [Men of Y Brigades]": a new name and its translation
		}
	}
	if n == 1 {
		// A lone word is a short form for a name seen elsewhere in the
		// article, unless a lower-case head types it ("the Mashtal
		// neighborhood"); typed lone words ("Ministry") are common nouns.
		// "Parliament's decision": the article's country's parliament.
		if c.home = d.homeBody(start, j); c.home != nil {
			c.typ = schema.GovernmentBody
			return c
		}
		if d.headType(start, j) != "" || d.lx.demonym[d.toks[start].norm] != nil {
			return nil
		}
		if c.typ = d.contextType(start, j); c.typ == "" && typ == schema.Place {
			c.typ = typ // a lone word listed with a place the lexicon knows
		}
		return c
	}
	if headline && c.after == nil && c.afterCand == nil && !credit && !(typ == schema.Person && d.lx.given[d.toks[start].norm] && d.bylineLine(s)) {
		return nil // a headline's capitals make no names; a byline's and a photo credit's do
	}
	if typ == "" && c.after == nil && c.afterCand == nil {
		if c.home = d.homeBody(start, j); c.home != nil {
			c.typ = schema.GovernmentBody
			return c
		}
		return nil
	}
	return c
}

// bracketOpen returns the token that opens the parentheses or square
// brackets the run [start, j) stands alone in, "the" allowed before it,
// or -1: "Kata'ib Hezbollah (Hezbollah Brigades)", "Liwa X [Y Brigade]",
// "Harakat X (the Y Movement)" give a name and its translation or another
// spelling.
func (d *doc) bracketOpen(start, j int) int {
	o := start - 1
	if o > 0 && d.toks[o].norm == "the" {
		o--
	}
	if o < 1 || j >= len(d.toks) {
		return -1
	}
	if a, b := d.toks[o].norm, d.toks[j].norm; a == "(" && b == ")" || a == "[" && b == "]" {
		return o
	}
	return -1
}

// pairedName reports a new name of type typ in brackets after a new name
// of type before that may be its translation: the same type, or none
// (a translation need not end in a head word). A person's bracketed name
// is a nom de guerre or a real name, which knownAs reads.
func pairedName(before, typ string) bool {
	if before == "" || before == schema.Person || typ == schema.Person {
		return false
	}
	return typ == "" || typ == before
}

// homeBodyRefs returns each state's body that the words [i, j) name
// without their state ("foreign ministry").
func (d *doc) homeBodyRefs(i, j int) []homeBodyRef {
	return d.lx.homeBodies[strings.Join(exactKeys(d.span(i, j)), " ")]
}

// homeBody returns the lexicon's body that a state institution named
// without its state ("the Foreign Ministry", "the Defense Ministry")
// is: the one the article named in full before ("The Iranian Foreign
// Ministry condemned the strikes on Syria. … Foreign Ministry spokesman
// X"), else the one of the article's country: of the countries the
// article names, the most named one that has such a body. Nil if the run
// names no state institution or no country has it.
func (d *doc) homeBody(i, j int) *LexEntry {
	if d.toks[i].norm == "the" {
		i++
	}
	if j-i < 1 || d.lx.headOf(&d.toks[j-1]) != schema.GovernmentBody && d.lx.leadHeadOf(&d.toks[i]) != schema.GovernmentBody {
		return nil
	}
	refs := d.homeBodyRefs(i, j)
	if len(refs) == 0 {
		return nil
	}
	for _, m := range d.ments {
		for _, r := range refs {
			if m.ent.lex == r.body {
				return r.body
			}
		}
	}
	for _, c := range d.countriesByMentions() {
		for _, r := range refs {
			if r.state == c {
				return r.body
			}
		}
	}
	return nil
}

// countriesByMentions are the countries the article has named so far,
// the most named first; a mention of a state's forces, capital or head
// counts for the state ("Turkish forces struck northern Iraq, the Defense
// Ministry said" is about Turkey as much as Iraq).
func (d *doc) countriesByMentions() []*LexEntry {
	n := map[*LexEntry]int{}
	var out []*LexEntry
	for _, m := range d.ments {
		if m.ent.lex == nil {
			continue
		}
		if le := d.lx.stateOf(m.ent.lex); le != nil {
			if n[le] == 0 {
				out = append(out, le)
			}
			n[le]++
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return n[out[a]] > n[out[b]] })
	return out
}

// outletCue reports an unknown name at [i, j) that its context makes a
// news outlet: with a media word after it, the subject of an outlet verb
// after a comma ("..., the T24 news website reported"), or the source of
// "according to a report by X" or "according to reports from X".
func (d *doc) outletCue(i, j int) bool {
	lx := d.lx
	k := j
	for k < len(d.toks) && k < j+2 && !d.toks[k].cap && (lx.outletModifiers.hasID(d.toks[k].id) || lx.mediaWords.hasID(d.toks[k].id)) {
		k++
	}
	if k > j && k < len(d.toks) && lx.mediaWords.hasID(d.toks[k-1].id) && lx.outletVerbs.hasID(d.toks[k].id) {
		p := i - 1
		if p >= 0 && d.toks[p].norm == "the" {
			p--
		}
		if p >= 0 && d.toks[p].norm == "," {
			return true
		}
	}
	p := i - 1
	if p < 3 || d.toks[p].norm != "by" && d.toks[p].norm != "from" || !lx.outletReportNouns.hasID(d.toks[p-1].id) {
		return false
	}
	q := p - 2
	if d.toks[q].norm == "a" || d.toks[q].norm == "the" {
		q--
	}
	return q >= 1 && d.toks[q].norm == "to" && lx.accordingWords.hasID(d.toks[q-1].id)
}

// contextType types an unknown name from the words around it: a
// lower-case head after it, or "the town of" before it.
func (d *doc) contextType(i, j int) string {
	if d.outletCue(i, j) {
		return schema.MediaOutlet
	}
	if j < len(d.toks) && !d.toks[j].cap && d.toks[j].nl == 0 {
		if t := d.lx.headsAfter[d.toks[j].norm]; t != "" && !d.namedAfter(j) {
			return t
		}
		// One lower-case word may qualify the head: "the Victory military
		// base", "the Harir air base", "the Mashtal residential district".
		if n := j + 1; n < len(d.toks) && d.toks[j].kind == tWord && !d.toks[n].cap && d.toks[n].nl == 0 {
			if t := d.lx.headsAfter[d.toks[n].norm]; t != "" && !d.namedAfter(n) {
				return t
			}
		}
	}
	if i >= 2 && d.toks[i-1].norm == "of" && d.lx.placesBefore.hasID(d.toks[i-2].id) && !d.toks[i-2].cap {
		return schema.Place
	}
	if i >= 1 && d.pluralPlaceWord(i-1) {
		return schema.Place // "the villages al-Hamdiyat, al-Horiya and Shamsin"
	}
	if d.placeListBefore(i) {
		return schema.Place // "the towns of Dhiban and Al-Tayana"
	}
	// "the Niroy and Kani areas": the first of two names a plural head
	// types.
	if n := j + 1; j < len(d.toks) && d.toks[j].norm == "and" && n < len(d.toks) && d.toks[n].cap {
		e := n + 1
		for e < len(d.toks) && e < n+3 && d.toks[e].cap && d.toks[e].kind == tWord {
			e++
		}
		if e < len(d.toks) && !d.toks[e].cap && d.toks[e].nl == 0 && strings.HasSuffix(d.toks[e].norm, "s") {
			if t := d.lx.headsAfter[d.toks[e].norm]; t != "" {
				return t
			}
		}
	}
	// "al-Hamdaniya, east of Mosul", "Sinune, 20 km north of Sinjar".
	k := j + 1
	for k < len(d.toks) && k < j+4 && (d.toks[k].kind == tNum || d.lx.distanceUnits.hasID(d.toks[k].id)) {
		k++
	}
	if j < len(d.toks) && d.toks[j].norm == "," && k+1 < len(d.toks) && d.lx.directions.hasID(d.toks[k].id) && d.toks[k+1].norm == "of" {
		return schema.Place
	}
	return ""
}

// namedAfter reports a settlement's head word at token h followed by "of"
// and a name: "the Yazidi town of Sinjar", "the Druze village of Majdal
// Shams" name the place after "of", and the word before the head only
// describes it (words.yaml, settlement_heads).
func (d *doc) namedAfter(h int) bool {
	return d.lx.settlementHeads.hasID(d.toks[h].id) && h+2 < len(d.toks) && d.toks[h+1].norm == "of" && d.toks[h+1].nl == 0 && (d.toks[h+2].cap || d.at[h+2] != nil)
}

// placeListBefore reports a name at token i that goes on a list of places
// opened by a place word and "of", or a plural one alone: "the towns of
// Dhiban and Al-Tayana", "the villages of X, Y and Z", "villages X and Y".
func (d *doc) placeListBefore(i int) bool {
	if i < 2 || d.toks[i-1].norm != "and" && d.toks[i-1].norm != "," {
		return false
	}
	k := i - 2
	if d.toks[k].norm == "," {
		k-- // "X, and Y"
	}
	for n := 0; k > 0 && n < 8 && (d.toks[k].cap || d.toks[k].hyph || d.toks[k].norm == "," || d.toks[k].norm == "and" || d.lx.nameConnectors.hasID(d.toks[k].id)); n++ {
		k--
	}
	return k >= 1 && d.toks[k].norm == "of" && d.lx.placesBefore.hasID(d.toks[k-1].id) && !d.toks[k-1].cap || d.pluralPlaceWord(k)
}

// pluralPlaceWord reports a lower-case plural place word at token k
// ("villages", "towns"), which may open a list of names without "of".
func (d *doc) pluralPlaceWord(k int) bool {
	t := &d.toks[k]
	return d.lx.placesBefore.hasID(t.id) && !t.cap && strings.HasSuffix(t.norm, "s")
}

// headType types a run by its head word: the last word ("… Brigades",
// "… Base") or a leading head followed by "of" ("Ministry of …").
func (d *doc) headType(i, j int) string {
	last := &d.toks[j-1]
	typ := d.lx.headOf(last)
	for _, h := range d.lx.headPhrases {
		if j-i >= len(h.words) && h.words.at(d.toks, j-len(h.words), j) {
			typ = h.typ
			break
		}
	}
	if typ != "" && d.generic(i, j-1) {
		// "Military Airport", "Central Command": generic words and a head
		// make a description, not a name.
		return ""
	}
	if typ == "GovernmentBody" && d.lx.forceHeads.has(last.norm) {
		typ = "ArmedGroup"
		for k := i; k < j; k++ {
			if w := d.toks[k].norm; d.lx.demonym[w] != nil || d.lx.stateForceWords.has(w) {
				typ = "GovernmentBody"
			}
		}
	}
	if typ != "" {
		return typ
	}
	for k := i; k+2 < j; k++ {
		if d.toks[k+1].norm != "of" {
			continue
		}
		// "Directorate-General of …": any part of a hyphenated head.
		for h := k; h >= i; h-- {
			if t := d.lx.leadHeadOf(&d.toks[h]); t != "" {
				return t
			}
			if !d.toks[h].hyph {
				break
			}
		}
	}
	if j-i >= 2 {
		if t := d.lx.leadHeadOf(&d.toks[i]); t == "ArmedGroup" || t == "MilitaryBase" || t == schema.EventEntity {
			return t
		}
	}
	return ""
}

// branchAt returns how many tokens a service branch's name takes from
// token i on, before j ("Air Force", "Marine Corps"), or 0.
func (d *doc) branchAt(i, j int) int {
	for _, b := range d.lx.serviceBranches {
		if b.words.at(d.toks, i, j) {
			return len(b.words)
		}
	}
	return 0
}

// pastInnerTitles returns where the name after the titles inside the run
// [i, j) starts, or i: "Defense Ministry Spokesperson Rear Admiral Zeki
// Akturk", "Air Force Major General Patrick Ryder" name Zeki Akturk and
// Patrick Ryder; the body or branch before the titles is a name of its
// own, which the lexicon finds or not. Two words at least must follow.
func (d *doc) pastInnerTitles(i, j int) int {
	for t := i + 1; t+2 <= j; t++ {
		end := t
		for {
			k := d.titleEnd(end, j)
			if k == end {
				break
			}
			end = k
		}
		if end > t && j-end >= 2 && d.toks[t].cap {
			return end
		}
	}
	return i
}

// generic reports whether tokens [i, j) are all generic words.
func (d *doc) generic(i, j int) bool {
	for k := i; k < j; k++ {
		if !d.lx.genericWords.hasID(d.toks[k].id) {
			return false
		}
	}
	return true
}

// titleEnd returns the end of the longest title starting at token i, or i.
func (d *doc) titleEnd(i, j int) int {
	n := &d.lx.titles.trie
	end := i
	for k := i; k < j; k++ {
		t := &d.toks[k]
		if t.norm == "." && !t.space {
			// The dot of "Lt. Gen." or "Dr.": part of the title.
			if end == k {
				end = k + 1
			}
			continue
		}
		if n = d.lx.titles.step(n, t.id); n == nil {
			break
		}
		if len(n.hits) > 0 {
			end = k + 1
		}
	}
	return end
}

// titleBefore reports whether a title ends just before token i ("spokesman
// Yahya Rasool", "Dr. Hussein Allavi").
func (d *doc) titleBefore(i int) bool {
	k := i - 1
	if k >= 0 && d.toks[k].norm == "." {
		k--
	}
	for back := 0; back < 4 && k-back >= 0; back++ {
		if e := d.titleEnd(k-back, k+1); e == k+1 {
			return true
		}
	}
	return false
}

// personCueBefore reports words before token i that only a person's name
// follows: an age ("23-year-old X"), a person "named" ("a woman named
// X"), a plural of people ("its commanders X, Y and Z"; words.yaml).
func (d *doc) personCueBefore(i int) bool {
	if i >= 3 && d.toks[i-1].norm == "old" && d.toks[i-1].hyph && d.toks[i-2].hyph && d.toks[i-3].kind == tNum {
		return d.toks[i-2].norm == "year" || d.toks[i-2].norm == "years"
	}
	if k := d.aliasPhraseBefore(i); k > 0 {
		// "X, known as Y", "X (also called Y)", "X, code-named Y":
		// another name of the person just named.
		if m := d.at[k-1]; m != nil {
			return m.ent.typ == schema.Person
		}
		j := k - 1
		for n := 0; n < 5 && j >= 1 && d.toks[j-1].cap && d.toks[j-1].kind == tWord && d.at[j-1] == nil; n++ {
			j--
		}
		return d.toks[k-1].cap && (d.lx.given[d.toks[j].norm] || d.lx.kunyas.hasID(d.toks[j].id))
	}
	if i >= 2 && d.lx.namingWords.hasID(d.toks[i-1].id) {
		return d.lx.namedPersonNouns.hasID(d.toks[i-2].id)
	}
	if i >= 1 && d.lx.casualtyVerbs.hasID(d.toks[i-1].id) && !d.toks[i-1].cap {
		return d.nameEndsAt(i) // "the strike killed X Y": what is killed or wounded is people
	}
	return i >= 1 && d.lx.personListHeads.hasID(d.toks[i-1].id)
}

// nameEndsAt reports a capitalised run from token i that ends at
// punctuation, a preposition of place or a conjunction, where a person's
// name ends, not at a noun it qualifies ("killed Mar Elia residents").
func (d *doc) nameEndsAt(i int) bool {
	j := i
	for j < len(d.toks) && d.toks[j].kind == tWord && (d.toks[j].cap || d.at[j] == nil && d.article(j)) {
		j++
	}
	if j >= len(d.toks) || d.toks[j].kind != tWord {
		return true
	}
	switch d.toks[j].norm {
	case "and", "or", "as", "on", "with", "while", "during", "after", "before", "when", "who":
		return true
	}
	return d.lx.placePrepositions.hasID(d.toks[j].id)
}

// personCueAfter reports words after the name [i, j) that only a
// person's name takes: an age between commas ("X Y, 24,"), or being
// killed or wounded ("X Y was killed", "X and Y were wounded"; words.yaml
// casualty_verbs). "Were" takes the last of a list only: a name alone
// before it is a people's ("hundreds of Yazidi Kurds were killed").
func (d *doc) personCueAfter(i, j int) bool {
	if j+2 < len(d.toks) && d.toks[j].norm == "," && d.toks[j+1].kind == tNum && len(d.toks[j+1].norm) <= 2 && (d.toks[j+2].norm == "," || d.toks[j+2].norm == ".") {
		return true
	}
	if j+1 >= len(d.toks) || !d.lx.casualtyVerbs.hasID(d.toks[j+1].id) {
		return false
	}
	switch d.toks[j].norm {
	case "was":
		return true
	case "were":
		return i > 0 && (d.toks[i-1].norm == "and" || d.toks[i-1].norm == ",")
	}
	return false
}

// aliasPhraseBefore returns the comma or bracket that opens an alias
// phrase ending right before token i (", also known as", "(also called",
// ", code-named"; words.yaml alias_words), or -1.
func (d *doc) aliasPhraseBefore(i int) int {
	k := i - 1
	switch {
	case k >= 1 && d.toks[k].norm == "as" && d.lx.knownWords.hasID(d.toks[k-1].id):
		k -= 2
	case k >= 1 && d.lx.aliasWords.hasID(d.toks[k].id):
		for k >= 1 && d.toks[k].hyph {
			k-- // "code-named"
		}
		k--
	default:
		return -1
	}
	if k >= 0 && d.toks[k].norm == "also" {
		k--
	}
	if k < 1 || d.toks[k].norm != "," && d.toks[k].norm != "(" {
		return -1
	}
	return k
}

// personList reports a name run at tokens i..j that is one item of a list
// of names ("A, B, C and D") another item of which is a person's: a person
// the lexicon knows, a known given name first, or a person cue before it.
// Lists of places are typed by their context before this is asked.
func (d *doc) personList(s *sentence, i, j int) bool {
	for p, e := range d.listBefore(s, i) {
		if d.known(p) {
			break
		}
		if d.personItem(p, e) {
			return true
		}
	}
	for q, e := range d.listAfter(s, j) {
		if d.known(q) {
			break
		}
		if d.personItem(q, e) {
			return true
		}
	}
	return d.personCueBefore(i)
}

// listBefore yields the items [p, e) of a list of names that end before
// token i, nearest first, up to six: each after a comma, "and" or both ("A,
// B and C"), a name the lexicon knows or a run of up to four capitalised
// words, with the capitalised words glued before it.
func (d *doc) listBefore(s *sentence, i int) iter.Seq2[int, int] {
	return func(yield func(p, e int) bool) {
		for k, n := i, 0; n < 6; n++ {
			sep := k - 1
			if sep >= s.first && d.toks[sep].norm == "and" {
				sep--
			}
			if sep >= s.first && d.toks[sep].norm == "," {
				sep--
			}
			if sep == k-1 || sep < s.first {
				return
			}
			p := sep + 1
			if m := d.at[sep]; m != nil {
				p = m.first // an item the lexicon knows is whole
			}
			for p > s.first && p > sep-4 && d.at[p-1] == nil && d.toks[p-1].kind == tWord && d.toks[p-1].cap {
				p--
			}
			if p > sep || !yield(p, sep+1) {
				return
			}
			k = p
		}
	}
}

// listAfter yields the items [q, e) of a list of names that start after
// token j, nearest first, up to six, as listBefore does the other way; an
// item that starts inside a name the lexicon knows is yielded empty.
func (d *doc) listAfter(s *sentence, j int) iter.Seq2[int, int] {
	return func(yield func(q, e int) bool) {
		for k, n := j, 0; n < 6 && k < s.last; n++ {
			q := k
			if d.toks[q].norm == "," {
				q++
			}
			if q < s.last && d.toks[q].norm == "and" {
				q++
			}
			if q == k || q >= s.last || !d.toks[q].cap || d.toks[q].kind != tWord {
				return
			}
			e := q
			if m := d.at[q]; m != nil && m.first == q {
				e = m.last
			}
			for e < s.last && e < q+4 && d.at[e] == nil && d.toks[e].kind == tWord && d.toks[e].cap {
				e++
			}
			if !yield(q, e) {
				return
			}
			k = e
		}
	}
}

// photoCredit reports a name run [i, j) glued by a slash to the agency or
// the unit a picture is credited to: "Jalaa Marey/AFP", "Staff Sgt. Corey
// Hook/US Air Force" name the photographer.
func (d *doc) photoCredit(i, j int) bool {
	if j+1 >= len(d.toks) || d.toks[j].norm != "/" || d.toks[j].start != d.toks[j-1].end || d.toks[j+1].start != d.toks[j].end {
		return false
	}
	if i > 0 && d.toks[i-1].norm == "/" {
		return false
	}
	for k := i; k < j; k++ {
		if t := &d.toks[k]; t.kind != tWord || !t.cap || t.allCaps {
			return false
		}
	}
	m := d.at[j+1]
	return m != nil && m.first == j+1 && (m.ent.typ == schema.MediaOutlet || m.ent.typ == schema.GovernmentBody)
}

// datelineOutlet reports a name in capitals, in brackets after a
// dateline (the place in capitals that opens a report, with or without its
// date): "SULAIMANI (ESTA) —", "BAGHDAD, Sept 18 (NNN-NINA) –", "DAMASCUS,
// (ST)-" name the agency that filed the report, not the place again.
func (d *doc) datelineOutlet(i, j int) bool {
	if i < 2 || j >= len(d.toks) || d.toks[i-1].norm != "(" || d.toks[j].norm != ")" {
		return false
	}
	for k := i; k < j; k++ {
		if t := &d.toks[k]; t.kind == tWord && !t.allCaps {
			return false
		}
	}
	k := i - 2
	for n := 0; k >= 0 && n < 5; n++ { // the date: ", Sept 18", ", Sep. 07"
		t := &d.toks[k]
		if t.norm != "," && t.norm != "." && t.kind != tNum && months[t.norm] == 0 {
			break
		}
		k--
	}
	m := d.at[max(k, 0)]
	if k < 0 || m == nil || m.last != k+1 || m.ent.typ != schema.Place {
		return false
	}
	for t := m.first; t < m.last; t++ {
		if d.toks[t].kind == tWord && !d.toks[t].allCaps {
			return false
		}
	}
	return true
}

// scanHomeForces adds the forces of a state that a government's noun
// names without the state ("clashes between government forces and the
// SDF"): the body homeBody finds for the words, as for "the Foreign
// Ministry", the one the lexicon names "Syrian government forces" in an
// article on Syria. A name or a demonym before them names them already.
func (d *doc) scanHomeForces(s *sentence) {
	for i := s.first; i+1 < s.last; i++ {
		t, n := &d.toks[i], &d.toks[i+1]
		if t.cap || n.cap || d.at[i] != nil || d.at[i+1] != nil || !d.lx.governmentNouns.hasID(t.id) || !d.lx.troopNouns.hasID(n.id) {
			continue
		}
		if p := i - 1; p >= s.first && (d.at[p] != nil || d.toks[p].cap && !d.article(p) || d.toks[p].hyph) {
			continue
		}
		if le := d.homeBody(i, i+2); le != nil {
			d.addMention(i, i+2, s.idx, d.lexEntity(le), ReasonHome)
		}
	}
}

// scanHomeBodies adds a state body named in lower case without its state
// ("the defense ministry said", "an interior ministry official"): the
// body homeBody finds for the words, as for "the Defense Ministry". The
// words are a lower-case head of home_body_heads and up to two lower-case
// words before it, the longest run the lexicon knows as a state's body; a
// name, a demonym or a possessive before them ("the Turkish defense
// ministry", "the Kurdistan region's interior ministry") leaves them
// alone. Followed by "of" and a country ("the government of Iraq", "the
// parliament of Iraq", "the defense ministry of Turkey"), a head of
// state_body_heads and the words before it name that country's body,
// which takes the country's words in as a capitalised name does ("the
// Interior Ministry of Syria").
func (d *doc) scanHomeBodies(s *sentence) {
	for j := s.first; j < s.last; j++ {
		t := &d.toks[j]
		if t.cap || t.allCaps || d.at[j] != nil || !d.lx.homeBodyHeads.hasID(t.id) && !d.lx.stateBodyHeads.hasID(t.id) {
			continue
		}
		state := d.ofState(j+1, s)
		if state == nil && (!d.lx.homeBodyHeads.hasID(t.id) || j+1 < s.last && d.toks[j+1].norm == "of") || state != nil && !d.lx.stateBodyHeads.hasID(t.id) {
			continue
		}
		var body *LexEntry
		first := j
		for k := j; k >= s.first && k >= j-2; k-- {
			if w := &d.toks[k]; w.kind != tWord || w.cap || w.allCaps || w.norm == "the" || d.at[k] != nil || k < j && w.hyph {
				break
			}
			if le := d.bodyOf(k, j+1, state); le != nil {
				body, first = le, k
			}
		}
		if body == nil || d.toks[first].hyph {
			continue
		}
		if p := first - 1; p >= s.first && (d.at[p] != nil || d.toks[p].cap && !d.article(p) && p > s.first || d.toks[p].allCaps || d.toks[p].hyph || d.toks[p].kind == tPoss || d.lx.demonym[d.toks[p].norm] != nil) {
			continue
		}
		last, how := j+1, ReasonHome
		if state != nil {
			m := d.at[d.ofStart(j+1)]
			if e := m.ent; !slices.Contains(e.surfaces, d.span(m.first, m.last)) {
				e.surfaces = append(e.surfaces, d.span(m.first, m.last)) // the country stays mentioned
			}
			d.dropMention(m)
			last, how = m.last, ReasonOfState
		}
		d.addMention(first, last, s.idx, d.lexEntity(body), how)
		j = last - 1
	}
}

// ofStart returns the token after "of" at i and the "the" after it.
func (d *doc) ofStart(i int) int {
	i++
	if i < len(d.toks) && d.toks[i].norm == "the" && d.at[i] == nil {
		i++
	}
	return i
}

// ofState returns the country named by "of [the] X" at token i ("the
// government of Iraq"), or nil.
func (d *doc) ofState(i int, s *sentence) *LexEntry {
	if i+1 >= s.last || d.toks[i].norm != "of" {
		return nil
	}
	k := d.ofStart(i)
	if k >= s.last {
		return nil
	}
	m := d.at[k]
	if m == nil || m.first != k || m.last > s.last || m.ent.lex == nil || m.ent.typ != schema.Country {
		return nil
	}
	return m.ent.lex
}

// bodyOf returns the body the words [i, j) name: state's, when the words
// are followed by "of" and state, else the article's country's (homeBody).
func (d *doc) bodyOf(i, j int, state *LexEntry) *LexEntry {
	if state == nil {
		return d.homeBody(i, j)
	}
	for _, r := range d.homeBodyRefs(i, j) {
		if r.state == state {
			return r.body
		}
	}
	return nil
}

// placeList reports a name run at tokens i..j that is one item of a list
// of names ("A, B and C", "between A and B") another item of which is a
// place the lexicon knows, not a country (a country is listed with its
// leaders and groups as often as with places): "the road between Sinjar
// and Qorzenar", "camps such as al-Hol and al-Zeynab". A list that holds
// a name the lexicon gives another type is no list of places; a run glued
// to the name before it, or ending in a place's head, goes on that name
// ("al-Hasakah Governorate and ...").
func (d *doc) placeList(s *sentence, i, j int) bool {
	if i > s.first && d.at[i-1] != nil || d.lx.headsAfter[d.toks[j-1].norm] != "" {
		return false
	}
	place := false
	item := func(m *mention) bool { // false: the list is not of places
		if m.ent.typ != schema.Place {
			return false
		}
		place = true
		return true
	}
	for _, e := range d.listBefore(s, i) {
		if m := d.at[e-1]; m != nil && !item(m) {
			return false
		}
	}
	for q := range d.listAfter(s, j) {
		if m := d.at[q]; m != nil && (m.first != q || !item(m)) {
			return false
		}
	}
	return place
}

// personItem reports a list item at tokens i..j that names a person.
func (d *doc) personItem(i, j int) bool {
	if m := d.at[i]; m != nil {
		return m.ent.typ == schema.Person
	}
	return j-i >= 2 && d.lx.given[d.toks[i].norm] || d.personCueBefore(i) || j-i >= 2 && d.personCueAfter(i, j)
}

// known reports a list item at token i that the lexicon names as no
// person: "Ain al-Asad Base and Military Airport" lists no people.
func (d *doc) known(i int) bool {
	m := d.at[i]
	return m != nil && (m.first != i || m.ent.typ != schema.Person)
}

// personShape reports a run that looks like a personal name: a known given
// name or kunya first, or an apposition or speech verb after it.
func (d *doc) personShape(i, j int) bool {
	first := d.toks[i].norm
	if d.lx.given[first] || d.lx.kunyas.has(first) {
		return true
	}
	k := j
	if k < len(d.toks) && d.toks[k].norm == "," {
		k++
		if k+1 < len(d.toks) && (d.toks[k].norm == "a" || d.toks[k].norm == "an" || d.toks[k].norm == "the") {
			if e := d.skipModifiers(k + 1); d.titleEnd(e, min(e+4, len(d.toks))) > e {
				return true
			}
		} else if e := d.skipModifiers(k); !d.toks[k].cap {
			// "Haval Abubaker, regional governor of Sulaimaniyah": a
			// title without an article, of a place or a body.
			if t := d.titleEnd(e, min(e+4, len(d.toks))); t > e && t < len(d.toks) && (d.toks[t].norm == "of" || d.toks[t].norm == "at" || d.toks[t].norm == "for") {
				return true
			}
		}
	}
	if k < len(d.toks) && d.toks[k].kind == tWord && !d.toks[k].cap && d.lx.adverbs.hasID(d.toks[k].id) {
		k++ // "Siyamand Ali further reported", "X also said"
	}
	if k < len(d.toks) && d.lx.speechVerbs.hasID(d.toks[k].id) {
		return true
	}
	return false
}

// skipModifiers skips adjectives and demonyms before a role noun
// ("a senior Iraqi military official").
func (d *doc) skipModifiers(k int) int {
	for n := 0; n < 3 && k < len(d.toks); n++ {
		w := d.toks[k].norm
		if d.lx.demonym[w] != nil || d.lx.roleModifiers.has(w) {
			k++
			continue
		}
		if d.at[k] != nil && d.titleEnd(d.at[k].last, min(d.at[k].last+3, len(d.toks))) > d.at[k].last {
			// "a Hezbollah commander": the group names whose title it is.
			k = d.at[k].last
			continue
		}
		break
	}
	return k
}

// quotedNames finds names in quotes that a group word introduces or a head
// word follows: an armed group named ‘Khyber Fatihi Brigade’, the «X»
// movement.
// sponsorPhrase reports tokens [a, b) that qualify a group by its
// sponsor, a country or demonym hyphen-joined to a link word: an
// "Iranian-backed" militia group is no group named "Iranian-backed".
func (d *doc) sponsorPhrase(a, b int) bool {
	c := d.lx.collectives
	return c != nil && b-a == 2 && d.toks[a+1].hyph && c.links[d.toks[a+1].norm] != "" &&
		(d.lx.demonym[d.toks[a].norm] != nil || d.lx.oneWordName(&d.toks[a]) != nil)
}

func (d *doc) quotedNames(s *sentence) []*candidate {
	var out []*candidate
	for i := s.first; i < s.last; i++ {
		if d.toks[i].kind != tQuote {
			continue
		}
		// The closing quote within eight tokens.
		j := i + 1
		for j < s.last && j-i <= 9 && d.toks[j].kind != tQuote {
			j++
		}
		if j >= s.last || d.toks[j].kind != tQuote || j-i < 2 {
			continue
		}
		a, b := i+1, j
		clause := false
		for k := a; k < b; k++ {
			if t := d.toks[k].kind; t != tWord && t != tNum && t != tPoss {
				clause = true // a clause in quotes, not a name
				break
			}
		}
		if end, _, _ := d.matchLexicon(a, b); clause || end == b || !d.toks[a].cap || d.lx.capStop.hasID(d.toks[a].id) || d.sponsorPhrase(a, b) {
			i = j
			continue
		}
		typ := ""
		for k := i - 1; k >= s.first && k >= i-4; k-- {
			w := d.toks[k].norm
			if d.lx.groupWords.has(w) {
				typ = "ArmedGroup"
			} else if d.lx.mediaWords.has(w) {
				typ = "MediaOutlet"
			}
		}
		if j+1 < s.last {
			w := d.toks[j+1].norm
			if d.lx.groupWords.has(w) {
				typ = "ArmedGroup"
			} else if d.lx.mediaWords.has(w) {
				typ = "MediaOutlet"
			}
		}
		if t := d.headType(a, b); t != "" && typ == "" {
			typ = t
		}
		if typ != "" {
			out = append(out, &candidate{first: a, last: b, sent: s.idx, typ: typ, how: ReasonQuoted})
			// Reserve the tokens so that the run pass does not take them again.
			for k := a; k < b; k++ {
				d.reserved[k] = true
			}
		}
		i = j
	}
	return out
}
