package extract

import (
	"fmt"
	"iter"
	"sort"

	"github.com/newsgraph/newsgraph/schema"
)

// Collective actors: "Iran-backed militias", "Iranian-backed armed groups",
// "Iran-aligned factions", "pro-Iran militants". Reporting gives most
// attacks to such unnamed collectives, so each gets one stable entity per
// sponsor state ("Iran-backed militias", typed by frames.yaml), never
// merged with a named group, and the link to its sponsor as a fact. The
// words are data: collectives in frames.yaml.

// collectiveSpec is the collectives section of frames.yaml.
type collectiveSpec struct {
	// Name is the canonical name of a sponsor's collective, with %s for
	// the sponsor's name ("%s-backed militias").
	Name string `yaml:"name"`
	Type string `yaml:"type"`
	// Links are the words after the hyphen ("backed", "aligned") and the
	// predicate each gives from the collective to its sponsor.
	Links map[string]string `yaml:"links"`
	// Pro is the predicate "pro-X militias" gives.
	Pro string `yaml:"pro"`
	// ProWords are the words before the hyphen that give Pro ("pro").
	ProWords []string `yaml:"pro_words"`
	// OwnModifiers, like a determiner, make the head before which they
	// stand some group of its own, not the collective: "rival militias",
	// "tribal factions".
	OwnModifiers []string `yaml:"own_modifiers"`
	// Modifiers may stand between the link and the head ("Shia", "armed").
	Modifiers []string `yaml:"modifiers"`
	// Heads are the plural nouns that make the phrase a collective.
	Heads []string `yaml:"heads"`
	// ModifiedHeads are heads only after a modifier: "Iran-backed
	// paramilitary forces" is a collective, "US-backed forces" a
	// description of some named force.
	ModifiedHeads []string `yaml:"modified_heads"`
	// Proxies are the nouns that make a sponsor's phrase a collective
	// backed by it without a link word: "Iranian proxies", "Iran's proxy
	// militias".
	Proxies []string `yaml:"proxies"`
	// MassHeads are singular nouns that make the phrase a collective
	// when no article comes before it: "targeted Iranian-backed militia
	// in Syria" are many, "an Iran-backed militia" is one group.
	MassHeads []string `yaml:"mass_heads"`
	// ReferBack are the plural heads that, bare, stand for the collective
	// the article named before ("militias fired rockets" after
	// "Iran-backed militias"); a mass head before a noun does the same
	// ("militia positions").
	ReferBack []string `yaml:"refer_back"`
	// Attributive are the nouns after which a mass head refers back
	// ("militia positions", "militia attacks"); after others it names
	// someone of a group ("militia officials", "a militia commander").
	Attributive []string `yaml:"attributive"`
	// Unsponsored names the sponsor of collectives that name none but by a
	// modifier the reporting reserves for them ("Shia militias" in Iraq
	// are Iran's): they join that sponsor's collective, with no link fact,
	// since the text states none.
	Unsponsored *struct {
		Sponsor   string   `yaml:"sponsor"`
		Modifiers []string `yaml:"modifiers"`
	} `yaml:"unsponsored"`
	// Unmodified names the sponsors whose linked forces are their
	// collective without a modifier: "Iran-backed forces" are the
	// militias, where "US-backed forces" are a named force.
	Unmodified []string `yaml:"unmodified"`
	// Demonymic names the sponsors whose name or demonym right before one
	// of its heads makes their collective with no link word ("Iranian
	// militias"), and those heads. The text states no backing: no link
	// fact is made of it.
	Demonymic *struct {
		Sponsors []string `yaml:"sponsors"`
		Heads    []string `yaml:"heads"`
	} `yaml:"demonymic"`
	// Bodies are the arms of a state that back its collective, each
	// with that state: "groups affiliated with Iran's Revolutionary
	// Guard" are Iran's collective, backed by the Guard.
	Bodies map[string]string `yaml:"bodies"`
	// Conjoined are the link words that, standing alone after a state
	// or one of its arms joined by "and", make the state's collective:
	// "Iran and affiliated militia groups".
	Conjoined []string `yaml:"conjoined"`
}

