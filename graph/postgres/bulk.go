package postgres

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgNodeCols are the value columns of Cayley's nodes table, after hash.
var pgNodeCols = []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// pgNodeTypes are their SQL types, for arrays and staging tables.
var pgNodeTypes = []string{"bytea", "text", "text", "text", "boolean", "boolean", "bigint", "boolean", "double precision", "timestamptz"}

// pgBatch is a set of distinct quads (in first-seen order) with the distinct
// nodes they use, each as the row Cayley would write for it.
type pgBatch struct {
	quads []refs.QuadHash
	nodes []pgNode
}

type pgNode struct {
	hash refs.ValueHash
	cols [10]any // pgNodeCols; nil is NULL
}

func newPGBatch(in []quad.Quad) (*pgBatch, error) {
	b := &pgBatch{quads: make([]refs.QuadHash, 0, len(in))}
	seenQ := make(map[refs.QuadHash]struct{}, len(in))
	seenN := make(map[refs.ValueHash]struct{}, len(in))
	for _, q := range in {
		var qh refs.QuadHash
		for _, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := refs.HashOf(v)
			qh.Set(d, h)
			if _, ok := seenN[h]; ok {
				continue
			}
			seenN[h] = struct{}{}
			n, err := pgNodeOf(h, v)
			if err != nil {
				return nil, err
			}
			b.nodes = append(b.nodes, n)
		}
		if _, ok := seenQ[qh]; ok {
			continue
		}
		seenQ[qh] = struct{}{}
		b.quads = append(b.quads, qh)
	}
	// Concurrent writers insert shared nodes in the same order, which
	// makes deadlocks between them rare (retryTx handles the rest).
	sort.Slice(b.nodes, func(i, j int) bool { return bytes.Compare(b.nodes[i].hash[:], b.nodes[j].hash[:]) < 0 })
	return b, nil
}

// pgNodeOf builds a node row with Cayley's own csql.NodeValues, so that
// every value type is stored exactly as Cayley stores it.
func pgNodeOf(h refs.ValueHash, v quad.Value) (pgNode, error) {
	n := pgNode{hash: h}
	typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: h}, v)
	if err != nil {
		return n, err
	}
	for i, col := range typ.Columns() {
		j := indexOf(pgNodeCols, col)
		if j < 0 {
			return n, fmt.Errorf("graph: postgres: Cayley writes an unknown node column %q", col)
		}
		n.cols[j] = vals[1+i]
	}
	return n, nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// hashes returns the hashes of the batch's nodes.
func (b *pgBatch) hashes() [][]byte {
	out := make([][]byte, len(b.nodes))
	for i := range b.nodes {
		out[i] = b.nodes[i].hash[:]
	}
	return out
}

func quadHashCols(qs []refs.QuadHash) (s, p, o, l [][]byte) {
	s, p, o, l = make([][]byte, len(qs)), make([][]byte, len(qs)), make([][]byte, len(qs)), make([][]byte, len(qs))
	for i := range qs {
		q := &qs[i]
		s[i], p[i], o[i] = q.Subject[:], q.Predicate[:], q.Object[:]
		if q.Label.Valid() {
			l[i] = q.Label[:]
		}
	}
	return
}

// pgTransport says how rows reach the server: as array parameters of one
// statement (few round trips, best for small batches), or by COPY into
// temporary tables (best for large ones).
type pgTransport int

const (
	pgUnnest pgTransport = iota
	pgCopy
)

// refsSQL counts, per node, the quad rows that the CTE named i returned.
const refsSQL = `r AS (SELECT h, count(*) AS c FROM (
		SELECT subject_hash FROM i UNION ALL SELECT predicate_hash FROM i
		UNION ALL SELECT object_hash FROM i UNION ALL SELECT label_hash FROM i WHERE label_hash IS NOT NULL
	) AS x(h) GROUP BY h)`

