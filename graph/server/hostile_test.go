package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The hostile-input suite: what a web page, a rebinding name, a careless
// query or a slow client can try against a server on loopback. Every
// case runs over real HTTP on a loopback port.

const testToken = "test-token"

var writeHeaders = map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "application/n-quads"}

// send makes one request. A "Host" entry sets the Host header.
func send(t *testing.T, method, u, body string, headers map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// planted is an N-Quads line that writes (or deletes) a quad unique to
// one case, so that the test can tell which requests changed the store.
func planted(i int) string {
	return fmt.Sprintf("<ng:entity/kataib-hezbollah> <ng:attacked> <ng:entity/planted-%d> <ng:article/csrf> .", i)
}

func hasPlanted(t *testing.T, base string, i int) bool {
	t.Helper()
	code, body := send(t, "POST", base+"/api/v2/query?lang=gizmo", fmt.Sprintf(`g.V("<ng:entity/planted-%d>").In("<ng:attacked>").All()`, i), nil)
	if code != 200 {
		t.Fatalf("checking the store: %d %s", code, body)
	}
	return strings.Contains(body, "kataib-hezbollah")
}

func TestGuardHostsAndOrigins(t *testing.T) {
	base, _ := start(t, Config{AllowWrites: true, WriteToken: testToken, QueryTimeout: 5 * time.Second,
		HTTP: HTTPOptions{AllowedHosts: []string{"graph.example"}, AllowedOrigins: []string{"http://analyst.example:8080"}}})
	u, _ := url.Parse(base)
	port := u.Port()
	own := "http://127.0.0.1:" + port
	query := `g.V("<ng:entity/jordan>").All()`
	for _, tt := range []struct {
		name         string
		method, path string
		body         string
		headers      map[string]string
		want         int
	}{
		// DNS rebinding: the attacker's name for 127.0.0.1.
		{"rebound name, delete", "POST", "/api/v2/delete", planted(0), map[string]string{"Host": "evil.example:" + port}, 421},
		{"rebound name, status", "GET", "/api/status", "", map[string]string{"Host": "evil.example:" + port}, 421},
		{"rebound name, console", "GET", "/", "", map[string]string{"Host": "evil.example:" + port}, 421},
		{"rebound name, query", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Host": "evil.example"}, 421},
		{"another port", "GET", "/api/status", "", map[string]string{"Host": "127.0.0.1:1"}, 421},
		{"a name ending like localhost", "GET", "/api/status", "", map[string]string{"Host": "localhost.evil.example:" + port}, 421},
		{"bound address", "GET", "/api/status", "", nil, 200},
		{"localhost", "GET", "/api/status", "", map[string]string{"Host": "localhost:" + port}, 200},
		{"IPv6 loopback", "GET", "/api/status", "", map[string]string{"Host": "[::1]:" + port}, 200},
		{"configured name", "GET", "/api/status", "", map[string]string{"Host": "graph.example"}, 200},
		// Pages of other sites.
		{"other origin, write", "POST", "/api/v2/write", planted(1), merge(writeHeaders, map[string]string{"Origin": "http://evil.example"}), 403},
		{"other origin, query", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": "http://evil.example"}, 403},
		{"other origin, path", "GET", "/api/path?from=Jordan&to=Tower+22", "", map[string]string{"Origin": "http://evil.example"}, 403},
		{"other origin, shape", "POST", "/api/v1/shape/gizmo", query, map[string]string{"Origin": "https://evil.example"}, 403},
		{"another port's origin", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": "http://127.0.0.1:1"}, 403},
		{"opaque origin", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": "null"}, 403},
		{"cross-site, no origin", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same-site, no origin", "GET", "/api/neighbors?name=Jordan", "", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"own origin, query", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": own, "Sec-Fetch-Site": "same-origin"}, 200},
		{"own origin by localhost", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": "http://localhost:" + port, "Host": "localhost:" + port}, 200},
		{"configured origin", "POST", "/api/v2/query?lang=gizmo", query, map[string]string{"Origin": "http://analyst.example:8080"}, 200},
		{"link from another site to the console", "GET", "/query", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := send(t, tt.method, base+tt.path, tt.body, tt.headers)
			if code != tt.want {
				t.Errorf("%d %.300s, want %d", code, body, tt.want)
			}
		})
	}
}

func merge(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func TestWriteToken(t *testing.T) {
	base, _ := start(t, Config{AllowWrites: true, WriteToken: testToken})
	// Cases are numbered: case i writes planted(i), which the store must
	// then hold exactly when the write was accepted.
	for i, tt := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"no token", map[string]string{"Content-Type": "application/n-quads"}, 401},
		{"wrong token", map[string]string{"Authorization": "Bearer nope", "Content-Type": "application/n-quads"}, 401},
		{"token in the wrong scheme", map[string]string{"Authorization": "Basic " + testToken, "Content-Type": "application/n-quads"}, 401},
		{"text/plain, as a page's form may post", map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "text/plain"}, 415},
		{"form-urlencoded", map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "application/x-www-form-urlencoded"}, 415},
		{"multipart form", map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "multipart/form-data; boundary=x"}, 415},
		{"no type", map[string]string{"Authorization": "Bearer " + testToken}, 415},
		{"bearer token, N-Quads", writeHeaders, 200},
		{"token header, N-Quads with charset", map[string]string{TokenHeader: testToken, "Content-Type": "application/n-quads; charset=utf-8"}, 200},
		{"console cookie", map[string]string{"Cookie": "newsgraph_token_" + portOfURL(base) + "=" + testToken, "Content-Type": "application/n-quads", "Origin": base}, 200},
		{"another server's cookie", map[string]string{"Cookie": "newsgraph_token_1=" + testToken, "Content-Type": "application/n-quads"}, 401},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := send(t, "POST", base+"/api/v2/write", planted(i), tt.headers)
			if code != tt.want {
				t.Errorf("%d %.300s, want %d", code, body, tt.want)
			}
			if got := hasPlanted(t, base, i); got != (tt.want == 200) {
				t.Errorf("quad written: %v, want %v", got, tt.want == 200)
			}
		})
	}
	// Deletes take the same checks.
	if code, _ := send(t, "POST", base+"/api/v2/delete", planted(7), map[string]string{"Content-Type": "application/n-quads"}); code != 401 || !hasPlanted(t, base, 7) {
		t.Errorf("delete without token: %d", code)
	}
	if code, body := send(t, "POST", base+"/api/v2/delete", planted(7), writeHeaders); code != 200 || hasPlanted(t, base, 7) {
		t.Errorf("delete with token: %d %s", code, body)
	}
}

