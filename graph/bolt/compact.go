package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/boltdb/bolt"

	"github.com/newsgraph/newsgraph/graph"
)

// boltFile is the file of Cayley's bolt store in a store's directory.
const boltFile = "indexes.bolt"

// compactTxBytes is how much is copied in one transaction of Compact:
// bolt keeps a transaction's pages in memory until it commits.
const compactTxBytes = 32 << 20

// Compact rewrites the store in cfg.Path with its pages full. Cayley
// writes with bolt's default fill of half a page, so that a store loaded
// in key order (every quad's log entry, appended) has half of every page
// empty; a copy of every bucket in key order at fill 1 holds the same
// keys and values in about half the file. It needs the store closed (it
// takes the directory's lock) and as much free disk as the smaller copy.
func (backend) Compact(ctx context.Context, cfg graph.Config) (graph.Compacted, error) {
	release, err := graph.LockDir(cfg.Path)
	if err != nil {
		return graph.Compacted{}, err
	}
	defer release()
	src := filepath.Join(cfg.Path, boltFile)
	before, err := os.Stat(src)
	if errors.Is(err, os.ErrNotExist) {
		return graph.Compacted{}, nil
	} else if err != nil {
		return graph.Compacted{}, err
	}
	stamp, err := graph.Stamp(cfg.Path)
	if err != nil {
		return graph.Compacted{}, err
	}
	tmp := src + ".compact"
	os.Remove(tmp)
	if err := compactFile(ctx, src, tmp); err != nil {
		os.Remove(tmp)
		return graph.Compacted{}, fmt.Errorf("graph: compacting %s: %w", src, err)
	}
	after, err := os.Stat(tmp)
	if err == nil {
		err = os.Rename(tmp, src)
	}
	if err != nil {
		os.Remove(tmp)
		return graph.Compacted{}, err
	}
	return graph.Compacted{Before: before.Size(), After: after.Size()}, restamp(cfg.Path, stamp)
}

// restamp carries the data kept with the store (graph.Keeper) over its
// compaction, which rewrote its file and so changed its stamp but left
// the graph, and its quad count, as they were: the data derived from it
// before still holds. files is the stamp of its files before.
func restamp(dir, files string) error {
	now, err := graph.Stamp(dir)
	if err != nil {
		return err
	}
	return graph.RestampKept(dir, filesPart(files), filesPart(now))
}

func compactFile(ctx context.Context, src, dst string) error {
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := bolt.Open(dst, 0o644, nil)
	if err != nil {
		return err
	}
	// Synced once at the end, and grown a megabyte at a time (not
	// bolt's 16), so that the file ends where its data does.
	to.NoSync, to.NoGrowSync, to.AllocSize = true, true, 1<<20
	c := &copier{to: to}
	err = from.View(func(ftx *bolt.Tx) error {
		return ftx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return c.bucket(ctx, [][]byte{name}, b)
		})
	})
	if err == nil {
		err = c.commit()
	}
	if err == nil {
		to.NoSync = false
		err = to.Sync()
	}
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	return err
}

// copier copies buckets into a store in transactions of about
// compactTxBytes.
type copier struct {
	to   *bolt.DB
	tx   *bolt.Tx
	size int
}

func (c *copier) commit() error {
	if c.tx == nil {
		return nil
	}
	err := c.tx.Commit()
	c.tx, c.size = nil, 0
	return err
}

// dest is the bucket at path in the current transaction, made (full) if
// need be.
func (c *copier) dest(path [][]byte) (*bolt.Bucket, error) {
	if c.tx == nil {
		tx, err := c.to.Begin(true)
		if err != nil {
			return nil, err
		}
		c.tx = tx
	}
	b, err := c.tx.CreateBucketIfNotExists(path[0])
	if err != nil {
		return nil, err
	}
	b.FillPercent = 1
	for _, name := range path[1:] {
		if b, err = b.CreateBucketIfNotExists(name); err != nil {
			return nil, err
		}
		b.FillPercent = 1
	}
	return b, nil
}

// bucket copies the bucket b, at path, and the buckets within it.
func (c *copier) bucket(ctx context.Context, path [][]byte, b *bolt.Bucket) error {
	d, err := c.dest(path)
	if err != nil {
		return err
	}
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if v == nil { // a bucket within
			sub := append(append([][]byte{}, path...), k)
			if err := c.bucket(ctx, sub, b.Bucket(k)); err != nil {
				return err
			}
			if d, err = c.dest(path); err != nil { // the transaction may have changed
				return err
			}
			continue
		}
		if err := d.Put(k, v); err != nil {
			return err
		}
		if c.size += len(k) + len(v); c.size >= compactTxBytes {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := c.commit(); err != nil {
				return err
			}
			if d, err = c.dest(path); err != nil {
				return err
			}
		}
	}
	return nil
}
