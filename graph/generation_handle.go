package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"
)

// Handle is the store of a long-running process (the server), swappable
// while it serves: a query pins the store it started on (Acquire), a swap
// installs a new store for the queries after it, and the old store is
// closed once its last query has finished. Nobody sees a half-swapped
// store.
type Handle struct {
	mu       sync.Mutex
	cur      *pinned
	subs     []func(st *Store, generation string)
	closed   bool
	reloadMu sync.Mutex // one Reload at a time
}

type pinned struct {
	st      *Store
	gen     string
	refs    int
	retired bool
}

// NewHandle wraps an open store; generation names it ("" when the store
// has no generations).
func NewHandle(st *Store, generation string) *Handle {
	return &Handle{cur: &pinned{st: st, gen: generation}}
}

// OpenHandle opens the store cfg names (its live generation, if it has
// generations) as a Handle.
func OpenHandle(ctx context.Context, cfg Config) (*Handle, error) {
	gen, err := liveGeneration(cfg)
	if err != nil {
		return nil, err
	}
	rcfg, err := ResolveConfig(cfg)
	if err != nil {
		return nil, err
	}
	st, err := openLive(ctx, rcfg, gen)
	if err != nil {
		return nil, err
	}
	return NewHandle(st, gen), nil
}

func liveGeneration(cfg Config) (string, error) {
	if !cfg.Capabilities().Generations || cfg.Path == "" {
		return "", nil
	}
	return NewGenerations(cfg.Path).Current()
}

// Acquire returns the current store, pinned: it is not closed before
// release is called. Call release exactly once.
func (h *Handle) Acquire() (st *Store, release func()) {
	h.mu.Lock()
	p := h.cur
	p.refs++
	h.mu.Unlock()
	var once sync.Once
	return p.st, func() { once.Do(func() { h.unpin(p) }) }
}

func (h *Handle) unpin(p *pinned) {
	h.mu.Lock()
	p.refs--
	closeIt := p.retired && p.refs == 0
	h.mu.Unlock()
	if closeIt {
		p.st.Close()
	}
}

// Current returns the current store without pinning it; it stays open
// until the next swap has drained. Use Acquire for anything that may
// outlive a swap.
func (h *Handle) Current() *Store {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.cur.st
}

// Generation names the current store's generation ("" if none).
func (h *Handle) Generation() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.cur.gen
}

// OnSwap registers fn to be called, after each swap, with the new store
// (for example to rebuild handlers bound to a store).
func (h *Handle) OnSwap(fn func(st *Store, generation string)) {
	h.mu.Lock()
	h.subs = append(h.subs, fn)
	h.mu.Unlock()
}

// Swap installs st as the current store. The previous store is closed as
// soon as no query holds it. Swapping into a closed Handle closes st.
func (h *Handle) Swap(st *Store, generation string) {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		st.Close()
		return
	}
	old := h.cur
	h.cur = &pinned{st: st, gen: generation}
	old.retired = true
	closeOld := old.refs == 0
	subs := append([]func(*Store, string){}, h.subs...)
	h.mu.Unlock()
	if closeOld {
		old.st.Close()
	}
	for _, fn := range subs {
		fn(st, generation)
	}
}

// Query runs a query on the current store (see Store.Query).
func (h *Handle) Query(ctx context.Context, q string, opts QueryOptions) ([]any, error) {
	st, release := h.Acquire()
	defer release()
	return st.Query(ctx, q, opts)
}

// Reload switches to the live generation under cfg.Path if it is not the
// current one, and reports whether it switched. It is what a server calls
// after a rebuild in the same process, and what Follow calls for rebuilds
// run by other processes.
func (h *Handle) Reload(ctx context.Context, cfg Config) (bool, error) {
	h.reloadMu.Lock()
	defer h.reloadMu.Unlock()
	gen, err := liveGeneration(cfg)
	if err != nil || gen == "" || gen == h.Generation() {
		return false, err
	}
	next := cfg
	next.Path = filepath.Join(cfg.Path, gen)
	st, err := openLive(ctx, next, gen)
	if err != nil {
		return false, fmt.Errorf("graph: opening generation %s: %w", gen, err)
	}
	h.Swap(st, gen)
	return true, nil
}

// Follow calls Reload every interval until ctx ends, so that a server
// picks up generations made live by `newsgraph rebuild` run elsewhere (a
// cron job, a timer). Errors go to onErr (which may be nil) and are
// retried at the next tick.
func (h *Handle) Follow(ctx context.Context, cfg Config, interval time.Duration, onErr func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := h.Reload(ctx, cfg); err != nil && onErr != nil && !errors.Is(err, context.Canceled) {
				onErr(err)
			}
		}
	}
}

// Close closes the current store (once no query holds it); later swaps
// close what they are given.
func (h *Handle) Close() error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil
	}
	h.closed = true
	p := h.cur
	p.retired = true
	closeIt := p.refs == 0
	h.mu.Unlock()
	if closeIt {
		return p.st.Close()
	}
	return nil
}
