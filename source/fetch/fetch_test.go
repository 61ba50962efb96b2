package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

func testdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newFetcher returns a Fetcher with short timeouts and backoffs for tests.
func newFetcher(opts Options) *Fetcher {
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Second
	}
	if opts.Backoff == 0 {
		opts.Backoff = 5 * time.Millisecond
		opts.MaxBackoff = 20 * time.Millisecond
	}
	return New(opts)
}

func TestGetRetriesServerErrors(t *testing.T) {
	var hits atomic.Int32
	var agent atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agent.Store(r.UserAgent())
		switch n := hits.Add(1); {
		case n == 1:
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case n == 2:
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		default:
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte("hello"))
		}
	}))
	defer srv.Close()
	f := newFetcher(Options{Retries: 3, UserAgent: "newsgraph-test/1 (+https://example.org)"})
	page, err := f.Get(context.Background(), srv.URL, Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if string(page.Body) != "hello" || page.Attempts != 3 || hits.Load() != 3 {
		t.Errorf("body %q after %d attempts (%d hits), want hello after 3", page.Body, page.Attempts, hits.Load())
	}
	if agent.Load() != "newsgraph-test/1 (+https://example.org)" {
		t.Errorf("User-Agent = %v", agent.Load())
	}
}

func TestGetGivesUpAfterRetries(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Error(w, "boom", http.StatusInternalServerError)
	}))
	defer srv.Close()
	_, err := newFetcher(Options{Retries: 2}).Get(context.Background(), srv.URL, Validators{})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 500 {
		t.Fatalf("err = %v, want a 500 StatusError", err)
	}
	if hits.Load() != 3 {
		t.Errorf("%d requests, want 3 (1 + 2 retries)", hits.Load())
	}
}

func TestGetDoesNotRetryClientErrors(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.NotFound(w, r)
	}))
	defer srv.Close()
	_, err := newFetcher(Options{Retries: 3}).Get(context.Background(), srv.URL, Validators{})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 || hits.Load() != 1 {
		t.Errorf("err = %v after %d requests, want one 404", err, hits.Load())
	}
}

func TestGetTimesOut(t *testing.T) {
	var hits atomic.Int32
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		select { // hang until the client gives up (or the test ends)
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	_, err := newFetcher(Options{Timeout: 100 * time.Millisecond, Retries: 1}).Get(context.Background(), srv.URL, Validators{})
	if err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if hits.Load() != 2 {
		t.Errorf("%d attempts, want 2 (a timeout is retried once)", hits.Load())
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestGetRefusesOversizedBodies(t *testing.T) {
	big := strings.Repeat("x", 4096)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			// No Content-Length: the limit must be found while reading.
			w.Header().Set("Content-Type", "text/plain")
			for i := 0; i < 4; i++ {
				w.Write([]byte(big[:1024]))
				w.(http.Flusher).Flush()
			}
			return
		}
		w.Write([]byte(big))
	}))
	defer srv.Close()
	f := newFetcher(Options{MaxBytes: 1000})
	for _, path := range []string{"/announced", "/chunked"} {
		_, err := f.Get(context.Background(), srv.URL+path, Validators{})
		if !errors.Is(err, ErrTooLarge) || !errors.Is(err, source.ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", path, err)
		}
	}
	if _, err := f.Get(context.Background(), srv.URL+"/chunked", Validators{}); err == nil {
		t.Error("oversized body accepted")
	}
	if _, err := newFetcher(Options{MaxBytes: 4096}).Get(context.Background(), srv.URL+"/chunked", Validators{}); err != nil {
		t.Errorf("a body of exactly the limit was refused: %v", err)
	}
}

func TestConditionalGet(t *testing.T) {
	var full atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 12 Feb 2024 09:30:00 GMT")
		w.Write(testdata(t, "article.html"))
	}))
	defer srv.Close()
	f := newFetcher(Options{})
	a, page, err := f.Article(context.Background(), srv.URL+"/a.html", Validators{})
	if err != nil || a == nil {
		t.Fatal(err)
	}
	if page.Validators.ETag != `"v1"` || page.Validators.LastModified == "" {
		t.Errorf("validators = %+v", page.Validators)
	}
	a2, page2, err := f.Article(context.Background(), srv.URL+"/a.html", page.Validators)
	if err != nil || a2 != nil || !page2.NotModified || full.Load() != 1 {
		t.Errorf("conditional fetch: article %v, not modified %v, err %v, full answers %d", a2, page2 != nil && page2.NotModified, err, full.Load())
	}
}

