// Package postgres registers the server backends: "postgres", Cayley's
// SQL quad store on PostgreSQL with newsgraph's own writer, bulk loader
// and batch reader, and "cockroach", Cayley's CockroachDB store as Cayley
// ships it.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/cockroach"
	cpostgres "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/graph"
)

// Names of the backends in Config.Backend.
const (
	Name          = "postgres"
	CockroachName = "cockroach"
)

func init() {
	graph.RegisterBackend(Name, postgresBackend{})
	graph.RegisterBackend(CockroachName, cockroachBackend{})
}

// postgresBackend stores the graph in PostgreSQL through Cayley's SQL quad
// store: Cayley's own tables (nodes, quads), read by Cayley's own code.
//
// Writes go through pgWriter instead of Cayley's writer, which
// sends one statement per node and per quad (about 2k quads/s here): the
// same rows are written with a few set-based statements per transaction.
// The tables stay exactly as Cayley defines them, with one index added,
// on quads(label_hash): without it, PostgreSQL checks the foreign key
// label_hash_fk by scanning every quad each time a node is deleted, and a
// label's quads can only be found by a scan. One table is added, of one
// row, WritesTable, which stamps what the store holds.
type postgresBackend struct{}

func (postgresBackend) Capabilities() graph.Capabilities {
	return graph.Capabilities{Persistent: true, BulkLoad: true}
}

func (postgresBackend) Describe(cfg graph.Config) string {
	return "postgres at " + DescribeDSN(cfg.DSN)
}

// LabelIndex is the index newsgraph adds to Cayley's quads table.
const LabelIndex = "newsgraph_quads_label_index"

func (postgresBackend) Open(ctx context.Context, cfg graph.Config) (*graph.Opened, error) {
	if cfg.DSN == "" {
		return nil, errors.New("graph: the postgres backend needs a connection string: set store.dsn, --dsn or NEWSGRAPH_STORE_DSN (e.g. postgres://user:pass@host:5432/db?sslmode=disable)")
	}
	where := DescribeDSN(cfg.DSN)
	fail := func(what string, err error) error {
		return fmt.Errorf("graph: postgres at %s: %s: %w", where, what, redactDSN(err, cfg.DSN))
	}
	db, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		return nil, fail("bad connection string", err)
	}
	// Connect ourselves first: Cayley logs a failed connection with the
	// whole DSN, password included.
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fail("cannot connect", err)
	}
	if err := ensurePGSchema(ctx, db, cfg.DSN); err != nil {
		db.Close()
		return nil, fail("preparing Cayley's tables", err)
	}
	qs, err := cgraph.NewQuadStore(cpostgres.Type, cfg.DSN, nil)
	if err != nil {
		db.Close()
		return nil, fail("opening Cayley's store", err)
	}
	cqs, ok := qs.(*csql.QuadStore)
	if !ok {
		qs.Close()
		db.Close()
		return nil, fmt.Errorf("graph: postgres: unexpected Cayley store type %T", qs)
	}
	w := &pgWriter{qs: cqs, db: db, opts: cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}}
	return &graph.Opened{QuadStore: cqs, Writer: w, Bulk: w, Batch: w, Counter: w, Labels: w, Indexes: w, Stamper: w, Keeper: w}, nil
}

// ensurePGSchema creates Cayley's tables if there are none, and the label
// index if it is missing; it builds the indexes of a bulk load that died
// before it could (pgRecoverDeferred). The quads' four lookup indexes are
// made at PostgreSQL's own fill (indexFill), not Cayley's half. Two
// processes opening an empty database at once may race to create the
// tables; the loser finds them made.
// indexFill is the fill factor of the quads' spo, ops, osp and pos
// indexes. Cayley leaves half of every page empty (50) for inserts in
// random order; a first build loads the table and then builds each index
// from it in one sort (Store.DeferIndexes), so that half was empty for
// good: 45% of a store's bytes. PostgreSQL's B-tree default, 90, leaves
// room for later articles and splits pages as they fill.
const indexFill = 90

