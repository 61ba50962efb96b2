package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ng.yaml")
	if err := os.WriteFile(file, []byte("query:\n  limit: 50\nstore:\n  dsn: postgres://ng:secret@db:5432/ng\nextract:\n  llm:\n    api_key: sk-123\n    endpoint: https://u:secret@llm.example/v1\n"+
		"sources:\n  - feed: http://user:secret@host/feed\n  - urls: [\"https://user:secret@host/a\", \"https://host/b\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &cli{t: t, env: map[string]string{"NEWSGRAPH_QUERY_TIMEOUT": "5s"}}
	out := c.mustRun("--config", file, "--data-dir", "/srv/newsgraph", "config")
	if strings.Contains(out, "secret") || strings.Contains(out, "sk-123") {
		t.Errorf("config printed a secret:\n%s", out)
	}
	golden(t, "config/effective.yaml", out)
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("query:\n  limt: 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown key in file", nil, []string{"--config", bad, "config"}, `unknown key "query.limt"`},
		{"invalid env value", map[string]string{"NEWSGRAPH_QUERY_TIMEOUT": "later"}, []string{"config"}, "query.timeout"},
		{"misspelt env variable", map[string]string{"NEWSGRAPH_QUERY_TIMOUT": "5s"}, []string{"config"}, "unknown environment variable NEWSGRAPH_QUERY_TIMOUT (did you mean NEWSGRAPH_QUERY_TIMEOUT?)"},
		{"unknown backend flag", nil, []string{"--backend", "oracle", "config"}, "store.backend"},
		{"missing config file", nil, []string{"--config", filepath.Join(dir, "none.yaml"), "config"}, "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &cli{t: t, env: tt.env}
			_, errs, code := c.run(tt.args...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want failure naming %q", code, errs, tt.want)
			}
		})
	}
}
