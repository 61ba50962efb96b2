package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 5 << 20 // 5 MiB

// Options control reading.
type Options struct {
	// MaxBytes is the largest input accepted, in bytes. 0 means
	// DefaultMaxBytes; a negative value means no limit.
	MaxBytes int64
}

func (o Options) limit() int64 {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return -1
	}
	return o.MaxBytes
}

// ReadFile reads one file as an article. The content type follows the
// extension (see ContentTypeFor; an unknown extension is sniffed). Doc
// is the base name of path, Path is path as given. A file larger than
// the limit is refused before it is read. Every error is a *FileError.
func ReadFile(path string, opts Options) (*Article, error) {
	raw, err := ReadRaw(path, opts)
	if err != nil {
		return nil, err
	}
	return Parse(filepath.Base(path), path, raw, ContentTypeFor(path), opts)
}

// ReadRaw reads the bytes of one file for ReadFile, or for a caller that
// hashes them before parsing: a regular file of at most opts' limit
// (refused before it is read when its size says so). Every error is a
// *FileError.
func ReadRaw(path string, opts Options) ([]byte, error) {
	limit := opts.limit()
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if fi.IsDir() {
		return nil, &FileError{Path: path, Err: errors.New("is a directory")}
	}
	if !fi.Mode().IsRegular() {
		return nil, &FileError{Path: path, Err: ErrNotRegular}
	}
	if limit >= 0 && fi.Size() > limit {
		return nil, &FileError{Path: path, Err: tooLarge(fi.Size(), limit, false)}
	}
	// Opened non-blocking, which changes nothing for a regular file, so
	// that os does not set and clear the flag itself (four fcntl calls
	// an article).
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	var r io.Reader = f
	if limit >= 0 {
		// The file may have grown since Stat: never read past the limit.
		r = io.LimitReader(f, limit+1)
	}
	// Room for the file as Stat found it and more: one read when it
	// returns that size and no more (the end), where io.ReadAll's growing
	// buffer takes several; a file that has grown or shrunk since is read
	// to its end.
	raw := make([]byte, 0, int(fi.Size())+bytes.MinRead)
	for {
		if len(raw) == cap(raw) {
			raw = slices.Grow(raw, bytes.MinRead)
		}
		n, err := r.Read(raw[len(raw):cap(raw)])
		raw = raw[:len(raw)+n]
		if err == io.EOF || n > 0 && int64(len(raw)) == fi.Size() && len(raw) < cap(raw) {
			break
		}
		if err != nil {
			return nil, &FileError{Path: path, Err: unwrapPathError(err)}
		}
	}
	if limit >= 0 && int64(len(raw)) > limit {
		return nil, &FileError{Path: path, Err: tooLarge(int64(len(raw)), limit, true)}
	}
	return raw, nil
}

// ContentTypeFor is the media type ReadFile gives a file by its
// extension: "text/html" for .html, .htm and .xhtml; "text/plain" for
// .txt and .text; "text/markdown" for .md and .markdown; "" (sniff) for
// any other.
func ContentTypeFor(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".txt", ".text":
		return "text/plain"
	case ".md", ".markdown":
		return "text/markdown"
	}
	return ""
}

// Parse makes an article of raw bytes from anywhere (a file, a feed, a
// URL). doc is the key the article goes by (a file name or URL) and path
// where it came from. contentType is a media type such as "text/html" or
// "text/plain; charset=windows-1252"; "" means sniff: HTML if the bytes
// look like HTML, plain text otherwise. A charset declared in contentType
// (or, for HTML, in a <meta> tag) is decoded; otherwise the bytes must be
// UTF-8 (a UTF-16 byte-order mark is honoured). Every error is a
// *FileError whose Path is path (or doc when path is empty).
func Parse(doc, path string, raw []byte, contentType string, opts Options) (*Article, error) {
	where := path
	if where == "" {
		where = doc
	}
	fail := func(err error) (*Article, error) { return nil, &FileError{Path: where, Err: err} }

	if limit := opts.limit(); limit >= 0 && int64(len(raw)) > limit {
		return fail(tooLarge(int64(len(raw)), limit, false))
	}
	kind, cs := mediaKind(contentType)
	text, err := decode(raw, cs, kind)
	if err != nil {
		return fail(err)
	}
	if kind == kindUnknown {
		kind = kindText
		if looksLikeHTML(text) {
			kind = kindHTML
		}
	}

	a := &Article{ID: ContentID(raw), Doc: doc, Path: path}
	var m meta
	if kind == kindHTML {
		m, err = extractHTML(text, path)
	} else {
		m = clean(text, kind == kindMarkdown)
		if m.Text == "" {
			err = withDetail(ErrNoText, "no body text, only a header or boilerplate")
		}
	}
	if err != nil {
		return fail(err)
	}
	a.Title, a.Outlet, a.Author, a.Date, a.Text = m.Title, m.Outlet, m.Author, m.Date, m.Text
	return a, nil
}

