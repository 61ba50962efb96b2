package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Drops counts what was left out of one answer, and why.
type Drops struct {
	Entities      int `json:"entities"`       // no mention occurs in the text, or an unknown type
	Facts         int `json:"facts"`          // evidence not in the text
	Events        int `json:"events"`         // evidence not in the text
	Vocabulary    int `json:"vocabulary"`     // facts and events with a predicate, event type or kind outside the vocabulary
	Dangling      int `json:"dangling"`       // facts whose subject or object names nothing extracted
	EmptyEvidence int `json:"empty_evidence"` // facts and events without evidence
}

func (d *Drops) add(o Drops) {
	d.Entities += o.Entities
	d.Facts += o.Facts
	d.Events += o.Events
	d.Vocabulary += o.Vocabulary
	d.Dangling += o.Dangling
	d.EmptyEvidence += o.EmptyEvidence
}

// folded is a text prepared for lenient search: typographic quotes and
// dashes folded to ASCII, runs of white space collapsed to one space, and
// lower case, rune for rune, so that every rune of the folded text maps
// back to a span of the original.
type folded struct {
	text  string
	runes []rune
	start []int // byte offset in text of each folded rune's source
	end   []int // byte offset just past it (a collapsed space spans the run)
}

// foldRune folds one rune; white space is handled by the caller.
func foldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u02bc', '\u2032', '`', '\u00b4':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	return unicode.ToLower(r)
}

func fold(text string) *folded {
	f := &folded{text: text}
	for i, r := range text {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		if unicode.IsSpace(r) {
			if n := len(f.runes); n > 0 && f.runes[n-1] == ' ' {
				f.end[n-1] = i + size
				continue
			}
			r = ' '
		} else {
			r = foldRune(r)
		}
		f.runes = append(f.runes, r)
		f.start = append(f.start, i)
		f.end = append(f.end, i+size)
	}
	return f
}

// foldString folds a needle the same way, trimmed of white space.
func foldString(s string) []rune {
	return fold(strings.TrimSpace(s)).runes
}

// find returns the original text of the first occurrence of needle (folded
// runes); with words, only an occurrence not flanked by letters or digits
// counts. ok is false when there is none.
func (f *folded) find(needle []rune, words bool) (string, bool) {
	n := len(needle)
	if n == 0 {
		return "", false
	}
	for i := 0; i+n <= len(f.runes); i++ {
		if f.runes[i] != needle[0] || !equalRunes(f.runes[i:i+n], needle) {
			continue
		}
		if words && ((i > 0 && wordy(f.runes[i-1])) || (i+n < len(f.runes) && wordy(f.runes[i+n]))) {
			continue
		}
		return f.text[f.start[i]:f.end[i+n-1]], true
	}
	return "", false
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func wordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// findEvidence finds an evidence string in the text: as given, or else
// without the quotes, and then the sentence punctuation, that a model
// tends to add around a clause. It returns the verbatim text of the
// article.
func (f *folded) findEvidence(evidence string) (string, bool) {
	needle := string(foldString(evidence))
	for _, cut := range []string{"", `"'`, ` .,;:"'`} {
		if s, ok := f.find([]rune(strings.Trim(needle, cut)), false); ok {
			return s, true
		}
	}
	return "", false
}

