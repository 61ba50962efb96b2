package llm

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// Merge combines two records of the same article; a (the rules' record)
// takes precedence over b (the model's):
//   - entities are united by id, their mentions united; type and name are
//     a's unless a has none;
//   - an event of b with the (type, agent, target) of an event of a is
//     that event, one to one; events of one record are never merged with
//     each other, since distinct events may share type, agent and target
//     (two withdrawals of the same forces from two bases);
//   - facts are deduplicated by (s, p, o), after b's references to an
//     event it shares with a are rewritten to a's event id;
//   - of an item both have, a's version is kept, with b's kind when a has
//     none and b's evidence, role, date and the like filling a's gaps.
//
// Items keep their order: a's first, then what b adds. The article
// metadata is a's, with b's filling empty fields. Neither input is
// modified.
func Merge(a, b schema.Record) schema.Record {
	out := schema.Record{Doc: a.Doc, Article: a.Article,
		Entities: []schema.Entity{}, Facts: []schema.Fact{}, Events: []schema.Event{}}
	if out.Doc == "" {
		out.Doc = b.Doc
	}
	fillArticle(&out.Article, b.Article)

	entAt := map[string]int{}
	for _, rec := range []schema.Record{a, b} {
		for _, e := range rec.Entities {
			if i, ok := entAt[e.ID]; ok {
				m := &out.Entities[i]
				m.Mentions = unionStrings(m.Mentions, e.Mentions)
				fill(&m.Type, e.Type)
				fill(&m.Name, e.Name)
				continue
			}
			entAt[e.ID] = len(out.Entities)
			e.Mentions = append([]string{}, e.Mentions...)
			out.Entities = append(out.Entities, e)
		}
	}

	type evKey struct{ typ, agent, target string }
	evAt := map[evKey][]int{} // a's events not yet matched by one of b
	evIDs := map[string]bool{}
	rename := []map[string]string{{}, {}} // per input: event id -> id in out
	aboutFrom := []int{}                  // per out event: the input its About comes from
	for r, rec := range []schema.Record{a, b} {
		for _, e := range rec.Events {
			k := evKey{e.Type, e.Agent, e.Target}
			if r == 1 && len(evAt[k]) > 0 {
				i := evAt[k][0]
				evAt[k] = evAt[k][1:]
				m := &out.Events[i]
				rename[r][e.ID] = m.ID
				if m.About == "" && e.About != "" {
					m.About, aboutFrom[i] = e.About, r
				}
				fill(&m.Kind, e.Kind)
				fill(&m.Location, e.Location)
				fill(&m.Date, e.Date)
				fill(&m.DateNote, e.DateNote)
				fill(&m.Status, e.Status)
				fill(&m.Evidence, e.Evidence)
				fill(&m.AssertedBy, e.AssertedBy)
				if m.Confidence == 0 {
					m.Confidence = e.Confidence
				}
				continue
			}
			if evIDs[e.ID] { // the same id for another event: keep them apart
				id := e.ID
				for n := 2; evIDs[id]; n++ {
					id = e.ID + "-" + strconv.Itoa(n)
				}
				rename[r][e.ID] = id
				e.ID = id
			}
			evIDs[e.ID] = true
			if r == 0 {
				evAt[k] = append(evAt[k], len(out.Events))
			}
			out.Events = append(out.Events, e)
			aboutFrom = append(aboutFrom, r)
		}
	}
	// Event references (about) point into the merged events.
	for i := range out.Events {
		out.Events[i].About = renamed(rename[aboutFrom[i]], out.Events[i].About)
	}

	type factKey struct{ s, p, o string }
	factAt := map[factKey]int{}
	for r, rec := range []schema.Record{a, b} {
		for _, f := range rec.Facts {
			f.S, f.O = renamed(rename[r], f.S), renamed(rename[r], f.O)
			k := factKey{f.S, f.P, f.O}
			if i, ok := factAt[k]; ok {
				m := &out.Facts[i]
				fill(&m.Kind, f.Kind)
				fill(&m.Evidence, f.Evidence)
				fill(&m.Role, f.Role)
				fill(&m.AssertedBy, f.AssertedBy)
				if m.Confidence == 0 {
					m.Confidence = f.Confidence
				}
				continue
			}
			factAt[k] = len(out.Facts)
			out.Facts = append(out.Facts, f)
		}
	}
	return out
}

func renamed(m map[string]string, id string) string {
	if to, ok := m[id]; ok {
		return to
	}
	return id
}

func fill(dst *string, src string) {
	if *dst == "" {
		*dst = src
	}
}

func fillArticle(dst *schema.Article, src schema.Article) {
	fill(&dst.ID, src.ID)
	fill(&dst.Source, src.Source)
	fill(&dst.Title, src.Title)
	fill(&dst.Outlet, src.Outlet)
	fill(&dst.Author, src.Author)
	fill(&dst.Date, src.Date)
}

// align renames the entities of b (the model's record) to the ids a (the
// rules' record) gives the same entity, and rewrites b's references to
// them. An entity of b is the same as one of a when its name is a surface
// form (mention or name) of a's entity, or when one of its mentions is and
// both have the same type; surface forms are compared without case, quote
// style, spacing or a leading "the". The rules' ids follow their lexicon,
// which is what makes ids stable across articles; without this, "USA" (the
// model's name) and "united-states" would be two entities.
func align(a, b schema.Record) schema.Record {
	type target struct{ id, typ string }
	bySurface := map[string]target{}
	ids := map[string]bool{}
	for _, e := range a.Entities {
		ids[e.ID] = true
		for _, s := range append(append([]string(nil), e.Mentions...), e.Name) {
			if k := surfaceKey(s); k != "" {
				if _, taken := bySurface[k]; !taken {
					bySurface[k] = target{e.ID, e.Type}
				}
			}
		}
	}
	rename := map[string]string{}
	for _, e := range b.Entities {
		if ids[e.ID] {
			continue
		}
		if t, ok := bySurface[surfaceKey(e.Name)]; ok {
			rename[e.ID] = t.id
			continue
		}
		for _, s := range e.Mentions {
			if t, ok := bySurface[surfaceKey(s)]; ok && t.typ == e.Type {
				rename[e.ID] = t.id
				break
			}
		}
	}
	if len(rename) == 0 {
		return b
	}
	out := b
	out.Entities = make([]schema.Entity, len(b.Entities))
	for i, e := range b.Entities {
		e.ID = renamed(rename, e.ID)
		out.Entities[i] = e
	}
	out.Facts = make([]schema.Fact, len(b.Facts))
	for i, f := range b.Facts {
		f.S, f.O, f.AssertedBy = renamed(rename, f.S), renamed(rename, f.O), renamed(rename, f.AssertedBy)
		out.Facts[i] = f
	}
	out.Events = make([]schema.Event, len(b.Events))
	for i, e := range b.Events {
		e.Agent, e.Target = renamed(rename, e.Agent), renamed(rename, e.Target)
		e.Location, e.About, e.AssertedBy = renamed(rename, e.Location), renamed(rename, e.About), renamed(rename, e.AssertedBy)
		out.Events[i] = e
	}
	// Two entities of b may now share an id: unite them as Merge does.
	return Merge(schema.Record{Doc: out.Doc, Article: out.Article}, out)
}

// surfaceKey compares surface forms without case, quote style, spacing
// or a leading "the".
func surfaceKey(s string) string {
	k := strings.Join(strings.FieldsFunc(string(fold(s).runes), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\'' || r == '"'
	}), " ")
	return strings.TrimPrefix(k, "the ")
}
