// Package llm is newsgraph's optional LLM extractor, registered as "llm"
// and off by default. It sends each article to an OpenAI-compatible chat
// completions endpoint (Ollama, vLLM, llama.cpp's server, OpenAI) with a
// JSON schema built from the newsgraph vocabulary, keeps only what the
// article text supports, and merges the result into the output of the
// rule-based extractor that it wraps.
//
// Everything the model says is checked: an entity is kept only if one of
// its mentions occurs in the text, a fact or an event only if its evidence
// does (both are then given in the text's own spelling), and predicates,
// types and kinds outside the vocabulary are dropped. Stats counts what
// was dropped. Answers are cached on disk by article content, model and
// PromptVersion, so a rebuild makes no requests for unchanged articles.
package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Name is the name the extractor is registered under.
const Name = "llm"

// BaseName is the extractor that the registered "llm" extractor wraps.
const BaseName = "rules"

// Defaults of the Extractor's tunable fields.
const (
	DefaultTimeout          = 5 * time.Minute // a local model on a CPU is slow
	DefaultMaxRetries       = 3
	DefaultBackoff          = time.Second
	DefaultMaxBackoff       = 30 * time.Second
	DefaultMaxResponseBytes = 8 << 20
)

func init() { extract.Register(Name, Factory) }

// Factory builds the "llm" extractor from extract.Options.LLM, wrapping the
// "rules" extractor.
func Factory(opts extract.Options) (extract.Extractor, error) { return NewFromRegistry(opts, BaseName) }

// NewFromRegistry builds an LLM extractor that wraps the extractor
// registered as base.
func NewFromRegistry(opts extract.Options, base string) (*Extractor, error) {
	b, err := extract.New(base, opts)
	if err != nil {
		return nil, fmt.Errorf("llm: the llm extractor merges its output into that of the %q extractor, which is not available: %w", base, err)
	}
	return New(opts.LLM, b)
}

// Extractor is the LLM extractor. Its exported fields may be changed after
// New and before the first Extract. It is safe for concurrent use.
type Extractor struct {
	// Timeout bounds one request, from sending it to reading the whole
	// answer. A request that times out is not retried.
	Timeout time.Duration
	// MaxRetries is how many times a request that failed with 429, a 5xx
	// status or a transport error is repeated.
	MaxRetries int
	// Backoff is the wait before the first retry; it doubles with every
	// retry, up to MaxBackoff. A Retry-After header (in seconds) replaces
	// it, also up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// MaxResponseBytes bounds the size of an answer.
	MaxResponseBytes int64

	url, model, apiKey, cacheDir string
	base                         extract.Extractor
	client                       *http.Client
	stats                        counters
}

type counters struct {
	requests, cacheHits atomic.Int64
	mu                  sync.Mutex
	drops               Drops
}

// Stats are the extractor's cumulative counters.
type Stats struct {
	Requests  int64 `json:"requests"`   // HTTP requests made, retries included
	CacheHits int64 `json:"cache_hits"` // articles answered from the cache
	Dropped   Drops `json:"dropped"`    // what the checks left out
}

// New returns an LLM extractor for the endpoint and model of opts, whose
// output is merged into that of base. With a nil base it returns the
// model's output alone. CacheDir, when set, is created on first use.
func New(opts extract.LLMOptions, base extract.Extractor) (*Extractor, error) {
	if opts.Endpoint == "" {
		return nil, errors.New("llm: no endpoint: set the LLM endpoint, an OpenAI-compatible base URL such as http://127.0.0.1:11434/v1")
	}
	u, err := url.Parse(opts.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("llm: endpoint %q is not an http(s) URL", opts.Endpoint)
	}
	if opts.Model == "" {
		return nil, fmt.Errorf("llm: no model: set the name of the model that %s serves", opts.Endpoint)
	}
	return &Extractor{
		Timeout:          DefaultTimeout,
		MaxRetries:       DefaultMaxRetries,
		Backoff:          DefaultBackoff,
		MaxBackoff:       DefaultMaxBackoff,
		MaxResponseBytes: DefaultMaxResponseBytes,
		url:              strings.TrimRight(opts.Endpoint, "/") + "/chat/completions",
		model:            opts.Model,
		apiKey:           opts.APIKey,
		cacheDir:         opts.CacheDir,
		base:             base,
		client:           &http.Client{},
	}, nil
}

