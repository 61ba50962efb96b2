// Package graphtest holds what newsgraph's tests need and production code
// does not: the store suite every backend's package runs on itself
// (TestStore, as Cayley's graphtest does), and a database of a test's own
// on a PostgreSQL server (CreateDatabase). Only tests import it.
package graphtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"testing"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/redact"
)

// CreateDatabase creates an empty database, with a random name, on the
// PostgreSQL server that baseDSN (a postgres:// URL whose role may create
// databases) points at, and returns its DSN and a func that drops it. It
// is for tests — newsgraph's own and the end-to-end suite — that each need
// a store of their own: bash .ci/postgres.sh prints a suitable baseDSN.
func CreateDatabase(ctx context.Context, baseDSN string) (dsn string, drop func() error, err error) {
	u, err := url.Parse(baseDSN)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", nil, fmt.Errorf("graphtest: the base DSN must be a postgres:// URL")
	}
	admin, err := sql.Open("postgres", baseDSN)
	if err != nil {
		return "", nil, fmt.Errorf("graphtest: %s: %w", redact.Secrets(baseDSN), err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "ng_test_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("graphtest: creating a test database on %s (the role needs CREATEDB): %w", redact.Secrets(baseDSN), err)
	}
	u.Path = "/" + name
	drop = func() error {
		defer admin.Close()
		return dropDatabase(admin, name)
	}
	return u.String(), drop, nil
}

// dropDatabase drops the database name, ending the test role's own
// sessions on it first. It does not use DROP DATABASE ... WITH (FORCE):
// that refuses to end a session whose role the test role is not a member
// of, and an autovacuum worker that happens to be on the new database is
// such a session (CI failed on it once). A plain DROP DATABASE stops
// autovacuum workers itself but fails while a client is still
// disconnecting, so it is tried a few times.
func dropDatabase(admin *sql.DB, name string) error {
	var err error
	for try := 0; try < 10; try++ {
		if _, err = admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`, name); err != nil {
			return err
		}
		if _, err = admin.Exec(`DROP DATABASE IF EXISTS ` + name); err == nil {
			return nil
		}
		time.Sleep(time.Duration(try+1) * 100 * time.Millisecond)
	}
	return err
}

// Local lists the registered backends a test can open on a path of its
// own, with no server: those whose store is files (generations) or lives
// in memory (not persistent).
func Local() []string {
	var out []string
	for _, name := range graph.Backends() {
		if c := (graph.Config{Backend: name}).Capabilities(); c.Generations || !c.Persistent {
			out = append(out, name)
		}
	}
	return out
}

// Volatile returns a registered backend whose graph lives only as long as
// the process, for tests that want no files; it fails the test if there
// is none.
func Volatile(t testing.TB) string {
	t.Helper()
	for _, name := range graph.Backends() {
		if !(graph.Config{Backend: name}).Capabilities().Persistent {
			return name
		}
	}
	t.Fatal("graphtest: no registered backend keeps its graph in memory")
	return ""
}
