package export

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestXMLClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"A & B <c> \"d\" 'e'", "A & B <c> \"d\" 'e'"}, // escaping is the writer's job, not cleaning's
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"bell\x07nul\x00esc\x1b", "bellnulesc"},
		{"del\x7fc1\u0085\u009f", "delc1"},
		{"bad\xffutf8\xc3", "badutf8"},
		{"keep \uFFFD replacement", "keep \uFFFD replacement"},
		{"nonchars \uFFFE\uFFFF", "nonchars "},
		{"حركة النجباء", "حركة النجباء"},
		{"\u200fالنجباء\u200f rtl marks", "\u200fالنجباء\u200f rtl marks"},
		{"کتائب حزب\u200cالله", "کتائب حزب\u200cالله"}, // Persian, with a zero-width non-joiner
		{"emoji 🚀 astral", "emoji 🚀 astral"},
	}
	for _, tt := range tests {
		got := xmlClean(tt.in)
		if got != tt.want {
			t.Errorf("xmlClean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// Whatever goes in, the written text parses as XML and reads back as the cleaned string.
		var b strings.Builder
		w := xmlWriter{newBufWriter(&b)}
		w.WriteString("<a>")
		w.text(tt.in)
		w.WriteString("</a>")
		w.Flush()
		var back string
		if err := xml.Unmarshal([]byte(b.String()), &back); err != nil {
			t.Errorf("text(%q) wrote invalid XML %q: %v", tt.in, b.String(), err)
		} else if back != tt.want && strings.ReplaceAll(tt.want, "\r", "\n") != back {
			t.Errorf("text(%q) read back as %q, want %q", tt.in, back, tt.want)
		}
	}
}

func TestDOTString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tower 22", `"Tower 22"`},
		{`say "no"`, `"say \"no\""`},
		{`back\slash`, `"back\\slash"`},
		{"two\nlines", `"two\nlines"`},
		{"ctl\x01\r", `"ctl"`},
		{"حركة النجباء", `"حركة النجباء"`},
	}
	for _, tt := range tests {
		if got := dotString(tt.in); got != tt.want {
			t.Errorf("dotString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestTallyBest(t *testing.T) {
	tests := []struct {
		add  []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"b", "a"}, "a"},      // tie: smallest
		{[]string{"b", "a", "b"}, "b"}, // most frequent
		{[]string{"", "", "x"}, "x"},   // empty values do not count
		{[]string{"Iraq", "iraq", "Iraq"}, "Iraq"},
	}
	for _, tt := range tests {
		ty := tally{}
		for _, s := range tt.add {
			ty.add(s)
		}
		if got := ty.best(); got != tt.want {
			t.Errorf("best of %q = %q, want %q", tt.add, got, tt.want)
		}
	}
}

func TestMerge(t *testing.T) {
	in := []Edge{
		{Source: "s", Predicate: "attacked", Target: "a", Article: "ng:article/1", ArticleDate: "2024-01-01", Kind: "claimed", Evidence: "first", Confidence: 0.5, Statement: "st1"},
		{Source: "s", Predicate: "attacked", Target: "a", Article: "ng:article/2", ArticleDate: "2024-01-02", Kind: "denied", Evidence: "second", Confidence: 0.9},
		{Source: "s", Predicate: "attacked", Target: "a", Article: "ng:article/2", ArticleDate: "2024-01-02", Kind: "denied", Evidence: "second again"},
		{Source: "s", Predicate: "attacked", Target: "b", Article: "ng:article/1", Kind: "stated"},
		{Source: "s", Predicate: "member_of", Target: "a", Article: "ng:article/3"},
	}
	got := merge(in)
	if len(got) != 3 {
		t.Fatalf("merge gave %d edges, want 3: %+v", len(got), got)
	}
	m := got[0]
	if m.Count != 2 || strings.Join(m.Articles, ",") != "ng:article/1,ng:article/2" {
		t.Errorf("count %d, articles %v; want 2 articles 1,2", m.Count, m.Articles)
	}
	if strings.Join(m.Kinds, ",") != "claimed,denied" || m.Kind != "claimed" || m.Evidence != "first" || m.Article != "ng:article/1" {
		t.Errorf("merged edge %+v: want the earliest article's kind and evidence, kinds claimed,denied", m)
	}
	if m.Confidence != 0.9 || m.Statement != "" {
		t.Errorf("merged confidence %v statement %q, want the highest and none", m.Confidence, m.Statement)
	}
	if got[1].Target != "b" || got[1].Count != 1 || got[2].Predicate != "member_of" {
		t.Errorf("other groups wrong: %+v", got[1:])
	}
}

// TestMergeCountsReports: a merged edge counts reports, the articles of
// one incident once.
func TestMergeCountsReports(t *testing.T) {
	edge := func(article, incident string) Edge {
		return Edge{Source: "s", Predicate: "attacked", Target: "a", Article: article, incident: incident}
	}
	for _, tt := range []struct {
		name  string
		edges []Edge
		want  int
	}{
		{"no incident", []Edge{edge("1", ""), edge("2", "")}, 2},
		{"one incident", []Edge{edge("1", "i"), edge("2", "i"), edge("3", "i")}, 1},
		{"an incident and an article", []Edge{edge("1", "i"), edge("2", "i"), edge("3", "")}, 2},
		{"two incidents", []Edge{edge("1", "i"), edge("2", "j")}, 2},
		{"one article twice", []Edge{edge("1", ""), edge("1", "")}, 1},
	} {
		got := merge(tt.edges)
		if len(got) != 1 || got[0].Count != tt.want || len(got[0].Articles) != len(uniqueArticles(tt.edges)) {
			t.Errorf("%s: %+v, want one edge of count %d", tt.name, got, tt.want)
		}
	}
}

func uniqueArticles(edges []Edge) map[string]bool {
	out := map[string]bool{}
	for _, e := range edges {
		out[e.Article] = true
	}
	return out
}

func TestCompareDated(t *testing.T) {
	tests := []struct {
		da, a, db, b string
		want         int
	}{
		{"2024-01-01", "z", "2024-01-02", "a", -1},
		{"", "a", "2024-01-02", "z", 1}, // undated last
		{"2024-01-02", "z", "", "a", -1},
		{"", "a", "", "b", -1},
		{"2024", "b", "2024", "a", 1},
	}
	for _, tt := range tests {
		if got := compareDated(tt.da, tt.a, tt.db, tt.b); got != tt.want {
			t.Errorf("compareDated(%q,%q,%q,%q) = %d, want %d", tt.da, tt.a, tt.db, tt.b, got, tt.want)
		}
	}
}
