package llm

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/source"
)

// cacheEntry is one cached answer: a JSON file named by the cache key.
// The fields beside the answer make the file self-describing.
type cacheEntry struct {
	PromptVersion string          `json:"prompt_version"`
	Model         string          `json:"model"`
	Doc           string          `json:"doc"`
	ArticleID     string          `json:"article_id"`
	Created       time.Time       `json:"created"`
	Answer        json.RawMessage `json:"answer"`
}

func (x *Extractor) cachePath(key string) string {
	return filepath.Join(x.cacheDir, "llm-"+key+".json")
}

// cacheGet returns the cached answer for key. A missing, unreadable or
// foreign file is a miss: the answer is fetched again and the file
// replaced.
func (x *Extractor) cacheGet(key string) (json.RawMessage, bool) {
	if x.cacheDir == "" {
		return nil, false
	}
	data, err := os.ReadFile(x.cachePath(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.PromptVersion != PromptVersion || e.Model != x.model || len(e.Answer) == 0 {
		return nil, false
	}
	return e.Answer, true
}

// cachePut stores an answer atomically: written to a temporary file in the
// cache directory, then renamed over the final name, so that a reader
// never sees half a file and concurrent writers of one key do no harm.
func (x *Extractor) cachePut(key string, a *source.Article, answer []byte) error {
	if x.cacheDir == "" {
		return nil
	}
	data, err := json.Marshal(cacheEntry{PromptVersion: PromptVersion, Model: x.model, Doc: a.Doc, ArticleID: a.ID,
		Created: time.Now().UTC(), Answer: json.RawMessage(answer)})
	if err != nil {
		return fmt.Errorf("llm: cache: %w", err)
	}
	if err := os.MkdirAll(x.cacheDir, 0o755); err != nil {
		return fmt.Errorf("llm: cache: %w", err)
	}
	tmp, err := os.CreateTemp(x.cacheDir, ".llm-*.tmp")
	if err != nil {
		return fmt.Errorf("llm: cache: %w", err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), x.cachePath(key))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm: cache: %w", err)
	}
	return nil
}
