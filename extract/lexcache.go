package extract

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The lexicon cache. Decoding the lexicon's YAML was 232M of the 377M
// instructions of every start of newsgraph (package extract loads the
// embedded lexicon in its init), before the first article is read. The
// decoded values are kept in the user's cache directory in a plain binary
// form, and a start reads them back in a few million instructions.
//
// The cache cannot go stale: a file's name is the hash of everything the
// decoded values depend on (lexiconCacheFor): every YAML file's name and
// bytes, a user's extract.lexicon_dir among them, the shapes of the Go
// types decoded into, the YAML module's version, the Go version and the
// cache's own format. A change of any of them looks for another file, and
// the YAML is decoded and cached again. A file that does not read back
// whole (truncated, corrupt, written by other code) is ignored and the
// YAML decoded. The lexicon's fingerprint is made from the YAML bytes, as
// ever, and compiling the lexicon does not know where its values came from.
//
// Caching is best effort: without a user cache directory, or when one
// cannot be written, the YAML is decoded as before, and nothing is said.

// lexiconCacheFormat is the version of the cache's layout; bump it when
// lexEncoder's output changes.
const lexiconCacheFormat = "newsgraph lexicon cache 2\n"

// castagnoli is the table of the CRC-32C a cache file's payload carries,
// which tells a file corrupted on disk: the key says which YAML it is of,
// the CRC that it still holds what was written (a SHA-256 of the payload
// cost a start 7M instructions under callgrind, the CRC 1M, and chance
// damage needs no more).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// lexiconCacheKeep is how many cached lexicons a cache directory keeps:
// a few (the embedded one, a user's lexicon_dir, binaries of other
// versions), not one per edit of the YAML.
const lexiconCacheKeep = 8

// cachedLexicon is what a cache file holds: the values that
// decodeLexiconFiles decodes from the YAML.
type cachedLexicon struct {
	Entries [][]*LexEntry // each file's entries, in the files' order
	Frames  frameFile
	Words   wordLists
}

// lexiconCache is the cache file of one set of YAML files, or none.
type lexiconCache struct {
	path string // "" when there is no cache
	key  [sha256.Size]byte
}

// lexiconCacheFor is the cache of the values decoded from the YAML files
// whose names and bytes hash to sum. It has no path when the user has no
// cache directory, the build does not say the YAML module's version, or a
// type decoded into decodes itself (typeShape).
func lexiconCacheFor(sum [sha256.Size]byte) lexiconCache {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return lexiconCache{}
	}
	yamlVersion := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "go.yaml.in/yaml/v3" {
				yamlVersion = d.Version
				if d.Replace != nil {
					yamlVersion = d.Replace.Path + " " + d.Replace.Version
				}
			}
		}
	}
	shape, ok := typeShape(reflect.TypeFor[cachedLexicon]())
	if yamlVersion == "" || !ok {
		return lexiconCache{}
	}
	c := lexiconCache{key: sha256.Sum256(fmt.Appendf(nil, "%s%s\n%s\n%s\n%x",
		lexiconCacheFormat, runtime.Version(), yamlVersion, shape, sum))}
	c.path = filepath.Join(dir, "newsgraph", fmt.Sprintf("lexicon-%x", c.key[:16]))
	return c
}

// typeShape describes t as the cache encodes it: each type's name and
// kind, and the exported fields of structs by name, type and tag, so that
// a field added to LexEntry, frameFile or wordLists changes the cache's
// key. Only the exported fields are kept (exportedFields). It reports
// false for a type that decodes itself (an UnmarshalYAML or UnmarshalText
// method): what such a method makes of the YAML is code, which no key can
// follow, so a lexicon with one is not cached.
func typeShape(t reflect.Type) (string, bool) {
	var b strings.Builder
	ok := true
	open := map[reflect.Type]bool{} // struct types being described
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if selfDecoding(t) {
			ok = false
		}
		fmt.Fprintf(&b, "%s %s", t, t.Kind())
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array: // the name has an array's length
			b.WriteByte('(')
			walk(t.Elem())
			b.WriteByte(')')
		case reflect.Map:
			b.WriteByte('(')
			walk(t.Key())
			b.WriteByte(',')
			walk(t.Elem())
			b.WriteByte(')')
		case reflect.Struct:
			if open[t] { // a type within itself: its name says it
				return
			}
			open[t] = true
			b.WriteByte('{')
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					fmt.Fprintf(&b, "%s %q ", f.Name, f.Tag)
					walk(f.Type)
					b.WriteByte(';')
				}
			}
			b.WriteByte('}')
			open[t] = false
		}
	}
	walk(t)
	return b.String(), ok
}

