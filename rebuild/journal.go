package rebuild

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

// A generation built incrementally records what its rebuild changed: the
// labels it removed and the quads it added. Its parent plus that journal
// is the generation. The next rebuild uses it to avoid copying the whole
// store: it takes the directory of a generation about to be pruned (the
// parent of the live one, with rebuild.keep 1), replays the journals of
// the generations since, and applies its own changes, so an incremental
// rebuild writes what changed, not the size of the store.
const (
	journalRemoved      = "journal.removed"    // labels removed whole, one per line, in N-Quads form
	journalRemovedQuads = "journal.removed.nq" // quads removed one by one, N-Quads
	journalAdded        = "journal.nq"         // the added quads, N-Quads
	// maxJournalQuads bounds a journal; a rebuild that adds more writes
	// none, and the next one copies the store instead.
	maxJournalQuads = 200000
)

// journal gathers a rebuild's changes.
type journal struct {
	changes  pipeline.Changes
	overflow bool
}

func newJournal() *journal { return &journal{} }

func (j *journal) record(remove []quad.Value, removeQuads, quads []quad.Quad) {
	if j == nil || j.overflow {
		return
	}
	j.changes.Add(remove, removeQuads, quads)
	if j.changes.Len() > maxJournalQuads {
		j.overflow, j.changes = true, pipeline.Changes{}
	}
}

// save writes the journal into a generation's directory, or removes any
// journal there when this one overflowed (or there is none).
func (j *journal) save(dir string) error {
	rm := func() error {
		for _, f := range []string{journalRemoved, journalRemovedQuads, journalAdded} {
			if err := os.Remove(filepath.Join(dir, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	}
	if j == nil || j.overflow {
		return rm()
	}
	if err := rm(); err != nil {
		return err
	}
	write := func(name string, fill func(w *bufio.Writer) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		if err := fill(w); err != nil {
			f.Close()
			return err
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close() // synced with the generation at commit
	}
	writeQuads := func(quads []quad.Quad) func(w *bufio.Writer) error {
		return func(w *bufio.Writer) error {
			enc := nquads.NewWriter(w)
			if _, err := enc.WriteQuads(quads); err != nil {
				return err
			}
			return enc.Close()
		}
	}
	// The quads first: a journal whose labels file is missing is
	// incomplete and never replayed.
	if err := write(journalAdded, writeQuads(j.changes.Quads)); err != nil {
		return err
	}
	if err := write(journalRemovedQuads, writeQuads(j.changes.RemoveQuads)); err != nil {
		return err
	}
	return write(journalRemoved, func(w *bufio.Writer) error {
		for _, l := range j.changes.Remove {
			if _, err := fmt.Fprintln(w, quad.StringOf(l)); err != nil {
				return err
			}
		}
		return nil
	})
}

// hasJournal reports whether a generation has a complete journal.
func hasJournal(dir string) bool {
	for _, f := range []string{journalRemoved, journalRemovedQuads, journalAdded} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	return true
}

// replay applies a generation's journal to st (which holds its parent).
func replay(ctx context.Context, st *graph.Store, dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, journalRemoved))
	if err != nil {
		return err
	}
	var removed []quad.Value
	for _, line := range splitLines(string(b)) {
		v := quad.StringToValue(line)
		if v == nil {
			return fmt.Errorf("rebuild: %s: bad label %q", journalRemoved, line)
		}
		removed = append(removed, v)
	}
	if err := eachQuadBatch(filepath.Join(dir, journalRemovedQuads), func(b []quad.Quad) error { return st.RemoveQuads(ctx, b) }); err != nil {
		return err
	}
	for i := 0; i < len(removed); i += 1000 {
		if _, err := st.Replace(ctx, removed[i:min(i+1000, len(removed))], nil); err != nil {
			return err
		}
	}
	return eachQuadBatch(filepath.Join(dir, journalAdded), func(b []quad.Quad) error {
		_, err := st.Replace(ctx, nil, b)
		return err
	})
}

// eachQuadBatch reads an N-Quads file and calls fn with batches of quads.
func eachQuadBatch(path string, fn func([]quad.Quad) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := nquads.NewReader(bufio.NewReader(f), false)
	var batch []quad.Quad
	for {
		q, err := dec.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("rebuild: %s: %w", filepath.Base(path), err)
		}
		batch = append(batch, q)
		if len(batch) >= pipeline.BatchQuads {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) == 0 {
		return nil
	}
	return fn(batch)
}

func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}
