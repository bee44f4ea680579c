#!/usr/bin/env bash
# PostgreSQL writes, for A/B comparisons of builds (diagnosis, not a benchmark figure): W2 (first
# sign-ins) and W3 (PATCH /api/me across 32 users, and of one user), with the CPU time per request
# of the server, of PostgreSQL (all its processes) and of the load generator itself, and
# PostgreSQL's commits and WAL flushes per request. The jars run in alternation (A B A B ...), each
# on a freshly started server after its own warm-up.
#
# Usage: bench/writes-ab.sh JAR [JAR...]
# Settings (environment): BENCH_ROUNDS (3), BENCH_USERS (20000 seeded users), BENCH_W2_USERS (10000
# first sign-ins per measurement), BENCH_W2_DRIVER (java: bench/FirstSignIn.java; wrk:
# bench/first-sign-in.lua), BENCH_WARMUP (15s of each wrk workload, then 3,000 first sign-ins),
# BENCH_DURATION (10s), BENCH_PORT (18281), BENCH_POSTGRES_URL (as bench/side-by-side.sh; schemas
# bench_dm and bench_proto are dropped and made anew).
# Output: bench/results/writes-ab/<time>/results.txt, one line per measurement.
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
[ "$#" -ge 1 ] || { echo "usage: bench/writes-ab.sh JAR [JAR...]" >&2; exit 2; }
jars=("$@")
for j in "${jars[@]}"; do [ -f "$j" ] || { echo "bench: no jar at $j" >&2; exit 2; }; done
rounds="${BENCH_ROUNDS:-3}"
users="${BENCH_USERS:-20000}"
w2n="${BENCH_W2_USERS:-10000}"
driver="${BENCH_W2_DRIVER:-java}"
warmup="${BENCH_WARMUP:-15s}"
duration="${BENCH_DURATION:-10s}"
port="${BENCH_PORT:-18281}"
base="http://127.0.0.1:$port"
case "$driver" in java|wrk) ;; *) echo "bench: BENCH_W2_DRIVER is java or wrk" >&2; exit 2 ;; esac

