package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kata’ib Hezbollah", "kataib hezbollah"},
		{"Kata'ib  Hezbollah", "kataib hezbollah"},
		{"U.S. forces", "us forces"},
		{"Şarku’l Avsat", "sharkul avsat"},
		{"Mohammed Shia’ Al Sudani", "mohammed shia al sudani"},
		{"Ayn al-Asad", "ayn al asad"},
		{"Hüseyin Çelik", "huseyin celik"},
		{"", ""},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTransliterationKeys checks that spellings of one name share their
// token keys and that different names do not.
func TestTransliterationKeys(t *testing.T) {
	same := [][2]string{
		{"Cafer al-Husayni", "Jafar al-Husseini"},
		{"Huseyni", "Husseini"},
		{"Mustafa al-Kazemi", "Mustafa al-Kadhimi"},
		{"Kazimi", "Kadhimi"},
		{"Hussein Allavi", "Hussein Allawi"},
		{"Seyyed al-Shohda", "Sayyid al-Shuhada"},
		{"Sayyidus Shuheda", "Sayyid al-Shuhada"},
		{"Şarku’l Avsat", "Sharq al-Awsat"},
		{"Ain Al-Assad", "Ayn al-Asad"},
		{"Koniko", "Conoco"},
		{"Qassem Soleimani", "Kassem Suleimani"},
		{"Abdul Bari Atwan", "Abd al-Bari Atwan"},
		{"Hizballah", "Hezbollah"},
		{"Ghaani", "Qaani"},
	}
	for _, p := range same {
		a, b := nameKeys(p[0]), nameKeys(p[1])
		if !equalKeys(a, b) {
			t.Errorf("%q %v and %q %v should have the same keys", p[0], a, p[1], b)
		}
	}
	different := [][2]string{
		{"Hussein Allawi", "Hussein al-Musawi"},
		{"Minister", "Ministry"},
		{"Hanan", "Han"},
		{"Ain", "Nin"},
	}
	for _, p := range different {
		if a, b := nameKeys(p[0]), nameKeys(p[1]); equalKeys(a, b) {
			t.Errorf("%q and %q must not share keys (%v)", p[0], p[1], a)
		}
	}
}

