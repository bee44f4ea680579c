#!/usr/bin/env bash
# Profiles DataMingle's server under one W1 variant, for diagnosis (not a benchmark figure):
# JFR execution samples (where the request threads spend CPU), the CPU time of each thread group
# from /proc (request threads, JIT compilers, GC, the log writer...), the server's CPU per request,
# and on PostgreSQL the reads and writes of the users table (pg_stat_user_tables) and PostgreSQL's
# CPU per request.
#
# Usage: bench/profile.sh sqlite|postgresql WORKLOAD
#   WORKLOAD: w1-one        GET /api/me, one user, after a BENCH_WARMUP warm-up (default 20s)
#             w1-many       GET /api/me over the W1 token list, after the warm-up
#             cold-w1-one   the same, recorded from the moment /ready answers 200 (no warm-up)
#             cold-w1-many
# Needs a run of bench/side-by-side.sh on the same database first: it reuses its seeded database
# (bench/work/side-DB) and its tokens (bench/work/side-keys). BENCH_TOKENS=N uses only the first N
# tokens of the list (W1 over N users); BENCH_DURATION (10s) is the recorded window;
# BENCH_JAVA_OPTS adds JVM flags (e.g. to try a lever).
# Output: bench/results/profile/<time>-<db>-<workload>[-<N>]/ (summary.txt; the .jfr file stays in bench/work).
set -euo pipefail
db="${1:-}"; workload="${2:-}"
case "$db" in sqlite|postgresql) ;; *) echo "usage: bench/profile.sh sqlite|postgresql w1-one|w1-many|cold-w1-one|cold-w1-many" >&2; exit 2 ;; esac
case "$workload" in w1-one|w1-many|cold-w1-one|cold-w1-many) ;; *) echo "bench: unknown workload '$workload'" >&2; exit 2 ;; esac
source "$(dirname -- "$0")/lib.sh"
duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-20s}"
port="${BENCH_PORT:-18271}"
work="$root/bench/work/side-$db"
keys="$root/bench/work/side-keys"
if [ ! -f "$keys/w1.txt" ] || [ ! -d "$work/.datamingle-dev" ]; then
  echo "bench: run bench/side-by-side.sh $db first (this reuses its database and tokens)" >&2; exit 2
fi
command -v wrk >/dev/null && command -v jfr >/dev/null && command -v jcmd >/dev/null \
  || { echo "bench: needs wrk, and jfr and jcmd from the JDK" >&2; exit 2; }
db_env "$db" "$work"
tokens="$work/profile-tokens.txt"
if [ -n "${BENCH_TOKENS:-}" ]; then head -n "$BENCH_TOKENS" "$keys/w1.txt" > "$tokens"; else cp "$keys/w1.txt" "$tokens"; fi
n_tokens=$(wc -l < "$tokens")
one_token=$(head -n 1 "$keys/w1.txt")
tag="$db-$workload"; [ -n "${BENCH_TOKENS:-}" ] && tag="$tag-$BENCH_TOKENS"
out="$root/bench/results/profile/$(date -u +%Y-%m-%dT%H%M%SZ)-$tag"
mkdir -p "$out"
jfr_file="$work/profile-$tag.jfr"
rm -f "$jfr_file"
base="http://127.0.0.1:$port"

load() { # wrk for DURATION with the workload's requests
  case "$workload" in
    *one) wrk -t2 -c32 --latency -d"$1" -H "Authorization: Bearer $one_token" "$base/api/me" ;;
    *many) TOKENS="$tokens" wrk -t2 -c32 --latency -d"$1" -s "$root/bench/me-many.lua" "$base/api/me" ;;
  esac
}

# CPU ticks per thread group of the server (thread names from /proc, digits folded)
thread_cpu() {
  local pid="$1" t name
  for t in /proc/"$pid"/task/*; do
    name=$(tr -d '\n' < "$t/comm" 2>/dev/null | sed 's/[0-9][0-9]*/N/g; s/ /_/g') || continue
    awk -v n="$name" '{print n, $14 + $15}' "$t/stat" 2>/dev/null || true
  done | awk '{s[$1] += $2} END {for (k in s) print k, s[k]}' | sort
}