// collectives is the compiled collectiveSpec.
type collectives struct {
	links       map[string]string
	pro         string
	proWords    map[string]bool
	own         map[string]bool // the words of collectiveSpec.OwnModifiers
	modifiers   map[string]bool
	heads       map[string]bool
	modHeads    map[string]bool
	massHeads   map[string]bool
	referBack   map[string]bool
	attributive map[string]bool
	proxies     map[string]bool
	bySponsor   map[string]*LexEntry // country id -> its collective's entry
	// unsponsored: modifier -> the sponsor whose collective it names.
	unsponsored map[string]*LexEntry
	// unmodified: the country ids of collectiveSpec.Unmodified.
	unmodified map[string]bool
	// demonymic: the country ids and the heads of collectiveSpec.Demonymic.
	demonymic, demHeads map[string]bool
	// bodies: the ids of collectiveSpec.Bodies, which bySponsor maps to
	// their state's collective.
	bodies map[string]bool
	// conjoined: the link words of collectiveSpec.Conjoined.
	conjoined map[string]bool
}

func compileCollectives(s collectiveSpec, countries []*LexEntry, byName func(string) *LexEntry) (*collectives, error) {
	if s.Name == "" {
		return nil, nil
	}
	if !schema.IsEntityType(s.Type) {
		return nil, fmt.Errorf("collectives: unknown type %q", s.Type)
	}
	c := &collectives{links: map[string]string{}, pro: s.Pro, modifiers: map[string]bool{}, heads: map[string]bool{},
		modHeads: map[string]bool{}, massHeads: map[string]bool{}, bySponsor: map[string]*LexEntry{}, unsponsored: map[string]*LexEntry{}}
	for _, w := range s.ModifiedHeads {
		c.modHeads[normWord(w)] = true
	}
	for _, w := range s.MassHeads {
		c.massHeads[normWord(w)] = true
	}
	c.referBack, c.attributive = map[string]bool{}, map[string]bool{}
	for _, w := range s.Attributive {
		c.attributive[normWord(w)] = true
	}
	for _, w := range s.ReferBack {
		c.referBack[normWord(w)] = true
	}
	c.proxies = map[string]bool{}
	for _, w := range s.Proxies {
		c.proxies[normWord(w)] = true
	}
	for w, p := range s.Links {
		if schema.LookupPredicate(p) == nil {
			return nil, fmt.Errorf("collectives: link %q: unknown predicate %q", w, p)
		}
		c.links[normWord(w)] = p
	}
	if s.Pro != "" && schema.LookupPredicate(s.Pro) == nil {
		return nil, fmt.Errorf("collectives: pro: unknown predicate %q", s.Pro)
	}
	c.proWords, c.own = map[string]bool{}, map[string]bool{}
	for _, w := range s.ProWords {
		c.proWords[normWord(w)] = true
	}
	for _, w := range s.OwnModifiers {
		c.own[normWord(w)] = true
	}
	for _, w := range s.Modifiers {
		c.modifiers[normWord(w)] = true
	}
	for _, w := range s.Heads {
		c.heads[normWord(w)] = true
	}
	for _, e := range countries {
		name := fmt.Sprintf(s.Name, e.Name)
		if e.Collective != "" {
			name = e.Collective
		}
		c.bySponsor[e.id] = &LexEntry{Name: name, Type: s.Type, id: schema.Slug(name), collective: true}
	}
	if u := s.Unsponsored; u != nil {
		sp := byName(u.Sponsor)
		if sp == nil || c.bySponsor[sp.id] == nil {
			return nil, fmt.Errorf("collectives: unsponsored: %q is not a country of the lexicon", u.Sponsor)
		}
		for _, w := range u.Modifiers {
			c.unsponsored[normWord(w)] = sp
		}
	}
	c.unmodified = map[string]bool{}
	for _, n := range s.Unmodified {
		sp := byName(n)
		if sp == nil || c.bySponsor[sp.id] == nil {
			return nil, fmt.Errorf("collectives: unmodified: %q is not a country of the lexicon", n)
		}
		c.unmodified[sp.id] = true
	}
	c.demonymic, c.demHeads = map[string]bool{}, map[string]bool{}
	if u := s.Demonymic; u != nil {
		for _, n := range u.Sponsors {
			sp := byName(n)
			if sp == nil || c.bySponsor[sp.id] == nil {
				return nil, fmt.Errorf("collectives: demonymic: %q is not a country of the lexicon", n)
			}
			c.demonymic[sp.id] = true
		}
		for _, w := range u.Heads {
			c.demHeads[normWord(w)] = true
		}
	}
	c.conjoined = map[string]bool{}
	for _, w := range s.Conjoined {
		if c.links[normWord(w)] == "" {
			return nil, fmt.Errorf("collectives: conjoined: %q is not a link word", w)
		}
		c.conjoined[normWord(w)] = true
	}
	c.bodies = map[string]bool{}
	for body, state := range s.Bodies {
		b, sp := byName(body), byName(state)
		if b == nil || sp == nil || c.bySponsor[sp.id] == nil {
			return nil, fmt.Errorf("collectives: bodies: %q or %q is not in the lexicon", body, state)
		}
		c.bySponsor[b.id], c.bodies[b.id] = c.bySponsor[sp.id], true
	}
	return c, nil
}