// insert writes the batch: its new nodes with no references, then its new
// quads, then each node's reference count raised by the quads actually
// written. Returns the number of quads written (duplicates are skipped).
func (b *pgBatch) insert(ctx context.Context, tx *sql.Tx, how pgTransport) (int64, error) {
	if len(b.quads) == 0 {
		return 0, nil
	}
	var nodeSrc, quadSrc string
	var nodeArgs, quadArgs []any
	switch how {
	case pgUnnest:
		nodeArgs = make([]any, 1+len(pgNodeCols))
		hashes := make([][]byte, len(b.nodes))
		cols := make([][]any, len(pgNodeCols))
		for j := range cols {
			cols[j] = make([]any, len(b.nodes))
		}
		for i := range b.nodes {
			hashes[i] = b.nodes[i].hash[:]
			for j := range cols {
				cols[j][i] = b.nodes[i].cols[j]
			}
		}
		nodeArgs[0] = pgByteaArray(hashes)
		ph := []string{"$1::bytea[]"}
		for j := range cols {
			nodeArgs[1+j] = pgArray(cols[j])
			ph = append(ph, fmt.Sprintf("$%d::%s[]", j+2, pgNodeTypes[j]))
		}
		nodeSrc = `unnest(` + strings.Join(ph, ", ") + `) AS t(hash, ` + strings.Join(pgNodeCols, ", ") + `)`
		s, p, o, l := quadHashCols(b.quads)
		quadArgs = []any{pgByteaArray(s), pgByteaArray(p), pgByteaArray(o), pgByteaArray(l)}
		quadSrc = `unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS t(s, p, o, l)`
	case pgCopy:
		if err := b.stage(ctx, tx); err != nil {
			return 0, err
		}
		nodeSrc = `(SELECT * FROM ng_bulk_nodes ORDER BY hash) AS t`
		quadSrc = `(SELECT s, p, o, l FROM ng_bulk_quads ORDER BY n) AS t`
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (hash, refs, `+strings.Join(pgNodeCols, ", ")+`)
		SELECT hash, 0, `+strings.Join(pgNodeCols, ", ")+` FROM `+nodeSrc+`
		ON CONFLICT (hash) DO NOTHING`, nodeArgs...); err != nil {
		return 0, pgErr("inserting nodes", err)
	}
	var n int64
	if err := tx.QueryRowContext(ctx, `WITH i AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s, p, o, l, now() FROM `+quadSrc+`
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash
	), `+refsSQL+`, u AS (
		UPDATE nodes SET refs = nodes.refs + r.c FROM r WHERE nodes.hash = r.h RETURNING 1
	) SELECT (SELECT count(*) FROM i) + 0 * (SELECT count(*) FROM u)`, quadArgs...).Scan(&n); err != nil {
		return 0, pgErr("inserting quads", err)
	}
	if n < int64(len(b.quads)) {
		// Some quads existed: nodes inserted only for them are unreferenced.
		if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, pgByteaArray(b.hashes())); err != nil {
			return 0, pgErr("freeing nodes", err)
		}
	}
	return n, nil
}

// stage copies the batch into temporary tables dropped at commit.
func (b *pgBatch) stage(ctx context.Context, tx *sql.Tx) error {
	cols := make([]string, len(pgNodeCols))
	for j := range cols {
		cols[j] = pgNodeCols[j] + " " + pgNodeTypes[j]
	}
	for _, stmt := range []string{
		`DROP TABLE IF EXISTS ng_bulk_nodes, ng_bulk_quads`,
		`CREATE TEMP TABLE ng_bulk_nodes (hash bytea, ` + strings.Join(cols, ", ") + `) ON COMMIT DROP`,
		`CREATE TEMP TABLE ng_bulk_quads (n bigint, s bytea, p bytea, o bytea, l bytea) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return pgErr("staging", err)
		}
	}
	st, err := tx.PrepareContext(ctx, pq.CopyIn("ng_bulk_nodes", append([]string{"hash"}, pgNodeCols...)...))
	if err != nil {
		return pgErr("COPY nodes", err)
	}
	row := make([]any, 1+len(pgNodeCols))
	for i := range b.nodes {
		n := &b.nodes[i]
		row[0] = n.hash[:]
		copy(row[1:], n.cols[:])
		if _, err := st.ExecContext(ctx, row...); err != nil {
			st.Close()
			return pgErr("COPY nodes", err)
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		st.Close()
		return pgErr("COPY nodes", err)
	}
	st.Close()
	st, err = tx.PrepareContext(ctx, pq.CopyIn("ng_bulk_quads", "n", "s", "p", "o", "l"))
	if err != nil {
		return pgErr("COPY quads", err)
	}
	for i := range b.quads {
		q := &b.quads[i]
		var l any
		if q.Label.Valid() {
			l = q.Label[:]
		}
		if _, err := st.ExecContext(ctx, int64(i), q.Subject[:], q.Predicate[:], q.Object[:], l); err != nil {
			st.Close()
			return pgErr("COPY quads", err)
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		st.Close()
		return pgErr("COPY quads", err)
	}
	st.Close()
	if _, err := tx.ExecContext(ctx, `ANALYZE ng_bulk_nodes, ng_bulk_quads`); err != nil {
		return pgErr("staging", err)
	}
	return nil
}

// delete removes the batch's quads that exist and lowers their nodes'
// reference counts by the quads actually deleted. Returns that number.
func (b *pgBatch) delete(ctx context.Context, tx *sql.Tx) (int64, error) {
	var total int64
	const chunk = 2000 // keeps the planner on index lookups
	for start := 0; start < len(b.quads); start += chunk {
		end := min(start+chunk, len(b.quads))
		s, p, o, l := quadHashCols(b.quads[start:end])
		var n int64
		if err := tx.QueryRowContext(ctx, `WITH i AS (
			DELETE FROM quads q USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS t(s, p, o, l)
			WHERE q.subject_hash = t.s AND q.predicate_hash = t.p AND q.object_hash = t.o
				AND (q.label_hash = t.l OR (q.label_hash IS NULL AND t.l IS NULL))
			RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash
		), `+refsSQL+`, u AS (
			UPDATE nodes SET refs = nodes.refs - r.c FROM r WHERE nodes.hash = r.h RETURNING 1
		) SELECT (SELECT count(*) FROM i) + 0 * (SELECT count(*) FROM u)`,
			pgByteaArray(s), pgByteaArray(p), pgByteaArray(o), pgByteaArray(l)).Scan(&n); err != nil {
			return 0, pgErr("deleting quads", err)
		}
		total += n
	}
	return total, nil
}

// pgByteaArray is a bytea[] parameter; a nil element is NULL.
type pgByteaArray [][]byte

func (a pgByteaArray) Value() (driver.Value, error) {
	var sb strings.Builder
	sb.Grow(2 + len(a)*48)
	sb.WriteByte('{')
	for i, x := range a {
		if i > 0 {
			sb.WriteByte(',')
		}
		if x == nil {
			sb.WriteString("NULL")
			continue
		}
		sb.WriteString(`"\\x`)
		sb.WriteString(hex.EncodeToString(x))
		sb.WriteByte('"')
	}
	sb.WriteByte('}')
	return sb.String(), nil
}

// pgArray is an array parameter of strings, []byte, bools, int64s,
// float64s or times; nil elements are NULL. The element type is given by a
// cast in the statement.
type pgArray []any

func (a pgArray) Value() (driver.Value, error) {
	var sb strings.Builder
	sb.WriteByte('{')
	for i, x := range a {
		if i > 0 {
			sb.WriteByte(',')
		}
		switch v := x.(type) {
		case nil:
			sb.WriteString("NULL")
		case string:
			quoteArrayElem(&sb, v)
		case []byte:
			sb.WriteString(`"\\x`)
			sb.WriteString(hex.EncodeToString(v))
			sb.WriteByte('"')
		case bool:
			if v {
				sb.WriteByte('t')
			} else {
				sb.WriteByte('f')
			}
		case int64:
			sb.WriteString(strconv.FormatInt(v, 10))
		case float64:
			switch {
			case math.IsNaN(v):
				sb.WriteString("NaN")
			case math.IsInf(v, 1):
				sb.WriteString("Infinity")
			case math.IsInf(v, -1):
				sb.WriteString("-Infinity")
			default:
				sb.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
			}
		case time.Time:
			quoteArrayElem(&sb, v.Format("2006-01-02 15:04:05.999999999Z07:00"))
		default:
			return nil, fmt.Errorf("graph: postgres: cannot put %T in an array", x)
		}
	}
	sb.WriteByte('}')
	return sb.String(), nil
}

func quoteArrayElem(sb *strings.Builder, s string) {
	sb.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			sb.WriteByte('\\')
		}
		sb.WriteByte(s[i])
	}
	sb.WriteByte('"')
}

