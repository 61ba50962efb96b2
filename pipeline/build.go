// Package pipeline runs newsgraph's main job: read articles from sources,
// extract records, map them to quads and load them into the store, one
// article (one quad label) at a time. It is the only package that sees every
// stage; each stage knows nothing of the ones after it.
//
// Run is the one path every command's articles take (read, hash, decide,
// parse, extract within the article's Budget, write in order with a
// Writer); Build is `newsgraph build` around it, and package rebuild and
// `newsgraph extract` call it too.
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
	"github.com/newsgraph/newsgraph/names"
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

// Build loads the articles of sources into st, extracting with x. A
// source or article that fails is reported in the summary and the rest go
// on; every article is written in one transaction with any earlier
// version of it, so the store never holds half an article.
func Build(ctx context.Context, st *graph.Store, x extract.Extractor, sources []config.Source, opts Options) (Summary, error) {
	start := time.Now()
	b := &build{st: st, x: x, opts: opts, log: opts.Logger, entities: map[string]bool{}, aopts: opts.Analysis}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	err := b.run(ctx, sources)
	b.sum.Entities = len(b.entities)
	b.sum.Duration = time.Since(start)
	b.sum.Seconds = b.sum.Duration.Seconds()
	return b.sum, err
}

// build is one Build: Run's settings and what it has counted so far.
type build struct {
	st       *graph.Store
	x        extract.Extractor
	opts     Options
	log      *slog.Logger
	sum      Summary
	done     int
	entities map[string]bool
	touched  []quad.Value     // articles loaded or replaced
	aopts    analysis.Options // with Loaded set after a build into an empty store
	indexed  int              // quads added to aopts.Loaded
	names    *names.Collector // the store's names, on a build into an empty store
}

// run loads the articles and then runs the analysis over those it added
// or replaced.
func (b *build) run(ctx context.Context, sources []config.Source) error {
	// A first build loads an empty store without the indexes that only
	// reads need, and builds them once its last batch is in, before the
	// analysis reads it (graph.Store.DeferIndexes). A build that fails
	// builds them too before it returns its error; one that is cancelled
	// (SIGTERM) or dies leaves them to the next Open, so as not to keep
	// the signal waiting.
	restore, err := b.st.DeferIndexes(ctx)
	if err != nil {
		return err
	}
	restored := false
	defer func() {
		if !restored {
			restore(ctx) // fails at once if ctx is done, and lets the lock go
		}
	}()
	// Into an empty store, the analysis reads what this run loads from an
	// index kept as it loads, not back from the store.
	if n, err := b.st.QuadCount(ctx); err != nil {
		return err
	} else if n == 0 {
		b.aopts.Loaded = analysis.NewIndex()
		b.names = names.NewCollector()
	}
	env := b.opts.Env
	if env == nil {
		env = ingest.DefaultEnv()
	}
	w := NewWriter(b.st, Bulk, nil)
	err = Run[struct{}]{Extractor: b.x, Budget: b.opts.Budget, Workers: b.opts.Workers, Writer: w, Decide: b.decide, Done: b.loaded}.
		Do(ctx, List[struct{}](ctx, env, sources))
	if err == nil {
		err = w.Flush(ctx)
	}
	b.sum.Removed = w.Removed()
	if err == nil {
		restored = true
		err = restore(ctx)
	}
	if err == nil {
		b.sum.Analysis, err = w.Analyse(ctx, b.touched, b.aopts)
	}
	if err == nil {
		KeepNames(ctx, b.st, b.names, b.log)
	}
	return err
}

// KeepNames keeps the name index of what st holds now with it
// (names.Keep), so that the first command after a write resolves names
// without reading every entity: c's, when c collected every quad of the
// store (a write into an empty store), else read from the store. The
// store's writer must be its only one meanwhile. A failure costs the next
// command the load, and is only logged.
func KeepNames(ctx context.Context, st *graph.Store, c *names.Collector, log *slog.Logger) {
	start := time.Now()
	stamp, ok, err := st.WriteStamp(ctx)
	if err != nil || !ok {
		return
	}
	var ix *names.Index
	if c != nil {
		ix = c.Index()
	} else if ix, err = names.Load(ctx, st.Reader()); err != nil {
		log.Warn("name index not kept: the next command loads it", "err", err)
		return
	}
	if err := names.Keep(ctx, st, stamp, ix); err != nil {
		log.Warn("name index not kept: the next command loads it", "err", err)
		return
	}
	log.Info("kept the name index", "entities", len(ix.Entries()), "collected", c != nil, "took", time.Since(start).Round(time.Millisecond))
}

