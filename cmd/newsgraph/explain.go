package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/source"
)

func (a *app) explainCmd() *cobra.Command {
	var in string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "explain NAME",
		Short: "Show the entity a name resolves to, the spellings merged into it, and why",
		Long: `Show how the rule-based extractor resolves a name: the entity (id, type,
canonical name), the lexicon's spellings of it, the normalised key and
transliteration skeleton it was compared by, and the reason for the match.

With --in FILE the name is resolved within that article, as extraction does:
short forms ("Atwan") and acronyms the article defines resolve to the full
form already seen, and every surface form of the entity in the article is
listed with the reason it was merged.`,
		Example: `  newsgraph explain "Cafer al-Husayni"
  newsgraph explain Atwan --in testdata/seeds/001_523f84f5b651b2cc.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lx := extract.DefaultLexicon()
			if dir := a.cfg.Extract.LexiconDir; dir != "" {
				var err error
				if lx, err = extract.LoadLexiconDir(dir); err != nil {
					return err
				}
			}
			x := extract.NewRules(lx)
			var e extract.Explanation
			if in != "" {
				art, err := source.ReadFile(in, source.Options{MaxBytes: a.cfg.Extract.MaxFileBytes})
				if err != nil {
					return err
				}
				e = x.ExplainIn(art, args[0])
			} else {
				e = x.Explain(args[0])
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(e)
			}
			writeExplanation(a.stdout, e)
			if !e.Found {
				return fmt.Errorf("%q resolves to no known entity", args[0])
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&in, "in", "", "resolve within this article")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the explanation as JSON")
	return cmd
}

func writeExplanation(w interface{ Write([]byte) (int, error) }, e extract.Explanation) {
	fmt.Fprintf(w, "name        %s\n", e.Name)
	fmt.Fprintf(w, "normalised  %s\n", e.Normalized)
	fmt.Fprintf(w, "skeleton    %s\n", strings.Join(e.Keys, " "))
	if !e.Found {
		fmt.Fprintln(w, "entity      none")
		return
	}
	fmt.Fprintf(w, "entity      %s (%s) %q\n", e.ID, e.Type, e.Canonical)
	if e.Matched != "" {
		fmt.Fprintf(w, "reason      %s (matched %q)\n", e.Reason, e.Matched)
	} else {
		fmt.Fprintf(w, "reason      %s\n", e.Reason)
	}
	if len(e.Aliases) > 0 {
		fmt.Fprintf(w, "lexicon     %s\n", strings.Join(e.Aliases, "; "))
	}
	if e.Wikidata != "" {
		fmt.Fprintf(w, "wikidata    %s\n", e.Wikidata)
	}
	if e.Coords != nil {
		fmt.Fprintf(w, "coords      %g, %g (%s)\n", e.Coords[0], e.Coords[1], e.Precision)
	}
	for _, m := range e.Merges {
		if m.With != "" {
			fmt.Fprintf(w, "merged      %q: %s (with %q)\n", m.Surface, m.Reason, m.With)
		} else {
			fmt.Fprintf(w, "merged      %q: %s\n", m.Surface, m.Reason)
		}
	}
}
