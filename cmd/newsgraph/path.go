package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/graph/server"
)

func (a *app) pathCmd() *cobra.Command {
	var opts path.Options
	var via, format string
	cmd := &cobra.Command{
		Use:   "path FROM TO [--max-hops N] [--k K] [--via TYPES] [--format text|json|dot]",
		Short: "Show the k shortest evidence-backed paths between two entities (or an entity and an event)",
		Long: `Show the k shortest paths between two entities, or between an entity and an
event, following links in both directions. Every hop shows its predicate,
its direction, its claim kind and its evidence sentence with the article.

FROM and TO are names, resolved through every name and alias the articles
used, tolerating transliteration variants and typos ("Kataib Hizbollah"
finds Kata'ib Hezbollah); a name that fits several entities lists them.
An IRI (ng:entity/..., ng:event/...) is taken as it is.

Paths are ranked by cost: one per hop, plus, for every node passed through,
ln(1 + the number of articles mentioning it), so that hubs such as Iraq or
the United States rank below specific links (see docs/gizmo.md). No path
passes through a hub mentioned in more than --hub-limit articles (an
endpoint may be one); the output names the hubs it avoided, and
--hub-limit -1 admits them.
--via restricts the nodes a path passes through to the given types.`,
		Example: `  newsgraph path "Kataib Hizbollah" "Tower 22"
  newsgraph path "Abu Fadak" Iraq --via ArmedGroup,Person --k 5 --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json", "dot"); err != nil {
				return err
			}
			if via != "" {
				opts.Via = strings.Split(via, ",")
			}
			b, done, err := a.pathBackend(cmd.Context())
			if err != nil {
				return err
			}
			defer done()
			res, err := b.Paths(cmd.Context(), server.PathRequest{From: args[0], To: args[1], Options: opts})
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSONOut(a.stdout, res)
			case "dot":
				writePathsDot(a.stdout, res)
			default:
				writePathsText(a.stdout, res)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.MaxHops, "max-hops", path.DefaultMaxHops, "longest path, in hops")
	cmd.Flags().IntVar(&opts.K, "k", path.DefaultK, "number of paths")
	cmd.Flags().IntVar(&opts.HubLimit, "hub-limit", path.DefaultHubLimit, "pass through no node mentioned in more articles than this; -1 for no limit")
	cmd.Flags().StringVar(&via, "via", "", "comma-separated types the intermediate nodes must have: "+strings.Join(path.ValidTypes(), ", "))
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or dot")
	return cmd
}

// checkFormat returns an error naming the formats a command has when
// --format asks for another.
func checkFormat(format string, have ...string) error {
	if slices.Contains(have, format) {
		return nil
	}
	return fmt.Errorf("--format: unknown format %q (have %s)", format, strings.Join(have, ", "))
}

func writeJSONOut(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// arrow draws a link in the direction of travel: "-[p]->" when the quad
// points that way, "<-[p]-" when it points back.
func arrow(l path.Link) string {
	if l.Direction == "in" {
		return "<-[" + l.Predicate + "]-"
	}
	return "-[" + l.Predicate + "]->"
}

func writePathsText(w io.Writer, res *path.Result) {
	fmt.Fprintf(w, "%s -> %s: %d path(s)\n", res.From.Name, res.To.Name, len(res.Paths))
	for i, p := range res.Paths {
		var ns []string
		for _, n := range p.Nodes {
			ns = append(ns, n.Name)
		}
		fmt.Fprintf(w, "\n%d. %s  (%d hops, cost %.2f)\n", i+1, strings.Join(ns, " > "), len(p.Hops), p.Cost)
		for _, h := range p.Hops {
			writeHopText(w, "   ", h)
		}
	}
	if len(res.HubsAvoided) > 0 {
		var ns []string
		for _, n := range res.HubsAvoided[:min(len(res.HubsAvoided), 8)] {
			ns = append(ns, n.Name)
		}
		if more := len(res.HubsAvoided) - len(ns); more > 0 {
			ns = append(ns, fmt.Sprintf("%d more", more))
		}
		fmt.Fprintf(w, "\nNot passed through, as hubs (--hub-limit): %s.\n", strings.Join(ns, ", "))
	}
}

func writeHopText(w io.Writer, indent string, h path.Hop) {
	fmt.Fprintf(w, "%s%s %s %s  [%s", indent, h.FromName, arrow(h.Link), h.ToName, orNone(h.Kind))
	if h.Support > 1 {
		fmt.Fprintf(w, ", %d articles", h.Support)
	}
	fmt.Fprintln(w, "]")
	writeClaimText(w, indent+"    ", h.Claim)
	for _, o := range h.Also {
		fmt.Fprintf(w, "%s    also %s [%s]\n", indent, arrow(o), orNone(o.Kind))
	}
}

func writeClaimText(w io.Writer, indent string, c path.Claim) {
	if c.Evidence != "" {
		fmt.Fprintf(w, "%s%q\n", indent, c.Evidence)
	}
	if c.Article != "" {
		src := c.Article
		if c.ArticleTitle != "" {
			src += " · " + c.ArticleTitle
		}
		if c.ArticleDate != "" {
			src += " · " + c.ArticleDate
		}
		fmt.Fprintf(w, "%s%s\n", indent, src)
	}
}

func orNone(s string) string {
	if s == "" {
		return "no claim recorded"
	}
	return s
}

// writePathsDot draws the paths as a Graphviz graph, edges in the
// direction of their quads, labelled with predicate and claim kind.
func writePathsDot(w io.Writer, res *path.Result) {
	fmt.Fprintln(w, "digraph paths {")
	fmt.Fprintln(w, "  rankdir=LR;")
	fmt.Fprintln(w, "  node [shape=box, style=rounded];")
	seenNode := map[string]bool{}
	seenEdge := map[string]bool{}
	for pi, p := range res.Paths {
		for _, n := range p.Nodes {
			if !seenNode[n.IRI] {
				seenNode[n.IRI] = true
				fmt.Fprintf(w, "  %q [label=%q];\n", n.IRI, n.Name+"\n("+n.Type+")")
			}
		}
		for _, h := range p.Hops {
			s, o := h.From, h.To
			if h.Direction == "in" {
				s, o = o, s
			}
			k := s + "\x00" + h.Predicate + "\x00" + o
			if seenEdge[k] {
				continue
			}
			seenEdge[k] = true
			fmt.Fprintf(w, "  %q -> %q [label=%q, tooltip=%q, penwidth=%d];\n", s, o, h.Predicate+" ("+h.Kind+")", h.Evidence, max(1, 3-pi))
		}
	}
	fmt.Fprintln(w, "}")
}
