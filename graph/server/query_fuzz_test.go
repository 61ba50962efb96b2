package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzParseQuery feeds the query route's request parsing whatever a
// client may send: any method, query string, Accept header and body. It
// must never panic, and whatever it accepts must be a query the server
// can run within its budgets; whatever it refuses must carry a status
// and a message.
//
//	go test ./graph/server -run '^$' -fuzz FuzzParseQuery -fuzztime 30s
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []struct{ method, rawQuery, accept, body string }{
		{"POST", "lang=gizmo", "", `g.V().All()`},
		{"POST", "lang=gizmo&limit=2", "application/ld+json", `g.V("<ng:entity/jordan>").Out().All()`},
		{"GET", "lang=gizmo&qu=g.V().All()", "application/json, */*", ""},
		{"POST", "lang=graphql", "", `{ nodes { id } }`},
		{"POST", "", "", `g.V()`},
		{"PUT", "lang=gizmo", "", `g.V()`},
		{"POST", "lang=gizmo&limit=-1", "", `g.V()`},
		{"POST", "lang=gizmo&limit=99999999999999999999", "", `g.V()`},
		{"POST", "lang=gizmo&lang=mql", ";;;", "   \n\t"},
		{"POST", "lang=%zz", "application/ld+json;q=0.5", "\x00\xff"},
		{"GET", "lang=gizmo&qu=" + url.QueryEscape(strings.Repeat("x", 2<<20)), "", ""},
	} {
		f.Add(seed.method, seed.rawQuery, seed.accept, seed.body)
	}
	const maxRows = 1000
	f.Fuzz(func(t *testing.T, method, rawQuery, accept, body string) {
		r := &http.Request{Method: method, URL: &url.URL{Path: "/api/v2/query", RawQuery: rawQuery},
			Header: http.Header{"Accept": {accept}}, Body: http.NoBody}
		if body != "" {
			r.Body = readCloser{strings.NewReader(body)}
		}
		req, err := parseQuery(r, maxRows)
		if err != nil {
			var re *requestError
			if !errors.As(err, &re) || re.code < 400 || re.code > 499 || re.msg == "" {
				t.Fatalf("error without a client status: %#v", err)
			}
			return
		}
		if strings.TrimSpace(req.Query) == "" || len(req.Query) > maxQueryBytes {
			t.Fatalf("accepted a query of %d bytes", len(req.Query))
		}
		if req.Limit <= 0 || req.Limit > maxRows {
			t.Fatalf("accepted a limit of %d rows", req.Limit)
		}
	})
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }
