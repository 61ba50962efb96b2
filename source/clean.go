package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// meta is what cleaning makes of a text: the body and the metadata found
// around it.
type meta struct {
	Title, Outlet, Author, Date, Text string
}

// cleanConfig tunes cleaning for where the text came from.
type cleanConfig struct {
	markdown bool   // strip "# " heading markers
	html     bool   // text rendered from HTML: the title is known and lines are blocks
	title    string // the known title (HTML), removed where the body repeats it
}

// clean cleans a plain-text (or Markdown) article.
func clean(text string, markdown bool) meta {
	return cleanText(text, cleanConfig{markdown: markdown})
}

// cline is one non-blank line of the text.
type cline struct {
	s     string     // whitespace-normalised
	block int        // blank-line-separated block it belongs to
	off   int        // byte offset in the text
	boil  boilerKind // boilerplate class
	drop  bool
}

// footerLines is how many lines at the end are searched for a sign-off,
// a closing byline or date, or the outlet's address.
const footerLines = 3

// cleanText is the cleaning pipeline. In order:
//
//  1. Unicode NFC, newlines normalised, whitespace inside lines collapsed.
//  2. Noise lines dropped wherever they are: lines with no letter or digit,
//     lines mostly in another script than the text's main one, bare e-mail
//     addresses and web addresses, boilerplate (see boiler.go).
//  3. The header (the lines before the body) read for the title (the first
//     meaningful line), dates, bylines and bare name lines.
//  4. The footer cut: from a comment-form line after the body has started
//     (or a related-links heading in the last third), everything goes.
//  5. The last lines read for a sign-off ("Name, March 24, 2025"), a
//     closing byline or date; a closing disclaimer there is dropped.
//  6. Repeats of the title dropped from the body (or cut off the front of
//     a line they are glued to).
//  7. Lines joined into paragraphs; glue split (glue.go).
func cleanText(text string, cfg cleanConfig) meta {
	if !isASCII(text) { // ASCII is in NFC as it is: most texts skip norm's walk
		text = norm.NFC.String(text)
	}
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}

	// 1. Lines.
	lines := make([]cline, 0, 16+len(text)/256)
	var counts scriptCounts
	block, blank := 0, true
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		s := tidyLine(text[off:end])
		if cfg.markdown {
			s = stripMarkdownHeading(s)
		}
		if s == "" {
			if !blank {
				block++
			}
			blank = true
		} else {
			lines = append(lines, cline{s: s, block: block, off: off})
			counts.add(s)
			blank = false
		}
		off = end + 1
	}

	// 2. Noise.
	main := counts.main()
	type hit struct {
		line int
		host string
	}
	var domains []hit
	for i := range lines {
		l := &lines[i]
		switch {
		case !hasLetterOrDigit(l.s), foreignLine(l.s, main), isEmailLine(l.s):
			l.drop = true
		default:
			if host, ok := domainLine(l.s); ok {
				l.drop = true
				domains = append(domains, hit{i, host})
				continue
			}
			if l.boil = classifyBoiler(l.s); l.boil != notBoiler {
				l.drop = true
			}
		}
	}
	kept := make([]int, 0, len(lines))
	for i := range lines {
		if !lines[i].drop {
			kept = append(kept, i)
		}
	}

	// 3. Header.
	var m meta
	titleRaw := cfg.title
	type hdrKind uint8
	const (
		hdrDate hdrKind = iota + 1
		hdrByline
		hdrTitle
		hdrName
		hdrOther
	)
	type hdrLine struct {
		kind hdrKind
		s    string
	}
	var hdr []hdrLine
	var labelAuthor string
	pos := 0
	for ; pos < len(kept); pos++ {
		l := &lines[kept[pos]]
		kind := hdrKind(0)
		if pos == 0 {
			if d, rest, ok := stampedLine(l.s); ok {
				m.Date = d
				l.s = rest // then read as any first line: a headline, a byline or the body
			}
		}
		if d, ok := dateLine(l.s); ok {
			if m.Date == "" {
				m.Date = d
			}
			kind = hdrDate
		} else if a, d, ok := bylineLine(l.s); ok {
			if labelAuthor == "" {
				labelAuthor = a
			}
			if d != "" && m.Date == "" {
				m.Date = d
			}
			kind = hdrByline
		} else if titleRaw != "" && sameText(l.s, titleRaw) {
			kind = hdrOther
		} else if !cfg.html && isNameLine(l.s) {
			kind = hdrName
		} else if !cfg.html && longestLetterRun(l.s) < 3 {
			kind = hdrOther // "AA-AA", "| |"
		} else if !cfg.html && titleRaw == "" {
			if wordCount(l.s) <= 2 {
				kind = hdrOther // a section label
			} else if titleEligible(l.s) {
				titleRaw = l.s
				kind = hdrTitle
			}
		}
		if kind == 0 {
			break
		}
		l.drop = true
		hdr = append(hdr, hdrLine{kind, l.s})
	}
	if !cfg.html && titleRaw == "" {
		// No headline-shaped line: a three- or four-word name-shaped line
		// ("Iraq Demands Troop Withdrawal") is the best there is.
		for _, h := range hdr {
			if h.kind == hdrName && wordCount(h.s) >= 3 {
				titleRaw = h.s
				break
			}
		}
	}
	bodyFirst := len(lines) // index of the first body line
	if pos < len(kept) {
		bodyFirst = kept[pos]
	}

	// 4. Footer cut.
	for i := bodyFirst; i < len(lines); i++ {
		if lines[i].boil == boilerComment || lines[i].boil == boilerRelated && lines[i].off*3 >= len(text)*2 {
			for j := i; j < len(lines); j++ {
				lines[j].drop = true
			}
			break
		}
	}

	// 5. Footer metadata.
	var tail []int
	for i := len(lines) - 1; i >= bodyFirst && len(tail) < footerLines; i-- {
		if !lines[i].drop {
			tail = append(tail, i)
		}
	}
	var signAuthor, footDate string
	bodyLeft := countKept(lines, bodyFirst)
	for _, i := range tail {
		if bodyLeft <= 1 {
			break
		}
		l := &lines[i]
		if name, d, ok := signOff(l.s); ok {
			if signAuthor == "" {
				signAuthor = name
			}
			if footDate == "" {
				footDate = d
			}
		} else if a, d, ok := bylineLine(l.s); ok {
			if labelAuthor == "" {
				labelAuthor = a
			}
			if footDate == "" {
				footDate = d
			}
		} else if d, ok := dateLine(l.s); ok {
			if footDate == "" {
				footDate = d
			}
		} else if !isDisclaimer(l.s) {
			continue
		}
		l.drop = true
		bodyLeft--
	}
	if m.Date == "" {
		m.Date = footDate
	}

	// Author: an explicit byline, else a sign-off, else a name line next
	// to the header's date or right under the title, else a credit line.
	m.Author = labelAuthor
	if m.Author == "" {
		m.Author = signAuthor
	}
	for k := 0; m.Author == "" && k < len(hdr); k++ {
		if hdr[k].kind != hdrName || hdr[k].s == titleRaw {
			continue
		}
		if k > 0 && (hdr[k-1].kind == hdrDate || hdr[k-1].kind == hdrTitle) ||
			k+1 < len(hdr) && hdr[k+1].kind == hdrDate {
			m.Author = hdr[k].s
		}
	}
	// Else the reporters a wire-service credit line names ("Reporting by
	// Jane Roe"), a line the noise pass dropped.
	for i := range lines {
		if m.Author != "" {
			break
		}
		if lines[i].boil == boilerLine {
			m.Author = creditAuthors(lines[i].s)
		}
	}

	// Title and outlet.
	if !cfg.html {
		m.Title, m.Outlet = splitTitleOutlet(titleRaw, text)
	} else {
		m.Title = titleRaw
	}
	tailFrom := tailStart(lines, footerLines)
	for _, d := range domains {
		if m.Outlet != "" {
			break
		}
		if d.line < bodyFirst || d.line >= tailFrom {
			m.Outlet = d.host
		}
	}

	// 6. Title repeats.
	if titleRaw != "" {
		for i := bodyFirst; i < len(lines); i++ {
			l := &lines[i]
			if l.drop {
				continue
			}
			if sameText(l.s, titleRaw) || m.Title != titleRaw && sameText(l.s, m.Title) {
				l.drop = true
				continue
			}
			l.s = stripTitlePrefix(l.s, titleRaw, m.Title)
		}
	}

	// 7. Paragraphs.
	m.Text = paragraphs(lines, cfg.html)
	return m
}

