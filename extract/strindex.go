package extract

// strIndex maps strings to non-zero numbers. It holds the word tables that
// every token is looked up in (the vocab, the word sets) by open
// addressing on a hash of the string: a look-up, most often a miss, is a
// hash, one or two slots and a compare, a third of the instructions of a
// Go map's.
type strIndex struct {
	slots []strSlot // a power of two of them, at most half full; val 0 is empty
	n     int       // slots used
	lens  uint64    // bit l: a key has l bytes (63: 63 or more)
}

type strSlot struct {
	key string
	val int32
}

// strHash hashes s for a strIndex, inline: hash/maphash went through four
// calls for each short word. The keys of an index are the lexicon's, fixed
// when it loads, so no text can make a look-up walk further than the
// longest run of slots they fill.
func strHash(s string) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(s)) * m
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ w) * m
		h ^= h >> 29
	}
	// The last zero to seven bytes in one step, not a multiply each (most
	// words are shorter than eight): four and four, overlapping, or the
	// first, middle and last; the length, in h from the start, tells
	// apart the strings that share those bytes.
	switch n := len(s); {
	case n >= 4:
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[n-4])<<32 | uint64(s[n-3])<<40 | uint64(s[n-2])<<48 | uint64(s[n-1])<<56
		h = (h ^ w) * m
	case n > 0:
		h = (h ^ (uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16)) * m
	}
	h ^= h >> 32
	return h * m
}

// get returns the number of s, or 0 when s has none.
func (x *strIndex) get(s string) int32 {
	if x.lens&(1<<min(len(s), 63)) == 0 { // a small set has a few lengths: most misses end here
		return 0
	}
	mask := uint64(len(x.slots) - 1)
	for i := strHash(s) & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.val == 0 || sl.key == s {
			return sl.val
		}
	}
}

// set gives s the number v, not 0.
func (x *strIndex) set(s string, v int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots, x.n = make([]strSlot, max(16, 2*len(old))), 0
		for _, sl := range old {
			if sl.val != 0 {
				x.set(sl.key, sl.val)
			}
		}
	}
	mask := uint64(len(x.slots) - 1)
	i := strHash(s) & mask
	for x.slots[i].val != 0 && x.slots[i].key != s {
		i = (i + 1) & mask
	}
	if x.slots[i].val == 0 {
		x.n++
		x.lens |= 1 << min(len(s), 63)
	}
	x.slots[i] = strSlot{s, v}
}
