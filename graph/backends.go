package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/kv/bolt"
	"github.com/cayleygraph/cayley/graph/memstore"
)

func init() {
	RegisterBackend("bolt", boltBackend{})
	RegisterBackend("memory", memoryBackend{})
}

// boltBackend is the default embedded store: one bolt file in a directory.
// Bolt admits one process at a time and a second opener would block forever,
// so the directory is guarded by a lock file taken without waiting.
type boltBackend struct{}

func (boltBackend) Open(ctx context.Context, cfg Config) (graph.QuadStore, func(), error) {
	if err := ensureDir(cfg.Path); err != nil {
		return nil, nil, err
	}
	release, err := lockDir(cfg.Path)
	if err != nil {
		return nil, nil, err
	}
	err = graph.InitQuadStore(bolt.Type, cfg.Path, nil)
	if err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		release()
		return nil, nil, fmt.Errorf("graph: creating bolt store in %s: %w", cfg.Path, err)
	}
	var opts graph.Options
	if cfg.ReadOnly || cfg.FewWrites {
		opts = graph.Options{kv.OptNoBloom: true}
	}
	qs, err := graph.NewQuadStore(bolt.Type, cfg.Path, opts)
	if err != nil {
		release()
		return nil, nil, fmt.Errorf("graph: opening bolt store in %s: %w", cfg.Path, err)
	}
	return qs, release, nil
}

// lockDir takes an exclusive, non-blocking lock on dir/LOCK. The kernel
// drops it when the process dies, so a crash leaves no stale lock.
//
// Programs that do not know LOCK (the stock cayley binary) lock the bolt
// file itself, and bolt would wait for them forever, deaf to signals; so
// the bolt file's own lock is probed too, without waiting.
func lockDir(dir string) (func(), error) {
	p := filepath.Join(dir, "LOCK")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	if err := tryLock(f, dir, p); err != nil {
		f.Close()
		return nil, err
	}
	db, err := os.OpenFile(filepath.Join(dir, boltFile), os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return func() { f.Close() }, nil
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("graph: %w", err)
	}
	// Closing the probe's descriptor releases its lock before bolt takes one.
	err = tryLock(db, dir, db.Name())
	db.Close()
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// boltFile is the file Cayley's bolt backend keeps in its directory.
const boltFile = "indexes.bolt"

// tryLock takes an exclusive lock on f without waiting.
func tryLock(f *os.File, dir, name string) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return fmt.Errorf("graph: %s: %w", dir, ErrLocked)
	}
	if err != nil {
		return fmt.Errorf("graph: locking %s: %w", name, err)
	}
	return nil
}

func (boltBackend) Capabilities() Capabilities {
	return Capabilities{Persistent: true, Generations: true}
}

func (boltBackend) Describe(cfg Config) string { return cfg.Path }

// memoryBackend is a volatile in-memory store, for tests and one-off runs.
type memoryBackend struct{}

func (memoryBackend) Open(ctx context.Context, cfg Config) (graph.QuadStore, func(), error) {
	return memstore.New(), func() {}, nil
}

func (memoryBackend) Capabilities() Capabilities { return Capabilities{} }

func (memoryBackend) Describe(Config) string { return "a memory store" }
