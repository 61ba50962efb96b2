package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// LoadLexiconDir compiles the embedded lexicon overlaid with the YAML files
// of dir: a file of dir replaces the embedded file of the same name (say,
// frames.yaml), and any other file adds to the lexicon (say,
// my_groups.yaml). So a user extends or corrects the lexicon without
// copying it and without recompiling; the lexicon's fingerprint, and with
// it the extractor's name, changes with the files.
func LoadLexiconDir(dir string) (*Lexicon, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon directory: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("lexicon directory %s: not a directory", dir)
	}
	base, err := fs.Sub(lexiconFS, "lexicon")
	if err != nil {
		return nil, err
	}
	lx, err := LoadLexicon(overlayFS{upper: os.DirFS(dir), lower: base})
	if err != nil {
		return nil, fmt.Errorf("lexicon directory %s: %w", dir, err)
	}
	return lx, nil
}

// overlayFS reads a file from upper when it has one, else from lower; its
// root lists the files of both.
type overlayFS struct{ upper, lower fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	if name != "." {
		f, err := o.upper.Open(name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return f, err
		}
	}
	return o.lower.Open(name)
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	for _, f := range []fs.FS{o.lower, o.upper} {
		ents, err := fs.ReadDir(f, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range ents {
			seen[e.Name()] = e
		}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