// collective reports whether e is an unnamed collective.
func (e *entity) collective() bool { return e != nil && e.lex != nil && e.lex.collective }

// collectiveLink is what a collective mention says of its sponsor.
type collectiveLink struct {
	pred    string
	sponsor *entity
}

// scanCollectives finds collective phrases in a sentence after the
// lexicon scan: the sponsor's mention ("Iran" in "Iran-backed") gives way
// to a mention of the collective over the whole phrase; the sponsor keeps
// its surface, so it still counts as mentioned.
func (d *doc) scanCollectives(s *sentence) {
	c := d.lx.collectives
	if c == nil {
		return
	}
	for i := s.first; i < s.last; i++ {
		var end int
		var sponsor *LexEntry
		var pred string
		if d.mayStartCollective(i, s.last) {
			end, sponsor, pred = d.matchCollective(i, s.last)
		}
		if end <= i && d.lx.byWord[d.toks[i].id].coll&collHead != 0 && (i == s.first || d.lx.byWord[d.toks[i-1].id].coll&collHead == 0) {
			end, sponsor, pred = d.matchPostposed(i, s.last)
		}
		if end <= i {
			continue
		}
		// The possessor itself backs "its mercenaries": the army or the
		// president the text names, not only their state; a capital
		// ("Tehran's proxies") stands for its state.
		link := d.lexEntity(sponsor)
		if c.bodies[sponsor.id] && pred != "" {
			pred = "backed_by" // a state's arm backs the groups tied to it
		}
		if p, _ := d.possessor(i, s.last); p != nil && is(p.ent, schema.Person, schema.GovernmentBody) {
			link = p.ent
		}
		for t := i; t < end; t++ {
			if m := d.at[t]; m != nil {
				d.dropMention(m)
			}
		}
		m := d.addMention(i, end, s.idx, d.lexEntity(c.bySponsor[sponsor.id]), "collective")
		if d.collLinks == nil {
			d.collLinks = map[*mention]collectiveLink{}
		}
		if pred != "" {
			d.collLinks[m] = collectiveLink{pred: pred, sponsor: link}
		}
		i = end - 1
	}
}

