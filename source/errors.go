package source

import (
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors for the ways a file can fail to be an article. Every
// error returned by ReadFile, Parse and Walk for a bad input is a
// *FileError wrapping one of these (or an I/O error), so callers can test
// with errors.Is.
var (
	// ErrEmpty: the input has no bytes, or only whitespace.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the input holds NUL bytes or is mostly not text.
	ErrBinary = errors.New("binary file")
	// ErrInvalidUTF8: the input is text but not valid UTF-8 (and declares
	// no other encoding).
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: the input is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrNoText: nothing readable is left: an HTML page with no
	// extractable main text, or a text that is all noise.
	ErrNoText = errors.New("no extractable main text")
	// ErrNotRegular: the path names something that is neither a regular
	// file nor a directory (a device, a pipe, a socket).
	ErrNotRegular = errors.New("not a regular file")
	// ErrSkipped: a directory walk passed over an entry it cannot read as
	// an article (a named pipe, a device, a socket, a symbolic link loop
	// or one to a directory). It is reported, not counted as a failure:
	// such entries are not articles that went wrong.
	ErrSkipped = errors.New("not an article")
	// ErrNoArticles: a directory holds no file a walk takes (it is empty,
	// or holds only PDFs, images and the like).
	ErrNoArticles = errors.New("no articles")
)

// FileError is the error for one input that could not be read as an
// article. Its Error() is "PATH: problem", the path quoted when it holds
// control characters (QuotePath).
type FileError struct {
	Path string // the path (or URL) as given
	Err  error  // what went wrong; wraps a sentinel above or an I/O error
}

// Error returns "PATH: problem".
func (e *FileError) Error() string {
	if e.Err == nil {
		return QuotePath(e.Path) + ": unknown error"
	}
	return QuotePath(e.Path) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, so errors.Is(err, ErrBinary) and
// errors.Is(err, fs.ErrNotExist) work.
func (e *FileError) Unwrap() error { return e.Err }

// detailError is a sentinel with a detail: "sentinel: detail" in messages,
// the sentinel for errors.Is.
type detailError struct {
	sentinel error
	detail   string
}

func (e *detailError) Error() string { return e.sentinel.Error() + ": " + e.detail }
func (e *detailError) Unwrap() error { return e.sentinel }

func withDetail(sentinel error, detail string) error {
	return &detailError{sentinel: sentinel, detail: detail}
}

// QuotePath returns a path as it may be printed: unchanged when every
// character in it is printable, else quoted with Go escapes (strconv.Quote).
// A file name is chosen by whoever wrote the files, and one holding
// terminal escape sequences would otherwise rewrite the user's screen (or
// forge lines of output) when an error or summary names it.
func QuotePath(p string) string {
	if !utf8.ValidString(p) {
		return strconv.Quote(p) // a stray byte such as 0x9b is a C1 escape to some terminals
	}
	for _, r := range p {
		if !unicode.IsPrint(r) {
			return strconv.Quote(p)
		}
	}
	return p
}
