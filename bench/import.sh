#!/usr/bin/env bash
# db import beside pgloader (issue 14): BENCH_IMPORT_ROWS users (default 1,000,000) moved
#   - SQLite -> PostgreSQL by `datamingle db import` (binary COPY, verification included),
#   - PostgreSQL -> SQLite by `datamingle db import` (pgloader cannot write SQLite),
#   - the same SQLite file -> PostgreSQL by pgloader.
# Times are wall clock of the whole command (JVM or SBCL start, schema, load, our read-back
# verification, commit). pgloader as such refuses DataMingle's SQLite file (its times are epoch
# milliseconds, which it casts to a date and fails with 22008, loading 0 rows), so it runs with a
# load file that casts them to bigint: the same rows, and less work for it than ours does.
#
# Usage: bench/import.sh            (BENCH_IMPORT_ROWS, BENCH_IMPORT_RUNS (3), BENCH_POSTGRES_URL
#   (postgresql://postgres@127.0.0.1:5432/test): schema bench_import and database
#   bench_import_pgloader are dropped and made anew)
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

rows="${BENCH_IMPORT_ROWS:-1000000}"
runs="${BENCH_IMPORT_RUNS:-3}"
pg="${BENCH_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
pgloader_db="${pg%/*}/bench_import_pgloader"
command -v pgloader >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgloader >/dev/null
}
"$root/datamingle" --version >/dev/null   # builds the jar when stale
work=$(mktemp -d)
trap 'rm -rf "$work"; psql "$pg" -qc "DROP SCHEMA IF EXISTS bench_import CASCADE" >/dev/null 2>&1 || true' EXIT

echo "seeding $rows users into $work/source.sqlite"
java -jar "$jar" db upgrade --database-url "jdbc:sqlite:$work/source.sqlite" >/dev/null
java -cp "$jar" "$root/bench/Seed.java" "jdbc:sqlite:$work/source.sqlite" "" 1 "$rows"
cat > "$work/pgloader.load" <<LOAD
LOAD DATABASE
  FROM sqlite://$work/source.sqlite
  INTO $pgloader_db
  WITH include drop, create tables, create indexes, reset sequences
  CAST type timestamp to bigint drop typemod;
LOAD

timed() { local t0; t0=$(now_ms); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo $(( $(now_ms) - t0 )); }

printf '%-4s %-28s %10s %12s\n' run what ms rows/s
for run in $(seq 1 "$runs"); do
  psql "$pg" -qc "DROP SCHEMA IF EXISTS bench_import CASCADE; CREATE SCHEMA bench_import" >/dev/null 2>&1
  ms=$(timed java -jar "$jar" db import --from "sqlite:///$work/source.sqlite" \
    --database-url "$pg?currentSchema=bench_import" --yes)
  grep -q "row count and checksum agree" "$work/last.log"
  printf '%-4s %-28s %10s %12s\n' "$run" "db import SQLite->PostgreSQL" "$ms" $(( rows * 1000 / ms ))
  rm -f "$work"/back.sqlite*
  ms=$(timed java -jar "$jar" db import --from "$pg?currentSchema=bench_import" \
    --database-url "jdbc:sqlite:$work/back.sqlite" --yes)
  printf '%-4s %-28s %10s %12s\n' "$run" "db import PostgreSQL->SQLite" "$ms" $(( rows * 1000 / ms ))
  psql "$pg" -qc "DROP DATABASE IF EXISTS bench_import_pgloader" >/dev/null 2>&1
  psql "$pg" -qc "CREATE DATABASE bench_import_pgloader" >/dev/null
  ms=$(timed pgloader "$work/pgloader.load")
  loaded=$(psql "$pgloader_db" -Atc "SELECT count(*) FROM users")
  [ "$loaded" = "$rows" ] || { echo "pgloader loaded $loaded of $rows rows"; exit 1; }
  printf '%-4s %-28s %10s %12s\n' "$run" "pgloader SQLite->PostgreSQL" "$ms" $(( rows * 1000 / ms ))
done
psql "$pg" -qc "DROP DATABASE IF EXISTS bench_import_pgloader" >/dev/null 2>&1 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
