package bolt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestStoreSuite runs the store suite (graphtest.TestStore) on bolt, a
// directory of its own for each check.
func TestStoreSuite(t *testing.T) {
	graphtest.TestStore(t, func(t *testing.T) graph.Config {
		return graph.Config{Backend: Name, Path: filepath.Join(t.TempDir(), "store")}
	})
}

// TestBoltLock: a second open of a store in use fails at once with
// ErrLocked, and the store opens again once closed.
func TestBoltLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir}); !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second open: err = %v, want ErrLocked", err)
	}
	st.Close()
	st2, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	st2.Close()
}

// TestBoltHeldByAnotherProgram: a program that locks the bolt file itself
// (the stock cayley binary does) makes graph.Open fail at once with graph.ErrLocked
// instead of waiting inside bolt forever.
func TestBoltHeldByAnotherProgram(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	f, err := os.OpenFile(filepath.Join(dir, "indexes.bolt"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		st, err := graph.Open(context.Background(), graph.Config{Backend: Name, Path: dir})
		if err == nil {
			st.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, graph.ErrLocked) {
			t.Fatalf("open while another program holds the bolt file: err = %v, want ErrLocked", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("open waited for the other program's lock")
	}
}
