// Package rebuild keeps the store in step with its sources, incrementally
// and atomically, once (`newsgraph rebuild`) or on a schedule (`newsgraph
// serve --schedule`).
//
// A manifest records, for every article read, where it came from, the hash
// of its bytes and the extractor version. A rebuild reads the sources,
// extracts only the articles whose hash is new, replaces the quads of
// changed articles and removes those of vanished ones by their quad label
// (schema.ArticleIRI of the old hash); a new extractor or lexicon
// re-extracts everything.
//
// On an embedded store (bolt) every rebuild writes a new generation (a copy
// of the live one, or an empty one for a full build) with its manifest
// inside, and swaps it in only when complete (graph.Generations), so a
// reader never sees a half-built graph and a process killed at any point
// loses nothing. Server backends (postgres) have no generations: there the
// rebuild writes in place, one article per transaction, so readers see each
// article whole, old or new; a killed run is finished by the next, which
// finds the articles already written by their extractor quad.
package rebuild

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/source/fetch"
)

// ManifestFile is the manifest's name inside a generation.
const ManifestFile = "manifest.json"

// manifestFormat is bumped when the manifest's shape changes; an older
// manifest is ignored (and everything re-extracted).
const manifestFormat = 1

// Manifest records what the store holds, article by article.
type Manifest struct {
	Format    int              `json:"format"`
	Extractor string           `json:"extractor"` // extract.Version of the extractor that made every article
	Entries   map[string]Entry `json:"entries"`   // by key: absolute file path or URL
}

// Entry is one article in the manifest.
type Entry struct {
	Source     string           `json:"source"` // the name of the source it was read from
	ID         string           `json:"id"`     // content hash of its bytes (source.ContentID); its quad label is schema.ArticleIRI(ID)
	Validators fetch.Validators `json:"validators,omitzero"`
}

// NewManifest returns an empty manifest for an extractor version.
func NewManifest(extractor string) *Manifest {
	return &Manifest{Format: manifestFormat, Extractor: extractor, Entries: map[string]Entry{}}
}

// LoadManifest reads a manifest; a missing file (or one of an older
// format) gives nil and no error.
func LoadManifest(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("rebuild: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("rebuild: reading %s: %w", path, err)
	}
	if m.Format != manifestFormat {
		return nil, nil
	}
	if m.Entries == nil {
		m.Entries = map[string]Entry{}
	}
	return &m, nil
}

// Save writes the manifest atomically (and durably).
func (m *Manifest) Save(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return graph.WriteFileAtomic(path, append(b, '\n'))
}

// Keys lists the entries' keys, sorted.
func (m *Manifest) Keys() []string {
	keys := make([]string, 0, len(m.Entries))
	for k := range m.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