func TestArticleExtractsMainText(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(testdata(t, "article.html"))
	}))
	defer srv.Close()
	url := srv.URL + "/news/tanf-drone.html"
	a, _, err := newFetcher(Options{}).Article(context.Background(), url, Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Doc != url || a.Path != url {
		t.Errorf("doc %q path %q, want the URL", a.Doc, a.Path)
	}
	if !strings.Contains(a.Text, "A drone attacked the Tanf garrison") || !strings.Contains(a.Text, "Kataib Hezbollah") {
		t.Errorf("main text missing: %q", a.Text)
	}
	for _, noise := range []string{"Subscribe", "Markets close higher", "All rights reserved"} {
		if strings.Contains(a.Text, noise) {
			t.Errorf("page furniture %q kept in the text: %q", noise, a.Text)
		}
	}
	if !strings.Contains(a.Title, "Drone attack reported at Tanf garrison") {
		t.Errorf("title = %q", a.Title)
	}
}

func TestFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feeds/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(testdata(t, "rss.xml"))
		case "/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			w.Write(testdata(t, "atom.xml"))
		case "/invalid.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(testdata(t, "invalid.xml"))
		case "/page.html":
			w.Write(testdata(t, "article.html"))
		}
	}))
	defer srv.Close()
	f := newFetcher(Options{})
	ctx := context.Background()

	rss, err := f.Feed(ctx, srv.URL+"/feeds/rss.xml", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if rss.Title != "Border Monitor" || len(rss.Items) != 3 {
		t.Fatalf("rss: %q with %d items", rss.Title, len(rss.Items))
	}
	if got := rss.Items[0].Link; got != srv.URL+"/news/tanf-drone.html" {
		t.Errorf("relative link resolved to %q, want it against the feed's URL", got)
	}
	if !rss.Items[0].Published.After(rss.Items[1].Published) {
		t.Error("items not newest first")
	}
	if !strings.Contains(rss.Items[1].Content, "Ain al-Asad air base in Anbar") {
		t.Errorf("content:encoded not taken: %q", rss.Items[1].Content)
	}
	a, err := ItemArticle(rss.Items[1], source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Doc != "https://border-monitor.example/news/ain-al-asad-rockets.html" || !strings.Contains(a.Text, "Islamic Resistance in Iraq") {
		t.Errorf("item article: doc %q text %q", a.Doc, a.Text)
	}

	atom, err := f.Feed(ctx, srv.URL+"/atom.xml", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if atom.Title != "Levant Wire" || len(atom.Items) != 2 || atom.Items[0].Link != srv.URL+"/2024/02/kh-suspends.html" {
		t.Fatalf("atom: %q, items %+v", atom.Title, atom.Items)
	}
	if a, err := ItemArticle(atom.Items[1], source.Options{}); err != nil || !strings.Contains(a.Text, "Harir base in Erbil") {
		t.Errorf("atom item article: %v, %v", a, err)
	}

	for _, bad := range []string{"/invalid.xml", "/page.html"} {
		if _, err := f.Feed(ctx, srv.URL+bad, Validators{}); err == nil || !strings.Contains(err.Error(), "not a readable RSS or Atom feed") {
			t.Errorf("%s: err = %v, want a feed parse error", bad, err)
		}
	}
}

func TestDelayGrowsWithJitterAndCap(t *testing.T) {
	f := New(Options{Backoff: 100 * time.Millisecond, MaxBackoff: time.Second})
	for attempt, want := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		want *= time.Millisecond
		for i := 0; i < 50; i++ {
			d := f.delay(attempt, 0)
			if d < want/2 || d > want {
				t.Fatalf("attempt %d: delay %s outside [%s, %s]", attempt, d, want/2, want)
			}
		}
	}
	if d := f.delay(0, 10*time.Second); d != time.Second {
		t.Errorf("Retry-After of 10s gave %s, want the 1s cap", d)
	}
	if d := f.delay(0, 700*time.Millisecond); d != 700*time.Millisecond {
		t.Errorf("Retry-After of 700ms gave %s", d)
	}
}
