// Package redact masks secrets in text before it is shown: the password
// of a URL (http://user:secret@host/feed), wherever the URL appears, in a
// configuration value, a source name, an error message or a log line.
// Every place that prints such text goes through Secrets, so that there
// is one rule to get right.
package redact

import (
	"context"
	"log/slog"
	"regexp"
)

// Mask replaces a password.
const Mask = "xxxxx"

// userinfo matches the user:password@ part of a URL: a scheme, then a
// user and a password with none of the characters that end an authority.
var userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:"'<>]*):([^/?#@\s"'<>]*)@`)

// Secrets returns s with the password of every URL in it replaced by
// Mask, as url.URL.Redacted does for one URL.
func Secrets(s string) string {
	return userinfo.ReplaceAllString(s, "${1}:"+Mask+"@")
}

// Handler returns a log handler that masks secrets in the message and
// in every string or error attribute before h sees them.
func Handler(h slog.Handler) slog.Handler { return handler{h} }

type handler struct{ h slog.Handler }

func (r handler) Enabled(ctx context.Context, l slog.Level) bool { return r.h.Enabled(ctx, l) }

func (r handler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, Secrets(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(attr(a))
		return true
	})
	return r.h.Handle(ctx, out)
}

func (r handler) WithAttrs(as []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(as))
	for i, a := range as {
		masked[i] = attr(a)
	}
	return handler{r.h.WithAttrs(masked)}
}

func (r handler) WithGroup(name string) slog.Handler { return handler{r.h.WithGroup(name)} }

// attr masks one attribute: strings, errors, anything printed with %v,
// and groups, attribute by attribute.
func attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Secrets(v.String()))
	case slog.KindGroup:
		as := v.Group()
		masked := make([]any, len(as))
		for i, g := range as {
			masked[i] = attr(g)
		}
		return slog.Group(a.Key, masked...)
	case slog.KindAny:
		if s := v.String(); Secrets(s) != s {
			return slog.String(a.Key, Secrets(s))
		}
	}
	return a
}
