// Package config loads newsgraph's configuration: defaults, then a YAML file
// (newsgraph.yaml, or the one --config names), then NEWSGRAPH_* environment
// variables, then command-line flags, each overriding the one before.
// Unknown keys and variables and invalid values are errors that name the
// key. Every other
// package takes the typed Config (or plain values from it), never viper.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/go-viper/mapstructure/v2"
	"github.com/robfig/cron/v3"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is the whole configuration. The mapstructure tags are the keys,
// in YAML and (upper-cased, dots as underscores, NEWSGRAPH_ prefix) in the
// environment: store.backend is NEWSGRAPH_STORE_BACKEND.
type Config struct {
	DataDir  string   `mapstructure:"data_dir" yaml:"data_dir"`
	Store    Store    `mapstructure:"store" yaml:"store"`
	Extract  Extract  `mapstructure:"extract" yaml:"extract"`
	Query    Query    `mapstructure:"query" yaml:"query"`
	Serve    Serve    `mapstructure:"serve" yaml:"serve"`
	Log      Log      `mapstructure:"log" yaml:"log"`
	Sources  []Source `mapstructure:"sources" yaml:"sources"`
	Fetch    Fetch    `mapstructure:"fetch" yaml:"fetch"`
	Rebuild  Rebuild  `mapstructure:"rebuild" yaml:"rebuild"`
	Analysis Analysis `mapstructure:"analysis" yaml:"analysis"`
}

// Analysis configures what build and rebuild work out across articles.
type Analysis struct {
	// IncidentWindow is how far apart the dates of two reports of one
	// incident may be.
	IncidentWindow time.Duration `mapstructure:"incident_window" yaml:"incident_window"`
}

// Store selects the quad store.
type Store struct {
	Backend string `mapstructure:"backend" yaml:"backend"` // bolt (embedded, default), memory, postgres
	Path    string `mapstructure:"path" yaml:"path"`       // embedded store directory; default <data_dir>/store
	DSN     string `mapstructure:"dsn" yaml:"dsn"`         // server backends' connection string
}

// Extract configures extraction.
type Extract struct {
	Extractor    string `mapstructure:"extractor" yaml:"extractor"`           // registered extractor name
	Workers      int    `mapstructure:"workers" yaml:"workers"`               // 0: one per CPU
	MaxFileBytes int64  `mapstructure:"max_file_bytes" yaml:"max_file_bytes"` // larger files are refused
	// LexiconDir overlays the embedded lexicon with the YAML files of a
	// directory: same-named files replace, others add (rules extractor).
	LexiconDir string `mapstructure:"lexicon_dir" yaml:"lexicon_dir"`
	// One article's budget: an article that takes longer to read and
	// extract, or yields more quads, fails alone and the batch goes on.
	ArticleTimeout  time.Duration `mapstructure:"article_timeout" yaml:"article_timeout"`
	MaxArticleQuads int           `mapstructure:"max_article_quads" yaml:"max_article_quads"`
	LLM             LLM           `mapstructure:"llm" yaml:"llm"`
}

// LLM configures the optional LLM extractor (extractor: llm).
type LLM struct {
	Endpoint string `mapstructure:"endpoint" yaml:"endpoint"` // OpenAI-compatible base URL
	Model    string `mapstructure:"model" yaml:"model"`
	APIKey   string `mapstructure:"api_key" yaml:"api_key"`
	CacheDir string `mapstructure:"cache_dir" yaml:"cache_dir"` // default <data_dir>/llm-cache
}

// Query bounds Gizmo queries.
type Query struct {
	Timeout        time.Duration `mapstructure:"timeout" yaml:"timeout"`
	Limit          int           `mapstructure:"limit" yaml:"limit"`
	MaxMemoryBytes int64         `mapstructure:"max_memory_bytes" yaml:"max_memory_bytes"` // heap the server's running queries may add
	// MaxItems bounds the items a list route answers with (incidents,
	// contradictions, timeline events, map points).
	MaxItems int `mapstructure:"max_items" yaml:"max_items"`
}

