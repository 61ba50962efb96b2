package redact

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestSecrets(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"http://user:secret@host/feed", "http://user:xxxxx@host/feed"},
		{"https://user:s3cr%40t@host:8443/rss?x=1", "https://user:xxxxx@host:8443/rss?x=1"},
		{`fetch "http://a:b@h/x": dial tcp: refused; retry http://c:d@h2/`, `fetch "http://a:xxxxx@h/x": dial tcp: refused; retry http://c:xxxxx@h2/`},
		{"postgres://ng:secret@db:5432/ng?sslmode=disable", "postgres://ng:xxxxx@db:5432/ng?sslmode=disable"},
		{"http://:secret@host/", "http://:xxxxx@host/"},
		// Nothing secret: unchanged.
		{"http://user@host/feed", "http://user@host/feed"},
		{"http://host:8080/feed", "http://host:8080/feed"},
		{"http://host/a:b@c", "http://host/a:b@c"},
		{"mail me: user:pass@example.org", "mail me: user:pass@example.org"},
		{"/srv/news/a.txt: not UTF-8", "/srv/news/a.txt: not UTF-8"},
	} {
		if got := Secrets(tt.in); got != tt.want {
			t.Errorf("Secrets(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHandler(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(Handler(slog.NewTextHandler(&buf, nil))).With("source", "http://u:p1@h/feed")
	log.Info("fetching http://u:p2@h/feed", "err", errors.New(`Get "http://u:p3@h/feed": timeout`),
		slog.Group("src", "url", "http://u:p4@h/feed"), "n", 3)
	out := buf.String()
	for _, p := range []string{"p1", "p2", "p3", "p4"} {
		if strings.Contains(out, ":"+p+"@") {
			t.Errorf("password %s logged: %s", p, out)
		}
	}
	if !strings.Contains(out, "n=3") || strings.Count(out, ":xxxxx@") != 4 {
		t.Errorf("log line: %s", out)
	}
}
