package eval

import (
	"encoding/json"
	"strings"
	"testing"
)

var normCases = []struct{ in, want string }{
	{"", ""},
	{"Iraq", "iraq"},
	{"  The  U.S. ", "u.s"},
	{"\tThe\n  Green   Zone.", "green zone"},
	{"THE X", "x"},
	{"the the US", "the us"}, // one "the " only
	{"The", "the"},           // no space after it: kept
	{"(the) US", "the) us"},  // "the)" is not "the "
	{"'the US'", "us"},       // quotes trimmed before "the " is
	{"the (US)", "(us"},      // ... and not again after
	{"“Kata’ib Hezbollah”", "kata'ib hezbollah"},
	{"Mohammed Shia’ Al Sudani", "mohammed shia' al sudani"},
	{"«Nujaba»", "nujaba"},
	{"Al\u2013Asad \u2014 base", "al-asad - base"},
	{"Al\u2010Asad", "al\u2010asad"}, // U+2010 HYPHEN is not folded
	{"...;", ""},
	{"ＵＳ", "us"},                   // NFKC: fullwidth
	{"ﬁre", "fire"},                // NFKC: ligature
	{"A\u00a0B", "a b"},            // NFKC: no-break space
	{"a\u001cb", "a b"},            // Python's \s includes U+001C..U+001F
	{"a\u200bb", "a\u200bb"},       // zero width space is not white space
	{"a\u2003\u3000b", "a b"},      // em space, ideographic space
	{"İstanbul", "i\u0307stanbul"}, // full lowercase mapping
	{"ΣΟΦΟΣ war", "σοφος war"},     // final sigma
	{"ΟΔΟΣ.", "οδος"},              // final sigma before case-ignorable "."
	{"Σ", "σ"},                     // no cased letter before: not final
	{"ΑΣ'Α", "ασ'α"},               // cased letter after the apostrophe: not final
	{"Şarku’l Avsat", "şarku'l avsat"},
}

