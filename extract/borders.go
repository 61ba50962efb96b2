package extract

import (
	"fmt"

	"github.com/newsgraph/newsgraph/schema"
)

// Borders named by one side: "near the Iraqi border", "the border with
// Turkey", "the Syria border". Reporting from inside a country names the
// border it runs along by the neighbour alone; the reader, and an
// analyst placing a strike, take it to be the border between that
// neighbour and the country the article is about. The lexicon lists each
// border with the two countries it runs between (`between` in
// places.yaml); the engine finds the other country among the article's.

// compileBorders indexes the entries that say which two countries they
// run between.
func compileBorders(entries []*LexEntry, byID map[string]*LexEntry) (map[[2]string]*LexEntry, error) {
	out := map[[2]string]*LexEntry{}
	for _, e := range entries {
		if len(e.Between) == 0 {
			continue
		}
		if len(e.Between) != 2 {
			return nil, fmt.Errorf("%q: between names %d countries, not two", e.Name, len(e.Between))
		}
		var ids [2]string
		for i, name := range e.Between {
			c := byID[schema.Slug(name)]
			if c == nil || c.Type != schema.Country {
				return nil, fmt.Errorf("%q: between: %q is no country of the lexicon", e.Name, name)
			}
			ids[i] = c.id
		}
		k := borderKey(ids[0], ids[1])
		if prev := out[k]; prev != nil {
			return nil, fmt.Errorf("%q and %q run between the same countries", prev.Name, e.Name)
		}
		out[k] = e
	}
	return out, nil
}

// borderKey orders the two ids so that either order finds the border.
func borderKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// scanBorders adds the borders a sentence names by one side.
func (d *doc) scanBorders(s *sentence) {
	for i := s.first; i < s.last; i++ {
		if d.at[i] != nil || !d.lx.borderNouns.hasID(d.toks[i].id) {
			continue
		}
		side, start, end := d.borderSide(i, s)
		if side == nil {
			continue
		}
		if le := d.borderWith(side, i, s); le != nil {
			d.addMention(start, end, s.idx, d.lexEntity(le), ReasonDescribed)
		}
	}
}

// borderSide returns the country the border noun at token i is named by,
// and the tokens the border's mention takes: the demonym with the noun
// ("the Iraqi border"), the noun alone when the country is named and
// keeps its own mention ("the Iraq border", "the border with Iraq").
func (d *doc) borderSide(i int, s *sentence) (*LexEntry, int, int) {
	if p := i - 1; p >= s.first {
		if m := d.at[p]; m != nil && m.last == i && m.ent.typ == schema.Country && m.ent.lex != nil {
			return m.ent.lex, i, i + 1
		}
		if c := d.lx.byWord[d.toks[p].id].demonym; c != nil && d.at[p] == nil {
			return c, p, i + 1
		}
	}
	if n := i + 2; n < s.last && (d.toks[i+1].norm == "with" || d.toks[i+1].norm == "of") {
		if m := d.at[n]; m != nil && m.first == n && m.ent.typ == schema.Country && m.ent.lex != nil {
			return m.ent.lex, i, i + 1
		}
	}
	return nil, 0, 0
}

// borderWith returns the lexicon's border between side and another
// country, or nil when none shares a border with side. The other country
// is, in order: the one whose centre is nearest a place the sentence
// names ("al-Bukamal, near the Iraq border": Syria); the nearest country
// the sentence names before token i; the one the article names (or calls
// by its demonym) most often, the nearer before i on a tie.
func (d *doc) borderWith(side *LexEntry, i int, s *sentence) *LexEntry {
	shares := func(c *LexEntry) bool { return c != nil && c != side && d.lx.borders[borderKey(side.id, c.id)] != nil }
	if c := d.nearestNeighbour(side, i, s, shares); c != nil {
		return d.lx.borders[borderKey(side.id, c.id)]
	}
	for t := i - 1; t >= s.first; t-- {
		if m := d.at[t]; m != nil && m.ent.typ == schema.Country && shares(m.ent.lex) {
			return d.lx.borders[borderKey(side.id, m.ent.lex.id)]
		}
	}
	count := map[*LexEntry]int{}
	near := map[*LexEntry]int{} // the last mention before i, or -1
	see := func(c *LexEntry, at int) {
		if !shares(c) {
			return
		}
		count[c]++
		if _, ok := near[c]; !ok {
			near[c] = -1
		}
		if at < i {
			near[c] = max(near[c], at)
		}
	}
	for _, m := range d.ments {
		if m.ent.typ == schema.Country {
			see(m.ent.lex, m.first)
		}
	}
	// "the Iraqi town of al-Qaim, on the Syrian border": the demonyms
	// say where the article is as much as the names do.
	for t := range d.toks {
		if d.at[t] == nil {
			see(d.lx.byWord[d.toks[t].id].demonym, t)
		}
	}
	var best *LexEntry
	for c, n := range count {
		if best == nil || n > count[best] || n == count[best] && (near[c] > near[best] || near[c] == near[best] && c.id < best.id) {
			best = c
		}
	}
	if best == nil {
		return nil
	}
	return d.lx.borders[borderKey(side.id, best.id)]
}

// nearestNeighbour returns, of the countries that share a border with
// side, the one whose centre is nearest the place with coordinates the
// sentence names nearest token i, or nil.
func (d *doc) nearestNeighbour(side *LexEntry, i int, s *sentence, shares func(*LexEntry) bool) *LexEntry {
	var place *LexEntry
	gap := len(d.toks)
	for t := s.first; t < s.last; t++ {
		m := d.at[t]
		if m == nil || m.first != t || m.ent.typ != schema.Place || m.ent.lex == nil || len(m.ent.lex.Coords) != 2 || m.ent.lex.Between != nil {
			continue
		}
		if g := abs(t - i); g < gap {
			place, gap = m.ent.lex, g
		}
	}
	if place == nil {
		return nil
	}
	var best *LexEntry
	bestDist := 0.0
	for _, c := range d.lx.Entries {
		if c.Type != schema.Country || !shares(c) || len(c.Coords) != 2 {
			continue
		}
		dy, dx := c.Coords[0]-place.Coords[0], c.Coords[1]-place.Coords[1]
		if dist := dy*dy + dx*dx; best == nil || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

