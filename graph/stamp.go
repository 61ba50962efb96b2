package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"syscall"
)

// Stamper is implemented by a backend that can tell one state of its
// store from another: PostgreSQL counts its writes, bolt stamps its files
// (Stamp) and its quad count.
type Stamper interface {
	// WriteStamp returns a stamp that changes with every committed write
	// to the store, and differs between stores.
	WriteStamp(ctx context.Context) (string, error)
}

// WriteStamp returns the stamp of what the store holds now, for data
// derived from it (Keep), when its backend has a Stamper; ok is false
// otherwise.
func (s *Store) WriteStamp(ctx context.Context) (stamp string, ok bool, err error) {
	if s.opened.Stamper == nil {
		return "", false, nil
	}
	stamp, err = s.opened.Stamper.WriteStamp(ctx)
	return stamp, err == nil, err
}

// Stamp identifies what the embedded store in dir holds, as its files are
// on disk now: the name, size, modification time and file number of each
// of the store's own files (storeFile: not the lock, a generation's
// PARENT nor the files of kept data). Every write to a bolt store rewrites
// pages of its file, which moves the time, and a new generation is a copy,
// of other file numbers, so a stamp taken again after any write differs;
// renaming the directory (committing a generation) keeps it. Data derived
// from a store and kept in its directory under its stamp (Keep) is never
// stale.
func Stamp(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("graph: stamp: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	h := sha256.New()
	for _, e := range entries {
		if !storeFile(e.Name()) || !e.Type().IsRegular() {
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
