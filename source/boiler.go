package source

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// boilerKind says what a boilerplate line means for the lines after it.
type boilerKind uint8

const (
	notBoiler     boilerKind = iota
	boilerLine               // drop the line
	boilerComment            // the comment form starts: drop it and everything after
	boilerRelated            // a "related stories" block starts: near the end, drop the rest
)

// The patterns below are matched against whole lines (after whitespace
// normalisation), case-insensitively. They are general news-site chrome,
// not the strings of any one page. Keep every alternative anchored to the
// whole line: a sentence that merely contains "read more" is text. They
// are compiled by boilerRegexps, at their first use.
var (
	// Comment forms and comment counts: once one is reached after the
	// body has started, the rest of the page is comments.
	commentPattern = `(?i)^(?:` + strings.Join([]string{
		`leave (?:a |your )?(?:reply|comment|response)`,
		`(?:post|add|write|submit|make) (?:a |your )?comment`,
		`your email address will not be published.*`,
		`required fields are marked.*`,
		`comment moderation is enabled.*`,
		`you must be (?:logged|signed) in to (?:post|leave) a comment.*`,
		`comments are closed.*`,
		`cancel reply`,
		`join the (?:discussion|conversation)`,
		`(?:\d+|no|one) (?:comments?|responses?|replies|thoughts? on .+)(?: yet)?`,
		`comments?(?: \(\d+\))?`,
		`(?:show|view|load|read) (?:all )?comments?`,
		`what do you think\?`,
	}, "|") + `)\W*$`

	// Headings of related-link blocks.
	relatedPattern = `(?i)^(?:` + strings.Join([]string{
		`you (?:may|might|could) also (?:like|be interested in|enjoy)`,
		`related(?: (?:articles?|posts?|news|stories|content|topics|coverage|reading))?`,
		`more (?:from|on|in|about) .{1,60}`,
		`more (?:stories|news|articles)`,
		`recommended(?: for you| stories| articles| reading)?`,
		`most (?:read|popular|viewed|shared|commented)(?: stories| articles| news)?`,
		`popular (?:posts|stories|articles)`,
		`trending(?: now| stories| news)?`,
		`latest (?:news|posts|articles|stories)`,
		`top stories`,
		`editor['’]?s? picks?`,
		`also on .{1,40}`,
	}, "|") + `)\W*$`

	// Everything else that is a whole line of chrome.
	boilerPattern = `(?i)^(?:` + strings.Join([]string{
		// "Read more: <headline>" and its kin: a link to another story.
		`(?:read|see|also read|read also|related|recommended|don['’]?t miss|must read|more|watch|listen)(?: more| also| next)?\s*(?:[:：»>|]|[–—-]\s).*`,
		`read (?:more|full (?:article|story))|continue reading.*|keep reading|click here.*|tap here.*`,
		// Sharing.
		`share(?: (?:it|this|this (?:article|story|post|page)|on \w+|via \w+))?\s*:?`,
		`(?:share on |share via )?(?:facebook|twitter|x|whatsapp|telegram|email|e-mail|print|pinterest|linkedin|reddit|tumblr|vk|messenger|copy link|copy url)(?:[\s,|•·/]+(?:facebook|twitter|x|whatsapp|telegram|email|e-mail|print|pinterest|linkedin|reddit|tumblr|vk|messenger|copy link|copy url|share))*`,
		`tweet|pin it|e-?mail this(?: article| story)?|print(?: this)?(?: article| page| story)?|font size.*|text size.*|listen to (?:this )?(?:article|story).*`,
		// End markers.
		`end of (?:the )?(?:message|article|story|report|text|news)\W*|\(end\)|-+ ?end ?-+|#{3,}`,
		// Reading time.
		`(?:\d+|one|two|three|four|five|ten|a)[\s-]*(?:min|mins|minutes?)\.?(?: read| reading(?: time)?| to read)?`,
		`(?:estimated )?(?:reading|read) time\s*:?\s*(?:less than |about |approx\.? )?\d+\s*(?:min|mins|minutes?)(?: read)?`,
		// Relative times.
		`(?:updated |posted |published |last updated )?(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago`,
		// Counters.
		`[\d.,]+[km]?\s*(?:views?|reads|shares?|likes?)`,
		// Advertising.
		`advertisement|advertising|ad|sponsored(?: content| post| story)?|ads? by .*|scroll to continue.*|story continues below.*|article continues (?:below|after).*|continue reading below.*`,
		// Newsletters and follow buttons.
		`(?:subscribe|sign up|join|get)(?: now| today| free)?\b.*\bnewsletters?.*|subscribe(?: now| here)?|follow us(?: on .*)?|like us on .*`,
		// Taxonomy.
		`(?:tags?|topics?|categories|category|filed under|posted in|keywords)\s*:.*`,
		// Picture credits.
		`(?:photo|image|picture|file photo|photo credit|image credit|credit|source image)\s*[:|].{0,150}`,
		// Legal.
		`(?:©|\(c\)|copyright\b).{0,200}|all rights reserved.*`,
		// Navigation.
		`skip to (?:main )?content|back to top|go to top|(?:next|previous|prev)(?: article| post| story)\b.*`,
		`home|menu|search|log ?in|sign ?in|register|newsletters?|podcasts?|videos?|photos?|gallery`,
	}, "|") + `)\W*$`
)

