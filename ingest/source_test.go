package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/source"
)

func TestParseSource(t *testing.T) {
	tests := []struct {
		arg     string
		want    config.Source
		wantErr string
	}{
		{arg: "testdata/seeds", want: config.Source{Dir: "testdata/seeds"}},
		{arg: "a:b.txt", want: config.Source{Dir: "a:b.txt"}}, // "a" is no kind: a path with a colon
		{arg: "https://example.org/news/1.html", want: config.Source{URLs: []string{"https://example.org/news/1.html"}}},
		{arg: "feed:https://example.org/rss.xml", want: config.Source{Feed: "https://example.org/rss.xml"}},
		{arg: "urls:http://example.org/a", want: config.Source{URLs: []string{"http://example.org/a"}}},
		{arg: "dir:https://x", want: config.Source{Dir: "https://x"}},
		{arg: "feed:/srv/rss.xml", wantErr: "not an http or https URL"},
		{arg: "feed:", wantErr: "no feed named"},
	}
	for _, tt := range tests {
		got, err := ParseSource(tt.arg)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseSource(%q) = %+v, %v; want an error with %q", tt.arg, got, err, tt.wantErr)
			}
		case err != nil || !reflect.DeepEqual(got, tt.want):
			t.Errorf("ParseSource(%q) = %+v, %v; want %+v", tt.arg, got, err, tt.want)
		}
	}
}

// TestKindsRegistered: each kind config.Source.Kind names is registered,
// and only feeds list some of their articles.
func TestKindsRegistered(t *testing.T) {
	if got := SourceKinds(); !reflect.DeepEqual(got, []string{"dir", "feed", "urls"}) {
		t.Errorf("kinds %v", got)
	}
	for _, name := range SourceKinds() {
		k, _ := SourceKind(name)
		if k.Partial != (name == "feed") {
			t.Errorf("%s: partial %v", name, k.Partial)
		}
	}
}

// listAll lists sources through List and reads each article.
func listAll(t *testing.T, env *Env, sources ...config.Source) (keys []string, failed []string) {
	t.Helper()
	err := List(context.Background(), env, sources, func(it Item) bool {
		if it.Err != nil {
			failed = append(failed, it.Err.Error())
			return true
		}
		art, err := it.Parse(context.Background())
		if err != nil {
			failed = append(failed, err.Error())
			return true
		}
		keys = append(keys, art.Path)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys, failed
}

func TestListKinds(t *testing.T) {
	mux := http.NewServeMux()
	page := func(title string) string {
		return "<html><head><title>" + title + "</title></head><body><article><p>" + title +
			" was reported by the ministry on Monday, officials said in a statement.</p></article></body></html>"
	}
	mux.HandleFunc("/news/1.html", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(page("Strike on a base"))) })
	mux.HandleFunc("/news/2.html", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(page("Talks in Baghdad"))) })
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Talks</title><link>/news/2.html</link></item>
<item><title>Linkless</title><guid>g-1</guid></item>
</channel></rss>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Militias attacked a base near Erbil on Monday, officials said."), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()

	keys, failed := listAll(t, DefaultEnv(),
		config.Source{Dir: dir},
		config.Source{URLs: []string{srv.URL + "/news/1.html", srv.URL + "/missing"}},
		config.Source{Feed: srv.URL + "/rss.xml"},
		config.Source{Dir: empty},
	)
	want := []string{filepath.Join(dir, "a.txt"), srv.URL + "/news/1.html", srv.URL + "/news/2.html"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("articles %v, want %v", keys, want)
	}
	// The missing page, the feed item with no link, the empty directory.
	if len(failed) != 3 || !strings.Contains(failed[0], "/missing") || !strings.Contains(failed[1], "no link") ||
		!strings.Contains(failed[2], empty) {
		t.Errorf("failures %q", failed)
	}
}

// TestDirRootFails: a directory that holds no article fails its source as
// a whole (rebuild then keeps what it held), with ErrNoArticles.
func TestDirRootFails(t *testing.T) {
	src, _, err := OpenSource(config.Source{Dir: t.TempDir()}, DefaultEnv())
	if err != nil {
		t.Fatal(err)
	}
	err = src.List(context.Background(), func(Item) bool { t.Error("an item of an empty directory"); return true })
	if !errors.Is(err, source.ErrNoArticles) {
		t.Errorf("List = %v, want ErrNoArticles", err)
	}
}
