package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/redact"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// Source is one place articles are read from: a directory or file, a list
// of pages, a feed. build, rebuild and serve --schedule read every kind
// through this interface, so a kind registered once is accepted by all.
type Source interface {
	// List calls yield with each article the source holds now, in a
	// deterministic order, and stops when yield returns false. An entry
	// that cannot be read as an article is yielded with its Err set
	// (source.ErrSkipped when it is no article at all). List returns an
	// error when the source as a whole cannot be read — a missing
	// directory, a directory without articles, a feed that does not
	// answer — since then nothing it once listed can be called gone.
	List(ctx context.Context, yield func(Item) bool) error
}

// Item is one article a source lists. Its bytes are read by Read, apart
// from listing, so that a caller can read items on workers (build, each
// within its budget) or hash them before deciding to parse (rebuild).
type Item struct {
	Key  string // absolute URL or path: the article's Path, a manifest key
	Doc  string // the name the article goes by (its Doc)
	Err  error  // the entry could not be listed as an article; Read is not to be called
	read func(ctx context.Context, cond fetch.Validators) (Content, error)
}

// Content is an item's bytes as read.
type Content struct {
	Raw         []byte
	ContentType string // "" sniffs
	Validators  fetch.Validators
	NotModified bool // a conditional read found the item unchanged; Raw is nil
}

// Read reads the item's bytes. cond, if set, makes the read conditional
// where the source can tell (a page's ETag); sources that cannot ignore it.
func (it Item) Read(ctx context.Context, cond fetch.Validators) (Content, error) {
	return it.read(ctx, cond)
}

// Parse reads the item and parses it as an article (a conditional read is
// not asked for: the article is wanted whatever it holds).
func (it Item) Parse(ctx context.Context) (*source.Article, error) {
	c, err := it.Read(ctx, fetch.Validators{})
	if err != nil {
		return nil, ItemError(it.Key, err)
	}
	// The read enforced the size limit already.
	return source.Parse(it.Doc, it.Key, c.Raw, c.ContentType, source.Options{MaxBytes: -1})
}

// ItemError is err naming the article it is about (key) once: errors of
// files name their path already, those of requests do not always.
func ItemError(key string, err error) error {
	var fe *source.FileError
	if errors.As(err, &fe) || strings.Contains(err.Error(), source.QuotePath(key)) {
		return err
	}
	return fmt.Errorf("%s: %w", source.QuotePath(key), err)
}

// Env is what sources read with: the size limit of files and the fetcher
// of pages, whose requests in flight it bounds across all sources.
type Env struct {
	Files    source.Options
	fetcher  *fetch.Fetcher
	requests chan struct{}
	// AbsolutePaths keys files by absolute path: a rebuild's manifest
	// outlives the working directory it was made in. build keeps paths as
	// given, as the articles it stored before were keyed.
	AbsolutePaths bool
}

// NewEnv returns an Env that reads files within files' limit and pages
// with a fetcher of fo, at most requests (0 means 4) at a time.
func NewEnv(files source.Options, fo fetch.Options, requests int) *Env {
	if requests <= 0 {
		requests = 4
	}
	return &Env{Files: files, fetcher: fetch.New(fo), requests: make(chan struct{}, requests)}
}

// DefaultEnv reads files within source.DefaultMaxBytes and pages with a
// fetcher of fetch's defaults.
func DefaultEnv() *Env {
	return NewEnv(source.Options{}, fetch.Options{}, 0)
}

// List lists the articles of every source in turn, as build and extract
// read them: an entry that is no article, or a source that cannot be read
// as a whole, is yielded as an Item with its Err set (the source's name
// as its key) and the rest go on. It stops when yield returns false,
// returning ctx's error.
func List(ctx context.Context, env *Env, sources []config.Source, yield func(Item) bool) error {
	for _, s := range sources {
		stopped := false
		src, _, err := OpenSource(s, env)
		if err == nil {
			err = src.List(ctx, func(it Item) bool {
				stopped = !yield(it)
				return !stopped
			})
		}
		if err != nil && !stopped {
			name := SourceName(s)
			stopped = !yield(Item{Key: name, Doc: name, Err: ItemError(name, err)})
		}
		if stopped {
			return ctx.Err()
		}
	}
	return nil
}

// get fetches a page, waiting for a request slot.
func (e *Env) get(ctx context.Context, url string, cond fetch.Validators) (*fetch.Page, error) {
	select {
	case e.requests <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-e.requests }()
	return e.fetcher.Get(ctx, url, cond)
}

// Kind is a registered kind of source.
type Kind struct {
	Name string // the kind config.Source.Kind names
	// Partial: the source lists only some of its articles (a feed its
	// latest items), so an article it no longer lists is kept, not removed.
	Partial bool
	// Arg makes a configured source of a command-line argument (without
	// its "kind:" prefix); an error says why the argument is not one.
	Arg func(arg string) (config.Source, error)
	// Open returns the source s configures.
	Open func(s config.Source, env *Env) (Source, error)
}

var (
	kindsMu sync.RWMutex
	kinds   = map[string]Kind{}
)

// RegisterSource makes a kind of source available to every command, by
// name; sources in this package register themselves in init. It panics on
// a second kind of the same name, as the other registries do.
func RegisterSource(k Kind) {
	kindsMu.Lock()
	defer kindsMu.Unlock()
	if _, dup := kinds[k.Name]; dup {
		panic("ingest: source kind registered twice: " + k.Name)
	}
	kinds[k.Name] = k
}

// SourceKinds lists the registered kinds' names, sorted.
func SourceKinds() []string {
	kindsMu.RLock()
	defer kindsMu.RUnlock()
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// SourceKind returns the kind registered by name.
func SourceKind(name string) (Kind, bool) {
	kindsMu.RLock()
	defer kindsMu.RUnlock()
	k, ok := kinds[name]
	return k, ok
}

// OpenSource opens a configured source with the kind that reads it.
func OpenSource(s config.Source, env *Env) (Source, Kind, error) {
	k, ok := SourceKind(s.Kind())
	if !ok {
		return nil, Kind{}, fmt.Errorf("no source kind %q (have %s)", s.Kind(), strings.Join(SourceKinds(), ", "))
	}
	src, err := k.Open(s, env)
	return src, k, err
}

// ParseSource makes a configured source of a command-line argument, as
// build PATH... and rebuild --source take them: "KIND:VALUE" for any
// registered kind (feed:https://example.org/rss.xml), else an http or
// https URL is a page (urls) and anything else a path (dir).
func ParseSource(arg string) (config.Source, error) {
	name, value := "dir", arg
	if k, v, ok := strings.Cut(arg, ":"); ok {
		if _, registered := SourceKind(k); registered {
			name, value = k, v
		} else if isHTTPURL(arg) {
			name = "urls"
		}
	}
	k, ok := SourceKind(name)
	if !ok {
		return config.Source{}, fmt.Errorf("%s: no source kind %q", arg, name)
	}
	if value == "" {
		return config.Source{}, fmt.Errorf("%q: no %s named after the colon", arg, name)
	}
	return k.Arg(value)
}

// isHTTPURL is config's test of a URL source: http or https, with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

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