func TestNorm(t *testing.T) {
	for _, c := range normCases {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

var containsCases = []struct {
	big, small string
	want       bool
}{
	{"kata'ib hezbollah", "hezbollah", true},
	{"us military", "us", true},
	{"x y z", "y z", true},
	{"x y z", "x z", false},
	{"al-sudani", "sudani", false}, // hyphen and apostrophe are word characters
	{"kata'ib", "ib", false},
	{"a b", "", false},
	{"a b", "...", false}, // no words in small
	{"b", "a b", false},   // small longer than big
	{"a b", "a b", true},
	{"route 66 attack", "66", true},
	{"i\u0307stanbul talks", "stanbul talks", true}, // a combining mark is not a word character
	{"under_score x", "under_score", true},
	{"½ share", "½", true}, // numbers of category No are word characters
}

func TestContainsWords(t *testing.T) {
	for _, c := range containsCases {
		if got := containsWords(c.big, c.small); got != c.want {
			t.Errorf("containsWords(%q, %q) = %v, want %v", c.big, c.small, got, c.want)
		}
	}
}

var mentionCases = []struct {
	mention, alias string
	want           int
}{
	{"Kata’ib Hezbollah", "Kata'ib Hezbollah", 2},
	{"The Green Zone", "green zone", 2},
	{"the", "the", 2},
	{"...", "...", 0}, // empty after Norm
	{"", "x", 0},
	{"x", "", 0},
	{"US", "U.S.", 0},                               // "us" vs "u.s": different words
	{"Hezbollah", "Kata'ib Hezbollah", 1},           // 9 of 17 characters
	{"Kata'ib Hezbollah", "Hezbollah", 1},           // symmetric
	{"Hezbollah", "Harakat Hezbollah al-Nujaba", 0}, // under half
	{"US forces", "US", 0},
	{"Ain al-Asad", "Ain al-Asad Base", 1},
	{"Iraqi", "Iraq", 0},
	{"abc", "abc de", 1},  // exactly half
	{"abc", "abc def", 0}, // just under half
	{"ab", "ab ç", 1},     // lengths in characters, not bytes (2 of 4)
	{"éé", "éé abc", 0},   // 2 of 6 characters (4 of 8 bytes would pass)
	{"İstanbul talks", "stanbul talks", 1},
}

func TestMentionScore(t *testing.T) {
	for _, c := range mentionCases {
		if got := MentionScore(c.mention, c.alias); got != c.want {
			t.Errorf("MentionScore(%q, %q) = %d, want %d", c.mention, c.alias, got, c.want)
		}
	}
}

var roundCases = []struct{ in, want float64 }{
	{0, 0},
	{1, 1},
	{2.0 / 3, 0.667},
	{1.0 / 3, 0.333},
	{0.0625, 0.062}, // exactly half: to even (math.Round would give 0.063)
	{0.1875, 0.188},
	{0.3125, 0.312},
	{0.0005, 0.001}, // the double is a little above 0.0005
	{0.0015, 0.002}, // ... and this one a little above too
	{0.0025, 0.003},
	{0.1235, 0.123}, // a little below
	{0.9995, 1},     // a little above
	{0.12345, 0.123},
	{0.0045, 0.004}, // a little below; math.Round(x*1000) rounds up
	{0.0185, 0.018},
}

func TestRound3(t *testing.T) {
	for _, c := range roundCases {
		if got := round3(c.in); got != c.want {
			t.Errorf("round3(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestMatchingAgreesWithScorePy runs score.py's own norm, contains_words,
// mention_score and round on the cases above and compares with Go.
func TestMatchingAgreesWithScorePy(t *testing.T) {
	type input struct {
		Norm     []string    `json:"norm"`
		Contains [][2]string `json:"contains"`
		Mention  [][2]string `json:"mention"`
		Round    []float64   `json:"round"`
	}
	var in input
	for _, c := range normCases {
		in.Norm = append(in.Norm, c.in)
	}
	for _, c := range containsCases {
		in.Contains = append(in.Contains, [2]string{c.big, c.small})
	}
	for _, c := range mentionCases {
		in.Mention = append(in.Mention, [2]string{c.mention, c.alias})
	}
	for _, c := range roundCases {
		in.Round = append(in.Round, c.in)
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	script := `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("score", "testdata/score.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
d = json.loads(sys.stdin.read())
print(json.dumps({
  "norm": [m.norm(s) for s in d["norm"]],
  "contains": [m.contains_words(b, s) for b, s in d["contains"]],
  "mention": [m.mention_score(a, b) for a, b in d["mention"]],
  "round": [round(x, 3) for x in d["round"]],
}))`
	out := runPython(t, strings.NewReader(string(data)), "0", "-c", script)
	var py struct {
		Norm     []string  `json:"norm"`
		Contains []bool    `json:"contains"`
		Mention  []int     `json:"mention"`
		Round    []float64 `json:"round"`
	}
	if err := json.Unmarshal(out, &py); err != nil {
		t.Fatalf("python output: %v\n%s", err, out)
	}
	for i, c := range normCases {
		if got := Norm(c.in); got != py.Norm[i] {
			t.Errorf("Norm(%q) = %q, score.py norm = %q", c.in, got, py.Norm[i])
		}
	}
	for i, c := range containsCases {
		if got := containsWords(c.big, c.small); got != py.Contains[i] {
			t.Errorf("containsWords(%q, %q) = %v, score.py = %v", c.big, c.small, got, py.Contains[i])
		}
	}
	for i, c := range mentionCases {
		if got := MentionScore(c.mention, c.alias); got != py.Mention[i] {
			t.Errorf("MentionScore(%q, %q) = %d, score.py = %d", c.mention, c.alias, got, py.Mention[i])
		}
	}
	for i, c := range roundCases {
		if got := round3(c.in); got != py.Round[i] {
			t.Errorf("round3(%v) = %v, Python round = %v", c.in, got, py.Round[i])
		}
	}
}