// The methods by which a type decodes itself from YAML: yaml.v3's
// Unmarshaler, its obsolete form, and encoding.TextUnmarshaler.
var (
	yamlUnmarshaler    = reflect.TypeFor[interface{ UnmarshalYAML(*yaml.Node) error }]()
	yamlOldUnmarshaler = reflect.TypeFor[interface{ UnmarshalYAML(func(any) error) error }]()
	textUnmarshaler    = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

// selfDecoding reports whether t, or a pointer to it, has a method that
// decodes it from YAML.
func selfDecoding(t reflect.Type) bool {
	for _, u := range []reflect.Type{t, reflect.PointerTo(t)} {
		if u.Implements(yamlUnmarshaler) || u.Implements(yamlOldUnmarshaler) || u.Implements(textUnmarshaler) {
			return true
		}
	}
	return false
}

// load fills decoded's entries, frames and words from the cache, and
// reports whether it could: false when there is no cache file for the key
// or it does not read back whole.
func (c lexiconCache) load(decoded []lexiconFile, frames *frameFile, words *wordLists) bool {
	if c.path == "" {
		return false
	}
	data, err := os.ReadFile(c.path)
	if err != nil {
		return false
	}
	head := len(lexiconCacheFormat) + sha256.Size + 4
	if len(data) < head || string(data[:len(lexiconCacheFormat)]) != lexiconCacheFormat ||
		!bytes.Equal(data[len(lexiconCacheFormat):][:sha256.Size], c.key[:]) {
		return false
	}
	payload := data[head:]
	if binary.LittleEndian.Uint32(data[head-4:]) != crc32.Checksum(payload, castagnoli) {
		return false
	}
	var v cachedLexicon
	d := lexDecoder{s: string(payload)}
	if d.value(reflect.ValueOf(&v).Elem()); d.err != nil || d.off != len(d.s) || len(v.Entries) != len(decoded) {
		return false
	}
	for i := range decoded {
		decoded[i].entries = v.Entries[i]
	}
	*frames, *words = v.Frames, v.Words
	return true
}

// store writes the values decoded from the YAML to the cache: through a
// temporary file renamed into place, so that a reader never sees half a
// file and starts running at once do no harm. It leaves the newest
// lexiconCacheKeep files of the directory. Errors are dropped: the next
// start decodes the YAML again.
func (c lexiconCache) store(decoded []lexiconFile, frames *frameFile, words *wordLists) {
	if c.path == "" {
		return
	}
	v := cachedLexicon{Frames: *frames, Words: *words}
	for _, lf := range decoded {
		v.Entries = append(v.Entries, lf.entries)
	}
	var e lexEncoder
	if e.value(reflect.ValueOf(v)) != nil {
		return
	}
	out := slices.Concat([]byte(lexiconCacheFormat), c.key[:],
		binary.LittleEndian.AppendUint32(nil, crc32.Checksum(e.buf, castagnoli)), e.buf)
	dir := filepath.Dir(c.path)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, "lexicon-*.tmp")
	if err != nil {
		return
	}
	_, err = tmp.Write(out)
	if cerr := tmp.Close(); err != nil || cerr != nil || os.Rename(tmp.Name(), c.path) != nil {
		os.Remove(tmp.Name())
		return
	}
	pruneLexiconCache(dir)
}

// pruneLexiconCache removes all but the newest lexiconCacheKeep cached
// lexicons of dir, so that editing the YAML does not fill the cache.
func pruneLexiconCache(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, "lexicon-*"))
	if len(names) <= lexiconCacheKeep {
		return
	}
	type file struct {
		name string
		mod  int64
	}
	var files []file
	for _, n := range names {
		if st, err := os.Stat(n); err == nil {
			files = append(files, file{n, st.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.mod, a.mod) })
	for _, f := range files[min(lexiconCacheKeep, len(files)):] {
		os.Remove(f.name)
	}
}

// errLexiconCacheKind is a kind of value the cache has no encoding for: a
// type added to the decoded values that lexEncoder must learn.
var errLexiconCacheKind = errors.New("lexicon cache: a kind it cannot encode")

// lexEncoder writes a value of the decoded lexicon's types: strings,
// bools, integers and floats, and slices, arrays, maps, pointers and
// structs of them. A nil slice, map or pointer is told from an empty one,
// since the lexicon tells them apart (words.yaml without platform_words).
type lexEncoder struct {
	buf    []byte
	fields exportedFields
}

