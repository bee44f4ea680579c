#!/usr/bin/env bash
# Diagnosis of W1 over many users (issue 18), not a benchmark figure: one DataMingle server,
# warmed up, then GET /api/me over token lists of growing size, in alternating rounds so every
# size sees the same JIT state and the same noise. Each size adds one cost to the one before:
#   1 token        the existing W1 (bench/run.sh): every cache hits
#   2 tokens       two users, both always cached: only the Authorization header changes between
#                  requests on a connection (prices HTTP-level per-value costs, e.g. Jetty's
#                  per-connection header field cache)
#   1000 tokens    verified tokens and users still cached (each user comes back well within 2 s)
#   20000 tokens   the token cache still holds them all (its bound is 20,000); a user comes back
#                  after more than the user cache's 2 s: one database read per request
#   100000 tokens  more tokens than the token cache holds: an RS256 check per request as well
# Per size: requests/s, the server's CPU time per request and, of it, its JIT compiler threads'
# (jit_us/req: not zero means the server was still compiling, not yet warm), and on PostgreSQL,
# PostgreSQL's CPU per request and index scans of the users table per request (database reads).
#
# Usage: bench/w1-decompose.sh sqlite|postgresql|both
#   both: a server on each database at once, measured in alternation (SQLite and PostgreSQL under
#   the same noise: the fair way to compare them on a shared machine); SQLite goes first in odd
#   rounds, PostgreSQL in even ones, so an effect of the order shows as a difference between rounds.
#   Needs a run of bench/side-by-side.sh on each database first (its seeded database and tokens).
#   BENCH_ROUNDS (3), BENCH_SLICE (5s per size and round), BENCH_WARMUP (60s), BENCH_JAVA_OPTS,
#   BENCH_SIZES (token list sizes, default "1 2 1000 20000 100000"; sizes above the minted tokens
#   are left out). A slice shorter than the time a size takes to come round (20000 tokens at
#   2,000 req/s: 10 s) sees each user once, so the user cache never hits within it.
# Output: bench/results/w1-decompose/<time>-<db>.txt
set -euo pipefail
db="${1:-}"
case "$db" in sqlite|postgresql) dbs="$db" ;; both) dbs="sqlite postgresql" ;;
  *) echo "usage: bench/w1-decompose.sh sqlite|postgresql|both" >&2; exit 2 ;; esac
source "$(dirname -- "$0")/lib.sh"
rounds="${BENCH_ROUNDS:-3}"
slice="${BENCH_SLICE:-5s}"
warmup="${BENCH_WARMUP:-60s}"
port="${BENCH_PORT:-18261}"
keys="$root/bench/work/side-keys"
[ -f "$keys/w1.txt" ] || { echo "bench: run bench/side-by-side.sh first (this reuses its databases and tokens)" >&2; exit 2; }
total=$(wc -l < "$keys/w1.txt")
sizes=""
for n in ${BENCH_SIZES:-1 2 1000 20000 100000}; do
  if [ "$n" -le "$total" ]; then sizes="$sizes $n"; head -n "$n" "$keys/w1.txt" > "$root/bench/work/decompose-$n.txt"; fi
done
out="$root/bench/results/w1-decompose/$(date -u +%Y-%m-%dT%H%M%SZ)-$db.txt"
mkdir -p "$(dirname "$out")"
declare -A server_of port_of
servers=""
trap 'kill $servers 2>/dev/null || true' EXIT
i=0
for d in $dbs; do
  work="$root/bench/work/side-$d"
  [ -d "$work/.datamingle-dev" ] || { echo "bench: run bench/side-by-side.sh $d first" >&2; exit 2; }
  port_of[$d]=$((port + i)); i=$((i + 1))
  (db_env "$d" "$work"; cd "$work" && exec java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --dev --port "${port_of[$d]}" > "$work/decompose-serve.log" 2>&1) &
  server_of[$d]=$!; servers="$servers $!"
  wait_ok "${port_of[$d]}" /ready "${server_of[$d]}" >/dev/null || { echo "bench: the $d server did not get ready" >&2; exit 1; }
done
db_env postgresql "$root/bench/work/side-postgresql"   # for psql_url

users_scans() { # DB
  [ "$1" = postgresql ] || { echo 0; return; }
  psql "$psql_url" -Atc "SELECT coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE schemaname = 'bench_dm' AND relname = 'users'"
}
run() { # DB N DURATION
  TOKENS="$root/bench/work/decompose-$2.txt" wrk -t2 -c32 -d"$3" --latency -s "$root/bench/me-many.lua" "http://127.0.0.1:${port_of[$1]}/api/me"
}

# The warm-up alternates between the servers in 5 s turns: warmed one after the other, the server
# warmed last was still compiling its request path (its JIT compiler threads busy, its code not yet
# optimised) when the measurement began, while the other's compilations had finished during the
# other's warm-up, and the first rounds measured that difference, not the database.
echo "bench: warm-up $warmup over every size, each server in turn" >&2
per=$(( ${warmup%s} / $(echo $sizes | wc -w) ))
turns=$(( (per + 4) / 5 ))
for t in $(seq 1 "$turns"); do
  for n in $sizes; do for d in $dbs; do run "$d" "$n" 5s > /dev/null; done; done
done

{
  echo "database=$db rounds=$rounds slice=$slice warmup=$warmup BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-} load=$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-7s %-11s %-8s %10s %9s %14s %10s %14s %12s\n' round database tokens req/s p99_ms server_us/req jit_us/req pg_us/req db_reads/req
} | tee "$out"
for r in $(seq 1 "$rounds"); do
  order="$dbs"   # both: who goes first alternates between rounds (measured second is not always one side)
  if [ $((r % 2)) -eq 0 ]; then order=$(echo "$dbs" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}'); fi
  for n in $sizes; do
    for d in $order; do
      c0=$(cpu_ticks "${server_of[$d]}"); j0=$(jit_ticks "${server_of[$d]}"); pg0=""; [ "$d" = postgresql ] && pg0=$(pg_snapshot); s0=$(users_scans "$d")
      res=$(run "$d" "$n" "$slice")
      c1=$(cpu_ticks "${server_of[$d]}"); j1=$(jit_ticks "${server_of[$d]}"); pgt=0; [ "$d" = postgresql ] && pgt=$(pg_ticks_since "$pg0")
      [ "$d" = postgresql ] && sleep 1.2   # table statistics are published about once a second
      s1=$(users_scans "$d")
      reqs=$(awk '/requests in/ {print $1}' <<< "$res"); rps=$(awk '/Requests\/sec/ {print $2}' <<< "$res")
      p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' <<< "$res")
      awk -v r="$r" -v d="$d" -v n="$n" -v q="$reqs" -v rps="$rps" -v p99="$p99" -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v p="$pgt" -v s=$((s1 - s0)) \
        'BEGIN {printf "%-7s %-11s %-8s %10s %9s %14.0f %10.0f %14s %12s\n", r, d, n, rps, p99, c * 10000 / q, j * 10000 / q,
          (d == "postgresql" ? sprintf("%.0f", p * 10000 / q) : "-"), (d == "postgresql" ? sprintf("%.3f", s / q) : "-")}' | tee -a "$out"
    done
  done
done
echo "bench: written to ${out#"$root"/}" >&2
