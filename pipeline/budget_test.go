package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// stallExtractor is lineExtractor, except that on an article whose text
// says "stall" it blocks until the test ends, whatever its context says:
// as the HTML parser and the rule-based extractor would on a page built to
// stall them, since neither watches a context inside an article.
type stallExtractor struct {
	lineExtractor
	release chan struct{}
	started chan struct{} // receives once per stalled article
}

func newStallExtractor(t *testing.T) stallExtractor {
	x := stallExtractor{lineExtractor{"1"}, make(chan struct{}), make(chan struct{}, 10)}
	t.Cleanup(func() { close(x.release) })
	return x
}

func (x stallExtractor) Extract(ctx context.Context, a *source.Article) (schema.Record, error) {
	if strings.Contains(a.Text, "crash") {
		items := []int{}
		_ = items[len(items)-1] // a rule reading before the sentence: index out of range [-1]
	}
	if strings.Contains(a.Text, "stall") {
		x.started <- struct{}{}
		<-x.release
	}
	return x.lineExtractor.Extract(ctx, a)
}

func openBolt(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestBuildBudget: one article that stalls, or yields far more than an
// article does, fails with an error naming it and the over-budget reason;
// the article after it ("z.txt", last in the walk) is still loaded into
// the bolt store. Inputs are made here, the largest 5 MB.
func TestBuildBudget(t *testing.T) {
	oneLine := strings.Repeat("Alpha attacked Harir. ", 5<<20/22) // one 5 MB line, 238k facts
	many := ""
	for _, g := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"} {
		for _, b := range []string{"K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"} {
			many += g + "x attacked " + b + "y. "
		}
	}
	tests := []struct {
		name   string
		file   string // a.* is read before z.txt
		body   string
		budget Budget
		want   string
	}{
		{"stalls", "a.txt", body("Alpha stall attacked Harir."), Budget{Timeout: 200 * time.Millisecond},
			"a.txt: over the article's budget: took longer than 200ms (extract.article_timeout)"},
		{"one 5 MB line, default budget", "a.txt", oneLine, Budget{},
			"a.txt: over the article's budget: 0 events and 238312 facts, more than the limit of 20000 quads (extract.max_article_quads)"},
		{"100 facts, 500 quads allowed", "a.txt", body(many), Budget{MaxQuads: 500},
			"a.txt: over the article's budget: 885 quads (0 events, 100 facts, 20 entities), the limit is 500 (extract.max_article_quads)"},
		{"the extractor panics", "a.txt", body("Alpha crash attacked Harir."), Budget{},
			"a.txt: internal error (a defect in newsgraph: please report it with the article): runtime error: index out of range [-1]"},
		{"100k nested divs", "a.html", "<html><body>" + strings.Repeat("<div>", 100000) + "<p>Alpha attacked Harir.</p></body></html>", Budget{},
			"a.html: no extractable main text: cannot parse HTML: html: open stack of elements exceeds 512 nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.file, tt.body)
			write(t, dir, "z.txt", body("Bravo attacked Tanf."))
			st := openBolt(t)
			sum, err := Build(context.Background(), st, newStallExtractor(t), dirs(dir), Options{Workers: 2, Budget: tt.budget})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 1 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], tt.want) {
				t.Errorf("failed %d, errors %q; want one containing %q", sum.Failed, sum.Errors, tt.want)
			}
			if !strings.HasPrefix(sum.Errors[0], filepath.Join(dir, tt.file)+":") {
				t.Errorf("error %q does not start with the file's path", sum.Errors[0])
			}
			if got := targets(t, st, "bravo"); len(got) != 1 || got[0] != "<ng:entity/tanf>" {
				t.Errorf("the article after the bad one: bravo attacked %v, want tanf", got)
			}
			if got := targets(t, st, "alpha"); len(got) != 0 {
				t.Errorf("the bad article left quads: alpha attacked %v", got)
			}
		})
	}
}

// TestBuildCancelReachesArticle: cancelling the build (what SIGTERM does)
// ends it while an article's extraction is stalled, instead of waiting for
// the article; Build returns the cancellation.
func TestBuildCancelReachesArticle(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", body("Alpha stall attacked Harir."))
	write(t, dir, "b.txt", body("Bravo attacked Tanf."))
	x := newStallExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-x.started
		cancel()
	}()
	_, err := Build(ctx, openBolt(t), x, dirs(dir), Options{Workers: 1, Budget: Budget{Timeout: -1}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Build returned %v, want context.Canceled", err)
	}
}

// TestBuildReportsEntries: a FIFO and a symbolic link loop in a directory
// are listed as skipped with the reason, and do not count as failures; a
// directory with no article is a failure that says so, and a build of
// nothing else on a fresh store ends without a store error.
func TestBuildReportsEntries(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", body("Alpha attacked Harir."))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	sum, err := Build(context.Background(), openBolt(t), lineExtractor{"1"}, dirs(dir, empty), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantSkipped := []string{
		filepath.Join(dir, "loop") + ": not an article: symbolic link loop",
		filepath.Join(dir, "pipe.txt") + ": not an article: a named pipe (FIFO)",
	}
	if strings.Join(sum.Skipped, "\n") != strings.Join(wantSkipped, "\n") {
		t.Errorf("skipped %q, want %q", sum.Skipped, wantSkipped)
	}
	if sum.Added != 1 || sum.Failed != 1 || len(sum.Errors) != 1 || sum.Errors[0] != empty+": no articles: the directory is empty (hidden entries aside)" {
		t.Errorf("added %d, failed %d, errors %q; want 1 added and the empty directory failed", sum.Added, sum.Failed, sum.Errors)
	}

	st := openBolt(t)
	sum, err = Build(context.Background(), st, lineExtractor{"1"}, dirs(empty), Options{})
	if err != nil || sum.Failed != 1 {
		t.Fatalf("empty directory alone: %+v, %v", sum, err)
	}
	if n, err := st.QuadCount(context.Background()); err != nil || n != 0 {
		t.Errorf("the fresh store after a build of nothing: %d quads, %v", n, err)
	}
}

// TestExtractRecordBudget: extracting without quads (newsgraph extract),
// which counts an article's quads instead of making them, refuses an
// article exactly when extracting with them does: at the limit it passes,
// one quad under it it fails with the same error.
func TestExtractRecordBudget(t *testing.T) {
	art := &source.Article{Path: "a.txt", Text: "Ax attacked Ky. Bx attacked Ly. Cx attacked My."}
	x := lineExtractor{"1"}
	ctx := context.Background()
	e, err := Budget{MaxQuads: -1}.extract(ctx, x, art, true)
	if err != nil || len(e.Quads) < 10 {
		t.Fatalf("Extract: %d quads, %v", len(e.Quads), err)
	}
	n := len(e.Quads)
	for _, max := range []int{n, n - 1, -1} {
		b := Budget{MaxQuads: max}
		want, wantErr := b.extract(ctx, x, art, true)
		got, gotErr := b.extract(ctx, x, art, false)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (wantErr == nil) != (max != n-1) {
			t.Errorf("limit %d of %d quads: without quads error %v, with them %v", max, n, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got.Rec, want.Rec) {
			t.Errorf("limit %d: the record without quads differs from the one with them", max)
		}
	}
}
