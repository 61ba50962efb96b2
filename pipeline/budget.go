package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Default budget of one article. A news article takes milliseconds and
// yields a few hundred quads (the largest seed: 19 events, 46 facts, under
// 600 quads); the limits are far above that and far below what stalls a
// batch (a 5 MB page of one repeated sentence: 781,286 quads, 37 s and
// 1.9 GB to load into bolt).
const (
	DefaultArticleTimeout = 30 * time.Second
	DefaultMaxQuads       = 20000
)

// ErrOverBudget: an article took longer, or yielded more, than its Budget
// allows. It fails alone; the batch goes on.
var ErrOverBudget = errors.New("over the article's budget")

// ErrInternal: a step of an article panicked, a defect of newsgraph's own
// (an extraction rule reading past a sentence, say). The article fails
// alone, with the panic's value; the batch goes on.
var ErrInternal = errors.New("internal error (a defect in newsgraph: please report it with the article)")

// Budget bounds what one article may cost, so that one hostile or broken
// article fails with an error naming it instead of stalling the batch.
// Input size and HTML nesting are bounded before this, by source.Options
// and the HTML parser (which refuses more than 512 open elements).
type Budget struct {
	// Timeout is the wall time for reading, parsing and extracting the
	// article; 0 means DefaultArticleTimeout, negative none.
	Timeout time.Duration
	// MaxQuads is the most quads the article may add; 0 means
	// DefaultMaxQuads, negative no limit.
	MaxQuads int
}

func (b Budget) timeout() time.Duration {
	if b.Timeout == 0 {
		return DefaultArticleTimeout
	}
	return b.Timeout
}

// Start gives one article its deadline: every step of its work (Within)
// shares it. Call the returned cancel when the article is done.
func (b Budget) Start(ctx context.Context) (context.Context, context.CancelFunc) {
	if t := b.timeout(); t > 0 {
		return context.WithTimeout(ctx, t)
	}
	return context.WithCancel(ctx)
}

// Within runs fn, a step of an article's work, and returns its result, an
// ErrInternal naming the article if fn panics, or
// an error as soon as ctx (from Start) ends: on the deadline,
// "PATH: over the article's budget: took longer than 30s
// (extract.article_timeout)"; when the caller cancels (SIGTERM), ctx's own
// error. fn is not stopped: the HTML parser and readability watch no
// context, nor does the rule-based extractor inside an article, so an
// article that overruns is left to finish in the background and its result
// dropped. That keeps the batch going and a signal honoured at once; the
// input limits bound how long the abandoned work can run.
func Within[T any](ctx context.Context, b Budget, path string, fn func(context.Context) (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned fn does not block forever
	steps.run(func() {
		defer func() {
			if p := recover(); p != nil {
				var zero T
				done <- result{zero, fmt.Errorf("%s: %w: %v", source.QuotePath(path), ErrInternal, p)}
			}
		}()
		v, err := fn(ctx)
		done <- result{v, err}
	})
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return zero, fmt.Errorf("%s: %w: took longer than %s (extract.article_timeout)", source.QuotePath(path), ErrOverBudget, b.timeout())
		}
		return zero, ctx.Err()
	}
}

// steps runs the steps of Within, each on a goroutine of its own so that
// it can be abandoned. A goroutine that finishes a step waits a while for
// the next one instead of exiting, and keeps the stack the step grew:
// extracting an article takes tens of kilobytes of stack, which a new
// goroutine grows again, copying its frames at each doubling, for every
// article (4 % of the CPU of `newsgraph extract` on the seed articles).
var steps = runners{next: make(chan func())}

// runnerIdle is how long a runner waits for a step before it exits.
const runnerIdle = time.Second

type runners struct {
	next chan func() // unbuffered: a send succeeds only when a runner waits
}

// run runs step on a waiting runner, or on a new one when none waits.
func (r runners) run(step func()) {
	select {
	case r.next <- step:
	default:
		go r.runner(step)
	}
}

func (r runners) runner(step func()) {
	idle := time.NewTimer(runnerIdle)
	defer idle.Stop()
	for {
		step()
		idle.Reset(runnerIdle)
		select {
		case step = <-r.next:
		case <-idle.C:
			return
		}
	}
}

// Extracted is one article made ready to load.
type Extracted struct {
	Rec     schema.Record
	Quads   []quad.Quad
	Rejects []schema.Reject
}

// extract extracts an article with x and maps the record to quads,
// within the budget's time (ctx from Start) and size. Without quads
// (`newsgraph extract`, which wants the record alone) the quads are
// counted, not made, and the article is refused exactly when it would be
// with them.
func (b Budget) extract(ctx context.Context, x extract.Extractor, art *source.Article, quads bool) (Extracted, error) {
	return Within(ctx, b, art.Path, func(ctx context.Context) (Extracted, error) {
		return b.extractNow(ctx, x, art, quads)
	})
}

// extractNow is extract's step, run on the calling goroutine.
func (b Budget) extractNow(ctx context.Context, x extract.Extractor, art *source.Article, quads bool) (Extracted, error) {
	max := b.maxQuads()
	where := source.QuotePath(art.Path)
	rec, err := x.Extract(ctx, art)
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: extracting: %w", where, err)
	}
	// What tells syndicated copies apart is the text's, not the
	// extractor's: every extractor's records get it here.
	rec.Article.Credit, rec.Article.Sketch = source.Credit(art.Text), source.Sketch(art.Text)
	// Every event and fact is at least one quad: a record with more
	// than max of them is refused before its quads are made (1.9
	// million of them for a 5 MB line of one repeated sentence).
	if n := len(rec.Events) + len(rec.Facts); max >= 0 && n > max {
		return Extracted{}, fmt.Errorf("%s: %w: %d events and %d facts, more than the limit of %d quads (extract.max_article_quads)",
			where, ErrOverBudget, len(rec.Events), len(rec.Facts), max)
	}
	var e Extracted
	n := 0
	if quads {
		e.Quads, e.Rejects = schema.ToQuads(rec, extract.Version(x))
		n = len(e.Quads)
	} else if max >= 0 && schema.QuadBound(rec) > max {
		// Counted only when the bound does not already keep it
		// within the limit.
		n = schema.CountQuads(rec, extract.Version(x))
	}
	if max >= 0 && n > max {
		return Extracted{}, fmt.Errorf("%s: %w: %d quads (%d events, %d facts, %d entities), the limit is %d (extract.max_article_quads)",
			where, ErrOverBudget, n, len(rec.Events), len(rec.Facts), len(rec.Entities), max)
	}
	e.Rec = rec
	return e, nil
}

func (b Budget) maxQuads() int {
	if b.MaxQuads == 0 {
		return DefaultMaxQuads
	}
	return b.MaxQuads
}
