package extract

import "iter"

// The rules look a token's word up in many tables: the lexicon's name trie,
// the frames' words, the title trie. Hashing the word's string at each look-up
// was the largest cost of extraction, so every word those tables hold gets a
// small number when the lexicon is compiled, each token is numbered once with
// one look-up, and the tables are keyed by that number.

// wordID numbers an exact key among the words the lexicon's tables hold; 0
// is every word they do not hold, which no table matches.
type wordID int32

// vocab numbers the words of the lexicon's tables. It is complete once the
// lexicon is compiled and only read afterwards, by any number of goroutines.
type vocab struct {
	ids strIndex
}

// intern returns w's number, giving it the next one if it has none.
func (v *vocab) intern(w string) wordID {
	if id := v.id(w); id != 0 {
		return id
	}
	id := wordID(v.ids.n + 1)
	v.ids.set(w, int32(id))
	return id
}

// internAll interns each word of ws.
func (v *vocab) internAll(ws []string) []wordID {
	ids := make([]wordID, len(ws))
	for i, w := range ws {
		ids[i] = v.intern(w)
	}
	return ids
}

// id returns w's number, or 0 when the lexicon's tables do not hold w.
func (v *vocab) id(w string) wordID { return wordID(v.ids.get(w)) }

// all yields every word of the vocab and its number.
func (v *vocab) all() iter.Seq2[string, wordID] {
	return func(yield func(string, wordID) bool) {
		for _, sl := range v.ids.slots {
			if sl.val != 0 && !yield(sl.key, wordID(sl.val)) {
				return
			}
		}
	}
}

// size is one more than the largest number given.
func (v *vocab) size() int { return v.ids.n + 1 }

// wordIDs is a small set of word numbers, searched in order: the word
// elements of a frame hold a handful of words each.
type wordIDs []wordID

// has reports whether id, not 0, is in the set.
func (s wordIDs) has(id wordID) bool {
	if id == 0 {
		return false
	}
	for _, x := range s {
		if x == id {
			return true
		}
	}
	return false
}
