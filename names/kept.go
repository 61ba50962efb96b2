package names

import (
	"bytes"
	"context"
	"encoding/gob"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// keptName is the name the index is kept under with its store
// (graph.Store.Keep).
const keptName = "names"

// LoadKept returns the index of the store st: the one kept with it (Keep:
// build and rebuild keep it after they write) while the store is as it was
// then, so that a command does not read every entity of a large store to
// resolve two names; otherwise Load's, which it keeps for the next
// command. A store that keeps nothing, or an index that cannot be kept,
// costs only the load: the index is the same either way.
func LoadKept(ctx context.Context, st *graph.Store) (*Index, error) {
	stamp, ok, err := st.WriteStamp(ctx)
	if err != nil || !ok {
		return Load(ctx, st.Reader())
	}
	if ix, ok := kept(ctx, st, stamp); ok {
		return ix, nil
	}
	ix, err := Load(ctx, st.Reader())
	if err != nil {
		return nil, err
	}
	_ = Keep(ctx, st, stamp, ix) // best effort, see above
	return ix, nil
}

// Kept returns the index kept with st, if st is as it was when it was
// kept.
func Kept(ctx context.Context, st *graph.Store) (*Index, bool) {
	stamp, ok, err := st.WriteStamp(ctx)
	if err != nil || !ok {
		return nil, false
	}
	return kept(ctx, st, stamp)
}

// kept is the index kept with st under stamp, if any.
func kept(ctx context.Context, st *graph.Store, stamp string) (*Index, bool) {
	data, ok, err := st.Kept(ctx, keptName, stamp)
	if err != nil || !ok {
		return nil, false
	}
	var entries []Entry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&entries); err != nil {
		return nil, false
	}
	return NewIndex(entries), true
}

// Keep keeps ix with st as the index of the store whose stamp
// (graph.Store.WriteStamp) is stamp, for LoadKept.
func Keep(ctx context.Context, st *graph.Store, stamp string, ix *Index) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(ix.entries); err != nil {
		return err
	}
	return st.Keep(ctx, keptName, stamp, b.Bytes())
}

// Collector gathers the index of a store from the quads written into it,
// when those are all it holds (a build into an empty store), so that the
// writer keeps the index without reading every entity back. Its index is
// Load's on the same store: the same entries, names and aliases, the
// aliases in the order written, which is the order in which bolt lists
// them (PostgreSQL lists them in no set order).
type Collector struct {
	byIRI map[string]*collected
}

// collected is what the quads said of one entity so far.
type collected struct {
	types   []string
	name    string
	aliases []string
	seen    map[string]bool // aliases
}

// entityType is the entity type of each class IRI, as Load reads them.
var entityType = func() map[quad.Value]string {
	m := map[quad.Value]string{}
	for _, t := range schema.EntityTypes {
		m[schema.TypeIRI(t)] = t
	}
	return m
}()

// NewCollector returns an empty collector.
func NewCollector() *Collector { return &Collector{byIRI: map[string]*collected{}} }

// Add reads the quads written next.
func (c *Collector) Add(qs []quad.Quad) {
	for _, q := range qs {
		var e *collected
		switch q.Predicate {
		case schema.RDFType, schema.Name, schema.Alias:
			e = c.entity(q.Subject)
		}
		if e == nil {
			continue
		}
		s, isString := q.Object.(quad.String)
		switch t, isType := entityType[q.Object]; {
		case q.Predicate == schema.RDFType && isType:
			if !slices.Contains(e.types, t) {
				e.types = append(e.types, t)
			}
		case q.Predicate == schema.Name && isString && e.name == "":
			e.name = string(s)
		case q.Predicate == schema.Alias && isString && !e.seen[string(s)]:
			e.seen[string(s)] = true
			e.aliases = append(e.aliases, string(s))
		}
	}
}

// entity returns what was collected of v, if v is an entity's IRI.
func (c *Collector) entity(v quad.Value) *collected {
	iri, ok := v.(quad.IRI)
	if !ok || !isEntity(iri) {
		return nil
	}
	e := c.byIRI[string(iri)]
	if e == nil {
		e = &collected{seen: map[string]bool{}}
		c.byIRI[string(iri)] = e
	}
	return e
}

// Index returns the index of what was added: an entry for each type of
// each entity, as Load makes.
func (c *Collector) Index() *Index {
	var entries []Entry
	for iri, e := range c.byIRI {
		for _, t := range e.types {
			entries = append(entries, Entry{IRI: iri, Name: e.name, Type: t, Aliases: e.aliases})
		}
	}
	return NewIndex(entries)
}
