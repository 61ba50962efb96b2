package extract

import (
	"cmp"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Explanation says what a name resolves to and why. It backs the CLI's
// `newsgraph explain NAME`.
type Explanation struct {
	Name       string   `json:"name"`       // the name asked about
	Normalized string   `json:"normalized"` // its exact key (Normalize)
	Keys       []string `json:"keys"`       // its transliteration skeleton, token by token

	Found     bool     `json:"found"`
	ID        string   `json:"id,omitempty"`   // entity id (slug of the canonical name)
	Type      string   `json:"type,omitempty"` // entity type
	Canonical string   `json:"canonical,omitempty"`
	Aliases   []string `json:"aliases,omitempty"`  // the lexicon's names for it
	Reason    string   `json:"reason,omitempty"`   // how the name matched (a Reason* constant)
	Matched   string   `json:"matched,omitempty"`  // the lexicon name it matched
	Wikidata  string   `json:"wikidata,omitempty"` // the entry's Wikidata id
	// Coords and Precision are where the entry is, as the lexicon has it.
	Coords    []float64 `json:"coords,omitempty"`
	Precision string    `json:"precision,omitempty"`
	// Background lists the lexicon's background facts (predicate, object);
	// they are never emitted as article facts.
	Background [][2]string `json:"background,omitempty"`
	// Merges, for an explanation within an article, lists every surface
	// form of the entity in that article and why it was merged.
	Merges []Merge `json:"merges,omitempty"`
}

// Explain resolves a name against the lexicon as the extractor would:
// an exact alias, then equal transliteration keys (whole name, token by
// token), then a person's name with fewer or more tokens but the same
// surname. A name the lexicon does not know is reported with Found false.
func (x *Rules) Explain(name string) Explanation {
	ex := Explanation{Name: name, Normalized: Normalize(name), Keys: nameKeys(name)}
	lx := x.lx
	if le := lx.Lookup(name); le != nil {
		ex.fill(le, ReasonExactAlias, matchedAlias(le, ex.Normalized))
		return ex
	}
	if len(ex.Keys) > 0 {
		n := lx.skel
		for _, k := range ex.Keys {
			if n = n.next[k]; n == nil {
				break
			}
		}
		if n != nil && len(n.hits) > 0 {
			ex.fill(n.hits[0].entry, ReasonKeyEqual, n.hits[0].alias)
			return ex
		}
	}
	if le := lx.tokenWiseEntry(ex.Keys, schema.Person); le != nil {
		ex.fill(le, ReasonTokenWise, le.Name)
	}
	return ex
}

// ExplainIn explains a name as resolved within one article: the entity it
// belongs to there, with every surface form and the reason for each merge
// (including short forms and acronyms that only the article defines).
func (x *Rules) ExplainIn(a *source.Article, name string) Explanation {
	ex := x.Explain(name)
	d := x.analyse(a, nil)
	norm := Normalize(name)
	for _, e := range d.ents {
		hit := e.id == schema.Slug(name) || ex.Found && e.id == ex.ID
		for _, s := range e.surfaces {
			if s == name || Normalize(s) == norm {
				hit = true
			}
		}
		if !hit {
			continue
		}
		ex.Found, ex.ID, ex.Type, ex.Canonical = true, e.id, e.typ, e.name
		ex.Merges = append([]Merge(nil), e.merges...)
		if ex.Reason == "" {
			for _, m := range e.merges {
				if Normalize(m.Surface) == norm {
					ex.Reason, ex.Matched = m.Reason, m.With
				}
			}
		}
		break
	}
	return ex
}

func (ex *Explanation) fill(le *LexEntry, reason, matched string) {
	ex.Found = true
	ex.ID, ex.Type, ex.Canonical = le.id, le.Type, le.Name
	ex.Aliases = append([]string(nil), le.Aliases...)
	ex.Reason, ex.Matched = reason, matched
	ex.Background = append([][2]string(nil), le.Facts...)
	ex.Wikidata, ex.Coords = le.Wikidata, le.Coords
	if le.Coords != nil {
		ex.Precision = cmp.Or(le.Precision, schema.DefaultGeoPrecision(le.Type))
	}
}

// matchedAlias returns the lexicon name of an entry with that exact key.
func matchedAlias(le *LexEntry, norm string) string {
	for _, a := range append([]string{le.Name}, le.Aliases...) {
		if Normalize(a) == norm || strings.TrimPrefix(Normalize(a), "the ") == norm {
			return a
		}
	}
	return le.Name
}
