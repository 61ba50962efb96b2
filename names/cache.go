package names

import (
	"context"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
)

// cacheFile is what LoadCached writes: the entries of one store's index
// and the stamp of the store they were read from.
type cacheFile struct {
	Stamp   string
	Entries []Entry
}

// LoadCached is Load through file, so that a one-shot command does not read
// every entity of a large store to resolve two names. When file holds the
// entries of the store whose stamp (graph.Stamp) is stamp, they are read
// from it; otherwise they are loaded from rd and file is rewritten for
// stamp. A file that cannot be read or written costs only the load: the
// index is the same either way.
func LoadCached(ctx context.Context, rd graph.Reader, file, stamp string) (*Index, error) {
	if c, err := readCache(file); err == nil && c.Stamp == stamp {
		return NewIndex(c.Entries), nil
	}
	ix, err := Load(ctx, rd)
	if err != nil {
		return nil, err
	}
	_ = writeCache(file, cacheFile{Stamp: stamp, Entries: ix.entries}) // best effort, see above
	return ix, nil
}

func readCache(file string) (cacheFile, error) {
	var c cacheFile
	f, err := os.Open(file)
	if err != nil {
		return c, err
	}
	defer f.Close()
	err = gob.NewDecoder(f).Decode(&c)
	return c, err
}

// writeCache writes c to a temporary file renamed over file, so that a
// reader sees the old cache or the new one, never half of one.
func writeCache(file string, c cacheFile) error {
	// A store on a server keeps nothing in the data directory: it may
	// not exist yet.
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".tmp*")
	if err != nil {
		return err
	}
	err = gob.NewEncoder(tmp).Encode(c)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	return nil
}