func ensurePGSchema(ctx context.Context, db *sql.DB, dsn string) error {
	var nodes, quads bool
	check := func() error {
		return db.QueryRowContext(ctx, `SELECT to_regclass('nodes') IS NOT NULL, to_regclass('quads') IS NOT NULL`).Scan(&nodes, &quads)
	}
	if err := check(); err != nil {
		return err
	}
	if !nodes && !quads {
		err := cgraph.InitQuadStore(cpostgres.Type, dsn, cgraph.Options{"db_fill_factor": indexFill})
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			if cerr := check(); cerr != nil || !nodes || !quads {
				return err
			}
		}
		if err == nil {
			if err := pgLeanIndexes(ctx, db); err != nil {
				return fmt.Errorf("leaving out the indexes that repeat others: %w", err)
			}
		}
		if err := check(); err != nil {
			return err
		}
	}
	if !nodes || !quads {
		return fmt.Errorf("found table nodes=%v, quads=%v: not a Cayley store, or a half-made one (drop it, or use another database)", nodes, quads)
	}
	if err := pgRecoverDeferred(ctx, db); err != nil {
		return fmt.Errorf("building the indexes an interrupted bulk load left out: %w", err)
	}
	// A bulk load in progress dropped the label index and builds it.
	var has, deferred bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL`, LabelIndex, pgDeferredTable).Scan(&has, &deferred); err != nil {
		return err
	}
	if !has && !deferred {
		if _, err := db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS `+LabelIndex+` ON quads (label_hash)`); err != nil {
			return fmt.Errorf("creating index %s on quads(label_hash) (the role that owns Cayley's tables must open the store once): %w", LabelIndex, err)
		}
	}
	if err := ensureWritesTable(ctx, db); err != nil {
		return err
	}
	ensureKeptTable(ctx, db)
	return nil
}

// pgLeanIndexes leaves out of a store just made the two indexes of
// Cayley's that repeat another, a quarter of a store's bytes
// (docs/performance.md, *Bytes per article*):
//
//   - osp_index (object, subject, predicate) serves the look-ups by object
//     that ops_index (object, predicate, subject) serves;
//   - spo_index (subject, predicate, object) serves those that spol_unique
//     (subject, predicate, object, label) would, but for its condition
//     (label_hash IS NOT NULL), which a query by subject does not imply,
//     so the planner may not use it. spol_unique is made again without
//     the condition: rows without a label are never equal in it (NULL is
//     distinct from NULL), as they were never in it before, and
//     spo_unique still keeps them unique; Cayley's writes (ON CONFLICT
//     ... DO NOTHING) are unchanged.
//
// The tables and their rows are Cayley's; Cayley's reads, by subject and
// by object, find an index for each. A store made before keeps its
// indexes. The statements are one query, and so one transaction.
func pgLeanIndexes(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `DROP INDEX IF EXISTS osp_index;
		DROP INDEX IF EXISTS spo_index;
		DROP INDEX IF EXISTS spol_unique;
		CREATE UNIQUE INDEX spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash)`)
	return err
}

// WritesTable counts the write transactions of newsgraph's writer on the
// store, one row: what WriteStamp reads, so that a name index kept in a
// file (names.LoadCached) is reloaded after any write, deletions
// included.
const WritesTable = "newsgraph_writes"

