package rebuild

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// state is what a scan found of one article.
type state int

const (
	stUnchanged state = iota // same bytes (or 304) as the manifest says
	stLoad                   // new or changed: to parse, extract and load
	stFailed                 // could not be read; the manifest entry (if any) is kept
)

// item is one article found by a scan.
type item struct {
	key    string // absolute path or URL: the manifest key and the article's Path
	source string
	doc    string // the article's Doc
	ctype  string // media type for source.Parse; "" sniffs
	raw    []byte
	id     string
	val    fetch.Validators
	state  state
	err    error
	old    *Entry
}

// scanned is what one source gave.
type scanned struct {
	name, kind string
	partial    bool // the source lists only some of its articles (ingest.Kind.Partial)
	items      []*item
	skipped    []error // directory entries that are not articles (source.ErrSkipped)
	err        error   // the source as a whole failed (its entries are kept)
}

// scanner reads sources, deciding for each article whether it changed.
type scanner struct {
	man  *Manifest // the manifest before the run
	full bool      // everything is to be loaded: no conditional requests
	env  *ingest.Env
	sem  chan struct{} // bounds the reads in flight
}

func (sc *scanner) entry(key string) *Entry {
	if e, ok := sc.man.Entries[key]; ok {
		return &e
	}
	return nil
}

// decide sets an item's state from its bytes.
func (sc *scanner) decide(it *item) {
	it.id = source.ContentID(it.raw)
	it.old = sc.entry(it.key)
	if !sc.full && it.old != nil && it.old.ID == it.id {
		it.state = stUnchanged
		it.raw = nil
		return
	}
	it.state = stLoad
}

// scan reads every source; sources are read concurrently, and each
// source's articles too, at most cap(sc.sem) at a time.
func (sc *scanner) scan(ctx context.Context, sources []config.Source) []*scanned {
	out := make([]*scanned, len(sources))
	var wg sync.WaitGroup
	for i, s := range sources {
		out[i] = &scanned{name: ingest.SourceName(s), kind: s.Kind()}
		wg.Go(func() { sc.scanSource(ctx, s, out[i]) })
	}
	wg.Wait()
	return out
}

// scanSource lists one source and reads its articles. Only changed ones
// are kept in memory.
func (sc *scanner) scanSource(ctx context.Context, s config.Source, res *scanned) {
	src, kind, err := ingest.OpenSource(s, sc.env)
	res.partial = kind.Partial
	if err == nil {
		var wg sync.WaitGroup
		err = src.List(ctx, func(li ingest.Item) bool {
			if errors.Is(li.Err, source.ErrSkipped) {
				res.skipped = append(res.skipped, li.Err)
				return true
			}
			it := &item{key: li.Key, source: res.name, doc: li.Doc, old: sc.entry(li.Key)}
			res.items = append(res.items, it)
			if li.Err != nil {
				it.state, it.err = stFailed, li.Err
				return true
			}
			select {
			case sc.sem <- struct{}{}:
			case <-ctx.Done():
				it.state, it.err = stFailed, ctx.Err()
				return false
			}
			wg.Go(func() { defer func() { <-sc.sem }(); sc.read(ctx, li, it) })
			return true
		})
		wg.Wait()
	}
	if err != nil {
		res.err = fmt.Errorf("source %s: %w", source.QuotePath(res.name), err)
	}
}

// read reads one article into an item, conditionally unless the run is
// full.
func (sc *scanner) read(ctx context.Context, li ingest.Item, it *item) {
	var cond fetch.Validators
	if !sc.full && it.old != nil {
		cond = it.old.Validators
	}
	c, err := li.Read(ctx, cond)
	if err != nil {
		it.state, it.err = stFailed, err
		return
	}
	it.val = c.Validators
	if c.NotModified && it.old != nil {
		it.state, it.id = stUnchanged, it.old.ID
		return
	}
	it.raw, it.ctype = c.Raw, c.ContentType
	sc.decide(it)
}