// BulkLoad adds quads in one transaction through COPY.
func (w *pgWriter) BulkLoad(ctx context.Context, quads []quad.Quad) error {
	_, err := w.bulkLoad(ctx, quads, pgCopy)
	w.invalidate()
	return err
}

// bulkLoad returns the number of quads written.
func (w *pgWriter) bulkLoad(ctx context.Context, quads []quad.Quad, how pgTransport) (int64, error) {
	b, err := newPGBatch(quads)
	if err != nil {
		return 0, err
	}
	var n int64
	err = retryTx(ctx, w.db, func(tx *sql.Tx) error {
		var err error
		if n, err = b.insert(ctx, tx, how); err != nil {
			return err
		}
		return countWrite(ctx, tx)
	})
	return n, err
}

// retryTx runs fn in a transaction and commits, again (up to 5 times in
// all) when PostgreSQL aborts it for a deadlock or a serialization
// failure, as it may when writers run concurrently. Every write here may
// be repeated: it skips what exists and counts only what it changed.
func retryTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(time.Duration(attempt*attempt) * 20 * time.Millisecond):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		var tx *sql.Tx
		if tx, err = db.BeginTx(ctx, nil); err != nil {
			return err
		}
		if err = fn(tx); err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
		var pe *pq.Error
		if err == nil || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return err
		}
	}
	return err
}

