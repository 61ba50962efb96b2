package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/analysis"
	"github.com/newsgraph/newsgraph/graph"
	_ "github.com/newsgraph/newsgraph/graph/all" // every backend, by name
	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

func ent(id, typ string, m ...string) schema.Entity {
	return schema.Entity{ID: id, Type: typ, Name: id, Mentions: append([]string{id}, m...)}
}

func testRecords() []schema.Record {
	return []schema.Record{{
		Doc: "a1", Article: schema.Article{ID: "a1", Source: "a1", Title: "Tower 22", Outlet: "Example Wire", Date: "2024-01-28"},
		Entities: []schema.Entity{
			ent("Kata'ib Hezbollah", schema.ArmedGroup, "Kataib Hezbollah"),
			ent("Islamic Resistance in Iraq", schema.Coalition),
			ent("Islamic Resistance in Lebanon", schema.ArmedGroup),
			ent("Tower 22", schema.MilitaryBase),
			ent("Jordan", schema.Country),
		},
		Facts: []schema.Fact{
			{S: "Kata'ib Hezbollah", P: "member_of", O: "Islamic Resistance in Iraq", Kind: schema.Reported, Evidence: "KH is part of the IRI."},
			{S: "Tower 22", P: "located_in", O: "Jordan", Kind: schema.Stated, Evidence: "Tower 22 is in Jordan."},
		},
		Events: []schema.Event{{ID: "a1-attack", Type: schema.EvAttack, Agent: "Islamic Resistance in Iraq", Target: "Tower 22", Date: "2024-01-28", Kind: schema.Claimed, Evidence: "The IRI claimed the attack."}},
	}}
}

// start serves a fresh bolt store of testRecords on a loopback port.
func start(t *testing.T, cfg Config) (base string, stop func()) {
	t.Helper()
	return startRecords(t, cfg, testRecords(), false)
}