// disclaimerRe matches an outlet's or author's disclaimer: the views
// expressed are the author's own, the outlet strives to inform its
// readers. Only applied to the last lines of a text.
var disclaimerRe = regexp.MustCompile(`(?i)\b(?:(?:views|opinions) expressed|do(?:es)? not necessarily (?:reflect|represent)|(?:our|its|their) readers|editorial (?:policy|stance))\b`)

// disclaimerWords are words every disclaimerRe match holds, lower case:
// a line without one is no disclaimer.
var disclaimerWords = [...][]byte{[]byte("expressed"), []byte("necessarily"), []byte("readers"), []byte("editorial")}

// isDisclaimer reports a closing disclaimer line.
func isDisclaimer(s string) bool {
	if len(s) > maxBoilerLen {
		return false
	}
	// The line lowered into a buffer on the stack when it is ASCII, as
	// strings.ToLower would lower it; it made a copy on the heap of nearly
	// every last line (a capital starts most), a few thousand instructions
	// each. Another line is lowered by strings.ToLower as before.
	var buf [maxBoilerLen]byte
	low, ascii := lowerASCII(buf[:0], s)
	if !ascii {
		low = []byte(strings.ToLower(s))
	}
	for _, w := range disclaimerWords {
		if bytes.Contains(low, w) {
			return disclaimerRe.MatchString(s)
		}
	}
	return false
}

// boilerTriggers are the first words (lowercased) that some pattern above
// can start with. A line whose first word is not here, and whose first
// character is a letter, cannot match, which keeps the regexps off almost
// every body line.
var boilerTriggers = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`leave post add write submit make your required comment comments
		you cancel join no one show view load read what related more recommended most popular trending
		latest top editor also see don must watch listen continue keep click tap share
		facebook twitter x whatsapp telegram email e-mail print pinterest linkedin reddit tumblr vk
		messenger copy tweet pin font text end two three four five ten a min mins minute minutes
		estimated reading advertisement advertising ad ads sponsored scroll story article subscribe sign
		get follow like tags tag topics topic categories category filed posted keywords photo image
		picture file credit source copyright all skip back go next previous prev home menu search log
		login signin register newsletter newsletters podcast podcasts video videos photos gallery
		updated published an last`) {
		boilerTriggers[w] = true
	}
}

// boilerFirstChars are the non-letters a pattern can start with
// (counters, "(end)", "###", "©", "-- end --").
const boilerFirstChars = "0123456789.,(-#©–—"

// maxBoilerLen is the longest line tested against the patterns; longer
// lines are prose.
const maxBoilerLen = 300

// classifyBoiler says whether a (tidied) line is boilerplate, and which
// kind.
func classifyBoiler(s string) boilerKind {
	if s == "" || len(s) > maxBoilerLen {
		return notBoiler
	}
	if isBreadcrumb(s) {
		return boilerLine
	}
	if isCreditLine(s) {
		return boilerLine
	}
	r := firstRune(s)
	if unicode.IsLetter(r) {
		if !firstWordIn(s, boilerTriggers) {
			return notBoiler
		}
	} else if !strings.ContainsRune(boilerFirstChars, r) {
		return notBoiler
	} else if r != '#' && r != '©' && !hasASCIILetter(s) {
		// Every pattern that starts with a digit or punctuation has a
		// word in it, except "###" and "©": "26.03.2025" is no chrome.
		return notBoiler
	}
	re := boilerRegexps()
	if len(s) <= maxPhraseLen {
		if k, ok := re.common[phraseKey(s)]; ok {
			return k
		}
	}
	return re.classify(s)
}