// mayStartCollective is the cheap test of matchCollective, so that the
// scan looks nothing up for most tokens: a collective starts with a word
// or name joined by a hyphen to the next ("Iran-backed", "pro-Iran"), or
// with a capitalised modifier ("Shia militias").
func (d *doc) mayStartCollective(i, last int) bool {
	end := i + 1
	if m := d.at[i]; m != nil && m.first == i {
		end = m.last
	}
	if end < last && d.toks[end].hyph {
		return true
	}
	if end < last && d.toks[end].kind == tPoss {
		end++ // "Iran's proxies"
	}
	if end < last && d.lx.byWord[d.toks[end].id].coll&collAfterSponsor != 0 {
		return true // "Iranian proxies", "Iranian proxy militias"
	}
	if end < last && (d.toks[i].norm == "its" || d.toks[i].norm == "their" || d.toks[end-1].kind == tPoss) && d.lx.collectives.links[d.toks[end].norm] != "" {
		return true // "its allied militias", "Erdogan's affiliated factions"
	}
	if i > 1 && d.toks[i-1].norm == "and" && !d.toks[i].hyph && d.lx.collectives.conjoined[d.toks[i].norm] {
		return true // "Iran and affiliated militia groups"
	}
	return d.toks[i].cap && d.lx.byWord[d.toks[i].id].coll&collUnsponsored != 0
}

// The bits of wordTables.coll: what a word may do in a collective, for
// mayStartCollective to test a token by its number.
const (
	collAfterSponsor = 1 << iota // a proxy noun or a modifier
	collUnsponsored              // a modifier that names the sponsor by itself
	collHead                     // a head or a modifier, which may open "militias loyal to Iran"
	collBare                     // a head that, bare, refers back to the article's collective
)

// words yields each word of the collectives that mayStartCollective
// tests, with its bits.
func (c *collectives) words() iter.Seq2[string, uint8] {
	return func(yield func(string, uint8) bool) {
		for _, m := range []map[string]bool{c.proxies, c.modifiers, c.demHeads} {
			for w := range m {
				if !yield(w, collAfterSponsor) {
					return
				}
			}
		}
		for w := range c.unsponsored {
			if !yield(w, collUnsponsored) {
				return
			}
		}
		for _, m := range []map[string]bool{c.heads, c.modHeads, c.modifiers} {
			for w := range m {
				if !yield(w, collHead) {
					return
				}
			}
		}
		for _, m := range []map[string]bool{c.referBack, c.massHeads} {
			for w := range m {
				if !yield(w, collBare) {
					return
				}
			}
		}
	}
}

// matchCollective matches "[pro-]Sponsor-link modifier* head" at token i
// and returns its end, the sponsor's entry and the predicate it gives.
func (d *doc) matchCollective(i, last int) (int, *LexEntry, string) {
	c := d.lx.collectives
	if m, j := d.possessor(i, last); m != nil {
		if sp := d.lx.stateOf(m.ent.lex); sp != nil {
			return d.possessedCollective(j, last, sp)
		}
	}
	if sp := d.conjoinedSponsor(i); sp != nil && !d.toks[i].hyph && c.conjoined[d.toks[i].norm] {
		if end := d.collectiveHead(i+1, last, false); end > 0 {
			return end, sp, c.links[d.toks[i].norm]
		}
	}
	pred := ""
	j := i
	if c.proWords[d.toks[j].norm] && c.pro != "" && j+1 < last && d.toks[j+1].hyph {
		pred, j = c.pro, j+1
	}
	sponsor, j := d.sponsorAt(j, last)
	if sponsor == nil && pred == "" {
		// "Shia militias": a modifier reserved for one sponsor's collective.
		if sp := c.unsponsored[d.toks[i].norm]; sp != nil && d.at[i] == nil {
			if end := d.collectiveHead(i+1, last, true); end > 0 {
				return end, sp, ""
			}
		}
		return 0, nil, ""
	}
	if sponsor == nil || c.bySponsor[sponsor.id] == nil || j >= last {
		return 0, nil, ""
	}
	if d.at[i] == nil && d.possessedAt(i) {
		return 0, nil, "" // "Iran's Iraqi proxies", "its Iraqi proxies": the demonym says where, not who backs them
	}
	if pred == "" && c.demonymic[sponsor.id] && !d.toks[j].hyph && d.at[j] == nil && c.demHeads[d.toks[j].norm] {
		return j + 1, sponsor, "" // "Iranian militias"
	}
	if pred == "" {
		if end := d.proxyHead(j, last); end > 0 {
			return end, sponsor, "backed_by" // "Iranian proxies", "Iran's proxy militias"
		}
		if !d.toks[j].hyph || c.links[d.toks[j].norm] == "" {
			return 0, nil, ""
		}
		pred, j = c.links[d.toks[j].norm], j+1
	}
	if end := d.collectiveHead(j, last, c.unmodified[sponsor.id]); end > 0 {
		return end, sponsor, pred
	}
	if end := d.massHead(i, j, last); end > 0 {
		return end, sponsor, pred
	}
	return 0, nil, ""
}

