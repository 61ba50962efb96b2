package rebuild

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

func TestRelativePaths(t *testing.T) {
	rel := relativePaths("/srv/newsgraph")
	for _, tt := range []struct{ in, want string }{
		{"/srv/newsgraph/store/gen-3/quads.bin: short read", "store/gen-3/quads.bin: short read"},
		{`open "/srv/newsgraph/rebuild/lock": busy`, `open "rebuild/lock": busy`},
		{"/home/analyst/news/a.html: not UTF-8", ".../a.html: not UTF-8"},
		{"source /home/analyst/news (dir): 3 read", "source .../news (dir): 3 read"},
		{"/srv/newsgraph-old/x", ".../x"},
		{"fetch http://host/feed/a: 404", "fetch http://host/feed/a: 404"},
		{"no path here", "no path here"},
	} {
		if got := rel(tt.in); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStatusHidesSecretsAndPaths serves a status whose last run names a
// feed with a password and files by absolute path, as a status file
// written before masking might: GET /status shows neither.
func TestStatusHidesSecretsAndPaths(t *testing.T) {
	dataDir := t.TempDir()
	src := "/home/analyst/news"
	recorded := Status{Runs: 1, LastRun: &Run{Error: "fetch http://user:secret@feeds.example/rss: timeout", Summary: Summary{
		Errors: []string{src + "/a.html: not UTF-8", filepath.Join(dataDir, "store", "gen-2") + ": no space left"},
		Sources: []SourceResult{
			{Name: "http://user:secret@feeds.example/rss", Kind: "feed", Error: `Get "http://user:secret@feeds.example/rss": timeout`},
			{Name: src, Kind: "dir"},
		},
	}}}
	b, _ := json.Marshal(recorded)
	os.MkdirAll(filepath.Dir(StatusPath(dataDir)), 0o755)
	if err := os.WriteFile(StatusPath(dataDir), b, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(StatusHandler(dataDir, graph.Config{Backend: graphtest.Volatile(t)}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, leak := range []string{"secret", src, dataDir} {
		if strings.Contains(string(body), leak) {
			t.Errorf("/status shows %q:\n%s", leak, body)
		}
	}
	for _, want := range []string{"http://user:xxxxx@feeds.example/rss", ".../a.html", `"store/gen-2: no space left"`, `".../news"`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/status lacks %q:\n%s", want, body)
		}
	}
	// The CLI's status, on the user's own terminal, keeps full paths but
	// not the password.
	s, err := ReadStatus(dataDir, graph.Config{Backend: graphtest.Volatile(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := json.Marshal(s); strings.Contains(string(got), "secret") || !strings.Contains(string(got), src) {
		t.Errorf("ReadStatus: %s", got)
	}
}
