#!/usr/bin/env bash
# bench/bench.sh — newsgraph's scale figures (docs/performance.md).
#
#   bash bench/bench.sh                 # N = 1000 and 10000, bolt and postgres
#   bash bench/bench.sh 1000 10000 100000
#   BACKENDS=bolt bash bench/bench.sh 100000
#
# For each corpus size N it generates (once, cached) N synthetic articles
# with bench/corpus (seed $SEED), times `newsgraph extract` (extraction
# alone) and, on each backend, `newsgraph build` into a fresh store under
# /usr/bin/time -v, then measures the store's size and the latency of
# $QUERIES path queries between random groups, bases and people, reading
# the store as a one-shot command does and through the link index as
# `newsgraph serve` answers (-index; CPU times beside the wall times, which
# a shared machine stretches).
#
# PostgreSQL comes from .ci/postgres.sh (run as root); each run gets a
# fresh database "ngbench_N". The stores are kept ($BENCH_DIR/store-bolt-N
# and that database) so that path queries can be measured again on them:
#   newsgraph-bench paths -backend bolt -path $BENCH_DIR/store-bolt-N/store Results: one JSON object per run appended to
# $BENCH_DIR/results.jsonl, and a Markdown table row on stdout. The
# machine's load average is recorded with each row: figures taken while
# other work runs on the machine are slower, not comparable.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${*:-1000 10000}
BACKENDS=${BACKENDS:-bolt postgres}
WORK=${BENCH_DIR:-/tmp/newsgraph-bench}
SEED=${SEED:-1}
QUERIES=${QUERIES:-100}
mkdir -p "$WORK/bin"
RESULTS=$WORK/results.jsonl

[ -x /usr/bin/time ] || { apt-get install -y -qq time >&2; }
go build -o "$WORK/bin/newsgraph" ./cmd/newsgraph
go build -o "$WORK/bin/newsgraph-bench" ./cmd/newsgraph-bench
NG=$WORK/bin/newsgraph
NGB=$WORK/bin/newsgraph-bench

if [[ " $BACKENDS " == *" postgres "* ]]; then
	DSN0=$(bash .ci/postgres.sh)
fi

# fresh_pg N creates an empty database ngbench_N and sets DSN to it.
fresh_pg() {
	psql "$DSN0" -q -c "DROP DATABASE IF EXISTS ngbench_$1 WITH (FORCE)" -c "CREATE DATABASE ngbench_$1" 2>/dev/null
	DSN=${DSN0%%\?*}
	DSN="${DSN%/*}/ngbench_$1?${DSN0#*\?}"
}

# timed FILE CMD... runs CMD under /usr/bin/time -v; sets WALL (s), CPU
# (user + system s) and RSS (KB).
timed() {
	local tf=$WORK/time.txt out=$1
	shift
	/usr/bin/time -v -o "$tf" "$@" >"$out"
	WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
	CPU=$(awk -F': ' '/(User|System) time/ {s+=$2} END {print s}' "$tf")
	RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
}

json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$@"; }

echo "| N | corpus MB | extract MB/s | backend | quads | build s | build CPU s | quads/s | store MB | KB/article | first path s (CPU s) | path p50 ms | path p99 ms | found | serve path p50 / p99 ms (CPU p99) | build peak RSS MB | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for N in $SIZES; do
	CORPUS=$WORK/corpus-$N-s$SEED
	if [ ! -f "$CORPUS.done" ]; then
		rm -rf "$CORPUS"
		"$NGB" gen -n "$N" -seed "$SEED" -out "$CORPUS" >&2
		touch "$CORPUS.done"
	fi
	BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
	MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b/1e6}')
	timed "$WORK/extract.jsonl" "$NG" extract --format jsonl "$CORPUS"
	EXTRACT_S=$WALL
	EXTRACT_MBS=$(awk -v b="$BYTES" -v s="$WALL" 'BEGIN {printf "%.2f", b/1e6/s}')
	for B in $BACKENDS; do
		LOAD=$(cut -d' ' -f1 /proc/loadavg)
		case $B in
		bolt)
			STORE=$WORK/store-bolt-$N
			rm -rf "$STORE"
			ARGS=(--backend bolt --data-dir "$STORE")
			SARGS=(-backend bolt -path "$STORE/store")
			;;
		postgres)
			fresh_pg "$N"
			ARGS=(--backend postgres --dsn "$DSN")
			SARGS=(-backend postgres -dsn "$DSN")
			;;
		esac
		timed "$WORK/build.txt" "$NG" "${ARGS[@]}" build "$CORPUS"
		BUILD_S=$WALL BUILD_CPU=$CPU BUILD_RSS=$RSS
		QUADS=$(awk '/^quads/ {print $(NF-3)}' "$WORK/build.txt") # "…; N in the store"
		# The first one-shot command after the build: it resolves its
		# names from the index the build kept.
		timed "$WORK/path.txt" "$NG" "${ARGS[@]}" path "Kataib Hezbollah" "Ain al-Asad" --k 1
		FIRST_S=$WALL FIRST_CPU=$CPU
		"$NGB" size "${SARGS[@]}" >"$WORK/size.json"
		"$NGB" paths "${SARGS[@]}" -queries "$QUERIES" >"$WORK/paths.json"
		"$NGB" paths "${SARGS[@]}" -queries "$QUERIES" -index >"$WORK/paths-index.json"
		STORE_MB=$(awk -v b="$(json "$WORK/size.json" bytes)" 'BEGIN {printf "%.0f", b/1e6}')
		P50=$(json "$WORK/paths.json" p50_ms) P99=$(json "$WORK/paths.json" p99_ms) FOUND=$(json "$WORK/paths.json" found)
		SERVE=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1f / %.1f (%.1f)" % (d["p50_ms"], d["p99_ms"], d["cpu_p99_ms"]))' "$WORK/paths-index.json")
		python3 - "$N" "$B" "$BYTES" "$EXTRACT_S" "$QUADS" "$BUILD_S" "$BUILD_CPU" "$BUILD_RSS" "$FIRST_S" "$FIRST_CPU" "$LOAD" "$WORK/size.json" "$WORK/paths.json" "$WORK/paths-index.json" >>"$RESULTS" <<'EOF'
import json, sys
n, b, byts, ext, quads, build, cpu, rss, first, first_cpu, load, size, paths, paths_index = sys.argv[1:]
print(json.dumps({"n": int(n), "backend": b, "bytes": int(byts), "extract_s": float(ext), "quads": int(quads),
    "build_s": float(build), "build_cpu_s": float(cpu), "build_rss_kb": int(rss),
    "first_path_s": float(first), "first_path_cpu_s": float(first_cpu), "load_avg": float(load),
    "size": json.load(open(size)), "paths": json.load(open(paths)), "paths_index": json.load(open(paths_index))}))
EOF
		printf '| %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %.0f | %s (%s) | %.1f | %.1f | %s/%s | %s | %.0f | %s |\n' \
			"$N" "$MB" "$EXTRACT_MBS" "$B" "$QUADS" "$BUILD_S" "$BUILD_CPU" "$(awk -v q="$QUADS" -v s="$BUILD_S" 'BEGIN {print q/s}')" \
			"$STORE_MB" "$(awk -v b="$(json "$WORK/size.json" bytes)" -v n="$N" 'BEGIN {print b/n/1e3}')" "$FIRST_S" "$FIRST_CPU" \
			"$P50" "$P99" "$FOUND" "$QUERIES" "$SERVE" "$(awk -v r="$BUILD_RSS" 'BEGIN {print r/1024}')" "$LOAD"
	done
done