// conjoinedSponsor returns the sponsor that a name joined by "and" right
// before token i gives a collective whose link word (conjoined) stands
// alone: "Iran and affiliated militia groups", "the Quds Force and
// affiliated militias" (the arm that backs them), "the IRGC and affiliated groups", past a
// parenthesised short form. The name is a state, its capital or one of
// its bodies, never an armed group ("Kataib Hezbollah and affiliated
// groups" are its own allies, no state's collective).
func (d *doc) conjoinedSponsor(i int) *LexEntry {
	c := d.lx.collectives
	k := i - 2
	if k < 0 || d.toks[i-1].norm != "and" {
		return nil
	}
	if d.toks[k].norm == ")" && k >= 3 && d.toks[k-2].norm == "(" {
		k -= 3 // "the Islamic Revolutionary Guard Corps (IRGC) and"
	}
	m := d.at[k]
	if k < 0 || m == nil || m.last != k+1 || m.ent.lex == nil {
		return nil
	}
	le := m.ent.lex
	if c.bodies[le.id] {
		return le
	}
	if le.Type != schema.Country && le.Type != schema.GovernmentBody && (le.metonym == nil || le.metonym.Type != schema.Country) {
		return nil
	}
	if sp := d.lx.stateOf(le); sp != nil && c.bySponsor[sp.id] != nil {
		return sp
	}
	return nil
}

// possessedCollective matches, from token j after a state's possessive,
// its proxies ("its mercenaries", "Iran's proxy militias") or a linked
// head without the hyphen ("its allied militias"), and returns its end,
// the sponsor and the link's predicate. Proxies are backed whatever the
// link word: "their affiliated mercenaries".
func (d *doc) possessedCollective(j, last int, sponsor *LexEntry) (int, *LexEntry, string) {
	c := d.lx.collectives
	link := ""
	if j < last && !d.toks[j].hyph && c.links[d.toks[j].norm] != "" {
		link, j = c.links[d.toks[j].norm], j+1
	}
	if end := d.proxyHead(j, last); end > 0 {
		return end, sponsor, "backed_by"
	}
	if end := d.collectiveHead(j, last, false); end > 0 && link != "" {
		return end, sponsor, link
	}
	return 0, nil, ""
}

// possessor returns the mention of a state, a state's force or a head of
// state whose collective a possessive at token i opens, and the token
// after the possessive: "Erdogan's mercenaries", or "its" and "their"
// after such a name joined by "and" or "along with" ("the Turkish army
// and its mercenaries", "Turkish forces, along with their mercenaries").
func (d *doc) possessor(i, last int) (*mention, int) {
	if m := d.at[i]; m != nil && m.first == i && m.last < last && d.toks[m.last].kind == tPoss && m.ent.lex != nil {
		return m, m.last + 1
	}
	if w := d.toks[i].norm; w != "its" && w != "their" {
		return nil, 0
	}
	k := i - 1
	for n := 0; n < 3 && k >= 0 && joiners[d.toks[k].norm]; n++ {
		k--
	}
	if k == i-1 || k < 0 || d.at[k] == nil || d.at[k].last != k+1 || d.at[k].ent.lex == nil {
		return nil, 0
	}
	return d.at[k], i + 1
}

// joiners are the words between a state's name and the "its" of its
// proxies.
var joiners = map[string]bool{"and": true, ",": true, "along": true, "with": true, "together": true}

