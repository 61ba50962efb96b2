package extract

import (
	"fmt"
	"math"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// Dates are resolved against the article's date where it is known: "on
// Thursday" is the Thursday on or before it, "January 24" takes its year,
// "in August 2023" is 2023-08, "by the end of 2025" is 2025, and a day and
// month with no year anywhere is written --MM-DD. A weekday that does not
// fit its date ("Thursday, January 26, 2024": a Friday) makes the day
// untrusted: the date keeps only its year and month, and DateNote says why.

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// dateExpr is one date expression found in a sentence.
type dateExpr struct {
	tok     int // first token
	year    int // 0 if not stated
	month   time.Month
	day     int
	weekday time.Weekday
	hasWD   bool
}

// ResolveDate resolves the date expressions of a text fragment against an
// article date (YYYY-MM-DD or ""). It returns the ISO date (possibly
// partial) and a note when the date is missing parts or not trusted.
func ResolveDate(fragment, articleDate string) (string, string) {
	toks := tokenize(fragment)
	exprs := findDates(fragment, toks, 0, len(toks))
	if len(exprs) == 0 {
		return "", ""
	}
	return exprs[0].resolve(articleDate)
}

// weekdayAt and monthAt return the weekday or month a capitalised token
// names: the case, the length and the first letter are tested before the
// map, since the dates of every sentence are looked for at each of its
// words, and most capitalised words are names.
func weekdayAt(t *token) (time.Weekday, bool) {
	if !t.cap || !weekdayShape.may(t.norm) {
		return 0, false
	}
	wd, ok := weekdays[t.norm]
	return wd, ok
}

func monthAt(t *token) (time.Month, bool) {
	if !t.cap || !monthShape.may(t.norm) {
		return 0, false
	}
	m, ok := months[t.norm]
	return m, ok
}

// wordShape is what the keys of a map of words share: their lengths and
// first letters.
type wordShape struct {
	min, max int
	initials uint32 // bit c-'a': a key starts with c
}

var weekdayShape, monthShape = shapeOf(weekdays), shapeOf(months)

// shapeOf is the shape of the keys of m, lower-case words.
func shapeOf[V any](m map[string]V) wordShape {
	s := wordShape{min: math.MaxInt}
	for w := range m {
		s.min, s.max = min(s.min, len(w)), max(s.max, len(w))
		s.initials |= 1 << (w[0] - 'a')
	}
	return s
}

// may reports whether w has the shape of a key: false when it cannot be one.
func (s wordShape) may(w string) bool {
	return len(w) >= s.min && len(w) <= s.max && w[0]-'a' < 26 && s.initials&(1<<(w[0]-'a')) != 0
}

// findDates scans tokens [a, b) for date expressions.
func findDates(text string, toks []token, a, b int) []dateExpr {
	var out []dateExpr
	num := func(i int) (int, bool) {
		if i < a || i >= b {
			return 0, false
		}
		return atoiOrdinal(toks[i].norm)
	}
	isWord := func(i int, w string) bool { return i >= a && i < b && toks[i].norm == w }
	for i := a; i < b; i++ {
		t := &toks[i]
		if t.kind != tWord && t.kind != tNum {
			continue
		}
		// Every expression starts with a capitalised word (a weekday or a
		// month) or a number ("24 January", "5th of February", "2020"):
		// the other words of a sentence, most of them, start none.
		if !t.cap && (t.norm == "" || t.norm[0] < '0' || t.norm[0] > '9') {
			continue
		}
		if wd, ok := weekdayAt(t); ok {
			e := dateExpr{tok: i, weekday: wd, hasWD: true}
			// A date may follow: "Thursday, January 26, 2024", "Thursday (5th
			// of February)", "Thursday 25 January 2024".
			j := i + 1
			for j < b && (toks[j].norm == "," || toks[j].norm == "(") {
				j++
			}
			if d, n := parseDayMonth(toks, j, b, num, isWord); n > 0 {
				e.year, e.month, e.day = d.year, d.month, d.day
				i = j + n - 1
			}
			out = append(out, e)
			continue
		}
		if d, n := parseDayMonth(toks, i, b, num, isWord); n > 0 {
			d.tok = i
			out = append(out, d)
			i += n - 1
			continue
		}
		// "in 2020", "by the end of 2025", "since 2017"
		if y, ok := num(i); ok && t.kind == tNum && y >= 1900 && y <= 2100 && len(t.norm) == 4 {
			if isWord(i-1, "in") || isWord(i-1, "of") || isWord(i-1, "since") || isWord(i-1, "by") || isWord(i-1, "until") || isWord(i-1, "from") || isWord(i-1, "during") {
				out = append(out, dateExpr{tok: i, year: y})
			}
		}
	}
	return out
}

// atoiOrdinal parses "24", "5th", "31st" without allocating.
func atoiOrdinal(w string) (int, bool) {
	if len(w) > 2 {
		switch w[len(w)-2:] {
		case "st", "nd", "rd", "th":
			w = w[:len(w)-2]
		}
	}
	if w == "" || len(w) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseDayMonth reads "January 24(, 2024)", "24 January( 2024)", "5th of
// February", "September 2024" at token i; it returns the tokens used.
func parseDayMonth(toks []token, i, b int, num func(int) (int, bool), isWord func(int, string) bool) (dateExpr, int) {
	if i >= b {
		return dateExpr{}, 0
	}
	if m, ok := monthAt(&toks[i]); ok && (toks[i].norm != "may" || i+1 < b && toks[i+1].kind == tNum) {
		e := dateExpr{month: m}
		n := 1
		if d, ok := num(i + 1); ok && d >= 1 && d <= 31 && len(toks[i+1].norm) <= 4 {
			e.day = d
			n = 2
			j := i + 2
			if isWord(j, ",") {
				j++
			}
			if y, ok := num(j); ok && y >= 1900 && y <= 2100 {
				e.year = y
				n = j - i + 1
			}
			return e, n
		}
		if y, ok := num(i + 1); ok && y >= 1900 && y <= 2100 {
			e.year = y
			return e, 2
		}
		return dateExpr{}, 0
	}
	if d, ok := num(i); ok && d >= 1 && d <= 31 && len(toks[i].norm) <= 4 {
		j := i + 1
		if isWord(j, "of") {
			j++
		}
		if j < b {
			if m, ok := monthAt(&toks[j]); ok {
				e := dateExpr{month: m, day: d}
				n := j - i + 1
				if y, ok := num(j + 1); ok && y >= 1900 && y <= 2100 {
					e.year = y
					n++
				}
				return e, n
			}
		}
	}
	return dateExpr{}, 0
}

// resolve turns an expression into an ISO date against the article date.
func (e dateExpr) resolve(articleDate string) (string, string) {
	ad, err := time.Parse("2006-01-02", articleDate)
	known := err == nil
	switch {
	case e.hasWD && e.month == 0:
		if !known {
			return "", "only a weekday (" + e.weekday.String() + ") is given and the article date is unknown" // not Sprintf: every weekday of an undated article comes here
		}
		back := (int(ad.Weekday()) - int(e.weekday) + 7) % 7
		return ad.AddDate(0, 0, -back).Format("2006-01-02"), ""
	case e.month != 0 && e.day != 0:
		year := e.year
		if year == 0 && known {
			year = ad.Year()
			// A date well after the article is last year's ("on December
			// 30" in a January article).
			if time.Date(year, e.month, e.day, 0, 0, 0, 0, time.UTC).After(ad.AddDate(0, 1, 0)) {
				year--
			}
		}
		if year == 0 {
			return fmt.Sprintf("--%02d-%02d", int(e.month), e.day), "year not stated"
		}
		t := time.Date(year, e.month, e.day, 0, 0, 0, 0, time.UTC)
		if t.Month() != e.month {
			return fmt.Sprintf("%04d-%02d", year, int(e.month)), fmt.Sprintf("day %d does not exist in %s %d", e.day, e.month, year)
		}
		if e.hasWD && t.Weekday() != e.weekday {
			return fmt.Sprintf("%04d-%02d", year, int(e.month)), fmt.Sprintf("weekday %s does not match %s (a %s); day not trusted", e.weekday, t.Format("2006-01-02"), t.Weekday())
		}
		return t.Format("2006-01-02"), ""
	case e.month != 0 && e.year != 0:
		return fmt.Sprintf("%04d-%02d", e.year, int(e.month)), ""
	case e.year != 0:
		return fmt.Sprintf("%04d", e.year), ""
	}
	return "", ""
}

// date resolves the date of an event triggered at item k: the date
// expression of its sentence nearest to the trigger.
func (v *view) date(k int) (string, string) {
	d := v.d
	if !v.datesDone {
		v.dates = findDates(d.text, d.toks, v.s.first, v.s.last)
		v.datesDone = true
	}
	exprs := v.dates
	if len(exprs) == 0 {
		return "", ""
	}
	t := v.it[min(k, len(v.it)-1)].t0
	// "struck … on Friday": English puts the date after the verb, so the
	// nearest expression after the trigger wins, else the nearest before.
	best := exprs[0]
	for _, e := range exprs[1:] {
		after, bestAfter := e.tok > t, best.tok > t
		if after && !bestAfter || after == bestAfter && abs(e.tok-t) < abs(best.tok-t) {
			best = e
		}
	}
	return best.resolve(d.a.Date)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// datePrecisions gives every event of a record its date precision, and an
// event the text leaves undated the article's date (precision reported),
// so that each event can be placed on a timeline and compared with other
// reports of the same happening.
func datePrecisions(rec *schema.Record) {
	for i := range rec.Events {
		e := &rec.Events[i]
		switch {
		case e.Date != "":
			e.DatePrecision = schema.PrecisionOf(e.Date)
		case rec.Article.Date != "":
			e.Date, e.DatePrecision = rec.Article.Date, schema.PrecisionReported
		case e.DateNote == "":
			e.DateNote = "neither the text nor the article gives a date"
		}
	}
}
