package postgres

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestCompact: compacting a loaded store leaves its rows, indexes and
// constraints as they were and takes no more room.
func TestCompact(t *testing.T) {
	ctx := context.Background()
	dsn := loadOrdinary(t, deferBatches())
	wantSchema, wantRows := schemaOf(t, dsn), dumpPG(t, dsn)
	c, err := graph.Compact(ctx, graph.Config{Backend: Name, DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	if c.Before == 0 || c.After > c.Before {
		t.Errorf("compacted from %d bytes to %d", c.Before, c.After)
	}
	if got := schemaOf(t, dsn); !reflect.DeepEqual(got, wantSchema) {
		t.Errorf("after compaction:\n%v\nwant\n%v", got, wantSchema)
	}
	if got := dumpPG(t, dsn); !reflect.DeepEqual(got, wantRows) {
		t.Errorf("the rows changed: %d nodes, %d quads; want %d, %d", len(got.Nodes), len(got.Quads), len(wantRows.Nodes), len(wantRows.Quads))
	}
}
