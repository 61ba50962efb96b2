// Package ingest holds what every command that reads articles shares:
// the kinds of source, registered by name, and the ordered worker pool on
// which pipeline.Run reads, extracts and loads the articles of build,
// rebuild and extract, so that they run one way, in parallel, and hand on
// their results in a deterministic order.
package ingest

import (
	"context"
	"runtime"
)

// Ordered runs work on every item that produce yields, on workers
// goroutines (0 means one per CPU), and hands each result to consume in
// the order the items were yielded, whatever order the workers finish in.
// At most 4 × workers items are in flight, so reading never runs far
// ahead of writing and memory stays bounded.
//
// produce calls yield for each item and stops when yield returns false
// (consume failed or ctx was cancelled). Ordered returns consume's first
// error, else produce's, else ctx's.
func Ordered[T, R any](ctx context.Context, workers int, produce func(yield func(T) bool) error, work func(context.Context, T) R, consume func(R) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Each item gets a one-slot result channel, queued in order; workers
	// fill them in any order and the loop below drains the queue in order.
	type job struct {
		item T
		res  chan R
	}
	jobs := make(chan job)
	queue := make(chan chan R, 4*workers)
	var produceErr error
	go func() {
		defer close(queue)
		defer close(jobs)
		produceErr = produce(func(item T) bool {
			j := job{item, make(chan R, 1)}
			select {
			case queue <- j.res:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for range workers {
		go func() {
			for j := range jobs {
				j.res <- work(ctx, j.item)
			}
		}()
	}
	for res := range queue {
		var r R
		select {
		case r = <-res:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := consume(r); err != nil {
			return err
		}
	}
	if produceErr != nil {
		return produceErr
	}
	return ctx.Err()
}
