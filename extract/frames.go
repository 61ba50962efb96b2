package extract

import (
	"cmp"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Frames are the extractor's constructions written as data
// (lexicon/frames.yaml): a pattern over a sentence's items — entity slots
// typed by class, alternative words, optional elements and bounded gaps —
// and the facts and event it gives. One engine applies every frame to
// every sentence, so a domain expert adds a construction by adding a
// frame, not Go.
//
// Pattern syntax, elements separated by spaces:
//
//	{name:Class}    an entity item whose type is in Class (a type or a class
//	                of frames.yaml); {name:Class*} binds the whole coordinated
//	                list that starts there ("Hasakah, Raqqah and Deir ez-Zor");
//	                {name:Class^} matches no item but binds the subject of the
//	                trigger's clause, past appositions and asides, or a
//	                pronoun's antecedent ("X, during talks with Y, said")
//	{name:Class@military}  the slot gives the armed forces of the country it
//	                binds (countries.yaml, military:), or the entity itself
//	                when it names none; before * or ^
//	{name:Class@state}  the other way: the state whose armed forces it binds
//	a|b|c           one item that is one of these words (exact keys)
//	x?              the element x, optional
//	...N            up to N items that are neither entities, clause breaks
//	                nor quotation marks
//	~N              up to N items that are neither clause breaks nor
//	                quotation marks: names may stand in it
//
// A frame's facts are [subject predicate object] with slot names, or
// antecedent.agent and antecedent.target: the agent and the target of the
// attack "the strike" refers back to, or event and event.agent: the
// frame's own event (a party to a negotiation) and its agent, or speaker:
// the speaker the sentence's words are attributed to, or speaker.enemy:
// whom that speaker's side last fought in the article, or
// article.military: the foreign armed forces the article is about ("the
// withdrawal" with no "of Y"). Its event names the slots of agent, target
// and location, or article.state: the state those forces serve ("a senior
// defense official said").

// typeSet is a set of entity types, one bit per schema.EntityTypes entry:
// matching tests a slot's types for every item it tries.
type typeSet uint32

func (s typeSet) with(t string) typeSet { return s | typeBit(t) }

func (s typeSet) has(t string) bool { return s&typeBit(t) != 0 }

// typeBit is t's bit in a typeSet, by its place in schema.EntityTypes, or
// 0 for no entity type. A switch compares t with each type inline, where
// a search of the slice called a compare for each: matching asks it of
// every item a slot is tried at.
func typeBit(t string) typeSet {
	switch t {
	case schema.ArmedGroup:
		return 1 << 0
	case schema.Country:
		return 1 << 1
	case schema.GovernmentBody:
		return 1 << 2
	case schema.Coalition:
		return 1 << 3
	case schema.Person:
		return 1 << 4
	case schema.MilitaryBase:
		return 1 << 5
	case schema.Place:
		return 1 << 6
	case schema.Agreement:
		return 1 << 7
	case schema.EventEntity:
		return 1 << 8
	case schema.Organization:
		return 1 << 9
	case schema.MediaOutlet:
		return 1 << 10
	}
	return 0
}

// entTypes is the set of types an entity fills slots as: its own, and,
// for an organisation that reports (reporting: in the lexicon, a monitor),
// an outlet's too ("the Observatory reported": a source as an outlet is).
func entTypes(x *entity) typeSet {
	t := typeBit(x.typ)
	if reporter(x) {
		t |= typeBit(schema.MediaOutlet)
	}
	return t
}

// militaryType in a class stands for the armed forces a country entry
// names (military: in countries.yaml), whatever their entity type.
const militaryType = "military"

// frameFile is the shape of frames.yaml.
type frameFile struct {
	Classes map[string][]string `yaml:"classes"`
	// Descriptions are the nouns that, after "the", refer back to the
	// latest entity of a type ("the base", "the town").
	Descriptions map[string][]string `yaml:"descriptions"`
	// DescriptionDefaults name, for a description noun, the lexicon entry
	// it stands for when nothing of its type was named just before ("the
	// coalition" in reporting on Iraq and Syria).
	DescriptionDefaults map[string]string `yaml:"description_defaults"`
	Collectives         collectiveSpec    `yaml:"collectives"`
	Frames              []frameSpec       `yaml:"frames"`
}

type frameSpec struct {
	Name    string      `yaml:"name"`
	Pattern string      `yaml:"pattern"`
	Facts   [][3]string `yaml:"facts"`
	// Kind is the claim kind of the facts where the frame's own words
	// give it ("X accused Y of": claimed; "X denied any part in":
	// denied); empty, the sentence's attribution gives it.
	Kind  string `yaml:"kind"`
	Event *struct {
		Type     string `yaml:"type"`
		Agent    string `yaml:"agent"`
		Target   string `yaml:"target"`
		Location string `yaml:"location"`
		Status   string `yaml:"status"`
		// StateType is the type when the agent is a state, its forces or
		// a coalition: a state's strike is an airstrike, a militia's an
		// attack.
		StateType string `yaml:"state_type"`
		// Refine frames add the arguments they bind to an event of the
		// kind that another construction found in the sentence, and
		// never make one: "... killed Soleimani" names the target of
		// the strike the sentence reports, but a killing alone is not
		// a strike.
		Refine bool `yaml:"refine"`
		// Anonymous frames make an event with neither agent nor target:
		// "a security source said" is a statement by nobody the article
		// names.
		Anonymous bool `yaml:"anonymous"`
	} `yaml:"event"`
	// NotAfter are words that, right before a match or before its
	// article, cancel it ("the largest embassy in the Middle East" locates
	// nothing; "talks with the U.S., emphasized" is not the U.S.
	// speaking).
	NotAfter []string `yaml:"not_after"`
	// NotBefore are words, or runs of words separated by spaces, that
	// right after a match cancel it ("Erbil, Iraq" is a place and its
	// country; "Erbil, Iraq and Syria" and "Erbil, Iraq, and Syria" lists).
	NotBefore []string `yaml:"not_before"`
	// GapStops are words the frame's gaps never pass, besides the
	// lexicon's gap_stops: "X, alongside the commander of Y" gives X no
	// office of Y's.
	GapStops []string `yaml:"gap_stops"`
	// Examples are sentences (the project's own) the frame must fire on;
	// a test checks each.
	Examples []string `yaml:"examples"`
}

// construction is a compiled frameSpec: a frame ready to match.
type construction struct {
	spec  frameSpec
	elems []elem
	// need is one bit per required word element (up to 64): a sentence
	// can match only when it holds a word of each.
	need      uint64
	slotNames []string // the slots' names by number: a few, searched rather than hashed
	notAfter  map[string]bool
	afterIDs  wordIDs // the numbers of notAfter's words, set by internFrameWords
	gapStops  map[string]bool
	stopIDs   wordIDs // the numbers of gapStops' words, set by internFrameWords
	notBefore [][]string
	subject   int // the element of the subject slot, or -1
	start     startSet
	anchor    int // the first required word element, which every match takes
	key       int // the required word element the frame index lists the frame by (setKey)
	// others are the words of the required word elements but the key, an
	// element after another, each ended by a 0 (no word has that number):
	// what holds reads for every candidate frame, in one slice rather than
	// across the elements. The rarest element comes first and, within one,
	// the commonest word, so that a walk ends soonest (setKey).
	others    []wordID
	reach     int // the most items a match takes before its anchor, or -1: no bound
	afterSlot int // the same from the item after a leading slot of one name, or -1
	// needSlots is what each required slot takes, but the subject and a
	// slot that takes armed forces, and needAt the slot's element
	// (setFills); virtual is what any slot may take by making a virtual
	// entity.
	needSlots []fills
	needAt    []int
	virtual   fills
	// struck is the list slot an attacked fact takes as its object: the
	// targets of a strike, whose list goes on past plain noun phrases
	// ("the centres of X, special forces, Y bases and Z"), or "".
	struck string
}

// fills is what a slot takes (slotFills) or what the names of a sentence
// give (frameIndex.index): entity types, the types of the capitals that
// may stand for their government (accept), a demonym for its country
// (entityAt). A slot binds only a name of its sentence, so a frame with a
// required slot that no name of the sentence fits fails at every item, and
// is not tried (canFill).
type fills struct {
	types    typeSet
	metonyms typeSet
	demonym  bool
}

// slotFills is what can fill slot e: its types, the types a capital may
// stand for where it takes a government (accept), a demonym where it takes
// countries (entityAt).
func slotFills(e *elem) fills {
	f := fills{types: e.types, demonym: e.demonym && e.types.has(schema.Country)}
	if e.types.has(schema.GovernmentBody) {
		f.metonyms = e.types
	}
	return f
}

// fit reports whether a sentence's names (f) can fill slot s.
func (f fills) fit(s fills) bool {
	return f.types&s.types != 0 || f.metonyms&s.metonyms != 0 || f.demonym && s.demonym
}

// startSet is what the item a match starts at can be: the first element
// that takes an item, or any of them up to the first one that is not
// optional. Most items can start no frame, and the test is cheaper than
// trying the match.
type startSet struct {
	any  bool    // a gap, or no element that must take an item: every item
	ids  wordIDs // a plain word of these
	slot bool    // an entity, or a demonym that may stand for its country
}

// canStart reports whether a match can start at item k.
func (fr *construction) canStart(v *view, k int) bool {
	s, it := &fr.start, &v.it[k]
	return s.any || s.slot && (it.e != nil || it.dem != nil) || it.e == nil && s.ids.has(it.id)
}

// setAnchor sets fr.anchor, fr.reach and fr.afterSlot from its elements.
// Matching only moves right, element by element, so a match that starts
// at item k takes a word of the anchor at k or after it, and within reach
// of k when the elements before the anchor take a bounded number of
// items: a subject slot none, an optional word one, a gap that passes no
// names (and so no brackets) its length. A slot can stretch over a title,
// a sponsor or a list, and leaves the reach unbounded; a frame that opens
// with a slot of one name (no list, no person) is bounded after it
// (afterSlot), from wherever the sponsors before the name end (slotItem).
func (fr *construction) setAnchor() {
	for i, e := range fr.elems {
		if e.kind == eWords && !e.optional {
			fr.anchor = i
			break
		}
	}
	fr.reach = reach(fr.elems[:fr.anchor])
	fr.afterSlot = -1
	if e := &fr.elems[0]; e.kind == eSlot && !e.subject && !e.optional && !e.list && !e.types.has(schema.Person) {
		fr.afterSlot = reach(fr.elems[1:fr.anchor])
	}
}

// reach is the most items elems take, or -1 when it has no bound.
func reach(elems []elem) int {
	n := 0
	for _, e := range elems {
		switch {
		case e.kind == eSlot && e.subject:
		case e.kind == eWords:
			n++
		case e.kind == eGap && !e.crossNames:
			n += e.gap
		default:
			return -1
		}
	}
	return n
}

// setStart sets fr.start from its elements; the word elements' numbers
// must be set.
func (fr *construction) setStart() {
	fr.start = startSet{any: true}
	for _, e := range fr.elems {
		switch {
		case e.kind == eSlot && e.subject:
			continue // takes no item
		case e.kind == eGap:
			return // may take any item
		case e.kind == eSlot:
			fr.start.slot = true
		default:
			fr.start.ids = append(fr.start.ids, e.ids...)
		}
		if !e.optional {
			fr.start.any = false
			return
		}
	}
}

type elemKind uint8

const (
	eSlot elemKind = iota
	eWords
	eGap
)

type elem struct {
	kind       elemKind
	optional   bool
	words      map[string]bool // eWords
	ids        wordIDs         // the numbers of words, set by internFrameWords
	types      typeSet         // eSlot
	military   bool            // eSlot: also a country's armed forces
	slot       int             // eSlot: index of the binding
	list       bool            // eSlot: bind the coordinated list
	subject    bool            // eSlot: bind the trigger's clause subject, wherever it stands
	demonym    bool            // eSlot: a demonym may stand for its country (the pattern goes on to the noun it qualifies)
	forces     bool            // eSlot: the slot gives the armed forces of the country it binds (@military)
	state      bool            // eSlot: the slot gives the state whose armed forces it binds (@state)
	crossNames bool            // eGap: the gap may pass names (~N)
	rivals     typeSet         // eGap (~N!): names of these types end it: the slot before takes the nearest
	bit        uint64          // eWords, required: its bit in the frame's need
	gap        int             // eGap
}

// compileFrames compiles the frames of frames.yaml.
func compileFrames(f frameFile) ([]*construction, error) {
	var out []*construction
	for _, s := range f.Frames {
		fr, err := compileFrame(s, f.Classes)
		if err != nil {
			return nil, fmt.Errorf("frame %q: %w", s.Name, err)
		}
		out = append(out, fr)
	}
	return out, nil
}

func compileFrame(s frameSpec, classes map[string][]string) (*construction, error) {
	fr := &construction{spec: s}
	for _, tok := range strings.Fields(s.Pattern) {
		var e elem
		if strings.HasSuffix(tok, "?") && len(tok) > 1 {
			e.optional, tok = true, strings.TrimSuffix(tok, "?")
		}
		switch {
		case strings.HasPrefix(tok, "{") && strings.HasSuffix(tok, "}"):
			name, class, ok := strings.Cut(tok[1:len(tok)-1], ":")
			if !ok {
				return nil, fmt.Errorf("slot %s: want {name:Class}", tok)
			}
			e.kind, e.list, e.subject = eSlot, strings.HasSuffix(class, "*"), strings.HasSuffix(class, "^")
			class = strings.TrimSuffix(strings.TrimSuffix(class, "*"), "^")
			class, e.forces = strings.CutSuffix(class, "@military")
			class, e.state = strings.CutSuffix(class, "@state")
			if types, ok := classes[class]; ok {
				for _, t := range types {
					switch {
					case t == militaryType:
						e.military = true
					case schema.IsEntityType(t):
						e.types = e.types.with(t)
					default:
						return nil, fmt.Errorf("class %s: unknown type %q", class, t)
					}
				}
			} else if schema.IsEntityType(class) {
				e.types = e.types.with(class)
			} else {
				return nil, fmt.Errorf("slot %s: unknown class %q", tok, class)
			}
			if slices.Contains(fr.slotNames, name) {
				return nil, fmt.Errorf("slot %q twice", name)
			}
			if len(fr.slotNames) == maxSlots {
				return nil, fmt.Errorf("more than %d slots", maxSlots)
			}
			e.slot = len(fr.slotNames)
			fr.slotNames = append(fr.slotNames, name)
		case strings.HasPrefix(tok, "..."), strings.HasPrefix(tok, "~"):
			num, rival := strings.CutSuffix(tok, "!")
			n, err := strconv.Atoi(strings.TrimLeft(num, ".~"))
			if err != nil || n < 1 || rival && tok[0] != '~' {
				return nil, fmt.Errorf("gap %s: want one of ...N, ~N, ~N! (N at least 1)", tok)
			}
			e.kind, e.gap, e.crossNames = eGap, n, tok[0] == '~'
			if rival {
				// "~N!": names pass, but not one the slot before could
				// take: "X, which fought Y cells linked to Z" links Y,
				// not X.
				for j := len(fr.elems) - 1; j >= 0; j-- {
					if fr.elems[j].kind == eSlot {
						e.rivals = fr.elems[j].types
						break
					}
				}
				if e.rivals == 0 {
					return nil, fmt.Errorf("gap %s: no slot before it", tok)
				}
			}
		default:
			e.kind, e.words = eWords, map[string]bool{}
			for _, w := range strings.Split(tok, "|") {
				key, err := wordKey(w)
				if err != nil {
					return nil, err
				}
				e.words[key] = true
			}
			if !e.optional && len(fr.elems) < 64 {
				e.bit = 1 << len(fr.elems)
				fr.need |= e.bit
			}
		}
		fr.elems = append(fr.elems, e)
	}
	if fr.need == 0 {
		return nil, fmt.Errorf("pattern %q has no required word", s.Pattern)
	}
	fr.subject = -1
	for i := range fr.elems {
		// "an Israeli airstrike": a demonym names its country only as the
		// adjective of a noun the pattern goes on to; a slot that ends the
		// pattern ("condemned the Iraqi-US relations") takes names only.
		fr.elems[i].demonym = i < len(fr.elems)-1
	}
	for i, e := range fr.elems {
		if e.kind == eSlot && e.subject {
			if fr.subject >= 0 {
				return nil, fmt.Errorf("pattern %q has two subject slots", s.Pattern)
			}
			fr.subject = i
		}
	}
	var err error
	if fr.notAfter, err = keySet(s.NotAfter); err != nil {
		return nil, fmt.Errorf("not_after: %w", err)
	}
	if fr.gapStops, err = keySet(s.GapStops); err != nil {
		return nil, fmt.Errorf("gap_stops: %w", err)
	}
	for _, run := range s.NotBefore {
		var keys []string
		for _, w := range strings.Fields(run) {
			key, err := wordKey(w)
			if err != nil {
				return nil, fmt.Errorf("not_before: %w", err)
			}
			keys = append(keys, key)
		}
		fr.notBefore = append(fr.notBefore, keys)
	}
	switch s.Kind {
	case "", schema.Stated, schema.Claimed, schema.Denied, schema.Reported, schema.Threatened:
	default:
		return nil, fmt.Errorf("kind %q: not a claim kind a frame gives", s.Kind)
	}
	for _, f := range s.Facts {
		if schema.LookupPredicate(f[1]) == nil {
			return nil, fmt.Errorf("fact %v: unknown predicate %q", f, f[1])
		}
		if i := slices.Index(fr.slotNames, f[2]); i >= 0 && f[1] == "attacked" && fr.slotElem(i).list {
			fr.struck = f[2]
		}
		for _, name := range []string{f[0], f[2]} {
			if !slices.Contains(fr.slotNames, name) && !contextName(name) && (name != eventSlot && name != eventAgent || s.Event == nil) {
				return nil, fmt.Errorf("fact %v: no slot %q", f, name)
			}
		}
	}
	if ev := s.Event; ev != nil {
		if !schema.IsEventType(ev.Type) {
			return nil, fmt.Errorf("event type %q unknown", ev.Type)
		}
		if ev.StateType != "" && !schema.IsEventType(ev.StateType) {
			return nil, fmt.Errorf("event state_type %q unknown", ev.StateType)
		}
		for _, name := range []string{ev.Agent, ev.Target, ev.Location} {
			if name != "" && !slices.Contains(fr.slotNames, name) && !(name == antecedentAgent && (name == ev.Agent || ev.Refine)) && !(name == antecedentTarget && name == ev.Target) && !((name == articleStateName || name == speakerName) && name == ev.Agent) && !(name == speakerEnemyName && name == ev.Target) {
				return nil, fmt.Errorf("event: no slot %q", name)
			}
		}
	}
	if len(s.Facts) == 0 && s.Event == nil {
		return nil, fmt.Errorf("gives neither facts nor an event")
	}
	fr.setFills()
	return fr, nil
}

// setFills sets what fr's slots take: each required slot's (not the
// subject's, bound to its clause's subject, which may be a name's state
// rather than the name, nor that of a slot that takes a country's armed
// forces, whatever their type), and, over all the slots a match tries,
// what could make a virtual entity on the way (a capital for its
// government, a demonym for its country: d.virtual adds the entity to the
// article even when the match then fails).
func (fr *construction) setFills() {
	fr.needSlots, fr.needAt, fr.virtual = fr.needSlots[:0], fr.needAt[:0], fills{}
	for i := range fr.elems {
		e := &fr.elems[i]
		if e.kind != eSlot || e.subject {
			continue
		}
		f := slotFills(e)
		fr.virtual.metonyms |= f.metonyms
		fr.virtual.demonym = fr.virtual.demonym || f.demonym
		if !e.optional && !e.military {
			fr.needSlots, fr.needAt = append(fr.needSlots, f), append(fr.needAt, i)
		}
	}
}

// keySet keys a list of words as the tokeniser keys them.
func keySet(ws []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, w := range ws {
		key, err := wordKey(w)
		if err != nil {
			return nil, err
		}
		set[key] = true
	}
	return set, nil
}

// wordKey is the key a word of a pattern has in a sentence: the norm of
// its one token, as the tokeniser makes it. A possessive ("'s") is a token
// only after a word, so it is read after one.
func wordKey(w string) (string, error) {
	if toks := tokenize(w); len(toks) == 1 {
		return toks[0].norm, nil
	}
	if toks := tokenize("x" + w); len(toks) == 2 && toks[1].kind == tPoss {
		return toks[1].norm, nil
	}
	return "", fmt.Errorf("word %q is not one token", w)
}

// maxSlots bounds the slots of a frame, so that a match needs no
// allocation.
const maxSlots = 6

// match is one match of a frame: the item each slot bound and the first
// word item matched (the trigger, whose clause decides the claim kind).
type match struct {
	bind    [maxSlots]int
	subject *entity // the entity the subject slot bound, if the frame has one
	trigger int
}

// matchAt matches the frame's elements from item k on, an item that
// canStart: the caller tests that first, inlined, so that the items that
// cannot start the frame (most of them) cost neither a call nor a match.
func (fr *construction) matchAt(v *view, k int) (match, bool) {
	if fr.after(v, k) {
		return match{}, false
	}
	m := match{trigger: -1}
	for i := range m.bind {
		m.bind[i] = -1
	}
	if !fr.step(v, 0, k, &m) || v.negated(m.trigger) || fr.attacks() && v.unrealised(m.trigger) {
		return m, false
	}
	return m, fr.bindSubject(v, &m)
}

// attacks reports a frame whose event is an attack or an airstrike.
func (fr *construction) attacks() bool {
	ev := fr.spec.Event
	return ev != nil && (ev.Type == schema.EvAttack || ev.Type == schema.EvAirstrike)
}

// negated reports a negator just before the trigger at item k, past one
// auxiliary or adverb: "is not withdrawing", "did not claim"; or a
// prevention the trigger's act is kept from: "to deter Tehran from
// conducting attacks".
func (v *view) negated(k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if v.wordIn(j, v.d.lx.negators) {
			return true
		}
	}
	for j := k - 1; j >= 1 && j >= k-3; j-- {
		if v.word(j, "from") {
			for p := j - 1; p >= 0 && p >= j-5; p-- {
				if v.wordIn(p, v.d.lx.preventionVerbs) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// bindSubject binds the subject slot, if the frame has one, to the
// subject of the trigger's clause; a frame whose subject is missing or of
// another type does not match, unless the slot is optional.
func (fr *construction) bindSubject(v *view, m *match) bool {
	if fr.subject < 0 {
		return true
	}
	e := &fr.elems[fr.subject]
	fits := func(x *entity) bool {
		return x != nil && (e.types&entTypes(x) != 0 || e.military && v.d.lx.countryOf(x) != nil)
	}
	j, x := v.clauseSubject(m.trigger)
	if p := v.politicalEntity(x); !fits(x) && fits(p) && e.types.has(schema.GovernmentBody) {
		x = p // "Baghdad has pressed for …": the capital speaks for its state
	}
	if j < 0 && is(v.d.lastTopic, schema.MilitaryBase, schema.Place) && fits(v.d.lastTopic) && v.itSubject(m.trigger) {
		// "It continues to host U.S. forces": "it" is the base or place
		// the last sentence was about, when the frame wants one, rather
		// than the last actor named.
		x = v.d.lastTopic
	}
	if fits(x) {
		m.bind[e.slot], m.subject = j, x
		return true
	}
	return e.optional
}

// itSubject reports "it" as the subject of the verb at item k, past
// adverbs and auxiliaries: "It continues to host".
func (v *view) itSubject(k int) bool {
	p := k - 1
	for p >= 0 && (v.wordIn(p, v.d.lx.adverbs) || v.wordIn(p, v.d.lx.auxVerbs)) {
		p--
	}
	return v.word(p, "it")
}

// step matches elements [i:] from item k on, backtracking over optional
// elements and gaps.
func (fr *construction) step(v *view, i, k int, m *match) bool {
	if i == len(fr.elems) {
		return !fr.followedBy(v, k)
	}
	// An optional element is taken when it matches and left when it does
	// not (greedy, as in regular expressions): "condemned the strikes"
	// binds an optional object where there is one.
	e := &fr.elems[i]
	if fr.take(v, e, i, k, m) {
		return true
	}
	return e.optional && fr.step(v, i+1, k, m)
}

// take matches element e (the i-th) at item k, then the rest.
func (fr *construction) take(v *view, e *elem, i, k int, m *match) bool {
	switch e.kind {
	case eSlot:
		if e.subject {
			return fr.step(v, i+1, k, m) // bound once the trigger is known
		}
		if e.types.has(schema.Person) {
			k = v.personHead(k)
		}
		if e.types.has(schema.ArmedGroup) {
			k = v.siteOwner(k)
		}

		for v.qualifier(k) && !fr.wantsLink(v, i, k) {
			k += 2 // "the Iran-backed Kata'ib Hezbollah": the group; "posts of Iran's Revolutionary Guard": the Guard's
		}
		if p := v.siteInCountry(k); p > k && is(v.ent(p), schema.MilitaryBase) && e.types.has(schema.MilitaryBase) && !fr.wantsLink(v, i, k) {
			k = p // "drones targeted Iraq's Ain al-Asad air base": the base; a place keeps its state ("in Syria's Deir ez-Zor")
		}
		if k < len(v.it) && v.it[k].e == nil && v.groupAfter(k) && !fr.wantsLink(v, i, k) {
			return false // "Iraqi armed factions announced": not Iraq
		}
		if e.types.has(schema.ArmedGroup) && !e.types.has(schema.Place) && v.situated(k) {
			return false // "bases in northern Iraq for its war": where, not who
		}
		if v.wordIn(k+1, v.d.lx.bodyVoices) && fr.struckSlot(e.slot) {
			return false // "... fired rockets at the base, U.S. officials said": the speakers' state, not what was struck
		}
		if i == 0 && fr.spec.Event != nil && fr.spec.Event.Target == fr.slotNames[e.slot] && v.groupsSite(k) {
			return false // "Hezbollah fighters in Quneitra came under fire": the fighters', not the town's
		}
		if i == 0 && len(fr.elems) > 1 && fr.elems[1].kind == eGap {
			// The name before the gap stands for the subject of the verb
			// after it, unless it is only part of a phrase about another.
			if !e.types.has(schema.Place) && v.situated(k) {
				return false // "a depot in Iraq, officials said": where, not who speaks or acts
			}
			if h, in := v.descriptionHead(k); in {
				// "the Peshmerga, a close US partner in the war on
				// ISIS", "the Hashd is an Iraqi body that battled
				// ISIS": the name described, not the one describing.
				if e.accept(v, h) == nil || e.list {
					return false
				}
				m.bind[e.slot] = h
				if fr.step(v, i+1, k+1, m) {
					return true
				}
				m.bind[e.slot] = -1
				return false
			}
		}
		if i > 0 && fr.elems[i-1].kind == eGap && e.types.has(schema.ArmedGroup) && v.siteOfCountry(k) {
			return false // "jets attacked a depot in eastern Syria": where the target is, not the target
		}
		if e.entityAt(v, k) != nil {
			m.bind[e.slot] = k
			// A list slot goes on after its whole list when it ends the
			// pattern ("strikes on facilities in Iraq and Syria
			// controlled by X": what follows the list ends the match),
			// and may go on after it elsewhere.
			next := k + 1
			if e.list {
				var buf [8]int
				if l := v.appendList(buf[:0], k); len(l) > 1 {
					if last := l[len(l)-1] + 1; i == len(fr.elems)-1 {
						next = last
					} else if e.accept(v, last-1) != nil && fr.step(v, i+1, last, m) {
						// The pattern goes on from the list's last item,
						// which must fit the slot: not "the offensive into
						// Gaza, militias in Iraq" for a place in Iraq.
						return true
					}
				}
			}
			if fr.step(v, i+1, next, m) {
				return true
			}
			m.bind[e.slot] = -1
		}
	case eWords:
		if k < len(v.it) && v.it[k].e == nil && e.ids.has(v.it[k].id) {
			if i > 0 && fr.elems[i-1].kind == eGap && v.word(k, "by") && v.wordIn(k-1, v.d.lx.usedByParticiples) {
				return false // "facilities controlled by X": X holds them, it did not act
			}
			if i > 0 && fr.elems[i-1].kind == eSlot && v.targetsNoun(k) {
				return false // "Hezbollah targets were hit by X": a noun, the subject of "were", not a verb after its subject
			}
			t := m.trigger
			if t < 0 {
				m.trigger = k
			}
			if fr.step(v, i+1, k+1, m) {
				return true
			}
			m.trigger = t
		}
	case eGap:
		if last := len(fr.elems) - 1; i+1 == last && fr.elems[last].kind == eSlot && fr.elems[last].optional {
			// A gap before an optional slot that ends the pattern reaches
			// for the slot ("by ...2 {x}?": "by President X" binds X);
			// taken shortest first, the gap would end every match with
			// the slot unbound.
			if v.walkGap(e, k, fr.stopIDs, func(p int) bool { return fr.take(v, &fr.elems[last], last, p, m) }) {
				return true
			}
		}
		lead := i == 1 && fr.elems[0].kind == eSlot && !fr.elems[0].subject
		return v.walkGap(e, k, fr.stopIDs, func(p int) bool {
			// A verb after ", and" shares the subject of the clause before,
			// not the name that ends its object ("defended the borders
			// of Iraq and its people, and battled ISIS": not Iraq).
			if lead && p > k && v.word(p-1, "and") && v.word(p-2, ",") {
				return false
			}
			return fr.step(v, i+1, p, m)
		})
	}
	return false
}

// struckSlot reports whether slot n names what the frame's attack struck:
// the target of its Attack or Airstrike, or the object of its attacked
// fact.
func (fr *construction) struckSlot(n int) bool {
	name := fr.slotNames[n]
	if ev := fr.spec.Event; ev != nil && ev.Target == name && (ev.Type == schema.EvAttack || ev.Type == schema.EvAirstrike) {
		return true
	}
	for _, f := range fr.spec.Facts {
		if f[1] == "attacked" && f[2] == name {
			return true
		}
	}
	return false
}

// targetsNoun reports a word at item k that is an attack only between a
// subject and its object (attack_if_object_follows: "Turkey targets PKK
// positions") but that a finite form of "be" follows, past a place it is
// in: a plural noun, the subject of that verb, naming what was struck
// ("Hezbollah targets were hit", "PKK targets in Iraq were struck"). A
// verb in -s is never followed by a finite "be".
func (v *view) targetsNoun(k int) bool {
	if v.d.lx.byWord[v.it[k].id].event != evAttackIfObject {
		return false
	}
	n := k + 1
	if v.word(n, "in", "near", "inside", "across", "around", "along") && v.ent(n+1) != nil {
		n += 2
	}
	return v.word(n, "is", "are", "was", "were")
}

// walkGap tries the rest of a match (try) at each item the gap e may end
// at from item k, shortest first; it never passes the frame's own stops.
func (v *view) walkGap(e *elem, k int, stops wordIDs, try func(p int) bool) bool {
	for p, n := k, 0; ; n++ {
		if try(p) {
			return true
		}
		if n == e.gap || p >= len(v.it) {
			return false
		}
		// A gap stays in its clause and out of quotations: the
		// speaker of "…Iraq," the official said is not Iraq.
		it := &v.it[p]
		if c := v.quotedPhraseEnd(p); c > 0 {
			// A few words in quotation marks are words of the clause:
			// hit "Scud missile warehouses" and launchers in Qalamun.
			p = c + 1
			continue
		}
		// Nor past a speech verb: "the U.S. says these militias are
		// behind attacks" does not make the U.S. their agent.
		if it.e != nil && (!e.crossNames || e.rivals.has(it.e.typ)) || clauseBreak(it.w) || it.w == `"` || v.coordinatedPhrase(p) || v.wordIn(p, v.d.lx.departureConditions) || v.wordIn(p, v.d.lx.gapStops) || it.e == nil && stops.has(it.id) || v.word(p, "if", "whether") {
			return false // nor into a condition: "target U.S. forces until they withdraw" is no withdrawal
		}
		// An aside in brackets is one word of the gap: "on Friday
		// at 10 p.m. (local time) against the PKK".
		if e.crossNames {
			if c := v.closeParen(p); c > 0 {
				p = c
			}
		}
		p++
	}
}

// quotedPhraseEnd returns the item of the closing quotation mark when item p
// opens one around at most four plain words ("Scud missile warehouses"),
// or 0: such marks set a phrase apart, they quote no one.
func (v *view) quotedPhraseEnd(p int) int {
	if v.it[p].w != `"` {
		return 0
	}
	for c := p + 1; c < len(v.it) && c <= p+5; c++ {
		it := &v.it[c]
		if it.w == `"` && it.e == nil {
			if c == p+1 {
				return 0
			}
			return c
		}
		if it.e != nil || it.w == "" || clauseBreak(it.w) || it.w == "," || v.wordIn(c, v.d.lx.gapStops) {
			return 0
		}
	}
	return 0
}

// siteOfCountry reports a country at item k that says where one site
// named before it is ("a depot in eastern Syria"), not the country itself
// under attack: its areas ("areas in Iraq and Syria") or sites at large
// ("strikes on military sites in Syria", which the annotators count as
// strikes on Syria).
func (v *view) siteOfCountry(k int) bool {
	if !is(v.ent(k), schema.Country) {
		return false
	}
	p := k - 1
	if v.wordIn(p, v.d.lx.placeWords) || v.word(p, "the") {
		p--
	}
	// "in", not "at": "the group hit back at the US" aims at the state.
	return v.word(p, "in", "inside") && v.ent(p-1) == nil && !v.wordIn(p-1, v.d.lx.placesBefore) && !v.wordIn(p-1, v.d.lx.genericTargets)
}

// coordinatedPhrase reports "and" or "or" at item k opening a second
// phrase of a target ("against the attacks of the Zionists and against
// the American occupation"): a gap that passed it would make the second
// the first one's target.
func (v *view) coordinatedPhrase(k int) bool {
	return v.word(k, "and", "or") && v.wordIn(k+1, v.d.lx.targetPrepositions)
}

// statePossessor reports a country at item k that owns the body named
// after its possessive ("Iran's Revolutionary Guard", "Syria's army"):
// the body, not the country, fills the slot, unless the pattern names
// the possessive. A place stays the country's ("Syria's al-Omar field"
// locates the field).
func (v *view) statePossessor(k int) bool {
	return is(v.ent(k), schema.Country) && v.word(k+1, "'s", "'") && is(v.ent(k+2), schema.GovernmentBody, schema.ArmedGroup, schema.Coalition)
}

// siteInCountry returns the item of the place or base a country's
// possessive at item j locates ("Iraq's Ain al-Asad air base", "Iraq's
// town of Zummar"), or j: the country says where the site is.
func (v *view) siteInCountry(j int) int {
	if !is(v.ent(j), schema.Country) || !v.word(j+1, "'s") {
		return j
	}
	p := j + 2
	if v.wordIn(p, v.d.lx.placesBefore) && v.word(p+1, "of") {
		p += 2
	}
	if is(v.ent(p), schema.Place, schema.MilitaryBase) {
		return p
	}
	return j
}

// qualifier reports a name at item k that qualifies the name two items on
// and fills no role of its own: a hyphenated sponsor ("the Iran-backed
// Kata'ib Hezbollah") or a state owning a body ("Iran's Revolutionary
// Guard").
func (v *view) qualifier(k int) bool {
	return v.sponsorModifier(k) || v.statePossessor(k)
}

// siteNoun reports whether item n is a noun of a site that has an owner
// or a host: "positions", "headquarters", "base".
func (v *view) siteNoun(n int) bool {
	return v.wordIn(n, v.d.lx.ownedSites) || v.wordIn(n, v.d.lx.genericTargets) || v.wordIn(n, v.d.lx.baseNouns)
}

// namedBase returns k+1 when item k is a state's base or outpost ("the
// American outpost") and the name of the base follows ("Tower 22") or a
// phrase "in|at <base>" does, or the item of the base a holder's
// possessive names ("the coalition's Harir air base"): the phrase names
// that base. Otherwise it returns k.
func (v *view) namedBase(k int) int {
	if is(v.ent(k), schema.Coalition, schema.GovernmentBody, schema.ArmedGroup) && v.word(k+1, "'s", "'") && is(v.ent(k+2), schema.MilitaryBase) {
		return k + 2 // "the coalition's Harir air base": the base its holder names
	}
	if k < len(v.it) && v.it[k].bases {
		if is(v.ent(k+1), schema.MilitaryBase) {
			return k + 1
		}
		// "US military bases in Tanf", "a U.S. base at the Conoco
		// field", "a US base in Syria's Tanf region": the base named.
		if b := v.baseNamedAt(k + 1); b >= 0 {
			return b
		}
	}
	return k
}

// baseNamedAt returns the item of the base a phrase "in|at (the)
// (Country's) <base>" starting at item k names, or -1: where a state's or
// a coalition's base is, by its name. A base "near" a place is not that
// place.
func (v *view) baseNamedAt(k int) int {
	if !v.word(k, "in", "at") {
		return -1
	}
	n := k + 1
	if v.word(n, "the") {
		n++
	}
	n = v.siteInCountry(n)
	if is(v.ent(n), schema.MilitaryBase) {
		return n
	}
	return -1
}

// siteOwner returns the item of the group or body that holds the site a
// phrase starting at item k names, the target of an attack on it: "the
// headquarters of the PMF", "two positions of Kata'ib Hezbollah", "a PMF
// headquarters"; or of the forces a base houses ("a Syrian base hosting
// coalition forces"). Otherwise it returns k.
func (v *view) siteOwner(k int) int {
	if b := v.namedBase(k); b != k {
		return b
	}
	j := k
	for j < len(v.it) && j < k+2 && (v.wordIn(j, v.d.lx.siteDeterminers) || isNumber(v.it[j].w)) {
		j++
	}
	site := v.siteNoun
	if f := v.hostedForce(j); f >= 0 {
		return f // "an attack on an Iraqi base housing U.S. troops": the troops
	}
	owner := func(n int) bool { return is(v.ent(n), schema.ArmedGroup, schema.GovernmentBody, schema.Coalition) }
	// "the base of the coalition at Erbil airport", "two bases of the
	// occupation in Syria, the al-Omar field and Shaddadi": the named
	// sites.
	named := func(n int) int {
		if v.word(n+1, "at") && is(v.ent(n+2), schema.MilitaryBase, schema.Place) {
			return n + 2
		}
		if b := v.baseNamedAt(n + 1); b >= 0 {
			return b // "the coalition base in the al-Omar oil field"
		}
		a := n + 1
		if v.word(a, "in", "near") && v.ent(a+1) != nil {
			a += 2
		}
		if v.word(a, ",") {
			if v.word(a+1, "the") {
				a++
			}
			if is(v.ent(a+1), schema.MilitaryBase) {
				return a + 1
			}
			// "the coalition compound, which trainers use, at Harir air
			// base": the base named past the relative clause.
			if v.word(a+1, "which", "that") {
				for x := a + 2; x < len(v.it) && x <= a+10 && !clauseBreak(v.it[x].w); x++ {
					if v.word(x, ",") {
						if b := v.baseNamedAt(x + 1); b >= 0 {
							return b
						}
						break
					}
				}
			}
		}
		return n
	}
	if owner(j) && site(j+1) {
		if b := named(j + 1); b != j+1 {
			return b // "the coalition compound, which ..., at Harir" after the frame's "the": the base
		}
	}
	switch {
	case j > k && owner(j) && site(j+1):
		return named(j + 1)
	case site(j) && v.word(j+1, "of"):
		n := j + 2
		if v.word(n, "the") {
			n++
		}
		if owner(n) {
			return named(n)
		}
	}
	return k
}

// slotItem is the farthest item a slot that starts at item k binds,
// past the qualifiers before a name (take stops at one only where the
// pattern names its link word).
func (v *view) slotItem(k int) int {
	for v.qualifier(k) {
		k += 2
	}
	return k
}

// groupAfter reports a group noun within two words after item k:
// "Iraqi armed factions announced" are factions, not Iraq, unless the
// pattern names the noun ("{area:Country} militia").
func (v *view) groupAfter(k int) bool {
	for j := k + 1; j < len(v.it) && j <= k+2; j++ {
		if v.wordIn(j, v.d.lx.groupNouns) || v.wordIn(j, v.d.lx.memberHeads) {
			return true
		}
	}
	return false
}

// wantsLink reports that the i-th element, binding the name at item k of
// "Iran-backed", "PKK-affiliated" or "Iran's", is followed in the pattern
// by the word after it ("{y} affiliated", "{area} 's"). Other slots pass
// over a sponsor or possessor to the name it qualifies: it fills no role
// itself.
func (fr *construction) wantsLink(v *view, i, k int) bool {
	if k+1 >= len(v.it) {
		return false
	}
	for j := i + 1; j < len(fr.elems) && fr.elems[j].kind == eWords; j++ {
		if fr.elems[j].ids.has(v.it[k+1].id) {
			return true
		}
		if !fr.elems[j].optional {
			break
		}
	}
	return false
}

// personHead is the person a noun phrase starting at item k names when
// k is the body, demonym or capitalised qualifier a title qualifies ("Quds Force Commander Qasem
// Soleimani", "Foreign Ministry Spokesman Nasser Kanaani", "Kurdish
// lawmaker Sherwan Dubardani": the phrase is the person); otherwise k.
func (v *view) personHead(k int) int {
	if k >= len(v.it) || v.ent(k) == nil && v.it[k].dem == nil && !v.d.toks[v.it[k].t0].cap { // "Kurdish lawmaker Sherwan Dubardani"
		return k
	}
	j := k + 1
	if v.word(j, "'s", "'") { // "Syria's interim President Ahmad al-Sharaa"
		j++
	}
	for j < len(v.it) && j-k <= 5 && v.wordIn(j, v.d.lx.roleModifiers) {
		j++
	}
	for j < len(v.it) && j-k <= 7 && v.it[j].e == nil {
		if te := v.d.titleEnd(v.it[j].t0, v.s.last); te > v.it[j].t0 {
			for j < len(v.it) && v.it[j].t0 < te { // "Secretary of State"
				j++
			}
			continue
		}
		if !v.titleAt(j) {
			break
		}
		j++
	}
	if j > k+1 && is(v.ent(j), schema.Person) {
		return j
	}
	// "the Iraqi foreign minister, Fuad Hussein,": the title's person in
	// apposition.
	if j > k+1 && v.ent(k) == nil && v.word(j, ",") && is(v.ent(j+1), schema.Person) {
		return j + 1
	}
	return k
}

// clauseSubject is the subject of the verb at item k, as v.subj finds it,
// past up to three prepositional phrases between them, names in them
// included ("X, in a statement, claimed", "X, in a statement published on
// its Telegram channel, claimed", "X on Monday in Baghdad announced").
func (v *view) clauseSubject(k int) (int, *entity) {
	j := k
	for hop := 0; hop < 3; hop++ {
		if i, e := v.subj(j); e != nil {
			return i, e
		}
		if h := v.relativeHead(j); h >= 0 {
			return h, v.it[h].e
		}
		p := j - 1
		for p >= 0 && j-p <= 5 && !clauseBreak(v.it[p].w) && (v.it[p].e != nil || !preposition(v.it[p].w)) {
			p--
		}
		if p < 0 || !preposition(v.itWord(p)) {
			return -1, nil
		}
		j = p
	}
	return -1, nil
}

// descriptionHead reports a name or demonym at item k that only
// qualifies an indefinite description of a name before it: in an
// apposition ("the Peshmerga, a close US partner in the war on ISIS") or
// after a copula or "as" ("the Hashd is an Iraqi body that battled
// ISIS"). It returns the item of the name described. A person noun
// after the name makes it the body that person speaks or acts for ("...,
// a US official said"), not a description.
func (v *view) descriptionHead(k int) (int, bool) {
	if v.wordIn(k+1, v.d.lx.personNouns) {
		return -1, false
	}
	p := k - 1
	for n := 0; p >= 0 && n < 4 && !v.word(p, "a", "an"); p, n = p-1, n+1 {
		it := &v.it[p]
		if it.e != nil || clauseBreak(it.w) || it.w == "," || it.w == `"` || it.w != "of" && (preposition(it.w) || v.word(p, "by", "for", "to", "from", "against")) {
			return -1, false
		}
	}
	if !v.word(p, "a", "an") {
		return -1, false
	}
	switch {
	case v.word(p-1, ",") && v.ent(p-2) != nil && !v.locative(p-2):
		return p - 2, true
	case v.word(p-1, "is", "are", "was", "were", "remains", "remain", "as"):
		if h, x := v.subj(p - 1); h >= 0 && x != nil && h < p-1 {
			return h, true
		}
		if v.wordIn(p-2, v.d.lx.troopNouns) && v.ent(p-3) != nil {
			return p - 3, true // "the Hashd forces are a state body"
		}
	}
	return -1, false
}

// relativeHead returns the name a restrictive relative clause ending
// before item k qualifies, the subject of the verb at k: "the militias
// that dominate Iraq's security landscape fired rockets"; or -1.
func (v *view) relativeHead(k int) int {
	for p := k - 2; p >= 1 && k-p <= 10; p-- {
		it := &v.it[p]
		if it.e == nil && (clauseBreak(it.w) || it.w == "," || it.w == `"`) {
			return -1
		}
		if v.word(p, "that", "who") {
			if v.it[p-1].e != nil && !v.locative(p-1) {
				return p - 1
			}
			return -1
		}
	}
	return -1
}

// preposition reports the prepositions that open an aside between a
// subject and its verb.
func preposition(w string) bool {
	switch w {
	case "in", "on", "at", "during", "after", "before", "with", "through", "since", "via", "amid", "late", "early":
		return true
	}
	return false
}

// entityAt returns the entity item k gives the slot: an entity of the
// slot's types or, where the slot takes countries, a demonym's country
// ("an Israeli airstrike").
func (e *elem) entityAt(v *view, k int) *entity {
	if k >= len(v.it) {
		return nil
	}
	if v.ent(k) != nil {
		return e.accept(v, k)
	}
	// "the Iraqi official" is a person named before; "an Iraqi official"
	// is one the article does not name, who speaks for the state.
	if e.demonym && v.it[k].dem != nil && e.types.has(schema.Country) && (!v.titleAt(k+1) || v.unnamedSource(k)) {
		return v.country(k)
	}
	return nil
}

// accept returns the entity the slot takes for x: x itself when its type
// fits, the state a capital stands for when the slot takes states and
// not places ("Baghdad insists", "Erbil and Baghdad reached an
// agreement"; places.yaml, metonym:), or nil.
func (e *elem) accept(v *view, k int) *entity {
	x := v.ent(k)
	switch {
	case x == nil:
		return nil
	case e.types&entTypes(x) != 0 || e.military && v.d.lx.countryOf(x) != nil:
		return x
	case x.lex != nil && x.lex.metonym != nil && e.types.has(x.lex.metonym.Type) && e.types.has(schema.GovernmentBody) && !v.wordIn(k-1, v.d.lx.placePrepositions):
		// Only where the slot wants an actor, and the city is no place
		// the sentence names: "Baghdad's Green Zone" and "officials in
		// Erbil said" are in the city, not its government.
		return v.d.virtual(x.lex.metonym)
	}
	return nil
}

// unnamedSource reports an indefinite determiner before the demonym at k,
// past role modifiers: "an Iraqi official", "two senior Iraqi officials".
func (v *view) unnamedSource(k int) bool {
	j := k - 1
	for j >= 0 && v.wordIn(j, v.d.lx.roleModifiers) {
		j--
	}
	if j >= 0 && v.it[j].e == nil && isNumber(v.it[j].w) {
		return true
	}
	if v.word(j, "a", "an", "one", "two", "three", "several", "some", "many") {
		return true
	}
	// "Iraqi officials said", "US security sources": a plural names no one.
	n := k + 1
	for v.wordIn(n, v.d.lx.roleModifiers) {
		n++
	}
	return v.wordIn(n, v.d.lx.pluralSourceNouns)
}

// isNumber reports a written number, with its thousands separators or a
// decimal point: "2016", "2,500", "1.5".
func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && strings.Trim(w, "0123456789,.") == ""
}

// titleAt reports whether item k is a title or role ("official",
// "foreign minister", "spokesman").
func (v *view) titleAt(k int) bool {
	if k >= len(v.it) || v.it[k].e != nil {
		return false
	}
	it := &v.it[k]
	return v.roleNoun(it.w) || v.d.titleEnd(it.t0, it.t1) > it.t0 || v.wordIn(k, v.d.lx.untitledRoles)
}

// after reports whether one of the frame's not_after words stands right
// before item k, or before its article ("with the U.S.").
func (fr *construction) after(v *view, k int) bool {
	if len(fr.afterIDs) == 0 {
		return false // most frames: no word to look back for
	}
	j := k - 1
	if v.word(j, "the", "a", "an") {
		j--
	} else if j > 0 && v.it[j].e == nil && strings.HasSuffix(v.it[j].w, "ly") {
		j-- // "are regularly attacked by": past the adverb
	}
	return j >= 0 && v.it[j].e == nil && fr.afterIDs.has(v.it[j].id)
}

// followedBy reports whether one of the frame's not_before runs starts at
// item k.
func (fr *construction) followedBy(v *view, k int) bool {
	for _, run := range fr.notBefore {
		n := 0
		for n < len(run) && k+n < len(v.it) && v.it[k+n].e == nil && v.it[k+n].w == run[n] {
			n++
		}
		if n == len(run) {
			return true
		}
	}
	return false
}

// applyFrames fires every frame that has a word of each of its required
// word elements in the sentence, trying it only at the items an anchor of
// the frame is at or within reach of (setAnchor). The frame index says
// which frames the sentence has a word of their key element, the
// candidates: only those are visited, in file order, and only those whose
// required slots the sentence's names can fill (canFill, the cheaper test
// of the two) are looked for their other words (holds).
func (v *view) applyFrames() {
	lx := v.d.lx
	if len(lx.frames) == 0 || v.endsWithQuestion() {
		return // a question asserts nothing: "Would the occupiers withdraw?"
	}
	x := v.d.frames
	x.index(v)
	for fi := range x.candidates() { // in file order
		fr := lx.frames[fi]
		if !x.canFill(fr) || !x.holds(fr) {
			continue
		}
		x.anchorItems(fr)
		if !x.canPlace(fr) {
			continue
		}
		for k := range x.starts(v, fr) {
			if !fr.canStart(v, k) {
				continue
			}
			if m, ok := fr.matchAt(v, k); ok {
				v.emit(fr, m)
			}
		}
	}
}

// frameIndex is what the words of a sentence give the frames: the frames
// whose key element (setKey) the sentence has a word of, the words it
// has, and the items of each word in order. Its slices are reused from
// sentence to sentence.
//
// A frame is indexed by its key alone, not by every word of its required
// elements: "in", "of", "the" serve dozens of frames each, and adding
// each of their frames for each sentence (then visiting nearly all the
// frames) cost more than the matching. A candidate's other elements are
// looked for by word number (holds).
type frameIndex struct {
	some []uint64 // bit f: the sentence has a word of frame f's key element
	// seen[id] == sentence: the word numbered id is in this sentence, and
	// head[id] is its first item, from which next[item] goes on to the
	// next item of the word (-1 at the last).
	seen     []uint32
	head     []int32
	next     []int32
	sentence uint32
	names    []int32 // the items of entities and demonyms, in order
	fills    fills   // what the names can fill
	nameFill []fills // what each of names can fill
	// nameEnd[j] is slotItem of names[j], or -1 until starts asks it: the
	// same for every frame tried in the sentence, as the items do not
	// change while it is matched.
	nameEnd []int32
	anchors []int32 // the items of the anchor of the frame being tried (starts)
}

// index indexes the items of v.
func (x *frameIndex) index(v *view) {
	lx := v.d.lx
	x.some = resize(x.some, (len(lx.frames)+63)/64)
	x.names, x.nameEnd = x.names[:0], x.nameEnd[:0]
	if x.sentence++; x.sentence == 0 || len(x.seen) != len(lx.byWord) {
		x.seen, x.head, x.sentence = make([]uint32, len(lx.byWord)), make([]int32, len(lx.byWord)), 1
	}
	x.next = resize(x.next, len(v.it))
	x.fills, x.nameFill = fills{}, x.nameFill[:0]
	for k := range v.it {
		it := &v.it[k]
		var f fills
		switch {
		case it.e != nil:
			f.types = entTypes(it.e)
			if it.e.lex != nil && it.e.lex.metonym != nil {
				f.metonyms = typeBit(it.e.lex.metonym.Type)
			}
		case it.dem != nil:
			f.demonym = true
		default:
			continue
		}
		x.fills.types, x.fills.metonyms, x.fills.demonym = x.fills.types|f.types, x.fills.metonyms|f.metonyms, x.fills.demonym || f.demonym
		x.names, x.nameEnd, x.nameFill = append(x.names, int32(k)), append(x.nameEnd, -1), append(x.nameFill, f)
	}
	for k := len(v.it) - 1; k >= 0; k-- { // backwards, so that each word's items are in order
		it := &v.it[k]
		if it.e != nil {
			continue
		}
		if x.seen[it.id] == x.sentence {
			x.next[k] = x.head[it.id]
		} else {
			x.seen[it.id], x.next[k] = x.sentence, -1
			for _, f := range lx.byWord[it.id].keyOf {
				x.some[f/64] |= 1 << (f % 64)
			}
		}
		x.head[it.id] = int32(k)
	}
}

// has reports whether the sentence has the word numbered id, not 0.
func (x *frameIndex) has(id wordID) bool { return id != 0 && x.seen[id] == x.sentence }

// holds reports whether the sentence has a word of each of fr's required
// word elements.
func (x *frameIndex) holds(fr *construction) bool {
	ws := fr.others
	for i := 0; i < len(ws); i++ {
		for ws[i] != 0 && x.seen[ws[i]] != x.sentence {
			i++
		}
		if ws[i] == 0 {
			return false // no word of this element
		}
		for ws[i] != 0 { // the element's other words
			i++
		}
	}
	return true
}

// canFill reports whether the sentence's names fit each of fr's required
// slots, or may make a virtual entity while fr is tried: a frame that
// cannot match is passed over only when trying it would change nothing.
func (x *frameIndex) canFill(fr *construction) bool {
	for _, s := range fr.needSlots {
		if !x.fills.fit(s) {
			return x.mayMakeVirtual(fr)
		}
	}
	return true
}

// mayMakeVirtual reports whether trying fr in the sentence may make a
// virtual entity (setFills).
func (x *frameIndex) mayMakeVirtual(fr *construction) bool {
	return x.fills.metonyms&fr.virtual.metonyms != 0 || x.fills.demonym && fr.virtual.demonym
}

// canPlace is canFill on each side of the anchor, whose items anchorItems
// has set: a match binds a slot after the anchor's element to a name after
// the anchor's first item, and one before it to a name before its last
// (a slot's item only moves right, past titles, sponsors and possessors,
// and the elements after it take items after it).
func (x *frameIndex) canPlace(fr *construction) bool {
	if len(x.anchors) == 0 {
		return true
	}
	first, last := x.anchors[0], x.anchors[len(x.anchors)-1]
	for i, s := range fr.needSlots {
		after := fr.needAt[i] > fr.anchor
		placed := false
		for j, k := range x.names {
			if (after && k > first || !after && k < last) && x.nameFill[j].fit(s) {
				placed = true
				break
			}
		}
		if !placed {
			return x.mayMakeVirtual(fr)
		}
	}
	return true
}

// candidates yields, in order, the frames the sentence has a word of
// their key element: most frames have none, and are not visited.
func (x *frameIndex) candidates() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i, w := range x.some {
			for ; w != 0; w &= w - 1 {
				if !yield(i*64 + bits.TrailingZeros64(w)) {
					return
				}
			}
		}
	}
}

// anchorItems sets x.anchors to the items of fr's anchor element, in
// order.
func (x *frameIndex) anchorItems(fr *construction) {
	x.anchors = x.anchors[:0]
	words := 0
	for _, id := range fr.elems[fr.anchor].ids {
		if !x.has(id) {
			continue
		}
		words++
		for k := x.head[id]; k >= 0; k = x.next[k] {
			x.anchors = append(x.anchors, k)
		}
	}
	if words > 1 {
		slices.Sort(x.anchors)
	}
}

// starts yields, in order, the items a match of fr can start at in v,
// whose anchor items anchorItems has set: each item of its anchor and the
// reach items before it, or every item up to its last when the reach is
// unbounded (-1). When only a slot can start the frame, those are the
// names (entities and demonyms), and when the slot takes one name, only
// those with an anchor within reach after them.
func (x *frameIndex) starts(v *view, fr *construction) iter.Seq[int] {
	return func(yield func(int) bool) {
		anchors := x.anchors
		if fr.reach < 0 && fr.start.slot && !fr.start.any && len(fr.start.ids) == 0 {
			a := 0
			for j, k := range x.names {
				for a < len(anchors) && anchors[a] <= k {
					a++
				}
				if a == len(anchors) {
					return
				}
				if fr.afterSlot >= 0 {
					if x.nameEnd[j] < 0 {
						x.nameEnd[j] = int32(v.slotItem(int(k)))
					}
					if anchors[a] > x.nameEnd[j]+1+int32(fr.afterSlot) {
						continue
					}
				}
				if !yield(int(k)) {
					return
				}
			}
			return
		}
		k := 0
		for _, a := range anchors {
			end := int(a)
			if fr.reach >= 0 {
				k = max(k, end-fr.reach)
			}
			for ; k <= end; k++ {
				if !yield(k) {
					return
				}
			}
		}
	}
}

// setKey sets fr.key to the required word element whose words are the
// rarest, by freq (how often each word number stands in the frames'
// examples): the frame index lists the frame under the words of that
// element alone. Which element it is changes only how many frames a
// sentence visits, not what they match.
func (fr *construction) setKey(freq map[wordID]int) {
	best := -1
	count := make([]int, len(fr.elems))
	for i := range fr.elems {
		e := &fr.elems[i]
		if e.bit == 0 {
			continue
		}
		n := 0
		for _, id := range e.ids {
			n += freq[id] + 1
		}
		if count[i] = n; best < 0 || n < best {
			best, fr.key = n, i
		}
	}
	// The other required elements, the rarest first, for holds: the order
	// changes how soon a walk ends, not its answer.
	var rest []int
	for i := range fr.elems {
		if fr.elems[i].bit != 0 && i != fr.key {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(rest, func(a, b int) int { return cmp.Compare(count[a], count[b]) })
	fr.others = fr.others[:0]
	for _, i := range rest {
		ids := slices.Clone(fr.elems[i].ids)
		slices.SortFunc(ids, func(a, b wordID) int { return cmp.Or(cmp.Compare(freq[b], freq[a]), cmp.Compare(a, b)) })
		fr.others = append(append(fr.others, ids...), 0)
	}
}

// internFrameWords numbers the words of every word element, and the
// not_after words, in words.
func internFrameWords(frames []*construction, words *vocab) {
	defer setKeys(frames, words)
	for _, fr := range frames {
		fr.afterIDs = fr.afterIDs[:0]
		for w := range fr.notAfter {
			fr.afterIDs = append(fr.afterIDs, words.intern(w))
		}
		fr.stopIDs = fr.stopIDs[:0]
		for w := range fr.gapStops {
			fr.stopIDs = append(fr.stopIDs, words.intern(w))
		}
		for i := range fr.elems {
			e := &fr.elems[i]
			e.ids = e.ids[:0]
			for w := range e.words {
				e.ids = append(e.ids, words.intern(w))
			}
		}
		fr.setStart()
		fr.setAnchor()
	}
}

// setKeys sets each frame's key element, counting how often each word
// stands in the frames' examples (a sample of the text they are written
// for, where "the" and "in" are common and "airstrike" less so).
func setKeys(frames []*construction, words *vocab) {
	freq := map[wordID]int{}
	for _, fr := range frames {
		for _, ex := range fr.spec.Examples {
			for _, t := range tokenize(ex) {
				if id := words.id(t.norm); id != 0 {
					freq[id]++
				}
			}
		}
	}
	for _, fr := range frames {
		fr.setKey(freq)
	}
}

// slotEntities returns the entities a slot bound: its item, or the coordinated
// list from there for a list slot. They are appended to out[:0], which
// the callers lend from their stacks: a match asks a slot's entities for
// its event and each of its facts, and a slice made for each was tens of
// thousands of allocations a pass.
func (v *view) slotEntities(out []*entity, fr *construction, m match, name string) []*entity {
	out = out[:0]
	i := slices.Index(fr.slotNames, name)
	if i < 0 {
		return v.contextEntities(name)
	}
	k, se := m.bind[i], fr.slotElem(i)
	switch {
	case se.subject && m.subject != nil && (k < 0 || !se.list):
		out = append(out, m.subject) // a pronoun's antecedent has no item
	case k < 0:
		return nil
	case !se.list:
		out = append(out, se.entityAt(v, k))
	default:
		var buf [8]int
		idx := v.appendList(buf[:0], k)
		if name == fr.struck && len(idx) > 0 {
			idx = v.targetsPastPhrases(idx)
		}
		for _, j := range idx {
			if x := se.accept(v, j); x != nil {
				out = append(out, x)
			}
		}
	}
	for i, e := range out {
		switch {
		case se.forces && v.d.military(e) != nil:
			out[i] = v.d.military(e) // "The United States will withdraw its forces"
		case se.state && e != nil && v.d.lx.countryOf(e) != nil:
			out[i] = v.d.virtual(v.d.lx.countryOf(e)) // "condemned the bombing by US forces": the United States
		}
	}
	return out
}

func (fr *construction) slotElem(slot int) *elem {
	for i := range fr.elems {
		if fr.elems[i].kind == eSlot && fr.elems[i].slot == slot {
			return &fr.elems[i]
		}
	}
	return nil
}

// emit records what a match gives: its facts, then its event unless the
// sentence has an event of that type with the same agent and target.
func (v *view) emit(fr *construction, m match) {
	ev := v.emitEvent(fr, m)
	var subjects, objects [4]*entity
	for _, f := range fr.spec.Facts {
		for _, s := range v.factEntities(subjects[:0], fr, m, f[0], ev) {
			obj := v.factEntities(objects[:0], fr, m, f[2], ev)
			if f[2] == hostCountryName || f[2] == hostCountriesName {
				obj = v.hostCountries(objects[:0], s, m.trigger, f[2] == hostCountriesName)
			}
			for _, o := range obj {
				if (f[1] == "attacked" || f[1] == "targeted") && v.d.ownSide(s, o) {
					continue // no one attacks its own side: a misread slot
				}
				if fr.spec.Kind != "" {
					v.d.addFact(s, f[1], o, fr.spec.Kind, nil, v.evidence(), "", 0.6)
				} else {
					v.fact(m.trigger, s, f[1], o, 0.6)
				}
			}
		}
	}
}

// factEntities are the entities a fact's slot name gives: a slot's, an
// antecedent's, or, for "event", the event the frame made or found. A
// slot's are appended to out[:0] (slotEntities).
func (v *view) factEntities(out []*entity, fr *construction, m match, name string, ev *schema.Event) []*entity {
	switch {
	case name == eventSlot && ev != nil:
		return []*entity{{id: ev.ID, typ: schema.EventEntity}}
	case name == eventAgent && ev != nil && v.d.byID[ev.Agent] != nil:
		return []*entity{v.d.byID[ev.Agent]}
	case name == eventSlot || name == eventAgent:
		return nil
	}
	return v.slotEntities(out, fr, m, name)
}

// The names by which a frame's facts refer to its event ("[a, party_to,
// event]": a party to the negotiation) and to that event's agent ("[
// event.agent, killed, victim]": whoever carried out the strike that
// killed them).
const (
	eventSlot  = "event"
	eventAgent = "event.agent"
)

// noActOfSpeech reports a frame's statement, by agent (bound at item
// agentAt, or -1) with its trigger at item trigger, that is no act of
// speech: an analyst's or editor's framing, a characterising clause ("what
// it described as"), an outlet's own staff as the speaker ("North Press
// correspondent said") or, for an unnamed voice, just before the trigger
// ("SOHR activists reported"), or the announcement of an agreement, which
// is the agreement's event.
func (v *view) noActOfSpeech(agent *entity, agentAt, trigger int, anonymous bool) bool {
	if v.d.commentator[agent] || v.characterising(trigger) || v.announcesAgreement(trigger) {
		return true
	}
	if agentAt >= 0 && v.outletStaff(agentAt) {
		return true
	}
	if anonymous && trigger >= 0 {
		for j := trigger - 1; j >= 0 && j >= trigger-3; j-- {
			if v.outletStaff(j) {
				return true
			}
		}
	}
	return false
}

// emitEvent records the frame's event, unless the sentence has one of its
// kind with the same agent and target, and returns the event recorded or
// found (nil when the frame has none).
func (v *view) emitEvent(fr *construction, m match) *schema.Event {
	ev := fr.spec.Event
	if ev == nil {
		return nil
	}
	first := func(name string) *entity {
		var buf [4]*entity
		if es := v.slotEntities(buf[:0], fr, m, name); len(es) > 0 {
			return es[0]
		}
		return nil
	}
	agent, target, loc := first(ev.Agent), first(ev.Target), first(ev.Location)
	if agent == nil && target == nil && !ev.Anonymous {
		return nil
	}
	if v.d.ownSide(agent, target) && ev.Type != schema.EvStatement {
		return nil // no one attacks, meets or threatens itself: the subject was misread
	}
	if agent == nil && target != nil && target == v.d.sentBlamed && sameEventKind(ev.Type, schema.EvAttack) {
		return nil // "blamed Sunday's attack on X": X is blamed, not struck
	}
	agentAt := -1 // the item the agent's slot bound
	if i := slices.Index(fr.slotNames, ev.Agent); i >= 0 {
		agentAt = m.bind[i]
	}
	if ev.Type == schema.EvStatement && v.noActOfSpeech(agent, agentAt, m.trigger, ev.Anonymous) {
		return nil
	}
	if ev.Type == schema.EvStatement || ev.Type == schema.EvThreat {
		agent = v.politicalEntity(agent) // "the White House said": the government it stands for
	}
	if ev.Type == schema.EvStatement && agentAt >= 0 {
		if x := v.jointSpeaker(agentAt); x >= 0 {
			agent = v.politicalEntity(v.speakerAt(x)) // "X and Y said": one statement, X's (statement)
		}
	}
	typ := ev.Type
	if ev.StateType != "" && is(agent, schema.Country, schema.GovernmentBody, schema.Coalition) && (v.fromTheAir(agent, m.trigger) || v.aircraftOf(agentAt)) {
		typ = ev.StateType
	}
	if ev.Refine {
		if ev.Target == antecedentAgent && target != nil && v.d.lx.countryOf(target) != nil {
			// "condemned the strikes" of the U.S. military: addressed
			// to the United States.
			target = v.d.virtual(v.d.lx.countryOf(target))
		}
		e := v.refine(typ, agent, target)
		v.agentAttacked(e, agent, m.trigger)
		return e
	}
	if ev.Agent == antecedentAgent && agent != nil {
		// "The strikes, which killed four fighters of X": the attack told
		// before, which the sentence completes, not another.
		e := v.antecedentEvent(func(e *schema.Event) bool { return e.Agent == agent.id })
		if e == nil || target == nil || e.Target != "" && e.Target != target.id {
			return nil
		}
		if target.id != e.Agent {
			e.Target = target.id
		}
		return e
	}
	if ev.Target == antecedentTarget && agent != nil {
		// "Kata'ib Hezbollah was behind the attack": the attack told
		// before, now with its agent, not another.
		return v.antecedentBy(agent)
	}
	if e := v.sameEvent(typ, agent, target); e != nil {
		if e.Target == "" && target != nil && target.id != e.Agent && !(sameEventKind(typ, schema.EvAttack) && v.regionOnly(target, m.trigger)) {
			e.Target = target.id // the rules found the act, the frame its object
		}
		if typ != ev.Type && e.Type == ev.Type {
			e.Type = typ // the frame knows the agent for a state's: its strike is an airstrike
		}
		if typ == schema.EvThreat && e.Type == schema.EvStatement {
			e.Type = typ // "X said it would keep targeting Y": what it said is a threat
		}
		return e
	}
	if e := v.agentless(typ, target); e != nil && agent != nil && agent != target {
		// "Al-Tanf was targeted by drones, for which the Islamic
		// Resistance claimed responsibility": one act, its agent named
		// by another construction of the sentence.
		e.Agent, e.Type = agent.id, typ
		v.agentAttacked(e, agent, m.trigger)
		return e
	}
	if agent == nil {
		// "…, and the ports of X and Y were targeted": a sentence that
		// reports an attack by someone tells of its targets, not of a
		// second attack by no one.
		for e := range v.sentenceEvents() {
			if sameEventKind(e.Type, typ) {
				return e
			}
		}
	}
	status := ev.Status
	if status == "" {
		status = "occurred"
	}
	return v.addEvent(typ, agent, target, loc, m.trigger, status)
}

// fromTheAir reports a state's attack told at item k by agent as one
// from the air: no missile or ground word near it, and an air word near
// it or a state that strikes from the air unless told otherwise
// (words.yaml, state_air_words and ground_weapon_words; airPower).
func (v *view) fromTheAir(agent *entity, k int) bool {
	air := false
	for j := max(0, k-3); j < len(v.it) && j <= k+2; j++ {
		if v.it[j].e != nil {
			continue
		}
		if v.wordIn(j, v.d.lx.groundWeaponWords) {
			return false
		}
		air = air || v.wordIn(j, v.d.lx.stateAirWords)
	}
	return air || v.airPower(agent, k)
}

// groupsSite reports a place at item k where a group's men or posts
// named before it are ("Hezbollah fighters in Quneitra", "PKK positions
// near Zakho"): what befalls them is the group's, the place only where.
func (v *view) groupsSite(k int) bool {
	if !is(v.ent(k), schema.Place) || !v.situated(k) {
		return false
	}
	p := k - 1
	if v.word(p, "the") {
		p--
	}
	return (v.wordIn(p-1, v.d.lx.memberHeads) || v.wordIn(p-1, v.d.lx.ownedSites)) && is(v.ent(p-2), schema.ArmedGroup)
}

// aircraftOf reports an aircraft word that the name at item a qualifies
// ("(hit by) Israeli jets", "(fire from) an Israeli helicopter"): the
// state's strike came from the air, wherever the trigger stands.
func (v *view) aircraftOf(a int) bool {
	if a < 0 || a >= len(v.it) {
		return false
	}
	if it := v.it[a]; it.dem != nil && it.t1-1 > it.t0 && v.d.lx.airWeaponWords.hasID(v.d.toks[it.t1-1].id) {
		return true // "Israeli jets" read as one name, the state's forces
	}
	for j := a + 1; j < len(v.it) && j <= a+2 && v.it[j].e == nil; j++ {
		if v.wordIn(j, v.d.lx.groundWeaponWords) {
			return false
		}
		if v.wordIn(j, v.d.lx.airWeaponWords) {
			return true
		}
	}
	return false
}

// airPower reports an attack at item k by agent, a state or its body,
// whose state strikes from the air unless told otherwise (AirPower). An
// assassination stays an attack unless the text says it came from the
// air (docs/annotation.md, part J).
func (v *view) airPower(agent *entity, k int) bool {
	st := v.d.stateOf(agent)
	return st != nil && st.lex != nil && st.lex.AirPower && !v.wordIn(k, v.d.lx.assassinationVerbs) && !v.d.lx.killingNouns.hasID(v.it[k].id)
}

// agentAttacked records that agent attacked the target of e, an attack
// whose agent another construction of the sentence named ("Al-Tanf was
// targeted by drones, for which X claimed responsibility").
func (v *view) agentAttacked(e *schema.Event, agent *entity, k int) {
	if e == nil || agent == nil || e.Agent != agent.id || !sameEventKind(e.Type, schema.EvAttack) {
		return
	}
	if t := v.d.byID[e.Target]; t != nil && t != agent {
		v.fact(k, agent, "attacked", t, 0.6)
	}
}

// sameEvent returns the sentence's event of typ (or its kind) with this
// agent and this target or none (nil matches any), or nil.
func (v *view) sameEvent(typ string, agent, target *entity) *schema.Event {
	for e := range v.sentenceEvents() {
		if sameEventKind(e.Type, typ) && (agent == nil || e.Agent == agent.id) && (target == nil || e.Target == target.id || e.Target == "") {
			return e
		}
	}
	return nil
}

// sentenceEvents yields the events of the sentence, the latest first.
func (v *view) sentenceEvents() iter.Seq[*schema.Event] {
	return func(yield func(*schema.Event) bool) {
		ev := v.evidence()
		for i := len(v.d.events) - 1; i >= 0 && v.d.events[i].Evidence == ev; i-- {
			if !yield(&v.d.events[i]) {
				return
			}
		}
	}
}

// refine fills the agent or the target that the sentence's latest event
// of typ's kind lacks, and returns that event (nil if there is none).
func (v *view) refine(typ string, agent, target *entity) *schema.Event {
	for e := range v.sentenceEvents() {
		if !sameEventKind(e.Type, typ) {
			continue
		}
		if e.Agent == "" && agent != nil && !v.d.ownSide(agent, v.d.byID[e.Target]) {
			e.Agent = agent.id
		}
		if target != nil && !v.d.ownSide(v.d.byID[e.Agent], target) {
			// "U.S. strikes in retaliation for an attack that killed U.S.
			// soldiers": no one strikes its own forces; those killed were
			// hit by another attack.
			switch {
			case e.Target == "":
				e.Target = target.id
			case is(target, schema.Person, schema.ArmedGroup) && is(v.d.byID[e.Target], schema.Place, schema.MilitaryBase):
				// "a drone attacked a convoy near the airport, killing
				// X": whom it killed is the target, the site where.
				if e.Location == "" {
					e.Location = e.Target
				}
				e.Target = target.id
			case !is(target, schema.Person) && !is(v.d.byID[e.Target], schema.Person):
				// "a drone attack on a base hosting US troops killed
				// fighters of X, after US strikes on Y": a group whose men
				// fell was not struck by an attack on another force or
				// state; a commander as target stands for his group.
				continue
			}
		}
		return e
	}
	return nil
}

// The names by which a frame's facts refer to the attack the sentence
// refers back to ("the strike", "Wednesday's attack"): its agent and its
// target.
const (
	antecedentAgent  = "antecedent.agent"
	antecedentTarget = "antecedent.target"
)

// The names by which a frame's facts refer to what the sentence's context
// gives: the speaker its words are attributed to, and the foreign armed
// forces the article is about.
const (
	speakerName         = "speaker"
	speakerEnemyName    = "speaker.enemy" // whom the speaker's side fights in the article (enemyOf)
	articleMilitaryName = "article.military"
	articleStateName    = "article.state" // the state whose forces those are
	// The country or the two countries a fact's subject is in when the
	// text says only "the country" or "both countries" ("lawmakers urged
	// U.S. troops to quit the country"): hostCountries.
	hostCountryName   = "host.country"
	hostCountriesName = "host.countries"
)

// contextName reports a name a fact may use that no slot binds.
func contextName(name string) bool {
	switch name {
	case antecedentAgent, antecedentTarget, speakerName, speakerEnemyName, articleMilitaryName, articleStateName, hostCountryName, hostCountriesName:
		return true
	}
	return false
}

// contextEntities returns what a context name stands for in this
// sentence, or nil.
func (v *view) contextEntities(name string) []*entity {
	var e *entity
	switch name {
	case speakerName:
		e = v.politicalEntity(v.attr.by)
	case speakerEnemyName:
		e = v.d.enemyOf(v.politicalEntity(v.attr.by))
	case articleMilitaryName:
		e = v.d.dominantMilitary()
	case articleStateName:
		if m := v.d.dominantMilitary(); m != nil {
			e = v.d.stateOf(m)
		}
	default:
		return v.antecedent(name)
	}
	if e == nil {
		return nil
	}
	return []*entity{e}
}

// hostCountries returns, appended to out, the country that "the country"
// stands for where the text puts forces s there ("lawmakers urged
// coalition troops to quit the country"): the last country named before the
// trigger in this sentence (by its name, a demonym or a body of its state:
// "Iraqi officials") or in the two before, not s's own state, else the one such country the
// article names most;
// or, with two, the two that "both countries" stands for: the last two
// such countries named in this sentence and the two before ("... in Iraq
// and Syria. The U.S. keeps troops in both countries"), else none. A
// sponsor's name ("Iran-backed militias") says who backs a group, not
// where anyone is, and names no host.
func (v *view) hostCountries(out []*entity, s *entity, trigger int, two bool) []*entity {
	var own *entity
	if s != nil {
		own = v.d.stateOf(s)
	}
	host := func(e *entity) bool {
		return e != nil && e.typ == schema.Country && e != own
	}
	sponsor := func(m *mention) bool {
		if m.last >= len(v.d.toks) {
			return false
		}
		t := &v.d.toks[m.last]
		return t.hyph && (v.d.lx.collectives.links[t.norm] != "" || v.d.lx.hyphenModifiers.hasID(t.id))
	}
	n := 1
	if two {
		n = 2
	}
	add := func(e *entity) {
		if host(e) && len(out) < n && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	// A country named only by a demonym or by a body of its state is
	// made an entity of the article only when it is the one.
	addEntry := func(c *LexEntry) {
		if c != nil && c.Type == schema.Country && len(out) < n && (own == nil || own.id != c.id) && !slices.ContainsFunc(out, func(e *entity) bool { return e.id == c.id }) {
			out = append(out, v.d.virtual(c))
		}
	}
	if trigger < 0 || trigger > len(v.it) {
		trigger = len(v.it)
	}
	for k := trigger - 1; k >= 0; k-- {
		it := &v.it[k]
		switch e := it.e; {
		case it.m != nil && sponsor(it.m) || it.dem != nil && v.d.toks[it.t0].hyph:
		case e == nil && it.dem != nil:
			addEntry(it.dem)
		case e != nil && e.typ == schema.GovernmentBody && e.lex != nil:
			addEntry(v.d.lx.namedState(e.lex)) // "Iraqi lawmakers": Iraq
		default:
			add(e)
		}
	}
	// The mentions of the two sentences before, from the last back
	// (d.ments is in text order).
	start := sort.Search(len(v.d.ments), func(i int) bool { return v.d.ments[i].first >= v.s.first })
	for i := start - 1; i >= 0 && len(out) < n && v.d.ments[i].sent >= v.s.idx-2; i-- {
		if m := v.d.ments[i]; !sponsor(m) {
			add(m.ent)
		}
	}
	if len(out) == n || two {
		return out[:len(out)/n*n]
	}
	var best *countryCount
	for i, c := range v.d.hostCounts(sponsor) {
		if c.e != own && (best == nil || c.n > best.n || c.n == best.n && c.last < best.last) {
			best = &v.d.countries[i]
		}
	}
	if best != nil {
		out = append(out, best.e)
	}
	return out
}

// countryCount is how often the article names a country (sponsors'
// names aside) and the index of its last mention in d.ments.
type countryCount struct {
	e       *entity
	n, last int
}

// hostCounts returns, once per article, how often it names each country
// (not as a sponsor): the article's mentions are many, and every host
// frame of every sentence asks. The country named most is the one whose
// count is highest, the earliest to reach it on a tie (its last mention
// first).
func (d *doc) hostCounts(sponsor func(*mention) bool) []countryCount {
	if d.countriesDone {
		return d.countries
	}
	d.countriesDone = true
	at := map[*entity]int{}
	for i, m := range d.ments {
		if m.ent == nil || m.ent.typ != schema.Country || sponsor(m) {
			continue
		}
		k, ok := at[m.ent]
		if !ok {
			k = len(d.countries)
			at[m.ent] = k
			d.countries = append(d.countries, countryCount{e: m.ent})
		}
		d.countries[k].n++
		d.countries[k].last = i
	}
	return d.countries
}

// antecedentReach is how many sentences back "the strike" may find the
// strike it refers to.
const antecedentReach = 6

// antecedent returns the agent or target (by name, antecedentAgent or
// antecedentTarget) of the latest attack of the article, in this
// sentence or the few before, that has one.
func (v *view) antecedent(name string) []*entity {
	if name != antecedentAgent && name != antecedentTarget {
		return nil
	}
	role := func(e *schema.Event) string {
		if name == antecedentTarget {
			return e.Target
		}
		return e.Agent
	}
	// An attack told only as the cause of another is not "the strike"
	// where a narrated one is within reach.
	if e := v.antecedentEvent(func(e *schema.Event) bool { return v.d.byID[role(e)] != nil && !v.d.causeOnly[e.ID] }); e != nil {
		return []*entity{v.d.byID[role(e)]}
	}
	if e := v.antecedentEvent(func(e *schema.Event) bool { return v.d.byID[role(e)] != nil }); e != nil {
		return []*entity{v.d.byID[role(e)]}
	}
	return nil
}

// antecedentEvent is the latest attack the article reported within
// antecedentReach sentences for which ok holds, or nil.
func (v *view) antecedentEvent(ok func(*schema.Event) bool) *schema.Event {
	for i := len(v.d.events) - 1; i >= 0; i-- {
		e := &v.d.events[i]
		if v.s.idx-v.d.evSent[e.ID] > antecedentReach {
			return nil
		}
		if sameEventKind(e.Type, schema.EvAttack) && ok(e) {
			return e
		}
	}
	return nil
}

// agentless returns the sentence's event of typ (or its kind) that has no
// agent and this target (or none), or nil.
func (v *view) agentless(typ string, target *entity) *schema.Event {
	for e := range v.sentenceEvents() {
		if e.Agent == "" && sameEventKind(e.Type, typ) && (target == nil || e.Target == target.id) {
			return e
		}
	}
	return nil
}

// sameEventKind treats an attack and an airstrike as one kind, and a
// statement and a threat: rules and frames may type the same strike, or
// the same words, either way.
func sameEventKind(a, b string) bool {
	attack := func(t string) bool { return t == schema.EvAttack || t == schema.EvAirstrike }
	speech := func(t string) bool { return t == schema.EvStatement || t == schema.EvThreat }
	return a == b || attack(a) && attack(b) || speech(a) && speech(b)
}
