package path

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Neighbor is a node within reach of another, with the link that first
// reached it (from a node one hop nearer, in breadth-first order).
type Neighbor struct {
	Node
	Hops int `json:"hops"`
	Via  Hop `json:"via"`
}

// NeighborOptions shape a neighbourhood query.
type NeighborOptions struct {
	Hops  int // radius; 0 means 1
	Limit int // most neighbours returned; 0 means 100, at most MaxNeighbors
}

// MaxNeighbors bounds NeighborOptions.Limit: each neighbour is shown with
// the evidence of the link that reached it, which is store reads.
const MaxNeighbors = 10000

// Neighbors returns the nodes within opts.Hops links of node, over both
// edge directions, nearest first; at the same distance the nodes more
// articles mention come first. Truncated reports whether Limit cut the list.
func (f *Finder) Neighbors(ctx context.Context, node quad.Value, opts NeighborOptions) (out []Neighbor, truncated bool, err error) {
	if opts.Hops <= 0 {
		opts.Hops = 1
	}
	if opts.Hops > MaxHopsLimit {
		return nil, false, fmt.Errorf("path: %d hops is over the limit of %d", opts.Hops, MaxHopsLimit)
	}
	if opts.Limit <= 0 {
		opts.Limit = 100
	}
	if opts.Limit > MaxNeighbors {
		return nil, false, fmt.Errorf("path: a limit of %d neighbours is over the limit of %d", opts.Limit, MaxNeighbors)
	}
	v := f.view(ctx)
	start, ok := v.lookup(node)
	if !ok {
		return nil, false, fmt.Errorf("path: %v: %w", node, ErrNotFound)
	}
	type reached struct {
		id, parent nodeID
		hops       int
	}
	seen := map[nodeID]bool{start: true}
	frontier := []nodeID{start}
	var all []reached
	for h := 1; h <= opts.Hops && len(frontier) > 0; h++ {
		var next []nodeID
		var layer []reached
		for _, x := range frontier {
			for _, e := range v.edges(x) {
				if !seen[e.to] {
					seen[e.to] = true
					next = append(next, e.to)
					layer = append(layer, reached{e.to, x, h})
				}
			}
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		// Prominent nodes first, then by IRI, so that the order (and which
		// node of a layer becomes the parent of the next) never depends on
		// the order the store returns links in.
		iri := map[nodeID]string{}
		for _, r := range layer {
			if v.stopped() {
				return nil, false, v.err
			}
			iri[r.id] = iriString(v.value(r.id))
		}
		sort.Slice(layer, func(i, j int) bool {
			mi, mj := v.mentions(layer[i].id), v.mentions(layer[j].id)
			if mi != mj {
				return mi > mj
			}
			return iri[layer[i].id] < iri[layer[j].id]
		})
		next = next[:0]
		for _, r := range layer {
			next = append(next, r.id)
		}
		all = append(all, layer...)
		frontier = next
		if len(all) >= opts.Limit {
			break // farther layers would be cut anyway
		}
	}
	if len(all) > opts.Limit {
		all, truncated = all[:opts.Limit], true
	}
	// On a batch reader, every neighbour's name and hop at once.
	shown := make([]nodeID, 0, 2*len(all))
	hops := make([][2]nodeID, 0, len(all))
	for _, r := range all {
		shown = append(shown, r.id, r.parent)
		hops = append(hops, [2]nodeID{r.parent, r.id})
	}
	v.describeAll(shown)
	v.evidenceAll(hops)
	for _, r := range all {
		if v.stopped() {
			return nil, false, v.err
		}
		n := Neighbor{Node: v.describe(r.id), Hops: r.hops}
		p := v.describe(r.parent)
		n.Via = Hop{From: p.IRI, FromName: p.Name, To: n.IRI, ToName: n.Name}
		if ls := v.links(r.parent, r.id); len(ls) > 0 {
			n.Via.Link, n.Via.Also = ls[0], ls[1:]
		}
		out = append(out, n)
	}
	if v.stopped() {
		return nil, false, v.err
	}
	return out, truncated, nil
}

// TimelineEntry is one event an actor took part in.
type TimelineEntry struct {
	Event string `json:"event"`
	Type  string `json:"type"`
	Date  string `json:"date,omitempty"`
	// Precision says what the date rests on: day, month or year of the
	// text, or reported (the article's date).
	Precision string   `json:"precision,omitempty"`
	DateNote  string   `json:"date_note,omitempty"`
	Status    string   `json:"status,omitempty"`
	Roles     []string `json:"roles"` // the actor's part: agent, target, claimed_responsibility_for, ...
	// Participants names the event's agent, target, location, about and
	// asserted_by, by role.
	Participants map[string]string `json:"participants,omitempty"`
	Claim
}

// eventFacts are the fact predicates that tie an actor to an event node.
var eventFacts = map[string]bool{
	"claimed_responsibility_for": true, "denied_responsibility_for": true,
	"stated": true, "announced": true, "party_to": true,
}

// Timeline returns the events an actor took part in — as agent, target,
// place, subject or asserter of the event, or by claiming, denying,
// announcing or stating it — ordered by date. Events with a partial date
// (a year, a month) sort at its start; an event dated by its article
// (precision reported) sorts at that date; undated events (from a store
// loaded before dates had precisions) come last, in order of their
// article's date.
func (f *Finder) Timeline(ctx context.Context, actor quad.Value) ([]TimelineEntry, error) {
	v := f.view(ctx)
	a, ok := v.lookup(actor)
	if !ok {
		return nil, fmt.Errorf("path: %v: %w", actor, ErrNotFound)
	}
	byEvent := map[nodeID]*TimelineEntry{}
	var order []nodeID
	for _, e := range v.edges(a) {
		if v.stopped() {
			return nil, v.err
		}
		pred := linkPredicates[e.pred]
		role := localName(pred)
		switch {
		case rolePredicates[pred] && !e.out: // event --role--> actor
		case eventFacts[role] && e.out: // actor --fact--> event
		default:
			continue
		}
		iri, ok := v.value(e.to).(quad.IRI)
		if !ok || !strings.HasPrefix(string(iri), schema.Prefix+"event/") {
			continue // a named historical event is an entity, not a dated event
		}
		if te := byEvent[e.to]; te != nil {
			if !contains(te.Roles, role) {
				te.Roles = append(te.Roles, role)
			}
			continue
		}
		te := &TimelineEntry{Event: string(iri), Roles: []string{role}, Participants: map[string]string{}}
		te.Type = v.literal(e.to, schema.EventType)
		te.Date = v.literal(e.to, schema.Date)
		te.Precision = v.literal(e.to, schema.DatePrecision)
		te.DateNote = schema.DateNoteOf(te.Date, v.literal(e.to, schema.DateNote))
		te.Status = v.literal(e.to, schema.Status)
		te.Claim = v.claimOf(e.to)
		for _, pe := range v.edges(e.to) {
			if p := linkPredicates[pe.pred]; rolePredicates[p] && pe.out {
				te.Participants[localName(p)] = v.describe(pe.to).Name
			}
		}
		byEvent[e.to] = te
		order = append(order, e.to)
	}
	out := make([]TimelineEntry, 0, len(order))
	for _, id := range order {
		sort.Strings(byEvent[id].Roles)
		out = append(out, *byEvent[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := sortDate(out[i]), sortDate(out[j])
		if di != dj {
			return di < dj
		}
		return out[i].Event < out[j].Event
	})
	if v.stopped() {
		return nil, v.err
	}
	return out, nil
}

// sortDate is the key events sort by: the event's own date when it has a
// year, else "~" (after every year) followed by the article's date.
func sortDate(e TimelineEntry) string {
	if len(e.Date) >= 4 && e.Date[0] != '-' {
		return e.Date
	}
	return "~" + e.ArticleDate
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