// pastRelative returns the last token of what stands between a head at
// token j and a link word that is told in a relative clause or an
// aside: "militias that are backed by Iran", "the militias, which are
// aligned with Tehran", "militias, backed by Iran"; j itself when there
// is none.
func (d *doc) pastRelative(j, last int) int {
	k := j + 1
	if k < last && d.toks[k].norm == "," {
		k++
	}
	rel := k < last && relativeWords[d.toks[k].norm]
	if rel {
		k++
		if k >= last || !beWords[d.toks[k].norm] {
			return j
		}
		k++
	}
	if k == j+1 || k >= last || d.lx.collectives.links[d.toks[k].norm] == "" {
		return j
	}
	return k - 1
}

// relativeWords open the relative clause of pastRelative, and beWords
// are the verbs that carry its link word.
var (
	relativeWords = map[string]bool{"which": true, "that": true, "who": true}
	beWords       = map[string]bool{"are": true, "were": true, "is": true, "was": true}
)

// matchPostposed matches "modifier* head link to|with|by Sponsor" at token
// i ("armed factions loyal to Ankara", "Iraqi armed groups aligned with
// Iran", "militias backed by Tehran") and returns its end, the sponsor's
// entry and the predicate the link word gives, or 0.
func (d *doc) matchPostposed(i, last int) (int, *LexEntry, string) {
	c := d.lx.collectives
	j := d.collectiveHead(i, last, false) - 1 // the head
	if j < 0 || j+3 >= last || d.at[j] != nil {
		return 0, nil, ""
	}
	j = d.pastRelative(j, last)
	if j+3 >= last {
		return 0, nil, ""
	}
	pred := c.links[d.toks[j+1].norm]
	if pred == "" || d.toks[j+1].hyph {
		return 0, nil, ""
	}
	if w := d.toks[j+2].norm; w != "to" && w != "with" && w != "by" {
		return 0, nil, ""
	}
	n := j + 3
	if d.toks[n].norm == "the" {
		n++
	}
	if n >= last {
		return 0, nil, ""
	}
	sponsor, end := d.sponsorAt(n, last)
	if sponsor == nil || c.bySponsor[sponsor.id] == nil || end == n+1 && d.at[n] == nil {
		return 0, nil, "" // a demonym alone ("loyal to Iranian …") names no sponsor
	}
	if end < last && d.toks[end].kind == tPoss {
		// "groups affiliated with Iran's (paramilitary) Revolutionary
		// Guard": the Guard's, if it is an arm that backs them.
		k := d.pastModifiers(end+1, last, nil)
		if k >= last || d.at[k] == nil || d.at[k].first != k || d.at[k].ent.lex == nil || !c.bodies[d.at[k].ent.lex.id] {
			return 0, nil, ""
		}
		return d.at[k].last, d.at[k].ent.lex, pred
	}
	return end, sponsor, pred
}

// possessedAt reports a possessive before token i, past a few lower-case
// words: "Iran's usually fractious Iraqi proxies", "its Iraqi proxies".
func (d *doc) possessedAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := &d.toks[k]
		if t.kind == tPoss || t.norm == "its" || t.norm == "their" {
			return true
		}
		if t.kind != tWord || t.cap {
			return false
		}
	}
	return false
}

// proxyHead matches "('s) modifier* proxies" or "('s) modifier* proxy
// modifier* head" from token j, after a sponsor, and returns its end, or 0.
func (d *doc) proxyHead(j, last int) int {
	c := d.lx.collectives
	if j < last && d.toks[j].kind == tPoss {
		j++
	}
	j = d.pastModifiers(j, last, c.proxies)
	if j >= last || !c.proxies[d.toks[j].norm] || d.at[j] != nil {
		return 0
	}
	if end := d.collectiveHead(j+1, last, true); end > 0 {
		return end // "proxy militias"
	}
	if c.heads[d.toks[j].norm] {
		return j + 1 // "proxies"
	}
	return 0
}

