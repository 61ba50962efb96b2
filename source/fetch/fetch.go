// Package fetch reads articles over HTTP: single pages (HTML or text) and
// RSS or Atom feeds, whose items are fetched in turn. Requests have a
// timeout, a body size limit and a User-Agent; timeouts, 429s and 5xx
// answers are retried with exponential backoff and jitter; ETag and
// Last-Modified make repeated fetches cheap. Bytes become articles through
// source.Parse, which extracts the main text of HTML pages with a
// readability library. It knows nothing of extraction or the store.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// Options configure a Fetcher. Zero values take the defaults below.
type Options struct {
	Timeout    time.Duration // per attempt, headers and body; default 30s
	MaxBytes   int64         // largest body accepted; default source.DefaultMaxBytes
	UserAgent  string        // default DefaultUserAgent()
	Retries    int           // retries after a timeout, a connection error, 429 or 5xx; negative means none
	Backoff    time.Duration // delay before the first retry, doubled each time; default 1s
	MaxBackoff time.Duration // longest delay (and longest Retry-After honoured); default 30s
	Client     *http.Client  // default: a client with Timeout
	Logger     *slog.Logger
}

// DefaultUserAgent names newsgraph, its version and where to find it, so
// that a site's operator can tell who fetches its pages.
func DefaultUserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "newsgraph/" + v + " (+https://github.com/newsgraph/newsgraph)"
}

// Fetcher gets pages and feeds. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	log    *slog.Logger
	sleep  func(context.Context, time.Duration) error
}

// New returns a Fetcher.
func New(opts Options) *Fetcher {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = source.DefaultMaxBytes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent()
	}
	if opts.Retries < 0 {
		opts.Retries = 0
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxBackoff < opts.Backoff {
		opts.MaxBackoff = max(30*time.Second, opts.Backoff)
	}
	f := &Fetcher{opts: opts, client: opts.Client, log: opts.Logger, sleep: sleepCtx}
	if f.client == nil {
		f.client = &http.Client{Timeout: opts.Timeout}
	}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}
	return f
}

// Validators are what an earlier answer said about a resource, for a
// conditional request.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Page is a fetched resource.
type Page struct {
	URL         string // the final URL, after redirects
	Status      int
	ContentType string
	Body        []byte // nil when NotModified
	NotModified bool   // the server answered 304 to a conditional request
	Validators  Validators
	Attempts    int
}

// StatusError is an HTTP answer other than 2xx or 304.
type StatusError struct {
	URL  string
	Code int
}

// Error returns "URL: HTTP code text".
func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// ErrTooLarge is returned (wrapped, and matching source.ErrTooLarge too)
// for a body larger than Options.MaxBytes.
var ErrTooLarge = fmt.Errorf("fetch: %w", source.ErrTooLarge)

// Get fetches url, retrying as Options say. A non-empty cond makes the
// request conditional; an unchanged resource comes back NotModified.
func (f *Fetcher) Get(ctx context.Context, url string, cond Validators) (*Page, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		page, retryAfter, err := f.try(ctx, url, cond)
		if err == nil {
			page.Attempts = attempt + 1
			return page, nil
		}
		lastErr = err
		if retryAfter < 0 || attempt >= f.opts.Retries || ctx.Err() != nil {
			break
		}
		d := f.delay(attempt, retryAfter)
		f.log.Warn("fetch failed, retrying", "url", url, "attempt", attempt+1, "in", d, "err", err)
		if err := f.sleep(ctx, d); err != nil {
			break
		}
	}
	return nil, lastErr
}

// delay is the wait before retry attempt+1: Backoff·2^attempt capped at
// MaxBackoff, with jitter over its upper half (so that many clients do not
// retry in step); a Retry-After the server sent wins when longer, up to
// MaxBackoff.
func (f *Fetcher) delay(attempt int, retryAfter time.Duration) time.Duration {
	d := f.opts.Backoff << min(attempt, 30)
	if d <= 0 || d > f.opts.MaxBackoff {
		d = f.opts.MaxBackoff
	}
	d = d/2 + rand.N(d/2+1)
	if retryAfter > d {
		d = min(retryAfter, f.opts.MaxBackoff)
	}
	return d
}

// try makes one attempt. retryAfter < 0 means the error is final; 0 or
// more means retry (after at least that long).
func (f *Fetcher) try(ctx context.Context, url string, cond Validators) (_ *Page, retryAfter time.Duration, _ error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("fetch: %w", err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, -1, fmt.Errorf("fetch: %s: %w", url, ctx.Err())
		}
		if retryable(err) {
			return nil, 0, fmt.Errorf("fetch: %w", err)
		}
		return nil, -1, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	page := &Page{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Validators: Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}}
	switch {
	case resp.StatusCode == http.StatusNotModified && (cond.ETag != "" || cond.LastModified != ""):
		page.NotModified = true
		page.Validators = mergeValidators(page.Validators, cond)
		return page, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, parseRetryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: url, Code: resp.StatusCode}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, -1, &StatusError{URL: url, Code: resp.StatusCode}
	}
	limit := f.opts.MaxBytes
	if resp.ContentLength > limit {
		return nil, -1, fmt.Errorf("%w: %s: %d bytes announced, the limit is %d bytes", ErrTooLarge, url, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, -1, fmt.Errorf("fetch: %s: %w", url, ctx.Err())
		}
		return nil, 0, fmt.Errorf("fetch: %s: reading the body: %w", url, err)
	}
	if int64(len(body)) > limit {
		return nil, -1, fmt.Errorf("%w: %s: more than %d bytes", ErrTooLarge, url, limit)
	}
	page.Body = body
	return page, 0, nil
}

func mergeValidators(got, sent Validators) Validators {
	if got.ETag == "" {
		got.ETag = sent.ETag
	}
	if got.LastModified == "" {
		got.LastModified = sent.LastModified
	}
	return got
}

// retryable reports whether a transport error is worth another attempt:
// timeouts and failed or reset connections.
func retryable(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// parseRetryAfter reads a Retry-After header in seconds or as a date; 0 if
// absent or unreadable.
func parseRetryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Article fetches a page and reads it as an article whose Doc and Path
// are the URL asked for. With cond, an unchanged page returns a nil
// article and a NotModified page.
func (f *Fetcher) Article(ctx context.Context, url string, cond Validators) (*source.Article, *Page, error) {
	page, err := f.Get(ctx, url, cond)
	if err != nil {
		return nil, nil, err
	}
	if page.NotModified {
		return nil, page, nil
	}
	a, err := source.Parse(url, url, page.Body, page.ContentType, source.Options{MaxBytes: f.opts.MaxBytes})
	return a, page, err
}
