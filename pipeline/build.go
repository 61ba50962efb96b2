// Package pipeline runs newsgraph's main job: read articles from sources,
// extract records, map them to quads and load them into the store, one
// article (one quad label) at a time. It is the only package that sees every
// stage; each stage knows nothing of the ones after it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Options configure a build.
type Options struct {
	// Env reads the sources; nil reads files within the default size
	// limit and pages with a default fetcher.
	Env     *ingest.Env
	Budget  Budget // what one article may cost
	Workers int    // extraction workers; 0 means one per CPU
	// Progress, if set, is called after each article with the number done.
	Progress func(done int)
	Logger   *slog.Logger
	Analysis analysis.Options // incidents, sources and contradictions
}

// Summary reports what a build did.
type Summary struct {
	Articles  int      `json:"articles"`          // articles read
	Added     int      `json:"added"`             // new articles loaded
	Changed   int      `json:"changed"`           // articles whose earlier version was replaced
	Unchanged int      `json:"unchanged"`         // already in the store with the same extractor
	Failed    int      `json:"failed"`            // files that could not be read or extracted
	Skipped   []string `json:"skipped,omitempty"` // entries of directories that are not articles, with the reason
	Entities  int      `json:"entities"`          // distinct entities in the loaded articles
	Events    int      `json:"events"`            // events in the loaded articles
	Facts     int      `json:"facts"`             // facts in the loaded articles
	Quads     int      `json:"quads"`             // quads written
	Removed   int      `json:"removed"`           // quads removed with replaced articles
	Rejects   int      `json:"rejects"`           // record parts refused by the schema
	Errors    []string `json:"errors,omitempty"`
	// Analysis is what recomputing the incidents, fact counts and
	// contradictions of the loaded articles wrote.
	Analysis analysis.Summary `json:"analysis"`
	Duration time.Duration    `json:"-"`
	Seconds  float64          `json:"seconds"`
}

// batchQuads is how many quads of new articles are loaded in one
// transaction: large enough that commits and round trips do not dominate,
// small enough that memory stays bounded.
const batchQuads = 20000

// job is one article on its way through the pipeline.
type job struct {
	item   ingest.Item
	art    *source.Article
	rec    schema.Record
	quads  []quad.Quad
	remove []quad.Value
	reject []schema.Reject
	skip   bool // unchanged
	err    error
}

