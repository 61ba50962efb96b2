package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// A server on loopback is still reachable from every web page the user
// opens: a page may post to http://127.0.0.1:64210 (a "simple" request
// needs no CORS preflight, so the browser sends it and only hides the
// answer), and a name the attacker controls may be re-pointed at 127.0.0.1
// (DNS rebinding), which makes the attacker's page same-origin with the
// server. HTTPOptions and protect close both: every request must name the
// server by an address it is bound to (or a configured name), and every
// API request sent by a browser must come from the server's own pages (or
// a configured origin). They also bound what one client can hold: request
// size, time and requests in flight.

// Defaults of HTTPOptions.
const (
	DefaultClientRequests = 16       // requests in flight per client address
	DefaultRequests       = 64       // requests in flight in all
	DefaultMaxBodyBytes   = 16 << 20 // request body
	DefaultMaxHeaderBytes = 64 << 10
	DefaultReadHeader     = 10 * time.Second
	DefaultRead           = 30 * time.Second // headers and body
	DefaultIdle           = 60 * time.Second
	// writeSlack is how much longer than the query timeout a response may
	// take to write: a query that just made its deadline still gets its
	// answer out.
	writeSlack = 30 * time.Second
)

// HTTPOptions say whom the server answers and how much it takes from
// each client. Zero fields get the defaults above.
type HTTPOptions struct {
	// AllowedHosts are names (host, or host:port) the server may be
	// reached by besides the address it is bound to (serve.allowed_hosts):
	// the name of a reverse proxy, or of the machine.
	AllowedHosts []string
	// AllowedOrigins are origins (scheme://host[:port]) whose pages may
	// call the API besides the server's own (serve.allowed_origins).
	AllowedOrigins []string
	ClientRequests int   // requests in flight per client IP; more answer 429
	Requests       int   // requests in flight in all; more answer 503
	MaxBodyBytes   int64 // larger request bodies answer 413
	ReadHeader     time.Duration
	Read           time.Duration // to read a whole request, body included
	Write          time.Duration // to write a response; 0: the query timeout + 30 s
	Idle           time.Duration // keep-alive connections idle longer are closed
}

func (o HTTPOptions) withDefaults(queryTimeout time.Duration) HTTPOptions {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.ClientRequests, DefaultClientRequests)
	def(&o.Requests, DefaultRequests)
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	defDur(&o.ReadHeader, DefaultReadHeader)
	defDur(&o.Read, DefaultRead)
	defDur(&o.Idle, DefaultIdle)
	defDur(&o.Write, max(queryTimeout, 30*time.Second)+writeSlack)
	return o
}

// Check reports the first invalid entry of the allowed hosts and origins.
func (o HTTPOptions) Check() error {
	for _, h := range o.AllowedHosts {
		if h == "" || strings.ContainsAny(h, "/ ") {
			return fmt.Errorf("serve.allowed_hosts: %q is not a host name or host:port", h)
		}
	}
	for _, s := range o.AllowedOrigins {
		if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" {
			return fmt.Errorf("serve.allowed_origins: %q is not an origin such as http://analyst.example:8080", s)
		}
	}
	return nil
}

// guard checks every request before the server sees it.
type guard struct {
	next    http.Handler
	boundIP net.IP // nil or unspecified: bound to every interface
	port    string
	hosts   map[string]bool // configured names, lower case, with or without port
	origins map[string]bool
	limit   *inflight
	maxBody int64
}

func protect(next http.Handler, addr net.Addr, o HTTPOptions) *guard {
	g := &guard{next: next, hosts: map[string]bool{}, origins: map[string]bool{},
		limit: newInflight(o.ClientRequests, o.Requests), maxBody: o.MaxBodyBytes}
	if host, port, err := net.SplitHostPort(addr.String()); err == nil {
		g.boundIP, g.port = net.ParseIP(host), port
	}
	for _, h := range o.AllowedHosts {
		g.hosts[strings.ToLower(h)] = true
	}
	for _, s := range o.AllowedOrigins {
		g.origins[strings.ToLower(strings.TrimSuffix(s, "/"))] = true
	}
	return g
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.hostAllowed(r.Host) {
		writeJSON(w, http.StatusMisdirectedRequest, errorBody{Error: fmt.Sprintf("this server does not answer to the name %q; add it to serve.allowed_hosts if it is yours", r.Host), Kind: "host"})
		return
	}
	if guarded(r) {
		if err := g.checkOrigin(r); err != nil {
			writeJSON(w, http.StatusForbidden, errorBody{Error: err.Error(), Kind: "origin"})
			return
		}
	}
	release, code := g.limit.acquire(clientIP(r))
	if code != 0 {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, code, errorBody{Error: "too many requests in flight; retry shortly", Kind: "busy"})
		return
	}
	defer release()
	if r.ContentLength > g.maxBody {
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{Error: fmt.Sprintf("request body over %d bytes", g.maxBody), Kind: "too_large"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, g.maxBody)
	g.next.ServeHTTP(w, r)
}

