package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestResolveDate(t *testing.T) {
	for _, c := range []struct {
		fragment, articleDate, want string
		note                        bool
	}{
		{"declared on Thursday that", "2024-01-26", "2024-01-25", false}, // 2024-01-26 is a Friday
		{"declared on Friday that", "2024-01-26", "2024-01-26", false},
		{"on Thursday", "", "", true},
		{"held talks on January 24.", "2024-01-25", "2024-01-24", false},
		{"on December 30", "2024-01-05", "2023-12-30", false},
		{"by the end of 2025", "", "2025", false},
		{"began in August 2023", "", "2023-08", false},
		{"in September 2024, the two agreed", "2025-03-26", "2024-09", false},
		{"on Thursday (5th of February) an agreement", "", "--02-05", true},
		{"on 24 January 2024", "", "2024-01-24", false},
		{"Thursday, January 26, 2024", "", "2024-01", true}, // a Friday: day not trusted
		{"Thursday, January 25, 2024", "", "2024-01-25", false},
		{"on February 30, 2024", "", "2024-02", true},
		{"nothing here", "2024-01-01", "", false},
		{"May officials said", "2024-01-01", "", false},
	} {
		got, note := ResolveDate(c.fragment, c.articleDate)
		if got != c.want || (note != "") != c.note {
			t.Errorf("ResolveDate(%q, %q) = %q, %q; want %q (note %v)", c.fragment, c.articleDate, got, note, c.want, c.note)
		}
	}
}

func TestDatePrecisions(t *testing.T) {
	for _, c := range []struct {
		date, articleDate, wantDate, wantPrecision string
	}{
		{"2024-01-24", "2024-01-25", "2024-01-24", schema.PrecisionDay},
		{"--02-05", "", "--02-05", schema.PrecisionDay},
		{"2023-08", "2024-01-25", "2023-08", schema.PrecisionMonth},
		{"2014", "2024-01-25", "2014", schema.PrecisionYear},
		{"", "2024-01-25", "2024-01-25", schema.PrecisionReported},
		{"", "", "", ""},
	} {
		rec := schema.Record{Article: schema.Article{Date: c.articleDate}, Events: []schema.Event{{Date: c.date}}}
		datePrecisions(&rec)
		e := rec.Events[0]
		if e.Date != c.wantDate || e.DatePrecision != c.wantPrecision {
			t.Errorf("date %q in an article of %q: got %q (%s), want %q (%s)", c.date, c.articleDate, e.Date, e.DatePrecision, c.wantDate, c.wantPrecision)
		}
		if e.Date == "" && e.DateNote == "" {
			t.Errorf("an undated event in an undated article says nothing of why")
		}
	}
}

// TestWordShapes: every weekday and month word has the shape that
// weekdayAt and monthAt test before their maps, and names do not.
func TestWordShapes(t *testing.T) {
	for w := range weekdays {
		if !weekdayShape.may(w) {
			t.Errorf("weekday %q fails its shape", w)
		}
	}
	for w := range months {
		if !monthShape.may(w) {
			t.Errorf("month %q fails its shape", w)
		}
	}
	for _, w := range []string{"iraq", "baghdad", "x", "hezbollah", "ab"} {
		if weekdayShape.may(w) || monthShape.may(w) {
			t.Errorf("%q passes a shape: the test then asks the map", w)
		}
	}
}
