package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// Compact rebuilds the indexes of the quads and nodes tables, each from
// its table in one sort, at its fill factor. A build fills the indexes it
// keeps while loading (spol_unique, ops_index, the primary keys), and
// after its load the analysis fills every index, in the random order of
// hashes: the page splits leave a quarter of their pages empty (186 MB
// instead of 163 for 1k generated articles, docs/performance.md). The
// rows are not touched. `newsgraph build` calls it (graph.Compact) after
// a build that wrote at least half of the store, such as a first one;
// while it runs, writes wait, and so do reads through the index being
// rebuilt.
func (postgresBackend) Compact(ctx context.Context, cfg graph.Config) (graph.Compacted, error) {
	db, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		return graph.Compacted{}, fmt.Errorf("graph: postgres at %s: bad connection string: %w", DescribeDSN(cfg.DSN), redactDSN(err, cfg.DSN))
	}
	defer db.Close()
	size := func() (n int64, err error) {
		err = db.QueryRowContext(ctx, `SELECT pg_total_relation_size('quads') + pg_total_relation_size('nodes')`).Scan(&n)
		return n, err
	}
	var c graph.Compacted
	if c.Before, err = size(); err != nil {
		return c, pgErr("compacting the store", err)
	}
	if _, err := db.ExecContext(ctx, `REINDEX TABLE quads; REINDEX TABLE nodes`); err != nil {
		return c, pgErr("compacting the store", err)
	}
	if c.After, err = size(); err != nil {
		return c, pgErr("compacting the store", err)
	}
	return c, nil
}
