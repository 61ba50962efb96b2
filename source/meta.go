package source

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates. Every pattern is tried on short header and footer lines only,
// never on the body, so a date mentioned in a sentence is not taken for
// the article's date.
const monthPat = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	isoDateRe  = regexp.MustCompile(`\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`)
	dmyWordRe  = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthPat + `)\.?,?\s+(\d{4})\b`)
	mdyWordRe  = regexp.MustCompile(`(?i)\b(` + monthPat + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	numDateRe  = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})\b`)
	timeTokRe  = regexp.MustCompile(`^(?:\d{1,2}[:h]\d{2}(?::\d{2})?(?:am|pm)?|[+-]?\d{2}:?\d{2}|\d{1,2}(?:am|pm))$`)
	monthIndex = map[string]time.Month{
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
	}
)

// dateWords are the words a date line may hold besides the date itself.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun
		published updated posted date dated on at last modified first released created publication
		time am pm a.m p.m gmt utc est edt cst cdt pst pdt cet cest eet eest bst ist ast msk irst
		trt aest local hrs h z`) {
		dateWords[w] = true
	}
}

// findDate finds the first well-formed calendar date in s and returns it
// as YYYY-MM-DD with the byte span it occupies. Day-first is preferred
// when a numeric date is ambiguous (26.03.2025 and 03.04.2025 are both
// read day first; 03.26.2025 can only be month first).
func findDate(s string) (iso string, start, end int, ok bool) {
	if !hasYear(s) {
		return "", 0, 0, false
	}
	best := -1
	try := func(loc []int, y, m, d int) {
		if loc == nil || (best >= 0 && loc[0] >= start) {
			return
		}
		if v, good := validDate(y, m, d); good {
			iso, start, end, best = v, loc[0], loc[1], loc[0]
		}
	}
	isoAt, numYear := yearSides(s)
	if isoAt >= 0 {
		if m := isoDateAt(s, isoAt); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
			try(m, atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]]))
		}
	}
	if mayHaveMonth(s) {
		if m := dmyWordRe.FindStringSubmatchIndex(s); m != nil {
			try(m, atoi(s[m[6]:m[7]]), monthNum(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		}
		if m := mdyWordRe.FindStringSubmatchIndex(s); m != nil {
			try(m, atoi(s[m[6]:m[7]]), monthNum(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
		}
	}
	if numYear {
		if m := numDateRe.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
			a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
			if b > 12 && a <= 12 {
				a, b = b, a // only month-first makes sense
			}
			try(m, y, b, a)
		}
	}
	return iso, start, end, best >= 0
}

// yearSides reports where s has a year as the two numeric regexps need
// one: four digits after a word boundary and before a separator
// (isoDateRe, "2023-04-02"; iso is the first such year's offset, or -1),
// or after a separator and before a word boundary (numDateRe,
// "02.04.2023"). Each regexp with its submatches cost thousands of
// instructions a line; most date lines have one form only.
func yearSides(s string) (iso int, num bool) {
	iso = -1
	for i := 0; i+4 <= len(s); i++ {
		if !isDigits(s[i : i+4]) {
			continue
		}
		if iso < 0 && (i == 0 || !isWordByte(s[i-1])) && i+4 < len(s) && isDateSep(s[i+4]) {
			iso = i
		}
		num = num || i > 0 && isDateSep(s[i-1]) && (i+4 == len(s) || !isWordByte(s[i+4]))
	}
	return iso, num
}

// isoDateAt is isoDateRe.FindStringSubmatchIndex(s), given at, the first
// year yearSides found for it: no match starts before at, and one that
// starts at or after it is found as well in s[at:], whose start is a word
// boundary in s too (a non-word byte or the text's start before it). The
// regexp then scans only from the year, not the outlet's name before it
// ("Al Mayadeen | 2023-04-02").
func isoDateAt(s string, at int) []int {
	m := isoDateRe.FindStringSubmatchIndex(s[at:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += at
		}
	}
	return m
}

// isWordByte reports an ASCII word character, as \b sees them.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isDateSep reports a separator of a numeric date: [-/.].
func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// hasYear reports whether s has a run of exactly four digits: every date
// form needs one, and most lines have none, which spares the regexps.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return run == 4
}

// mayHaveMonth reports whether s may hold a month as the word regexps
// need one: a word of monthPat in either case, whole (after a word
// boundary), followed by an optional '.' and ',' and white space; or a
// byte that is not ASCII (the regexps' case folding matches 'ſ' for 's').
// Most date lines are numeric ("2023-04-02"), the two word regexps cost
// most, and an outlet's name can hold a month's letters ("Al Mayadeen").
func mayHaveMonth(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if (i == 0 || !isWordByte(s[i-1])) && j-i <= len("september") && isMonthWord(s[i:j]) && monthEnd(s[j:]) {
			return true
		}
		i = j
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isMonthWord reports whether w, ASCII letters, is a word of monthPat in
// either case.
func isMonthWord(w string) bool {
	var buf [len("september")]byte
	for i := range len(w) {
		buf[i] = w[i] | 0x20
	}
	switch string(buf[:len(w)]) {
	case "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
		"jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
		"dec", "december":
		return true
	}
	return false
}

// monthEnd reports whether rest, what follows a month word, goes on as
// both word regexps need: an optional '.' and ',', then white space (\s).
func monthEnd(rest string) bool {
	k := 0
	if k < len(rest) && rest[k] == '.' {
		k++
	}
	if k < len(rest) && rest[k] == ',' {
		k++
	}
	return k < len(rest) && strings.IndexByte("\t\n\f\r ", rest[k]) >= 0
}

func validDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	// "%04d-%02d-%02d" by hand: y has four digits and m and d two at
	// most here, and fmt.Sprintf cost a thousand instructions a date.
	iso := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(iso[:]), true
}

func monthNum(s string) int {
	s = strings.ToLower(s)
	if len(s) > 3 {
		s = s[:3]
	}
	return int(monthIndex[s])
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dateLine reports whether a line is a date line: a date with nothing
// else but a weekday, a time, a time zone or a label such as "Published".
func dateLine(s string) (string, bool) {
	if len(s) > 100 {
		return "", false
	}
	iso, start, end, ok := findDate(s)
	if !ok || !onlyDateWords(s[:start]) {
		return "", false
	}
	// "Published: 5 January 2020 | Updated: 6 January 2020": further
	// dates may follow; the first is the one taken.
	rest := s[end:]
	for range 3 {
		_, st, en, more := findDate(rest)
		if !more || !onlyDateWords(rest[:st]) {
			break
		}
		rest = rest[en:]
	}
	if !onlyDateWords(rest) {
		return "", false
	}
	return iso, true
}

func onlyDateWords(s string) bool {
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ':' && r != '.'
	}) {
		tok = strings.Trim(tok, ":.")
		if tok == "" {
			continue
		}
		low := strings.ToLower(tok)
		if dateWords[low] || timeTokRe.MatchString(low) {
			continue
		}
		if isDigits(tok) && len(tok) <= 2 { // "GMT+3"
			continue
		}
		return false
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Bylines: "By X", "Author: X", "Written by X", ...
var bylineRe = regexp.MustCompile(`(?i)^(?:(?:written|posted|reported|story|words|text|article|compiled|edited)\s+by|by|authors?|reporters?|writers?|correspondent)\b\s*(?:[:\-–—|]\s*)?(.+)$`)

// bylineStarts are the first words bylineRe can match.
var bylineStarts = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`written posted reported story words text article compiled edited by
		author authors reporter reporters writer writers correspondent`) {
		bylineStarts[w] = true
	}
}