func (e *lexEncoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		e.buf = binary.AppendUvarint(e.buf, uint64(v.Len()))
		e.buf = append(e.buf, v.String()...)
	case reflect.Bool:
		b := byte(0)
		if v.Bool() {
			b = 1
		}
		e.buf = append(e.buf, b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = binary.AppendVarint(e.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.buf = binary.AppendUvarint(e.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = append(e.buf, 1)
		return e.value(v.Elem())
	case reflect.Slice, reflect.Map:
		if v.IsNil() {
			e.buf = append(e.buf, 0)
			return nil
		}
		e.buf = binary.AppendUvarint(e.buf, uint64(v.Len())+1)
		if v.Kind() == reflect.Map {
			for it := v.MapRange(); it.Next(); {
				if err := e.value(it.Key()); err != nil {
					return err
				}
				if err := e.value(it.Value()); err != nil {
					return err
				}
			}
			return nil
		}
		return e.elems(v)
	case reflect.Array:
		return e.elems(v)
	case reflect.Struct:
		for _, i := range e.fields.of(v.Type()) {
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return errLexiconCacheKind
	}
	return nil
}

// elems writes the elements of a slice or an array.
func (e *lexEncoder) elems(v reflect.Value) error {
	for i := range v.Len() {
		if err := e.value(v.Index(i)); err != nil {
			return err
		}
	}
	return nil
}

// lexDecoder reads what lexEncoder wrote into a value of the same type.
// Its strings are slices of s, the payload made a string once, not an
// allocation each. A length is at most the bytes left, as every element
// takes one at least, so that a corrupt file cannot make it allocate
// more than the file's size; any error stops it, and err says so.
type lexDecoder struct {
	s      string
	off    int
	err    error
	fields exportedFields
}

// exportedFields holds the indexes of each struct type's exported fields,
// the ones the cache keeps: YAML sets no other, so they are zero after
// decoding, and the cache leaves them so. Asking reflect each field at
// each value was a third of reading the cache.
type exportedFields map[reflect.Type][]int

func (m *exportedFields) of(t reflect.Type) []int {
	if f, ok := (*m)[t]; ok {
		return f
	}
	if *m == nil {
		*m = exportedFields{}
	}
	var f []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			f = append(f, i)
		}
	}
	(*m)[t] = f
	return f
}

var errLexiconCacheCorrupt = errors.New("lexicon cache: corrupt")

func (d *lexDecoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64 && d.off < len(d.s); shift += 7 {
		b := d.s[d.off]
		d.off++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
	d.err = errLexiconCacheCorrupt
	return 0
}

// length reads a length, or a nil slice's or map's 0 when nilable: the
// length, whether it is nil, and false after an error.
func (d *lexDecoder) length(nilable bool) (n int, isNil, ok bool) {
	x := d.uvarint()
	if nilable {
		if x == 0 {
			return 0, true, d.err == nil
		}
		x--
	}
	if d.err != nil || x > uint64(len(d.s)-d.off) {
		d.err = errLexiconCacheCorrupt
		return 0, false, false
	}
	return int(x), false, true
}

func (d *lexDecoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n, _, ok := d.length(false); ok {
			v.SetString(d.s[d.off : d.off+n])
			d.off += n
		}
	case reflect.Bool:
		if d.off >= len(d.s) || d.s[d.off] > 1 {
			d.err = errLexiconCacheCorrupt
			return
		}
		v.SetBool(d.s[d.off] == 1)
		d.off++
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		u := d.uvarint()
		x := int64(u >> 1)
		if u&1 != 0 {
			x = ^x
		}
		if v.OverflowInt(x) {
			d.err = errLexiconCacheCorrupt
			return
		}
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if x := d.uvarint(); !v.OverflowUint(x) {
			v.SetUint(x)
		} else {
			d.err = errLexiconCacheCorrupt
		}
	case reflect.Float32, reflect.Float64:
		if len(d.s)-d.off < 8 {
			d.err = errLexiconCacheCorrupt
			return
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64([]byte(d.s[d.off : d.off+8]))))
		d.off += 8
	case reflect.Pointer:
		if d.off >= len(d.s) || d.s[d.off] > 1 {
			d.err = errLexiconCacheCorrupt
			return
		}
		d.off++
		if d.s[d.off-1] == 1 {
			v.Set(reflect.New(v.Type().Elem()))
			d.value(v.Elem())
		}
	case reflect.Slice:
		n, isNil, ok := d.length(true)
		if !ok || isNil {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		d.elems(v)
	case reflect.Map:
		n, isNil, ok := d.length(true)
		if !ok || isNil {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for range n {
			k.SetZero()
			e.SetZero()
			d.value(k)
			d.value(e)
			if d.err != nil {
				return
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Array:
		d.elems(v)
	case reflect.Struct:
		for _, i := range d.fields.of(v.Type()) {
			d.value(v.Field(i))
		}
	default:
		d.err = errLexiconCacheKind
	}
}

// elems reads the elements of a slice or an array.
func (d *lexDecoder) elems(v reflect.Value) {
	for i := range v.Len() {
		d.value(v.Index(i))
	}
}
