package schema

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r's JSON form to b: byte for byte what encoding/json
// writes for it with HTML escaping off (Encoder.SetEscapeHTML(false)),
// without the trailing newline, and without reflection: `newsgraph
// extract` writes a record an article, and encoding/json was a sixth of
// its instructions. The error is encoding/json's, for a confidence or a
// coordinate that is not a number.
//
// A field added to Record or to the types it holds must be added here:
// TestAppendJSON fills every field and fails until it is.
func (r *Record) AppendJSON(b []byte) ([]byte, error) {
	w := jsonWriter{b: b}
	w.req(`{"doc":`, r.Doc)
	a := &r.Article
	w.req(`,"article":{"id":`, a.ID)
	w.req(`,"source":`, a.Source)
	w.opt(`,"title":`, a.Title)
	w.opt(`,"outlet":`, a.Outlet)
	w.opt(`,"author":`, a.Author)
	w.opt(`,"date":`, a.Date)
	w.opt(`,"credit":`, a.Credit)
	w.opt(`,"sketch":`, a.Sketch)
	w.raw(`},"entities":`)
	jsonList(&w, r.Entities, func(e *Entity) {
		w.req(`{"id":`, e.ID)
		w.req(`,"type":`, e.Type)
		w.req(`,"name":`, e.Name)
		w.raw(`,"mentions":`)
		jsonList(&w, e.Mentions, func(m *string) { w.str(*m) })
		w.opt(`,"wikidata":`, e.Wikidata)
		if len(e.Coords) > 0 {
			w.raw(`,"coords":`)
			jsonList(&w, e.Coords, func(c *float64) { w.float(*c) })
		}
		w.opt(`,"geo_precision":`, e.GeoPrecision)
		w.b = append(w.b, '}')
	})
	w.raw(`,"facts":`)
	jsonList(&w, r.Facts, func(f *Fact) {
		w.req(`{"s":`, f.S)
		w.req(`,"p":`, f.P)
		w.req(`,"o":`, f.O)
		w.req(`,"kind":`, f.Kind)
		w.req(`,"evidence":`, f.Evidence)
		w.opt(`,"role":`, f.Role)
		w.opt(`,"asserted_by":`, f.AssertedBy)
		w.optFloat(`,"confidence":`, f.Confidence)
		w.b = append(w.b, '}')
	})
	w.raw(`,"events":`)
	jsonList(&w, r.Events, func(e *Event) {
		w.req(`{"id":`, e.ID)
		w.req(`,"type":`, e.Type)
		w.opt(`,"agent":`, e.Agent)
		w.opt(`,"target":`, e.Target)
		w.opt(`,"location":`, e.Location)
		w.opt(`,"about":`, e.About)
		w.opt(`,"date":`, e.Date)
		w.opt(`,"date_precision":`, e.DatePrecision)
		w.opt(`,"date_note":`, e.DateNote)
		w.opt(`,"status":`, e.Status)
		w.req(`,"kind":`, e.Kind)
		w.req(`,"evidence":`, e.Evidence)
		w.opt(`,"asserted_by":`, e.AssertedBy)
		w.optFloat(`,"confidence":`, e.Confidence)
		w.b = append(w.b, '}')
	})
	w.b = append(w.b, '}')
	return w.b, w.err
}

// jsonList writes s as a JSON array, each element by each, or null for a
// nil slice (as encoding/json does).
func jsonList[T any](w *jsonWriter, s []T, each func(*T)) {
	if s == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i := range s {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		each(&s[i])
	}
	w.b = append(w.b, ']')
}

// jsonWriter appends JSON to b; err is the first value encoding/json
// refused.
type jsonWriter struct {
	b   []byte
	err error
	// floats are the last numbers float wrote, as where their bytes are in
	// b: a record's confidences are a few values said again and again,
	// and formatting one took hundreds of instructions.
	floats [4]struct {
		bits       uint64
		start, end int
	}
	nextFloat int
}

