package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/source"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeSchedulePicksUpFeedArticle is the "done when": a server
// started with --schedule picks up a new article from a feed and answers
// for it over the console's API, without a restart; /status and /metrics
// report the rebuilds.
func TestServeSchedulePicksUpFeedArticle(t *testing.T) {
	gen := corpus.New(5, 20)
	page := func(i int) string {
		paras := strings.Split(strings.TrimSpace(gen.Article(i).Text), "\n\n")
		var b strings.Builder
		fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>\n", html.EscapeString(paras[0]), html.EscapeString(paras[0]))
		for _, p := range paras[1:] {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString("</article><footer>All rights reserved.</footer></body></html>\n")
		return b.String()
	}
	var mu sync.Mutex
	items := []int{1}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/news/%d.html", &i); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page(i))
			return
		}
		if r.URL.Path != "/rss.xml" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title><link>/</link><description>t</description>`)
		for _, i := range items {
			fmt.Fprintf(w, "<item><title>Article %d</title><link>/news/%d.html</link></item>", i, i)
		}
		io.WriteString(w, "</channel></rss>")
	}))
	defer site.Close()

	c := newCLI(t)
	cfgFile := filepath.Join(t.TempDir(), "newsgraph.yaml")
	if err := os.WriteFile(cfgFile, []byte("sources:\n  - name: loopback\n    feed: "+site.URL+"/rss.xml\nfetch:\n  timeout: 5s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.mustRun("--config", cfgFile, "rebuild")

	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--config", cfgFile, "serve", "--addr", "127.0.0.1:0", "--no-path-index", "--schedule", "@every 1s"},
			strings.NewReader(""), &out, &errs, c.environ())
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, errs.String())
			}
		case <-time.After(20 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	urlRe := regexp.MustCompile(`console at (http://[^/\s]+)/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := urlRe.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, errs.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address: %q %q", out.String(), errs.String())
	}
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %s: %s", path, resp.Status, b)
		}
		return string(b)
	}
	query := func(q string) string {
		t.Helper()
		resp, err := http.Post(base+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(q))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("query: %s: %s", resp.Status, b)
		}
		return string(b)
	}

	newURL := site.URL + "/news/2.html"
	label := "<ng:article/" + source.ContentID([]byte(page(2))) + ">"
	if strings.Contains(query(`g.V("`+label+`").Out("<ng:source>").All()`), newURL) {
		t.Fatal("the new article is there before it was published")
	}
	mu.Lock()
	items = []int{2, 1}
	mu.Unlock()
	found := false
	for deadline := time.Now().Add(30 * time.Second); !found && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		found = strings.Contains(query(`g.V("`+label+`").Out("<ng:source>").All()`), newURL)
	}
	if !found {
		t.Fatalf("the new feed article never reached the served graph; status: %s\nlog: %s", get("/status"), errs.String())
	}
	status := get("/status")
	wants := []string{`"ok": true`, `"generation": "gen-`}
	if onPostgres(t) {
		wants = []string{`"ok": true`, `"mode": "in-place"`} // no generations
	}
	for _, want := range wants {
		if !strings.Contains(status, want) {
			t.Errorf("/status lacks %s:\n%s", want, status)
		}
	}
	metrics := get("/metrics")
	for _, want := range []string{"newsgraph_rebuild_duration_seconds_count", `newsgraph_rebuilds_total{outcome="ok"}`, "newsgraph_query_duration_seconds_bucket", "newsgraph_store_quads"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if !strings.Contains(get("/"), "<") {
		t.Error("the console page is not served")
	}
}
