package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/graph/server"
)

func (a *app) serveCmd() *cobra.Command {
	var allowWrites, allowRemoteWrites, noIndex bool
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT]",
		Short: "Serve the explorer, the Cayley HTTP API and web console, and path queries, on the store",
		Long: `Serve the store over HTTP: the explorer (/explore/: search by any spelling of
a name, entity cards with their evidence, timelines, paths and neighbourhood
graphs), Cayley's v2 API (/api/v2/query, /api/v2/read, ...), its web console
for Gizmo (open the address in a browser), and newsgraph's own routes:
/api/path, /api/neighbors, /api/timeline, /api/resolve and /api/entity.

The server listens on serve.addr (--addr; loopback only by default) and is
read-only: writes through the API answer 403 unless --allow-writes is given,
and writes on a non-loopback address also need --allow-remote-writes. With
writes allowed, the server prints a token at start: writes must carry it
(Authorization: Bearer TOKEN, or the console opened at /?token=TOKEN) and
be N-Quads (Content-Type: application/n-quads).

Only the server's own pages may call its API: a request whose Origin is
another site's is refused (serve.allowed_origins adds sites), and so is a
request that names the server by any name but its address or localhost
(serve.allowed_hosts adds names), which stops DNS rebinding.

Queries stop after query.timeout, return at most query.limit rows, and are
stopped when they take the server's heap query.max_memory_bytes past what
it was. The list routes (/api/incidents, /api/conflicts, /api/timeline,
/api/map) answer with at most query.max_items items, and say when they cut
one. Each client may have serve.client_requests requests in flight
(more answer 429), all clients together serve.requests (503).

While it runs, the server records its address in the data directory
(<data_dir>/serve.json). The embedded store (bolt) admits one process, so
the server holds it: newsgraph query, repl, path, neighbors and timeline
run from another shell find it locked and go through the server. A server
backend (postgres) is shared: those commands open the database themselves.
It stops gracefully on SIGINT or SIGTERM, letting queries in flight finish.

With --schedule (rebuild.schedule) the server also rebuilds the store from
its sources on that cron schedule and switches to each new generation
without a restart (see newsgraph rebuild); without it, it follows rebuilds
run elsewhere. GET /status reports the last rebuild, GET /metrics serves
Prometheus metrics.`,
		Example: `  newsgraph serve
  newsgraph serve --addr 127.0.0.1:8080 --allow-writes
  newsgraph serve --schedule "*/15 * * * *"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			addr := a.cfg.Serve.Addr
			loopback := server.IsLoopback(addr)
			if allowWrites && !loopback && !allowRemoteWrites {
				return fmt.Errorf("--allow-writes on %s, which other machines can reach, also needs --allow-remote-writes", addr)
			}
			if allowRemoteWrites && !allowWrites {
				return errors.New("--allow-remote-writes needs --allow-writes")
			}
			ctx := cmd.Context()
			cfg := a.storeConfig(false)
			h, err := graph.OpenHandle(ctx, cfg)
			if err != nil {
				return err
			}
			defer h.Close()
			opts := server.HTTPOptions{
				AllowedHosts: a.cfg.Serve.AllowedHosts, AllowedOrigins: a.cfg.Serve.AllowedOrigins,
				ClientRequests: a.cfg.Serve.ClientRequests, Requests: a.cfg.Serve.Requests,
			}
			if err := opts.Check(); err != nil {
				return err
			}
			srv, err := server.New(server.Config{
				Handle: h, AllowWrites: allowWrites, QueryTimeout: a.cfg.Query.Timeout,
				QueryLimit: a.cfg.Query.Limit, QueryMemory: a.cfg.Query.MaxMemoryBytes, MaxItems: a.cfg.Query.MaxItems,
				Index: !noIndex, HTTP: opts, Log: a.log,
			})
			if err != nil {
				return err
			}
			// Runs before h.Close: the index builds let go of the store.
			defer srv.Engine().Stop()
			handler, stopSchedule, err := a.serveOps(h, srv)
			if err != nil {
				return err
			}
			defer stopSchedule()
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			url := "http://" + ln.Addr().String()
			if cfg.Capabilities().Generations && cfg.Path != "" {
				// Rebuilds run elsewhere make a new generation live; follow them.
				go h.Follow(ctx, cfg, a.cfg.Rebuild.Reload, func(err error) { a.log.Warn("following generations", "err", err) })
			}
			if dir := a.cfg.DataDir; dir != "" && cfg.Capabilities().Persistent {
				// In the data directory, which every backend has (a server
				// backend has no store directory).
				err := os.MkdirAll(dir, 0o755)
				var remove func()
				if err == nil {
					remove, err = server.WriteAddrFile(dir, url)
				}
				if err != nil {
					ln.Close()
					return err
				}
				defer remove()
			}
			if allowWrites {
				// Like Jupyter's: the address with the token is the way in
				// for the console; API clients send the token as a header.
				fmt.Fprintf(a.stdout, "newsgraph: serving %s (writes allowed); console at %s/\n", cfg.Describe(), url)
				fmt.Fprintf(a.stdout, "newsgraph: writes need this token (Authorization: Bearer TOKEN); open the console with it:\n    %s/?token=%s\n", url, srv.WriteToken())
			} else {
				fmt.Fprintf(a.stdout, "newsgraph: serving %s (read-only); console at %s/\n", cfg.Describe(), url)
			}
			if !loopback {
				a.log.Warn("listening on a non-loopback address: other machines can query this store", "addr", addr)
			}
			return server.ServeHandler(ctx, ln, handler, opts, a.cfg.Query.Timeout, 10*time.Second)
		},
	}
	cmd.Flags().String("addr", "", "listen address HOST:PORT (serve.addr; default 127.0.0.1:64210)")
	cmd.Flags().BoolVar(&allowWrites, "allow-writes", false, "accept writes through the API (/api/v2/write, /delete)")
	cmd.Flags().BoolVar(&allowRemoteWrites, "allow-remote-writes", false, "with --allow-writes, allow them on a non-loopback address")
	cmd.Flags().BoolVar(&noIndex, "no-path-index", false, "do not keep the path index in memory (path queries read the store)")
	cmd.Flags().Duration("timeout", 0, "query timeout (query.timeout)")
	cmd.Flags().Int("limit", 0, "maximum number of results per query (query.limit)")
	cmd.Flags().String("schedule", "", `rebuild on this cron schedule, e.g. "*/15 * * * *" or "@every 10m" (rebuild.schedule)`)
	return cmd
}

// pathBackend answers path, neighbourhood and timeline queries: an engine
// on the store, or, when a server holds the store, that server.
type pathBackend interface {
	Paths(ctx context.Context, req server.PathRequest) (*path.Result, error)
	Neighbors(ctx context.Context, name string, opts path.NeighborOptions) (*server.NeighborsResult, error)
	Timeline(ctx context.Context, name string) (*server.TimelineResult, error)
	Map(ctx context.Context, opts server.MapOptions) (*server.MapResult, error)
	Conflicts(ctx context.Context, name string) (*server.ConflictsResult, error)
	Incidents(ctx context.Context, name, since string) (*server.IncidentsResult, error)
}

// pathBackend opens the store, or connects to the server that holds it.
func (a *app) pathBackend(ctx context.Context) (pathBackend, func(), error) {
	eng, _, done, err := a.engine(ctx)
	if errors.Is(err, graph.ErrLocked) {
		c, derr := a.viaServer(ctx)
		if derr != nil {
			return nil, nil, fmt.Errorf("%w, and %v", err, derr)
		}
		return c, func() {}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return eng, done, nil
}

// viaServer returns a client of the server recorded in the data
// directory. Commands call it when the store is locked by another process
// (graph.ErrLocked, which only the embedded store reports); query does the
// same for Gizmo queries.
func (a *app) viaServer(ctx context.Context) (*server.Client, error) {
	c, err := server.Dial(ctx, a.cfg.DataDir)
	if err != nil {
		return nil, err
	}
	a.log.Info("the store is held by a server; querying it", "url", c.Base)
	return c, nil
}
