package graph

// Generations of an embedded store.
//
// An embedded store's directory (store.path, by default <data_dir>/store)
// may hold generations instead of one store:
//
//	store/
//	  CURRENT          names the live generation ("gen-000007")
//	  gen-000006/      the previous generation, kept for rollback
//	  gen-000007/      the live generation: a complete store, never written again
//	  gen-000008.tmp/  a generation being built; removed if the builder dies
//	  rebuild.lock     held by whoever builds, rolls back or prunes
//
// A builder writes a new generation beside the live one and makes it live
// by replacing CURRENT (write a temporary file, fsync, rename, fsync the
// directory), so a reader sees the old generation or the new one, never half
// of either; a process killed at any point leaves CURRENT naming a complete
// generation. Each generation records the generation it was built from in
// its PARENT file; rollback makes the parent live again.
//
// A directory without CURRENT is a plain store (what `newsgraph build`
// writes); ResolveConfig leaves it alone, and the first rebuild copies it
// into the first generation.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	currentFile = "CURRENT"
	parentFile  = "PARENT"
	lockFile    = "LOCK"
	rebuildLock = "rebuild.lock"
	genPrefix   = "gen-"
	tmpSuffix   = ".tmp"
)

// ErrBusy is returned when another process is building, rolling back or
// pruning the same store's generations.
var ErrBusy = errors.New("another newsgraph process is rebuilding this store")

// ErrNoGeneration is returned by Rollback when no earlier generation is kept.
var ErrNoGeneration = errors.New("no earlier generation is kept")

// ResolveConfig points cfg at the live generation when cfg.Path holds
// generations; otherwise (a plain store, a backend without generations) it
// returns cfg unchanged. Every command that opens the configured store goes
// through it.
func ResolveConfig(cfg Config) (Config, error) {
	if !cfg.Capabilities().Generations || cfg.Path == "" {
		return cfg, nil
	}
	cur, err := NewGenerations(cfg.Path).Current()
	if err != nil {
		return cfg, err
	}
	if cur != "" {
		cfg.Path = filepath.Join(cfg.Path, cur)
	}
	return cfg, nil
}

// Generations manages the generations under one store directory.
type Generations struct {
	root string
}

// NewGenerations returns the generations under root (which need not exist).
func NewGenerations(root string) *Generations { return &Generations{root: filepath.Clean(root)} }

// Root is the store directory.
func (g *Generations) Root() string { return g.root }

// Dir is the directory of the named generation.
func (g *Generations) Dir(name string) string { return filepath.Join(g.root, name) }

// Current returns the name of the live generation, or "" when the directory
// holds no generations.
func (g *Generations) Current() (string, error) {
	b, err := os.ReadFile(filepath.Join(g.root, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("graph: reading %s: %w", currentFile, err)
	}
	name := strings.TrimSpace(string(b))
	if _, ok := genNumber(name); !ok {
		return "", fmt.Errorf("graph: %s: %s names no generation: %q", g.root, currentFile, name)
	}
	return name, nil
}

// Generation describes one complete generation.
type Generation struct {
	Name    string    `json:"name"`
	Parent  string    `json:"parent,omitempty"` // the generation live when it was built; "" for the first
	Current bool      `json:"current"`
	Created time.Time `json:"created"`
}

// List returns the complete generations, oldest first.
func (g *Generations) List() ([]Generation, error) {
	ents, err := os.ReadDir(g.root)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cur, err := g.Current()
	if err != nil {
		return nil, err
	}
	var out []Generation
	for _, e := range ents {
		if _, ok := genNumber(e.Name()); !ok || !e.IsDir() {
			continue
		}
		gen := Generation{Name: e.Name(), Parent: g.parent(e.Name()), Current: e.Name() == cur}
		if fi, err := e.Info(); err == nil {
			gen.Created = fi.ModTime()
		}
		out = append(out, gen)
	}
	sort.Slice(out, func(i, j int) bool { n, _ := genNumber(out[i].Name); m, _ := genNumber(out[j].Name); return n < m })
	return out, nil
}

func (g *Generations) parent(name string) string {
	b, err := os.ReadFile(filepath.Join(g.root, name, parentFile))
	if err != nil {
		return ""
	}
	p := strings.TrimSpace(string(b))
	if _, ok := genNumber(p); !ok {
		return ""
	}
	return p
}

// genNumber parses "gen-000007" as 7; names of partial generations do not parse.
func genNumber(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, genPrefix)
	if !ok || len(s) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// Lock takes the store's rebuild lock without waiting: one builder at a
// time. It returns ErrBusy when another process holds it; the kernel drops
// it when the holder dies.
func (g *Generations) Lock() (unlock func(), err error) {
	if err := ensureDir(g.root); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(g.root, rebuildLock), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("graph: %s: %w", g.root, ErrBusy)
		}
		return nil, fmt.Errorf("graph: locking %s: %w", g.root, err)
	}
	return func() { f.Close() }, nil
}