// massHead matches "modifier* mass-head" from token j, for a phrase at
// token i that no article opens, and returns its end, or 0.
func (d *doc) massHead(i, j, last int) int {
	c := d.lx.collectives
	if i > 0 && c.determiner(d.toks[i-1].norm) {
		return 0 // "an Iran-backed militia", "the Iran-backed militia"; "strikes on Iran-backed militia" are many
	}
	j = d.pastModifiers(j, last, c.massHeads)
	if j < last && c.massHeads[d.toks[j].norm] && (d.at[j] == nil || d.at[j].first == j) {
		return j + 1
	}
	return 0
}

// pastModifiers is the first token from j on that is no collective
// modifier, or is one of the nouns sought (a modifier that is also such a
// noun, "militia", ends the run there).
func (d *doc) pastModifiers(j, last int, nouns map[string]bool) int {
	c := d.lx.collectives
	for j < last && c.modifiers[d.toks[j].norm] && !nouns[d.toks[j].norm] {
		j++
	}
	return j
}

// collectiveHead matches "modifier* head" from token j and returns its
// end, or 0. A modified head ("forces") needs a modifier before it; so
// does any head when modified is set (the phrase began with one).
func (d *doc) collectiveHead(j, last int, modified bool) int {
	c := d.lx.collectives
	n := d.pastModifiers(j, last, c.heads)
	j, modified = n, modified || n > j
	// "militia groups": a modifier that is also a head stands before one.
	for j+1 < last && c.heads[d.toks[j].norm] && c.heads[d.toks[j+1].norm] {
		j++
	}
	if j >= last || d.at[j] != nil && d.at[j].first < j {
		return 0
	}
	if w := d.toks[j].norm; c.heads[w] || modified && c.modHeads[w] {
		return j + 1
	}
	return 0
}

// sponsorAt returns the country named at token i (a country mention or a
// demonym), or the state's arm of collectives.bodies, and the token after
// it.
func (d *doc) sponsorAt(i, last int) (*LexEntry, int) {
	if m := d.at[i]; m != nil && m.first == i && m.ent.lex != nil && m.ent.typ == schema.Country {
		return m.ent.lex, m.last
	}
	if m := d.at[i]; m != nil && m.first == i && m.ent.lex != nil && m.ent.lex.metonym != nil && m.ent.lex.metonym.Type == schema.Country {
		return m.ent.lex.metonym, m.last // "Tehran-backed militias"
	}
	if m := d.at[i]; m != nil && m.first == i && m.ent.lex != nil && d.lx.collectives.bodies[m.ent.lex.id] {
		return m.ent.lex, m.last // "IRGC-backed militias", "factions linked to the IRGC"
	}
	if c := d.lx.demonym[d.toks[i].norm]; c != nil && d.toks[i].kind == tWord && d.at[i] == nil {
		return c, i + 1 // not "the Lebanese Hezbollah": a name's word
	}
	return nil, i
}

// dropMention removes a mention the collective scan takes over.
func (d *doc) dropMention(m *mention) {
	for t := m.first; t < m.last; t++ {
		if d.at[t] == m {
			d.at[t] = nil
		}
	}
	for k, x := range d.ments {
		if x == m {
			d.ments = append(d.ments[:k], d.ments[k+1:]...)
			break
		}
	}
}

