package extract

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "U.S. forces struck the base, Gen. Michael Kurilla said. The Pentagon declined to comment.",
			[]string{"U.S. forces struck the base, Gen. Michael Kurilla said.", "The Pentagon declined to comment."}},
		{"titles and months", "Dr. Hussein Allawi met Lt. Col. Smith on Jan. 24 in Baghdad. No. 3 is next.",
			[]string{"Dr. Hussein Allawi met Lt. Col. Smith on Jan. 24 in Baghdad.", "No. 3 is next."}},
		{"initials", "The report by J. Smith was published. It said little.",
			[]string{"The report by J. Smith was published.", "It said little."}},
		{"dotted lower-case abbreviations", "It began at 10 p.m. (local time) on Friday and ended at 4 a.m. The army said so.",
			[]string{"It began at 10 p.m. (local time) on Friday and ended at 4 a.m.", "The army said so."}},
		{"initialism ends a sentence", "The attack was claimed in the U.S. The group denied it.",
			[]string{"The attack was claimed in the U.S.", "The group denied it."}},
		{"quotes", `“We will respond,” he said. "Next time," she added.`,
			[]string{`“We will respond,” he said.`, `"Next time," she added.`}},
		{"closing quote after stop", `He said: "It is over." Then he left.`,
			[]string{`He said: "It is over."`, "Then he left."}},
		{"glued sentences", "all of its military bases in Iraq.Al-Tanf as well.",
			[]string{"all of its military bases in Iraq.", "Al-Tanf as well."}},
		{"glued words", "Leave a CommentIraq bids farewell",
			[]string{"Leave a Comment", "Iraq bids farewell"}},
		{"urls stay whole", "Visit www.afgazad.com for more.",
			[]string{"Visit www.afgazad.com for more."}},
		{"paragraphs", "First line without stop\n\nSecond paragraph.",
			[]string{"First line without stop", "Second paragraph."}},
		{"line broken after comma", "Viktor Mikhin, Corresponding Member,\nExpert on the Arab World",
			[]string{"Viktor Mikhin, Corresponding Member,\nExpert on the Arab World"}},
		{"numbers", "About 2,500 troops, or 4.5 percent, remain.",
			[]string{"About 2,500 troops, or 4.5 percent, remain."}},
		{"question and exclamation", "Would they withdraw?! Nobody knows.",
			[]string{"Would they withdraw?!", "Nobody knows."}},
	} {
		if got := Sentences(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Sentences(%q)\n got %q\nwant %q", c.name, c.text, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "Iraq’s U.S.-led al-Nujaba Kata’ib “x” Shia’ Al"
	var got []string
	for _, tk := range tokenize(text) {
		got = append(got, tk.norm)
	}
	want := []string{"iraq", "'s", "us", "led", "al", "nujaba", "kataib", `"`, "x", `"`, "shia", "al"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
	// "U.S military": the initialism without its final dot is one word.
	got = got[:0]
	for _, tk := range tokenize("the U.S military and J.K. Rowling") {
		got = append(got, tk.norm)
	}
	if want := []string{"the", "us", "military", "and", "jk", "rowling"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
	// A stray space before a hyphen after a capitalised word still joins
	// ("Iranian -backed"); a dash set off by spaces does not.
	for _, tc := range []struct {
		text string
		hyph []bool
	}{
		{"Iranian -backed militias", []bool{false, true, false}},
		{"Iranian-backed militias", []bool{false, true, false}},
		{"Iraq - the war", []bool{false, false, false}},
		{"the attack -which", []bool{false, false, false}},
	} {
		var hyph []bool
		for _, tk := range tokenize(tc.text) {
			if tk.kind == tWord {
				hyph = append(hyph, tk.hyph)
			}
		}
		if !reflect.DeepEqual(hyph, tc.hyph) {
			t.Errorf("tokenize(%q): joined %v, want %v", tc.text, hyph, tc.hyph)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	for _, line := range []string{"Leave a Reply", "Your email address will not be published.", "Share it:",
		"Read more: US Carries Out Airstrikes", "7 mins read", "afgazad@gmail.com", "www.afgazad.com", "زبانهای اروپایی"} {
		toks := tokenize(line)
		if !DefaultLexicon().isBoilerplate(line, toks) {
			t.Errorf("%q should be boilerplate", line)
		}
	}
	for _, line := range []string{"Iraq bids farewell to its last combatant US soldiers", "Reuters reported the attack."} {
		if DefaultLexicon().isBoilerplate(line, tokenize(line)) {
			t.Errorf("%q is not boilerplate", line)
		}
	}
}
