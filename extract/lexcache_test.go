package extract

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"
)

// useCacheDir points the user cache directory at a new temporary
// directory and returns where the lexicon cache's files go in it.
func useCacheDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir) // Linux and the other Unix systems
	t.Setenv("HOME", dir)           // macOS: $HOME/Library/Caches
	t.Setenv("LocalAppData", dir)   // Windows
	got, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if lexiconCacheFor([sha256.Size]byte{}).path == "" {
		// A toolchain whose test binaries carry no module versions
		// (go1.26's) gives no key for the YAML module: no cache to test.
		// The project's toolchain (scripts/test) gives one.
		t.Skip("this build records no version of the YAML module: the lexicon is not cached")
	}
	return filepath.Join(got, "newsgraph")
}

// embeddedLexicon reads and decodes the embedded lexicon's files with
// decodeLexiconFiles: the values, and whether the cache held them before.
func embeddedLexicon(t *testing.T) (cachedLexicon, bool) {
	t.Helper()
	sub := mustSub(t)
	files, err := fs.Glob(sub, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	read := make([]lexiconFile, len(files))
	for i, f := range files {
		if read[i].data, err = fs.ReadFile(sub, f); err != nil {
			t.Fatal(err)
		}
	}
	hit := lexiconCacheFor(lexiconSum(files, read)).load(read, new(frameFile), new(wordLists))
	var v cachedLexicon
	decoded, _ := decodeLexiconFiles(sub, files, &v.Frames, &v.Words)
	for _, lf := range decoded {
		if lf.readErr != nil || lf.err != nil {
			t.Fatal(lf.readErr, lf.err)
		}
		v.Entries = append(v.Entries, lf.entries)
	}
	return v, hit
}

// cacheFiles lists the lexicon cache's files in dir.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "lexicon-*"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestLexiconCache holds the values read back from the cache to those
// decoded from the YAML, nil and empty told apart, and the lexicon
// compiled from them to the same fingerprint and the same answers.
func TestLexiconCache(t *testing.T) {
	dir := useCacheDir(t)
	fromYAML, hit := embeddedLexicon(t)
	if hit {
		t.Fatal("a new cache directory held the lexicon")
	}
	if n := len(cacheFiles(t, dir)); n != 1 {
		t.Fatalf("%d cache files after decoding the YAML, want 1", n)
	}
	fromCache, hit := embeddedLexicon(t)
	if !hit {
		t.Fatal("the second load did not read the cache")
	}
	if !reflect.DeepEqual(fromYAML, fromCache) {
		t.Fatal("the values read from the cache differ from the YAML's")
	}
	lx, err := LoadLexicon(mustSub(t))
	if err != nil {
		t.Fatal(err)
	}
	if lx.Fingerprint() != DefaultLexicon().Fingerprint() {
		t.Errorf("fingerprint from the cache %s, from the YAML %s", lx.Fingerprint(), DefaultLexicon().Fingerprint())
	}
	for _, e := range DefaultLexicon().Entries {
		if got := lx.ByID(e.ID()); got == nil || !reflect.DeepEqual(got.Aliases, e.Aliases) || got.Type != e.Type {
			t.Errorf("%s: from the cache %+v", e.ID(), got)
		}
	}

	// Nil and empty slices and maps, and a nil pointer, come back as they were.
	in := cachedLexicon{Words: wordLists{PlatformWords: map[string][]string{}, CapStop: []string{}}, Entries: [][]*LexEntry{nil, {nil}}}
	in.Frames.Frames = []frameSpec{{Facts: [][3]string{{"a", "", "c"}}}}
	var e lexEncoder
	if err := e.value(reflect.ValueOf(in)); err != nil {
		t.Fatal(err)
	}
	var out cachedLexicon
	d := lexDecoder{s: string(e.buf)}
	if d.value(reflect.ValueOf(&out).Elem()); d.err != nil || d.off != len(d.s) || !reflect.DeepEqual(in, out) {
		t.Errorf("round trip: %v, %+v, want %+v", d.err, out, in)
	}
	if err := e.value(reflect.ValueOf(struct{ C chan int }{})); err != errLexiconCacheKind {
		t.Errorf("a channel encoded: %v", err)
	}
}

func mustSub(t *testing.T) fs.FS {
	t.Helper()
	sub, err := fs.Sub(lexiconFS, "lexicon")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// TestLexiconCacheStale edits a lexicon directory's file between loads:
// the edit has another key, so the lexicon is decoded from the YAML
// again, with the edit in it, not taken from the file cached before.
func TestLexiconCacheStale(t *testing.T) {
	dir := useCacheDir(t)
	lexDir := t.TempDir()
	yamlOf := func(name string) string {
		return "- name: " + name + "\n  type: ArmedGroup\n"
	}
	load := func(name string) *Lexicon {
		t.Helper()
		if err := os.WriteFile(filepath.Join(lexDir, "mine.yaml"), []byte(yamlOf(name)), 0o644); err != nil {
			t.Fatal(err)
		}
		lx, err := LoadLexiconDir(lexDir)
		if err != nil {
			t.Fatal(err)
		}
		return lx
	}
	first := load("Brigade of Tests")
	again := load("Brigade of Tests") // from the cache
	second := load("Legion of Tests")
	if first.Lookup("Brigade of Tests") == nil || again.Lookup("Brigade of Tests") == nil {
		t.Error("the first entry is missing")
	}
	if second.Lookup("Legion of Tests") == nil || second.Lookup("Brigade of Tests") != nil {
		t.Error("the edited lexicon kept the cached entry")
	}
	if first.Fingerprint() != again.Fingerprint() || first.Fingerprint() == second.Fingerprint() {
		t.Errorf("fingerprints %s, %s, %s", first.Fingerprint(), again.Fingerprint(), second.Fingerprint())
	}
	if n := len(cacheFiles(t, dir)); n != 2 {
		t.Errorf("%d cache files, want 2", n)
	}
}

// TestLexiconCacheCorrupt damages the cache file: truncated, a byte
// changed, garbage, empty. Each is ignored, the YAML decoded as without a
// cache, and the file written again whole.
func TestLexiconCacheCorrupt(t *testing.T) {
	dir := useCacheDir(t)
	want, _ := embeddedLexicon(t)
	files := cacheFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d cache files, want 1", len(files))
	}
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	flipped := []byte(string(good))
	flipped[len(flipped)-100] ^= 1
	for name, bad := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"flipped":   flipped,
		"garbage":   []byte("not a lexicon"),
		"empty":     nil,
	} {
		if err := os.WriteFile(files[0], bad, 0o600); err != nil {
			t.Fatal(err)
		}
		got, hit := embeddedLexicon(t)
		if hit {
			t.Errorf("%s: read back", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the values differ from the YAML's", name)
		}
		if _, hit := embeddedLexicon(t); !hit {
			t.Errorf("%s: the cache file was not written again", name)
		}
		lx, err := LoadLexicon(mustSub(t))
		if err != nil || lx.Fingerprint() != DefaultLexicon().Fingerprint() {
			t.Errorf("%s: %v, fingerprint %s", name, err, lx.Fingerprint())
		}
	}

	// The decoder itself, past the file's CRC: damaged payloads end in an
	// error or a value, never a panic.
	head := len(lexiconCacheFormat) + 32 + 4
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		p := []byte(string(good[head:]))
		for range 1 + r.IntN(4) {
			p[r.IntN(len(p))] = byte(r.Uint32())
		}
		var v cachedLexicon
		d := lexDecoder{s: string(p[:r.IntN(len(p)+1)])}
		d.value(reflect.ValueOf(&v).Elem())
	}
}