pg_users_stats() {
  [ "$db" = postgresql ] || return 0
  psql "$psql_url" -Atc "SELECT coalesce(idx_scan,0) || ' ' || coalesce(seq_scan,0) || ' ' || n_tup_upd || ' ' || n_tup_ins
    FROM pg_stat_user_tables WHERE schemaname = 'bench_dm' AND relname = 'users'"
}

jfr_opts=""
case "$workload" in cold-*) jfr_opts="-XX:StartFlightRecording=name=prof,settings=profile,filename=$jfr_file" ;; esac
# serve --dev warms up only when asked (since issue 18's auto): 2 s, as before, unless told
(cd "$work" && DATAMINGLE_WARMUP="${BENCH_SERVE_WARMUP:-2s}" exec java ${BENCH_JAVA_OPTS:-} $jfr_opts -jar "$jar" serve --dev --port "$port" > "$work/profile-serve.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
if ! ready_ms=$(wait_ok "$port" /ready "$server"); then echo "bench: the server did not get ready; see $work/profile-serve.log" >&2; exit 1; fi
case "$workload" in
  cold-*) ;;
  *)
    echo "bench: warm-up $warmup" >&2
    load "$warmup" > /dev/null
    jcmd "$server" JFR.start name=prof settings=profile > /dev/null ;;
esac

threads0=$(thread_cpu "$server"); c0=$(cpu_ticks "$server")
pg0=""; [ "$db" = postgresql ] && pg0=$(pg_snapshot)
s0=$(pg_users_stats)
load "$duration" > "$out/wrk.txt" 2>&1
threads1=$(thread_cpu "$server"); c1=$(cpu_ticks "$server"); pgt=0; [ "$db" = postgresql ] && pgt=$(pg_ticks_since "$pg0")
sleep 1.5   # PostgreSQL publishes table statistics about once a second
s1=$(pg_users_stats)
jcmd "$server" JFR.dump name=prof filename="$jfr_file" > /dev/null
jcmd "$server" Compiler.queue > "$out/compiler-queue.txt" 2>&1 || true
kill "$server"; wait "$server" 2>/dev/null || true

requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
{
  echo "database=$db workload=$workload tokens=$n_tokens duration=$duration warmup=$warmup BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}"
  echo "load average before/after: see settings; now $(cut -d' ' -f1-3 /proc/loadavg); ready after ${ready_ms} ms of polling"
  grep -E 'Requests/sec|99%|Non-2xx' "$out/wrk.txt" | sed 's/^ */wrk: /'
  echo "requests=$requests server_cpu_us_per_request=$(( (c1 - c0) * 10000 / requests ))"
  if [ "$db" = postgresql ]; then
    read -r i0 q0 u0 n0 <<< "$s0"; read -r i1 q1 u1 n1 <<< "$s1"
    awk -v r="$requests" -v i=$((i1 - i0)) -v q=$((q1 - q0)) -v u=$((u1 - u0)) -v n=$((n1 - n0)) -v p="$pgt" \
      'BEGIN {printf "postgresql: users index scans per request %.3f, seq scans %d, rows updated per request %.3f, inserted %d, all PostgreSQL processes %d us CPU per request\n", i / r, q, u / r, n, p * 10000 / r}'
  fi
  echo
  echo "CPU by server thread group during the window (ms; names from /proc, digits folded to N):"
  join -a1 <(echo "$threads1") <(echo "$threads0") | awk '{d = ($2 - ($3 == "" ? 0 : $3)) * 10; if (d > 0) printf "  %8d ms  %s\n", d, $1}' | sort -rn
  echo
  jfr print --stack-depth 96 --events jdk.ExecutionSample "$jfr_file" | "$py" "$root/bench/jfr_top.py"
  echo
  echo "JIT compilations in the recording:"
  jfr summary "$jfr_file" | awk '$1 == "jdk.Compilation" || $1 == "jdk.ExecutionSample" || $1 == "jdk.GarbageCollection" || $1 == "jdk.JavaMonitorEnter" || $1 == "jdk.ThreadPark" {print "  " $1, $2}'
} > "$out/summary.txt"
cat "$out/summary.txt"
echo "bench: profile in ${out#"$root"/}/summary.txt; recording $jfr_file" >&2
