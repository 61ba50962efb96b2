package rebuild

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/redact"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// Options configure a Rebuilder.
type Options struct {
	// Store is the configured store: for an embedded backend, Path is the
	// store directory that holds the generations.
	Store graph.Config
	// DataDir holds the status file and, for server backends, the manifest.
	DataDir string
	Sources []config.Source
	Fetch   fetch.Options
	// Concurrency bounds the requests in flight; 0 means 4.
	Concurrency int
	Source      source.Options   // file size limit
	Budget      pipeline.Budget  // what one article may cost
	Workers     int              // extraction workers; 0 means one per CPU
	Keep        int              // earlier generations kept for rollback
	Full        bool             // re-extract everything into an empty generation
	Analysis    analysis.Options // incidents, sources and contradictions
	// Handle, if set, is the store a server in the same process is
	// serving: it is switched to each new generation (embedded backends) or
	// written in place (other backends).
	Handle  *graph.Handle
	Logger  *slog.Logger
	Metrics *Metrics // may be nil
}

// Summary reports a rebuild.
type Summary struct {
	Added      int            `json:"added"`     // articles loaded for the first time
	Changed    int            `json:"changed"`   // articles whose quads were replaced
	Removed    int            `json:"removed"`   // articles whose quads were removed
	Unchanged  int            `json:"unchanged"` // articles left as they were, not re-extracted
	Failed     int            `json:"failed"`    // articles and sources that could not be read or extracted
	Quads      int64          `json:"quads"`     // quads in the store after the run
	Seconds    float64        `json:"seconds"`
	Mode       string         `json:"mode"`                 // incremental, full, in-place or in-place-full
	Generation string         `json:"generation,omitempty"` // the generation made live
	Errors     []string       `json:"errors,omitempty"`
	Skipped    []string       `json:"skipped,omitempty"` // directory entries that are not articles, with the reason
	Sources    []SourceResult `json:"sources,omitempty"`
	// Analysis is what recomputing the incidents, fact counts and
	// contradictions of the articles added, changed and removed wrote.
	Analysis analysis.Summary `json:"analysis"`
}