// ensureWritesTable creates WritesTable and its row if they are missing.
// Two processes may race to: the loser finds them made.
func ensureWritesTable(ctx context.Context, db *sql.DB) error {
	var has bool
	check := func() error {
		return db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL AND EXISTS (SELECT 1 FROM `+WritesTable+`)`, WritesTable).Scan(&has)
	}
	if err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, WritesTable).Scan(&has); err != nil || has {
		return err
	}
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+WritesTable+` (one boolean PRIMARY KEY DEFAULT true CHECK (one), n bigint NOT NULL DEFAULT 0);
		INSERT INTO `+WritesTable+` DEFAULT VALUES ON CONFLICT DO NOTHING`)
	if err != nil {
		if cerr := check(); cerr == nil && has {
			return nil
		}
		return fmt.Errorf("creating table %s (the role that owns Cayley's tables must open the store once): %w", WritesTable, err)
	}
	return nil
}

// countWrite counts a write transaction in WritesTable. It is the
// transaction's last statement, so that the row is locked only until the
// commit that follows: concurrent writers queue on it, but never while
// holding it.
func countWrite(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `UPDATE `+WritesTable+` SET n = n + 1`); err != nil {
		return pgErr("counting the write", err)
	}
	return nil
}

// KeptTable holds the data newsgraph keeps with the store (graph.Keeper:
// the name index), a row per name with the WriteStamp it was derived at.
// Writing it is no write of the graph: it is not counted in WritesTable.
const KeptTable = "newsgraph_kept"

// ensureKeptTable creates KeptTable if it is missing. A role that may not
// create it (a reader of a store made before the table was) works
// without: Keep and Kept fail, and each command derives what it needs.
// Two processes may race to create it: the loser finds it made.
func ensureKeptTable(ctx context.Context, db *sql.DB) {
	var has bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, KeptTable).Scan(&has); err != nil || has {
		return
	}
	db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+KeptTable+` (name text PRIMARY KEY, stamp text NOT NULL, data bytea NOT NULL)`)
}

// Keep implements graph.Keeper.
func (w *pgWriter) Keep(ctx context.Context, name, stamp string, data []byte) error {
	_, err := w.db.ExecContext(ctx, `INSERT INTO `+KeptTable+` (name, stamp, data) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET stamp = EXCLUDED.stamp, data = EXCLUDED.data`, name, stamp, data)
	if err != nil {
		return pgErr("keeping "+name, err)
	}
	return nil
}

// Kept implements graph.Keeper.
func (w *pgWriter) Kept(ctx context.Context, name string) (stamp string, data []byte, ok bool, err error) {
	err = w.db.QueryRowContext(ctx, `SELECT stamp, data FROM `+KeptTable+` WHERE name = $1`, name).Scan(&stamp, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, pgErr("reading the kept "+name, err)
	}
	return stamp, data, true, nil
}

// WriteStamp implements graph.Stamper: the server, the database, the
// writes newsgraph's writer made and the last quad inserted. The count of
// writes changes with every write of newsgraph (a deletion too, which
// leaves the quads' numbers as they were); the last quad's number with
// every insert by any program (Cayley's own writer counts nothing), but a
// deletion by another program changes neither.
func (w *pgWriter) WriteStamp(ctx context.Context) (string, error) {
	var sys, db, n, horizon int64
	err := w.db.QueryRowContext(ctx, `SELECT (SELECT system_identifier FROM pg_control_system()),
		(SELECT oid FROM pg_database WHERE datname = current_database())::bigint,
		(SELECT n FROM `+WritesTable+`), (SELECT coalesce(max(horizon), 0) FROM quads)`).Scan(&sys, &db, &n, &horizon)
	if err != nil {
		return "", pgErr("stamping the store", err)
	}
	return fmt.Sprintf("postgres %d/%d writes %d last quad %d", sys, db, n, horizon), nil
}

// DescribeDSN names the server and database of a connection string without
// its password: "user@host:port/db".
func DescribeDSN(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "(unparsable URL)"
		}
		s := u.Host + u.Path
		if u.User != nil && u.User.Username() != "" {
			s = u.User.Username() + "@" + s
		}
		return s
	}
	kv := map[string]string{}
	for _, f := range strings.Fields(dsn) {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[k] = strings.Trim(v, "'")
		}
	}
	s := kv["host"]
	if s == "" {
		s = "localhost"
	}
	if p := kv["port"]; p != "" {
		s += ":" + p
	}
	if d := kv["dbname"]; d != "" {
		s += "/" + d
	}
	if u := kv["user"]; u != "" {
		s = u + "@" + s
	}
	return s
}

// dsnPassword extracts the password of a connection string, if any.
func dsnPassword(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			return p
		}
	}
	// An unparsable URL: take what stands between "user:" and "@".
	if i := strings.Index(dsn, "://"); i >= 0 {
		rest := dsn[i+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, p, ok := strings.Cut(rest[:at], ":"); ok {
				return p
			}
		}
	}
	for _, f := range strings.Fields(dsn) {
		if v, ok := strings.CutPrefix(f, "password="); ok {
			return strings.Trim(v, "'")
		}
	}
	return ""
}

// redactDSN removes the connection string's password from an error's text
// (url.Parse quotes the whole URL in its errors).
func redactDSN(err error, dsn string) error {
	if err == nil {
		return nil
	}
	p := dsnPassword(dsn)
	if p == "" || !strings.Contains(err.Error(), p) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), p, "xxxxx"))
}

// pgWriter is newsgraph's writer for Cayley's SQL store on PostgreSQL.
// The backend hands it to Store with Cayley's own *cgraph.Handle, so that
// queries run on Cayley's store untouched (its query optimizer only works
// on its own type) while writes take the fast path.
type pgWriter struct {
	qs   *csql.QuadStore
	db   *sql.DB // our own pool: Cayley's is private
	opts cgraph.IgnoreOpts
}

var (
	_ cgraph.QuadWriter   = (*pgWriter)(nil)
	_ graph.BulkLoader    = (*pgWriter)(nil)
	_ graph.LabelQuader   = (*pgWriter)(nil)
	_ graph.Counter       = (*pgWriter)(nil)
	_ graph.BatchReader   = (*pgWriter)(nil)
	_ graph.IndexDeferrer = (*pgWriter)(nil)
	_ graph.Stamper       = (*pgWriter)(nil)
)

// Count counts the quads and nodes afresh.
func (w *pgWriter) Count(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := w.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quads), (SELECT count(*) FROM nodes)`).Scan(&st.Quads, &st.Nodes)
	return st, err
}

