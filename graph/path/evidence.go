package path

import (
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Claim is how one article supports a link: the claim kind, the evidence
// sentence and the article.
type Claim struct {
	Kind         string `json:"kind"`
	Evidence     string `json:"evidence"`
	Article      string `json:"article"`
	ArticleTitle string `json:"article_title,omitempty"`
	ArticleDate  string `json:"article_date,omitempty"`
}

// Link is one edge between two nodes, read in the direction of travel:
// Direction "out" means the quad is <from> <predicate> <to>, "in" means it
// is <to> <predicate> <from>. Support counts the statements (one per
// article and evidence sentence) that assert it; the Claim shown is the
// strongest of them.
type Link struct {
	Predicate string `json:"predicate"`
	Direction string `json:"direction"`
	Claim
	Support int `json:"support"`
}

// kindRank orders claim kinds from the most to the least direct.
var kindRank = map[string]int{schema.Stated: 0, schema.Reported: 1, schema.Claimed: 2, schema.Threatened: 3, schema.Denied: 4}

// links returns every link between a and b, strongest first.
func (v *view) links(a, b nodeID) []Link {
	var out []Link
	for _, e := range v.edges(a) {
		if e.to != b {
			continue
		}
		pred := linkPredicates[e.pred]
		l := Link{Predicate: localName(pred), Direction: "out"}
		if !e.out {
			l.Direction = "in"
		}
		subj, obj := a, b
		if !e.out {
			subj, obj = b, a
		}
		var claims []Claim
		if rolePredicates[pred] {
			// The event node is the subject and carries the evidence itself.
			claims = []Claim{v.claimOf(subj)}
		} else {
			claims = v.statements(subj, v.preds[e.pred], obj)
		}
		if len(claims) == 0 {
			// A fact quad without its statement (loaded by another tool):
			// the link stands, with nothing to show for it.
			claims = []Claim{{}}
		}
		l.Claim, l.Support = claims[0], len(claims)
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i].Kind), rank(out[j].Kind)
		if ri != rj {
			return ri < rj
		}
		if out[i].Support != out[j].Support {
			return out[i].Support > out[j].Support
		}
		if out[i].Predicate != out[j].Predicate {
			return out[i].Predicate < out[j].Predicate
		}
		return out[i].Direction > out[j].Direction
	})
	return out
}

func rank(kind string) int {
	if r, ok := kindRank[kind]; ok {
		return r
	}
	return len(kindRank)
}

// statements finds the rdf:Statement nodes recording subj pred obj and
// returns their claims, strongest first: by claim kind, then with evidence
// before without, then the most recent article first.
func (v *view) statements(subj nodeID, pred cgraph.Ref, obj nodeID) []Claim {
	// Start from the end fewer articles mention: its statement list is shorter.
	from, fromDir, other, otherDir := subj, schema.RDFSubject, obj, schema.RDFObject
	if v.mentions(obj) < v.mentions(subj) {
		from, fromDir, other, otherDir = obj, schema.RDFObject, subj, schema.RDFSubject
	}
	fromRef, otherRef := v.ref(fromDir), v.ref(otherDir)
	predRef := v.ref(schema.RDFPredicate)
	if fromRef == nil || otherRef == nil || predRef == nil {
		return nil
	}
	var sts []cgraph.Ref
	v.scan(v.refOf(from), quad.Object, fromRef, func(q cgraph.Ref) bool {
		if s := v.dir(q, quad.Subject); s != nil {
			sts = append(sts, s)
		}
		return true
	})
	var out []Claim
	for _, st := range sts {
		if !v.has(st, predRef, pred) || !v.has(st, otherRef, v.refOf(other)) {
			continue
		}
		out = append(out, v.claimOf(v.node(st)))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Kind), rank(out[j].Kind); ri != rj {
			return ri < rj
		}
		if (out[i].Evidence == "") != (out[j].Evidence == "") {
			return out[i].Evidence != ""
		}
		if out[i].ArticleDate != out[j].ArticleDate {
			return out[i].ArticleDate > out[j].ArticleDate
		}
		return out[i].Article < out[j].Article
	})
	return out
}

// has reports whether the store holds a quad node pred val (any label).
func (v *view) has(node, pred, val cgraph.Ref) bool {
	found := false
	v.scan(node, quad.Subject, pred, func(q cgraph.Ref) bool {
		if o := v.dir(q, quad.Object); o != nil && o.Key() == val.Key() {
			found = true
			return false
		}
		return true
	})
	return found
}

// claimOf reads the claim recorded on a statement or event node.
func (v *view) claimOf(id nodeID) Claim {
	c := Claim{
		Kind:     v.literal(id, schema.Kind),
		Evidence: v.literal(id, schema.Evidence),
	}
	if art, ok := v.first(id, schema.InArticle).(quad.IRI); ok {
		c.Article = string(art)
		if a, ok := v.lookup(art); ok {
			c.ArticleTitle = v.literal(a, schema.Title)
			c.ArticleDate = v.literal(a, schema.Date)
		}
	}
	return c
}

// first returns the object of the first quad node pred ?, or nil.
func (v *view) first(id nodeID, pred quad.IRI) quad.Value {
	p := v.ref(pred)
	if p == nil {
		return nil
	}
	var out quad.Value
	v.scan(v.refOf(id), quad.Subject, p, func(q cgraph.Ref) bool {
		if o := v.dir(q, quad.Object); o != nil {
			val, err := v.qs.NameOf(o)
			v.fail(err)
			out = val
		}
		return false
	})
	return out
}

// all returns the objects of every quad node pred ?, without duplicates.
func (v *view) all(id nodeID, pred quad.IRI) []quad.Value {
	p := v.ref(pred)
	if p == nil {
		return nil
	}
	seen := map[any]bool{}
	var out []quad.Value
	v.scan(v.refOf(id), quad.Subject, p, func(q cgraph.Ref) bool {
		if o := v.dir(q, quad.Object); o != nil && !seen[o.Key()] {
			seen[o.Key()] = true
			val, err := v.qs.NameOf(o)
			v.fail(err)
			out = append(out, val)
		}
		return true
	})
	return out
}

// literal returns the first string value of node pred ?, or "".
func (v *view) literal(id nodeID, pred quad.IRI) string {
	switch x := v.first(id, pred).(type) {
	case quad.String:
		return string(x)
	case nil:
		return ""
	default:
		return x.String()
	}
}