// startRecords serves a fresh bolt store of records on a loopback port;
// with analyze, after the analysis has linked their events into
// incidents, as a build does.
func startRecords(t *testing.T, cfg Config, records []schema.Record, analyze bool) (base string, stop func()) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	var touched []quad.Value
	for _, r := range records {
		qs, _ := schema.ToQuads(r, "test")
		if _, err := st.Replace(ctx, nil, qs); err != nil {
			t.Fatal(err)
		}
		touched = append(touched, schema.ArticleIRI(r.Article.ID))
	}
	if analyze {
		if _, err := analysis.Update(ctx, st, func(ctx context.Context, labels []quad.Value, quads []quad.Quad) error {
			_, err := st.Replace(ctx, labels, quads)
			return err
		}, touched, analysis.Options{Window: analysis.DefaultWindow}); err != nil {
			t.Fatal(err)
		}
	}
	h := graph.NewHandle(st, "")
	cfg.Handle = h
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln, 5*time.Second) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		// A connection the test's client opened but never used is new
		// to the server, and shutdown waits up to 5 s for new ones:
		// the client closes them first, as a browser would go away.
		http.DefaultClient.CloseIdleConnections()
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		h.Close()
	}
	t.Cleanup(stop)
	return "http://" + ln.Addr().String(), stop
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func post(t *testing.T, u, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(u, "text/plain", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestConsoleAssets(t *testing.T) {
	base, _ := start(t, Config{})
	code, page := get(t, base+"/")
	if code != 200 || !strings.Contains(page, "<div id=\"root\">") {
		t.Fatalf("GET /: %d %.200s", code, page)
	}
	// Client-side routes get the page too.
	if code, body := get(t, base+"/visualize"); code != 200 || body != page {
		t.Errorf("GET /visualize: %d", code)
	}
	for p, b := range (&console{}).filesFor(t) {
		for _, bad := range []string{"localhost:64210", "cdn.jsdelivr.net", "fonts.googleapis.com"} {
			if strings.Contains(p, ".map") {
				continue
			}
			if strings.Contains(string(b), bad) {
				t.Errorf("%s still refers to %s", p, bad)
			}
		}
	}
	for _, p := range []string{"/vendor/monaco/vs/loader.js", "/vendor/monaco/vs/editor/editor.main.js", "/vendor/material-icons.css", "/vendor/material-icons.woff2", "/gizmo.d.ts"} {
		if code, _ := get(t, base+p); code != 200 {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	if code, _ := get(t, base+"/static/js/nope.js"); code != 404 {
		t.Errorf("missing asset: %d, want 404", code)
	}
}

// filesFor loads the console as the server does.
func (*console) filesFor(t *testing.T) map[string][]byte {
	c, err := loadConsole(true)
	if err != nil {
		t.Fatal(err)
	}
	return c.files
}

func TestCayleyAPIReadOnly(t *testing.T) {
	base, _ := start(t, Config{QueryLimit: 10, QueryTimeout: time.Second})
	code, body := post(t, base+"/api/v2/query?lang=gizmo", `g.V("<ng:entity/kataib-hezbollah>").Out("<ng:member_of>").All()`)
	if code != 200 || !strings.Contains(body, "ng:entity/islamic-resistance-in-iraq") {
		t.Fatalf("query: %d %s", code, body)
	}
	code, body = post(t, base+"/api/v2/write", `<ng:entity/a> <ng:allied_with> <ng:entity/b> .`)
	if code != http.StatusForbidden || !strings.Contains(body, "read-only") {
		t.Errorf("write on a read-only server: %d %s", code, body)
	}
	if code, _ := post(t, base+"/api/v2/delete", `<ng:entity/kataib-hezbollah> <ng:member_of> <ng:entity/islamic-resistance-in-iraq> <ng:article/a1> .`); code != http.StatusForbidden {
		t.Errorf("delete on a read-only server: %d", code)
	}
	if code, _ := post(t, base+"/api/v2/query?lang=gizmo", `while(true){}`); code == 200 {
		t.Errorf("endless query answered 200")
	}
}

func TestWritesInvalidatePaths(t *testing.T) {
	base, _ := start(t, Config{AllowWrites: true, WriteToken: testToken, Index: true})
	c := &Client{Base: base, HTTP: http.DefaultClient}
	ctx := context.Background()
	if _, err := c.Paths(ctx, PathRequest{From: "Jordan", To: "Islamic Resistance in Lebanon"}); err != nil {
		t.Fatal(err)
	}
	res, _ := c.Paths(ctx, PathRequest{From: "Jordan", To: "Islamic Resistance in Lebanon"})
	if len(res.Paths) != 0 {
		t.Fatalf("paths before the write: %+v", res.Paths)
	}
	code, body := send(t, "POST", base+"/api/v2/write", `<ng:entity/jordan> <ng:allied_with> <ng:entity/islamic-resistance-in-lebanon> <ng:article/w> .`, writeHeaders)
	if code != 200 {
		t.Fatalf("write: %d %s", code, body)
	}
	res, err := c.Paths(ctx, PathRequest{From: "Jordan", To: "Islamic Resistance in Lebanon"})
	if err != nil || len(res.Paths) != 1 || res.Paths[0].Hops[0].Predicate != "allied_with" {
		t.Fatalf("after the write: %+v, %v", res, err)
	}
}

func TestPathRoute(t *testing.T) {
	base, _ := start(t, Config{Index: true})
	code, body := get(t, base+"/api/path?from=Kataib+Hizbollah&to=tower+22&k=2")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var res struct {
		Paths []struct {
			Hops []map[string]any `json:"hops"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Paths) == 0 || len(res.Paths[0].Hops) != 3 {
		t.Fatalf("paths: %s", body)
	}
	for _, h := range res.Paths[0].Hops {
		for _, k := range []string{"from", "predicate", "to", "kind", "evidence", "article"} {
			if s, _ := h[k].(string); s == "" {
				t.Errorf("hop without %s: %v", k, h)
			}
		}
	}
	c := &Client{Base: base, HTTP: http.DefaultClient}
	_, err := c.Paths(context.Background(), PathRequest{From: "Islamic Resistance", To: "Jordan"})
	var amb *names.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("ambiguous name through the client: %v", err)
	}
	if code, _ := get(t, base+"/api/path?from=Jordan"); code != 400 {
		t.Errorf("missing to: %d", code)
	}
	if code, _ := get(t, base+"/api/path?from=Jordan&to=Tower+22&hub_limit=many"); code != 400 {
		t.Errorf("hub_limit not a number: %d", code)
	}
	if code, body := get(t, base+"/api/path?from=Kataib+Hizbollah&to=tower+22&hub_limit=-1"); code != 200 || !strings.Contains(body, `"Islamic Resistance in Iraq"`) {
		t.Errorf("hub_limit=-1: %d %s", code, body)
	}
	if code, body := get(t, base+"/api/timeline?name=Tower+22"); code != 200 || !strings.Contains(body, `"Attack"`) {
		t.Errorf("timeline: %d %s", code, body)
	}
	if code, body := get(t, base+"/api/neighbors?name=Jordan&hops=2"); code != 200 || !strings.Contains(body, "Tower 22") {
		t.Errorf("neighbors: %d %s", code, body)
	}
	if code, body := get(t, base+"/api/conflicts"); code != 200 || !strings.Contains(body, `"contradictions":[]`) {
		t.Errorf("conflicts: %d %s", code, body)
	}
	if code, _ := get(t, base+"/api/conflicts?name=Nowhere+At+All"); code != 404 {
		t.Errorf("conflicts around an unknown name: %d", code)
	}
	// The test records report no happening twice: no incidents, but
	// their filters are checked all the same.
	for _, tt := range []struct {
		query string
		code  int
		want  string
	}{
		{"", 200, `"incidents":[]`},
		{"?name=Tower+22&since=2024-01", 200, `"incidents":[]`},
		{"?since=24-01-28", 400, "not a date"},
		{"?name=Nowhere+At+All", 404, "not_found"},
	} {
		if code, body := get(t, base+"/api/incidents"+tt.query); code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("/api/incidents%s: %d %s, want %d and %q", tt.query, code, body, tt.code, tt.want)
		}
	}
}

func TestShape(t *testing.T) {
	base, _ := start(t, Config{})
	code, body := post(t, base+"/api/v1/shape/gizmo", `g.V("<ng:entity/kataib-hezbollah>").Tag("group").Out("<ng:member_of>").In("<ng:agent>").All()`)
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var sh Shape
	if err := json.Unmarshal([]byte(body), &sh); err != nil {
		t.Fatal(err)
	}
	if len(sh.Nodes) != 5 || len(sh.Links) != 2 || sh.Nodes[0].Tags[0] != "group" || !sh.Nodes[1].IsLinkNode || sh.Nodes[1].Values[0] != "<ng:member_of>" {
		t.Errorf("shape %s", body)
	}
	// In() points the link back at the node it starts from.
	if l := sh.Links[1]; l.Target != 2 || l.Source != 4 {
		t.Errorf("In link %+v", l)
	}
	if code, body := post(t, base+"/api/v1/shape/gizmo", `g.V(`); code != 400 || !strings.Contains(body, "error") {
		t.Errorf("syntax error: %d %s", code, body)
	}
}

func TestGracefulShutdown(t *testing.T) {
	base, stop := start(t, Config{})
	// A request in flight when shutdown starts still completes. The loop
	// outlasts the 50 ms before shutdown and, on a loaded machine, stays
	// well inside the 5 s the shutdown waits.
	done := make(chan int, 1)
	go func() {
		code, _ := post(t, base+"/api/v2/query?lang=gizmo", `var n = 0; for (var i = 0; i < 1e6; i++) { n += i }; g.Emit(n)`)
		done <- code
	}()
	time.Sleep(50 * time.Millisecond)
	stop()
	if code := <-done; code != 200 {
		t.Errorf("request in flight during shutdown: %d", code)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:64210": true, "localhost:1": true, "[::1]:80": true, ":64210": false, "0.0.0.0:1": false, "10.0.0.5:1": false, "127.0.0.1": false} {
		if IsLoopback(addr) != want {
			t.Errorf("IsLoopback(%q) = %v", addr, !want)
		}
	}
}

func TestAddrFile(t *testing.T) {
	base, _ := start(t, Config{})
	dir := t.TempDir()
	if _, err := Dial(context.Background(), dir); !errors.Is(err, ErrNoServer) {
		t.Errorf("no file: %v", err)
	}
	remove, err := WriteAddrFile(dir, base)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Dial(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := c.Query(context.Background(), `g.V("<ng:entity/tower-22>").Out("<ng:located_in>").All()`, graph.QueryOptions{Distinct: true})
	if err != nil || len(rows.Rows) != 1 {
		t.Errorf("query through the client: %v %v", rows, err)
	}
	remove()
	if _, err := Dial(context.Background(), dir); !errors.Is(err, ErrNoServer) {
		t.Errorf("after remove: %v", err)
	}
	WriteAddrFile(dir, "http://127.0.0.1:1")
	if _, err := Dial(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "does not answer") {
		t.Errorf("dead server: %v", err)
	}
}
