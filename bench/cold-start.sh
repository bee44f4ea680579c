#!/usr/bin/env bash
# Issue 18's cold start, by variant: for each variant a fresh `serve --dev` (SQLite) is started,
# timed from start to /ready 200, then driven at once by back-to-back W1 slices (GET /api/me, one
# known user: wrk 2 threads x 32 connections), and once more after BENCH_WARM_AFTER more of the
# same load as "warm". Reports
# per variant: start-to-ready, each slice's requests/s, p99 and the server's CPU per request, and
# the first slice against the warm one. Variants in alternation, BENCH_ROUNDS times.
#
# Usage: bench/cold-start.sh
#   BENCH_VARIANTS: ';'-separated "label|DATAMINGLE_WARMUP|extra JVM flags", default
#     "auto|auto|;two|2s|;off|off|" (auto: serve's default, warm up until hot; off: --dev's)
#   BENCH_SLICE (5s), BENCH_SLICES (3), BENCH_ROUNDS (2), BENCH_WARM_AFTER (30s), BENCH_PORT (18291)
# Output: bench/results/cold-start/<time>.txt
set -euo pipefail
source "$(dirname -- "$0")/lib.sh"
variants="${BENCH_VARIANTS:-auto|auto|;two|2s|;off|off|}"
slice="${BENCH_SLICE:-5s}"
slices="${BENCH_SLICES:-3}"
rounds="${BENCH_ROUNDS:-2}"
warm_after="${BENCH_WARM_AFTER:-30s}"
port="${BENCH_PORT:-18291}"
ensure_tools
work="$root/bench/work/cold-start"
out="$root/bench/results/cold-start/$(date -u +%Y-%m-%dT%H%M%SZ).txt"
mkdir -p "$work" "$(dirname "$out")"
rm -f "$work"/db.sqlite*
export DATABASE_URL="jdbc:sqlite:$work/db.sqlite"
token=$(cd "$work" && java_cli dev token --email cold@example.com)
{
  echo "# cold-start: slice=$slice slices=$slices rounds=$rounds; java: $(java -version 2>&1 | head -n 1)"
  echo "# commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"

server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop_server EXIT

slice_line() { # LABEL: one wrk slice, one line
  local c0 c1 raw="$work/wrk.txt" rps p99 requests
  c0=$(cpu_ticks "$server")
  wrk -t2 -c32 -d"$slice" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/me" > "$raw" 2>&1 || true
  c1=$(cpu_ticks "$server")
  rps=$(awk '/Requests\/sec/ {print $2}' "$raw")
  requests=$(awk '/requests in/ {print $1}' "$raw")
  p99=$(awk '$1=="99%" {print $2}' "$raw")
  echo "$1 rps=${rps:-0} p99=${p99:-} cpu_us_per_req=$(( (c1 - c0) * 10000 / (${requests:-0} + 1) ))"
}

IFS=';' read -r -a list <<< "$variants"
for round in $(seq 1 "$rounds"); do
  for v in "${list[@]}"; do
    IFS='|' read -r label budget flags <<< "$v"
    t0=$(now_ms)
    (cd "$work" && DATAMINGLE_WARMUP="$budget" exec java $flags -jar "$jar" serve --dev --port "$port" > "$work/serve-$label.log" 2>&1) &
    server=$!
    wait_ok "$port" /ready "$server" >/dev/null || { echo "bench: $label did not get ready; see $work/serve-$label.log" >&2; exit 1; }
    echo "round=$round $label start-to-ready ms=$(( $(now_ms) - t0 ))" | tee -a "$out"
    for s in $(seq 1 "$slices"); do slice_line "round=$round $label cold-s$s" | tee -a "$out"; done
    wrk -t2 -c32 -d"$warm_after" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/me" >/dev/null 2>&1 || true
    slice_line "round=$round $label warm" | tee -a "$out"
    stop_server
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
