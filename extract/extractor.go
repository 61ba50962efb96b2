// Package extract turns articles into records: the entities an article
// mentions (one id per real-world entity, whatever the spelling), the facts
// it asserts and the events it reports, each with its evidence sentence and
// claim kind. It knows nothing of Cayley: its output is schema.Record.
package extract

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// Extractor makes a record of one article.
type Extractor interface {
	// Name identifies the extractor and the version of its code ("rules/5").
	Name() string
	// Fingerprint identifies the data the extractor loaded (a lexicon, a
	// prompt and model): it changes whenever that data does.
	Fingerprint() string
	Extract(ctx context.Context, a *source.Article) (schema.Record, error)
}

// Version is what is stored of an extractor with every article and in a
// rebuild's manifest: its name, its fingerprint and the layout of its
// quads (schema.Layout). Every command that loads articles compares it,
// so that new code or new data (an alias added to the lexicon), or a new
// layout, re-extracts what it may change, and nothing else does.
func Version(x Extractor) string { return x.Name() + "+" + x.Fingerprint() + "+" + schema.Layout }

// Options configure an extractor. Each extractor reads the fields it needs.
type Options struct {
	LLM LLMOptions
	// LexiconDir, if set, overlays the embedded lexicon with the YAML
	// files of a directory (LoadLexiconDir).
	LexiconDir string
}

// LLMOptions configure the optional LLM extractor.
type LLMOptions struct {
	Endpoint string // OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1
	Model    string
	APIKey   string
	CacheDir string
}

// Factory builds an extractor from options.
type Factory func(Options) (Extractor, error)

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes an extractor available by name. It panics on a duplicate
// name, as database/sql does, since that is a programming error.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := factories[name]; dup {
		panic("extract: Register called twice for " + name)
	}
	factories[name] = f
}

// New returns the extractor registered under name.
func New(name string, opts Options) (Extractor, error) {
	mu.RLock()
	f, ok := factories[name]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("extract: unknown extractor %q (have %v)", name, Names())
	}
	return f(opts)
}

// Names lists the registered extractors, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(factories))
	for n := range factories {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
