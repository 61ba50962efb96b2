package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

// Stamper is implemented by a backend whose store counts its writes: a
// store on a server, which has no files to stamp.
type Stamper interface {
	// WriteStamp returns a stamp that changes with every committed write
	// to the store, and differs between stores.
	WriteStamp(ctx context.Context) (string, error)
}

// WriteStamp returns the stamp of what the store holds now, for a cache of
// something derived from it, when its backend has a Stamper; ok is false
// otherwise (an embedded store is stamped by its files: Stamp).
func (s *Store) WriteStamp(ctx context.Context) (stamp string, ok bool, err error) {
	if s.opened.Stamper == nil {
		return "", false, nil
	}
	stamp, err = s.opened.Stamper.WriteStamp(ctx)
	return stamp, err == nil, err
}

// Stamp identifies what the embedded store in dir holds, as its files are
// on disk now: the name, size, modification time and file number of each
// (the lock file aside). Every write to a bolt store rewrites pages of its
// file, which moves the time, and a new generation is another directory of
// other files, so a stamp taken again after any write differs. A cache of
// something derived from a store keyed by its stamp is never stale.
func Stamp(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("graph: stamp: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", filepath.Clean(dir))
	for _, e := range entries {
		if e.Name() == "LOCK" || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return "", fmt.Errorf("graph: stamp: %w", err)
		}
		var ino uint64
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			ino = st.Ino
		}
		fmt.Fprintf(h, "%s %d %d %d\n", e.Name(), fi.Size(), fi.ModTime().UnixNano(), ino)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
