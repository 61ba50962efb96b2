package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// WriteSummary prints the summary alone, exactly as score.py prints it
// (five lines): what a blind split may show without a single item of it.
func (r Report) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return bw.Flush()
}

func (r Report) summary(bw *bufio.Writer) {
	e, f, v := r.Entities, r.Facts, r.Events
	fmt.Fprintf(bw, "documents            %d (missing from extraction: %d)\n", r.Docs, len(r.MissingDocs))
	fmt.Fprintf(bw, "entities   P %.3f  R %.3f  F1 %.3f   (system %d, gold %d; typed precision %.3f)\n",
		e.P, e.R, e.F1, e.Sys, e.Gold, r.EntitiesTypedP)
	fmt.Fprintf(bw, "aliases    gold entities split over several system ids: %d; system ids spanning several gold entities: %d\n",
		len(r.SplitGoldEntities), len(r.MergedSystemEntities))
	fmt.Fprintf(bw, "facts      P %.3f  R %.3f  F1 %.3f   (system %d, gold %d; kind accuracy %.3f)\n",
		f.P, f.R, f.F1, f.Sys, f.Gold, f.KindAcc)
	fmt.Fprintf(bw, "events     P %.3f  R %.3f  F1 %.3f   (system %d, gold %d)\n", v.P, v.R, v.F1, v.Sys, v.Gold)
}

// WriteText prints the report: first the summary exactly as score.py prints
// it (five lines), then the corpus-wide alias errors and, article by
// article, the misses and false hits, one line each. With verbose, every
// item is followed by its evidence sentence (facts and events) or its
// surface forms (entities), and articles without errors are listed too.
func (r Report) WriteText(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)

	sep := "\n" // a blank line before the first list
	list := func(label string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(bw, "%s%s: %s\n", sep, label, strings.Join(items, ", "))
			sep = ""
		}
	}
	list("gold entities split over several system ids", detailed(r.SplitGoldEntities, r.SplitBy))
	list("system ids spanning several gold entities", detailed(r.MergedSystemEntities, r.MergedInto))
	list("missing from extraction", r.MissingDocs)
	list("records not scored (doc not in the gold)", r.UnscoredDocs)

	for _, a := range r.Articles {
		n := len(a.MissedEntities) + len(a.FalseEntities) + len(a.WrongType) + len(a.MissedFacts) +
			len(a.FalseFacts) + len(a.WrongKind) + len(a.MissedEvents) + len(a.FalseEvents)
		switch {
		case a.Missing:
			fmt.Fprintf(bw, "\n%s: no record\n", a.Doc)
		case n == 0:
			if verbose {
				fmt.Fprintf(bw, "\n%s: no errors\n", a.Doc)
			}
			continue
		default:
			fmt.Fprintf(bw, "\n%s\n", a.Doc)
		}
		for _, it := range a.MissedEntities {
			writeEntity(bw, "entity missed", it, verbose)
		}
		for _, it := range a.FalseEntities {
			writeEntity(bw, "entity false", it, verbose)
		}
		for _, it := range a.WrongType {
			writeEntity(bw, "entity type", it, verbose)
		}
		for _, it := range a.MissedFacts {
			writeFact(bw, "fact missed", it, false, verbose)
		}
		for _, it := range a.FalseFacts {
			writeFact(bw, "fact false", it, true, verbose)
		}
		for _, it := range a.WrongKind {
			writeFact(bw, "fact kind", it, true, verbose)
		}
		for _, it := range a.MissedEvents {
			writeEvent(bw, "event missed", it, false, verbose)
		}
		for _, it := range a.FalseEvents {
			writeEvent(bw, "event false", it, true, verbose)
		}
	}
	return bw.Flush()
}

const itemIndent = "                  " // aligns detail lines under the item text

func writeEntity(w *bufio.Writer, label string, it EntityItem, verbose bool) {
	fmt.Fprintf(w, "  %-15s %s (%s) %q", label, it.ID, it.Type, it.Name)
	switch {
	case it.Reason != "" && it.Gold != "":
		fmt.Fprintf(w, " -> %s: %s", it.Gold, it.Reason)
	case it.Reason != "":
		fmt.Fprintf(w, ": %s", it.Reason)
	case it.GoldType != "":
		fmt.Fprintf(w, " -> %s (%s)", it.Gold, it.GoldType)
	}
	w.WriteString("\n")
	if verbose && len(it.Mentions) > 0 {
		q := make([]string, len(it.Mentions))
		for i, m := range it.Mentions {
			q[i] = fmt.Sprintf("%q", m)
		}
		fmt.Fprintf(w, "%s%s\n", itemIndent, strings.Join(q, ", "))
	}
}

