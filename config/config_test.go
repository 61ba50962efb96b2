package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "newsgraph.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func flags(args ...string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.String("data-dir", "", "")
	fs.String("backend", "", "")
	fs.Duration("timeout", 0, "")
	fs.Int("limit", 0, "")
	if err := fs.Parse(args); err != nil {
		panic(err)
	}
	return fs
}

func TestPrecedence(t *testing.T) {
	file := writeFile(t, "data_dir: /from/file\nquery:\n  limit: 5\n  timeout: 1m\nstore:\n  backend: memory\n")
	env := map[string]string{"NEWSGRAPH_QUERY_LIMIT": "7", "NEWSGRAPH_DATA_DIR": "/from/env"}
	tests := []struct {
		name    string
		file    string
		env     map[string]string
		args    []string
		dataDir string
		limit   int
		timeout time.Duration
		backend string
	}{
		{"defaults", "", nil, nil, "", 1000, 30 * time.Second, "bolt"},
		{"file", file, nil, nil, "/from/file", 5, time.Minute, "memory"},
		{"env over file", file, env, nil, "/from/env", 7, time.Minute, "memory"},
		{"flags over env", file, env, []string{"--data-dir=/from/flag", "--limit=9", "--backend=bolt"}, "/from/flag", 9, time.Minute, "bolt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // no stray newsgraph.yaml
			c, err := Load(Options{File: tt.file, Flags: flags(tt.args...), Environ: environ(tt.env),
				Choices: map[string][]string{"store.backend": {"bolt", "memory"}}})
			if err != nil {
				t.Fatal(err)
			}
			if tt.dataDir != "" && c.DataDir != tt.dataDir {
				t.Errorf("data_dir = %q, want %q", c.DataDir, tt.dataDir)
			}
			if c.Query.Limit != tt.limit || c.Query.Timeout != tt.timeout || c.Store.Backend != tt.backend {
				t.Errorf("got limit %d timeout %s backend %s, want %d %s %s", c.Query.Limit, c.Query.Timeout, c.Store.Backend, tt.limit, tt.timeout, tt.backend)
			}
			if c.Store.Path != filepath.Join(c.DataDir, "store") {
				t.Errorf("store.path = %q, want it under data_dir %q", c.Store.Path, c.DataDir)
			}
		})
	}
}

func TestErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{"unknown top-level key", "dat_dir: /x\n", nil, `unknown key "dat_dir"`},
		{"unknown nested key", "store:\n  backnd: bolt\n", nil, `unknown key "store.backnd"`},
		{"bad duration", "query:\n  timeout: soon\n", nil, "query.timeout"},
		{"bad number", "", map[string]string{"NEWSGRAPH_QUERY_LIMIT": "many"}, "query.limit"},
		{"negative limit", "query:\n  limit: -1\n", nil, "query.limit: must be positive"},
		{"no list items", "", map[string]string{"NEWSGRAPH_QUERY_MAX_ITEMS": "0"}, "query.max_items: must be positive"},
		{"unknown backend", "store:\n  backend: oracle\n", nil, `store.backend: unknown value "oracle"`},
		{"bad log level", "log:\n  level: loud\n", nil, "log.level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			file := ""
			if tt.file != "" {
				file = writeFile(t, tt.file)
			}
			_, err := Load(Options{File: file, Environ: environ(tt.env),
				Choices: map[string][]string{"store.backend": {"bolt", "memory"}}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWorkingDirectoryFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(FileName, []byte("query:\n  limit: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(Options{Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Query.Limit != 3 {
		t.Errorf("limit = %d, want 3 from ./%s", c.Query.Limit, FileName)
	}
}

func TestKeysAndEnvNames(t *testing.T) {
	keys := strings.Join(Keys(), " ")
	for _, k := range []string{"data_dir", "store.backend", "store.dsn", "extract.llm.endpoint", "query.timeout", "serve.addr"} {
		if !strings.Contains(" "+keys+" ", " "+k+" ") {
			t.Errorf("Keys() lacks %s", k)
		}
	}
	if got := EnvName("store.backend"); got != "NEWSGRAPH_STORE_BACKEND" {
		t.Errorf("EnvName = %s", got)
	}
}

func TestSourcesFetchRebuild(t *testing.T) {
	t.Chdir(t.TempDir())
	file := writeFile(t, `sources:
  - dir: /srv/articles
  - name: wire
    urls: [https://example.org/a.html, http://example.org/b.txt]
  - feed: https://example.org/rss.xml
    items: content
    max_items: 20
fetch:
  timeout: 5s
  user_agent: test-agent
rebuild:
  schedule: "@every 10m"
`)
	c, err := Load(Options{File: file, Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 3 || c.Sources[0].Dir != "/srv/articles" || c.Sources[1].Name != "wire" ||
		len(c.Sources[1].URLs) != 2 || c.Sources[2].Feed != "https://example.org/rss.xml" ||
		c.Sources[2].Items != "content" || c.Sources[2].MaxItems != 20 {
		t.Errorf("sources = %+v", c.Sources)
	}
	if c.Fetch.Timeout != 5*time.Second || c.Fetch.UserAgent != "test-agent" || c.Fetch.Retries != 3 || c.Fetch.MaxBytes != 5<<20 {
		t.Errorf("fetch = %+v, want the file's timeout and user agent over the defaults", c.Fetch)
	}
	if c.Rebuild.Schedule != "@every 10m" || c.Rebuild.Keep != 1 {
		t.Errorf("rebuild = %+v", c.Rebuild)
	}
	// The schedule flag of serve lands in rebuild.schedule.
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.String("schedule", "", "")
	if err := fs.Parse([]string{"--schedule=*/5 * * * *"}); err != nil {
		t.Fatal(err)
	}
	c, err = Load(Options{File: file, Flags: fs, Environ: []string{}})
	if err != nil || c.Rebuild.Schedule != "*/5 * * * *" {
		t.Errorf("--schedule: %q, %v", c.Rebuild.Schedule, err)
	}
}

func TestSourcesErrorsNameTheKey(t *testing.T) {
	tests := []struct{ file, want string }{
		{"sources:\n  - dir: /a\n    feed: https://x.org/f\n", "sources[0]: set exactly one of dir, urls and feed"},
		{"sources:\n  - name: x\n", "sources[0]: set exactly one"},
		{"sources:\n  - dir: /a\n  - urls: [ftp://x.org/a]\n", "sources[1].urls[0]: must be an http or https URL"},
		{"sources:\n  - feed: x.org/rss\n", "sources[0].feed: must be an http or https URL"},
		{"sources:\n  - feed: https://x.org/rss\n    items: all\n", "sources[0].items"},
		{"sources:\n  - dir: /a\n    items: page\n", "sources[0].items: applies to feed sources only"},
		{"sources:\n  - dir: /a\n    name: n\n  - dir: /b\n    name: n\n", "sources[1].name"},
		{"sources:\n  - fed: https://x.org/rss\n", "invalid value for sources"},
		{"fetch:\n  retries: -1\n", "fetch.retries"},
		{"fetch:\n  max_bytes: 0\n", "fetch.max_bytes"},
		{"fetch:\n  backoff: 10s\n  max_backoff: 1s\n", "fetch.max_backoff"},
		{"rebuild:\n  schedule: every hour\n", "rebuild.schedule"},
		{"rebuild:\n  keep: -2\n", "rebuild.keep"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Chdir(t.TempDir())
			_, err := Load(Options{File: writeFile(t, tt.file), Environ: []string{}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// environ turns a map into os.Environ's form.
func environ(m map[string]string) []string {
	out := []string{}
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	return out
}

// TestEnvironment: an unknown NEWSGRAPH_ variable is an error naming it, as
// an unknown key in the file is, with the nearest known variable when it
// is a typo away; the suite's own variables and others' pass.
func TestEnvironment(t *testing.T) {
	tests := []struct {
		name    string
		environ []string
		want    string // "" for no error
	}{
		{"typo", []string{"NEWSGRAPH_QUERY_TIMOUT=5s"}, "unknown environment variable NEWSGRAPH_QUERY_TIMOUT (did you mean NEWSGRAPH_QUERY_TIMEOUT?)"},
		{"typo, empty value", []string{"NEWSGRAPH_LOG_LEVLE="}, "did you mean NEWSGRAPH_LOG_LEVEL?"},
		{"nothing near", []string{"NEWSGRAPH_COLOUR=red"}, "unknown environment variable NEWSGRAPH_COLOUR (a key's variable is"},
		{"escape in the name", []string{"NEWSGRAPH_X\x1b[2J=1"}, `"NEWSGRAPH_X\x1b[2J"`},
		{"every unknown is named", []string{"NEWSGRAPH_B=1", "NEWSGRAPH_A=1"}, "NEWSGRAPH_A (a key's variable is NEWSGRAPH_ and the key in capitals, dots as underscores: store.backend is NEWSGRAPH_STORE_BACKEND; newsgraph config lists the keys)\nconfig: unknown environment variable NEWSGRAPH_B"},
		{"known", []string{"NEWSGRAPH_QUERY_TIMEOUT=5s"}, ""},
		{"the test suite's", []string{"NEWSGRAPH_TEST_PG_DSN=postgres://x", "NEWSGRAPH_SKIP_SETUP=1", "NEWSGRAPH_CRASH_AT=before-commit", "NEWSGRAPH_BENCH_STORE=/tmp/s"}, ""},
		{"not ours", []string{"NEWSGRAPHQL=1", "HOME=/root", "newsgraph_query_timout=1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			_, err := Load(Options{Environ: tt.environ})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
	c, err := Load(Options{Environ: []string{"NEWSGRAPH_QUERY_TIMEOUT=5s"}})
	if err != nil || c.Query.Timeout != 5*time.Second {
		t.Errorf("NEWSGRAPH_QUERY_TIMEOUT=5s gave %s, %v", c.Query.Timeout, err)
	}
}