// Deferred indexes. A first build loads millions of quads into an empty
// store, and every quad goes into each of the quads table's B-tree
// indexes at a random place (Cayley keys them by hashes) and through four
// foreign-key checks: once the indexes outgrow memory, loading slows to a
// third. So DeferIndexes drops the indexes that loading does not read and
// the foreign keys, and the load ends by building them, each from the
// whole table in one sort.
//
// Kept are the primary keys, the unique indexes (spo_unique, spol_unique:
// they skip duplicate quads) and the two indexes by which a build checks
// each article before loading it: spo_index (is it loaded already: the
// quads of its node, which the partial unique indexes cannot serve; a
// store made without spo_index has spol_unique without its condition,
// pgLeanIndexes) and ops_index (the articles read from its path before:
// Subjects of ng:source). Without them each article would scan the table.
//
// What was dropped is written, with its exact definition, to
// pgDeferredTable in the transaction that drops it, and built again from
// there. A loading process holds the session advisory lock pgBulkLock on
// its own connection until then. If it dies, the server releases the lock,
// and the next Open that finds the table and can take the lock builds the
// indexes (ensurePGSchema): the store is never left without them, and its
// data is whatever batches were committed, each whole.

// pgDeferrable are the indexes DeferIndexes drops: Cayley's pos_index
// and newsgraph's label index. (A store made before pgLeanIndexes has
// osp_index too, kept during a load: such a store is empty only until
// its first.)
var pgDeferrable = []string{"pos_index", LabelIndex}

// pgDeferredTable holds the definitions of what a bulk load dropped
// ("index" or "constraint", its name, its SQL) until they are rebuilt.
const pgDeferredTable = "newsgraph_deferred"

// pgBulkLock is the advisory lock a bulk load holds ("ngbulk").
const pgBulkLock = 0x6e6762756c6b