// Build loads the articles of sources into st, extracting with x. A
// source or article that fails is reported in the summary and the rest go
// on; every article is written in one transaction with any earlier
// version of it, so the store never holds half an article.
func Build(ctx context.Context, st *graph.Store, x extract.Extractor, sources []config.Source, opts Options) (Summary, error) {
	start := time.Now()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var sum Summary
	// A first build loads an empty store without the indexes that only
	// reads need, and builds them once its last batch is in, before the
	// analysis reads it (graph.Store.DeferIndexes). A build that fails
	// builds them too before it returns its error; one that is cancelled
	// (SIGTERM) or dies leaves them to the next Open, so as not to keep
	// the signal waiting.
	restore, err := st.DeferIndexes(ctx)
	if err != nil {
		return sum, err
	}
	restored := false
	defer func() {
		if !restored {
			restore(ctx) // fails at once if ctx is done, and lets the lock go
		}
	}()
	entities := map[string]bool{}
	var batch []quad.Quad
	flush := func() error {
		if err := st.BulkLoad(ctx, batch); err != nil {
			return fmt.Errorf("pipeline: loading %d quads: %w", len(batch), err)
		}
		batch = batch[:0]
		return nil
	}
	done := 0
	var touched []quad.Value // articles loaded or replaced
	// Into an empty store, the analysis reads what this run loads from an
	// index kept as it loads, not back from the store.
	aopts := opts.Analysis
	if n, err := st.QuadCount(ctx); err != nil {
		return sum, err
	} else if n == 0 {
		aopts.Loaded = analysis.NewIndex()
	}
	// Listing is sequential (sorted, deterministic); reading, parsing and
	// extraction are parallel, each article within its budget; loading is
	// in the order listed.
	env := opts.Env
	if env == nil {
		env = ingest.DefaultEnv()
	}
	err = ingest.Ordered(ctx, opts.Workers, func(yield func(*job) bool) error {
		return ingest.List(ctx, env, sources, func(it ingest.Item) bool { return yield(&job{item: it, err: it.Err}) })
	}, func(ctx context.Context, j *job) *job {
		if j.err == nil {
			prepare(ctx, st, x, opts, j)
		}
		return j
	}, func(j *job) error {
		done++
		if opts.Progress != nil {
			opts.Progress(done)
		}
		if errors.Is(j.err, source.ErrSkipped) {
			sum.Skipped = append(sum.Skipped, j.err.Error())
			log.Info("skipped", "err", j.err)
			return nil
		}
		if j.err != nil {
			sum.Failed++
			sum.Errors = append(sum.Errors, j.err.Error())
			log.Error("article failed", "err", j.err)
			return nil
		}
		sum.Articles++
		if j.skip {
			sum.Unchanged++
			return nil
		}
		touched = append(touched, schema.ArticleIRI(j.art.ID))
		touched = append(touched, j.remove...)
		if aopts.Loaded != nil {
			aopts.Loaded.Add(j.quads)
		}
		if len(j.remove) > 0 {
			removed, err := st.Replace(ctx, j.remove, j.quads)
			if err != nil {
				return fmt.Errorf("pipeline: loading %s: %w", source.QuotePath(j.art.Path), err)
			}
			sum.Changed++
			sum.Removed += removed
		} else {
			// New articles replace nothing, so they are loaded in batches:
			// one transaction (one COPY on PostgreSQL) per batchQuads.
			batch = append(batch, j.quads...)
			sum.Added++
			if len(batch) >= batchQuads {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		count(&sum, j, entities, log)
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		restored = true
		err = restore(ctx)
	}
	if err == nil && len(touched) > 0 {
		sum.Analysis, err = analysis.Update(ctx, st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
			_, err := st.Replace(ctx, labels, quads)
			return err
		}, touched, aopts)
	}
	sum.Entities = len(entities)
	sum.Duration = time.Since(start)
	sum.Seconds = sum.Duration.Seconds()
	return sum, err
}

// count adds what a loaded article holds to the summary.
func count(sum *Summary, j *job, entities map[string]bool, log *slog.Logger) {
	sum.Rejects += len(j.reject)
	for _, r := range j.reject {
		log.Warn("rejected", "doc", r.Doc, "what", r.What, "reason", r.Reason)
	}
	sum.Quads += len(j.quads)
	sum.Events += len(j.rec.Events)
	sum.Facts += len(j.rec.Facts)
	for _, e := range j.rec.Entities {
		entities[e.ID] = true
	}
}

// prepare decides what loading an article means: nothing if the same text
// was loaded by the same extractor; otherwise its quads, replacing any
// earlier version read from the same source and any stale load of itself.
func prepare(ctx context.Context, st *graph.Store, x extract.Extractor, opts Options, j *job) {
	ctx, cancel := opts.Budget.Start(ctx)
	defer cancel()
	if j.art, j.err = opts.Budget.Read(ctx, j.item); j.err != nil {
		return
	}
	label := schema.ArticleIRI(j.art.ID)
	same, err := st.HasQuad(ctx, quad.Quad{Subject: label, Predicate: schema.Extractor, Object: quad.String(extract.Version(x)), Label: label})
	if err != nil {
		j.err = fmt.Errorf("%s: checking the store: %w", source.QuotePath(j.art.Path), err)
		return
	}
	stale, err := st.Subjects(ctx, schema.Source, quad.String(j.art.Path))
	if err != nil {
		j.err = fmt.Errorf("%s: checking the store: %w", source.QuotePath(j.art.Path), err)
		return
	}
	if same {
		// Loaded already. An older version read from the same path is left
		// only by a crash between Replace's two steps: finish the job.
		j.remove = slices.DeleteFunc(stale, func(v quad.Value) bool { return v == label })
		j.skip = len(j.remove) == 0
		return
	}
	e, err := opts.Budget.Extract(ctx, x, j.art)
	if err != nil {
		j.err = err
		return
	}
	j.rec, j.quads, j.reject = e.Rec, e.Quads, e.Rejects
	j.remove = stale
}
