package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

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