// bylineLine reads a byline line: the author's name, and a date if the
// line carries one ("By Jane Roe | March 3, 2024").
func bylineLine(s string) (author, date string, ok bool) {
	if len(s) > 160 {
		return "", "", false
	}
	if !firstWordIn(s, bylineStarts) {
		return "", "", false
	}
	m := bylineRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	rest := m[1]
	if iso, start, _, found := findDate(rest); found {
		date = iso
		rest = rest[:start]
	}
	name := cutName(rest)
	if !plausibleName(name) {
		return "", "", false
	}
	return name, date, true
}

// cutName cuts what follows a name on a byline: a separator and whatever
// comes after it.
func cutName(s string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " • ", ", ", " on ", "|"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' || r == '*'
	})
}

// plausibleName accepts what can be an author: one to eight words, the
// first capitalised, no digits, no sentence inside, no weekday or month.
func plausibleName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 80 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 8 {
		return false
	}
	if !unicode.IsUpper(firstRune(s)) {
		return false
	}
	for _, w := range words {
		if notNameWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return false
		}
		if strings.ContainsAny(w, "0123456789?!;:") {
			return false
		}
	}
	return !strings.Contains(s, ". ") || isInitials(s)
}

// notNameWords are weekdays and month names that are not also people's
// names: "By Thursday" is no byline.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		january february march april august september october november december
		today yesterday tomorrow published updated posted`) {
		notNameWords[w] = true
	}
}

// isInitials allows "John F. Kennedy", "J. R. Smith".
func isInitials(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 2 {
			return false
		}
	}
	return true
}

// nameParticles may appear lowercase inside a personal name.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "de": true, "da": true,
	"di": true, "del": true, "van": true, "von": true, "der": true, "den": true, "du": true, "la": true,
	"le": true, "ul": true, "ud": true, "ad": true, "as": true, "ash": true,
}

// functionWords never occur in a name line (they do in headlines).
var functionWords = map[string]bool{
	"the": true, "of": true, "and": true, "in": true, "on": true, "to": true, "for": true, "with": true,
	"a": true, "an": true, "at": true, "by": true, "from": true, "is": true, "are": true, "was": true,
	"be": true, "not": true, "no": true, "or": true, "as": true, "its": true, "this": true, "that": true,
	"how": true, "why": true, "what": true, "who": true, "will": true, "after": true, "over": true,
}

// isNameLine reports a short line that looks like a name on its own: two
// to four capitalised words (name particles such as "al-" allowed), no
// digits, no punctuation but hyphens, apostrophes and initials' dots.
func isNameLine(s string) bool {
	if len(s) > 60 || len(s) < 3 {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if functionWords[lw] {
			return false
		}
		if head, _, found := strings.Cut(lw, "-"); found && nameParticles[head] {
			continue
		}
		if nameParticles[lw] && lw != "as" {
			continue
		}
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
	}
	return true
}

// signOff reads a closing line "Name, Month D, YYYY" (or with another
// date form, or " - " instead of the comma): the author and the date.
func signOff(s string) (name, date string, ok bool) {
	if len(s) > 100 {
		return "", "", false
	}
	s = strings.Trim(s, "*_ ")
	for _, sep := range []string{", ", " - ", " – ", " — ", " | "} {
		i := strings.Index(s, sep)
		if i <= 0 {
			continue
		}
		left := strings.TrimLeft(s[:i], "—–- ")
		if !isNameLine(left) {
			continue
		}
		if d, good := dateLine(s[i+len(sep):]); good {
			return left, d, true
		}
	}
	return "", "", false
}

// Title and outlet.

// titleSeps separate a headline from the outlet's name.
var titleSeps = []string{" | ", " – ", " — ", " - ", " :: "}

// mayHaveTitleSep reports whether title may hold one of titleSeps: each
// is a space and then '|', '-', ':' or 0xE2 (the first byte of '–' and
// '—'). A title without such a pair holds none.
func mayHaveTitleSep(title string) bool {
	for i := 0; i+1 < len(title); i++ {
		if title[i] == ' ' {
			switch title[i+1] {
			case '|', '-', ':', 0xE2:
				return true
			}
		}
	}
	return false
}

// newsWords mark a name as a news outlet's.
var newsWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`news agency press tv television daily weekly journal herald tribune
		gazette online network media radio telegraph observer monitor today wire insider express mail
		guardian chronicle independent review magazine channel broadcasting broadcast times post
		reuters afp ap upi tass xinhua irna isna tasnim mehr fars anadolu sputnik bbc cnn dw france24
		rt cgtn npr pbs abc nbc cbs aljazeera jazeera arabiya`) {
		newsWords[w] = true
	}
}

// splitTitleOutlet separates an outlet from a headline when the pattern is
// clear: "Outlet - Headline" with a news word (or a domain) in Outlet, or
// "Headline – outlet" where outlet is also a news word or domain, follows
// a " | ", is a lowercase brand, or is named in the text next to a news
// word ("rahnam International News Agency"). Anything less clear stays in
// the title.
func splitTitleOutlet(title, text string) (string, string) {
	if !mayHaveTitleSep(title) {
		return title, "" // most titles: no LastIndex and Index of each separator (6,000 instructions a title)
	}
	// Suffix: the last separator.
	bestI, bestSep := -1, ""
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > bestI {
			bestI, bestSep = i, sep
		}
	}
	if bestI > 0 {
		head, tail := strings.TrimSpace(title[:bestI]), strings.TrimSpace(title[bestI+len(bestSep):])
		if outletLike(tail) && headlineLike(head, tail) &&
			(newsy(tail) || bestSep == " | " || lowerBrand(tail) || namedAsOutlet(tail, text)) {
			return head, tail
		}
	}
	// Prefix: the first separator.
	bestI, bestSep = -1, ""
	for _, sep := range titleSeps {
		if i := strings.Index(title, sep); i > 0 && (bestI < 0 || i < bestI) {
			bestI, bestSep = i, sep
		}
	}
	if bestI > 0 {
		head, tail := strings.TrimSpace(title[:bestI]), strings.TrimSpace(title[bestI+len(bestSep):])
		if outletLike(head) && headlineLike(tail, head) && newsy(head) {
			return tail, head
		}
	}
	return title, ""
}

// outletLike: one to four words, at most 40 characters, no sentence
// punctuation (a domain's dots allowed).
func outletLike(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 40 || !hasLetter(s) {
		return false
	}
	n := len(strings.Fields(s))
	if n < 1 || n > 4 {
		return false
	}
	if _, ok := domainLine(s); ok {
		return true
	}
	return !strings.ContainsAny(s, ".?!,;:\"“”«»()[]")
}

func headlineLike(s, outlet string) bool {
	return wordCount(s) >= 3 && len(s) > len(outlet)
}

func newsy(s string) bool {
	if _, ok := domainLine(s); ok {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if newsWords[w] {
			return true
		}
	}
	return false
}

// lowerBrand: a single all-lowercase word, as site names often are and
// people's and places' names are not.
func lowerBrand(s string) bool {
	if strings.ContainsAny(s, " \t") || utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// namedAsOutlet reports whether text names s followed, within three
// words, by a news word: "rahnam International News Agency".
func namedAsOutlet(s, text string) bool {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(s)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		after := strings.Fields(text[off:min(len(text), off+80)])
		if len(after) > 0 && hasLetter(string(firstRune(text[off:]))) {
			continue // s is the start of a longer word
		}
		for j := 0; j < len(after) && j < 3; j++ {
			if newsy(after[j]) {
				return true
			}
		}
	}
	return false
}

// sameText compares two lines ignoring case, spacing and trailing
// punctuation.
func sameText(a, b string) bool {
	a, b = strings.TrimRightFunc(a, trailTrim), strings.TrimRightFunc(b, trailTrim)
	return a != "" && strings.EqualFold(a, b)
}

func trailTrim(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && !isClosing(r) }
