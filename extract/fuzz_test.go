package extract

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/source"
)

var fuzzSeeds = []string{
	"", ".", "’", "‘x’", "«", "U.S.-led", "Dr.", "a.b.c.d.", "Şarku’l Avsat", "Kata’ib Hezbollah (KH) said KH",
	"Thursday (5th of February)", "“If the U.S. strikes, it will pay,” he warned.", "\n\n\n", "AbcDef", "’s’s’s",
	"al-", "-al", "Abdul", "ـــ", "\xff\xfe", "1,2,3.4.5", "(((", "Iran-backed Iran-backed", "the the the",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if utf8.ValidString(s) && Normalize(n) != n {
			t.Errorf("Normalize is not idempotent on %q: %q -> %q", s, n, Normalize(n))
		}
		_ = nameKeys(s)
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sent := range Sentences(s) {
			i := strings.Index(s[last:], sent)
			if sent == "" || i < 0 {
				t.Fatalf("sentence %q is not a span of %q after offset %d", sent, s, last)
			}
			last += i + len(sent)
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "2024-01-26")
	}
	f.Add("Kata'ib Hezbollah, an Iran-backed militia, claimed responsibility for the drone attack on Tower 22.", "")
	// The frames' edges: patterns that run to the end of a sentence,
	// subject slots, collectives, descriptions.
	for _, s := range []string{"According to the", "Iraqi", "pro-Iran", "Shia militias", "Iran-backed paramilitary forces in",
		"The base. The base hosts", "X, in a statement, accused the", "Iraq's", "killed in a U.S. strike by", `" Iraq ," the Iraqi official said`} {
		f.Add(s, "")
	}
	x := NewRules(DefaultLexicon())
	f.Fuzz(func(t *testing.T, text, date string) {
		a := &source.Article{ID: "f", Doc: "f", Text: text, Date: date}
		rec, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range rec.Facts {
			if !strings.Contains(text, fc.Evidence) {
				t.Fatalf("evidence %q not in text", fc.Evidence)
			}
		}
	})
}