type mediaKindT int

const (
	kindUnknown mediaKindT = iota
	kindText
	kindMarkdown
	kindHTML
)

// mediaKind reads a Content-Type value: which cleaner it calls for, and
// the declared charset, if any.
func mediaKind(contentType string) (mediaKindT, string) {
	if strings.TrimSpace(contentType) == "" {
		return kindUnknown, ""
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A malformed header: take what is before the first ';'.
		mt, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(contentType)), ";")
		mt = strings.TrimSpace(mt)
	}
	cs := strings.ToLower(strings.TrimSpace(params["charset"]))
	switch mt {
	case "text/html", "application/xhtml+xml":
		return kindHTML, cs
	case "text/markdown", "text/x-markdown":
		return kindMarkdown, cs
	case "text/plain":
		return kindText, cs
	}
	return kindUnknown, cs
}

// decode turns raw bytes into valid UTF-8 text or says why it cannot.
func decode(raw []byte, cs string, kind mediaKindT) (string, error) {
	if len(raw) == 0 {
		return "", ErrEmpty
	}
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case cs != "" && !isUTF8Name(cs):
		if e, _ := charset.Lookup(cs); e != nil {
			enc = e
		}
	case kind != kindText && kind != kindMarkdown && !utf8.Valid(raw) && declaresCharset(raw):
		// HTML (or bytes that may be HTML) with a <meta charset>.
		if e, name, _ := charset.DetermineEncoding(raw, "text/html"); e != nil && !isUTF8Name(name) {
			enc = e
		}
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return "", withDetail(ErrInvalidUTF8, "cannot decode: "+err.Error())
		}
		raw = out
	}
	if err := checkText(raw); err != nil {
		return "", err
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", withDetail(ErrEmpty, "only whitespace")
	}
	return string(raw), nil
}

