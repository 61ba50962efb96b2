// Package analysis links what different articles say about one happening:
// incidents (events of several articles that are the same real-world
// happening), how many independent sources back an incident or a fact
// (syndicated copies count once), and contradictions between reports (a
// claim against a denial, rival attributions, a fact denied).
//
// It reads the store and writes its nodes through graph; it knows the
// vocabulary (schema) and nothing of extraction. Its nodes span articles,
// so none is labelled with an article: each is labelled with its own IRI,
// points at every article it rests on (ng:reportedIn), and is replaced as
// a whole when one of them changes (docs/schema.md).
package analysis

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// DefaultWindow is how far apart two reports' dates may be for them to be
// one incident (config analysis.incident_window).
const DefaultWindow = 72 * time.Hour

// Options configure the analysis.
type Options struct {
	// Window is how far apart two reports' dates may be (0: the same day).
	Window time.Duration

	// Loaded, when set, holds every quad of the store: a build into an
	// empty store indexes what it loads, and the analysis reads that
	// instead of the store (Index).
	Loaded *Index
}

// Writer replaces every quad labelled by one of labels with quads, as
// graph.Store.Replace does. A rebuild passes one that also journals.
type Writer func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error

// Summary reports an update.
type Summary struct {
	Incidents      int     `json:"incidents"`      // incident nodes written
	Facts          int     `json:"facts"`          // fact nodes (facts of two articles or more) written
	Contradictions int     `json:"contradictions"` // contradiction nodes written
	Seconds        float64 `json:"seconds"`
}

// Update brings the analysis up to date after the articles touched (their
// IRIs: added, changed or removed) were loaded or removed. Only the
// incidents, facts and contradictions those articles take part in, before
// or after, are recomputed and rewritten.
func Update(ctx context.Context, st *graph.Store, write Writer, touched []quad.Value, opts Options) (Summary, error) {
	start := time.Now()
	var src quadSource = st
	if opts.Loaded != nil {
		src = opts.Loaded
	}
	u := &update{r: newReader(ctx, src), window: opts.Window, old: map[quad.Value]bool{}, seeds: map[quad.Value]bool{},
		touched: map[quad.Value]bool{}, subjects: map[quad.Value]bool{}, keys: map[factKey]bool{}, sets: map[quad.Value]map[quad.Value]bool{}}
	out := &output{ctx: ctx, write: write, old: u.old, rewritten: map[quad.Value]bool{}}
	if err := u.scope(touched); err != nil {
		return Summary{}, err
	}
	if err := u.incidents(out); err != nil {
		return out.sum, err
	}
	if err := u.facts(out); err != nil {
		return out.sum, err
	}
	if err := out.close(); err != nil {
		return out.sum, err
	}
	out.sum.Seconds = time.Since(start).Seconds()
	return out.sum, nil
}

// batchQuads is how many quads of its nodes the analysis gathers before
// it writes them. It writes as it goes, so that its memory does not grow
// with what it writes: a first build's analysis writes a node for every
// fact of two articles or more in the store.
var batchQuads = 20000

// output writes the nodes of an update in batches, each replacing the
// quads labelled by its nodes, and at last removes the old nodes that
// were not written anew.
type output struct {
	ctx       context.Context
	write     Writer
	sum       Summary
	labels    []quad.Value
	quads     []quad.Quad
	old       map[quad.Value]bool // the update's old nodes (update.old)
	rewritten map[quad.Value]bool // those of them written anew
}

// add counts nodes and writes them once a batch is full.
func (o *output) add(nodes []*node) error {
	for _, n := range nodes {
		o.labels = append(o.labels, n.iri)
		o.quads = append(o.quads, n.quads...)
		if o.old[n.iri] {
			o.rewritten[n.iri] = true
		}
		switch n.class {
		case ClassIncident:
			o.sum.Incidents++
		case ClassFact:
			o.sum.Facts++
		case ClassContradiction:
			o.sum.Contradictions++
		}
	}
	if len(o.quads) < batchQuads {
		return nil
	}
	return o.flush()
}

func (o *output) flush() error {
	if len(o.labels) == 0 {
		return nil
	}
	labels, quads := o.labels, o.quads
	o.labels, o.quads = nil, nil
	return o.write(o.ctx, labels, quads)
}

// close writes the last batch, and removes the old nodes that no batch
// replaced.
func (o *output) close() error {
	for l := range o.old {
		if !o.rewritten[l] {
			o.labels = append(o.labels, l)
		}
	}
	return o.flush()
}

// Classes and properties of the analysis' nodes.
var (
	ClassIncident      = quad.IRI(schema.Prefix + "Incident")
	ClassFact          = quad.IRI(schema.Prefix + "Fact")
	ClassContradiction = quad.IRI(schema.Prefix + "Contradiction")

	ReportOf       = quad.IRI(schema.Prefix + "report")        // incident -> event
	ReportedIn     = quad.IRI(schema.Prefix + "reportedIn")    // any analysis node -> article
	FactSubject    = quad.IRI(schema.Prefix + "subject")       // fact node -> the fact's subject
	FactPredicate  = quad.IRI(schema.Prefix + "predicate")     // fact node -> its predicate
	FactObject     = quad.IRI(schema.Prefix + "object")        // fact node -> its object
	Articles       = quad.IRI(schema.Prefix + "articles")      // distinct articles (an int)
	Outlets        = quad.IRI(schema.Prefix + "outlets")       // independent sources (an int)
	FirstReported  = quad.IRI(schema.Prefix + "firstReported") // earliest article date
	LastReported   = quad.IRI(schema.Prefix + "lastReported")  // latest article date
	Conflict       = quad.IRI(schema.Prefix + "conflict")      // a contradiction's kind
	InIncident     = quad.IRI(schema.Prefix + "incident")      // contradiction -> incident
	SideA          = quad.IRI(schema.Prefix + "sideA")         // contradiction -> report of one side
	SideB          = quad.IRI(schema.Prefix + "sideB")         // contradiction -> report of the other
	AgentA         = quad.IRI(schema.Prefix + "agentA")        // who side A names
	AgentB         = quad.IRI(schema.Prefix + "agentB")        // who side B names
	OutletsA       = quad.IRI(schema.Prefix + "outletsA")      // independent sources of side A
	OutletsB       = quad.IRI(schema.Prefix + "outletsB")      // independent sources of side B
	incidentPrefix = schema.Prefix + "incident/"
	factPrefix     = schema.Prefix + "fact/"
	conflictPrefix = schema.Prefix + "contradiction/"
)

// Contradiction kinds (ng:conflict).
const (
	ClaimDenial      = "claim_denial"      // a responsibility claim and a denial of one incident
	RivalAttribution = "rival_attribution" // one incident attributed to agents that are not one another's members
	DeniedFact       = "denied_fact"       // a fact stated by one source and denied by another
)

// node is one node of the analysis with all its quads, labelled by itself.
type node struct {
	iri   quad.IRI
	class quad.IRI
	quads []quad.Quad
}

func newNode(iri, class quad.IRI) *node {
	n := &node{iri: iri, class: class}
	n.add(iri, schema.RDFType, class)
	return n
}

func (n *node) add(s quad.Value, p quad.IRI, o quad.Value) {
	n.quads = append(n.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: n.iri})
}

// hashIRI names a node by a hash of its key, so that the same key gives
// the same IRI in every build.
func hashIRI(prefix string, key ...string) quad.IRI {
	h := sha256.New()
	for _, k := range key {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return quad.IRI(prefix + hex.EncodeToString(h.Sum(nil)[:8]))
}
