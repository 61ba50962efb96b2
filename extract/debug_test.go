package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/source"
)

// TestDebugSentence prints what the rules make of DEBUG_TEXT (temporary).
func TestDebugSentence(t *testing.T) {
	text := os.Getenv("DEBUG_TEXT")
	if text == "" {
		t.Skip()
	}
	x := NewRules(DefaultLexicon())
	d := x.analyse(&source.Article{ID: "dbg", Doc: "dbg", Text: text, Date: os.Getenv("DEBUG_DATE")})
	for _, s := range d.sents {
		v := d.view(&s)
		var parts []string
		for _, it := range v.it {
			if it.e != nil {
				parts = append(parts, "["+it.e.id+"]")
			} else {
				parts = append(parts, it.w)
			}
		}
		fmt.Println(strings.Join(parts, " "))
	}
	rec, _ := x.Extract(context.Background(), &source.Article{ID: "dbg", Doc: "dbg", Text: text, Date: os.Getenv("DEBUG_DATE")})
	for _, f := range rec.Facts {
		fmt.Printf("FACT %s %s %s %s by=%s role=%q\n", f.S, f.P, f.O, f.Kind, f.AssertedBy, f.Role)
	}
	for _, e := range rec.Events {
		fmt.Printf("EVENT %s %s a=%s t=%s l=%s %s %s %s\n", e.Type, e.ID, e.Agent, e.Target, e.Location, e.Kind, e.Date, e.Status)
	}
}
