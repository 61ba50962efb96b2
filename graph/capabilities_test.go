package graph

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestCapabilitiesHold checks, for every registered backend that opens on
// a directory alone, that what it declares is what it does: a persistent
// one still holds a quad after it is closed and opened again, and one with
// generations keeps its store in files under Config.Path (which a
// generation copies).
func TestCapabilitiesHold(t *testing.T) {
	ctx := context.Background()
	q := quad.MakeIRI("ng:entity/a", "ng:name", "ng:x", "ng:article/1")
	for _, name := range Backends() {
		t.Run(name, func(t *testing.T) {
			cfg := Config{Backend: name, Path: filepath.Join(t.TempDir(), "store")}
			st, err := Open(ctx, cfg)
			if err != nil {
				t.Skipf("needs more than a directory: %v", err)
			}
			if _, err := st.Replace(ctx, nil, []quad.Quad{q}); err != nil {
				t.Fatal(err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			caps := cfg.Capabilities()
			files, _ := os.ReadDir(cfg.Path)
			if caps.Generations != (len(files) > 0) {
				t.Errorf("declares generations %v, but leaves %d files under its path", caps.Generations, len(files))
			}
			st, err = Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			kept, err := st.HasQuad(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if kept != caps.Persistent {
				t.Errorf("declares persistent %v, but a quad written before closing is kept: %v", caps.Persistent, kept)
			}
		})
	}
}
