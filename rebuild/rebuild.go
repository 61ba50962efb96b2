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
	"github.com/newsgraph/newsgraph/names"
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
	p, st, err := r.openPending(ctx, gens, cur, !full && man != nil, full)
	if err != nil {
		return Summary{}, err
	}
	defer p.Abort() // a no-op once committed
	cache := &quadCache{dir: filepath.Join(r.opts.DataDir, "rebuild", "quads"), version: version}
	sum, err := r.fill(ctx, st, p, man, full, cache)
	if err != nil {
		return sum, err
	}
	graph.CrashPoint("before-commit")
	if err := p.Commit(); err != nil {
		return sum, err
	}
	sum.Generation = p.Name()
	r.afterCommit(ctx, gens, p.Name(), cache)
	return sum, nil
}

// openPending begins the new generation and opens its store: a recycled
// older generation brought up to date by replaying the journals since
// (when recycle and rebuild.keep allow), else a copy of the live
// generation cur, or an empty store when the rebuild is full.
func (r *Rebuilder) openPending(ctx context.Context, gens *graph.Generations, cur string, recycle, full bool) (p *graph.Pending, st *graph.Store, err error) {
	var replays []string // generations whose journals bring a recycled store up to date
	if recycle {
		p, replays = r.recycle(gens, cur)
	}
	if p == nil {
		if p, err = gens.Begin(!full); err != nil {
			return nil, nil, err
		}
	}
	defer func() {
		if err != nil {
			p.Abort()
		}
	}()
	graph.CrashPoint("after-begin")
	if st, err = graph.OpenGeneration(ctx, r.opts.Store, p.Dir()); err != nil {
		return nil, nil, err
	}
	for _, g := range replays {
		if err = replay(ctx, st, gens.Dir(g)); err != nil {
			st.Close()
			return nil, nil, fmt.Errorf("rebuild: replaying the changes of %s: %w", g, err)
		}
	}
	return p, st, nil
}