// loaded counts an article Run has written, or reports why it was not.
func (b *build) loaded(j *Job[struct{}]) error {
	b.done++
	if b.opts.Progress != nil {
		b.opts.Progress(b.done)
	}
	if errors.Is(j.Err, source.ErrSkipped) {
		b.sum.Skipped = append(b.sum.Skipped, j.Err.Error())
		b.log.Info("skipped", "err", j.Err)
		return nil
	}
	if j.Err != nil {
		b.sum.Failed++
		b.sum.Errors = append(b.sum.Errors, j.Err.Error())
		b.log.Error("article failed", "err", j.Err)
		return nil
	}
	b.sum.Articles++
	if j.Skip && len(j.Remove) == 0 {
		b.sum.Unchanged++
		return nil
	}
	b.touched = append(b.touched, schema.ArticleIRI(j.ID))
	b.touched = append(b.touched, j.Remove...)
	b.index(j.Quads)
	if b.names != nil {
		b.names.Add(j.Quads)
	}
	if len(j.Remove) > 0 {
		b.sum.Changed++
	} else {
		b.sum.Added++
	}
	count(&b.sum, j, b.entities, b.log)
	return nil
}

// analysisIndexQuads bounds the index that a build into an empty store
// keeps of what it loads for the analysis (analysis.Index). The index holds
// what the analysis reads of every quad loaded, so that with it a build's
// memory grows with its corpus: 0.8 GB more at the peak of a build of 10k
// generated articles (4.5M quads loaded), which would be 8 GB at 100k. A
// build that loads more quads drops it as it passes the bound, and its
// analysis reads the store, as after a build into a store that held
// articles: the same result, in bounded memory but more time (at 10k
// articles 63 s instead of 9, of a build of 3 minutes). The bound keeps
// the index for builds of up to some 2,000 articles.
var analysisIndexQuads = 1 << 20

// index adds loaded quads to the analysis' index, if the build keeps one,
// and drops it past analysisIndexQuads.
func (b *build) index(quads []quad.Quad) {
	if b.aopts.Loaded == nil {
		return
	}
	if b.indexed += len(quads); b.indexed > analysisIndexQuads {
		b.aopts.Loaded = nil
		b.log.Info("the analysis reads the store: the build loads more quads than its index holds", "index_quads", analysisIndexQuads)
		return
	}
	b.aopts.Loaded.Add(quads)
}

// count adds what a loaded article holds to the summary.
func count(sum *Summary, j *Job[struct{}], entities map[string]bool, log *slog.Logger) {
	sum.Rejects += len(j.Rejects)
	for _, r := range j.Rejects {
		log.Warn("rejected", "doc", r.Doc, "what", r.What, "reason", r.Reason)
	}
	sum.Quads += len(j.Quads)
	sum.Events += len(j.Rec.Events)
	sum.Facts += len(j.Rec.Facts)
	for _, e := range j.Rec.Entities {
		entities[e.ID] = true
	}
}

// Loaded reports whether st holds the article of content hash id as the
// extractor of version version made it: its ng:extractor quad. build and
// rebuild ask it alike, so they agree on what is unchanged.
func Loaded(ctx context.Context, st *graph.Store, id, version string) (bool, error) {
	label := schema.ArticleIRI(id)
	return st.HasQuad(ctx, quad.Quad{Subject: label, Predicate: schema.Extractor, Object: quad.String(version), Label: label})
}

// decide is what loading an article means: nothing if the same bytes were
// loaded by the same extractor (its content hash and extractor version are
// in the store); otherwise its quads, replacing any earlier version read
// from the same source and any stale load of itself.
func (b *build) decide(ctx context.Context, j *Job[struct{}]) error {
	label := schema.ArticleIRI(j.ID)
	same, err := Loaded(ctx, b.st, j.ID, extract.Version(b.x))
	if err != nil {
		return fmt.Errorf("%s: checking the store: %w", source.QuotePath(j.Key), err)
	}
	stale, err := b.st.Subjects(ctx, schema.Source, quad.String(j.Key))
	if err != nil {
		return fmt.Errorf("%s: checking the store: %w", source.QuotePath(j.Key), err)
	}
	if same {
		// Loaded already. An older version read from the same path is left
		// only by a crash between Replace's two steps: finish the job.
		j.Skip = true
		j.Remove = slices.DeleteFunc(stale, func(v quad.Value) bool { return v == label })
		return nil
	}
	j.Remove = stale
	return nil
}
