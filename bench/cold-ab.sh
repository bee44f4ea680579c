#!/usr/bin/env bash
# Cold W1 of two builds in alternation (issue 18's warm-up): for each build and each W1 variant a
# fresh `serve --dev` is started on the database that bench/side-by-side.sh seeded, and measured
# as soon as /ready answers 200 (BENCH_COLD_DURATION), then again as "warm" after BENCH_WARM_AFTER
# more of the same load. Variants: W1-one (one known user, one token) and W1-many (a different
# known user's token each request, bench/me-many.lua: every token is new to the server).
#
# Usage: bench/cold-ab.sh sqlite|postgresql
#   Needs a run of bench/side-by-side.sh on that database first (its seeded database and tokens).
#   BENCH_BASELINE_JAR: the other build's datamingle.jar (required), labelled "baseline"; this
#   checkout's jar is "current". BENCH_ROUNDS (2), BENCH_COLD_DURATION (10s), BENCH_WARM_AFTER (15s),
#   BENCH_PORT (18301).
# Output: bench/results/cold-ab/<time>-<db>.txt (one line per measurement, and each server's
# warm-up line from its log)
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
bench_database "${1:-}"
baseline="${BENCH_BASELINE_JAR:?bench: set BENCH_BASELINE_JAR to the other build datamingle.jar}"
rounds="${BENCH_ROUNDS:-2}"
cold_duration="${BENCH_COLD_DURATION:-10s}"
warm_after="${BENCH_WARM_AFTER:-15s}"
port="${BENCH_PORT:-18301}"
work="$root/bench/work/side-$db"
keys="$root/bench/work/side-keys"
[ -f "$keys/w1.txt" ] && [ -d "$work/.datamingle-dev" ] \
  || { echo "bench: run bench/side-by-side.sh $db first (its seeded database and tokens)" >&2; exit 2; }
ensure_tools
db_env "$db" "$work"
out="$root/bench/results/cold-ab/$(date -u +%Y-%m-%dT%H%M%SZ)-$db.txt"
mkdir -p "$(dirname "$out")"
one_token=$(cat "$work/w1-one.txt")
{
  echo "# cold-ab $db: rounds=$rounds cold=$cold_duration warm_after=$warm_after; java: $(java -version 2>&1 | head -n 1)"
  echo "# current commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown) (plus uncommitted changes: $(git -C "$root" status --porcelain | wc -l) files)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"

server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop_server EXIT

measure() { # LABEL DURATION VARIANT
  local c0 c1 raw="$work/cold-ab-wrk.txt" rps p99 requests base="http://127.0.0.1:$port/api/me"
  c0=$(cpu_ticks "$server")
  if [ "$3" = one ]; then
    wrk -t2 -c32 -d"$2" --latency -H "Authorization: Bearer $one_token" "$base" > "$raw" 2>&1 || true
  else
    TOKENS="$keys/w1.txt" wrk -t2 -c32 -d"$2" --latency -s "$root/bench/me-many.lua" "$base" > "$raw" 2>&1 || true
  fi
  c1=$(cpu_ticks "$server")
  rps=$(awk '/Requests\/sec/ {print $2}' "$raw")
  requests=$(awk '/requests in/ {print $1}' "$raw")
  p99=$(awk '$1=="99%" {print $2}' "$raw")
  echo "$1 rps=${rps:-0} p99=${p99:-} non2xx=$(awk '/Non-2xx/ {print $NF}' "$raw") cpu_us_per_req=$(( (c1 - c0) * 10000 / (${requests:-0} + 1) ))" | tee -a "$out"
}

for round in $(seq 1 "$rounds"); do
  for build in baseline current; do
    if [ "$build" = baseline ]; then j="$baseline"; else j="$jar"; fi
    for variant in one many; do
      t0=$(now_ms)
      # serve --dev warms up only when asked (since issue 18's auto): 2 s, as before, unless told
      (cd "$work" && DATAMINGLE_WARMUP="${BENCH_SERVE_WARMUP:-2s}" exec java -jar "$j" serve --dev --port "$port" > "$work/cold-ab-serve.log" 2>&1) &
      server=$!
      wait_ok "$port" /ready "$server" >/dev/null || { echo "bench: $build did not get ready; see $work/cold-ab-serve.log" >&2; exit 1; }
      echo "round=$round $build W1-$variant start-to-ready ms=$(( $(now_ms) - t0 ))" | tee -a "$out"
      measure "round=$round $build cold-W1-$variant" "$cold_duration" "$variant"
      if [ "$variant" = one ]; then
        wrk -t2 -c32 -d"$warm_after" -H "Authorization: Bearer $one_token" "http://127.0.0.1:$port/api/me" >/dev/null 2>&1 || true
      else
        TOKENS="$keys/w1.txt" wrk -t2 -c32 -d"$warm_after" -s "$root/bench/me-many.lua" "http://127.0.0.1:$port/api/me" >/dev/null 2>&1 || true
      fi
      measure "round=$round $build warm-W1-$variant" "$cold_duration" "$variant"
      echo "round=$round $build log: $(grep -a -o 'warmed up in.*' "$work/cold-ab-serve.log" | head -n 1)" | tee -a "$out"
      stop_server
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