// guarded reports whether a request must come from an allowed origin:
// anything that is not a plain read of a console page or asset. API reads
// are guarded too: a query from another site could not read its answer,
// but it would still run, and queries are what costs.
func guarded(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return true
	}
	p := r.URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/status" || p == "/metrics"
}

// hostAllowed is the DNS-rebinding guard: a rebinding attack reaches the
// server under the attacker's name, so only names that cannot be
// re-pointed by someone else are answered: an IP address the server is
// bound to, localhost, and the configured names. The port must be the
// server's own, except for configured names given without a port.
func (g *guard) hostAllowed(hostport string) bool {
	hostport = strings.ToLower(hostport)
	if g.hosts[hostport] {
		return true
	}
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = strings.Trim(hostport, "[]"), ""
	}
	if g.hosts[host] {
		return true
	}
	if port != g.port {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return false
	case g.boundIP == nil || g.boundIP.IsUnspecified():
		return true // bound to every interface: any of its addresses
	case g.boundIP.IsLoopback():
		return ip.IsLoopback()
	}
	return ip.Equal(g.boundIP)
}

// checkOrigin admits a request whose Origin is the server's own (the
// Host it was sent to, already checked) or a configured one. Without an
// Origin, a browser's Fetch Metadata still tells a cross-site request
// apart; clients other than browsers (curl, the CLI) send neither.
func (g *guard) checkOrigin(r *http.Request) error {
	o := r.Header.Get("Origin")
	if o == "" {
		switch site := r.Header.Get("Sec-Fetch-Site"); site {
		case "", "same-origin", "none":
			return nil
		default:
			return fmt.Errorf("a %s request without an Origin is refused", site)
		}
	}
	lo := strings.ToLower(o)
	if g.origins[lo] {
		return nil
	}
	if u, err := url.Parse(lo); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host == strings.ToLower(r.Host) {
		return nil
	}
	return fmt.Errorf("requests from pages of %q are refused; add the origin to serve.allowed_origins if it is yours", o)
}

// clientIP is the address a request comes from. Behind a proxy every
// client shares the proxy's address, which is then what is limited.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// inflight counts requests in flight, per client and in all.
type inflight struct {
	perClient, total int
	mu               sync.Mutex
	n                int
	byClient         map[string]int
}

func newInflight(perClient, total int) *inflight {
	return &inflight{perClient: perClient, total: total, byClient: map[string]int{}}
}

// acquire admits a request, or returns the status to refuse it with:
// 429 when its client has too many in flight, 503 when the server has.
func (l *inflight) acquire(client string) (release func(), code int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.byClient[client] >= l.perClient:
		return nil, http.StatusTooManyRequests
	case l.n >= l.total:
		return nil, http.StatusServiceUnavailable
	}
	l.n++
	l.byClient[client]++
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.n--
		if l.byClient[client]--; l.byClient[client] == 0 {
			delete(l.byClient, client)
		}
	}, 0
}

// ServeHandler serves h on ln behind the guard (hosts, origins, requests
// in flight, body size) with the timeouts of o, until ctx ends; then it
// shuts down gracefully: it stops accepting, lets requests in flight
// finish (up to grace), and returns. queryTimeout sets the default write
// timeout.
func ServeHandler(ctx context.Context, ln net.Listener, h http.Handler, o HTTPOptions, queryTimeout, grace time.Duration) error {
	if err := o.Check(); err != nil {
		return err
	}
	o = o.withDefaults(queryTimeout)
	hs := &http.Server{
		Handler:           protect(h, ln.Addr(), o),
		ReadHeaderTimeout: o.ReadHeader,
		ReadTimeout:       o.Read,
		WriteTimeout:      o.Write,
		IdleTimeout:       o.Idle,
		MaxHeaderBytes:    DefaultMaxHeaderBytes,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("server: shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
