package extract_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/source"
)

func Example() {
	x, _ := extract.New("rules", extract.Options{})
	a := &source.Article{ID: "a1", Doc: "a1.txt", Date: "2024-01-26", Text: "Kata’ib Hezbollah, an Iran-backed militia, " +
		"claimed responsibility for the drone attack on Tower 22 on Sunday, U.S. officials said."}
	rec, _ := x.Extract(context.Background(), a)
	for _, f := range rec.Facts {
		fmt.Println(f.S, f.P, f.O, f.Kind)
	}
	for _, e := range rec.Events {
		fmt.Println(e.ID, e.Type, e.Date)
	}
	// Output:
	// kataib-hezbollah backed_by iran stated
	// kataib-hezbollah attacked tower-22 claimed
	// kataib-hezbollah claimed_responsibility_for a1-attack-kataib-hezbollah-tower-22-0 claimed
	// a1-attack-kataib-hezbollah-tower-22-0 Attack 2024-01-21
	// a1-statement-united-states-0 Statement 2024-01-21
}

func ExampleRules_Explain() {
	x := extract.NewRules(extract.DefaultLexicon())
	ex := x.Explain("Cafer al-Husayni")
	fmt.Println(ex.ID, ex.Type, "|", ex.Reason, "|", ex.Matched)
	// Output:
	// jafar-al-husseini Person | normalised key equal | Jafar al-Husseini
}
