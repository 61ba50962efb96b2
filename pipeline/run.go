package pipeline

import (
	"context"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// Job is one article on its way through Run: what a command hands in (its
// key and how to read it) and what Run hands back (its record and quads,
// or why it has none). Of is the command's own state of the article.
type Job[T any] struct {
	Key string // the article's path or URL: its Path, which errors name
	Doc string // the name it goes by (source.Article.Doc)
	// Read reads the article's bytes, on a worker and within the
	// article's budget. Nil when Content holds them already: rebuild
	// reads and hashes every article before it decides what to load.
	Read    func(ctx context.Context) (ingest.Content, error)
	Content ingest.Content
	ID      string // the content hash (the article's label); set by Run unless known
	Err     error  // why the article failed: set before Run (listing) or by it
	Of      T

	// Set by Run.Decide: Skip, the store holds the article as this
	// extractor made it, so it is not extracted; Remove and RemoveQuads,
	// what writing it replaces (labels, or quads known one by one).
	Skip        bool
	Remove      []quad.Value
	RemoveQuads []quad.Quad

	// Set by Run: the record and, when Run writes, its quads.
	Extracted
}

// List is what Run.Do takes for the articles of sources as build and
// extract read them (ingest.List): a job an item, read on the workers.
func List[T any](ctx context.Context, env *ingest.Env, sources []config.Source) func(yield func(*Job[T]) bool) error {
	return func(yield func(*Job[T]) bool) error {
		return ingest.List(ctx, env, sources, func(it ingest.Item) bool { return yield(fromItem[T](it)) })
	}
}

// fromItem is the job of an item a source lists.
func fromItem[T any](it ingest.Item) *Job[T] {
	j := &Job[T]{Key: it.Key, Doc: it.Doc, Err: it.Err}
	if it.Err == nil {
		j.Read = func(ctx context.Context) (ingest.Content, error) { return it.Read(ctx, fetch.Validators{}) }
	}
	return j
}

// Run is the one path of every command's articles: build, rebuild and
// extract set it up and call Do, and keep only what is theirs around it
// (build the store's indexes and progress, rebuild its manifest,
// generations and journal, extract its printing).
type Run[T any] struct {
	Extractor extract.Extractor
	Budget    Budget // what one article may cost
	Workers   int    // extraction workers; 0 means one per CPU
	// Writer, if set, writes every article that did not fail, in the
	// order listed; the quads are then made. Without one (`newsgraph
	// extract`) only the record is made and its quads counted against
	// the budget.
	Writer *Writer
	// Decide, if set, runs on a worker once an article's bytes are read
	// and hashed and before they are parsed, so that an unchanged article
	// costs a hash and a look-up: it sets the job's Skip, Remove and
	// RemoveQuads. An error fails the article.
	Decide func(ctx context.Context, j *Job[T]) error
	// Extracted, if set, runs on the worker once an article is extracted
	// (rebuild caches its quads there, off the writing goroutine).
	Extracted func(j *Job[T])
	// Done is handed every job in the order listed, after it is written
	// or has failed; its error ends the run.
	Done func(j *Job[T]) error
}

// Do runs every job list yields through ingest.Ordered: read, hash,
// decide, parse and extract in parallel, each article within its budget,
// then write and hand on in the order listed. It returns the first error
// of writing or Done, else list's, else ctx's; an article that fails
// fails alone (Job.Err).
func (r Run[T]) Do(ctx context.Context, list func(yield func(*Job[T]) bool) error) error {
	return ingest.Ordered(ctx, r.Workers, list, func(ctx context.Context, j *Job[T]) *Job[T] {
		if j.Err == nil {
			j.Err = r.prepare(ctx, j)
		}
		return j
	}, func(j *Job[T]) error {
		if j.Err == nil && r.Writer != nil {
			if err := r.Writer.Load(ctx, j.Remove, j.RemoveQuads, j.Quads); err != nil {
				return err
			}
		}
		return r.Done(j)
	})
}

// prepare reads, decides on, parses and extracts one article, every step
// within the article's one deadline (Budget.Start).
func (r Run[T]) prepare(ctx context.Context, j *Job[T]) error {
	b := r.Budget
	ctx, cancel := b.Start(ctx)
	defer cancel()
	if r.Decide == nil && j.Read != nil {
		return r.prepareAtOnce(ctx, j)
	}
	if j.Read != nil {
		c, err := Within(ctx, b, j.Key, func(ctx context.Context) (ingest.Content, error) {
			c, err := j.Read(ctx)
			if err != nil {
				err = ingest.ItemError(j.Key, err)
			}
			return c, err
		})
		if err != nil {
			return err
		}
		j.Content = c
	}
	raw := j.Content.Raw
	j.Content.Raw = nil // parsed below or not at all: not kept while the job waits its turn
	if r.Decide != nil {
		if j.ID == "" {
			j.ID = source.ContentID(raw)
		}
		if err := r.Decide(ctx, j); err != nil || j.Skip {
			return err
		}
	}
	// The read enforced the size limit already.
	art, err := Within(ctx, b, j.Key, func(context.Context) (*source.Article, error) {
		return source.Parse(j.Doc, j.Key, raw, j.Content.ContentType, source.Options{MaxBytes: -1})
	})
	if err != nil {
		return err
	}
	j.ID = art.ID
	if j.Extracted, err = b.extract(ctx, r.Extractor, art, r.Writer != nil); err != nil {
		return err
	}
	if r.Extracted != nil {
		r.Extracted(j)
	}
	return nil
}

// prepareAtOnce is prepare without Decide (`newsgraph extract`): reading,
// parsing and extracting the article are one step of Within, not three,
// so that the article is handed to a runner and back once. Handing off
// costs little in instructions (1 % of a pass over generated articles)
// but more in time on several cores, as each hand-off wakes a goroutine.
// The step fills a result of its own, which prepare copies to j only once
// Within returns, as an abandoned step must not write to j. The errors and
// the deadline are those of the three steps: the step's path, j.Key, is
// the article's Path that the extract step names. Only the job of an
// article over its budget differs: it keeps no Content, which extract
// does not read.
func (r Run[T]) prepareAtOnce(ctx context.Context, j *Job[T]) error {
	type prepared struct {
		read, parsed bool
		content      ingest.Content
		id           string
		extracted    Extracted
	}
	b := r.Budget
	p, err := Within(ctx, b, j.Key, func(ctx context.Context) (p prepared, err error) {
		if p.content, err = j.Read(ctx); err != nil {
			return p, ingest.ItemError(j.Key, err)
		}
		p.read = true
		raw := p.content.Raw
		p.content.Raw = nil
		art, err := source.Parse(j.Doc, j.Key, raw, p.content.ContentType, source.Options{MaxBytes: -1})
		if err != nil {
			return p, err
		}
		p.parsed, p.id = true, art.ID
		p.extracted, err = b.extractNow(ctx, r.Extractor, art, r.Writer != nil)
		return p, err
	})
	if p.read {
		j.Content = p.content
	}
	if p.parsed {
		j.ID = p.id
	}
	if err != nil {
		return err
	}
	j.Extracted = p.extracted
	if r.Extracted != nil {
		r.Extracted(j)
	}
	return nil
}