// Close closes the writer's connections; Store closes Cayley's store.
func (w *pgWriter) Close() error { return w.db.Close() }

func (w *pgWriter) AddQuad(q quad.Quad) error {
	return w.apply(context.Background(), []cgraph.Delta{{Quad: q, Action: cgraph.Add}})
}

func (w *pgWriter) AddQuadSet(set []quad.Quad) error {
	tx := cgraph.NewTransactionN(len(set))
	for _, q := range set {
		tx.AddQuad(q)
	}
	return w.ApplyTransaction(tx)
}

func (w *pgWriter) RemoveQuad(q quad.Quad) error {
	return w.apply(context.Background(), []cgraph.Delta{{Quad: q, Action: cgraph.Delete}})
}

func (w *pgWriter) ApplyTransaction(tx *cgraph.Transaction) error {
	return w.apply(context.Background(), tx.Deltas)
}

// RemoveNode removes every quad that uses the value, in one transaction.
func (w *pgWriter) RemoveNode(v quad.Value) error {
	ref, err := w.qs.ValueOf(v)
	if err != nil {
		return err
	}
	ctx := context.Background()
	tx := cgraph.NewTransaction()
	for _, d := range quad.Directions {
		it := w.qs.QuadIterator(d, ref).Iterate()
		for it.Next(ctx) {
			q, err := w.qs.Quad(it.Result())
			if err != nil {
				it.Close()
				return err
			}
			tx.RemoveQuad(q)
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
	}
	if len(tx.Deltas) == 0 {
		return cgraph.ErrNodeNotExists
	}
	return w.apply(ctx, tx.Deltas)
}

// apply writes deltas in one transaction, leaving the tables as Cayley's
// own writer would, with two differences, both fixes: node reference
// counts count only quads actually written or deleted (Cayley's also
// counts a duplicate it ignored, so such nodes are never freed), and only
// the nodes the transaction touched are checked for freeing (Cayley's
// scans the whole nodes table every time).
func (w *pgWriter) apply(ctx context.Context, in []cgraph.Delta) error {
	err := w.applyDeltas(ctx, in, w.opts)
	w.invalidate()
	return err
}

// invalidate makes Cayley's store forget the counts it caches: they are
// dropped only when its own ApplyDeltas runs, which an empty call does
// (at the cost of an empty transaction).
func (w *pgWriter) invalidate() {
	_ = w.qs.ApplyDeltas(nil, cgraph.IgnoreOpts{})
}

// pgCopyAbove is the batch size above which rows are sent by COPY.
const pgCopyAbove = 5000

func (w *pgWriter) applyDeltas(ctx context.Context, in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	var adds, dels []quad.Quad
	for _, d := range in {
		switch d.Action {
		case cgraph.Add:
			adds = append(adds, d.Quad)
		case cgraph.Delete:
			dels = append(dels, d.Quad)
		default:
			return fmt.Errorf("graph: postgres: unknown delta action %v", d.Action)
		}
	}
	if len(adds) == 0 && len(dels) == 0 {
		return nil
	}
	var addB, delB *pgBatch
	var err error
	if len(adds) > 0 {
		if addB, err = newPGBatch(adds); err != nil {
			return err
		}
	}
	if len(dels) > 0 {
		if delB, err = newPGBatch(dels); err != nil {
			return err
		}
	}
	return retryTx(ctx, w.db, func(tx *sql.Tx) error {
		if addB != nil {
			how := pgUnnest
			if len(addB.quads) > pgCopyAbove {
				how = pgCopy
			}
			n, err := addB.insert(ctx, tx, how)
			if err != nil {
				return err
			}
			if !opts.IgnoreDup && n != int64(len(addB.quads)) {
				return &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
			}
		}
		if delB != nil {
			n, err := delB.delete(ctx, tx)
			if err != nil {
				return err
			}
			if !opts.IgnoreMissing && n != int64(len(delB.quads)) {
				return &cgraph.DeltaError{Err: cgraph.ErrQuadNotExist}
			}
			touched := delB.hashes()
			if addB != nil {
				touched = append(touched, addB.hashes()...)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, pgByteaArray(touched)); err != nil {
				return pgErr("freeing nodes", err)
			}
		}
		return countWrite(ctx, tx)
	})
}

// LabelQuads returns every quad with that label: one query for the quads
// (by the label index), one for the values of their nodes.
func (w *pgWriter) LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT subject_hash, predicate_hash, object_hash FROM quads WHERE label_hash = $1 ORDER BY horizon`, csql.HashOf(label).SQLValue())
	if err != nil {
		return nil, pgErr("reading a label's quads", err)
	}
	type row struct{ s, p, o csql.NodeHash }
	var hs []row
	want := map[csql.NodeHash]bool{}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.s, &r.p, &r.o); err != nil {
			rows.Close()
			return nil, err
		}
		hs = append(hs, r)
		want[r.s], want[r.p], want[r.o] = true, true, true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(hs) == 0 {
		return nil, nil
	}
	keys := make([][]byte, 0, len(want))
	for h := range want {
		keys = append(keys, h.SQLValue().([]byte))
	}
	vals, err := w.nodeValues(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, len(hs))
	for i, r := range hs {
		q := quad.Quad{Subject: vals[r.s], Predicate: vals[r.p], Object: vals[r.o], Label: label}
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return nil, fmt.Errorf("graph: postgres: a quad of %v points at a missing node", label)
		}
		out[i] = q
	}
	return out, nil
}

// pgBatchNodes bounds the nodes of one batch read: longer lists are read
// in several queries, each planned as index lookups.
const pgBatchNodes = 2000

// pgDirColumn is the quads column of a direction a batch read looks up.
func pgDirColumn(d quad.Direction) (string, error) {
	switch d {
	case quad.Subject:
		return "subject_hash", nil
	case quad.Object:
		return "object_hash", nil
	}
	return "", fmt.Errorf("graph: postgres: batch reads go by subject or object, not %v", d)
}

// pgRefHashes turns references of Cayley's SQL store into hashes.
func pgRefHashes(rs []cgraph.Ref) ([][]byte, error) {
	out := make([][]byte, 0, len(rs))
	for _, r := range rs {
		h, ok := r.(csql.NodeHash)
		if !ok {
			return nil, fmt.Errorf("graph: postgres: %T is not a reference of this store", r)
		}
		if b, _ := h.SQLValue().([]byte); b != nil {
			out = append(out, b)
		}
	}
	return out, nil
}

// Triples reads the distinct triples of quads around nodes, in hash order
// (so that a walk over them is the same every time): one query per
// pgBatchNodes nodes, by Cayley's spo or ops index.
func (w *pgWriter) Triples(ctx context.Context, d quad.Direction, nodes, preds []cgraph.Ref) ([]graph.Triple, error) {
	col, err := pgDirColumn(d)
	if err != nil {
		return nil, err
	}
	ph, err := pgRefHashes(preds)
	if err != nil {
		return nil, err
	}
	nh, err := pgRefHashes(nodes)
	if err != nil {
		return nil, err
	}
	var out []graph.Triple
	for start := 0; start < len(nh); start += pgBatchNodes {
		chunk := nh[start:min(start+pgBatchNodes, len(nh))]
		rows, err := w.db.QueryContext(ctx, `SELECT DISTINCT subject_hash, predicate_hash, object_hash FROM quads
			WHERE `+col+` = ANY($1::bytea[]) AND predicate_hash = ANY($2::bytea[]) ORDER BY 1, 2, 3`, pgByteaArray(chunk), pgByteaArray(ph))
		if err != nil {
			return nil, pgErr("reading the quads of nodes", err)
		}
		for rows.Next() {
			var s, p, o csql.NodeHash
			if err := rows.Scan(&s, &p, &o); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, graph.Triple{Subject: s, Predicate: p, Object: o})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, pgErr("reading the quads of nodes", err)
		}
	}
	return out, nil
}

// CountQuads counts quads around nodes in one query per pgBatchNodes nodes.
func (w *pgWriter) CountQuads(ctx context.Context, d quad.Direction, nodes []cgraph.Ref, pred cgraph.Ref) ([]int64, error) {
	col, err := pgDirColumn(d)
	if err != nil {
		return nil, err
	}
	ph, err := pgRefHashes([]cgraph.Ref{pred})
	if err != nil || len(ph) == 0 {
		return make([]int64, len(nodes)), err
	}
	nh, err := pgRefHashes(nodes)
	if err != nil {
		return nil, err
	}
	if len(nh) != len(nodes) {
		return nil, fmt.Errorf("graph: postgres: counting quads of an invalid node reference")
	}
	counts := make(map[csql.NodeHash]int64, len(nodes))
	for start := 0; start < len(nh); start += pgBatchNodes {
		chunk := nh[start:min(start+pgBatchNodes, len(nh))]
		rows, err := w.db.QueryContext(ctx, `SELECT `+col+`, count(*) FROM quads
			WHERE `+col+` = ANY($1::bytea[]) AND predicate_hash = $2 GROUP BY 1`, pgByteaArray(chunk), ph[0])
		if err != nil {
			return nil, pgErr("counting the quads of nodes", err)
		}
		for rows.Next() {
			var h csql.NodeHash
			var n int64
			if err := rows.Scan(&h, &n); err != nil {
				rows.Close()
				return nil, err
			}
			counts[h] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, pgErr("counting the quads of nodes", err)
		}
	}
	out := make([]int64, len(nodes))
	for i, r := range nodes {
		out[i] = counts[r.(csql.NodeHash)]
	}
	return out, nil
}

// Values reads the values of nodes in one query per pgBatchNodes nodes.
func (w *pgWriter) Values(ctx context.Context, nodes []cgraph.Ref) ([]quad.Value, error) {
	nh, err := pgRefHashes(nodes)
	if err != nil {
		return nil, err
	}
	vals := make(map[csql.NodeHash]quad.Value, len(nodes))
	for start := 0; start < len(nh); start += pgBatchNodes {
		got, err := w.nodeValues(ctx, nh[start:min(start+pgBatchNodes, len(nh))])
		if err != nil {
			return nil, err
		}
		for h, v := range got {
			vals[h] = v
		}
	}
	out := make([]quad.Value, len(nodes))
	for i, r := range nodes {
		if h, ok := r.(csql.NodeHash); ok {
			out[i] = vals[h]
		}
	}
	return out, nil
}

// nodeValues reads the values of nodes by hash.
func (w *pgWriter) nodeValues(ctx context.Context, hashes [][]byte) (map[csql.NodeHash]quad.Value, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT hash, `+strings.Join(pgNodeCols, ", ")+` FROM nodes WHERE hash = ANY($1::bytea[])`, pgByteaArray(hashes))
	if err != nil {
		return nil, pgErr("reading node values", err)
	}
	defer rows.Close()
	out := make(map[csql.NodeHash]quad.Value, len(hashes))
	for rows.Next() {
		var h csql.NodeHash
		v, err := scanPGValue(rows, &h)
		if err != nil {
			return nil, err
		}
		out[h] = v
	}
	return out, rows.Err()
}