func portOfURL(base string) string {
	u, _ := url.Parse(base)
	return u.Port()
}

func TestConsoleToken(t *testing.T) {
	base, _ := start(t, Config{AllowWrites: true, WriteToken: testToken})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirect.Get(base + "/query?token=" + testToken)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/query" {
		t.Errorf("open with the token: %s, Location %q", resp.Status, resp.Header.Get("Location"))
	}
	var c *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "newsgraph_token_"+portOfURL(base) {
			c = ck
		}
	}
	if c == nil || c.Value != testToken || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Errorf("token cookie %+v: want HttpOnly, SameSite=Strict", c)
	}
	if code, _ := get(t, base+"/?token=wrong"); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	// The console's own write page sends its quads as N-Quads.
	for p, b := range (&console{}).filesFor(t) {
		if strings.HasPrefix(p, "/static/js/main.") && strings.HasSuffix(p, ".js") {
			if n := strings.Count(string(b), `headers:{"Content-Type":"application/n-quads"}`); n != 2 {
				t.Errorf("%s: %d fetches send N-Quads, want 2 (write and delete)", p, n)
			}
		}
	}
}

func TestReadOnlyServerHasNoToken(t *testing.T) {
	base, _ := start(t, Config{})
	if code, body := send(t, "POST", base+"/api/v2/write", planted(0), writeHeaders); code != 403 || !strings.Contains(body, "read-only") {
		t.Errorf("write with a made-up token on a read-only server: %d %s", code, body)
	}
	if code, _ := get(t, base+"/?token="); code != 401 {
		t.Errorf("empty token on a read-only server: %d", code)
	}
}

