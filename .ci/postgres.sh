#!/usr/bin/env bash
# .ci/postgres.sh — install (from Debian's packages), start and prepare a
# PostgreSQL server for newsgraph's tests and benchmarks.
#
# Run as root on Debian (no systemd needed). Idempotent: run it as often as
# you like; it installs only what is missing, starts the cluster only if it
# is down, and creates the role and database only if they do not exist.
#
# Prints the DSN on stdout (and nothing else); progress goes to stderr.
# It also writes "export NEWSGRAPH_TEST_PG_DSN=..." to $NEWSGRAPH_PG_ENV
# (default /tmp/newsgraph-pg.env). Typical use:
#
#   export NEWSGRAPH_TEST_PG_DSN="$(bash .ci/postgres.sh)"
#
# The role may create databases (CREATEDB): the tests make a fresh database
# per test and drop it afterwards, leaving the "newsgraph" database alone.
set -euo pipefail

ROLE=${NEWSGRAPH_PG_ROLE:-newsgraph}
PASS=${NEWSGRAPH_PG_PASSWORD:-newsgraph}
DB=${NEWSGRAPH_PG_DB:-newsgraph}
ENVFILE=${NEWSGRAPH_PG_ENV:-/tmp/newsgraph-pg.env}

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
	log "must run as root (it installs packages and starts the server)"
	exit 1
fi

# 1. Install Debian's PostgreSQL if no server is installed.
if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	log "installing postgresql from Debian's packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq postgresql >&2
fi

# 2. Make sure a cluster exists (the package creates "main"; a minimal
# container may have skipped it).
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
	ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
	log "creating cluster $ver/main"
	pg_createcluster "$ver" main >&2
fi
read -r VER CLUSTER PORT STATUS _ < <(pg_lsclusters -h | head -n1)

# 3. Start it (pg_ctlcluster works without systemd).
if [ "$STATUS" != online ]; then
	log "starting cluster $VER/$CLUSTER on port $PORT"
	# A stale pid file from a killed server would stop pg_ctl; pg_ctlcluster
	# removes it itself when no process owns it.
	pg_ctlcluster "$VER" "$CLUSTER" start >&2
fi
for i in $(seq 1 60); do
	if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
		break
	fi
	[ "$i" = 60 ] && { log "server did not become ready on 127.0.0.1:$PORT"; exit 1; }
	sleep 0.5
done

# 4. Role and database, if missing.
psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
	log "creating role $ROLE"
	psql_admin -c "CREATE ROLE \"$ROLE\" LOGIN CREATEDB PASSWORD '$PASS'" >&2
else
	psql_admin -c "ALTER ROLE \"$ROLE\" LOGIN CREATEDB PASSWORD '$PASS'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
	log "creating database $DB"
	psql_admin -c "CREATE DATABASE \"$DB\" OWNER \"$ROLE\"" >&2
fi

DSN="postgres://$ROLE:$PASS@127.0.0.1:$PORT/$DB?sslmode=disable"

# 5. Check that the DSN works over TCP with the password.
if ! PGPASSWORD="$PASS" psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -tAc 'SELECT 1' >/dev/null; then
	log "cannot connect as $ROLE to 127.0.0.1:$PORT/$DB"
	exit 1
fi

printf "export NEWSGRAPH_TEST_PG_DSN='%s'\n" "$DSN" >"$ENVFILE"
log "ready: PostgreSQL $VER on 127.0.0.1:$PORT, database $DB (DSN also in $ENVFILE)"
echo "$DSN"