func (w *jsonWriter) raw(s string) { w.b = append(w.b, s...) }

// req writes key and s.
func (w *jsonWriter) req(key, s string) {
	w.raw(key)
	w.str(s)
}

// opt writes key and s unless s is empty (omitempty).
func (w *jsonWriter) opt(key, s string) {
	if s != "" {
		w.raw(key)
		w.str(s)
	}
}

// optFloat writes key and f unless f is 0 (omitempty).
func (w *jsonWriter) optFloat(key string, f float64) {
	if f != 0 {
		w.raw(key)
		w.float(f)
	}
}

// str writes s quoted. Printable ASCII, quotes and backslashes and valid
// UTF-8 are written here as encoding/json writes them; a string with
// anything else (control characters, invalid UTF-8, U+2028, U+2029) is
// left to encoding/json.
func (w *jsonWriter) str(s string) {
	mark := len(w.b)
	w.b = append(w.b, '"')
	i := plainPrefix(s)
	if i == len(s) { // most strings: ids, types, names
		w.b = append(w.b, s...)
		w.b = append(w.b, '"')
		return
	}
	start := 0
	for i < len(s) {
		if i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != '"' && c != '\\':
			case c == '"' || c == '\\':
				w.b = append(w.b, s[start:i]...)
				w.b = append(w.b, '\\', c)
				start = i + 1
			default:
				w.b = w.b[:mark]
				w.std(s)
				return
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			w.b = w.b[:mark]
			w.std(s)
			return
		}
		i += size
	}
	w.b = append(w.b, s[start:]...)
	w.b = append(w.b, '"')
}

// plainPrefix returns the length of the longest start of s that
// encoding/json writes as it is, printable ASCII but '"' and '\\': eight
// bytes at a time (plain8), the last few of a string of eight or more as
// its last eight, and a shorter string's a byte at a time.
func plainPrefix(s string) int {
	i := 0
	for i+8 <= len(s) && plain8(s[i:i+8]) {
		i += 8
	}
	if len(s)-i < 8 && len(s) >= 8 && plain8(s[len(s)-8:]) {
		return len(s) // s[:i] is plain, and s[i:] is within the last eight
	}
	for i < len(s) && jsonPlain[s[i]] {
		i++
	}
	return i
}

// jsonPlain marks the bytes plain8 passes.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plain8 reports whether the 8 bytes of s are all printable ASCII other
// than '"' and '\\', which encoding/json writes as they are, testing the
// 8 at once: a byte's top bit is set in x where it is not ASCII, in
// x-0x20… where it is the first below 0x20, and in (y-0x01…)&^y where
// y = x^c… is 0, that is where x's byte is c.
func plain8(s string) bool {
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	bad := x | (x - ones*0x20) | (quote-ones)&^quote | (backslash-ones)&^backslash
	return bad&highs == 0
}

// float writes f as encoding/json does: strconv's shortest 'f' form in
// the range where encoding/json uses it, encoding/json itself elsewhere
// (exponents, and the error for NaN and infinities).
func (w *jsonWriter) float(f float64) {
	bits := math.Float64bits(f)
	for _, c := range w.floats {
		if c.bits == bits && c.end > 0 {
			w.b = append(w.b, w.b[c.start:c.end]...)
			return
		}
	}
	if a := math.Abs(f); a == 0 || a >= 1e-6 && a < 1e21 {
		start := len(w.b)
		w.b = strconv.AppendFloat(w.b, f, 'f', -1, 64)
		c := &w.floats[w.nextFloat%len(w.floats)]
		c.bits, c.start, c.end = bits, start, len(w.b)
		w.nextFloat++
		return
	}
	w.std(f)
}

// std writes v with encoding/json, HTML escaping off.
func (w *jsonWriter) std(v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		if w.err == nil {
			w.err = err
		}
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
