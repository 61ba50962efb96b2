package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// The kinds of source newsgraph reads. A new kind is a Kind registered
// here (or in a package of its own that programs import).
func init() {
	RegisterSource(Kind{
		Name: "dir",
		Arg:  func(p string) (config.Source, error) { return config.Source{Dir: p}, nil },
		Open: func(s config.Source, env *Env) (Source, error) { return openDir(s.Dir, env) },
	})
	RegisterSource(Kind{
		Name: "urls",
		Arg:  urlArg(func(u string) config.Source { return config.Source{URLs: []string{u}} }),
		Open: func(s config.Source, env *Env) (Source, error) { return pages{urls: s.URLs, env: env}, nil },
	})
	RegisterSource(Kind{
		Name:    "feed",
		Partial: true,
		Arg:     urlArg(func(u string) config.Source { return config.Source{Feed: u} }),
		Open:    func(s config.Source, env *Env) (Source, error) { return feed{s: s, env: env}, nil },
	})
}

// urlArg makes a source of an argument that must be an http or https URL.
func urlArg(mk func(string) config.Source) func(string) (config.Source, error) {
	return func(u string) (config.Source, error) {
		if !isHTTPURL(u) {
			return config.Source{}, fmt.Errorf("%q is not an http or https URL", u)
		}
		return mk(u), nil
	}
}

// dir is a directory of articles, or one file, walked as source.WalkPaths
// walks it.
type dir struct {
	root string
	env  *Env
}

func openDir(root string, env *Env) (Source, error) {
	if env.AbsolutePaths {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, err
		}
		root = abs
	}
	return dir{root: root, env: env}, nil
}

// List yields the files source.WalkPaths takes. A root that cannot be
// read, or holds no article (source.ErrNoArticles), fails the source: an
// empty directory is more often a mount gone missing than a corpus
// deleted on purpose, so what it held is not to be removed.
func (d dir) List(ctx context.Context, yield func(Item) bool) error {
	stop := errors.New("stop")
	err := source.WalkPaths([]string{d.root}, func(path string, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && path == d.root && !errors.Is(err, source.ErrSkipped) {
			return err
		}
		it := Item{Key: path, Doc: filepath.Base(path), Err: err, read: d.read(path)}
		if !yield(it) {
			return stop
		}
		return nil
	})
	if err == stop {
		return nil
	}
	return err
}

func (d dir) read(path string) func(context.Context, fetch.Validators) (Content, error) {
	return func(context.Context, fetch.Validators) (Content, error) {
		raw, err := source.ReadRaw(path, d.env.Files)
		return Content{Raw: raw, ContentType: source.ContentTypeFor(path)}, err
	}
}

// pages is a list of article pages, fetched conditionally when a read
// brings the validators of the last fetch.
type pages struct {
	urls []string
	env  *Env
}

func (p pages) List(ctx context.Context, yield func(Item) bool) error {
	for _, u := range p.urls {
		if !yield(Item{Key: u, Doc: u, read: p.env.page(u)}) {
			break
		}
	}
	return nil
}

// page reads the page at url.
func (e *Env) page(url string) func(context.Context, fetch.Validators) (Content, error) {
	return func(ctx context.Context, cond fetch.Validators) (Content, error) {
		pg, err := e.get(ctx, url, cond)
		if err != nil {
			return Content{}, err
		}
		return Content{Raw: pg.Body, ContentType: pg.ContentType, Validators: pg.Validators, NotModified: pg.NotModified}, nil
	}
}

// feed is an RSS, Atom or JSON feed: each item's page, or the item's own
// text when the source says items: content; its newest max_items.
type feed struct {
	s   config.Source
	env *Env
}

func (f feed) List(ctx context.Context, yield func(Item) bool) error {
	pg, err := f.env.get(ctx, f.s.Feed, fetch.Validators{})
	if err != nil {
		return err
	}
	parsed, err := fetch.ParseFeed(pg.URL, pg.Body, pg)
	if err != nil {
		return err
	}
	entries := parsed.Items
	if f.s.MaxItems > 0 && len(entries) > f.s.MaxItems {
		entries = entries[:f.s.MaxItems]
	}
	for _, e := range entries {
		it := Item{Key: e.Key(), Doc: e.Key()}
		switch {
		case f.s.Items == "content":
			raw := fetch.ItemHTML(e)
			it.read = func(context.Context, fetch.Validators) (Content, error) {
				return Content{Raw: raw, ContentType: "text/html; charset=utf-8"}, nil
			}
		case e.Link == "":
			it.Err = fmt.Errorf("%s: feed item %q has no link to fetch", f.s.Feed, e.Key())
		default:
			it.read = f.env.page(e.Link)
		}
		if !yield(it) {
			break
		}
	}
	return nil
}
