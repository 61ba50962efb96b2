package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// LockDir takes an exclusive, non-blocking lock on dir/LOCK, creating dir:
// an embedded store's guard against a second process (bolt admits one at
// a time, and a second opener would block forever). The kernel drops the
// lock when the process dies, so a crash leaves no stale lock. It fails
// with ErrLocked when another holds it. Generations lock a generation's
// directory the same way before recycling or removing it.
//
// Programs that do not know LOCK (the stock cayley binary) lock their
// store's files themselves, and the store would wait for them forever,
// deaf to signals; so every file in dir is probed too, without waiting.
func LockDir(dir string) (func(), error) {
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "LOCK")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	if err := tryLock(f, dir, p); err != nil {
		f.Close()
		return nil, err
	}
	if err := probeFiles(dir, p); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// probeFiles fails if another holds a lock on a file in dir other than
// the lock file itself. Closing each probe's descriptor releases its lock
// before the store takes one.
func probeFiles(dir, lockFile string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		if !e.Type().IsRegular() || name == lockFile {
			continue
		}
		db, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("graph: %w", err)
		}
		err = tryLock(db, dir, name)
		db.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

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
