// Package export writes a newsgraph store, or a subgraph of it, in formats
// that other tools read: GraphML (Gephi, yEd, networkx, igraph), N-Quads
// (Cayley's own loader), JSON Lines, Graphviz DOT and GeoJSON (QGIS,
// geopandas: the nodes that have coordinates, as points).
//
// # The model
//
// The store holds quads laid out by package schema; the exporters (except
// N-Quads, which writes the quads themselves) turn them into a property
// graph that analysts' tools understand:
//
//   - Entities (<ng:entity/…>), events (<ng:event/…>) and incidents
//     (<ng:incident/…>) are the nodes.
//     Literal-valued properties (names, aliases, dates, event types, claim
//     kinds, evidence) become node attributes, never nodes of their own.
//   - A fact (s <ng:attacked> o, say) is an edge from s to o. Its provenance
//     lives on its statement node (rdf:Statement with ng:kind, ng:evidence,
//     ng:confidence, ng:article); the exporter folds the statement into the
//     edge's attributes, so statement nodes do not appear.
//   - An event's roles (ng:agent, ng:target, ng:location, ng:about,
//     ng:assertedBy) are edges from the event to the entity, carrying the
//     event's claim kind, evidence and article.
//   - Articles are folded into attributes by default: every edge names its
//     article, every node counts its articles and gives the first and last
//     dates it was seen. Articles as nodes of their own would become the
//     best-connected hubs of the graph and swamp centrality, layout and
//     community detection in Gephi or igraph, which is what analysts run;
//     Options.ArticleNodes adds them (with ng:mentionedIn and ng:article
//     edges) for those who want to see the sourcing itself.
//   - The same fact found in several articles is one edge per article and
//     statement by default, so that each edge has exactly one article, one
//     claim kind, one evidence sentence and one confidence: nothing is
//     averaged away, and a claim in one outlet stays apart from a denial in
//     another. Options.MergeEdges makes one edge per (source, predicate,
//     target) instead, with the list of articles and of claim kinds, the
//     earliest article's kind and evidence, and a count of reports in
//     which the articles that report one incident count once: twenty
//     outlets on one attack are one attack, not twenty.
//   - What the analysis found across articles (package analysis) is read,
//     never recomputed: incidents are nodes with their counts, linked to
//     the events that report them by "report" edges, and each such event
//     names its incident; a fact that several articles state carries its
//     fact node's counts of articles and independent outlets on its
//     edges. Fact and contradiction nodes are not nodes of the export.
//
// # Streaming
//
// Exporters do not load the graph into memory. The whole graph is walked
// twice over the store's node list, nodes first and then edges (GraphML
// readers want nodes before the edges that use them), and each node's
// quads are read from the store's subject and object indexes as it is
// written. Nodes are written sorted by ID, so that an export is the same
// on every backend: the IDs of the exported nodes (tens of bytes each) are
// the only part of the graph held in memory; otherwise memory grows with
// the largest node's degree, not with the graph.
//
// # Selections
//
// Options.Nodes selects a subgraph: the listed nodes and the edges among
// them. Around and FromResults build such selections from a neighbourhood
// or a Gizmo query's results; names are resolved to nodes by the caller
// (newsgraph resolves them as every command does, with names).
package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// Exporter writes a selection of a store in one format. It reads the
// store through graph.Reader (Store.Reader), the one read primitive of the
// read side, as graph/path and names do, and holds no backend's types.
type Exporter interface {
	// Export writes the nodes and edges opts selects from the store rd
	// reads to w.
	Export(ctx context.Context, rd graph.Reader, w io.Writer, opts Options) error
}

// ExporterFunc adapts a function to the Exporter interface.
type ExporterFunc func(ctx context.Context, rd graph.Reader, w io.Writer, opts Options) error

// Export calls f.
func (f ExporterFunc) Export(ctx context.Context, rd graph.Reader, w io.Writer, opts Options) error {
	return f(ctx, rd, w, opts)
}

// Options select what is exported and how.
type Options struct {
	// Nodes selects a subgraph: these entity and event nodes and the edges
	// between them. Nil exports the whole graph; an empty, non-nil slice
	// exports nothing.
	Nodes []quad.Value

	// MergeEdges makes one edge per (source, predicate, target) with a
	// count and the list of articles, instead of one edge per article and
	// statement.
	MergeEdges bool

	// ArticleNodes adds the articles as nodes, linked to the entities they
	// mention and the events they report, instead of only naming them in
	// attributes.
	ArticleNodes bool

	// MaxNodes bounds the number of nodes of formats meant for small
	// graphs (DOT); 0 means DefaultMaxDOTNodes. Ignored by other formats.
	MaxNodes int
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Exporter{}
)

// Register makes an exporter available by name, as Cayley's
// graph.RegisterQuadStore does for stores. It panics if the name is taken.
func Register(name string, e Exporter) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic("export: Register called twice for " + name)
	}
	registry[name] = e
}

// Get returns the exporter registered under name.
func Get(name string) (Exporter, error) {
	registryMu.RLock()
	e, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("export: unknown format %q (have %v)", name, Names())
	}
	return e, nil
}

// Names lists the registered formats, sorted.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func init() {
	Register("graphml", ExporterFunc(writeGraphML))
	Register("nquads", ExporterFunc(writeNQuads))
	Register("jsonl", ExporterFunc(writeJSONL))
	Register("dot", ExporterFunc(writeDOT))
	Register("geojson", ExporterFunc(writeGeoJSON))
}