// Pending is a generation being built. Its directory is not seen by
// readers until Commit.
type Pending struct {
	g      *Generations
	name   string
	parent string
	dir    string
	done   bool
}

// Begin starts the next generation, removing partial generations left by
// builders that died. With fromCurrent, the new generation starts as a copy
// of the live one (or of a plain store in the directory); otherwise it
// starts empty. The caller must hold the rebuild lock (Lock).
func (g *Generations) Begin(fromCurrent bool) (*Pending, error) {
	if err := ensureDir(g.root); err != nil {
		return nil, err
	}
	if err := g.removePartial(); err != nil {
		return nil, err
	}
	cur, err := g.Current()
	if err != nil {
		return nil, err
	}
	next, err := g.nextNumber()
	if err != nil {
		return nil, err
	}
	p := &Pending{g: g, name: fmt.Sprintf("%s%06d", genPrefix, next)}
	p.dir = filepath.Join(g.root, p.name+tmpSuffix)
	if err := os.Mkdir(p.dir, 0o755); err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	p.parent = cur // what rollback returns to, copied or not
	if fromCurrent {
		src := g.root // a plain store, if any
		if cur != "" {
			src = g.Dir(cur)
		}
		if err := copyStoreFiles(src, p.dir); err != nil {
			p.Abort()
			return nil, fmt.Errorf("graph: copying generation %s: %w", cur, err)
		}
	}
	return p, nil
}

// Parent returns the generation that was live when name was built, or ""
// (the first generation, or a parent that no longer exists).
func (g *Generations) Parent(name string) string {
	p := g.parent(name)
	if p == "" {
		return ""
	}
	if fi, err := os.Stat(g.Dir(p)); err != nil || !fi.IsDir() {
		return ""
	}
	return p
}

// Recycle starts the next generation from the directory of an old,
// complete generation, which stops being one: its files are reused
// instead of copying the live generation's. The caller brings the store up
// to date (newsgraph replays the changes recorded by the generations since
// old). A generation still open (its LOCK held) is not recycled. The caller
// must hold the rebuild lock.
func (g *Generations) Recycle(old string) (*Pending, error) {
	cur, err := g.Current()
	if err != nil {
		return nil, err
	}
	if old == cur || old == "" {
		return nil, fmt.Errorf("graph: cannot recycle the live generation %q", old)
	}
	if err := g.removePartial(); err != nil {
		return nil, err
	}
	next, err := g.nextNumber()
	if err != nil {
		return nil, err
	}
	unlock, err := LockDir(g.Dir(old))
	if err != nil {
		return nil, err
	}
	p := &Pending{g: g, name: fmt.Sprintf("%s%06d", genPrefix, next), parent: cur}
	p.dir = filepath.Join(g.root, p.name+tmpSuffix)
	err = os.Rename(g.Dir(old), p.dir)
	unlock()
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	if err := syncDir(g.root); err != nil {
		p.Abort()
		return nil, err
	}
	return p, nil
}

// Name is the name the generation will have once committed.
func (p *Pending) Name() string { return p.name }

// Dir is where the generation is built; open the store there.
func (p *Pending) Dir() string { return p.dir }

// Parent is the generation live when it was begun ("" for the first).
func (p *Pending) Parent() string { return p.parent }

