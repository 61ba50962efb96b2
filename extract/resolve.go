package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Resolution decides which surface forms name one entity. Every decision
// is recorded as a Merge with its reason, so that a user can ask why two
// spellings became one node (Explain).
//
// Names are compared token by token on transliteration skeletons, and the
// surname (last significant token) must agree: a whole-string similarity
// would merge Hussein Allawi with Hussein al-Musawi.

// Reasons for resolving a surface form to an entity.
const (
	ReasonExactAlias = "exact alias"                    // the lexicon lists this spelling
	ReasonKeyEqual   = "normalised key equal"           // same transliteration skeleton as a known name
	ReasonTokenWise  = "token-wise match with surname"  // a subset of a fuller name's tokens, surname included
	ReasonAcronym    = "acronym definition"             // defined in the text: "Popular Mobilization Units (PMU)"
	ReasonShortForm  = "short form within article"      // "Atwan" after "Abdul Bari Atwan"
	ReasonKnownAs    = "known as"                       // "X, known as Abu Y"
	ReasonDescribed  = "unnamed, by its description"    // "an agreement to end the coalition's mission"
	ReasonParen      = "parenthetical alias"            // "Kata’ib Hezbollah (Iraqi Hezbollah Brigades)"
	ReasonPattern    = "new name from a pattern"        // a title, head word or apposition marks it
	ReasonQuoted     = "new name in quotes"             // "an armed group named ‘X’"
	ReasonHome       = "the article's country's body"   // "the Foreign Ministry" in an article about Iraq
	ReasonOfState    = "the body of the state after of" // "the government of Iraq"
	ReasonBorder     = "border named by one side"       // "near the Iraqi border" in an article about Syria
	ReasonBorderBoth = "border named by its two states" // "the Iraqi-Jordan border": a name and a demonym
)

// Merge records why one surface form belongs to an entity.
type Merge struct {
	Surface string `json:"surface"`
	Reason  string `json:"reason"`
	With    string `json:"with,omitempty"` // the name it was matched against
}

// typesCompatible reports whether a pattern's type guess agrees with an
// entity's type: an untyped short form agrees with anything.
func typesCompatible(guess, typ string) bool {
	return guess == "" || guess == typ
}

// resolveCandidates turns pattern candidates into mentions: full names
// first (matched against the lexicon's skeletons and the article's
// entities), then lone words as short forms of names already seen.
func (d *doc) resolveCandidates(cands []*candidate) {
	for _, c := range cands {
		if c.home != nil {
			d.addMention(c.first, c.last, c.sent, d.lexEntity(c.home), ReasonHome)
			continue
		}
		if c.after == nil && c.afterCand != nil {
			if m := d.at[c.afterCand.first]; m != nil && m.first == c.afterCand.first {
				c.after = m
				if m.ent.unknown && m.ent.named == "" {
					m.ent.named = d.span(m.first, m.last) // named as the text names it, not by its translation
				}
			}
		}
		if c.typ == "" && c.after == nil {
			continue
		}
		surface := d.span(c.first, c.last)
		keys := d.keys.keys(surface)
		if len(keys) == 0 {
			continue
		}
		if c.after != nil {
			d.addMention(c.first, c.last, c.sent, c.after.ent, ReasonParen)
			continue
		}
		if e, how, with := d.matchEntity(keys, c.typ); e != nil {
			m := d.addMention(c.first, c.last, c.sent, e, how)
			d.noteWith(m, with)
			if e.unknown && len(keys) > len(e.keys) {
				e.keys = keys
				d.indexSurname(e, keys)
			}
			continue
		}
		if c.typ == schema.GovernmentBody {
			if le := d.homeBody(c.first, c.last); le != nil {
				d.addMention(c.first, c.last, c.sent, d.lexEntity(le), ReasonHome)
				continue
			}
		}
		e := newEntity(entity{typ: c.typ, keys: keys, unknown: true})
		d.ents = append(d.ents, e)
		d.indexSurname(e, keys)
		d.addMention(c.first, c.last, c.sent, e, c.how)
	}
	for _, c := range cands {
		if c.typ != "" || c.after != nil || c.afterCand != nil || d.at[c.first] != nil {
			continue
		}
		keys := d.keys.keys(d.span(c.first, c.last))
		// A lone word resolves only against a name of the article; a very
		// short skeleton ("Saadi": sd) still needs a word of four letters.
		if len(keys) != 1 || len(keys[0]) < 2 || len(keys[0]) == 2 && d.toks[c.last-1].end-d.toks[c.last-1].start < 4 {
			continue
		}
		if e := d.shortForm(keys[0]); e != nil && (len(keys[0]) > 2 || endsWithWord(e, d.toks[c.last-1].norm)) {
			m := d.addMention(c.first, c.last, c.sent, e, ReasonShortForm)
			d.noteWith(m, e.name)
		}
	}
}