// Serve configures the HTTP server and console.
type Serve struct {
	Addr           string   `mapstructure:"addr" yaml:"addr"`
	AllowedHosts   []string `mapstructure:"allowed_hosts" yaml:"allowed_hosts"`     // names the server answers to besides its address
	AllowedOrigins []string `mapstructure:"allowed_origins" yaml:"allowed_origins"` // sites whose pages may call the API besides its own
	ClientRequests int      `mapstructure:"client_requests" yaml:"client_requests"` // requests in flight per client address
	Requests       int      `mapstructure:"requests" yaml:"requests"`               // requests in flight in all
}

// Log configures structured logging.
type Log struct {
	Level  string `mapstructure:"level" yaml:"level"`   // debug, info, warn, error
	Format string `mapstructure:"format" yaml:"format"` // text or json
}

// Source is one place `newsgraph rebuild` reads articles from: exactly one
// of Dir, URLs and Feed. Sources are set in the file only.
type Source struct {
	Name     string   `mapstructure:"name" yaml:"name"`           // shown in status and logs; default: the dir, feed or first URL
	Dir      string   `mapstructure:"dir" yaml:"dir"`             // a directory (or file) of articles
	URLs     []string `mapstructure:"urls" yaml:"urls"`           // article pages, HTML or text
	Feed     string   `mapstructure:"feed" yaml:"feed"`           // an RSS or Atom feed
	Items    string   `mapstructure:"items" yaml:"items"`         // feed items: page (fetch each item's link; default) or content (the feed's own text)
	MaxItems int      `mapstructure:"max_items" yaml:"max_items"` // newest feed items taken per run; 0: all
}

// Kind is the name of the registered kind of source that reads s (see
// ingest.RegisterSource): dir, urls or feed, after the key that is set.
func (s Source) Kind() string {
	switch {
	case s.Dir != "":
		return "dir"
	case s.Feed != "":
		return "feed"
	}
	return "urls"
}

// Fetch configures HTTP fetching of URL and feed sources.
type Fetch struct {
	Timeout     time.Duration `mapstructure:"timeout" yaml:"timeout"`         // per request, headers and body
	MaxBytes    int64         `mapstructure:"max_bytes" yaml:"max_bytes"`     // larger bodies are refused
	UserAgent   string        `mapstructure:"user_agent" yaml:"user_agent"`   // default newsgraph/VERSION (+https://github.com/newsgraph/newsgraph)
	Retries     int           `mapstructure:"retries" yaml:"retries"`         // retries after a timeout, 429 or 5xx
	Backoff     time.Duration `mapstructure:"backoff" yaml:"backoff"`         // first retry delay, doubled each retry, with jitter
	MaxBackoff  time.Duration `mapstructure:"max_backoff" yaml:"max_backoff"` // longest retry delay
	Concurrency int           `mapstructure:"concurrency" yaml:"concurrency"` // requests in flight
}

// Rebuild configures `newsgraph rebuild` and scheduled rebuilds.
type Rebuild struct {
	Keep     int           `mapstructure:"keep" yaml:"keep"`         // earlier generations kept for rollback
	Schedule string        `mapstructure:"schedule" yaml:"schedule"` // cron spec for serve --schedule; "" for none
	Reload   time.Duration `mapstructure:"reload" yaml:"reload"`     // how often a server looks for a generation made live elsewhere
}

// Default returns the configuration that applies when nothing is set.
func Default() Config {
	return Config{
		DataDir:  defaultDataDir(),
		Store:    Store{Backend: "bolt"},
		Extract:  Extract{Extractor: "rules", MaxFileBytes: 5 << 20, ArticleTimeout: 30 * time.Second, MaxArticleQuads: 20000},
		Query:    Query{Timeout: 30 * time.Second, Limit: 1000, MaxMemoryBytes: 256 << 20, MaxItems: 5000},
		Serve:    Serve{Addr: "127.0.0.1:64210", ClientRequests: 16, Requests: 64},
		Log:      Log{Level: "warn", Format: "text"},
		Fetch:    Fetch{Timeout: 30 * time.Second, MaxBytes: 5 << 20, Retries: 3, Backoff: time.Second, MaxBackoff: 30 * time.Second, Concurrency: 4},
		Rebuild:  Rebuild{Keep: 1, Reload: 2 * time.Second},
		Analysis: Analysis{IncidentWindow: 72 * time.Hour},
	}
}

// defaultDataDir follows the XDG base directory convention.
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "newsgraph")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "newsgraph")
	}
	return "newsgraph-data"
}

// FileName is the configuration file looked for in the working directory.
const FileName = "newsgraph.yaml"