// boilerRegexps returns the patterns above, compiled, and commonPhrases'
// verdicts. They are made at the first line that passes classifyBoiler's
// cheap tests, not in the package's init: compiling the three patterns is
// some 27M instructions, 15 % of the start of `newsgraph extract`, which
// runs on one core before any article is read, where on a worker it runs
// beside the other workers (and not at all for articles without such a
// line).
var boilerRegexps = sync.OnceValue(func() *boilerRE {
	re := &boilerRE{
		comment: regexp.MustCompile(commentPattern),
		related: regexp.MustCompile(relatedPattern),
		line:    regexp.MustCompile(boilerPattern),
		common:  map[string]boilerKind{},
	}
	for _, p := range commonPhrases {
		k := re.classify(p)
		if k == notBoiler {
			panic("source: common phrase not matched by the patterns: " + p)
		}
		re.common[p] = k
	}
	return re
})

// boilerRE holds the compiled patterns (boilerRegexps).
type boilerRE struct {
	comment, related, line *regexp.Regexp
	// common caches the regexps' verdict on commonPhrases, so that most
	// noise lines cost a map look-up; it changes no result.
	common map[string]boilerKind
}

func (re *boilerRE) classify(s string) boilerKind {
	switch {
	case re.comment.MatchString(s):
		return boilerComment
	case re.related.MatchString(s):
		return boilerRelated
	case re.line.MatchString(s):
		return boilerLine
	}
	return notBoiler
}

const maxPhraseLen = 48

// commonPhrases are the commonest whole-line chrome, keyed as phraseKey
// keys a line.
var commonPhrases = func() []string {
	var ps []string
	for _, p := range strings.Split(`leave a reply|leave a comment|leave a response|leave your comment|
		post a comment|add a comment|write a comment|submit a comment|cancel reply|comments|comment|
		join the discussion|join the conversation|your email address will not be published|
		required fields are marked|related articles|related posts|related news|related stories|related|
		you may also like|you might also like|more stories|recommended|most read|most popular|most viewed|
		popular posts|trending|trending now|latest news|top stories|editor's picks|share|share it|share this|
		share this article|share this story|tweet|print|email|advertisement|ad|sponsored|sponsored content|
		read more|continue reading|skip to content|back to top|home|menu|search|subscribe|follow us|
		end of message|end of article|end of story|newsletter|video|photos|gallery`, "|") {
		ps = append(ps, strings.TrimSpace(p))
	}
	return ps
}()

// phraseKey lowercases a line and trims the punctuation and spaces at its
// end ("Leave a Reply", "leave a reply:" and "LEAVE A REPLY" are one key).
// Matching the key is only a shortcut: every pattern ends in \W*$ and is
// case-insensitive, so the key matches exactly when the line does.
func phraseKey(s string) string {
	return strings.ToLower(strings.TrimRightFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' // what \W matches
	}))
}

// firstWordIn reports whether the first word of s (its leading run of
// letters and hyphens: "don't" is "don"), lowercased, is in set. ASCII words
// (all the set words) are looked up without allocating.
func firstWordIn(s string, set map[string]bool) bool {
	var buf [24]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsLetter(r) {
				return false // a non-ASCII word is in no set
			}
			break
		}
		if byteClass[c]&bcLetter == 0 && c != '-' {
			break
		}
		if n == len(buf) {
			return false
		}
		if byteClass[c]&bcLetter != 0 {
			c |= 0x20
		}
		buf[n] = c
		n++
	}
	return set[string(buf[:n])]
}

// isBreadcrumb reports a navigation trail: three or more short parts
// joined by », ›, > or | ("Home » News » Middle East").
func isBreadcrumb(s string) bool {
	if len(s) > 150 {
		return false
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '»' || r == '›' || r == '>' || r == '|' })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if n := wordCount(p); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// creditRoles start the parts of a wire-service credit line.
var creditRoles = map[string]bool{
	"reporting": true, "writing": true, "editing": true, "compiled": true, "translated": true,
	"translation": true, "produced": true, "graphics": true, "research": true, "additional reporting": true,
}

// nameConnectors may stand between the names of a credit line.
var nameConnectors = map[string]bool{"and": true, "in": true, "from": true, "at": true, "with": true, "&": true}