func (d *doc) noteWith(m *mention, with string) {
	if with == "" {
		return
	}
	for i := range m.ent.merges {
		if m.ent.merges[i].Surface == d.span(m.first, m.last) && m.ent.merges[i].With == "" {
			m.ent.merges[i].With = with
		}
	}
}

// matchEntity finds the article entity (or lexicon entry) a full name
// belongs to: equal skeleton keys, or its tokens a subset of the entity's
// in order with the same surname.
func (d *doc) matchEntity(keys []string, typ string) (*entity, string, string) {
	// Both tests need the same surname, so only entities sharing the last
	// key are compared.
	cands := d.bySurname[keys[len(keys)-1]]
	for _, e := range cands {
		if typesCompatible(typ, e.typ) && equalKeys(keys, e.keys) {
			return e, ReasonKeyEqual, e.name
		}
	}
	for _, e := range cands {
		if typesCompatible(typ, e.typ) && (tokenWise(keys, e.keys) || tokenWise(e.keys, keys)) {
			return e, ReasonTokenWise, e.name
		}
	}
	if typ == schema.Person {
		if e, with := d.personShortForm(keys); e != nil {
			return e, ReasonShortForm, with
		}
	}
	// A lexicon person named with fewer or more tokens than the lexicon
	// has ("Mohammed Shia al-Sudani" / "Mohammed al-Sudani").
	if le := d.lx.tokenWiseEntry(keys, typ); le != nil {
		return d.lexEntity(le), ReasonTokenWise, le.Name
	}
	return nil, "", ""
}

// personShortForm returns the article's person a name a pattern made a
// person stands for when it is shorter than theirs: a lone surname
// ("al-Fartousi added" after "Kadhim al-Fartousi"), or a kunya without
// what follows it ("Abu Ali" after "Abu Ali al-Askari"), which is how
// reporting names such men again; nil when no person of the article, or
// more than one, has such a name.
func (d *doc) personShortForm(keys []string) (*entity, string) {
	if len(keys) == 1 && len(keys[0]) > 2 {
		if e := d.shortForm(keys[0]); e != nil && e.typ == schema.Person {
			return e, e.name
		}
		return nil, ""
	}
	if len(keys) != 2 || len(keys[0]) == 0 {
		return nil, ""
	}
	var found *entity
	for _, e := range d.ents {
		if e.typ != schema.Person || len(e.surfaces) == 0 || len(e.keys) < 3 || e.keys[0] != keys[0] || e.keys[1] != keys[1] {
			continue
		}
		if f := strings.Fields(e.surfaces[0]); len(f) > 0 && d.lx.kunyas.has(normWord(f[0])) {
			if found != nil && found != e {
				return nil, "" // two men of the article go by it
			}
			found = e
		}
	}
	if found == nil {
		return nil, ""
	}
	return found, found.name
}