// writeFact prints a fact; for a system fact (sys) also what its subject
// and object map to, or the gold's kind.
func writeFact(w *bufio.Writer, label string, it FactItem, sys, verbose bool) {
	fmt.Fprintf(w, "  %-15s %s %s %s [%s]", label, it.S, it.P, it.O, orNone(it.Kind))
	if it.GoldKind != "" {
		fmt.Fprintf(w, " gold [%s]", it.GoldKind)
	} else if sys && (it.GoldS != it.S || it.GoldO != it.O) {
		fmt.Fprintf(w, " -> %s %s %s", orNone(it.GoldS), it.P, orNone(it.GoldO))
	}
	writeCause(w, it.Cause)
	if verbose && it.Evidence != "" {
		fmt.Fprintf(w, "%s%q\n", itemIndent, it.Evidence)
	}
}

// writeEvent prints an event; for a system event (sys) also what its agent
// and target map to.
func writeEvent(w *bufio.Writer, label string, it EventItem, sys, verbose bool) {
	fmt.Fprintf(w, "  %-15s %s %s agent=%s target=%s", label, it.Type, it.ID, orNone(it.Agent), orNone(it.Target))
	if sys && (it.GoldAgent != it.Agent || it.GoldTarget != it.Target) {
		fmt.Fprintf(w, " -> agent=%s target=%s", orNone(it.GoldAgent), orNone(it.GoldTarget))
	}
	writeCause(w, it.Cause)
	if verbose && it.Evidence != "" {
		fmt.Fprintf(w, "%s%q\n", itemIndent, it.Evidence)
	}
}

// writeCause ends an item's line with its cause, if it has one.
func writeCause(w *bufio.Writer, cause string) {
	if cause != "" {
		fmt.Fprintf(w, "  (%s)", cause)
	}
	w.WriteString("\n")
}

// WriteCauses prints the misses and false hits of facts and events by
// cause, one row a cause, and the matched items whose claim kind or date
// differs from the gold's.
func (r Report) WriteCauses(w io.Writer) error {
	bw := bufio.NewWriter(w)
	c := r.Causes
	fmt.Fprintf(bw, "%-27s %12s %6s %13s %6s\n", "cause", "facts missed", "false", "events missed", "false")
	all := map[string]int{}
	for _, m := range []map[string]int{c.MissedFacts, c.FalseFacts, c.MissedEvents, c.FalseEvents} {
		for k, n := range m {
			all[k] += n
		}
	}
	for _, k := range sortedCauses(all) {
		fmt.Fprintf(bw, "%-27s %12d %6d %13d %6d\n", k, c.MissedFacts[k], c.FalseFacts[k], c.MissedEvents[k], c.FalseEvents[k])
	}
	fmt.Fprintf(bw, "matched facts of another claim kind: %d; matched events of another date: %d\n", c.WrongKind, c.WrongDate)
	return bw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ReadRecords reads an extraction in JSON Lines, one schema.Record per line,
// as score.py reads it: blank lines are skipped, and a line that is not a
// JSON object or has no "doc" is an error naming the line.
func ReadRecords(r io.Reader) ([]schema.Record, error) {
	br := bufio.NewReader(r)
	var out []schema.Record
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("eval: reading records: %w", err)
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			var rec schema.Record
			if jerr := json.Unmarshal(t, &rec); jerr != nil {
				return nil, fmt.Errorf("eval: records line %d: %w", n, jerr)
			}
			if rec.Doc == "" {
				return nil, fmt.Errorf("eval: records line %d: record has no \"doc\"", n)
			}
			out = append(out, rec)
		}
		if err != nil {
			return out, nil
		}
	}
}

// detailed gives each id with the ids it links to: "kh (kataib-hezbollah |
// kh-brigades)".
func detailed(ids []string, to map[string][]string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if o := to[id]; len(o) > 0 {
			out[i] += " (" + strings.Join(o, " | ") + ")"
		}
	}
	return out
}