// scanPGValue decodes a nodes row (hash, then pgNodeCols) as Cayley's
// QuadStore.NameOf does.
func scanPGValue(rows *sql.Rows, h *csql.NodeHash) (quad.Value, error) {
	var (
		data   []byte
		str    sql.NullString
		typ    sql.NullString
		lang   sql.NullString
		iri    sql.NullBool
		bnode  sql.NullBool
		vint   sql.NullInt64
		vbool  sql.NullBool
		vfloat sql.NullFloat64
		vtime  sql.NullTime
	)
	if err := rows.Scan(h, &data, &str, &typ, &lang, &iri, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
		return nil, err
	}
	unescape := func(s string) string { return strings.ReplaceAll(s, `\x00`, "\u0000") }
	switch {
	case str.Valid:
		switch {
		case iri.Bool:
			return quad.IRI(str.String), nil
		case bnode.Bool:
			return quad.BNode(str.String), nil
		case lang.Valid:
			return quad.LangString{Value: quad.String(unescape(str.String)), Lang: lang.String}, nil
		case typ.Valid:
			return quad.TypedString{Value: quad.String(unescape(str.String)), Type: quad.IRI(typ.String)}, nil
		}
		return quad.String(unescape(str.String)), nil
	case vint.Valid:
		return quad.Int(vint.Int64), nil
	case vbool.Valid:
		return quad.Bool(vbool.Bool), nil
	case vfloat.Valid:
		return quad.Float(vfloat.Float64), nil
	case vtime.Valid:
		return quad.Time(vtime.Time.UTC()), nil
	}
	v, err := pquads.UnmarshalValue(data)
	if err != nil {
		return nil, fmt.Errorf("graph: postgres: node %x: %w", h.SQLValue(), err)
	}
	return v, nil
}

