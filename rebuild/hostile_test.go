package rebuild

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/source"
)

// TestHostileSource: a rebuild of a directory with a page nested 100,000
// deep, an article over its quad budget, a FIFO and a symbolic link loop
// loads the good articles, fails the bad ones by name and lists the rest
// as skipped. When the directory is then emptied (a mount gone missing),
// the source fails and its articles stay in the store.
func TestHostileSource(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "a.txt", text(50))
	writeArticle(t, dir, "deep.html", "<html><body>"+strings.Repeat("<div>", 100000)+"<p>x</p></body></html>")
	writeArticle(t, dir, "long.txt", strings.Repeat(text(51)+"\n\n", 40))
	writeArticle(t, dir, "z.txt", text(52))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, config.Source{Name: "hostile", Dir: dir})
	r := e.rebuilder()
	r.opts.Budget = pipeline.Budget{MaxQuads: 2000}
	sum, err := r.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	check(t, "hostile directory", sum, 2, 0, 0, 0, 2)
	want := []string{
		filepath.Join(dir, "deep.html") + ": no extractable main text: cannot parse HTML: html: open stack of elements exceeds 512 nodes",
		filepath.Join(dir, "long.txt") + ": over the article's budget: ",
	}
	for i, w := range want {
		if i >= len(sum.Errors) || !strings.HasPrefix(sum.Errors[i], w) {
			t.Errorf("errors %q, want %q", sum.Errors, want)
			break
		}
	}
	skipped := filepath.Join(dir, "loop") + ": not an article: symbolic link loop\n" + filepath.Join(dir, "pipe.txt") + ": not an article: a named pipe (FIFO)"
	if got := strings.Join(sum.Skipped, "\n"); got != skipped {
		t.Errorf("skipped %q, want %q", got, skipped)
	}
	before := e.quads()

	for _, name := range []string{"a.txt", "deep.html", "long.txt", "z.txt", "pipe.txt", "loop"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	sum, err = r.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Removed != 0 || sum.Failed != 1 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], "no articles: the directory is empty") {
		t.Errorf("emptied directory: removed %d, failed %d, errors %q; want the source failed and nothing removed", sum.Removed, sum.Failed, sum.Errors)
	}
	if after := e.quads(); len(after) != len(before) || !hasLabel(after, source.ContentID([]byte(text(50)))) {
		t.Errorf("the articles of the emptied source were touched: %d quads, had %d", len(after), len(before))
	}
}