// DeferIndexes implements graph.IndexDeferrer.
func (w *pgWriter) DeferIndexes(ctx context.Context) (func(context.Context) error, error) {
	none := func(context.Context) error { return nil }
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return none, err
	}
	var locked bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, pgBulkLock).Scan(&locked); err != nil || !locked {
		conn.Close()
		return none, err // another process loads without the indexes: load with them as they are
	}
	release := func() {
		// Closing the session would release the lock too, but the pool
		// may keep it: unlock first.
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, pgBulkLock)
		conn.Close()
	}
	dropped, err := pgDropDeferrable(ctx, conn)
	if err != nil || !dropped {
		release()
		return none, err
	}
	return func(ctx context.Context) error {
		defer release()
		return pgRestoreDeferred(ctx, conn)
	}, nil
}

// pgDropDeferrable drops the deferrable indexes and the foreign keys of
// quads, recording them in pgDeferredTable, if quads is empty and nothing
// is deferred already. It reports whether it dropped them.
func pgDropDeferrable(ctx context.Context, conn *sql.Conn) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var empty, deferred bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM quads), to_regclass($1) IS NOT NULL`, pgDeferredTable).Scan(&empty, &deferred); err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	if !empty || deferred {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE `+pgDeferredTable+` (n serial, kind text NOT NULL, name text NOT NULL, definition text NOT NULL)`); err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	// Indexes first, constraints after: they are rebuilt in this order.
	if _, err := tx.ExecContext(ctx, `INSERT INTO `+pgDeferredTable+` (kind, name, definition)
		SELECT 'index', indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = 'quads' AND indexname = ANY($1::text[]) ORDER BY indexname`, pq.Array(pgDeferrable)); err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO `+pgDeferredTable+` (kind, name, definition)
		SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'quads'::regclass AND contype = 'f' ORDER BY conname`); err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, name FROM `+pgDeferredTable+` ORDER BY n`)
	if err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	var drops []string
	for rows.Next() {
		var kind, name string
		if err := rows.Scan(&kind, &name); err != nil {
			rows.Close()
			return false, err
		}
		if kind == "index" {
			drops = append(drops, `DROP INDEX `+pq.QuoteIdentifier(name))
		} else {
			drops = append(drops, `ALTER TABLE quads DROP CONSTRAINT `+pq.QuoteIdentifier(name))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, d := range drops {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			return false, pgErr("preparing a bulk load", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, pgErr("preparing a bulk load", err)
	}
	return true, nil
}

// pgRestoreDeferred builds what pgDeferredTable records, in one
// transaction that also drops the table, and refreshes the planner's
// statistics of the loaded tables.
func pgRestoreDeferred(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT kind, name, definition FROM `+pgDeferredTable+` ORDER BY n`)
	if err != nil {
		return pgErr("building the deferred indexes", err)
	}
	var stmts []string
	for rows.Next() {
		var kind, name, def string
		if err := rows.Scan(&kind, &name, &def); err != nil {
			rows.Close()
			return err
		}
		if kind == "index" {
			stmts = append(stmts, def)
		} else {
			stmts = append(stmts, `ALTER TABLE quads ADD CONSTRAINT `+pq.QuoteIdentifier(name)+` `+def)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range append(stmts, `DROP TABLE `+pgDeferredTable) {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return pgErr("building the deferred indexes", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return pgErr("building the deferred indexes", err)
	}
	if _, err := conn.ExecContext(ctx, `ANALYZE quads, nodes`); err != nil {
		return pgErr("analysing the loaded tables", err)
	}
	return nil
}

// pgRecoverDeferred builds the indexes of a bulk load whose process died
// before it could, unless a bulk load is still running.
func pgRecoverDeferred(ctx context.Context, db *sql.DB) error {
	var deferred bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, pgDeferredTable).Scan(&deferred); err != nil || !deferred {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var locked bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, pgBulkLock).Scan(&locked); err != nil || !locked {
		return err // a bulk load is running: it builds them
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, pgBulkLock)
	var still bool // the loader may have finished between the two looks
	if err := conn.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, pgDeferredTable).Scan(&still); err != nil || !still {
		return err
	}
	return pgRestoreDeferred(ctx, conn)
}
