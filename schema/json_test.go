package schema

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// stdJSON is a record as `newsgraph extract` wrote it with encoding/json.
func stdJSON(t *testing.T, r *Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// jsonStrings are strings AppendJSON writes itself and strings it leaves
// to encoding/json.
var jsonStrings = []string{
	"", "Kata'ib Hezbollah", `a "quoted" \ word`, "<b>&amp;</b>", "tab\there", "line\nbreak\r",
	"\x00\x01\x1f\x7f", "Erbil – Irbil ‘’ “” é ü ش", "\u2028\u2029", "bad \xff\xfe utf-8", "\xe2\x80",
	"emoji 😀", "\b\f", "end\\",
}

// fill sets every field of v (a pointer to a struct) that reflection
// reaches: strings from pick, floats, and slices of one to three elements,
// so that a field AppendJSON does not write makes the outputs differ.
func fill(v reflect.Value, rng *rand.Rand, pick func() string) {
	switch v.Kind() {
	case reflect.Pointer:
		fill(v.Elem(), rng, pick)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), rng, pick)
		}
	case reflect.String:
		v.SetString(pick())
	case reflect.Float64:
		fs := []float64{0, 1, -1, 0.85, 33.31, 44.37, -0.5, 1e-7, 1e21, 123456789.125, math.Copysign(0, -1), 1e-6, 5e20}
		v.SetFloat(fs[rng.Intn(len(fs))])
	case reflect.Slice:
		n := rng.Intn(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(s.Index(i), rng, pick)
		}
		if n > 0 || rng.Intn(2) == 0 {
			v.Set(s)
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach AppendJSON and this test")
	}
}

// TestAppendJSON holds AppendJSON to encoding/json on records whose every
// field is set (or empty, or nil), with strings of every kind.
func TestAppendJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pick := func() string {
		switch rng.Intn(4) {
		case 0:
			return ""
		case 1:
			b := make([]byte, rng.Intn(12))
			for i := range b {
				b[i] = byte(rng.Intn(256))
			}
			return string(b)
		}
		return jsonStrings[rng.Intn(len(jsonStrings))]
	}
	var buf []byte
	for i := range 3000 {
		var r Record
		fill(reflect.ValueOf(&r), rng, pick)
		if i%7 == 0 {
			r = Record{Doc: pick()}
		}
		var err error
		buf, err = r.AppendJSON(buf[:0])
		if err != nil {
			t.Fatal(err)
		}
		if want := stdJSON(t, &r); !bytes.Equal(buf, want) {
			t.Fatalf("record %d:\n got %s\nwant %s", i, buf, want)
		}
	}
	for _, s := range jsonStrings {
		r := Record{Doc: s, Entities: []Entity{{Mentions: []string{s}}}}
		got, err := r.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := stdJSON(t, &r); !bytes.Equal(got, want) {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
	r := Record{Facts: []Fact{{Confidence: math.NaN()}}}
	if _, err := r.AppendJSON(nil); err == nil {
		t.Error("a confidence that is NaN: no error")
	}
}

// TestPlain8 holds plain8 to a byte at a time, on random bytes drawn
// mostly from around the bytes it tells apart.
func TestPlain8(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	near := []byte{0, 0x1f, 0x20, 0x21, '"', 0x23, 0x5b, '\\', 0x5d, 0x7e, 0x7f, 0x80, 0xff, 'a', ' '}
	b := make([]byte, 8)
	for range 500000 {
		want := true
		for i := range b {
			if rng.Intn(3) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = near[rng.Intn(len(near))]
			}
			if c := b[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
				want = false
			}
		}
		if got := plain8(string(b)); got != want {
			t.Fatalf("plain8(%q) = %v", b, got)
		}
	}
}

// TestPlainPrefix holds plainPrefix to a byte at a time, on strings of
// every length up to 40 with a byte plain8 refuses at every place, or
// none.
func TestPlainPrefix(t *testing.T) {
	for n := range 41 {
		for _, bad := range []byte{0, 0x1f, '"', '\\', 0x80, 0xff} {
			for at := 0; at <= n; at++ { // at == n: no bad byte
				b := []byte(strings.Repeat("a~ 0", 11)[:n])
				if at < n {
					b[at] = bad
				}
				want := 0
				for want < n && (b[want] >= 0x20 && b[want] < 0x80 && b[want] != '"' && b[want] != '\\') {
					want++
				}
				if got := plainPrefix(string(b)); got != want {
					t.Errorf("plainPrefix(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}
