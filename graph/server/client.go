package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/path"
	"github.com/newsgraph/newsgraph/names"
)

// AddrFileName is the file a running server writes into newsgraph's data
// directory (on every backend: a server backend has no store directory),
// so that other newsgraph processes, finding an embedded store locked,
// know where to send their queries.
const AddrFileName = "serve.json"

// AddrInfo is the content of the address file.
type AddrInfo struct {
	URL string `json:"url"`
	PID int    `json:"pid"`
}

// WriteAddrFile records the server's URL in dir and returns a func that
// removes the file again (only if it is still this process's).
func WriteAddrFile(dir, serverURL string) (remove func(), err error) {
	b, _ := json.Marshal(AddrInfo{URL: serverURL, PID: os.Getpid()})
	p := filepath.Join(dir, AddrFileName)
	if err := graph.WriteFileAtomic(p, b); err != nil {
		return nil, err
	}
	return func() {
		if cur, err := os.ReadFile(p); err == nil && bytes.Equal(cur, b) {
			os.Remove(p)
		}
	}, nil
}

// ErrNoServer is returned when no server address is recorded for a store.
var ErrNoServer = errors.New("no newsgraph server is recorded for this store")

// Dial returns a client for the server recorded in dir, after checking
// that it answers.
func Dial(ctx context.Context, dir string) (*Client, error) {
	b, err := os.ReadFile(filepath.Join(dir, AddrFileName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoServer
	}
	if err != nil {
		return nil, err
	}
	var info AddrInfo
	if err := json.Unmarshal(b, &info); err != nil || info.URL == "" {
		return nil, fmt.Errorf("server: unreadable %s: %v", AddrFileName, err)
	}
	c := &Client{Base: info.URL, HTTP: &http.Client{}}
	var st map[string]any
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := c.get(pctx, "/api/status", nil, &st); err != nil {
		return nil, fmt.Errorf("the server recorded in %s (%s, pid %d) does not answer: %w", filepath.Join(dir, AddrFileName), info.URL, info.PID, err)
	}
	return c, nil
}

// Client sends queries to a running newsgraph server.
type Client struct {
	Base string // http://host:port
	HTTP *http.Client
}

// Query runs a Gizmo query through the Cayley API (/api/v2/query), with
// opts' limit and Distinct (the server folds identical rows unless asked
// for all); the timeout is the context's.
func (c *Client) Query(ctx context.Context, q string, opts graph.QueryOptions) (graph.Rows, error) {
	v := url.Values{"lang": {"gizmo"}}
	if opts.Limit > 0 {
		v.Set("limit", strconv.Itoa(opts.Limit))
	}
	if !opts.Distinct {
		v.Set("all", "1")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/api/v2/query?"+v.Encode(), strings.NewReader(q))
	if err != nil {
		return graph.Rows{}, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return graph.Rows{}, err
	}
	defer resp.Body.Close()
	var out struct {
		queryReply
		errorBody
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return graph.Rows{}, fmt.Errorf("server: reply to a query: %w", err)
	}
	switch {
	case out.Kind == "timeout":
		return graph.Rows{}, graph.ErrTimeout
	case out.Error != "":
		return graph.Rows{}, errors.New(out.Error)
	}
	if out.Result == nil {
		out.Result = []any{}
	}
	return graph.Rows{Rows: out.Result, Truncated: out.Truncated, ReadCut: out.ReadCut, Folded: out.Folded}, nil
}

// Paths asks the server for paths (GET /api/path).
func (c *Client) Paths(ctx context.Context, req PathRequest) (*path.Result, error) {
	v := url.Values{"from": {req.From}, "to": {req.To}}
	if req.K > 0 {
		v.Set("k", strconv.Itoa(req.K))
	}
	if req.MaxHops > 0 {
		v.Set("max_hops", strconv.Itoa(req.MaxHops))
	}
	if req.HubLimit != 0 {
		v.Set("hub_limit", strconv.Itoa(req.HubLimit))
	}
	if len(req.Via) > 0 {
		v.Set("via", strings.Join(req.Via, ","))
	}
	var res path.Result
	return &res, c.get(ctx, "/api/path", v, &res)
}

// Neighbors asks the server for a neighbourhood (GET /api/neighbors).
func (c *Client) Neighbors(ctx context.Context, name string, opts path.NeighborOptions) (*NeighborsResult, error) {
	v := url.Values{"name": {name}, "hops": {strconv.Itoa(opts.Hops)}, "limit": {strconv.Itoa(opts.Limit)}}
	var res NeighborsResult
	return &res, c.get(ctx, "/api/neighbors", v, &res)
}

// Map asks the server for placed events (GET /api/map).
func (c *Client) Map(ctx context.Context, opts MapOptions) (*MapResult, error) {
	v := url.Values{"since": {opts.Since}, "until": {opts.Until}, "near": {opts.Near},
		"km": {strconv.FormatFloat(opts.Km, 'g', -1, 64)}, "limit": {strconv.Itoa(opts.Limit)}}
	var res MapResult
	return &res, c.get(ctx, "/api/map", v, &res)
}

// Timeline asks the server for a timeline (GET /api/timeline).
func (c *Client) Timeline(ctx context.Context, name string) (*TimelineResult, error) {
	var res TimelineResult
	return &res, c.get(ctx, "/api/timeline", url.Values{"name": {name}}, &res)
}

// get fetches a JSON route; error replies become the errors the engine
// would have returned in-process (ambiguous and unknown names included).
// Conflicts asks the server for contradictions (GET /api/conflicts).
func (c *Client) Conflicts(ctx context.Context, name string) (*ConflictsResult, error) {
	var res ConflictsResult
	v := url.Values{}
	if name != "" {
		v.Set("name", name)
	}
	return &res, c.get(ctx, "/api/conflicts", v, &res)
}

// Incidents asks the server for incidents (GET /api/incidents).
func (c *Client) Incidents(ctx context.Context, name, since string) (*IncidentsResult, error) {
	var res IncidentsResult
	v := url.Values{}
	if name != "" {
		v.Set("name", name)
	}
	if since != "" {
		v.Set("since", since)
	}
	return &res, c.get(ctx, "/api/incidents", v, &res)
}

func (c *Client) get(ctx context.Context, route string, v url.Values, out any) error {
	u := c.Base + route
	if len(v) > 0 {
		u += "?" + v.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		return json.Unmarshal(body, out)
	}
	var e errorBody
	if json.Unmarshal(body, &e) != nil || e.Error == "" {
		return fmt.Errorf("server: %s: %s", resp.Status, bytes.TrimSpace(body))
	}
	switch e.Kind {
	case "ambiguous":
		return &names.AmbiguousError{Name: e.Name, Candidates: e.Candidates}
	case "not_found":
		if e.Name != "" {
			return &names.NotFoundError{Name: e.Name, Nearest: e.Candidates}
		}
		return fmt.Errorf("%s: %w", e.Error, path.ErrNotFound)
	case "timeout":
		return graph.ErrTimeout
	}
	return errors.New(e.Error)
}
