package server

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// A Gizmo query is JavaScript: `var s='x'; while(true) s+=s;` doubles a
// string until the machine runs out of memory, long before any timeout.
// goja (the JavaScript engine under Gizmo) has no memory limit, and Go
// cannot tell which goroutine owns which bytes, so the budget is kept on
// the process: while queries run, a watchdog samples the heap every few
// milliseconds. The limit is the heap when the latest running query
// started plus the budget. Past it, the heap may still be mostly garbage,
// so a collection is started aside; once it shows more than the limit
// live, or the heap passes the limit by one more budget meanwhile, every
// running query is stopped (goja is interrupted through the query's
// context). Queries that merely share the moment are stopped too: the
// error says so, and they can be retried.
//
// The bound is not exact. A JavaScript operation cannot be interrupted,
// and one `s+=s` on a string of n bytes allocates and copies 2n at once;
// while it copies, the collector's stop-the-world phases wait for it, and
// the watchdog with them. Measured on 2 cores, the doubling string is
// stopped one to three doublings past the limit (the watchdog must run
// in the moment between two copies, and sometimes misses it): with a
// 64 MiB budget a test process of 50 MB peaked at 0.3 to 2.2 GB; with the
// default 256 MiB, a server on the 2,000-article store (300 MB) peaked at
// 1.8 to 2.4 GB and was back at 280 to 380 MB after. Without the budget
// it grew until the timeout and kept what it took. A tight bound needs a
// script engine that limits its own allocations.
// Once a stopped query's script has ended, the memory is handed back to
// the operating system (debug.FreeOSMemory).

// DefaultQueryMemory is the default heap budget of queries
// (query.max_memory_bytes).
const DefaultQueryMemory = 256 << 20

// sampleEvery is how often the watchdog looks at the heap while a query
// runs. Reading the two heap metrics costs a few microseconds; a string
// that doubles takes about a millisecond per 10 MB to copy, so a query
// cannot get far between two looks.
const sampleEvery = 2 * time.Millisecond

// ErrMemoryBudget is the cause of a query stopped by the memory budget.
var ErrMemoryBudget = errors.New("query stopped: the server's memory budget for queries was exceeded (a query building ever larger strings or arrays?); queries running at that moment were stopped too, and may be retried")

type memBudget struct {
	budget uint64

	mu      sync.Mutex
	running map[*watched]struct{}
	active  bool // a watchdog goroutine runs
	kills   int  // queries stopped, for tests and the log
}

type watched struct {
	cancel context.CancelCauseFunc
	base   uint64 // heap when the query started, garbage included: never less than what was live
}

func newMemBudget(budget int64) *memBudget {
	if budget <= 0 {
		budget = DefaultQueryMemory
	}
	return &memBudget{budget: uint64(budget), running: map[*watched]struct{}{}}
}

// watch puts a query under the budget. The context it returns is
// cancelled, with ErrMemoryBudget as its cause, when the budget is
// exceeded; done must be called when the query has stopped running. If
// the query was stopped by the budget, done hands the memory back to the
// operating system.
func (b *memBudget) watch(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	w := &watched{cancel: cancel, base: heapObjects()}
	b.mu.Lock()
	b.running[w] = struct{}{}
	if !b.active {
		b.active = true
		go b.watchdog()
	}
	b.mu.Unlock()
	return ctx, func() {
		b.mu.Lock()
		delete(b.running, w)
		b.mu.Unlock()
		killed := errors.Is(context.Cause(ctx), ErrMemoryBudget)
		cancel(nil)
		if killed {
			debug.FreeOSMemory()
		}
	}
}

// watchdog samples the heap while any query runs, and exits when none does.
func (b *memBudget) watchdog() {
	t := time.NewTicker(sampleEvery)
	defer t.Stop()
	var collecting atomic.Bool
	for range t.C {
		limit, ok := b.limit()
		if !ok {
			return
		}
		heap := heapObjects()
		switch {
		case heap <= limit:
		case heapLive() > limit || heap > limit+b.budget:
			b.stopAll()
		case collecting.CompareAndSwap(false, true):
			// Part of the heap may be garbage the collector has not reached
			// yet: only what survives a collection counts. The collection
			// runs aside, for it takes as long as the heap is large, and the
			// heap keeps being sampled meanwhile: past one more budget, the
			// queries are stopped without waiting for it.
			go func() {
				defer collecting.Store(false)
				runtime.GC()
			}()
		}
	}
}

// limit is the heap the running queries may take the server to, and
// false when no query runs (the watchdog then ends).
func (b *memBudget) limit() (uint64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.running) == 0 {
		b.active = false
		return 0, false
	}
	var base uint64
	for w := range b.running {
		base = max(base, w.base)
	}
	return base + b.budget, true
}

func (b *memBudget) stopAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for w := range b.running {
		w.cancel(fmt.Errorf("%w (budget %d MiB: query.max_memory_bytes raises it)", ErrMemoryBudget, b.budget>>20))
		delete(b.running, w)
		b.kills++
	}
}

// heapObjects is the heap occupied by objects, live or not yet collected.
func heapObjects() uint64 { return readMetric("/memory/classes/heap/objects:bytes") }

// heapLive is the heap that survived the last collection.
func heapLive() uint64 { return readMetric("/gc/heap/live:bytes") }

func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
