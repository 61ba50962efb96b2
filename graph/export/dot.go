package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// DefaultMaxDOTNodes is how many nodes a DOT export takes unless
// Options.MaxNodes says otherwise. Graphviz lays out a few hundred nodes
// legibly; DOT is meant for neighbourhoods and paths, GraphML for the
// whole graph.
const DefaultMaxDOTNodes = 500

// ErrTooBig is returned when a selection is larger than a format allows.
var ErrTooBig = fmt.Errorf("export: graph too big for this format")

// fill colours of node types in DOT pictures.
var dotColors = map[string]string{
	"ArmedGroup": "#f4a582", "Country": "#92c5de", "GovernmentBody": "#b2abd2",
	"Coalition": "#fddbc7", "Person": "#d9f0d3", "MilitaryBase": "#bababa",
	"Place": "#e0e0e0", "Agreement": "#fee08b", "Event": "#fdae61",
	"Organization": "#c7eae5", "MediaOutlet": "#f6e8c3", "Article": "#ffffff",
	"Incident": "#f46d43",
}

// dotString quotes s as a DOT string: quotes and backslashes escaped,
// newlines as \n, characters XML cannot carry (Graphviz writes SVG) dropped.
func dotString(s string) string {
	s = xmlClean(s)
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeDOT writes a Graphviz digraph: nodes boxed and coloured by type and
// labelled with name and type, edges labelled with their predicate, every
// attribute of the GraphML export kept as a DOT attribute (Graphviz ignores
// those it does not know) and the evidence as the SVG tooltip.
func writeDOT(ctx context.Context, rd graph.Reader, out io.Writer, opts Options) error {
	wk, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	limit := opts.MaxNodes
	if limit <= 0 {
		limit = DefaultMaxDOTNodes
	}
	count := 0
	if err := wk.nodes(func(quad.Value) error {
		count++
		if count > limit {
			return fmt.Errorf("%w: DOT takes at most %d nodes, select a subgraph (--around, --query, --path) or raise the limit", ErrTooBig, limit)
		}
		return nil
	}); err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	w.WriteString("digraph newsgraph {\n")
	w.WriteString("  graph [rankdir=LR, fontname=\"sans-serif\", overlap=false];\n")
	w.WriteString("  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];\n")
	w.WriteString("  edge [fontname=\"sans-serif\", fontsize=9, color=\"#555555\"];\n")
	attrs := func(keys []Key, vals []string) string {
		var b strings.Builder
		for i, v := range vals {
			if v == "" || keys[i].Name == "label" {
				continue
			}
			b.WriteString(", ")
			b.WriteString(keys[i].Name)
			b.WriteString("=")
			b.WriteString(dotString(v))
		}
		return b.String()
	}
	err = wk.walk(func(n Node) error {
		sub := n.Type
		if n.Type == "Event" && n.EventType != "" {
			sub = "event"
			if n.Kind != "" && n.Kind != "stated" {
				sub += ", " + n.Kind
			}
		}
		color := dotColors[n.Type]
		if color == "" {
			color = "#ffffff"
		}
		shape := ""
		if n.Type == "Event" && n.EventType != "" {
			shape = ", shape=ellipse"
		}
		fmt.Fprintf(w, "  %s [label=%s, fillcolor=%s%s%s];\n", dotString(n.ID), dotString(n.Name+"\n"+sub), dotString(color), shape, attrs(NodeKeys, nodeData(n)))
		return nil
	}, func(e Edge) error {
		label := e.Predicate
		if e.Kind != "" && e.Kind != "stated" && e.Kind != e.Predicate {
			label += " (" + e.Kind + ")"
		}
		if e.Count > 1 {
			label += fmt.Sprintf(" ×%d", e.Count)
		}
		tip := ""
		if e.Evidence != "" {
			tip = ", tooltip=" + dotString(e.Evidence)
		}
		fmt.Fprintf(w, "  %s -> %s [label=%s%s%s];\n", dotString(e.Source), dotString(e.Target), dotString(label), tip, attrs(EdgeKeys, edgeData(e)))
		return nil
	})
	if err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}
