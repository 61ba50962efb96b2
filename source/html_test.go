package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const newsPagePath = "testdata/html/news_page.html"

func newsPageForTest(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(newsPagePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHTMLNewsPage(t *testing.T) {
	a, err := ReadFile(newsPagePath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Doc != filepath.Base(newsPagePath) {
		t.Errorf("Doc = %q", a.Doc)
	}
	for field, pair := range map[string][2]string{
		"Title":  {a.Title, "Iraqi parliament votes to review foreign troop presence"},
		"Outlet": {a.Outlet, "Tigris Herald"},
		"Author": {a.Author, "Layla Hassan"},
		"Date":   {a.Date, "2025-02-14"},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s = %q, want %q", field, pair[0], pair[1])
		}
	}

	// The main text, with its curly quotes, in order.
	mustHave := []string{
		"BAGHDAD — The Iraqi parliament voted on Thursday to ask the government to set a timetable",
		"The non-binding resolution passed with 174 votes in the 329-seat chamber.",
		"called on Prime Minister Mohammed Shia al-Sudani to present a plan within 60 days.",
		"About 2,500 U.S. troops remain in Iraq",
		"“We respect the decision of the representatives of the people, and the timetable will be discussed with our partners,” he told reporters in Baghdad.",
		"Kurdish lawmakers boycotted the session.",
		"“The threat has not disappeared, it has only changed its shape,” Sabri said.",
		"The U.S. embassy in Baghdad declined to comment on the vote, referring questions to the Pentagon.",
	}
	last := -1
	for _, s := range mustHave {
		i := strings.Index(a.Text, s)
		if i < 0 {
			t.Errorf("main text lacks %q", s)
			continue
		}
		if i < last {
			t.Errorf("%q out of order", s)
		}
		last = i
	}

	// The chrome: navigation, ads, share buttons, related links, the
	// sidebar, comments and the comment form, the footer.
	for _, s := range []string{
		"Home", "Subscribe", "Search the Herald", "Skip to content",
		"Advertisement", "Cheap flights", "book now",
		"Facebook", "WhatsApp", "Share this",
		"Oil exports from Basra", "Kuwait and Iraq resume border talks", "Related Articles",
		"Militia warns of escalation", "Drone shot down near Erbil", "NATO mission",
		"Comments", "Finally the parliament", "all theatre", "Leave a Reply", "Your email address", "Post Comment",
		"Newsletter", "top stories", "Dinar slides", "Heatwave",
		"Privacy policy", "All rights reserved", "Tags:",
	} {
		if strings.Contains(a.Text, s) {
			t.Errorf("chrome %q in the main text", s)
		}
	}
	// The headline is the title, not the body's first paragraph.
	if strings.HasPrefix(a.Text, a.Title) {
		t.Errorf("the headline is repeated at the start of the text")
	}
	for _, p := range strings.Split(a.Text, "\n\n") {
		if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") {
			t.Errorf("bad paragraph %q", p)
		}
	}
}

func TestHTMLFallbacks(t *testing.T) {
	body := strings.Repeat("<p>The ministry said on Thursday that the talks with Washington would resume next week in Baghdad, officials confirmed.</p>\n", 6)
	page := `<html><head><title>Talks resume in Baghdad - Example News</title><meta name="date" content="2024-05-06"></head><body><article>` +
		`<h1>Talks resume in Baghdad</h1>` + body + `</article></body></html>`
	a, err := Parse("https://www.example.com/talks", "https://www.example.com/talks", []byte(page), "text/html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Talks resume in Baghdad" || a.Outlet != "Example News" || a.Date != "2024-05-06" {
		t.Errorf("got title %q outlet %q date %q", a.Title, a.Outlet, a.Date)
	}
	if strings.Contains(a.Text, "Talks resume") {
		t.Errorf("headline left in the text: %q", a.Text)
	}
	// No site name anywhere: the URL's host is the outlet.
	page = `<html><head><title>Talks resume in Baghdad</title></head><body><article>` + body + `<p>By Jane Roe</p></article></body></html>`
	a, err = Parse("u", "https://www.example.org/a/1", []byte(page), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "example.org" {
		t.Errorf("outlet %q, want example.org", a.Outlet)
	}
}