work="$root/bench/work/writes-ab"
keys="$root/bench/work/side-keys"
out="$root/bench/results/writes-ab/$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$work" "$keys" "$out"
results="$out/results.txt"
{
  echo "jars: ${jars[*]##*/}; rounds=$rounds users=$users w2=$w2n driver=$driver warmup=$warmup duration=$duration"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/settings.txt"

server=""
trap stop_server EXIT

ensure_dev_key "$keys"
w2total=$(( (rounds * ${#jars[@]}) * w2n ))
mint_tokens "$keys" w1 SEED 1 "$users"
mint_tokens "$keys" abwarm ABWARM 1 $((3000 * rounds * ${#jars[@]}))
mint_tokens "$keys" ab-w2 W2AB 1 "$w2total"
sed -n '2,33p' "$keys/w1.txt" > "$work/w3-32.txt"
one_token=$(head -n 1 "$keys/w1.txt")
rm -rf "$work/.datamingle-dev" && cp -r "$keys/.datamingle-dev" "$work/"
javac -d "$work/classes" "$root/bench/FirstSignIn.java"

setup_databases postgresql "$work"
(cd "$work" && java -jar "${jars[0]}" db upgrade >/dev/null)
java -cp "${jars[0]}" "$root/bench/Seed.java" "$dm_jdbc" "$dm_jdbc_user" 1 "$users"
psql "$psql_url" -qc "VACUUM ANALYZE bench_dm.users" >/dev/null

# commits in the test database and WAL flushes, since the server started
pg_counters() {
  psql "$psql_url" -Atc "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) || ' ' || (SELECT wal_sync FROM pg_stat_wal)"
}

# run_timed RAW CMD...: runs CMD with its output in RAW; prints the CPU ticks it used (children's)
run_timed() {
  local raw="$1"; shift
  local t0 t1 me=$BASHPID
  t0=$(awk '{print $16 + $17}' "/proc/$me/stat")
  "$@" > "$raw" 2>&1 || true
  t1=$(awk '{print $16 + $17}' "/proc/$me/stat")
  echo $((t1 - t0))
}

# measure LABEL KIND RAW CMD...: one measurement; KIND wrk or w2 (how to read the count)
measure() {
  local label="$1" kind="$2" raw="$3"; shift 3
  sleep 1.5   # PostgreSQL's statistics are published about once a second
  local c0 pg0 s0 c1 pgt s1 drv n rate
  c0=$(cpu_ticks "$server"); pg0=$(pg_snapshot); s0=$(pg_counters)
  drv=$(run_timed "$raw" "$@")
  c1=$(cpu_ticks "$server"); pgt=$(pg_ticks_since "$pg0")
  sleep 1.5; s1=$(pg_counters)
  if [ "$kind" = wrk ]; then
    n=$(awk '/requests in/ {print $1}' "$raw"); rate=$(awk '/Requests\/sec/ {print $2}' "$raw")
  else
    n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$raw"); rate=$(sed -n 's/.*users_per_second=\([0-9]*\).*/\1/p' "$raw")
  fi
  read -r x0 w0 <<< "$s0"; read -r x1 w1 <<< "$s1"
  if [ "${n:-0}" -gt 0 ]; then
    echo "$label rate=$rate n=$n server_us=$(( (c1 - c0) * 10000 / n )) pg_us=$(( pgt * 10000 / n ))" \
      "driver_us=$(( drv * 10000 / n )) commits_per_100=$(( (x1 - x0) * 100 / n )) walsyncs_per_100=$(( (w1 - w0) * 100 / n ))" \
      "load=$(cut -d' ' -f1 /proc/loadavg) $(grep -o 'statuses=.*' "$raw" || grep -o 'Non-2xx.*' "$raw" || true)" | tee -a "$results"
  else
    echo "$label failed: see $raw" | tee -a "$results"
  fi
}

w2() { # RAW-LABEL TOKENS-FILE
  if [ "$driver" = java ]; then
    run_w2=(java -cp "$work/classes" FirstSignIn "$base" "$2" 32)
  else
    run_w2=(env TOKENS="$2" wrk -t2 -c32 -d"${BENCH_W2_WRK_DURATION:-30s}" -s "$root/bench/first-sign-in.lua" "$base/api/me")
  fi
  measure "$1" w2 "$out/$1.txt" "${run_w2[@]}"
}

slice=0
for round in $(seq 1 "$rounds"); do
  for i in "${!jars[@]}"; do
    jar_i="${jars[$i]}"; tag="${jar_i##*/}"; tag="${tag%.jar}"
    (cd "$work" && DATAMINGLE_WARMUP=off exec java -jar "$jar_i" serve --dev --port "$port" > "$work/serve.log" 2>&1) &
    server=$!
    wait_ok "$port" /ready "$server" >/dev/null || { echo "bench: $tag did not get ready; see $work/serve.log" >&2; exit 1; }
    echo "bench: round $round, $tag: warm-up" >&2
    TOKENS="$work/w3-32.txt" wrk -t2 -c32 -d"$warmup" -s "$root/bench/patch-many.lua" "$base/api/me" >/dev/null
    wrk -t2 -c32 -d"$warmup" -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $one_token" "$base/api/me" >/dev/null
    sed -n "$((slice * 3000 + 1)),$((slice * 3000 + 3000))p" "$keys/abwarm.txt" > "$work/warm.txt"
    java -cp "$work/classes" FirstSignIn "$base" "$work/warm.txt" 32 >/dev/null
    TOKENS="$work/w3-32.txt" measure "r$round-$tag-W3-32" wrk "$out/r$round-$tag-W3-32.txt" \
      wrk -t2 -c32 -d"$duration" --latency -s "$root/bench/patch-many.lua" "$base/api/me"
    measure "r$round-$tag-W3-one" wrk "$out/r$round-$tag-W3-one.txt" \
      wrk -t2 -c32 -d"$duration" --latency -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $one_token" "$base/api/me"
    sed -n "$((slice * w2n + 1)),$((slice * w2n + w2n))p" "$keys/ab-w2.txt" > "$work/w2.txt"
    w2 "r$round-$tag-W2" "$work/w2.txt"
    stop_server
    slice=$((slice + 1))
  done
done
rows=$(java -cp "${jars[0]}" "$root/bench/Count.java" "$dm_jdbc" "$dm_jdbc_user" "SELECT count(*) FROM users WHERE workos_user_id LIKE 'user_01W2AB%'")
echo "W2 rows=$rows expected=$w2total" | tee -a "$results"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/settings.txt"
echo "bench: results in ${out#"$root"/}/results.txt" >&2