// Options say where to load from.
type Options struct {
	File    string              // explicit file (--config); "" looks for FileName in the working directory
	Flags   *pflag.FlagSet      // flags bound by BindFlags; nil for none
	Environ []string            // the environment, "KEY=value" (os.Environ's form); nil means os.Environ()
	Choices map[string][]string // allowed values of enumerated keys, from the registries
}

// FlagKeys maps command-line flag names to configuration keys.
var FlagKeys = map[string]string{
	"data-dir":  "data_dir",
	"backend":   "store.backend",
	"dsn":       "store.dsn",
	"extractor": "extract.extractor",
	"workers":   "extract.workers",
	"timeout":   "query.timeout",
	"limit":     "query.limit",
	"addr":      "serve.addr",
	"log-level": "log.level",
	"schedule":  "rebuild.schedule",
	"keep":      "rebuild.keep",
}

// Load builds the effective configuration.
func Load(opts Options) (Config, error) {
	v := viper.New()
	def := Default()
	keys := Keys()
	for _, k := range keys {
		v.SetDefault(k, valueAt(def, k))
	}
	file := opts.File
	if file == "" {
		if _, err := os.Stat(FileName); err == nil {
			file = FileName
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("config: reading %s: %w", file, err)
		}
		known := map[string]bool{}
		for _, k := range keys {
			known[k] = true
		}
		var unknown []string
		for _, k := range v.AllKeys() {
			if !known[k] && v.InConfig(k) {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return Config{}, fmt.Errorf("config: %s: unknown key %q (known keys: %s)", file, unknown[0], strings.Join(keys, ", "))
		}
	}
	environ := opts.Environ
	if environ == nil {
		environ = os.Environ()
	}
	env, err := readEnv(environ, keys)
	if err != nil {
		return Config{}, err
	}
	for _, k := range keys {
		if val := env[EnvName(k)]; val != "" {
			v.Set(k, val)
		}
	}
	if opts.Flags != nil {
		for flag, key := range FlagKeys {
			if f := opts.Flags.Lookup(flag); f != nil && f.Changed {
				v.Set(key, f.Value.String())
			}
		}
	}
	var c Config
	for _, k := range keys {
		if err := decodeKey(v, k, &c); err != nil {
			return Config{}, err
		}
	}
	if err := c.validate(opts.Choices); err != nil {
		return Config{}, err
	}
	c.fill()
	return c, nil
}

// otherEnv are the NEWSGRAPH_ variables that are not configuration keys
// (the test suite's, the benchmarks' and CI's, and the crash points of the
// rebuild tests), and otherEnvPrefixes the families of them. Any other
// NEWSGRAPH_ variable is an error.
var (
	otherEnv         = []string{"NEWSGRAPH_SKIP_SETUP", "NEWSGRAPH_ARTIFACTS", "NEWSGRAPH_CRASH_AT"}
	otherEnvPrefixes = []string{"NEWSGRAPH_TEST_", "NEWSGRAPH_BENCH_", "NEWSGRAPH_PG_"}
)

// readEnv returns the NEWSGRAPH_ variables of environ that set keys. An
// unknown one is an error naming it, as an unknown key in the file is: a
// misspelt NEWSGRAPH_QUERY_TIMOUT would otherwise leave the default in
// force without a word. The error suggests the nearest variable when one
// is a typo away.
func readEnv(environ []string, keys []string) (map[string]string, error) {
	known := map[string]bool{}
	for _, k := range keys {
		known[EnvName(k)] = true
	}
	env := map[string]string{}
	var errs []error
	for _, kv := range environ {
		name, val, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "NEWSGRAPH_") || slices.Contains(otherEnv, name) {
			continue
		}
		if slices.ContainsFunc(otherEnvPrefixes, func(p string) bool { return strings.HasPrefix(name, p) }) {
			continue
		}
		if !known[name] {
			errs = append(errs, unknownEnv(name, keys))
			continue
		}
		env[name] = val
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return env, errors.Join(errs...)
}

func unknownEnv(name string, keys []string) error {
	best, dist := "", 3 // suggest only what is at most two edits away
	for _, k := range keys {
		if d := levenshtein.ComputeDistance(name, EnvName(k)); d < dist {
			best, dist = EnvName(k), d
		}
	}
	if best != "" {
		return fmt.Errorf("config: unknown environment variable %s (did you mean %s?)", quoteEnv(name), best)
	}
	return fmt.Errorf("config: unknown environment variable %s (a key's variable is NEWSGRAPH_ and the key in capitals, dots as underscores: store.backend is NEWSGRAPH_STORE_BACKEND; newsgraph config lists the keys)", quoteEnv(name))
}

// quoteEnv prints a variable's name as it may be shown: quoted when it
// holds anything but letters, digits and underscores.
func quoteEnv(name string) string {
	for _, r := range name {
		if !(r == '_' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return strconv.Quote(name)
		}
	}
	return name
}

// EnvName is the environment variable that sets a key.
func EnvName(key string) string {
	return "NEWSGRAPH_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// decodeKey decodes one key into its field, so that a bad value is reported
// with its own key rather than as a decoding failure of the whole file.
func decodeKey(v *viper.Viper, key string, c *Config) error {
	f := fieldAt(reflect.ValueOf(c).Elem(), key)
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		// A list from the environment is one comma-separated string.
		DecodeHook:       mapstructure.ComposeDecodeHookFunc(mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(",")),
		WeaklyTypedInput: true,
		Result:           f.Addr().Interface(),
		ErrorUnused:      true, // a misspelt field of a list item (sources) is an error
	})
	if err != nil {
		return err
	}
	if err := dec.Decode(v.Get(key)); err != nil {
		if f.Kind() == reflect.Slice {
			return fmt.Errorf("config: invalid value for %s: %v", key, err)
		}
		return fmt.Errorf("config: invalid value %q for %s: want %s", fmt.Sprint(v.Get(key)), key, kindName(f.Type()))
	}
	return nil
}

