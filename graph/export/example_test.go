package export_test

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

// An exporter is chosen by name and writes a store, or a selection of it,
// to any io.Writer. Here one article's record is loaded into a memory
// store and written as JSON Lines: the entities as nodes, the fact as an
// edge carrying its claim kind, article and evidence.
func Example() {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	rec := schema.Record{
		Article: schema.Article{ID: "0123456789abcdef", Source: "example.txt", Date: "2024-02-02"},
		Entities: []schema.Entity{
			{ID: "kataib-hezbollah", Type: schema.ArmedGroup, Name: "Kata'ib Hezbollah"},
			{ID: "tower-22", Type: schema.MilitaryBase, Name: "Tower 22"},
		},
		Facts: []schema.Fact{{S: "kataib-hezbollah", P: "attacked", O: "tower-22", Kind: schema.Claimed, Evidence: "It said it struck Tower 22."}},
	}
	quads, _ := schema.ToQuads(rec, "example/1")
	if _, err := st.Replace(ctx, nil, quads); err != nil {
		panic(err)
	}
	e, err := export.Get("jsonl")
	if err != nil {
		panic(err)
	}
	if err := e.Export(ctx, st.Reader(), os.Stdout, export.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"element":"node","id":"ng:entity/kataib-hezbollah","type":"ArmedGroup","name":"Kata'ib Hezbollah","aliases":["Kata'ib Hezbollah"],"article_count":1,"first_seen":"2024-02-02","last_seen":"2024-02-02"}
	// {"element":"node","id":"ng:entity/tower-22","type":"MilitaryBase","name":"Tower 22","aliases":["Tower 22"],"article_count":1,"first_seen":"2024-02-02","last_seen":"2024-02-02"}
	// {"element":"edge","source":"ng:entity/kataib-hezbollah","target":"ng:entity/tower-22","predicate":"attacked","kind":"claimed","article":"ng:article/0123456789abcdef","article_date":"2024-02-02","evidence":"It said it struck Tower 22.","statement":"ng:statement/ed8cbf38f1bf2c7f"}
}