// searchText is what mentions and evidence are looked for in: the
// article's text and the metadata lines the prompt gives (a headline
// states facts too, and an outlet or author is an entity of the article).
func searchText(a *source.Article) string {
	var parts []string
	for _, s := range []string{a.Title, a.Outlet, a.Author, a.Text} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

var isoDate = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$`)

// toRecord turns the model's answer into a record of the article, keeping
// only what the text (searchText) supports: entities with at least one mention in the
// text (mentions replaced by the text's own spelling), facts and events
// whose evidence is in the text (evidence replaced by the verbatim text),
// and the vocabulary of package schema. Entity ids are the slugs of the
// names; events get ids derived from the article and their content.
func toRecord(a *source.Article, ans *answer) (schema.Record, Drops) {
	var drops Drops
	rec := schema.Record{
		Doc:      a.Doc,
		Article:  schema.Article{ID: a.ID, Source: a.Path, Title: a.Title, Outlet: a.Outlet, Author: a.Author, Date: a.Date},
		Entities: []schema.Entity{},
		Facts:    []schema.Fact{},
		Events:   []schema.Event{},
	}
	text := fold(searchText(a))

	// Entities, merged by id. refs resolves names and mentions to ids.
	index := map[string]int{}
	refs := map[string]string{}
	for _, e := range ans.Entities {
		id := schema.Slug(e.Name)
		if id == "" || !schema.IsEntityType(e.Type) {
			drops.Entities++
			continue
		}
		var mentions []string
		seen := map[string]bool{}
		for _, m := range append(append([]string(nil), e.Mentions...), e.Name) {
			if surface, ok := text.find(foldString(m), true); ok && !seen[surface] {
				seen[surface] = true
				mentions = append(mentions, surface)
			}
		}
		if len(mentions) == 0 {
			drops.Entities++
			continue
		}
		if i, ok := index[id]; ok {
			rec.Entities[i].Mentions = unionStrings(rec.Entities[i].Mentions, mentions)
		} else {
			index[id] = len(rec.Entities)
			rec.Entities = append(rec.Entities, schema.Entity{ID: id, Type: e.Type, Name: strings.TrimSpace(e.Name), Mentions: mentions})
		}
		for _, m := range mentions {
			if s := schema.Slug(m); s != "" && refs[s] == "" {
				refs[s] = id
			}
		}
	}
	for id := range index {
		refs[id] = id // a name wins over another entity's mention
	}
	entity := func(name string) string { return refs[schema.Slug(name)] }

	// Events first, so that facts can point at them.
	events := map[string]string{} // the model's ref -> event id
	var abouts []string           // the model's about of each kept event
	for _, e := range ans.Events {
		if !schema.IsEventType(e.Type) || !schema.IsKind(e.Kind) {
			drops.Vocabulary++
			continue
		}
		if strings.TrimSpace(e.Evidence) == "" {
			drops.EmptyEvidence++
			continue
		}
		evidence, ok := text.findEvidence(e.Evidence)
		if !ok {
			drops.Events++
			continue
		}
		ev := schema.Event{Type: e.Type, Agent: entity(e.Agent), Target: entity(e.Target), Location: entity(e.Location),
			Kind: e.Kind, Evidence: evidence}
		if isoDate.MatchString(e.Date) {
			ev.Date = e.Date
		}
		if slices.Contains(statuses, e.Status) {
			ev.Status = e.Status
		}
		ev.ID = eventID(a.ID, ev)
		if e.Ref != "" {
			events[e.Ref] = ev.ID
		}
		rec.Events = append(rec.Events, ev)
		abouts = append(abouts, e.About)
	}
	node := func(ref string) string {
		if id, ok := events[ref]; ok {
			return id
		}
		return entity(ref)
	}
	for i := range rec.Events {
		rec.Events[i].About = node(abouts[i]) // an entity, or another event
	}

	for _, f := range ans.Facts {
		if schema.LookupPredicate(f.Predicate) == nil || !schema.IsKind(f.Kind) {
			drops.Vocabulary++
			continue
		}
		if strings.TrimSpace(f.Evidence) == "" {
			drops.EmptyEvidence++
			continue
		}
		evidence, ok := text.findEvidence(f.Evidence)
		if !ok {
			drops.Facts++
			continue
		}
		s, o := node(f.Subject), node(f.Object)
		if s == "" || o == "" {
			drops.Dangling++
			continue
		}
		rec.Facts = append(rec.Facts, schema.Fact{S: s, P: f.Predicate, O: o, Kind: f.Kind, Evidence: evidence,
			Role: strings.TrimSpace(f.Role), AssertedBy: entity(f.AssertedBy)})
	}
	return rec, drops
}

// eventID is a stable id for an event of an article: its type and a hash
// of the article id, type, agent, target and evidence.
func eventID(articleID string, e schema.Event) string {
	h := sha256.Sum256([]byte(articleID + "\x00" + e.Type + "\x00" + e.Agent + "\x00" + e.Target + "\x00" + e.Evidence))
	return schema.Slug(e.Type) + "-" + hex.EncodeToString(h[:6])
}

// unionStrings appends to a the strings of b it lacks.
func unionStrings(a, b []string) []string {
	seen := make(map[string]bool, len(a))
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}
