package source

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Hostile inputs: files built to stall a reader, entries of a directory
// that are not files, names that are terminal escapes. Big inputs are made
// here, never committed. Nothing is timed: a reader that goes quadratic
// again (x/net/html before v0.45.0 took minutes on the deep page) runs
// into the test binary's timeout.

// nested opens n elements of open and closes them.
func nested(open, close string, n int) string {
	return "<html><body><p>Iraqi forces said the base in Erbil was attacked on Monday.</p>" +
		strings.Repeat(open, n) + "<p>Inside.</p>" + strings.Repeat(close, n) + "</body></html>"
}

// TestHostileHTML reads pages shaped against the HTML parser and
// readability from files on disk. Each gives an article or a *FileError
// naming the file; the pages nested past the parser's 512 open elements
// are refused with that reason.
func TestHostileHTML(t *testing.T) {
	const n = 100000
	tests := []struct {
		name    string
		page    string
		refused string // part of the error; "" when either outcome is fine
	}{
		{"100k nested divs (1.1 MB)", nested("<div>", "</div>", n), "open stack of elements exceeds 512 nodes"},
		{"100k nested spans", nested("<span>", "</span>", n), "open stack of elements exceeds 512 nodes"},
		{"100k unclosed bold (formatting elements)", nested("<b>", "", n), ""},
		{"100k unclosed links", nested("<a href=x>", "", n), ""},
		{"nested tables", nested("<table><tr><td>", "</td></tr></table>", n/3), ""},
		{"foreign content", nested("<svg>"+strings.Repeat("<g>", n), "", 1), ""},
		{"100k options", nested("<select>"+strings.Repeat("<option>", n), "", 1), ""},
		{"100k end tags", nested("", "</p>", n), ""},
		{"100k attributes", "<div " + strings.Repeat("a=1 ", n) + ">Iraqi forces said the base was attacked.</div>", ""},
		{"100k sibling divs", strings.Repeat("<div>Iraqi forces said so.</div>", n/3), ""},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+i))+".html")
			writeFile(t, path, []byte(tt.page))
			a, err := ReadFile(path, Options{MaxBytes: -1})
			if tt.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("got %v, want an error saying %q", err, tt.refused)
				}
			}
			if err == nil {
				checkArticle(t, a)
				return
			}
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("error %q is not a *FileError naming %s", err, path)
			}
		})
	}
}

// FuzzParseHTML fuzzes the HTML reader from deeply nested seeds: any page
// gives an article or a *FileError, without a panic or a stall.
func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		nested("<div>", "</div>", 600),
		nested("<div>", "</div>", 511),
		nested("<b>", "", 600),
		nested("<table><tr><td>", "", 300),
		nested("<ul><li>", "", 300),
		nested("<svg><g>", "", 300),
		nested("<i><b><u>", "</u></b></i>", 200),
		nested("<template>", "", 600),
		"<p>unclosed <div>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Parse("page.html", "dir/page.html", raw, "text/html", Options{MaxBytes: 1 << 20})
		if err != nil {
			if a != nil {
				t.Fatalf("article and error: %v", err)
			}
			if _, ok := err.(*FileError); !ok || !strings.HasPrefix(err.Error(), "dir/page.html: ") {
				t.Fatalf("error %T %q is not a *FileError naming the page", err, err)
			}
			return
		}
		checkArticle(t, a)
	})
}