func isUTF8Name(cs string) bool {
	switch strings.ToLower(cs) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

// declaresCharset reports whether the head of an HTML document names a
// charset (in a <meta> tag).
func declaresCharset(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// binarySample is how much of the start of a file the "mostly not text"
// test looks at.
const binarySample = 8192

// checkText rejects binary data and invalid UTF-8, naming where.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return withDetail(ErrBinary, fmt.Sprintf("NUL byte at offset %d", i))
	}
	sample := b[:min(len(b), binarySample)]
	bad := 0
	for i := 0; i < len(sample); {
		if i+8 <= len(sample) && noControl8(binary.LittleEndian.Uint64(sample[i:])) {
			i += 8 // most of a text: eight bytes at once
			continue
		}
		bad += int(byteClass[sample[i]]&bcControl) >> 1
		i++
	}
	if !utf8.Valid(sample) {
		for i := 0; i < len(sample); {
			if sample[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(sample[i:])
			if r == utf8.RuneError && size == 1 && len(sample)-i >= utf8.UTFMax {
				bad++
			}
			i += size
		}
	}
	if len(sample) >= 16 && bad*4 > len(sample) {
		return withDetail(ErrBinary, fmt.Sprintf("%d of the first %d bytes are not text", bad, len(sample)))
	}
	if utf8.Valid(b) {
		return nil
	}
	return withDetail(ErrInvalidUTF8, fmt.Sprintf("at byte offset %d", invalidUTF8Offset(b)))
}

// invalidUTF8Offset is the offset of the first byte that does not start
// a valid UTF-8 sequence, or -1.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func tooLarge(size, limit int64, atLeast bool) error {
	more := ""
	if atLeast {
		more = "more than "
	}
	return withDetail(ErrTooLarge, fmt.Sprintf("%s%d bytes, the limit is %d bytes", more, size-boolInt(atLeast), limit))
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// unwrapPathError drops the *fs.PathError layer, whose message repeats
// the path that FileError already gives.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// looksLikeHTML sniffs the start of a text for HTML markup.
func looksLikeHTML(s string) bool {
	head := strings.TrimLeft(s[:min(len(s), 1024)], " \t\r\n\f\ufeff")
	if !strings.HasPrefix(head, "<") {
		return false
	}
	lower := strings.ToLower(head)
	if strings.Contains(lower, "<html") || strings.Contains(lower, "<body") {
		return true
	}
	for _, tag := range []string{"<!doctype html", "<head", "<meta", "<title", "<article", "<main", "<section", "<div", "<p>", "<p ", "<h1", "<table", "<!--"} {
		if strings.HasPrefix(lower, tag) {
			return true
		}
	}
	return false
}

// WalkPaths lists the files under paths that are to be read as articles,
// in order: each path is a file (taken whatever its extension) or a
// directory, walked recursively in lexical order (WalkFiles). fn is called
// with each file's path and a nil error, and with a *FileError for what is
// not an article: a missing path, an unreadable directory, a directory with
// no articles (ErrNoArticles), an entry passed over (ErrSkipped). Reading
// and parsing are left to the caller, so that they can run on workers,
// each within its own budget. The walk goes on after a bad input; it stops
// only when fn returns an error, which WalkPaths then returns.
func WalkPaths(paths []string, fn func(path string, err error) error) error {
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			err = fn(root, &FileError{Path: root, Err: unwrapPathError(err)})
		} else if !fi.IsDir() {
			err = fn(root, nil)
		} else {
			err = WalkFiles(root, func(path string, err error) error {
				if err != nil {
					var fe *FileError
					if !errors.As(err, &fe) {
						err = &FileError{Path: path, Err: unwrapPathError(err)}
					}
				}
				return fn(path, err)
			})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// WalkFiles walks the directory root as WalkPaths does — recursively, in
// lexical order, skipping hidden entries, taking the files WalkTakes
// accepts and symbolic links to such files — and calls fn with the path of
// each file taken, or with the path and error of each entry it could not
// read. Entries that cannot be articles are reported rather than passed
// over in silence: a named pipe, device, socket, symbolic link loop or
// link to a directory with a *FileError wrapping ErrSkipped, and a root
// that yields no file at all with one wrapping ErrNoArticles (after the
// walk, so a caller sees every skipped entry first). Files of other
// extensions (.pdf, .jpg) are only counted for that message: a directory
// of articles with their pictures beside them is normal. It stops,
// returning fn's error, when fn returns one. Callers that need the raw
// bytes before parsing (an incremental rebuild hashes them) walk with it
// and read the files themselves.
func WalkFiles(root string, fn func(path string, err error) error) error {
	var stop error
	var taken int
	others := map[string]int{} // extension -> files not taken
	walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if stop = fn(path, err); stop != nil {
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !WalkTakes(d.Name()) {
			others[strings.ToLower(filepath.Ext(d.Name()))]++
			return nil
		}
		var ferr error
		if reason := notArticle(path, d); reason != "" {
			ferr = &FileError{Path: path, Err: withDetail(ErrSkipped, reason)}
		} else {
			taken++
		}
		if stop = fn(path, ferr); stop != nil {
			return fs.SkipAll
		}
		return nil
	})
	if stop != nil {
		return stop
	}
	if walkErr != nil {
		// WalkDir reports I/O errors through the callback; this is only
		// reached for errors it could not route there.
		return fn(root, walkErr)
	}
	if taken == 0 {
		return fn(root, &FileError{Path: root, Err: withDetail(ErrNoArticles, noArticlesDetail(others))})
	}
	return nil
}

// notArticle says why a directory entry that WalkTakes by name is not a
// file to read, or "" when it is: a regular file, or a symbolic link to
// one.
func notArticle(path string, d fs.DirEntry) string {
	t := d.Type()
	if t.IsRegular() {
		return ""
	}
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		switch {
		case errors.Is(err, syscall.ELOOP):
			return "symbolic link loop"
		case errors.Is(err, fs.ErrNotExist):
			return "broken symbolic link"
		case err != nil:
			return "symbolic link: " + unwrapPathError(err).Error()
		case fi.IsDir():
			return "symbolic link to a directory (not followed)"
		case !fi.Mode().IsRegular():
			return "symbolic link to " + fileKind(fi.Mode())
		}
		return ""
	}
	return fileKind(t)
}

// fileKind names a file type that is not a regular file or directory.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a regular file"
}

// noArticlesDetail says what a directory with no article held.
func noArticlesDetail(others map[string]int) string {
	if len(others) == 0 {
		return "the directory is empty (hidden entries aside)"
	}
	n := 0
	exts := make([]string, 0, len(others))
	for ext, k := range others {
		n += k
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	return fmt.Sprintf("none of its %d files is of a type read as an article (%s); articles are .txt, .text, .md, .html, .htm or extension-less files", n, strings.Join(exts, ", "))
}

// WalkTakes reports whether a directory walk takes a file of this name:
// .txt, .text, .md, .html, .htm (any case) or no extension. (Hidden names
// are skipped before this is asked.)
func WalkTakes(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".html", ".htm", "":
		return true
	}
	return false
}