// Name identifies the extractor, the prompt version and hash, the model
// and the wrapped extractor, e.g. "llm/1-3f2a9c01:qwen2.5:7b+rules/5".
func (x *Extractor) Name() string {
	n := Name + "/" + PromptVersion + "-" + promptHash + ":" + x.model
	if x.base != nil {
		n += "+" + x.base.Name()
	}
	return n
}

// Fingerprint is the wrapped extractor's (its lexicon's); the prompt and
// model are in Name. Without a wrapped extractor it is the prompt's hash.
func (x *Extractor) Fingerprint() string {
	if x.base != nil {
		return x.base.Fingerprint()
	}
	return promptHash
}

// Stats returns the counters accumulated since New.
func (x *Extractor) Stats() Stats {
	x.stats.mu.Lock()
	defer x.stats.mu.Unlock()
	return Stats{Requests: x.stats.requests.Load(), CacheHits: x.stats.cacheHits.Load(), Dropped: x.stats.drops}
}

// Extract runs the base extractor and the model on the article and merges
// their records (see Merge), the base's taking precedence. An error of
// either is returned as is: the caller decides whether the rules alone
// will do.
func (x *Extractor) Extract(ctx context.Context, a *source.Article) (schema.Record, error) {
	var base schema.Record
	if x.base != nil {
		var err error
		if base, err = x.base.Extract(ctx, a); err != nil {
			return schema.Record{}, err
		}
	}
	ans, err := x.answer(ctx, a)
	if err != nil {
		return schema.Record{}, fmt.Errorf("%w (article %s)", err, a.Doc)
	}
	rec, drops := toRecord(a, ans)
	x.stats.mu.Lock()
	x.stats.drops.add(drops)
	x.stats.mu.Unlock()
	// Without a base, merging into the empty record deduplicates the answer.
	return Merge(base, align(base, rec)), nil
}

// answer returns the model's parsed answer for the article, from the cache
// when it has one.
func (x *Extractor) answer(ctx context.Context, a *source.Article) (*answer, error) {
	key := x.cacheKey(a)
	if raw, ok := x.cacheGet(key); ok {
		var ans answer
		if json.Unmarshal(raw, &ans) == nil {
			x.stats.cacheHits.Add(1)
			return &ans, nil
		}
	}
	content, err := x.chat(ctx, chatRequest{
		Model: x.model,
		Messages: []chatMessage{
			{Role: "system", Content: systemPrompt},
			{Role: "user", Content: userPrompt(a)},
		},
		ResponseFormat: responseFormat{Type: "json_schema", JSONSchema: jsonSchema{Name: schemaName, Strict: true, Schema: responseSchema}},
	})
	if err != nil {
		return nil, err
	}
	raw := []byte(stripFence(content))
	var ans answer
	if err := json.Unmarshal(raw, &ans); err != nil {
		return nil, fmt.Errorf("llm: model %s at %s answered with malformed JSON: %w", x.model, x.url, err)
	}
	if err := x.cachePut(key, a, raw); err != nil {
		return nil, err
	}
	return &ans, nil
}

// cacheKey hashes what determines the answer: the prompt version and
// hash, the model and the article as sent (metadata and text).
func (x *Extractor) cacheKey(a *source.Article) string {
	h := sha256.New()
	for _, s := range []string{PromptVersion, promptHash, x.model, userPrompt(a)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// stripFence removes a Markdown code fence that some servers put around
// JSON content even when asked for a schema.
func stripFence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") {
		return s
	}
	s = strings.TrimPrefix(s, "```")
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[nl+1:] // the info string ("json")
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "```"))
}
