package source

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTidyLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain line", "plain line"},
		{"  leading and trailing  ", "leading and trailing"},
		{"tabs\tand\t\tspaces   inside", "tabs and spaces inside"},
		{"no\u00a0break\u2003em space", "no break em space"},
		{"zero\u200bwidth\ufeff gone", "zerowidth gone"},
		{"control\x01char", "control char"},
		{"curly “quotes” ‘kept’", "curly “quotes” ‘kept’"},
		{"", ""},
		{"   ", ""},
	} {
		if got := tidyLine(tc.in); got != tc.want {
			t.Errorf("tidyLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestForeignLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		main script
		want bool
	}{
		{"افغانستان آزاد – آزاد افغانستان", scriptLatin, true},
		{"زبانهای اروپایی", scriptLatin, true},
		{"Новости дня", scriptLatin, true},
		{"The Iraqi militia «Harakat Hezbollah al-Nujaba» said", scriptLatin, false},
		{"Prime Minister (رئيس الوزراء) Mohammed Shia al-Sudani said on Monday", scriptLatin, false},
		{"Şarku’l Avsat reported", scriptLatin, false},
		{"2025 — 1,000", scriptLatin, false}, // no letters: not this rule's business
		{"Reuters reported", scriptArabic, true},
		{"قال المتحدث", scriptArabic, false},
	} {
		if got := foreignLine(tc.line, tc.main); got != tc.want {
			t.Errorf("foreignLine(%q, %d) = %v, want %v", tc.line, tc.main, got, tc.want)
		}
	}
}

func TestMainScript(t *testing.T) {
	var c scriptCounts
	c.add("افغانستان آزاد")
	c.add("The Iraqi militia issued a sharp statement directed at the United States.")
	if got := c.main(); got != scriptLatin {
		t.Errorf("main = %d, want Latin", got)
	}
	var d scriptCounts
	d.add("قال المتحدث باسم الحكومة العراقية إن القوات الأمريكية")
	d.add("Reuters")
	if got := d.main(); got != scriptArabic {
		t.Errorf("main = %d, want Arabic", got)
	}
}

func TestClassifyBoiler(t *testing.T) {
	for _, tc := range []struct {
		line string
		want boilerKind
	}{
		{"Leave a Reply", boilerComment},
		{"Leave a Comment", boilerComment},
		{"leave a comment", boilerComment},
		{"Your email address will not be published.", boilerComment},
		{"Your email address will not be published. Required fields are marked *", boilerComment},
		{"Required fields are marked *", boilerComment},
		{"Comment moderation is enabled. Your comment may take some time to appear.", boilerComment},
		{"You must be logged in to post a comment.", boilerComment},
		{"3 Comments", boilerComment},
		{"Comments are closed.", boilerComment},
		{"Related Articles", boilerRelated},
		{"You may also like", boilerRelated},
		{"More from Middle East", boilerRelated},
		{"Most Read", boilerRelated},
		{"Share it:", boilerLine},
		{"Share this:", boilerLine},
		{"Share", boilerLine},
		{"Facebook Twitter WhatsApp Telegram Email", boilerLine},
		{"Read more: US Carries Out Airstrikes On Alleged Iranian-Backed Militias In Iraq", boilerLine},
		{"READ ALSO: Baghdad summit opens", boilerLine},
		{"See also – Iraq's new budget", boilerLine},
		{"end of message/", boilerLine},
		{"End of article", boilerLine},
		{"7 mins read", boilerLine},
		{"5 min read", boilerLine},
		{"Reading time: 4 minutes", boilerLine},
		{"Estimated reading time: 3 min", boilerLine},
		{"Advertisement", boilerLine},
		{"Scroll to continue with content", boilerLine},
		{"Subscribe to our daily newsletter", boilerLine},
		{"Follow us on Telegram", boilerLine},
		{"Tags: Iraq, US, withdrawal", boilerLine},
		{"Photo: Reuters", boilerLine},
		{"© 2025 Example News. All rights reserved.", boilerLine},
		{"Copyright 2024 Iraqi News", boilerLine},
		{"1,204 views", boilerLine},
		{"Skip to content", boilerLine},
		{"Editor’s Picks", boilerRelated},
		{"Don't miss: Baghdad summit opens", boilerLine},
		{"E-mail this article", boilerLine},
		{"Home » News » Middle East", boilerLine},
		{"Iraq | Syria | Lebanon | Yemen", boilerLine},
		{"Updated 2 hours ago", boilerLine},
		{"5 mins ago", boilerLine},
		{"Reporting by Ahmed Rasheed; Editing by Frances Kerry", boilerLine},
		{"(Additional reporting by Jane Roe in Baghdad and John Doe in Erbil; Writing by Ali Saleh)", boilerLine},

		// Sentences that merely contain such words are text.
		{"Read more about the agreement in the statement issued on Thursday.", notBoiler},
		{"Share prices fell after the attack on the base.", notBoiler},
		{"He said the comment was taken out of context.", notBoiler},
		{"See-through barriers were installed around the embassy.", notBoiler},
		{"Related to this, the ministry said talks would resume.", notBoiler},
		{"Leave a reply to the ministry, the envoy was told, and go home.", notBoiler},
		{"More than 2,500 troops remain in Iraq.", notBoiler},
		{"Photographers were barred from the site.", notBoiler},
		{"The 7 minute video shows the strike.", notBoiler},
		{"Iraq bids farewell to its last combatant US soldiers", notBoiler},
		{"Reporting by state media suggested the strike killed five.", notBoiler},
		{"Editing by hand is slow, he said.", notBoiler},
		{"Exports > imports | a trade gap of $2 billion opened in the north of the country last year", notBoiler},
		{"Two hours ago, a drone struck the base.", notBoiler},
	} {
		if got := classifyBoiler(tc.line); got != tc.want {
			t.Errorf("classifyBoiler(%q) = %d, want %d", tc.line, got, tc.want)
		}
		// The first-word prefilter and the phrase cache must never hide
		// what the patterns match.
		if re := classifyByRegexp(tc.line); re != notBoiler && re != classifyBoiler(tc.line) {
			t.Errorf("%q: the patterns say %d, classifyBoiler %d", tc.line, re, classifyBoiler(tc.line))
		}
	}
}

func TestDisclaimer(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"The ancient idea tries to provide the most accurate information to its readers in all the content it publishes.", true},
		{"The views expressed in this article are the author's own.", true},
		{"This article does not necessarily reflect the editorial policy of the outlet.", true},
		{"The ministry said it would inform the public on Thursday.", false},
	} {
		if got := isDisclaimer(tc.line); got != tc.want {
			t.Errorf("isDisclaimer(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestEmailAndDomainLines(t *testing.T) {
	for _, tc := range []struct {
		line  string
		email bool
		host  string // "" = not a domain line
	}{
		{"afgazad@gmail.com", true, ""},
		{"Email: desk@example.org", true, ""},
		{"www.afgazad.com", false, "afgazad.com"},
		{"https://www.Example.COM/news/1", false, "example.com"},
		{"iraqinews.com", false, "iraqinews.com"},
		{"Website: rahnam.ir", false, "rahnam.ir"},
		{"Iraq.Al-Tanf", false, ""},
		{"U.S.", false, ""},
		{"e.g.", false, ""},
		{"2.5", false, ""},
		{"Contact afgazad@gmail.com for details", false, ""},
		{"Visit www.afgazad.com today", false, ""},
	} {
		if got := isEmailLine(tc.line); got != tc.email {
			t.Errorf("isEmailLine(%q) = %v, want %v", tc.line, got, tc.email)
		}
		host, ok := domainLine(tc.line)
		if ok != (tc.host != "") || host != tc.host {
			t.Errorf("domainLine(%q) = %q, %v, want %q", tc.line, host, ok, tc.host)
		}
	}
}

func TestFindDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thursday 25 January 2024 - 15:50", "2024-01-25"},
		{"26.03.2025", "2025-03-26"},
		{"03.04.2025", "2025-04-03"}, // ambiguous dotted: day first
		{"03.26.2025", "2025-03-26"}, // only month-first makes sense
		{"26/03/2025", "2025-03-26"},
		{"March 24, 2025", "2025-03-24"},
		{"Mar. 24 2025", "2025-03-24"},
		{"24th March 2025", "2025-03-24"},
		{"5th of February 2024", "2024-02-05"},
		{"2025-03-24", "2025-03-24"},
		{"2025-03-24T10:15:00+03:00", "2025-03-24"},
		{"2024/1/5", "2024-01-05"},
		{"31.02.2025", ""}, // no such day
		{"99.99.2025", ""},
		{"2.5 million", ""},
		{"in 2025", ""},
		{"March 2025", ""},
	} {
		got, _, _, ok := findDate(tc.in)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("findDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thursday 25 January 2024 - 15:50", "2024-01-25"},
		{"26.03.2025", "2025-03-26"},
		{"Published: March 24, 2025", "2025-03-24"},
		{"Updated on 2025-03-24 10:15 GMT", "2025-03-24"},
		{"Mon, 24 Mar 2025 08:00 am", "2025-03-24"},
		{"Published: 12:30 GMT, 5 January 2020 | Updated: 13:00 GMT, 6 January 2020", "2020-01-05"},
		{"5 January 2020 and 6 January 2020 were quiet", ""},
		{"On March 24, 2025, the ministry said", ""},
		{"The attack on 24 March 2025 killed three", ""},
	} {
		got, ok := dateLine(tc.in)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("dateLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBylineLine(t *testing.T) {
	for _, tc := range []struct{ in, author, date string }{
		{"Author: ISWNews Analysis Group", "ISWNews Analysis Group", ""},
		{"By Jane Roe", "Jane Roe", ""},
		{"By Jane Roe | March 3, 2024", "Jane Roe", "2024-03-03"},
		{"By Jane Roe, Reuters", "Jane Roe", ""},
		{"Written by John F. Smith", "John F. Smith", ""},
		{"BY: ali al-Askari", "", ""}, // a name starts with a capital
		{"By the time the troops left, the base was empty.", "", ""},
		{"By Thursday, all units had left.", "", ""},
		{"Authorities said the base was hit.", "", ""},
	} {
		a, d, ok := bylineLine(tc.in)
		if !ok {
			a, d = "", ""
		}
		if a != tc.author || d != tc.date {
			t.Errorf("bylineLine(%q) = %q, %q, want %q, %q", tc.in, a, d, tc.author, tc.date)
		}
	}
}

func TestIsNameLine(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Viktor Mikhin", true},
		{"ISWNews Analysis Group", true},
		{"Abu Ali al-Askari", true},
		{"John F. Kennedy", true},
		{"Iraq Demands the Withdrawal of U.S. Troops", false},
		{"Iraq", false},
		{"the editor said", false},
		{"Trump, Biden", false},
		{"Room 101 Staff", false},
	} {
		if got := isNameLine(tc.in); got != tc.want {
			t.Errorf("isNameLine(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSignOff(t *testing.T) {
	for _, tc := range []struct{ in, name, date string }{
		{"Viktor Mikhin, March 24, 2025", "Viktor Mikhin", "2025-03-24"},
		{"*Viktor Mikhin, 24.03.2025*", "Viktor Mikhin", "2025-03-24"},
		{"— Jane Roe - 2024-01-02", "Jane Roe", "2024-01-02"},
		{"*Viktor Mikhin, Corresponding Member of the Russian Academy of Natural Sciences,", "", ""},
		{"Baghdad, March 24, 2025", "", ""}, // one word: a dateline place, not a name
		{"The talks began in Baghdad, March 24, 2025", "", ""},
	} {
		n, d, ok := signOff(tc.in)
		if !ok {
			n, d = "", ""
		}
		if n != tc.name || d != tc.date {
			t.Errorf("signOff(%q) = %q, %q, want %q, %q", tc.in, n, d, tc.name, tc.date)
		}
	}
}

func TestSplitTitleOutlet(t *testing.T) {
	const text = "According to the report of rahnam International News Agency, talks began. The Pentagon said it would not leave."
	for _, tc := range []struct{ in, title, outlet string }{
		{"Iraqi News - American bases in Iraq are breathing their last", "American bases in Iraq are breathing their last", "Iraqi News"},
		{"Washington’s great defeat in Iraq/ How does the resistance escape the American invaders? – rahnam",
			"Washington’s great defeat in Iraq/ How does the resistance escape the American invaders?", "rahnam"},
		{"Iraq talks collapse | Example Times", "Iraq talks collapse", "Example Times"},
		{"Iraq talks collapse - Al Jazeera", "Iraq talks collapse", "Al Jazeera"},
		{"Iraq talks collapse – afgazad.com", "Iraq talks collapse", "afgazad.com"},
		// Not clear enough: an attribution, a person, a place.
		{"We will not leave Iraq – Pentagon", "We will not leave Iraq – Pentagon", ""},
		{"Biden - The interview that changed everything", "Biden - The interview that changed everything", ""},
		{"Baghdad - Troops leave the base", "Baghdad - Troops leave the base", ""},
		{"Iraq Demands the Withdrawal of U.S. Troops", "Iraq Demands the Withdrawal of U.S. Troops", ""},
		{"US-Iraq talks - a timeline", "US-Iraq talks - a timeline", ""},
	} {
		title, outlet := splitTitleOutlet(tc.in, text)
		if title != tc.title || outlet != tc.outlet {
			t.Errorf("splitTitleOutlet(%q) = %q, %q, want %q, %q", tc.in, title, outlet, tc.title, tc.outlet)
		}
	}
}

func TestStripTitlePrefix(t *testing.T) {
	const title = "Iraq bids farewell to its last combatant US soldiers"
	for _, tc := range []struct{ in, want string }{
		{title + "The Iraqi government continues to implement", "The Iraqi government continues to implement"},
		{title + " The Iraqi government continues", "The Iraqi government continues"},
		{title + "“We are leaving,” he said.", "“We are leaving,” he said."},
		{title + " as the last units leave Ain al-Asad.", title + " as the last units leave Ain al-Asad."},
		{"Iraq bids farewell to many things.", "Iraq bids farewell to many things."},
	} {
		if got := stripTitlePrefix(tc.in, title); got != tc.want {
			t.Errorf("stripTitlePrefix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := stripTitlePrefix("Iraq votesThe end", "Iraq votes"); got != "Iraq votesThe end" {
		t.Errorf("a two-word title must not be stripped: %q", got)
	}
}

func TestSplitGlue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		// Sentence ends glued to the next sentence get a space.
		{"all of its military bases in Iraq.Al-Tanf as well.", []string{"all of its military bases in Iraq. Al-Tanf as well."}},
		{"it ended?!Would they leave?", []string{"it ended?! Would they leave?"}},
		{"he said.”The ministry denied it.", []string{"he said.” The ministry denied it."}},
		{"in Baghdad.“We will stay,” he said.", []string{"in Baghdad. “We will stay,” he said."}},
		{"it ended in 2021.The talks resumed.", []string{"it ended in 2021. The talks resumed."}},
		// Lowercase glued to a sentence starter becomes a paragraph break.
		{"the last combatant US soldiersThe Iraqi government continues", []string{"the last combatant US soldiers", "The Iraqi government continues"}},
		{"forces were withdrawnHowever, the talks continue.", []string{"forces were withdrawn", "However, the talks continue."}},
		{"the drones were shot downIn the south, calm returned.", []string{"the drones were shot down", "In the south, calm returned."}},
		{"troops left in 2021They never returned.", []string{"troops left in 2021", "They never returned."}},
		// Left alone.
		{"U.S. troops and U.S.-led forces", nil},
		{"e.g. Mosul, i.e.Kirkuk", nil},
		{"a 2.5 percent rise; section 3.A applies", nil},
		{"see afgazad.com or www.Example.com/News", nil},
		{"mail desk@iraq.News or https://x.org/a.Html", nil},
		{"McDonald and iPhone and al-Askari and YouTube", nil},
		{"posted on LinkedIn about it", nil},
		{"the PlayStation and WeChat", nil},
		{"Mr.Smith met Dr.Hussein", []string{"Mr. Smith met Dr. Hussein"}},
		{"IraqIn the north", nil}, // weak starter after a capitalised word
		{"ends at 5 a.m.Then", nil},
	} {
		want := tc.want
		if want == nil {
			want = []string{tc.in}
		}
		if got := splitGlue(tc.in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitGlue(%q) = %q, want %q", tc.in, got, want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want string
	}{
		{"blank lines separate", "First paragraph here.\n\nSecond paragraph here.", "First paragraph here.\n\nSecond paragraph here."},
		{"page break mid-sentence joins", "a real force that cannot\n\nbe ignored. Iraq fights on.", "a real force that cannot be ignored. Iraq fights on."},
		{"fragment then new sentence stays apart", "ready to confront any enemy\n\nThe representative suggested more.", "ready to confront any enemy\n\nThe representative suggested more."},
		{"single newlines between sentences", "One sentence.\nAnother sentence.", "One sentence.\n\nAnother sentence."},
		{"hard-wrapped text joins", "The ministry said on Thursday that the long-delayed talks with\nWashington would resume next week in Baghdad.", "The ministry said on Thursday that the long-delayed talks with Washington would resume next week in Baghdad."},
		{"comma at line end joins", "*Viktor Mikhin, Corresponding Member of the Academy,\nExpert on the Arab World*", "*Viktor Mikhin, Corresponding Member of the Academy, Expert on the Arab World*"},
		{"heading stays its own paragraph", "The resistance drove the invaders out\n\nIn this context, the editor wrote.", "The resistance drove the invaders out\n\nIn this context, the editor wrote."},
		{"extra blank lines collapse", "A.\n\n\n\n\nB.", "A.\n\nB."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []cline
			block := 0
			for _, s := range strings.Split(tc.in, "\n") {
				if s == "" {
					block++
					continue
				}
				lines = append(lines, cline{s: s, block: block})
			}
			if got := paragraphs(lines, false); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestCleanRules runs whole small texts through the cleaner, one rule
// each.
func TestCleanRules(t *testing.T) {
	const body = "The ministry said on Thursday that the talks would resume in Baghdad next week, officials confirmed."
	for _, tc := range []struct {
		name string
		in   string
		want meta
	}{
		{
			name: "title is the first meaningful line",
			in:   "Talks to resume in Baghdad\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Text: body},
		},
		{
			name: "foreign-script header, domain, email, label, name, date",
			in:   "افغانستان آزاد – آزاد افغانستان\n\nAA-AA\n\nwww.example.com\n\ndesk@example.com\n\nEuropean Languages\n\nزبانهای اروپایی\n\nJane Roe\n\n26.03.2025\n\nTalks to resume in Baghdad\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Outlet: "example.com", Author: "Jane Roe", Date: "2025-03-26", Text: body},
		},
		{
			name: "byline and date under the title",
			in:   "Talks to resume in Baghdad\n\n Example Analysis Desk\nAuthor: Example Analysis Desk\nThursday 25 January 2024 - 15:50\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Author: "Example Analysis Desk", Date: "2024-01-25", Text: body},
		},
		{
			name: "name line under the title is the author",
			in:   "Talks to resume in Baghdad\nJane Roe\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Author: "Jane Roe", Text: body},
		},
		{
			name: "header date wins over sign-off date; sign-off gives the author",
			in:   "26.03.2025\n\nTalks to resume in Baghdad\n\n" + body + "\n\nJane Roe, March 24, 2025",
			want: meta{Title: "Talks to resume in Baghdad", Author: "Jane Roe", Date: "2025-03-26", Text: body},
		},
		{
			name: "sign-off date when there is no other",
			in:   "Talks to resume in Baghdad\n\n" + body + "\n\nJane Roe, March 24, 2025",
			want: meta{Title: "Talks to resume in Baghdad", Author: "Jane Roe", Date: "2025-03-24", Text: body},
		},
		{
			name: "repeated title and reading time dropped, glued repeat cut",
			in:   "Talks to resume in Baghdad\n\n7 mins read\nTalks to resume in Baghdad\n\nTalks to resume in Baghdad\n\n" + body + "\n\nTalks to resume in BaghdadThe envoy arrived on Friday.",
			want: meta{Title: "Talks to resume in Baghdad", Text: body + "\n\nThe envoy arrived on Friday."},
		},
		{
			name: "comment form cuts the rest",
			in:   "Talks to resume in Baghdad\n\n" + body + "\n\nShare it:\n\nLeave a Reply\n\nGreat article, thanks!\n\nYour email address will not be published.",
			want: meta{Title: "Talks to resume in Baghdad", Text: body},
		},
		{
			name: "read-more line dropped in the middle",
			in:   "Talks to resume in Baghdad\n\n" + body + "\n\nRead more: Iraq and US agree on a timetable\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Text: body + "\n\n" + body},
		},
		{
			name: "a name-shaped headline is the title, not also the author",
			in:   "Iraq Demands Troop Withdrawal\n26.03.2025\n\n" + body,
			want: meta{Title: "Iraq Demands Troop Withdrawal", Date: "2025-03-26", Text: body},
		},
		{
			name: "a date stamp glued before the headline",
			in:   " date 2025-03-26 Talks to resume in Baghdad\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Date: "2025-03-26", Text: body},
		},
		{
			name: "a date stamp glued before the first sentence",
			in:   "Published 26 March 2025 " + body + "\n\n" + body,
			want: meta{Date: "2025-03-26", Text: body + "\n\n" + body},
		},
		{
			name: "a headline that starts with a date keeps it",
			in:   "March 26, 2025: talks to resume in Baghdad\n\n" + body,
			want: meta{Title: "March 26, 2025: talks to resume in Baghdad", Text: body},
		},
		{
			name: "outlet prefix in the title",
			in:   "Example News - Talks to resume in Baghdad\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Outlet: "Example News", Text: body},
		},
		{
			name: "no title: a lede is body",
			in:   "BAGHDAD (Reuters) - The ministry said on Thursday that the talks would resume in Baghdad next week after a pause of several months, officials confirmed to reporters.\n\n" + body,
			want: meta{Text: "BAGHDAD (Reuters) - The ministry said on Thursday that the talks would resume in Baghdad next week after a pause of several months, officials confirmed to reporters.\n\n" + body},
		},
		{
			name: "breadcrumbs, relative time and a published/updated line in the header",
			in:   "Home » News » Middle East\n\nTalks to resume in Baghdad\n\nUpdated 2 hours ago\n\nPublished: 12:30 GMT, 5 January 2020 | Updated: 13:00 GMT, 5 January 2020\n\n" + body,
			want: meta{Title: "Talks to resume in Baghdad", Date: "2020-01-05", Text: body},
		},
		{
			name: "wire style: outlet suffix, byline, credits",
			in:   "Talks to resume in Baghdad | Reuters\n\nBy Jane Roe and John Doe\n\n" + body + "\n\nReporting by Jane Roe; Editing by Ali Saleh",
			want: meta{Title: "Talks to resume in Baghdad", Outlet: "Reuters", Author: "Jane Roe and John Doe", Text: body},
		},
		{
			name: "no byline: the credit line's reporters are the authors",
			in:   "Talks to resume in Baghdad\n\n" + body + "\n\n(Reporting by Jane Roe in Baghdad and John Doe; Editing by Ali Saleh)",
			want: meta{Title: "Talks to resume in Baghdad", Author: "Jane Roe and John Doe", Text: body},
		},
		{
			name: "CRLF and NFC",
			in:   "Talks to resume in Bag\u0306hdad\r\n\r\nCafe\u0301 owners said the talks would resume.\r\n",
			want: meta{Title: "Talks to resume in Bağhdad", Text: "Café owners said the talks would resume."},
		},
		{
			name: "end-of-message marker and disclaimer at the end",
			in:   "Talks to resume in Baghdad\n\n" + body + "\n\nend of message/\n\nThe views expressed in this article are the author's own.",
			want: meta{Title: "Talks to resume in Baghdad", Text: body},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := clean(tc.in, false); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestCleanNonLatinMain checks the script rule the other way round: in
// an Arabic article, a Latin-script header line is the foreign one.
func TestCleanNonLatinMain(t *testing.T) {
	const body = "قال المتحدث باسم الحكومة العراقية إن المحادثات مع واشنطن ستستأنف الأسبوع المقبل في بغداد."
	got := clean("European Languages\n\nSubscribe to our channel now please\n\nانسحاب القوات الأجنبية من العراق\n\n"+body, false)
	want := meta{Title: "انسحاب القوات الأجنبية من العراق", Text: body}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestCleanMarkdown(t *testing.T) {
	got := clean("# Talks to resume in Baghdad\n\n## Background\n\nThe ministry said the talks would resume.", true)
	want := meta{Title: "Talks to resume in Baghdad", Text: "Background\n\nThe ministry said the talks would resume."}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestTitleEligible(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Iraq bids farewell to its last combatant US soldiers", true},
		{"What Is The US Important Message To Iraq? Would American Occupiers Withdraw From Iraq?!", true},
		{"Iraq bids farewell to its soldiers.", true},
		{"Iraqi News - American bases in Iraq are breathing their last and preparing to escape thanks to the strikes of the Iraqi Islamic resistance", true},
		{"The ministry said on Thursday that the talks would resume in Baghdad next week.", false},
		{"Two words", false},
		{strings.Repeat("word ", 60), false},
	} {
		if got := titleEligible(tc.in); got != tc.want {
			t.Errorf("titleEligible(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestCommonPhrasesAgree checks that the phrase cache gives the
// regexps' verdict on variants of every cached phrase.
func TestCommonPhrasesAgree(t *testing.T) {
	if len(commonPhrases) < 20 {
		t.Fatalf("only %d common phrases", len(commonPhrases))
	}
	for _, p := range commonPhrases {
		for _, v := range []string{p, strings.ToUpper(p), titleCase(p) + ":", p + " *", p + "_", p + " x", "x " + p} {
			if got, want := classifyBoiler(v), classifyByRegexp(v); got != want {
				t.Errorf("%q: cached %d, regexps %d", v, got, want)
			}
		}
	}
}

// titleCase upper-cases the first letter of every word, as headings
// write boiler phrases.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// TestHasBy holds hasBy to strings.Contains(strings.ToLower(s), " by ")
// on lines made of pieces around " by " in every case, other scripts'
// capitals and invalid UTF-8.
func TestHasBy(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Reporting by Jane Roe", true},
		{"REPORTING BY JANE ROE", true},
		{"Editing By John", true},
		{" by ", true},
		{"by Jane", false},
		{"Jane by", false},
		{"nearby towns", false},
		{"stand-by mode", false},
		{"b y", false},
		{"", false},
	} {
		if got := hasBy(tc.s); got != tc.want {
			t.Errorf("hasBy(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	pieces := []string{" ", "b", "B", "y", "Y", "by", "BY", "ß", "İ", "\xff", "x", "  "}
	rng := rand.New(rand.NewPCG(11, 12))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Contains(strings.ToLower(s), " by ")
		if got := hasBy(s); got != want {
			t.Errorf("hasBy(%q) = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 100 {
		t.Errorf("%d random lines hold \" by \"; want 100 or more", found)
	}
}

// classifyByRegexp is the patterns' verdict on s alone, without
// classifyBoiler's shortcuts.
func classifyByRegexp(s string) boilerKind {
	return boilerRegexps().classify(s)
}

// TestDisclaimerAsReference holds isDisclaimer, which lowers an ASCII line
// on the stack, to the test as first written (strings.ToLower, then
// strings.Contains) on random lines of disclaimer words in every case,
// non-ASCII letters that lower to ASCII ones (the Kelvin sign, 'İ') and
// lines about maxBoilerLen long.
func TestDisclaimerAsReference(t *testing.T) {
	reference := func(s string) bool {
		if len(s) > maxBoilerLen {
			return false
		}
		low := strings.ToLower(s)
		for _, w := range []string{"expressed", "necessarily", "readers", "editorial"} {
			if strings.Contains(low, w) {
				return disclaimerRe.MatchString(s)
			}
		}
		return false
	}
	pieces := []string{"The views ", "EXPRESSED", "expressed", "Expressed ", "opinions ", "do not ", "NECESSARİLY", "necessarily ",
		"reflect", "our READERS", "its readers", "Editorial policy", "EDİTORİAL stance", "\u212a", "é", " ", ".", "x",
		"Views Expressed Here Are The Author's Own", strings.Repeat("y", 120)}
	rng := rand.New(rand.NewPCG(19, 1))
	for range 20000 {
		line := ""
		for range rng.IntN(8) {
			line += pieces[rng.IntN(len(pieces))]
		}
		if got, want := isDisclaimer(line), reference(line); got != want {
			t.Errorf("isDisclaimer(%q) = %v, want %v", line, got, want)
		}
	}
}
