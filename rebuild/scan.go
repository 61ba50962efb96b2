package rebuild

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/redact"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// Kinds of source.
const (
	KindDir  = "dir"
	KindURLs = "urls"
	KindFeed = "feed"
)

// SourceName is the name a source goes by: its own, or its dir, feed or
// first URL, with any password in it masked.
func SourceName(s config.Source) string {
	switch {
	case s.Name != "":
		return redact.Secrets(s.Name)
	case s.Dir != "":
		return s.Dir
	case s.Feed != "":
		return redact.Secrets(s.Feed)
	case len(s.URLs) > 0:
		return redact.Secrets(s.URLs[0])
	}
	return "?"
}

func sourceKind(s config.Source) string {
	switch {
	case s.Dir != "":
		return KindDir
	case s.Feed != "":
		return KindFeed
	}
	return KindURLs
}

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
	dup    bool // same bytes as another article in the store: recorded, not loaded
	result loadResult
}

// scanned is what one source gave.
type scanned struct {
	name, kind string
	items      []*item
	skipped    []error // directory entries that are not articles (source.ErrSkipped)
	err        error   // the source as a whole failed (its entries are kept)
}

// scanner reads sources, deciding for each article whether it changed.
type scanner struct {
	man     *Manifest // the manifest before the run
	full    bool      // everything is to be loaded: no conditional requests
	srcOpts source.Options
	f       *fetch.Fetcher
	sem     chan struct{} // bounds requests in flight
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

// scan reads every source; sources are read concurrently, each article's
// requests bounded by the fetcher's concurrency.
func (sc *scanner) scan(ctx context.Context, sources []config.Source) []*scanned {
	out := make([]*scanned, len(sources))
	var wg sync.WaitGroup
	for i, s := range sources {
		out[i] = &scanned{name: SourceName(s), kind: sourceKind(s)}
		wg.Add(1)
		go func(s config.Source, res *scanned) {
			defer wg.Done()
			switch res.kind {
			case KindDir:
				res.items, res.skipped, res.err = sc.scanDir(ctx, res.name, s.Dir)
			case KindURLs:
				res.items = sc.scanURLs(ctx, res.name, s.URLs)
			case KindFeed:
				res.items, res.err = sc.scanFeed(ctx, res.name, s)
			}
		}(s, out[i])
	}
	wg.Wait()
	return out
}

// scanDir reads a directory (or one file) as source.Walk does: recursively,
// in lexical order, skipping hidden entries, taking .txt, .text, .md,
// .html, .htm and extension-less files, and returning the entries it passed
// over (source.ErrSkipped). Only changed files are kept in memory. A
// directory with no article fails the source (source.ErrNoArticles): its
// articles are kept in the store, not removed, since an empty directory is
// more often a mount gone missing than a corpus deleted on purpose.
func (sc *scanner) scanDir(ctx context.Context, name, root string) ([]*item, []error, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("source %s: %w", source.QuotePath(name), err)
	}
	var items []*item
	add := func(path string) {
		it := &item{key: path, source: name, doc: filepath.Base(path), ctype: source.ContentTypeFor(path)}
		if it.raw, it.err = readLimited(path, sc.srcOpts.MaxBytes); it.err != nil {
			it.state, it.old = stFailed, sc.entry(path)
		} else {
			sc.decide(it)
		}
		items = append(items, it)
	}
	if !fi.IsDir() {
		add(abs)
		return items, nil, nil
	}
	var failed []*item
	var skipped []error
	err = source.WalkFiles(abs, func(path string, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, source.ErrSkipped) {
			skipped = append(skipped, err)
			return nil
		}
		if err != nil {
			if path == abs {
				return err
			}
			failed = append(failed, &item{key: path, source: name, state: stFailed, err: err, old: sc.entry(path)})
			return nil
		}
		add(path)
		return nil
	})
	if err != nil {
		return nil, skipped, fmt.Errorf("source %s: %w", source.QuotePath(name), err)
	}
	return append(items, failed...), skipped, nil
}

// readLimited reads a file of at most max bytes (source.Options semantics:
// 0 is the default limit, negative none).
func readLimited(path string, max int64) ([]byte, error) {
	switch {
	case max == 0:
		max = source.DefaultMaxBytes
	case max < 0:
		max = 1<<63 - 2
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &source.FileError{Path: path, Err: err}
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &source.FileError{Path: path, Err: err}
	}
	if int64(len(raw)) > max {
		return nil, &source.FileError{Path: path, Err: fmt.Errorf("%w: more than %d bytes", source.ErrTooLarge, max)}
	}
	return raw, nil
}

// fetchPage fetches one article page into an item, conditionally unless
// the run is full.
func (sc *scanner) fetchPage(ctx context.Context, it *item) {
	it.old = sc.entry(it.key)
	var cond fetch.Validators
	if !sc.full && it.old != nil {
		cond = it.old.Validators
	}
	select {
	case sc.sem <- struct{}{}:
	case <-ctx.Done():
		it.state, it.err = stFailed, ctx.Err()
		return
	}
	page, err := sc.f.Get(ctx, it.key, cond)
	<-sc.sem
	if err != nil {
		it.state, it.err = stFailed, err
		return
	}
	it.val = page.Validators
	if page.NotModified {
		it.state, it.id = stUnchanged, it.old.ID
		return
	}
	it.raw, it.ctype = page.Body, page.ContentType
	sc.decide(it)
}

// scanURLs fetches a list of pages concurrently.
func (sc *scanner) scanURLs(ctx context.Context, name string, urls []string) []*item {
	items := make([]*item, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		items[i] = &item{key: u, source: name, doc: u}
		wg.Add(1)
		go func(it *item) { defer wg.Done(); sc.fetchPage(ctx, it) }(items[i])
	}
	wg.Wait()
	return items
}

// scanFeed fetches a feed and then its items: each item's page, or the
// item's own text when the source says items: content.
func (sc *scanner) scanFeed(ctx context.Context, name string, s config.Source) ([]*item, error) {
	sc.sem <- struct{}{}
	feed, err := sc.f.Feed(ctx, s.Feed, fetch.Validators{})
	<-sc.sem
	if err != nil {
		return nil, fmt.Errorf("source %s: %w", name, err)
	}
	entries := feed.Items
	if s.MaxItems > 0 && len(entries) > s.MaxItems {
		entries = entries[:s.MaxItems]
	}
	items := make([]*item, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		it := &item{key: e.Key(), source: name, doc: e.Key()}
		items[i] = it
		if s.Items == "content" {
			it.raw, it.ctype = fetch.ItemHTML(e), "text/html; charset=utf-8"
			sc.decide(it)
			continue
		}
		if e.Link == "" {
			it.state, it.err = stFailed, fmt.Errorf("%s: feed item %q has no link to fetch", s.Feed, e.Key())
			continue
		}
		wg.Add(1)
		go func() { defer wg.Done(); sc.fetchPage(ctx, it) }()
	}
	wg.Wait()
	return items, nil
}