// TestPruneLexiconCache holds a cache directory to its newest
// lexiconCacheKeep lexicons.
func TestPruneLexiconCache(t *testing.T) {
	dir := t.TempDir()
	start := time.Now().Add(-time.Hour)
	for i := range lexiconCacheKeep + 3 {
		name := filepath.Join(dir, fmt.Sprintf("lexicon-%02d", i))
		if err := os.WriteFile(name, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, start, start.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	pruneLexiconCache(dir)
	got := cacheFiles(t, dir)
	if len(got) != lexiconCacheKeep || filepath.Base(got[0]) != "lexicon-03" {
		t.Errorf("left %v", got)
	}
}

// TestTypeShape holds the key's description of the decoded types to what
// it must follow: a field's name, type or tag, a type within itself, and
// a type that decodes itself, which is not cached.
func TestTypeShape(t *testing.T) {
	type a struct {
		N string `yaml:"n"`
	}
	type b struct {
		N string `yaml:"name"`
	}
	type c struct {
		N int `yaml:"n"`
	}
	type self struct {
		Kids []*self
	}
	type text struct{ T time.Time }
	shape := func(v any) string {
		s, ok := typeShape(reflect.TypeOf(v))
		if !ok {
			t.Errorf("%T: not cached", v)
		}
		return s
	}
	if shape(a{}) == shape(b{}) || shape(a{}) == shape(c{}) {
		t.Error("a field's tag or type is not in the shape")
	}
	if shape(self{}) == "" {
		t.Error("no shape for a type within itself")
	}
	if _, ok := typeShape(reflect.TypeOf(text{})); ok {
		t.Error("a type with UnmarshalText is cached")
	}
	if _, ok := typeShape(reflect.TypeFor[cachedLexicon]()); !ok {
		t.Error("the lexicon is not cached")
	}
}