// pgErr adds PostgreSQL's detail to an error.
func pgErr(what string, err error) error {
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Detail != "" {
		return fmt.Errorf("graph: postgres: %s: %w (%s)", what, err, pe.Detail)
	}
	return fmt.Errorf("graph: postgres: %s: %w", what, err)
}

// cockroachBackend is Cayley's CockroachDB store, as Cayley ships it: its
// own writer (with CockroachDB's transaction retries) and no label index,
// so LabelQuads takes the generic path through the label node. It is NOT
// tested here: no CockroachDB server is available to the project's CI.
type cockroachBackend struct{}

func (cockroachBackend) Capabilities() graph.Capabilities {
	return graph.Capabilities{Persistent: true}
}

func (cockroachBackend) Describe(cfg graph.Config) string {
	return "cockroach at " + DescribeDSN(cfg.DSN)
}

func (cockroachBackend) Open(ctx context.Context, cfg graph.Config) (*graph.Opened, error) {
	if cfg.DSN == "" {
		return nil, errors.New("graph: the cockroach backend needs a connection string: set store.dsn, --dsn or NEWSGRAPH_STORE_DSN (e.g. postgresql://user@host:26257/newsgraph?sslmode=verify-full)")
	}
	where := DescribeDSN(cfg.DSN)
	fail := func(what string, err error) error {
		return fmt.Errorf("graph: cockroach at %s: %s: %w", where, what, redactDSN(err, cfg.DSN))
	}
	db, err := sql.Open("pgx", cfg.DSN) // registered by Cayley's cockroach package
	if err != nil {
		return nil, fail("bad connection string", err)
	}
	err = db.PingContext(ctx) // before Cayley, which logs the DSN of a failed connection
	if err == nil {
		var has bool
		if err = db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&has); err == nil && !has {
			if ierr := cgraph.InitQuadStore(cockroach.Type, cfg.DSN, nil); ierr != nil && !errors.Is(ierr, cgraph.ErrDatabaseExists) {
				err = ierr
			}
		}
	}
	db.Close()
	if err != nil {
		return nil, fail("preparing Cayley's tables", err)
	}
	qs, err := cgraph.NewQuadStore(cockroach.Type, cfg.DSN, nil)
	if err != nil {
		return nil, fail("opening Cayley's store", err)
	}
	return &graph.Opened{QuadStore: qs}, nil
}