// SourceResult reports one source.
type SourceResult struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`     // dir, urls or feed
	Articles int    `json:"articles"` // articles read this run
	Failed   int    `json:"failed"`   // articles that failed
	Error    string `json:"error,omitempty"`
}

// Rebuilder runs rebuilds, one at a time.
type Rebuilder struct {
	x    extract.Extractor
	opts Options
	log  *slog.Logger
	env  *ingest.Env

	mu  sync.Mutex
	mem *Manifest // the manifest of a store that keeps nothing on disk
}

// New returns a Rebuilder that extracts with x.
func New(x extract.Extractor, opts Options) *Rebuilder {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	fo := opts.Fetch
	if fo.Logger == nil {
		fo.Logger = log
	}
	env := ingest.NewEnv(opts.Source, fo, opts.Concurrency)
	env.AbsolutePaths = true // the manifest outlives the working directory
	return &Rebuilder{x: x, opts: opts, log: log, env: env}
}

// Run rebuilds once. A source or article that fails is reported in the
// summary (and retried next run) and the rest go on; an error is returned
// only when the rebuild could not be completed, in which case the store
// is as it was.
func (r *Rebuilder) Run(ctx context.Context) (Summary, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	r.log.Info("rebuild started", "sources", len(r.opts.Sources), "full", r.opts.Full)
	unlock, err := r.lockDir().Lock()
	if err != nil {
		r.record(start, Summary{}, err)
		return Summary{}, err
	}
	// The run is recorded while the lock is held, so that status never
	// sees a begun run with the lock free unless the run was killed.
	defer unlock()
	r.begin(start)
	var sum Summary
	if r.opts.Store.Capabilities().Generations {
		sum, err = r.runGenerations(ctx)
	} else {
		sum, err = r.runInPlace(ctx)
	}
	sum.Seconds = time.Since(start).Seconds()
	r.record(start, sum, err)
	return sum, err
}

// lockDir is where a rebuild takes its lock: the store directory that
// holds the generations, or the rebuild directory of a store without them.
func (r *Rebuilder) lockDir() *graph.Generations {
	return graph.NewGenerations(lockPath(r.opts.DataDir, r.opts.Store))
}

func lockPath(dataDir string, store graph.Config) string {
	if store.Capabilities().Generations {
		return store.Path
	}
	return filepath.Join(dataDir, "rebuild")
}

// runGenerations builds a new generation and swaps it in. The caller holds
// the lock.
func (r *Rebuilder) runGenerations(ctx context.Context) (Summary, error) {
	gens := graph.NewGenerations(r.opts.Store.Path)
	version := extract.Version(r.x)
	cur, err := gens.Current()
	if err != nil {
		return Summary{}, err
	}
	var man *Manifest
	if cur != "" {
		if man, err = LoadManifest(filepath.Join(gens.Dir(cur), ManifestFile)); err != nil {
			return Summary{}, err
		}
	}
	full := r.opts.Full || (man != nil && man.Extractor != version)
	if man != nil && man.Extractor != version {
		r.log.Info("extractor changed: re-extracting everything", "was", man.Extractor, "now", version)
	}
	var p *graph.Pending
	var replays []string // generations whose journals bring a recycled store up to date
	if !full && man != nil {
		p, replays = r.recycle(gens, cur)
	}
	if p == nil {
		if p, err = gens.Begin(!full); err != nil {
			return Summary{}, err
		}
	}
	defer p.Abort() // a no-op once committed
	graph.CrashPoint("after-begin")
	var st *graph.Store
	if full || cur == "" {
		st, err = graph.Open(ctx, graph.Config{Backend: r.opts.Store.Backend, Path: p.Dir()}) // a large load
	} else {
		st, err = graph.OpenGeneration(ctx, r.opts.Store, p.Dir()) // a few changes: no existence filter to fill
	}
	if err != nil {
		return Summary{}, err
	}
	for _, g := range replays {
		if err := replay(ctx, st, gens.Dir(g)); err != nil {
			st.Close()
			return Summary{}, fmt.Errorf("rebuild: replaying the changes of %s: %w", g, err)
		}
	}
	empty := quadCount(ctx, st) == 0
	cache := &quadCache{dir: filepath.Join(r.opts.DataDir, "rebuild", "quads"), version: version}
	run := &apply{r: r, st: st, old: man, version: version, full: full, batch: true, cache: cache,
		storeEmpty: empty, checkStore: !full && !empty && man == nil}
	if run.old == nil {
		run.old = NewManifest(version)
	}
	if !full && !empty {
		run.journal = newJournal() // this generation = its parent + the journal
	}
	sum, next, err := run.do(ctx)
	if err != nil {
		st.Close()
		return sum, err
	}
	if err := run.journal.save(p.Dir()); err != nil {
		st.Close()
		return sum, err
	}
	sum.Mode = "incremental"
	if full {
		sum.Mode = "full"
	}
	sum.Quads = quadCount(ctx, st)
	if err := next.Save(filepath.Join(p.Dir(), ManifestFile)); err != nil {
		st.Close()
		return sum, err
	}
	if err := st.Close(); err != nil {
		return sum, err
	}
	graph.CrashPoint("before-commit")
	if err := p.Commit(); err != nil {
		return sum, err
	}
	sum.Generation = p.Name()
	if removed, err := gens.Prune(r.opts.Keep); err != nil {
		r.log.Warn("pruning old generations", "err", err)
	} else if len(removed) > 0 {
		r.log.Info("pruned generations", "removed", removed)
	}
	r.gcCache(gens, cache)
	if r.opts.Handle != nil {
		if _, err := r.opts.Handle.Reload(ctx, r.opts.Store); err != nil {
			r.log.Error("switching the server to the new generation", "generation", p.Name(), "err", err)
		}
	}
	return sum, nil
}

// recycle starts the new generation from the generation that this
// rebuild's prune would remove (rebuild.keep steps up from the live one),
// when every generation since has a journal; it returns the generations
// whose journals to replay, oldest first. It returns nil when that cannot
// be done, and the caller copies the live generation instead.
func (r *Rebuilder) recycle(gens *graph.Generations, cur string) (*graph.Pending, []string) {
	if r.opts.Keep < 1 {
		return nil, nil
	}
	chain := []string{cur}
	for len(chain) <= r.opts.Keep {
		p := gens.Parent(chain[len(chain)-1])
		if p == "" {
			return nil, nil
		}
		chain = append(chain, p)
	}
	old := chain[len(chain)-1]
	var replays []string
	for i := len(chain) - 2; i >= 0; i-- {
		if !hasJournal(gens.Dir(chain[i])) {
			return nil, nil
		}
		replays = append(replays, chain[i])
	}
	p, err := gens.Recycle(old)
	if err != nil {
		r.log.Info("copying the live generation", "because", err)
		return nil, nil
	}
	r.log.Debug("recycling a generation", "from", old, "replaying", replays)
	return p, replays
}

// gcCache drops the cached quads of articles that no kept generation
// holds.
func (r *Rebuilder) gcCache(gens *graph.Generations, cache *quadCache) {
	list, err := gens.List()
	if err != nil {
		return
	}
	keep := map[string]bool{}
	for _, g := range list {
		m, err := LoadManifest(filepath.Join(gens.Dir(g.Name), ManifestFile))
		if err != nil || m == nil {
			if err != nil {
				r.log.Warn("reading a manifest; cached quads kept", "generation", g.Name, "err", err)
			}
			return // cannot tell what it holds: keep everything
		}
		for _, e := range m.Entries {
			keep[e.ID] = true
		}
	}
	if n, err := cache.gc(keep); err != nil {
		r.log.Warn("cleaning the quad cache", "err", err)
	} else if n > 0 {
		r.log.Debug("cleaned the quad cache", "removed", n)
	}
}

// quadCount is the store's quad count, -1 if it cannot be read.
func quadCount(ctx context.Context, st *graph.Store) int64 {
	n, err := st.QuadCount(ctx)
	if err != nil {
		return -1
	}
	return n
}

// runInPlace updates a store that has no generations, one article per
// transaction. The caller holds the lock.
func (r *Rebuilder) runInPlace(ctx context.Context) (Summary, error) {
	dir := filepath.Join(r.opts.DataDir, "rebuild")
	version := extract.Version(r.x)
	manPath := ""
	var man *Manifest
	var err error
	if !r.opts.Store.Capabilities().Persistent {
		man = r.mem
	} else {
		manPath = filepath.Join(dir, "manifest-"+r.opts.Store.Backend+".json")
		if man, err = LoadManifest(manPath); err != nil {
			return Summary{}, err
		}
	}
	var st *graph.Store
	if r.opts.Handle != nil {
		s, release := r.opts.Handle.Acquire()
		defer release()
		st = s
	} else {
		if st, err = graph.Open(ctx, r.opts.Store); err != nil {
			return Summary{}, err
		}
		defer st.Close()
	}
	full := r.opts.Full || (man != nil && man.Extractor != version)
	run := &apply{r: r, st: st, old: man, version: version, full: full, checkStore: !full}
	if run.old == nil {
		run.old = NewManifest(version)
	}
	sum, next, err := run.do(ctx)
	sum.Mode = "in-place"
	if full {
		sum.Mode = "in-place-full"
	}
	if next != nil {
		// Even after an error: what was written is recorded (and what was
		// not is found again by the next run).
		if manPath == "" {
			r.mem = next
		} else if serr := next.Save(manPath); serr != nil && err == nil {
			err = serr
		}
	}
	sum.Quads = quadCount(ctx, st)
	return sum, err
}

// apply is one rebuild's work on one store.
type apply struct {
	r       *Rebuilder
	st      *graph.Store
	old     *Manifest
	version string
	full    bool // load everything, whatever the manifest says
	batch   bool // many articles per transaction (a private generation)
	// storeEmpty: nothing to remove or check.
	storeEmpty bool
	// checkStore: the store may hold articles the manifest does not know
	// (a plain store, an interrupted in-place run): skip those already
	// loaded by the same extractor.
	checkStore bool
	journal    *journal   // records the changes, if set
	cache      *quadCache // the quads of every article loaded, if set
}

// loadResult is what loading an item did.
type loadResult int

const (
	resNone loadResult = iota
	resAdded
	resChanged
	resSkipped // already in the store
)

func (a *apply) do(ctx context.Context) (Summary, *Manifest, error) {
	var sum Summary
	log := a.r.log
	inFlight := a.r.opts.Concurrency
	if inFlight <= 0 {
		inFlight = 4
	}
	sc := &scanner{man: a.old, full: a.full, env: a.r.env, sem: make(chan struct{}, inFlight)}
	results := sc.scan(ctx, a.r.opts.Sources)
	if err := ctx.Err(); err != nil {
		return sum, nil, err
	}
	next := NewManifest(a.version)
	fail := func(err error) {
		sum.Failed++
		sum.Errors = append(sum.Errors, redact.Secrets(err.Error()))
		log.Warn("rebuild: failed", "err", err)
	}
	keep := func(key string, e Entry) { next.Entries[key] = e }

	// What each source gave: unchanged and failed articles are settled
	// now, the rest is to load.
	partial := map[string]bool{} // source name -> lists only some of its articles
	seen := map[string]bool{}
	var loads []*item
	for _, res := range results {
		partial[res.name] = res.partial
		sr := SourceResult{Name: res.name, Kind: res.kind}
		if res.err != nil {
			sr.Error = redact.Secrets(res.err.Error())
			fail(res.err)
			for k, e := range a.old.Entries {
				if e.Source == res.name {
					keep(k, e) // retried next run
				}
			}
		}
		for _, sk := range res.skipped {
			sum.Skipped = append(sum.Skipped, sk.Error())
			log.Info("rebuild: skipped", "err", sk)
		}
		for _, it := range res.items {
			if seen[it.key] {
				log.Warn("rebuild: article listed by two sources; the first is used", "key", it.key, "source", it.source)
				continue
			}
			seen[it.key] = true
			sr.Articles++
			switch it.state {
			case stUnchanged:
				val := it.val
				if val == (fetch.Validators{}) && it.old != nil {
					val = it.old.Validators
				}
				keep(it.key, Entry{Source: it.source, ID: it.id, Validators: val})
				sum.Unchanged++
			case stFailed:
				sr.Failed++
				fail(itemErr(it))
				if it.old != nil {
					keep(it.key, *it.old)
				}
			case stLoad:
				loads = append(loads, it)
			}
		}
		sum.Sources = append(sum.Sources, sr)
	}
	// Articles no source gave this time: a partial source's older items
	// are kept (a feed shows only its latest); those of a failed source are kept;
	// the others are gone from their source, or their source is gone.
	var removed []string
	for _, k := range a.old.Keys() {
		e := a.old.Entries[k]
		if seen[k] {
			continue
		}
		if _, kept := next.Entries[k]; kept {
			continue
		}
		if partial[e.Source] {
			keep(k, e)
			continue
		}
		removed = append(removed, k)
	}

	// Labels still in use after the run; a new article whose bytes are
	// already in the store under another key is recorded, not loaded again.
	live := map[string]bool{}
	for _, e := range next.Entries {
		live[e.ID] = true
	}
	var todo []*item
	for _, it := range loads {
		if live[it.id] && !a.full {
			it.dup = true
			keep(it.key, Entry{Source: it.source, ID: it.id, Validators: it.val})
			sum.Unchanged++
			continue
		}
		live[it.id] = true
		todo = append(todo, it)
	}

	w := &writer{a: a, batch: a.batch}
	var touched []quad.Value // articles added, changed or removed
	// Removed articles first.
	for _, k := range removed {
		e := a.old.Entries[k]
		touched = append(touched, schema.ArticleIRI(e.ID))
		sum.Removed++
		log.Info("article removed", "key", k, "source", e.Source)
		if !live[e.ID] && !a.storeEmpty {
			labels, quads := a.oldQuads(e.ID)
			if err := w.add(ctx, labels, quads, nil); err != nil {
				return sum, next, err
			}
		}
	}
	// Then new and changed ones, extracted in parallel, written in order.
	err := a.load(ctx, todo, live, w, func(it *item) {
		switch it.result {
		case resNone:
			sr := sourceResult(&sum, it.source)
			sr.Failed++
			fail(itemErr(it))
			if it.old != nil {
				keep(it.key, *it.old)
			}
			return
		case resAdded:
			sum.Added++
			touched = append(touched, schema.ArticleIRI(it.id))
		case resChanged:
			sum.Changed++
			touched = append(touched, schema.ArticleIRI(it.id), schema.ArticleIRI(it.old.ID))
		case resSkipped:
			if it.old != nil {
				sum.Changed++
				touched = append(touched, schema.ArticleIRI(it.old.ID))
			} else {
				sum.Unchanged++
			}
		}
		keep(it.key, Entry{Source: it.source, ID: it.id, Validators: it.val})
	})
	if err == nil {
		err = w.flush(ctx)
	}
	if err == nil && len(touched) > 0 {
		// Through the writer, so that a generation's journal holds the
		// analysis' changes too.
		sum.Analysis, err = analysis.Update(ctx, a.st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
			if err := w.add(ctx, labels, nil, quads); err != nil {
				return err
			}
			return w.flush(ctx)
		}, touched, a.r.opts.Analysis)
	}
	return sum, next, err
}

func sourceResult(sum *Summary, name string) *SourceResult {
	for i := range sum.Sources {
		if sum.Sources[i].Name == name {
			return &sum.Sources[i]
		}
	}
	sum.Sources = append(sum.Sources, SourceResult{Name: name})
	return &sum.Sources[len(sum.Sources)-1]
}

func itemErr(it *item) error {
	if it.err == nil {
		return fmt.Errorf("%s: failed", it.key)
	}
	return ingest.ItemError(it.key, it.err)
}

// prepared is an item ready to write.
type prepared struct {
	it          *item
	remove      []quad.Value // labels whose quads to remove
	removeQuads []quad.Quad  // quads to remove, known from the cache
	quads       []quad.Quad
}

// oldQuads says how to remove an article loaded earlier: by its quads if
// the cache has them, else by its label.
func (a *apply) oldQuads(id string) ([]quad.Value, []quad.Quad) {
	if quads, ok := a.cache.get(id); ok {
		return nil, quads
	}
	return []quad.Value{schema.ArticleIRI(id)}, nil
}

// load parses and extracts items with workers and hands them to the
// writer in order; done is called for each item once it is written (or
// has failed).
func (a *apply) load(ctx context.Context, todo []*item, live map[string]bool, w *writer, done func(*item)) error {
	return ingest.Ordered(ctx, a.r.opts.Workers, func(yield func(*item) bool) error {
		for _, it := range todo {
			if !yield(it) {
				break
			}
		}
		return nil
	}, func(ctx context.Context, it *item) *prepared {
		return a.prepare(ctx, it, live)
	}, func(p *prepared) error {
		p.it.raw = nil
		if p.it.err == nil {
			if err := w.add(ctx, p.remove, p.removeQuads, p.quads); err != nil {
				return err
			}
		}
		done(p.it)
		return nil
	})
}

// prepare parses and extracts one item (unless the store holds it already)
// and works out which labels its load replaces.
func (a *apply) prepare(ctx context.Context, it *item, live map[string]bool) *prepared {
	p := &prepared{it: it}
	label := schema.ArticleIRI(it.id)
	if !a.storeEmpty && it.old != nil && it.old.ID != it.id && !live[it.old.ID] {
		p.remove, p.removeQuads = a.oldQuads(it.old.ID) // its earlier version
	}
	if a.checkStore {
		same, err := a.st.HasQuad(ctx, quad.Quad{Subject: label, Predicate: schema.Extractor, Object: quad.String(a.version), Label: label})
		if err != nil {
			it.err = fmt.Errorf("checking the store: %w", err)
			return p
		}
		if same {
			it.result = resSkipped
			return p
		}
		if it.old == nil {
			// An article loaded before there was a manifest: find its
			// earlier version by its source.
			stale, err := a.st.Subjects(ctx, schema.Source, quad.String(it.key))
			if err != nil {
				it.err = fmt.Errorf("checking the store: %w", err)
				return p
			}
			p.remove = append(p.remove, stale...)
		}
	}
	if !a.storeEmpty {
		p.remove = append(p.remove, label) // any stale load of itself
	}
	b := a.r.opts.Budget
	ctx, cancel := b.Start(ctx)
	defer cancel()
	art, err := pipeline.Within(ctx, b, it.key, func(context.Context) (*source.Article, error) {
		return source.Parse(it.doc, it.key, it.raw, it.ctype, source.Options{MaxBytes: -1})
	})
	if err != nil {
		it.err = err
		return p
	}
	e, err := b.Extract(ctx, a.r.x, art)
	if err != nil {
		it.err = err
		return p
	}
	p.quads = e.Quads
	rejects := e.Rejects
	if err := a.cache.put(it.id, p.quads); err != nil {
		a.r.log.Warn("rebuild: caching an article's quads", "key", it.key, "err", err)
	}
	for _, rj := range rejects {
		a.r.log.Debug("rejected", "doc", rj.Doc, "what", rj.What, "reason", rj.Reason)
	}
	if it.old != nil {
		it.result = resChanged
	} else {
		it.result = resAdded
	}
	return p
}

// writer applies removals and additions: one transaction per article, or
// batched when the store is a private generation.
type writer struct {
	a           *apply
	batch       bool
	remove      []quad.Value
	seen        map[quad.Value]bool
	removeQuads []quad.Quad
	quads       []quad.Quad
}

// batchQuads is how many quads a batched transaction gathers.
const batchQuads = 20000

func (w *writer) add(ctx context.Context, remove []quad.Value, removeQuads, quads []quad.Quad) error {
	w.a.journal.record(remove, removeQuads, quads)
	if !w.batch {
		if len(removeQuads) > 0 {
			if err := w.a.st.RemoveQuads(ctx, removeQuads); err != nil {
				return err
			}
		}
		_, err := w.a.st.Replace(ctx, remove, quads)
		return err
	}
	if w.seen == nil {
		w.seen = map[quad.Value]bool{}
	}
	for _, l := range remove {
		if !w.seen[l] {
			w.seen[l] = true
			w.remove = append(w.remove, l)
		}
	}
	w.removeQuads = append(w.removeQuads, removeQuads...)
	w.quads = append(w.quads, quads...)
	if len(w.quads)+len(w.removeQuads) >= batchQuads || len(w.remove) >= 1000 {
		return w.flush(ctx)
	}
	return nil
}

func (w *writer) flush(ctx context.Context) error {
	if len(w.remove) == 0 && len(w.quads) == 0 && len(w.removeQuads) == 0 {
		return nil
	}
	// Removals and additions go in separate transactions: the generation
	// is private, and Cayley's key-value stores corrupt a transaction that
	// both removes and adds quads of a node whose count of quads falls
	// (the added quads lose that node; TestIncrementalDirectory compares
	// with a full build and catches it).
	err := w.a.st.RemoveQuads(ctx, w.removeQuads)
	if err == nil {
		_, err = w.a.st.Replace(ctx, w.remove, nil)
	}
	if err == nil {
		_, err = w.a.st.Replace(ctx, nil, w.quads)
	}
	w.remove, w.removeQuads, w.quads, w.seen = nil, nil, nil, nil
	return err
}