func kindName(t reflect.Type) string {
	if t == reflect.TypeOf(time.Duration(0)) {
		return "a duration such as 30s or 2m"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "a whole number"
	default:
		return t.Kind().String()
	}
}

func (c Config) validate(choices map[string][]string) error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("config: %s: "+format, append([]any{key}, args...)...))
	}
	if c.DataDir == "" {
		bad("data_dir", "must not be empty")
	}
	if c.Extract.Workers < 0 {
		bad("extract.workers", "must be 0 (one per CPU) or more, not %d", c.Extract.Workers)
	}
	if c.Extract.MaxFileBytes <= 0 {
		bad("extract.max_file_bytes", "must be positive, not %d", c.Extract.MaxFileBytes)
	}
	if c.Extract.ArticleTimeout <= 0 {
		bad("extract.article_timeout", "must be positive, not %s", c.Extract.ArticleTimeout)
	}
	if c.Extract.MaxArticleQuads <= 0 {
		bad("extract.max_article_quads", "must be positive, not %d", c.Extract.MaxArticleQuads)
	}
	if c.Query.Timeout <= 0 {
		bad("query.timeout", "must be positive, not %s", c.Query.Timeout)
	}
	if c.Query.Limit <= 0 {
		bad("query.limit", "must be positive, not %d", c.Query.Limit)
	}
	if c.Query.MaxItems <= 0 {
		bad("query.max_items", "must be positive, not %d", c.Query.MaxItems)
	}
	if c.Query.MaxMemoryBytes < 16<<20 {
		bad("query.max_memory_bytes", "must be at least 16 MiB (16777216), not %d", c.Query.MaxMemoryBytes)
	}
	if c.Serve.ClientRequests <= 0 {
		bad("serve.client_requests", "must be positive, not %d", c.Serve.ClientRequests)
	}
	if c.Serve.Requests < c.Serve.ClientRequests {
		bad("serve.requests", "must be at least serve.client_requests (%d), not %d", c.Serve.ClientRequests, c.Serve.Requests)
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		bad("log.level", "must be debug, info, warn or error, not %q", c.Log.Level)
	}
	if !slices.Contains([]string{"text", "json"}, c.Log.Format) {
		bad("log.format", "must be text or json, not %q", c.Log.Format)
	}
	c.validateRebuild(bad)
	keys := make([]string, 0, len(choices))
	for k := range choices {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if val := fmt.Sprint(valueAt(c, k)); !slices.Contains(choices[k], val) {
			bad(k, "unknown value %q (choose from %s)", val, strings.Join(choices[k], ", "))
		}
	}
	return errors.Join(errs...)
}

