package source_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/source"
)

func ExampleParse() {
	raw := []byte(`Example News - Talks to resume in Baghdad
By Jane Roe
Thursday 25 January 2024 - 15:50

The ministry said on Thursday that the talks would resume in Baghdad.The envoy arrived on Friday.

Share it:

Leave a Reply

Great article!
`)
	a, err := source.Parse("talks.txt", "inbox/talks.txt", raw, "", source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title: ", a.Title)
	fmt.Println("outlet:", a.Outlet)
	fmt.Println("author:", a.Author)
	fmt.Println("date:  ", a.Date)
	fmt.Println(a.Text)

	_, err = source.Parse("empty.txt", "inbox/empty.txt", nil, "", source.Options{})
	fmt.Println(err)
	// Output:
	// title:  Talks to resume in Baghdad
	// outlet: Example News
	// author: Jane Roe
	// date:   2024-01-25
	// The ministry said on Thursday that the talks would resume in Baghdad. The envoy arrived on Friday.
	// inbox/empty.txt: empty file
}
