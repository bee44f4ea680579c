#!/usr/bin/env bash
# Benchmarks W0-W6 of BENCHMARKS.md against the packaged jar in dev mode, on loopback only.
# Usage: bench/run.sh [sqlite|postgresql] [runs]   (PostgreSQL: BENCH_POSTGRES_URL, default the local test database)
# Prints one result line per measurement and writes them to bench/work/results-<db>.txt.
set -euo pipefail
db="${1:-sqlite}"
runs="${2:-3}"
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
work="$root/bench/work/$db"
rm -rf "$work" && mkdir -p "$work"
results="$root/bench/work/results-$db.txt"
: > "$results"
port="${BENCH_PORT:-18181}"
base="http://127.0.0.1:$port"
duration="${BENCH_DURATION:-10s}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
"$root/datamingle" --version >/dev/null   # builds the jar when stale
jar="$root/adapter-cli/target/datamingle.jar"
cli() { (cd "$work" && java -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar" "$@"); }

case "$db" in
  sqlite)
    export DATABASE_URL="jdbc:sqlite:$work/bench.sqlite"
    jdbc="$DATABASE_URL"; jdbc_user="" ;;
  postgresql)
    pg="${BENCH_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
    psql "${pg/postgresql:/postgres:}" -qc "DROP SCHEMA IF EXISTS dm_bench CASCADE; CREATE SCHEMA dm_bench" >/dev/null
    export DATABASE_URL="$pg?currentSchema=dm_bench"
    hostpath="${pg#postgresql://}"; jdbc_user="${hostpath%%@*}"; jdbc="jdbc:postgresql://${hostpath#*@}?currentSchema=dm_bench" ;;
  *) echo "bench: say sqlite or postgresql" >&2; exit 2 ;;
esac

record() { echo "$db $*" | tee -a "$results"; }

# wrk summary: requests/s and p99 in ms
wrk_run() {
  local label="$1"; shift
  local out; out=$(wrk -t2 -c32 -d"$duration" --latency "$@")
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local p99; p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  record "$label rps=$rps p99_ms=$p99 non2xx=${non2xx:-0}"
}

start_server() {
  (cd "$work" && exec java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --dev --port "$port" > "$work/serve.log" 2>&1) &
  server=$!
  for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && return; sleep 0.2; done
  echo "bench: server did not start; see $work/serve.log" >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }
trap 'kill ${server:-0} 2>/dev/null || true' EXIT

cli db upgrade >/dev/null
start_server
admin=$(cli dev token --email bench-admin@example.com --admin --ttl PT12H)
member=$(cli dev token --email bench-member@example.com --ttl PT12H)
curl -sf -H "Authorization: Bearer $member" "$base/api/me" >/dev/null
curl -sf -H "Authorization: Bearer $admin" "$base/api/me" >/dev/null
# W3 across users: 32 signed-in users whose edits never meet
cli dev token --count 32 --email "bench-w3u{n}@example.com" --ttl PT12H > "$work/tokens-w3.txt"
while read -r t; do curl -sf -H "Authorization: Bearer $t" "$base/api/me" >/dev/null; done < "$work/tokens-w3.txt"
export TOKENS="$work/tokens-w3.txt"

# warm-up, not recorded: the JIT needs a few hundred thousand requests per path
wrk -t2 -c32 -d20s "$base/health" >/dev/null
wrk -t2 -c32 -d20s -H "Authorization: Bearer $member" "$base/api/me" >/dev/null
wrk -t2 -c32 -d30s -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $member" "$base/api/me" >/dev/null
wrk -t2 -c32 -d20s -s "$root/bench/patch-many.lua" "$base/api/me" >/dev/null

for run in $(seq 1 "$runs"); do
  wrk_run "W0 run$run" "$base/health"
  wrk_run "W1 run$run" -H "Authorization: Bearer $member" "$base/api/me"
  wrk_run "W3 run$run" -s "$root/bench/patch-me.lua" -H "Authorization: Bearer $member" "$base/api/me"
  wrk_run "W3-32-users run$run" -s "$root/bench/patch-many.lua" "$base/api/me"