// TestWalkReportsEntries: what a directory holds that is not an article is
// reported with the reason (skipped), not passed over in silence; a
// directory with no article at all is an error that says what it held.
func TestWalkReportsEntries(t *testing.T) {
	type entry struct {
		name   string
		make   func(t *testing.T, path string) // nil: a good article
		reason string                          // ErrSkipped's detail; "" for an article taken
	}
	link := func(target string) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		entries []entry
		none    string // ErrNoArticles' detail, when the directory has no article
	}{
		{"named pipe", []entry{{"fifo.txt", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "a named pipe (FIFO)"}}, ""},
		{"socket", []entry{{"sock", func(t *testing.T, p string) {
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Skip("no unix sockets:", err)
			}
			t.Cleanup(func() { l.Close() })
		}, "a socket"}}, ""},
		{"character device", []entry{{"null.txt", func(t *testing.T, p string) {
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|3); err != nil {
				t.Skip("cannot make a device here (not root):", err)
			}
		}, "a character device"}}, ""},
		{"symbolic link loop", []entry{{"loop1", link("loop2"), "symbolic link loop"}, {"loop2", link("loop1"), "symbolic link loop"}}, ""},
		{"broken symbolic link", []entry{{"gone.txt", link("nowhere.txt"), "broken symbolic link"}}, ""},
		{"link to a directory", []entry{{"self", link("."), "symbolic link to a directory (not followed)"}}, ""},
		{"link to an article is taken", []entry{{"alias.txt", link("good.txt"), ""}}, ""},
		{"terminal escapes in a name", []entry{{"evil\x1b[2J\x1b]0;pwned\x07.txt", nil, ""}}, ""},
		{"empty directory", nil, "the directory is empty (hidden entries aside)"},
		{"PDFs and images", []entry{{"a.pdf", nil, ""}, {"b.PNG", nil, ""}, {".hidden.txt", nil, ""}},
			"none of its 2 files is of a type read as an article (.pdf, .png)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.none == "" {
				writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodText))
			}
			want := map[string]string{filepath.Join(dir, "good.txt"): ""}
			for _, e := range tt.entries {
				p := filepath.Join(dir, e.name)
				if e.make == nil {
					writeFile(t, p, []byte(goodText))
				} else {
					e.make(t, p)
				}
				if WalkTakes(e.name) && !strings.HasPrefix(e.name, ".") {
					want[p] = e.reason
				}
			}
			if tt.none != "" {
				want = map[string]string{dir: "no articles: " + tt.none}
			}
			got := map[string]string{}
			err := WalkPaths([]string{dir}, func(path string, err error) error {
				switch {
				case err == nil:
					got[path] = ""
				case errors.Is(err, ErrSkipped):
					got[path] = strings.TrimPrefix(err.Error(), QuotePath(path)+": not an article: ")
				case errors.Is(err, ErrNoArticles):
					got[path] = strings.TrimPrefix(err.Error(), QuotePath(path)+": ")
				default:
					t.Errorf("%s: %v", path, err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for p, reason := range want {
				if g, ok := got[p]; !ok || !strings.HasPrefix(g, reason) || (reason == "") != (g == "") {
					t.Errorf("%q: got %q (reported %v), want %q", p, g, ok, reason)
				}
			}
			if len(got) != len(want) {
				t.Errorf("reported %q, want %q", got, want)
			}
		})
	}
}

// TestQuotePath: names that could drive a terminal are quoted wherever a
// path is printed (FileError among them); ordinary names, spaces and
// non-Latin scripts included, are left as they are.
func TestQuotePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dir/news item.txt", "dir/news item.txt"},
		{"أخبار/خبر.txt", "أخبار/خبر.txt"},
		{"evil\x1b[2J.txt", `"evil\x1b[2J.txt"`},
		{"bell\a.txt", `"bell\a.txt"`},
		{"line\nbreak.txt", `"line\nbreak.txt"`},
		{"c1\u009b31m.txt", `"c1\u009b31m.txt"`},
		{"raw\x9b31m.txt", `"raw\x9b31m.txt"`},
		{"bidi\u202eexe.txt", `"bidi\u202eexe.txt"`},
	}
	for _, tt := range tests {
		if got := QuotePath(tt.in); got != tt.want {
			t.Errorf("QuotePath(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	e := &FileError{Path: "evil\x1b[2J.txt", Err: ErrEmpty}
	if got := e.Error(); got != `"evil\x1b[2J.txt": empty file` {
		t.Errorf("FileError = %s", got)
	}
}
