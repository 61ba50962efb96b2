package rebuild

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// quadCache keeps, for every article in the store, the quads its load
// wrote (gzipped N-Quads, under <data_dir>/rebuild/quads). Removing a
// changed or vanished article's quads then takes one transaction of known
// quads, where finding them by label would walk every quad of every node
// the article mentions: seconds per article on a store of millions of
// quads, whose hubs (a country, a big armed group) carry hundreds of
// thousands. A missing or unreadable entry falls back to the walk.
type quadCache struct {
	dir     string
	version string // extractor version the quads were made by
}

func (c *quadCache) path(id string) string {
	if len(id) < 2 {
		id = "__" + id
	}
	return filepath.Join(c.dir, id[:2], id+".nq.gz")
}

// put records an article's quads. Errors are reported, not fatal: the
// rebuild goes on and a later removal takes the slow way.
func (c *quadCache) put(id string, quads []quad.Quad) error {
	if c == nil {
		return nil
	}
	p := c.path(id)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".put-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	zw, _ := gzip.NewWriterLevel(tmp, gzip.BestSpeed)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# %s\n", c.version)
	enc := nquads.NewWriter(bw)
	_, err = enc.WriteQuads(quads)
	for _, e := range []error{enc.Close(), bw.Flush(), zw.Close()} {
		if err == nil {
			err = e
		}
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// get returns the quads recorded for an article, or false.
func (c *quadCache) get(id string) ([]quad.Quad, bool) {
	if c == nil {
		return nil, false
	}
	f, err := os.Open(c.path(id))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, false
	}
	br := bufio.NewReader(zr)
	head, err := br.ReadString('\n')
	if err != nil || strings.TrimSpace(strings.TrimPrefix(head, "#")) != c.version {
		return nil, false
	}
	dec := nquads.NewReader(br, false)
	var out []quad.Quad
	for {
		q, err := dec.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, false
		}
		out = append(out, q)
	}
	// A truncated gzip stream fails its checksum here.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, false
	}
	return out, true
}

// gc removes the entries of articles in none of keep.
func (c *quadCache) gc(keep map[string]bool) (removed int, err error) {
	if c == nil {
		return 0, nil
	}
	subs, err := os.ReadDir(c.dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	for _, s := range subs {
		if !s.IsDir() {
			continue
		}
		ents, err := os.ReadDir(filepath.Join(c.dir, s.Name()))
		if err != nil {
			return removed, err
		}
		for _, e := range ents {
			id, ok := strings.CutSuffix(e.Name(), ".nq.gz")
			if ok && keep[id] {
				continue
			}
			if os.Remove(filepath.Join(c.dir, s.Name(), e.Name())) == nil {
				removed++
			}
		}
	}
	return removed, nil
}