done

# warm-up of the first-sign-in path, not recorded (its users are not counted below)
(cd "$work" && java -jar "$jar" dev token --count 5000 --email "w2warm{n}@example.com" --ttl PT12H) > "$work/tokens-warm.txt"
java "$root/bench/FirstSignIn.java" "$base" "$work/tokens-warm.txt" 32 >/dev/null

for run in $(seq 1 "$runs"); do
  (cd "$work" && java -jar "$jar" dev token --count 20000 --email "w2r${run}n{n}@example.com" --ttl PT12H) > "$work/tokens-$run.txt"
  line=$(java "$root/bench/FirstSignIn.java" "$base" "$work/tokens-$run.txt" 32)
  record "W2 run$run $line"
done
rows=$(java -cp "$jar" "$root/bench/Count.java" "$jdbc" "$jdbc_user" "SELECT count(*) FROM users WHERE email LIKE 'w2r%'")
record "W2 rows=$rows expected=$((20000 * runs))"

list_bench() {
  local size="$1"
  local deep; deep=$(printf 'u1:00000000-0000-7000-8000-%012d' 90000 | base64 -w0 | tr '+/' '-_' | tr -d '=')
  for run in $(seq 1 "$runs"); do
    wrk_run "W4 users=$size first-page run$run" -H "Authorization: Bearer $admin" "$base/api/users?limit=50"
    wrk_run "W4 users=$size deep-page run$run" -H "Authorization: Bearer $admin" "$base/api/users?limit=50&cursor=$deep"
  done
}

# after a bulk load, refresh the planner's statistics and the visibility map as an operator would;
# otherwise autovacuum does it in the middle of a measured run (a 418 ms p99 outlier on PostgreSQL)
analyze() { if [ "$db" = postgresql ]; then psql "${pg/postgresql:/postgres:}" -qc "VACUUM ANALYZE dm_bench.users" >/dev/null; fi; }
java -cp "$jar" "$root/bench/Seed.java" "$jdbc" "$jdbc_user" 1 100000
analyze
list_bench 100000
java -cp "$jar" "$root/bench/Seed.java" "$jdbc" "$jdbc_user" 100001 1000000
analyze
for run in $(seq 1 "$runs"); do
  wrk_run "W6 users=1000000 W1 run$run" -H "Authorization: Bearer $member" "$base/api/me"
done
list_bench 1000000
stop_server

# W5: a cold `db current` (a new JVM each time, as the launcher runs it), and 100 migrations from empty
for i in $(seq 1 5); do
  t0=$(date +%s%N); cli db current >/dev/null; t1=$(date +%s%N)
  record "W5 cold-db-current run$i ms=$(( (t1 - t0) / 1000000 ))"
done
scripts="$work/scripts"
for d in sqlite postgresql; do
  mkdir -p "$scripts/$d"
  cp "$root"/migrations/src/main/resources/com/datamingle/migrations/scripts/$d/*.sql "$scripts/$d/"
  for i in $(seq 1 98); do
    printf -- "-- // bench %d\nCREATE TABLE bench_t%d (id INTEGER PRIMARY KEY, note TEXT);\n-- //@UNDO\nDROP TABLE bench_t%d;\n" "$i" "$i" "$i" \
      > "$scripts/$d/$(printf '20270101%06d' "$i")_bench_$i.sql"
  done
done
for run in $(seq 1 "$runs"); do
  if [ "$db" = sqlite ]; then url="jdbc:sqlite:$work/upgrade-$run.sqlite"; else
    psql "${pg/postgresql:/postgres:}" -qc "DROP SCHEMA IF EXISTS dm_bench_up CASCADE; CREATE SCHEMA dm_bench_up" >/dev/null
    url="$pg?currentSchema=dm_bench_up"; fi
  t0=$(date +%s%N); DATABASE_URL="$url" DATAMINGLE_MIGRATIONS="$scripts" cli db upgrade >/dev/null; t1=$(date +%s%N)
  record "W5 upgrade-100 run$run ms=$(( (t1 - t0) / 1000000 ))"
done
echo "bench: results in $results" >&2