func countKept(lines []cline, from int) int {
	n := 0
	for i := from; i < len(lines); i++ {
		if !lines[i].drop {
			n++
		}
	}
	return n
}

// tailStart is the index of the first line from which fewer than n lines
// that are not dropped follow: a line there is "in the last n lines".
func tailStart(lines []cline, n int) int {
	after := 0
	for i := len(lines) - 1; i >= 0; i-- {
		if after >= n {
			return i + 1
		}
		if !lines[i].drop {
			after++
		}
	}
	return 0
}

// titleEligible: a headline-shaped line: at least three words, not over
// 250 characters, and not a sentence of ten words or more ending in a
// full stop (that is a lede; headlines rarely end in one).
func titleEligible(s string) bool {
	n := wordCount(s)
	if n < 3 || utf8.RuneCountInString(s) > 250 {
		return false
	}
	return !(strings.HasSuffix(s, ".") && n >= 10)
}

// stampedLine reads a first line that opens with a date stamp and goes on
// with the headline or the first sentence (" date 2024-02-03 Tehran
// condemns ...", "Published 3 March 2024 Officials said ..."), the way
// dumps of a page's text begin: the date, and the line without it.
func stampedLine(s string) (iso, rest string, ok bool) {
	if _, whole := dateLine(s); whole {
		return "", "", false // a date line of its own is read as such
	}
	iso, start, end, found := findDate(s)
	if !found || start > 40 || !onlyDateWords(s[:start]) {
		return "", "", false
	}
	rest = strings.TrimSpace(s[end:])
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) && r != '"' && r != '“' {
		return "", "", false
	}
	return iso, rest, true
}