// tokenWise reports whether the tokens of short appear in long in order,
// sharing the last (the surname), with at least two tokens in short.
func tokenWise(short, long []string) bool {
	if len(short) < 2 || len(short) > len(long) || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, k := range long {
		if j < len(short) && short[j] == k {
			j++
		}
	}
	return j == len(short)
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// shortForm returns the entity of the article whose surname (or, for a
// group, last significant word) is key; the most recently seen wins.
func (d *doc) shortForm(key string) *entity {
	cands := d.bySurname[key]
	for i := len(cands) - 1; i >= 0; i-- {
		e := cands[i]
		if e.typ != schema.Person && e.typ != schema.ArmedGroup || len(e.surfaces) == 0 {
			continue
		}
		for _, ks := range e.allKeys {
			if len(ks) >= 2 && ks[len(ks)-1] == key {
				return e
			}
		}
	}
	return nil
}

// endsWithWord reports whether one of e's names ends with the word w
// (its tokeniser key), past an "al-": a skeleton of two letters ("Saadi",
// "Douma": sd, dm) says too little for a short form on its own, and
// "Douma" is not "Saraya Awliya al-Dam".
func endsWithWord(e *entity, w string) bool {
	for _, s := range e.surfaces {
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		last := normWord(f[len(f)-1])
		if last == w || strings.TrimPrefix(last, "al-") == w || strings.TrimPrefix(last, "al") == w {
			return true
		}
	}
	return false
}

// indexSurname files an entity under the last key of one of its names.
func (d *doc) indexSurname(e *entity, keys []string) {
	if len(keys) == 0 {
		return
	}
	k := keys[len(keys)-1]
	list := d.bySurname[k]
	for _, x := range list {
		if x == e {
			return
		}
	}
	d.bySurname[k] = append(list, e)
}

// tokenWiseEntry finds a lexicon person whose name has the candidate's
// tokens in order with the same surname.
func (lx *Lexicon) tokenWiseEntry(keys []string, typ string) *LexEntry {
	if typ != schema.Person || len(keys) < 2 {
		return nil
	}
	var found *LexEntry
	for _, e := range lx.personsBySurname[keys[len(keys)-1]] {
		for _, ak := range e.aliasKeys {
			if tokenWise(keys, ak) || tokenWise(ak, keys) {
				if found != nil && found != e {
					return nil // ambiguous
				}
				found = e
			}
		}
	}
	return found
}

// acronyms resolves acronyms defined in parentheses after a name ("Popular
// Mobilization Units (PMU)") and then every later use of them.
func (d *doc) acronyms() {
	defined := map[string]*entity{}
	for _, m := range append([]*mention(nil), d.ments...) {
		i := m.last
		if i+2 >= len(d.toks) || d.toks[i].norm != "(" || d.toks[i+2].norm != ")" {
			continue
		}
		t := &d.toks[i+1]
		if t.kind != tWord || !t.allCaps || t.end-t.start < 2 || t.end-t.start > 6 || d.at[i+1] != nil {
			continue
		}
		defined[d.text[t.start:t.end]] = m.ent
		am := d.addMention(i+1, i+2, m.sent, m.ent, ReasonAcronym)
		d.noteWith(am, d.span(m.first, m.last))
	}
	if len(defined) == 0 {
		return
	}
	for _, s := range d.sents {
		if s.boiler {
			continue
		}
		for i := s.first; i < s.last; i++ {
			t := &d.toks[i]
			if t.kind == tWord && t.allCaps && d.at[i] == nil {
				if e := defined[d.text[t.start:t.end]]; e != nil {
					d.addMention(i, i+1, s.idx, e, ReasonAcronym)
				}
			}
		}
	}
}

// knownAs makes a person's full name and the nom de guerre it is given
// one person: "Mushtaq Taleb al-Saidi, known as Abu Taqwa", "…, also
// known by his nom de guerre Abu Taqwa", "Abu Taqwa (Mushtaq Talib
// al-Saadi)". An unknown person is named after the nom de guerre, which
// outlets share where they spell the full name differently.
func (d *doc) knownAs() {
	for _, m := range append([]*mention(nil), d.ments...) {
		if m.ent.typ != schema.Person {
			continue
		}
		o := d.alsoKnownAs(m)
		if o == nil || o.ent == m.ent || o.ent.typ != schema.Person {
			continue
		}
		kunya, full := o.ent, m.ent
		if !d.lx.kunyas.hasID(d.toks[o.first].id) {
			kunya, full = m.ent, o.ent // "Abu Taqwa (Mushtaq al-Saadi)"
			if !d.lx.kunyas.hasID(d.toks[m.first].id) {
				if d.aliasAfter(m) == o {
					// "X, code-named Y": two full names, one person,
					// named after the first.
					d.joinPeople(m.ent, o.ent, m)
				}
				continue
			}
		}
		named := o
		if kunya == m.ent {
			named = m
		}
		d.joinPeople(kunya, full, named)
	}
}

// alsoKnownAs returns the mention that gives m another name: after ",
// (also) known as" (within a few words: "known by his nom de guerre"), or
// in brackets right after it. Otherwise nil.
func (d *doc) alsoKnownAs(m *mention) *mention {
	i := m.last
	if o := d.aliasAfter(m); o != nil {
		return o
	}
	if i+2 < len(d.toks) && d.toks[i].norm == "(" {
		if o := d.at[i+1]; o != nil && o.first == i+1 && o.last < len(d.toks) && d.toks[o.last].norm == ")" {
			return o
		}
		return nil
	}
	if i < len(d.toks) && d.toks[i].norm == "," {
		i++
	}
	if i < len(d.toks) && d.toks[i].norm == "also" {
		i++
	}
	if i >= len(d.toks) || !d.lx.knownWords.hasID(d.toks[i].id) {
		return nil
	}
	for j := i + 1; j < len(d.toks) && j <= i+6; j++ {
		if o := d.at[j]; o != nil {
			return o
		}
		if t := d.toks[j].norm; t == "." || t == "," {
			return nil
		}
	}
	return nil
}

// joinPeople makes keep and other one person: keep, named by the mention
// named when the lexicon knows neither, or the one the lexicon knows.
func (d *doc) joinPeople(keep, other *entity, named *mention) {
	switch {
	case keep.unknown && other.unknown:
		keep.named = d.span(named.first, named.last)
		d.mergeEntity(keep, other, ReasonKnownAs)
	case other.unknown:
		d.mergeEntity(keep, other, ReasonKnownAs)
	case keep.unknown:
		d.mergeEntity(other, keep, ReasonKnownAs)
	}
}

// aliasAfter returns the mention an alias phrase right after m names
// ("X, code-named Y", "X (also called Y)", "X, also known as Y"), or nil.
func (d *doc) aliasAfter(m *mention) *mention {
	for j := m.last + 2; j < len(d.toks) && j <= m.last+5; j++ {
		if o := d.at[j]; o != nil {
			if o.first == j && d.aliasPhraseBefore(j) == m.last {
				return o
			}
			return nil
		}
	}
	return nil
}

// mergeEntity makes src's mentions and surfaces dst's: one entity.
func (d *doc) mergeEntity(dst, src *entity, reason string) {
	for _, m := range d.ments {
		if m.ent == src {
			m.ent = dst
		}
	}
	for i, s := range src.surfaces {
		dst.surfaces = appendUnique(dst.surfaces, s)
		mg := Merge{Surface: s, Reason: reason}
		if i < len(src.merges) {
			mg.With = src.merges[i].Surface
		}
		dst.merges = append(dst.merges, mg)
		dst.allKeys = append(dst.allKeys, d.keys.keys(s))
	}
	src.surfaces, src.allKeys, src.merges, src.id, src.unknown = nil, nil, nil, "", false
}

// finishEntities names unknown entities after their longest full form (or
// the name they were given, knownAs) and merges entities that end up with
// the same id.
func (d *doc) finishEntities() {
	for _, e := range d.ents {
		if !e.unknown {
			continue
		}
		if e.named != "" {
			e.name, e.id = e.named, schema.Slug(e.named)
			continue
		}
		best, bestKeys := "", 0
		for i, s := range e.surfaces {
			if n := len(e.allKeys[i]); n > bestKeys || n == bestKeys && len(s) > len(best) {
				best, bestKeys = s, n
			}
		}
		e.name = strings.TrimSpace(best)
		e.id = schema.Slug(e.name)
	}
	var kept []*entity
	clear(d.byID)
	for _, e := range d.ents {
		if e.id == "" {
			continue
		}
		if prev := d.byID[e.id]; prev != nil && prev != e {
			for _, m := range d.ments {
				if m.ent == e {
					m.ent = prev
				}
			}
			for i, s := range e.surfaces {
				prev.surfaces = appendUnique(prev.surfaces, s)
				prev.merges = append(prev.merges, e.merges[i])
				prev.allKeys = append(prev.allKeys, d.keys.keys(s))
			}
			continue
		}
		d.byID[e.id] = e
		kept = append(kept, e)
	}
	d.ents = kept
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