// hasBy reports whether s holds " by " in any case, as strings.ToLower(s)
// would (no other rune lowers to a space, 'b' or 'y'), without making the
// lowered copy: every short line of a text asks.
func hasBy(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0 && i+4 <= len(s); {
		if s[i+1]|0x20 == 'b' && s[i+2]|0x20 == 'y' && s[i+3] == ' ' {
			return true
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isCreditLine reports a wire-service credit line, "(Reporting by Jane
// Roe in Baghdad; Editing by John Doe)": every ';'-separated part is
// "<role> by <names>", the names capitalised words and connectors only,
// so "Reporting by state media suggested ..." is text.
func isCreditLine(s string) bool {
	if len(s) > 200 || !hasBy(s) {
		return false
	}
	s = strings.TrimSpace(strings.Trim(s, "()[]. "))
	for _, part := range strings.Split(s, ";") {
		role, names, ok := strings.Cut(strings.TrimSpace(part), " by ")
		if !ok || !creditRoles[strings.ToLower(strings.TrimSpace(role))] {
			return false
		}
		words := strings.Fields(strings.ReplaceAll(names, ",", " "))
		if len(words) == 0 {
			return false
		}
		for _, w := range words {
			if !nameConnectors[w] && !unicode.IsUpper(firstRune(w)) && !nameParticles[strings.SplitN(w, "-", 2)[0]] {
				return false
			}
		}
	}
	return true
}

// creditAuthors returns the names a wire-service credit line gives the
// reporting ("Reporting by Jane Roe in Baghdad and John Doe; Editing by
// Ali Saleh" → "Jane Roe and John Doe"), or "" when s is no credit line
// or credits no reporting.
func creditAuthors(s string) string {
	if !isCreditLine(s) {
		return ""
	}
	var names []string
	for _, part := range strings.Split(strings.TrimSpace(strings.Trim(s, "()[]. ")), ";") {
		role, list, _ := strings.Cut(strings.TrimSpace(part), " by ")
		if r := strings.ToLower(strings.TrimSpace(role)); r != "reporting" && r != "writing" && r != "additional reporting" {
			continue
		}
		var name []string
		flush := func() {
			if len(name) > 0 {
				names = append(names, strings.Join(name, " "))
			}
			name = nil
		}
		skip := false // the words after "in", "from", "at": a place
		for _, w := range strings.Fields(strings.ReplaceAll(list, ",", " , ")) {
			switch {
			case w == "," || w == "and" || w == "&" || w == "with":
				flush()
				skip = false
			case w == "in" || w == "from" || w == "at":
				flush()
				skip = true
			case !skip:
				name = append(name, w)
			}
		}
		flush()
	}
	return strings.Join(names, " and ")
}

// isEmailLine reports a line that is only an e-mail address (optionally
// labelled "Email:").
func isEmailLine(s string) bool {
	s = stripLabel(s, "email", "e-mail", "mail", "contact")
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	s = strings.TrimPrefix(s, "mailto:")
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	domain := strings.TrimRight(s[at+1:], ".")
	return strings.Contains(domain, ".") && !strings.ContainsAny(domain, "@/")
}

// domainLine reports a line that is only a web address, and returns its
// host without "www." (the outlet it names).
func domainLine(s string) (string, bool) {
	s = stripLabel(s, "website", "web", "site", "url", "source")
	if s == "" || strings.ContainsAny(s, " \t") {
		return "", false
	}
	host := s
	explicit := false
	for _, p := range []string{"https://", "http://"} {
		if len(host) > len(p) && strings.EqualFold(host[:len(p)], p) {
			host = host[len(p):]
			explicit = true
		}
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimRight(host, ".")
	if len(host) >= 4 && strings.EqualFold(host[:4], "www.") {
		explicit = true
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return "", false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", false
		}
		for i := 0; i < len(l); i++ {
			c := l[i] | 0x20
			if !('a' <= c && c <= 'z' || '0' <= l[i] && l[i] <= '9' || l[i] == '-') {
				return "", false
			}
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 || len(tld) > 24 {
		return "", false
	}
	for i := 0; i < len(tld); i++ {
		c := tld[i]
		// Without a scheme or "www.", only an all-lowercase TLD makes a
		// bare word with a dot a domain ("afgazad.com", not "Iraq.Al").
		if !('a' <= c && c <= 'z') && !(explicit && 'A' <= c && c <= 'Z') {
			return "", false
		}
	}
	host = strings.ToLower(host)
	host = strings.TrimPrefix(host, "www.")
	return host, true
}

// stripLabel removes a leading "Label:" (any of labels, any case).
func stripLabel(s string, labels ...string) string {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 12 {
		return s
	}
	head := strings.ToLower(strings.TrimSpace(s[:i]))
	for _, l := range labels {
		if head == l {
			return strings.TrimSpace(s[i+1:])
		}
	}
	return s
}