func TestQueryBudgets(t *testing.T) {
	// Two servers: on one the memory budget stops runaway queries long
	// before the timeout, on the other the timeout stops them first.
	memBase, _ := start(t, Config{QueryTimeout: 20 * time.Second, QueryLimit: 3, QueryMemory: 16 << 20})
	timeBase, _ := start(t, Config{QueryTimeout: 300 * time.Millisecond, QueryMemory: 1 << 30})
	for _, tt := range []struct {
		name     string
		base     string
		path     string
		query    string
		want     int
		wantBody string
	}{
		{"doubling string", memBase, "/api/v2/query?lang=gizmo", `var s='x'; while(true) s+=s;`, 503, "query.max_memory_bytes raises it"},
		{"growing array", memBase, "/api/v2/query?lang=gizmo", `var a=[]; while(true) a.push({n: a.length});`, 503, "memory budget"},
		{"doubling string, query shape", memBase, "/api/v1/shape/gizmo", `var s='x'; while(true) s+=s;`, 503, "query.max_memory_bytes raises it"},
		{"rows cut to the limit", memBase, "/api/v2/query?lang=gizmo", `g.V().All()`, 200, ""},
		{"a query after the stopped ones", memBase, "/api/v2/query?lang=gizmo", `g.V("<ng:entity/jordan>").All()`, 200, "ng:entity/jordan"},
		{"endless loop", timeBase, "/api/v2/query?lang=gizmo", `while(true){}`, 504, "(query.timeout; newsgraph serve --timeout raises it)"},
		{"endless loop, query shape", timeBase, "/api/v1/shape/gizmo", `while(true){}`, 504, "(query.timeout; newsgraph serve --timeout raises it)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := send(t, "POST", tt.base+tt.path, tt.query, nil)
			if code != tt.want || !strings.Contains(body, tt.wantBody) {
				t.Errorf("%d %.300s, want %d with %q", code, body, tt.want, tt.wantBody)
			}
		})
	}
	for _, tt := range []struct {
		limit string
		rows  int
	}{{"", 3}, {"2", 2}, {"1000", 3}} {
		code, body := send(t, "POST", memBase+"/api/v2/query?lang=gizmo&limit="+tt.limit, `g.V().All()`, nil)
		if n := strings.Count(body, `"id"`); code != 200 || n != tt.rows {
			t.Errorf("limit=%s: %d, %d rows, want %d", tt.limit, code, n, tt.rows)
		}
	}
}

// TestMemoryGivenBack runs ten memory bombs at once: each is stopped, and
// afterwards the heap is back near where it was. They grow arrays, whose
// every push can be interrupted; a doubling string, which the budget
// stops less promptly (see budget.go), is in TestQueryBudgets.
func TestMemoryGivenBack(t *testing.T) {
	const budget = 4 << 20
	base, _ := start(t, Config{QueryTimeout: 20 * time.Second, QueryMemory: budget})
	send(t, "POST", base+"/api/v2/query?lang=gizmo", `g.V().All()`, nil) // warm up
	runtime.GC()
	before := heapLive()
	codes := make(chan int)
	for i := 0; i < 10; i++ {
		go func() {
			code, _ := send(t, "POST", base+"/api/v2/query?lang=gizmo", `var a=[]; while(true) a.push('x'+a.length);`, nil)
			codes <- code
		}()
	}
	for i := 0; i < 10; i++ {
		if code := <-codes; code != 503 {
			t.Errorf("a bomb answered %d", code)
		}
	}
	runtime.GC()
	if after := heapLive(); after > before+budget {
		t.Errorf("heap after ten stopped queries: %d MiB, before %d MiB", after>>20, before>>20)
	}
}

func TestPathCaps(t *testing.T) {
	base, _ := start(t, Config{})
	for _, tt := range []struct {
		path, want string
	}{
		{"/api/path?from=Jordan&to=Tower+22&k=1000000", "k 1000000 is over the limit of 100"},
		{"/api/path?from=Jordan&to=Tower+22&max_hops=9", "max hops 9 is over the limit of 8"},
		{"/api/path?from=Jordan&to=Tower+22&k=many", "want from, to"},
		{"/api/neighbors?name=Jordan&hops=9", "9 hops is over the limit of 8"},
		{"/api/neighbors?name=Jordan&limit=1000000", "over the limit of 10000"},
	} {
		if code, body := get(t, base+tt.path); code != 400 || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s, want 400 with %q", tt.path, code, body, tt.want)
		}
	}
}

// rawServer serves on a loopback port with the given options and
// returns its address.
func rawServer(t *testing.T, cfg Config) string {
	t.Helper()
	base, _ := start(t, cfg)
	return strings.TrimPrefix(base, "http://")
}

// closedWithin reports whether the server closes conn (or answers and
// closes) within d.
func closedWithin(t *testing.T, conn net.Conn, d time.Duration) bool {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return false
	}
	return true
}

func TestSlowClients(t *testing.T) {
	addr := rawServer(t, Config{HTTP: HTTPOptions{ReadHeader: 200 * time.Millisecond, Read: 500 * time.Millisecond, Idle: 300 * time.Millisecond}})
	for _, tt := range []struct {
		name string
		sent string // what the client sends, then stays silent
	}{
		{"never sends a header", ""},
		{"header cut short", "POST /api/v2/query?lang=gizmo HTTP/1.1\r\nHost: " + addr + "\r\n"},
		{"body trickles", "POST /api/v2/query?lang=gizmo HTTP/1.1\r\nHost: " + addr + "\r\nContent-Length: 1000000\r\n\r\ng"},
		{"idle keep-alive", "GET /api/status HTTP/1.1\r\nHost: " + addr + "\r\n\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			io.WriteString(conn, tt.sent)
			// The timeouts are under a second; ten is generous.
			if !closedWithin(t, conn, 10*time.Second) {
				t.Error("connection still open after 10 s")
			}
		})
	}
}

