package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Data kept with a store. What is derived from a whole store and read by
// every command, such as the name index (package names: every entity's
// names), costs a read of the whole store to derive. The store keeps it
// instead, stamped with the store's WriteStamp from before it was
// derived, and a reader takes it only while the store's stamp is still
// that one, so kept data is never stale: whoever writes the store (build,
// rebuild) keeps it afresh, and otherwise the first reader after a write
// derives it again and keeps it. An embedded store keeps it in files of
// its directory (each generation its own), PostgreSQL in a table.

// Keeper keeps derived data with a store, under a name.
type Keeper interface {
	// Keep keeps data under name with its stamp, replacing what was kept
	// under name.
	Keep(ctx context.Context, name, stamp string, data []byte) error
	// Kept returns what was kept under name and its stamp; ok is false
	// when nothing was.
	Kept(ctx context.Context, name string) (stamp string, data []byte, ok bool, err error)
}

// Keep keeps data derived from the store under name, stamped stamp: the
// store's WriteStamp taken before the data was read from it, so that a
// write in between makes the data stale, not wrongly current. A store
// that cannot keep data (no Keeper, or no stamp) keeps nothing.
func (s *Store) Keep(ctx context.Context, name, stamp string, data []byte) error {
	if s.opened.Keeper == nil || s.opened.Stamper == nil {
		return nil
	}
	return s.opened.Keeper.Keep(ctx, name, stamp, data)
}

// Kept returns the data kept under name if it was kept with stamp, the
// store's WriteStamp now: derived from what the store holds. ok is false
// when nothing is kept under name or it was derived from another state of
// the store.
func (s *Store) Kept(ctx context.Context, name, stamp string) (data []byte, ok bool, err error) {
	if s.opened.Keeper == nil || s.opened.Stamper == nil {
		return nil, false, nil
	}
	kept, data, ok, err := s.opened.Keeper.Kept(ctx, name)
	if err != nil || !ok || kept != stamp {
		return nil, false, err
	}
	return data, true, nil
}

// keptPrefix begins the names of the files in which DirKeeper keeps data.
// They are not the store's files: Stamp ignores them, and a new
// generation does not copy them (its own stamp differs).
const keptPrefix = "kept."

// DirKeeper keeps data in files of an embedded store's directory
// ("kept.NAME": the stamp on the first line, then the data).
func DirKeeper(dir string) Keeper { return dirKeeper(dir) }

type dirKeeper string

func (d dirKeeper) file(name string) string { return filepath.Join(string(d), keptPrefix+name) }

func (d dirKeeper) Keep(_ context.Context, name, stamp string, data []byte) error {
	if strings.ContainsRune(stamp, '\n') {
		return fmt.Errorf("graph: a stamp of several lines: %q", stamp)
	}
	return WriteFileAtomic(d.file(name), append([]byte(stamp+"\n"), data...))
}

func (d dirKeeper) Kept(_ context.Context, name string) (string, []byte, bool, error) {
	b, err := os.ReadFile(d.file(name))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, err
	}
	stamp, data, ok := bytes.Cut(b, []byte("\n"))
	return string(stamp), data, ok, nil
}

// RestampKept moves the data kept in the store directory dir under a
// stamp that begins with from to one that begins with to instead: after
// the store's files were rewritten with the graph they hold unchanged
// (compaction), what was derived from them still holds.
func RestampKept(dir, from, to string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	d := dirKeeper(dir)
	for _, e := range ents {
		name, ok := strings.CutPrefix(e.Name(), keptPrefix)
		if !ok || !e.Type().IsRegular() || strings.HasSuffix(name, tmpSuffix) {
			continue
		}
		stamp, data, ok, err := d.Kept(context.Background(), name)
		if err != nil {
			return err
		}
		if rest, match := strings.CutPrefix(stamp, from); ok && match {
			if err := d.Keep(context.Background(), name, to+rest, data); err != nil {
				return err
			}
		}
	}
	return nil
}
