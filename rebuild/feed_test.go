package rebuild

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// newsSite is a loopback news site: an RSS feed, an Atom feed with full
// text, article pages (with ETags), and broken resources.
type newsSite struct {
	srv      *httptest.Server
	mu       sync.Mutex
	rssItems []int // generated article numbers listed in the RSS feed, newest first
	broken   bool  // /feeds/broken.xml is invalid XML
	hits     map[string]int
	full     atomic.Int32 // 200 answers to article pages
}

func newNewsSite(t *testing.T, items ...int) *newsSite {
	s := &newsSite{rssItems: items, broken: true, hits: map[string]int{}}
	release := make(chan struct{})
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve(release)))
	t.Cleanup(func() { close(release); s.srv.Close() })
	return s
}

func (s *newsSite) url(path string) string { return s.srv.URL + path }

func (s *newsSite) setItems(items ...int) {
	s.mu.Lock()
	s.rssItems = items
	s.mu.Unlock()
}

func (s *newsSite) serve(release chan struct{}) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		items := append([]int{}, s.rssItems...)
		broken := s.broken
		s.mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/feeds/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, rssFeed(items))
		case p == "/feeds/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprint(w, atomFeed(70, 71))
		case p == "/feeds/broken.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			if broken {
				fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed</title><item><title>cut off`)
			} else {
				fmt.Fprint(w, rssFeed([]int{80}))
			}
		case p == "/news/500.html":
			http.Error(w, "internal error", http.StatusInternalServerError)
		case p == "/news/slow.html":
			select { // longer than the fetch timeout
			case <-r.Context().Done():
			case <-release:
			case <-time.After(5 * time.Second):
			}
		case p == "/news/huge.html":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><article>"+strings.Repeat("<p>Filler text about nothing at all.</p>", 10000)+"</article></body></html>")
		case strings.HasPrefix(p, "/news/"):
			var i int
			if _, err := fmt.Sscanf(p, "/news/%d.html", &i); err != nil {
				http.NotFound(w, r)
				return
			}
			body := page(i)
			sum := sha256.Sum256([]byte(body))
			etag := `"` + hex.EncodeToString(sum[:8]) + `"`
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			s.full.Add(1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		default:
			http.NotFound(w, r)
		}
	}
}

// rssFeed lists generated articles as RSS items linking (relatively) to
// their pages.
func rssFeed(items []int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Monitor</title><link>/</link><description>test</description>
`)
	for n, i := range items {
		title := strings.SplitN(text(i), "\n", 2)[0]
		fmt.Fprintf(&b, "<item><title>%s</title><link>/news/%d.html</link><guid>lm-%d</guid><pubDate>%s</pubDate></item>\n",
			html.EscapeString(title), i, i, time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).Add(-time.Duration(n)*time.Hour).Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// atomFeed carries generated articles' full text in its entries.
func atomFeed(items ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Wire</title><id>urn:loopback</id><updated>2024-03-01T12:00:00Z</updated>
`)
	for _, i := range items {
		paras := strings.Split(strings.TrimSpace(text(i)), "\n\n")
		var content strings.Builder
		for _, p := range paras[1:] {
			content.WriteString("<p>" + html.EscapeString(p) + "</p>")
		}
		fmt.Fprintf(&b, "<entry><title>%s</title><id>urn:loopback:%d</id><link href=\"https://wire.example/%d\"/><updated>2024-03-01T12:00:00Z</updated><content type=\"html\">%s</content></entry>\n",
			html.EscapeString(paras[0]), i, i, html.EscapeString(content.String()))
	}
	b.WriteString("</feed>\n")
	return b.String()
}

func TestFeedsAndPages(t *testing.T) {
	site := newNewsSite(t, 60, 61, 62)
	e := newEnv(t,
		config.Source{Name: "monitor", Feed: site.url("/feeds/rss.xml")},
		config.Source{Name: "wire", Feed: site.url("/feeds/atom.xml"), Items: "content"},
		config.Source{Name: "broken", Feed: site.url("/feeds/broken.xml")},
		config.Source{Name: "pages", URLs: []string{site.url("/news/63.html"), site.url("/news/500.html"), site.url("/news/slow.html"), site.url("/news/huge.html"), site.url("/news/missing.html")}},
	)
	e.fetch = testFetch
	r := e.rebuilder
	sum, err := r().Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// 3 RSS items + 2 Atom entries + 1 good page; the broken feed and 4
	// broken pages fail, and nothing else is held up by them.
	check(t, "first run", sum, 6, 0, 0, 0, 5)
	if n := e.x.take(); n != 6 {
		t.Errorf("%d extractions, want 6", n)
	}
	errs := strings.Join(sum.Errors, "\n")
	for _, want := range []string{"broken.xml: not a readable RSS or Atom feed", "500.html: HTTP 500", "slow.html", "huge.html", "file too large", "missing.html: HTTP 404"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	if site.hits["/news/500.html"] != 2 || site.hits["/news/missing.html"] != 1 {
		t.Errorf("500 fetched %d times (want 2: one retry), 404 %d times (want 1)", site.hits["/news/500.html"], site.hits["/news/missing.html"])
	}
	got := e.quads()
	for _, i := range []int{60, 61, 62, 63} {
		if !hasLabel(got, source.ContentID([]byte(page(i)))) {
			t.Errorf("article %d missing from the graph", i)
		}
	}

	// Second run: pages answer 304, nothing is extracted; the broken feed
	// is retried and now loads.
	site.mu.Lock()
	site.broken = false
	site.mu.Unlock()
	fullBefore := site.full.Load()
	sum, err = r().Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	check(t, "second run", sum, 1, 0, 0, 6, 4)
	if n := e.x.take(); n != 1 {
		t.Errorf("%d extractions on the second run, want 1 (the feed that came back)", n)
	}
	if n := site.full.Load() - fullBefore; n != 1 {
		t.Errorf("%d full page downloads on the second run, want 1 (the others answer 304)", n)
	}

	// A new item arrives and the oldest leaves the feed: the new one is
	// added, the old one stays in the graph (feeds show only their latest
	// items).
	site.setItems(64, 60, 61)
	sum, err = r().Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	check(t, "new item", sum, 1, 0, 0, 6, 4)
	got = e.quads()
	if !hasLabel(got, source.ContentID([]byte(page(64)))) || !hasLabel(got, source.ContentID([]byte(page(62)))) {
		t.Error("the new item is missing, or the item that left the feed was removed")
	}
	// A source removed from the configuration takes its articles along.
	e.sources = e.sources[:1]
	sum, err = r().Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Removed != 4 || sum.Failed != 0 {
		t.Errorf("after removing three sources: %+v", sum)
	}
}

// TestScheduledServePicksUpNewArticle is the "done when": a server
// with a schedule picks up a new article from a feed without a restart,
// while Gizmo queries run against it without error.
func TestScheduledServePicksUpNewArticle(t *testing.T) {
	ctx := context.Background()
	site := newNewsSite(t, 90)
	e := newEnv(t, config.Source{Name: "monitor", Feed: site.url("/feeds/rss.xml")})
	// The server starts on what an earlier rebuild made.
	e.run()
	h, err := graph.OpenHandle(ctx, e.store())
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	e.handle = h
	reg, m := NewRegistry()
	rb := e.rebuilder()
	rb.opts.Metrics = m
	s, err := NewScheduler("@every 1s", rb, nil)
	if err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int32
	var runErr atomic.Value
	s.OnRun = func(_ Summary, err error) {
		runs.Add(1)
		if err != nil {
			runErr.Store(err.Error())
		}
	}
	s.Start()
	defer s.Stop()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var queries, failures atomic.Int32
	var firstErr atomic.Value
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, err := h.Query(ctx, `g.V("<ng:entity/iraq>").In().Count()`, graph.QueryOptions{Timeout: 5 * time.Second})
				queries.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}

	newLabel := schemaLabel(page(91))
	site.setItems(91, 90)
	deadline := time.Now().Add(20 * time.Second)
	found := false
	for !found && time.Now().Before(deadline) {
		res, err := h.Query(ctx, `g.V("`+newLabel+`").Out("<ng:source>").All()`, graph.QueryOptions{Timeout: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		found = len(res) == 1
		time.Sleep(100 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if !found {
		t.Fatalf("the new article never showed up in the served graph (%d scheduled runs, last error %v)", runs.Load(), runErr.Load())
	}
	if failures.Load() > 0 {
		t.Errorf("%d of %d queries failed while generations were swapped; first: %v", failures.Load(), queries.Load(), firstErr.Load())
	}
	if h.Generation() == "gen-000001" {
		t.Error("the server still serves the first generation")
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, mf := range mfs {
		seen[mf.GetName()] = true
	}
	for _, name := range []string{"newsgraph_rebuild_duration_seconds", "newsgraph_rebuild_articles_total", "newsgraph_store_quads", "newsgraph_rebuilds_total"} {
		if !seen[name] {
			t.Errorf("metric %s not gathered", name)
		}
	}
	t.Logf("%d scheduled runs, %d queries during them", runs.Load(), queries.Load())
}

func schemaLabel(body string) string {
	return "<ng:article/" + source.ContentID([]byte(body)) + ">"
}

// testFetch gives up quickly on the slow and broken pages of the test site.
var testFetch = fetch.Options{Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10, Retries: 1, Backoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}

// TestCredentialsMasked runs a rebuild of sources whose URLs carry a
// password: the source names, the errors and the recorded status never
// show it.
func TestCredentialsMasked(t *testing.T) {
	site := newNewsSite(t, 60)
	withPassword := func(p string) string { return strings.Replace(site.url(p), "://", "://user:secret@", 1) }
	e := newEnv(t,
		config.Source{Feed: withPassword("/feeds/broken.xml")},
		config.Source{URLs: []string{withPassword("/news/missing.html")}},
	)
	e.fetch = testFetch
	sum, err := e.rebuilder().Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(sum)
	if strings.Contains(string(b), "secret") || !strings.Contains(string(b), "user:xxxxx@") {
		t.Errorf("summary: %s", b)
	}
	if b, _ := os.ReadFile(StatusPath(e.dataDir)); strings.Contains(string(b), "secret") {
		t.Errorf("status file: %s", b)
	}
}