func TestRequestSizes(t *testing.T) {
	base, _ := start(t, Config{AllowWrites: true, WriteToken: testToken, HTTP: HTTPOptions{MaxBodyBytes: 1 << 20}})
	big := strings.Repeat(planted(0)+"\n", (2<<20)/len(planted(0)))
	if code, body := send(t, "POST", base+"/api/v2/write", big, writeHeaders); code != 413 {
		t.Errorf("2 MB write with a 1 MB limit: %d %.200s", code, body)
	}
	// Without a length, the body is cut where the limit is.
	req, _ := http.NewRequest("POST", base+"/api/v2/query?lang=gizmo", io.MultiReader(strings.NewReader("g.V()"), strings.NewReader(strings.Repeat(" ", 2<<20))))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("2 MB chunked query: %s", resp.Status)
	}
	if code, _ := send(t, "GET", base+"/api/status", "", map[string]string{"X-Padding": strings.Repeat("x", 128<<10)}); code != 431 {
		t.Errorf("128 KB header: %d", code)
	}
}

// TestConcurrencyLimits holds requests in flight with endless queries
// and checks that one client past its share gets 429, and that a second
// client (another loopback address) past the server's total gets 503.
func TestConcurrencyLimits(t *testing.T) {
	// The held queries outlive the waits below even on a loaded machine
	// (a short limit let a's two end before b's arrived); the test lets
	// them go by hanging up once it has seen the limits.
	base, _ := start(t, Config{QueryTimeout: 4 * time.Second, HTTP: HTTPOptions{ClientRequests: 2, Requests: 3}})
	from := func(ip string) *http.Client {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		return &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	}
	a, b := from("127.0.0.1"), from("127.0.0.2")
	// Runs before the server's shutdown (cleanups run last first): a
	// connection dialled for a request that was hung up on is new to the
	// server, which waits for new ones as start's stop explains.
	t.Cleanup(func() { a.CloseIdleConnections(); b.CloseIdleConnections() })
	held, hangUp := context.WithCancel(context.Background())
	defer hangUp()
	status := func(c *http.Client, method, body string) int {
		ctx := context.Background()
		if method == "POST" {
			ctx = held
		}
		req, _ := http.NewRequestWithContext(ctx, method, base+map[string]string{"GET": "/api/status", "POST": "/api/v2/query?lang=gizmo"}[method], strings.NewReader(body))
		resp, err := c.Do(req)
		if err != nil {
			if held.Err() == nil {
				t.Error(err)
			}
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	hold := func(c *http.Client) {
		go status(c, "POST", `while(true){}`)
	}
	waitFor := func(c *http.Client, want int) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if status(c, "GET", "") == want {
				return
			}
		}
		t.Fatalf("never answered %d", want)
	}
	hold(a)
	hold(a)
	waitFor(a, 429) // a's two are in flight: its third is refused
	if code := status(b, "GET", ""); code != 200 {
		t.Errorf("another client meanwhile: %d", code)
	}
	hold(b)
	waitFor(b, 503) // three in flight in all
	hangUp()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for ctx.Err() == nil && status(a, "GET", "") != 200 {
		time.Sleep(50 * time.Millisecond)
	}
	if ctx.Err() != nil {
		t.Error("the limits were not released when the queries ended")
	}
}

func TestHTTPOptionsCheck(t *testing.T) {
	for _, tt := range []struct {
		o  HTTPOptions
		ok bool
	}{
		{HTTPOptions{AllowedOrigins: []string{"http://analyst.example:8080", "https://graph.example"}, AllowedHosts: []string{"graph.example", "graph.example:8080"}}, true},
		{HTTPOptions{AllowedOrigins: []string{"analyst.example"}}, false},
		{HTTPOptions{AllowedOrigins: []string{"http://analyst.example/console"}}, false},
		{HTTPOptions{AllowedOrigins: []string{"*"}}, false},
		{HTTPOptions{AllowedHosts: []string{"http://graph.example"}}, false},
		{HTTPOptions{AllowedHosts: []string{""}}, false},
	} {
		if err := tt.o.Check(); (err == nil) != tt.ok {
			t.Errorf("%+v: %v", tt.o, err)
		}
	}
}