// collectiveFacts gives the link of each collective in the sentence to its
// sponsor, and the same link to named groups it is said to include
// ("Iran-backed militias, including Kata'ib Hezbollah and al-Nujaba").
func (v *view) collectiveFacts() {
	for k := range v.it {
		m := v.it[k].m
		if m == nil {
			continue
		}
		link, ok := v.d.collLinks[m]
		if !ok {
			continue
		}
		v.fact(k, m.ent, link.pred, link.sponsor, 0.8)
		if x := v.it[k].e; x != m.ent {
			v.fact(k, x, link.pred, link.sponsor, 0.7) // the umbrella it makes up (umbrellaOf)
		}
		// "X, an umbrella group of Iran-aligned militias": X has the link.
		if v.word(k-1, "of") && v.wordIn(k-2, v.d.lx.groupingNouns) {
			for j := k - 3; j >= 0 && j >= k-6; j-- {
				if e := v.ent(j); e != nil {
					if is(e, schema.ArmedGroup) && v.word(j+1, ",") {
						v.fact(j, e, link.pred, link.sponsor, 0.7)
					}
					break
				}
			}
		}
		// "Iran-backed groups in Iraq (X, Y and Z)": the members are
		// where the collective is, too.
		j := k + 1
		var area *entity
		if v.word(j, "in") && is(v.ent(j+1), schema.Country, schema.Place) {
			area, j = v.ent(j+1), j+2
		}
		if v.word(j, "(") {
			j++
		} else {
			start := j
			if v.word(j, ",") {
				j++
			}
			if v.word(j, "including", "like") || v.word(j, "such") && v.word(j+1, "as") {
				j++
				if v.word(j, "as") {
					j++
				}
			} else if j != k+1 || start != k+1 {
				continue
			}
		}
		if is(v.ent(j), schema.ArmedGroup) {
			for _, x := range v.list(j) {
				v.fact(x, v.ent(x), link.pred, link.sponsor, 0.7)
				if area != nil {
					v.fact(x, v.ent(x), "active_in", area, 0.7)
				}
			}
		}
	}
}

// sponsorModifier reports a name joined by a hyphen to a link word or a
// hyphen modifier ("Iran" in "an Iran-backed militant group", "US" in "the
// US-led coalition"): it modifies the phrase's head and fills no role in
// the clause.
func (v *view) sponsorModifier(k int) bool {
	if k >= len(v.it) {
		return false
	}
	m := v.it[k].m
	if m == nil || m.last >= v.s.last {
		return false
	}
	t := &v.d.toks[m.last]
	return t.hyph && (v.d.lx.collectives.links[t.norm] != "" || v.d.lx.hyphenModifiers.hasID(t.id))
}

// bareCollective returns the collective that a bare head at token i
// refers back to: "militias" in "militias fired rockets", "militia" in
// "strikes on militia positions", after the article named "Iran-backed
// militias". It is the last collective the article named before, or nil.
// A determiner or a name before the head makes it some group of its own
// ("a militia", "Hezbollah militias", "Sunni militias"), and so does a
// singular head that stands alone ("the militia").
func (d *doc) bareCollective(i int, v *view) *entity {
	c := d.lx.collectives
	if c == nil || d.lx.byWord[d.toks[i].id].coll&collBare == 0 {
		return nil
	}
	w := d.toks[i].norm
	if !c.referBack[w] {
		// A mass head before one of the nouns that make it many: "militia
		// positions", not "militia officials" or "the militia".
		if n := i + 1; n >= v.s.last || !c.attributive[d.toks[n].norm] {
			return nil
		}
	}
	if k := len(v.it) - 1; k >= 0 {
		p := &v.it[k]
		if p.e != nil || c.determiner(p.w) || d.toks[p.t0].cap && !c.modifiers[p.w] {
			return nil
		}
	}
	j := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].first >= i })
	for j--; j >= 0; j-- {
		if e := d.ments[j].ent; e.collective() {
			return e
		}
	}
	return nil
}

// determiners are the words before a head that make it one group, or
// some, of its own: "a militia", "their militias", "other militias";
// besides them, the collectives' own_modifiers ("rival militias").
var determiners = map[string]bool{
	"a": true, "an": true, "one": true, "another": true, "other": true, "each": true, "every": true,
	"this": true, "that": true, "his": true, "her": true, "its": true, "their": true, "our": true, "whose": true,
	// "the militias", "these militias" are the descriptions' (described,
	// definite), which take the group the sentences before were about.
	"the": true, "these": true, "those": true,
}

// determiner reports whether w before a head makes it some group of its
// own: a determiner, or one of the collectives' own_modifiers.
func (c *collectives) determiner(w string) bool { return determiners[w] || c.own[w] }
