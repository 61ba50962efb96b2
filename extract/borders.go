package extract

import "github.com/newsgraph/newsgraph/schema"

// Borders named by one side: "near the Iraqi border", "a town on the
// border with Syria". Reports name the other side only by what the
// article is about, so such a border is the lexicon's border between the
// state named and the state the article names most besides it: al-Bukamal
// "near the Iraqi border" in an article on Syria is on the Iraqi-Syrian
// border. The borders are the lexicon's places named
// "<state>-<state> <head>", each state by its name or its demonym
// ("Turkey-Iraq border", "Iraqi-Turkish border").

// borderPair keys a border by its two states, in either order.
type borderPair struct{ a, b *LexEntry }

func pairOf(a, b *LexEntry) borderPair {
	if a.id > b.id {
		a, b = b, a
	}
	return borderPair{a, b}
}

// indexBorders indexes the places named "<state>-<state> <head>" by
// their two states, and their heads, and marks them.
func (lx *Lexicon) indexBorders() {
	lx.borders, lx.borderHeads = map[borderPair]*LexEntry{}, map[string]bool{}
	for _, e := range lx.Entries {
		keys := exactKeys(e.Name)
		if e.Type != schema.Place || len(keys) != 3 {
			continue
		}
		a, b := lx.borderSide(keys[0]), lx.borderSide(keys[1])
		if a == nil || b == nil || a == b {
			continue
		}
		lx.borders[pairOf(a, b)] = e
		lx.borderHeads[keys[2]] = true
	}
	for _, e := range lx.borders {
		e.border = true
	}
}

// borderSide is the country a word of a border's name names, by its name
// ("Syria") or its demonym ("Syrian").
func (lx *Lexicon) borderSide(key string) *LexEntry {
	if c := lx.demonym[key]; c != nil {
		return c
	}
	if le := lx.byName[key]; le != nil && le.Type == schema.Country {
		return le
	}
	return nil
}

// scanBorders adds the borders of a sentence that name one side: "the
// Iraqi border", "the Iraq border" (the mention), "the border with Syria"
// or "the border of Iraq" (the head is the mention; the state keeps its
// own); and those a mixed spelling names by both ("the Iraqi-Jordan
// border").
func (d *doc) scanBorders(s *sentence) {
	lx := d.lx
	for i := s.first + 1; i < s.last; i++ {
		t := &d.toks[i]
		if !lx.byWord[t.id].border || d.at[i] != nil {
			continue
		}
		if first, b := d.bothSides(s, i-1); b != nil {
			d.addMention(first, i+1, s.idx, d.lexEntity(b), ReasonBorderBoth)
			continue
		}
		first, side := i, (*LexEntry)(nil)
		switch p := &d.toks[i-1]; {
		case i-2 >= s.first && d.toks[i-2].norm == "the" && p.kind == tWord && d.at[i-1] == nil && lx.demonym[p.norm] != nil:
			first, side = i-1, lx.demonym[p.norm]
		case d.at[i-1] != nil && d.at[i-1].last == i && d.at[i-1].first > s.first && d.toks[d.at[i-1].first-1].norm == "the" && d.at[i-1].ent.typ == schema.Country && d.at[i-1].ent.lex != nil:
			// "near the Iraq border": the state by its name.
			first, side = d.at[i-1].first, d.at[i-1].ent.lex
		case p.norm == "the" && i+2 < s.last && (d.toks[i+1].norm == "with" || d.toks[i+1].norm == "of"):
			if m := d.at[i+2]; m != nil && m.first == i+2 && m.ent.typ == schema.Country && m.ent.lex != nil {
				side = m.ent.lex
			}
		}
		if side == nil {
			continue
		}
		if b := d.otherSide(s, side); b != nil {
			d.addMention(first, i+1, s.idx, d.lexEntity(b), ReasonBorder)
		}
	}
}

// bothSides returns the border, and its first token, that the state
// words at j-1 and j joined by a hyphen name by both its states, one by
// its demonym: "the Iraqi-Jordan border", "the Syria-Jordanian border"
// (mixed spellings the lexicon's aliases leave out).
func (d *doc) bothSides(s *sentence, j int) (int, *LexEntry) {
	if j-1 < s.first || !d.toks[j].hyph {
		return 0, nil
	}
	second := d.lx.borderSide(d.toks[j].norm)
	if m := d.at[j]; m != nil && m.first == j && m.ent.lex != nil && m.ent.typ == schema.Country {
		second = m.ent.lex
	}
	first, side := j-1, d.lx.borderSide(d.toks[j-1].norm)
	if m := d.at[j-1]; m != nil && m.last == j && m.ent.lex != nil && m.ent.typ == schema.Country {
		first, side = m.first, m.ent.lex
	}
	if second == nil || side == nil || side == second {
		return 0, nil
	}
	return first, d.lx.borders[pairOf(side, second)]
}

// otherSide returns the border between side and the state the sentence
// names besides it ("a Syrian village on the Turkish border"),
// else the one the article names most besides it, among the states that
// border side: an article on US strikes in Iraq that speaks of "the
// border with Syria" is about Iraq's.
func (d *doc) otherSide(s *sentence, side *LexEntry) *LexEntry {
	for i := s.first; i < s.last; i++ {
		c := d.lx.demonym[d.toks[i].norm]
		if m := d.at[i]; m != nil && m.ent.lex != nil {
			c = d.lx.stateOf(m.ent.lex)
		}
		if c == nil || c == side {
			continue
		}
		if b := d.lx.borders[pairOf(side, c)]; b != nil {
			return b
		}
	}
	for _, c := range d.countriesByMentions() {
		if b := d.lx.borders[pairOf(side, c)]; c != side && b != nil {
			return b
		}
	}
	return nil
}
