package path

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

func TestZZDebug(t *testing.T) {
	dir := os.Getenv("ZZ_STORE")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := ForStore(st)
	for _, q := range [][2]string{{os.Getenv("ZZ_A"), os.Getenv("ZZ_B")}} {
		qctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		t0 := time.Now()
		res, err := f.Paths(qctx, quad.IRI(q[0]), quad.IRI(q[1]), Options{})
		cancel()
		if err != nil {
			t.Log(err)
			continue
		}
		t.Logf("%v expanded %d stats %+v hubs %d", time.Since(t0), res.Expanded, res.stats, len(res.HubsAvoided))
		for _, p := range res.Paths {
			t.Log(p.Cost, names(p))
		}
	}
}