// fill derives defaults that depend on other keys.
func (c *Config) fill() {
	if c.Store.Path == "" {
		c.Store.Path = filepath.Join(c.DataDir, "store")
	}
	if c.Extract.LLM.CacheDir == "" {
		c.Extract.LLM.CacheDir = filepath.Join(c.DataDir, "llm-cache")
	}
}

// Keys lists every configuration key, dotted, sorted.
func Keys() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			k := prefix + f.Tag.Get("mapstructure")
			if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(time.Duration(0)) {
				walk(f.Type, k+".")
				continue
			}
			out = append(out, k)
		}
	}
	walk(reflect.TypeOf(Config{}), "")
	sort.Strings(out)
	return out
}

func fieldAt(v reflect.Value, key string) reflect.Value {
	for _, part := range strings.Split(key, ".") {
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("mapstructure") == part {
				v = v.Field(i)
				break
			}
		}
	}
	return v
}

func valueAt(c Config, key string) any {
	return fieldAt(reflect.ValueOf(&c).Elem(), key).Interface()
}

// validateRebuild checks the sources, fetch and rebuild sections.
func (c Config) validateRebuild(bad func(key, format string, args ...any)) {
	names := map[string]int{}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources[%d]", i)
		set := 0
		for _, on := range []bool{s.Dir != "", len(s.URLs) > 0, s.Feed != ""} {
			if on {
				set++
			}
		}
		if set != 1 {
			bad(key, "set exactly one of dir, urls and feed")
		}
		for j, u := range s.URLs {
			if !isHTTPURL(u) {
				bad(fmt.Sprintf("%s.urls[%d]", key, j), "must be an http or https URL, not %q", u)
			}
		}
		if s.Feed != "" && !isHTTPURL(s.Feed) {
			bad(key+".feed", "must be an http or https URL, not %q", s.Feed)
		}
		if !slices.Contains([]string{"", "page", "content"}, s.Items) {
			bad(key+".items", "must be page or content, not %q", s.Items)
		}
		if s.Items != "" && s.Feed == "" {
			bad(key+".items", "applies to feed sources only")
		}
		if s.MaxItems < 0 {
			bad(key+".max_items", "must be 0 (all) or more, not %d", s.MaxItems)
		}
		if s.Name != "" {
			if j, dup := names[s.Name]; dup {
				bad(key+".name", "%q is also the name of sources[%d]", s.Name, j)
			}
			names[s.Name] = i
		}
	}
	if c.Fetch.Timeout <= 0 {
		bad("fetch.timeout", "must be positive, not %s", c.Fetch.Timeout)
	}
	if c.Fetch.MaxBytes <= 0 {
		bad("fetch.max_bytes", "must be positive, not %d", c.Fetch.MaxBytes)
	}
	if c.Fetch.Retries < 0 || c.Fetch.Retries > 10 {
		bad("fetch.retries", "must be between 0 and 10, not %d", c.Fetch.Retries)
	}
	if c.Fetch.Backoff <= 0 {
		bad("fetch.backoff", "must be positive, not %s", c.Fetch.Backoff)
	}
	if c.Fetch.MaxBackoff < c.Fetch.Backoff {
		bad("fetch.max_backoff", "must be at least fetch.backoff (%s), not %s", c.Fetch.Backoff, c.Fetch.MaxBackoff)
	}
	if c.Fetch.Concurrency <= 0 {
		bad("fetch.concurrency", "must be positive, not %d", c.Fetch.Concurrency)
	}
	if c.Rebuild.Keep < 0 {
		bad("rebuild.keep", "must be 0 or more, not %d", c.Rebuild.Keep)
	}
	if c.Rebuild.Schedule != "" {
		if _, err := cron.ParseStandard(c.Rebuild.Schedule); err != nil {
			bad("rebuild.schedule", "not a cron schedule (%v): use five fields such as \"*/15 * * * *\", or @hourly, @every 10m", err)
		}
	}
	if c.Rebuild.Reload <= 0 {
		bad("rebuild.reload", "must be positive, not %s", c.Rebuild.Reload)
	}
	if c.Analysis.IncidentWindow < 0 {
		bad("analysis.incident_window", "must be 0 (reports of one day only) or more, not %s", c.Analysis.IncidentWindow)
	}
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
