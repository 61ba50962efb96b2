package translit

import (
	"slices"
	"testing"
)

// TestNormalize covers what Split does of its own, beyond the extractor's
// cases that TestTranslitAgrees (in extract) compares on the lexicon.
func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"U.S.A.", "usa"},
		{"U.N. envoy", "un envoy"},
		{"Iraq's militias", "iraq militias"},
		{"Kata’ib Hezbollah’s base", "kataib hezbollah base"},
		{"PressTV", "press tv"},
		{"Shia’", "shia"},
		{"-- al --", "al"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSkeleton checks that spellings of one word share a skeleton and that
// different words do not.
func TestSkeleton(t *testing.T) {
	for _, group := range [][]string{
		{"hezbollah", "hizbollah", "hizballah", "hizbullah"},
		{"kataib", "kataeb", "katayib"},
		{"qasem", "qassem", "kasim"},
		{"dhiqar", "ziqar"},
		{"ghaani", "qaani"},
		{"shuhada", "shohda"},
	} {
		for _, w := range group[1:] {
			if Skeleton(w) != Skeleton(group[0]) {
				t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q", w, Skeleton(w), group[0], Skeleton(group[0]))
			}
		}
	}
	for _, p := range [][2]string{{"allawi", "musawi"}, {"minister", "ministry"}, {"hanan", "han"}, {"ain", "nin"}} {
		if Skeleton(p[0]) == Skeleton(p[1]) {
			t.Errorf("%q and %q share the skeleton %q", p[0], p[1], Skeleton(p[0]))
		}
	}
}

// TestSpeltNear: words of one skeleton are spellings of one name when
// their vowels fall in the same places, give or take a letter.
func TestSpeltNear(t *testing.T) {
	for _, p := range [][2]string{{"koniko", "conoco"}, {"kiniko", "conoco"}, {"sweida", "suwayda"}, {"qamishlo", "qamishli"},
		{"hasaka", "hasakah"}, {"kataeb", "kataib"}, {"ziqar", "dhiqar"}, {"qaani", "ghaani"}, {"mawsil", "mosul"}} {
		if !SpeltNear(p[0], p[1]) {
			t.Errorf("%q and %q should be one name's spellings (%s, %s)", p[0], p[1], Shape(p[0]), Shape(p[1]))
		}
	}
	for _, p := range [][2]string{{"mohammed", "mahmudiya"}, {"tens", "tennessee"}, {"counter", "quneitra"}} {
		if SpeltNear(p[0], p[1]) {
			t.Errorf("%q and %q should be told apart (%s, %s)", p[0], p[1], Shape(p[0]), Shape(p[1]))
		}
	}
}

// TestNameKeys checks whole names: articles, sun articles joined by a
// hyphen, fused articles and Abd- names.
func TestNameKeys(t *testing.T) {
	same := [][2]string{
		{"Ain Al-Assad", "Ayn al-Asad"},
		{"Ain al Asad", "Ain al-Asad"},
		{"Cafer al-Husayni", "Jafar al-Husseini"},
		{"Sayyidus Shuheda", "Sayyid al-Shuhada"},
		{"Şarku’l Avsat", "Sharq al-Awsat"},
		{"Abdul Bari Atwan", "Abd al-Bari Atwan"},
		{"Salah ad-Din", "Salah Din"},
		{"Kataib Hizbollah", "Kata'ib Hezbollah"},
	}
	for _, p := range same {
		if a, b := NameKeys(p[0]), NameKeys(p[1]); !slices.Equal(a, b) {
			t.Errorf("%q %v and %q %v should have the same keys", p[0], a, p[1], b)
		}
	}
	if a, b := NameKeys("Salah ad Din"), NameKeys("Salah Din"); slices.Equal(a, b) {
		t.Errorf("an unjoined sun article is a word: %v", a)
	}
	if k := NameKeys("the al"); len(k) != 0 {
		t.Errorf("articles only: keys %v, want none", k)
	}
}

// TestArticleSwitches holds isArticle and isSunArticle to the Articles and
// SunArticles maps they stand for.
func TestArticleSwitches(t *testing.T) {
	words := []string{"", "a", "al", "alb", "the", "them", "ash", "as", "ad", "adh", "x", "el", "il", "ul", "ol"}
	for w := range Articles {
		words = append(words, w, w+"a", w[:len(w)-1])
	}
	for w := range SunArticles {
		words = append(words, w, w+"h", w[:len(w)-1])
	}
	for _, w := range words {
		if isArticle(w) != Articles[w] {
			t.Errorf("isArticle(%q) = %v", w, isArticle(w))
		}
		if isSunArticle(w) != SunArticles[w] {
			t.Errorf("isSunArticle(%q) = %v", w, isSunArticle(w))
		}
	}
}
