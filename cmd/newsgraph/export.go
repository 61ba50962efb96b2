package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/graph/server"
)

func (a *app) exportCmd() *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export [--format graphml|nquads|jsonl|dot|geojson] [-o FILE] [--query GIZMO | --around NAME [--hops N] | --path FROM TO]",
		Short: "Write the graph, or a subgraph, as GraphML, N-Quads, JSON Lines, DOT or GeoJSON",
		Long:  exportLong,
		Example: `  newsgraph export -o graph.graphml
  newsgraph export --format dot --around "Kata'ib Hezbollah" --hops 1 | dot -Tsvg > kh.svg
  newsgraph export --format dot --path "Kataib Hizbollah" "Ain al Asad" --merge-edges
  newsgraph export --format nquads --query 'g.V("<ng:entity/tower-22>").In("<ng:attacked>").All()'
  newsgraph export --format geojson --around "Ain al-Asad" --hops 1 -o ain-al-asad.geojson`,
		Args: func(cmd *cobra.Command, args []string) error {
			if fl.paths {
				if len(args) != 2 {
					return fmt.Errorf("--path takes two arguments, FROM and TO (got %d)", len(args))
				}
				return nil
			}
			return cobra.NoArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			fl.hopsSet = cmd.Flags().Changed("hops")
			return a.export(cmd.Context(), fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "graphml", fmt.Sprintf("output format: %v", export.Names()))
	f.StringVarP(&fl.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	f.StringVar(&fl.gizmo, "query", "", "select the entity and event nodes among a Gizmo query's results")
	f.StringVar(&fl.around, "around", "", "select the neighbourhood of NAME (an IRI, name or alias)")
	f.IntVar(&fl.hops, "hops", 1, "with --around: how many edges away, in either direction")
	f.BoolVar(&fl.paths, "path", false, "select the nodes of the shortest paths between the two arguments FROM and TO")
	f.IntVar(&fl.k, "k", 1, "with --path: number of paths")
	f.IntVar(&fl.maxHops, "max-hops", path.DefaultMaxHops, "with --path: longest path, in hops")
	f.BoolVar(&fl.merge, "merge-edges", false, "one edge per (source, predicate, target) with the list of articles and a count of reports (one incident's count once)")
	f.BoolVar(&fl.articles, "articles", false, "add the articles as nodes, linked to what they mention")
	f.IntVar(&fl.maxNodes, "max-nodes", export.DefaultMaxDOTNodes, "dot: refuse graphs with more nodes")
	f.Duration("timeout", 0, "with --query: query timeout (query.timeout)")
	f.Int("limit", 0, "with --query: maximum number of results (query.limit)")
	cmd.MarkFlagsMutuallyExclusive("query", "around", "path")
	return cmd
}

// exportLong is export's help.
const exportLong = `Write the graph, or a subgraph of it, for other tools.

Formats:
  graphml  Gephi, yEd, networkx, igraph. Entities, events and incidents are
           nodes, with typed attributes (type, name, label, aliases,
           article_count, first_seen, last_seen; for events event_type,
           kind, date, date_precision, incident, ...; for incidents outlets).
           Facts, event roles and incidents' reports are edges carrying
           predicate, claim kind, article, evidence and confidence, and a
           fact that several articles state its fact_articles and
           fact_outlets (independent outlets).
  jsonl    the same nodes and edges, one JSON object a line.
  nquads   the quads themselves, labels (articles) included; Cayley's
           loader reads them back.
  dot      Graphviz, for small subgraphs and paths (at most --max-nodes).
  geojson  QGIS, geopandas: the selected nodes that have coordinates (events
           at their place, bases, places, countries) as points, with the
           node's attributes and precision (site, town, province, country);
           no edges. "newsgraph":{"unplaced":N} counts the nodes left out.

Entities and events with coordinates carry lat, lon and precision in every
format (GraphML: Gephi's geo layout reads them), and entities their
Wikidata id (wikidata) where the lexicon has one.

By default an edge is one statement of one article, so every edge has
exactly one article, claim kind and evidence sentence; --merge-edges makes
one edge per (source, predicate, target) with the list of articles and a
count of reports: articles that report one incident count once. Articles are attributes of nodes and edges; --articles adds them
as nodes.

The whole graph is exported unless one of these selects a subgraph (its
nodes and the edges among them):
  --query GIZMO       the entity and event nodes among the query's results
                      (at most query.limit results, within query.timeout)
  --around NAME       the nodes at most --hops edges from NAME, both ways
  --path FROM TO      the nodes of the --k shortest paths from FROM to TO
NAME, FROM and TO are an IRI (<ng:entity/tower-22>) or a name, resolved
as in newsgraph path: transliteration variants and typos are tolerated
("Kataib Hizbollah", "Ain al Asad"), and a name that fits several entities
lists them.

With -o the output is written to a temporary file and renamed into place,
so a failed export leaves no partial file.`

// exportFlags are export's flags.
type exportFlags struct {
	format, output, gizmo, around string
	hops, k, maxHops, maxNodes    int
	merge, articles, paths        bool
	hopsSet                       bool // --hops was given
}

// export writes the graph, or the subgraph the flags select, in the
// format they name, to standard output or atomically to --output.
func (a *app) export(ctx context.Context, fl exportFlags, args []string) error {
	e, err := export.Get(fl.format)
	if err != nil {
		return err
	}
	if fl.hopsSet && fl.around == "" {
		return errors.New("--hops goes with --around")
	}
	// Names are resolved by the engine that answers path, neighbors,
	// timeline and the HTTP API: one resolver for all.
	eng, st, done, err := a.engine(ctx)
	if err != nil {
		return err
	}
	defer done()
	opts := export.Options{MergeEdges: fl.merge, ArticleNodes: fl.articles, MaxNodes: fl.maxNodes}
	if opts.Nodes, err = a.exportSelection(ctx, eng, st, fl, args); err != nil {
		return err
	}
	a.log.Info("export", "format", fl.format, "selected", len(opts.Nodes), "output", fl.output)
	write := func(w io.Writer) error { return e.Export(ctx, st.Reader(), w, opts) }
	if fl.output == "" || fl.output == "-" {
		return write(a.stdout)
	}
	return writeAtomic(fl.output, write)
}

// exportSelection is the subgraph --query, --around or --path selects,
// or nil (the whole graph) without them.
func (a *app) exportSelection(ctx context.Context, eng *server.Engine, st *graph.Store, fl exportFlags, args []string) ([]quad.Value, error) {
	switch {
	case fl.gizmo != "":
		res, err := st.Query(ctx, fl.gizmo, graph.QueryOptions{Timeout: a.cfg.Query.Timeout, Limit: a.cfg.Query.Limit})
		if err != nil {
			return nil, err
		}
		nodes := export.FromResults(res)
		if len(nodes) == 0 {
			return nil, fmt.Errorf("the query's %d results hold no entity or event node", len(res))
		}
		return nodes, nil
	case fl.around != "":
		start, err := eng.Resolve(ctx, fl.around)
		if err != nil {
			return nil, err
		}
		return export.Around(ctx, st.Reader(), []quad.Value{quad.IRI(start.IRI)}, fl.hops)
	case fl.paths:
		return pathNodes(ctx, eng, args[0], args[1], path.Options{K: fl.k, MaxHops: fl.maxHops})
	}
	return nil, nil
}

// pathNodes returns the nodes of the k shortest paths between two names,
// found as newsgraph path finds them.
func pathNodes(ctx context.Context, eng *server.Engine, from, to string, opts path.Options) ([]quad.Value, error) {
	res, err := eng.Paths(ctx, server.PathRequest{From: from, To: to, Options: opts})
	if err != nil {
		return nil, err
	}
	if len(res.Paths) == 0 {
		return nil, fmt.Errorf("no path from %s to %s within %d hops", res.From.Name, res.To.Name, opts.MaxHops)
	}
	seen := map[quad.Value]bool{}
	var out []quad.Value
	for _, p := range res.Paths {
		for _, n := range p.Nodes {
			if v := quad.IRI(n.IRI); !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// writeAtomic writes a file through a temporary file in the same
// directory, renamed into place only when write succeeded: a failed or
// interrupted export leaves the old file, or none, never half a file.
func writeAtomic(name string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