// stripTitlePrefix removes a repeat of the title glued to the front of a
// line: "Iraq bids farewell to its last combatant US soldiersThe Iraqi
// government ..." → "The Iraqi government ...". The rest must start a
// new sentence (a capital, directly or after a space), and the title must
// have at least three words, so an opening sentence that merely starts
// with the headline's words is left alone.
func stripTitlePrefix(s string, titles ...string) string {
	for _, t := range titles {
		if len(s) <= len(t) || !strings.HasPrefix(s, t) || wordCount(t) < 3 {
			continue
		}
		rest := s[len(t):]
		trimmed := strings.TrimLeft(rest, " ")
		r := firstRune(trimmed)
		if isOpening(r) {
			_, size := utf8.DecodeRuneInString(trimmed)
			r = firstRune(trimmed[size:])
		}
		if isUpper(r) && hasLetter(trimmed) {
			return trimmed
		}
	}
	return s
}

// stripMarkdownHeading turns "## Heading" into "Heading".
func stripMarkdownHeading(s string) string {
	n := 0
	for n < len(s) && n < 6 && s[n] == '#' {
		n++
	}
	if n > 0 && n < len(s) && s[n] == ' ' {
		return strings.TrimSpace(strings.TrimRight(s[n:], "# "))
	}
	return s
}

// paragraphs joins the surviving lines into paragraphs separated by a
// blank line, and splits scrape glue.
//
// A line continues the previous one (joined with a space) when that one
// breaks off mid-sentence: across a blank line (a page break in the
// scrape), only if this line starts in lowercase; within a block of plain
// text also when the previous line ends with a comma or dash, or is a
// long line ending in a lowercase letter (hard-wrapped text). Otherwise
// each line is a paragraph of its own.
func paragraphs(lines []cline, html bool) string {
	size := 0
	for i := range lines {
		if !lines[i].drop {
			size += len(lines[i].s) + 2
		}
	}
	var out, para strings.Builder
	out.Grow(size)
	prev, prevBlock := "", -1
	flush := func() {
		if para.Len() == 0 {
			return
		}
		for _, p := range splitGlue(para.String()) {
			if out.Len() > 0 {
				out.WriteString("\n\n")
			}
			out.WriteString(p)
		}
		para.Reset()
	}
	for i := range lines {
		l := &lines[i]
		if l.drop || l.s == "" {
			continue
		}
		join := false
		if prev != "" && !endsSentence(prev) {
			switch {
			case startsLower(l.s) && endsMidSentence(prev):
				join = true
			case !html && l.block == prevBlock:
				last := lastRune(prev)
				join = startsLower(l.s) || last == ',' || last == '-' || last == '–' || last == '—' ||
					utf8.RuneCountInString(prev) >= 50 && isLower(last)
			}
		}
		if join {
			para.WriteByte(' ')
		} else {
			flush()
		}
		para.WriteString(l.s)
		prev, prevBlock = l.s, l.block
	}
	flush()
	return out.String()
}
