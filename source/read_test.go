package source

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const goodText = "Talks to resume in Baghdad\n\nThe ministry said on Thursday that the talks would resume in Baghdad next week.\n"

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFileGood(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	writeFile(t, path, []byte(goodText))
	a, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Doc != "a.txt" || a.Path != path {
		t.Errorf("Doc, Path = %q, %q; want a.txt, %q", a.Doc, a.Path, path)
	}
	if a.ID != ContentID([]byte(goodText)) || len(a.ID) != 16 {
		t.Errorf("ID = %q, want ContentID of the raw bytes", a.ID)
	}
	if a.Title != "Talks to resume in Baghdad" || !strings.HasPrefix(a.Text, "The ministry said") {
		t.Errorf("unexpected article %+v", a)
	}
}

// TestBadInputs checks every kind of bad input, through ReadFile, with
// the error's type, sentinel and message.
func TestBadInputs(t *testing.T) {
	big := bytes.Repeat([]byte("word "), 300)
	for _, tc := range []struct {
		name     string
		data     []byte
		opts     Options
		sentinel error
		msg      string // substring of the message after "PATH: "
	}{
		{"empty", nil, Options{}, ErrEmpty, "empty file"},
		{"whitespace", []byte(" \n\t\r\n  "), Options{}, ErrEmpty, "empty file: only whitespace"},
		{"nul", []byte("Some text\x00with a NUL"), Options{}, ErrBinary, "binary file: NUL byte at offset 9"},
		{"mostly-not-text", bytes.Repeat([]byte{0x01, 0x02, 'a', 0x1b, 0xff, 0xfe, 0x90, 'b'}, 64), Options{}, ErrBinary, "binary file: "},
		{"invalid-utf8", []byte("Caf\xe9 owners said the talks would resume."), Options{}, ErrInvalidUTF8, "invalid UTF-8: at byte offset 3"},
		{"truncated-utf8", []byte("Talks in Baghdad \xe2\x80"), Options{}, ErrInvalidUTF8, "at byte offset 17"},
		{"oversized", big, Options{MaxBytes: 1000}, ErrTooLarge, "file too large: 1500 bytes, the limit is 1000 bytes"},
		{"all-boilerplate", []byte("Share it:\n\nLeave a Reply\n\nYour email address will not be published.\n"), Options{}, ErrNoText, "no extractable main text"},
		{"html-without-text", []byte("<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>"), Options{}, ErrNoText, "no extractable main text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ext := ".txt"
			if tc.name == "html-without-text" {
				ext = ".html"
			}
			path := filepath.Join(t.TempDir(), tc.name+ext)
			writeFile(t, path, tc.data)
			a, err := ReadFile(path, tc.opts)
			if err == nil {
				t.Fatalf("no error; article %+v", a)
			}
			if a != nil {
				t.Errorf("article %+v with an error", a)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != path {
				t.Fatalf("error %v (%T) is not a *FileError for %s", err, err, path)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.sentinel)
			}
			if !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q, want %q after the path", err.Error(), tc.msg)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := Parse("doc", "", bytes.Repeat([]byte("a"), DefaultMaxBytes+1), "", Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "doc: ") {
		t.Errorf("default limit: got %v", err)
	}
	if _, err := Parse("doc", "", bytes.Repeat([]byte("word. "), 1000), "", Options{MaxBytes: -1}); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

func TestReadFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.txt")
	_, err := ReadFile(path, Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("got %v, want not-exist", err)
	}
	if want := path + ": no such file or directory"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

func TestParseEncodings(t *testing.T) {
	const want = "Café owners said the talks would resume."
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Title of the article\n\n" + want {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	for _, tc := range []struct {
		name, ct string
		raw      []byte
	}{
		{"utf8-bom", "", append([]byte{0xEF, 0xBB, 0xBF}, "Title of the article\n\n"+want...)},
		{"utf16le-bom", "", utf16le},
		{"latin1-declared", "text/plain; charset=windows-1252", []byte("Title of the article\n\nCaf\xe9 owners said the talks would resume.")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("doc", "", tc.raw, tc.ct, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != want || a.Title != "Title of the article" {
				t.Errorf("got %+v", a)
			}
			if a.ID != ContentID(tc.raw) {
				t.Errorf("ID is not the hash of the raw bytes")
			}
		})
	}
	// HTML declaring its charset in a <meta>.
	page := []byte(`<html><head><meta charset="windows-1252"><title>Caf` + "\xe9" + ` talks resume</title></head><body><article><p>` +
		strings.Repeat("Caf\xe9 owners in Baghdad said on Thursday that the talks would resume next week. ", 8) + `</p></article></body></html>`)
	a, err := Parse("page", "", page, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Café owners in Baghdad") {
		t.Errorf("meta charset not honoured: %q", a.Text)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		html bool
	}{
		{"<!DOCTYPE html><html><body><p>x</p></body></html>", true},
		{"  \n<html lang=en>", true},
		{"<div class=article><p>Text</p></div>", true},
		{"<p>Text</p>", true},
		{"Plain text with <b>a tag</b> inside", false},
		{"<3 Baghdad", false},
	} {
		if got := looksLikeHTML(tc.in); got != tc.html {
			t.Errorf("looksLikeHTML(%q) = %v", tc.in, got)
		}
	}
}

func TestMediaKind(t *testing.T) {
	for _, tc := range []struct {
		ct   string
		kind mediaKindT
		cs   string
	}{
		{"", kindUnknown, ""},
		{"text/html; charset=UTF-8", kindHTML, "utf-8"},
		{"application/xhtml+xml", kindHTML, ""},
		{"text/plain", kindText, ""},
		{"text/markdown", kindMarkdown, ""},
		{"application/octet-stream", kindUnknown, ""},
		{"text/html;;", kindHTML, ""},
	} {
		kind, cs := mediaKind(tc.ct)
		if kind != tc.kind || cs != tc.cs {
			t.Errorf("mediaKind(%q) = %d, %q; want %d, %q", tc.ct, kind, cs, tc.kind, tc.cs)
		}
	}
}

// walk reads what WalkPaths lists, as the pipeline's workers do.
func walk(paths []string, opts Options, fn func(*Article, error) error) error {
	return WalkPaths(paths, func(path string, err error) error {
		if err != nil {
			return fn(nil, err)
		}
		return fn(ReadFile(path, opts))
	})
}

// walkResult is one call of walk's callback, for comparison.
type walkResult struct {
	Path     string
	Sentinel string // "" for an article
}

func sentinelName(err error) string {
	for _, s := range []struct {
		err  error
		name string
	}{{ErrEmpty, "empty"}, {ErrBinary, "binary"}, {ErrInvalidUTF8, "utf8"}, {ErrTooLarge, "large"}, {ErrNoText, "notext"}, {fs.ErrNotExist, "missing"}} {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return "other: " + err.Error()
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"b.txt":              []byte(goodText),
		"a.md":               []byte("# " + goodText),
		"c.html":             []byte(newsPageForTest(t)),
		"noext":              []byte(goodText),
		"empty.txt":          nil,
		"bin.txt":            []byte("x\x00y"),
		"latin1.text":        []byte("Caf\xe9"),
		"big.htm":            bytes.Repeat([]byte("<p>word</p>"), 20000),
		"image.jpg":          []byte("\xff\xd8\xff"),
		"notes.pdf":          []byte("%PDF-1.4"),
		".hidden.txt":        []byte(goodText),
		".git/config":        []byte(goodText),
		"sub/z.txt":          []byte(goodText),
		"sub/a.txt":          []byte(goodText),
		"sub/deeper/x.TXT":   []byte(goodText),
		"sub/.cache/y.txt":   []byte(goodText),
		"Z-upper-first.html": []byte(newsPageForTest(t)),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
	single := filepath.Join(t.TempDir(), "single.data") // explicit files are read whatever their extension
	writeFile(t, single, []byte(goodText))
	missing := filepath.Join(dir, "does-not-exist")

	var got []walkResult
	err := walk([]string{missing, dir, single}, Options{MaxBytes: 100 << 10}, func(a *Article, err error) error {
		if (a == nil) == (err == nil) {
			t.Errorf("callback got article %v and error %v", a, err)
		}
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("%v is not a *FileError", err)
				return nil
			}
			got = append(got, walkResult{fe.Path, sentinelName(err)})
			return nil
		}
		if a.Text == "" || a.Doc != filepath.Base(a.Path) {
			t.Errorf("bad article %+v", a)
		}
		got = append(got, walkResult{a.Path, ""})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	j := func(s string) string { return filepath.Join(dir, s) }
	want := []walkResult{
		{missing, "missing"},
		{j("Z-upper-first.html"), ""},
		{j("a.md"), ""},
		{j("b.txt"), ""},
		{j("big.htm"), "large"},
		{j("bin.txt"), "binary"},
		{j("c.html"), ""},
		{j("empty.txt"), "empty"},
		{j("latin1.text"), "utf8"},
		{j("noext"), ""},
		{j("sub/a.txt"), ""},
		{j("sub/deeper/x.TXT"), ""},
		{j("sub/z.txt"), ""},
		{single, ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("walk order/results:\n got %v\nwant %v", got, want)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"1.txt", "2.txt", "3.txt"} {
		writeFile(t, filepath.Join(dir, n), []byte(goodText))
	}
	stop := errors.New("stop")
	calls := 0
	err := walk([]string{dir, dir}, Options{}, func(a *Article, err error) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("walk returned %v after %d calls, want stop after 2", err, calls)
	}
}

func TestWalkUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "locked", "a.txt"), []byte(goodText))
	writeFile(t, filepath.Join(dir, "ok.txt"), []byte(goodText))
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	var errs, arts int
	if err := walk([]string{dir}, Options{}, func(a *Article, err error) error {
		if err != nil {
			errs++
		} else {
			arts++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if errs != 1 || arts != 1 {
		t.Errorf("errors %d, articles %d; want 1, 1", errs, arts)
	}
}

func TestFileErrorMessage(t *testing.T) {
	e := &FileError{Path: "x/y.txt", Err: withDetail(ErrInvalidUTF8, "at byte offset 7")}
	if e.Error() != "x/y.txt: invalid UTF-8: at byte offset 7" {
		t.Errorf("got %q", e.Error())
	}
	if !errors.Is(e, ErrInvalidUTF8) || errors.Is(e, ErrBinary) {
		t.Error("errors.Is does not see the sentinel")
	}
}

func TestWalkTakesAndContentType(t *testing.T) {
	for _, tc := range []struct {
		name  string
		takes bool
		ct    string
	}{
		{"a.txt", true, "text/plain"},
		{"a.TEXT", true, "text/plain"},
		{"a.md", true, "text/markdown"},
		{"a.html", true, "text/html"},
		{"a.HTM", true, "text/html"},
		{"README", true, ""},
		{"a.markdown", false, "text/markdown"},
		{"a.xhtml", false, "text/html"},
		{"a.pdf", false, ""},
		{"a.txt~", false, ""},
		{"photo.jpg", false, ""},
	} {
		if got := WalkTakes(tc.name); got != tc.takes {
			t.Errorf("WalkTakes(%q) = %v", tc.name, got)
		}
		if got := ContentTypeFor(tc.name); got != tc.ct {
			t.Errorf("ContentTypeFor(%q) = %q, want %q", tc.name, got, tc.ct)
		}
	}
}