// Commit makes the generation live. The store in Dir must be closed. Its
// files are synced, its directory renamed to its final name, and CURRENT
// replaced atomically; until that rename of CURRENT, the old generation is
// the live one.
func (p *Pending) Commit() error {
	if p.done {
		return errors.New("graph: generation already committed or aborted")
	}
	if p.parent != "" {
		if err := writeFileSync(filepath.Join(p.dir, parentFile), []byte(p.parent+"\n")); err != nil {
			return err
		}
	} else if err := os.Remove(filepath.Join(p.dir, parentFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := syncTree(p.dir); err != nil {
		return fmt.Errorf("graph: syncing %s: %w", p.dir, err)
	}
	final := p.g.Dir(p.name)
	crashPoint("before-rename")
	if err := os.Rename(p.dir, final); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	p.dir = final
	if err := syncDir(p.g.root); err != nil {
		return err
	}
	crashPoint("before-current")
	if err := p.g.setCurrent(p.name); err != nil {
		return err
	}
	p.done = true
	crashPoint("after-current")
	return nil
}

// Abort removes the unfinished generation.
func (p *Pending) Abort() error {
	if p.done {
		return nil
	}
	p.done = true
	return os.RemoveAll(p.dir)
}

// setCurrent replaces CURRENT atomically and durably.
func (g *Generations) setCurrent(name string) error {
	tmp := filepath.Join(g.root, currentFile+tmpSuffix)
	if err := writeFileSync(tmp, []byte(name+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(g.root, currentFile)); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	return syncDir(g.root)
}

// Rollback makes the live generation's parent live again and returns both
// names. The generation rolled back from is kept until the next Prune. The
// caller must hold the rebuild lock.
func (g *Generations) Rollback() (from, to string, err error) {
	from, err = g.Current()
	if err != nil {
		return "", "", err
	}
	if from == "" {
		return "", "", fmt.Errorf("graph: %s holds no generations: %w", g.root, ErrNoGeneration)
	}
	to = g.parent(from)
	if to == "" {
		return from, "", fmt.Errorf("graph: %s was not built from an earlier generation: %w", from, ErrNoGeneration)
	}
	if fi, err := os.Stat(g.Dir(to)); err != nil || !fi.IsDir() {
		return from, to, fmt.Errorf("graph: %s (the parent of %s) was pruned: %w", to, from, ErrNoGeneration)
	}
	return from, to, g.setCurrent(to)
}

// Prune removes partial generations and every complete generation that is
// neither live nor among the keep generations it descends from, and returns
// the names removed. A generation still open (its LOCK held, by a server
// that has not switched yet) is left for a later prune. The caller must
// hold the rebuild lock.
func (g *Generations) Prune(keep int) ([]string, error) {
	if err := g.removePartial(); err != nil {
		return nil, err
	}
	cur, err := g.Current()
	if err != nil || cur == "" {
		return nil, err
	}
	chain := map[string]bool{cur: true}
	for n, name := 0, cur; n < keep; n++ {
		name = g.parent(name)
		if name == "" {
			break
		}
		chain[name] = true
	}
	gens, err := g.List()
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, gen := range gens {
		if chain[gen.Name] {
			continue
		}
		unlock, err := LockDir(g.Dir(gen.Name))
		if err != nil {
			continue // in use
		}
		err = os.RemoveAll(g.Dir(gen.Name))
		unlock()
		if err != nil {
			return removed, fmt.Errorf("graph: removing %s: %w", gen.Name, err)
		}
		removed = append(removed, gen.Name)
	}
	return removed, nil
}

// removePartial removes generations left unfinished.
func (g *Generations) removePartial() error {
	ents, err := os.ReadDir(g.root)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), tmpSuffix); ok && strings.HasPrefix(name, genPrefix) {
			if err := os.RemoveAll(filepath.Join(g.root, e.Name())); err != nil {
				return fmt.Errorf("graph: removing a partial generation: %w", err)
			}
		}
	}
	return nil
}

// nextNumber is one more than the highest generation number in use,
// partial ones included.
func (g *Generations) nextNumber() (int, error) {
	ents, err := os.ReadDir(g.root)
	if err != nil {
		return 0, err
	}
	max := 0
	for _, e := range ents {
		if n, ok := genNumber(strings.TrimSuffix(e.Name(), tmpSuffix)); ok && n > max {
			max = n
		}
	}
	return max + 1, nil
}

// storeFile reports whether a file in a store directory belongs to the
// store (and is copied into a new generation).
func storeFile(name string) bool {
	switch name {
	case lockFile, parentFile, currentFile, currentFile + tmpSuffix, rebuildLock, "status.json", "status.json" + tmpSuffix:
		return false
	}
	return !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, keptPrefix)
}

// copyStoreFiles copies the regular files of a store directory (not its
// subdirectories, lock or bookkeeping files) into dst, synced.
func copyStoreFiles(src, dst string) error {
	ents, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || !storeFile(e.Name()) {
			continue
		}
		if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	// (*os.File).ReadFrom uses copy_file_range, which shares extents on
	// file systems that can.
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeFileSync writes a file and syncs it before returning.
func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("graph: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("graph: %w", err)
	}
	return f.Close()
}

// WriteFileAtomic replaces path with data so that a reader (or a process
// started after a crash) sees the old content or the new, never a mix:
// write a temporary file, sync it, rename it over path, sync the directory.
func WriteFileAtomic(path string, data []byte) error {
	tmp := path + tmpSuffix
	if err := writeFileSync(tmp, data); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	return syncDir(filepath.Dir(path))
}

// syncTree syncs every regular file in dir, then dir itself.
func syncTree(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("graph: syncing %s: %w", dir, err)
	}
	return nil
}

// crashPoint kills the process with SIGKILL when NEWSGRAPH_CRASH_AT names
// this point. It exists for the crash tests, which check that a rebuild
// killed at each step between writing a generation and making it live
// leaves the live generation intact.
func crashPoint(name string) {
	if at := os.Getenv("NEWSGRAPH_CRASH_AT"); at != "" && at == name {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
}

// CrashPoint is crashPoint for the steps of a rebuild outside this package.
func CrashPoint(name string) { crashPoint(name) }