// fill brings the pending generation's store up to date with the sources,
// saves its journal and manifest beside it, and closes it.
func (r *Rebuilder) fill(ctx context.Context, st *graph.Store, p *graph.Pending, man *Manifest, full bool, cache *quadCache) (Summary, error) {
	empty := quadCount(ctx, st) == 0
	run := &apply{r: r, st: st, old: man, version: cache.version, full: full, mode: pipeline.Batched, cache: cache,
		storeEmpty: empty, checkStore: !full && !empty && man == nil}
	if empty {
		run.names = names.NewCollector()
	}
	if run.old == nil {
		run.old = NewManifest(cache.version)
	}
	if !full && !empty {
		run.journal = newJournal() // this generation = its parent + the journal
	}
	sum, next, err := run.do(ctx)
	if err == nil {
		err = run.journal.save(p.Dir())
	}
	if err == nil {
		sum.Mode = "incremental"
		if full {
			sum.Mode = "full"
		}
		sum.Quads = quadCount(ctx, st)
		err = next.Save(filepath.Join(p.Dir(), ManifestFile))
	}
	if err == nil {
		// Last: the generation's files, its manifest too, are its stamp.
		pipeline.KeepNames(ctx, st, run.names, r.log)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// afterCommit prunes the generations past rebuild.keep and the cached
// quads that no kept generation holds, and switches a server in this
// process to the new generation.
func (r *Rebuilder) afterCommit(ctx context.Context, gens *graph.Generations, name string, cache *quadCache) {
	if removed, err := gens.Prune(r.opts.Keep); err != nil {
		r.log.Warn("pruning old generations", "err", err)
	} else if len(removed) > 0 {
		r.log.Info("pruned generations", "removed", removed)
	}
	r.gcCache(gens, cache)
	if r.opts.Handle != nil {
		if _, err := r.opts.Handle.Reload(ctx, r.opts.Store); err != nil {
			r.log.Error("switching the server to the new generation", "generation", name, "err", err)
		}
	}
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
	run := &apply{r: r, st: st, old: man, version: version, full: full, mode: pipeline.PerArticle, checkStore: !full}
	if run.old == nil {
		run.old = NewManifest(version)
	}
	sum, next, err := run.do(ctx)
	if err == nil {
		pipeline.KeepNames(ctx, st, nil, r.log)
	}
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

// apply is one rebuild's work on one store: the manifest's layer around
// pipeline.Run. It settles what the scan found unchanged or failed,
// removes what the sources no longer list, and runs the rest through
// Run, writing with a pipeline.Writer that records a generation's journal.
type apply struct {
	r       *Rebuilder
	st      *graph.Store
	old     *Manifest
	version string
	full    bool               // load everything, whatever the manifest says
	mode    pipeline.WriteMode // Batched in a private generation, else PerArticle
	// storeEmpty: nothing to remove or check.
	storeEmpty bool
	// checkStore: the store may hold articles the manifest does not know
	// (a plain store, an interrupted in-place run): skip those already
	// loaded by the same extractor.
	checkStore bool
	journal    *journal   // records the changes, if set
	cache      *quadCache // the quads of every article loaded, if set
	// names gathers the store's name index from what is loaded, if set
	// (storeEmpty).
	names *names.Collector

	// What the run has done so far.
	sum     Summary
	next    *Manifest        // the manifest after the run
	live    map[string]bool  // labels still in use after the run
	touched []quad.Value     // articles added, changed or removed
	w       *pipeline.Writer // writes to st
}

// do runs the rebuild on the store and returns its summary and the
// manifest of what the store holds after it (even after an error, when
// what was written is recorded and what was not is found again next run).
func (a *apply) do(ctx context.Context) (Summary, *Manifest, error) {
	results := a.scan(ctx)
	if err := ctx.Err(); err != nil {
		return a.sum, nil, err
	}
	a.next = NewManifest(a.version)
	loads, removed := a.settle(results)
	todo := a.dedup(loads)
	a.w = pipeline.NewWriter(a.st, a.mode, a.journal.record)
	// Removed articles first, then new and changed ones.
	err := a.removeGone(ctx, removed)
	if err == nil {
		err = a.load(ctx, todo)
	}
	if err == nil {
		err = a.w.Flush(ctx)
	}
	if err == nil {
		// Through the writer, so that a generation's journal holds the
		// analysis' changes too.
		a.sum.Analysis, err = a.w.Analyse(ctx, a.touched, a.r.opts.Analysis)
	}
	return a.sum, a.next, err
}

// scan reads every source, deciding for each article whether it changed
// since the manifest (scanner).
func (a *apply) scan(ctx context.Context) []*scanned {
	inFlight := a.r.opts.Concurrency
	if inFlight <= 0 {
		inFlight = 4
	}
	sc := &scanner{man: a.old, full: a.full, env: a.r.env, sem: make(chan struct{}, inFlight)}
	return sc.scan(ctx, a.r.opts.Sources)
}

// fail counts a failed article or source.
func (a *apply) fail(err error) {
	a.sum.Failed++
	a.sum.Errors = append(a.sum.Errors, redact.Secrets(err.Error()))
	a.r.log.Warn("rebuild: failed", "err", err)
}

// keep records an article in the next manifest.
func (a *apply) keep(key string, e Entry) { a.next.Entries[key] = e }

// settle takes what each source gave: unchanged and failed articles are
// settled in the next manifest now. It returns the articles to load and
// the keys of those no source gave this time that are to be removed.
func (a *apply) settle(results []*scanned) (loads []*item, removed []string) {
	partial := map[string]bool{} // source name -> lists only some of its articles
	seen := map[string]bool{}
	for _, res := range results {
		partial[res.name] = res.partial
		loads = append(loads, a.settleSource(res, seen)...)
	}
	return loads, a.gone(seen, partial)
}

// settleSource settles one source's articles (the first source to list
// an article has it) and returns those to load.
func (a *apply) settleSource(res *scanned, seen map[string]bool) []*item {
	sr := SourceResult{Name: res.name, Kind: res.kind}
	if res.err != nil {
		sr.Error = redact.Secrets(res.err.Error())
		a.fail(res.err)
		for k, e := range a.old.Entries {
			if e.Source == res.name {
				a.keep(k, e) // retried next run
			}
		}
	}
	for _, sk := range res.skipped {
		a.sum.Skipped = append(a.sum.Skipped, sk.Error())
		a.r.log.Info("rebuild: skipped", "err", sk)
	}
	var loads []*item
	for _, it := range res.items {
		if seen[it.key] {
			a.r.log.Warn("rebuild: article listed by two sources; the first is used", "key", it.key, "source", it.source)
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
			a.keep(it.key, Entry{Source: it.source, ID: it.id, Validators: val})
			a.sum.Unchanged++
		case stFailed:
			sr.Failed++
			a.fail(itemErr(it))
			if it.old != nil {
				a.keep(it.key, *it.old)
			}
		case stLoad:
			loads = append(loads, it)
		}
	}
	a.sum.Sources = append(a.sum.Sources, sr)
	return loads
}

// gone returns the articles of the manifest no source gave this time
// that are to be removed: a partial source's older items are kept (a
// feed shows only its latest), and those of a failed source were kept
// already; the others are gone from their source, or their source is gone.
func (a *apply) gone(seen, partial map[string]bool) []string {
	var removed []string
	for _, k := range a.old.Keys() {
		e := a.old.Entries[k]
		if seen[k] {
			continue
		}
		if _, kept := a.next.Entries[k]; kept {
			continue
		}
		if partial[e.Source] {
			a.keep(k, e)
			continue
		}
		removed = append(removed, k)
	}
	return removed
}

// dedup notes the labels still in use after the run and returns the
// articles to extract: a new article whose bytes are in the store already
// under another key is recorded, not loaded again.
func (a *apply) dedup(loads []*item) []*item {
	a.live = map[string]bool{}
	for _, e := range a.next.Entries {
		a.live[e.ID] = true
	}
	var todo []*item
	for _, it := range loads {
		if a.live[it.id] && !a.full {
			a.keep(it.key, Entry{Source: it.source, ID: it.id, Validators: it.val})
			a.sum.Unchanged++
			continue
		}
		a.live[it.id] = true
		todo = append(todo, it)
	}
	return todo
}

// removeGone removes the quads of the articles removed, unless another key
// still holds the same bytes.
func (a *apply) removeGone(ctx context.Context, removed []string) error {
	for _, k := range removed {
		e := a.old.Entries[k]
		a.touched = append(a.touched, schema.ArticleIRI(e.ID))
		a.sum.Removed++
		a.r.log.Info("article removed", "key", k, "source", e.Source)
		if !a.live[e.ID] && !a.storeEmpty {
			labels, quads := a.oldQuads(e.ID)
			if err := a.w.Load(ctx, labels, quads, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// load runs the articles to load through pipeline.Run, whose workers
// parse and extract them (their bytes were read by the scan) and whose
// writer writes them in order.
func (a *apply) load(ctx context.Context, todo []*item) error {
	run := pipeline.Run[*item]{Extractor: a.r.x, Budget: a.r.opts.Budget, Workers: a.r.opts.Workers, Writer: a.w,
		Decide: a.decide, Extracted: a.cached, Done: a.loaded}
	return run.Do(ctx, func(yield func(*pipeline.Job[*item]) bool) error {
		for _, it := range todo {
			j := &pipeline.Job[*item]{Key: it.key, Doc: it.doc, Content: ingest.Content{Raw: it.raw, ContentType: it.ctype}, ID: it.id, Of: it}
			it.raw = nil // the job holds the bytes until they are parsed
			if !yield(j) {
				break
			}
		}
		return nil
	})
}

// decide works out which labels an article's load replaces, and skips an
// article the store holds already (checkStore).
func (a *apply) decide(ctx context.Context, j *pipeline.Job[*item]) error {
	it := j.Of
	label := schema.ArticleIRI(it.id)
	if !a.storeEmpty && it.old != nil && it.old.ID != it.id && !a.live[it.old.ID] {
		j.Remove, j.RemoveQuads = a.oldQuads(it.old.ID) // its earlier version
	}
	if a.checkStore {
		same, err := pipeline.Loaded(ctx, a.st, it.id, a.version)
		if err != nil {
			return fmt.Errorf("checking the store: %w", err)
		}
		if same {
			j.Skip = true
			return nil
		}
		if it.old == nil {
			// An article loaded before there was a manifest: find its
			// earlier version by its source.
			stale, err := a.st.Subjects(ctx, schema.Source, quad.String(it.key))
			if err != nil {
				return fmt.Errorf("checking the store: %w", err)
			}
			j.Remove = append(j.Remove, stale...)
		}
	}
	if !a.storeEmpty {
		j.Remove = append(j.Remove, label) // any stale load of itself
	}
	return nil
}

// cached keeps an extracted article's quads, so that a later removal
// knows them (quadCache); on the worker, since writing them is work.
func (a *apply) cached(j *pipeline.Job[*item]) {
	if err := a.cache.put(j.ID, j.Quads); err != nil {
		a.r.log.Warn("rebuild: caching an article's quads", "key", j.Key, "err", err)
	}
	for _, rj := range j.Rejects {
		a.r.log.Debug("rejected", "doc", rj.Doc, "what", rj.What, "reason", rj.Reason)
	}
}

// loaded counts an article once it is written (or has failed) and records
// it in the next manifest: a failed article keeps its old entry, to be
// retried next run.
func (a *apply) loaded(j *pipeline.Job[*item]) error {
	it := j.Of
	it.err = j.Err
	switch {
	case j.Err != nil:
		sr := sourceResult(&a.sum, it.source)
		sr.Failed++
		a.fail(itemErr(it))
		if it.old != nil {
			a.keep(it.key, *it.old)
		}
		return nil
	case j.Skip && it.old != nil: // the store held it; its earlier version is replaced
		a.sum.Changed++
		a.touched = append(a.touched, schema.ArticleIRI(it.old.ID))
	case j.Skip:
		a.sum.Unchanged++
	case it.old != nil:
		a.sum.Changed++
		a.touched = append(a.touched, schema.ArticleIRI(it.id), schema.ArticleIRI(it.old.ID))
	default:
		a.sum.Added++
		a.touched = append(a.touched, schema.ArticleIRI(it.id))
	}
	if a.names != nil && !j.Skip {
		a.names.Add(j.Quads)
	}
	a.keep(it.key, Entry{Source: it.source, ID: it.id, Validators: it.val})
	return nil
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

// oldQuads says how to remove an article loaded earlier: by its quads if
// the cache has them, else by its label.
func (a *apply) oldQuads(id string) ([]quad.Value, []quad.Quad) {
	if quads, ok := a.cache.get(id); ok {
		return nil, quads
	}
	return []quad.Value{schema.ArticleIRI(id)}, nil
}