func TestTokenWise(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"Mohammed al-Sudani", "Mohammed Shia al-Sudani", true},
		{"Firas Yasir", "Firas al-Yasir", true},
		{"Hussein Allawi", "Hussein al-Musawi", false}, // surname differs
		{"Mohammed Shia", "Mohammed Shia al-Sudani", false},
		{"Sudani", "Mohammed Shia al-Sudani", false}, // one token: short forms are resolved in the article only
	} {
		if got := tokenWise(nameKeys(c.short), nameKeys(c.long)); got != c.want {
			t.Errorf("tokenWise(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

func TestExplain(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, c := range []struct {
		name, id, reason string
	}{
		{"Kata’ib Hezbollah", "kataib-hezbollah", ReasonExactAlias},
		{"Hezbollah Brigades", "kataib-hezbollah", ReasonExactAlias},
		{"Hussein Allavi", "hussein-allawi", ReasonKeyEqual},
		{"Cafer al-Husayni", "jafar-al-husseini", ReasonKeyEqual},
		{"Seyyed al-Shohda Brigades", "kataib-sayyid-al-shuhada", ReasonKeyEqual},
		{"Ayn al-Asad Base", "ain-al-asad-air-base", ReasonKeyEqual},
		{"Mohammed al-Sudani", "mohammed-shia-al-sudani", ReasonTokenWise},
		{"US troops", "us-military", ReasonExactAlias},
		{"Hussein al-Musawi", "", ""},
		{"Oran", "", ""},
	} {
		ex := x.Explain(c.name)
		if ex.ID != c.id || ex.Reason != c.reason || ex.Found != (c.id != "") {
			t.Errorf("Explain(%q) = %s (%s), want %s (%s)", c.name, ex.ID, ex.Reason, c.id, c.reason)
		}
	}
	if ex := x.Explain("Kata'ib Hezbollah"); len(ex.Aliases) == 0 || len(ex.Background) == 0 {
		t.Errorf("Explain should list aliases and background facts: %+v", ex)
	}
}

func TestExplainIn(t *testing.T) {
	x := NewRules(DefaultLexicon())
	a := article("Firas al-Yasir, a senior representative of Harakat al-Nujaba, spoke on Monday. “We will not leave,” Yasir said.")
	ex := x.ExplainIn(a, "Yasir")
	if ex.ID != "firas-al-yasir" || ex.Reason != ReasonShortForm {
		t.Fatalf("ExplainIn(Yasir) = %+v", ex)
	}
	var surfaces []string
	for _, m := range ex.Merges {
		surfaces = append(surfaces, m.Surface+"="+m.Reason)
	}
	if got := strings.Join(surfaces, "; "); !strings.Contains(got, "Firas al-Yasir=") || !strings.Contains(got, "Yasir="+ReasonShortForm) {
		t.Errorf("merges = %s", got)
	}
}

// TestPersonShortForms: a name a pattern makes a person ("al-X added",
// "Abu Y said") is the article's person whose surname it is, or whose
// kunya it opens; a kunya two people of the article share is neither's.
func TestPersonShortForms(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, c := range []struct{ text, short, want string }{
		{"The commander Haidar al-Zubaidi spoke to reporters on Monday. Al-Zubaidi added that the talks would resume.", "Al-Zubaidi", "haidar-al-zubaidi"},
		{"The militia's envoy Abu Zainab al-Lami spoke to reporters on Monday. The talks would resume, Abu Zainab said.", "Abu Zainab", "abu-zainab-al-lami"},
		{"The envoys Abu Zainab al-Lami and Abu Zainab al-Kufi spoke to reporters on Monday. The talks would resume, Abu Zainab said.", "Abu Zainab", "abu-zainab"},
	} {
		if ex := x.ExplainIn(article(c.text), c.short); ex.ID != c.want {
			t.Errorf("ExplainIn(%q) = %s (%s), want %s", c.short, ex.ID, ex.Reason, c.want)
		}
	}
}

// TestKeyCache checks that the cache gives nameKeys of each surface on
// a miss and on a hit, from goroutines at once (go test -race), and
// forgets everything, not some forms, once it is full.
func TestKeyCache(t *testing.T) {
	var c keyCache
	text := "Kata'ib Hezbollah and Abu Mahdi al-Muhandis met Mohammed Shia’ Al Sudani in Ain al-Assad."
	surfaces := []string{text[0:17], text[22:43], text[48:70], text[74:87], "", "—", "Sayyidus Shuhada", "Abdul Aziz"}
	// A cache belongs to one docBuffers, used by one goroutine at a time:
	// asked again, it gives the same keys.
	for range 3 {
		for _, s := range surfaces {
			if got, want := c.keys(s), nameKeys(s); !slices.Equal(got, want) {
				t.Errorf("keys(%q) = %q, nameKeys %q", s, got, want)
			}
		}
	}
	if len(c.m) != len(surfaces) {
		t.Errorf("the cache holds %d forms, want %d", len(c.m), len(surfaces))
	}
	for i := len(c.m); i < keyCacheMax; i++ {
		c.keys(fmt.Sprint("Name", i))
	}
	if len(c.m) != keyCacheMax {
		t.Fatalf("the cache holds %d forms, want %d", len(c.m), keyCacheMax)
	}
	c.keys("Erbil")
	if len(c.m) != 1 {
		t.Errorf("a full cache given one more form holds %d, want 1", len(c.m))
	}
}

// TestSkelSteps holds the skeleton step each word of the vocab has made
// (byWord's skel) to skelParts and appendSkeleton, as matchLexicon makes
// it for a word outside the vocab.
func TestSkelSteps(t *testing.T) {
	lx := DefaultLexicon()
	n := 0
	for w, id := range lx.words.all() {
		for i, beforeName := range []bool{false, true} {
			st := lx.byWord[id].skel[i]
			abd, rest := skelParts(w, beforeName)
			key := string(appendSkeleton(nil, rest))
			if st.abd != abd || st.rest != (rest != "") || st.rest && st.key != key {
				t.Errorf("%q, before a name %v: step %+v, want abd %v and the skeleton %q of %q", w, beforeName, st, abd, key, rest)
			}
			if want := lx.skel.next[key]; !abd && st.rest && st.root != want {
				t.Errorf("%q, before a name %v: root child %p, want %p", w, beforeName, st.root, want)
			}
		}
		n++
	}
	if n != lx.words.size()-1 {
		t.Errorf("all yields %d words, the vocab has %d", n, lx.words.size()-1)
	}
}
